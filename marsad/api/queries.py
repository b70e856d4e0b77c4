"""Read-only queries over a marsad store (:mod:`marsad.storage`, ``schema.sql``).

The server never writes the store: it opens it with ``Store(path, readonly=True)`` (SQLite
``mode=ro``). The events table is wide (folded copies of sentences and names) and an
event's day falls back on its article's publication date, so filtering and counting it
directly means touching every article. Instead the connection keeps a narrow index of the
events in its TEMP schema (``temp.ev``: id, doc, type, mode, country, day, flags,
fatalities, location) and answers lists and counts from it; text filters join the real
table. The index is rebuilt when another connection (an ingest) has committed, checked with
``PRAGMA data_version`` at most every ``refresh_s`` seconds.

Text filters are the store's own (:class:`~marsad.storage.EventFilter`: folded ``LIKE`` on
the ``*_norm`` columns), so the API, ``marsad events`` and the exports agree.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from marsad.api.errors import NotFound, StoreUnavailable
from marsad.api.params import Filters, Page
from marsad.errors import StoreError
from marsad.storage import EventFilter, Store

MAX_GROUPS = 5000  # rows an aggregate returns at most
MAX_POINTS = 2000  # map points (distinct locations) at most
SNIPPET = 320  # characters of the event's sentence shown in lists
DAY = "COALESCE(e.date, d.published)"  # the day an event is counted on

_INDEX_SQL = f"""
DROP TABLE IF EXISTS temp.ev;
CREATE TEMP TABLE ev (
    id INTEGER PRIMARY KEY, doc INTEGER, type TEXT, mode TEXT, country TEXT, country3 TEXT,
    day TEXT, negated INTEGER, hypothetical INTEGER, fatalities INTEGER, lat REAL, lon REAL,
    place TEXT);
INSERT INTO temp.ev
    SELECT e.id, e.doc, e.type, e.mode, e.country, e.country3, {DAY}, e.negated,
           e.hypothetical, e.fatalities, e.lat, e.lon, COALESCE(e.loc_name, e.loc_text)
    FROM events e JOIN documents d ON d.id = e.doc;
CREATE INDEX temp.ev_day ON ev(day, id);
CREATE INDEX temp.ev_day_type ON ev(day, type);
CREATE INDEX temp.ev_type ON ev(type, day);
CREATE INDEX temp.ev_mode ON ev(mode);
CREATE INDEX temp.ev_country ON ev(country, country3);
CREATE INDEX temp.ev_country3 ON ev(country3);
CREATE INDEX temp.ev_place ON ev(lat, lon, place);
CREATE INDEX temp.ev_doc ON ev(doc);
"""

_SORT_SQL = {
    "-date": "v.day DESC, v.id DESC",  # SQLite puts NULL last when descending
    "date": "v.day IS NULL, v.day ASC, v.id ASC",
    "type": "v.type ASC, v.day DESC, v.id DESC",
    "country": "v.country IS NULL, v.country ASC, v.day DESC, v.id DESC",
    "-fatalities": "v.fatalities IS NULL, v.fatalities DESC, v.day DESC, v.id DESC",
}

_LIST_COLUMNS = f"""
    e.id, e.uid, e.doc, e.idx, e.type, e.mode, e.trigger_start, e.trigger_end, e.trigger_text,
    e.sentence, e.date, e.date_precision, e.date_text, e.loc_text, e.loc_name, e.country,
    e.country3, e.admin1, e.lat, e.lon, e.geo_precision, e.negated, e.hypothetical, e.future,
    e.historical, e.confidence, e.fatalities, e.actor_text, e.recipient_text, e.source_text,
    d.doc_id, d.title, d.published, d.site, {DAY} AS day,
    substr(d.text, e.sentence_start + 1, min(e.sentence_end - e.sentence_start, {SNIPPET}))
        AS snippet
