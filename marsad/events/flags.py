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


_last_present: list[object] = [None, False]  # (sentence, answer): its candidates share it


def _has_present(sent: Sentence) -> bool:
    if _last_present[0] is not sent:
        _last_present[0] = sent
        _last_present[1] = not PRESENT.isdisjoint([t.norm for t in sent.tokens])
    return bool(_last_present[1])


def read_flags(ntext: str, sent: Sentence, token: int, pos: str, form: str,
               published: dt.date | None, clause_start: int = 0) -> Flags:
    """The modality flags of the trigger at ``sent.tokens[token]``."""
    toks = sent.tokens
    before = [t.norm for t in toks[max(clause_start, token - 4):token]]
    near = before[-3:]
    fl = Flags()
    if any(w in NEGATORS for w in near):
        # «لا يزال / ما زال» (still) and «غير أن» (however) do not negate
        if not any(w in ("يزال", "تزال", "زال", "زالت", "يزالون") for w in before) and \
                not (near and near[-1] in ("غير", "ما") and pos == "n"):
            fl.negated = True
    if any(w in HYPO for w in before) or (near and near[-1] in ("ان", "لان") and pos == "v"
                                           and is_imperfect(form) and "قد" in before):
        fl.hypothetical = True
    # the relative pronoun itself opens the clause, so it is read from the raw tokens
    raw = [t.norm for t in toks[max(0, token - 2):token]]
    if any(w in RELATIVES for w in raw):
        fl.relative = True
    fl.main = token - clause_start <= 1
    if before and before[-1] in GOAL:
        fl.goal = True
    if pos == "v" and is_future_verb(form) or any(w in FUTURE_BEFORE for w in before):
        fl.future = True
    after = [t.norm for t in toks[token + 1:token + 8]]
    if pos == "n":
        lead = [_bare(w) for w in near[-2:]]
        follow = [_bare(w) for w in after[:4] if w not in RELATIVES]
        fl.occurred = any(w in OCCUR for w in lead) or any(w in OCCUR for w in follow[:2])
        # the noun itself is the subject («وقع الهجوم»، «الهجوم الذي وقع»): not after a
        # preposition («جرت لتفجير») nor before a condition («لقصف إذا اندلع نزاع»)
        fl.took_place = form[:1] not in "لبك" and any(w in TOOK_PLACE for w in lead[-1:]) or \
            any(_unsuffixed(w) in TOOK_PLACE for w in follow[:1])  # «الهجمات التي شنتها»
    if after and (after[0] in TRAP_AFTER or _bare(after[0]) in TRAP_AFTER):
        fl.trap = True
    if "تظاهر" in form and _PRETEND.match(ntext, toks[token].nend):
        fl.trap = True
    # a conjoined imperfect shares the modality of the verb it follows («قد يعيدون ... ويشنون»)
    if not fl.hypothetical and pos == "v" and form[:1] in "وف" and is_imperfect(form) and \
            any(t.norm in HYPO for t in toks[max(clause_start, token - 8):token]):
        fl.hypothetical = True
    fl.anchored = any(w[:1].isdigit() or w in ANCHORS for w in near + after[:4])
    fl.present = _has_present(sent)
    fl.background = any(_bare(w) in BACKGROUND_PREP or w in BACKGROUND_PREP for w in near[-2:])
    if pos == "v":
        bare = _bare(form)
        fl.asserted = not (is_imperfect(form) or is_future_verb(form)
                           or len(bare) == 3 and bare[0] in "يت"  # «يشن»، «تشن»
                           or near and near[-1] in SUBJUNCTIVE)
    else:  # «تم العثور»، «قام مسلحون بخطف»
        fl.asserted = bool(near) and near[-1] in PASSIVE_AUX or \
            form[:1] == "ب" and any(w in _DID for w in near)
    if any(w in FUTURE_AFTER for w in after):
        fl.future = True
    lo = toks[max(0, token - 10)].nstart
    hi = toks[min(len(toks) - 1, token + 10)].nend
    for m in _YEAR.finditer(ntext, lo, hi):
        year = int(m.group(1))
        if published is None or year < published.year:
            fl.old_year = True
        if published is not None and year < published.year - 1:
            fl.historical = True
            break
    if _EARLIER.search(ntext, lo, hi) or _PERIOD.search(ntext, lo, hi) or \
            any(w in ("منذ", "ومنذ") for w in after[:6]):
        fl.background = True
    if not fl.historical:
        lo = toks[max(0, token - 6)].nstart
        if _SINCE_YEARS.search(ntext, lo, toks[token].nstart) or \
                any(w in BACKGROUND for w in before):
            fl.historical = True
    return fl
