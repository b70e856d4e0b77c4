"""The ``places`` stage: toponyms on real Arabic news sentences, datelines, locate_event."""

from __future__ import annotations

from marsad.model.document import Document
from marsad.stages.places import locate_event
from tests.conftest import make_doc


def run(text: str) -> Document:
    doc = make_doc(text, stages=("places",))
    for p in doc.places:  # provenance: every span slices the original text
        assert p.span is not None
        assert doc.text[p.span.start : p.span.end] == p.span.text
    return doc


def found(doc: Document, role: str | None = "mention") -> list[tuple[str, str | None, str]]:
    return [(p.span.text, p.country, p.precision) for p in doc.places
            if p.span is not None and (role is None or p.role == role)]


def test_city_after_trigger_and_country() -> None:
    doc = run("اندلعت أعمال العنف والشغب في مدينة ألما آتا، أكبر مدن كازاخستان.")
    got = found(doc)
    assert ("ألما آتا", "KZ", "city") in got
    assert ("كازاخستان", "KZ", "country") in got
    almaty = next(p for p in doc.places if p.span and p.span.text == "ألما آتا")
    assert almaty.country3 == "KAZ" and almaty.geonameid and almaty.lat and almaty.lon
    assert doc.focus_country == "KZ"


def test_clitics_are_stripped_from_the_span() -> None:
    doc = run("قصفت الطائرات مواقع بدمشق وبحلب، وتقدمت القوات للموصل.")
    spans = [t for t, _c, _p in found(doc)]
    assert "دمشق" in spans and "حلب" in spans and "موصل" in spans


def test_diacritics_keep_original_offsets() -> None:
    doc = run("وَصَلَ الوَفْدُ إلى دِمَشْقَ أَمْسِ.")
    (p,) = doc.places
    assert p.country == "SY" and p.span is not None
    assert doc.text[p.span.start : p.span.end].startswith("دِمَشْق")


def test_common_words_are_not_places() -> None:
    doc = run("قالت السلطات يوم الخميس إن البلاد تمر بمرحلة صعبة، وإن الحكومة في المدينة "
              "تعمل على إطار جديد لأن الدولة أكدت ذلك.")
    assert doc.places == []
    assert doc.focus_country is None


def test_countries_before_cities_of_the_same_name() -> None:
    doc = run("أرسلت روسيا وأرمينيا قوات إلى المنطقة، وأعلنت الجزائر دعمها.")
    got = {t: (c, p) for t, c, p in found(doc)}
    assert got["أرمينيا"] == ("AM", "country")
    assert got["الجزائر"] == ("DZ", "country")


def test_city_trigger_picks_the_city() -> None:
    doc = run("وقع انفجار في مدينة الجزائر صباح اليوم.")
    (p,) = doc.places
    assert p.country == "DZ" and p.precision == "city"


def test_nisba_after_a_city_disambiguates() -> None:
    lb = run("اندلعت اشتباكات في طرابلس اللبنانية بين مسلحين.")
    ly = run("اندلعت اشتباكات في طرابلس بين الميليشيات.")
    assert [p.country for p in lb.places if p.role == "mention"] == ["LB"]
    assert [p.country for p in ly.places if p.role == "mention"] == ["LY"]


def test_amman_or_oman_by_context() -> None:
    jo = run("استقبل العاهل الأردني في عمان وزير الخارجية، وأكد دعم الأردن للحل السياسي.")
    om = run("وصل الوزير إلى سلطنة عمان في زيارة رسمية.")
    assert ("عمان", "JO", "city") in found(jo)
    assert any(c == "OM" for _t, c, _p in found(om))


def test_unknown_village_after_trigger_takes_the_country_from_context() -> None:
    doc = run("قتل جنديان ماليان في هجوم على بلدة نامبالا في وسط مالي.")
    got = found(doc)
    assert ("نامبالا", "ML", "city") in got


def test_nisbas_are_kept_apart_from_places() -> None:
    doc = run("أعلنت وزارة الخارجية الروسية أن الشرطة الكازاخية اعتقلت مسلحين.")
    assert [(p.span.text, p.country, p.role) for p in doc.places if p.span] == [
        ("الروسية", "RU", "nisba"), ("الكازاخية", "KZ", "nisba")]
    assert locate_event(doc, 0, doc.ntext.index("اعتقلت")).span is None  # type: ignore[union-attr]


def test_adjectives_after_trigger_are_not_names() -> None:
    doc = run("انفجرت عبوة في سوق مزدحمة في منطقة مأهولة بالسكان.")
    assert doc.places == []


def test_capital_by_nisba() -> None:
    doc = run("عقد الاجتماع في العاصمة البيلاروسية بحضور الطرفين.")
    (p,) = [p for p in doc.places if p.role == "mention"]
    assert p.span is not None and p.span.text == "العاصمة البيلاروسية"
    assert p.country == "BY" and p.name == "Minsk"


def test_cnn_dateline_is_not_an_event_place() -> None:
    doc = run("دبي، الإمارات العربية المتحدة (CNN)-- أعلنت وزارة الداخلية المصرية أن قوات الأمن "
              "قتلت 6 أشخاص في محافظة البحيرة.")
    assert {p.span.text for p in doc.places if p.role == "dateline" and p.span} >= {"دبي"}
    assert any(t.endswith("البحيرة") and c == "EG" and pr == "admin1" for t, c, pr in found(doc))
    assert doc.focus_country == "EG"


