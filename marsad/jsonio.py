"""JSON text for the hot output paths: each extracted article (``marsad extract``) and each
stored result (``marsad ingest``).

orjson (Apache-2.0/MIT) encodes a whole article record about three times faster than the
standard library; its compact output is the standard library's with
``ensure_ascii=False, separators=(",", ":")``. Anything orjson refuses (an integer beyond
64 bits, a key that is not a string) falls back to the standard library, so callers never
see the difference.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_PRETTY = orjson.OPT_INDENT_2


def dumps_bytes(obj: Any, *, pretty: bool = False) -> bytes:
    """UTF-8 JSON of ``obj``; values JSON has no type for are written as ``str(value)``."""
    try:
        return orjson.dumps(obj, default=str, option=_PRETTY if pretty else None)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(obj, ensure_ascii=False, default=str, indent=2 if pretty else None,
                          separators=None if pretty else (",", ":")).encode("utf-8")


def dumps(obj: Any, *, pretty: bool = False) -> str:
    """:func:`dumps_bytes` as text."""
    return dumps_bytes(obj, pretty=pretty).decode("utf-8")
