"""Toponym recognition on the folded text: clitics, longest match, triggers, context.

One pass over the words of ``doc.ntext``: each word is tried as written, without a
conjunction (و، ف), without a preposition (ب، ل، ك) and with «لل» read as ل + ال; from
the first form that starts a known name the longest name is taken. A second pass picks
one candidate for each ambiguous name: a nisba or a bracketed country right after it
(«طرابلس اللبنانية», «بنغازي (ليبيا)») decides; otherwise countries beat cities of the
same name (أرمينيا, الجزائر) unless a trigger word says «مدينة»; cities in countries
the article names elsewhere beat others (عمان the city when الأردن is mentioned); then
population. Small places need a trigger word or their country named in the article;
unknown names are taken only right after a trigger (بلدة نامبالا، حي الشعار). Nisbas
(الروسية) become places of role ``nisba``, «العاصمة» + nisba the capital, datelines
are marked, and «القطاع» / «المدينة» refer back to the last Strip / city named.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import is_

from marsad.geo.gazetteer import KIND_RANK, Entry, load
from marsad.geo.lexicon import (
    CITY_TRIGGERS,
    COMMON,
    DATELINE_AFTER,
    DATELINE_BEFORE,
    HARD_STOP,
    NOT_A_NAME,
    REGION_TRIGGERS,
    STOP,
    STRONG_TRIGGERS,
    SUBCITY_TRIGGERS,
    UNKNOWN_OK,
)
from marsad.geo.nisba import NISBA
from marsad.model.document import Document
from marsad.model.records import Place
from marsad.text.normalize import fold

_WORD = re.compile(r"[^\W\d_]+")
_FOREIGN = 100000  # smaller places need a trigger word or their country named in the article
_MAJOR = 1000000  # ... and one-word names need a city this big
# Countries whose small places have real Arabic names (as in scripts/build_gazetteer.py).
_NEAR_CC = frozenset(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split()
)
# Nouns after which a nisba names the country's territory (folded): «الأراضي السورية»,
# «الأجواء اللبنانية», «المياه الإقليمية الليبية».
_TERRITORY = re.compile(
    r"(?<!\S)(?:(?<!من )داخل|[وف]?في|[وف]?ب)\s*(?:ال)?(?:اراضي|اجواء|مياه الاقليميه)\s+$")
_NAME_START = ("ابو", "ام", "بني", "بيت", "عين", "دير", "تل", "كفر", "جبل", "بير", "خان",
               "راس", "باب", "مرج", "سوق", "جسر", "وادي", "قصر", "حي", "بن", "بنت", "سيدي")


@dataclass(slots=True)
class Hit:
    """A name found in the text, before disambiguation."""

    a: int  # folded start
    b: int  # folded end
    key: str
    sentence: int
    cands: list[Entry] = field(default_factory=list)
    nisba: str | None = None  # country of a nisba adjective
    trigger: str | None = None  # "city", "region", "subcity" from the word before
    trig_a: int = -1  # folded start of the trigger word
    unknown: bool = False  # a name after a trigger, absent from the gazetteer
    after_cc: str | None = None  # country named right after («طرابلس اللبنانية»)


def clitic_forms(w: str) -> list[tuple[str, int]]:
    """Readings of a folded word without its proclitics, with the offset of each."""
    out = [(w, 0)]
    bases = [(w, 0)]
    if len(w) > 3 and w[0] in "وف":
        bases.append((w[1:], 1))
        out.append((w[1:], 1))
    for f, o in bases:
        if len(f) > 4 and f.startswith("لل"):
            out.append(("ال" + f[2:], o + 2))
        elif len(f) > 3 and f[0] in "بلك":
            out.append((f[1:], o + 1))
    return out


def _trigger_kind(word: str) -> str | None:
    for f, _o in clitic_forms(word):
        if f in CITY_TRIGGERS:
            return "city"
        if f in SUBCITY_TRIGGERS:
            return "subcity"
        if f in REGION_TRIGGERS:
            return "region"
    return None


def _is_strong(word: str) -> bool:
    return any(f in STRONG_TRIGGERS for f, _o in clitic_forms(word))


def _sentence_index(doc: Document) -> list[int]:
    return [s.nstart for s in doc.sentences]


# word -> the readings of it that start a known name: ((form, offset, longest, single), ...)
_STARTS: dict[str, tuple[tuple[str, int, int, int], ...]] = {}
_STARTS_MAX = 300_000


_MULTI: dict[str, int] = {}


_PAIRS: set[str] = set()  # the first two words of every multi-word name


def _multi_first() -> dict[str, int]:
    """First word -> longest multi-word name worth trying (not a tiny transliteration)."""
    if not _MULTI:
        keys = [k for k, entries in load().names.items() if " " in k and any(
            e.kind != "city" or e.population >= _FOREIGN or e.cc in _NEAR_CC for e in entries)]
        keys += [k for k in NISBA if " " in k]
        for key in keys:
            words = key.split(" ")
            _MULTI[words[0]] = max(_MULTI.get(words[0], 0), len(words))
            _PAIRS.add(words[0] + " " + words[1])
    return _MULTI


_ANY: frozenset[str] | None = None


def _any_forms() -> frozenset[str]:
    """Every word form that gives a reading in :func:`_readings` (a quick reject set)."""
    global _ANY
    if _ANY is None:
        names = load().names
        _ANY = frozenset(_multi_first()).union(
            [k for k in names if k not in HARD_STOP], [k for k in NISBA if k not in HARD_STOP])
    return _ANY


def _starts(w: str) -> tuple[tuple[str, int, int, int], ...]:
    """Readings of ``w`` that begin a gazetteer name or a nisba (cached per word)."""
    got = _STARTS.get(w)
    if got is None:
        anyf = _any_forms()
        # Most words start no name: the forms of clitic_forms() are among these five
        # strings, so when none is a known form there is nothing to read (no list built).
        if (w in anyf or w[1:] in anyf or w[2:] in anyf or "ال" + w[2:] in anyf
                or "ال" + w[3:] in anyf):
            got = _readings(w)
        else:
            got = ()
        if len(_STARTS) < _STARTS_MAX:
            _STARTS[w] = got
    return got


def _readings(w: str) -> tuple[tuple[str, int, int, int], ...]:
    """Readings of ``w`` (form, offset, longest name, single-name kind) from its clitic forms."""
    names = load().names
    multi = _multi_first()
    out = []
    for f, off in clitic_forms(w):
        n = multi.get(f, 0)
        single = (f in names or f in NISBA) and f not in HARD_STOP
        if n or single:
            # 0: only the start of longer names, 1: a name, 2: a name only after a
            # strong trigger (STOP)
            out.append((f, off, max(n, 1), (2 if f in STOP else 1) if single else 0))
    return tuple(out)


_NEXT = re.compile(r"[ \t]*-?[ \t]*([^\W\d_]+)")
# Trigger words that may introduce an unknown name, with their clitic-prefixed forms.
_TRIG_FORMS: dict[str, str] = {}
for _t in UNKNOWN_OK:
    for _p in ("", "و", "ب", "ل", "ف", "وب", "ول", "في"[:0]):
        _TRIG_FORMS.setdefault(_p + _t, _t)


_STRONG_FORMS = frozenset(
    p + t for t in STRONG_TRIGGERS for p in ("", "و", "ب", "ل", "ف", "وب", "ول", "في"[:0])
)


def _locate(text: str, w: str, pos: int) -> int:
    """Offset of the first whole-word occurrence of ``w`` in ``text`` at or after ``pos``."""
    n = len(text)
    i = text.find(w, pos)
    while i >= 0:
        j = i + len(w)
        if (i == 0 or not text[i - 1].isalpha()) and (j == n or not text[j].isalpha()):
            return i
        i = text.find(w, i + 1)
    return -1


def _find(doc: Document) -> list[Hit]:
    """Gazetteer names, nisbas and unknown names after triggers, in text order.

    The words come from one ``findall``; only the few that can start a name (a cached
    dict look-up per word) are located in the text and matched further.
    """
    names = load().names
    text = doc.ntext
    starts = _sentence_index(doc)
    words = _WORD.findall(text)
    hits: list[Hit] = []
    pos = 0  # offsets before this are done
    # Each distinct word is looked up once in the large cache (C-level map; its misses
    # filled in), and the few words that start a name go to a small per-document dict.
    uniq = list(dict.fromkeys(words))
    got = list(map(_STARTS.get, uniq))
    for i in compress(count(), map(is_, got, repeat(None))):
        got[i] = _starts(uniq[i])
    readers = dict(compress(zip(uniq, got, strict=True), got))
    trig_forms = _TRIG_FORMS
    wanted = readers.keys() | trig_forms.keys() & uniq
    # indices of the words that start a name or are trigger words, in text order
    todo = list(compress(count(), map(wanted.__contains__, words)))
    skip = -1  # words up to this index belong to a name already found
    nw = len(words)
    for k in todo:
        if k <= skip:
            continue
        w = words[k]
        readings = readers.get(w, ())
        if readings:
            readings = _viable(readings, words, k)
        if readings:
            a = _locate(text, w, pos)
            if a < 0:
                continue
            hit = _match_at(text, names, readings, words, k, a, starts)
            if hit is not None:
                hits.append(hit)
                pos = hit.b
                skip = k + text.count(" ", a, hit.b) + text.count("-", a, hit.b)
                continue
            pos = a + len(w)
        if w in trig_forms and k + 1 < nw:
            a = pos - len(w) if readings else _locate(text, w, pos)
            if a < 0:
                continue
            pos = a + len(w)
            hit = _unknown_after(text, trig_forms[w], a, pos, starts)
            if hit is not None:
                hits.append(hit)
                pos = hit.b
                skip = k + 1 + text.count(" ", hit.a, hit.b)
    return hits


def _viable(readings: tuple[tuple[str, int, int, int], ...], words: list[str],
            k: int) -> tuple[tuple[str, int, int, int], ...]:
    """The readings of word ``k`` that can match here (a cheap filter before matching)."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    out = []
    for r in readings:
        f, _off, maxn, single = r
        if maxn > 1 and nxt and f + " " + nxt in _PAIRS:
            out.append(r)
        elif single == 1 or (single == 2 and k > 0 and words[k - 1] in _STRONG_FORMS):
            out.append(r)
    return tuple(out) if len(out) != len(readings) else readings


