"""Stage ``actors``: PLOVER-style country (ISO alpha-3) and sector codes for event actors.

Each actor and recipient span is read word by word (folded, clitics stripped):

* a known organisation (``marsad/data/organisations.tsv``: UN bodies, the Arab League,
  NATO, the CSTO, Hamas, Hezbollah, داعش ...) gives its country and sectors outright;
* otherwise sector cues (``marsad/data/sector_cues.tsv``: وزارة → GOV, الجيش → MIL,
  الشرطة → COP, المتظاهرون → CVL, مسلحون مجهولون → UAF ...) add sectors, and a nisba
  (الروسية), a country name or a capital used for its government (موسكو) gives the country;
* a bare name (ترامب) borrows the title and nisba written before another mention of it
  in the article («الرئيس الأمريكي دونالد ترامب»);
* state, armed and civil actors with no country of their own take the event's country,
  else the article's focus country («الجيش» in an article about Kazakhstan → KAZ MIL).

A statement with no named place (its location has no span) takes its speaker's country:
the gold codes a statement where it was made if stated, else where the speaker is from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import attrgetter

from marsad.geo.gazetteer import alpha3, country_place, load
from marsad.geo.lexicon import HARD_STOP, STOP
from marsad.geo.matcher import clitic_forms
from marsad.geo.nisba import NISBA, NISBA_FIRST
from marsad.model.document import Document
from marsad.model.records import Actor, Event, Place
from marsad.model.span import Span
from marsad.registry import StageFn, stage
from marsad.stages.places import locate_event, main_place, meeting_venue, placed_here
from marsad.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]+")
STATEMENT_TYPES = frozenset(
    {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE"}
)
# Sectors whose actors belong to no one country unless the text says so.
_STATELESS = frozenset({"IGO", "UNO", "IMG", "NGO", "MED"})


@dataclass(frozen=True, slots=True)
class Code:
    """What an actor span says about itself."""

    country: str | None  # alpha-3
    sectors: tuple[str, ...]
    org: bool = False  # a known organisation decided it


def _phrases(name: str) -> tuple[dict[str, tuple[str | None, tuple[str, ...]]], dict[str, int]]:
    """A TSV of phrases: folded phrase -> (alpha-3 or None, sectors); first word -> length."""
    raw = resources.files("marsad").joinpath("data", name).read_text("utf-8")
    table: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    first: dict[str, int] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) == 2:  # sector cues: phrase, sectors
            names, cc3, sectors = cols[0], "", cols[1]
        else:
            names, cc3, sectors = cols[0], cols[1], cols[2]
        for n in names.split("|"):
            key = " ".join(fold(n).split())
            table[key] = (cc3 or None, tuple(s for s in sectors.split(",") if s))
            words = key.split(" ")
            first[words[0]] = max(first.get(words[0], 0), len(words))
    return table, first


_ORGS, _ORG_FIRST = _phrases("organisations.tsv")
_CUES, _CUE_FIRST = _phrases("sector_cues.tsv")

_Heads = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class _WordHeads:
    """The readings of a word without its proclitics that can open a phrase of each table,
    with the most words such a phrase has, in the order :func:`clitic_forms` gives them."""

    places: _Heads  # nisbas and gazetteer names
    orgs: _Heads
    cues: _Heads


def _table_heads(forms: list[tuple[str, int]], first: dict[str, int]) -> _Heads:
    out = []
    for f, _off in forms:
        n = first.get(f, 0)
        if not n and f.startswith("ال") and len(f) > 4:
            f = f[2:]
            n = first.get(f, 0)
        if n:
            out.append((f, n))
    return tuple(out)


# Every actor span is read three times (places, organisations, sector cues) and the same
# words recur across spans and articles: what a word can open is worked out once.
@lru_cache(maxsize=16384)
def _heads(word: str) -> _WordHeads:
    forms = clitic_forms(word)
    gaz_first = load().first
    places = tuple((f, longest) for f, _off in forms
                   if (longest := max(NISBA_FIRST.get(f, 0), gaz_first.get(f, 0))))
    return _WordHeads(places, _table_heads(forms, _ORG_FIRST), _table_heads(forms, _CUE_FIRST))


def _scan(words: list[str], table: dict[str, tuple[str | None, tuple[str, ...]]],
          heads: Callable[[_WordHeads], _Heads],
          ) -> list[tuple[int, int, tuple[str | None, tuple[str, ...]]]]:
    """Longest phrases of ``table`` in ``words``: (start word, end word, value);
    ``heads`` picks the word readings that open a phrase of that table."""
    out = []
    i = 0
    while i < len(words):
        hit = None
        for f, n in heads(_heads(words[i])):
            for k in range(min(n, len(words) - i), 0, -1):
                key = " ".join([f, *words[i + 1 : i + k]])
                if key in table:
                    hit = (i, i + k, table[key])
                    break
            if hit:
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _country_of(words: list[str]) -> tuple[str | None, bool]:
    """(alpha-3, the whole span names a state) from nisbas and place names.

    A nisba, a country or a capital (موسكو for the Russian government) wins over another
    place inside the span («قطاع غزة» gives PSE but is not the state).
    """
    gaz = load()
    capitals = _capitals()
    n = len(words)
    other: str | None = None
    for i in range(n):
        # the readings of the word that open a nisba or a place name, with its most words
        for f, longest in _heads(words[i]).places:
            for k in (3, 2, 1):
                if i + k > n or k > longest:
                    continue
                key = " ".join([f, *words[i + 1 : i + k]])
                cc = NISBA.get(key)
                if cc:
                    return gaz.countries[cc].cc3 if cc in gaz.countries else None, False
                for e in gaz.names.get(key, ()):
                    if e.kind == "country" or e.gid in capitals:
                        return e.cc3 or None, k == n and i == 0
                    if other is None and (k > 1 or (key not in STOP and key not in HARD_STOP
                                                    and e.population >= 1_000_000)):
                        other = e.cc3 or None
    return other, False


_CAPS: set[int] = set()


def _capitals() -> set[int]:
    if not _CAPS:
        _CAPS.update(load().capitals.values())
    return _CAPS


# code_span depends on nothing but its text (and the fixed gazetteer and tables), and the
# same spans («الجيش»، «إسرائيل»، «الشرطة») recur across articles: their codes are kept.
@lru_cache(maxsize=8192)
def code_span(ntext: str) -> Code:
    """Country and sectors that a folded actor span states by itself."""
    return _code_span(ntext)


def _code_span(ntext: str) -> Code:
    words = _WORD.findall(ntext)
    if not words:
        return Code(None, ())
    cc3, whole = _country_of(words)
    if whole:
        return Code(cc3, ("GOV",))  # «روسيا», «المملكة العربية السعودية», «واشنطن» acting
    orgs = _scan(words, _ORGS, attrgetter("orgs"))
    if orgs:
        org_cc, org_sectors = orgs[0][2]
        return Code(org_cc or cc3, org_sectors, True)
    sectors: list[str] = []
    for _a, _b, (_c, secs) in _scan(words, _CUES, attrgetter("cues")):
        for s in secs:
            if s not in sectors:
                sectors.append(s)
    return Code(cc3, tuple(sectors))


_BREAK = frozenset(fold(w) for w in (
    "أن إن ان في من على عن إلى الى مع قال قالت أكد أكدت بعد قبل الذي التي حيث كما لكن أو ثم "
    "بين ضد عند خلال منذ و"
).split())
_NOT_NAME_END = ("ه", "ين", "ون", "ات")


def _proper_name(words: list[str]) -> bool:
    """Words shaped like a person's name (ترامب، فلورنس بارلي), not a common noun."""
    return bool(words) and not any(w.startswith("ال") or w in _BREAK for w in words) \
        and not words[-1].endswith(_NOT_NAME_END)


