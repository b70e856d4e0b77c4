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
from marsad.pipeline import DEFAULT_STAGES, Pipeline
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
    key = tuple(stages) if stages else None
    nlp = _PIPELINES.get(key)
    if nlp is None:
        nlp = _PIPELINES[key] = Pipeline(list(stages) if stages else None)
    return nlp


def init_worker(stages: Sequence[str] | None, freeze: bool = False) -> None:
    """Load the pipeline and its data files, once (also the process-pool initializer,
    which passes ``freeze=True``: a worker process only ever runs this pipeline)."""
    pipeline_for(stages).warm_up(freeze=freeze)


def run_job(job: Job, stages: Sequence[str] | None, extractor: str) -> Payload:
    """Extract one record and flatten it; a failure becomes a failure payload."""
    if "payload" in job:
        return job["payload"]
    record = job["record"]
    key = job["key"]
    default = dt.date.fromisoformat(job["published"]) if job.get("published") else None
    try:
        result = pipeline_for(stages).process(record, default_published=default)
        return document_payload(result, record["text"], key=key, record=record,
                                origin=job.get("origin"), extractor=extractor)
    except Exception as exc:  # noqa: BLE001 - recorded per document, the run goes on
        err = error_record(str(record.get("id")), exc)["error"]
        return failure_payload("sha256:" + key, str(record.get("id")), job.get("origin"),
                               err, extractor, __version__)  # type: ignore[arg-type]


def run_batch(jobs: list[Job], stages: Sequence[str] | None, extractor: str) -> list[Payload]:
    """:func:`run_job` over a batch, in order (the task a worker runs)."""
    return [run_job(j, stages, extractor) for j in jobs]
