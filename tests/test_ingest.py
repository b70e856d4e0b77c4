"""Ingest: every input format, wrappers, stdin, Arabic feed dates, and every kind of bad input."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from _storekit import ARTICLES, TEST_STAGES, write_jsonl
from click.testing import CliRunner

from marsad.cli import cli
from marsad.ingest import Failed, ingest, parse_pubdate, read_inputs
from marsad.storage import Store

KZ = ARTICLES[0]["text"]
SY = ARTICLES[2]["text"]

HTML = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>اشتباكات في ألما آتا</title>
<meta property="og:site_name" content="وكالة الأنباء">
<meta property="article:published_time" content="2022-01-06T10:00:00+03:00">
</head><body><nav>الرئيسية | أخبار | رياضة</nav>
<article><h1>اشتباكات في ألما آتا</h1>{''.join(f'<p>{p}</p>' for p in KZ.split(chr(10)))}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الشام</title><link>https://example.org</link>
<item><title>هجوم قرب حلب</title><link>https://example.org/sy</link>
<pubDate>الثلاثاء، 15 آذار 2022 - 10:30</pubDate>
<description>&lt;p&gt;{SY}&lt;/p&gt;</description></item>
<item><title>اشتباكات</title><link>https://example.org/kz</link>
<pubDate>٦ جانفي ٢٠٢٢</pubDate><description>{KZ}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>احتجاجات في عمّان</title><id>urn:jo</id><updated>2022-02-04T12:00:00Z</updated>
<content type="html">&lt;p&gt;{ARTICLES[1]["text"]}&lt;/p&gt;</content></entry></feed>"""


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    for url, html in pages:
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                              protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                            http_headers=hh))
    hh = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://example.org/x.png", "response",
                                        payload=io.BytesIO(b"\x89PNG"), http_headers=hh))
    return buf.getvalue()


def _records(paths: list[str]) -> list[dict]:
    items = list(read_inputs(paths))
    assert not [i for i in items if isinstance(i, Failed)], items
    return items  # type: ignore[return-value]


def test_jsonl_and_text_directory(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", ARTICLES[:2])
    d = tmp_path / "texts" / "sub"
    d.mkdir(parents=True)
    (d / "sy.txt").write_text(SY, encoding="utf-8")
    (tmp_path / "texts" / ".hidden").write_text("x")
    recs = _records([str(tmp_path / "a.jsonl"), str(tmp_path / "texts")])
    assert [r["id"] for r in recs] == ["kz", "jo", "sy"]
    assert recs[0]["_origin"].endswith("a.jsonl:1") and recs[2]["text"] == SY


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    [rec] = _records([str(tmp_path / "page.html")])
    assert "ألما آتا" in rec["text"] and "13 شخصا" in rec["text"]
    assert "الحقوق محفوظة" not in rec["text"] and "رياضة" not in rec["text"]
    assert rec["title"] == "اشتباكات في ألما آتا"
    assert rec["published"] == "2022-01-06"


def test_rss_and_atom_with_arabic_dates(tmp_path: Path) -> None:
    (tmp_path / "f.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "f.atom").write_text(ATOM, encoding="utf-8")
    recs = _records([str(tmp_path / "f.rss"), str(tmp_path / "f.atom")])
    assert [r["published"] for r in recs] == ["2022-03-15", "2022-01-06", "2022-02-04"]
    assert recs[0]["text"] == SY and recs[0]["url"] == "https://example.org/sy"
    assert recs[0]["site"] == "أخبار الشام" and recs[2]["title"] == "احتجاجات في عمّان"


def test_warc_html_responses_only(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([("https://example.org/kz", HTML)]))
    [rec] = _records([str(tmp_path / "crawl.warc.gz")])
    assert rec["url"] == "https://example.org/kz" and "13 شخصا" in rec["text"]


def test_gzip_bz2_zip_wrappers_and_sniffing(tmp_path: Path) -> None:
    line = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2]).encode()
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(line))
    (tmp_path / "b.jsonl.bz2").write_bytes(bz2.compress(line))
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as zf:
        zf.writestr("x/sy.txt", SY)
        zf.writestr("page.html", HTML)
        zf.writestr("feed.xml", ATOM)
        zf.writestr("inner.jsonl.gz", gzip.compress(line))
    (tmp_path / "noext").write_bytes(gzip.compress(RSS.encode()))  # sniffed: gzip, then feed
    recs = _records([str(tmp_path / n) for n in ("a.jsonl.gz", "b.jsonl.bz2", "c.zip", "noext")])
    assert [r["id"] for r in recs[:4]] == ["kz", "jo", "kz", "jo"]
    assert len(recs) == 4 + 5 + 2
    assert recs[4]["_origin"].endswith("c.zip!feed.xml#1")


