"""docs/schema.md documents every field that `marsad extract` writes."""

from __future__ import annotations

import re
from pathlib import Path

DOC = (Path(__file__).resolve().parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
DOCUMENTED = set(re.findall(r"`([a-z_0-9]+)`", DOC))


def _keys(obj, out: set[str]) -> set[str]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k != "meta":
                out.add(k)
                _keys(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _keys(v, out)
    return out


def test_every_output_field_is_documented(nlp, example):
    rec = nlp.process(example, with_text=True)
    assert rec["events"] and rec["quotes"] and rec["figures"] and rec["places"]
    missing = sorted(_keys(rec, set()) - DOCUMENTED)
    assert not missing, f"fields missing from docs/schema.md: {missing}"
