"""The events stage: triggers in every form, roles, flags, merging, the learnt filter."""

from __future__ import annotations

import json

import pytest
from conftest import make_doc

from marsad.errors import MarsadError
from marsad.events.filter import EventFilter, features
from marsad.events.flags import read_flags
from marsad.model.document import Document
from marsad.text.normalize import fold
from marsad.text.triggers import lexicon, lookup

STAGES = ("figures", "dates", "quotes", "entities", "places", "events")


def events(text: str, published: str | None = "2022-01-06") -> Document:
    return make_doc(text, published, STAGES)


def types(doc: Document) -> list[str]:
    return [e.type for e in doc.events]


def only(doc: Document, type_: str):  # type: ignore[no-untyped-def]
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return found[0]


def assert_offsets(doc: Document) -> None:
    for e in doc.events:
        spans = [e.trigger, e.sentence_span, *e.mentions, *(a.span for a in e.actors),
                 *(a.span for a in e.recipients)]
        for s in spans:
            assert doc.text[s.start:s.end] == s.text


# -- lexicon ------------------------------------------------------------------------------
@pytest.mark.parametrize("word,type_", [
    ("وقتل", "ASSAULT"), ("قتلوه", "ASSAULT"), ("سيقتلون", "ASSAULT"), ("بمقتل", "ASSAULT"),
    ("والاشتباكات", "ASSAULT"), ("غاراتها", "ASSAULT"), ("فاعتقلت", "COERCE"),
    ("اعتقالهم", "COERCE"), ("ودعت", "REQUEST"), ("نفت", "REJECT"), ("تظاهرات", "PROTEST"),
    ("يؤيد", "SUPPORT"), ("رحّبت", "SUPPORT"), ("أُعتقل", "COERCE"),
])
def test_lexicon_finds_inflected_forms(word: str, type_: str) -> None:
    assert type_ in {e.type for e, _tail in lookup(fold(word))}


@pytest.mark.parametrize("word", ["وزارة", "هناك", "الوزارة", "كتاب", "مدرسة"])
def test_lexicon_ignores_look_alikes(word: str) -> None:
    assert lookup(fold(word)) == ()


def test_every_type_has_entries() -> None:
    got = {e.type for e in lexicon().entries}
    assert len(got) == 16


# -- triggers and roles -------------------------------------------------------------------
def test_passive_killing_with_count_and_victims() -> None:
    doc = events("قُتل 13 من عناصر الشرطة أمس في هجوم مسلح على مركز أمني في مدينة حلب.")
    ev = only(doc, "ASSAULT")
    assert any("عناصر الشرطة" in r.span.text for r in ev.recipients)
    assert_offsets(doc)


def test_vso_attack_actor_and_recipient() -> None:
    doc = events("هاجم مسلحون مجهولون دورية للجيش قرب الحدود يوم الخميس.")
    ev = only(doc, "ASSAULT")
    assert ev.actors and "مسلحون" in ev.actors[0].span.text
    assert ev.recipients and "دورية" in ev.recipients[0].span.text


def test_svo_arrest() -> None:
    doc = events("وقالت الوزارة إن قوات الأمن اعتقلت خمسة أشخاص في حي الشيخ مقصود.")
    ev = only(doc, "COERCE")
    assert ev.mode == "arrest"
    assert any("قوات الأمن" in a.span.text for a in ev.actors)


def test_condemnation_is_accuse_by_the_speaker() -> None:
    doc = events("أدانت وزارة الخارجية المصرية بشدة الهجوم الإرهابي الذي استهدف مسجدا في سيناء.")
    ev = only(doc, "ACCUSE")
    assert any("وزارة الخارجية" in a.span.text for a in ev.actors)


def test_call_for_restraint_is_request_not_coerce() -> None:
    doc = events("ودعت فرنسا إسرائيل إلى ضبط النفس وحماية المدنيين.")
    ev = only(doc, "REQUEST")
    assert "COERCE" not in types(doc)
    assert any("فرنسا" in a.span.text for a in ev.actors)