def _match_at(text: str, names: dict[str, list[Entry]],
              readings: tuple[tuple[str, int, int, int], ...], words: list[str], k: int, a: int,
              starts: list[int]) -> Hit | None:
    """The longest name starting with word ``k`` found at offset ``a``."""
    b = a + len(words[k])
    trig: tuple[str | None, bool] | None = None  # computed on demand
    for f, off, maxn, _single in readings:
        parts = [f]
        ends = [b]
        pos = b
        while len(parts) < maxn:
            nm = _NEXT.match(text, pos)
            if nm is None:
                break
            parts.append(nm.group(1))
            pos = nm.end()
            ends.append(pos)
        for n in range(len(parts), 0, -1):
            key = " ".join(parts[:n]) if n > 1 else f
            cands = names.get(key)
            nis = NISBA.get(key)
            if not (cands or nis) or (n == 1 and key in HARD_STOP):
                continue
            if trig is None:
                trig = _trigger_before(text, words, k, a)
            if key in STOP and not trig[1]:
                continue
            return Hit(a + off, ends[n - 1], key, _sent_of(starts, a), list(cands or ()),
                       nis, trig[0], a - 1 - len(words[k - 1]) if trig[0] else -1)
    return None


_TRIG_CACHE: dict[str, tuple[str | None, bool]] = {}


