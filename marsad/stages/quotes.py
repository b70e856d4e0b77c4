"""Stage ``quotes``: reported speech (speaker, cue, content) and source attributions.

1. A speech verb (:data:`marsad.text.cues.CUE_RE`) is a cue, unless negated (لم تعلن),
   a relative «ما» (وهو ما أكده), a verbal noun after a preposition, or scripture.
2. :func:`marsad.text.speech.scan_cue` reads its content and VSO speaker; verbs are read
   right to left so that stacked verbs (قال وأكد أن) give one quote. Cues inside another
   quote's quotation marks are that speaker quoting others and are dropped.
3. A missing speaker is an SVO subject before the verb (:func:`look_back`), or else an
   omitted subject or pronoun that resolves to the nearest explicit speaker of the same
   gender before it (``speaker_from="antecedent"``). A participle (مضيفا، مشيرة) continues
   the previous speaker of its sentence. «وأضاف البيان» resolves to the body that issued it.
4. Attribution phrases (بحسب، وفق ما ذكرته ...) become :class:`Source` records. One in a
   sentence that already has a quote relays it (chain claimant → relay, and the quote's
   ``sources``); one alone in its sentence naming a speaker (not a news agency or a
   document) is a quote itself, whose content is the rest of the sentence.
5. Every quote with a speaker also gives a :class:`Source` of its sentence, so the events
   stage can attribute the events reported there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.model.document import Document
from marsad.model.records import Quote, Source
from marsad.model.span import Span
from marsad.registry import StageFn, stage
from marsad.text import cues as C
from marsad.text.speech import (
    NEXT_WORD,
    STRIP_CHARS,
    Cand,
    attribution_np,
    head_word,
    look_back,
    prev_word,
    scan_cue,
    sentence_subject,
    strip_span,
)


def quotes(doc: Document) -> Document:
    nt = doc.ntext
    sents = doc.sentences
    if not sents:
        doc.quotes, doc.sources = [], []
        return doc
    attribs = [am for am in C.find_attributions(nt) if _valid_attrib(am)]
    attrib_at = {am.start(): am for am in attribs}
    sverb_spans = [(am.start("sverb"), am.end("sverb")) for am in attribs if am.group("sverb")]
    cue_ms = [m for m in C.CUE_RE.finditer(nt) if _valid_cue(doc, m, sverb_spans)]
    later: dict[int, Cand] = {}
    passed: list[tuple[int, Cand, tuple[int, int]]] = []

    def text_char(i: int) -> str:
        """The original character at folded offset ``i`` (ى and ي fold alike)."""
        o = doc.norm.start(i)
        return doc.text[o:o + 1]

    for m in reversed(cue_ms):  # right to left: a verb sees the quotes of the verbs after it
        si = doc.sentence_of(m.start())
        part = m.group("verb") in C.PARTICIPLES
        c = scan_cue(nt, text_char, m, (sents[si].nstart, sents[si].nend), later, attrib_at, part,
                  passed)
        if c is not None:
            c.sent = si
            later[m.start()] = c
    cands = _outside_direct(sorted((c for c in later.values() if not c.dropped),
                                   key=lambda c: c.cue[0]))
    for at, other, sp in passed:
        # «كتب عضو مجلس الشيوخ ... تغريدة وصف فيها»: the subject of the first verb, unless
        # that verb is itself inside reported content («بأن روسيا تؤكد تمسكها ...»)
        if other.speaker is None and not any(c.content[0] <= at < c.content[1] for c in cands):
            other.speaker = sp
    for c in cands:
        m0 = C.CUE_RE.match(nt, c.cue[0])
        if c.participle or c.masdar or m0 is None or m0.group("obj") is not None:
            continue
        if c.speaker is None and m0.group("pre") in ("", "ل"):
            c.speaker = look_back(nt, sents[c.sent].nstart, c.cue[0])
        elif c.vso_time and m0.group("pre") == "":
            # «... صلاح الدين دمرتاش دعا السبت الحكومة التركية إلى»: a subject before
            # the verb wins over the object after the time word
            back = look_back(nt, sents[c.sent].nstart, c.cue[0])
            if back is not None:
                c.speaker = back
    _resolve(nt, doc, cands)
    sources = _attributions(doc, nt, attribs, cands)
    cands.sort(key=lambda c: c.cue[0])
    _trim(nt, cands, attribs)
    _emit(doc, cands, sources)
    return doc


def _outside_direct(cands: list[Cand]) -> list[Cand]:
    """Drop cues inside another quote's quotation marks (the speaker quoting others)."""
    spans = [c.content for c in cands if c.marked]
    return [c for c in cands if not any(a <= c.cue[0] < b for a, b in spans)]