def test_firearms_versus_release() -> None:
    doc = events("أطلق مسلحون النار على دورية للشرطة في بغداد صباح اليوم.")
    assert only(doc, "ASSAULT").mode == "firearms"
    doc = events("أطلقت السلطات سراح عشرة معتقلين أمس.")
    assert only(doc, "RETREAT").mode == "release"
    assert "ASSAULT" not in types(doc)


def test_court_conviction_is_sanction() -> None:
    doc = events("حكمت المحكمة على المتهم بالسجن عشر سنوات يوم الأحد.")
    assert only(doc, "SANCTION").mode == "convict"


def test_verbal_noun_with_clitics() -> None:
    doc = events("أعلنت الشرطة العثور على جثتين، وأكدت اعتقالها ثلاثة مشتبه بهم بعد الاشتباكات.")
    assert "COERCE" in types(doc)


# -- flags ----------------------------------------------------------------------------------
def test_negated_arrest_is_not_reported() -> None:
    doc = events("ولم تعتقل الشرطة أحدا حتى الآن.")
    assert "COERCE" not in types(doc)


def test_future_protest_is_not_reported() -> None:
    doc = events("سيتظاهر العمال يوم الأحد المقبل أمام البرلمان.")
    assert "PROTEST" not in types(doc)


def test_ceasefire_is_not_an_attack() -> None:
    doc = events("أعلن الطرفان وقف إطلاق النار في غزة مساء أمس.")
    assert "ASSAULT" not in types(doc)
    assert "CONCEDE" in types(doc)


def test_background_year_is_historical() -> None:
    doc = make_doc("وكان الهجوم على السفارة في عام 2012 قد أسفر عن مقتل السفير.", "2022-01-06")
    sent = doc.sentences[0]
    k = next(i for i, t in enumerate(sent.tokens) if t.norm == "الهجوم")
    fl = read_flags(doc.ntext, sent, k, "n", "الهجوم", doc.published)
    assert fl.historical
    assert not read_flags(doc.ntext, sent, k, "n", "الهجوم", None).historical


def _flags(text: str, word: str, pos: str, published: str | None = "2022-01-06"):  # type: ignore[no-untyped-def]
    """The flags of the first token whose folded form is ``word`` (the stage's clause start)."""
    from marsad.events.roles import clause_start

    doc = make_doc(text, published, ("figures", "dates"))
    sent = doc.sentences[0]
    k = next(i for i, t in enumerate(sent.tokens) if t.norm == fold(word))
    return read_flags(doc.ntext, sent, k, pos, sent.tokens[k].norm, doc.published,
                      clause_start(sent, k))


def test_relative_clause_read_past_the_clause_boundary() -> None:
    fl = _flags("أعلنت الحركة الإفراج عن الرهائن الذين اختطفتهم الخميس الماضي.", "اختطفتهم", "v")
    assert fl.relative
    assert not _flags("اختطف مسلحون 15 شخصا في نقطة تفتيش وهمية وسط بغداد أمس.",
                      "اختطف", "v").relative


def test_background_and_present_cues() -> None:
    fl = _flags("وجاء ذلك بعد الاعتداء الذي وقع في العاصمة صباح أمس.", "الاعتداء", "n")
    assert fl.background and fl.present
    fl = _flags("وكان مسلحون قد هاجموا الموكب في وقت سابق قرب الحدود.", "هاجموا", "v")
    assert fl.background
    assert not _flags("وقالت الشرطة إن مسلحين خطفوا أربعة مهندسين في وقت سابق من يوم أمس.",
                      "خطفوا", "v").background
    fl = _flags("اندلعت مظاهرات في وسط المدينة مساء الخميس.", "مظاهرات", "n")
    assert fl.occurred and fl.present and not fl.background
    assert _flags("وبدأت أمس محاكمة 26 موظفا في قضية خطف إمام مصري.", "خطف", "n").background


def test_old_year_without_a_publication_date() -> None:
    text = "ويعتقد أن لهم صلة بالهجوم الذي استهدف حامية عسكرية في يونيو 2005."
    assert _flags(text, "بالهجوم", "n", None).old_year
    assert not _flags("هاجم مسلحون حامية عسكرية في الشمال أمس.", "هاجم", "v", None).old_year


