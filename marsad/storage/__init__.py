"""The embedded SQLite store of extracted documents and events (schema: ``schema.sql``)."""

from marsad.storage.migrations import SCHEMA_VERSION, StoreVersionError
from marsad.storage.query import EventFilter, dump, events, stats
from marsad.storage.rows import document_payload, text_hash
from marsad.storage.store import Store, StoreMissing

__all__ = [
    "SCHEMA_VERSION",
    "EventFilter",
    "Store",
    "StoreMissing",
    "StoreVersionError",
    "document_payload",
    "dump",
    "events",
    "stats",
    "text_hash",
]