def _borrowed(doc: Document, ntext: str) -> Code:
    """The code of the words written just before another mention of a bare name."""
    text = doc.ntext
    name = ntext.strip()
    if len(name) < 3:
        return Code(None, ())
    start = 0
    while True:
        i = text.find(name, start)
        if i < 0:
            return Code(None, ())
        start = i + 1
        before = text[max(0, i - 60) : i]
        cut = max(before.rfind("."), before.rfind("\n"), before.rfind("،"), before.rfind(","))
        window: list[str] = []
        for w in reversed(before[cut + 1 :].split()[-5:]):
            if w in _BREAK:  # «قال إن ترامب»: what comes before is not his title
                break
            window.insert(0, w)
        if window:
            c = code_span(" ".join(window))
            if c.country or c.sectors:
                return c


_ALPHA2: dict[str, str] = {}  # alpha-3 -> alpha-2, the first country with that code


def _alpha2(cc3: str) -> str | None:
    if not _ALPHA2:
        for cc, e in load().countries.items():
            _ALPHA2.setdefault(e.cc3, cc)
    return _ALPHA2.get(cc3)


def _code(doc: Document, actor: Actor, cache: dict[str, Code]) -> Code:
    key = fold(actor.span.text)
    c = cache.get(key)
    if c is None:
        c = code_span(key)
        if c.country is None and not c.org:
            # «ترامب», «رئيسة الوزراء تيريزا ماي»: the name's other mentions may say more
            words = _WORD.findall(key)
            name = " ".join(w for w in words if w not in _CUES and NISBA.get(w) is None)
            # only a proper name borrows («ترامب»), not a common noun («المسلحين»)
            ok = bool(name) and len(words) <= 6 and _proper_name(name.split())
            b = _borrowed(doc, name) if ok else Code(None, ())
            c = Code(b.country, c.sectors or b.sectors)
        cache[key] = c
    return c


