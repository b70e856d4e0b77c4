"""Word lists for the figures stage: what is not a casualty figure, qualifiers, kind cues.

Every pattern runs on folded text (see :mod:`marsad.text.normalize`), so lists are written
in ordinary Arabic and folded once at import. Verb and noun patterns allow the usual
clitics and inflection endings; they are matched as whole words.
"""

from __future__ import annotations

import itertools
import re

from marsad.text.normalize import fold
from marsad.text.trie import trie_pattern


def _alt(words: str) -> str:
    """A regex (prefix trie) for the folded, space-separated ``words``."""
    return trie_pattern({fold(w) for w in words.split()})


def expand(pattern: str) -> list[str]:
    """Every word a small pattern spells: letters, ``[..]``, ``(?:a|b)`` and ``?``.

    Cue lists are written compactly (``اصيب(?:ت|وا)?``) and expanded to words, so the
    scanning regex can be a prefix trie.
    """
    items, _ = _seq(pattern, 0)
    out = [""]
    for choices in items:
        out = [a + b for a, b in itertools.product(out, choices)]
    return out


def _seq(p: str, i: int) -> tuple[list[list[str]], int]:
    items: list[list[str]] = []
    while i < len(p) and p[i] not in "|)":
        if p.startswith("(?:", i):
            alts: list[str] = []
            i += 3
            while True:
                sub, i = _seq(p, i)
                words = [""]
                for choices in sub:
                    words = [a + b for a, b in itertools.product(words, choices)]
                alts.extend(words)
                if p[i] == ")":
                    i += 1
                    break
                i += 1  # "|"
            choice = alts
        elif p[i] == "[":
            j = p.index("]", i)
            choice, i = list(p[i + 1 : j]), j + 1
        else:
            choice, i = [p[i]], i + 1
        if i < len(p) and p[i] == "?":
            choice, i = [*choice, ""], i + 1
        items.append(choice)
    return items, i


def _rx(pattern: str) -> str:
    """Fold the Arabic letters of a regex pattern (no regex syntax is affected)."""
    return fold(pattern)


# --- What follows a number that is not a count of people or things affected -------------
_TIME = """عام عاما عامًا أعوام سنة سنوات سنين سنه شهر شهرا أشهر شهور أسبوع أسبوعا أسابيع
يوم يوما أيام صباحا مساء ظهرا فجرا ليلا ساعة ساعات دقيقة دقائق ثانية ثوان ثواني ليلة ليال ليالي عقد عقود قرن قرون
يومين شهرين أسبوعين عامين سنتين ساعتين دقيقتين"""
_MONTHS = """يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر
أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو ذي"""
_MONEY = """دولار دولارا دولارات يورو ريال ريالا ريالات دينار دينارا دنانير جنيه جنيها جنيهات
درهم درهما دراهم ليرة ليرات شيكل شيكلا شواكل روبل روبلا يوان فرنك تومان روبية روبيات
ين إسترليني استرليني"""
_MEASURE = """كيلومتر كيلومترا كيلومترات كم كلم متر مترا أمتار سنتيمتر ميل ميلا أميال طن طنا
أطنان كيلوغرام كيلوغراما كغ كلغ كجم غرام غراما لتر لترا برميل براميل هكتار هكتارا دونم
دونما ميغاواط ميجاوات درجة درجات بالمئة بالمائة بالمية بالمائه نقطة نقاط قدم أقدام
بوصة فدان فدانا كيلو باوند رطل ملم مم ملليمتر سنتيمترات سنتيمترا سم نسمة"""
# Counted nouns that are not people or things affected (places, rounds, waves).
_NOT_AFFECTED = """دول دولة بلدان بلدا محافظات محافظة مدن ولايات أقاليم قارات عواصم لغات مراحل
بنود جولات موجات حروب مدينة بلدة بلدات قرية قرى بلدية بلديات اتفاقات اتفاقيات نقاط محاور سنوات فقرات صفحات ملفات
أعيرة طلقات رصاصات رصاصة صوتا أصوات صوت مقعدا مقاعد ناخب ناخبا ناخبين لجنة لجان مرشحين
مرشحا مرشح دائرة دوائر مباراة مباريات أضعاف صفحة نائبا نواب"""
# A number right after these is a year, an article, a time or a rank, not a count.
_BEFORE = """عام العام لعام والعام وعام سنة السنة لسنة رقم الرقم برقم المادة مادة القرار قرار
الفقرة البند بند الساعة الصفحة صفحة العدد الطريق الرحلة رحلة الطائرة طراز الفئة المرتبة
المركز بالمركز المرتبة نسبة بنسبة بمعدل قانون القانون مرسوم المرسوم الآية السورة الإصدار
النسخة نسخة الحلقة الموسم الفصل الدورة الجولة
الكيلو كيلو عيار تعداد لكل بنتيجة نتيجة بأغلبية أغلبية الحافلة لم لن الحادي الثاني الثالث الرابع الخامس
السادس السابع الثامن التاسع العاشر الحادية الثانية الثالثة الرابعة الخامسة السادسة
السابعة الثامنة التاسعة العاشرة عامي العامين الدقيقة المرحلة الملف الجزء الطابق السطر الفيلق اللواء الفرقة الكتيبة العمر عمره عمرها بعمر"""

