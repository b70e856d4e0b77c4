"""Calendar words of Arabic news and the date arithmetic that resolves them.

Every name is written here as it is spelled and folded with :func:`fold` at import
time, so the tables match ``Document.ntext`` («آذار» → «اذار», «جويلية» → «جويليه»).

Month names come in three families that all occur in the same newspapers:

* Egyptian/Gulf transliterations of the Latin names (يناير ... ديسمبر);
* the Syriac names of the Levant and Iraq (كانون الثاني ... كانون الأول);
* the French-derived Maghrebi names (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and the
  Moroccan ones (يوليوز، غشت، شتنبر، نونبر، دجنبر).

A few names are also ordinary words or names (ماي is Theresa May, آب is «father»,
مارس is the verb «practised», نيسان the carmaker, شباط a surname): they are listed in
:data:`AMBIGUOUS_MONTHS` and the date rules accept them only with a day, a year, «شهر»,
or a second month name next to them.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from marsad.text.normalize import fold

try:  # the Umm al-Qura calendar, a declared dependency
    from hijridate import Gregorian, Hijri
except ImportError:  # an install without it still runs: see _tabular_jdn
    Gregorian = Hijri = None  # type: ignore[assignment,misc]


def _folded(table: dict[str, int]) -> dict[str, int]:
    return {fold(k): v for k, v in table.items()}


MONTHS: dict[str, int] = _folded({
    "يناير": 1, "كانون الثاني": 1, "كانون ثاني": 1, "جانفي": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2, "فبرير": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "ابريل": 4, "نيسان": 4, "أفريل": 4,
    "مايو": 5, "أيار": 5, "ماي": 5, "مايس": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7, "يوليوز": 7,
    "أغسطس": 8, "آب": 8, "أوت": 8, "غشت": 8,
    "سبتمبر": 9, "أيلول": 9, "شتنبر": 9,
    "أكتوبر": 10, "تشرين الأول": 10, "تشرين أول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "تشرين ثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الأول": 12, "كانون أول": 12, "دجنبر": 12,
})

AMBIGUOUS_MONTHS: frozenset[str] = frozenset(
    fold(w) for w in ("ماي", "آب", "مارس", "نيسان", "شباط", "مايس", "تموز", "أوت")
)

HIJRI_MONTHS: dict[str, int] = _folded({
    "محرم": 1, "صفر": 2,
    "ربيع الأول": 3, "ربيع أول": 3,
    "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع ثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5,
    "جمادى الثانية": 6, "جمادى الآخرة": 6, "جمادى الآخر": 6, "جمادى الثاني": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
})

# Monday = 0, as ``datetime.date.weekday``.
WEEKDAYS: dict[str, int] = _folded({
    "الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
})

# Words after a weekday, month or period: past, future, current.
PAST: frozenset[str] = frozenset(fold(w) for w in (
    "الماضي", "الماضية", "الفائت", "الفائتة", "الفارط", "الفارطة", "المنصرم", "المنصرمة",
    "السابق", "السابقة", "المنقضي",
))
FUTURE: frozenset[str] = frozenset(fold(w) for w in (
    "المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "الآتية",
))
CURRENT: frozenset[str] = frozenset(fold(w) for w in (
    "الجاري", "الجارية", "الحالي", "الحالية",
))

# Time of day before a day word («مساء أمس»، «فجر الخميس»).
TIMES_OF_DAY: tuple[str, ...] = tuple(fold(w) for w in (
    "منتصف ليل", "منتصف ليلة", "وقت متأخر من", "وقت مبكر من", "صباح", "مساء", "ليلة",
    "ليل", "فجر", "ظهر", "ظهيرة", "عصر", "ضحى", "صبيحة", "عشية", "فجر يوم", "ليلة يوم",
))

# Cardinal words up to ten in both genders, and the duals of time units.
NUMBER_WORDS: dict[str, int] = _folded({
    "واحد": 1, "واحدة": 1, "اثنين": 2, "اثنتين": 2,
    "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5,
    "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8, "ثمان": 8,
    "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
})

# Time units after «قبل» / «منذ»: folded word → (unit, count it implies, 0 = needs a number).
UNITS: dict[str, tuple[str, int]] = {
    **{fold(w): ("day", 0) for w in ("أيام", "يوما", "يوماً")},
    **{fold(w): ("week", 0) for w in ("أسابيع", "أسبوعا", "أسبوعاً")},
    **{fold(w): ("month", 0) for w in ("أشهر", "شهور", "شهرا", "شهراً")},
    **{fold(w): ("year", 0) for w in ("سنوات", "سنين", "أعوام", "عاما", "عاماً", "سنة")},
    **{fold(w): ("day", 2) for w in ("يومين",)},
    **{fold(w): ("week", 2) for w in ("أسبوعين",)},
    **{fold(w): ("month", 2) for w in ("شهرين",)},
    **{fold(w): ("year", 2) for w in ("عامين", "سنتين")},
    **{fold(w): ("day", 1) for w in ("يوم",)},
    **{fold(w): ("week", 1) for w in ("أسبوع",)},
    **{fold(w): ("month", 1) for w in ("شهر",)},
    **{fold(w): ("year", 1) for w in ("عام",)},
}

# Calendar periods named relative to publication («الأسبوع الماضي»).
PERIODS: dict[str, str] = {
    fold("الأسبوع"): "week", fold("الشهر"): "month", fold("العام"): "year",
    fold("السنة"): "year",
}


def alternation(words: object) -> str:
    """A regex alternation of ``words`` (folded), longest first, spaces as ``\\s+``."""
    import re

    items = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def month_number(folded_name: str) -> int | None:
    """The Gregorian month of a folded name, with its internal spaces squeezed."""
    return MONTHS.get(" ".join(folded_name.split()))


def hijri_month_number(folded_name: str) -> int | None:
    return HIJRI_MONTHS.get(" ".join(folded_name.split()))


# -- date arithmetic ---------------------------------------------------------------------


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)`` or None when it does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int = 1) -> dt.date | None:
    """The Gregorian date of an Umm al-Qura Hijri date, None outside the supported range."""
    if Hijri is None:
        if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 9000):
            return None
        return dt.date.fromordinal(_tabular_jdn(year, month, day) - _JDN_OF_ORDINAL_0)
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def hijri_year_of(day: dt.date) -> int | None:
    if Gregorian is None:
        return (30 * (day.toordinal() + _JDN_OF_ORDINAL_0 - _HIJRI_EPOCH) + 10646) // 10631
    try:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None


# Without hijridate: the arithmetic (tabular) Islamic calendar, 11 leap years in 30. It
# differs from Umm al-Qura by at most two days, enough to date news by its Hijri mentions.
_HIJRI_EPOCH = 1948440  # Julian day number of 1 Muharram 1 AH
_JDN_OF_ORDINAL_0 = 1721425  # date.fromordinal(1) is Julian day 1721426


def _tabular_jdn(year: int, month: int, day: int) -> int:
    return (day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30
            + _HIJRI_EPOCH - 1)


def weekday_near(ref: dt.date, weekday: int, direction: str = "on_or_before") -> dt.date:
    """The ``weekday`` nearest ``ref``: ``on_or_before``, ``before`` or ``after`` it."""
    if direction == "after":
        return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    back = (ref.weekday() - weekday) % 7
    if direction == "before" and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week (the date a week-precision mention gets)."""
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after (or before, if negative) ``day``'s."""
    idx = day.year * 12 + day.month - 1 + months
    return dt.date(idx // 12, idx % 12 + 1, 1)


def month_near(ref: dt.date, month: int, when: str = "on_or_before") -> dt.date:
    """First day of the ``month`` nearest ``ref``: ``on_or_before`` (this year's if not
    later than ``ref``'s month), ``before`` (strictly earlier), ``after`` or ``current``."""
    year = ref.year
    if when == "current":
        pass
    elif when == "after":
        if month <= ref.month:
            year += 1
    elif when == "before":
        if month >= ref.month:
            year -= 1
    elif month > ref.month:
        year -= 1
    return dt.date(year, month, 1)


def day_month_near(ref: dt.date, month: int, day: int, when: str = "on_or_before"
                   ) -> dt.date | None:
    """The date ``day``/``month`` in the year that puts it on/before ``ref`` (``after``:
    the first one after it)."""
    if when == "after":
        for year in (ref.year, ref.year + 1, ref.year + 2, ref.year + 4):
            d = safe_date(year, month, day)
            if d is not None and d > ref:
                return d
        return None
    for year in (ref.year, ref.year - 1, ref.year - 2, ref.year - 4):
        d = safe_date(year, month, day)
        if d is not None and d <= ref and (when != "before" or d < ref):
            return d
    return None


def hijri_day_month_near(ref: dt.date, month: int, day: int) -> dt.date | None:
    """A Hijri day and month without a year: the occurrence on or before ``ref``."""
    hy = hijri_year_of(ref)
    if hy is None:
        return None
    for year in (hy, hy - 1):
        d = hijri_to_gregorian(year, month, day)
        if d is not None and d <= ref:
            return d
    return None


def days_in_month(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]
