"""The focus country of an article: the country its places and nisbas point to most.

Each mention votes for its country: countries and cities named in the body count most,
nisba adjectives (الشرطة الكازاخية) less, datelines least (a Dubai dateline says where
the newsroom is, not where the news happened). Mentions in the first sentences weigh
more, since Arabic news puts the main fact first.
"""

from __future__ import annotations

from collections import defaultdict

from marsad.model.records import Place

_W_PLACE = 1.0
_W_NISBA = 0.6
_W_DATELINE = 0.3


def _position_weight(sentence: int) -> float:
    return 2.0 if sentence <= 1 else (1.5 if sentence <= 3 else 1.0)


def focus_country(places: list[Place]) -> str | None:
    """Alpha-2 code of the country ``places`` point to most, or None when none does."""
    votes: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    for p in places:
        if not p.country:
            continue
        if p.role == "dateline":
            w = _W_DATELINE
        elif p.role == "nisba":
            w = _W_NISBA
        else:
            w = _W_PLACE * (1.2 if p.precision != "country" else 1.0)  # a city says more
        votes[p.country] += w * _position_weight(p.sentence)
        first.setdefault(p.country, p.sentence)
    if not votes:
        return None
    return max(votes, key=lambda cc: (votes[cc], -first.get(cc, 0)))