_UNITS = _alt(" ".join((_TIME, _MONTHS, _MONEY, _MEASURE)))
EXCLUDE_AFTER_RE = re.compile(
    # an optional second number of a pair («10 و15 درجة»، «29 و30 أيار»), then the unit
    r"(?:\s*(?:و|-|او|الي|حتي)\s*(?:ال)?\s*\d+(?:[.,]\d+)?)?\s*(?:"
    rf"[وبل]?(?:{_UNITS})(?!\w)"
    r"|(?:في|ب)\s*(?:ال)?(?:مايه|ميه)(?!\w)|%|\$|€|£|ه(?!\w)|ه\.|م(?!\w)|:\d|/\d"
    r"|(?:من\s+)?الشهر(?!\w)"
    rf"|من\s+(?:ال)?(?:عمر|شهر|{_alt(_MONTHS)}|{_alt(_MONEY)})(?!\w)|مرات\s+اكثر"
    r"|(?:(?:عاما|سنه)\s+)?من\s+(?:ال)?عمر(?!\w)|ب?توقيت(?!\w)"
    r"|[^\W\d_]*\s+(?:في|كل)\s+(?:ال)?(?:اسبوع|يوم|شهر|سنه|عام|ساعه|دقيقه)(?!\w)"
    rf"|(?:من\s+)?(?:ال)?(?:{_alt(_NOT_AFFECTED)})(?!\w))"
)
EXCLUDE_BEFORE_RE = re.compile(rf"(?<!\w)[وب]?(?:{_alt(_BEFORE)})\s*$|[$€£/#:]\s*$|(?<!\w)[وب]?ال\s*$")
AGE_RE = re.compile(_rx(r"(?:العمر|عمره|عمرها|عمرهم|بعمر|البالغ|البالغه|يبلغ|تبلغ|سن)\s*$"))

