"""Turn a raw input record into a :class:`Document`, or raise a clear :class:`InputError`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from marsad.errors import (
    BadDate,
    BinaryInput,
    DocumentTooLarge,
    EmptyDocument,
    MalformedRecord,
    NotArabic,
)
from marsad.model.document import Document

MAX_CHARS = 1_000_000  # about 500 pages; longer inputs are almost always not one article
MIN_ARABIC_SHARE = 0.2  # of the letters

_ARABIC = r"\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc"
_NOT_ARABIC = re.compile(f"[^{_ARABIC}]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def parse_date(value: object) -> dt.date | None:
    """An ISO date (``YYYY-MM-DD``, or a longer ISO timestamp) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise BadDate(f"published date {value!r} is not YYYY-MM-DD.",
                  hint="Give dates as 2022-01-06, or leave the field out.")


def content_id(text: str) -> str:
    """A stable id from the text, for inputs that carry none."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check_text(text: str, doc_id: str) -> None:
    """Raise an :class:`InputError` when ``text`` cannot be an Arabic article."""
    if not text.strip():
        raise EmptyDocument(f"document {doc_id!r} has no text.", hint="Skip it or fix the input.")
    if len(text) > MAX_CHARS:
        raise DocumentTooLarge(
            f"document {doc_id!r} has {len(text):,} characters (limit {MAX_CHARS:,}).",
            hint="Split it into articles first.",
        )
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(10, len(sample) // 100):
        raise BinaryInput(f"document {doc_id!r} looks like binary data, not text.",
                          hint="Give the article's text, not the file's bytes.")
    arabic = len(_NOT_ARABIC.sub("", sample))
    if arabic and arabic >= MIN_ARABIC_SHARE * len(sample):
        return  # a share of all the characters already: no need to count the letters
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    if letters == 0 or arabic < MIN_ARABIC_SHARE * letters:
        raise NotArabic(
            f"document {doc_id!r} is not Arabic ({arabic} of {letters} letters are Arabic).",
            hint="marsad reads Arabic articles only.",
        )


def make_document(record: Mapping[str, Any], default_published: dt.date | None = None
                  ) -> Document:
    """A checked :class:`Document` from ``{"id", "text", "published", ...}``."""
    if not isinstance(record, Mapping):
        raise MalformedRecord(f"expected a JSON object, got {type(record).__name__}.",
                              hint="Each JSONL line must be an object with a 'text' field.")
    text = record.get("text")
    raw_id = record.get("id")
    if not isinstance(text, str):
        raise MalformedRecord(
            f"document {raw_id!r} has no string 'text' field.",
            hint="Each JSONL line must be an object with a 'text' field.",
        )
    doc_id = str(raw_id) if raw_id not in (None, "") else content_id(text)
    check_text(text, doc_id)
    published = parse_date(record.get("published")) or default_published
    meta = {k: v for k, v in record.items() if k not in ("id", "text", "published")}
    return Document(id=doc_id, text=text, published=published, meta=meta)