def test_asserted_acts() -> None:
    assert _flags("وقالت الشرطة إنه تم العثور على جثتين في الغابة.", "العثور", "n").asserted
    fl = _flags("هاجم مسلحون مجهولون دورية للجيش يوم الخميس.", "هاجم", "v")
    assert fl.asserted and fl.main
    assert not _flags("قد يشن المسلحون هجمات جديدة على الدوريات.", "يشن", "v").asserted
    assert _flags("ففي نابلس قام مسلحون مقنعون بخطف نائب رئيس البلدية.", "بخطف", "n").asserted
    assert not _flags("ودعا البيان إلى التحقيق في خطف نائب رئيس البلدية.", "خطف", "n").asserted


def test_other_readings_are_traps() -> None:
    assert _flags("ظهر الرجل متظاهرا بأنه أحد أفراد الشرطة.", "متظاهرا", "n").trap
    assert _flags("وجهت الأزمة ضربات اقتصادية قاسية للبلاد.", "ضربات", "n").trap
    assert not _flags("شنت الطائرات ضربات جوية على مواقع المسلحين أمس.", "ضربات", "n").trap
    doc = events("ظهر الرجل في الفيديو متظاهرا بأنه أحد أفراد الشرطة.")
    assert "PROTEST" not in types(doc)


def test_conjoined_verb_shares_the_speculation() -> None:
    fl = _flags("ويرى محللون أن المسلحين قد يعيدون تنظيم صفوفهم في الجبال ويشنون هجمات جديدة.",
                "ويشنون", "v")
    assert fl.hypothetical
    assert not _flags("أعاد المسلحون تنظيم صفوفهم ويشنون هجمات جديدة منذ أيام.",
                      "ويشنون", "v").hypothetical


def test_tallies_over_a_period_are_background() -> None:
    assert _flags("وخلال السنوات الست الماضية قتل 15 مدنيا في الهجمات.", "قتل", "v").background
    assert _flags("وقتل 76 صحافيا عراقيا منذ الغزو الأميركي للعراق.", "وقتل", "v").background
    assert not _flags("وقتل 7 أشخاص في انفجار سيارة مفخخة في كابول اليوم.", "وقتل", "v").background


def test_took_place_is_not_a_result_verb() -> None:
    assert _flags("اندلعت المظاهرات في العاصمة أمس.", "المظاهرات", "n").took_place
    fl = _flags("تعرضت الثكنة لهجوم أسفر عن مقتل ثلاثة جنود أمس.", "مقتل", "n")
    assert fl.occurred and not fl.took_place
    assert _flags("وقال إن الهجوم الذي وقع فجر أمس استهدف السوق.", "الهجوم", "n").took_place
    assert _flags("وأدانت الهجمات التي شنتها الطائرات فجر الخميس.", "الهجمات", "n").took_place
    assert not _flags("ودعا إسرائيل للاستعداد لقصف بالصواريخ إذا اندلع نزاع جديد.",
                      "بالصواريخ", "n").took_place


def test_overrides_need_a_present_unrecalled_act() -> None:
    from marsad.events.candidates import sentence_candidates
    from marsad.events.roles import clause_start
    from marsad.stages.events import override

    def kept(text: str, word: str, published: str | None = "2022-01-06") -> bool:
        doc = make_doc(text, published, ("figures", "dates"))
        sent = doc.sentences[0]
        c = next(c for c in sentence_candidates(doc.ntext, sent, 0) if c.form == fold(word))
        fl = read_flags(doc.ntext, sent, c.token, c.entry.pos, c.form, doc.published,
                        clause_start(sent, c.token))
        return override(c, fl)

    assert kept("هاجم مسلحون مجهولون دورية للجيش قرب الحدود يوم الخميس.", "هاجم")
    assert kept("اندلعت مواجهات عنيفة في وسط المدينة مساء أمس.", "مواجهات")
    # a recalled attack, an undated one, one after «بعد»: the filter decides, not the override
    assert not kept("ووقعت مواجهات مماثلة في المدينة نفسها عام 2005.", "مواجهات", None)
    assert not kept("هاجم مسلحون مجهولون دورية للجيش قرب الحدود.", "هاجم")
    assert not kept("وتأتي الزيارة بعد الهجوم الذي وقع في العاصمة أمس.", "الهجوم")
    assert not kept("ويخشى المحللون أن يشن المتمردون هجمات جديدة الخميس.", "يشن")