# --- Qualifiers ---------------------------------------------------------------------
_Q_BEFORE = {
    "at_least": r"(?:ما\s+)?لا\s+[يت]قل\s+(?:عن|عددهم\s+عن)|علي\s+الاقل",
    "more_than": r"[وبل]?اكثر\s+من|(?:ما\s+)?[يت](?:زيد|ربو|فوق|تجاوز)\s+(?:عن|علي|من)?"
                 r"|ازيد\s+من|ما\s+فوق|اكثر\s+من",
    "about": r"[وبل]?(?:نحو(?:ا)?(?:\s+من)?|قرابه|حوالي|زهاء|تقريبا)"
             r"|(?:ما\s+)?[يت](?:قارب|ناهز|قرب\s+من)|قرب|ما\s+يقرب\s+من",
    "up_to": r"حتي|(?:ما\s+|قد\s+)?[يت]صل\s+(?:عددهم\s+)?(?:الي|ل)|(?:ما\s+)?لا\s+[يت]تجاوز",
    "less_than": r"[وبل]?اقل\s+من|(?:ما\s+)?دون|(?:ما\s+)?[يت]قل\s+عن",
}
QUAL_BEFORE_RE = re.compile(
    "(?<!\\w)(?:" + "|".join(f"(?P<{k}>{_rx(v)})" for k, v in _Q_BEFORE.items()) + ")\\s*$"
)
QUAL_AFTER_RE = re.compile(
    _rx(r"(?P<at_least>علي\s+الاقل|او\s+اكثر|علي\s+اقل\s+تقدير)|(?P<about>تقريبا)")
)
RANGE_GAP_RE = re.compile(r"\s*و\s*$")
# «أربعة أو خمسة»، «بثلاث إلى خمس»: two numbers read as one range.
ALT_GAP_RE = re.compile(_rx(r"\s+(?:او|الي|حتي)\s+$"))
RANGE_BEFORE_RE = re.compile(_rx(r"(?<!\w)[وف]?(?:ما\s+)?بين\s*$"))
# «ارتفع العدد من 10 إلى 15» is a change, not a range.
CHANGE_RE = re.compile(_rx(r"(?<!\w)[وف]?(?:ارتفع|ارتفعت|ارتفاع|انخفض|انخفضت|انخفاض|زاد|زادت|زياده|تراجع|تراجعت|قفز|قفزت)(?!\w)"))

# --- Kind cues ----------------------------------------------------------------------
# Verb/noun stems with the endings they take; each alternative is a whole word that may
# carry و/ف/ب/ل clitics (and ال for nouns).
_CUES: dict[str, str] = {
    "killed": r"""[يتل]?[يت]?قتل(?:ت|وا|ا|ه|هم|ها|ون|ن|ي|اه|اهم)?|مقتل(?:ه|هم|ها)?|قتيل(?:ا|ان|ين|ه)?
        |لق(?:ي|يت|وا|ي)|حتف(?:ه|هم|ها)|مصرع(?:ه|هم|ها)?|توف(?:ي|يت|وا)|وفا(?:ه|ت)|وفيات
        |استشهد(?:ت|وا)?|استشهاد|شهيد(?:ا|ان|ين|ه)?|شهداء|ضحايا|ضحيه|جث(?:ث|ه|تين|تان|ته|تي)
        |جثمان|جثامين|اعدم(?:ت|وا)?|اعدام(?:ه|هم)?|اغتيال|اغتيل|اغتالت?|بحياه
        |ذبح|ذبحوا|يموت|ماتوا|تصفيه|خسر(?:نا|ت)|فقدنا|تحييد|حيد(?:نا|ت)""",
    "injured": r"""[ي]?اصيب(?:ت|وا)?|يصاب|اصاب(?:ه|ات|اتهم|تهم|ته|ت|وا)?|[يت]صيب|مصاب(?:ا|ين|ون|ان|ه)?
        |جرح(?:ي|ت|وا|ا|ه)?|جريح(?:ا|ان|ين)?|بجروح|جروح(?:ه|هم)?|اصابات(?:هم)?|الجرحي""",
    "hospitalized": r"""مستشفي(?:ات)?|مستشفيات|العلاج|العنايه""",
    "arrested": r"""اعتقال(?:ات|هم|ه)?|[يت]?عتقل(?:ت|وا|ون)?|اعتقل(?:ت|وا)?|معتقل(?:ا|ين|ون)?
        |توقيف|اوقف(?:ت|وا)?|موقوف(?:ا|ين)?|احتجاز|احتجز(?:ت|وا)?|محتجز(?:ا|ين|ون)?
        |القبض|قبض|سجن|سجناء|اسري|معتقلين""",
    "missing": r"""مفقود(?:ا|ين|ون)?|فقدان|فقدوا|اختفاء|اختف(?:ي|وا)""",
    "kidnapped": r"""خطف(?:ت|وا|هم)?|اختطف(?:ت|وا)?|اختطاف|مختطف(?:ا|ين|ون)?|رهائن|رهينه|رهينتين""",
    "displaced": r"""نزوح|نزح(?:ت|وا)?|نازح(?:ا|ين|ون)?|لاجي(?:ا|ين|ون)?|لجوء|تهجير|هجر(?:وا)
        |مهجر(?:ا|ين|ون)?|شرد(?:وا|ت)?|تشريد|مشرد(?:ا|ين|ون)?|فروا|فرار""",
}
_PROTEST = r"""تظاهر(?:ات|وا|ه)?|مظاهر(?:ه|ات)|احتج(?:وا)
    |احتجاج(?:ات)?|مسيرات|اعتصام(?:ا|ات)?|خرجوا|تجمعوا"""
