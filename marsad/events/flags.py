"""Negation, modality, future, background and goal readings of a trigger in its sentence.

Read from the folded words around the trigger: «لم يُقتل أحد» (negated), «قد يشنّ» /
«في حال» (hypothetical), «سيعقد» / «من المقرر» / «الأسبوع المقبل» (future), «في عام 2014» /
«منذ سنوات» / «ذكرى» (historical background), and «وقف إطلاق النار» / «لمنع الهجمات»
(a goal or a generic act, not an occurrence), «متظاهرا بأنه» / «ضربات اقتصادية» (another
reading of the word). Cues of the article's present («أمس»، «الخميس»), of background
(«بعد الهجوم»، «في وقت سابق»، «خلال السنوات الماضية»، an older year) and of an asserted act
(a perfect verb, «تم العثور»، «قام ... بخطف») decide the stage's overrides. The same cues
feed the learnt filter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from marsad.model.document import Sentence

NEGATORS = frozenset({
    "لم", "ولم", "فلم", "لن", "ولن", "لا", "ولا", "ليس", "ليست", "عدم", "وعدم", "بعدم", "دون",
    "بدون", "ودون", "غير", "لما", "ما",
})
HYPO = frozenset({
    "قد", "وقد", "ربما", "لو", "ولو", "اذا", "واذا", "حال", "حاله", "يمكن", "ويمكن", "احتمال",
    "احتمالات", "محتمل", "المحتمل", "محتمله", "خشيه", "مخاوف", "تخشي", "يخشي", "خطر", "مخاطر",
    "يهدد", "تهدد", "امكانيه", "لتفادي", "تفادي", "مستعد", "مستعده", "تستعد", "يستعد",
})
GOAL = frozenset({
    "وقف", "بوقف", "لوقف", "ووقف", "انهاء", "لانهاء", "بانهاء", "منع", "لمنع", "بمنع", "مكافحه",
    "لمكافحه", "ومكافحه", "محاربه", "لمحاربه", "تجنب", "لتجنب", "بتجنب", "نبذ", "بنبذ", "ادانه",
    "مواجهه", "لمواجهه", "ظاهره", "اشكال", "كافه", "ضحايا", "تمويل", "لتمويل", "التصدي", "للتصدي", "مرتكبي", "مكان", "موقع",
})
FUTURE_BEFORE = frozenset({
    "سوف", "وسوف", "سيتم", "ستتم", "المقرر", "المنتظر", "المتوقع", "يعتزم", "تعتزم", "تعتزمان",
    "يعتزمون", "ينوي", "تنوي", "يخطط", "تخطط", "تتجه", "يتجه", "ستبدا", "سيبدا", "قرر", "قررت",
})
FUTURE_AFTER = frozenset({"المقبل", "المقبله", "القادم", "القادمه", "لاحقا", "غدا", "الوشيك"})
BACKGROUND = frozenset({"ذكري", "الذكري", "بذكري", "تاريخ", "تاريخيا", "سابقا", "عقود", "التاريخ"})
OCCUR = frozenset({
    "اندلع", "اندلعت", "وقع", "وقعت", "جرت", "جري", "شهد", "شهدت", "تجدد", "تجددت", "انطلق",
    "انطلقت", "نظم", "نظمت", "نفذ", "نفذت", "شن", "شنت", "اسفر", "اسفرت", "خلف", "خلفت", "ادي",
    "ادت", "استهدف", "استهدفت", "تسبب", "تسببت", "اوقع", "اوقعت",
})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي"})
ANCHORS = frozenset({
    "امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
    "صباح", "مساء", "فجر", "ليل", "ليله", "عشرات", "مئات", "الاف", "اثنين", "اثنان", "ثلاثه",
    "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "شخصا", "اشخاص", "مدنيا",
})
# Words that date a report to the article's present («أمس»، «صباح اليوم»، «الخميس»).
PRESENT = frozenset({
    "امس", "وامس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
    "السبت", "صباح", "مساء", "فجر", "ليله", "الليله", "ظهر", "الجاري", "الجاريه", "حاليا", "الان",
})
# Prepositions that put a mention in the background of what is reported («بعد الاعتداء الذي
# وقع»، «في أعقاب هجوم»، «غداة اعتداء»، «ذكرى»).
BACKGROUND_PREP = frozenset({
    "بعد", "وبعد", "عقب", "وعقب", "اثر", "واثر", "غداه", "اعقاب", "باعقاب", "قبل", "وقبل",
    "منذ", "ومنذ", "خلفيه", "ذكري", "الذكري", "بذكري", "لذكري", "مثل", "كل", "ضحايا", "لضحايا",
    "منفذي", "مرتكبي", "منفذ", "مسوول", "مسووليه", "بمسووليه", "وراء",
    # an act on trial or charged («بتهمة الخطف»، «في قضية خطف»، «المتهمين بالهجوم»)
    "بتهمه", "بتهم", "تهمه", "تهم", "قضيه", "محاكمه", "لمحاكمه", "المتهمين", "المتهم", "متهم",
    "متهمين", "الضلوع", "بالضلوع", "بتنفيذ",
})
# «في وقت سابق»، «سابقا»: an earlier act recalled, not the one reported.
# («في وقت سابق من يوم أمس» is today's news, not background).
_EARLIER = re.compile(
    r"(?:في\s+وقت\s+سابق(?!\s+من\s+(?:يوم\s+)?(?:اليوم|امس|هذا|هذه|الليله|صباح|مساء|نهار))"
    r"|سابقا|في\s+الماضي|العام\s+الماضي|السنه\s+الماضيه)"
)
# Tallies over a period («خلال السنوات الست الماضية»، «منذ الغزو»): a count, not one event.
_PERIOD = re.compile(r"(?:السنوات|الاعوام|الاشهر|الشهور|الاسابيع|العقود|العقدين)\s+(?:\S+\s+)?الماضيه")
# Readings that are not the act at all: «متظاهرا بأنه» (pretending), «ضربات اقتصادية»,
# «ضربة جزاء» (economy, sport).
_PRETEND = re.compile(r"\s*بان")
TRAP_AFTER = frozenset({
    "اقتصاديه", "الاقتصاديه", "للاقتصاد", "ماليه", "الماليه", "للاسواق", "للبورصه", "للعمله",
    "جزاء", "الجزاء", "حره", "ركنيه", "الترجيح", "ترجيح", "قاضيه", "اعلاميه", "للمنتخب",
    "للفريق",
})
# Occurrence verbs whose subject or object is the event itself («اندلعت المظاهرات»،
# «وقع الهجوم»); result verbs («أسفر عن مقتل») are left to the filter.
TOOK_PLACE = frozenset({
    "اندلع", "اندلعت", "وقع", "وقعت", "جرت", "جري", "شهد", "شهدت", "تجدد", "تجددت", "انطلق",
    "انطلقت", "نظم", "نظمت", "نفذ", "نفذت", "شن", "شنت",
})
# Passive periphrasis: «تم العثور»، «جرى اعتقال» assert that the act took place.
_DID = frozenset({"قام", "قامت", "قاموا", "وقام", "وقامت", "وقاموا", "فقام", "فقامت"})
PASSIVE_AUX = frozenset({"تم", "وتم", "فتم", "جري", "وجري"})
SUBJUNCTIVE = frozenset({"ان", "لان", "كي", "لكي", "حتي", "لن"})
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_SINCE_YEARS = re.compile(r"منذ\s+(?:\S+\s+)?(?:سنوات|اعوام|عقود|عقد|سنه|عام|عامين|سنتين)")
_STRIP = ("و", "ف")


@dataclass(slots=True)
class Flags:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    goal: bool = False  # the trigger names an aim or a kind of act, not an occurrence
    relative: bool = False  # in a relative clause («الذي اغتالته إسرائيل»): background
    anchored: bool = False  # a count or a time word next to the trigger (3 words either side)
    counted: bool = False  # the figures stage counted this trigger's victims («قتل 13 ...»)
    occurred: bool = False  # a noun said to have happened («اندلعت مواجهات»، «الهجوم الذي وقع»)
    present: bool = False  # the sentence dates it to the article's present («أمس»، «الخميس»)
    background: bool = False  # after «بعد / عقب / إثر / منذ» or near «في وقت سابق»
    old_year: bool = False  # a year near it that is not known to be the present one
    asserted: bool = False  # a perfect verb or «تم + noun»: the text asserts the act
    main: bool = False  # the trigger opens its clause («هاجم مسلحون ...»، «وأمس قتل ...»)
    took_place: bool = False  # the subject or object of «وقع / اندلع / شن» (not «أسفر عن»)
    trap: bool = False  # another reading of the word («متظاهرا بأنه»، «ضربات اقتصادية»)


def _bare(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in _STRIP else w


def _unsuffixed(w: str) -> str:
    """A verb without its object pronoun: «شنتها» → «شنت», «نفذه» → «نفذ»."""
    for suf in ("ها", "هم", "ه"):
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            return w[: -len(suf)]
    return w


def is_future_verb(form: str) -> bool:
    """«سيقتل»، «ستعقد»: the future prefix س on an imperfect verb."""
    f = _bare(form)
    return len(f) > 4 and f[0] == "س" and f[1] in "يتنا"


def is_imperfect(form: str) -> bool:
    f = _bare(form)
    if f.startswith("ل") and len(f) > 4:
        f = f[1:]
    return len(f) > 3 and f[0] in "يتن"


@dataclass(slots=True)
class _SentenceWords:
    """What every candidate of a sentence reads from it, computed once per sentence."""

    sent: Sentence
    ntext: str
    norms: list[str]  # the folded tokens
    present: bool  # a word of the article's present («أمس»، «الخميس»)
    digits: bool  # a digit: a year may be named
    past: bool  # «سابق» or «الماضي»: an earlier time may be named
    since: bool  # «منذ»


_DIGIT = re.compile(r"\d")
_last: list[_SentenceWords] = []  # the last sentence read: its candidates come together


def _words(ntext: str, sent: Sentence) -> _SentenceWords:
    last = _last[0] if _last else None  # read once: another thread may replace it
    if last is not None and last.sent is sent and last.ntext is ntext \
            and len(last.norms) == len(sent.tokens):
        return last
    toks = sent.tokens
    norms = [t.norm for t in toks]
    # The cue patterns below can only match inside the sentence, and each needs one of
    # these words or a digit: a sentence without them skips their searches.
    lo, hi = (toks[0].nstart, toks[-1].nend) if toks else (0, 0)
    seg = ntext[lo:hi]
    sw = _SentenceWords(sent, ntext, norms, not PRESENT.isdisjoint(norms),
                        _DIGIT.search(seg) is not None, "سابق" in seg or "الماضي" in seg,
                        "منذ" in seg)
    _last[:] = [sw]
    return sw


_STILL = frozenset({"يزال", "تزال", "زال", "زالت", "يزالون"})  # «لا يزال / ما زال»


def read_flags(ntext: str, sent: Sentence, token: int, pos: str, form: str,
               published: dt.date | None, clause_start: int = 0) -> Flags:
    """The modality flags of the trigger at ``sent.tokens[token]``."""
    toks = sent.tokens
    sw = _words(ntext, sent)
    norms = sw.norms
    before = norms[max(clause_start, token - 4):token]
    near = before[-3:]
    fl = Flags()
    if not NEGATORS.isdisjoint(near):
        # «لا يزال / ما زال» (still) and «غير أن» (however) do not negate
        if _STILL.isdisjoint(before) and \
                not (near and near[-1] in ("غير", "ما") and pos == "n"):
            fl.negated = True
    if not HYPO.isdisjoint(before) or (near and near[-1] in ("ان", "لان") and pos == "v"
                                       and is_imperfect(form) and "قد" in before):
        fl.hypothetical = True
    # the relative pronoun itself opens the clause, so it is read from the raw tokens
    if not RELATIVES.isdisjoint(norms[max(0, token - 2):token]):
        fl.relative = True
    fl.main = token - clause_start <= 1
    if before and before[-1] in GOAL:
        fl.goal = True
    if pos == "v" and is_future_verb(form) or not FUTURE_BEFORE.isdisjoint(before):
        fl.future = True
    after = norms[token + 1:token + 8]
    if pos == "n":
        lead = [_bare(w) for w in near[-2:]]
        follow = [_bare(w) for w in after[:4] if w not in RELATIVES]
        fl.occurred = not OCCUR.isdisjoint(lead) or not OCCUR.isdisjoint(follow[:2])
        # the noun itself is the subject («وقع الهجوم»، «الهجوم الذي وقع»): not after a
        # preposition («جرت لتفجير») nor before a condition («لقصف إذا اندلع نزاع»)
        fl.took_place = form[:1] not in "لبك" and not TOOK_PLACE.isdisjoint(lead[-1:]) or \
            any(_unsuffixed(w) in TOOK_PLACE for w in follow[:1])  # «الهجمات التي شنتها»
    if after and (after[0] in TRAP_AFTER or _bare(after[0]) in TRAP_AFTER):
        fl.trap = True
    if "تظاهر" in form and _PRETEND.match(ntext, toks[token].nend):
        fl.trap = True
    # a conjoined imperfect shares the modality of the verb it follows («قد يعيدون ... ويشنون»)
    if not fl.hypothetical and pos == "v" and form[:1] in "وف" and is_imperfect(form) and \
            not HYPO.isdisjoint(norms[max(clause_start, token - 8):token]):
        fl.hypothetical = True
    window = near + after[:4]
    fl.anchored = not ANCHORS.isdisjoint(window) or any(w[:1].isdigit() for w in window)
    fl.present = sw.present
    fl.background = any(_bare(w) in BACKGROUND_PREP or w in BACKGROUND_PREP for w in near[-2:])
    if pos == "v":
        bare = _bare(form)
        fl.asserted = not (is_imperfect(form) or is_future_verb(form)
                           or len(bare) == 3 and bare[0] in "يت"  # «يشن»، «تشن»
                           or near and near[-1] in SUBJUNCTIVE)
    else:  # «تم العثور»، «قام مسلحون بخطف»
        fl.asserted = bool(near) and near[-1] in PASSIVE_AUX or \
            form[:1] == "ب" and not _DID.isdisjoint(near)
    if not FUTURE_AFTER.isdisjoint(after):
        fl.future = True
    lo = toks[max(0, token - 10)].nstart
    hi = toks[min(len(toks) - 1, token + 10)].nend
    if sw.digits:
        for m in _YEAR.finditer(ntext, lo, hi):
            year = int(m.group(1))
            if published is None or year < published.year:
                fl.old_year = True
            if published is not None and year < published.year - 1:
                fl.historical = True
                break
    if sw.past and (_EARLIER.search(ntext, lo, hi) or _PERIOD.search(ntext, lo, hi)) or \
            "منذ" in after[:6] or "ومنذ" in after[:6]:
        fl.background = True
    if not fl.historical:
        lo = toks[max(0, token - 6)].nstart
        if sw.since and _SINCE_YEARS.search(ntext, lo, toks[token].nstart) or \
                not BACKGROUND.isdisjoint(before):
            fl.historical = True
    return fl
