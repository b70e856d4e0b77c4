"""Open every kind of input ``marsad ingest`` takes and yield raw records in a stable order.

Inputs: files (JSONL, text, HTML, RSS/Atom, WARC), directories (walked recursively, in
sorted order), ``.gz``/``.bz2``/``.zip`` wrappers of any of these (by name or magic
bytes), ``http(s)://`` URLs (feeds or pages) and ``-`` for stdin. Everything streams: a
file is never read whole unless its format needs it (HTML, feeds), so memory stays flat.

A record is a dict with ``id``, ``text``, ``published`` ... and ``_origin`` (where it
came from: ``path``, ``path:line``, ``archive!member``, ``feed#entry``). Anything that
cannot be read becomes a :class:`~marsad.ingest.formats.Failed` item, never an exception,
so one bad input does not stop a run.
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.errors import (
    EncodingError,
    InputError,
    MalformedRecord,
    UnreadableInput,
)
from marsad.ingest.formats import Failed, Item, feed_records, html_record, warc_records
from marsad.io.readers import decode

JSONL = (".jsonl", ".ndjson", ".json")
TEXT = (".txt", ".text")
HTML = (".html", ".htm", ".xhtml", ".shtml")
FEED = (".rss", ".atom", ".xml", ".feed")
WARC = (".warc",)
WRAPPERS = (".gz", ".bz2", ".zip")


def read_inputs(paths: list[str], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Every record of every input, in order (directories sorted)."""
    for p in paths:
        if p == "-":
            yield from _dispatch(stdin or sys.stdin.buffer, "<stdin>", "<stdin>")
        elif p.startswith(("http://", "https://")):
            yield from _read_url(p)
        else:
            yield from _read_path(Path(p), p)


def _read_path(path: Path, origin: str) -> Iterator[Item]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield from _read_path(Path(root) / name, os.path.join(origin, os.path.relpath(
                        os.path.join(root, name), path)))
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failed(origin, path.stem, UnreadableInput(
            f"cannot read {origin}: {exc.strerror or exc}.",
            hint="Check the path and its permissions."))
        return
    with fh:
        yield from _dispatch(fh, path.name, origin)


def _read_url(url: str) -> Iterator[Item]:
    import urllib.request

    try:
        req = urllib.request.Request(url, headers={"User-Agent": "marsad"})
        with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 - user's URL
            data = resp.read()
            ctype = resp.headers.get("Content-Type", "")
    except Exception as exc:  # noqa: BLE001 - no network, DNS, HTTP errors ...
        yield Failed(url, None, UnreadableInput(f"cannot fetch {url}: {exc}.",
                                                hint="Check the URL and the network."))
        return
    import io

    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    if "xml" in ctype or "rss" in ctype or "atom" in ctype:
        yield from feed_records(data, url)
    else:
        yield from _dispatch(io.BufferedReader(io.BytesIO(data)), name, url)  # type: ignore[arg-type]


def _peek(stream: Any, n: int = 2048) -> bytes:
    try:
        return bytes(stream.peek(n)[:n])
    except (AttributeError, OSError, EOFError, zipfile.BadZipFile, ValueError):
        return b""