_TROOPS = r"""ارسال|ارسل(?:ت|وا)?|س?[يتن]رسل|نشر(?:ت)?|س?[يتن]نشر|حشد(?:ت)?|س?[يتن]حشد|تعزيزات
    |قوام(?:ها|ه)?|انتشار|[يت]نتشر|[يت]ضم|بمشارك(?:ه)|مشارك(?:ه)|قوه|قوات"""
_MILITARY = r"""جندي|جنود|جنديا|عسكري(?:ا|ين|ون)?|ضابط(?:ا)?|ضباط|مجند(?:ا|ين)?|عنصر|عناصر
    |مقاتل(?:ا|ين|ون)?|قوات|جيش|مرتزق(?:ه|ين)"""


def _cue_words(pattern: str) -> set[str]:
    flat = "".join(fold(pattern).split())
    words = set(expand(f"(?:{flat})"))
    words.discard("")
    return words


def _cue_group(pattern: str) -> str:
    return trie_pattern(_cue_words(pattern))


_CLITIC = r"(?<!\w)(?:[وف]?[بلك]?(?:ال)?)"
# folded cue word -> kind
CUE_KIND: dict[str, str] = {}
for _kind, _pat in _CUES.items():
    for _w in sorted(_cue_words(_pat)):
        CUE_KIND.setdefault(_w, _kind)
CUE_TRIE = trie_pattern(CUE_KIND)
# A kind cue anywhere (the figures stage scans cues and numbers together; other stages
# may use this one): ``CUE_KIND[m.group("w")]`` is its kind.
CUE_RE = re.compile(_CLITIC + "(?P<w>" + CUE_TRIE + ")(?!\\w)")
# «لم تسفر عن أي إصابات»، «دون إصابات»: a cue that says nobody was hurt.
NEGATED_CUE_RE = re.compile(_rx(r"(?<!\w)(?:اي|أي|دون|بدون|عدم|لا)\s+$"))
PROTEST_RE = re.compile(_CLITIC + "(?:" + _cue_group(_PROTEST) + ")(?!\\w)")
TROOPS_RE = re.compile(_CLITIC + "(?:" + _cue_group(_TROOPS) + ")(?!\\w)")
MILITARY_RE = re.compile(_CLITIC + "(?:" + _cue_group(_MILITARY) + ")(?!\\w)")

# --- What was counted -----------------------------------------------------------------
_COUNTED_CLASSES: dict[str, str] = {
    "police": "شرطة الشرطة شرطي شرطيا شرطيين شرطيان شرطيون أمن الأمن رجال",
    "soldiers": """جندي جنديا جنود جنديين جنديان عسكري عسكريا عسكريين عسكريون ضابط ضابطا ضباط
        مجند مجندين قوات الجيش جيش""",
    "civilians": "مدني مدنيا مدنيين مدنيون المدنيين مواطن مواطنا مواطنين مواطنون",
    "children": "طفل طفلا أطفال طفلين طفلان رضيع رضيعا رضع قاصر قاصرين",
    "women": "امرأة نساء امرأتين سيدة سيدات",
    "militants": """مسلح مسلحا مسلحين مسلحون مقاتل مقاتلا مقاتلين مقاتلون متمرد متمردا متمردين
        متمردون إرهابي إرهابيا إرهابيين إرهابيون عنصر عناصر متشدد متشددين قيادي قياديا قياديين""",
    "protesters": "متظاهر متظاهرا متظاهرين متظاهرون محتج محتجا محتجين محتجون",
    "journalists": "صحفي صحفيا صحفيين صحافي صحافيا صحافيين صحافيان صحفيان",
    "people": """شخص شخصا أشخاص شخصين شخصان فرد أفراد رجل رجلا رجال رجلين إنسان نسمة
        مواطنا آخرين آخرون آخر""",
    "bodies": "جثة جثث جثتين جثتان جثمان",
    "strikes": "غارة غارات ضربة ضربات صاروخ صواريخ صاروخا قذيفة قذائف هجوم هجمات",
    # things: counted, they are never killed, injured or arrested (kind «other»)
    "things": """منزل منزلا منازل بيت بيوت مبنى مبان مباني سيارة سيارات مركبة مركبات آلية آليات
        دبابة دبابات طائرة طائرات مروحية مروحيات بندقية بنادق قطعة قطع عبوة عبوات لغم ألغام
        منشأة منشآت مدرسة مدارس مستشفى مستشفيات مسجد مساجد كنيسة كنائس هدف هدفا أهداف موقع
        مواقع شاحنة شاحنات حافلة حافلات سفينة سفن قارب قوارب وحدة وحدات مرة مرات خزائن خزنة
        مخزن مخازن نفق أنفاق جسر جسور محل محلات متجر متاجر""",
}
COUNTED_CLASS: dict[str, str] = {
    fold(w): cls for cls, ws in _COUNTED_CLASSES.items() for w in ws.split()
}
# A word right after a number: the counted noun (after an optional من) and its complement.
COUNTED_RE = re.compile(r"\s*(?:من\s+)?([^\W\d_]+)(?:\s+((?:ال)[^\W\d_]+))?")

