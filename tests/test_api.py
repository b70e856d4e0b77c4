"""The HTTP API, in-process (httpx over ASGI), on a store of hand-checked records."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")

from click.testing import CliRunner  # noqa: E402
from webstore import PAYLOAD_TEXT, curated_store, example_curated  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.errors import StoreError  # noqa: E402


class Client:
    """A synchronous face on httpx's ASGI transport."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def get(self, path: str, method: str = "GET") -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
                return await c.request(method, path)
        return asyncio.run(go())

    def ok(self, path: str) -> dict[str, Any]:
        r = self.get(path)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["ok"] is True
        return body


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return curated_store(tmp_path_factory.mktemp("api") / "store.sqlite")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Client]:
    app = create_app(db)
    yield Client(app)
    app.state.store.close()


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "status", "error"}
    assert body["ok"] is False and body["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"] and body["error"]["type"]
    return body["error"]


def spans_in(obj: Any) -> Iterator[dict[str, Any]]:
    """Every {"text", "start", "end"} object inside a JSON value."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("text"), str):
            yield obj
        for v in obj.values():
            yield from spans_in(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from spans_in(v)


def types_of(body: dict[str, Any]) -> list[str]:
    return sorted(e["type"] for e in body["events"])


# -- listing and filters --------------------------------------------------------------


def test_events_all_and_paginated(client: Client) -> None:
    body = client.ok("/api/events")
    assert body["total"] == 7 == len(body["events"])
    days = [e["day"] for e in body["events"]]
    assert days == sorted(days, reverse=True)  # newest first
    p1 = client.ok("/api/events?per_page=3&page=1")
    p3 = client.ok("/api/events?per_page=3&page=3")
    assert p1["pages"] == 3 and len(p1["events"]) == 3 and len(p3["events"]) == 1
    seen = {e["uid"] for p in (1, 2, 3)
            for e in client.ok(f"/api/events?per_page=3&page={p}")["events"]}
    assert seen == {e["uid"] for e in body["events"]}
    asc = client.ok("/api/events?sort=date")["events"]
    assert [e["day"] for e in asc] == sorted(days)


def test_filter_type_mode_country(client: Client) -> None:
    assert types_of(client.ok("/api/events?type=ASSAULT")) == ["ASSAULT"]
    assert types_of(client.ok("/api/events?type=assault,protest")) == [
        "ASSAULT", "PROTEST", "PROTEST"]
    assert types_of(client.ok("/api/events?mode=arrest")) == ["COERCE"]
    kz = client.ok("/api/events?country=KZ")
    assert kz["total"] == 3 and {e["country"] for e in kz["events"]} == {"KZ"}
    assert client.ok("/api/events?country=EGY")["total"] == 2
    assert client.ok("/api/events?country=FR")["total"] == 0


def test_filter_dates(client: Client) -> None:
    jan6 = client.ok("/api/events?date_from=2022-01-06&date_to=2022-01-06")
    assert {e["day"] for e in jan6["events"]} == {"2022-01-06"} and jan6["total"] == 3
    assert client.ok("/api/events?date_from=2022-02-01")["total"] == 3
    assert client.ok("/api/events?date_to=2022-01-05")["total"] == 1


def test_filter_text_fields_fold_arabic(client: Client) -> None:
    # ta marbuta written as ha, hamza and madda dropped: folding still finds them
    assert types_of(client.ok("/api/events?actor=الشرطه")) == ["COERCE"]
    assert types_of(client.ok("/api/events?recipient=عناصر")) == ["ASSAULT"]
    assert types_of(client.ok("/api/events?place=الما اتا")) == ["ASSAULT"]
    assert types_of(client.ok("/api/events?place=Almaty")) == ["ASSAULT"]
    assert types_of(client.ok("/api/events?source=وكالات")) == ["ASSAULT"]
    assert types_of(client.ok("/api/events?q=رفع الرسوم")) == ["COERCE", "PROTEST"]
    assert client.ok("/api/events?actor=نابليون")["total"] == 0


def test_filter_negated_hypothetical(client: Client) -> None:
    assert types_of(client.ok("/api/events?negated=true")) == ["SUPPORT"]
    assert client.ok("/api/events?negated=false")["total"] == 6
    assert types_of(client.ok("/api/events?hypothetical=only")) == ["CONSULT"]
    assert "CONSULT" not in types_of(client.ok("/api/events?hypothetical=exclude"))


def test_filter_by_document(client: Client) -> None:
    doc = client.ok("/api/events?type=ASSAULT")["events"][0]["doc"]
    assert client.ok(f"/api/events?doc={doc}")["total"] == 4


# -- one event, one document ------------------------------------------------------------


def test_event_has_all_fields_and_offsets(client: Client) -> None:
    uid = client.ok("/api/events?type=ASSAULT")["events"][0]["uid"]
    ev = client.ok(f"/api/events/{uid}")["event"]
    assert ev["uid"] == uid and ev["type"] == "ASSAULT" and ev["mode"] == "firearms"
    assert ev["trigger"]["text"] == "قتل"
    assert [f["value"] for f in ev["figures"]] == [13, 300]
    assert ev["figures"][1]["qualifier"] == "more_than"
    assert ev["mentions"][0]["text"] == "أعمال العنف"
    assert ev["location"]["name"] == "Almaty" and ev["date"] == "2022-01-06"
    assert ev["sources"][0]["text"] == "وكالات أنباء"
    assert ev["fatalities"] == 13
    text = client.ok(f"/api/documents/{ev['document']['id']}")["document"]["text"]
    for sp in spans_in({k: v for k, v in ev.items() if k != "document"}):
        assert text[sp["start"]:sp["end"]] == sp["text"]


def test_document_has_text_and_every_layer(client: Client) -> None:
    rec, result = example_curated()
    uid = client.ok("/api/events?type=ASSAULT")["events"][0]["uid"]
    doc_no = client.ok(f"/api/events/{uid}")["event"]["document"]["id"]
    doc = client.ok(f"/api/documents/{doc_no}")["document"]
    assert doc["text"] == rec["text"] and doc["published"] == "2022-01-06"
    assert len(doc["events"]) == 4 and all(e["uid"] for e in doc["events"])
    assert doc["quotes"][0]["speaker"]["text"] == "وزارة الصحة الكازاخية"
    assert doc["sources"] == result["sources"] and doc["figures"] == result["figures"]
    spans = list(spans_in(doc))
    assert len(spans) > 30
    for sp in spans:
        assert doc["text"][sp["start"]:sp["end"]] == sp["text"]


def test_untrusted_text_comes_back_verbatim_as_json(client: Client) -> None:
    r = client.get("/api/events?q=تظاهر")
    assert r.headers["content-type"].startswith("application/json")
    doc = client.ok(f"/api/documents/{r.json()['events'][0]['doc']}")["document"]
    assert doc["text"] == PAYLOAD_TEXT and "<script>" in doc["text"]


# -- aggregates ---------------------------------------------------------------------------


def test_stats_by_type_country_day(client: Client) -> None:
    body = client.ok("/api/stats?by=type,country,day,day_type,place,month,mode")
    c = body["counts"]
    assert sum(r["n"] for r in c["type"]) == body["total"] == 7
    assert {r["key"]: r["n"] for r in c["type"]}["PROTEST"] == 2
    assert {r["key"]: r["n"] for r in c["country"]} == {"KZ": 3, "EG": 2, None: 2}
    assert [r["key"] for r in c["day"]] == ["2022-01-05", "2022-01-06", "2022-02-13"]
    assert sum(r["n"] for r in c["day_type"]) == 7
    assert {r["key"] for r in c["place"]} == {"Almaty", "Kazakhstan", "Cairo"}
    assert [r["key"] for r in c["month"]] == ["2022-01", "2022-02"]
    only = client.ok("/api/stats?by=day&type=PROTEST")["counts"]["day"]
    assert [(r["key"], r["n"]) for r in only] == [("2022-01-05", 1), ("2022-02-13", 1)]


def test_info(client: Client) -> None:
    info = client.ok("/api/info")["store"]
    assert info["documents"] == 2 and info["events"] == 7
    assert info["date_min"] == "2022-01-05" and info["date_max"] == "2022-02-13"


# -- errors: one shape, bounded inputs ---------------------------------------------------


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/api/events?colour=red", 400, "E402"),
    ("/api/events?type=ASSAULT&type=PROTEST", 400, "E402"),
    ("/api/events?date_from=06-01-2022", 400, "E402"),
    ("/api/events?date_from=2022-02-01&date_to=2022-01-01", 400, "E402"),
    ("/api/events?per_page=201", 400, "E402"),
    ("/api/events?per_page=0", 400, "E402"),
    ("/api/events?page=999999", 400, "E402"),
    ("/api/events?sort=trigger", 400, "E402"),
    ("/api/events?negated=maybe", 400, "E402"),
    ("/api/events?type=" + "A" * 40, 400, "E402"),
    ("/api/events?type=" + ",".join(["ASSAULT"] * 21), 400, "E402"),
    ("/api/events?actor=" + "ا" * 201, 400, "E402"),
    ("/api/events?q=" + "x" * 2100, 414, "E404"),
    ("/api/stats?by=weekday", 400, "E402"),
    ("/api/events/0000000000000000-99", 404, "E401"),
    ("/api/events/..%2F..%2Fetc%2Fpasswd", 404, "E401"),
    ("/api/documents/999", 404, "E401"),
    ("/api/documents/abc", 404, "E401"),
    ("/api/nothing", 404, "E401"),
    ("/static/../pyproject.toml", 404, "E401"),
    ("/static/app.py", 404, "E401"),
    ("/static/%2e%2e%2f%2e%2e%2fstorage%2fschema.sql", 404, "E401"),
    ("/openapi.json?x=1", 400, "E402"),
])
def test_errors_share_one_shape(client: Client, path: str, status: int, code: str) -> None:
    assert_error(client.get(path), status, code)


def test_wrong_method(client: Client) -> None:
    assert_error(client.get("/api/events", method="POST"), 405, "E403")
    assert_error(client.get("/api/events", method="DELETE"), 405, "E403")


def test_missing_or_foreign_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        create_app(junk)


# -- read-only, headers, description, page ----------------------------------------------


def test_store_is_read_only(db: Path, client: Client) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    client.ok("/api/events?q=قتل")
    client.ok("/api/stats?by=type,day")
    conn = client.app.state.store.conn()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_page_and_assets(client: Client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert 'dir="rtl"' in r.text and "/static/app.js" in r.text
    for name in ("app.js", "article.js", "charts.js", "i18n.js", "app.css"):
        assert client.get(f"/static/{name}").status_code == 200
    assert "http://" not in r.text.replace('"http://www.w3.org', "")  # nothing from a CDN
    world = client.get("/static/world.json").json()
    assert len(world["countries"]) > 150
    assert {"KZ", "EG", "SY", "IQ"} <= {c["iso2"] for c in world["countries"]}


def test_openapi_describes_every_endpoint(client: Client) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    paths = set(spec["paths"])
    assert {"/api/events", "/api/events/{uid}", "/api/documents/{id}", "/api/stats",
            "/api/info"} <= paths
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "mode", "country", "date_from", "date_to", "actor", "place", "source",
            "q", "negated", "hypothetical", "page", "per_page"} <= names
    assert spec["components"]["schemas"]["Error"]["required"] == ["ok", "status", "error"]


def test_serve_command(db: Path, tmp_path: Path) -> None:
    from marsad.cli import cli

    runner = CliRunner()
    r = runner.invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0 and "--db" in r.output and "127.0.0.1" in r.output
    r = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing.sqlite")])
    assert r.exit_code == 1 and "no store" in r.output


def test_serve_binds_localhost_and_answers(db: Path) -> None:
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["store"]["events"] == 7
        assert "server" not in r.headers  # no version banner
    finally:
        proc.terminate()
        proc.wait(10)
    assert b"127.0.0.1" in proc.stderr.read()


def test_unexpected_failure_keeps_the_error_shape(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(db)

    def broken(*a: Any, **k: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.state.store, "events", broken)  # as if the disk failed

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await c.get("/api/events")

    err = assert_error(asyncio.run(go()), 500, "E499")
    assert "disk on fire" not in err["message"]  # internals stay in the server log
    app.state.store.close()


def test_sees_what_an_ingest_adds_while_serving(tmp_path: Path) -> None:
    from webstore import payload_curated, write_store

    from marsad.storage import Store, document_payload, text_hash

    db = write_store(tmp_path / "growing.sqlite", [example_curated()])
    app = create_app(db, refresh_s=0)
    c = Client(app)
    assert c.ok("/api/events")["total"] == 4
    assert c.ok("/api/stats?by=country")["counts"]["country"] == [
        {"key": "KZ", "country3": "KAZ", "n": 3}, {"key": None, "country3": None, "n": 1}]
    rec, result = payload_curated()
    with Store(db) as st, st.batch():  # a writer beside the server, as `marsad ingest` is
        st.put(document_payload(result, rec["text"], key=text_hash(rec["text"]), record=rec,
                                origin="tests", extractor="tests"))
    assert c.ok("/api/events")["total"] == 7
    assert c.ok("/api/events?country=EG")["total"] == 2
    assert c.ok("/api/info")["store"]["documents"] == 2
    app.state.store.close()


def test_empty_store(tmp_path: Path) -> None:
    db = write_store_empty(tmp_path / "empty.sqlite")
    app = create_app(db)
    c = Client(app)
    body = c.ok("/api/events")
    assert body["total"] == 0 and body["events"] == [] and body["pages"] == 1
    assert c.ok("/api/stats?by=type,day,place")["counts"] == {"type": [], "day": [], "place": []}
    assert c.ok("/api/info")["store"]["date_min"] is None
    app.state.store.close()


def write_store_empty(path: Path) -> Path:
    from marsad.storage import Store

    Store(path).close()
    return path
