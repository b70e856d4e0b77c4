"""Reading reported speech in folded Arabic text: what follows a speech verb, and who spoke.

The ``quotes`` stage (:mod:`marsad.stages.quotes`) finds the cues; this module reads
around one cue, on the folded text only (offsets are folded offsets):

* :func:`scan_cue` walks the words after a speech verb up to the *opener* of its content:
  a quotation mark, a colon, brackets, أنّ/إنّ/بأن/أنه, or a preposition the verb governs
  (أشار إلى، شدد على، حذر من، أعرب عن، اتهم ... بـ). The words before the opener hold the
  speaker in VSO order (وقالت الشرطة الكازاخية أن), which stops at the first adjunct (في
  بيان، للصحفيين، اليوم الخميس، بحسب ...). No opener before the sentence ends, or another
  speech verb first (قال وأكد أن), and the cue introduces nothing.
* :func:`look_back` finds an SVO subject before the verb (وزارة الخارجية الروسية أكدت،
  الجيش الإسرائيلي الذي أفاد), back to the start of its clause.
* :func:`attribution_np` reads the source named after بحسب، وفق ما ذكرته ...
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from marsad.text import cues as C
from marsad.text.clitics import PROCLITIC_LETTERS

_TOK = re.compile(r"\w+|[^\w\s]")
_SENT_END = frozenset(".!?؟\n")
_PUNCT_STOP = frozenset("،,؛;()[]-–—/|")
STRIP_CHARS = " \t\n،,.:؛;-–—_*()[]\"'«»“”"
# Words before an opening quotation mark that make the quoted words a name, not speech.
_NAME_INTRO = frozenset(C.fold(w) for w in (
    "صحيفة", "وكالة", "قناة", "موقع", "مؤسسة", "حركة", "جماعة", "منظمة", "تنظيم", "شركة",
    "مجلة", "حزب", "جبهة", "برنامج", "شبكة", "إذاعة", "تلفزيون", "جمعية", "مركز", "لجنة",
    "ائتلاف", "تحالف", "كتائب", "لواء", "فصيل", "مجموعة", "اسم", "يدعى", "تدعى", "عملية",
))
_MAX_ZONE = 28  # words between a cue and an أنّ or a preposition that opens its content
_MAX_ZONE_DIRECT = 44  # ... and a quotation mark or a colon (after long adjuncts)
_ANNA = C.ANNA
_OPEN = frozenset(C.OPEN_MARKS)
_ADJ = C.ADJUNCT_WORDS
_TIME = C.TIME_WORDS
_SPK_END = C.SPEAKER_END_WORDS
_NOT_BA = C.NOT_BA_CONTENT
_NOT_OPEN = C.NOT_OPENER_BEFORE
_MAX_BACK = 10
_PRON = re.compile("(?:ه|ها|هم|هما|هن|نا|ني)$")  # «لكنه»، «أنها»: a clause word + pronoun


@dataclass(slots=True)
class Cand:
    """A quote under construction (folded offsets)."""

    cue: tuple[int, int]
    content: tuple[int, int]
    sent: int
    gender: str
    direct: bool
    speaker: tuple[int, int] | None = None
    speaker_from: str = "explicit"
    participle: bool = False
    indirect_end: bool = True  # content ends at the sentence end (trimmed later)
    masdar: bool = False  # a verbal noun (إعلان، تأكيد)
    dropped: bool = False  # the word turned out to be a noun in an earlier verb's subject
    marked: bool = False  # the content stands inside quotation marks
    vso_time: bool = False  # a time word came straight after the verb (دعا السبت ...)
    relays: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


def strip_span(nt: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without surrounding spaces and punctuation; a quotation mark or bracket
    opened inside it stays closed («صحيفة "الخبر"»، «مكتب التحقيقات (إف بي آي)»)."""
    while a < b and nt[a] in STRIP_CHARS:
        a += 1
    while b > a and nt[b - 1] in STRIP_CHARS:
        b -= 1
    while b - a > 2 and nt[b - 1] in PROCLITIC_LETTERS and nt[b - 2].isspace():
        b -= 2  # a proclitic left alone at the end («الحكومة بـ "داعش"» → «الحكومة»)
        while b > a and nt[b - 1] in STRIP_CHARS:
            b -= 1
    for op, cl in _PAIRS:
        if b < len(nt) and nt[b] == cl:
            inner = nt[a:b]
            if (inner.count(op) > inner.count(cl)) if op != cl else inner.count(op) % 2:
                b += 1
    return a, b