# --- Duals and implicit singulars ------------------------------------------------------
# Nouns whose plural is broken, so the ين ending can only be the dual (جنديين، شخصين).
_DUAL_STEMS = """قتيل جريح جندي شرطي عنصر جثت شخص رجل طفل امرات شقيق ضابط اسير شاب ولد حارس رهينت
فتات سائح قائد زعيم صبي رضيع شهيد"""
_DUAL_WORDS = {fold(w) + end for w in _DUAL_STEMS.split() for end in ("ين", "ان", "ي")}
# Listed duals (ي is the construct form: «رجلي أمن»), and candidates for nisba duals
# (فلسطينيان، صحافيان), whose ين form is also the plural and so is not taken.
DUAL_RE = re.compile(rf"(?<!\w)[وفبل]?(?P<n>{trie_pattern(_DUAL_WORDS)})(?!\w)")
CONSTRUCT_NEXT_RE = re.compile(r"\s+(?:ال)?(?:امن|شرطه)(?!\w)")
NISBA_DUAL_RE = re.compile(r"يان(?!\w)")
NOT_DUAL = frozenset(fold(w) for w in """بيان كيان تبيان بنيان طغيان عصيان نسيان سريان هذيان
غليان عميان شريان جريان اتيان بنيان عنفوان فيضان ميدان بستان حيوان ايمان""".split())
_SINGULAR = """شرطي جندي ضابط شخص رجل طفل طفلة امرأة مدني مواطن مقيم صحفي صحافي شاب فتى فتاة
مسعف مسعفة رضيع مستوطن عسكري قائد ناشط حارس سائق معتقل أسير فلسطيني إسرائيلي سوري عراقي
لبناني يمني مصري أردني تركي كردي أفغاني باكستاني أمريكي أميركي روسي أوكراني ليبي تونسي
جزائري مغربي سعودي إيراني سوداني صومالي آخر"""
_SINGULAR_CUES = """مقتل قتل قتلت اغتيال إصابة أصيب أصيبت جرح اعتقال اعتقل اعتقلت اختطاف خطف
اختطف استشهاد استشهد توقيف"""
SINGULAR_RE = re.compile(
    rf"(?<!\w)[وفبل]?(?P<cue>{_alt(_SINGULAR_CUES)})\s+(?P<n>{_alt(_SINGULAR)})(?!\w)"
)
# «بينهم ستة جنود»: a part of the figure before it.
AMONG_RE = re.compile(_rx(r"(?<!\w)(?:من\s+)?(?:بينهم|بينها|منهم|منها|بينهن|منهن)\s*$"))
# «ضابط وثلاثة جنود»: one more person named before the number.
LEAD_SINGULAR_RE = re.compile(rf"(?<!\w)[وب]?(?P<n>{_alt(_SINGULAR)})\s+و?\s*$")
