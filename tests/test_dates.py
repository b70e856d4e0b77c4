"""The ``dates`` stage: time expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_doc

from marsad.stages.dates import event_date
from marsad.text import calendar as cal

PUB = "2022-01-06"  # a Thursday


def dates_of(text: str, published: str | None = PUB) -> list[tuple[str, str | None, str]]:
    doc = make_doc(text, published, stages=("dates",))
    for d in doc.dates:
        assert doc.text[d.span.start : d.span.end] == d.span.text
    return [(d.span.text, d.date, d.precision) for d in doc.dates]


@pytest.mark.parametrize(("text", "expected"), [
    ("قال المتحدث اليوم إن الوضع هادئ", ("اليوم", "2022-01-06", "day")),
    ("وقع الانفجار أمس في وسط المدينة", ("أمس", "2022-01-05", "day")),
    ("بدأت الاحتجاجات أول أمس في ألما آتا", ("أول أمس", "2022-01-04", "day")),
    ("اندلعت المواجهات أول من أمس", ("أول من أمس", "2022-01-04", "day")),
    ("سقطت القذائف ليلة أول أمس على الحي", ("ليلة أول أمس", "2022-01-04", "day")),
    ("أعلنت الوزارة مساء أمس حظر التجول", ("مساء أمس", "2022-01-05", "day")),
    ("اجتمع المجلس صباح اليوم", ("صباح اليوم", "2022-01-06", "day")),
    ("أعلن الرئيس اليوم الخميس حالة الطوارئ", ("اليوم الخميس", "2022-01-06", "day")),
    ("تظاهر الآلاف يوم الجمعة في العاصمة", ("يوم الجمعة", "2021-12-31", "day")),
    ("وقعت الاشتباكات الأربعاء", ("الأربعاء", "2022-01-05", "day")),
    ("زار الوزير المدينة الخميس الماضي", ("الخميس الماضي", "2021-12-30", "day")),
    ("تعقد القمة السبت المقبل في الرياض", ("السبت المقبل", "2022-01-08", "day")),
    ("قتل جندي فجر الاثنين", ("فجر الاثنين", "2022-01-03", "day")),
])
def test_relative_days(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dates_of(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("تراجعت الأسعار الأسبوع الماضي", ("الأسبوع الماضي", "2021-12-27", "week")),
    ("ارتفع التضخم الشهر الماضي", ("الشهر الماضي", "2021-12-01", "month")),
    ("جرت الانتخابات العام الماضي", ("العام الماضي", "2021-01-01", "year")),
    ("تنتهي الولاية خلال العام الحالي", ("العام الحالي", "2022-01-01", "year")),
    ("قتل ثلاثة أشخاص قبل ثلاثة أيام", ("قبل ثلاثة أيام", "2022-01-03", "day")),
    ("اعتقل قبل 3 أيام", ("قبل 3 أيام", "2022-01-03", "day")),
    ("غادر منذ يومين", ("منذ يومين", "2022-01-04", "day")),
])
def test_periods_and_ago(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dates_of(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الوفد في 6 يناير 2022", ("6 يناير 2022", "2022-01-06", "day")),
    ("وصل الوفد في ٦ يناير ٢٠٢٢", ("٦ يناير ٢٠٢٢", "2022-01-06", "day")),
    ("صدر القرار بتاريخ 6/1/2022", ("6/1/2022", "2022-01-06", "day")),
    ("صدر القرار بتاريخ 2022-01-06", ("2022-01-06", "2022-01-06", "day")),
    ("جرت الانتخابات في يناير الماضي", ("يناير الماضي", "2021-01-01", "month")),
    ("وقعت الحادثة في 30 ديسمبر", ("30 ديسمبر", "2021-12-30", "day")),
    ("سيعقد المؤتمر في 20 فبراير المقبل", ("20 فبراير المقبل", "2022-02-20", "day")),
    ("بدأت الأزمة في 25 جويلية", ("25 جويلية", "2021-07-25", "day")),
    ("أجريت الانتخابات في 12 فيفري 2019", ("12 فيفري 2019", "2019-02-12", "day")),
    ("وقع الاتفاق في شهر أوت 2020", ("شهر أوت 2020", "2020-08-01", "month")),
    ("بدأت في 6 من أغسطس (آب)", ("6 من أغسطس (آب)", "2021-08-06", "day")),
    ("انتهت المعارك في عام 2012", ("عام 2012", "2012-01-01", "year")),
    ("بدأ العمل بالقانون في الأول من يناير 2020", ("الأول من يناير 2020", "2020-01-01", "day")),
    ("وقعت هجمات الحادي عشر من سبتمبر 2001", ("الحادي عشر من سبتمبر 2001", "2001-09-11", "day")),
    ("ستبدأ المحادثات غداً في جنيف", ("غداً", "2022-01-07", "day")),
    ("وقع الانفجار البارحة", ("البارحة", "2022-01-05", "day")),
    ("تأسست الجمعية عام 1436 هـ", ("عام 1436 هـ", "2014-10-25", "year")),
    ("وتراجع في 29 و30 أيار/مايو الماضي", ("29 و30 أيار/مايو الماضي", "2021-05-29", "day")),
])
def test_absolute_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in dates_of(text)


@pytest.mark.parametrize("text", [
    "انتهت في كانون الثاني/يناير 2021 المعارك",
    "انتهت في يناير/كانون الثاني 2021 المعارك",
    "انتهت في كانون الثاني - يناير 2021 المعارك",
])
def test_combined_month_names_are_one_mention(text: str) -> None:
    found = dates_of(text)
    assert len(found) == 1
    span, date, precision = found[0]
    assert "كانون الثاني" in span and "يناير" in span
    assert (date, precision) == ("2021-01-01", "month")


def test_month_pair_separated_by_a_space() -> None:
    assert dates_of("فرضت عقوبات في أبريل نيسان الماضي") == [
        ("أبريل نيسان الماضي", "2021-04-01", "month")]


def test_levantine_month_with_day_and_modifier() -> None:
    found = dates_of("قال في 30 آذار/مارس الماضي إن")
    assert found == [("30 آذار/مارس الماضي", "2021-03-30", "day")]


def test_two_different_months_are_not_merged() -> None:
    found = dates_of("من يناير - مارس 2021 تراجعت المبيعات")
    assert found[0][0] == "يناير"


def test_hijri_dates() -> None:
    doc = make_doc("بدأ الصيام في 15 رمضان 1443 هـ حسب التقويم", stages=("dates",))
    (d,) = doc.dates
    assert (d.span.text, d.date, d.calendar) == ("15 رمضان 1443 هـ", "2022-04-16", "hijri")
    # numeric Hijri with a weekday before it: one mention, dated by the numbers
    found = dates_of("أعلنت الوزارة اليوم الخميس 7/ 10/ 1436هـ مقتل", "2015-07-23")
    assert found == [("اليوم الخميس 7/ 10/ 1436هـ", "2015-07-23", "day")]


def test_hijri_and_gregorian_pair() -> None:
    found = dates_of("الخرطوم 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", None)
    assert [d for _, d, _ in found] == ["2015-08-11", "2015-08-11"]


def test_diacritics_and_tatweel_keep_original_offsets() -> None:
    text = "وَقَعَ الهُجُومُ أَمْسِ الأربعـــاء في المدينة"
    doc = make_doc(text, stages=("dates",))
    (d,) = doc.dates
    assert d.span.text == "أَمْسِ الأربعـــاء"
    assert d.date == "2022-01-05"


def test_weekday_on_publication_day_is_that_day() -> None:
    assert dates_of("اجتمع الوزراء الخميس")[0][1] == "2022-01-06"


def test_named_weekday_corrects_a_late_publication() -> None:
    # written on Monday, published on Tuesday: «أمس الأحد» is still Sunday
    assert dates_of("قال أمس الأحد إن", "2022-01-04")[0][1] == "2022-01-02"


def test_without_publication_relative_dates_are_unresolved() -> None:
    found = dates_of("وقع الانفجار أمس وفي 6 يناير 2022", None)
    assert ("أمس", None, "day") in found
    assert ("6 يناير 2022", "2022-01-06", "day") in found


@pytest.mark.parametrize("text", [
    "في مثل هذا اليوم من عام",  # «this day», not today (the year is fine)
    "وهو ما يعد اليوم الأكثر دموية",
    "في اليوم التالي عاد الهدوء",
    "نقلت قناة روسيا اليوم عن مصدر",
    "مارس الضغط على الحكومة",  # the verb, not March
    "قالت رئيسة الوزراء تيريزا ماي إن",  # May the person
    "نحن في أمس الحاجة إلى المساعدة",
    "فاز الفريق في الدور الخامس",  # «امس» inside a word
    "وصل الأحد عشر لاعبا",
    "اتفق الاثنان على أن كلا الاثنين",
    "قتل 1967 شخصا",  # a number is not a year without عام/في
    "صفر من الأصوات ورمضان",  # Hijri month names without a day or year
])
def test_negative_cases(text: str) -> None:
    found = dates_of(text)
    assert all(span not in ("اليوم", "مارس", "ماي", "أمس", "الأحد", "الاثنين", "صفر",
                            "رمضان", "1967") for span, _, _ in found), found


def test_year_without_keyword_is_ignored_but_with_keyword_found() -> None:
    assert dates_of("قتل 1967 شخصا") == []
    assert dates_of("منذ عام 2013") == [("عام 2013", "2013-01-01", "year")]


def test_sentence_index_and_event_date() -> None:
    text = "وقع الانفجار أمس في بغداد. وأعلنت الشرطة اليوم اعتقال ثلاثة أشخاص الخميس الماضي."
    doc = make_doc(text, stages=("dates",))
    assert [d.sentence for d in doc.dates] == [0, 1, 1]
    trigger = doc.ntext.index("اعتقال")
    d = event_date(doc, 1, trigger)
    assert d is not None and d.span.text == "اليوم"
    d0 = event_date(doc, 0, doc.ntext.index("الانفجار"))
    assert d0 is not None and d0.date == "2022-01-05"
    doc2 = make_doc("قتل ثلاثة أشخاص في بغداد.", stages=("dates",))
    assert event_date(doc2, 0, 0) is None


def test_event_date_skips_the_date_of_the_report() -> None:
    text = ("وذكرت وكالة يونهاب الأحد أن مسؤولين من كوريا الجنوبية طلبوا من نظرائهم "
            "خلال محادثات عسكرية يوم الخميس إبعاد المدفعية.")
    doc = make_doc(text, "2018-06-18", stages=("dates",))
    d = event_date(doc, 0, doc.ntext.index("طلبوا"))
    assert d is not None and d.span.text == "يوم الخميس" and d.date == "2018-06-14"
    # without «أن» between them the nearer date wins
    doc = make_doc("طلب المسؤولون الأحد خلال محادثات يوم الخميس الماضي إبعاد المدفعية.",
                   "2018-06-18", stages=("dates",))
    d = event_date(doc, 0, doc.ntext.index("طلب"))
    assert d is not None and d.span.text == "الأحد"


def test_event_date_prefers_a_day_to_a_year_nearby() -> None:
    doc = make_doc("قتل في العام الماضي قائد الفصيل الذي هاجم أمس الحاجز.", stages=("dates",))
    d = event_date(doc, 0, doc.ntext.index("هاجم"))
    assert d is not None and d.span.text == "أمس"


def test_event_date_falls_back_to_the_news_date() -> None:
    text = "قتل ثلاثة أشخاص أمس في بغداد. وأصيب عشرة آخرون بجروح.\nوفي سياق آخر اعتقلت الشرطة مشتبها."
    doc = make_doc(text, stages=("dates",))
    d = event_date(doc, 1, doc.ntext.index("واصيب"))
    assert d is not None and d.date == "2022-01-05"  # same paragraph
    assert event_date(doc, 1, doc.ntext.index("واصيب"), fallback=False) is None
    d = event_date(doc, 2, doc.ntext.index("اعتقلت"))
    assert d is not None and d.date == "2022-01-05"  # the lede's date
    old = make_doc("قتل ثلاثة أشخاص في 6 يناير 2015. وأصيب عشرة آخرون.", stages=("dates",))
    assert event_date(old, 1, old.ntext.index("واصيب")) is not None  # same paragraph
    old = make_doc("قتل ثلاثة أشخاص في 6 يناير 2015.\nوأصيب عشرة آخرون.", stages=("dates",))
    assert event_date(old, 1, old.ntext.index("واصيب")) is None  # not a recent date


def test_calendar_arithmetic() -> None:
    thu = dt.date(2022, 1, 6)
    assert cal.weekday_near(thu, 3) == thu
    assert cal.weekday_near(thu, 3, "before") == dt.date(2021, 12, 30)
    assert cal.weekday_near(thu, 3, "after") == dt.date(2022, 1, 13)
    assert cal.month_near(thu, 1, "before") == dt.date(2021, 1, 1)
    assert cal.month_near(thu, 12) == dt.date(2021, 12, 1)
    assert cal.day_month_near(dt.date(2021, 3, 1), 2, 29) == dt.date(2020, 2, 29)
    assert cal.hijri_to_gregorian(1443, 9, 15) == dt.date(2022, 4, 16)
    assert cal.hijri_to_gregorian(1443, 13, 1) is None
    assert cal.month_number("كانون  الثاني") == 1
    assert cal.MONTHS["جويليه"] == 7  # جويلية, folded


def test_hijri_conversion_without_hijridate_stays_within_two_days(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "بدأ الصيام في 1 رمضان 1443 هـ."
    with_lib = make_doc(text, "2022-04-05", ("dates",)).dates[0].date
    exact = [(y, m, d, cal.hijri_to_gregorian(y, m, d))
             for y in range(1400, 1470, 3) for m in range(1, 13) for d in (1, 15, 29)]
    monkeypatch.setattr(cal, "Hijri", None)
    monkeypatch.setattr(cal, "Gregorian", None)
    for y, m, d, want in exact:
        got = cal.hijri_to_gregorian(y, m, d)
        assert want is not None and got is not None
        assert abs((got - want).days) <= 2, (y, m, d, got, want)
        if d == 15:
            assert cal.hijri_year_of(want) == y
    assert cal.hijri_to_gregorian(1443, 13, 1) is None
    # the whole stage still dates a Hijri mention, within the same two days
    without = make_doc(text, "2022-04-05", ("dates",)).dates[0].date
    assert with_lib == "2022-04-02"  # Umm al-Qura
    assert abs((dt.date.fromisoformat(without) - dt.date.fromisoformat(with_lib)).days) <= 2
