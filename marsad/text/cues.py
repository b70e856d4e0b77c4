"""Lexicons of reported speech and attribution, folded, compiled once at import.

Everything here is matched on the *folded* text (see :mod:`marsad.text.normalize`):
no diacritics or tatweel, أإآ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي. The lexicon entries are written
in ordinary Arabic and folded with :func:`fold` when the module loads, so they can be
read and extended by anyone who reads Arabic.

* :data:`CUE_RE` finds a speech verb in any person, gender, number and voice, with the
  clitics و ف ل before it and an object pronoun after it (قالت، وأضافوا، فقد صرح،
  لتؤكد، يقولون، قيل، حذرتها) and the circumstantial participles (قائلا، مضيفةً،
  مشيرين), plus a few verbal nouns (إعلان، إعراب، تأكيد، تحذير، اتهام) that report speech
  only with their speaker and a preposition after them. Nouns such as «مقال»،
  «انتقال»، «القائل» never match: a cue starts at a word boundary with nothing but
  those clitics before it. Forms that are mostly something else are left out (يُعتبر
  «is considered», يُدعى «is named», يعدّ «counts as»).
* :data:`ATTRIB_RE` finds an attribution phrase: بحسب، حسب، وفق، وفقا لـ، طبقا لـ،
  نقلا عن، استنادا إلى، optionally followed by «ما» and a speech verb (حسب ما ذكرت،
  وفق ما ذكرته، على ما أفادت).
* Word sets tell where a speaker's noun phrase stops (prepositional phrases, time
  words, addressees such as «للصحفيين») and which clause words end a look-back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text.normalize import fold
from marsad.text.trie import trie_pattern

# -- speech verbs -------------------------------------------------------------------------
# (past 3rd masc. sing., present stem without its prefix, participle stem, prepositions
# that may open the content, irregular forms). Sound verbs get the regular endings; the
# hollow and defective ones (قال، رأى، دعا، نفى) list the forms that do not follow them.


@dataclass(frozen=True, slots=True)
class Verb:
    past: str
    present: str
    participle: str = ""
    preps: str = ""  # space-separated prepositions that may open the content
    extra: tuple[str, ...] = ()  # irregular forms
    direct_only: bool = False  # a quotation mark must follow closely (تابع، كتب); no preposition
    prep_only: bool = False  # the content must open with one of ``preps`` (أعرب عن)
    masdar: bool = False  # a verbal noun (إعلان X عن): needs its speaker named after it


_VERBS: tuple[Verb, ...] = (
    Verb("قال", "قول", "قائل", "", ("قالت", "قالوا", "قالا", "قالتا", "قيل", "يقال", "يقول",
                                   "تقول", "يقولون", "تقولون")),
    Verb("أكد", "ؤكد", "مؤكد", "على"),
    Verb("أوضح", "وضح", "موضح"),
    Verb("أشار", "شير", "مشير", "إلى"),
    Verb("أضاف", "ضيف", "مضيف"),
    Verb("صرح", "صرح", "مصرح"),
    Verb("أعلن", "علن", "معلن", "عن"),
    Verb("ذكر", "ذكر", "مذكر", "", ("ذكر", "يذكر")),
    Verb("أفاد", "فيد", "مفيد", "ب", ("أفيد", "يفاد")),
    Verb("نقل", "نقل", "ناقل", "عن"),
    Verb("حذر", "حذر", "محذر", "من"),
    Verb("دعا", "دعو", "داعي", "إلى", ("دعت", "دعوا", "دعتا", "يدعون", "تدعون")),
    Verb("اعتبر", "عتبر", "معتبر", "", ("اعتبرت", "اعتبروا")),  # not يعتبر («is considered»)
    Verb("تابع", "تابع", "", "", (), True),
    Verb("كشف", "كشف", "كاشف", "عن"),
    Verb("لفت", "لفت", "لافت", "إلى"),
    Verb("شدد", "شدد", "مشدد", "على"),
    Verb("رأى", "رى", "", "", ("رأت", "رأوا", "يرون", "يرى", "ترى")),
    Verb("وصف", "صف", "واصف", "ب"),
    Verb("نفى", "نفي", "نافي", "", ("نفت", "نفوا", "ينفون", "ينفي", "تنفي")),
    Verb("اتهم", "تهم", "متهم", "ب"),
    Verb("طالب", "طالب", "مطالب", "ب"),
    Verb("أعرب", "عرب", "معرب", "عن", prep_only=True),
    Verb("عبر", "عبر", "معبر", "عن", prep_only=True),
    Verb("كتب", "كتب", "", "", (), True),
    Verb("أخبر", "خبر", "مخبر", "عن ب"),
    Verb("أبلغ", "بلغ", "", "عن ب"),
    Verb("أورد", "ورد", "مورد"),
    Verb("أشاد", "شيد", "مشيد", "ب"),
    Verb("ندد", "ندد", "مندد", "ب"),
    Verb("رحب", "رحب", "مرحب", "ب"),
    Verb("وعد", "وعد", "واعد", "ب", ("وعدت", "وعدوا")),  # not يعد/تعد («is considered»)
    Verb("انتقد", "نتقد", "منتقد"),
    Verb("أقر", "قر", "", "ب"),  # no participle: «مقرا» is «headquarters»
    Verb("اعترف", "عترف", "معترف"),  # «تعترف بإسرائيل» recognises: only «اعترف بأن/أنه»
    Verb("نوه", "نوه", "منوه", "إلى ب"),
    Verb("ألح", "لح", "ملح", "على"),
    Verb("زعم", "زعم", "زاعم"),
    Verb("ادعى", "دعي", "مدعي", "", ("ادعت", "ادعوا")),  # not يدعى/تدعى («is named»)
    Verb("استبعد", "ستبعد", "مستبعد"),
    Verb("برر", "برر", "مبرر", "ب"),
    Verb("هتف", "هتف", "هاتف", "", (), True),
    Verb("أبدى", "بدي", "مبدي", "", ("أبدت", "أبدوا", "يبدي", "تبدي")),
    Verb("حث", "حث", "حاث", "على"),
    Verb("ناشد", "ناشد", "مناشد"),
    Verb("أخطر", "خطر", "", "ب"),
    Verb("روى", "روي", "راوي", "", ("روت", "رووا", "يروي", "تروي")),
    Verb("تساءل", "تساءل", "متسائل", "عن"),
)
# Verbal nouns that report speech when their speaker follows them («إعلان الوزارة عن»).
_MASDARS: tuple[Verb, ...] = (
    Verb("إعلان", "", "", "عن", prep_only=True, masdar=True),
    Verb("إعلانه", "", "", "عن", prep_only=True, masdar=True),
    Verb("إعراب", "", "", "عن", prep_only=True, masdar=True),
    Verb("تأكيد", "", "", "على", prep_only=True, masdar=True),
    Verb("تحذير", "", "", "من", prep_only=True, masdar=True),
    Verb("اتهام", "", "", "ب", prep_only=True, masdar=True),
)
# Verbs that take a person as object pronoun (حذرتها، يتهمونه، وصفها); no other verb
# carries «ـه، ـها ...» as a cue («الحكم» is not «ألحّ» + «ـكم»).
OBJECT_PRONOUN_VERBS = frozenset({
    "اتهم", "حذر", "وصف", "أبلغ", "أخبر", "طالب", "دعا", "ناشد", "حث", "أخطر", "وعد",
    "قال", "ذكر", "نقل", "أورد", "أكد", "أعلن", "نفى", "روى", "كشف",
})
# «من جهته»، «من جانبها»: a discourse adjunct, not a partitive in the speaker's name.
SIDE_WORDS = frozenset(fold(w) for w in (
    "جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "ناحيته", "ناحيتها", "طرفه", "طرفها",
))
# Verbs whose content may be a plain object noun phrase after an adjunct
# («أعلنت الوكالة، الأربعاء، مقتل فلسطيني»).
OBJECT_VERBS = frozenset({"أعلن", "أكد", "نفى", "كشف", "انتقد", "استبعد"})

# Participles whose plural in ين is also an ordinary noun (متهمين «suspects»).
_NO_PLURAL_PARTICIPLE = {"متهم", "مقر", "ملح", "معبر", "مبلغ", "مفيد", "مورد", "هاتف", "كاتب"}


_IRREGULAR = frozenset({"قال", "دعا", "نفى", "رأى", "ادعى", "أبدى", "روى", "وعد", "اعتبر"})


def _forms(v: Verb) -> tuple[list[str], list[str]]:
    """(finite forms, participle forms), folded."""
    finite: list[str] = [v.past]
    if v.masdar:
        return [fold(v.past)], []
    if v.past not in _IRREGULAR:
        finite += [v.past + e for e in ("ت", "وا", "ا", "تا")]
        for p in ("ي", "ت"):
            finite += [p + v.present + e for e in ("", "ون", "ان")]
    finite += list(v.extra)
    parts: list[str] = []
    if v.participle:
        if v.participle.endswith("ي"):  # داعي → داعيا، داعية، داعين
            endings = ["ا", "ة", "ن"]
        elif v.participle in _NO_PLURAL_PARTICIPLE:
            endings = ["ا", "ة"]
        else:
            endings = ["ا", "ة", "ين"]
        parts += [v.participle + e for e in endings]
    return sorted({fold(f) for f in finite}), sorted({fold(f) for f in parts})


VERB_OF: dict[str, Verb] = {}  # folded form → its verb
PARTICIPLES: set[str] = set()
for _v in _VERBS + _MASDARS:
    _fin, _par = _forms(_v)
    for _f in _fin:
        VERB_OF.setdefault(_f, _v)
    for _f in _par:
        VERB_OF.setdefault(_f, _v)
        PARTICIPLES.add(_f)

PREPS_OF: dict[Verb, frozenset[str]] = {
    v: frozenset(fold(p) for p in v.preps.split()) for v in _VERBS + _MASDARS
}





_OBJ = "ه|ها|هم|هما|هن|نا|ني|كم"
CUE_RE = re.compile(
    r"(?<!\w)(?P<pre>(?:و|ف)?ل?)(?P<verb>" + trie_pattern(VERB_OF) + rf")(?P<obj>{_OBJ})?(?!\w)"
)
"""A speech verb with its clitics; groups ``pre``, ``verb`` (folded form), ``obj``."""


def cue_gender(form: str) -> str:
    """``f``, ``m`` or ``p`` (plural) from a folded verb or participle form."""
    if form in PARTICIPLES:
        if form.endswith("ين") or form.endswith("ين"[1:]) and form[-2] == "ي":
            return "p"
        return "f" if form.endswith("ه") else "m"
    v = VERB_OF.get(form)
    if v is not None and form == fold(v.past):
        return "m"
    if form.endswith(("وا", "ون")):
        return "p"
    if form.startswith("ت") or form.endswith(("ت", "تا")):
        return "f"
    return "m"


# -- content openers --------------------------------------------------------------------
# أنّ / إنّ and their pronoun-suffixed forms, folded to «ان...», with an optional ب.
ANNA = frozenset(
    pre + "ان" + suf for pre in ("", "ب")
    for suf in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم")
)
OPEN_MARKS = "«“\"„"
CLOSE_OF = {"«": "»", "“": "”", '"': '"', "„": "“"}
CLOSE_MARKS = "»”\""
# Words before أن that make it a conjunction, not a content opener (بعد أن، قبل أن ...).
NOT_OPENER_BEFORE = frozenset(fold(w) for w in (
    "بعد", "قبل", "منذ", "حتى", "رغم", "برغم", "بدل", "بدلا", "دون", "لو", "يجب", "ينبغي",
    "يمكن", "بمجرد", "لاسيما", "غير", "إلا", "سبق", "يبدو", "ما", "مع",
))
# ب-words that are part of a speaker phrase or an adjunct, never the content.
NOT_BA_CONTENT = frozenset(fold(w) for w in (
    "باسم", "بدوره", "بدورها", "بدورهم", "بحسب", "بعد", "بين", "بيان", "بالقول", "بلسان",
    "بذلك", "بالنسبة", "بتصريح", "بتصريحات", "بوزارة", "بالحكومة", "بحكومة", "بالأمم",
    "بالجيش", "بالشرطة", "بالمنطقة", "بمدينة", "بمنطقة", "بمحافظة", "بولاية", "بالمدينة",
    "بينما", "بوضوح", "بشدة", "بالفعل", "بالتزامن",
))

# -- where a speaker phrase stops -------------------------------------------------------
# A word that starts an adjunct after the speaker: a preposition, a time word, an
# addressee (للصحفيين، لوكالة ...), a discourse word.
ADJUNCT_WORDS = frozenset(fold(w) for w in (
    "في", "خلال", "عبر", "أمام", "على", "مع", "عن", "لدى", "إلى", "اليوم", "أمس", "غدا",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "يوم", "صباح", "مساء", "ليل", "ليلة", "فجر", "ظهر", "عصر", "صباحا", "مساء", "ظهرا",
    "مؤخرا", "سابقا", "لاحقا", "أيضا", "كذلك", "بدوره", "بدورها", "بدورهم", "حينها",
    "وقتها", "آنذاك", "حاليا", "الليلة", "فور", "إثر", "عقب", "بعد", "قبل", "أثناء",
    "لها", "له", "لهم", "لهما", "لنا", "بالقول", "مجددا", "بوضوح", "بشدة", "صراحة",
    "فيها", "فيه", "عليها", "عليه", "مرة", "مرارا", "تكرارا", "كذلك", "بدوره",
    "ميدانيا", "رسميا", "علنا", "علنيا", "محليا", "هاتفيا", "تلفزيونيا", "إعلاميا", "صحفيا",
    "شخصيا", "كتابيا", "بدورها", "للجميع", "بالفعل", "أخيرا", "مطولا", "للصحيفة",
    "للوكالة", "للقناة", "للموقع", "للشبكة", "للمجلة", "للمراسلين", "للحضور", "للمواطنين",
    "للصحفيين", "للصحافيين", "للصحافة", "للإعلام", "للتلفزيون", "للإذاعة", "لوسائل",
    "لوكالة", "لشبكة", "لقناة", "لصحيفة", "لموقع", "لفرانس", "لرويترز", "لإذاعة",
    "لتلفزيون", "للجزيرة", "للعربية", "لمراسل", "لمراسلنا", "للأناضول", "لسبوتنيك",
    "لوكالات", "لصحف", "لبي", "لسي", "لأسوشيتد", "لـ", "حسب", "بحسب", "وفق", "وفقا",
    "نقلا", "طبقا", "استنادا", "تعليقا", "ردا", "تعقيبا", "تقريبا", "الماضي", "الماضية",
    "الحالي", "الجاري", "المقبل", "الفائت", "الفارط", "منذ", "حين", "عندما", "بينما",
    "فيما", "حيث", "إذ", "لكن", "غير",
))
# Words that open a new clause or a relative clause: a look-back for an SVO subject
# stops at them.
CLAUSE_WORDS = frozenset(fold(w) for w in (
    "حيث", "فيما", "بينما", "لكن", "ولكن", "بدوره", "بدورها", "بدورهم", "كما", "وكما",
    "قد", "وقد", "فقد", "لقد", "هذا", "وهذا", "كان", "كانت", "وكان", "وكانت", "فكان",
    "أن", "إن", "بأن", "وأن", "وإن", "لأن", "أنه", "إنه", "أنها", "إنها", "إذ", "إذا",
    "عندما", "حين", "ثم", "كذلك", "أيضا", "وفي", "في", "من", "منذ", "بعد", "قبل", "إلا",
    "ولم", "لم", "لن", "وهو", "وهي", "هو", "هي", "جهته", "جهتها", "جانبه", "جانبها",
    "جهتهم", "جانبهم", "أما", "وأما", "ف", "و", "ذلك", "كل", "وسط", "بسبب", "يذكر",
    "ويذكر", "الجدير", "بالذكر", "وهم", "هم", "وهما", "نحو", "مثل", "بعدما", "قبلما",
    "حينما", "طالما", "كلما", "لما", "ريثما", "وبأن", "وإذ", "ولأن", "ولكن", "بل",
))
# Words before a verb that make it no statement: negation (لم تعلن أي جهة), a relative
# «ما» (وهو ما أكده), a preposition before a verbal noun (من كشف بؤرة).
NOT_CUE_BEFORE = frozenset(fold(w) for w in (
    "لم", "ولم", "فلم", "لن", "ولن", "لا", "ولا", "فلا", "ما", "وما", "مما", "بما", "عما",
    "من", "في", "على", "إلى", "عن", "حول", "بشأن", "دون", "عدم", "يذكر", "ويذكر",
))
# Speakers of scripture citations (قال الله تعالى), not of news statements.
SCRIPTURE = frozenset(fold(w) for w in ("الله", "تعالى", "سبحانه", "عز"))
# Heads of a title or role that may take «في» inside the speaker's phrase
# («المسؤول في المار صالح محمد صالح»، «مسؤول في القنصلية الأميركية»).
TITLE_HEADS = frozenset(fold(w) for w in (
    "مسؤول", "المسؤول", "مسؤولون", "مسؤولين", "مصدر", "المصدر", "مصادر", "المصادر", "ضابط",
    "الضابط", "عضو", "العضو", "الكولونيل", "العقيد", "اللواء", "العميد", "خبير", "الخبير",
    "باحث", "الباحث", "أستاذ", "الأستاذ", "قيادي", "القيادي", "ناشط", "الناشط", "ناشطون",
    "مراسل", "المراسل", "موظف", "الموظف", "طبيب", "الطبيب", "أحد", "إحدى", "عدد",
))
# Documents and statements: a speaker named «البيان» is the body that issued it.
DOC_HEADS = frozenset(fold(w) for w in (
    "بيان", "البيان", "تقرير", "التقرير", "الرسالة", "رسالة", "نص", "التصريح", "تصريح",
))
# A speaker phrase ends at a relative clause or a parenthetical «وهو ...».
SPEAKER_END_WORDS = frozenset(fold(w) for w in (
    "الذي", "التي", "الذين", "والذي", "والتي", "والذين", "وهو", "وهي", "وهم", "ممن", "كي",
    "قوله", "قولها", "قولهم", "بالقول",
))
RELATIVE_WORDS = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
# Content that is only a name or a noun phrase is not speech («أكد تأكيد»).
TIME_WORDS = frozenset(fold(w) for w in (
    "اليوم", "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "صباح", "مساء", "يوم", "يناير", "فبراير", "مارس", "أبريل", "إبريل",
    "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون",
    "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "الثاني",
    "الأول", "فيفري", "جانفي", "أفريل", "جوان", "جويلية", "أوت",
))

# -- attribution without a speech verb --------------------------------------------------
_ATTRIB_HEADS = (
    r"(?:(?:وب|فب|ب|و)?حسب(?:ما)?|(?:و|ف)?وفق(?:ما)?|(?:و|ف)?نقلا\s+عن|(?:و|ف)?استنادا\s+الي"
    r"|(?:و|ف)?علي\s+ما)(?!\w)|(?:و|ف)?(?:وفقا|طبقا|استنادا)\s+لل?(?=\w)"
)
_SPEECH_AFTER_MA = (
    r"(?:ذكر|ذكرت|ذكره|ذكرته|افاد|افادت|افاده|افادته|اعلن|اعلنت|اعلنه|اعلنته|قال|قالت|قاله|"
    r"قالته|صرح|صرحت|اورد|اوردت|اوردته|اورده|نقل|نقلت|نقلته|نقله|اكد|اكدت|اكده|اكدته|اوضح|"
    r"اوضحت|كشف|كشفت|نشر|نشرت|نشرته|نشره|بث|بثت|بثته|اشار|اشارت|يقول|تقول|يقوله|تقوله|"
    r"جاء|ورد|افيد)"
)
ATTRIB_RE = re.compile(
    rf"(?<!\w)(?P<head>{_ATTRIB_HEADS})(?:\s*(?P<ma>ما)?\s*(?P<sverb>{_SPEECH_AFTER_MA})"
    r"(?!\w))?\s*"
)
"""An attribution phrase; the source's noun phrase follows ``m.end()``."""
_ATTRIB_KEY = re.compile("حسب|وفق|طبقا|نقلا|استنادا|علي ما")


