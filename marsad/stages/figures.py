"""Stage ``figures``: numbers of people or things affected, with qualifier, kind and what was counted.

How it works, on the folded text:

1. One regex pass finds the number atoms (digits, number words) and the kind cues;
   :func:`marsad.text.numbers.group_atoms` joins atoms into whole numbers (compounds,
   vague amounts); «بين 10 و15» and «أربعة أو خمسة» become one range.
2. Numbers that are not counts are dropped: years, dates, times, money, measures,
   percentages, ages, article/resolution numbers, phone numbers and ids, decimals.
3. The qualifier comes from the words just before (أكثر من، نحو، ما لا يقل عن ...) or just
   after (على الأقل، تقريباً); vague words (عشرات، مئات) are ``vague``.
4. The kind comes from the nearest cue in the sentence (قتل، أصيب، المستشفى، اعتقال ...),
   else from what was counted (جنود sent → troops, متظاهرين → protesters), else ``other``.
5. Duals (جثتين، شرطيين، صحافيان) count 2 and a cue noun before a singular person
   (مقتل شرطي، إصابة مقيم) counts 1.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from marsad.model.document import Document
from marsad.model.records import Figure
from marsad.registry import StageFn, stage
from marsad.text import figure_lexicon as lx
from marsad.text.normalize import fold
from marsad.text.numbers import (
    CLITICS,
    DELIMITERS,
    NUMBER_GROUPS,
    Atom,
    NumberExpr,
    atom_from_match,
    group_atoms,
)

_WINDOW = 48  # characters of context read on each side of a number
_CUE_GAP = 60  # farthest a cue may stand from the number it classifies
_NEAR_GAP = 20  # how near a cue must be for the weak numbers (أحد، عدة، duals with nisba)
_HUMAN = frozenset(
    {"police", "soldiers", "civilians", "children", "women", "militants", "protesters",
     "journalists", "people"}
)
_INCOMPLETE = frozenset(fold(w) for w in ("اثنا", "اثني", "اثنتا", "اثنتي"))
_ONE_OF = frozenset(fold(w) for w in ("أحد", "إحدى"))
_ONE = frozenset(fold(w) for w in ("واحد", "واحدة", "واحدا", "واحدًا"))
_WEAK_VAGUE = frozenset(fold(w) for w in ("بضع", "بضعة", "عدة"))
_LIST_MARK_RE = re.compile(r"\s*[.)\-–]")
_CLAUSE_BREAK_RE = re.compile(r"[،,;؛:]")
_SCAN_RE = re.compile(
    rf"[{re.escape(DELIMITERS)}]{CLITICS}(?:{NUMBER_GROUPS}|(?P<c>{lx.CUE_TRIE})(?!\w))"
)
# Context may run over a line break (the segmenter ends sentences there) but not a full stop.
_STOP_RE = re.compile(r"[.!?؟]\s|[.!?؟]$")


def _cut_right(right: str) -> str:
    m = _STOP_RE.search(right)
    return right[: m.start()] if m else right


def _cut_left(left: str) -> str:
    ends = [m.end() for m in _STOP_RE.finditer(left)]
    return left[ends[-1] :] if ends else left


Cue = tuple[int, int, str]  # folded start, end, kind
SentOf = Callable[[int], "_Sent"]


def _scan(text: str) -> tuple[list[Atom], list[Cue]]:
    """Number atoms and kind cues of the folded text, in one regex pass."""
    atoms: list[Atom] = []
    cues: list[Cue] = []
    for m in _SCAN_RE.finditer(" " + text):
        c = m.group("c")
        if c is not None:
            at = m.start("pre") - 1
            if not lx.NEGATED_CUE_RE.search(text, max(0, at - 10), at):
                cues.append((at, m.end("c") - 1, lx.CUE_KIND[c]))
            continue
        atom = atom_from_match(m, text)
        if atom is not None:
            atoms.append(atom)
    return atoms, cues


def _gap(a: int, b: int, c: Cue, text: str = "") -> int:
    """Characters between the number ``[a, b)`` and the cue, plus penalties.

    A cue after the number counts a bit more; one that opens a new clause (a comma
    between, or a و/ف before the cue: «13 من عناصر الشرطة وأصيب») counts much more.
    """
    if c[1] <= a:
        between, g = text[c[1] : a], a - c[1]
    elif c[0] >= b:
        between, g = text[b : c[0]], c[0] - b + 2
        if text[c[0] : c[0] + 1] in ("و", "ف"):
            g += 30
    else:
        return 1  # the counted noun itself («3 قتلى»); a cue right before it still wins
    if _CLAUSE_BREAK_RE.search(between):
        g += 20
    return g


class _Sent:
    """A sentence's folded bounds and the kind cues inside it."""

    __slots__ = ("a", "b", "cues", "index", "text")

    def __init__(self, index: int, a: int, b: int, text: str, cues: list[Cue]) -> None:
        self.index, self.a, self.b, self.text = index, a, b, text
        self.cues = cues

    def nearest(self, a: int, b: int, limit: int = _CUE_GAP) -> Cue | None:
        best: Cue | None = None
        best_gap = limit + 1
        for c in self.cues:
            g = _gap(a, b, c, self.text)
            if g < best_gap:
                best, best_gap = c, g
        return best

    def gap(self, a: int, b: int, c: Cue) -> int:
        return _gap(a, b, c, self.text)


