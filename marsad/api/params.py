"""Query parameters of the API: parsed, validated and bounded before any SQL sees them.

Every list endpoint takes the same event filters (:class:`Filters`). A parameter the
endpoint does not know, a value that does not parse, or a value longer than
:data:`MAX_VALUE` is a :class:`~marsad.api.errors.BadParameter` (HTTP 400), so a typo
never silently widens a query.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from marsad.api.errors import BadParameter, QueryTooLong

MAX_QUERY = 2000  # characters of the whole query string
MAX_VALUE = 200  # characters of one parameter value
MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
MAX_OFFSET = 100_000  # deepest row a page may start at
MAX_LIST = 20  # values in one comma-separated list

FILTER_PARAMS: tuple[str, ...] = (
    "type", "mode", "country", "date_from", "date_to", "actor", "recipient", "place", "source",
    "q",
    "negated", "hypothetical", "doc",
)
PAGE_PARAMS: tuple[str, ...] = ("page", "per_page", "sort")
STATS_BY: tuple[str, ...] = ("type", "mode", "country", "day", "day_type", "place", "month")
SORTS: tuple[str, ...] = ("date", "-date", "type", "country", "-fatalities")

_CODE = re.compile(r"^[A-Za-z][A-Za-z_-]{0,31}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2,3}$")
_TRUE = {"1", "true", "yes", "only"}
_FALSE = {"0", "false", "no", "exclude"}


@dataclass(frozen=True, slots=True)
class Filters:
    """Event filters; ``None`` means "no constraint"."""

    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    source: str | None = None
    q: str | None = None
    negated: bool | None = None
    hypothetical: bool | None = None
    doc: int | None = None

    def as_query(self) -> dict[str, str]:
        """The filters back as query parameters (echoed in responses)."""
        out: dict[str, str] = {}
        for name, val in (("type", self.types), ("mode", self.modes),
                          ("country", self.countries)):
            if val:
                out[name] = ",".join(val)
        for name in ("date_from", "date_to", "actor", "recipient", "place", "source", "q"):
            v = getattr(self, name)
            if v is not None:
                out[name] = v
        for name in ("negated", "hypothetical"):
            v = getattr(self, name)
            if v is not None:
                out[name] = "true" if v else "false"
        if self.doc is not None:
            out["doc"] = str(self.doc)
        return out


@dataclass(frozen=True, slots=True)
class Page:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    sort: str = "-date"

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True, slots=True)
class Query:
    """A request's validated parameters."""

    filters: Filters = field(default_factory=Filters)
    page: Page = field(default_factory=Page)
    by: tuple[str, ...] = ()


def check_length(query_string: str) -> None:
    if len(query_string) > MAX_QUERY:
        raise QueryTooLong(f"the query string has {len(query_string)} characters; "
                           f"at most {MAX_QUERY} are accepted.",
                           hint="Narrow the filters.")


def _value(params: Mapping[str, str], name: str) -> str | None:
    v = params.get(name)
    if v is None:
        return None
    v = v.strip()
    if len(v) > MAX_VALUE:
        raise BadParameter(f"parameter {name!r} is {len(v)} characters long; "
                           f"at most {MAX_VALUE} are accepted.")
    return v or None


def _codes(params: Mapping[str, str], name: str, pattern: re.Pattern[str],
           upper: bool = True) -> tuple[str, ...]:
    v = _value(params, name)
    if v is None:
        return ()
    items = [x.strip() for x in v.split(",") if x.strip()]
    if len(items) > MAX_LIST:
        raise BadParameter(f"parameter {name!r} lists {len(items)} values; at most {MAX_LIST}.")
    for x in items:
        if not pattern.match(x):
            raise BadParameter(f"parameter {name!r}: {x!r} is not a valid code.",
                               hint="Use comma-separated codes such as ASSAULT,PROTEST.")
    return tuple(x.upper() if upper else x.lower() for x in items)


def _date(params: Mapping[str, str], name: str) -> str | None:
    v = _value(params, name)
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise BadParameter(f"parameter {name!r}: {v!r} is not a date.",
                           hint="Use YYYY-MM-DD.") from None


def _bool(params: Mapping[str, str], name: str) -> bool | None:
    v = _value(params, name)
    if v is None or v.lower() in {"any", "all"}:
        return None
    if v.lower() in _TRUE:
        return True
    if v.lower() in _FALSE:
        return False
    raise BadParameter(f"parameter {name!r}: {v!r} is not true, false or any.")


def _int(params: Mapping[str, str], name: str, default: int, lo: int, hi: int) -> int:
    v = _value(params, name)
    if v is None:
        return default
    if not v.isdigit() or not lo <= int(v) <= hi:
        raise BadParameter(f"parameter {name!r}: {v!r} is not a whole number from {lo} to {hi}.")
    return int(v)


def _known(params: Mapping[str, str], allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    unknown = sorted(k for k in params if k not in allowed)
    if unknown:
        raise BadParameter(f"unknown parameter(s): {', '.join(unknown)}.",
                           hint=f"Known: {', '.join(sorted(allowed))}.")


def parse_filters(params: Mapping[str, str]) -> Filters:
    f = Filters(
        types=_codes(params, "type", _CODE),
        modes=_codes(params, "mode", _CODE, upper=False),
        countries=_codes(params, "country", _COUNTRY),
        date_from=_date(params, "date_from"),
        date_to=_date(params, "date_to"),
        actor=_value(params, "actor"),
        recipient=_value(params, "recipient"),
        place=_value(params, "place"),
        source=_value(params, "source"),
        q=_value(params, "q"),
        negated=_bool(params, "negated"),
        hypothetical=_bool(params, "hypothetical"),
        doc=(_int(params, "doc", 0, 1, 2**62) if params.get("doc") else None),
    )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise BadParameter(f"date_from {f.date_from} is after date_to {f.date_to}.")
    return f


def parse_events_query(params: Mapping[str, str]) -> Query:
    _known(params, FILTER_PARAMS + PAGE_PARAMS)
    per_page = _int(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    page = _int(params, "page", 1, 1, MAX_OFFSET // per_page + 1)
    sort = _value(params, "sort") or "-date"
    if sort not in SORTS:
        raise BadParameter(f"parameter 'sort': {sort!r} is not one of {', '.join(SORTS)}.")
    return Query(filters=parse_filters(params), page=Page(page, per_page, sort))


def parse_stats_query(params: Mapping[str, str]) -> Query:
    _known(params, FILTER_PARAMS + ("by",))
    by = _codes(params, "by", _CODE, upper=False) or ("type",)
    for b in by:
        if b not in STATS_BY:
            raise BadParameter(f"parameter 'by': {b!r} is not one of {', '.join(STATS_BY)}.")
    return Query(filters=parse_filters(params), by=tuple(dict.fromkeys(by)))


def no_params(params: Mapping[str, str]) -> None:
    _known(params, ())
