"""Stage ``places``: toponyms resolved against the offline gazetteer, and event locations.

The stage fills ``doc.places`` (every place named in the text, datelines marked with
role ``dateline``) and ``doc.focus_country`` (the country the article is mostly about).
:func:`locate_event` is what the events stage calls to give each event its location.
"""

from __future__ import annotations

import re

from marsad.geo.focus import focus_country
from marsad.geo.gazetteer import alpha3, country_place, load
from marsad.geo.matcher import scan
from marsad.model.document import Document
from marsad.model.records import Place
from marsad.registry import StageFn, stage
from marsad.text.normalize import fold
from marsad.text.trie import trie_pattern

# Any place inside a country beats the country; among those the nearest wins.
_RANK = {"sub-city": 4, "city": 4, "admin1": 4, "country": 2}
# What joins a place to the larger place that holds it: «حي الشعار بحلب», «مدينة مديات
# في محافظة ماردين», «بقرية المغيرة بمحافظة الحرث», «الفلوجة، غرب بغداد»; or names a
# landmark near it («دوما بالقرب من العاصمة دمشق»); an adjective may come between
# («مدينة حرض الحدودية، بمحافظة حجة») (folded text).
_INSIDE = re.compile(
    r"\s*(?:ال\S+(?:ي|يه)\s*)?[،,]?\s*(?:(?:في|ب|ب?القرب من|قرب|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط)\s*)?"
    r"(?:(?:محافظه|ولايه|منطقه|مدينه|اقليم|مقاطعه|قضاء|ناحيه|مديريه|اماره|"
    r"شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط|ريف|العاصمه)\s*)?"
)

# A locative word right before a place (folded, a trigger word such as «مدينة» between
# allowed): «في حلب», «بمدينة سوتشي», «قرب بلدة المريسة». A place without one is more
# often a topic, an owner or a target («نتائج العملية الشاملة سيناء», «عاصمتها القدس»).
_LOCATIVE = re.compile(
    r"(?:(?<!\S)[وف]?(?:في|داخل|عند|حول|خارج|ال?حدود بين|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|"
    r"وسط|ضواحي|محيط|انحاء)|(?<!\S)[وف]?ب)\s*"
    r"(?:(?:مدينه|بلده|قريه|محافظه|ولايه|منطقه|اقليم|مقاطعه|حي|مخيم|العاصمه(?:\s+ال\S+)?)\s*)?$"
    # «على قرية ماتع», «إلى مدينة دوما»: a target or goal that is a settlement
    r"|(?<!\S)[وف]?(?:علي|الي)\s+(?:مدينه|بلده|قريه|حي|مخيم|منطقه)\s*$"
)

# «في» after a person or an office says where they sit, not where the event happens:
# «السفارة الأميركية في القدس», «المسؤولين في سول», «نظرائهم في كوريا الشمالية»; a
# person with a nationality is another matter («التقى نظيره الفرنسي في باريس»). Nor is
# «في» inside a name («الدولة الإسلامية في العراق والشام»).
_OFFICES = "|".join(fold(w) for w in "سفار قنصلي مقر مكتب".split())
_PERSONS = "|".join(fold(w) for w in "سفير سفراء مسؤول نظير نظراء نظرائ مراسل ممثل".split())
_SEAT = re.compile(r"(?<!\S)[وفبلك]?(?:ال)?(?:(?:" + _OFFICES + r")\S*(?:\s+ال\S+)?|(?:"
                   + _PERSONS + r")\S*(?:\s+[\"«]\S+[\"»])?"  # «مراسل "العربية" في»
                   r"|الدوله الاسلاميه)\s+في\s*$")  # «تنظيم الدولة الإسلامية في العراق»

# A place that only says whom someone is tied to is no event place: «أفراد مرتبطين
# بروسيا», «الشرق الموالي لروسيا», «ميليشيات مدعومة من إيران» (folded).
_TIED = re.compile(
    r"(?<!\S)[وف]?(?:ال)?(?:مرتبط|موال|تابع|مدعوم|صله|صلات|علاقه|علاقات|علاقته|علاقتها)\S*"
    r"\s+(?:ب|ل|مع\s+|من\s+)?$"
)


def _tied(p: Place, doc: Document) -> bool:
    """True when ``p`` follows a word of allegiance or ties («مرتبطين بروسيا»)."""
    return p.span is not None and _TIED.search(
        fold(doc.text[max(0, p.span.start - 24) : p.span.start])) is not None


def _locative(p: Place, doc: Document) -> bool:
    """True when a locative word introduces place ``p`` («في», «ب», «قرب» ...)."""
    if p.span is None:
        return False
    before = fold(doc.text[max(0, p.span.start - 40) : p.span.start])
    return _LOCATIVE.search(before) is not None and _SEAT.search(before) is None


