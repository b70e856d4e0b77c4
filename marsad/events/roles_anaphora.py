"""Dropped subjects and possessive pronouns: who «وانتقد» or «مباحثاته» refers to.

Arabic drops a pronoun subject («وانتقد في تقريره ...» after a sentence about the UN
Secretary-General) and marks the doer of a verbal noun with a possessive suffix («خلال
مباحثاته مع نظيره الروسي»). When word order found no actor for such a trigger, the
actor is the nearest person or body named before it in the same or the previous sentence:
an earlier event's actor, a quote's speaker, or a person the NER stage tagged.

Material acts reported in the passive («قُتل»، «اعتُقل») have no subject to recover and
are left alone.
"""

from __future__ import annotations

from marsad.events.merge import Group
from marsad.events.roles import first_person
from marsad.model.document import Document
from marsad.model.records import Actor, Event
from marsad.model.span import Span
from marsad.text.normalize import fold

# Types whose verbs often stand in the passive with the victim as subject.
_PASSIVE_PRONE = frozenset({"ASSAULT", "COERCE"})
_POSSESSIVE = ("ه", "ها", "هم", "هما")


def _dropped_subject(form: str, original: str, pos: str, patient: bool) -> bool:
    """A trigger whose doer is a pronoun: a bare third-person verb, or a noun + possessive
    («مباحثاته»، «لقائه»: the original letters tell «ه» from a folded «ة»)."""
    w = form[1:] if form[:1] in "وف" and len(form) > 4 else form
    if pos == "v":
        return not patient and not w.startswith("ن")  # «نرفض» is the quote's speaker
    return original.endswith(_POSSESSIVE) and len(w) > 4


def _antecedents(doc: Document, events: list[Event], upto: int, sentence: int) -> list[Span]:
    """Named doers before offset ``upto`` in ``sentence`` or the one before it."""
    out: list[Span] = []
    lo = doc.sentences[sentence - 1].start if sentence > 0 else 0
    for ev in events:
        out.extend(a.span for a in ev.actors if lo <= a.span.start and a.span.end <= upto)
    for q in doc.quotes:
        sp = q.speaker
        if sp is not None and lo <= sp.start and sp.end <= upto and q.speaker_from == "explicit":
            out.append(sp)
    for e in doc.entities:
        if e.label == "PERS" and lo <= e.span.start and e.span.end <= upto:
            out.append(e.span)
    return out


def _speaker_of(doc: Document, start: int) -> Span | None:
    """The speaker of the quote whose content holds offset ``start``."""
    for q in doc.quotes:
        if q.content.start <= start < q.content.end:
            return q.speaker
    return None


_SPEAKER_PRONOUN = ("انه ", "انها ", "انهم ", "بانه ", "بانها ", "بانهم ")


def _pronoun_of_speaker(doc: Document, start: int) -> Span | None:
    """A speaker whose reported content opens on a pronoun for them («أعلن X أنه ...»), when
    ``start`` lies in that content's first clause."""
    for q in doc.quotes:
        if q.speaker is None or not (q.content.start <= start < q.content.end):
            continue
        head = fold(doc.text[q.content.start:start])
        if head.startswith(_SPEAKER_PRONOUN) and not any(p in head for p in "،,؛.:"):
            return q.speaker
        return None
    return None


def fill_dropped_subjects(doc: Document, groups: list[Group]) -> None:
    """Give actor-less events whose subject is a pronoun its nearest named antecedent."""
    for ev, g in zip(doc.events, groups, strict=False):
        if ev.actors or ev.type in _PASSIVE_PRONE:
            continue
        c = g.head.cand
        if first_person(c, doc.sentences[c.sentence]):
            sp = _speaker_of(doc, ev.trigger.start)  # «نعمل مع السلطات التركية»
            if sp is not None:
                ev.actors.append(Actor(sp))
            continue
        sp = _pronoun_of_speaker(doc, ev.trigger.start)
        if sp is not None:  # «أعلن المكتب إنه حضر ليقدم المساعدة»: «ـه» is the speaker
            ev.actors.append(Actor(sp))
            continue
        if not _dropped_subject(c.form, ev.trigger.text, c.entry.pos, c.entry.patient):
            continue
        found = _antecedents(doc, doc.events, ev.trigger.start, ev.sentence)
        recips = [(r.span.start, r.span.end) for r in ev.recipients]
        found = [s for s in found if not any(s.start < b and a < s.end for a, b in recips)]
        if found:
            best = max(found, key=lambda s: (s.end, -s.start))
            ev.actors.append(Actor(best))
