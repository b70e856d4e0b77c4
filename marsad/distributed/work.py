"""The unit of work that runs on a worker: a batch of jobs in, a batch of payloads out.

Everything that crosses a process (or a Dask worker) boundary is plain JSON: a job is
``{"key", "record", "origin", "published"}`` or an already-made ``{"payload"}``; the
answer is the list of payloads of :mod:`marsad.storage.rows`. Each worker process builds
its pipeline once and keeps it (:func:`pipeline_for`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from marsad import __version__, registry
from marsad.errors import error_record
from marsad.pipeline import DEFAULT_STAGES, Pipeline, limit_blas_threads
from marsad.storage.rows import Payload, document_payload, failure_payload

Job = dict[str, Any]

_PIPELINES: dict[tuple[str, ...] | None, Pipeline] = {}


def stage_names(stages: Sequence[str] | None) -> list[str]:
    """The stages a run uses: the given ones, or every default stage that is installed."""
    if stages:
        return list(stages)
    known = set(registry.names())
    return [n for n in DEFAULT_STAGES if n in known]


def extractor_signature(stages: Sequence[str] | None = None) -> str:
    """What produced a stored result: marsad's version and each stage's name and version.

    A stored document whose signature differs from the current one is re-extracted.
    """
    parts = [f"{n}/{registry.get(n).version}" for n in stage_names(stages)]
    return f"marsad {__version__}: " + ",".join(parts)


def pipeline_for(stages: Sequence[str] | None) -> Pipeline:
    """This process's pipeline for ``stages``, made on first use (the worker's numpy BLAS
    is then kept to one thread: :func:`marsad.pipeline.limit_blas_threads`)."""
    key = tuple(stages) if stages else None
    nlp = _PIPELINES.get(key)
    if nlp is None:
        limit_blas_threads()
        nlp = _PIPELINES[key] = Pipeline(list(stages) if stages else None)
    return nlp


def init_worker(stages: Sequence[str] | None, freeze: bool = False) -> None:
    """Load the pipeline and its data files, once (also the process-pool initializer,
    which passes ``freeze=True``: a worker process only ever runs this pipeline)."""
    pipeline_for(stages).warm_up(freeze=freeze)


def _payload(job: Job, result: dict[str, Any], extractor: str) -> Payload:
    """The store rows of one extracted record, or its failure row."""
    record, key = job["record"], job["key"]
    if "error" not in result:
        try:
            return document_payload(result, record["text"], key=key, record=record,
                                    origin=job.get("origin"), extractor=extractor)
        except Exception as exc:  # noqa: BLE001 - recorded per document, the run goes on
            result = error_record(str(record.get("id")), exc)
    return failure_payload("sha256:" + key, str(record.get("id")), job.get("origin"),
                           result["error"], extractor, __version__)  # type: ignore[arg-type]


def run_batch(jobs: list[Job], stages: Sequence[str] | None, extractor: str) -> list[Payload]:
    """Extract and flatten a batch of jobs, in order (the task a worker runs): the records
    go through the pipeline stage by stage (:meth:`Pipeline.process_batch`); a record that
    fails becomes a failure payload; a job that already is a payload passes through."""
    out: list[Payload] = [j["payload"] if "payload" in j else {} for j in jobs]
    by_date: dict[str | None, list[int]] = {}
    for i, j in enumerate(jobs):
        if "payload" not in j:
            by_date.setdefault(j.get("published") or None, []).append(i)
    nlp = pipeline_for(stages)
    for published, idx in by_date.items():
        default = dt.date.fromisoformat(published) if published else None
        results = nlp.process_batch([jobs[i]["record"] for i in idx], default_published=default)
        for i, result in zip(idx, results, strict=True):
            out[i] = _payload(jobs[i], result, extractor)
    return out