def test_agency_datelines() -> None:
    doc = run("واس- الرياض: نفذت وزارة الداخلية اليوم حكم القتل في جان بمنطقة القصيم.")
    roles = {p.span.text: p.role for p in doc.places if p.span}
    assert roles["الرياض"] == "dateline"
    assert [r for t, r in roles.items() if t.endswith("القصيم")] == ["mention"]
    doc2 = run("سيدني - د.ب.أ: استقالت رئيسة البرلمان الأسترالي أمس.")
    assert [p.role for p in doc2.places] == ["dateline", "nisba"]
    assert doc2.places[1].country == "AU" and doc2.places[1].precision == "country"


def test_slash_dateline() -> None:
    doc = run("بغداد/ أ ف ب: قتل خمسة أشخاص في انفجار سيارة مفخخة في الموصل.")
    roles = {p.span.text: p.role for p in doc.places if p.span}
    assert roles == {"بغداد": "dateline", "الموصل": "mention"}


def test_place_in_a_body_sentence_is_not_a_dateline() -> None:
    doc = run("قالت الشرطة إن مسلحين هاجموا مركزا أمنيا في حلب - شمال سوريا.")
    assert all(p.role == "mention" for p in doc.places)


def test_locate_event_prefers_the_most_specific_place_in_the_sentence() -> None:
    text = "قتل 25 مقاتلا في هجوم على قاعدة عسكرية في مدينة حلب شمال سوريا."
    doc = run(text)
    loc = locate_event(doc, 0, doc.ntext.index("هجوم"))
    assert loc is not None and loc.span is not None
    assert loc.span.text == "حلب" and loc.country == "SY"


def test_locate_event_uses_the_previous_sentence_of_the_paragraph() -> None:
    text = "وصل الوفد إلى مدينة الموصل صباح اليوم. وبعد ساعات انفجرت سيارة مفخخة."
    doc = run(text)
    loc = locate_event(doc, 1, doc.ntext.index("انفجرت"))
    assert loc is not None and loc.span is not None and loc.span.text == "الموصل"


def test_locate_event_falls_back_to_the_focus_country() -> None:
    text = "تشهد كازاخستان احتجاجات واسعة.\nوقالت الشرطة الكازاخية إنها اعتقلت العشرات."
    doc = run(text)
    loc = locate_event(doc, 1, doc.ntext.index("اعتقلت"))
    assert loc is not None and loc.span is None
    assert loc.country == "KZ" and loc.country3 == "KAZ" and loc.precision == "country"


def test_locate_event_falls_back_to_the_main_city_of_the_story() -> None:
    text = ("قتل 17 شخصا في إطلاق نار في مدرسة بمدينة باركلاند بولاية فلوريدا الأمريكية.\n"
            "وقالت الشرطة إن المسلح اعتقل بعد ساعة.\n"
            "وقال مسؤول إنه حضر إلى مكان الحادثة ليقدم المساعدة.")
    doc = run(text)
    loc = locate_event(doc, 2, doc.ntext.index("المساعده"))
    assert loc is not None and loc.span is not None and loc.span.text == "باركلاند"


def test_anaphors_take_the_place_named_before() -> None:
    doc = run("أغلقت إسرائيل المعبر مع قطاع غزة. وأطلق من القطاع 180 صاروخا.")
    loc = locate_event(doc, 1, doc.ntext.index("واطلق"))
    assert loc is not None and loc.span is not None and loc.span.text == "القطاع"
    assert loc.country == "PS"
    doc2 = run("وصل الوفد إلى مدينة حلب. وقال إن المدينة القديمة بخير.")
    assert [p.span.text for p in doc2.places if p.span] == ["حلب"]


def test_locate_event_ignores_datelines() -> None:
    doc = run("الخرطوم - سكاي نيوز عربية\nأعلنت الحكومة حالة الطوارئ في دارفور.")
    body = next(i for i, s in enumerate(doc.sentences) if s.kind != "dateline"
                and "اعلنت" in doc.sentence_text(i))
    loc = locate_event(doc, body, doc.ntext.index("اعلنت"))
    assert loc is not None and loc.span is not None and loc.span.text == "دارفور"


def test_locate_event_without_any_place_is_none() -> None:
    doc = run("قال المتحدث إن الاجتماع كان مثمرا.")
    assert locate_event(doc, 0, 0) is None


def test_quick_reject_keeps_every_reading() -> None:
    """The cheap check of a word's clitic forms never hides a reading the full analysis
    finds (و، ف، ب، ل، ك and «لل» = ل + ال)."""
    from marsad.geo.matcher import _STARTS, _readings, _starts
    from marsad.text.normalize import fold

    text = ("وقال مسؤولون في وزارة الخارجية وللعراق إن وفدا وصل لبغداد وبالقاهرة وفي الولايات "
            "المتحدة والمملكة العربية السعودية، كتبوا تقريرا عن السوريين وللفلسطينيين فلبنان")
    for w in fold(text).replace("،", "").split():
        _STARTS.pop(w, None)
        assert _starts(w) == _readings(w), w
    assert ("العراق", 3) in [(f, o) for f, o, *_ in _starts(fold("وللعراق"))]
    assert ("بغداد", 1) in [(f, o) for f, o, *_ in _starts(fold("لبغداد"))]
    assert _starts(fold("كتبوا")) == ()


def test_meeting_sentences_need_a_whole_meeting_word() -> None:
    from marsad.stages.places import _meeting_sentences

    doc = run("عقدت اللجنة اجتماعها في القاهرة. وناقش المجلس الاجتماعي الأوضاع في عمان. "
              "واستضافت الرياض القمة العربية. ووصل الوفد إلى بغداد.")
    assert len(doc.sentences) == 4
    # «الاجتماعي» holds «الاجتماع» but is no meeting word
    assert _meeting_sentences(doc) == frozenset({0, 2})