def _dispatch(stream: Any, name: str, origin: str) -> Iterator[Item]:
    """Read ``stream`` by its name's suffix, else by its first bytes."""
    lower = name.lower()
    try:
        head = _peek(stream)
    except Exception:  # noqa: BLE001
        head = b""
    try:
        if lower.endswith(".zip") or head.startswith(b"PK\x03\x04"):
            yield from _read_zip(stream, origin)
            return
        if lower.endswith(".gz") or head.startswith(b"\x1f\x8b"):
            inner = name[:-3] if lower.endswith(".gz") else name
            if lower.endswith(".warc.gz") or lower.endswith(".warc"):
                # WARC files are gzipped per record; warcio reads them as they are.
                yield from warc_records(stream, origin)
                return
            yield from _dispatch(gzip.GzipFile(fileobj=stream), inner, origin)
            return
        if lower.endswith(".bz2") or head.startswith(b"BZh"):
            inner = name[:-4] if lower.endswith(".bz2") else name
            yield from _dispatch(bz2.BZ2File(stream), inner, origin)
            return
        kind = _kind(lower, head)
        if kind == "jsonl":
            yield from _read_jsonl(stream, origin)
        elif kind == "warc":
            yield from warc_records(stream, origin)
        elif kind == "feed":
            yield from feed_records(stream.read(), origin)
        elif kind == "html":
            item = html_record(stream.read(), origin)
            if isinstance(item, dict):
                item.setdefault("_origin", origin)
            yield item
        else:
            yield _read_text(stream.read(), name, origin)
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile, ValueError) as exc:
        yield Failed(origin, None, UnreadableInput(
            f"cannot read {origin}: {type(exc).__name__}: {exc}.",
            hint="The file is truncated or corrupt; what was read before this point was kept."))


def _kind(lower: str, head: bytes) -> str:
    if lower.endswith(JSONL):
        return "jsonl"
    if lower.endswith(WARC):
        return "warc"
    if lower.endswith(HTML):
        return "html"
    if lower.endswith(FEED):
        return "feed"
    if lower.endswith(TEXT):
        return "text"
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if h.startswith(b"WARC/"):
        return "warc"
    if h.startswith((b"{", b"[")):
        return "jsonl"
    if h.startswith(b"<"):
        low = h[:2048].lower()
        if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
            return "feed"
        return "html"
    return "text"


def _read_zip(stream: Any, origin: str) -> Iterator[Item]:
    with zipfile.ZipFile(stream) as zf:
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir() or Path(info.filename).name.startswith("."):
                continue
            where = f"{origin}!{info.filename}"
            try:
                member = zf.open(info)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
                yield Failed(where, None, UnreadableInput(f"cannot read {where}: {exc}.",
                                                          hint="The archive is damaged."))
                continue
            with member:
                yield from _dispatch(member, Path(info.filename).name, where)


def _read_text(data: bytes, name: str, origin: str) -> Item:
    stem = "stdin" if name == "<stdin>" else (Path(name).name.split(".")[0] or name)
    try:
        text = decode(data, origin)
    except InputError as exc:
        return Failed(origin, stem, exc)
    return {"id": stem, "text": text, "_origin": origin}


def _read_jsonl(stream: Any, origin: str) -> Iterator[Item]:
    head = _peek(stream, 64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):  # a JSON array of records (.json)
        where = origin
        try:
            data = json.loads(decode(stream.read(), where))
        except (InputError, json.JSONDecodeError) as exc:
            err = exc if isinstance(exc, InputError) else MalformedRecord(
                f"{where} is not JSON: {exc}.", hint="Give JSONL or a JSON array of objects.")
            yield Failed(where, None, err)
            return
        lines: Any = ((n, obj) for n, obj in enumerate(data, 1))
        yield from _records(lines, origin)
        return
    yield from _records(_json_lines(stream, origin), origin)


def _json_lines(stream: Any, origin: str) -> Iterator[tuple[int, Any]]:
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{origin}:{n}"
        try:
            yield n, json.loads(decode(raw, where))
        except EncodingError as exc:
            yield n, exc
        except json.JSONDecodeError as exc:
            yield n, MalformedRecord(f"{where} is not JSON: {exc.msg}.",
                                     hint="Each line must be one JSON object.")


def _records(lines: Iterator[tuple[int, Any]], origin: str) -> Iterator[Item]:
    for n, obj in lines:
        where = f"{origin}:{n}"
        if isinstance(obj, InputError):
            yield Failed(where, where, obj)
        elif not isinstance(obj, dict):
            yield Failed(where, where, MalformedRecord(
                f"{where} is a JSON {type(obj).__name__}, not an object.",
                hint="Each line must be one JSON object."))
        else:
            obj.setdefault("id", where)
            obj["_origin"] = where
            yield obj
