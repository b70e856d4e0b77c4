"""Read articles from ``.txt`` files, ``.jsonl`` files and stdin as raw records.

Readers yield plain dicts (``id``, ``text``, ``published``, other fields passed through)
or, for a line or file that cannot be read, an :class:`InputError` instance carrying the
``doc_id``; the pipeline turns those into error records so the batch goes on.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.errors import (
    DocumentTooLarge,
    EncodingError,
    InputError,
    MalformedRecord,
    UnreadableInput,
)
from marsad.io.validate import MAX_CHARS

Record = dict[str, Any]

ARTICLE_SUFFIXES = (".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{where} is not UTF-8 (byte {exc.start}).",
            hint="Convert it first, e.g. `iconv -f cp1256 -t utf-8`.",
        ) from None


def _failure(exc: InputError, doc_id: str) -> InputError:
    exc.doc_id = doc_id  # type: ignore[attr-defined]
    return exc


def read_text_file(path: Path) -> Record:
    """One article from a text file; its id is the file name without suffix."""
    try:
        size = path.stat().st_size
        if size > 4 * MAX_CHARS:  # UTF-8 Arabic takes 2 bytes a letter; never read such a file
            raise DocumentTooLarge(f"{path} has {size:,} bytes, more than one article can hold.",
                                   hint="Split it into articles (one per .txt, or JSONL).")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror}.",
                              hint="Check the path and its permissions.") from None
    return {"id": path.stem, "text": decode(data, str(path)), "file": str(path)}


def iter_jsonl(stream: IO[bytes], where: str) -> Iterator[Record | InputError]:
    """One record per non-blank line; a bad line yields an error and reading goes on."""
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        line_id = f"{where}:{n}"
        try:
            line = decode(raw, line_id)
            obj = json.loads(line)
        except EncodingError as exc:
            yield _failure(exc, line_id)
            continue
        except json.JSONDecodeError as exc:
            yield _failure(MalformedRecord(f"{line_id} is not JSON: {exc.msg}.",
                                           hint="Each line must be one JSON object."), line_id)
            continue
        if not isinstance(obj, dict):
            yield _failure(MalformedRecord(f"{line_id} is a JSON {type(obj).__name__}, "
                                           "not an object.",
                                           hint="Each line must be one JSON object."), line_id)
            continue
        obj.setdefault("id", line_id)
        yield obj


def _looks_like_jsonl(head: bytes) -> bool:
    return head.lstrip()[:1] == b"{"


def read_inputs(paths: list[str]) -> Iterator[Record | InputError]:
    """Records from every path (``-`` is stdin, sniffed as JSONL or one text article).

    A path that cannot be opened raises :class:`UnreadableInput` before anything is read
    from it, so the caller can stop with a clear message when the input itself is bad.
    """
    for p in paths:
        if p == "-":
            data = sys.stdin.buffer.read()
            if _looks_like_jsonl(data[:100]):
                import io

                yield from iter_jsonl(io.BytesIO(data), "<stdin>")
            else:
                try:
                    yield {"id": "stdin", "text": decode(data, "<stdin>")}
                except InputError as exc:
                    yield _failure(exc, "stdin")
            continue
        path = Path(p)
        if not path.exists():
            raise UnreadableInput(f"no such file: {p}.", hint="Check the path.")
        if path.is_dir():
            raise UnreadableInput(f"{p} is a directory.",
                                  hint="Give the files inside it (e.g. dir/*.txt).")
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                fh = path.open("rb")
            except OSError as exc:
                raise UnreadableInput(f"cannot read {p}: {exc.strerror}.",
                                      hint="Check its permissions.") from None
            with fh:
                yield from iter_jsonl(fh, path.name)
        else:
            try:
                yield read_text_file(path)
            except UnreadableInput:
                raise
            except InputError as exc:
                yield _failure(exc, path.stem)
