"""The extract command line: inputs, outputs, error records and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import cli

ARTICLE = "قال مسؤول في وزارة الداخلية إن الشرطة اعتقلت خمسة أشخاص أمس في بغداد."


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(cli, list(args), input=input)


def records(output: str) -> list[dict]:
    return [json.loads(x) for x in output.splitlines() if x.strip()]


def test_example_runs_and_keeps_offsets(example):
    res = run("extract", "--example")
    assert res.exit_code == 0, res.output
    (rec,) = records(res.stdout)
    assert rec["id"] == "seed-kazakhstan-2022"
    assert rec["published"] == "2022-01-06"
    assert rec["schema"].startswith("marsad.document/")
    text = example["text"]
    for s, e, _kind in rec["sentences"]:
        assert 0 <= s < e <= len(text)


def test_txt_file_with_published(tmp_path: Path):
    p = tmp_path / "article-1.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    res = run("extract", str(p), "--published", "2020-05-01")
    assert res.exit_code == 0, res.output
    (rec,) = records(res.stdout)
    assert rec["id"] == "article-1" and rec["published"] == "2020-05-01"


def test_jsonl_bad_lines_become_error_records_and_run_goes_on(tmp_path: Path):
    p = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "good", "text": ARTICLE, "published": "2020-05-01", "url": "u"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "english", "text": "The police arrested five people yesterday."}),
        json.dumps({"id": "nodate", "text": ARTICLE, "published": "yesterday"}, ensure_ascii=False),
        json.dumps([1, 2]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run("extract", str(p))
    assert res.exit_code == 0, res.output
    recs = records(res.stdout)
    assert len(recs) == 6  # one output record per input line, in order
    assert recs[0]["id"] == "good" and "error" not in recs[0]
    assert recs[0]["meta"] == {"url": "u"}  # other fields pass through
    codes = [r.get("error", {}).get("code") for r in recs[1:]]
    assert codes == ["E105", "E103", "E107", "E108", "E105"]


def test_all_failed_exits_nonzero_with_message(tmp_path: Path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "x", "text": ""}) + "\n", encoding="utf-8")
    res = run("extract", str(p))
    assert res.exit_code == 1
    assert "no document could be processed" in res.stderr


def test_missing_path_is_a_one_line_error():
    res = run("extract", "/no/such/file.jsonl")
    assert res.exit_code == 1
    assert res.stderr.strip().startswith("marsad: error:") and "E101" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_binary_and_wrong_encoding_text_files(tmp_path: Path):
    b = tmp_path / "bin.txt"
    b.write_bytes(b"\x00\x01\x02\xff" * 50)
    c = tmp_path / "cp1256.txt"
    c.write_bytes(ARTICLE.encode("cp1256"))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    res = run("extract", str(b), str(c), str(good))
    recs = records(res.stdout)
    assert [r["id"] for r in recs] == ["bin", "cp1256", "good"]
    assert recs[0]["error"]["code"] in ("E102", "E104")
    assert recs[1]["error"]["code"] == "E102"
    assert "error" not in recs[2]


def test_stdin_text_and_output_file(tmp_path: Path):
    out = tmp_path / "out.jsonl"
    res = run("extract", "-", "-o", str(out), input=ARTICLE)
    assert res.exit_code == 0, res.output
    (rec,) = records(out.read_text(encoding="utf-8"))
    assert rec["id"] == "stdin"


def test_pretty_and_with_text(example):
    res = run("extract", "--example", "--pretty", "--with-text")
    assert res.exit_code == 0
    assert res.stdout.startswith("{\n")
    rec = json.loads(res.stdout)
    assert rec["text"] == example["text"]


def test_unknown_stage_is_reported():
    res = run("extract", "--example", "--stages", "segment,nosuchstage")
    assert res.exit_code == 1 and "E201" in res.stderr


def test_installed_console_script_runs():
    res = subprocess.run([sys.executable, "-m", "marsad", "--help"], capture_output=True,
                         text=True, check=True)
    assert "extract" in res.stdout


def test_huge_text_file_is_refused_without_reading_it(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # a sparse file: large on paper, cheap to make
        fh.seek(5_000_000)
        fh.write(b"x")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    res = run("extract", str(big), str(good))
    recs = records(res.stdout)
    assert recs[0]["error"]["code"] == "E106"
    assert "error" not in recs[1]


def test_stages_command_lists_the_default_order():
    from marsad.pipeline import DEFAULT_STAGES

    res = run("stages")
    assert res.exit_code == 0
    listed = [line.split()[0] for line in res.stdout.splitlines()]
    assert listed[: len(DEFAULT_STAGES)] == list(DEFAULT_STAGES)
