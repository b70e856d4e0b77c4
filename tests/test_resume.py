"""A killed ingest (SIGKILL at random moments, several times) resumes to the same store."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _storekit import ARTICLES, TEST_STAGES, many_articles

from marsad.storage import Store, dump

HERE = Path(__file__).resolve().parent
# Run the real CLI in a fresh interpreter, with the test stages registered.
RUNNER = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import _storekit; "
          "from marsad.cli import main; sys.argv[0] = 'marsad'; main()")


def _write_input(path: Path, n: int) -> None:
    recs = many_articles(n)
    lines = [json.dumps(r, ensure_ascii=False) for r in recs]
    # sprinkle failures and a duplicate among the good records
    lines.insert(7, "{broken json")
    lines.insert(50, json.dumps({"id": "en", "text": "English only, not an Arabic article."}))
    lines.insert(90, json.dumps(recs[3], ensure_ascii=False))
    lines.insert(120, json.dumps({"id": "crash", "text": "أدى انهيار جسر إلى مقتل ثلاثة."},
                                 ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cmd(src: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", RUNNER, str(HERE), "ingest", str(src), "--db", str(db),
            "--stages", ",".join(TEST_STAGES), "--batch-size", "3", "--quiet", *extra]


def _documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with Store(db, readonly=True) as st:
            return st.counts()["documents"]
    except Exception:  # noqa: BLE001 - killed before the schema was written
        return 0


def _kill_runs(src: Path, db: Path, kills: int, seed: int, *extra: str) -> list[int]:
    """Start the ingest and SIGKILL it at random moments; the documents stored after each
    kill made mid-run (a run may also end before its kill comes: then it is not counted).

    The first kill comes at a random moment of start-up (perhaps before the schema is
    written); each later one a random time after the run has committed something new.
    """
    rng = random.Random(seed)
    stored: list[int] = []
    for attempt in range(kills + 1):
        proc = subprocess.Popen(_cmd(src, db, *extra), start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt == 0:
            time.sleep(rng.uniform(0.0, 0.5))
        else:
            before, t0 = _documents(db), time.monotonic()
            while proc.poll() is None and _documents(db) <= before and time.monotonic() - t0 < 120:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is not None:
            break
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and any worker it started
        proc.wait()
        if attempt > 0:
            stored.append(_documents(db))
    return stored


@pytest.mark.parametrize("workers", ["0", "1", "2"])
def test_sigkilled_ingest_resumes_to_the_same_store(tmp_path: Path, workers: str) -> None:
    src = tmp_path / "in.jsonl"
    _write_input(src, 2500)
    ref = tmp_path / "ref.sqlite"
    subprocess.run(_cmd(src, ref), check=True, timeout=300)

    db = tmp_path / "killed.sqlite"
    stored = _kill_runs(src, db, 3, int(workers), "--workers", workers)
    assert len(stored) >= 2, "the ingest finished before it could be killed; give it more input"
    subprocess.run(_cmd(src, db, "--workers", workers), check=True, timeout=300)
    with Store(ref, readonly=True) as a, Store(db, readonly=True) as b:
        assert min(stored) < a.counts()["documents"]  # a kill did leave the store half done
        assert a.counts()["failures"] == 3 and a.counts()["events"] > 0
        assert dump(a) == dump(b)
        runs = b.conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
        assert runs[-1][0] == "done" and len(runs) >= 2
        assert {r[0] for r in runs[:-1]} <= {"interrupted", "done"}  # none left 'running'


def test_interrupted_batch_leaves_no_partial_document(tmp_path: Path) -> None:
    """An error in the middle of a batch rolls the whole batch back."""
    from marsad.ingest import ingest_records

    st = Store(tmp_path / "s.sqlite")

    def records():  # the reader dies after two good records
        yield ARTICLES[0]
        yield ARTICLES[1]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_records(st, records(), stages=TEST_STAGES, batch_size=10)
    assert st.counts()["documents"] == 0 and st.counts()["events"] == 0
    status = st.conn.execute("SELECT status FROM runs").fetchone()[0]
    assert status == "interrupted"
    ingest_records(st, ARTICLES, stages=TEST_STAGES)
    assert st.counts()["documents"] == len(ARTICLES)
    st.close()
