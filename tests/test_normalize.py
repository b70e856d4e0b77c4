"""The folded copy of the text and its map back to original offsets."""

from __future__ import annotations

import pytest

from marsad.text.normalize import Normalized, fold


@pytest.mark.parametrize(("raw", "folded"), [
    ("أإآٱ", "اااا"),
    ("مستشفى", "مستشفي"),
    ("الشرطة", "الشرطه"),
    ("مؤتمر", "موتمر"),
    ("رئيس", "رييس"),
    ("١٣ قتيلاً و۲۵ جريحاً", "13 قتيلا و25 جريحا"),
    ("٣٫٥ مليون و١٬٢٠٠", "3.5 مليون و1,200"),
    ("وَقَالَ المُتَحَدِّثُ", "وقال المتحدث"),
    ("الهجـــوم", "الهجوم"),
    ("\u200fقال\u202b دبي\u202c", "قال دبي"),
    ("ﻻ", "لا"),
    ("ﺍﻟﺴﻼﻡ", "السلام"),
    ("a\r\nb", "a \nb"),
])
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert fold(folded) == folded


def test_identity_when_nothing_vanishes() -> None:
    norm = Normalized("قالت الشرطة إن ١٣ شرطياً قتلوا")
    assert not norm.identity or len(norm.text) == len(norm.original)
    plain = Normalized("قالت الشرطة إن 13 شرطيا قتلوا")
    assert plain.identity and plain.span(5, 11) == (5, 11)


def test_diacritics_are_covered_by_the_letter_before_them() -> None:
    text = "وَقَالَ المُتَحَدِّثُ"
    norm = Normalized(text)
    i = norm.text.index("المتحدث")
    a, b = norm.span(i, i + len("المتحدث"))
    assert text[a:b] == "المُتَحَدِّثُ"  # the final damma belongs to the word
    a, b = norm.span(0, 4)
    assert text[a:b] == "وَقَالَ"


def test_tatweel_and_bidi_marks_vanish_but_spans_keep_them_inside() -> None:
    text = "\u200fالهجـــوم\u200f"
    norm = Normalized(text)
    assert norm.text == "الهجوم"
    a, b = norm.span(0, len(norm.text))
    assert text[a:b] == "الهجـــوم"


def test_expanded_ligature_maps_to_the_whole_character() -> None:
    text = "النبي ﷺ قال"
    norm = Normalized(text)
    assert "صلي الله عليه وسلم" in norm.text
    i = norm.text.index("الله")
    a, b = norm.span(i, i + 4)
    assert text[a:b] == "ﷺ"
    j = norm.text.index("قال")
    assert text[slice(*norm.span(j, j + 3))] == "قال"


def test_empty_and_reversed_spans() -> None:
    norm = Normalized("الهجـوم")
    assert norm.span(3, 3)[0] == norm.span(3, 3)[1]
    assert norm.span(4, 2)[0] == norm.span(4, 2)[1]


def test_text_that_folds_to_nothing_is_not_an_identity() -> None:
    # regression: a lone combining sign used to report identity offsets
    norm = Normalized("\u0610")
    assert norm.text == "" and not norm.identity
    assert norm.span(0, 0) == (1, 1)


def test_offset_maps_agree_with_start_and_end() -> None:
    text = "\u202bوَقَالَ\u202c ﷺ الهجـوم ١٣"
    norm = Normalized(text)
    starts, ends = norm.offset_maps()
    assert len(starts) == len(ends) == len(norm.text) + 1
    for i in range(len(norm.text) + 1):
        assert starts[i] == norm.start(i)
        assert ends[i] == norm.end(i)


def test_ligature_whose_compatibility_form_carries_a_mark() -> None:
    # U+FC5B decomposes to ذ + superscript alef (a mark): the mark is dropped like any other
    norm = Normalized("قال ﱛلك")
    assert norm.text == "قال ذلك"
    assert fold(norm.text) == norm.text
    assert norm.span(4, 5) == (4, 5)


def test_units_found_from_special_characters_are_the_full_scan_s() -> None:
    """``_units`` jumps to the marks, invisibles and ligatures instead of trying the three-way
    pattern at every position; it must find exactly what that scan finds."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from marsad.text.normalize import _NEEDS_MAP, _units

    letters = st.sampled_from(["ا", "ب", "ة", " ", "x", "1", "\u064b", "\u0651", "\u0640",
                               "\u0670", "\u06d6", "\u200f", "\u202a", "\ufeff", "\u00ad",
                               "\ufb50", "\ufef7", "\ufdf2", "\uff21", "\u2003"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(letters, max_size=16).map("".join))
    def check(text: str) -> None:
        assert [m.span() for m in _units(text)] == [m.span() for m in _NEEDS_MAP.finditer(text)]

    check()
