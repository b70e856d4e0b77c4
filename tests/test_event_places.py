"""Where an event happened: the inner of two nested places, locative words, territory
nisbas and meeting venues, on real Arabic news sentences."""

from __future__ import annotations

from marsad.model.document import Document
from marsad.model.records import Event
from marsad.stages.actors import code_actors
from marsad.stages.places import locate_event, meeting_venue
from tests.conftest import make_doc


def run(text: str) -> Document:
    doc = make_doc(text, stages=("places",))
    for p in doc.places:
        assert p.span is not None and doc.text[p.span.start : p.span.end] == p.span.text
    return doc


def where(doc: Document, trigger: str) -> str | None:
    """The span text of the location ``locate_event`` gives an event at ``trigger``."""
    i = doc.text.index(trigger)
    si = next(k for k, s in enumerate(doc.sentences) if s.start <= i < s.end)
    loc = locate_event(doc, si, doc.sentences[si].nstart + i - doc.sentences[si].start)
    return None if loc is None or loc.span is None else loc.span.text


def event(doc: Document, etype: str, trigger: str) -> Event:
    i = doc.text.index(trigger)
    si = next(k for k, s in enumerate(doc.sentences) if s.start <= i < s.end)
    ev = Event(etype, doc.raw_span(i, i + len(trigger)), si, doc.sentence_span(si))
    ev.location = locate_event(doc, si, doc.sentences[si].nstart + i - doc.sentences[si].start)
    return ev


def test_town_named_before_its_province_is_the_place() -> None:
    doc = run("وأضافت أن هجوما وقع مساء السبت في مدينة مديات في محافظة ماردين أدى إلى مقتل شرطي.")
    assert where(doc, "مقتل") == "مديات"


def test_village_with_b_province_is_the_place() -> None:
    doc = run("سقط مقذوف على منزل بقرية المغيرة بمحافظة الحرث من داخل الأراضي اليمنية، "
              "نتج منه إصابة مقيمين اثنين.")
    assert where(doc, "إصابة") == "المغيرة"


def test_district_with_b_city_is_the_place() -> None:
    doc = run("نفذت جبهة النصرة حكم الإعدام بحق عشرة أشخاص في حي الشعار بحلب.")
    assert where(doc, "الإعدام") == "الشعار"


def test_two_towns_joined_by_and_are_not_nested() -> None:
    # «و» lists two places: neither holds the other, the nearest one wins
    doc = run("قصفت الطائرات مدينة حلب وإدلب أمس فقتل عشرة مدنيين.")
    assert where(doc, "فقتل") == "إدلب"


def test_territory_nisba_names_the_country() -> None:
    doc = run("استهدفت الغارات أهدافا إيرانية داخل الأراضي السورية.")
    roles = {p.span.text: p.role for p in doc.places if p.span is not None}
    assert roles["السورية"] == "mention" and roles["إيرانية"] == "nisba"
    loc = locate_event(doc, 0, doc.ntext.index("الغارات"))
    assert loc is not None and loc.country == "SY"


def test_from_inside_the_territory_stays_a_nisba() -> None:
    doc = run("أطلقت قذائف من داخل الأراضي اليمنية على منطقة جازان.")
    roles = {p.span.text: p.role for p in doc.places if p.span is not None}
    assert roles["اليمنية"] == "nisba"


def test_officials_in_a_capital_are_not_where_it_happened() -> None:
    doc = run("وفاجأ الرئيس الأميركي دونالد ترامب المسؤولين في سول وواشنطن عندما تعهد بإنهاء "
              "المناورات العسكرية بعد لقائه بزعيم كوريا الشمالية كيم جونغ أون في سنغافورة "
              "الأسبوع الماضي.")
    assert where(doc, "لقائه") == "سنغافورة"


def test_embassy_in_a_city_is_not_the_place() -> None:
    doc = run("وقتل 61 فلسطينيا على الحدود بين قطاع غزة وإسرائيل في تظاهرات تزامنت مع "
              "افتتاح السفارة الأميركية في القدس.")
    assert where(doc, "وقتل") == "قطاع غزة"


def test_meeting_takes_the_venue_named_before() -> None:
    doc = run("تواصل الهيئة العامة للائتلاف الوطني السوري اجتماعاتها في إسطنبول وعلى رأس "
              "جدول أعمالها انتخاب هيئة رئاسية. وقال الناطق إن الهيئة ناقشت الوضع في حلب.\n"
              "وانطلقت اجتماعات الهيئة بدورتها الجديدة صباح الجمعة الماضي.")
    venue = meeting_venue(doc, 2)
    assert venue is not None and venue.span is not None and venue.span.text == "إسطنبول"
    ev = event(doc, "CONSULT", "اجتماعات الهيئة")
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "إسطنبول" and ev.location.country == "TR"


