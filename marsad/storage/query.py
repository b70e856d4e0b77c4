"""Read the store: events with filters, counts by type / country / month, a canonical dump."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from marsad.errors import StoreError
from marsad.text.normalize import fold

if TYPE_CHECKING:
    from marsad.storage.store import Store


class BadFilter(StoreError):
    code = "E303"


@dataclass
class EventFilter:
    """Filters of ``marsad events`` / ``marsad export``; every field is optional.

    ``type``/``mode``/``country`` take comma-separated lists; ``country`` is alpha-2 or
    alpha-3 of the event's location; ``actor``, ``recipient``, ``place``, ``source`` and
    ``text`` match folded substrings (so أ/ا, ة/ه and diacritics do not matter), ``actor``
    also matches actor codes (``SYR``, ``MIL``); ``since``/``until`` are ISO dates compared
    with the event date, or the publication date when the event has none.
    """

    type: str | None = None
    mode: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    source: str | None = None
    text: str | None = None
    document: int | None = None
    include_negated: bool = True
    include_hypothetical: bool = True

    def where(self) -> tuple[str, list[Any]]:
        """An SQL condition on ``events e JOIN documents d`` and its parameters."""
        conds: list[str] = []
        params: list[Any] = []

        def listed(column: str, value: str, upper: bool = True) -> None:
            items = [v.strip().upper() if upper else v.strip() for v in value.split(",")
                     if v.strip()]
            if items:
                conds.append(f"{column} IN ({', '.join('?' * len(items))})")
                params.extend(items)

        if self.type:
            listed("e.type", self.type)
        if self.mode:
            listed("e.mode", self.mode, upper=False)
        if self.country:
            items = [c.strip().upper() for c in self.country.split(",") if c.strip()]
            if items:
                ph = ", ".join("?" * len(items))
                conds.append(f"(e.country IN ({ph}) OR e.country3 IN ({ph}))")
                params.extend(items + items)
        for name, op in (("since", ">="), ("until", "<=")):
            value = getattr(self, name)
            if value:
                conds.append(f"COALESCE(e.date, d.published) {op} ?")
                params.append(_iso(value, name))
        for name, column in (("actor", "e.actor_norm"), ("recipient", "e.recipient_norm"),
                             ("place", "e.loc_norm"), ("source", "e.source_norm"),
                             ("text", "e.sentence_norm")):
            value = getattr(self, name)
            if value:
                conds.append(f"{column} LIKE ? ESCAPE '\\'")
                params.append("%" + _like(fold(value.strip())) + "%")
        if self.document is not None:
            conds.append("e.doc = ?")
            params.append(int(self.document))
        if not self.include_negated:
            conds.append("e.negated = 0")
        if not self.include_hypothetical:
            conds.append("e.hypothetical = 0 AND e.future = 0")
        return (" AND ".join(conds) or "1"), params

    @classmethod
    def from_options(cls, **opts: Any) -> EventFilter:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in opts.items() if k in names and v is not None})


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: str, name: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise BadFilter(f"--{name} {value!r} is not a date.", hint="Use YYYY-MM-DD.") from None


EVENT_SELECT = (
    "SELECT e.*, d.hash AS doc_hash, d.doc_id AS doc_id, d.published AS published, "
    "d.title AS title, d.url AS url, d.site AS site "
    "FROM events e JOIN documents d ON d.id = e.doc"
)


def events(store: Store, flt: EventFilter | None = None, *, limit: int | None = None,
           offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    """Events matching ``flt`` as dicts (events columns plus the document's id fields)."""
    return list(iter_events(store, flt, limit=limit, offset=offset, order=order))


def iter_events(store: Store, flt: EventFilter | None = None, *, limit: int | None = None,
                offset: int = 0, order: str = "date") -> Iterator[dict[str, Any]]:
    where, params = (flt or EventFilter()).where()
    orders = {"date": "COALESCE(e.date, d.published), e.doc, e.idx", "id": "e.id",
              "doc": "e.doc, e.idx"}
    if order not in orders:
        raise BadFilter(f"unknown order {order!r}.", hint=f"Use one of {', '.join(orders)}.")
    sql = f"{EVENT_SELECT} WHERE {where} ORDER BY {orders[order]}"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, -1 if limit is None else int(limit), int(offset)]
    for row in store.conn.execute(sql, params):
        yield dict(row)


def count_events(store: Store, flt: EventFilter | None = None) -> int:
    where, params = (flt or EventFilter()).where()
    sql = f"SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE {where}"
    return int(store.conn.execute(sql, params).fetchone()[0])


def stats(store: Store, flt: EventFilter | None = None) -> dict[str, Any]:
    """Totals and event counts by type, by location country and by month."""
    where, params = (flt or EventFilter()).where()
    base = f"FROM events e JOIN documents d ON d.id = e.doc WHERE {where}"

    def grouped(expr: str) -> list[tuple[str | None, int]]:
        sql = f"SELECT {expr} AS k, count(*) AS n {base} GROUP BY k ORDER BY n DESC, k"
        return [(r[0], int(r[1])) for r in store.conn.execute(sql, params)]

    c = store.conn
    return {
        "documents": int(c.execute("SELECT count(*) FROM documents").fetchone()[0]),
        "failures": int(c.execute("SELECT count(*) FROM failures").fetchone()[0]),
        "events": int(c.execute(f"SELECT count(*) {base}", params).fetchone()[0]),
        "by_type": grouped("e.type"),
        "by_country": grouped("e.country"),
        "by_month": sorted(grouped("substr(COALESCE(e.date, d.published), 1, 7)"),
                           key=lambda kv: kv[0] or ""),
        "failures_by_code": [(r[0], int(r[1])) for r in c.execute(
            "SELECT code, count(*) FROM failures GROUP BY code ORDER BY code")],
    }


# -- canonical dump: the store's content without row ids, run ids or timestamps ----------

_VOLATILE = {"id", "run", "ingested_at", "failed_at"}


def dump(store: Store | sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Every stored fact as sorted tuples, independent of row ids and timing.

    Two stores hold the same content exactly when their dumps are equal (the resume and
    distributed tests compare an interrupted or Dask run with a plain one this way).
    """
    conn = store if isinstance(store, sqlite3.Connection) else store.conn
    conn.row_factory = sqlite3.Row
    doc = {r["id"]: r["hash"] for r in conn.execute("SELECT id, hash FROM documents")}
    ev = {r["id"]: r["uid"] for r in conn.execute("SELECT id, uid FROM events")}
    qu = {r["id"]: (doc[r["doc"]], r["idx"]) for r in conn.execute(
        "SELECT id, doc, idx FROM quotes")}
    src = {r["id"]: (doc[r["doc"]], ev.get(r["event"]), qu.get(r["quote"]), r["idx"])
           for r in conn.execute("SELECT id, doc, event, quote, idx FROM sources")}
    maps = {"doc": doc, "event": ev, "quote": qu, "source": src}
    out: list[tuple[Any, ...]] = []
    tables = ("documents", "events", "event_mentions", "actors", "places", "figures",
              "quotes", "sources", "source_chain", "dates", "entities", "failures")
    for t in tables:
        for r in conn.execute(f"SELECT * FROM {t}"):
            items = []
            for k in r.keys():
                if k in _VOLATILE:
                    continue
                v = r[k]
                if k in maps and not (t == "sources" and k == "quote" and v is None):
                    v = maps[k].get(v) if v is not None else None
                items.append((k, v))
            out.append((t, repr(items)))
    out.sort()
    return out
