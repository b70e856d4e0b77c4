#!/usr/bin/env python3
"""Score marsad on the evaluation gold in ../shared/eval (or any gold file).

    python scripts/evaluate.py                 # seed + dev, the scorer's summary
    python scripts/evaluate.py --gold FILE --show-errors
    python scripts/evaluate.py --json          # one JSON object per gold file

Runs the pipeline in-process on each gold file's documents (id, text, published), writes
the system output next to a temporary folder and calls the shared scorer on it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = [SHARED / "seed" / "seed.gold.jsonl", SHARED / "eval" / "dev.gold.jsonl"]


def run(gold: Path, show_errors: bool, as_json: bool, out_dir: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from marsad.evaluation import system_output

    rows = [json.loads(x) for x in gold.open(encoding="utf-8") if x.strip()]
    out = out_dir / (gold.stem + ".out.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for rec in system_output(rows):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out)]
    if show_errors:
        cmd.append("--show-errors")
    if as_json:
        cmd.append("--json")
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, action="append", help="gold JSONL (repeatable)")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="write system outputs into this folder")
    a = ap.parse_args()
    golds = a.gold or DEFAULT_GOLD
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = a.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for g in golds:
            if not a.json:
                print(f"== {g}")
            print(run(g, a.show_errors, a.json, out_dir), end="")


if __name__ == "__main__":
    main()
