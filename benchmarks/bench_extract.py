#!/usr/bin/env python3
"""Throughput of `marsad extract` on the 3,000-article benchmark corpus (one process).

    python benchmarks/bench_extract.py [--corpus FILE] [--runs 3] [--only NAMES] [--stages]

Each run is the real command line, `marsad extract CORPUS -o /dev/null --quiet`, in a fresh
process pinned to one core where the OS allows it (start-up included), timed by wall clock;
the median of the runs is reported as articles per second. `--only segment,figures,...`
times a subset of the stages (as `marsad extract --stages`); `--stages` adds an in-process
breakdown of the time each stage takes per article.
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
    sys.path.insert(0, str(ROOT))
    from marsad import registry
    from marsad.io.validate import make_document
    from marsad.pipeline import Pipeline

    nlp = Pipeline(only.split(",") if only else None)
    stages = [(n, registry.get(n).factory()) for n in nlp.names]
    totals = dict.fromkeys(nlp.names, 0.0)
    n = 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if n >= limit:
                break
            doc = make_document(json.loads(line))
            for name, fn in stages:
                t0 = time.perf_counter()
                doc = fn(doc)
                totals[name] += time.perf_counter() - t0
                doc.done.add(name)
            n += 1
    return {k: round(v / n * 1000, 3) for k, v in totals.items()}


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