def _trigger_before(text: str, words: list[str], k: int, a: int) -> tuple[str | None, bool]:
    """(kind, strong) of the trigger word right before word ``k`` at ``a``, if any."""
    if k == 0 or a < 2 or text[a - 1] != " ":
        return (None, False)
    pw = words[k - 1]
    if not text.endswith(pw, 0, a - 1):
        return (None, False)
    got = _TRIG_CACHE.get(pw)
    if got is None:
        kind = _trigger_kind(pw)
        got = (kind, kind is not None and _is_strong(pw))
        if len(_TRIG_CACHE) < _STARTS_MAX:
            _TRIG_CACHE[pw] = got
    return got


def _unknown_after(text: str, trigger: str, ta: int, tb: int, starts: list[int]) -> Hit | None:
    """An unknown name right after a trigger word («بلدة نامبالا»), or None."""
    nm = _NEXT.match(text, tb)
    if nm is None or text[tb] != " " or nm.start(1) != tb + 1:
        return None
    w = nm.group(1)
    if len(w) < 3 or w in NOT_A_NAME or w in HARD_STOP or w in NISBA or w in load().first:
        return None
    # «ومحافظات», «الاشتباكات», «مزدحمة», «للذكرى», «مساكننا»: a conjunction, a plural,
    # an adjective, a preposition, a possessive
    if (w[0] == "و" or w.endswith(("ات", "نا")) or w.startswith("لل")
            or (w.endswith(("ه", "يا")) and not w.startswith("ال"))):
        return None
    if w in COMMON:
        return None
    a, end = nm.start(1), nm.end(1)
    if w in _NAME_START:
        nxt = _NEXT.match(text, end)
        if nxt is not None and text[end] == " " and nxt.start(1) == end + 1:
            v = nxt.group(1)
            if v not in NOT_A_NAME and v not in NISBA:
                end = nxt.end(1)
    kind = _trigger_kind(trigger) or "region"
    return Hit(a, end, text[a:end], _sent_of(starts, a), [], None, kind, ta, unknown=True)