def _valid_cue(doc: Document, m: re.Match[str], sverb_spans: list[tuple[int, int]]) -> bool:
    if m.group("obj") == "ه":
        a, b = doc.norm.span(m.end() - 1, m.end())
        if doc.text[a:b].startswith("ة"):
            return False  # a noun in ة (إضافة، إشارة), not a verb with «ـه»
    v = m.start("verb")
    if any(a <= v < b for a, b in sverb_spans):
        return False
    if m.group("obj") and C.VERB_OF[m.group("verb")].past not in C.OBJECT_PRONOUN_VERBS:
        return False
    nt = doc.ntext
    verb = C.VERB_OF[m.group("verb")]
    if verb.masdar and m.group("pre").endswith("ل"):
        return False  # «لتحذير المسافرين»: a purpose, not a statement
    if not verb.masdar and prev_word(nt, m.start()) in C.NOT_CUE_BEFORE:
        return False
    nxt = NEXT_WORD.match(nt, m.end(), m.end() + 20)
    after = nxt.group(1) if nxt is not None else ""
    if after in C.SCRIPTURE:
        return False
    if m.group("verb") == "يذكر" and after in C.ANNA:
        return False  # «ويذكر أن»: «it is worth recalling», no speaker
    return True


def _valid_attrib(am: re.Match[str]) -> bool:
    """«على ما» attributes only with a speech verb after it (على ما أفادت الوكالة)."""
    first = am.group("head").split()[0].lstrip("وف")
    return not (first in C.NEEDS_SPEECH_VERB and not am.group("sverb"))


def _resolve(nt: str, doc: Document, cands: list[Cand]) -> None:
    """Give omitted subjects and participles the nearest fitting explicit speaker."""
    explicit: list[Cand] = []
    prev: Cand | None = None
    for c in sorted(cands, key=lambda c: c.cue[0]):
        if c.speaker is not None and c.speaker_from == "explicit":
            head = head_word(nt, *c.speaker)
            if head not in C.DOC_HEADS:
                explicit.append(c)
                prev = c
                continue
            # «وأضاف البيان»: the body that issued the statement
            pick = next((e for e in reversed(explicit)), None)
            if pick is not None:
                c.speaker, c.speaker_from = pick.speaker, "antecedent"
            prev = c
            continue
        if c.participle:
            sp = None
            host = _host(nt, doc, cands, prev, c)
            if host is not None and host.direct and host.content[0] <= c.cue[0] < host.content[1]:
                # «وأضاف: صاحت الشرطة قائلة ...»: the clause inside the content
                sp = sentence_subject(nt, host.content[0], c.cue[0])
            if sp is None and host is not None and host.speaker is not None:
                sp = host.speaker
            if sp is None:
                sp = sentence_subject(nt, doc.sentences[c.sent].nstart, c.cue[0])
            if sp is None and prev is not None and prev.speaker is not None and c.sent - prev.sent <= 1:
                sp = prev.speaker
            if sp is not None:
                c.speaker, c.speaker_from = sp, "antecedent"
                prev = c
                continue
        pick = next((e for e in reversed(explicit) if e.gender == c.gender), None)
        if pick is None and explicit and c.gender == "p":
            pick = explicit[-1]
        if pick is not None:
            c.speaker, c.speaker_from = pick.speaker, "antecedent"
        else:
            c.speaker_from = "none"
        prev = c


def _host(nt: str, doc: Document, cands: list[Cand], prev: Cand | None, c: Cand) -> Cand | None:
    """The quote a participle continues: the last one of its sentence, skipping one that
    stands inside quotation marks closed before the participle («وأضاف المتحدث إن "رئيسة
    الوزراء أعلنت ..."، معتبرا» continues the spokesman)."""
    if prev is None or prev.sent != c.sent:
        return None
    start = doc.sentences[c.sent].nstart
    same = [q for q in cands if q.sent == c.sent and q.cue[0] < c.cue[0]]
    for q in reversed(same):
        if not _closed_around(nt, start, q.cue[0], c.cue[0]):
            return q
    return prev


def _closed_around(nt: str, start: int, at: int, until: int) -> bool:
    """Whether ``at`` is inside quotation marks that close before ``until``."""
    before, between = nt[start:at], nt[at:until]
    if before.count('"') % 2 == 1 and '"' in between:
        return True
    for op, cl in (("«", "»"), ("“", "”")):
        if before.count(op) > before.count(cl) and cl in between:
            return True
    return False


@dataclass(slots=True)
class _Src:
    span: tuple[int, int]
    cue: tuple[int, int]
    sent: int
    chain: list[tuple[int, int]]
    quote: Cand | None = None


