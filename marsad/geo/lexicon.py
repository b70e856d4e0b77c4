"""Word lists of the toponym matcher: trigger words, a stop-list, dateline agencies.

All entries are folded with :func:`marsad.text.normalize.fold` at import time, so they
compare directly with words of ``doc.ntext``.
"""

from __future__ import annotations

import re
from importlib import resources

from marsad.text.normalize import fold


def _set(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _load_list(name: str) -> list[str]:
    """Folded words of a word list shipped in ``marsad/data`` (``#`` starts a comment)."""
    raw = resources.files("marsad").joinpath("data", name).read_text("utf-8")
    return [fold(w) for line in raw.splitlines() if not line.startswith("#") for w in line.split()]


def _load_words(name: str) -> frozenset[str]:
    """One entry per line (an entry may have several words)."""
    raw = resources.files("marsad").joinpath("data", name).read_text("utf-8")
    return frozenset(
        " ".join(fold(line).split()) for line in raw.splitlines()
        if line.strip() and not line.startswith("#")
    )


# Words that announce a settlement: the next name is a city/town even when it is also a
# country (مدينة الجزائر), and an unknown next word is taken as a place name.
CITY_TRIGGERS = _set(
    "مدينة بلدة قرية العاصمة مدينتي بلدتي قريتي بلدات قرى مدن ضاحية بلدية"
)
# Words that announce a region (admin1 or a district).
REGION_TRIGGERS = _set("محافظة ولاية إقليم منطقة مقاطعة قضاء ناحية ريف مديرية محافظتي")
# Words that announce a place inside a city: district, camp, crossing, square, market.
SUBCITY_TRIGGERS = _set(
    "حي مخيم معبر ميدان دوار شارع سوق ساحة جسر مطار ميناء حيي أحياء"
)
# Words whose next name may be unknown to the gazetteer and still be a place.
UNKNOWN_OK = (CITY_TRIGGERS | SUBCITY_TRIGGERS | _set("محافظة ولاية إقليم منطقة ناحية قضاء")) - _set(
    "العاصمة بلدية"
)

# Words that follow a trigger without being a name (في المنطقة الجنوبية, منطقة عسكرية).
NOT_A_NAME = _set(
    "الجنوبية الشمالية الشرقية الغربية الوسطى الحدودية العسكرية الصناعية الآمنة العازلة "
    "المحيطة المجاورة القريبة البعيدة المحتلة المذكورة نفسها ذاتها التي الذي التابعة الواقعة "
    "عسكرية سكنية صناعية حدودية آمنة عازلة واحدة أخرى كبيرة صغيرة مختلفة عدة عدد كل بعض "
    "جديدة قديمة المنكوبة الساحلية الجبلية الريفية المركزية الرئيسية الخضراء الحمراء الشرق "
    "الغرب الشمال الجنوب الأوسط العربية الإسلامية اليورو الخليج فيها منها بها التي اللذين "
    "هذه هذا ذلك تلك في من على عن إلى الى مع بين حيث قرب داخل خارج أمام بعد قبل"
)

# Folded words that are place names in GeoNames but far more often ordinary words,
# weekdays, months, given names or parts of organisation names: never a place.
HARD_STOP = _set(
    "السلطات الخميس الأحد الاثنين الثلاثاء الأربعاء الجمعة السبت مدينة البلاد النفس الي "
    "ان من في على عن الى إلى ما لا لم لن قد كان كانت هذا هذه ذلك التي الذي الذين حيث "
    "المدينة القرية البلدة الدولة الحكومة الشعب الأمن السلام الحرية النصر الوحدة الثورة "
    "العاصمة الوطن الحرب الجيش الشرطة القوات المنطقة الشرق الغرب الشمال الجنوب الوسط "
    "البحر الجبل النهر الوادي العين الساحل الجزيرة الخليج المشرق السوق المركز "
    "الاسلام العرب العربية الدولية المتحدة الأمم الشمالية الجنوبية الشرقية الغربية "
    "صورة رفع عمر علي محمد أحمد حسن حسين صالح خالد عباس يوسف موسى عيسى إبراهيم "
    "سليمان عثمان مالك سالم سعيد عمار كريم جميل نبيل منصور ناصر فيصل حمد زايد راشد "
    "ثم أمس اليوم غدا الآن عام سنة شهر يوم أيام ساعة الماضي المقبل الأول الثاني الثالث "
    "مقتل قتل قتلى جرحى هجوم غارة انفجار الحدود مصدر المصدر مصادر بيان رئيس وزير "
    "الحرة العربي الإسلامية الوطنية الشعبية المسلحة العامة الخاصة الكبرى "
    "الخير البركة الأمل الرحمة النور الهدى الفتح الفلاح الرشيد الخبر القاعدة "
    "ليل ليلة صباح مساء ظهر فجر الفجر الظهر الصباح المساء الليل البيت بيت دار الدار "
    "الدين دين المال مال العمل عمل الحياة العالم عالم الناس ناس الإنسان حقوق "
    "تموز آب أيلول نيسان أيار حزيران آذار شباط كانون تشرين يناير فبراير مارس أبريل مايو "
    "يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "الشام البيضاء الخضراء الزرقاء الحمراء السوداء الملك"
) | CITY_TRIGGERS | REGION_TRIGGERS | SUBCITY_TRIGGERS
# Names that are mostly ordinary words in the news: a place only after a strong trigger.
STOP = _load_words("place_stopwords.txt") - HARD_STOP
# Strong triggers: «قرية الجديدة» is a village even though الجديدة is a common word.
STRONG_TRIGGERS = CITY_TRIGGERS | _set("حي مخيم محافظة ولاية")
# The most frequent words of Arabic news, most frequent first (an unknown name after a
# weak trigger must not be one of them; after a strong trigger, not one of the first 1,500).
_COMMON = _load_list("common_words.txt")
COMMON = frozenset(_COMMON)
VERY_COMMON = frozenset(_COMMON[:1500])
# Folded words that may close a dateline: agencies and channels.
_AGENCIES = (
    "CNN|BBC|AFP|AP|رويترز|ا ف ب|اف ب|ا.ف.ب|د ب ا|د.ب.ا|واس|وام|سانا|بترا|قنا|كونا|"
    "الاناضول|سبوتنيك|شينخوا|يو بي اي|ارنا|فرانس برس|سكاي نيوز عربيه|خاص|وكالات|الجزيره نت|"
    "العربيه نت|الجزيره|العربيه|قنا|الالمانيه|ا ش ا|اش ا"
)
# Before a dateline place (use fullmatch): nothing, or an agency and a dash/colon («واس- الرياض:»).
DATELINE_BEFORE = re.compile(rf"\s*(?:(?:{_AGENCIES})\s*[-–—:/]\s*)?")
# After a dateline place: «، الإمارات العربية المتحدة (CNN)--», « (ليبيا):», « - د.ب.ا:»,
# « 26 شوال ...», «:».
DATELINE_AFTER = re.compile(
    r"\s*(?:[،,]\s*[^\n(:،,\-–—]{2,40}?)?\s*(?:\([^()\n]{1,30}\))?\s*(?:[-–—:/]|\d)"
)
