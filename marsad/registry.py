"""Stages registered by name, each declaring the layers it needs and the layers it adds.

A stage is any callable ``Document -> Document`` that fills one or more layers of the
document in place (``figures``, ``quotes`` ...). Register it with :func:`stage`; outside
packages can add stages through the ``marsad.stages`` entry-point group. A stage that is
faster over many documents at once may also have a ``batch`` method, ``list[Document] ->
list[Document]``, giving what calling it on each would; the pipeline uses it for batches
(and, when it raises, calls the stage on each document to find the one that fails).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points

from marsad.errors import UnknownStage
from marsad.model.document import Document

StageFn = Callable[[Document], Document]

# Layers present on every document before any stage runs.
BASE_LAYERS = frozenset({"text", "published"})


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable[[], StageFn]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: int = 1


_STAGES: dict[str, StageInfo] = {}

# Built-in stage modules, imported lazily the first time a stage is looked up.
_BUILTIN_MODULES = (
    "marsad.stages.segment",
    "marsad.stages.figures",
    "marsad.stages.dates",
    "marsad.stages.quotes",
    "marsad.stages.entities",
    "marsad.stages.places",
    "marsad.stages.events",
    "marsad.stages.actors",
)
_loaded = False


def stage(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (), version: int = 1
) -> Callable[[Callable[[], StageFn]], Callable[[], StageFn]]:
    """Register a stage factory: a zero-argument callable that returns the stage."""

    def register(factory: Callable[[], StageFn]) -> Callable[[], StageFn]:
        _STAGES[name] = StageInfo(name, factory, tuple(requires), tuple(assigns), version)
        return factory

    return register


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for mod in _BUILTIN_MODULES:
        import_module(mod)
    for ep in entry_points(group="marsad.stages"):
        ep.load()


def get(name: str) -> StageInfo:
    _load_builtins()
    try:
        return _STAGES[name]
    except KeyError:
        known = ", ".join(sorted(_STAGES)) or "none"
        raise UnknownStage(
            f"no stage named {name!r}.", hint=f"Known stages: {known}."
        ) from None


def names() -> list[str]:
    """Names of every registered stage."""
    _load_builtins()
    return sorted(_STAGES)
