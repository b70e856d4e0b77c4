"""Stage ``events``: PLOVER event records with actors, recipients, figures, sources and flags.

For each sentence: trigger candidates from the lexicon (:mod:`marsad.text.triggers`),
their modality flags (:mod:`marsad.events.flags`), the learnt filter's verdict for the
types it was trained on (:mod:`marsad.events.filter`), roles from word order
(:mod:`marsad.events.roles`); then mentions are grouped into events
(:mod:`marsad.events.merge`) and each event gets its figures, sources, date and place
from the layers the earlier stages filled (each guarded: a missing layer leaves the
field empty). Statements whose content is a PLOVER act (أدانت، رحّبت، دعت إلى، نفت، هدّدت)
are events of their speaker and are linked to their quote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from marsad.events.candidates import Candidate, sentence_candidates
from marsad.events.filter import (
    EventFilter,
    SentenceContext,
    default_filter,
    features,
    sentence_context,
)
from marsad.events.flags import Flags, read_flags
from marsad.events.merge import Group, Mention, group_sentence, merge_across
from marsad.events.roles import clause_start, entity_map, mention_roles, speaker_overreaches
from marsad.events.roles_anaphora import fill_dropped_subjects
from marsad.events.roles_phrase import EntMap
from marsad.model.document import Document, Sentence
from marsad.model.records import Actor, DateMention, Event, Figure, Place, Quote, Source
from marsad.model.span import Span
from marsad.registry import StageFn, stage

FIGURE_KINDS = {
    "ASSAULT": frozenset({"killed", "injured", "hospitalized", "missing", "kidnapped", "other"}),
    "COERCE": frozenset({"arrested"}),
    "PROTEST": frozenset({"protesters"}),
    "MOBILIZE": frozenset({"troops"}),
    "AID": frozenset({"troops", "other"}),
    "RETREAT": frozenset({"other"}),
}
# Types of material acts: a future or hypothetical one has not happened and is not reported.
MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION", "RETREAT", "AID",
                      "COOPERATE"})
# Types a speaker performs by speaking.
VERBAL = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", "AGREE"})
DENIAL_KEYS = ("REJECT:نفي", "REJECT:نافيا", "REJECT:انكر")


def candidate_features(doc: Document, sent: Sentence, cands: list[Candidate],
                       learnt: frozenset[str] | set[str] | None = None,
                       skip_dropped: bool = False,
                       ) -> list[tuple[Candidate, Flags, list[str]]]:
    """Each candidate of a sentence with its flags and the learnt filter's features.

    Features are computed only for the types in ``learnt`` (all when None); the others
    get an empty list, and so do, with ``skip_dropped``, the candidates their flags drop
    whatever the filter says (:func:`dropped_by_flags`).
    """
    ntext = doc.ntext
    counts: dict[str, int] = {}
    for c in cands:
        counts[c.type] = counts.get(c.type, 0) + 1
    denial_at = min((c.token for c in cands if c.entry.key in DENIAL_KEYS), default=None)
    out = []
    ctx: SentenceContext | None = None
    cues = [(f.cue.start, f.cue.end) for f in doc.figures
            if f.cue is not None and sent.start <= f.cue.start < sent.end]
    for c in cands:
        cs = clause_start(sent, c.token)
        fl = read_flags(ntext, sent, c.token, c.entry.pos, c.form, doc.published, cs)
        if cues and c.type in FIGURE_KINDS:
            a, b = doc.norm.span(c.nstart, c.nend)
            fl.counted = any(x < b + 15 and a < y for x, y in cues)  # «العثور على جثتين»
        if denial_at is not None and denial_at < c.token and c.type != "REJECT":
            fl.negated = True
        feats: list[str] = []
        if (learnt is None or c.type in learnt) and not (skip_dropped and dropped_by_flags(c, fl)):
            if ctx is None:
                ctx = sentence_context(sent, _layer_cues(doc, sent))
            feats = features(sent, c, counts[c.type], fl, ctx)
        out.append((c, fl, feats))
    return out


def _layer_cues(doc: Document, sent: Sentence) -> tuple[str, ...]:
    """Places and counts the earlier stages found in the sentence (features of the filter)."""
    out: set[str] = set()
    for p in doc.places:
        if p.span is not None and sent.start <= p.span.start < sent.end and p.role != "dateline":
            out.add("place")
            break
    for f in doc.figures:
        if sent.start <= f.span.start < sent.end:
            out.add(f"fig_{f.kind}")
    for d in doc.dates:
        if sent.start <= d.span.start < sent.end:
            out.add("date")
            break
    return tuple(sorted(out))


def override(c: Candidate, fl: Flags) -> bool:
    """An article's reading that the filter may not veto (see :func:`keep_candidate`)."""
    if fl.background or fl.old_year:
        return False
    if fl.took_place and not c.entry.weak and fl.present:
        return True
    if c.entry.weak or fl.relative or not fl.asserted:
        return False
    return fl.counted or c.entry.pos == "v" and fl.main and fl.present


