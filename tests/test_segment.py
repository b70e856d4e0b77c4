"""Sentences, tokens and clitics (stage ``segment``) on real Arabic news text."""

from __future__ import annotations

import pytest
from conftest import make_doc

from marsad.text.clitics import analyze
from marsad.text.normalize import fold
from marsad.text.segment import clitics, split_sentences, tokenize


def sents(text: str) -> list[tuple[str, str]]:
    doc = make_doc(text)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == doc.sentence_span(doc.sentences.index(s)).text
    return [(doc.text[s.start : s.end], s.kind) for s in doc.sentences]


def texts(text: str) -> list[str]:
    return [t for t, _ in sents(text)]


def test_full_stops_question_marks_and_line_breaks() -> None:
    text = "قتل 13 شرطيا. وأصيب أكثر من 300 آخرين؟ وقالت الوزارة إن الوضع هادئ!\nوأعلنت الحكومة الطوارئ"
    assert texts(text) == ["قتل 13 شرطيا.", "وأصيب أكثر من 300 آخرين؟",
                           "وقالت الوزارة إن الوضع هادئ!", "وأعلنت الحكومة الطوارئ"]


def test_quotes_survive() -> None:
    text = ('وكتب الشريف تغريدة قائلا "إنها كارثة. ليس ثمة كلمات يمكن أن تصفها". '
            "وقال أبوت: «اتصلت بي السيدة بيشوب. لكي تبلغني أنها ستستقيل». "
            "وأضاف: “هذا يوم حزين. جدا”. وانتهى المؤتمر.")
    assert texts(text) == [
        'وكتب الشريف تغريدة قائلا "إنها كارثة. ليس ثمة كلمات يمكن أن تصفها".',
        "وقال أبوت: «اتصلت بي السيدة بيشوب. لكي تبلغني أنها ستستقيل».",
        "وأضاف: “هذا يوم حزين. جدا”.",
        "وانتهى المؤتمر.",
    ]


def test_stop_before_the_closing_quote_ends_the_sentence() -> None:
    text = "وقال: «لن نستسلم.» وأضاف أن المفاوضات ستستمر."
    assert texts(text) == ["وقال: «لن نستسلم.»", "وأضاف أن المفاوضات ستستمر."]


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = "وقال المتحدث «إن القوات تقدمت. وسيطرت على المدينة. ثم انسحب المسلحون."
    assert len(texts(text)) == 3


def test_decimals_abbreviations_and_acronyms() -> None:
    text = ("ارتفع التضخم إلى 14.1 % في يوليو. وقال د. أحمد إن وكالة أ.ف.ب نقلت الخبر. "
            "وأكدت شبكة سي.بي.إس ذلك.")
    assert texts(text) == ["ارتفع التضخم إلى 14.1 % في يوليو.",
                           "وقال د. أحمد إن وكالة أ.ف.ب نقلت الخبر.", "وأكدت شبكة سي.بي.إس ذلك."]


def test_glued_full_stop_between_words_breaks_but_not_in_a_site_name() -> None:
    text = "بدأت المسيرة في 30 مارس الماضي.وهو ما يعد تصعيدا. ونقل موقع العربية.نت الخبر."
    assert texts(text) == ["بدأت المسيرة في 30 مارس الماضي.", "وهو ما يعد تصعيدا.",
                           "ونقل موقع العربية.نت الخبر."]


def test_bullets() -> None:
    text = "أبرز النقاط:\n- وقف إطلاق النار فورا\n- تبادل الأسرى • فتح المعابر • عودة النازحين"
    found = texts(text)
    assert found[1] == "- وقف إطلاق النار فورا"
    assert found[2:] == ["- تبادل الأسرى", "فتح المعابر", "عودة النازحين"]


def test_numbered_list_item_is_not_a_sentence_end() -> None:
    assert texts("1. وقف إطلاق النار\n2. فتح المعابر") == ["1. وقف إطلاق النار", "2. فتح المعابر"]


@pytest.mark.parametrize(("text", "dateline"), [
    ("دبي، الإمارات العربية المتحدة (CNN)-- قدمت أفغانستان تعازيها.",
     "دبي، الإمارات العربية المتحدة (CNN)--"),
    ("واشنطن، الولايات المتحدة الأمريكية (CNN) -- أثار لويس فارخان جدلا.",
     "واشنطن، الولايات المتحدة الأمريكية (CNN) --"),
    ("(CNN)-- علق وزير الطاقة الأمريكي عمله.", "(CNN)--"),
    ("الخرطوم - سكاي نيوز عربية\nأعلن الجيش السوداني حظر التجول.", "الخرطوم - سكاي نيوز عربية"),
    ("واس- الرياض: نفذت وزارة الداخلية اليوم حكم القتل.", "واس- الرياض:"),
    ("سيدني - د.ب.أ: استقالت رئيسة البرلمان الأسترالي أمس.", "سيدني - د.ب.أ:"),
    ("رويترز- بنغازي (ليبيا): قال متحدثون عسكريون إن", "رويترز- بنغازي (ليبيا):"),
    ("القاهرة (رويترز) - قالت مصادر أمنية إن", "القاهرة (رويترز) -"),
    ("الخرطوم 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\nركزت الصحف السودانية على اللقاء.",
     "الخرطوم 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس"),
])
def test_datelines(text: str, dateline: str) -> None:
    found = sents(text)
    assert found[0] == (dateline, "dateline")
    assert found[1][1] == "body"


