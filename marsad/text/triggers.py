"""The Arabic trigger lexicon: which words report which PLOVER event type and mode.

Each entry names a verb (perfect and imperfect stems, so that both voices and every
person are found: folded text has no vowels, so قُتل and قَتل are one form) or a noun
(a verbal noun such as «اعتقال» or a noun of occurrence such as «غارة»), optionally a
continuation that must follow (``after``: «أطلق» + «النار» is ASSAULT, «أطلق» + «سراح» is
RETREAT) and how its arguments read (``patient``: the subject or the genitive after the
trigger is the victim, as in «لقي حتفه» or «مقتل»).

At first use the entries are expanded into a dictionary of every folded surface form
(proclitics و ف ب ل ك ال س, subject and object suffixes, plurals), so the events stage
finds candidates with one dictionary look-up per token. The lexicon is written from
Arabic grammar and news usage; the learnt filter (:mod:`marsad.events.filter`) decides
which candidates report an event.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry; ``key`` names it in the learnt filter's features."""

    key: str
    type: str
    mode: str | None
    pos: str  # "v" verb, "n" noun
    after: re.Pattern[str] | None = None  # must match the folded text right after the token
    patient: bool = False  # the grammatical subject / genitive is the victim
    weak: bool = False  # only an event when the context says so (participles, vague nouns)
    statement: bool = False  # a speech act: the speaker is the actor (ACCUSE, REQUEST ...)
    speech: bool = False  # only inside reported speech: the content makes the act («محاولة انقلاب»)


# ---------------------------------------------------------------------------------------
# The lexicon. V(type, mode, perfect stems, imperfect stems, ...) and N(type, mode, nouns).
# Stems are written in ordinary spelling and folded at load time; "/" separates variants.
# ---------------------------------------------------------------------------------------
_SPEC: list[tuple[str, str, str | None, str, str, str | None, dict[str, bool]]] = []


def V(t: str, mode: str | None, perf: str, imperf: str = "", after: str | None = None,
      **flags: bool) -> None:
    _SPEC.append(("v", t, mode, perf, imperf, after, flags))


def N(t: str, mode: str | None, nouns: str, after: str | None = None, **flags: bool) -> None:
    _SPEC.append(("n", t, mode, nouns, "", after, flags))


# Continuations (folded): optional article, then the word.
_PREP_ALA = r"\s+(?:علي|عليه|عليها|عليهم|ب|ضد)"

# --- ASSAULT ---------------------------------------------------------------------------
V("ASSAULT", "targeted", "قتل", "قتل")
V("ASSAULT", "targeted", "اغتال", "غتال")
V("ASSAULT", "targeted", "صفى", "صفي", after=r"\s+(?:ال)?(?:قياد|مسلح|عناصر|عنصر|جند)")
V("ASSAULT", "firearms", "أعدم", "عدم", after=r"\s+(?!من\b)")
V("ASSAULT", None, "هاجم", "هاجم")
V("ASSAULT", None, "اعتدى", "عتدي")
V("ASSAULT", None, "استهدف", "ستهدف")
V("ASSAULT", "heavy-weapons", "قصف", "قصف")
V("ASSAULT", None, "اشتبك", "شتبك")
V("ASSAULT", "explosives", "فجر", "فجر",
  after=r"\s+(?:\S+\s+){0,2}?(?:نفس|سيار|عبو|قنبل|حزام|لغم|مفخخ|مبني|منزل|جسر|انتحاري|مقر|خط|انبوب|عبوات)")
V("ASSAULT", "explosives", "انفجر", "نفجر", weak=True)
V("ASSAULT", "abduct", "اختطف", "ختطف")
V("ASSAULT", "abduct", "خطف", "خطف")
V("ASSAULT", None, "أصاب", "صيب", after=r"\s+(?!(?:ال)?(?:هدف|نجاح)\b)")
V("ASSAULT", None, "أصيب", "صاب", patient=True)
V("ASSAULT", None, "جرح", "جرح")
V("ASSAULT", None, "لقي", "لقي", after=r"\s+(?:\S+\s+)?(?:حتف|مصرع)", patient=True)
V("ASSAULT", None, "سقط", "سقط", after=r"\s+(?:\S+\s+){0,3}?(?:قتيل|قتلي|جريح|جرحي|ضحايا|شهيد|شهداء|صاروخ|قذيف|مقذوف)")
V("ASSAULT", "firearms", "أطلق", "طلق", after=r"\s+(?:\S+\s+){0,2}?(?:النار|الرصاص|نار)")
V("ASSAULT", "firearms", "فتح", "فتح", after=r"\s+(?:\S+\s+){0,2}?(?:النار|نيران)")
V("ASSAULT", "heavy-weapons", "أطلق", "طلق", after=r"\s+(?:\S+\s+){0,3}?(?:صاروخ|صواريخ|قذيف|قذائف)")
V("ASSAULT", None, "شن", "شن", after=r"\s+(?:\S+\s+){0,3}?(?:هجوم|هجمات|هجمه|غار|حرب|حمله عسكري|عمليه عسكري|ضرب|قصف)")
V("ASSAULT", "targeted", "ذبح", "ذبح")
V("ASSAULT", "beat", "ضرب", "ضرب", after=r"\s+(?!(?:ال)?(?:مثل|موعد|رقم|عرض)\b)", weak=True)
V("ASSAULT", "beat", "عذب", "عذب")
V("ASSAULT", "destroy", "دمر", "دمر")
V("ASSAULT", "destroy", "أحرق", "حرق")
V("ASSAULT", "destroy", "حرق", "حرق")
V("ASSAULT", None, "داهم", "داهم", after=r"\s+(?:\S+\s+){0,3}?(?:مسلح|انتحاري)")
V("ASSAULT", "suicide-attack", "فجر", "فجر", after=r"\s+(?:\S+\s+){0,3}?نفس")
V("ASSAULT", None, "تعرض", "تعرض", after=r"\s+(?:\S+\s+){0,2}?ل(?:ال)?(?:هجوم|قصف|اعتداء|اطلاق|غار|نير|انفجار|تفجير|كمين|ضرب|طعن|اغتيال|محاول)",
  patient=True)