_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"), ("(", ")"))


def _find_close(nt: str, mark: str, start: int, limit: int) -> int:
    """Offset of the closing mark for ``mark`` opened before ``start``; -1 if none."""
    close = C.CLOSE_OF.get(mark, "")
    if not close:
        return -1
    nl = nt.find("\n", start, limit)
    stop = limit if nl < 0 else nl
    return nt.find(close, start, stop)


def _is_end(nt: str, w: str, b: int) -> bool:
    """A sentence-final mark (a dot inside «بي.بي.سي» or «3.5» is not one)."""
    if w not in _SENT_END:
        return False
    return w != "." or b >= len(nt) or not nt[b].isalnum()


def scan_cue(nt: str, text_char: Callable[[int], str], m: re.Match[str], sent: tuple[int, int],
          later: dict[int, Cand],
          attrib_at: dict[int, re.Match[str]], participle: bool,
          passed: list[tuple[int, Cand, tuple[int, int]]]) -> Cand | None:
    """Read the words after a cue up to the content opener; None when there is none."""
    form = m.group("verb")
    verb = C.VERB_OF[form]
    preps = C.PREPS_OF[verb]
    pos = m.end()
    sent_start, sent_end = sent
    spk_a = spk_end = after_adj = -1
    k_end = 0  # token index where the speaker ended
    prev = ""
    stop = min(sent_end, pos + 360)
    win = min(stop, pos + 60)  # most openers come early: tokenise in growing windows
    toks = list(_TOK.finditer(nt, pos, win))
    k = 0
    relays: list[tuple[tuple[int, int], tuple[int, int]]] = []
    saw_an = verb.past != "نقل"  # «نقل» needs «عن» and its speaker
    names_in_marks = verb.prep_only or verb.masdar or not saw_an
    ended = False
    vso_time = False
    while k < _MAX_ZONE_DIRECT:
        if k + 1 >= len(toks) and win < stop:
            at = toks[-1].start() if toks else pos
            win = min(stop, win + 100)
            toks = toks[:-1] + list(_TOK.finditer(nt, at, win)) if toks else list(
                _TOK.finditer(nt, pos, win))
            continue
        if k >= len(toks):
            ended = win >= sent_end
            break
        t = toks[k]
        w, a, b = t.group(), t.start(), t.end()
        nxt = toks[k + 1].group() if k + 1 < len(toks) else ""
        if w in _SENT_END and _is_end(nt, w, b):
            ended = True
            break
        if a in later and not later[a].masdar and k == 0 and _noun_like(nt, a):
            later[a].dropped = True  # «وقال طالب آخر»: a noun (student), not «demanded»
        elif a in later and not later[a].masdar:
            # stacked verbs (قال وأكد أن): the later one introduces the content
            other = later[a]
            if not participle and spk_a >= 0 and other.speaker is None:
                sp = strip_span(nt, spk_a, spk_end if spk_end >= 0 else a)
                if sp[1] > sp[0]:
                    passed.append((m.start(), other, sp))
            return _object_quote(nt, m, verb, participle, spk_a, spk_end, after_adj, a)
        content: tuple[int, int] | None = None
        direct = marked = False
        near = spk_end < 0 or k - k_end <= 6  # a preposition opener must follow closely
        if k >= _MAX_ZONE and w != ":" and w not in _OPEN:
            pass
        elif w == ":" and not verb.prep_only and saw_an:
            ca = b
            while ca < len(nt) and nt[ca] == " ":
                ca += 1
            if ca >= len(nt) or nt[ca] == "\n":
                break  # «ذكرت التالي:» and a list on the next lines: no quote
            if nt[ca] == "«":
                close = _find_close(nt, "«", ca + 1, len(nt))
                content = (ca + 1, close if close > 0 else sent_end)
                marked = True
            elif nt[ca] in _QUOTE_CHARS:
                # “ ” " used either way round, sometimes doubled («وقال: ""أعتقد»)
                while ca < len(nt) and (nt[ca] in _QUOTE_CHARS or nt[ca] == " "):
                    ca += 1
                close = _any_quote(nt, ca)
                content = (ca, close if close > 0 else sent_end)
                marked = True
            else:
                close = _first_close(nt, ca, len(nt))
                content = (ca, close if close > 0 else sent_end)
            direct = True
        elif w in _OPEN and (w != '"' or _opens(nt, a)) and (k <= 6 or not verb.direct_only):
            close = _find_close(nt, w, b, len(nt))
            if (_names(prev) or names_in_marks) and 0 < close - b < 50:
                k = _skip_to(toks, k, close + 1)
                if spk_a < 0:
                    spk_a = a
                prev = ""
                continue
            if not saw_an:
                break  # «نقل» with no «عن»: conveying (نقل تحية), not reporting
            if close == b and w == '"':  # a doubled mark: «""أنا لا أثق»
                close = _any_quote(nt, b + 1)
                b += 1
            content = (b, close if close > 0 else sent_end)
            direct = marked = True
        elif w == "(" and saw_an and not verb.prep_only:
            close = nt.find(")", b, min(len(nt), b + 300))
            in_name = spk_a >= 0 and spk_end < 0
            if close > 0 and not _parenthetical(nt, b, close, preps, in_name):
                content, direct = (b, close), True
        elif w in _ANNA and prev not in _NOT_OPEN and not verb.prep_only:
            if saw_an:
                content = (a, sent_end)
        elif w in preps and w != "ب" and nxt and not _is_end(nt, nxt, toks[k + 1].end()):
            if verb.past == "نقل" and w == "عن" and not saw_an:
                if spk_a >= 0:
                    relays.append((strip_span(nt, spk_a, spk_end if spk_end >= 0 else a),
                                   (m.start(), m.end())))
                spk_a = spk_end = -1
                saw_an = True
                prev = w
                k += 1
                continue
            if near and (w != "من" or spk_a < 0 or spk_end >= 0 or nxt in _ANNA or nxt in _OPEN):
                content = (a, sent_end)
        elif "ب" in preps and w.startswith("ب") and len(w) > 3 and w not in _NOT_BA and near:
            content = (a, sent_end)
        if content is not None:
            if verb.masdar and spk_a < 0:
                return None
            cand = Cand((m.start(), m.end()), content, 0, C.cue_gender(form), direct,
                         participle=participle, masdar=verb.masdar, vso_time=vso_time)
            cand.indirect_end = not direct
            cand.marked = marked
            if spk_a >= 0 and not participle:
                sa, se = strip_span(nt, spk_a, spk_end if spk_end >= 0 else a)
                if se > sa:
                    cand.speaker = (sa, se)
            cand.relays = relays
            return cand
        # not an opener: a speaker word, an adjunct, or a relay attribution
        am = attrib_at.get(a)
        if am is not None:
            if spk_a >= 0 and spk_end < 0:
                spk_end, k_end = a, k
            k = _skip_to(toks, k, am.end())
            prev = ""
            continue
        if w == "(" and spk_a >= 0 and spk_end < 0:
            # «مكتب التحقيقات الفيدرالي الأمريكي (إف بي آي)»: part of the name
            close = nt.find(")", b, min(len(nt), b + 60))
            if close > 0:
                k = _skip_to(toks, k, close + 1)
                prev = ""
                continue
        if spk_end < 0:
            if spk_a < 0 and (w in _TIME or w.isdigit()):
                vso_time = vso_time or k == 0
                # «قال يوم الاثنين متحدثون ...»: the subject may follow a time word
            elif spk_a < 0 and w.startswith("لل") and len(w) > 4:
                spk_end, k_end = a, k  # an addressee: «لتؤكد للجميع»، «للصحفيين»
            elif w == "في" and spk_a >= 0 and _title_so_far(nt, spk_a, a):
                pass  # «المسؤول في المار صالح محمد صالح»
            elif w == "علي" and spk_a >= 0 and text_char(a + 2) == "ي":
                pass  # the name «علي» (أبو علي البصري), not the preposition «على»
            elif w == "من" and nxt in C.SIDE_WORDS:
                spk_end, k_end = a, k  # «واعتبر زايف من جهته أن»
            elif (w in _ADJ or w in _SPK_END or w.isdigit()
                  or (w in _PUNCT_STOP and w not in "،,")):
                spk_end, k_end = a, k
            elif spk_a < 0 and w not in "،,":
                if participle:
                    spk_end, k_end = a, k
                    after_adj = a
                else:
                    spk_a = a
        elif after_adj == -1 and not (w in _ADJ or w in _TIME or w.isdigit()
                                      or not w[0].isalpha()):
            # the first plain word after the adjuncts; an object only when a comma or a
            # date sets it off (see _object_quote)
            ok = prev in ("،", ",", ")") or prev in _TIME or prev.isdigit()
            after_adj = a if ok else -2
        prev = w
        k += 1
    if ended and spk_a >= 0 and prev_word(nt, m.start()) == "كما":
        # «ونزح 1200 شخص من درعا، كما قال المرصد.»: the sentence before is the content
        ca, cb = strip_span(nt, sent_start, m.start())
        if cb > ca:
            cand = Cand((m.start(), m.end()), (ca, cb), 0, C.cue_gender(form), False)
            cand.speaker = strip_span(nt, spk_a, spk_end if spk_end >= 0 else sent_end)
            cand.indirect_end = False
            return cand
    return _object_quote(nt, m, verb, participle, spk_a, spk_end, after_adj, sent_end)


