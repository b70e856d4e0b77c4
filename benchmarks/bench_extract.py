#!/usr/bin/env python3
"""Throughput of `marsad extract` on the 3,000-article benchmark corpus (one process).

    python benchmarks/bench_extract.py [--corpus FILE] [--runs 3] [--only NAMES] [--stages]

Each run is the real command line, `marsad extract CORPUS -o /dev/null --quiet`, in a fresh
process pinned to one core where the OS allows it (start-up included), timed by wall clock;
the median of the runs is reported as articles per second. `--only segment,figures,...`
times a subset of the stages (as `marsad extract --stages`); `--stages` adds an in-process
breakdown of the time each stage takes per article (batched, as the command runs them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "bench" / "news-3k.jsonl"


def count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def one_run(corpus: Path, only: str | None = None) -> float:
    cmd = [sys.executable, "-m", "marsad", "extract", str(corpus), "-o", os.devnull, "--quiet"]
    if only:
        cmd += ["--stages", only]
    if sys.platform.startswith("linux") and os.path.exists("/usr/bin/taskset"):
        cmd = ["taskset", "-c", "0", *cmd]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def stage_breakdown(corpus: Path, limit: int = 1000, only: str | None = None
                    ) -> dict[str, float]:
    """ms per article of each stage over the first ``limit`` articles, run as the command
    runs them: warmed up, then each stage over a batch before the next stage."""
    sys.path.insert(0, str(ROOT))
    from marsad.io.validate import make_document
    from marsad.pipeline import BATCH_SIZE, Pipeline

    nlp = Pipeline(only.split(",") if only else None)
    nlp.warm_up(freeze=True)
    totals = dict.fromkeys(nlp.names, 0.0)
    with corpus.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line, _ in zip(fh, range(limit), strict=False)]
    for k in range(0, len(records), BATCH_SIZE):
        docs = [make_document(r) for r in records[k:k + BATCH_SIZE]]
        for name, fn in nlp._stages:
            t0 = time.perf_counter()
            batch = getattr(fn, "batch", None)
            docs = batch(docs) if batch is not None else [fn(d) for d in docs]
            totals[name] += time.perf_counter() - t0
            for d in docs:
                d.done.add(name)
    return {k: round(v / len(records) * 1000, 3) for k, v in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", metavar="NAMES", help="comma-separated stages to run (default all)")
    ap.add_argument("--stages", action="store_true", help="per-stage ms per article")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not a.corpus.exists():
        sys.exit(f"no corpus at {a.corpus}; give --corpus FILE.jsonl")
    n = count_lines(a.corpus)
    times = [one_run(a.corpus, a.only) for _ in range(a.runs)]
    med = statistics.median(times)
    result: dict[str, object] = {
        "stages": a.only or "all", "articles": n, "runs_s": [round(t, 2) for t in times], "median_s": round(med, 2),
        "articles_per_s": round(n / med, 1),
    }
    if a.stages:
        result["ms_per_article_by_stage"] = stage_breakdown(a.corpus, only=a.only)
    if a.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