class FigureExtractor:
    """Finds figures in a segmented document."""

    def __call__(self, doc: Document) -> Document:
        doc.figures = self.extract(doc)
        return doc

    def extract(self, doc: Document) -> list[Figure]:
        text = doc.ntext
        if not doc.sentences:
            return []
        atoms, cues = _scan(text)
        cue_starts = [c[0] for c in cues]
        sents: dict[int, _Sent] = {}

        def sent_of(i: int) -> _Sent:
            k = doc.sentence_of(i)
            s = sents.get(k)
            if s is None:
                sen = doc.sentences[k]
                lo = bisect.bisect_left(cue_starts, sen.nstart)
                hi = bisect.bisect_left(cue_starts, sen.nend)
                s = sents[k] = _Sent(k, sen.nstart, sen.nend, text, cues[lo:hi])
            return s

        figures: list[Figure] = []
        taken: list[tuple[int, int]] = []
        exprs = group_atoms(text, atoms)
        i = 0
        while i < len(exprs):
            e = exprs[i]
            e2 = exprs[i + 1] if i + 1 < len(exprs) else None
            s = sent_of(e.start)
            top = None
            pair = self._pair(text, s, e, e2) if e2 is not None and e2.start < s.b else None
            if pair == "change":  # «ارتفع عدد القتلى من 10 إلى 15»: 15 is the toll
                i += 1
                continue
            if pair == "range":
                top = e2
                i += 1
            prev = figures[-1] if figures and figures[-1].sentence == s.index else None
            fig = self._figure(doc, s, e, top, prev)
            if fig is not None:
                figures.append(fig)
                taken.append((e.start, (top or e).end))
            i += 1
        if cues:
            self._duals(doc, sent_of, figures, taken, cues)
            self._singulars(doc, sent_of, figures, taken, cues)
        figures.sort(key=lambda f: f.span.start)
        return _first_mentions(doc, figures)

    # --- numbers -----------------------------------------------------------------
    @staticmethod
    def _pair(text: str, s: _Sent, e: NumberExpr, e2: NumberExpr) -> str | None:
        """``range`` for «بين 10 و15»، «أربعة أو خمسة»، «من 10 إلى 15»; ``change`` for a
        rise or fall («ارتفع من 10 إلى 15»); None for two separate numbers."""
        if e.vague or e2.vague:
            return None
        between = text[e.end : e2.start]
        if lx.ALT_GAP_RE.match(between):
            before = text[max(s.a, e.start - 40) : e.start]
            if before.rstrip().endswith("من") and lx.CHANGE_RE.search(before):
                return "change"
            return "range" if e2.value > e.value else None
        if e2.value <= e.value or not lx.RANGE_GAP_RE.match(between) or len(between) > 4:
            return None
        before = text[max(s.a, e.start - 12) : e.start]
        return "range" if lx.RANGE_BEFORE_RE.search(before) is not None else None

    def _figure(self, doc: Document, s: _Sent, e: NumberExpr, top: NumberExpr | None,
                prev: Figure | None) -> Figure | None:
        text = doc.ntext
        end = (top or e).end
        left = _cut_left(text[max(0, e.start - _WINDOW) : e.start])
        right = _cut_right(text[end : end + _WINDOW])
        if self._not_a_count(e, left, right, text[end : end + 3]):
            return None
        # qualifier
        qual, qstart = "exact", e.start
        if e.vague:
            qual = "vague"
        elif top is not None:
            qual = "at_least"
            rb = lx.RANGE_BEFORE_RE.search(left, len(left) - 14)
            if rb is not None:
                qstart = e.start - len(left) + rb.start()
        else:
            qm = lx.QUAL_BEFORE_RE.search(left, len(left) - 28)
            if qm is not None:
                qual = qm.lastgroup or "exact"
                qstart = e.start - len(left) + qm.start()
            else:
                qa = lx.QUAL_AFTER_RE.search(self._clause(right))
                if qa is not None:
                    qual = qa.lastgroup or "exact"
        # what was counted
        counted, cls, cm_end = self._counted(right, end)  # counted: folded (start, end)
        if _year(e) and (top is None or _year(top)) and qual in ("exact", "at_least"):
            if cls not in _HUMAN and cls != "bodies":
                return None  # a year, or a span of years («بين 2002 و2004»)
        # kind
        cue = s.nearest(e.start, max(end, cm_end))
        kind = cue[2] if cue is not None else None
        single = e.single
        if counted is None or (single in _ONE and qual == "exact"):
            # «أغني 5»، «الدقيقة 81»، «مرة واحدة»: a bare number is a count only next to a cue
            if cue is None or s.gap(e.start, max(end, cm_end), cue) > _NEAR_GAP:
                return None
        if single in _ONE_OF or single in _WEAK_VAGUE:
            if cue is None or s.gap(e.start, max(end, cm_end), cue) > _NEAR_GAP:
                return None
            if single in _ONE_OF and not right.lstrip().startswith("ال"):
                return None
        among = lx.AMONG_RE.search(left, len(left) - 16)
        if among is not None and prev is not None and prev.kind != "other":
            # «قتل 15 شخصا بينهم ستة جنود»: a part of the previous figure
            if cue is None or cue[1] <= e.start or s.gap(e.start, max(end, cm_end), cue) > 3:
                kind, cue = prev.kind, None
        if kind is None:
            kind = self._kind_from_counted(cls, text, s, e.start)
        elif cls in ("things", "strikes"):
            kind, cue = "other", None  # «1700 منزل»: things are not killed or arrested
        value = e.value
        lead = lx.LEAD_SINGULAR_RE.search(left, len(left) - 16) if e.atoms[0].waw and cls in _HUMAN else None
        if lead is not None:  # «ضابط وثلاثة جنود» → 4
            value += 1
            qstart = e.start - len(left) + lead.start("n")
        return Figure(
            span=doc.span(qstart, end),
            value=value,
            qualifier=qual,
            kind=kind,
            value_max=top.value if top is not None else None,
            counted=doc.span(*counted) if counted is not None else None,
            counted_as=cls,
            cue=doc.span(cue[0], cue[1]) if cue is not None else None,
            sentence=s.index,
        )

    @staticmethod
    def _clause(right: str) -> str:
        m = _CLAUSE_BREAK_RE.search(right)
        return right[: m.start()] if m else right

    @staticmethod
    def _not_a_count(e: NumberExpr, left: str, right: str, after: str) -> bool:
        if e.decimal or e.value <= 0:
            return True
        single = e.single
        if single in _INCOMPLETE:
            return True
        if e.digits:
            raw = e.atoms[0].word
            if (len(raw) > 1 and raw[0] == "0") or (len(raw) >= 7 and "," not in raw):
                return True  # a phone number or an id
            if not left.rsplit("\n", 1)[-1].strip() and _LIST_MARK_RE.match(after):
                return True  # a list item number: «1. ...», «2) ...»
        if lx.EXCLUDE_AFTER_RE.match(right):
            return True
        tail = max(0, len(left) - 16)
        if lx.EXCLUDE_BEFORE_RE.search(left, tail) or lx.AGE_RE.search(left, tail):
            return True
        if left.endswith("(") and right.startswith(")"):
            return True
        return False

    @staticmethod
    def _counted(right: str, end: int) -> tuple[tuple[int, int] | None, str | None, int]:
        """What the number counts: its folded span, its class, and where it ends."""
        m = lx.COUNTED_RE.match(right)
        if m is None:
            return None, None, end
        w1, w2 = m.group(1), m.group(2)
        stem = w1[1:] if w1[:1] in "وفبل" and w1[1:] in lx.COUNTED_CLASS else w1
        cls = lx.COUNTED_CLASS.get(stem)
        if cls is None and stem.startswith("ال"):
            cls = lx.COUNTED_CLASS.get(stem[2:])
        if w2 is not None:
            cls2 = lx.COUNTED_CLASS.get(w2) or lx.COUNTED_CLASS.get(w2[2:])
            if cls2 is not None and (cls is None or cls in ("people", "militants")):
                cls = cls2  # عناصر الشرطة → police
            stop = m.end(2) if cls2 is not None else m.end(1)
        else:
            stop = m.end(1)
        return (end + m.start(1), end + stop), cls, end + m.end()

    @staticmethod
    def _kind_from_counted(cls: str | None, text: str, s: _Sent, at: int) -> str:
        if cls == "protesters":
            return "protesters"
        sent = text[s.a : s.b]
        if lx.PROTEST_RE.search(sent) and cls in ("people", "civilians", None):
            near = text[max(s.a, at - _NEAR_GAP - 10) : min(s.b, at + _NEAR_GAP + 20)]
            if lx.PROTEST_RE.search(near):
                return "protesters"
        if cls == "soldiers":  # soldiers counted without a casualty: a force
            return "troops"
        if cls == "militants" and lx.MILITARY_RE.search(sent) and lx.TROOPS_RE.search(sent):
            return "troops"
        return "other"

    # --- duals and singulars -----------------------------------------------------
    def _duals(
        self, doc: Document, sent_of: SentOf, figures: list[Figure],
        taken: list[tuple[int, int]], cues: list[Cue],
    ) -> None:
        text = doc.ntext
        last_end = -100
        for a, b in _dual_candidates(text, cues):
            prev_dual, last_end = last_end, b
            if a - prev_dual <= 6 or _touches(text, taken, a, b):
                continue  # جثتين لعنصرين: one figure; مقيمين اثنين: already a number
            s = sent_of(a)
            cue = s.nearest(a, b)
            if cue is None or s.gap(a, b, cue) > _NEAR_GAP:
                continue  # «أطلقت امرأتان النار»: two people, but not a count of victims
            self._add_small(doc, s, figures, taken, a, b, 2, cue)

    def _singulars(
        self, doc: Document, sent_of: SentOf, figures: list[Figure],
        taken: list[tuple[int, int]], cues: list[Cue],
    ) -> None:
        text = doc.ntext
        for cue in cues:
            m = lx.SINGULAR_RE.match(text, cue[0])
            if m is None:
                continue
            a, b = m.start("n"), m.end("n")
            if _touches(text, taken, a, b):
                continue
            self._add_small(doc, sent_of(a), figures, taken, a, b, 1, cue)

    @staticmethod
    def _add_small(doc: Document, s: _Sent, figures: list[Figure], taken: list[tuple[int, int]],
                   a: int, b: int, value: int, cue: Cue | None) -> None:
        word = doc.ntext[a:b]
        cls = lx.COUNTED_CLASS.get(word)
        kind = cue[2] if cue is not None else "other"
        figures.append(Figure(
            span=doc.span(a, b), value=value, qualifier="exact", kind=kind,
            counted=doc.span(a, b), counted_as=cls,
            cue=doc.span(cue[0], cue[1]) if cue is not None else None, sentence=s.index,
        ))
        taken.append((a, b))