def _object_quote(nt: str, m: re.Match[str], verb: C.Verb, participle: bool, spk_a: int,
                  spk_end: int, after_adj: int, end: int) -> Cand | None:
    """A verb whose content is a plain object after an adjunct («أعلنت وكالة الأنباء
    الفلسطينية (وفا)، الأربعاء، مقتل فلسطيني»; «...، مستبعدين إمكان التوصل»)."""
    if verb.past not in C.OBJECT_VERBS or after_adj <= 0 or after_adj >= end:
        return None
    form = m.group("verb")
    if participle:
        if not nt[max(0, m.start() - 3):m.start()].rstrip().endswith(("،", ",")):
            return None
        return Cand((m.start(), m.end()), (after_adj, end), 0, C.cue_gender(form), False,
                     participle=True)
    if spk_a < 0 or spk_end < 0:
        return None
    cand = Cand((m.start(), m.end()), (after_adj, end), 0, C.cue_gender(form), False)
    sa, se = strip_span(nt, spk_a, spk_end)
    cand.speaker = (sa, se) if se > sa else None
    return cand


def _parenthetical(nt: str, a: int, close: int, preps: frozenset[str], in_name: bool) -> bool:
    """Brackets that hold a short name or acronym, not words spoken («(إف بي آي) إنه»،
    «قناة (سي.إن.إن ترك) التلفزيونية»), unlike «وقالت المرأة (أطلقوا).»."""
    if len(nt[a:close].split()) > 3:
        return False
    follow = nt[close + 1:close + 3].strip()[:1]
    if follow in ("", ".", "!", "؟", "?"):
        return False
    if in_name or follow in ("،", ",", ":"):
        return True
    after = NEXT_WORD.match(nt, close + 1)
    if after is None:
        return False
    w = after.group(1)
    return w in _ANNA or w in preps or w in _TIME or w in _ADJ


