"""Stage ``places``: toponyms resolved against the offline gazetteer, and event locations.

The stage fills ``doc.places`` (every place named in the text, datelines marked with
role ``dateline``) and ``doc.focus_country`` (the country the article is mostly about).
:func:`locate_event` is what the events stage calls to give each event its location.
"""

from __future__ import annotations

from marsad.geo.focus import focus_country
from marsad.geo.gazetteer import alpha3, country_place, load
from marsad.geo.matcher import scan
from marsad.model.document import Document
from marsad.model.records import Place
from marsad.registry import StageFn, stage

# Any place inside a country beats the country; among those the nearest wins.
_RANK = {"sub-city": 2, "city": 2, "admin1": 2, "country": 1}


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    """True when sentences ``a`` < ``b`` are in the same paragraph (no line break between)."""
    sa, sb = doc.sentences[a], doc.sentences[b]
    return "\n" not in doc.text[sa.end : sb.start]


def _best(places: list[Place], nstart: int | None, doc: Document) -> Place | None:
    """A place inside a country before a country, then the one nearest ``nstart``."""
    best: Place | None = None
    best_key: tuple[int, int] | None = None
    for p in places:
        if p.span is None:
            continue
        if nstart is None:
            dist = 0
        else:
            # distance in original offsets; the trigger's folded offset maps to original
            t = doc.norm.start(nstart)
            dist = abs(p.span.start - t)
        key = (_RANK.get(p.precision, 0), -dist)
        if best_key is None or key > best_key:
            best, best_key = p, key
    return best


def focus_place(doc: Document) -> Place | None:
    """A span-less Place for the article's focus country, precision ``country``."""
    if not doc.focus_country:
        return None
    return country_place(doc.focus_country)


def main_place(doc: Document, before: int | None, country: str | None = None) -> Place | None:
    """The place inside ``country`` (default: the focus country) that the article names
    most, among the places named before sentence ``before`` (anywhere when None): where
    the story happens when a sentence does not repeat it («حضر إلى مكان الحادثة» in a
    story about Parkland, «كمين بمالي» in a story about an ambush at نامبالا)."""
    country = country or doc.focus_country
    if not country:
        return None
    counts: dict[str, int] = {}
    first: dict[str, Place] = {}
    for p in doc.places:
        if (p.role != "mention" or p.precision == "country" or p.country != country
                or p.span is None):
            continue
        key = p.name or p.span.text
        counts[key] = counts.get(key, 0) + 1
        if before is None or p.sentence < before:
            first.setdefault(key, p)
    if not first:
        return None
    def weight(k: str) -> tuple[int, int]:
        city = first[k].precision in ("city", "sub-city")  # a city says more than a region
        return counts[k] + int(city), -first[k].sentence

    return first[max(first, key=weight)]


def _paragraph(doc: Document, sentence: int) -> range:
    """Indices of the sentences of the paragraph holding ``sentence``."""
    lo = sentence
    while lo > 0 and _same_paragraph(doc, lo - 1, lo):
        lo -= 1
    hi = sentence
    while hi + 1 < len(doc.sentences) and _same_paragraph(doc, hi, hi + 1):
        hi += 1
    if doc.sentences[hi].kind == "title" and hi + 1 < len(doc.sentences):
        hi += 1  # a title belongs with the story under it
        while hi + 1 < len(doc.sentences) and _same_paragraph(doc, hi, hi + 1):
            hi += 1
    return range(lo, hi + 1)


def paragraph_country(doc: Document, sentence: int) -> str | None:
    """The country the paragraph of ``sentence`` names most (places, nisbas and its
    dateline), if it names a place there; None otherwise. In news digests each paragraph
    is its own story («سيدني - د.ب.أ: استقالت رئيسة البرلمان الأسترالي ...»)."""
    para = _paragraph(doc, sentence)
    inside = [p for p in doc.places if p.sentence in para]
    cc = focus_country(inside)
    # a nisba alone («القنصلية الأميركية») does not move a story to another country
    if cc is not None and any(p.country == cc and p.role != "nisba" for p in inside):
        return cc
    return None


def locate_event(doc: Document, sentence: int, nstart: int) -> Place | None:
    """The location of an event whose trigger starts at folded offset ``nstart``.

    The event's place is the most specific place named in the event's sentence (ties go
    to the one nearest the trigger), never a dateline or a nisba; failing that, the most
    specific place of the previous sentence of the same paragraph nearest its end; failing
    that, a :class:`Place` with ``span=None`` and precision ``"country"`` for the country
    the paragraph names most (places and nisbas such as الأسترالي) when it is not the
    article's focus country; else the place in the focus country the article names most
    before this sentence (see :func:`main_place`); else a span-less Place for the focus
    country; ``None`` when there is none either. A returned place with a span is the
    one in ``doc.places`` (callers must not mutate it); span-less ones are fresh.
    """
    if not 0 <= sentence < len(doc.sentences):
        return focus_place(doc)
    by_sent = [p for p in doc.places if p.sentence == sentence and p.role == "mention"]
    found = _best(by_sent, nstart, doc)
    if found is None and sentence > 0 and _same_paragraph(doc, sentence - 1, sentence):
        prev = [p for p in doc.places if p.sentence == sentence - 1 and p.role == "mention"]
        found = _best(prev, doc.sentences[sentence - 1].nend, doc)
    if found is not None:
        if found.precision == "country":  # «بشمال أفغانستان»: the story's town there
            return main_place(doc, None, found.country) or found
        return found
    cc = paragraph_country(doc, sentence)
    if cc is not None and cc != doc.focus_country:
        place = country_place(cc, sentence=sentence)
        if place is not None:
            return place
    return main_place(doc, sentence) or focus_place(doc)


def find_places(doc: Document) -> Document:
    """Fill ``doc.places`` and ``doc.focus_country``."""
    doc.places = scan(doc)
    doc.focus_country = focus_country(doc.places)
    if doc.focus_country:
        cc3 = alpha3(doc.focus_country)
        for p in doc.places:
            if p.country is None:  # an unknown name with no resolved place near it
                p.country, p.country3 = doc.focus_country, cc3
    return doc


@stage("places", requires=("sentences",), assigns=("places",))
def make_places() -> StageFn:
    load()
    return find_places