V("ASSAULT", "heavy-weapons", "أغرق", "غرق", after=r"\s+(?:\S+\s+){0,3}?(?:سفين|زورق|مركب|قارب|ناقل)")
V("ASSAULT", "targeted", "طعن", "طعن")
V("ASSAULT", "heavy-weapons", "دك", "دك")
V("ASSAULT", None, "أجهز", "جهز", after=r"\s+علي")
V("ASSAULT", None, "قاتل", "قاتل", weak=True)
V("ASSAULT", None, "حارب", "حارب", weak=True)
N("ASSAULT", "targeted", "مقتل/قتل/مصرع/اغتيال/تصفية/ذبح", patient=True)
N("ASSAULT", None, "هجوم/هجمات/هجمة/اعتداء/اعتداءات/عدوان", after=None)
N("ASSAULT", "heavy-weapons", "قصف/قصفا/قذائف/قذيفة/صواريخ/مقذوف/مقذوفات")
N("ASSAULT", "aerial", "غارة/غارات/ضربة جوية/ضربات/ضربة/قصف جوي")
N("ASSAULT", "drone", "طائرة مسيرة/طائرات مسيرة/طائرة بدون طيار/طائرات بدون طيار", weak=True)
N("ASSAULT", None, "اشتباك/اشتباكات/مواجهات/معارك/معركة/قتال/اقتتال", weak=False)
N("ASSAULT", "explosives", "تفجير/تفجيرات/انفجار/انفجارات/عبوة ناسفة/عبوات ناسفة/سيارة مفخخة/سيارات مفخخة/مفخخة")
N("ASSAULT", "suicide-attack", "انتحاري/انتحارية/انتحاريين/انتحاريون", weak=True)
N("ASSAULT", "abduct", "اختطاف/خطف")
N("ASSAULT", "firearms", "إطلاق نار/إطلاق النار/اطلاق الرصاص/رصاص/إطلاق صواريخ/إطلاق الصواريخ/إطلاقها صواريخ/إطلاق قذائف")
N("ASSAULT", None, "إصابة/إصابات", after=r"\s+(?:\S+\s+){0,3}?(?:\d|شخص|اشخاص|مدني|جندي|جنود|شرطي|عنصر|عناصر|فلسطيني|طفل|اطفال|اخر|بجروح)", patient=True)
N("ASSAULT", None, "قتلى/جرحى/قتيل/قتيلا/جريح/جريحا/شهيد/شهداء/ضحايا", weak=True, patient=True)
N("ASSAULT", "beat", "تعذيب/ضرب", weak=True)
N("ASSAULT", "destroy", "تدمير/إحراق/حرق", weak=True)
N("ASSAULT", "targeted", "حكم الإعدام/إعدام", after=None, weak=True)
N("ASSAULT", None, "كمين/عملية انتحارية/عمليات انتحارية/مجزرة/مذبحة")
N("ASSAULT", None, "حرب/حربا", weak=True)
N("ASSAULT", None, "العثور", after=r"\s+علي\s+(?:\S+\s+)?جث", patient=True)
N("ASSAULT", "targeted", "طعن/عملية طعن")
N("ASSAULT", "heavy-weapons", "سقوط", after=r"\s+(?:\S+\s+){0,2}?(?:صاروخ|قذيف|مقذوف|قنبل)")
N("ASSAULT", None, "أعمال العنف/أعمال عنف/عنف", weak=True)

# --- PROTEST ---------------------------------------------------------------------------
V("PROTEST", "demo", "تظاهر", "تظاهر")
V("PROTEST", "demo", "احتج", "حتج")
V("PROTEST", "demo", "اعتصم", "عتصم")
V("PROTEST", "strike", "أضرب", "ضرب", after=r"\s+(?:\S+\s+){0,3}?(?:عن\s+(?:ال)?(?:عمل|طعام|دراس))")
V("PROTEST", "demo", "تجمهر", "تجمهر")
V("PROTEST", "demo", "احتشد", "حتشد")
V("PROTEST", "demo", "نزل", "نزل", after=r"\s+(?:\S+\s+){0,8}?(?:الي|في)\s+(?:ال)?(?:شوارع|شارع|ميادين|ميدان|ساحات|ساحه)")
V("PROTEST", "demo", "خرج", "خرج", after=r"\s+(?:\S+\s+){0,8}?(?:الي|في)\s+(?:ال)?(?:شوارع|شارع|ميادين|ميدان|ساحات|ساحه)")
V("PROTEST", "obstruct", "سد", "سد", after=r"\s+(?:\S+\s+){0,3}?(?:ال)?(?:طريق|طرق|شارع|مدخل)", weak=True)
V("PROTEST", "demo", "تجمع", "تجمع", after=r"\s+(?:\S+\s+){0,3}?(?:متظاهر|محتج|الاف|مئات|عشرات|انصار)", weak=True)
V("PROTEST", "demo", "خرج", "خرج", after=r"\s+(?:\S+\s+){0,3}?(?:متظاهر|محتج|الاف|مئات|عشرات|في\s+(?:مسير|تظاهر|مظاهر))")
V("PROTEST", "obstruct", "قطع", "قطع", after=r"\s+(?:\S+\s+){0,2}?(?:الطرق|الطريق|طرق)")
V("PROTEST", "riot", "رشق", "رشق")
V("PROTEST", "boycott", "قاطع", "قاطع")
V("PROTEST", "demo", "هتف", "هتف", weak=True)
N("PROTEST", "demo", "مظاهرة/مظاهرات/تظاهرة/تظاهرات/تظاهر/احتجاج/احتجاجات/مسيرة/مسيرات/وقفة احتجاجية/وقفات احتجاجية/اعتصام/اعتصامات/تجمع احتجاجي")
N("PROTEST", "strike", "إضراب/إضرابات")
N("PROTEST", "hunger", "إضراب عن الطعام")
N("PROTEST", "riot", "أعمال شغب/أعمال الشغب/شغب/اضطرابات/الاضطرابات")
N("PROTEST", "boycott", "مقاطعة", weak=True)
N("PROTEST", "demo", "متظاهر/متظاهرين/متظاهرون/محتج/محتجين/محتجون/معتصمون/معتصمين", weak=True)
N("PROTEST", "demo", "انتفاضة", weak=True)
N("PROTEST", "demo", "تحركات/التحرك الاحتجاجي/العمل الاحتجاجي/سلسلة بشرية", weak=True)

# --- COERCE ----------------------------------------------------------------------------
V("COERCE", "arrest", "اعتقل", "عتقل")
V("COERCE", "arrest", "احتجز", "حتجز")
V("COERCE", "arrest", "أوقف", "وقف", after=r"\s+(?:\S+\s+){0,2}?(?:مشتبه|شخص|اشخاص|متهم|عنصر|ناشط|صحفي|مطلوب|\d)")
V("COERCE", "arrest", "ألقى", "لقي", after=r"\s+(?:\S+\s+){0,2}?القبض")
V("COERCE", "arrest", "قبض", "قبض", after=r"\s+علي")
V("COERCE", None, "داهم", "داهم")
V("COERCE", "seize", "صادر", "صادر", after=r"\s+(?!عن\b|من\b)")
V("COERCE", "seize", "ضبط", "ضبط", after=r"\s+(?!(?:ال)?نفس)")
V("COERCE", "seize", "استولى", "ستولي")
V("COERCE", "seize", "اقتحم", "قتحم")
V("COERCE", "seize", "عثر", "عثر", after=r"\s+(?:\S+\s+){0,2}?(?:بحوز|في حوز)")
V("COERCE", "deport", "رحل", "رحل", after=r"\s+(?:\S+\s+){0,3}?(?:مهاجر|لاجي|لاجئ|اجنبي|عامل|مقيم|\d)")
V("COERCE", "deport", "طرد", "طرد", after=r"\s+(?!(?:ال)?(?:سفير|دبلوماسي))")
V("COERCE", "restrict", "أغلق", "غلق")
V("COERCE", "restrict", "حظر", "حظر")
V("COERCE", "censor", "حجب", "حجب")
V("COERCE", "restrict", "فرض", "فرض", after=r"\s+(?:\S+\s+){0,2}?(?:حظر|حصار|قيود|الاقامه الجبري|طوق)")
V("COERCE", "martial-law", "أعلن", "علن", after=r"\s+(?:\S+\s+){0,2}?(?:حال(?:ه)?\s+(?:ال)?طواري|الاحكام العرفي|حظر)")
N("COERCE", "arrest", "اعتقال/اعتقالات/احتجاز/توقيف/القبض/إلقاء القبض/حملة اعتقالات")
N("COERCE", None, "مداهمة/مداهمات/اقتحام")
N("COERCE", "curfew", "حظر التجول/حظر تجول")
N("COERCE", "martial-law", "حالة الطوارئ/حالة طوارئ")
N("COERCE", "seize", "مصادرة")
N("COERCE", "deport", "ترحيل")
N("COERCE", "restrict", "حصار", weak=True)
N("COERCE", "restrict", "إغلاق", weak=True)

# --- MOBILIZE --------------------------------------------------------------------------
V("MOBILIZE", "troops", "نشر", "نشر", after=r"\s+(?:\S+\s+){0,2}?(?:قوات|جنود|وحدات|عناصر|دبابات|قطع|صواريخ|تعزيزات|الاف|الجيش|شرط)")
V("MOBILIZE", "troops", "أرسل", "رسل", after=r"\s+(?:\S+\s+){0,2}?(?:قوات|جنود|وحدات|تعزيزات|دبابات|حشود)")
V("MOBILIZE", "troops", "حشد", "حشد", after=r"\s+(?!من\b)")
V("MOBILIZE", "troops", "دفع", "دفع", after=r"\s+(?:\S+\s+){0,1}?(?:ب)?(?:تعزيزات|قوات|المزيد من القوات)")
V("MOBILIZE", "troops", "رفع", "رفع", after=r"\s+(?:\S+\s+){0,2}?(?:درج(?:ه)?\s+(?:ال)?تاهب|حال(?:ه)?\s+(?:ال)?تاهب|(?:ال)?جاهزي)")
V("MOBILIZE", "troops", "استنفر", "ستنفر")
V("MOBILIZE", "police", "أجلى", "جلي")
V("MOBILIZE", "police", "بدأ", "بدا", after=r"\s+(?:\S+\s+){0,4}?(?:ب|في)?(?:اجلاء|عمليات تمشيط|عمليه تمشيط|تمشيط|تنفيذ مهام)")
V("MOBILIZE", "police", "أقام", "قيم", after=r"\s+(?:\S+\s+){0,1}?(?:حاجز|حواجز|نقاط تفتيش|نقطه تفتيش)")
N("MOBILIZE", "troops", "تعزيزات/حشود/حشد عسكري/انتشار أمني/استنفار/حالة التأهب/حالة تأهب/درجة التأهب/مناورات/مناورات عسكرية/تمشيط/عملية عسكرية/عمليات عسكرية/عملية أمنية")
N("MOBILIZE", "troops", "إرسال قوات/نشر قوات")

# --- AID -------------------------------------------------------------------------------
V("AID", None, "قدم", "قدم", after=r"\s+(?:\S+\s+){0,2}?(?:مساعد|معون|دعم|مساعدات|منح|قرض|اغاث|اللجوء|غطاء جوي)")
V("AID", None, "أرسل", "رسل", after=r"\s+(?:\S+\s+){0,2}?(?:مساعد|معون|اغاث|\d+\s+(?:مليون|مليار|الف))")
V("AID", None, "تبرع", "تبرع")
V("AID", None, "منح", "منح", after=r"\s+(?:\S+\s+){0,2}?(?:اللجوء|لجوء|مساعد|قرض|منح)")
V("AID", None, "أنقذ", "نقذ")
V("AID", None, "أرسل", "رسل", after=r"\s+(?:\S+\s+){0,2}?(?:قوات حفظ السلام|قوات لحفظ السلام)")
N("AID", None, "مساعدات إنسانية/مساعدات/إغاثة/معونة/معونات/قوات حفظ السلام", weak=True)
N("AID", None, "إرسال قوات حفظ السلام/إرسال مساعدات/إرسال المساعدات")
N("AID", None, "تقديم المساعدة/تقديم المساعدات/يقدم المساعدة/ليقدم المساعدة")

# --- RETREAT ---------------------------------------------------------------------------
V("RETREAT", "withdraw", "انسحب", "نسحب")
V("RETREAT", "release", "أفرج", "فرج", after=r"\s+عن")
V("RETREAT", "release", "أطلق", "طلق", after=r"\s+(?:\S+\s+){0,1}?سراح")
V("RETREAT", "resign", "استقال", "ستقيل")
V("RETREAT", "access", "أعاد", "عيد", after=r"\s+(?:\S+\s+){0,2}?فتح")
V("RETREAT", "release", "حرر", "حرر", weak=True)
V("RETREAT", "withdraw", "سحب", "سحب", after=r"\s+(?:\S+\s+){0,2}?(?:قوات|جنود|قواته|وحدات)")
N("RETREAT", "withdraw", "انسحاب", weak=True)
N("RETREAT", "release", "الإفراج/إطلاق سراح/الافراج")
N("RETREAT", "resign", "استقالة", weak=True)

# --- SANCTION --------------------------------------------------------------------------
V("SANCTION", None, "فرض", "فرض", after=r"\s+(?:\S+\s+){0,2}?عقوبات")
V("SANCTION", "discontinue", "قطع", "قطع", after=r"\s+(?:\S+\s+){0,2}?(?:العلاقات|علاقات)")
V("SANCTION", "expel", "طرد", "طرد", after=r"\s+(?:\S+\s+){0,2}?(?:السفير|دبلوماسي|سفير)")
V("SANCTION", "withdraw", "سحب", "سحب", after=r"\s+(?:\S+\s+){0,1}?سفير")
V("SANCTION", "discontinue", "علق", "علق", after=r"\s+(?:\S+\s+){0,2}?(?:عضوي|المساعد|التعاون|مشارك)")
V("SANCTION", "discontinue", "جمد", "جمد")
V("SANCTION", "convict", "حكم", "حكم", after=r"\s+(?:\S+\s+){0,3}?(?:بالسجن|بالاعدام|بالحبس|بالقتل|عليه|عليها|عليهم)")
V("SANCTION", "convict", "قضى", "قضي", after=r"\s+(?:\S+\s+){0,2}?(?:بالسجن|بالاعدام|بالحبس)")
V("SANCTION", "convict", "نفذ", "نفذ", after=r"\s+(?:\S+\s+){0,3}?(?:حكم|احكام)")
V("SANCTION", "convict", "صدر", "صدر", after=r"\s+(?:\S+\s+){0,2}?(?:بحق|ضد)\s+\S+\s+(?:\S+\s+){0,2}?(?:حكم|صك|قرار)")
N("SANCTION", None, "عقوبات/العقوبات")
N("SANCTION", "convict", "حكما بالسجن/حكما بالحبس/حكما بالإعدام/الحكم عليه/الحكم عليهم/صك شرعي/حكم بالسجن")

# --- ACCUSE ----------------------------------------------------------------------------
V("ACCUSE", "allege", "اتهم", "تهم", statement=True)
V("ACCUSE", "disapprove", "أدان", "دين", statement=True)
V("ACCUSE", "disapprove", "ندد", "ندد", statement=True)
V("ACCUSE", "disapprove", "استنكر", "ستنكر", statement=True)
V("ACCUSE", "disapprove", "انتقد", "نتقد", statement=True)
V("ACCUSE", "disapprove", "شجب", "شجب", statement=True)
V("ACCUSE", "allege", "حمل", "حمل", after=r"\s+(?:\S+\s+){0,4}?(?:ال)?مسوولي", statement=True)
V("ACCUSE", "investigate", "فتح", "فتح", after=r"\s+(?:\S+\s+){0,1}?تحقيق")
V("ACCUSE", "investigate", "حقق", "حقق", after=r"\s+(?:\S+\s+){0,1}?(?:في|مع)")
V("ACCUSE", "allege", "رفع", "رفع", after=r"\s+(?:\S+\s+){0,1}?(?:دعوي|قضي)")
V("ACCUSE", "disapprove", "وجه", "وجه", after=r"\s+(?:\S+\s+){0,2}?(?:انتقاد|اتهام|الاتهام|اللوم)", statement=True)
V("ACCUSE", "disapprove", "استدعى", "ستدعي", after=r"\s+(?:\S+\s+){0,2}?(?:السفير|سفير|القائم بالاعمال)")
N("ACCUSE", "allege", "اتهام/اتهامات/توجيه الاتهام", weak=True)
N("ACCUSE", "disapprove", "إدانة/تنديد/استنكار/انتقاد/انتقادات", weak=True, statement=True)
N("ACCUSE", "investigate", "تحقيق/تحقيقات/التحقيق", weak=True)
# Characterisations in reported speech that blame someone
N("ACCUSE", "allege", "محاولة", after=r"\s+(?:\S+\s+)?(?:ل|ال|لل)?(?:انقلاب|زعزع|مستوحا|تدخل|تقويض|ضرب استقرار)",
  statement=True, speech=True)
N("ACCUSE", "allege", "مؤامرة/عدو لدود/تدخل سافر/إرهاب دولة/جرائم حرب/جريمة حرب/عمل إرهابي/عمل عدواني", statement=True,
  speech=True)

# --- REQUEST ---------------------------------------------------------------------------
V("REQUEST", None, "دعا/دعت/دعوا/دعو", "دعو", after=r"\s+(?:\S+\s+){0,6}?(?:الي|ل(?:ل|ا)?\S+|ب)", statement=True)
V("REQUEST", None, "طالب", "طالب",  # not «طالب» (a student): «طالب آخر»، «طالب في جامعة»
  after=r"(?!\s+(?:اخر|اخرين|في|من|جامعي|ثانوي|يدعي|سابق)\b)(?:\s+\S+){0,8}?\s+(?:بال|با|بت|بو|بم|ب(?=\S{3})|ل)\S+",
  statement=True)
V("REQUEST", None, "حث", "حث", statement=True)
V("REQUEST", None, "ناشد", "ناشد", statement=True)
V("REQUEST", None, "طلب", "طلب", after=r"\s+(?:\S+\s+){0,4}?(?:من|ب|ان)", statement=True)
V("REQUEST", None, "أمر", "امر", after=r"\s+(?!(?:سام|ملكي|رئاسي|واقع)\b)(?:\S+\s+){0,2}?(?:ب|ال)", statement=True)
V("REQUEST", None, "جدد", "جدد", after=r"\s+(?:\S+\s+){0,2}?(?:دعو|مطالب|طلب|ندا)", statement=True)
V("REQUEST", None, "شدد", "شدد", after=r"\s+(?:\S+\s+){0,1}?علي\s+(?:ضرور|وجوب|اهمي(?:ه)?\s+(?:التزام|توحيد|وقف))", statement=True)
N("REQUEST", None, "مطالبة/مطالبات/دعوة إلى/دعوات إلى/مناشدة", weak=True)

# --- REJECT ----------------------------------------------------------------------------
V("REJECT", None, "رفض", "رفض", statement=True)
V("REJECT", None, "نفى/نفت/نفوا", "نفي", statement=True)
V("REJECT", None, "أنكر", "نكر", statement=True)
V("REJECT", None, "نافيا/نافية", "", statement=True)
V("REJECT", None, "ألغى", "لغي", after=r"\s+(?:\S+\s+){0,2}?(?:زيار|اجتماع|لقاء|قمه|اتفاق|صفق|رحل)")
V("REJECT", None, "استخدم", "ستخدم", after=r"\s+(?:\S+\s+){0,1}?(?:الفيتو|حق النقض)")
N("REJECT", None, "رفض", weak=True, statement=True)

# --- THREATEN --------------------------------------------------------------------------
V("THREATEN", None, "هدد", "هدد", statement=True)
V("THREATEN", None, "توعد", "توعد", statement=True)
V("THREATEN", None, "حذر", "حذر", statement=True, weak=True)
V("THREATEN", None, "أنذر", "نذر", statement=True)
V("THREATEN", None, "لوح", "لوح", after=r"\s+(?:\S+\s+){0,1}?ب", statement=True)
V("THREATEN", None, "أمهل", "مهل", statement=True)
N("THREATEN", None, "تهديد/تهديدات/إنذار/مهلة", weak=True)

# --- CONSULT ---------------------------------------------------------------------------
V("CONSULT", None, "التقى", "لتقي")
V("CONSULT", None, "اجتمع", "جتمع")
V("CONSULT", None, "بحث", "بحث", after=r"\s+(?:\S+\s+){0,6}?مع")
V("CONSULT", None, "أجرى", "جري", after=r"\s+(?:\S+\s+){0,1}?(?:محادثات|مباحثات|مشاورات|اتصال)")
V("CONSULT", "visit", "زار", "زور")
V("CONSULT", None, "استقبل", "ستقبل")
V("CONSULT", None, "استضاف", "ستضيف")
V("CONSULT", "phone", "اتصل", "تصل", after=r"\s+(?:\S+\s+){0,2}?(?:هاتفي|ب)")
V("CONSULT", None, "تباحث", "تباحث")
V("CONSULT", None, "عقد", "عقد", after=r"\s+(?:\S+\s+){0,2}?(?:اجتماع|لقاء|قمه|محادثات|مباحثات|جلس|مؤتمر|موتمر)")
N("CONSULT", None, "لقاء/اجتماع/اجتماعات/محادثات/مباحثات/مشاورات/مفاوضات/قمة/اتصال هاتفي/اتصالا هاتفيا/زيارة/جولة محادثات/جولة مباحثات", weak=True)
# held with someone: «لقائه بزعيم كوريا»، «محادثات بين الكوريتين»، «مباحثاته مع نظيره»
N("CONSULT", None, "لقاء/لقائه/لقائها/اجتماع/اجتماعه/محادثات/مباحثات/مباحثاته/مشاورات/مفاوضات/اتصال هاتفي/اتصالا هاتفيا",
  after=r"\s+(?:\S+\s+){0,2}?(?:مع|بين|ب(?!شان)\S{3,})")

# --- AGREE -----------------------------------------------------------------------------
V("AGREE", None, "اتفق", "تفق")
V("AGREE", None, "توافق", "توافق", after=r"\s+(?:\S+\s+){0,3}?(?:علي|بشان|حول)")
V("AGREE", None, "وافق", "وافق", after=r"\s+علي")
V("AGREE", None, "تعهد", "تعهد")
V("AGREE", None, "وعد", "وعد")
V("AGREE", None, "وقع", "وقع", after=r"\s+(?:\S+\s+){0,2}?(?:اتفاق|مذكر|معاهد|عقد|وثيق|اعلان)")
V("AGREE", None, "قرر", "قرر", after=r"\s+(?:\S+\s+){0,2}?(?:السماح|ارسال|تقديم|منح|دعم)")
N("AGREE", None, "اتفاق/اتفاقية/مذكرة تفاهم/توافق", weak=True)

# --- SUPPORT ---------------------------------------------------------------------------
V("SUPPORT", None, "أيد", "ويد", statement=True)
V("SUPPORT", None, "رحب", "رحب", statement=True)
V("SUPPORT", None, "أشاد", "شيد", statement=True)
V("SUPPORT", None, "أعرب", "عرب", after=r"\s+(?:\S+\s+){0,2}?عن\s+(?:\S+\s+)?(?:دعم|تاييد|تضامن|ترحيب|تقدير|ارتياح)", statement=True)
V("SUPPORT", None, "أكد", "وكد", after=r"\s+(?:\S+\s+){0,2}?(?:دعم|تمسك|تضامن|وقوف|التزام)", statement=True)
V("SUPPORT", None, "شدد", "شدد", after=r"\s+(?:\S+\s+){0,1}?علي\s+(?:دعم|تضامن|حق|الوقوف)", statement=True)
V("SUPPORT", None, "تضامن", "تضامن", statement=True)
V("SUPPORT", None, "اعترف", "عترف", after=r"\s+(?:\S+\s+){0,1}?ب", statement=True)
V("SUPPORT", None, "صادق", "صادق", after=r"\s+علي")
V("SUPPORT", None, "هنأ", "هني", statement=True)
V("SUPPORT", None, "عزى", "عزي", statement=True)
V("SUPPORT", None, "نشر", "نشر", after=r"\s+(?:\S+\s+){0,5}?رسال(?:ه)?\s+(?:تعزي|تهنئ|دعم|تضامن)", statement=True)
V("SUPPORT", None, "أطلق", "طلق", after=r"\s+(?:\S+\s+){0,1}?هتافات\s+(?:مويد|مؤيد|داعم)")
N("SUPPORT", None, "ترحيب/إشادة/تأييد/دعمها/دعمه/تضامن", weak=True, statement=True)
N("SUPPORT", None, "واثق/واثقون/واثقة/ثقته/ثقتها/ثقتنا", after=r"\s+(?:ب|في|من)", statement=True, speech=True)

# --- CONCEDE ---------------------------------------------------------------------------
V("CONCEDE", None, "اعتذر", "عتذر", statement=True)
V("CONCEDE", None, "عفا", "عفو")
V("CONCEDE", None, "أعلن", "علن", after=r"\s+(?:\S+\s+){0,2}?(?:وقف اطلاق النار|هدن|تهدئ|تعليق)")
V("CONCEDE", None, "علق", "علق", after=r"\s+(?:\S+\s+){0,2}?(?:المناورات|مناورات)")
V("CONCEDE", None, "خفف", "خفف", after=r"\s+(?:\S+\s+){0,2}?(?:القيود|قيود|الحصار)")
V("CONCEDE", None, "تراجع", "تراجع", after=r"\s+عن")
V("CONCEDE", None, "تعهد", "تعهد", after=r"\s+(?:\S+\s+){0,1}?(?:بانهاء|بوقف|بتعليق)")
N("CONCEDE", None, "عفو/عفوا/تعليق المناورات/إعلان تعليق/هدنة/وقف إطلاق النار", weak=True)

# --- COOPERATE -------------------------------------------------------------------------
V("COOPERATE", None, "تعاون", "تعاون", after=r"\s+مع")
V("COOPERATE", None, "عمل", "عمل", after=r"\s+مع\s+(?:\S+\s+){0,3}?(?:ل|علي)")
V("COOPERATE", None, "سلم", "سلم", after=r"\s+(?:\S+\s+){0,2}?(?:المطلوب|مطلوب|متهم|المتهم)")
N("COOPERATE", None, "مناورات مشتركة/تدريبات مشتركة/تبادل المعلومات/تبادل معلومات/تبادل الأسرى", weak=False)


# ---------------------------------------------------------------------------------------
# Expansion into surface forms.
# ---------------------------------------------------------------------------------------
_V_PROCLITICS = ("", "ل")
_V_FUTURE = ("س",)
_PERF_SUBJ = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
_PERF_BEFORE_OBJ = ("", "ت", "و", "ا", "تا", "نا", "تم")
_OBJ = ("ه", "ها", "هم", "هما", "ني", "نا", "كم", "ك", "هن")
_IMPERF_PREFIX = ("ي", "ت", "ن", "ا")
_IMPERF_SUFFIX = ("", "ون", "ان", "ين", "وا", "ن", "و", "ا")
# The conjunctions و/ف are not expanded: :func:`lookup` strips them.
_N_PROCLITICS = ("", "ب", "ل", "ك", "ال", "بال", "كال", "لل")
_N_SUFFIX = ("", "ا", "ات", "ه", "ها", "هم", "هما", "ين", "ان", "ون", "اته", "اتها", "اتهم", "كم")
_N_SUFFIX_TA = ("ه", "ات", "ت", "تي", "ته", "تها", "تهم", "تين", "تان", "اته", "اتها", "اتهم", "تا")


def _perfect_forms(stem: str) -> set[str]:
    out = {stem + s for s in _PERF_SUBJ}
    out |= {stem + s + o for s in _PERF_BEFORE_OBJ for o in _OBJ}
    if stem.endswith("ي") or stem.endswith("ا"):  # weak final: نفى → نفت، نفوا
        base = stem[:-1]
        out |= {base + s for s in ("ت", "وا", "تا", "و")}
        out |= {base + "ت" + o for o in _OBJ}
    return out