@pytest.mark.parametrize("text", [
    "قالت الشرطة إن مسلحين هاجموا مركزا أمنيا في حلب - شمال سوريا.",
    "وأطلق المسلح النار على إقبال (59 عاما) وهو عضو بارز في حزب الرابطة - بحسب الشرطة.",
    "قتل شخصان على الأقل بعدما شقت عاصفة قوية - وفق السلطات - طريقها.",
])
def test_no_dateline_in_body_sentences(text: str) -> None:
    assert all(kind == "body" for _, kind in sents(text))


def test_byline_and_title() -> None:
    found = sents("الثورة – ريم صالح:\nدخول العصابات على خط الاحتجاجات في كازاخستان.")
    assert found[0] == ("الثورة – ريم صالح:", "byline")
    found = sents("استقالة رئيسة البرلمان الأسترالي بسبب فضيحة\nسيدني - د.ب.أ: استقالت رئيسة البرلمان.")
    assert [k for _, k in found] == ["title", "dateline", "body"]
    # a first line that ends with a full stop is a body sentence
    assert sents("قتل ثلاثة أشخاص.\nوأصيب آخرون.")[0][1] == "body"


def test_sentences_are_ordered_disjoint_and_trimmed() -> None:
    text = "  دبي (CNN)--  قتل 3.   وأصيب 4 «في الهجوم. الأخير»  \n\n  • أولا  • ثانيا  "
    spans = split_sentences(fold(text))
    for (a, b, _), (c, _, _) in zip(spans, spans[1:], strict=False):
        assert a < b <= c
    for a, b, _ in spans:
        assert not text[a].isspace() and not text[b - 1].isspace()


def test_tokens_keep_original_offsets_with_diacritics_and_tatweel() -> None:
    text = "وَقَالَ المُتَحَدِّثُ إنّ الهجـــوم أسفر عن مقتل ١٣ شخصاً، و3.5 مليون دولار."
    doc = make_doc(text)
    toks = [t for s in doc.sentences for t in s.tokens]
    for t in toks:
        assert doc.text[t.start : t.end] == t.text
        assert doc.ntext[t.nstart : t.nend] == t.norm
        for w in t.words:
            assert doc.text[w.start : w.end] == w.text
    norms = [t.norm for t in toks]
    assert "الهجوم" in norms and "13" in norms and "3.5" in norms and "،" in norms
    wa = toks[0]
    assert [(w.text, w.role) for w in wa.words] == [("وَ", "prefix"), ("قَالَ", "stem")]
    assert wa.stem == "قال"


@pytest.mark.parametrize(("word", "parts"), [
    ("وقال", ["و", "قال"]),
    ("فأكد", ["ف", "اكد"]),
    ("وأضاف", ["و", "اضاف"]),
    ("والحكومة", ["و", "ال", "حكومه"]),
    ("للحكومة", ["ل", "ل", "حكومه"]),
    ("وبالتالي", ["و", "ب", "ال", "تالي"]),
    ("بسبب", ["ب", "سبب"]),
    ("حكومته", ["حكومه", "ه"]),  # ta marbuta restored in the stem's norm
    ("بينهم", ["بين", "هم"]),
    ("منها", ["من", "ها"]),
    ("بلاده", ["بلاد", "ه"]),
    ("لدينا", ["لدي", "نا"]),
])
def test_clitics_split(word: str, parts: list[str]) -> None:
    doc = make_doc(f"قال المتحدث {word} اليوم")
    tok = doc.sentences[0].tokens[2]
    assert [w.norm for w in tok.words] == parts
    assert "".join(w.text for w in tok.words) == word


@pytest.mark.parametrize("word", [
    "وزارة", "فلسطين", "بلد", "ولاية", "كان", "كما", "لكن", "ولكن", "ألمانيا", "إلغاء",
    "التي", "الذي", "إلى", "وجود", "والدة", "لجنة", "دولي", "رئيسي",
])
def test_clitics_not_split(word: str) -> None:
    doc = make_doc(f"قال المتحدث {word} اليوم")
    tok = doc.sentences[0].tokens[2]
    assert tok.words == (), [w.norm for w in tok.words]
    assert tok.stem == fold(word)


def test_ta_marbuta_is_not_a_pronoun() -> None:
    # «جنه» with a final ه could be «his jinn»; with ة it is one word
    assert analyze(fold("رسالة"), True, False) == ()
    assert [p[3] for p in analyze(fold("رسالته"), False, False)] == ["رساله", "ه"]


def test_tokenize_and_clitics_helpers() -> None:
    text = fold("قتل 13 شخصاً، و3.5 مليون")
    assert [text[a:b] for a, b in tokenize(text)] == ["قتل", "13", "شخصا", "،", "و", "3.5",
                                                      "مليون"]
    assert clitics("مليون") == [(0, 5, "stem")]
    assert clitics("والشرطه") == [(0, 1, "prefix"), (1, 3, "prefix"), (3, 7, "stem")]