# -- merging, quotes, offsets ---------------------------------------------------------------
def test_same_attack_in_two_sentences_is_one_event() -> None:
    doc = events("قتل خمسة أشخاص في هجوم انتحاري استهدف سوقا في بغداد أمس. "
                 "وتبنى تنظيم داعش الهجوم في بيان.")
    ev = only(doc, "ASSAULT")
    assert len(ev.mentions) >= 1
    assert {doc.sentence_of(doc.norm.text.find("الهجوم"))} <= {0, 1}


def test_two_attacks_in_separate_clauses_stay_apart() -> None:
    doc = events("قتل جندي في انفجار عبوة ناسفة شمال البلاد، فيما أصيب ثلاثة مدنيين "
                 "في قصف مدفعي على قرية في الجنوب.")
    assert types(doc).count("ASSAULT") == 2


def test_statement_event_links_its_quote() -> None:
    doc = events("وقالت وزارة الخارجية في بيان إنها ترفض هذا القرار رفضا قاطعا.")
    for i, e in enumerate(doc.events):
        if e.quote is not None:
            assert doc.quotes[e.quote].event == i


def test_offsets_survive_diacritics() -> None:
    doc = events("قُتِلَ ثلاثةُ جنودٍ وأُصيبَ خمسةٌ آخرون في هجومٍ على حاجزٍ عسكريٍّ أمسِ.")
    assert "ASSAULT" in types(doc)
    assert_offsets(doc)


def test_figures_attach_to_their_event() -> None:
    doc = events("قتل 7 أشخاص وأصيب 20 آخرون في انفجار سيارة مفخخة في كابول اليوم.")
    ev = only(doc, "ASSAULT")
    if doc.figures:
        assert {f.value for f in ev.figures} & {7, 20}


def test_record_serialises() -> None:
    doc = events("اعتقلت الشرطة التركية 20 شخصا في إسطنبول أمس.")
    d = only(doc, "COERCE").to_dict()
    json.dumps(d, ensure_ascii=False)
    assert d["type"] == "COERCE" and d["trigger"]["text"]


# -- the learnt filter -------------------------------------------------------------------------
def test_filter_scores_with_plain_python() -> None:
    f = EventFilter.from_dict({"models": {"ASSAULT": {
        "bias": -1.0, "threshold": 0.6, "article_threshold": 0.3,
        "weights": {"k=ASSAULT:قتل": 2.0, "neg": -5.0}}}})
    p = f.probability("ASSAULT", ["k=ASSAULT:قتل", "unknown"])
    assert p is not None and abs(p - 1 / (1 + 2.718281828 ** -1.0)) < 1e-6
    assert f.probability("ASSAULT", ["k=ASSAULT:قتل", "neg"]) < 0.05
    assert f.probability("PROTEST", ["x"]) is None
    assert f.threshold("ASSAULT") == 0.3
    assert EventFilter.from_dict(f_dict := {"models": {}}, mode="sentence").models == {}
    assert f_dict == {"models": {}}


def test_filter_rejects_malformed_models() -> None:
    with pytest.raises(MarsadError):
        EventFilter.from_dict({"models": {"ASSAULT": {"weights": {}}}})
    with pytest.raises(MarsadError):
        EventFilter({}, mode="both")


def test_shipped_filter_prefers_reports_to_mentions() -> None:
    from marsad.events.candidates import sentence_candidates
    from marsad.events.filter import default_filter
    from marsad.stages.events import candidate_features

    filt = default_filter()
    if "ASSAULT" not in filt.models:
        pytest.skip("no shipped filter model")

    def best(text: str) -> float:
        doc = make_doc(text, None)
        out = []
        for si, s in enumerate(doc.sentences):
            for c, _fl, feats in candidate_features(doc, s, sentence_candidates(doc.ntext, s, si)):
                if c.type == "ASSAULT":
                    out.append(filt.probability("ASSAULT", feats) or 0.0)
        return max(out)

    report = best("قتل مسلحون أمس خمسة جنود في هجوم على نقطة تفتيش شمال بغداد.")
    mention = best("وتحدث الكاتب في كتابه عن ثقافة العنف والقتل في السينما الحديثة.")
    assert report > mention


