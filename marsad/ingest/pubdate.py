"""Publication dates as feeds and pages write them, Arabic month names included.

Handles ISO dates and timestamps, RFC 822 (``Thu, 06 Jan 2022 10:00:00 +0300``) and Arabic
forms such as ``الخميس، 6 يناير 2022``, ``06 كانون الثاني 2022``, ``٦ جانفي ٢٠٢٢`` or
``2022 فبراير 5`` (Egyptian, Levantine/Iraqi and Maghrebi month names; Arabic-Indic digits).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from marsad.text.normalize import fold

# Folded month names (fold(): ة→ه, ى→ي, أ→ا ...). Facts of the language, one list per region.
_MONTHS_RAW: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "ينير", "january", "jan"),
    2: ("فبراير", "شباط", "فيفري", "فبراير", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "april", "apr"),
    5: ("مايو", "أيار", "ماي", "may"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "july", "jul"),
    8: ("أغسطس", "اغسطس", "آب", "أوت", "غشت", "august", "aug"),
    9: ("سبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "أكتوبر", "october", "oct"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"),
    12: ("ديسمبر", "كانون الأول", "دجنبر", "december", "dec"),
}
_MONTHS: dict[str, int] = {}
for _m, _names in _MONTHS_RAW.items():
    for _n in _names:
        _MONTHS[fold(_n).lower()] = _m
_MONTH_ALT = "|".join(sorted((re.escape(n) for n in _MONTHS), key=len, reverse=True))

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({_MONTH_ALT})\b[\s,،/-]*(?:عام\s+|سنه\s+)?(\d{{4}})"
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}})[\s,،]+(\d{{4}})")
_YEAR_MONTH_DAY = re.compile(rf"(\d{{4}})\s+({_MONTH_ALT})\s+(\d{{1,2}})(?!\d)")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_pubdate(value: str | None) -> dt.date | None:
    """The date in a feed's or page's date string, or None when there is none."""
    if not value or not isinstance(value, str):
        return None
    s = fold(value).lower()
    m = _ISO.search(s)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    m = _DAY_MONTH_YEAR.search(s)
    if m:
        return _date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    m = _MONTH_DAY_YEAR.search(s)
    if m:
        return _date(int(m[3]), _MONTHS[m[1]], int(m[2]))
    m = _YEAR_MONTH_DAY.search(s)
    if m:
        return _date(int(m[1]), _MONTHS[m[2]], int(m[3]))
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date()
    m = _DMY_NUM.search(s)
    if m:
        return _date(int(m[3]), int(m[2]), int(m[1]))
    return None
