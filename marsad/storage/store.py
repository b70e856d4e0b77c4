"""The SQLite store: open (creating or migrating), write documents in batches, read back.

One writer, many readers: the store runs in WAL mode, so readers (``marsad events``, the
web server) are never blocked by an ingest. Writes go through :meth:`Store.batch`, one
transaction per batch, so a killed writer leaves whole documents or none.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import StoreError
from marsad.storage.migrations import SCHEMA_VERSION, current_version, migrate
from marsad.storage.rows import Payload

_EVENT_COLS = (
    "idx, uid, type, mode, trigger_start, trigger_end, trigger_text, sentence, "
    "sentence_start, sentence_end, date, date_precision, date_start, date_end, date_text, "
    "loc_start, loc_end, loc_text, loc_name, geonameid, country, country3, admin1, lat, lon, "
    "feature_class, geo_precision, negated, hypothetical, future, historical, confidence, "
    "quote, fatalities, actor_text, recipient_text, source_text, actor_norm, recipient_norm, "
    "loc_norm, source_norm, sentence_norm"
)
_N_EVENT = _EVENT_COLS.count(",") + 1
# Columns of a payload's "doc" (fixed here: payloads may come from a remote Dask worker).
_DOC_COLS = ("hash", "doc_id", "title", "url", "site", "author", "published", "origin", "text",
             "length", "focus_country", "sentences", "meta", "result", "n_events",
             "marsad_version", "extractor")


def _ph(n: int) -> str:
    return ", ".join("?" * n)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreMissing(StoreError):
    """A read-only open of a store that does not exist."""

    code = "E302"


class Store:
    """A marsad store in one SQLite file.

    ``Store(path)`` creates the file if needed and migrates it to the current schema;
    ``Store(path, readonly=True)`` opens an existing store for reading only.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        if readonly:
            if not self.path.exists():
                raise StoreMissing(f"no store at {self.path}.",
                                   hint="Create one with `marsad ingest ... --db FILE`.")
            uri = f"file:{self.path.resolve().as_posix()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                        check_same_thread=False)
            have = current_version(self.conn)
            if have != SCHEMA_VERSION:
                self.conn.close()
                raise StoreError(
                    f"{self.path} has schema version {have}, this marsad expects "
                    f"{SCHEMA_VERSION}.",
                    hint="Open it once for writing (marsad ingest) to migrate it, "
                         "or upgrade marsad.")
        else:
            try:
                self.conn = sqlite3.connect(str(self.path), isolation_level=None,
                                            timeout=30.0)
                self.conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the store {self.path}: {exc}.",
                                 hint="Check the path and that it is an SQLite file.") from exc
            self.conn.execute("PRAGMA synchronous=NORMAL")
            migrate(self.conn)
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.row_factory = sqlite3.Row

    # -- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return current_version(self.conn)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One write transaction: everything inside lands together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- runs -------------------------------------------------------------------------

    def begin_run(self, *, version: str, extractor: str, command: Mapping[str, Any],
                  engine: str, workers: int) -> int:
        # runs left 'running' by a killed process (one writer at a time is the model)
        self.conn.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
        cur = self.conn.execute(
            "INSERT INTO runs(started_at, marsad_version, extractor, command, engine, workers) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (now_iso(), version, extractor, json.dumps(command, ensure_ascii=False),
             engine, workers))
        return int(cur.lastrowid or 0)

    def end_run(self, run: int, counts: Mapping[str, int], status: str = "done") -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at=?, status=?, seen=?, added=?, replaced=?, skipped=?, "
            "failed=? WHERE id=?",
            (now_iso(), status, counts.get("seen", 0), counts.get("added", 0),
             counts.get("replaced", 0), counts.get("skipped", 0), counts.get("failed", 0), run))

    # -- look-ups the ingest needs ------------------------------------------------------

    def stored_extractor(self, key: str) -> str | None:
        """The extractor that produced the stored document with this hash, if any."""
        row = self.conn.execute("SELECT extractor FROM documents WHERE hash=?", (key,)).fetchone()
        return row[0] if row else None

    def failed_extractor(self, key: str) -> str | None:
        row = self.conn.execute("SELECT extractor FROM failures WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    # -- writing (inside :meth:`batch`) ---------------------------------------------------

    def put(self, payload: Payload, run: int | None = None) -> str:
        """Store one payload of :mod:`marsad.storage.rows`; 'added', 'replaced' or 'failed'."""
        if "failure" in payload:
            f = payload["failure"]
            self.conn.execute(
                "INSERT OR REPLACE INTO failures(key, doc_id, origin, code, type, message, "
                "marsad_version, extractor, run, failed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (f["key"], f["doc_id"], f["origin"], f["code"], f["type"], f["message"],
                 f["marsad_version"], f["extractor"], run, now_iso()))
            return "failed"
        key = payload["key"]
        c = self.conn
        replaced = c.execute("DELETE FROM documents WHERE hash=?", (key,)).rowcount > 0
        c.execute("DELETE FROM failures WHERE key=?", ("sha256:" + key,))
        d = payload["doc"]
        doc = c.execute(
            f"INSERT INTO documents({', '.join(_DOC_COLS)}, run, ingested_at) "
            f"VALUES ({_ph(len(_DOC_COLS) + 2)})",
            [*(d.get(k) for k in _DOC_COLS), run, now_iso()]).lastrowid
        # Row ids of events, quotes and sources are assigned here (max + 1, as SQLite
        # would), so each table takes one executemany instead of one execute per row.
        ev0 = self._next_id("events")
        ev_ids = [ev0 + i for i in range(len(payload["events"]))]
        if ev_ids:
            c.executemany(
                f"INSERT INTO events(id, doc, {_EVENT_COLS}) VALUES ({_ph(_N_EVENT + 2)})",
                [(ev0 + i, doc, *row) for i, row in enumerate(payload["events"])])
        if payload["mentions"]:
            c.executemany("INSERT INTO event_mentions(event, doc, idx, start, end, text) "
                          "VALUES (?,?,?,?,?,?)",
                          [(ev_ids[r[0]], doc, *r[1:]) for r in payload["mentions"]])
        if payload["actors"]:
            c.executemany("INSERT INTO actors(event, doc, role, idx, start, end, text, country, "
                          "sectors) VALUES (?,?,?,?,?,?,?,?,?)",
                          [(ev_ids[r[0]], doc, *r[1:]) for r in payload["actors"]])
        if payload["figures"]:
            c.executemany(
                "INSERT INTO figures(event, doc, idx, kind, value, value_max, qualifier, start, "
                "end, text, counted_start, counted_end, counted_text, counted_class, cue_start, "
                "cue_end, cue_text, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(None if r[0] is None else ev_ids[r[0]], doc, *r[1:])
                 for r in payload["figures"]])
        q0 = self._next_id("quotes")
        q_ids = [q0 + i for i in range(len(payload["quotes"]))]
        if q_ids:
            c.executemany(
                "INSERT INTO quotes(id, doc, idx, speaker_start, speaker_end, speaker_text, "
                "speaker_from, cue_start, cue_end, cue_text, content_start, content_end, "
                "content_text, direct, sentence, event_idx) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(q0 + i, doc, *r) for i, r in enumerate(payload["quotes"])])
        s0 = self._next_id("sources")
        srcs, chains = [], []
        for i, r in enumerate(payload["sources"]):
            ev = None if r[0] is None else ev_ids[r[0]]
            qu = None if r[1] is None else q_ids[r[1]]
            srcs.append((s0 + i, doc, ev, qu, *r[2:-1]))
            chains += [(s0 + i, doc, *link) for link in r[-1]]
        if srcs:
            c.executemany(
                "INSERT INTO sources(id, doc, event, quote, idx, start, end, text, cue_start, "
                "cue_end, cue_text, sentence, quote_idx) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                srcs)
        if chains:
            c.executemany("INSERT INTO source_chain(source, doc, pos, start, end, text) "
                          "VALUES (?,?,?,?,?,?)", chains)
        if payload["places"]:
            c.executemany(
                "INSERT INTO places(doc, idx, start, end, text, name, geonameid, country, "
                "country3, admin1, lat, lon, feature_class, precision, role, sentence) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(doc, *r) for r in payload["places"]])
        if payload["dates"]:
            c.executemany(
                "INSERT INTO dates(doc, idx, start, end, text, date, precision, calendar, "
                "relative, sentence) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(doc, *r) for r in payload["dates"]])
        if payload["entities"]:
            c.executemany(
                "INSERT INTO entities(doc, idx, start, end, text, label, confidence) "
                "VALUES (?,?,?,?,?,?,?)", [(doc, *r) for r in payload["entities"]])
        return "replaced" if replaced else "added"

    def _next_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1

    # -- reading ---------------------------------------------------------------------

    def document(self, ref: int | str) -> dict[str, Any] | None:
        """A document row by id, hash or input doc_id, with its parsed result."""
        if isinstance(ref, int):
            row = self.conn.execute("SELECT * FROM documents WHERE id=?", (ref,)).fetchone()
        else:
            row = self.conn.execute(
                "SELECT * FROM documents WHERE hash=? OR doc_id=? ORDER BY id LIMIT 1",
                (ref, ref)).fetchone()
        if row is None:
            return None
        d = dict(row)
        for k in ("sentences", "meta", "result"):
            d[k] = json.loads(d[k])
        return d

    def counts(self) -> dict[str, int]:
        """Rows per table (documents, events, failures ...)."""
        tables = ("documents", "events", "event_mentions", "actors", "places", "figures",
                  "quotes", "sources", "source_chain", "dates", "entities", "failures", "runs")
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in tables}