_QUOTE_CHARS = frozenset("«»“”\"„")
_QUOTE_RE = re.compile("[«»“”\"„]")


def _any_quote(nt: str, a: int) -> int:
    """The first quotation mark of any kind after ``a`` on its line; -1 if none."""
    nl = nt.find("\n", a)
    m = _QUOTE_RE.search(nt, a, len(nt) if nl < 0 else nl)
    return m.start() if m is not None else -1


def _noun_like(nt: str, a: int) -> bool:
    """A cue form straight after another verb, without «و»: a noun such as طالب (student)
    or وصف (description); a present tense there is a circumstantial verb (كتب يقول)."""
    m = C.CUE_RE.match(nt, a)
    return m is not None and not m.group("pre") and not m.group("verb").startswith(("ي", "ت"))


def _names(word: str) -> bool:
    """Whether a quoted title follows ``word`` as a name («صحيفة "الخبر"»، «لوكالة "إيسنا"»)."""
    return word in _NAME_INTRO or (word[:1] in "لبو" and word[1:] in _NAME_INTRO)


def _opens(nt: str, at: int) -> bool:
    """Whether the straight quotation mark at ``at`` opens a quotation (an even number
    of them before it on its line)."""
    line = nt.rfind("\n", 0, at) + 1
    return nt.count('"', line, at) % 2 == 0


