"""The OpenAPI 3.1 description of the API, served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from marsad.api.params import (
    DEFAULT_PER_PAGE,
    MAX_LIST,
    MAX_PER_PAGE,
    MAX_QUERY,
    MAX_VALUE,
    SORTS,
    STATS_BY,
)


def _p(name: str, desc: str, schema: dict[str, Any] | None = None,
       where: str = "query") -> dict[str, Any]:
    s = schema or {"type": "string", "maxLength": MAX_VALUE}
    return {"name": name, "in": where, "required": where == "path", "description": desc,
            "schema": s}


_FILTERS: list[dict[str, Any]] = [
    _p("type", f"PLOVER event types, comma-separated (at most {MAX_LIST}): ASSAULT,PROTEST."),
    _p("mode", "PLOVER modes, comma-separated: firearms,demo."),
    _p("country", "Countries of the event location, ISO 3166-1 alpha-2 or alpha-3, "
                  "comma-separated: KZ,EGY."),
    _p("date_from", "Events on or after this day (the event's date, else the article's "
                    "publication date).", {"type": "string", "format": "date"}),
    _p("date_to", "Events on or before this day.", {"type": "string", "format": "date"}),
    _p("actor", "Text within an actor, or its codes (SYR, MIL); Arabic folding: hamza, "
                "ta marbuta and diacritics do not matter."),
    _p("recipient", "Text within a recipient, or its codes."),
    _p("place", "Text within the location as written or its gazetteer name."),
    _p("source", "Text within a source the event is attributed to."),
    _p("q", "Text within the event's sentence (folded, like actor)."),
    _p("negated", "true: only negated events; false: none of them; any (default).",
       {"type": "string", "enum": ["true", "false", "any"]}),
    _p("hypothetical", "true: only hypothetical events; false: none of them; any.",
       {"type": "string", "enum": ["true", "false", "any"]}),
    _p("doc", "Only the events of this document.", {"type": "integer", "minimum": 1}),
]

_SPAN = {"type": "object", "required": ["text", "start", "end"], "properties": {
    "text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}},
    "description": "Characters [start, end) of the article text (code points); "
                   "text == article[start:end]."}

_ERROR = {
    "type": "object", "required": ["ok", "status", "error"],
    "properties": {
        "ok": {"const": False},
        "status": {"type": "integer"},
        "error": {"type": "object", "required": ["code", "type", "message"], "properties": {
            "code": {"type": "string", "pattern": "^E[0-9]{3}$"},
            "type": {"type": "string"}, "message": {"type": "string"},
            "hint": {"type": "string"}}},
    },
}

_EVENT_ITEM = {
    "type": "object",
    "properties": {
        "uid": {"type": "string", "description": "Stable id: document hash prefix - index."},
        "doc": {"type": "integer"}, "type": {"type": "string"},
        "mode": {"type": ["string", "null"]}, "trigger": {"$ref": "#/components/schemas/Span"},
        "date": {"type": ["string", "null"], "format": "date"},
        "location": {"type": ["object", "null"]},
        "actors": {"type": "array", "items": {"type": "string"}},
        "recipients": {"type": "array", "items": {"type": "string"}},
        "sources": {"type": "array", "items": {"type": "string"}},
        "fatalities": {"type": ["integer", "null"]},
        "negated": {"type": "boolean"}, "hypothetical": {"type": "boolean"},
        "snippet": {"type": "string", "description": "The start of the event's sentence."},
        "document": {"type": "object"},
    },
}


def _ok(schema: dict[str, Any], desc: str) -> dict[str, Any]:
    return {
        "200": {"description": desc, "content": {"application/json": {"schema": {
            "allOf": [{"type": "object", "properties": {"ok": {"const": True}}}, schema]}}}},
        "default": {"description": "Any error, in the one error shape.",
                    "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"}}}},
    }


def openapi(version: str) -> dict[str, Any]:
    """The whole description; ``version`` is marsad's."""
    page = [
        _p("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
        _p("per_page", f"Events per page (at most {MAX_PER_PAGE}).",
           {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE,
            "default": DEFAULT_PER_PAGE}),
        _p("sort", "Order of the events.", {"type": "string", "enum": list(SORTS),
                                            "default": "-date"}),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "marsad events API", "version": version,
            "description": (
                "Read-only access to a marsad store: PLOVER events extracted from Arabic "
                "news, each field with character offsets into its article. Every error is "
                '{"ok": false, "status": N, "error": {"code", "type", "message", "hint"}}. '
                f"Query strings are limited to {MAX_QUERY} characters and each value to "
                f"{MAX_VALUE}; unknown or repeated parameters are errors."),
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "paths": {
            "/api/info": {"get": {
                "summary": "What the store holds", "operationId": "info",
                "responses": _ok({"type": "object", "properties": {"store": {
                    "type": "object"}}}, "Counts, date span, schema version.")}},
            "/api/events": {"get": {
                "summary": "Events, filtered and paginated", "operationId": "listEvents",
                "parameters": _FILTERS + page,
                "responses": _ok({"type": "object", "properties": {
                    "total": {"type": "integer"}, "page": {"type": "integer"},
                    "per_page": {"type": "integer"}, "pages": {"type": "integer"},
                    "filters": {"type": "object"},
                    "events": {"type": "array", "items": {
                        "$ref": "#/components/schemas/EventItem"}}}},
                    "One page of events.")}},
            "/api/events/{uid}": {"get": {
                "summary": "One event with all its fields and mentions",
                "operationId": "getEvent",
                "parameters": [_p("uid", "The event's uid.", where="path")],
                "responses": _ok({"type": "object", "properties": {"event": {
                    "type": "object", "description": "The event record of marsad's JSON "
                    "schema (trigger, actors, recipients, location, date_span, figures, "
                    "sources, mentions ...), with uid and document."}}}, "The event.")}},
            "/api/documents/{id}": {"get": {
                "summary": "One document with its text and every extracted span",
                "operationId": "getDocument",
                "parameters": [_p("id", "The document number.", {"type": "integer"},
                                  where="path")],
                "responses": _ok({"type": "object", "properties": {"document": {
                    "type": "object", "description": "id, doc_id, title, published, text, "
                    "sentences, events, figures, quotes, sources, dates, entities, places."}}},
                    "The document.")}},
            "/api/stats": {"get": {
                "summary": "Counts of events by type, mode, country, day, month or place",
                "operationId": "stats",
                "parameters": [_p("by", "Comma-separated groupings: "
                                  + ", ".join(STATS_BY) + " (day_type: per day and type).",
                                  {"type": "string", "default": "type"}), *_FILTERS],
                "responses": _ok({"type": "object", "properties": {
                    "total": {"type": "integer"},
                    "counts": {"type": "object", "additionalProperties": {
                        "type": "array", "items": {"type": "object", "properties": {
                            "key": {}, "n": {"type": "integer"}}}}}}},
                    "Counts per group, largest first (by day and month: in order).")}},
            "/openapi.json": {"get": {
                "summary": "This description", "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.1 document."}}}},
        },
        "components": {"schemas": {"Span": _SPAN, "Error": _ERROR, "EventItem": _EVENT_ITEM}},
    }