def _containers(places: list[Place], doc: Document) -> dict[int, int]:
    """Index of each place that only says which larger place holds the place named just
    before it -> index of that inner, more specific place."""
    out: dict[int, int] = {}
    spans = sorted((p.span.start, p.span.end, i) for i, p in enumerate(places)
                   if p.span is not None)
    for (_s0, e0, i0), (s1, _e1, i1) in zip(spans, spans[1:], strict=False):
        if s1 - e0 > 24 or s1 < e0:
            continue
        gap = fold(doc.text[e0:s1])
        if gap.strip() and _INSIDE.fullmatch(gap):
            out[i1] = i0
    return out


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    """True when sentences ``a`` < ``b`` are in the same paragraph (no line break between)."""
    sa, sb = doc.sentences[a], doc.sentences[b]
    return "\n" not in doc.text[sa.end : sb.start]


def _best(places: list[Place], nstart: int | None, doc: Document) -> Place | None:
    """The place of an event among ``places``: one introduced by a locative word first
    («في», «ب», «شمال»), then one inside a country before a country (the inner of two
    nested places before the outer), then the one nearest ``nstart``. «العاصمة الدنماركية،
    كوبنهاغن» gives the capital's name."""
    best: Place | None = None
    best_key: tuple[int, int, int] | None = None
    outer = _containers(places, doc) if len(places) > 1 else {}
    loc = [_locative(p, doc) or _names_meeting(p, doc) for p in places]
    for o, inner in outer.items():
        # «إلى تخوم مدينة حرض الحدودية، بمحافظة حجة»: the «ب» locates حرض, not the event
        loc[inner], loc[o] = loc[inner] or loc[o], False
    t = doc.norm.start(nstart) if nstart is not None else 0
    for i, p in enumerate(places):
        if p.span is None:
            continue
        # distance in original offsets; the trigger's folded offset maps to original
        dist = 0 if nstart is None else abs(p.span.start - t)
        rank = _RANK.get(p.precision, 0)
        if i in outer and rank > 3:
            rank = 3  # «بحلب» after «حي الشعار»: inside a country, less specific
        key = (int(loc[i]), rank, -dist)
        if best_key is None or key > best_key:
            best, best_key = p, key
    if best is not None and best.span is not None and best.geonameid is not None \
            and fold(best.span.text).startswith("العاصم"):
        end = best.span.end
        for p in places:
            if (p is not best and p.span is not None and p.geonameid == best.geonameid
                    and 0 <= p.span.start - end <= 3):
                return p
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


def _home_dateline(doc: Document) -> Place | None:
    """The dateline town when it lies in the focus country: a local agency's domestic
    story («واس - الأحساء: نفذت وزارة الداخلية ...»); a newsroom abroad (a CNN Dubai
    dateline on an Egyptian story) is never the place."""
    for p in doc.places:
        if (p.role == "dateline" and p.country is not None and p.country == doc.focus_country
                and p.precision != "country" and p.span is not None
                and "CNN" not in doc.text[p.span.end : p.span.end + 40]):
            return p  # a CNN dateline names its bureau (أتلانتا) even at home
    return None


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
    inside = [p for p in doc.places if p.sentence in para and not _tied(p, doc)]
    cc = focus_country(inside)
    # a nisba alone («القنصلية الأميركية») does not move a story to another country
    if cc is not None and any(p.country == cc and p.role != "nisba" for p in inside):
        return cc
    return None