def prev_word(nt: str, at: int) -> str:
    words = nt[max(0, at - 16):at].split()
    return words[-1] if words else ""


def _title_so_far(nt: str, a: int, b: int) -> bool:
    words = nt[a:b].split()
    return 0 < len(words) <= 2 and (words[0] in C.TITLE_HEADS or words[-1] in C.TITLE_HEADS)


def _skip_to(toks: list[re.Match[str]], k: int, offset: int) -> int:
    while k < len(toks) and toks[k].start() < offset:
        k += 1
    return k


def _first_close(nt: str, a: int, limit: int) -> int:
    """An unbalanced closing mark after a colon («وأضافت: سنواصل ...”»), before the line ends."""
    nl = nt.find("\n", a, limit)
    stop = limit if nl < 0 else nl
    best = -1
    for mark in "»”":
        i = nt.find(mark, a, stop)
        if i >= 0 and (best < 0 or i < best):
            opener = "«" if mark == "»" else "“"
            j = nt.find(opener, a, i)
            if j < 0:
                best = i
    return best


def look_back(nt: str, sent_start: int, cue_start: int) -> tuple[int, int] | None:
    """An SVO subject before the verb, back to the start of its clause."""
    toks = list(_TOK.finditer(nt, max(sent_start, cue_start - 300), cue_start))
    words: list[re.Match[str]] = []
    k = len(toks) - 1
    commas = 0
    relative = k >= 0 and toks[k].group() in C.RELATIVE_WORDS
    if relative:
        k -= 1  # «الجيش الإسرائيلي الذي أفاد»
    if k >= 0 and toks[k].group() in ("قد", "لقد"):
        k -= 1  # «وكان مصدر أمني تركي قد قال»
    if k >= 0 and toks[k].group() in "،,":
        k -= 1  # «حيدر العبادي، أعلن»
        commas = 1
    limit = 3 if relative else _MAX_BACK  # a relative's head is a short noun phrase
    while k >= 0 and len(words) <= _MAX_BACK:
        w = toks[k].group()
        if commas == 0 and (len(words) >= limit or (relative and words
                                                    and w[0] in "بل" and len(w) > 3)):
            break  # a preposition (برصاص، لقوات) bounds the head noun phrase
        if w == ")":
            # «رئيسة الوزراء (تيريزا ماي) أعلنت»: a bracketed name inside the subject
            j = k - 1
            while j >= 0 and toks[j].group() != "(" and k - j < 6:
                j -= 1
            if j >= 0 and toks[j].group() == "(":
                words.extend(toks[j:k + 1][::-1])
                k = j - 1
                continue
            break
        if w in "،,":
            # «جون هايتن، قائد القوة النووية الأمريكية، الذي قال»: one apposition
            commas += 1
            if commas > 2 or not words:
                break
            k -= 1
            continue
        if (_is_end(nt, w, toks[k].end()) or w in _PUNCT_STOP or w == ":" or w in _OPEN
                or w in C.CLOSE_MARKS or w in C.CLAUSE_WORDS or _PRON.sub("", w) in C.CLAUSE_WORDS
                or w in C.RELATIVE_WORDS
                or C.CUE_RE.fullmatch(w) or w.isdigit() or (relative and w in _ADJ)):
            break
        words.append(toks[k])
        k -= 1
    if not words or len(words) > _MAX_BACK:
        return None
    if relative and len(words) == 1 and words[0].group().endswith(("ي", "يه")):
        return None  # a lone adjective («الانتحاري الذي قال») is no speaker
    if words[-1].group() in _ADJ:
        return None  # «من خلال برنامج تليغرام، عبر»: an adjunct, not a subject
    a, b = strip_span(nt, words[-1].start(), words[0].end())
    return (a, b) if b > a else None


