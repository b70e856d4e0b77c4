"""The JSON form of a processed document (schema documented in ``docs/schema.md``)."""

from __future__ import annotations

from typing import Any

from marsad import __version__
from marsad.model.document import Document

SCHEMA = "marsad.document/1"


def document_to_dict(doc: Document, *, with_text: bool = False) -> dict[str, Any]:
    """Everything extracted from ``doc``; every span carries ``text``, ``start``, ``end``."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "marsad_version": __version__,
        "id": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "length": len(doc.text),
        "sentences": [[s.start, s.end, s.kind] for s in doc.sentences],
        "events": [e.to_dict() for e in doc.events],
        "figures": [f.to_dict() for f in doc.figures],
        "quotes": [q.to_dict() for q in doc.quotes],
        "sources": [s.to_dict() for s in doc.sources],
        "dates": [d.to_dict() for d in doc.dates],
        "entities": [e.to_dict() for e in doc.entities],
        "places": [p.to_dict() for p in doc.places],
        "focus_country": doc.focus_country,
        "meta": doc.meta,
    }
    if with_text:
        out["text"] = doc.text
    return out