def test_stdin_jsonl_and_plain_text(tmp_path: Path) -> None:
    data = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES).encode()
    recs = list(read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data))))  # type: ignore[arg-type]
    assert [r["id"] for r in recs] == [a["id"] for a in ARTICLES]
    db = tmp_path / "s.sqlite"
    res = CliRunner().invoke(cli, ["ingest", "-", "--db", str(db), "--stages", "segment",
                                   "--published", "2022-01-06"], input=KZ.encode())
    assert res.exit_code == 0, res.output
    with Store(db) as st:
        doc = st.document("stdin")
        assert doc["text"] == KZ and doc["published"] == "2022-01-06"


@pytest.mark.parametrize("value,expected", [
    ("الخميس، 6 يناير 2022", "2022-01-06"),
    ("06 كانون الثاني 2022 - 10:30", "2022-01-06"),
    ("٦ جانفي ٢٠٢٢", "2022-01-06"),
    ("Thu, 06 Jan 2022 10:00:00 +0300", "2022-01-06"),
    ("الخميس, 06 يناير 2022 10:00:00 +0300", "2022-01-06"),
    ("15 آب 2021", "2021-08-15"),
    ("2022-01-06T10:00:00Z", "2022-01-06"),
    ("أمس", None),
    ("31 فبراير 2022", None),
])
def test_pubdates(value: str, expected: str | None) -> None:
    got = parse_pubdate(value)
    assert (got.isoformat() if got else None) == expected


