"""Stage ``dates``: time expressions resolved against the publication date.

One regex scans the folded text (``doc.ntext``) for keywords (a prefix tree of month and
weekday names, أمس، قبل، عام ...); at each hit the family's anchored regex reads the whole
expression, words that may come before the keyword (a day number, «مساء»، «شهر») are read
backwards, and the mention is mapped back to the original text with ``doc.span``:

* days relative to publication: اليوم، أمس، البارحة، أول أمس، أمس الأول، ليلة أول أمس،
  مساء أمس، غداً, and weekdays («الخميس»، «اليوم الخميس»، «الخميس الماضي»، «السبت
  المقبل»): a bare weekday is the most recent such day on or before publication,
  «الماضي» the one strictly before it, «المقبل» the next one after it;
* months of the three naming systems, alone or paired as one mention («كانون الثاني/
  يناير»، «أبريل (نيسان)»), with a day (6، الأول من، 29 و30) and/or a year, or with
  الماضي/المقبل/الجاري; a day and month without a year take the year that puts them on
  or before publication;
* numeric dates (6/1/2022، 2022-01-06, and Hijri ones such as 7/10/1436هـ);
* Hijri dates with a month name (15 رمضان 1443 هـ), converted with ``hijridate`` (the
  arithmetic calendar when it is not installed, see :mod:`marsad.text.calendar`);
* years («عام 2012»، «منذ 2013»), periods (الأسبوع الماضي، الشهر الجاري، العام المقبل) and
  «قبل ثلاثة أيام» / «منذ 3 أسابيع».

``date`` is the first day of the period (a week starts on Monday). A weekday or «اليوم»
directly followed by an absolute date («اليوم الخميس 7/10/1436هـ») becomes one mention
dated by the absolute part. :func:`event_date` picks the date of an event. dateparser is
not used: it is slow and misses most of these forms (``../shared/reference/ARABIC-NLP.md``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from marsad.model.document import Document
from marsad.model.records import DateMention
from marsad.registry import StageFn, stage
from marsad.text import calendar as cal
from marsad.text.normalize import fold
from marsad.text.trie import trie_pattern

_E = r"(?!\w)"
_WD = cal.alternation(cal.WEEKDAYS)
_MON = cal.alternation(cal.MONTHS)
_HMON = cal.alternation(cal.HIJRI_MONTHS)
_MODS = cal.alternation(cal.PAST | cal.FUTURE | cal.CURRENT)
_TOD = cal.alternation(cal.TIMES_OF_DAY)
_HIJRI_SUFFIX = r"(?:\s*(?:ه|هجري|هجريه|للهجره)(?!\w))"
_AD_SUFFIX = r"(?:\s*م(?!\w))"
_REL_DAYS = {
    fold("اليوم"): 0, fold("أمس"): 1, fold("الأمس"): 1, fold("بالأمس"): 1,
    fold("أول أمس"): 2, fold("أول من أمس"): 2, fold("أمس الأول"): 2, fold("البارحة"): 1,
    fold("غداً"): -1,
}
_ORDINALS = {fold(w): i for i, w in enumerate((
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
    "العاشر", "الحادي عشر", "الثاني عشر"), start=1)} | {fold("العشرين"): 20, fold("الثلاثين"): 30}
_UNIT_WORDS = ("الاسبوع", "الشهر", "العام", "السنه")
_YEAR_KW = ("عام", "العام", "سنه", "السنه", "منذ", "حتي", "خلال", "مطلع", "اوائل", "اواخر",
            "منتصف", "بدايه", "نهايه")

# Each family is matched *at* a keyword the scan below found; words that may come
# before the keyword (a time of day, a day number, «شهر») are matched backwards.
_DAY_AT = re.compile(
    rf"(?P<rel>{cal.alternation(_REL_DAYS)}){_E}"
    rf"(?:\s*[(،,\-]?\s*(?:يوم\s+)?(?P<wd1>{_WD}){_E}(?:\s*\))?)?"
    rf"|(?P<wd2>{_WD}){_E}(?:\s+(?P<mod>{_MODS}){_E})?"
)
_DAY_BEFORE = re.compile(rf"(?:(?P<tod>{_TOD})\s+(?:يوم\s+)?|يوم\s+)$")
_MONTH_AT = re.compile(
    rf"(?P<m1>{_MON}){_E}"
    rf"(?:(?:\s*(?:[/\-–—]|\()\s*|\s+)(?P<m2>{_MON}){_E}(?:\s*\))?)?"
    rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<year>(?:1[89]|20)\d\d)(?!\d)"
    rf"{_AD_SUFFIX}?)?"
    rf"(?:\s+(?P<mod>{_MODS}){_E})?"
)
_DAY_NUM_BEFORE = re.compile(  # «6 من أغسطس»، «شهر ماي»، «29 و30 أيار» (dated by the 29th)
    r"(?:(?<![\d.,/])(?:(?P<day0>\d{1,2})\s*(?:و|-|–|الي|حتي)\s*)?"
    r"(?:ال)?(?P<day>\d{1,2})\s*(?:من\s+)?(?:(?P<shahr1>شهر)\s+)?"
    rf"|(?P<ord>{cal.alternation(_ORDINALS)})\s+من\s+(?:(?P<shahr2>شهر)\s+)?"
    r"|(?P<shahr>شهر)\s+)$"
)
_HIJRI_AT = re.compile(
    rf"(?P<hm>{_HMON}){_E}"
    rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|سنه)\s+)?(?P<year>1[34]\d\d)(?!\d){_HIJRI_SUFFIX}?)?"
)
_SLASH_DATE = re.compile(  # found at its first «/»: 6/1/2022، 7/ 10/ 1436هـ
    rf"/\s*(?P<m>\d{{1,2}})\s*/\s*(?P<y>\d{{4}})(?![\d/])(?P<suf>{_HIJRI_SUFFIX}|{_AD_SUFFIX})?"
)
_DOT_DATE = re.compile(rf"\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?![\d.])(?P<suf>{_AD_SUFFIX})?")
_ISO_DATE = re.compile(r"-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d\-])")
_DIGITS_BEFORE = re.compile(r"(?<![\d./\-])(?P<n>\d{1,4})\s*$")
_PERIOD_AT = re.compile(
    rf"(?:هذا|هذه)\s+(?P<u1>{'|'.join(_UNIT_WORDS)}){_E}"
    rf"|(?P<u2>{'|'.join(_UNIT_WORDS)})\s+(?P<mod>{_MODS}){_E}"
)
_NUMW = cal.alternation(cal.NUMBER_WORDS)
_UNITS = cal.alternation(cal.UNITS)
_AGO_AT = re.compile(
    rf"(?:قبل|منذ)\s+(?:(?P<n>\d{{1,3}}|{_NUMW})\s+)?(?P<u>{_UNITS}){_E}"
    rf"(?!\s*\d)(?!\s+(?:من|علي|{_MON}|{_HMON}){_E})"
)
_YEAR_AT = re.compile(
    rf"(?P<kw>{'|'.join(_YEAR_KW)})\s+(?:(?P<year>(?:19|20)\d\d)(?!\d)(?!\s*[/.\-]\s*\d)"
    rf"{_AD_SUFFIX}?|(?P<hyear>1[34]\d\d){_HIJRI_SUFFIX})"
)

# The keyword scan: one regex over the text, a prefix tree of every first word.
_FAMILIES: dict[str, set[str]] = {}
for _w in _REL_DAYS:
    _FAMILIES.setdefault(_w.split()[0], set()).add("day")
for _w in cal.WEEKDAYS:
    _FAMILIES.setdefault(_w, set()).add("day")
for _w in cal.MONTHS:
    _FAMILIES.setdefault(_w.split()[0], set()).add("month")
for _w in cal.HIJRI_MONTHS:
    _FAMILIES.setdefault(_w.split()[0], set()).add("hijri")
for _w in (*_UNIT_WORDS, "هذا", "هذه"):
    _FAMILIES.setdefault(_w, set()).add("period")
for _w in ("قبل", "منذ"):
    _FAMILIES.setdefault(_w, set()).add("ago")
for _w in _YEAR_KW:
    _FAMILIES.setdefault(_w, set()).add("year")
_SCAN = re.compile(rf"(?:{trie_pattern(_FAMILIES, flexible_space=True)}){_E}")
_WORD_CHAR = re.compile(r"\w")

# Words around «اليوم» that make it «the day» rather than «today».
_NOT_TODAY_BEFORE = frozenset(fold(w) for w in (
    "هذا", "ذلك", "نفس", "ذات", "مثل", "طوال", "طيلة", "روسيا", "المصري", "صحيفة",
    "جريدة", "موقع", "قناة", "برنامج", "يعد", "يعتبر", "كان",
))
_NOT_TODAY_AFTER = frozenset(fold(w) for w in (
    "التالي", "السابق", "الذي", "نفسه", "ذاته", "الأول", "الثاني", "الثالث", "الرابع",
    "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الأخير", "الآخر",
    "الوطني", "العالمي", "الدولي", "المفتوح", "الموعود", "الأخيرة", "الواحد", "التاريخي",
))
_SUPERLATIVE = re.compile(r"الا\w\w\w")  # الأكثر، الأشد، الأعنف ...
_PREV_WORD = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"\W*(\w+)")
# What may separate a day word from the absolute date that pins it down.
_JOIN = re.compile(r"\s*(?:[،,(\-–—]\s*)?(?:(?:الموافق|الموافقه|الموافق\s+ل)\s*)?$")


@dataclass(slots=True)
class _Cand:
    a: int
    b: int
    date: dt.date | None
    precision: str
    calendar: str = "gregorian"
    relative: bool = False
    kind: str = "other"  # absolute (a dated day), day (a relative day), other


def _when(mod: str | None) -> str:
    if not mod:
        return "on_or_before"
    if mod in cal.PAST:
        return "before"
    if mod in cal.FUTURE:
        return "after"
    return "current"


def _next_word(ntext: str, pos: int) -> str:
    m = _NEXT_WORD.match(ntext, pos)
    return m.group(1) if m else ""


def _prev_word(ntext: str, pos: int) -> str:
    m = _PREV_WORD.search(ntext, max(0, pos - 24), pos)
    return m.group(1) if m else ""


def _is_word_start(ntext: str, a: int) -> int | None:
    """``a`` itself, or ``a - 1`` to keep a glued «و»/«ف»; None inside a word."""
    if a == 0 or not _WORD_CHAR.match(ntext, a - 1):
        return a
    if ntext[a - 1] in "وف" and (a == 1 or not _WORD_CHAR.match(ntext, a - 2)):
        return a
    return None


def _extend_back(rx: re.Pattern[str], ntext: str, a: int) -> re.Match[str] | None:
    """The match of ``rx`` (anchored with ``$``) that ends at ``a`` and starts a word."""
    m = rx.search(ntext, max(0, a - 32), a)
    if m is None or m.start() == a:
        return None
    if not ntext[m.start()].isdigit() and _is_word_start(ntext, m.start()) is None:
        return None  # a number may be glued to the word before it («في12 أيار»)
    return m


def _day_before(before: re.Match[str] | None) -> tuple[int | None, bool]:
    """The day number (or ordinal) and whether «شهر» came before a month name."""
    if before is None:
        return None, False
    shahr = bool(before.group("shahr") or before.group("shahr1") or before.group("shahr2"))
    if before.group("day"):
        return int(before.group("day")), shahr
    if before.group("ord"):
        return _ORDINALS[" ".join(before.group("ord").split())], shahr
    return None, shahr


def _day_at(ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    m = _DAY_AT.match(ntext, a)
    if m is None:
        return None
    b = m.end()
    rel, wd1, wd2 = m.group("rel"), m.group("wd1"), m.group("wd2")
    wd = wd1 or wd2
    before = _extend_back(_DAY_BEFORE, ntext, a)
    if rel is not None:
        rel = " ".join(rel.split())
        if rel == "اليوم" and wd is None and before is None:
            if (_prev_word(ntext, a) in _NOT_TODAY_BEFORE
                    or (nxt := _next_word(ntext, b)) in _NOT_TODAY_AFTER
                    or _SUPERLATIVE.fullmatch(nxt)):
                return None
        if rel.endswith("امس") and _next_word(ntext, b).endswith("حاجه"):
            return None  # «في أمسّ الحاجة»: most in need
    elif wd2 == "الاحد" and _next_word(ntext, b) == "عشر":
        return None
    elif wd2 == "الاثنين" and _prev_word(ntext, a) in ("كلا", "بين", "هذين"):
        return None
    date: dt.date | None = None
    if pub is not None:
        if rel is not None:
            date = pub - dt.timedelta(days=_REL_DAYS[rel])
            if wd is not None:  # the named weekday wins («أمس الأحد» written a day late)
                named = cal.weekday_near(date, cal.WEEKDAYS[wd])
                date = named if (date - named).days <= 2 else date
        elif wd is not None:
            mod = m.group("mod")
            when = _when(mod) if mod not in cal.CURRENT else "on_or_before"
            date = cal.weekday_near(pub, cal.WEEKDAYS[wd], when)
    start = before.start() if before is not None else a
    return _Cand(start, b, date, "day", relative=True, kind="day")


def _month_at(ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    m = _MONTH_AT.match(ntext, a)
    if m is None:
        return None
    b = m.end()
    m1 = " ".join(m.group("m1").split())
    month = cal.MONTHS[m1]
    m2 = m.group("m2")
    year = int(m.group("year")) if m.group("year") else None
    mod = m.group("mod")
    if m2 is not None and cal.month_number(m2) != month:
        # two different months («يناير - مارس»): keep the first one alone
        b, year, mod, m2 = m.end("m1"), None, None, None
    before = _extend_back(_DAY_NUM_BEFORE, ntext, a)
    day, shahr = _day_before(before)
    if day is not None and before is not None and before.group("day0"):
        day0 = int(before.group("day0"))
        day = day0 if 1 <= day0 < day else day  # a range or list of days: its first
    if day is not None and not 1 <= day <= 31:
        before, day = None, None
    if m1 in cal.AMBIGUOUS_MONTHS and m2 is None and not (day or year or shahr or mod):
        return None
    date: dt.date | None = None
    relative = False
    if year is not None:
        date = cal.safe_date(year, month, day or 1)
        if date is None:
            return None  # 31 فبراير 2022
    elif pub is not None:
        relative = True
        if day is not None:
            date = cal.day_month_near(pub, month, day, _when(mod))
        else:
            date = cal.month_near(pub, month, _when(mod))
    start = before.start() if before is not None else a
    return _Cand(start, b, date, "day" if day else "month", relative=relative,
                 kind="absolute" if day else "other")


def _hijri_at(ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    m = _HIJRI_AT.match(ntext, a)
    if m is None:
        return None
    before = _extend_back(_DAY_NUM_BEFORE, ntext, a)
    day, shahr = _day_before(before)
    year = int(m.group("year")) if m.group("year") else None
    if day is not None and not 1 <= day <= 30:
        before, day = None, None
    if day is None and year is None and not shahr:
        return None  # «رمضان» alone is as often a name as the month
    month = cal.HIJRI_MONTHS[" ".join(m.group("hm").split())]
    date: dt.date | None = None
    relative = False
    if year is not None:
        date = cal.hijri_to_gregorian(year, month, day or 1)
    elif pub is not None:
        relative = True
        date = cal.hijri_day_month_near(pub, month, day or 1)
    start = before.start() if before is not None else a
    return _Cand(start, m.end(), date, "day" if day else "month", "hijri", relative,
                 kind="absolute" if day else "other")


def _numeric_dates(ntext: str) -> list[_Cand]:
    """6/1/2022، 7/ 10/ 1436هـ، 6.1.2022 and 2022-01-06, found at their separators."""
    out: list[_Cand] = []
    for rx, sep in ((_SLASH_DATE, "/"), (_DOT_DATE, "."), (_ISO_DATE, "-")):
        if sep not in ntext:
            continue
        for m in rx.finditer(ntext):
            lead = _DIGITS_BEFORE.search(ntext, max(0, m.start() - 8), m.start())
            if lead is None:
                continue
            n = lead.group("n")
            if sep == "-":
                if len(n) != 4:
                    continue
                y, mo, d = int(n), int(m.group("m")), int(m.group("d"))
            else:
                if len(n) > 2:
                    continue
                y, mo, d = int(m.group("y")), int(m.group("m")), int(n)
            suf = (m.groupdict().get("suf") or "").strip()
            if 1300 <= y <= 1500 and suf != "م":
                date = cal.hijri_to_gregorian(y, mo, d) if 1 <= mo <= 12 else None
                calendar = "hijri"
            elif 1900 <= y <= 2100:
                date, calendar = cal.safe_date(y, mo, d), "gregorian"
            else:
                continue
            if date is not None:
                out.append(_Cand(lead.start(), m.end(), date, "day", calendar, kind="absolute"))
    return out


def _year_at(ntext: str, a: int) -> _Cand | None:
    m = _YEAR_AT.match(ntext, a)
    if m is None:
        return None
    kw = m.group("kw")
    start = a if kw in ("عام", "العام", "سنه", "السنه") else m.start("year" if m.group("year") else "hyear")
    if m.group("hyear"):
        date = cal.hijri_to_gregorian(int(m.group("hyear")), 1, 1)
        return _Cand(start, m.end(), date, "year", "hijri") if date else None
    return _Cand(start, m.end(), dt.date(int(m.group("year")), 1, 1), "year")


def _period_at(ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    m = _PERIOD_AT.match(ntext, a)
    if m is None:
        return None
    unit = cal.PERIODS[m.group("u1") or m.group("u2")]
    when = _when(m.group("mod")) if m.group("u2") else "current"
    step = {"before": -1, "after": 1}.get(when, 0)
    date: dt.date | None = None
    if pub is not None:
        if unit == "week":
            date = cal.week_start(pub + dt.timedelta(days=7 * step))
        elif unit == "month":
            date = cal.add_months(pub, step)
        else:
            date = dt.date(pub.year + step, 1, 1)
    return _Cand(a, m.end(), date, unit, relative=True)


def _ago_at(ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    m = _AGO_AT.match(ntext, a)
    if m is None:
        return None
    unit, implied = cal.UNITS[m.group("u")]
    n_txt = m.group("n")
    if n_txt is None:
        if implied == 0:
            return None  # «قبل أيام»: a few days, no date
        n = implied
    elif implied == 2:
        return None  # a number before a dual
    else:  # plural («3 أيام») or, colloquially, singular («منذ 20 عام»)
        n = int(n_txt) if n_txt.isdigit() else cal.NUMBER_WORDS.get(n_txt, 0)
    if not 0 < n <= 400:
        return None
    date: dt.date | None = None
    if pub is not None:
        try:
            if unit == "day":
                date = pub - dt.timedelta(days=n)
            elif unit == "week":
                date = cal.week_start(pub - dt.timedelta(days=7 * n))
            elif unit == "month":
                date = cal.add_months(pub, -n)
            else:
                date = dt.date(pub.year - n, 1, 1)
        except (ValueError, OverflowError):
            date = None
    return _Cand(a, m.end(), date, unit, relative=True)


def _select(cands: list[_Cand], ntext: str) -> list[_Cand]:
    """Longest non-overlapping mentions, day words merged with the date that follows."""
    cands.sort(key=lambda c: (c.a, c.a - c.b))
    kept: list[_Cand] = []
    for c in cands:
        if kept and c.a < kept[-1].b:
            continue
        prev = kept[-1] if kept else None
        if (prev is not None and prev.kind == "day" and c.kind == "absolute"
                and (c.date is not None or prev.date is None)
                and _JOIN.match(ntext, prev.b, c.a)):
            kept[-1] = _Cand(prev.a, c.b, c.date, "day", c.calendar, False, "absolute")
            continue
        kept.append(c)
    return kept


def _family_at(family: str, ntext: str, a: int, pub: dt.date | None) -> _Cand | None:
    if family == "day":
        return _day_at(ntext, a, pub)
    if family == "month":
        return _month_at(ntext, a, pub)
    if family == "hijri":
        return _hijri_at(ntext, a, pub)
    if family == "period":
        return _period_at(ntext, a, pub)
    if family == "ago":
        return _ago_at(ntext, a, pub)
    return _year_at(ntext, a)


def _candidates(ntext: str, pub: dt.date | None) -> list[_Cand]:
    out = _numeric_dates(ntext)
    covered = -1
    for m in _SCAN.finditer(ntext):
        a = m.start()
        if a < covered or _is_word_start(ntext, a) is None:
            continue
        for family in _FAMILIES[" ".join(m.group().split())]:
            try:
                c = _family_at(family, ntext, a, pub)
            except (ValueError, OverflowError):  # a publication date near year 1 or 9999
                c = None
            if c is not None:
                out.append(c)
                covered = max(covered, c.b)
    return out


def find_dates(doc: Document) -> list[DateMention]:
    """Every time expression of ``doc``, in text order."""
    ntext = doc.ntext
    out: list[DateMention] = []
    for c in _select(_candidates(ntext, doc.published), ntext):
        sent = doc.sentence_of(c.a) if doc.sentences else 0
        out.append(DateMention(
            span=doc.span(c.a, c.b), date=c.date.isoformat() if c.date else None,
            precision=c.precision, calendar=c.calendar, relative=c.relative, sentence=sent,
        ))
    return out


# «أن/إن/بأن/أنه» between a date and the trigger: the date belongs to the reporting verb.
_COMPLEMENTIZER = re.compile(r"(?<!\w)[وف]?ب?[أإا]ن(?:ه|ها|هم)?(?!\w)|:")
_REPORT_PENALTY = 400  # characters: «وذكرت الوكالة الأحد أن ... [event] ... يوم الخميس»
_COARSE_PENALTY = {"day": 0, "week": 60, "month": 120, "year": 250}


def event_date(doc: Document, sentence: int, nstart: int, fallback: bool = True
               ) -> DateMention | None:
    """The date of an event whose trigger starts at folded offset ``nstart`` in ``sentence``.

    The nearest resolved date mention of that sentence, preferring, at similar distance,
    a finer one (a day over a year), and passing over a date that only dates the report
    («وذكرت الوكالة الأحد أن ...»: a date before the trigger with «أن» between them).
    With ``fallback`` and no date in the sentence, the date of the news: the nearest
    day-precision date earlier in the same paragraph, else the first one of the article's
    opening sentences (the lede); None when there is none.
    """
    at = doc.norm.start(nstart)
    best: DateMention | None = None
    best_cost = 0
    for d in doc.dates:
        if d.sentence != sentence or d.date is None:
            continue
        if d.span.start >= at:
            cost = d.span.start - at
        else:
            cost = max(0, at - d.span.end)
            if _COMPLEMENTIZER.search(doc.text, d.span.end, at):
                cost += _REPORT_PENALTY
        cost += _COARSE_PENALTY.get(d.precision, 0)
        if best is None or cost < best_cost:
            best, best_cost = d, cost
    if best is not None or not fallback:
        return best
    return _context_date(doc, sentence)


def _context_date(doc: Document, sentence: int) -> DateMention | None:
    day = [d for d in doc.dates if d.date is not None and d.precision == "day"]
    if not day:
        return None
    same_par = [d for d in day if d.sentence < sentence and _same_paragraph(doc, d.sentence,
                                                                             sentence)]
    if same_par:
        return same_par[-1]
    if doc.published is None:
        lede = [d for d in day if d.sentence <= 2]
    else:  # the first date of the week before publication
        first = (doc.published - dt.timedelta(days=min(7, doc.published.toordinal() - 1))
                 ).isoformat()
        last = doc.published.isoformat()
        lede = [d for d in day if first <= d.date <= last]  # type: ignore[operator]
    return lede[0] if lede else None


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    """No line break between sentences ``a`` < ``b``."""
    return "\n" not in doc.text[doc.sentences[a].end : doc.sentences[b].start]


def dates(doc: Document) -> Document:
    doc.dates = find_dates(doc)
    return doc


@stage("dates", requires=("sentences",), assigns=("dates",))
def make_dates() -> StageFn:
    return dates
