"""The document: the original text, its folded copy, sentences, tokens and record layers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from marsad.model.records import DateMention, Entity, Event, Figure, Place, Quote, Source
from marsad.model.span import Span
from marsad.text.normalize import Normalized


# Word and Token are not frozen: a frozen dataclass's __init__ costs ~4x more (about
# 0.8 us each), and an article has hundreds of them. Treat them as immutable anyway.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    """A word inside a token: a clitic (و، ب، ال، ـه ...) or the stem."""

    start: int
    end: int
    text: str
    norm: str  # folded form
    role: str  # "prefix", "stem" or "suffix"


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A whitespace/punctuation token; ``nstart``/``nend`` index the folded text."""

    start: int
    end: int
    text: str
    nstart: int
    nend: int
    norm: str
    words: tuple[Word, ...] = ()

    @property
    def stem(self) -> str:
        """The folded stem (without clitics), the form lexicons look up."""
        for w in self.words:
            if w.role == "stem":
                return w.norm
        return self.norm


@dataclass(slots=True)
class Sentence:
    """A sentence; ``start``/``end`` index the original, ``nstart``/``nend`` the folded text."""

    start: int
    end: int
    nstart: int
    nend: int
    tokens: list[Token] = field(default_factory=list)
    kind: str = "body"  # body, title, dateline, byline


@dataclass(slots=True)
class Document:
    """An article. It owns its original text; every span that leaves it slices that text."""

    id: str
    text: str
    published: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    norm: Normalized = field(init=False)
    sentences: list[Sentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    done: set[str] = field(default_factory=set)  # names of the layers stages have filled
    focus_country: str | None = None  # the country the article is mostly about (alpha-2)

    def __post_init__(self) -> None:
        self.norm = Normalized(self.text)

    @property
    def ntext(self) -> str:
        """The folded text that extractors match on."""
        return self.norm.text

    def span(self, nstart: int, nend: int) -> Span:
        """The original-text span of the folded-text span ``[nstart, nend)``."""
        a, b = self.norm.span(nstart, nend)
        return Span(a, b, self.text[a:b])

    def raw_span(self, start: int, end: int) -> Span:
        """A span from original offsets."""
        return Span(start, end, self.text[start:end])

    def sentence_of(self, nstart: int) -> int:
        """Index of the sentence holding folded offset ``nstart`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].nstart <= nstart:
                lo = mid
            else:
                hi = mid - 1
        return max(lo, 0)

    def sentence_text(self, i: int) -> str:
        """Folded text of sentence ``i``."""
        s = self.sentences[i]
        return self.norm.text[s.nstart : s.nend]

    def sentence_span(self, i: int) -> Span:
        s = self.sentences[i]
        return Span(s.start, s.end, self.text[s.start : s.end])
