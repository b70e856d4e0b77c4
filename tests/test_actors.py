"""The ``actors`` stage: PLOVER country and sector codes, statement locations."""

from __future__ import annotations

import pytest

from marsad.model.document import Document
from marsad.model.records import Actor, Event
from marsad.stages.actors import code_actors, code_span
from marsad.text.normalize import fold
from tests.conftest import make_doc


@pytest.mark.parametrize(
    ("span", "country", "sector"),
    [
        ("وزارة الخارجية الروسية", "RUS", "GOV"),
        ("الشرطة الكازاخية", "KAZ", "COP"),
        ("وزارة الخارجية البيلاروسية", "BLR", "GOV"),
        ("المتحدث باسم وزارة الخارجية الصينية", "CHN", "GOV"),
        ("الجيش الإسرائيلي", "ISR", "MIL"),
        ("وزارة الدفاع في كوريا الجنوبية", "KOR", "MIL"),
        ("الرئيس الأمريكي دونالد ترامب", "USA", "GOV"),
        ("رئيسة البرلمان الأسترالي", "AUS", "LEG"),
        ("المحكمة العامة", None, "JUD"),
        ("المتظاهرون", None, "CVL"),
        ("مسلحون مجهولون", None, "UAF"),
        ("منظمة معاهدة الأمن الجماعي", None, "IGO"),
        ("الأمين العام للأمم المتحدة", None, "UNO"),
        ("المرصد السوري لحقوق الإنسان", "SYR", "NGO"),
        ("حركة حماس", "PSE", "PTY"),
        ("مليشيات الحوثي", "YEM", "REB"),
        ("تنظيم داعش", None, "IMG"),
        ("روسيا", "RUS", "GOV"),
        ("موسكو", "RUS", "GOV"),
        ("المملكة العربية السعودية", "SAU", "GOV"),
        ("تنظيم القاعدة", None, "IMG"),
    ],
)
def test_code_span(span: str, country: str | None, sector: str) -> None:
    c = code_span(fold(span))
    assert c.country == country
    assert sector in c.sectors


def test_ordinary_words_have_no_code() -> None:
    c = code_span(fold("بعد ظهر اليوم"))
    assert c.country is None and c.sectors == ()
    assert "IMG" not in code_span(fold("القاعدة العسكرية")).sectors  # a base, not al-Qaeda


def _event(doc: Document, etype: str, trigger: str, actors: list[str],
           recipients: tuple[str, ...] = (), quote: int | None = None) -> Event:
    """An event built by hand on ``doc`` (the events stage is tested elsewhere)."""
    i = doc.text.index(trigger)
    si = next(k for k, s in enumerate(doc.sentences) if s.start <= i < s.end)
    from marsad.stages.places import locate_event

    ev = Event(etype, doc.raw_span(i, i + len(trigger)), si, doc.sentence_span(si), quote=quote)
    ev.location = locate_event(doc, si, doc.sentences[si].nstart + i - doc.sentences[si].start)
    for name in actors:
        j = doc.text.index(name)
        ev.actors.append(Actor(doc.raw_span(j, j + len(name))))
    for name in recipients:
        j = doc.text.index(name)
        ev.recipients.append(Actor(doc.raw_span(j, j + len(name))))
    return ev


SEED_LIKE = (
    "قتل 13 من عناصر الشرطة في أعمال الشغب التي اندلعت في مدينة ألما آتا في كازاخستان.\n"
    "وقال الجيش إنه استعاد السيطرة على المطار.\n"
    "وزارة الخارجية الروسية أكدت أن الأحداث في كازاخستان محاولة مستوحاة من الخارج.\n"
    "في بكين صرح المتحدث باسم وزارة الخارجية الصينية بأن الصين تأمل باستقرار الوضع في كازاخستان."
)


def test_state_actor_without_nisba_takes_the_event_country() -> None:
    doc = make_doc(SEED_LIKE, stages=("places",))
    ev = _event(doc, "ASSAULT", "قتل", [], ("عناصر الشرطة",))
    ev2 = _event(doc, "MOBILIZE", "استعاد", ["الجيش"])
    doc.events = [ev, ev2]
    code_actors(doc)
    assert ev.recipients[0].country == "KAZ" and ev.recipients[0].sectors == ["COP"]
    assert ev2.actors[0].country == "KAZ" and ev2.actors[0].sectors == ["MIL"]