def dropped_by_flags(c: Candidate, fl: Flags) -> bool:
    """Flags that drop a candidate whatever the filter says (see :func:`keep_candidate`)."""
    if fl.goal or fl.hypothetical or fl.historical or fl.trap:
        return True
    if fl.relative and c.entry.pos == "v" and c.type in MATERIAL:
        return True  # «الذي اغتالته إسرائيل»: a verb in a relative clause describes, not reports
    if fl.negated and c.type in MATERIAL:
        return True
    return fl.future and c.type in MATERIAL


def keep_candidate(c: Candidate, fl: Flags, prob: float | None, threshold: float,
                   article: bool = True) -> bool:
    """Is this candidate a reported occurrence?

    Flags (goal, hypothetical, background; negated or future material acts) always drop it.
    Types the filter knows are kept when its probability reaches ``threshold``; in an
    article, :func:`override` keeps three readings whatever the filter says: a noun the
    text says took place in the article's present («اندلعت مواجهات أمس»), an asserted act
    (a perfect verb, «تم + noun») whose victims the figures stage counted («أصيب أكثر من
    ألف شخص»), and a perfect verb opening its clause in a sentence dated to the present
    («هاجم مسلحون دورية يوم الخميس»); never in background («بعد الهجوم الذي وقع»، «في وقت
    سابق»، an older year) or relative clauses. Other types keep strong triggers and drop
    weak ones. The threshold is the F1-optimal one with these overrides (the training
    script), one operating point for articles and the GSR alike.
    """
    if dropped_by_flags(c, fl):
        return False
    if prob is not None:
        if article and override(c, fl):
            return True
        return prob >= threshold
    return not c.entry.weak


def _quote_of(doc: Document, start: int, end: int) -> tuple[int | None, bool]:
    """(index of the quote whose cue or content holds ``[start, end)``, True if in the cue)."""
    for i, q in enumerate(doc.quotes):
        if q.cue.start <= start < q.cue.end or start <= q.cue.start < end:
            return i, True
        if q.content.start <= start < q.content.end:
            return i, False
    return None, False


_SPEECH_CUES = frozenset({
    "قال", "قالت", "اكد", "اكدت", "اعتبر", "اعتبرت", "وصف", "وصفت", "اوضح", "اوضحت", "اضاف",
    "اضافت", "اعلن", "اعلنت", "صرح", "راي", "رات", "يري", "تري", "يعتبر", "تعتبر", "تنظر", "ينظر",
    "بيان", "بيانا", "تصريح", "تصريحات",
})


def _speech_before(sent: Sentence, k: int) -> bool:
    """A speech verb or a statement noun earlier in the sentence («أكدت ... أن ...»)."""
    for t in sent.tokens[:k]:
        w = t.norm[1:] if t.norm[:1] in "وف" and len(t.norm) > 3 else t.norm
        if w in _SPEECH_CUES:
            return True
    return False


