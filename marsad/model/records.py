"""Records the stages extract: figures, dates, quotes, sources, entities, places, events.

Each record keeps :class:`Span` objects for every field that came from the text, so a
reader can highlight where each fact came from. ``to_dict`` gives the JSON form that
``docs/schema.md`` documents and ``../shared/eval/CONTRACT.md`` scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from marsad.model.span import Span

FigureKind = Literal[
    "killed", "injured", "hospitalized", "arrested", "missing", "kidnapped", "displaced",
    "protesters", "troops", "other",
]
Qualifier = Literal["exact", "more_than", "at_least", "about", "up_to", "less_than", "vague"]
Precision = Literal["day", "week", "month", "year"]

FIGURE_KINDS: tuple[str, ...] = (
    "killed", "injured", "hospitalized", "arrested", "missing", "kidnapped", "displaced",
    "protesters", "troops", "other",
)
QUALIFIERS: tuple[str, ...] = (
    "exact", "more_than", "at_least", "about", "up_to", "less_than", "vague",
)


def _opt(span: Span | None) -> dict[str, object] | None:
    return span.to_dict() if span is not None else None


@dataclass(slots=True)
class Figure:
    """A number of people or things affected ("13 من عناصر الشرطة")."""

    span: Span  # the number expression, qualifier included ("أكثر من 300")
    value: int
    qualifier: str = "exact"
    kind: str = "other"
    value_max: int | None = None  # upper bound of a range ("بين 10 و15")
    counted: Span | None = None  # what was counted ("عناصر الشرطة")
    counted_as: str | None = None  # a coarse class of what was counted: police, civilians ...
    cue: Span | None = None  # the word that decided the kind ("قتل")
    sentence: int = 0

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "kind": self.kind, "value": self.value, "qualifier": self.qualifier,
            "start": self.span.start, "end": self.span.end, "text": self.span.text,
        }
        if self.value_max is not None:
            d["value_max"] = self.value_max
        if self.counted is not None:
            d["counted"] = {**self.counted.to_dict(), "class": self.counted_as}
        if self.cue is not None:
            d["cue"] = self.cue.to_dict()
        d["sentence"] = self.sentence
        return d


@dataclass(slots=True)
class DateMention:
    """A time expression resolved against the publication date."""

    span: Span
    date: str | None  # ISO date of the start of the period, None when unresolved
    precision: str = "day"  # day, week, month, year
    calendar: str = "gregorian"  # or hijri
    relative: bool = False  # resolved from the publication date (أمس، الخميس الماضي)
    sentence: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            **self.span.to_dict(), "date": self.date, "precision": self.precision,
            "calendar": self.calendar, "relative": self.relative, "sentence": self.sentence,
        }


@dataclass(slots=True)
class Source:
    """An attribution: who the article says a claim comes from, as a chain.

    ``chain[0]`` is the claimant; later items relay it («قالت الشرطة ... وفق ما ذكرته
    وكالة سبوتنيك» gives [الشرطة, وكالة سبوتنيك]). ``span`` is the nearest named
    source in the chain, the one this attribution's cue introduces.
    """

    span: Span
    cue: Span | None = None
    chain: list[Span] = field(default_factory=list)
    sentence: int = 0
    quote: int | None = None  # index of the quote this attribution introduces, if any
    country: str | None = None  # ISO alpha-3 of the named source, from the actors stage
    sectors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            **self.span.to_dict(), "cue": _opt(self.cue),
            "chain": [s.to_dict() for s in self.chain], "sentence": self.sentence,
            "quote": self.quote, "country": self.country, "sectors": list(self.sectors),
        }


@dataclass(slots=True)
class Quote:
    """Reported speech: who said it, the speech verb, and what was said."""

    cue: Span
    content: Span
    speaker: Span | None = None
    speaker_from: str = "explicit"  # explicit, antecedent (pronoun or omitted subject), none
    direct: bool = False  # in quotation marks
    sources: list[Span] = field(default_factory=list)  # relays of the quote (بحسب الوكالة)
    sentence: int = 0
    event: int | None = None  # index of the event this statement is, if any
    speaker_country: str | None = None  # ISO alpha-3, from the actors stage
    speaker_sectors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "speaker": _opt(self.speaker), "speaker_from": self.speaker_from,
            "speaker_country": self.speaker_country,
            "speaker_sectors": list(self.speaker_sectors),
            "cue": self.cue.to_dict(), "content": self.content.to_dict(),
            "direct": self.direct, "sources": [s.to_dict() for s in self.sources],
            "sentence": self.sentence, "event": self.event,
        }


@dataclass(slots=True)
class Entity:
    """A named entity (PERS, ORG, LOC, MISC)."""

    span: Span
    label: str
    confidence: float = 1.0

    def to_dict(self) -> dict[str, object]:
        return {**self.span.to_dict(), "label": self.label, "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class Place:
    """A place named in the text, resolved against the gazetteer where possible."""

    span: Span | None  # None when the place is inferred from context, not named
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    country3: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    precision: str = "city"  # sub-city, city, admin1, country
    role: str = "mention"  # mention, dateline
    sentence: int = 0

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = (
            self.span.to_dict() if self.span else {"text": None, "start": None, "end": None}
        )
        d.update(
            name=self.name, geonameid=self.geonameid, country=self.country,
            country3=self.country3, admin1=self.admin1, lat=self.lat, lon=self.lon,
            feature_class=self.feature_class, precision=self.precision, role=self.role,
            sentence=self.sentence,
        )
        return d


@dataclass(slots=True)
class Actor:
    """An actor or recipient of an event, with PLOVER-style codes."""

    span: Span
    country: str | None = None  # ISO alpha-3
    sectors: list[str] = field(default_factory=list)  # GOV, MIL, COP ...

    def to_dict(self) -> dict[str, object]:
        return {**self.span.to_dict(), "country": self.country, "sectors": list(self.sectors)}


@dataclass(slots=True)
class Event:
    """A PLOVER event record."""

    type: str
    trigger: Span
    sentence: int
    sentence_span: Span
    mode: str | None = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None
    date_span: Span | None = None
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)  # other mentions' triggers
    quote: int | None = None  # the quote this statement-event comes from

    def to_dict(self) -> dict[str, object]:
        return {
            "type": self.type, "mode": self.mode, "trigger": self.trigger.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [a.to_dict() for a in self.recipients],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date, "date_precision": self.date_precision,
            "date_span": _opt(self.date_span),
            "figures": [f.to_dict() for f in self.figures],
            "sources": [s.to_dict() for s in self.sources],
            "negated": self.negated, "hypothetical": self.hypothetical, "future": self.future,
            "historical": self.historical, "confidence": round(self.confidence, 3),
            "sentence": self.sentence, "sentence_span": self.sentence_span.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions], "quote": self.quote,
        }
