"""``marsad export``: the store's events as files other tools load unchanged.

Formats: ``jsonl`` (marsad's own document records), ``plover`` (POLECAT-style JSONL),
``acled-csv``, ``geojson`` (a FeatureCollection of events with coordinates) and
``parquet`` (one row per event; pyarrow is imported only for it).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.errors import MarsadError
from marsad.export.mapping import ACLED_COLUMNS, acled_row, children, plover_record
from marsad.storage.query import EventFilter, iter_events
from marsad.storage.store import Store

FORMATS = ("jsonl", "plover", "acled-csv", "geojson", "parquet")


class ExportError(MarsadError):
    code = "E310"


def _doc_text(store: Store, doc: int, cache: dict[int, str]) -> str:
    if doc not in cache:
        cache.clear()  # events come grouped by document often enough; keep one
        row = store.conn.execute("SELECT text FROM documents WHERE id=?", (doc,)).fetchone()
        cache[doc] = row[0] if row else ""
    return cache[doc]


def iter_plover(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    cache: dict[int, str] = {}
    for ev in iter_events(store, flt, order="doc"):
        yield plover_record(ev, children(store.conn, ev["id"]), _doc_text(store, ev["doc"], cache))


def iter_acled(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    for ev in iter_events(store, flt):
        row = acled_row(ev, children(store.conn, ev["id"]))
        if row is not None:
            yield row


def event_rows(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Flat per-event rows (parquet, tables): the events columns without folded copies."""
    for ev in iter_events(store, flt, order="doc"):
        yield {k: v for k, v in ev.items() if not k.endswith("_norm")}


def write_jsonl(store: Store, out: IO[str], flt: EventFilter | None = None,
                with_text: bool = False) -> int:
    """One document record (``marsad extract``'s schema) per line."""
    if flt is not None and flt != EventFilter():
        where, params = flt.where()
        sql = (f"SELECT d.result, d.text FROM documents d WHERE d.id IN (SELECT e.doc FROM "
               f"events e JOIN documents d ON d.id = e.doc WHERE {where}) ORDER BY d.id")
    else:
        sql, params = "SELECT result, text FROM documents ORDER BY id", []
    n = 0
    for result, text in store.conn.execute(sql, params):
        if with_text:
            rec = json.loads(result)
            rec["text"] = text
            result = json.dumps(rec, ensure_ascii=False)
        out.write(result)
        out.write("\n")
        n += 1
    return n


def write_plover(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    n = 0
    for rec in iter_plover(store, flt):
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def write_acled(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    w = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for row in iter_acled(store, flt):
        w.writerow(row)
        n += 1
    return n


def write_geojson(store: Store, out: IO[str], flt: EventFilter | None = None) -> int:
    """A FeatureCollection of events that have coordinates (RFC 7946: [lon, lat])."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in iter_events(store, flt, order="doc"):
        lat, lon = ev.get("lat"), ev.get("lon")
        if lat is None or lon is None:
            continue
        props = {
            "id": ev["uid"], "type": ev["type"], "mode": ev.get("mode"),
            "date": ev.get("date") or ev.get("published"), "trigger": ev["trigger_text"],
            "actors": ev.get("actor_text"), "recipients": ev.get("recipient_text"),
            "place": ev.get("loc_name") or ev.get("loc_text"), "country": ev.get("country"),
            "admin1": ev.get("admin1"), "precision": ev.get("geo_precision"),
            "fatalities": ev.get("fatalities"), "sources": ev.get("source_text"),
            "document": ev.get("doc_id"), "url": ev.get("url"),
            "negated": bool(ev.get("negated")), "hypothetical": bool(ev.get("hypothetical")),
        }
        feat = {"type": "Feature", "id": ev["uid"],
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": props}
        out.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_parquet(store: Store, path: str | Path, flt: EventFilter | None = None,
                  batch: int = 10_000) -> int:
    """One row per event; written in row groups so memory stays bounded."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("the parquet format needs pyarrow, which is not installed.",
                          hint="Install it with: pip install 'marsad[parquet]'.") from None
    schema = _parquet_schema(store, pa)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        rows: list[dict[str, Any]] = []
        for row in event_rows(store, flt):
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def _parquet_schema(store: Store, pa: Any) -> Any:
    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    fields = []
    for col in store.conn.execute("PRAGMA table_info(events)"):
        if not col[1].endswith("_norm"):
            fields.append(pa.field(col[1], types.get(col[2].upper(), pa.string())))
    fields += [pa.field(c, pa.string()) for c in ("doc_hash", "doc_id", "published", "title",
                                                  "url", "site")]
    return pa.schema(fields)


def export(store: Store, fmt: str, output: str | Path | None, flt: EventFilter | None = None,
           *, with_text: bool = False, stdout: IO[str] | None = None) -> int:
    """Write ``fmt`` to ``output`` (``None`` or ``-``: stdout); the number of records."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}.",
                          hint=f"Use one of: {', '.join(FORMATS)}.")
    if fmt == "parquet":
        if output in (None, "-"):
            raise ExportError("parquet is a binary format; give a file with -o.",
                              hint="e.g. -o events.parquet")
        return write_parquet(store, output, flt)  # type: ignore[arg-type]
    import sys

    if output in (None, "-"):
        return _write(fmt, store, stdout or sys.stdout, flt, with_text)
    tmp = Path(str(output) + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        n = _write(fmt, store, fh, flt, with_text)
    tmp.replace(output)  # type: ignore[arg-type]
    return n


def _write(fmt: str, store: Store, out: IO[str], flt: EventFilter | None,
           with_text: bool) -> int:
    if fmt == "jsonl":
        return write_jsonl(store, out, flt, with_text)
    if fmt == "plover":
        return write_plover(store, out, flt)
    if fmt == "acled-csv":
        return write_acled(store, out, flt)
    return write_geojson(store, out, flt)