"""


def _split(joined: str | None) -> list[str]:
    return [s for s in (joined or "").split(" | ") if s]


def where(f: Filters) -> tuple[str, list[Any], bool]:
    """SQL condition over the index ``ev v`` (joined with ``events e`` when the third
    value is true: a text filter reads the folded columns), and its arguments."""
    sql: list[str] = []
    args: list[Any] = []

    def among(column: str, values: tuple[str, ...]) -> str:
        args.extend(values)
        return f"{column} IN ({','.join('?' * len(values))})"

    if f.types:
        sql.append(among("v.type", f.types))
    if f.modes:
        sql.append(among("v.mode", f.modes))
    if f.countries:
        sql.append(f"({among('v.country', f.countries)} OR {among('v.country3', f.countries)})")
    if f.date_from:
        sql.append("v.day >= ?")
        args.append(f.date_from)
    if f.date_to:
        sql.append("v.day <= ?")
        args.append(f.date_to)
    for flag, value in (("negated", f.negated), ("hypothetical", f.hypothetical)):
        if value is not None:
            sql.append(f"v.{flag} = ?")
            args.append(int(value))
    if f.doc is not None:
        sql.append("v.doc = ?")
        args.append(f.doc)
    text = EventFilter(actor=f.actor, recipient=f.recipient, place=f.place, source=f.source,
                       text=f.q)
    tcond, targs = text.where()
    joined = tcond != "1"
    if joined:
        sql.append(tcond)
        args.extend(targs)
    return (" AND ".join(sql) or "1"), args, joined


def _from(joined: bool) -> str:
    # With a text filter every row of events is read anyway: read it in its own order
    # (sequential) and look the index up by id, rather than the other way round.
    return "events e CROSS JOIN temp.ev v ON v.id = e.id" if joined else "temp.ev v"


class ReadOnlyStore:
    """The queries the API answers, over one store file opened read-only.

    One connection serves every request, one query at a time (each takes milliseconds on
    the index); the lock also guards the index rebuild.
    """

    def __init__(self, path: str | Path, refresh_s: float = 2.0) -> None:
        self.path = Path(path)
        self.refresh_s = refresh_s
        self._lock = threading.RLock()
        self._version: int | None = None
        self._checked = 0.0
        self._build_s = 0.0
        try:
            self._store = Store(self.path, readonly=True)
            c = self._store.conn
            c.execute("PRAGMA temp_store = MEMORY")
            c.execute("PRAGMA cache_size = -65536")
            c.execute("PRAGMA mmap_size = 1073741824")
            c.execute("SELECT 1 FROM documents, events LIMIT 1").fetchall()
        except StoreError:
            raise
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"{self.path} cannot be read as a marsad store: {exc}.",
                                   hint="Give the file `marsad ingest --db` wrote.") from None
        self._fresh()

    def conn(self) -> sqlite3.Connection:
        return self._store.conn

    def _fresh(self) -> sqlite3.Connection:
        """The connection, with an index no older than ``refresh_s`` behind the store."""
        c = self._store.conn
        now = time.monotonic()
        # while an ingest commits every second, re-index at most 1/10 of the time
        wait = max(self.refresh_s, 10 * self._build_s) if self.refresh_s else 0.0
        if self._version is not None and now - self._checked < wait:
            return c
        version = c.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            c.executescript(_INDEX_SQL)
            self._version = version
            self._build_s = time.monotonic() - now
        self._checked = time.monotonic()
        return c

    # -- events ----------------------------------------------------------------------

    def count_events(self, f: Filters) -> int:
        cond, args, joined = where(f)
        with self._lock:
            return int(self._fresh().execute(
                f"SELECT count(*) FROM {_from(joined)} WHERE {cond}", args).fetchone()[0])

    def events(self, f: Filters, page: Page) -> tuple[int, list[dict[str, Any]]]:
        """The number of matching events and the page's events."""
        cond, args, joined = where(f)
        order = _SORT_SQL[page.sort]
        with self._lock:
            c = self._fresh()
            if joined:  # one pass over events: all matching ids, sorted; count them here
                ids = [r[0] for r in c.execute(
                    f"SELECT v.id FROM {_from(True)} WHERE {cond} ORDER BY {order}", args)]
                total = len(ids)
                ids = ids[page.offset : page.offset + page.per_page]
            else:
                total = int(c.execute(f"SELECT count(*) FROM temp.ev v WHERE {cond}",
                                      args).fetchone()[0])
                ids = [r[0] for r in c.execute(
                    f"SELECT v.id FROM temp.ev v WHERE {cond} ORDER BY {order} "
                    "LIMIT ? OFFSET ?", [*args, page.per_page, page.offset])]
            if not ids:
                return total, []
            # then the page's columns: the sort never drags any article's text along
            rows = {r["id"]: r for r in c.execute(
                f"SELECT {_LIST_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc "
                f"WHERE e.id IN ({','.join('?' * len(ids))})", ids)}
        return total, [self._list_item(rows[i]) for i in ids if i in rows]

    @staticmethod
    def _list_item(r: sqlite3.Row) -> dict[str, Any]:
        loc = None
        if r["loc_text"] or r["loc_name"] or r["lat"] is not None:
            loc = {"text": r["loc_text"], "name": r["loc_name"], "country": r["country"],
                   "country3": r["country3"], "admin1": r["admin1"], "lat": r["lat"],
                   "lon": r["lon"], "precision": r["geo_precision"]}
        return {
            "uid": r["uid"], "doc": r["doc"], "idx": r["idx"], "type": r["type"],
            "mode": r["mode"],
            "trigger": {"text": r["trigger_text"], "start": r["trigger_start"],
                        "end": r["trigger_end"]},
            "date": r["date"], "day": r["day"], "date_precision": r["date_precision"],
            "date_text": r["date_text"], "location": loc, "country": r["country"],
            "actors": _split(r["actor_text"]), "recipients": _split(r["recipient_text"]),
            "sources": _split(r["source_text"]), "fatalities": r["fatalities"],
            "negated": bool(r["negated"]), "hypothetical": bool(r["hypothetical"]),
            "future": bool(r["future"]), "historical": bool(r["historical"]),
            "confidence": r["confidence"], "sentence": r["sentence"],
            "snippet": r["snippet"],
            "document": {"id": r["doc"], "doc_id": r["doc_id"], "title": r["title"],
                         "published": r["published"], "site": r["site"]},
        }

    def event(self, uid: str) -> dict[str, Any]:
        """One event with every field and mention, from its document's stored record."""
        with self._lock:
            r = self.conn().execute(
                "SELECT e.uid, e.doc, e.idx, e.fatalities, d.doc_id, d.title, d.published,"
                " d.site, d.url, d.result FROM events e JOIN documents d ON d.id = e.doc"
                " WHERE e.uid = ?", (uid,)).fetchone()
        if r is None:
            raise NotFound(f"no event {uid!r} in this store.",
                           hint="List events with /api/events.")
        result = json.loads(r["result"])
        events = result.get("events") or []
        record = dict(events[r["idx"]]) if r["idx"] < len(events) else {}
        record.update(uid=r["uid"], idx=r["idx"], fatalities=r["fatalities"])
        quote_idx = record.get("quote")
        quotes = result.get("quotes") or []
        if isinstance(quote_idx, int) and 0 <= quote_idx < len(quotes):
            record["quote_record"] = quotes[quote_idx]
        record["document"] = {"id": r["doc"], "doc_id": r["doc_id"], "title": r["title"],
                              "published": r["published"], "site": r["site"], "url": r["url"]}
        return record

    # -- documents -------------------------------------------------------------------

    def document(self, doc: int) -> dict[str, Any]:
        """One document: its text, metadata and every extracted layer with offsets."""
        with self._lock:
            c = self.conn()
            r = c.execute("SELECT * FROM documents WHERE id = ?", (doc,)).fetchone()
            uids = dict(c.execute("SELECT idx, uid FROM events WHERE doc = ?",
                                  (doc,)).fetchall())
        if r is None:
            raise NotFound(f"no document {doc} in this store.",
                           hint="Documents are numbered from 1; see an event's 'doc'.")
        result = json.loads(r["result"])
        events = []
        for i, ev in enumerate(result.get("events") or []):
            events.append({**ev, "uid": uids.get(i), "idx": i})
        out: dict[str, Any] = {
            "id": r["id"], "hash": r["hash"], "doc_id": r["doc_id"], "title": r["title"],
            "url": r["url"], "site": r["site"], "author": r["author"],
            "published": r["published"], "length": r["length"],
            "focus_country": r["focus_country"], "text": r["text"],
            "sentences": json.loads(r["sentences"] or "[]"),
            "meta": json.loads(r["meta"] or "{}"),
            "marsad_version": r["marsad_version"],
            "events": events,
        }
        for layer in ("figures", "quotes", "sources", "dates", "entities", "places"):
            out[layer] = result.get(layer) or []
        return out

    # -- aggregates ------------------------------------------------------------------

    def stats(self, f: Filters, by: str) -> list[dict[str, Any]]:
        cond, args, joined = where(f)
        base = f"FROM {_from(joined)} WHERE {cond}"
        if by == "type":
            q = f"SELECT v.type AS key, count(*) AS n {base} GROUP BY v.type ORDER BY n DESC"
        elif by == "mode":
            q = f"SELECT v.mode AS key, count(*) AS n {base} GROUP BY v.mode ORDER BY n DESC"
        elif by == "country":
            q = (f"SELECT v.country AS key, max(v.country3) AS country3, count(*) AS n {base} "
                 "GROUP BY v.country ORDER BY n DESC")
        elif by == "day":
            q = (f"SELECT v.day AS key, count(*) AS n {base} AND v.day IS NOT NULL "
                 "GROUP BY v.day ORDER BY v.day")
        elif by == "month":
            q = (f"SELECT substr(v.day, 1, 7) AS key, count(*) AS n {base} "
                 "AND v.day IS NOT NULL GROUP BY key ORDER BY key")
        elif by == "day_type":
            q = (f"SELECT v.day AS key, v.type AS type, count(*) AS n {base} "
                 "AND v.day IS NOT NULL GROUP BY v.day, v.type ORDER BY v.day, v.type")
        elif by == "place":
            q = (f"SELECT v.place AS key, v.lat AS lat, v.lon AS lon, max(v.country) AS country,"
                 f" count(*) AS n {base} AND v.lat IS NOT NULL AND v.lon IS NOT NULL"
                 f" GROUP BY v.lat, v.lon, v.place ORDER BY n DESC LIMIT {MAX_POINTS}")
        else:  # parse_stats_query only lets the known ones through
            raise ValueError(by)
        if "LIMIT" not in q:
            q += f" LIMIT {MAX_GROUPS}"
        with self._lock:
            return [dict(row) for row in self._fresh().execute(q, args).fetchall()]

    def info(self) -> dict[str, Any]:
        """What the store holds: counts, the date span, the schema version."""
        with self._lock:
            c = self._fresh()
            n_docs = c.execute("SELECT count(*) FROM documents").fetchone()[0]
            n_events, lo, hi = c.execute(
                "SELECT count(*), min(day), max(day) FROM temp.ev").fetchone()
            n_failed = c.execute("SELECT count(*) FROM failures").fetchone()[0]
            return {
                "documents": n_docs, "events": n_events, "failures": n_failed,
                "date_min": lo, "date_max": hi,
                "schema_version": c.execute("PRAGMA user_version").fetchone()[0],
                "types": [r[0] for r in c.execute(
                    "SELECT type FROM temp.ev GROUP BY type ORDER BY count(*) DESC")],
            }

    def close(self) -> None:
        """Close the connection (at server shutdown)."""
        with self._lock:
            self._store.close()
