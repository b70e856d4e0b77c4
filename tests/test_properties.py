"""Property tests: whatever the input holds, every span the pipeline emits slices the
original text to its own text, and processing never raises anything but an InputError."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.io.validate import make_document
from marsad.pipeline import Pipeline
from marsad.text.normalize import Normalized, fold

# Pieces of real news text, so the extractors have something to find.
FRAGMENTS = [
    "قتل 13 من عناصر الشرطة", "وأصيب أكثر من 300 آخرين", "قالت وزارة الخارجية إن",
    "وأكد المتحدث باسم الجيش، العقيد تركي المالكي، أن", "بحسب وكالة سبوتنيك",
    "وفق ما ذكرته وكالة الأنباء", "أمس الأربعاء", "اليوم الخميس 7/ 10/ 1436هـ",
    "في 6 كانون الثاني/يناير 2022", "الخميس الماضي", "قبل ثلاثة أيام", "15 رمضان 1443 هـ",
    "منذ 2013", "عام 1436 هـ", "في الأول من يناير", "غداً", "29 و30 أيار/مايو", "6/1/2022",
    "منذ عام", "الأسبوع الماضي", "شهر ماي", "أبريل نيسان",
    "في مدينة ألما آتا", "شمال سوريا", "دبي، الإمارات العربية المتحدة (CNN)--",
    "الخرطوم - سكاي نيوز عربية", "«لن نستسلم.»", "“هذا يوم حزين”", '"إنها كارثة."',
    "مقتل جنديين وإصابة ٤ آخرين", "نحو ٣٬٥٠٠ متظاهر", "بين 10 و15 قتيلا", "ألفين", "عشرات",
    "وَقَالَ المُتَحَدِّثُ", "الهجـــوم", "ﻻ", "ﷺ", "ﷲ", "ﻹ", "ﺍﻟﺴﻼﻡ", "١٢٣٫٥", "۱۲۳",
    "\u200fقال\u200f", "\u202bدبي\u202c", "\u2067ليبيا\u2069", "\u061c", "\ufeff", "\u00ad",
    "😀", "🇸🇾", "👨\u200d👩\u200d👧", "\r\n", "\r", "\n", "\n\n", " ", "\u00a0", "\t", ".", "،",
    "؟", "!", ":", "(", ")", "-", "—", "/", "•", "...", "CNN", "Reuters", "3.5", "2022-01-06",
]
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cf"),
    include_characters="\u0621\u0627\u0644\u0648\u064b\u0650\u0651\u0640\u0660\u06f0\ufefb\r\n",
)
TEXTS = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ALPHABET, max_size=6)), max_size=30
).map(" ".join)

_PIPELINE: Pipeline | None = None


def pipeline() -> Pipeline:
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


def _spans(obj: Any, path: str = "$"):  # type: ignore[no-untyped-def]
    """Every dict in ``obj`` with int ``start``/``end`` (and its path)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            yield path, obj
        for k, v in obj.items():
            yield from _spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _spans(v, f"{path}[{i}]")


def _check_output(text: str) -> None:
    try:
        out = pipeline().process({"id": "p", "text": text, "published": "2022-01-06"})
    except InputError:
        return  # empty or non-Arabic input: a clear, expected refusal
    n = len(text)
    count = 0
    for path, d in _spans(out):
        start, end = d["start"], d["end"]
        assert 0 <= start <= end <= n, (path, d)
        if "text" in d:
            assert text[start:end] == d["text"], (path, d)
        count += 1
    for start, end, kind in out["sentences"]:
        assert 0 <= start < end <= n and isinstance(kind, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_every_span_slices_the_original_text(text: str) -> None:
    _check_output(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25).map("".join))
def test_glued_fragments(text: str) -> None:
    _check_output(text)


def test_real_article_spans(example: dict) -> None:
    # the bundled example through the same check, with its own text
    from marsad.cli.extract import example_record

    rec = example_record()
    _check_output(rec["text"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join),
       st.dates() | st.none())
def test_dates_never_raise_whatever_the_publication_date(text: str,
                                                        published: dt.date | None) -> None:
    from marsad.stages.dates import event_date

    try:
        doc = make_document({"id": "p", "text": text, "published": published})
    except InputError:
        return
    doc = Pipeline(("segment", "dates"))(doc)
    for d in doc.dates:
        assert doc.text[d.span.start : d.span.end] == d.span.text
        assert d.precision in ("day", "week", "month", "year")
    for i, s in enumerate(doc.sentences):
        event_date(doc, i, s.nstart)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_tokens_and_words_slice_both_texts(text: str) -> None:
    try:
        doc = make_document({"id": "p", "text": text})
    except InputError:
        return
    pipe = Pipeline(("segment",))
    doc = pipe(doc)
    for s in doc.sentences:
        assert doc.ntext[s.nstart : s.nend] and doc.text[s.start : s.end]
        for t in s.tokens:
            assert doc.text[t.start : t.end] == t.text
            assert doc.ntext[t.nstart : t.nend] == t.norm
            assert s.nstart <= t.nstart < t.nend <= s.nend
            for w in t.words:
                assert t.start <= w.start <= w.end <= t.end
                assert doc.text[w.start : w.end] == w.text


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=40) | TEXTS)
def test_normalized_offsets(text: str) -> None:
    norm = Normalized(text)
    n = len(norm.text)
    starts, ends = norm.offset_maps()
    prev = 0
    for i in range(n + 1):
        assert starts[i] == norm.start(i) and ends[i] == norm.end(i)
        assert prev <= norm.start(i) <= len(text)
        prev = norm.start(i)
    for i in range(0, n + 1, max(1, n // 7)):
        for j in range(i, n + 1, max(1, n // 5)):
            a, b = norm.span(i, j)
            assert 0 <= a <= b <= len(text)
            # the folded form of the original span holds the folded span
            assert norm.text[i:j] in fold(text[a:b])
    assert fold(norm.text) == norm.text  # folding is idempotent
    if norm.identity:
        assert n == len(text)
