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


_TEXTS = [
    "قال الرئيس إن الشرطة اعتقلت ثلاثة أشخاص في العاصمة أمس.",
    "أعلنت وزارة الصحة مقتل خمسة أشخاص وإصابة عشرين في انفجار بمدينة حلب.",
    "ودعت الأمم المتحدة إلى وقف إطلاق النار في غزة.",
]


def test_a_batch_gives_what_each_record_gives_alone():
    """Stage by stage over a batch or document by document: the same records, in order,
    with a failure in the middle of the batch kept to its own record."""

    @registry.stage("test_crash_on_b", requires=("sentences",), assigns=("nothing",))
    def make_crash_on_b():
        def crash(doc):
            if doc.id == "b":
                raise ValueError("only b")
            return doc
        return crash

    records = [{"id": "a", "text": _TEXTS[0], "published": "2022-01-06"},
               {"id": "b", "text": _TEXTS[1]},
               {"id": "c", "text": "   "},
               {"id": "d", "text": _TEXTS[2], "source": "x"}]
    for stages in (None, ["segment", "test_crash_on_b", "figures"]):
        nlp = Pipeline(stages)
        one_by_one = []
        for rec in records:
            try:
                one_by_one.append(nlp.process(rec))
            except Exception as exc:  # noqa: BLE001
                from marsad.errors import error_record
                one_by_one.append(error_record(rec["id"], exc))
        assert nlp.process_batch(records) == one_by_one
        assert list(nlp.pipe(records, batch_size=3)) == one_by_one
    assert one_by_one[1]["error"]["code"] == "E203" and "only b" in one_by_one[1]["error"]["message"]
    assert "error" not in one_by_one[0] and "error" not in one_by_one[3]


def test_pipe_yields_what_was_read_before_the_input_fails():
    from marsad.errors import UnreadableInput

    def reader():
        yield {"id": "a", "text": _TEXTS[0]}
        yield {"id": "b", "text": _TEXTS[2]}
        raise UnreadableInput("no such file: x.jsonl.", hint="Check the path.")

    got = []
    with pytest.raises(UnreadableInput):
        for rec in Pipeline(["segment"]).pipe(reader(), batch_size=64):
            got.append(rec["id"])
    assert got == ["a", "b"]


def test_a_stage_s_batch_method_serves_a_batch_and_a_failure_falls_back_to_each_document():
    calls = {"batch": 0, "one": 0}

    class Marks:
        def __call__(self, doc):
            calls["one"] += 1
            if doc.id == "bad":
                raise ValueError("bad document")
            doc.meta["marked"] = True
            return doc

        def batch(self, docs):
            calls["batch"] += 1
            for doc in docs:
                self(doc)
            return docs

    @registry.stage("test_marks", requires=("sentences",), assigns=("marks",))
    def make_marks():
        return Marks()

    nlp = Pipeline(["segment", "test_marks"])
    good = [{"id": str(i), "text": t} for i, t in enumerate(_TEXTS)]
    out = nlp.process_batch(good)
    assert calls["batch"] == 1 and all(r["meta"]["marked"] for r in out)
    calls.update(batch=0, one=0)
    out = nlp.process_batch([good[0], {"id": "bad", "text": _TEXTS[1]}, good[2]])
    assert calls["batch"] == 1  # it raised: then each document on its own
    assert [("error" in r) for r in out] == [False, True, False]
    assert "bad document" in out[1]["error"]["message"]
    assert out[0]["meta"]["marked"] and out[2]["meta"]["marked"]


def test_worker_pipelines_keep_blas_to_one_thread() -> None:
    """A worker's pipeline (ingest workers, Dask tasks) runs numpy's BLAS on one thread: with
    several per process, worker processes on the same cores contend."""
    import subprocess
    import sys

    code = ("from marsad.distributed.work import pipeline_for\n"
            "from threadpoolctl import threadpool_info\n"
            "pipeline_for(['segment'])\n"
            "print([i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**__import__("os").environ, "OPENBLAS_NUM_THREADS": "4"})
    threads = eval(out.stdout.strip())  # noqa: S307 - a list of ints printed above
    assert threads and set(threads) == {1}


def test_blas_limit_without_threadpoolctl_is_a_no_op(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An environment installed before marsad required threadpoolctl still runs."""
    import sys

    from marsad.pipeline import limit_blas_threads

    monkeypatch.setitem(sys.modules, "threadpoolctl", None)  # import raises ImportError
    assert limit_blas_threads.__wrapped__() is None