def _dual_candidates(text: str, cues: list[Cue]) -> list[tuple[int, int]]:
    """Folded spans of dual nouns near a cue: listed (شخصين، جثتين) and nisba (مدنيان)."""
    found: set[tuple[int, int]] = set()
    lo_prev = -1
    for ca, cb, _kind in cues:
        lo, hi = max(ca - _NEAR_GAP - 12, lo_prev), min(len(text), cb + _NEAR_GAP + 12)
        if lo >= hi:
            continue
        lo_prev = hi
        for m in lx.DUAL_RE.finditer(text, lo, hi):
            a, b = m.span("n")
            if text[b - 1] == "ي" and not lx.CONSTRUCT_NEXT_RE.match(text, b):
                continue  # the ي form only in «رجلي أمن»
            found.add((a, b))
        for m in lx.NISBA_DUAL_RE.finditer(text, lo, hi):
            b = m.end()
            a = m.start()
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            word = text[a:b]
            if word[:1] in "وفبل" and len(word) > 7:
                a, word = a + 1, word[1:]
            if len(word) < 6 or word.startswith("ال") or word in lx.NOT_DUAL:
                continue
            found.add((a, b))
    return sorted(found)


def _year(e: NumberExpr) -> bool:
    return e.digits and len(e.atoms) == 1 and 1900 <= e.value <= 2100