def _attributions(doc: Document, nt: str, attribs: list[re.Match[str]],
                  cands: list[Cand]) -> list[_Src]:
    """Sources from attribution phrases; relays join quotes, lone speakers become quotes."""
    out: list[_Src] = []
    by_sent: dict[int, list[Cand]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    for am in attribs:
        si = doc.sentence_of(am.start())
        s = doc.sentences[si]
        np = attribution_np(nt, am.end(), s.nend)
        if np is None:
            continue
        head = head_word(nt, *np)
        if head in C.NOT_SOURCE_HEADS or head.startswith("ما"):
            continue
        cue = strip_span(nt, am.start(), am.end())
        before = [c for c in by_sent.get(si, []) if c.cue[0] < am.start()]
        if before:
            q = before[-1]
            q.relays.append((np, cue))
            chain = [q.speaker, np] if q.speaker else [np]
            out.append(_Src(np, cue, si, chain, q))
            continue
        relay_only = head in C.RELAY_HEADS and not am.group("sverb")
        chain = [np]
        if head in C.ANAPHORS:
            ante = _antecedent(nt, cands, np, head)
            if ante is not None:
                chain = [ante, np]
        src = _Src(np, cue, si, chain)
        out.append(src)
        if relay_only:
            continue
        # a lone attribution naming a speaker: the sentence is its content
        lead = nt[s.nstart:am.start()].strip(STRIP_CHARS)
        if not lead:
            ca, cb = strip_span(nt, np[1], s.nend)
        else:
            ca, cb = strip_span(nt, s.nstart, am.start())
        if cb <= ca:
            continue
        q = Cand(cue, (ca, cb), si, "f" if head.endswith("ه") else "m", False, np)
        q.indirect_end = False
        src.quote = q
        cands.append(q)
        by_sent.setdefault(si, []).append(q)
    return out


def _antecedent(nt: str, cands: list[Cand], np: tuple[int, int], head: str) -> tuple[int, int] | None:
    """The nearest earlier explicit speaker whose words hold ``head`` (المنظمة → منظمة ...)."""
    stem = head[2:] if head.startswith("ال") else head
    best = None
    for c in cands:
        if c.speaker and c.speaker_from == "explicit" and c.speaker[1] <= np[0] and c.speaker != np:
            text = nt[c.speaker[0]:c.speaker[1]]
            if stem in text and len(text) > len(head) + 1:
                if best is None or c.speaker[0] > best[0]:
                    best = c.speaker
    return best


def _trim(nt: str, cands: list[Cand], attribs: list[re.Match[str]]) -> None:
    """End indirect content before the next cue or relay phrase in its sentence."""
    stops = sorted({c.cue[0] for c in cands} | {am.start() for am in attribs})
    for c in cands:
        a, b = c.content
        if c.indirect_end:
            for st in stops:
                if a < st < b:
                    b = st
                    break
        a, b = strip_span(nt, a, b) if not c.direct else (a, b)
        if b <= a:
            b = c.content[1]
        c.content = (a, b)


def _emit(doc: Document, cands: list[Cand], srcs: list[_Src]) -> None:
    cache: dict[tuple[int, int], Span] = {}

    def sp(x: tuple[int, int]) -> Span:
        got = cache.get(x)
        if got is None:
            got = cache[x] = doc.span(*x)
        return got

    quotes_out: list[Quote] = []
    index: dict[int, int] = {}
    for c in cands:
        q = Quote(
            cue=sp(c.cue), content=sp(c.content),
            speaker=sp(c.speaker) if c.speaker else None, speaker_from=c.speaker_from,
            direct=c.direct, sources=[sp(r[0]) for r in c.relays], sentence=c.sent,
        )
        index[id(c)] = len(quotes_out)
        quotes_out.append(q)
    sources_out: list[Source] = []
    relayed = {id(s.quote) for s in srcs if s.quote is not None}
    for c in cands:
        if c.speaker is not None and id(c) not in relayed:
            sources_out.append(Source(sp(c.speaker), sp(c.cue), [sp(c.speaker)], c.sent, index[id(c)]))
    for s in srcs:
        qi = index.get(id(s.quote)) if s.quote is not None else None
        sources_out.append(Source(sp(s.span), sp(s.cue), [sp(x) for x in s.chain], s.sent, qi))
    sources_out.sort(key=lambda s: (s.sentence, s.cue.start if s.cue else s.span.start))
    doc.quotes = quotes_out
    doc.sources = sources_out


@stage("quotes", requires=("sentences",), assigns=("quotes", "sources"))
def make_quotes() -> StageFn:
    return quotes
