"""Stores for the API and web-page tests.

``curated_store`` writes hand-made records for real Arabic articles (the bundled example
and an article laced with HTML/JS payloads) so the API tests do not depend on what the
extraction stages find; every span is cut from the text with ``str.find``. ``example_store``
runs the real pipeline on the bundled example, as ``marsad ingest`` would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.cli.extract import example_record
from marsad.io.validate import make_document
from marsad.model.records import Actor, DateMention, Event, Figure, Place, Quote, Source
from marsad.model.span import Span
from marsad.pipeline import Pipeline
from marsad.serialize import document_to_dict
from marsad.storage import Store, document_payload, text_hash

PAYLOAD_TEXT = (
    "القاهرة – خاص:\n"
    "تظاهر مئات الطلاب أمام جامعة القاهرة يوم الأحد <script>alert('x')</script> احتجاجاً "
    "على رفع الرسوم، وقالت مصادر أمنية إن الشرطة اعتقلت 12 طالباً <img src=x onerror=alert(1)>.\n"
    "ولم تعلن الحكومة أي موقف حتى الآن."
)
PAYLOAD_TITLE = "مظاهرة <b>طلاب</b> <img src=x onerror=alert(2)>"


def cut(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} not in text")
    return Span(at, at + len(needle), needle)


def _sentence(doc: Any, span: Span) -> tuple[int, Span]:
    for i, s in enumerate(doc.sentences):
        if s.start <= span.start < s.end:
            return i, doc.sentence_span(i)
    return 0, doc.sentence_span(0)


def _base(rec: dict[str, Any]) -> Any:
    return Pipeline(["segment"])(make_document(rec))


def example_curated() -> tuple[dict[str, Any], dict[str, Any]]:
    """The bundled example with hand-checked events, figures, quotes and sources."""
    rec = example_record()
    doc = _base(rec)
    t = doc.text
    almaty = Place(cut(t, "ألما آتا"), name="Almaty", geonameid=1526384, country="KZ",
                   country3="KAZ", lat=43.25, lon=76.92, precision="city")
    kz = Place(cut(t, "كازاخستان"), name="Kazakhstan", geonameid=1522867, country="KZ",
               country3="KAZ", lat=48.0, lon=68.0, precision="country")
    today = DateMention(cut(t, "اليوم"), "2022-01-06", relative=True)
    killed = Figure(cut(t, "13"), 13, kind="killed", counted=cut(t, "عناصر الشرطة"),
                    counted_as="police", cue=cut(t, "قتل"))
    injured = Figure(cut(t, "أكثر من 300"), 300, qualifier="more_than", kind="injured",
                     cue=cut(t, "أصيب"))
    agencies = Source(cut(t, "وكالات أنباء"), cue=cut(t, "بحسب"), chain=[cut(t, "وكالات أنباء")])
    trig = cut(t, "قتل")
    s_i, s_span = _sentence(doc, trig)
    assault = Event("ASSAULT", trig, s_i, s_span, mode="firearms",
                    recipients=[Actor(cut(t, "عناصر الشرطة"), "KAZ", ["COP"])],
                    location=almaty, date="2022-01-06", date_precision="day",
                    date_span=today.span, figures=[killed, injured], sources=[agencies],
                    mentions=[cut(t, "أعمال العنف", 1)], confidence=0.9)
    p_trig = cut(t, "الاحتجاجات")
    p_i, p_span = _sentence(doc, p_trig)
    protest = Event("PROTEST", p_trig, p_i, p_span, mode="riot", location=kz,
                    actors=[Actor(cut(t, "العصابات"), None, ["CRM"])], date="2022-01-05",
                    date_precision="day", confidence=0.6)
    csto = cut(t, "منظمة معاهدة الأمن الجماعي", 2)
    a_trig = cut(t, "إرسال")
    a_i, a_span = _sentence(doc, a_trig)
    aid = Event("AID", a_trig, a_i, a_span, actors=[Actor(csto, None, ["IGO"])],
                recipients=[Actor(cut(t, "كازاخستان", 9), "KAZ", ["GOV"])],
                location=Place(cut(t, "كازاخستان", 9), name="Kazakhstan", country="KZ",
                               country3="KAZ", lat=48.0, lon=68.0, precision="country"),
                date="2022-01-06", date_precision="day",
                date_span=cut(t, "اليوم الخميس", 1), confidence=0.8)
    c_trig = cut(t, "سنواصل مشاوراتنا")
    c_i, c_span = _sentence(doc, c_trig)
    consult = Event("CONSULT", c_trig, c_i, c_span,
                    actors=[Actor(cut(t, "روسيا", 0), "RUS", ["GOV"])],
                    recipients=[Actor(cut(t, "كازاخستان", 6), "KAZ", ["GOV"])],
                    date="2022-01-06", future=True, hypothetical=True, confidence=0.5)
    quote = Quote(cue=cut(t, "أفادت"), speaker=cut(t, "وزارة الصحة الكازاخية"),
                  content=cut(t, "أكثر من ألف شخص في مناطق مختلفة من كازاخستان أصيبوا بجروح"),
                  direct=True, sources=[cut(t, "الوكالة")], sentence=1)
    doc.events = [assault, protest, aid, consult]
    doc.figures = [killed, injured]
    doc.dates = [today]
    doc.places = [kz, almaty]
    doc.quotes = [quote]
    doc.sources = [agencies]
    return rec, document_to_dict(doc)


def payload_curated() -> tuple[dict[str, Any], dict[str, Any]]:
    """A short Arabic article whose text and title carry HTML/JS payloads."""
    rec = {"id": "payload-<script>", "text": PAYLOAD_TEXT, "published": "2022-02-13",
           "title": PAYLOAD_TITLE, "site": "<i>site</i>"}
    doc = _base(rec)
    t = doc.text
    cairo = Place(cut(t, "القاهرة", 1), name="Cairo", geonameid=360630, country="EG",
                  country3="EGY", lat=30.06, lon=31.25, precision="city")
    trig = cut(t, "تظاهر")
    s_i, s_span = _sentence(doc, trig)
    protest = Event("PROTEST", trig, s_i, s_span, mode="demo",
                    actors=[Actor(cut(t, "مئات الطلاب"), "EGY", ["EDU"])], location=cairo,
                    date="2022-02-13", date_precision="day",
                    figures=[Figure(cut(t, "مئات"), 200, qualifier="vague", kind="protesters")])
    a_trig = cut(t, "اعتقلت")
    a_i, a_span = _sentence(doc, a_trig)
    arrest = Event("COERCE", a_trig, a_i, a_span, mode="arrest",
                   actors=[Actor(cut(t, "الشرطة"), "EGY", ["COP"])], location=cairo,
                   date="2022-02-13", date_precision="day",
                   figures=[Figure(cut(t, "12"), 12, kind="arrested", counted=cut(t, "طالباً"))],
                   sources=[Source(cut(t, "مصادر أمنية"), cue=cut(t, "وقالت"))])
    n_trig = cut(t, "تعلن")
    n_i, n_span = _sentence(doc, n_trig)
    negated = Event("SUPPORT", n_trig, n_i, n_span, actors=[Actor(cut(t, "الحكومة"), "EGY",
                                                                   ["GOV"])],
                    negated=True, date="2022-02-13")
    doc.events = [protest, arrest, negated]
    doc.places = [cairo]
    return rec, document_to_dict(doc)


def write_store(path: Path, items: list[tuple[dict[str, Any], dict[str, Any]]]) -> Path:
    """Write (record, result) pairs into a fresh store at ``path``."""
    with Store(path) as st, st.batch():
        for rec, result in items:
            st.put(document_payload(result, rec["text"], key=text_hash(rec["text"]),
                                    record=rec, origin="tests", extractor="tests"))
    return path


def curated_store(path: Path) -> Path:
    return write_store(path, [example_curated(), payload_curated()])


def example_store(path: Path) -> Path:
    """The bundled example through the default pipeline, and the payload article."""
    nlp = Pipeline()
    items = []
    for rec in (example_record(), payload_curated()[0]):
        items.append((rec, nlp.process(rec)))
    return write_store(path, items)
