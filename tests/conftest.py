"""Shared fixtures: one pipeline per session, the bundled example, ../shared when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.model.document import Document
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def example() -> dict:
    from marsad.cli.extract import example_record

    return example_record()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (evaluation data) is not present")
    return SHARED


def make_doc(text: str, published: str | None = "2022-01-06", stages: tuple[str, ...] = ()) -> Document:
    """A document run through ``segment`` and the given stages."""
    from marsad.io.validate import make_document

    doc = make_document({"id": "t", "text": text, "published": published})
    return Pipeline(("segment", *stages))(doc)


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]
