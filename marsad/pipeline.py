"""The pipeline: named stages run in order over each document, checked before any text.

``Pipeline()`` builds the default stages; ``pipeline(doc)`` runs them on one
:class:`Document`; :meth:`Pipeline.pipe` runs them over raw records and yields one JSON
record per input (a result or an error record), so a batch never dies on one document.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from marsad import registry
from marsad.errors import MarsadError, StageFailed, StageRequirementsError, error_record
from marsad.io.validate import make_document
from marsad.model.document import Document
from marsad.serialize import document_to_dict

DEFAULT_STAGES: tuple[str, ...] = (
    "segment", "figures", "dates", "quotes", "entities", "places", "events", "actors",
)

# Stages load their data lazily, on their first document; one short article warms them.
_WARM_UP = {"id": "warm-up", "published": "2022-01-06",
            "text": "قالت الشرطة في العاصمة إن ثلاثة أشخاص قتلوا في هجوم مسلح يوم الخميس."}


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
        line or a worker) then moves them out of its reach for the rest of the run.
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
            if enabled:
                gc.enable()

    def __call__(self, doc: Document) -> Document:
        for name, fn in self._stages:
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

    def process(self, record: Mapping[str, Any], default_published: dt.date | None = None,
                with_text: bool = False) -> dict[str, Any]:
        """One raw record (``id``, ``text``, ``published`` ...) to its JSON output record."""
        doc = make_document(record, default_published=default_published)
        return document_to_dict(self(doc), with_text=with_text)

    def pipe(self, records: Iterable[Mapping[str, Any]],
             default_published: dt.date | None = None,
             with_text: bool = False) -> Iterator[dict[str, Any]]:
        """Process records in order; a failing record yields an error record instead."""
        for rec in records:
            if isinstance(rec, MarsadError):  # a reader's per-document failure
                yield error_record(getattr(rec, "doc_id", None), rec)
                continue
            try:
                yield self.process(rec, default_published, with_text)
            except Exception as exc:  # noqa: BLE001 - recorded, the batch goes on
                yield error_record(str(rec.get("id")) if isinstance(rec, Mapping) else None, exc)

