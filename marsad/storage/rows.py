"""Flatten one document's extraction output into the rows of the store's tables.

:func:`document_payload` runs where the extraction ran (a worker process or a Dask worker),
so the parent, the only SQLite writer, just inserts. The payload is plain JSON: dicts,
lists, strings and numbers. Child rows point at their event or quote by its index in
the document (``event_idx`` / ``quote_idx``); the writer maps those to row ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from marsad.jsonio import dumps
from marsad.text.normalize import fold

Payload = dict[str, Any]

DOC_META_COLUMNS = ("title", "url", "site", "author")
_META_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "site": ("site", "sitename", "outlet", "publication", "source", "feed"),
    "author": ("author", "byline"),
}


def text_hash(text: str) -> str:
    """The document key: SHA-256 of the UTF-8 text, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _span(d: Mapping[str, Any] | None) -> tuple[Any, Any, Any]:
    if not d:
        return (None, None, None)
    return (d.get("start"), d.get("end"), d.get("text"))


def _meta_value(meta: Mapping[str, Any], column: str) -> str | None:
    for key in _META_ALIASES[column]:
        v = meta.get(key)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def fatalities(figures: list[Mapping[str, Any]]) -> int | None:
    """The conservative killed count of an event (see docs/store.md)."""
    if not figures:
        return None
    killed = [int(f.get("value") or 0) for f in figures if f.get("kind") == "killed"]
    return max(killed) if killed else 0


def _join(items: list[str]) -> str | None:
    seen: list[str] = []
    for s in items:
        if s and s not in seen:
            seen.append(s)
    return " | ".join(seen) if seen else None


def _actor_keys(actors: list[Mapping[str, Any]]) -> str | None:
    parts = []
    for a in actors:
        parts.append(a.get("text") or "")
        if a.get("country"):
            parts.append(str(a["country"]))
        parts.extend(a.get("sectors") or ())
    return fold(" | ".join(p for p in parts if p)) or None


def _source_row(s: Mapping[str, Any], event_idx: int | None, quote_idx: int | None,
                idx: int) -> list[Any]:
    chain = [[pos, c.get("start"), c.get("end"), c.get("text")]
             for pos, c in enumerate(s.get("chain") or [])]
    return [event_idx, quote_idx, idx, *_span(s), *_span(s.get("cue")), s.get("sentence"),
            s.get("quote"), chain]


def _figure_row(f: Mapping[str, Any], event_idx: int | None, idx: int) -> list[Any]:
    counted = f.get("counted") or {}
    return [event_idx, idx, f.get("kind") or "other", int(f.get("value") or 0),
            f.get("value_max"), f.get("qualifier") or "exact", f.get("start"), f.get("end"),
            f.get("text"), *_span(counted or None), counted.get("class"),
            *_span(f.get("cue")), f.get("sentence")]


def _event_row(e: Mapping[str, Any], idx: int, key: str, text: str) -> list[Any]:
    loc = e.get("location") or {}
    ss = e.get("sentence_span") or {}
    actors = e.get("actors") or []
    recipients = e.get("recipients") or []
    sources = e.get("sources") or []
    src_texts = [s.get("text") or "" for s in sources]
    src_texts += [c.get("text") or "" for s in sources for c in s.get("chain") or []]
    s0, s1 = ss.get("start", 0), ss.get("end", 0)
    return [
        idx, f"{key[:16]}-{idx}", e.get("type") or "", e.get("mode"),
        *_span(e.get("trigger")), e.get("sentence") or 0, s0, s1,
        e.get("date"), e.get("date_precision"), *_span(e.get("date_span")),
        *_span(loc or None), loc.get("name"), loc.get("geonameid"), loc.get("country"),
        loc.get("country3"), loc.get("admin1"), loc.get("lat"), loc.get("lon"),
        loc.get("feature_class"), loc.get("precision") if loc else None,
        int(bool(e.get("negated"))), int(bool(e.get("hypothetical"))),
        int(bool(e.get("future"))), int(bool(e.get("historical"))),
        float(e.get("confidence") if e.get("confidence") is not None else 0.5), e.get("quote"),
        fatalities(e.get("figures") or []),
        _join([a.get("text") or "" for a in actors]),
        _join([a.get("text") or "" for a in recipients]),
        _join(src_texts),
        _actor_keys(actors), _actor_keys(recipients),
        fold(" | ".join(x for x in (loc.get("text"), loc.get("name")) if x)) or None,
        fold(" | ".join(x for x in src_texts if x)) or None,
        fold(text[s0:s1]) if s1 > s0 else None,
    ]


