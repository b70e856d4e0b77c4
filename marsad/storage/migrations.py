"""Versioned schema: the migrations that bring any older store to :data:`SCHEMA_VERSION`.

Version 1 is ``schema.sql``. A later change appends ``(version, description, sql)`` to
:data:`MIGRATIONS` (``ALTER TABLE ...``) and updates ``schema.sql`` to the result, so a
fresh store and a migrated one end up with the same tables. Each migration runs in one
transaction together with the bump of ``PRAGMA user_version`` and its
``schema_migrations`` row.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources

from marsad.errors import StoreError


class StoreVersionError(StoreError):
    """The store was written by a newer marsad (its schema version is unknown here)."""

    code = "E301"


def schema_sql() -> str:
    """The text of ``schema.sql`` (the current schema)."""
    return (resources.files("marsad.storage") / "schema.sql").read_text(encoding="utf-8")


# (version, description, SQL script). Append only; never edit a released entry.
MIGRATIONS: list[tuple[int, str, str | None]] = [
    (1, "initial schema: documents, events, mentions, actors, places, figures, quotes, "
        "sources, source chains, dates, entities, failures, runs", None),  # None = schema.sql
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the missing migrations; the versions applied (empty when up to date).

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    have = current_version(conn)
    if have > SCHEMA_VERSION:
        raise StoreVersionError(
            f"the store has schema version {have}; this marsad knows up to {SCHEMA_VERSION}.",
            hint="Upgrade marsad (pip install -U marsad) to open it.",
        )
    applied = []
    for version, description, script in MIGRATIONS:
        if version <= have:
            continue
        sql = script if script is not None else schema_sql()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        body = "\n".join(
            line for line in sql.splitlines() if not line.strip().upper().startswith("PRAGMA")
        )
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n" + body + "\n"
                f"INSERT INTO schema_migrations(version, description, applied_at) "
                f"VALUES ({version}, {_quote(description)}, {_quote(now)});\n"
                f"PRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration to schema version {version} failed: {exc}.",
                             hint="The store is unchanged; please report this.") from exc
        applied.append(version)
    return applied


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