@lru_cache(maxsize=8)  # called twice per event; the import machinery costs more than the work
def _lazy(module: str, name: str) -> Callable[..., Any] | None:
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _title_sentences(doc: Document) -> set[int]:
    if not doc.sentences:
        return set()
    s0 = doc.sentences[0]
    if s0.kind == "title":
        return {0}
    line_end = doc.text.find("\n", s0.start)
    if line_end != -1 and s0.end >= line_end - 1 and doc.text[s0.end - 1] not in ".!?؟:":
        return {0}
    return set()


def _assign_figures(doc: Document, mentions: list[Mention], figs: list[Figure]) -> None:
    """Give each figure of the sentence to the kept mention it counts for.

    A figure can count for a mention whose type counts its kind (victims for ASSAULT,
    arrests for COERCE ...). When several can, it goes to the one whose trigger is nearest
    its cue (the word that decided its kind, «أصيبوا» in «أكثر من ألف ... أصيبوا»), or
    to the number itself when it has no cue: «تم العثور على جثتين ... وأصيب أكثر من ألف»
    gives the bodies to the finding and the wounded to the wounding, not all to both.
    """
    takers = [(m, FIGURE_KINDS[m.cand.type]) for m in mentions if m.cand.type in FIGURE_KINDS]
    if not takers:
        return
    trig = [doc.norm.span(m.cand.nstart, m.cand.nend) for m, _ in takers]  # original offsets
    for f in figs:
        at = f.cue if f.cue is not None else f.span
        best, best_d = None, 0
        for (m, kinds), (a, b) in zip(takers, trig, strict=True):
            if f.kind not in kinds:
                continue
            d = a - at.end if at.end <= a else (at.start - b if b <= at.start else 0)
            if best is None or d < best_d:
                best, best_d = m, d
        if best is not None:
            best.figures.append(f)