def code_actor(doc: Document, ev: Event, actor: Actor, cache: dict[str, Code]) -> bool:
    """Fill ``actor.country`` and ``actor.sectors`` in place; True if the span stated the
    country itself (not taken from the event's place or the article's focus)."""
    c = _code(doc, actor, cache)
    country = c.country
    if country is None and c.sectors and not set(c.sectors) & _STATELESS:
        loc = ev.location
        country = alpha3(loc.country if loc is not None else None) or alpha3(doc.focus_country)
    actor.country = country
    actor.sectors = list(c.sectors)
    return c.country is not None


def _relocate(doc: Document, ev: Event) -> None:
    """A place named inside an actor or recipient («شنتها تل أبيب») is not where it happened."""
    loc = ev.location
    if loc is None or loc.span is None:
        return
    inside = [a.span for a in (*ev.actors, *ev.recipients) if a.span.contains(loc.span)]
    if not inside or not _metonym(loc):
        return
    before = doc.text[max(0, loc.span.start - 4) : loc.span.start]
    if before.endswith(("في ", "ب")):  # «في طهران» is a place all the same
        return
    taken = [a.span for a in (*ev.actors, *ev.recipients)]
    kept = doc.places
    doc.places = [p for p in kept if p.span is None or not any(t.contains(p.span) for t in taken)]
    try:
        ev.location = locate_event(doc, ev.sentence, _nstart(doc, ev))
    finally:
        doc.places = kept


# Cities the Arabic press uses for a government though they are not the capital.
_SEATS = frozenset({293397})  # Tel Aviv


def _metonym(loc: Place) -> bool:
    """A country or a capital named bare can stand for its government (تل أبيب، واشنطن)."""
    if loc.precision == "country":
        return True
    if loc.span is None or fold(loc.span.text).startswith("العاصم"):
        return False
    return loc.geonameid is not None and (loc.geonameid in _capitals()
                                          or loc.geonameid in _SEATS)


def _nstart(doc: Document, ev: Event) -> int:
    """Folded offset of the event's trigger (the original offset where folding kept length)."""
    s = doc.sentences[ev.sentence] if ev.sentence < len(doc.sentences) else None
    if s is None:
        return 0
    return s.nstart + max(0, ev.trigger.start - s.start)


def _subject_country(doc: Document, ev: Event) -> str | None:
    """A country named right next to a speech verb is its subject: «انتقدت روسيا ...»
    (verb first) or, opening the sentence, «ألمانيا تطالب إسرائيل ...» (headline order)."""
    t = ev.trigger
    sent = doc.sentences[ev.sentence] if ev.sentence < len(doc.sentences) else None
    for p in doc.places:
        if p.span is None or p.sentence != ev.sentence or p.role != "mention" \
                or p.precision != "country":
            continue
        gap_after = doc.text[t.end : p.span.start]
        if p.span.start >= t.end and gap_after.strip() == "" and len(gap_after) <= 2:
            return p.country
        gap_before = doc.text[p.span.end : t.start]
        if (sent is not None and p.span.end <= t.start and gap_before.strip() == ""
                and doc.text[sent.start : p.span.start].strip(" \"'«-–") == ""):
            return p.country
    return None


