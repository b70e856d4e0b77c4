#!/usr/bin/env python3
"""Held-out GSR score of the events stage: k-fold cross-validation of the learnt filter.

    python scripts/eval_gsr.py            # 5 folds
    python scripts/eval_gsr.py --folds 10 --json

How: the 2,665 sentences of ``../shared/eval/gsr/dev.jsonl`` (openeventdata/arabic_event_gsr,
MIT) are split into k folds at random (fixed seed). For each fold, the filter is trained
with ``scripts/train_event_filter.py``'s code on the other k-1 folds only (its threshold
from an inner cross-validation inside those folds), then the real marsad pipeline, with that
model, runs on each held-out sentence as one document ``{"id", "text", "published": null}``.
The predictions of the k held-out folds are concatenated and scored by ``score_gsr.py``: no
sentence is scored by a model that saw it. The shipped model (trained on all sentences) is
not what this measures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
SHARED = ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--mode", choices=("article", "sentence"), default="article",
                    help="the filter's operating point: article (shipped default) or sentence")
    ap.add_argument("--keep", type=Path, help="write the system output here")
    a = ap.parse_args()

    import train_event_filter as tef

    from marsad.events.filter import EventFilter, use_filter
    from marsad.pipeline import Pipeline

    gsr_path = SHARED / "eval" / "gsr" / "dev.jsonl"
    gsr = tef.load_gsr(gsr_path)
    rows = tef.candidate_rows(gsr)
    nlp = Pipeline()
    outputs: dict[int, dict] = {}
    thresholds = []
    for k, fold in enumerate(tef.folds(list(range(len(gsr))), a.folds, seed=2024)):
        train_ids = set(range(len(gsr))) - fold
        model = tef.train(gsr, train_ids, c_reg=a.c, rows=rows)
        thresholds.append({t: m["threshold"] for t, m in model["models"].items()})
        use_filter(EventFilter.from_dict(model, mode=a.mode))
        try:
            ids = sorted(fold)
            recs = nlp.pipe({"id": gsr[i]["id"], "text": gsr[i]["text"], "published": None}
                            for i in ids)
            for i, rec in zip(ids, recs, strict=True):
                outputs[i] = rec
        finally:
            use_filter(None)
        print(f"fold {k + 1}/{a.folds}: trained on {len(train_ids)} sentences, "
              f"scored {len(fold)}; thresholds {thresholds[-1]}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        out = a.keep or Path(tmp) / "gsr.out.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for i in sorted(outputs):
                fh.write(json.dumps(outputs[i], ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(SHARED / "eval" / "score_gsr.py"), str(gsr_path), str(out)]
        if a.json:
            cmd.append("--json")
        res = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    if not a.json:
        print(f"GSR held-out score: {a.folds}-fold cross-validation; each sentence predicted by "
              f"the full pipeline with a filter trained only on the other folds "
              f"(operating point: {a.mode}).")
    print(res, end="")


if __name__ == "__main__":
    main()