class EventExtractor:
    """The stage's callable; ``filter`` defaults to the shipped model."""

    def __init__(self, event_filter: EventFilter | None = None) -> None:
        self._filter = event_filter

    def __call__(self, doc: Document) -> Document:
        filt = self._filter or default_filter()
        ntext = doc.ntext
        figs_by_sent: dict[int, list[Figure]] = {}
        for f in doc.figures:
            figs_by_sent.setdefault(f.sentence, []).append(f)
        groups: list[Group] = []
        prev_tokens: dict[int, str] = {}
        for si, sent in enumerate(doc.sentences):
            cands = sentence_candidates(ntext, sent, si)
            if not cands:
                continue
            extra: list[Mention] = []
            mentions = self._mentions(doc, sent, si, cands, filt, figs_by_sent.get(si, []),
                                      extra)
            for m in mentions:
                k = m.cand.token
                prev_tokens[m.cand.nstart] = sent.tokens[k - 1].norm if k > 0 else ""
            here = group_sentence(ntext, mentions)
            # a candidate the filter doubted is still a mention of a kept event of its type
            for m in extra:
                for g in here:
                    if g.type == m.cand.type:
                        g.mentions.append(m)
                        break
            here.sort(key=lambda g: min(m.cand.nstart for m in g.mentions))
            groups.extend(here)
        groups = merge_across(ntext, groups, prev_tokens, _title_sentences(doc))
        doc.events = [self._event(doc, g) for g in groups]
        fill_dropped_subjects(doc, groups)  # «وانتقد ...»، «مباحثاته»: the antecedent acts
        for q in doc.quotes:
            q.event = None
        for ei, ev in enumerate(doc.events):
            if ev.quote is not None and 0 <= ev.quote < len(doc.quotes):
                doc.quotes[ev.quote].event = ei
        return doc

    # -- mentions ------------------------------------------------------------------------
    def _mentions(self, doc: Document, sent: Sentence, si: int, cands: list[Candidate],
                  filt: EventFilter, figs: list[Figure], extra: list[Mention]
                  ) -> list[Mention]:
        """Kept mentions; candidates only the filter rejected go to ``extra`` when a kept
        mention has their type (the only ones that can join an event)."""
        ntext = doc.ntext
        trig = {c.token for c in cands}
        emap: EntMap | None = None  # built when a mention needs roles (most sentences keep none)
        out: list[Mention] = []
        doubted: list[Mention] = []
        for c, fl, feats in candidate_features(doc, sent, cands, set(filt.models), True):
            if dropped_by_flags(c, fl):
                continue  # neither kept nor doubted (keep_candidate's first tests)
            prob = filt.probability(c.type, feats) if c.type in filt.models else None
            if not keep_candidate(c, fl, prob, filt.threshold(c.type), filt.mode == "article"):
                if prob is not None and keep_candidate(c, fl, 1.0, 0.0):
                    doubted.append(Mention(c, fl, prob))
                continue
            m = Mention(c, fl, prob)
            start, end = doc.norm.span(c.nstart, c.nend)
            qi, in_cue = _quote_of(doc, start, end)
            q = doc.quotes[qi] if qi is not None else None
            if q is not None and (in_cue or c.entry.speech):
                # the speech verb itself («دعت»، «أدانت») or a characterisation in the
                # speaker's words: the speaker performs the act
                m.quote = qi
                if q.speaker is not None:
                    m.speaker = (q.speaker.start, q.speaker.end)
            elif q is not None:
                m.quote = qi  # a reported event inside the quote: the speaker is its source
            if c.entry.speech and q is None and not _speech_before(sent, c.token):
                continue
            out.append(m)
        _assign_figures(doc, out, figs)
        for m in out:
            if emap is None:
                emap = entity_map(sent, doc.entities)
            m.actors, m.recipients = mention_roles(ntext, sent, m.cand, trig, emap, m.figures)
            if m.speaker is not None and m.actors and speaker_overreaches(
                    doc, m.speaker, m.actors, m.recipients):
                m.speaker = None  # «ودعت فرنسا إسرائيل»: the speaker span ran into the object
        # a doubted candidate joins a kept event of its type (see __call__); the others are
        # dropped, so only those get roles: «مقتل ستة في مواجهات بين X وY»
        kept = {m.cand.type for m in out}
        for xm in doubted:
            if xm.cand.type in kept:
                if emap is None:
                    emap = entity_map(sent, doc.entities)
                xm.actors, xm.recipients = mention_roles(ntext, sent, xm.cand, trig, emap)
                extra.append(xm)
        return out

    # -- records -------------------------------------------------------------------------
    def _event(self, doc: Document, g: Group) -> Event:
        h = g.head
        c = h.cand
        si = c.sentence
        trigger = doc.span(c.nstart, c.nend)
        ev = Event(type=c.type, trigger=trigger, sentence=si, sentence_span=doc.sentence_span(si),
                   mode=c.entry.mode)
        ev.mentions = [doc.span(m.cand.nstart, m.cand.nend) for m in g.mentions[1:]]
        ev.negated = h.flags.negated
        ev.hypothetical = h.flags.hypothetical
        ev.future = h.flags.future
        ev.historical = h.flags.historical
        ev.confidence = h.prob if h.prob is not None else (0.5 if c.entry.weak else 0.7)
        statement = c.entry.statement or c.type in VERBAL
        speaker_actor = False
        for m in g.mentions:
            if m.speaker is not None and m.quote is not None and statement and not ev.actors:
                sp = doc.quotes[m.quote].speaker
                if sp is not None:
                    ev.actors.append(Actor(sp))
                    speaker_actor = True
                    ev.quote = m.quote
        if ev.quote is None and statement and h.quote is not None:
            ev.quote = h.quote
        seen: set[tuple[int, int]] = {(a.span.start, a.span.end) for a in ev.actors}
        for m in g.mentions:
            if not speaker_actor:
                for a, b in m.actors:
                    sp = doc.span(a, b)
                    if (sp.start, sp.end) not in seen:
                        seen.add((sp.start, sp.end))
                        ev.actors.append(Actor(sp))
            for a, b in m.recipients:
                sp = doc.span(a, b)
                if (sp.start, sp.end) not in seen:
                    seen.add((sp.start, sp.end))
                    ev.recipients.append(Actor(sp))
            if len(ev.actors) >= 2 and len(ev.recipients) >= 2:
                break
        if not ev.actors and statement:  # nobody named by word order: the speaker, if any
            for m in g.mentions:
                sp = doc.quotes[m.quote].speaker if m.quote is not None else None
                if sp is not None:
                    ev.actors.append(Actor(sp))
                    break
        fseen: set[tuple[int, int]] = set()
        for m in g.mentions:
            for f in m.figures:
                if (f.span.start, f.span.end) not in fseen:
                    fseen.add((f.span.start, f.span.end))
                    ev.figures.append(f)
        ev.sources = self._sources(doc, g, speaker_actor, ev.actors if statement else [])
        self._date(doc, ev, g)
        ev.location = self._location(doc, g)
        return ev

    def _sources(self, doc: Document, g: Group, speaker_actor: bool,
                 actors: list[Actor]) -> list[Source]:
        out: list[Source] = []
        seen: set[tuple[int, int]] = set()
        actor_orig = [(a.span.start, a.span.end) for a in actors]
        for m in g.mentions:
            if m.quote is not None and not speaker_actor:
                q: Quote = doc.quotes[m.quote]
                if q.speaker is not None and (q.speaker.start, q.speaker.end) not in seen:
                    seen.add((q.speaker.start, q.speaker.end))
                    out.append(Source(q.speaker, cue=q.cue, chain=[q.speaker, *q.sources],
                                      sentence=q.sentence, quote=m.quote))
            elif m.quote is not None:
                for relay in doc.quotes[m.quote].sources:
                    if (relay.start, relay.end) not in seen:
                        seen.add((relay.start, relay.end))
                        out.append(Source(relay, chain=[relay], sentence=m.cand.sentence))
            for s in doc.sources:
                if s.sentence != m.cand.sentence or (s.span.start, s.span.end) in seen:
                    continue
                if any(s.span.start < b and a < s.span.end for a, b in actor_orig):
                    continue  # the actor of a statement is not its own source
                if speaker_actor and s.quote is not None and s.quote == m.quote:
                    continue
                seen.add((s.span.start, s.span.end))
                out.append(s)
            if out:
                break
        return out

    def _date(self, doc: Document, ev: Event, g: Group) -> None:
        if "dates" not in doc.done and not doc.dates:
            return
        fn = _lazy("marsad.stages.dates", "event_date")
        if fn is None:
            return
        for m in g.mentions:
            d: DateMention | None = fn(doc, m.cand.sentence, m.cand.nstart)
            if d is not None and d.date:
                ev.date, ev.date_precision, ev.date_span = d.date, d.precision, d.span
                if doc.published is not None and _older_than_a_year(d.date, doc.published):
                    ev.historical = True
                return

    def _location(self, doc: Document, g: Group) -> Place | None:
        if "places" not in doc.done:
            return None
        fn = _lazy("marsad.stages.places", "locate_event")
        if fn is None:
            return None
        place: Place | None = fn(doc, g.head.cand.sentence, g.head.cand.nstart)
        return place


def _older_than_a_year(iso: str, published: dt.date) -> bool:
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return (published - d).days > 380


def extract_events(doc: Document) -> Document:
    """Fill ``doc.events`` with the shipped filter."""
    return EventExtractor()(doc)


@stage("events", requires=("sentences", "figures", "dates", "quotes"), assigns=("events",))
def make_events() -> StageFn:
    return EventExtractor()


__all__ = ["EventExtractor", "extract_events", "make_events", "Span"]