def test_features_are_strings() -> None:
    from marsad.events.candidates import sentence_candidates
    from marsad.events.flags import Flags

    doc = make_doc("اغتال مسلحون مسؤولا محليا أمس.", None)
    c = sentence_candidates(doc.ntext, doc.sentences[0], 0)[0]
    f = features(doc.sentences[0], c, 1, Flags())
    assert all(isinstance(x, str) for x in f) and f"k={c.entry.key}" in f


def test_object_after_an_apposition() -> None:
    doc = events("اتهمت وزيرة الدفاع الفرنسية، فلورنس بارلي، روسيا بمحاولة اعتراض قمر صناعي.")
    ev = only(doc, "ACCUSE")
    assert any("وزيرة الدفاع" in a.span.text for a in ev.actors)
    assert any("روسيا" in r.span.text for r in ev.recipients)


def test_request_from_someone() -> None:
    doc = events("وقالت المصادر إن الولايات المتحدة طلبت من تركيا نسخة من التسجيلات الصوتية.")
    ev = only(doc, "REQUEST")
    assert any("تركيا" in r.span.text for r in ev.recipients)


# -- roles: phrase boundaries, coordination, figures, statements, anaphora -----------------
def _texts(actors) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.span.text for a in actors]


def test_definite_subject_ends_before_the_object() -> None:
    doc = events("ورفضت إسرائيل طلب الأمين العام، مبررة استخدام القوة بالدفاع عن حدودها.")
    ev = only(doc, "REJECT")
    assert _texts(ev.actors) == ["إسرائيل"]
    assert any("الأمين العام" in t for t in _texts(ev.recipients))
    assert_offsets(doc)


def test_two_named_objects_are_split() -> None:
    doc = events("ودعت فرنسا إسرائيل إلى عدم استخدام القوة.")
    ev = only(doc, "REQUEST")
    assert _texts(ev.actors) == ["فرنسا"] and _texts(ev.recipients) == ["إسرائيل"]


def test_coordinated_recipients_each_get_a_span() -> None:
    doc = events("وكان زعيم الحزب صلاح الدين دمرتاش دعا السبت الحكومة التركية وحزب العمال "
                 "الكردستاني إلى وقف العنف.")
    ev = only(doc, "REQUEST")
    got = _texts(ev.recipients)
    assert "الحكومة التركية" in got and "حزب العمال الكردستاني" in got  # «و» trimmed
    assert_offsets(doc)


def test_clash_between_two_sides() -> None:
    doc = events("اندلعت اشتباكات عنيفة بين الشرطة والمتظاهرين في وسط العاصمة أمس.")
    ev = only(doc, "ASSAULT")
    assert _texts(ev.actors) == ["الشرطة"] and _texts(ev.recipients) == ["المتظاهرين"]


def test_talks_between_two_parties_are_both_actors() -> None:
    doc = events("وعقدت محادثات بين الحكومة والمعارضة في جنيف أمس.")
    ev = only(doc, "CONSULT")
    assert _texts(ev.actors) == ["الحكومة", "المعارضة"] and not ev.recipients


def test_counted_victims_with_their_group_are_recipients() -> None:
    doc = events("وأعلن الجيش العراقي مقتل 6 قياديين من تنظيم داعش في غارة جوية أمس.")
    ev = only(doc, "ASSAULT")
    assert any(t.startswith("قياديين") and t.endswith("داعش") for t in _texts(ev.recipients))


def test_verbal_noun_with_genitive_subject_and_object() -> None:
    doc = events("وتابعت الصحيفة خبر اعتقال الشرطة الإسرائيلية مستوطنين اثنين في نابلس.")
    ev = only(doc, "COERCE")
    assert _texts(ev.actors) == ["الشرطة الإسرائيلية"]
    assert _texts(ev.recipients) == ["مستوطنين اثنين"]


