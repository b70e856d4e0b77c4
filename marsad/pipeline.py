"""The pipeline: named stages run in order over each document, checked before any text.

``Pipeline()`` builds the default stages; ``pipeline(doc)`` runs them on one
:class:`Document`; :meth:`Pipeline.pipe` runs them over raw records and yields one JSON
record per input (a result or an error record), so a batch never dies on one document.

``pipe`` and :meth:`Pipeline.process_batch` run the stages batch by batch: the first stage
over every document of the batch, then the next one. Each stage's lexicons and caches then
stay in the processor's caches while they serve many documents, which makes a run about 10%
faster than taking each document through all the stages in turn; the results are the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from marsad import registry
from marsad.errors import MarsadError, StageFailed, StageRequirementsError, error_record
from marsad.io.validate import make_document
from marsad.model.document import Document
from marsad.registry import StageFn
from marsad.serialize import document_to_dict

DEFAULT_STAGES: tuple[str, ...] = (
    "segment", "figures", "dates", "quotes", "entities", "places", "events", "actors",
)

BATCH_SIZE = 64  # documents a stage runs over before the next stage starts (see above)

# Stages load their data lazily, on their first document; one short article warms them.
_WARM_UP = {"id": "warm-up", "published": "2022-01-06",
            "text": "قالت الشرطة في العاصمة إن ثلاثة أشخاص قتلوا في هجوم مسلح يوم الخميس."}


@functools.cache
def limit_blas_threads() -> None:
    """Keep numpy's BLAS library to one thread in this process (once; forked workers
    inherit the setting).

    The NER network's matrix products are small and run once per batch; BLAS threads gain
    little on them, and where several marsad processes share the cores they contend: on
    2 cores, 2 ingest workers with the default threads used 21.3 ms of CPU per article and
    ran at half the rate of 1 worker; with one thread each, 7.0 ms and 1.68 times its rate.
    Without threadpoolctl (an environment installed before marsad required it) BLAS keeps
    its default threads: slower with several workers, the same results.
    """
    import numpy  # noqa: F401 - loads the BLAS library that the limit applies to

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(1, user_api="blas")


class Pipeline:
    """An ordered list of stages whose requirements were checked at construction."""

    def __init__(self, stages: Iterable[str] | None = None) -> None:
        wanted = list(stages) if stages is not None else list(DEFAULT_STAGES)
        infos = [registry.get(n) for n in wanted]
        problems = []
        have = set(registry.BASE_LAYERS)
        for info in infos:
            missing = [r for r in info.requires if r not in have]
            if missing:
                problems.append(
                    f"stage {info.name!r} needs {', '.join(missing)}, which no earlier stage adds"
                )
            have.update(info.assigns)
        if problems:
            raise StageRequirementsError(
                "; ".join(problems) + ".",
                hint="Add the stages that provide them earlier in the list.",
            )
        self.names = [i.name for i in infos]
        self.layers = frozenset(have)
        self._stages = [(i.name, i.factory()) for i in infos]

    def warm_up(self, freeze: bool = False) -> None:
        """Load every stage's data now (they load lazily on the first document).

        The cyclic garbage collector is paused meanwhile: the loads allocate a few hundred
        thousand long-lived objects that it would rescan many times, finding no garbage.
        ``freeze=True`` (for a process that only runs this pipeline, such as the command
        line or a worker) then moves them out of its reach for the rest of the run, and lets
        50,000 objects (not 700) be allocated between two young collections: a batch of
        documents keeps tens of thousands of objects alive that each collection rescans
        (the pipeline makes almost no reference cycles), and the 3,000-article benchmark ran
        6-8% faster this way, with the same peak memory. It also keeps numpy's BLAS to one
        thread (:func:`limit_blas_threads`).
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            self.process(_WARM_UP)
        except Exception:  # noqa: BLE001, S110 - a failing stage reports itself per document
            pass
        finally:
            if freeze:
                gc.freeze()
                gc.set_threshold(50_000, 20, 10)
                limit_blas_threads()
            if enabled:
                gc.enable()

    def __call__(self, doc: Document) -> Document:
        for name, fn in self._stages:
            doc = _run_stage(name, fn, doc)
        return doc

    def process(self, record: Mapping[str, Any], default_published: dt.date | None = None,
                with_text: bool = False) -> dict[str, Any]:
        """One raw record (``id``, ``text``, ``published`` ...) to its JSON output record."""
        doc = make_document(record, default_published=default_published)
        return document_to_dict(self(doc), with_text=with_text)

    def process_batch(self, records: Sequence[Mapping[str, Any] | MarsadError],
                      default_published: dt.date | None = None,
                      with_text: bool = False) -> list[dict[str, Any]]:
        """:meth:`process` over a batch, stage by stage; a record that fails (a reader's
        :class:`MarsadError`, a bad record, a stage that raises) gives its error record
        and leaves the batch, the others go on."""
        out: list[dict[str, Any]] = [{} for _ in records]
        docs: list[tuple[int, Document]] = []
        for i, rec in enumerate(records):
            if isinstance(rec, MarsadError):  # a reader's per-document failure
                out[i] = error_record(getattr(rec, "doc_id", None), rec)
                continue
            try:
                docs.append((i, make_document(rec, default_published=default_published)))
            except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
                out[i] = error_record(_record_id(rec), exc)
        for name, fn in self._stages:
            batch = getattr(fn, "batch", None)  # a stage that serves many documents at once
            if batch is not None and len(docs) > 1:
                try:
                    done = batch([doc for _, doc in docs])
                except Exception:  # noqa: BLE001, S110 - one of them: find it, one at a time
                    pass
                else:
                    docs = [(i, doc) for (i, _), doc in zip(docs, done, strict=True)]
                    for _, doc in docs:
                        doc.done.add(name)
                    continue
            going: list[tuple[int, Document]] = []
            for i, doc in docs:
                try:
                    going.append((i, _run_stage(name, fn, doc)))
                except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
                    out[i] = error_record(_record_id(records[i]), exc)
            docs = going
        for i, doc in docs:
            try:
                out[i] = document_to_dict(doc, with_text=with_text)
            except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
                out[i] = error_record(_record_id(records[i]), exc)
        return out

    def pipe(self, records: Iterable[Mapping[str, Any] | MarsadError],
             default_published: dt.date | None = None, with_text: bool = False,
             batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
        """Process records in order, ``batch_size`` at a time (:meth:`process_batch`); a
        failing record yields an error record instead. Records read before the input itself
        fails (an unreadable file) are processed and yielded before that error is raised."""
        for batch in _batches(records, max(batch_size, 1)):
            yield from self.process_batch(batch, default_published, with_text)


def _run_stage(name: str, fn: StageFn, doc: Document) -> Document:
    """One stage on one document; an unexpected error becomes :class:`StageFailed`."""
    try:
        doc = fn(doc)
    except MarsadError:
        raise
    except Exception as exc:  # noqa: BLE001 - turned into a per-document record
        raise StageFailed(
            f"stage {name!r} failed on document {doc.id!r}: {type(exc).__name__}: {exc}",
            hint="Please report this with the document.",
        ) from exc
    doc.done.add(name)
    return doc


def _record_id(rec: object) -> str | None:
    return str(rec.get("id")) if isinstance(rec, Mapping) else None


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of ``size`` items; when the iterable raises, what it gave before comes first."""
    batch: list[Any] = []
    try:
        for item in items:
            batch.append(item)
            if len(batch) >= size:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch

