"""The ``figures`` stage on real Arabic news sentences, including what is not a figure."""

from __future__ import annotations

import pytest
from conftest import make_doc
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model.document import Document
from marsad.model.records import FIGURE_KINDS, QUALIFIERS, Figure
from marsad.pipeline import Pipeline

_RAW = Pipeline(("segment", "figures"))


def figs(text: str) -> list[Figure]:
    doc = make_doc(text, stages=("figures",))
    for f in doc.figures:  # every span slices the original text
        assert doc.text[f.span.start : f.span.end] == f.span.text
        for sp in (f.cue, f.counted):
            if sp is not None:
                assert doc.text[sp.start : sp.end] == sp.text
        assert f.kind in FIGURE_KINDS and f.qualifier in QUALIFIERS
    return doc.figures


def one(text: str) -> Figure:
    found = figs(text)
    assert len(found) == 1, [(f.span.text, f.value) for f in found]
    return found[0]


SEED = (
    "حيث قتل حتى اليوم 13 من عناصر الشرطة وأصيب أكثر من 300 آخرين خلال أعمال العنف "
    "والشغب التي اندلعت في مدينة ألما آتا، بحسب وكالات أنباء."
)


def test_seed_sentence_kills_and_injuries() -> None:
    killed, injured = figs(SEED)
    assert (killed.value, killed.kind, killed.qualifier) == (13, "killed", "exact")
    assert killed.counted is not None and killed.counted.text == "عناصر الشرطة"
    assert killed.counted_as == "police"
    assert killed.cue is not None and killed.cue.text == "قتل"
    assert (injured.value, injured.kind, injured.qualifier) == (300, "injured", "more_than")
    assert injured.span.text == "أكثر من 300"


def test_hospitalized_after_the_number() -> None:
    f = figs("أكثر من ألف شخص أصيبوا بجروح نتيجة أعمال الشغب، منهم 400 نقلوا إلى المستشفيات.")
    assert [(x.value, x.kind, x.qualifier) for x in f] == [
        (1000, "injured", "more_than"), (400, "hospitalized", "exact"),
    ]


def test_arabic_indic_digits_keep_original_offsets() -> None:
    f = one("قُتِلَ ١٣ شرطياً في الهجوم.")
    assert f.value == 13 and f.span.text == "١٣" and f.kind == "killed"


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("قتل ما لا يقل عن 5 أشخاص في الانفجار.", 5, "at_least"),
        ("قتل 17 شخصا على الأقل في إطلاق النار.", 17, "at_least"),
        ("قتل نحو 40 مدنيا في القصف.", 40, "about"),
        ("اعتقلت الشرطة قرابة مئتي شخص.", 200, "about"),
        ("نزح حوالي 1200 شخص من منازلهم.", 1200, "about"),
        ("أصيب زهاء ثلاثين شخصا.", 30, "about"),
        ("قد يصل عدد القتلى إلى حتى 7 أشخاص.", 7, "up_to"),
        ("أصيب أقل من عشرة أشخاص بجروح طفيفة.", 10, "less_than"),
        ("أصيب ما يزيد عن مئة شخص في الحادث.", 100, "more_than"),
        ("سقط عشرات القتلى في الغارات.", 10, "vague"),
        ("أصيب مئات المتظاهرين بالاختناق.", 100, "vague"),
    ],
)
def test_qualifiers(text: str, value: int, qualifier: str) -> None:
    f = one(text)
    assert (f.value, f.qualifier) == (value, qualifier)


def test_range_with_from_to() -> None:
    f = one("قال إن الفصيل يضم من 8500 إلى عشرة آلاف مقاتل.")
    assert (f.value, f.value_max) == (8500, 10000)


def test_change_is_not_a_range() -> None:
    f = one("ارتفع عدد القتلى من 10 إلى 15 شخصا.")
    assert (f.value, f.value_max, f.kind) == (15, None, "killed")


