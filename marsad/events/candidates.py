"""Trigger candidates: lexicon look-ups over a sentence's tokens, continuations checked.

A candidate is a token (plus a multi-word tail such as «حظر التجول») that the lexicon
lists for an event type, whose required continuation («أطلق» + «النار») follows it in the
same sentence. Whether the candidate reports an event is decided later (filter, flags).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.model.document import Document, Sentence
from marsad.text.triggers import NOT_FORMS, Entry, lexicon


@dataclass(slots=True)
class Candidate:
    """One trigger candidate; offsets index the folded text."""

    entry: Entry
    sentence: int
    token: int  # index of the trigger token in the sentence
    nstart: int
    nend: int
    form: str  # the folded token

    @property
    def type(self) -> str:
        return self.entry.type


def sentence_candidates(ntext: str, sent: Sentence, index: int) -> list[Candidate]:
    """Candidates of one sentence, at most one per (token, type): the most specific entry."""
    out: list[Candidate] = []
    send = sent.nend
    get = lexicon().forms.get
    for ti, tok in enumerate(sent.tokens):
        w = tok.norm
        hits = get(w)
        if hits is None:
            if len(w) < 4 or w[0] not in "وف":
                continue
            hits = get(w[1:])
            if hits is None:
                continue
        if w in NOT_FORMS:
            continue
        best: dict[str, tuple[int, Entry, int]] = {}
        for entry, tail in hits:
            end = tok.nend
            if tail is not None:
                m = tail.match(ntext, end, send)
                if m is None:
                    continue
                end = m.end()
            if entry.after is not None and entry.after.match(ntext, end, send) is None:
                continue
            # specificity: a matched tail or continuation beats a bare word; strong beats weak
            rank = (2 if tail is not None else 0) + (1 if entry.after is not None else 0) \
                + (0 if entry.weak else 1)
            prev = best.get(entry.type)
            if prev is None or rank > prev[0]:
                best[entry.type] = (rank, entry, end)
        # one phrase, one reading: «إرسال قوات حفظ السلام» is AID, not also «إرسال قوات»
        longest = max(end for _r, _e, end in best.values()) if best else 0
        for _rank, entry, end in best.values():
            if end < longest and end > tok.nend:
                continue
            out.append(Candidate(entry, index, ti, tok.nstart, end, tok.norm))
    return out


def document_candidates(doc: Document) -> list[Candidate]:
    ntext = doc.ntext
    out: list[Candidate] = []
    for i, sent in enumerate(doc.sentences):
        out.extend(sentence_candidates(ntext, sent, i))
    return out