def _sent_of(starts: list[int], a: int) -> int:
    return max(bisect.bisect_right(starts, a) - 1, 0)


_AFTER = re.compile(r"\s*(?:\(\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*\)|([^\W\d_]+(?: [^\W\d_]+)?))")


def _after_country(text: str, b: int) -> str | None:
    """The country named right after a place: «(ليبيا)» or a nisba «اللبنانية»."""
    m = _AFTER.match(text, b, b + 40)
    if not m:
        return None
    word = m.group(1) or m.group(2)
    gaz = load()
    for w in (word, word.split(" ")[0]):
        if w in NISBA:
            return NISBA[w]
        for e in gaz.names.get(w, ()):
            if e.kind == "country":
                return e.cc
    return None


def _score(e: Entry, h: Hit, context: set[str], lead: str | None = None,
           top_pop: int = 0) -> float:
    s = KIND_RANK.get(e.kind, 1) * 30.0
    if h.trigger == "city" and e.kind in ("city", "sub-city"):
        s += 70
    if h.trigger == "region" and e.kind in ("admin1", "city"):
        s += 5
    if h.after_cc and e.cc == h.after_cc:
        s += 100
    if e.kind != "country" and e.cc in context and e.population * 30 >= top_pop:
        # a town in a country the article names, unless a far bigger namesake exists
        # (روما is Rome even in an article that names the US)
        s += 2.5
        if e.cc == lead:  # the country the article names most (رفح in an Egyptian story)
            s += 2.0
    return s + math.log10(max(e.population, 1))


def scan(doc: Document) -> list[Place]:
    """Places of a segmented document in text order: named places (role ``mention`` or
    ``dateline``) and nisba adjectives (role ``nisba``, precision ``country``)."""
    hits = _find(doc)
    text = doc.ntext
    context: set[str] = set()
    votes: dict[str, int] = {}
    for h in hits:
        if h.nisba:
            context.add(h.nisba)
            votes[h.nisba] = votes.get(h.nisba, 0) + 1
        elif h.cands:
            ccs = {e.cc for e in h.cands}
            if len(ccs) == 1 and (h.cands[0].population >= _FOREIGN or h.cands[0].kind != "city"):
                context.update(ccs)
                votes[h.cands[0].cc] = votes.get(h.cands[0].cc, 0) + 1
    lead = max(votes, key=lambda cc: votes[cc]) if votes else None
    found: list[tuple[Hit, Place]] = []
    gaz = load()
    for h in hits:
        if h.nisba and not h.cands:
            cap = gaz.capital(h.nisba) if h.trigger == "city" else None
            if cap is not None and text[h.trig_a : h.trig_a + 6] == "العاصم":
                # «العاصمة البيلاروسية» names Minsk
                found.append((h, cap.place(doc.span(h.trig_a, h.b), sentence=h.sentence)))
            elif h.nisba in gaz.countries:
                # «داخل الأراضي السورية» names the country itself, not a nationality
                role = "mention" if _TERRITORY.search(text, max(0, h.a - 24), h.a) else "nisba"
                found.append((h, gaz.countries[h.nisba].place(
                    doc.span(h.a, h.b), sentence=h.sentence, role=role)))
            continue
        span = doc.span(h.a, h.b)
        if h.unknown:
            prec = "city" if h.trigger == "city" else "sub-city"
            found.append((h, Place(span, name=span.text, precision=prec, sentence=h.sentence)))
            continue
        cands = h.cands
        if len(cands) == 1:  # most names: nothing to choose (the scoring below keeps it)
            best = cands[0]
        else:
            h.after_cc = _after_country(text, h.b)
            countries = {e.cc for e in cands if e.kind == "country"}
            if countries and h.trigger != "city":
                # a country and a city of the same name in that country: the country
                cands = [e for e in cands if e.kind == "country" or e.cc not in countries]
            top = max(e.population for e in cands)
            best = max(cands, key=lambda e: _score(e, h, context, lead, top))
        if best.kind == "country" and best.cc not in context and h.after_cc is None:
            # «عمان» is Amman, not Oman, in an article about Jordan
            major = [e for e in cands if e.kind == "city" and e.population >= 1_000_000
                     and e.cc in context]
            if major:
                best = max(major, key=lambda e: e.population)
        if (best.kind == "city" and h.trigger is None and best.cc not in _NEAR_CC
                and best.population < _FOREIGN and " " not in h.key):
            continue  # «بالدوين», «فرانكلين»: small foreign towns named like people
        if best.kind != "country" and best.cc not in context:
            # a place in a country the article does not name must be big and unambiguous
            need = _FOREIGN if " " in h.key else _MAJOR
            if best.population < need:
                if h.trigger is None:
                    continue
                # «بلدة البستان» in an article about Syria: a local place of the same name
                found.append((h, Place(span, name=span.text, precision="city"
                                       if h.trigger == "city" else "sub-city",
                                       sentence=h.sentence)))
                continue
        found.append((h, best.place(span, sentence=h.sentence)))
    _mark_datelines(doc, [(h, p) for h, p in found if p.role != "nisba"])
    places = [p for _h, p in found]
    places = _anaphors(doc, places, [(h.a, h.b) for h in hits])
    _fill_unknown_countries(places)
    return places