def test_range() -> None:
    f = one("قتل بين 10 و15 شخصا في الاشتباكات.")
    assert (f.value, f.value_max, f.kind) == (10, 15, "killed")
    assert f.span.text.startswith("بين")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("لقي 12 شخصا حتفهم في حادث سير.", "killed"),
        ("أعدم التنظيم ثمانية رجال في الساحة العامة.", "killed"),
        ("وأصيب تسعة أشخاص بجروح.", "injured"),
        ("اعتقلت قوات الأمن 25 ناشطا.", "arrested"),
        ("لا يزال 6 صيادين في عداد المفقودين.", "missing"),
        ("اختطف مسلحون 20 طالبا من مدرستهم.", "kidnapped"),
        ("نزح أكثر من 3000 شخص من القرية.", "displaced"),
        ("خرج نحو ألف متظاهر إلى الشوارع.", "protesters"),
        ("قالت الوزارة إنها سترسل 500 جندي إلى المنطقة.", "troops"),
        ("شنت الطائرات 29 ضربة جوية على مواقع التنظيم.", "other"),
        ("أصابت العبوة أربعة جنود إسرائيليين.", "injured"),
        ("قتل شخصان وابتلعت الأرض 1700 منزل في الحي.", "other"),  # things are not killed
        ("نالت خلال مسيرتها الفنية عشرات الجوائز الموسيقية.", "other"),  # مسيرة: a career
    ],
)
def test_kind_from_context(text: str, kind: str) -> None:
    assert figs(text)[-1].kind == kind


def test_cue_right_before_beats_the_counted_noun() -> None:
    f = one("ارتفعت الحصيلة بعد وفاة أحد الجرحى في المستشفى.")
    assert (f.value, f.kind) == (1, "killed")


def test_definite_vague_amount() -> None:
    f = figs("قتل فلسطيني وأصيب العشرات برصاص الجيش على الحدود.")
    assert [(x.value, x.kind, x.qualifier) for x in f] == [
        (1, "killed", "exact"), (10, "injured", "vague"),
    ]


def test_nearest_cue_decides_each_figure() -> None:
    f = figs("قتل 15 شخصا بينهم نساء وأطفال، و38 شخصا آخرين أصيبوا بجروح.")
    assert [(x.value, x.kind) for x in f] == [(15, "killed"), (38, "injured")]


def test_part_of_previous_figure_takes_its_kind() -> None:
    f = figs("قتل 20 شخصا بينهم ستة جنود في الهجوم.")
    assert [(x.value, x.kind) for x in f] == [(20, "killed"), (6, "killed")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تم العثور على جثتين لعنصرين من الشرطة.", 2),
        ("أسفر الهجوم عن مقتل شرطيين.", 2),
        ("وقتل جنديان في الكمين.", 2),
        ("أسفر الانفجار عن مقتل فلسطيني وإصابة آخر.", 1),
    ],
)
def test_duals_and_singulars(text: str, value: int) -> None:
    found = figs(text)
    assert found and found[0].value == value and found[0].kind == "killed"


def test_dual_without_a_casualty_cue_is_not_a_figure() -> None:
    assert figs("أطلقت امرأتان النار على مبنى القنصلية.") == []
    assert figs("صدر بيان عن الوزارة.") == []


def test_person_named_before_the_number_is_added() -> None:
    f = one("قتل ضابط وثلاثة جنود مصريين أمس في انفجار قنبلة.")
    assert (f.value, f.kind) == (4, "killed")


def test_repeated_toll_is_one_figure() -> None:
    f = figs("قتل 15 شخصا في الهجوم. وقال المسؤول إن 15 شخصا قتلوا.")
    assert len(f) == 1 and f[0].value == 15


