"""The SQLite store: schema and migrations, offsets, idempotence, re-extraction, queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from _storekit import ARTICLES, TEST_STAGES

from marsad.errors import StoreError
from marsad.ingest import ingest_records
from marsad.storage import (
    SCHEMA_VERSION,
    EventFilter,
    Store,
    StoreVersionError,
    dump,
    events,
    stats,
)
from marsad.storage.query import BadFilter, count_events

TABLES = {"schema_migrations", "runs", "documents", "events", "event_mentions", "actors",
          "places", "figures", "quotes", "sources", "source_chain", "dates", "entities",
          "failures"}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    st = Store(tmp_path / "s.sqlite")
    ingest_records(st, ARTICLES, stages=TEST_STAGES)
    yield st
    st.close()


def test_new_store_has_schema_version_and_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "new.sqlite") as st:
        names = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert TABLES <= names
        assert st.schema_version == SCHEMA_VERSION
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        rows = st.conn.execute("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))
    # opening again applies nothing and keeps one row per version
    with Store(tmp_path / "new.sqlite") as st:
        assert st.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == 1


def test_store_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="Upgrade marsad"):
        Store(path)


def test_readonly_store_cannot_write_and_must_exist(store: Store, tmp_path: Path) -> None:
    ro = Store(store.path, readonly=True)
    assert ro.counts()["documents"] == len(ARTICLES)
    with pytest.raises(sqlite3.OperationalError):
        ro.conn.execute("DELETE FROM documents")
    ro.close()
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.sqlite", readonly=True)


def test_every_stored_span_slices_the_document_text(store: Store) -> None:
    texts = dict(store.conn.execute("SELECT id, text FROM documents"))
    spans = {"events": ["trigger", "date", "loc"], "event_mentions": [""], "actors": [""],
             "places": [""], "figures": ["", "counted", "cue"], "quotes": ["speaker", "cue",
             "content"], "sources": ["", "cue"], "source_chain": [""], "dates": [""],
             "entities": [""]}
    checked = 0
    for table, names in spans.items():
        for row in store.conn.execute(f"SELECT * FROM {table}"):
            for n in names:
                p = f"{n}_" if n else ""
                a, b, t = row[p + "start"], row[p + "end"], row[p + "text"]
                if a is None:
                    continue
                assert texts[row["doc"]][a:b] == t, (table, n, a, b, t)
                checked += 1
    assert checked > 10


def test_events_and_their_parts_are_stored(store: Store) -> None:
    kz = store.conn.execute(
        "SELECT e.* FROM events e JOIN documents d ON d.id=e.doc WHERE d.doc_id='kz'"
    ).fetchone()
    assert kz["type"] == "ASSAULT" and kz["country"] == "KZ" and kz["country3"] == "KAZ"
    assert kz["fatalities"] == 13 and kz["date"] == "2022-01-06"
    assert kz["uid"].endswith("-0") and len(kz["uid"]) == 18
    actors = store.conn.execute("SELECT text, sectors FROM actors WHERE event=?",
                                (kz["id"],)).fetchall()
    assert ("قوات الأمن", "COP") in [tuple(a) for a in actors]
    chain = store.conn.execute(
        "SELECT c.text FROM source_chain c JOIN sources s ON s.id=c.source WHERE s.event=?",
        (kz["id"],)).fetchall()
    assert [c[0] for c in chain] == ["وكالة سبوتنيك"]
    doc = store.document("kz")
    assert doc is not None and doc["title"] == "اشتباكات في ألما آتا"
    assert doc["result"]["events"][0]["type"] == "ASSAULT"
    assert store.document("eg")["n_events"] == 0


def test_same_input_twice_adds_nothing(store: Store) -> None:
    before = dump(store)
    s = ingest_records(store, ARTICLES, stages=TEST_STAGES)
    assert (s.added, s.skipped, s.failed) == (0, len(ARTICLES), 0)
    assert dump(store) == before
    # the same text under another id is the same document
    again = ingest_records(store, [{**ARTICLES[0], "id": "copy"}], stages=TEST_STAGES)
    assert again.skipped == 1 and store.counts()["documents"] == len(ARTICLES)


def test_newer_extractor_replaces_a_documents_results(store: Store, monkeypatch) -> None:
    import marsad.distributed.work as work

    n_events = store.counts()["events"]
    old = store.conn.execute("SELECT extractor FROM documents LIMIT 1").fetchone()[0]
    monkeypatch.setattr(work, "__version__", "99.0")
    s = ingest_records(store, ARTICLES, stages=TEST_STAGES)
    assert s.replaced == len(ARTICLES) and s.added == 0
    counts = store.counts()
    assert counts["documents"] == len(ARTICLES) and counts["events"] == n_events
    ex = {r[0] for r in store.conn.execute("SELECT extractor FROM documents")}
    assert ex == {old.replace(old.split(":")[0], "marsad 99.0")}
    # no orphans were left behind
    assert store.conn.execute(
        "SELECT count(*) FROM actors WHERE event NOT IN (SELECT id FROM events)").fetchone()[0] == 0


def test_filters(store: Store) -> None:
    def types(**kw: object) -> list[str]:
        return sorted(e["doc_id"] for e in events(store, EventFilter(**kw)))

    assert types(type="PROTEST") == ["jo"]
    assert types(type="assault,protest") == ["jo", "kz", "sy"]
    assert types(country="SY") == types(country="syr") == ["sy"]
    assert types(since="2022-02-01", until="2022-02-28") == ["jo"]
    assert types(actor="قوات الامن") == ["kz"]  # hamza folded
    assert types(actor="MIL") == ["sy"]
    assert types(place="عمان") == ["jo"]
    assert types(source="سانا") == ["sy"]
    assert types(text="الحاجز العسكري") == []
    assert types(text="حاجز عسكري") == ["sy"]
    assert types(actor="100%_") == []  # LIKE wildcards are escaped
    assert count_events(store, EventFilter(type="ASSAULT")) == 2
    with pytest.raises(BadFilter):
        events(store, EventFilter(since="yesterday"))
    page = events(store, limit=2, offset=1)
    assert len(page) == 2 and page[0]["uid"] == events(store)[1]["uid"]


def test_stats_by_type_country_month(store: Store) -> None:
    st = stats(store)
    assert st["documents"] == 4 and st["events"] == 3
    assert dict(st["by_type"]) == {"ASSAULT": 2, "PROTEST": 1}
    assert dict(st["by_country"])["KZ"] == 1
    assert dict(st["by_month"]) == {"2022-01": 1, "2022-02": 1, "2022-03": 1}


def test_dump_ignores_row_ids_and_runs(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "a.sqlite"), Store(tmp_path / "b.sqlite")
    ingest_records(a, ARTICLES, stages=TEST_STAGES)
    ingest_records(b, ARTICLES[2:], stages=TEST_STAGES)  # different insertion order
    ingest_records(b, ARTICLES[:2], stages=TEST_STAGES)
    assert dump(a) == dump(b)
    ingest_records(b, [{"id": "x", "text": ARTICLES[0]["text"] + " وقتل آخرون."}],
                   stages=TEST_STAGES)
    assert dump(a) != dump(b)