def test_light_verb_subject_acts_on_its_noun() -> None:
    ev = only(events("ونفذت الشرطة مداهمات في عدة أحياء من المدينة."), "COERCE")
    assert _texts(ev.actors) == ["الشرطة"]


def test_first_person_statement_in_a_quote() -> None:
    doc = events('وقال غوتيريس أمام مجلس الأمن: "أدين بشكل قاطع خطوات جميع الأطراف".')
    ev = only(doc, "ACCUSE")
    assert _texts(ev.actors) == ["غوتيريس"]
    assert any("جميع الأطراف" in t for t in _texts(ev.recipients))
    assert not any("بشكل" in t for t in _texts(ev.recipients))


def test_dative_recipient_loses_its_preposition() -> None:
    doc = events("كذلك وجه الأمين العام انتقاداً لحماس لمحاولتها زرع متفجرات قرب السياج.")
    ev = only(doc, "ACCUSE")
    assert _texts(ev.recipients) == ["حماس"]
    assert_offsets(doc)


def test_counted_subject_before_the_verb_is_the_victim() -> None:
    doc = events("وذكرت وكالة الأناضول أن نحو 390 مقاتلاً من حزب العمال الكردستاني قتلوا في "
                 "الغارات.")
    ev = only(doc, "ASSAULT")
    assert not any("حزب العمال" in t for t in _texts(ev.actors))
    assert any("حزب العمال" in t for t in _texts(ev.recipients))


def test_prepositional_phrase_is_not_an_object() -> None:
    ev = only(events("وتطالب إسرائيل بالتهدئة وبإعادة رفات جنديين."), "REQUEST")
    assert _texts(ev.actors) == ["إسرائيل"]
    assert not any("التهدئة" in t for t in _texts(ev.recipients))


def test_dropped_subject_takes_the_antecedent() -> None:
    doc = events("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريس إن الوضع خطير. "
                 "وانتقد في تقريره سياسة إسرائيلية متساهلة.")
    ev = only(doc, "ACCUSE")
    assert any("غوتيريس" in t for t in _texts(ev.actors))


def test_pronoun_object_before_the_subject() -> None:
    ev = only(events("اتصلت بي السيدة بيشوب لكي تبلغني أنها ستستقيل."), "CONSULT")
    assert _texts(ev.actors) == ["السيدة بيشوب"]


def test_passive_victims_get_no_antecedent_actor() -> None:
    doc = events("وقال المتحدث باسم الشرطة إن الوضع هادئ. وقتل ثلاثة أشخاص في انفجار قنبلة.")
    ev = only(doc, "ASSAULT")
    assert not any("الشرطة" in t or "المتحدث" in t for t in _texts(ev.actors))


def test_suicide_bomber_is_the_agent_of_the_killing() -> None:
    doc = events("قتل 15 شخصًا بينهم نساء وأطفال أمس الأربعاء عندما فجر انتحاري نفسه في سوق مزدحمة.")
    ev = only(doc, "ASSAULT")
    assert _texts(ev.actors) == ["انتحاري"]
    assert any(t.startswith("شخص") for t in _texts(ev.recipients))


def test_attack_attributed_to_a_group() -> None:
    doc = events("وأضافت أن هجوما وقع مساء السبت في مدينة مديات نسب إلى حزب العمال الكردستاني.")
    assert _texts(only(doc, "ASSAULT").actors) == ["حزب العمال الكردستاني"]


def test_agent_after_min_janib() -> None:
    doc = events("وقال الجيش: لقد خسرنا أربعة جنود وأصيب 15 آخرين بجروح في قصف من جانب القوات "
                 "الانفصالية.")
    ev = only(doc, "ASSAULT")
    assert "القوات الانفصالية" in _texts(ev.actors)


def test_circumstantial_participle_takes_the_clause_subject() -> None:
    doc = events("وفي الوقت الذي رد ترامب على كتاب وودوارد نافيا أنه تقدم بمثل هذا الطلب، يبرز تساؤل.")
    assert _texts(only(doc, "REJECT").actors) == ["ترامب"]