def sentence_subject(nt: str, sent_start: int, at: int) -> tuple[int, int] | None:
    """The subject after the first verb of a sentence («ورفضت إسرائيل طلب ...، مبررة»)."""
    toks = list(_TOK.finditer(nt, sent_start, at))
    k = 0
    while k < len(toks) and (toks[k].group() in C.CLAUSE_WORDS or toks[k].group() in "،,"
                             or toks[k].group() in C.ADJUNCT_WORDS):
        k += 1
    if k >= len(toks) or toks[k].group().startswith("ال"):
        return None
    k += 1  # the verb
    words: list[re.Match[str]] = []
    while k < len(toks) and len(words) < 4:
        w = toks[k].group()
        if not w[0].isalpha() or w in C.ADJUNCT_WORDS or w in C.CLAUSE_WORDS:
            break
        words.append(toks[k])
        k += 1
    if not words:
        return None
    return words[0].start(), words[-1].end()


def attribution_np(nt: str, start: int, sent_end: int) -> tuple[int, int] | None:
    """The source's noun phrase after an attribution phrase."""
    toks = _TOK.finditer(nt, start, min(sent_end, start + 200))
    first = last = -1
    n = 0
    prev = ""
    skip_to = -1
    for t in toks:
        w = t.group()
        if t.start() < skip_to:
            last = t.end()
            continue
        if w in _OPEN and _names(prev):
            close = _find_close(nt, w, t.end(), min(len(nt), t.end() + 50))
            if close > 0:  # «بحسب ما نقلت صحيفة "غارديان"»
                skip_to = close + 1
                last = close + 1
                continue
        if w in ("عن", "من") and prev in _ISSUED and n > 0:
            prev = w  # «وفقا لبيان صادر عن الرئاسة المصرية»: the issuer is the source
            last = t.end()
            continue
        prev = w
        if n == 0 and (w in _NP_LEAD or w in _TIME):
            continue  # «حسب ما أكد مساء الثلاثاء المستشار»، «نقلته على لسانه وكالة»
        clause = w in C.CLAUSE_WORDS or (w[:1] == "و" and w[1:] in C.CLAUSE_WORDS)
        if (w in _SENT_END or w in _PUNCT_STOP or w in "،,:" or w in C.OPEN_MARKS
                or w in C.CLOSE_MARKS or (n > 0 and (w in C.ADJUNCT_WORDS or clause
                                                     or w in C.RELATIVE_WORDS or w in C.VERB_OF))
                or w.isdigit()):
            if w in C.OPEN_MARKS and n == 0:
                continue
            break
        if first < 0:
            first = t.start()
        last = t.end()
        n += 1
        if n >= 7:
            break
    if first < 0:
        return None
    follow = NEXT_WORD.match(nt, last, min(len(nt), last + 12))
    if follow is not None and follow.group(1).isdigit():
        return None  # «وفقا لحدود عام 1967»: a reference, not a source
    return first, last


_NP_LEAD = frozenset(C.fold(w) for w in ("على", "لسان", "لسانه", "لسانها", "أيضا", "كذلك"))
_ISSUED = frozenset(C.fold(w) for w in ("صادر", "الصادر", "صادرة", "الصادرة", "نقلا"))


def head_word(nt: str, a: int, b: int) -> str:
    m = _TOK.search(nt, a, b)
    return m.group() if m else ""



NEXT_WORD = re.compile(r"\s*(\w+)")
