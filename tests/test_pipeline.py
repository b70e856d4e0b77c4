"""Stage registry and pipeline checks: requirements are verified before any text is read."""

from __future__ import annotations

import pytest

from marsad import registry
from marsad.errors import StageRequirementsError, UnknownStage
from marsad.pipeline import DEFAULT_STAGES, Pipeline


def test_default_pipeline_has_every_stage_in_order():
    assert Pipeline().names == list(DEFAULT_STAGES)


def test_every_stage_declares_what_it_adds():
    for name in registry.names():
        info = registry.get(name)
        assert info.assigns, f"stage {name} assigns nothing"


def test_missing_requirement_fails_before_processing():
    with pytest.raises(StageRequirementsError) as err:
        Pipeline(["events"])
    assert "needs" in str(err.value) and "sentences" in str(err.value)


def test_unknown_stage_lists_known_ones():
    with pytest.raises(UnknownStage) as err:
        Pipeline(["segment", "magic"])
    assert "segment" in str(err.value)


def test_pipe_turns_a_crashing_stage_into_an_error_record():
    @registry.stage("test_crash", requires=("sentences",), assigns=("nothing",))
    def make_crash():
        def crash(doc):
            raise RuntimeError("boom")
        return crash

    nlp = Pipeline(["segment", "test_crash"])
    out = list(nlp.pipe([{"id": "a", "text": "قال الرئيس إن الوضع مستقر."},
                         {"id": "b", "text": ""}]))
    assert out[0]["id"] == "a" and out[0]["error"]["code"] == "E203"
    assert "boom" in out[0]["error"]["message"]
    assert out[1]["error"]["code"] == "E103"
