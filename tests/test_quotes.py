"""The ``quotes`` stage: speech cues, content, speakers, attribution sources and chains."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model.document import Document
from marsad.pipeline import Pipeline
from marsad.text.cues import CUE_RE, cue_gender
from marsad.text.normalize import fold
from marsad.text.speech import strip_span
from tests.conftest import make_doc

_PIPE = Pipeline(("segment", "quotes"))


def run(text: str) -> Document:
    return make_doc(text, stages=("quotes",))


def spans_ok(doc: Document) -> None:
    for q in doc.quotes:
        for sp in (q.cue, q.content, q.speaker, *q.sources):
            if sp is not None:
                assert doc.text[sp.start : sp.end] == sp.text
    for s in doc.sources:
        for sp in (s.span, s.cue, *s.chain):
            if sp is not None:
                assert doc.text[sp.start : sp.end] == sp.text


# -- cues ---------------------------------------------------------------------------------


@pytest.mark.parametrize("word", [
    "قال", "قالت", "وقالوا", "يقول", "تقول", "قيل", "فقد صرح", "لتؤكد", "وأضافت", "أفيد",
    "حذرتها", "مضيفًا", "قائلة", "مشيرين", "وأكَّد", "يتهمونه", "نافيا",
])
def test_cue_forms_match(word: str) -> None:
    assert CUE_RE.search(fold(word)) is not None


@pytest.mark.parametrize("word", ["مقال", "مقالة", "انتقال", "قالي", "التأكيد", "القائل", "مقالات"])
def test_words_that_only_contain_a_cue_do_not_match(word: str) -> None:
    assert CUE_RE.search(fold(word)) is None


def test_cue_gender_and_number() -> None:
    assert cue_gender(fold("قالت")) == "f"
    assert cue_gender(fold("قال")) == "m"
    assert cue_gender(fold("قالوا")) == "p"
    assert cue_gender(fold("تقول")) == "f"
    assert cue_gender(fold("لفت")) == "m"  # the ت is the root's, not the feminine ending
    assert cue_gender(fold("مضيفة")) == "f"


# -- speakers -----------------------------------------------------------------------------


def test_vso_speaker_and_indirect_content() -> None:
    doc = run("وقالت الشرطة الكازاخية أنه تم العثور على جثتين لعنصرين من الشرطة.")
    [q] = doc.quotes
    assert q.cue.text == "وقالت"
    assert q.speaker is not None and q.speaker.text == "الشرطة الكازاخية"
    assert q.speaker_from == "explicit"
    assert q.content.text.startswith("أنه تم العثور")
    assert not q.direct
    spans_ok(doc)


def test_svo_speaker_before_the_verb() -> None:
    doc = run("وزارة الخارجية الروسية أكدت في هذا السياق، أن الأحداث في كازاخستان محاولة "
              "مستوحاة من الخارج.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "وزارة الخارجية الروسية"
    assert q.cue.text == "أكدت"


def test_apposition_kept_and_adjuncts_left_out() -> None:
    doc = run("في بكين فقد صرح المتحدث باسم وزارة الخارجية الصينية، وانغ وينبين في مؤتمر صحفي، "
              "اليوم الخميس أن الصين تعتبر ما يحدث شأنا داخليا.")
    [q] = doc.quotes
    assert q.speaker is not None
    assert q.speaker.text == "المتحدث باسم وزارة الخارجية الصينية، وانغ وينبين"
    assert "صرح" not in q.speaker.text and "مؤتمر" not in q.speaker.text
    assert q.content.text.startswith("أن الصين")


def test_time_word_before_the_subject() -> None:
    doc = run("قال يوم الاثنين متحدثون عسكريون باسم الحكومة إن طائرات حربية أغرقت سفينة.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text.startswith("متحدثون عسكريون")


def test_relative_clause_subject() -> None:
    doc = run("قتل فلسطينيان برصاص الجيش الإسرائيلي الذي أفاد أنه تم إلقاء قنابل حارقة.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "الجيش الإسرائيلي"


def test_omitted_subject_resolves_by_gender() -> None:
    doc = run("وقالت الشرطة إن الهجوم وقع ليلا. وأضاف المتحدث باسم الوزارة أن التحقيق بدأ. "
              "وأضافت أن ثلاثة أشخاص اعتقلوا.")
    assert [q.cue.text for q in doc.quotes] == ["وقالت", "وأضاف", "وأضافت"]
    last = doc.quotes[2]
    assert last.speaker_from == "antecedent"
    assert last.speaker is not None and last.speaker.text == "الشرطة"


def test_no_antecedent_gives_no_speaker() -> None:
    doc = run("وأضاف أن الوضع هادئ في المدينة.")
    [q] = doc.quotes
    assert q.speaker is None and q.speaker_from == "none"


def test_stacked_verbs_are_one_quote() -> None:
    doc = run("قال الوزير وأكد أن الحكومة ستواصل جهودها.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "الوزير"


def test_naql_an_names_the_original_speaker() -> None:
    doc = run("ونقلت الوكالة عن مصدر حكومي قوله إن التعليق لن يؤثر على المفاوضات.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "مصدر حكومي"
    assert [s.text for s in q.sources] == ["الوكالة"]


# -- content ------------------------------------------------------------------------------


def test_direct_quote_in_guillemets() -> None:
    doc = run("وقال أبوت للصحافيين: «اتصلت بي السيدة بيشوب لكي تبلغني بأنها ستستقيل». وغادرت.")
    [q] = doc.quotes
    assert q.direct
    assert q.content.text == "اتصلت بي السيدة بيشوب لكي تبلغني بأنها ستستقيل"
    assert q.speaker is not None and q.speaker.text == "أبوت"


def test_colon_content_ends_at_unbalanced_closing_mark() -> None:
    doc = run("وقالت الوزارة في بيان إن الوضع خطير، وأضافت: سنواصل مشاوراتنا مع الحلفاء”. "
              "وانتهى الاجتماع.")
    assert len(doc.quotes) == 2
    q = doc.quotes[1]
    assert q.content.text == "سنواصل مشاوراتنا مع الحلفاء"
    assert q.speaker is not None and q.speaker.text == "الوزارة"


def test_participle_continues_the_speaker() -> None:
    doc = run("وتابع حاكم الولاية عبد الستار بارز «تشير معلوماتنا إلى مقتل 15 شخصًا»، "
              "مضيفًا أن 38 شخصًا آخرين أصيبوا بجروح.")
    assert [q.cue.text for q in doc.quotes] == ["وتابع", "مضيفًا"]
    first, second = doc.quotes
    assert first.speaker is not None and "عبد الستار بارز" in first.speaker.text
    assert second.speaker == first.speaker and second.speaker_from == "antecedent"
    assert second.content.text.startswith("أن 38")


def test_cue_inside_a_direct_quote_is_not_a_new_quote() -> None:
    doc = run('وقال المتحدث: "أعلنت الحكومة أن الوضع مستقر في العاصمة".')
    assert len(doc.quotes) == 1


def test_each_verb_with_its_own_content_is_a_quote() -> None:
    doc = run("وزارة الخارجية الروسية أكدت أن الأحداث محاولة مستوحاة من الخارج، وأشارت في "
              "بيان لها بأن روسيا متمسكة بالتزاماتها، وأضافت: سنواصل مشاوراتنا.")
    assert [q.cue.text for q in doc.quotes] == ["أكدت", "وأشارت", "وأضافت"]
    assert all(q.speaker is not None and q.speaker.text == "وزارة الخارجية الروسية"
               for q in doc.quotes)
    # indirect content stops where the next statement begins
    assert doc.quotes[0].content.text.endswith("من الخارج")


# -- negatives ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "نشر الكاتب عبد القادر قالي مقالا عن انتقال السلطة في البلاد.",
    "جاء ذلك في إطار تأكيد الالتزام بالاتفاق الموقع بين الطرفين.",
    "إضافة إلى ذلك، ارتفع عدد القتلى إلى عشرة أشخاص.",
    "وتأتي هذه الخطوة في إشارة إلى تحسن العلاقات بين البلدين.",
    "قال",
])
def test_no_quote(text: str) -> None:
    doc = run(text)
    assert doc.quotes == []
    spans_ok(doc)


def test_verb_without_content_is_not_a_quote() -> None:
    doc = run("وقال الشهود. ثم غادروا المكان بسرعة.")
    assert doc.quotes == []


# -- sources ------------------------------------------------------------------------------


def test_bare_agency_attribution_is_a_source_not_a_quote() -> None:
    doc = run("قتل حتى اليوم 13 من عناصر الشرطة وأصيب أكثر من 300 آخرين، بحسب وكالات أنباء.")
    assert doc.quotes == []
    [s] = doc.sources
    assert s.span.text == "وكالات أنباء" and s.cue is not None and s.cue.text == "بحسب"
    assert s.sentence == 0 and s.quote is None


def test_attribution_of_a_named_body_is_a_quote() -> None:
    doc = run("أعلنت منظمة معاهدة الأمن الجماعي اليوم الخميس، أنه تم إرسال قوات. وبحسب المنظمة، "
              "تضم قوات حفظ السلام وحدات من روسيا وبيلاروس.")
    q = doc.quotes[-1]
    assert q.cue.text == "وبحسب" and q.speaker is not None and q.speaker.text == "المنظمة"
    assert q.content.text.startswith("تضم قوات")
    src = [s for s in doc.sources if s.span.text == "المنظمة"]
    assert src and [c.text for c in src[0].chain] == ["منظمة معاهدة الأمن الجماعي", "المنظمة"]


def test_relay_chain_claimant_then_relay() -> None:
    doc = run("وقالت الشرطة الكازاخية أنه تم العثور على جثتين، وفق ما ذكرته وكالة سبوتنيك، "
              "فيما أفادت وزارة الصحة الكازاخية بحسب الوكالة، بأن أكثر من ألف شخص أصيبوا.")
    assert [q.speaker.text for q in doc.quotes if q.speaker] == [
        "الشرطة الكازاخية", "وزارة الصحة الكازاخية"]
    assert [s.text for s in doc.quotes[0].sources] == ["وكالة سبوتنيك"]
    chains = [[c.text for c in s.chain] for s in doc.sources]
    assert ["الشرطة الكازاخية", "وكالة سبوتنيك"] in chains
    assert ["وزارة الصحة الكازاخية", "الوكالة"] in chains
    assert doc.quotes[0].content.text.endswith("جثتين")  # the relay is not content
    spans_ok(doc)


def test_law_is_not_a_source() -> None:
    doc = run("يجب حماية المدنيين وفق القانون الدولي الإنساني.")
    assert doc.sources == [] and doc.quotes == []


# -- offsets ------------------------------------------------------------------------------


def test_offsets_slice_the_original_with_diacritics() -> None:
    doc = run("وقالَ المتحدثُ باسمِ الجيشِ إنّ الهجومَ أسفر عن مقتل ثلاثة.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "المتحدثُ باسمِ الجيشِ"
    assert q.cue.text == "وقالَ"
    spans_ok(doc)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("قال وأكدت إن أن «»“”\":،.\n بحسب الوكالة ً ـ\u200f")),
               max_size=120))
def test_never_raises_and_spans_hold(text: str) -> None:
    doc = _PIPE(Document(id="p", text=text))  # no input validation: any text at all
    spans_ok(doc)


def test_seed_article_quotes(shared) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads((shared / "seed" / "seed.gold.jsonl").read_text(encoding="utf-8"))
    doc = make_doc(gold["text"], stages=("quotes",))
    spans_ok(doc)
    hits = 0
    for g in gold["quotes"]:
        at = gold["text"].find(g["evidence"])
        for q in doc.quotes:
            if q.content.start <= at < q.content.end and q.speaker is not None and any(
                    fold(v) in fold(q.speaker.text) for v in g["speaker"]):
                hits += 1
                break
    assert hits >= 11


# -- finer rules --------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.",  # negated: nothing was said
    "وهو ما أكده الوزير أيضا في وقت لاحق بأن الاتفاق صامد.",  # a relative «ما»
    "قال الله تعالى: {ولكم في القصاص حياة}.",  # scripture, not a news statement
    "ويذكر أن المدينة شهدت هجمات مماثلة العام الماضي.",  # «it is worth recalling»
    "وقال شاهد يدعى أحمد إن النيران اشتعلت.",  # «يدعى» names; the quote is «وقال» alone
    "وتعد هذه الحادثة الأسوأ منذ سنوات.",  # «تعد» is «is considered», not «promises»
    "وتمكنت الأجهزة من كشف بؤرة إرهابية بمحافظة البحيرة.",  # a verbal noun after «من»
])
def test_statement_lookalikes(text: str) -> None:
    doc = run(text)
    assert [q.cue.text for q in doc.quotes] in ([], ["وقال"])
    if doc.quotes:
        assert doc.quotes[0].speaker is not None and "أحمد" in doc.quotes[0].speaker.text


def test_name_ali_is_not_the_preposition() -> None:
    doc = run("وقال أبو علي البصري مدير عام الاستخبارات للصحفيين إن الخلية فككت.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "أبو علي البصري مدير عام الاستخبارات"


def test_discourse_adjunct_min_jihatihi() -> None:
    doc = run("واعتبر رئيس الوزراء من جهته أن لهذا الاتفاق أهمية استراتيجية.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "رئيس الوزراء"


def test_quoted_media_name_is_part_of_the_speaker() -> None:
    doc = run('كشفت صحيفة "الخبر الجزائرية" عن انطلاق عملية عسكرية في الساحل.')
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == 'صحيفة "الخبر الجزائرية"'
    assert q.content.text.startswith("عن انطلاق")


def test_bracketed_acronym_then_content() -> None:
    doc = run("وأعلن مكتب التحقيقات الفيدرالي الأمريكي (إف بي آي) إنه حضر إلى مكان الحادثة.")
    [q] = doc.quotes
    assert q.content.text.startswith("إنه حضر")
    assert q.speaker is not None and "مكتب التحقيقات" in q.speaker.text


def test_brackets_as_quotation_marks() -> None:
    doc = run("وكانت المرأة تقول (لن أستسلم). وقالت الشرطة (ألقي حقيبتك).")
    assert [q.content.text for q in doc.quotes] == ["لن أستسلم", "ألقي حقيبتك"]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.text == "المرأة"


def test_object_content_after_a_date() -> None:
    doc = run("أعلنت وكالة الأنباء الفلسطينية (وفا)، الأربعاء، مقتل فلسطيني وإصابة 14 آخرين.")
    [q] = doc.quotes
    assert q.content.text.startswith("مقتل فلسطيني")
    assert q.speaker is not None and q.speaker.text.startswith("وكالة الأنباء الفلسطينية")


def test_participle_with_an_object_after_a_comma() -> None:
    doc = run("واتهم الانفصاليون الحكومة بإجهاض الاجتماع، مستبعدين إمكان التوصل إلى اتفاق.")
    assert [q.cue.text for q in doc.quotes] == ["واتهم", "مستبعدين"]
    assert doc.quotes[1].content.text.startswith("إمكان التوصل")
    assert doc.quotes[1].speaker == doc.quotes[0].speaker


def test_verbal_noun_with_its_speaker() -> None:
    doc = run("بعد وقت قصير على إعراب الرئيس باراك أوباما عن استيائه لعدم تشديد القيود.")
    [q] = doc.quotes
    assert q.cue.text == "إعراب"
    assert q.speaker is not None and q.speaker.text == "الرئيس باراك أوباما"


def test_kama_qala_after_the_content() -> None:
    doc = run("ونزح حوالي 1200 شخص من درعا في الأيام الماضية، كما قال المرصد.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "المرصد"
    assert q.content.text.startswith("ونزح حوالي 1200")


def test_attribution_with_a_speech_verb_is_a_quote() -> None:
    doc = run("قررت إسرائيل الأحد إغلاق معبر إيريز الحدودي، بحسب ما أفاد مسؤول إسرائيلي.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "مسؤول إسرائيلي"
    assert q.cue.text == "بحسب ما أفاد"


@pytest.mark.parametrize("text", [
    "التقى النائب الثاني للرئيس حسبو محمد عبدالرحمن الوزير أمس.",  # «حسبو» is a name
    "وتريد الحكومة تعليق التدريبات فحسب دون التأثير على غيرها.",  # «فحسب» = «only»
])
def test_not_an_attribution(text: str) -> None:
    doc = run(text)
    assert doc.sources == [] and doc.quotes == []


def test_statement_document_names_its_issuer() -> None:
    doc = run("وتناولت المباحثات الأوضاع في ليبيا، وفقا لبيان صادر عن الرئاسة المصرية، أمس.")
    assert doc.quotes == []  # a bare document attribution is the event's source only
    [s] = doc.sources
    assert s.span.text == "بيان صادر عن الرئاسة المصرية"


def test_a_dated_reference_is_not_a_source() -> None:
    doc = run("ودعا إلى حل الدولتين ووفقاً لحدود عام ١٩٦٧ ولأحكام القانون الدولي.")
    assert doc.sources == [] or all("حدود" not in s.span.text for s in doc.sources)


def test_cue_word_as_a_noun_in_the_subject() -> None:
    doc = run('وقال طالب آخر يدعى بيلي فوسبرغ "سمعت ما يشبه المفرقعات النارية".')
    [q] = doc.quotes
    assert q.cue.text == "وقال"
    assert q.speaker is not None and "بيلي فوسبرغ" in q.speaker.text


def test_circumstantial_present_after_a_verb() -> None:
    doc = run('وقال ترامب على تويتر إن التعليق مبادرة منه. وكتب يقول "وقف المناورات جاء بطلب مني".')
    assert [q.cue.text for q in doc.quotes] == ["وقال", "يقول"]
    assert doc.quotes[1].speaker is not None and doc.quotes[1].speaker.text == "ترامب"


def test_participle_inside_colon_content_takes_the_local_subject() -> None:
    doc = run("وقال شاهد عيان إن المرأة أطلقت النار. وأضاف: صاحت الشرطة قائلة لها (ألقي حقيبتك) "
              "وكانت المرأة تقول (لن أستسلم).")
    cues = [q.cue.text for q in doc.quotes]
    assert cues == ["وقال", "وأضاف", "قائلة", "تقول"]
    assert doc.quotes[2].speaker is not None and doc.quotes[2].speaker.text == "الشرطة"
    assert doc.quotes[3].speaker is not None and doc.quotes[3].speaker.text == "المرأة"


def test_participle_after_a_closed_inner_quote_continues_the_outer_speaker() -> None:
    doc = run('وأضاف المتحدث إن "رئيسة الوزراء (تيريزا ماي) أعلنت بوضوح أننا نرفض هذا القرار"، '
              "معتبرا أن نقل السفارة لا يساعد احتمالات السلام.")
    assert [q.cue.text for q in doc.quotes] == ["وأضاف", "أعلنت", "معتبرا"]
    assert doc.quotes[1].speaker is not None and "تيريزا ماي" in doc.quotes[1].speaker.text
    assert doc.quotes[2].speaker is not None and doc.quotes[2].speaker.text == "المتحدث"


def test_kana_subject_qad_verb() -> None:
    doc = run("وكان مصدر أمني تركي قد قال لبي بي سي في وقت سابق إن لدى المسؤولين أدلة.")
    [q] = doc.quotes
    assert q.speaker is not None and q.speaker.text == "مصدر أمني تركي"


def test_attribution_source_after_a_time_word() -> None:
    doc = run("ويجري تطوير المشروع مع دول أوروبية، حسب ما أكد مساء الثلاثاء المستشار النمساوي "
              "سيباستيان كورتس.")
    [s] = doc.sources
    assert s.span.text.startswith("المستشار النمساوي")


def test_clause_word_with_a_pronoun_bounds_the_subject() -> None:
    doc = run("وأكد الوزير أن القوات ستكمل مهمتها بالقضاء على فلول التنظيم، لكنه قال إن الانسحاب "
              "لن يكون قريبا.")
    assert [q.cue.text for q in doc.quotes] == ["وأكد", "قال"]
    assert doc.quotes[1].speaker is not None and doc.quotes[1].speaker.text == "الوزير"
    assert doc.quotes[1].speaker_from == "antecedent"


def test_naql_without_an_is_conveying_not_reporting() -> None:
    doc = run('ونقل الوزير خلال اللقاء تحية الرئيس "إلى رجال القوات المسلحة المصرية البواسل في '
              'كل مكان من أرض الوطن".')
    assert doc.quotes == []


def test_wifqan_lil_article_report_is_a_relay_source() -> None:
    doc = run("وبلغ النمو 4 في المئة العام الماضي، وذلك وفقاً للتقرير الاقتصادي الفصلي الصادر "
              "مؤخراً عن مجلس التنمية.")
    assert doc.quotes == []
    [s] = doc.sources
    assert s.span.text.startswith("تقرير الاقتصادي")


def test_follow_is_not_speech_without_a_close_quotation() -> None:
    doc = run('وتتابع الممثلة عددا من المسلسلات الرمضانية هذا العام منها "رحيم" و"ليالي".')
    assert doc.quotes == []


def test_speaker_span_does_not_end_in_a_lone_proclitic() -> None:
    nt = "واتهمت الحكومه ب \"داعش\""
    a, b = strip_span(nt, 7, 17)  # «الحكومه ب »
    assert nt[a:b] == "الحكومه"
    assert strip_span("قال وزير الدفاع", 4, 15) == (4, 15)  # ends in a word: untouched
