"""Run the pipeline over a gold file and score it with the shared scorer (development aid).

The scorers live in ``../shared/eval`` (not part of the package); this module only runs
marsad and hands its output to them, for the quality gate and ``scripts/evaluate.py``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from marsad.pipeline import Pipeline


def load_scorer(path: Path) -> ModuleType:
    """Import a scorer script (``score.py``) from its path."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def system_output(gold_rows: list[dict[str, Any]], nlp: Pipeline | None = None
                  ) -> list[dict[str, Any]]:
    nlp = nlp or Pipeline()
    docs = ({"id": g["id"], "text": g["text"], "published": g.get("published")} for g in gold_rows)
    return list(nlp.pipe(docs))


def score_gold(gold: Path, score_py: Path, nlp: Pipeline | None = None) -> dict[str, Any]:
    """score.py's result dict for marsad's output on ``gold``."""
    rows = [json.loads(x) for x in gold.open(encoding="utf-8") if x.strip()]
    result, _errors = load_scorer(score_py).score(rows, system_output(rows, nlp))
    return dict(result)


def flat_metrics(result: dict[str, Any]) -> dict[str, float]:
    """The numbers worth pinning: F1s, field accuracies and the overall score."""
    out: dict[str, float] = {"overall": result["overall"]}
    for key in ("events", "figures", "quotes"):
        out[f"{key}_f1"] = result[key]["f1"]
    for key, val in result["fields"].items():
        if val["accuracy"] is not None:
            out[f"{key}_accuracy"] = val["accuracy"]
    return out
