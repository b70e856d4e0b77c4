"""``marsad ingest``: read inputs, skip what is stored, extract the rest, write in batches.

The run is idempotent and resumable: documents are keyed by the hash of their text,
answers come back in input order and are committed one batch per transaction, so a
killed run leaves whole batches; the same command run again skips them and writes the
rest, ending with the store an uninterrupted run would have written.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from marsad import __version__
from marsad.distributed.engines import make_engine
from marsad.distributed.work import Job, extractor_signature
from marsad.errors import MalformedRecord, error_record
from marsad.ingest.formats import Failed, Item
from marsad.ingest.sources import read_inputs
from marsad.storage.rows import failure_payload, text_hash
from marsad.storage.store import Store

ProgressFn = Callable[["Summary"], None]


@dataclass
class Summary:
    """Counts of one ingest run."""

    seen: int = 0
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    run: int = 0
    failures: dict[str, int] = field(default_factory=dict)  # by error code

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"seen": self.seen, "added": self.added, "replaced": self.replaced,
                "skipped": self.skipped, "failed": self.failed,
                "seconds": round(self.seconds, 3), "rate": round(self.rate, 1),
                "run": self.run, "failures": dict(self.failures)}


class _Planner:
    """Turns input items into jobs, skipping what the store (or this run) already holds."""

    def __init__(self, store: Store, extractor: str, published: str | None,
                 summary: Summary) -> None:
        self.store, self.extractor, self.published = store, extractor, published
        self.summary = summary
        self.in_flight: set[str] = set()  # keys handed out and not yet committed

    def job(self, item: Item) -> Job | None:
        self.summary.seen += 1
        if isinstance(item, Failed):
            key = "at:" + item.origin
            return self._failure(key, item.doc_id, item.origin, error_record(item.doc_id,
                                                                             item.error))
        origin = item.pop("_origin", None)
        text = item.get("text")
        if not isinstance(text, str):
            doc_id = str(item.get("id")) if item.get("id") is not None else None
            err = MalformedRecord(f"document {doc_id!r} has no string 'text' field.",
                                  hint="Each record must have a 'text' field.")
            return self._failure("at:" + str(origin or doc_id), doc_id, origin,
                                 error_record(doc_id, err))
        key = text_hash(text)
        if (key in self.in_flight or self.store.stored_extractor(key) == self.extractor
                or self.store.failed_extractor("sha256:" + key) == self.extractor):
            self.summary.skipped += 1
            return None
        self.in_flight.add(key)
        return {"key": key, "record": item, "origin": origin, "published": self.published}

    def _failure(self, key: str, doc_id: str | None, origin: str | None,
                 rec: dict[str, Any]) -> Job | None:
        if key in self.in_flight or self.store.failed_extractor(key) == self.extractor:
            self.summary.skipped += 1
            return None
        self.in_flight.add(key)
        return {"payload": failure_payload(key, doc_id, origin, rec["error"],  # type: ignore[arg-type]
                                           self.extractor, __version__)}


def _batches(items: Iterable[Item], planner: _Planner, size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for item in items:
        job = planner.job(item)
        if job is not None:
            batch.append(job)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def ingest_items(store: Store, items: Iterable[Item], *, workers: int = 1,
                 engine: str = "local", scheduler: str | None = None,
                 stages: Sequence[str] | None = None, published: dt.date | str | None = None,
                 batch_size: int = 32, progress: ProgressFn | None = None,
                 command: dict[str, Any] | None = None) -> Summary:
    """Extract and store ``items`` (raw records or :class:`Failed`); the run's counts."""
    extractor = extractor_signature(stages)
    pub = published.isoformat() if isinstance(published, dt.date) else published
    summary = Summary()
    started = time.monotonic()
    eng = make_engine(engine, workers=workers, stages=stages, extractor=extractor,
                      scheduler=scheduler)
    summary.run = store.begin_run(version=__version__, extractor=extractor,
                                  command=command or {}, engine=eng.name, workers=eng.workers)
    planner = _Planner(store, extractor, pub, summary)
    status = "interrupted"
    try:
        for payloads in eng.map(_batches(items, planner, batch_size)):
            with store.batch():
                for p in payloads:
                    outcome = store.put(p, run=summary.run)
                    if outcome == "failed":
                        summary.failed += 1
                        code = p["failure"]["code"]
                        summary.failures[code] = summary.failures.get(code, 0) + 1
                    elif outcome == "replaced":
                        summary.replaced += 1
                    else:
                        summary.added += 1
            for p in payloads:  # committed: the store answers for these keys now
                planner.in_flight.discard(p["key"].removeprefix("sha256:"))
                planner.in_flight.discard(p["key"])
            summary.seconds = time.monotonic() - started
            if progress is not None:
                progress(summary)
        status = "done"
    finally:
        eng.close()
        summary.seconds = time.monotonic() - started
        try:
            store.end_run(summary.run, summary.as_dict(), status)
        except Exception:  # noqa: BLE001, S110 - never hide the original error
            pass
    return summary


def ingest(paths: list[str], db: str | Path, *, stdin: IO[bytes] | None = None,
           **options: Any) -> Summary:
    """Read ``paths`` (files, directories, URLs, ``-``) into the store at ``db``."""
    with Store(db) as store:
        command = {"paths": list(paths), **{k: v for k, v in options.items()
                                              if k in ("workers", "engine", "stages",
                                                       "batch_size")}}
        if isinstance(options.get("published"), dt.date):
            options["published"] = options["published"].isoformat()
        command["published"] = options.get("published")
        return ingest_items(store, read_inputs(paths, stdin=stdin), command=command, **options)


def ingest_records(db: str | Path | Store, records: Iterable[dict[str, Any]],
                   **options: Any) -> Summary:
    """Store already-read records (``{"id", "text", "published", ...}``), e.g. in tests."""
    if isinstance(db, Store):
        return ingest_items(db, (dict(r) for r in records), **options)
    with Store(db) as store:
        return ingest_items(store, (dict(r) for r in records), **options)
