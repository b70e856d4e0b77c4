"""Negation, modality, future, background and goal readings of a trigger in its sentence.

Read from the folded words around the trigger: «لم يُقتل أحد» (negated), «قد يشنّ» /
«في حال» (hypothetical), «سيعقد» / «من المقرر» / «الأسبوع المقبل» (future), «في عام 2014» /
«منذ سنوات» / «ذكرى» (historical background), and «وقف إطلاق النار» / «لمنع الهجمات»
(a goal or a generic act, not an occurrence). The same cues feed the learnt filter.
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


def _bare(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in _STRIP else w


def is_future_verb(form: str) -> bool:
    """«سيقتل»، «ستعقد»: the future prefix س on an imperfect verb."""
    f = _bare(form)
    return len(f) > 4 and f[0] == "س" and f[1] in "يتنا"


def is_imperfect(form: str) -> bool:
    f = _bare(form)
    if f.startswith("ل") and len(f) > 4:
        f = f[1:]
    return len(f) > 3 and f[0] in "يتن"


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
    if near and (near[-1] in RELATIVES or len(near) > 1 and near[-2] in RELATIVES):
        fl.relative = True
    if before and before[-1] in GOAL:
        fl.goal = True
    if pos == "v" and is_future_verb(form) or any(w in FUTURE_BEFORE for w in before):
        fl.future = True
    after = [t.norm for t in toks[token + 1:token + 8]]
    if pos == "n":
        lead = [_bare(w) for w in near[-2:]]
        follow = [_bare(w) for w in after[:4] if w not in RELATIVES]
        fl.occurred = any(w in OCCUR for w in lead) or any(w in OCCUR for w in follow[:2])
    fl.anchored = any(w[:1].isdigit() or w in ANCHORS for w in near + after[:4])
    if any(w in FUTURE_AFTER for w in after):
        fl.future = True
    if published is not None:
        lo = toks[max(0, token - 10)].nstart
        hi = toks[min(len(toks) - 1, token + 10)].nend
        window = ntext[lo:hi]
        for m in _YEAR.finditer(window):
            if int(m.group(1)) < published.year - 1:
                fl.historical = True
                break
    if not fl.historical:
        lo = toks[max(0, token - 6)].nstart
        if _SINCE_YEARS.search(ntext, lo, toks[token].nstart) or \
                any(w in BACKGROUND for w in before):
            fl.historical = True
    return fl