def test_content_opening_on_a_pronoun_refers_to_the_speaker() -> None:
    doc = events("وأعلن مكتب التحقيقات الفيدرالي الأمريكي إنه حضر إلى مكان الحادثة ليقدم المساعدة "
                 "للسلطات المحلية.")
    ev = only(doc, "AID")
    assert _texts(ev.actors) == ["مكتب التحقيقات الفيدرالي الأمريكي"]
    assert any("سلطات المحلية" in t for t in _texts(ev.recipients))


def test_first_person_plural_material_act_is_the_speakers() -> None:
    doc = events("وذكر مسؤول في القنصلية الأميركية: نعمل مع السلطات التركية للتحقيق في الحادث.")
    ev = only(doc, "COOPERATE")
    assert any("القنصلية الأميركية" in t for t in _texts(ev.actors))
    assert _texts(ev.recipients) == ["السلطات التركية"]


def test_light_verb_tamakkana_and_object_after_ala() -> None:
    ev = only(events("وتمكنت سلطات الأمن من القبض على الجاني المذكور."), "COERCE")
    assert _texts(ev.actors) == ["سلطات الأمن"] and _texts(ev.recipients) == ["الجاني المذكور"]


def test_rejected_request_names_the_requester() -> None:
    doc = events("رفض وزير الدفاع الأمريكي، جيمس ماتيس، طلبا من الرئيس الأمريكي، دونالد ترامب، "
                 "لاغتيال الرئيس السوري.")
    ev = only(doc, "REJECT")
    assert any("وزير الدفاع" in t for t in _texts(ev.actors))
    assert _texts(ev.recipients) == ["الرئيس الأمريكي"]


def test_meeting_with_someone_after_bi() -> None:
    doc = events("وفاجأ الرئيس الأميركي دونالد ترامب المسؤولين بعد لقائه بزعيم كوريا الشمالية كيم "
                 "جونغ أون في سنغافورة.")
    ev = only(doc, "CONSULT")
    assert any("ترامب" in t for t in _texts(ev.actors))  # «لقائه»: the possessor
    assert any(t.startswith("زعيم كوريا") for t in _texts(ev.recipients))  # «ب» trimmed
    assert_offsets(doc)


def test_object_after_a_prepositional_phrase_of_a_dropped_subject_verb() -> None:
    doc = events("وقال الأمين العام إن الوضع خطير. وانتقد في تقريره سياسة إسرائيلية متساهلة.")
    ev = only(doc, "ACCUSE")
    assert any("إسرائيلية" in t for t in _texts(ev.recipients))


def test_each_figure_counts_for_the_nearest_event_it_can() -> None:
    doc = events("وقالت الشرطة إنه تم العثور على جثتين لعنصرين من الشرطة في المدينة، فيما أفادت "
                 "وزارة الصحة بأن أكثر من ألف شخص أصيبوا بجروح، منهم 400 نقلوا إلى المستشفيات.")
    by_trigger = {e.trigger.text: sorted((f.kind, f.value) for f in e.figures)
                  for e in doc.events if e.figures}
    finding = next(v for k, v in by_trigger.items() if "العثور" in k)
    wounding = next(v for k, v in by_trigger.items() if "أصيب" in k)
    assert finding == [("killed", 2)]
    assert ("injured", 1000) in wounding and ("killed", 2) not in wounding
    # every figure still belongs to exactly one event
    spans = [f.span.start for e in doc.events for f in e.figures]
    assert len(spans) == len(set(spans))


@pytest.mark.parametrize("text", [
    "ونفت الحركة مرارا ضلوعها في الهجوم على السفارة.",  # an adverb + «her involvement»
    "وهددت إيران بـ إغلاق مضيق هرمز.",  # a preposition standing alone
])
def test_words_that_name_no_party_are_not_recipients(text: str) -> None:
    doc = events(text)
    assert doc.events, "the statement is an event"
    for e in doc.events:
        assert [a.span.text for a in e.recipients] == []
        assert [a.span.text for a in e.actors] in (["الحركة"], ["إيران"])
