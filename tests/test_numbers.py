"""Number expressions: digits, number words, compounds, vague amounts (marsad.text.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import fold
from marsad.text.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13", 13),
        ("١٣", 13),  # Arabic-Indic digits
        ("۴۰۰", 400),  # Persian digits
        ("1,200", 1200),
        ("١٬٢٠٠", 1200),  # Arabic thousands separator
        ("واحد", 1),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("ثمانية", 8),
        ("عشرة", 10),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("ثلاثة عشر", 13),
        ("خمسة وعشرون", 25),
        ("عشرين", 20),
        ("ثلاثمائة", 300),
        ("ثلاثمئة", 300),
        ("ثلاث مئة", 300),
        ("مئتا", 200),
        ("مئتين", 200),
        ("مائة وخمسون", 150),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف", 3000),
        ("8 آلاف", 8000),
        ("13 ألف", 13000),
        ("ثلاثة آلاف وخمسمائة", 3500),
        ("ألف ومئتين", 1200),
        ("13 ألفا و706", 13706),
        ("ثلاثة عشر ألفا", 13000),
        ("مليونا", 2_000_000),  # the dual before its noun: مليونا فلسطيني
        ("7 ملايين و409 آلاف و843", 7_409_843),
        ("مليون", 1_000_000),
        ("مليون ونصف", 1_500_000),
        ("نصف مليون", 500_000),
        ("1.5 مليون", 1_500_000),
        ("١٫٥ مليون", 1_500_000),
        ("عشرات", 10),
        ("مئات", 100),
        ("آلاف", 1000),
        ("عشرات الآلاف", 10_000),
        ("مئات الآلاف", 100_000),
        ("ثلاثةَ عشرَ", 13),  # with diacritics
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_vague_words_are_marked_vague() -> None:
    for text in ("عشرات", "مئات", "آلاف", "عشرات الآلاف"):
        (e,) = find_numbers(fold(text))
        assert e.vague, text
    (e,) = find_numbers(fold("ثلاثة آلاف"))
    assert not e.vague


@pytest.mark.parametrize(
    "text", ["بين 10 و15", "ثلاثة وأربعة", "قتل ثلاثة وأصيب أربعة", "بين 25 ألف و30 ألف"]
)
def test_numbers_arabic_does_not_combine_stay_apart(text: str) -> None:
    assert len(find_numbers(fold(text))) == 2


@pytest.mark.parametrize(
    "text",
    [
        "يوم الثلاثاء الماضي",  # ثلاث inside a weekday
        "يوم الأحد",
        "يوم الخميس",
        "كمية من الذخائر",  # مية inside a word
        "الطائرة F16 وصاروخ A320",  # digits glued to Latin letters
        "قال الرجل",
        "قال لست جاهزا بعد",  # لست is a verb
    ],
)
def test_no_number_inside_other_words(text: str) -> None:
    assert find_numbers(fold(text)) == []


def test_offsets_point_at_the_number() -> None:
    text = fold("قتل حتى اليوم 13 من عناصر الشرطة وأصيب أكثر من ثلاثمائة آخرين")
    found = find_numbers(text)
    assert [text[e.start : e.end] for e in found] == ["13", fold("ثلاثمائة")]
    assert [e.value for e in found] == [13, 300]


def test_clitic_is_not_part_of_the_number() -> None:
    text = fold("وأصيب 4 وثلاثة آخرون")
    (a, b) = find_numbers(text)
    assert text[b.start : b.end] == fold("ثلاثة")
    assert b.atoms[0].waw


def test_decimal_is_flagged() -> None:
    (e,) = find_numbers("12.5")
    assert e.decimal


def test_parse_number_rejects_other_text() -> None:
    assert parse_number("قال المتحدث") is None
    assert parse_number("ثلاثة قتلى") is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="٠١٢٣٤٥٦٧٨٩0123456789 ,.وثلاثةعشرألفمليونآلافمئةونصفعشرات", max_size=40))
def test_find_numbers_never_raises_and_spans_are_ordered(text: str) -> None:
    folded = fold(text)
    last = -1
    for e in find_numbers(folded):
        assert last <= e.start < e.end <= len(folded)
        assert e.value >= 0
        last = e.end
