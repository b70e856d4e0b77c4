#!/usr/bin/env python3
"""Train the events stage's learnt filter on the Arabic event GSR and export JSON weights.

    python scripts/train_event_filter.py                       # writes marsad/data/event_filter.json
    python scripts/train_event_filter.py --out /tmp/model.json

Data: ``../shared/eval/gsr/dev.jsonl`` (openeventdata/arabic_event_gsr, MIT licence):
sentences labelled yes / easy no / difficult no for ASSAULT and PROTEST. Each sentence is
run through the stages that precede ``events``; every trigger candidate of the sentence's event type
becomes one training row (the features the stage computes, the sentence's label). One
logistic regression per type (scikit-learn, L2, balanced classes). Two operating points
come from out-of-fold predictions of an inner cross-validation, with the stage's own keep
rule (flags) applied: ``threshold``, the one that maximises sentence-level F1 with the
plain rule (sentence classification, ``EventFilter(mode="sentence")``), and
``article_threshold``, the one that maximises it with the article rule (the strict
overrides of ``keep_candidate`` included), which is what articles use. Only the non-zero
weights are exported; the stage scores them with plain Python.

scikit-learn is needed here only, never at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GSR = ROOT.parent / "shared" / "eval" / "gsr" / "dev.jsonl"
OUT = ROOT / "marsad" / "data" / "event_filter.json"
TYPES = ("ASSAULT", "PROTEST")
SKIP_HARD = False
CLASS_WEIGHT: str | None = "balanced"


@dataclass
class Row:
    sentence: int  # index of the GSR sentence
    feats: list[str]
    keep_args: tuple  # (candidate, flags) for the stage's keep rule
    label: int
    hard: bool = False  # a "difficult no": annotators disagreed


def load_gsr(path: Path = GSR) -> list[dict]:
    return [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]


def candidate_rows(gsr: Sequence[dict]) -> dict[str, list[Row]]:
    """Training rows per event type, one per candidate of that type."""
    from marsad.events.candidates import sentence_candidates
    from marsad.io.validate import make_document
    from marsad.pipeline import Pipeline
    from marsad.stages.events import candidate_features

    # the stages that run before "events" in the default pipeline (their layers are features)
    seg = Pipeline(("segment", "figures", "dates", "quotes", "entities", "places"))
    rows: dict[str, list[Row]] = {t: [] for t in TYPES}
    for i, g in enumerate(gsr):
        doc = seg(make_document({"id": g["id"], "text": g["text"], "published": None}))
        et = g["event_type"]
        y = int(g["label"] == "yes")
        for si, sent in enumerate(doc.sentences):
            cands = sentence_candidates(doc.ntext, sent, si)
            for c, fl, feats in candidate_features(doc, sent, cands):
                if c.type == et:
                    rows[et].append(Row(i, feats, (c, fl), y, g["label"] == "difficult no"))
    return rows


def fit(rows: list[Row], c_reg: float) -> tuple[float, dict[str, float]]:
    """(bias, weights) of a logistic regression on ``rows``.

    Sentences the annotators disagreed on ("difficult no") are left out of the fit: the
    model learns what a clear report and a clear non-report look like; those sentences
    still count when the threshold is chosen and when the model is scored.
    """
    if SKIP_HARD:
        rows = [r for r in rows if not r.hard]
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    df: dict[str, int] = {}
    for r in rows:
        for f in set(r.feats):
            df[f] = df.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= 2))}
    data, ind, ptr = [], [], [0]
    for r in rows:
        cols = sorted({vocab[f] for f in r.feats if f in vocab})
        ind.extend(cols)
        data.extend([1.0] * len(cols))
        ptr.append(len(ind))
    x = csr_matrix((np.array(data), np.array(ind, dtype=np.int64), np.array(ptr)),
                   shape=(len(rows), len(vocab)))
    y = np.array([r.label for r in rows])
    if y.min() == y.max():
        return (5.0 if y[0] else -5.0), {}
    lr = LogisticRegression(C=c_reg, class_weight=CLASS_WEIGHT, max_iter=2000, solver="liblinear")
    lr.fit(x, y)
    inv = {i: f for f, i in vocab.items()}
    w = {inv[i]: round(float(v), 4) for i, v in enumerate(lr.coef_[0]) if abs(v) >= 5e-3}
    return float(lr.intercept_[0]), w


def prob(bias: float, w: dict[str, float], feats: list[str]) -> float:
    import math

    z = bias + sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def sentence_f1(rows: list[Row], probs: list[float], labels: dict[int, int], thr: float,
                article: bool = False) -> float:
    from marsad.stages.events import keep_candidate

    pred: dict[int, bool] = {}
    for r, p in zip(rows, probs, strict=True):
        c, fl = r.keep_args
        if keep_candidate(c, fl, p, thr, article=article):
            pred[r.sentence] = True
    tp = sum(1 for s, y in labels.items() if y and pred.get(s))
    fp = sum(1 for s, y in labels.items() if not y and pred.get(s))
    fn = sum(1 for s, y in labels.items() if y and not pred.get(s))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def folds(ids: list[int], k: int, seed: int = 13) -> list[set[int]]:
    import random

    ids = sorted(set(ids))
    random.Random(seed).shuffle(ids)
    return [set(ids[i::k]) for i in range(k)]


def train_type(rows: list[Row], labels: dict[int, int], c_reg: float, inner_k: int = 4) -> dict:
    """Fit on all ``rows``; the threshold from out-of-fold predictions of an inner CV."""
    oof = [0.0] * len(rows)
    for fold in folds(list(labels), inner_k, seed=7):
        tr = [r for r in rows if r.sentence not in fold]
        b, w = fit(tr, c_reg)
        for i, r in enumerate(rows):
            if r.sentence in fold:
                oof[i] = prob(b, w, r.feats)
    best = max((sentence_f1(rows, oof, labels, t / 100), t / 100) for t in range(20, 96, 2))
    art = max((sentence_f1(rows, oof, labels, t / 100, article=True), t / 100)
              for t in range(20, 96, 2))
    bias, weights = fit(rows, c_reg)
    return {"bias": round(bias, 4), "threshold": best[1], "article_threshold": art[1],
            "weights": weights, "inner_cv_f1": round(best[0], 3)}


def train(gsr: Sequence[dict], sentence_ids: set[int] | None = None, c_reg: float = 0.3,
          rows: dict[str, list[Row]] | None = None) -> dict:
    """The model JSON trained on the GSR sentences in ``sentence_ids`` (all when None)."""
    rows = rows if rows is not None else candidate_rows(gsr)
    models = {}
    for t in TYPES:
        labels = {i: int(g["label"] == "yes") for i, g in enumerate(gsr)
                  if g["event_type"] == t and (sentence_ids is None or i in sentence_ids)}
        rs = [r for r in rows[t] if r.sentence in labels]
        models[t] = train_type(rs, labels, c_reg)
    return {
        "about": "marsad event filter: logistic regression per type over trigger-candidate "
                 "features; trained by scripts/train_event_filter.py on the Arabic event GSR "
                 "(openeventdata/arabic_event_gsr, MIT licence).",
        "models": models,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gsr", type=Path, default=GSR)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    a = ap.parse_args()
    model = train(load_gsr(a.gsr), c_reg=a.c)
    a.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n",
                     encoding="utf-8")
    for t, m in model["models"].items():
        print(f"{t}: {len(m['weights'])} weights, threshold {m['threshold']}, "
              f"inner-CV sentence F1 {m['inner_cv_f1']}")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