def test_meeting_venue_named_after_the_talks() -> None:
    doc = run("ناقش الرئيس المصري نتائج العملية الشاملة سيناء 2018 خلال مباحثاته مع نظيره "
              "الروسي.\nوعقد الرئيس مباحثات على مستوى القمة مع الرئيس الروسي بمدينة سوتشي.")
    ev = event(doc, "CONSULT", "مباحثاته")
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "سوتشي" and ev.location.country == "RU"


def test_host_city_is_the_venue() -> None:
    doc = run("وبعد ظهر الاثنين استضافت العاصمة البيلاروسية اجتماعا جديدا بين طرفي النزاع.")
    venue = meeting_venue(doc, 0)
    assert venue is not None and venue.country == "BY"


def test_an_attack_does_not_take_a_meeting_venue() -> None:
    doc = run("عقد وزراء الخارجية اجتماعا في مدينة جدة.\n"
              "وفي اليمن قتل خمسة مدنيين في غارة على مدينة تعز.")
    ev = event(doc, "ASSAULT", "قتل")
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "تعز"


def test_a_country_discussed_at_talks_is_no_venue() -> None:
    doc = run("وتطرقت المباحثات إلى الأوضاع في ليبيا وسوريا.")
    assert meeting_venue(doc, 0) is None


def test_a_meeting_placed_in_its_own_sentence_keeps_its_place() -> None:
    doc = run("عقد الوزراء اجتماعا في مدينة جدة.\nوالتقى الرئيس نظيره الفرنسي في باريس.")
    ev = event(doc, "CONSULT", "والتقى")
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "باريس"


def test_capital_named_after_its_title_gives_the_city() -> None:
    doc = run("وفي مساء الأربعاء الماضي، تجمع محتجون في العاصمة الدنماركية، كوبنهاغن، للتظاهر "
              "ضد القانون.")
    assert where(doc, "تجمع") == "كوبنهاغن"


def test_a_landmark_near_the_town_is_not_the_place() -> None:
    doc = run("أدى هجوم كيماوي إلى مقتل أكثر من 60 مدنيا في مدينة دوما بالقرب من العاصمة دمشق.")
    assert where(doc, "مقتل") == "دوما"


def test_a_country_someone_is_tied_to_is_not_the_place() -> None:
    doc = run("وقالت الشرطة إن الخلية ضمت خمسة أشخاص مرتبطين بموسكو.\n"
              "ونال المستشار السابق حكما بالحبس بسبب اتصاله بأفراد مرتبطين بروسيا.")
    loc = locate_event(doc, 1, doc.ntext.index("حكما"))
    assert loc is None or loc.span is None or loc.span.text != "روسيا"
    loc = locate_event(doc, 0, doc.ntext.index("ضمت"))
    assert loc is None or loc.span is None or loc.span.text != "موسكو"


def test_town_with_an_adjective_before_its_province() -> None:
    doc = run("دفعت قوات التحالف بقوة عسكرية كبيرة إلى تخوم مدينة حرض الحدودية، بمحافظة حجة "
              "شمال غربي اليمن.")
    assert where(doc, "دفعت") == "حرض"


def test_weekday_between_two_places_does_not_nest_them() -> None:
    doc = run("أغلقت إسرائيل الأحد معبر إيريز الحدودي مع قطاع غزة.")
    assert where(doc, "أغلقت") == "معبر إيريز"


def test_a_village_hit_by_a_shell_is_the_place() -> None:
    doc = run("وقتل طفل من جراء سقوط قذيفة أطلقتها الميليشيات على قرية ماتع، فيما قصفت "
              "الطائرات مواقع في مدينة تعز.")
    assert where(doc, "وقتل") == "ماتع"


def test_a_reporter_in_a_city_is_not_the_place() -> None:
    doc = run('وكان مراسل "العربية" في نيويورك قد أفاد بأن الميليشيات رفضت الانسحاب '
              "من مدينة الحديدة.")
    assert where(doc, "رفضت") == "الحديدة"


def test_local_agency_dateline_places_a_domestic_story() -> None:
    doc = run("واس - الأحساء: نفذت وزارة الداخلية اليوم حكم القتل قصاصا في جان سعودي الجنسية "
              "أقدم على قتل مواطن سعودي.")
    assert any(p.role == "dateline" for p in doc.places)
    assert where(doc, "نفذت") == "الأحساء"


def test_cnn_bureau_dateline_does_not_place_the_story() -> None:
    doc = run("أتلانتا، الولايات المتحدة الأمريكية (CNN) -- أكد الرئيس الأمريكي دونالد ترامب "
              "أنه لا يعلم ما إذا كان وزير الدفاع سيبقى في منصبه.\nوشكر ترامب الرئيس التركي.")
    assert where(doc, "وشكر") != "أتلانتا"
