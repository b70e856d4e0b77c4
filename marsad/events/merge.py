"""One occurrence, one event: merging the mentions of an event within and across sentences.

Within a sentence, kept triggers of one type in one clause are one event («قُتل 13 ...
وأصيب أكثر من 300» is one attack); a clause boundary («فيما»، «بينما»، «؛») or a new
attribution separates events. Across sentences, a later mention joins an earlier event
of the same type when it refers back to it: a definite or demonstrative noun («الهجوم»،
«هذا الهجوم»، «الاشتباكات»), the same count (same kind and value), the title's event
retold in the body, or a bare re-mention of an attack or protest (no count, no party).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.events.candidates import Candidate
from marsad.events.flags import Flags
from marsad.model.records import Figure

CLAUSE_BREAK = re.compile(
    r"(?:^|\s)(?:فيما|بينما|في حين|وفي|كما|واضاف|واضافت|وقال|وقالت|واكد|واكدت|وذكر|وذكرت|"
    r"وافاد|وافادت|واشار|واشارت|من جهه|من جانب|الي ذلك|في غضون)(?=\s)|[؛;]"
)
# Material events whose bare re-mentions (no count, no named party) are the same occurrence.
BARE_MERGE = frozenset({"ASSAULT", "PROTEST"})
DEMONSTRATIVES = frozenset({"هذا", "هذه", "ذلك", "تلك", "نفس", "ذات"})
ARTICLE = ("ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل")


@dataclass(slots=True)
class Mention:
    """A kept trigger candidate with what the stage read around it."""

    cand: Candidate
    flags: Flags
    prob: float | None
    actors: list[tuple[int, int]] = field(default_factory=list)  # folded offsets
    recipients: list[tuple[int, int]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quote: int | None = None
    speaker: tuple[int, int] | None = None  # original offsets of the quote speaker


@dataclass(slots=True)
class Group:
    """Mentions that make one event; ``head`` gives the trigger."""

    mentions: list[Mention]

    @property
    def head(self) -> Mention:
        return self.mentions[0]

    @property
    def type(self) -> str:
        return self.head.cand.type


def _strength(m: Mention) -> tuple[int, int, int]:
    e = m.cand.entry
    return (0 if e.weak else 1, 1 if e.pos == "v" else 0, -m.cand.nstart)


def group_sentence(ntext: str, mentions: list[Mention]) -> list[Group]:
    """Mentions of one sentence grouped per type and clause."""
    groups: list[Group] = []
    by_type: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.cand.nstart):
        by_type.setdefault(m.cand.type, []).append(m)
    for ms in by_type.values():
        current = [ms[0]]
        for m in ms[1:]:
            prev = current[-1]
            between = ntext[prev.cand.nend:m.cand.nstart]
            separate = CLAUSE_BREAK.search(between) is not None and len(between) > 12 or \
                (m.quote is not None and prev.quote is not None and m.quote != prev.quote)
            if separate:
                groups.append(_ordered(current))
                current = [m]
            else:
                current.append(m)
        groups.append(_ordered(current))
    return groups


def _ordered(ms: list[Mention]) -> Group:
    best = max(ms, key=_strength)
    return Group([best] + [m for m in ms if m is not best])


def _refers_back(ntext: str, m: Mention, prev_token: str) -> bool:
    c = m.cand
    if c.entry.pos != "n":
        return False
    return c.form.startswith(ARTICLE) or prev_token in DEMONSTRATIVES


def _fig_keys(g: Group) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for m in g.mentions for f in m.figures}


def merge_across(ntext: str, groups: list[Group], prev_tokens: dict[int, str],
                 title_sentences: set[int]) -> list[Group]:
    """Join later groups to an earlier group of the same type that they refer back to."""
    out: list[Group] = []
    for g in groups:
        target = None
        figs = _fig_keys(g)
        for earlier in reversed(out):
            if earlier.type != g.type or earlier.head.cand.sentence == g.head.cand.sentence:
                continue
            efigs = _fig_keys(earlier)
            same_count = bool(figs & efigs)
            head = g.head
            anaphor = _refers_back(ntext, head, prev_tokens.get(head.cand.nstart, "")) and \
                not head.cand.entry.patient and not any(m.cand.entry.pos == "v" for m in g.mentions)
            title = earlier.head.cand.sentence in title_sentences and not (figs and efigs
                                                                            and not same_count)
            bare = g.type in BARE_MERGE and not figs and \
                not any(m.actors or m.recipients for m in g.mentions)
            if same_count or anaphor or title or bare:
                target = earlier
                break
        if target is None:
            out.append(g)
        else:
            target.mentions.extend(g.mentions)
    return out