def test_statement_takes_the_speaker_country() -> None:
    doc = make_doc(SEED_LIKE, stages=("places",))
    ev = _event(doc, "ACCUSE", "أكدت", ["وزارة الخارجية الروسية"], quote=0)
    assert ev.location is not None and ev.location.country == "KZ"  # the topic
    doc.events = [ev]
    code_actors(doc)
    assert ev.actors[0].country == "RUS" and ev.actors[0].sectors == ["GOV"]
    assert ev.location is not None and ev.location.span is None
    assert (ev.location.country, ev.location.country3, ev.location.precision) == (
        "RU", "RUS", "country")


def test_statement_venue_before_the_verb_is_kept() -> None:
    doc = make_doc(SEED_LIKE, stages=("places",))
    ev = _event(doc, "SUPPORT", "صرح", ["المتحدث باسم وزارة الخارجية الصينية"], quote=0)
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "بكين" and ev.location.country == "CN"


def test_non_statement_keeps_its_place() -> None:
    doc = make_doc(SEED_LIKE, stages=("places",))
    ev = _event(doc, "ASSAULT", "قتل", ["الشرطة"])
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "ألما آتا"


def test_capital_inside_an_actor_is_not_the_place() -> None:
    # no locative word before either place, so the city is taken first, then moved
    text = "قالت مصادر إن الهجمات التي شنتها تل أبيب فجر الخميس استهدفت سوريا وأسفرت عن قتلى."
    doc = make_doc(text, stages=("places",))
    ev = _event(doc, "ASSAULT", "الهجمات", ["شنتها تل أبيب"])
    assert ev.location is not None and ev.location.span is not None
    assert ev.location.span.text == "تل أبيب"
    doc.events = [ev]
    code_actors(doc)
    assert ev.actors[0].country == "ISR"
    assert ev.location is not None and ev.location.country == "SY"


def test_bare_name_borrows_title_and_nisba() -> None:
    text = ("قال الرئيس الأمريكي دونالد ترامب إنه سيرد.\n"
            "ورفض ترامب الاتهامات.")
    doc = make_doc(text, stages=("places",))
    ev = _event(doc, "REJECT", "ورفض", ["ترامب"])
    doc.events = [ev]
    code_actors(doc)
    assert ev.actors[0].country == "USA" and "GOV" in ev.actors[0].sectors
    assert ev.location is not None and ev.location.country == "US"


def test_victims_nisba_places_an_event_with_no_place_of_its_own() -> None:
    text = ("أعلن الجيش الإسرائيلي حالة التأهب في القدس.\n"
            "وقتل صحافيان فلسطينيان خلال تغطيتهما للتظاهرات.")
    doc = make_doc(text, stages=("places",))
    ev = _event(doc, "ASSAULT", "وقتل", [])
    assert ev.location is not None and ev.location.country == "IL"  # the article's main city
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.country == "PS"


def test_a_speakers_nisba_does_not_place_another_event() -> None:
    text = "أوضحت وزارة الخارجية البيلاروسية أن المسلحين استولوا على ترسانة في كازاخستان."
    doc = make_doc(text, stages=("places",))
    ev = _event(doc, "COERCE", "استولوا", ["المسلحين"])
    doc.events = [ev]
    code_actors(doc)
    assert ev.location is not None and ev.location.country == "KZ"
    assert ev.actors[0].country == "KAZ" and ev.actors[0].sectors == ["UAF"]


def test_quote_speakers_and_sources_are_coded_like_actors():
    from marsad.io.validate import make_document
    from marsad.pipeline import Pipeline

    text = ("وقالت وزارة الخارجية الروسية إن الوضع خطير، بحسب وكالة سبوتنيك. "
            "وأكد الجيش اللبناني أن الحدود هادئة.")
    doc = Pipeline()(make_document({"id": "s", "text": text, "published": "2022-01-06"}))
    coded = {q.speaker.text: (q.speaker_country, q.speaker_sectors) for q in doc.quotes if q.speaker}
    assert coded["وزارة الخارجية الروسية"] == ("RUS", ["GOV"])
    assert coded["الجيش اللبناني"][0] == "LBN" and "MIL" in coded["الجيش اللبناني"][1]
    agency = [s for s in doc.sources if "سبوتنيك" in s.span.text]
    assert agency and "MED" in agency[0].sectors