def document_payload(result: Mapping[str, Any], text: str, *, key: str,
                     record: Mapping[str, Any], origin: str | None,
                     extractor: str) -> Payload:
    """Everything the writer inserts for one extracted document."""
    meta = dict(result.get("meta") or {})
    doc = {
        "hash": key, "doc_id": str(result.get("id")),
        **{c: _meta_value(meta, c) for c in DOC_META_COLUMNS},
        "published": result.get("published"), "origin": origin, "text": text,
        "length": len(text), "focus_country": result.get("focus_country"),
        "sentences": dumps(result.get("sentences") or []),
        "meta": dumps(meta),
        "result": dumps(result),
        "n_events": len(result.get("events") or []),
        "marsad_version": result.get("marsad_version") or "", "extractor": extractor,
    }
    events, mentions, actors, figures, sources = [], [], [], [], []
    for i, e in enumerate(result.get("events") or []):
        events.append(_event_row(e, i, key, text))
        mentions += [[i, j, *_span(m)] for j, m in enumerate(e.get("mentions") or [])]
        for role in ("actor", "recipient"):
            for j, a in enumerate(e.get(role + "s") or []):
                actors.append([i, role, j, *_span(a), a.get("country"),
                               " ".join(a.get("sectors") or ())])
        figures += [_figure_row(f, i, j) for j, f in enumerate(e.get("figures") or [])]
        sources += [_source_row(s, i, None, j) for j, s in enumerate(e.get("sources") or [])]
    figures += [_figure_row(f, None, j) for j, f in enumerate(result.get("figures") or [])]
    sources += [_source_row(s, None, None, j) for j, s in enumerate(result.get("sources") or [])]
    quotes = []
    for i, q in enumerate(result.get("quotes") or []):
        quotes.append([i, *_span(q.get("speaker")), q.get("speaker_from"), *_span(q.get("cue")),
                       *_span(q.get("content")), int(bool(q.get("direct"))), q.get("sentence"),
                       q.get("event")])
        sources += [_source_row(s, None, i, j) for j, s in enumerate(q.get("sources") or [])]
    places = [[i, *_span(p), p.get("name"), p.get("geonameid"), p.get("country"),
               p.get("country3"), p.get("admin1"), p.get("lat"), p.get("lon"),
               p.get("feature_class"), p.get("precision"), p.get("role"), p.get("sentence")]
              for i, p in enumerate(result.get("places") or [])]
    dates = [[i, *_span(d), d.get("date"), d.get("precision"), d.get("calendar"),
              int(bool(d.get("relative"))), d.get("sentence")]
             for i, d in enumerate(result.get("dates") or [])]
    entities = [[i, *_span(x), x.get("label") or "MISC", x.get("confidence")]
                for i, x in enumerate(result.get("entities") or [])]
    return {"key": key, "doc": doc, "events": events, "mentions": mentions, "actors": actors,
            "figures": figures, "sources": sources, "quotes": quotes, "places": places,
            "dates": dates, "entities": entities}


def failure_payload(key: str, doc_id: str | None, origin: str | None,
                    error: Mapping[str, Any], extractor: str, version: str) -> Payload:
    """A failures row: ``error`` is the ``error`` dict of :func:`marsad.errors.error_record`."""
    return {"key": key, "failure": {
        "key": key, "doc_id": doc_id, "origin": origin, "code": error.get("code") or "E000",
        "type": error.get("type") or "Error", "message": error.get("message") or "",
        "marsad_version": version, "extractor": extractor}}