def _touches(text: str, taken: list[tuple[int, int]], a: int, b: int) -> bool:
    """True when ``[a, b)`` overlaps a figure or only spaces part them (مقيمين اثنين)."""
    for x, y in taken:
        if x < b and a < y:
            return True
        if 0 <= x - b <= 4 and text[b:x].strip() in ("", "و"):
            return True  # مقيمين اثنين، ضابط وثلاثة جنود
        if 0 <= a - y <= 3 and not text[y:a].strip():
            return True
    return False


def _first_mentions(doc: Document, figures: list[Figure]) -> list[Figure]:
    """Keep one mention of a toll the article repeats (same kind and value).

    News repeats its toll («قتل 15 شخصا ...» in the lead, «مقتل 15 شخصا على الأقل» in a
    quote later); one fact is one figure, kept where the body first states it (a heading
    line repeats the body). A later mention that names a more specific group («خمسة
    أطفال» after «خمسة أشخاص») is a different fact. Counts of things (``other``) stay.
    """
    keep = [True] * len(figures)
    first: dict[tuple[str, int], int] = {}
    for i, f in enumerate(figures):
        if f.kind == "other":
            continue
        key = (f.kind, f.value)
        j = first.get(key)
        if j is None:
            first[key] = i
            continue
        g = figures[j]
        if f.counted_as not in (None, "people") and f.counted_as != g.counted_as:
            continue
        if _is_heading(doc, g.sentence) and not _is_heading(doc, f.sentence):
            keep[j], first[key] = False, i
        else:
            keep[i] = False
    return [f for f, k in zip(figures, keep, strict=True) if k]


def _is_heading(doc: Document, i: int) -> bool:
    """A short line without a closing full stop: a title or a sub-heading."""
    s = doc.sentences[i]
    t = doc.text[s.start : s.end].rstrip()
    return len(t) < 90 and not t.endswith((".", "!", "?", "؟", ":", "»", '"', "”"))


@stage("figures", requires=("sentences",), assigns=("figures",))
def make_figures() -> StageFn:
    return FigureExtractor()
