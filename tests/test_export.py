"""Exports other tools load: jsonl, PLOVER records, ACLED CSV, GeoJSON, Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _storekit import ARTICLES, TEST_STAGES
from click.testing import CliRunner

from marsad.cli import cli
from marsad.export import ACLED_COLUMNS, ExportError, acled_type, export
from marsad.ingest import ingest_records
from marsad.storage import EventFilter, Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "s.sqlite"
    ingest_records(path, ARTICLES, stages=TEST_STAGES)
    return path


def test_jsonl_is_the_extract_schema(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    with Store(db, readonly=True) as st:
        assert export(st, "jsonl", out, with_text=True) == len(ARTICLES)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == [a["id"] for a in ARTICLES]
    assert recs[0]["schema"] == "marsad.document/1" and recs[0]["text"] == ARTICLES[0]["text"]
    ev = recs[0]["events"][0]
    assert recs[0]["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]


def test_plover_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    with Store(db, readonly=True) as st:
        export(st, "plover", out, EventFilter(type="ASSAULT"))
        text = st.document("kz")["text"]
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 2
    kz = next(r for r in recs if r["cite_info"]["citation"] == "kz")
    for field in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc",
                  "text_info", "cite_info"):
        assert field in kz
    assert kz["event"] == "ASSAULT" and kz["quad_code"] == 4 and kz["date"] == "2022-01-06"
    assert kz["event_loc"]["country"] == "Kazakhstan" and kz["event_loc"]["country_code"] == "KAZ"
    assert kz["event_loc"]["lat"] == 43.25 and kz["size"] == {"dead": 13}
    assert [(a["entity_text"], a["sector"]) for a in kz["actor"]] == [("قوات الأمن", "COP")]
    ti = kz["text_info"]
    assert text[ti["start"]:ti["end"]] == kz["text"] and kz["event_text"] in kz["text"]


def test_acled_csv_reads_with_pandas(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "acled.csv"
    with Store(db, readonly=True) as st:
        n = export(st, "acled-csv", out)
    df = pd.read_csv(out)
    assert list(df.columns) == list(ACLED_COLUMNS) and len(df) == n == 3
    kz = df[df["location"] == "Almaty"].iloc[0]
    assert kz["event_date"] == "2022-01-06" and kz["fatalities"] == 13
    assert kz["latitude"] == 43.25 and kz["longitude"] == 76.92 and kz["geo_precision"] == 1
    assert kz["time_precision"] == 1 and "وكالة سبوتنيك" in kz["source"]
    jo = df[df["event_type"] == "Protests"].iloc[0]
    assert jo["sub_event_type"] == "Peaceful protest" and jo["fatalities"] == 0
    assert jo["disorder_type"] == "Demonstrations"


def test_acled_type_mapping() -> None:
    assert acled_type({"type": "ASSAULT", "mode": "aerial"}, []) == (
        "Explosions/Remote violence", "Air/drone strike")
    assert acled_type({"type": "ASSAULT", "mode": "firearms"}, [{"sectors": "MIL"}]) == (
        "Battles", "Armed clash")
    assert acled_type({"type": "ASSAULT", "mode": None}, [{"sectors": "CVL"}]) == (
        "Violence against civilians", "Attack")
    assert acled_type({"type": "PROTEST", "mode": "riot"}, [])[0] == "Riots"
    assert acled_type({"type": "COERCE", "mode": "arrest"}, [])[1] == "Arrests"
    assert acled_type({"type": "ACCUSE", "mode": None}, []) is None  # statements are not ACLED
    assert acled_type({"type": "RETREAT", "mode": "resign"}, []) is None


def test_acled_leaves_out_events_that_did_not_happen() -> None:
    from marsad.export.mapping import acled_row

    ev = {"type": "ASSAULT", "mode": "aerial", "uid": "x-0", "date": "2022-01-06",
          "trigger_text": "غارة", "country": "SY", "country3": "SYR"}
    ch: dict = {"actors": [], "recipients": [], "figures": [], "sources": [], "mentions": []}
    assert acled_row(ev, ch)["sub_event_type"] == "Air/drone strike"
    for flag in ("negated", "hypothetical", "future", "historical"):
        assert acled_row({**ev, flag: 1}, ch) is None


def test_geojson_is_valid(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    with Store(db, readonly=True) as st:
        n = export(st, "geojson", out)
    gj = json.loads(out.read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == n == 3
    for f in gj["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    almaty = next(f for f in gj["features"] if f["properties"]["country"] == "KZ")
    assert almaty["geometry"]["coordinates"] == [76.92, 43.25]  # [lon, lat] order


def test_parquet_reads_with_pandas(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "e.parquet"
    with Store(db, readonly=True) as st:
        assert export(st, "parquet", out) == 3
        with pytest.raises(ExportError):
            export(st, "parquet", None)
    df = pd.read_parquet(out)
    assert len(df) == 3 and set(df["type"]) == {"ASSAULT", "PROTEST"}
    assert df["fatalities"].max() == 13 and "actor_norm" not in df.columns


def test_cli_export_with_filter(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sy.csv"
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "acled-csv",
                                   "-o", str(out), "--country", "SY"])
    assert res.exit_code == 0, res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and "Aleppo" in lines[1] and ",5," in lines[1]
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "xml"])
    assert res.exit_code != 0