def test_every_malformed_input_is_recorded_and_good_documents_land(tmp_path: Path) -> None:
    good = [ARTICLES[0], ARTICLES[2]]
    lines = [json.dumps(good[0], ensure_ascii=False),
             "{not json",                                              # E105 bad JSON
             json.dumps([1, 2]),                                       # E105 not an object
             json.dumps({"id": "notext", "title": "بلا نص"}),          # E105 no text
             json.dumps({"id": "empty", "text": "   \n "}),           # E103 empty
             json.dumps({"id": "english", "text": "The police said 13 people died."}),  # E107
             json.dumps({"id": "binary", "text": "\x00\x01\x02" * 50}),  # E104
             json.dumps({"id": "crash", "text": "أدى انهيار مبنى في القاهرة إلى مقتل شخصين."}),
             json.dumps({"id": "baddate", "text": SY + " ", "published": "أمس"}),  # E108
             json.dumps(good[1], ensure_ascii=False)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data += "مرحبا بالعالم".encode("cp1256") + b"\n"                    # E102 not UTF-8
    (tmp_path / "mixed.jsonl").write_bytes(data)
    (tmp_path / "cp1256.txt").write_bytes("قال الوزير إن الوضع مستقر".encode("cp1256"))
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(data)[:60])
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    (tmp_path / "notfeed.rss").write_text("<rss><channel><item>", encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    inputs = [str(tmp_path / n) for n in ("mixed.jsonl", "cp1256.txt", "truncated.jsonl.gz",
                                           "broken.zip", "notfeed.rss", "empty.html")]
    inputs += [str(tmp_path / "missing.jsonl"), "http://127.0.0.1:9/feed.xml"]
    db = tmp_path / "s.sqlite"
    s = ingest(inputs, db, stages=TEST_STAGES)
    with Store(db) as st:
        docs = {r[0] for r in st.conn.execute("SELECT doc_id FROM documents")}
        fails = {r["doc_id"] or r["origin"]: r["code"] for r in st.conn.execute(
            "SELECT * FROM failures")}
        origins = [r[0] for r in st.conn.execute("SELECT origin FROM failures")]
    assert docs == {"kz", "sy"}
    codes = sorted(fails.values())
    for code in ("E101", "E102", "E103", "E104", "E105", "E107", "E108", "E203"):
        assert code in codes, (code, fails)
    assert fails["crash"] == "E203" and fails["english"] == "E107" and fails["empty"] == "E103"
    assert any(o.endswith("missing.jsonl") for o in origins)
    assert any(o.startswith("http://127.0.0.1:9") for o in origins)
    assert s.added == 2 and s.failed == len(fails)
    # a second run records nothing twice
    s2 = ingest(inputs, db, stages=TEST_STAGES)
    assert s2.added == 0 and s2.failed == 0
    with Store(db) as st:
        assert st.counts()["failures"] == len(fails)


def test_cli_ingest_summary_and_events_table(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    db = tmp_path / "s.sqlite"
    runner = CliRunner()
    res = runner.invoke(cli, ["ingest", str(src), "--db", str(db), "--stages",
                              ",".join(TEST_STAGES)])
    assert res.exit_code == 0, res.output
    assert "4 added" in res.output
    res = runner.invoke(cli, ["ingest", str(src), "--db", str(db), "--stages",
                              ",".join(TEST_STAGES), "--quiet"])
    assert res.exit_code == 0 and res.output == ""
    res = runner.invoke(cli, ["events", "--db", str(db), "--country", "KZ"])
    assert res.exit_code == 0 and "ASSAULT" in res.output and "Almaty" in res.output
    assert "PROTEST" not in res.output
    res = runner.invoke(cli, ["events", "--db", str(db), "--format", "json", "--type", "PROTEST"])
    [rec] = [json.loads(x) for x in res.output.splitlines() if x.startswith("{")]
    assert rec["doc_id"] == "jo" and rec["trigger_text"] == "تظاهر"
    res = runner.invoke(cli, ["events", "--db", str(db), "--format", "csv"])
    assert res.output.splitlines()[0].startswith("uid,date") and len(res.output.splitlines()) == 4
    res = runner.invoke(cli, ["stats", "--db", str(db)])
    assert "ASSAULT" in res.output and "2022-03" in res.output
    res = runner.invoke(cli, ["events", "--db", str(db), "--since", "soon"])
    assert res.exit_code == 1 and "YYYY-MM-DD" in res.output


def test_legacy_cp1256_html_page(tmp_path: Path) -> None:
    page = HTML.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" '
                        'content="text/html; charset=windows-1256">')
    (tmp_path / "old.htm").write_bytes(page.encode("cp1256"))
    [rec] = _records([str(tmp_path / "old.htm")])
    assert "قوات الأمن" in rec["text"]


def test_feed_and_page_by_url(tmp_path: Path) -> None:
    import functools
    import http.server
    import threading

    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "kz.html").write_text(HTML, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        recs = _records([f"{base}/feed.xml", f"{base}/kz.html"])
    finally:
        server.shutdown()
        server.server_close()
    assert [r["published"] for r in recs] == ["2022-03-15", "2022-01-06", "2022-01-06"]
    assert "13 شخصا" in recs[2]["text"]


def test_progress_line_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.cli.store import _Progress
    from marsad.ingest import Summary

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    s = Summary(seen=50, added=40, skipped=5, failed=5, seconds=2.0)
    tty = Tty()
    monkeypatch.setattr("sys.stderr", tty)
    _Progress(quiet=False, total=200)(s, final=True)
    line = tty.getvalue()
    assert "50/200 documents" in line and "25/s" in line and "5 failed" in line
    assert "ETA 6s" in line  # 150 left at 25/s
    quiet = Tty()
    monkeypatch.setattr("sys.stderr", quiet)
    _Progress(quiet=True, total=200)(s, final=True)
    pipe = io.StringIO()  # not a terminal
    monkeypatch.setattr("sys.stderr", pipe)
    _Progress(quiet=False, total=200)(s, final=True)
    assert quiet.getvalue() == "" and pipe.getvalue() == ""