def find_attributions(ntext: str) -> list[re.Match[str]]:
    """Every :data:`ATTRIB_RE` match in ``ntext``; a cheap literal scan finds the places
    to try, since the full pattern is slow to run at every offset."""
    out: list[re.Match[str]] = []
    last = -1
    for km in _ATTRIB_KEY.finditer(ntext):
        for st in range(max(0, km.start() - 2), km.start() + 1):
            if st <= last:
                continue
            m = ATTRIB_RE.match(ntext, st)
            if m is not None:
                out.append(m)
                last = m.end()
                break
    return out
# «على ما» only attribute when a speech verb follows (كما أفادت، على ما أفادت).
NEEDS_SPEECH_VERB = frozenset({"علي"})

# Heads of an attribution that name a relay, not a speaker: news agencies, media,
# documents. A bare «بحسب وكالات أنباء» is a source, not a quote.
RELAY_HEADS = frozenset(fold(w) for w in (
    "وكالة", "وكالات", "الوكالة", "الوكالات", "بيان", "البيان", "تقرير", "التقرير",
    "تقارير", "التقارير", "وسائل", "مصادر إعلامية", "صحيفة", "الصحيفة", "صحف", "الصحف",
    "قناة", "القناة", "تلفزيون", "التلفزيون", "إذاعة", "الإذاعة", "موقع", "وثيقة",
))
# Nouns after وفق/حسب that are not sources at all (وفق القانون، حسب الخطة).
NOT_SOURCE_HEADS = frozenset(fold(w) for w in (
    "القانون", "قانون", "الاتفاق", "اتفاق", "الاتفاقية", "اتفاقية", "القرار", "قرار",
    "الخطة", "خطة", "المعايير", "معايير", "الدستور", "دستور", "الشريعة", "المادة", "مادة",
    "البرنامج", "برنامج", "الجدول", "جدول", "الحاجة", "الظروف", "الأصول", "الإجراءات",
    "إجراءات", "الأولوية", "المعلومات", "معلومات", "التوقيت", "توقيت", "الموعد", "المقرر",
    "الطلب", "طلب", "رغبة", "رغبته", "ما", "نقرأه", "الشروط", "شروط", "مبدأ", "المبدأ",
    "أحكام", "الأحكام", "النظام", "نظام", "التقاليد", "العادة", "العادات", "السياق",
    "الترتيبات", "تقديرات", "التقديرات", "الإحصاءات", "إحصاءات", "رأي", "رأيه", "رأيها",
    "الرواية", "رواية", "نص", "النص", "الأعراف", "اللوائح", "الأرقام", "أرقام",
))
# Definite descriptions that refer back to a named organisation or person.
ANAPHORS = frozenset(fold(w) for w in (
    "المنظمة", "الوزارة", "الوكالة", "الصحيفة", "الشرطة", "الحكومة", "المرصد", "الجيش",
    "المصدر", "المصادر", "المتحدث", "المتحدثة", "الناطق", "الناطقة", "البيان", "الرئاسة",
    "الحركة", "الجبهة", "اللجنة", "المجلس", "الهيئة", "المكتب", "القناة", "الموقع",
    "الوزير", "الوزيرة", "الرئيس", "المسؤول", "الأمين", "المبعوث", "التنظيم", "الجماعة",
    "الائتلاف", "البعثة", "المؤسسة", "الجهاز", "المديرية", "الإدارة", "السلطات",
))