# «القطاع» (the Strip), «المدينة» (the city) ... standing for a place named just before.
# (the «ل» is matched rather than looked behind for: a literal start lets the regex engine
# skip ahead to each «ل», three times faster; callers use group 1 only)
_ANAPHOR = re.compile(r"ل(قطاع|مدينه|بلده|قريه)(?![^\W\d_])(?! ال(?!تي|ذي))")
_ANAPHOR_HEAD = re.compile(r"(?:[وفب]|وب)?(?:ال|ل)")


def _anaphors(doc: Document, places: list[Place], covered: list[tuple[int, int]]) -> list[Place]:
    """Definite anaphors resolved to the last place of their kind before them
    (القطاع → the last «قطاع ...»; المدينة، البلدة، القرية → the last city named in the
    six sentences before)."""
    text = doc.ntext
    if not places:
        return places
    starts = _sentence_index(doc)
    extra: list[Place] = []
    for m in _ANAPHOR.finditer(text):
        w0 = m.start(1)
        while w0 > 0 and text[w0 - 1].isalpha():
            w0 -= 1
        if not _ANAPHOR_HEAD.fullmatch(text, w0, m.start(1)):
            continue
        a = m.start(1) - 2 if text[m.start(1) - 2 : m.start(1)] == "ال" else m.start(1) - 1
        if any(x <= a < y for x, y in covered):
            continue
        si = _sent_of(starts, a)
        word = m.group(1)
        span = doc.span(a, m.end(1))
        prior = [p for p in places if p.role == "mention" and p.span is not None
                 and p.span.end <= span.start]
        if word == "قطاع":  # an article has one Strip: anywhere before
            prior = [p for p in prior if fold(p.span.text).startswith("قطاع")]  # type: ignore[union-attr]
        else:
            prior = [p for p in prior if p.precision == "city" and si - 6 <= p.sentence]
        if not prior:
            continue
        q = prior[-1]
        extra.append(Place(span, name=q.name, geonameid=q.geonameid, country=q.country,
                           country3=q.country3, admin1=q.admin1, lat=q.lat, lon=q.lon,
                           feature_class=q.feature_class, precision=q.precision,
                           sentence=si))
    if not extra:
        return places
    return sorted(places + extra, key=lambda p: p.span.start if p.span else -1)


def _fill_unknown_countries(places: list[Place]) -> None:
    """Unknown names take the country of the nearest resolved place of their sentence."""
    for p in places:
        if p.country is not None or p.span is None:
            continue
        near = [q for q in places if q.sentence == p.sentence and q.country and q.span
                and q.role == "mention"]
        if near:
            q = min(near, key=lambda q: abs(q.span.start - p.span.start))  # type: ignore[union-attr]
            p.country, p.country3 = q.country, q.country3


def _mark_datelines(doc: Document, found: list[tuple[Hit, Place]]) -> None:
    """Places of a dateline sentence, or at the head of a paragraph before «:», «-», a date."""
    text = doc.ntext
    sents = doc.sentences
    for h, p in found:
        if h.sentence < len(sents) and sents[h.sentence].kind == "dateline":
            p.role = "dateline"
    for h, p in found:
        if p.role == "dateline" or (h.sentence < len(sents) and sents[h.sentence].kind == "title"):
            continue  # «حلب: مقتل 10» heading a story names where it happened
        line_start = text.rfind("\n", 0, h.a) + 1
        if h.a - line_start > 40 or not DATELINE_BEFORE.fullmatch(text, line_start, h.a):
            continue
        m = DATELINE_AFTER.match(text, h.b, h.b + 80)
        if not m:
            continue
        p.role = "dateline"
        for h2, q in found:
            if h.b <= h2.a < m.end():
                q.role = "dateline"
