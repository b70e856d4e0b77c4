"""Parse one input's bytes: HTML article pages, RSS/Atom feeds and WARC archives.

Each parser yields raw records (``id``, ``text``, ``published``, ``title``, ``url``,
``site``, ``author``) or :class:`Failed` items; the third-party libraries (trafilatura,
feedparser, warcio; the ``marsad[ingest]`` extra) are imported on first use.
"""

from __future__ import annotations

import html as htmllib
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marsad.errors import InputError, MalformedRecord, MarsadError
from marsad.ingest.pubdate import parse_pubdate

Record = dict[str, Any]


class MissingExtra(MarsadError):
    """An optional dependency for one input format is not installed."""

    code = "E109"


@dataclass
class Failed:
    """An input (file, line, entry, record) that could not be read as an article."""

    origin: str
    doc_id: str | None
    error: InputError


Item = Record | Failed


def _need(module: str, what: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"reading {what} needs the {module} package.",
                           hint="Install it with: pip install 'marsad[ingest]'.") from None


# -- HTML -----------------------------------------------------------------------------


def html_record(data: bytes | str, origin: str, url: str | None = None) -> Item:
    """The article in an HTML page: main text and metadata from trafilatura."""
    trafilatura = _need("trafilatura", "HTML pages")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                          include_comments=False, include_tables=False)
    if doc is None:
        return Failed(origin, None, MalformedRecord(
            f"{origin}: no article text found in the HTML page.",
            hint="Give the article page itself, not an index or a login page."))
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    published = parse_pubdate(meta.get("date"))
    rec: Record = {
        "id": url or meta.get("url") or origin, "text": text,
        "published": published.isoformat() if published else None,
        "title": meta.get("title"), "url": url or meta.get("url"),
        "site": meta.get("sitename") or meta.get("hostname"), "author": meta.get("author"),
    }
    return {k: v for k, v in rec.items() if v is not None or k in ("text", "published")}


# -- feeds ----------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h\d)\s*/?>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NEWLINES = re.compile(r"\s*\n\s*")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content)."""
    s = _BLOCK.sub("\n", fragment)
    s = htmllib.unescape(_TAG.sub(" ", s))
    s = _SPACES.sub(" ", s)
    return _NEWLINES.sub("\n", s).strip()


def feed_records(data: bytes, origin: str) -> Iterator[Item]:
    """One record per feed entry; the entry's own content, else its summary."""
    feedparser = _need("feedparser", "RSS/Atom feeds")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            yield Failed(origin, None, MalformedRecord(
                f"{origin}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')}).",
                hint="Check that the file is a feed."))
        return
    site = (parsed.feed.get("title") or "").strip() or None
    for n, e in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        body = ""
        for c in e.get("content") or []:
            if c.get("value"):
                body = c["value"]
                break
        body = body or e.get("summary") or e.get("description") or ""
        text = html_to_text(body)
        date_str = e.get("published") or e.get("updated") or e.get("dc_date")
        published = parse_pubdate(date_str)
        if published is None and e.get("published_parsed"):
            import datetime as dt

            published = dt.date(*e["published_parsed"][:3])
        rec: Record = {
            "id": e.get("id") or e.get("link") or where, "text": text,
            "published": published.isoformat() if published else None,
            "title": html_to_text(e.get("title") or "") or None, "url": e.get("link"),
            "site": site, "author": e.get("author"), "_origin": where,
        }
        yield {k: v for k, v in rec.items() if v is not None or k in ("text", "published")}


# -- WARC -----------------------------------------------------------------------------


def warc_records(stream: io.BufferedIOBase | Any, origin: str) -> Iterator[Item]:
    """Each HTML response (or resource) record of a WARC file, read as an article page."""
    archive = _need("warcio.archiveiterator", "WARC files")
    try:
        for n, rec in enumerate(archive.ArchiveIterator(stream), 1):
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            ctype = ""
            if rec.http_headers is not None:
                ctype = rec.http_headers.get_header("Content-Type") or ""
                status = rec.http_headers.get_statuscode()
                if status and not str(status).startswith("2"):
                    continue
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            if ctype and "html" not in ctype.lower():
                continue
            where = f"{origin}#{n}"
            item = html_record(rec.content_stream().read(), where, url=url)
            if isinstance(item, dict):
                item["_origin"] = where
                warc_date = rec.rec_headers.get_header("WARC-Date")
                if warc_date:
                    item["warc_date"] = warc_date
            yield item
    except Exception as exc:  # noqa: BLE001 - a truncated or corrupt archive
        if isinstance(exc, MissingExtra):
            raise
        yield Failed(origin, None, MalformedRecord(
            f"{origin}: the WARC archive cannot be read further ({type(exc).__name__}: {exc}).",
            hint="The records before this point were read; check the file."))