def _statement_country(doc: Document, ev: Event, explicit: list[Actor]) -> None:
    """A statement takes its speaker's country unless a place before the speech verb in the
    same sentence says where it was made («في بكين صرح المتحدث ...»): places after the
    verb are mostly what the statement is about («دعت بريطانيا إلى الهدوء في غزة»)."""
    if ev.quote is None and ev.type not in STATEMENT_TYPES:
        return
    cc2 = _subject_country(doc, ev)
    if cc2 is None:
        speaker = next((a for a in explicit
                        if a.country and not set(a.sectors) & {"MED", "JRN"}), None)
        if speaker is None or speaker.country is None:
            return
        cc2 = _alpha2(speaker.country)
    loc = ev.location
    if cc2 is None or (loc is not None and loc.country == cc2):
        return
    if (loc is not None and loc.span is not None and loc.sentence == ev.sentence
            and loc.span.end <= ev.trigger.start and loc.precision in ("city", "sub-city")):
        return  # a venue named before the verb
    place = country_place(cc2, sentence=ev.sentence)
    if place is not None:
        ev.location = place


def _victim_country(doc: Document, ev: Event) -> None:
    """An event placed only by context takes the country of a nisba just after its trigger
    that is not part of an actor («قتل صحافيان فلسطينيان» → PS; not «الجيش الإسرائيلي»)."""
    if ev.quote is not None or ev.type in STATEMENT_TYPES:
        return
    loc = ev.location
    if loc is not None and loc.span is not None and loc.sentence == ev.sentence:
        return
    actors = [a.span for a in ev.actors]
    t = ev.trigger
    nis = [p for p in doc.places if p.role == "nisba" and p.sentence == ev.sentence
           and p.span is not None and 0 <= p.span.start - t.end <= 30  # the victims follow
           and not any(s.contains(p.span) for s in actors)]
    if not nis:
        return
    near = min(nis, key=lambda p: abs(p.span.start - ev.trigger.start))  # type: ignore[union-attr]
    if loc is not None and loc.country == near.country:
        return
    # the town of that country the article is about, else the country itself
    place = main_place(doc, None, near.country) or country_place(near.country or "",
                                                                  sentence=ev.sentence)
    if place is not None:
        ev.location = place


# Events that happen at a meeting: where the article says it was held.
_AT_MEETING = frozenset({"CONSULT", "AGREE"})


def _venue(doc: Document, ev: Event) -> None:
    """A meeting or an agreement takes the venue the article names for its meeting
    («خلال مباحثاته مع نظيره الروسي» ... «بمدينة سوتشي») unless its own sentence says
    where («التقى ... في عمّان»); a place there with no locative word is a topic («نتائج
    العملية الشاملة سيناء»), and a place named for the speaker does not count."""
    if ev.type not in _AT_MEETING or placed_here(doc, ev.sentence):
        return
    names = tuple(w for a in (*ev.actors, *ev.recipients)
                  for w in fold(a.span.text).split() if len(w) > 3)
    venue = meeting_venue(doc, ev.sentence, names)
    if venue is not None:
        ev.location = venue


def code_actors(doc: Document) -> Document:
    """Code every actor and recipient of ``doc.events``, then fix statement locations."""
    cache: dict[str, Code] = {}
    for ev in doc.events:
        _relocate(doc, ev)
        explicit = [a for a in ev.actors if _code(doc, a, cache).country is not None]
        for a in explicit:
            code_actor(doc, ev, a, cache)
        _statement_country(doc, ev, explicit)
        _victim_country(doc, ev)
        _venue(doc, ev)
        for a in (*ev.actors, *ev.recipients):
            code_actor(doc, ev, a, cache)
    _code_speakers(doc, cache)
    return doc


def _code_speakers(doc: Document, cache: dict[str, Code]) -> None:
    """Speakers of quotes and named sources are actors too: give them the same codes."""
    focus3 = alpha3(doc.focus_country)

    def codes(span: Span) -> tuple[str | None, list[str]]:
        c = _code(doc, Actor(span), cache)
        country = c.country
        if country is None and c.sectors and not set(c.sectors) & _STATELESS:
            country = focus3
        return country, list(c.sectors)

    for q in doc.quotes:
        if q.speaker is not None:
            q.speaker_country, q.speaker_sectors = codes(q.speaker)
    for src in doc.sources:
        src.country, src.sectors = codes(src.span)


@stage("actors", requires=("events",), assigns=("actors",))
def make_actors() -> StageFn:
    load()
    return code_actors