@pytest.mark.parametrize(
    "text",
    [
        "وقعت الهجمات في عام 2015 في المدينة.",  # a year
        "قتل في 2018 عدد من الأشخاص.",  # a year, no counted noun
        "وصلت الوفود في 6 يناير إلى العاصمة.",  # a date
        "اندلعت الاشتباكات في 29 و30 أيار/مايو الماضي.",  # a pair of dates
        "قدمت الصين مساعدات بقيمة 100 مليون دولار.",  # money
        "أنفقت عشرات الآلاف من الدولارات من المال العام.",  # money after من
        "ارتفعت الأسعار بنسبة 15 في المئة.",  # a percentage
        "ارتفعت البطالة إلى 12%.",  # a percentage sign
        "قتل الشاب البالغ من العمر 30 عاما.",  # an age
        "وكان الشاب يبلغ 25 عاما.",  # an age in years
        "قتل الطفل البالغ 7 سنوات.",  # an age in years
        "للاستفسار اتصلوا على 0501234567.",  # a phone number
        "وقع الانفجار الساعة 10:30 صباحا.",  # a time
        "بحسب المادة 12 من الدستور.",  # an article number
        "تبعد القرية 40 كيلومترا عن الحدود.",  # a distance
        "استهدفوا المنطقة بمدفعية من عيار 152 ملم.",  # a calibre
        "انطلقت الدورة الـ23 للمؤتمر.",  # an ordinal
        "يبلغ تعداد سكان القطاع مليوني نسمة.",  # a population
        "استمرت المعارك ثلاثة أيام متتالية.",  # a duration
        "اجتمع وزراء خارجية 4 دول في القاهرة.",  # places, not people affected
        "قال أحد المسؤولين إن الوضع هادئ.",  # أحد = one of
        "زار الوفد عدة دول عربية.",  # عدة without a casualty
        "بدأ الصيام في 15 رمضان 1443 هـ.",  # a Hijri date
        "ارتفعت نسبة المشاركة إلى ٤٥٪ من الناخبين.",  # an Arabic percent sign
        "ووقعت الهدنة ليل 15 إلى 16 من الشهر ذاته.",  # days of the month
        "أقر البرلمان القانون بأغلبية 62 صوتا مقابل 55 صوتا.",  # votes
        "أكد أن الإمارات لم تسعَ للتأثير على الانتخابات.",  # تسع is a verb here
        "تعود الكتب إلى القرن الحادي عشر في أوروبا.",  # an ordinal
        "وقع الهجوم قرابة الساعة الحادية عشرة ليلا.",  # a clock hour
        "ازدهرت بين القرنين الحادي عشر والخامس عشر الميلادي.",  # ordinals
        "انقطع التيار قبيل الساعة التاسعة (1800 بتوقيت غرينتش).",  # a clock time
        "ستنخفض الحرارة إلى ما بين 10 و15 درجة تحت الصفر.",  # a pair of measures
        "دفع كل منهم وبين 25 ألف و30 ألف دولار أميركي.",  # a range of money
        "أطلقت الهند الصاروخ الباليستي \"أغني 5\" من منصة متحركة.",  # a model name
        "سجل اللاعب هدفه في الدقيقة 81 من المباراة.",  # a minute of a match
        "زار الوفد النمسا مرة واحدة.",  # واحدة is not a count here
        "استقبلت البلاد طالب لجوء لكل 25 مواطنا.",  # a rate
        "فاز الفريق على منافسه بنتيجة 2-صفر في المباراة.",  # a score
        "جرت الأحداث في الفترة بين عامي 1905 و1945.",  # a span of years
    ],
)
def test_not_a_figure(text: str) -> None:
    assert figs(text) == [], text


def test_negated_cue_does_not_decide_the_kind() -> None:
    f = one("استهدفت الميليشيات المنفذ بخمسة قذائف هاون لم تسفر عن أي إصابات.")
    assert (f.value, f.kind) == (5, "other")


def test_list_numbers_and_numbers_in_names_are_not_figures() -> None:
    assert figs("1. مقتل المدنيين في المدينة\n2. أصيب المتظاهرون") == []


def test_one_more_wounded() -> None:
    f = figs("قتل شرطي وجرح آخر في الهجوم.")
    assert [(x.value, x.kind) for x in f] == [(1, "killed"), (1, "injured")]


def test_bare_number_next_to_a_cue() -> None:
    f = one("أسفر الهجوم عن قتل 8، وإصابة آخرين.")
    assert (f.value, f.kind) == (8, "killed")


def test_year_with_counted_people_is_a_figure() -> None:
    f = one("نزح حوالي 1200 شخص من القرية.")
    assert f.value == 1200


@settings(max_examples=120, deadline=None)
@given(st.text(
    alphabet=st.sampled_from(list(
        "قتلأصيب13٠١٢٣٤٥٦ ثلاثةعشرألفآلاف،.«»\n\r\u064e\u0651\u0640\u200f\u202b😀abcمنحوأكثر"
    )),
    max_size=80,
))
def test_spans_slice_the_original_text_whatever_it_holds(text: str) -> None:
    doc = _RAW(Document(id="h", text=text))
    for f in doc.figures:
        for sp in (f.span, f.cue, f.counted):
            if sp is not None:
                assert text[sp.start : sp.end] == sp.text