def locate_event(doc: Document, sentence: int, nstart: int) -> Place | None:
    """The location of an event whose trigger starts at folded offset ``nstart``.

    The event's place is the best place named in the event's sentence (see :func:`_best`:
    a locative word first, then the most specific, then the nearest the trigger), never a
    dateline, a nisba or a place someone is only tied to («مرتبطين بروسيا»); failing that, the most
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
    by_sent = [p for p in doc.places if p.sentence == sentence and p.role == "mention"
               and not _tied(p, doc)]
    found = _best(by_sent, nstart, doc)
    if found is None and sentence > 0 and _same_paragraph(doc, sentence - 1, sentence):
        prev = [p for p in doc.places if p.sentence == sentence - 1 and p.role == "mention"
                and not _tied(p, doc)]
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
    return main_place(doc, sentence) or _home_dateline(doc) or focus_place(doc)


# Words of a meeting, and of holding or hosting one (folded): a place named after them
# with a locative word is where the meeting was held («اجتماعاتها في إسطنبول», «مباحثات
# ... مع الرئيس الروسي بمدينة سوتشي», «المحادثات ... وعقدت في قرية بانمونغوم»).
_MEETING_WORDS = tuple(fold(w) for w in (
    "قمة القمة اجتماع الاجتماع اجتماعات الاجتماعات اجتماعاتها اجتماعاته لقاء اللقاء لقائه "
    "لقاءات مباحثات المباحثات محادثات المحادثات مفاوضات المفاوضات مؤتمر المؤتمر منتدى "
    "المنتدى عقدت انعقاد تعقد يعقد").split())
_MEETING = re.compile("(?<!\\S)[وفبل]?(?:" + "|".join(_MEETING_WORDS) + ")(?!\\S)")
_HOST_VERBS = ("استضاف", "استضافت", "تستضيف", "يستضيف")
# «استضافت العاصمة البيلاروسية اجتماعا»: the host named right after the verb.
_HOSTS = re.compile("(?<!\\S)[وف]?(?:" + "|".join(_HOST_VERBS) + ")\\s*$")
# «اجتماع الخرطوم», «قمة الرياض»: the meeting word right before the place.
_MEETING_OF = re.compile("(?<!\\S)[وفبل]?(?:" + "|".join(fold(w) for w in (
    "قمة القمة اجتماع اجتماعات مؤتمر محادثات مباحثات مفاوضات لقاء منتدى").split()) + ")\\s+$")
_HOST_WORD = re.compile("(?<!\\S)[وف]?(?:" + "|".join(_HOST_VERBS) + ")(?!\\S)")
# The bare words of the two patterns above: one of them must occur in a sentence for
# either to match there, and this prefix tree without look-arounds runs far faster
# (most sentences have none: the two slow patterns then never run).
_MEETING_KEY = re.compile(trie_pattern(
    (*_MEETING_WORDS, *_HOST_VERBS)))
_VENUE_REACH = 120  # characters between the meeting word and its place
_VENUE_SENTENCES = 2  # how far a venue reaches without a participant named with it


_MEETING_CACHE: list[tuple[str, frozenset[int]]] = []


def _meeting_sentences(doc: Document) -> frozenset[int]:
    """Indices of the sentences with a meeting or hosting word (one scan per document)."""
    if _MEETING_CACHE and _MEETING_CACHE[0][0] is doc.ntext:
        return _MEETING_CACHE[0][1]
    nt = doc.ntext
    found = frozenset(i for i, s in enumerate(doc.sentences)
                      if _MEETING_KEY.search(nt, s.nstart, s.nend)
                      and (_MEETING.search(nt, s.nstart, s.nend)
                           or _HOST_WORD.search(nt, s.nstart, s.nend)))
    _MEETING_CACHE[:] = [(doc.ntext, found)]
    return found


def _names_meeting(p: Place, doc: Document) -> bool:
    """True when ``p`` names where a meeting of its sentence was held: after a meeting word
    and a locative word, right after a meeting word («اجتماع الخرطوم»), or as a host."""
    if p.span is None or p.sentence not in _meeting_sentences(doc):
        return False
    s = doc.sentences[p.sentence]
    head = fold(doc.text[max(s.start, p.span.start - _VENUE_REACH) : p.span.start])
    if _HOSTS.search(head[-16:]) is not None or _MEETING_OF.search(head[-16:]) is not None:
        return True
    return _locative(p, doc) and _MEETING.search(head) is not None


def meeting_venue(doc: Document, sentence: int, names: tuple[str, ...] = ()) -> Place | None:
    """The town where a meeting reported near sentence ``sentence`` was held: a place
    that :func:`_names_meeting`, in a sentence at most ``_VENUE_SENTENCES`` away or one
    naming a participant (``names``, folded words); the nearest, ties to the earlier
    one. None when there is none: a country is too vague a venue («مباحثات بشأن الوضع في
    ليبيا»)."""
    best: Place | None = None
    best_key: tuple[int, int] | None = None
    for p in doc.places:
        if p.role != "mention" or p.precision == "country" or not _names_meeting(p, doc):
            continue
        gap = abs(p.sentence - sentence)
        if gap > _VENUE_SENTENCES:
            s = doc.sentences[p.sentence]
            words = set(doc.ntext[s.nstart : s.nend].split())
            if not any(n in words for n in names):
                continue
        key = (gap, p.sentence)
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def placed_here(doc: Document, sentence: int) -> bool:
    """True when sentence ``sentence`` says where it happened: a place after a locative
    word («في عمّان») or naming a meeting («اجتماع الخرطوم»)."""
    return any(p.sentence == sentence and p.role == "mention"
               and (_locative(p, doc) or _names_meeting(p, doc)) for p in doc.places)


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