def _imperfect_forms(stem: str) -> set[str]:
    out = set()
    for p in _IMPERF_PREFIX:
        for s in _IMPERF_SUFFIX:
            out.add(p + stem + s)
            if s in ("", "ون", "و", "ان", "ا"):
                out |= {p + stem + s + o for o in _OBJ}
    if stem.endswith("و") or stem.endswith("ي"):  # يدعو → يدعون (plural)، يدعي
        base = stem[:-1]
        out |= {p + base + s for p in _IMPERF_PREFIX for s in ("ون", "ين", "وا", "ان")}
    return out


def _noun_forms(word: str) -> set[str]:
    if word.endswith("ه") and len(word) > 2:
        base = word[:-1]
        sing = {base + s for s in _N_SUFFIX_TA}
    else:
        sing = {word + s for s in _N_SUFFIX}
    return sing


def _expand(pos: str, first: str, imperf: str) -> set[str]:
    """Every surface form of an entry: a verb's ("v") persons, voices and proclitics, a
    noun's ("n") suffixes and proclitics."""
    if pos == "v":
        base: set[str] = set()
        for st in first.split("/"):
            if st:
                base |= _perfect_forms(st)
        imp: set[str] = set()
        for st in imperf.split("/"):
            if st:
                imp |= _imperfect_forms(st)
        return {p + f for f in base | imp for p in _V_PROCLITICS} | \
            {p + f for f in imp for p in _V_FUTURE}
    out: set[str] = set()
    for w in first.split("/"):
        head = w.split()[0]
        out |= {p + f for f in _noun_forms(head) for p in _N_PROCLITICS}
    return out


# Generated forms that are, far more often, other words (وزارة "ministry" is not و+زاره
# "and visited him"; هناك "there" is not هنأ+ك).
NOT_FORMS = frozenset({
    "وزاره", "وزارات", "هناك", "هنا", "هناي", "امراه", "امرا", "امري", "الامر", "امرها",
    "قضيه", "حمله", "عمله", "وجهه", "لقيه", "طلبه", "الطلبه", "للطلبه", "بالطلبه",
})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Surface form → list of (entry, multiword tail regex or None)."""

    forms: dict[str, tuple[tuple[Entry, re.Pattern[str] | None], ...]]
    entries: tuple[Entry, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The expanded lexicon (built once, on first use)."""
    # The build allocates ~140k tuples at once: the cyclic GC would rescan them (and every
    # other live object) many times over, a third of the build time, and finds no cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build()
    finally:
        if enabled:
            gc.enable()


def _add(table: dict[str, tuple[tuple[Entry, re.Pattern[str] | None], ...]],
         forms: set[str], item: tuple[Entry, re.Pattern[str] | None]) -> None:
    """Append ``item`` to the entries of every form in ``forms``."""
    # dict.fromkeys + update insert the forms at C speed; only the forms an earlier entry
    # already has (about one in eight) take a Python step, to keep both entries in order.
    shared = table.keys() & forms
    earlier = {form: table[form] for form in shared}
    table.update(dict.fromkeys(forms, (item,)))
    for form, hits in earlier.items():
        table[form] = (*hits, item)


def _build() -> Lexicon:
    table: dict[str, tuple[tuple[Entry, re.Pattern[str] | None], ...]] = {}
    entries: list[Entry] = []
    for pos, t, mode, first, imperf, after, flags in _SPEC:
        first_f, imperf_f = fold(first), fold(imperf)
        after_re = re.compile(after) if after else None
        if pos == "v":
            key = f"{t}:{first_f.split('/')[0]}"
            e = Entry(key, t, mode, pos, after_re, **flags)
            entries.append(e)
            _add(table, _expand("v", first_f, imperf_f), (e, None))
            continue
        for w in first_f.split("/"):
            words = w.split()
            key = f"{t}:{words[0] if len(words) == 1 else '_'.join(words)}"
            tail = re.compile(r"\s+" + r"\s+".join(
                rf"(?:ال)?{re.escape(x[2:] if x.startswith('ال') else x)}" for x in words[1:]
            )) if len(words) > 1 else None
            e = Entry(key, t, mode, pos, after_re, **flags)
            entries.append(e)
            _add(table, _expand("n", words[0], ""), (e, tail))
    for form in NOT_FORMS:
        table.pop(form, None)
    return Lexicon(table, tuple(entries))


_EMPTY: tuple[tuple[Entry, re.Pattern[str] | None], ...] = ()


def lookup(norm_token: str) -> tuple[tuple[Entry, re.Pattern[str] | None], ...]:
    """The lexicon entries a folded token may be a form of (empty when none).

    A leading conjunction و/ف is tried off when the whole token is not a form.
    """
    forms = lexicon().forms
    if norm_token in NOT_FORMS:
        return _EMPTY
    hit = forms.get(norm_token)
    if hit is not None:
        return hit
    if len(norm_token) > 3 and norm_token[0] in "وف":
        return forms.get(norm_token[1:], _EMPTY)
    return _EMPTY


def event_types() -> tuple[str, ...]:
    return ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
            "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
