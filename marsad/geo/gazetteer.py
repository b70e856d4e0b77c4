"""Load the compact gazetteer once and look names up in it.

Each row of ``gazetteer.tsv.gz`` is one place with its folded Arabic names; loading
builds a dict from folded name to candidate places, a dict from a name's first word
to the longest name starting with it (so the matcher tries multi-word names only where
one can start), and the country records by ISO code.
"""

from __future__ import annotations

import gzip
from importlib import resources
from typing import NamedTuple

from marsad.errors import MarsadError
from marsad.model.records import Place

_FILE = "gazetteer.tsv.gz"
_PRECISION = {"country": "country", "admin1": "admin1", "city": "city", "sub-city": "sub-city"}
# Rank of a kind when a name has several candidates and context does not decide.
KIND_RANK = {"country": 3, "admin1": 2, "city": 1, "sub-city": 1}


class GazetteerError(MarsadError):
    """The bundled gazetteer file is missing or malformed."""

    code = "E210"


class Entry(NamedTuple):
    """One gazetteer place (a named tuple: immutable, and built several times faster than a
    frozen dataclass, which counts at start-up with ~12,600 rows)."""

    gid: int | None
    kind: str  # country, admin1, city, sub-city
    cc: str
    cc3: str
    admin1: str
    lat: float | None
    lon: float | None
    fclass: str
    population: int
    name: str

    def place(self, span, sentence: int = 0, role: str = "mention") -> Place:  # type: ignore[no-untyped-def]
        """A :class:`Place` for this entry found at ``span``."""
        return Place(
            span, name=self.name, geonameid=self.gid, country=self.cc or None,
            country3=self.cc3 or None, admin1=self.admin1 or None, lat=self.lat, lon=self.lon,
            feature_class=self.fclass or None, precision=_PRECISION.get(self.kind, "city"),
            role=role, sentence=sentence,
        )


class Gazetteer:
    """Folded name -> candidate entries, plus country records."""

    __slots__ = ("names", "first", "countries", "capitals", "by_id", "size")

    def __init__(self, rows: list[str]) -> None:
        self.names: dict[str, list[Entry]] = {}
        self.first: dict[str, int] = {}
        self.countries: dict[str, Entry] = {}
        self.capitals: dict[str, int] = {}
        self.by_id: dict[int, Entry] = {}
        for line in rows:
            f = line.split("\t")
            if len(f) != 12:
                raise GazetteerError(f"bad gazetteer row: {line[:80]!r}",
                                     hint="Rebuild it with scripts/build_gazetteer.py.")
            e = Entry(int(f[0]) if f[0] else None, f[1], f[2], f[3], f[4],
                      float(f[5]) if f[5] else None, float(f[6]) if f[6] else None, f[7],
                      int(f[8] or 0), f[9])
            if e.kind == "country":
                self.countries[e.cc] = e
                if f[11]:
                    self.capitals[e.cc] = int(f[11])
            elif e.gid is not None:
                self.by_id[e.gid] = e
            for key in f[10].split("|"):
                if not key:
                    continue
                self.names.setdefault(key, []).append(e)
                words = key.split(" ")
                n = len(words)
                if self.first.get(words[0], 0) < n:
                    self.first[words[0]] = n
        self.size = len(rows)

    def lookup(self, key: str) -> list[Entry]:
        """Candidates for a folded name (empty list when unknown)."""
        return self.names.get(key, [])

    def capital(self, cc: str) -> Entry | None:
        """The capital city of a country (alpha-2), when the gazetteer has it."""
        gid = self.capitals.get(cc)
        return self.by_id.get(gid) if gid is not None else None


_GAZ: Gazetteer | None = None


def load() -> Gazetteer:
    """The gazetteer, read from the package data on first use."""
    global _GAZ
    if _GAZ is None:
        try:
            blob = resources.files("marsad").joinpath("data", _FILE).read_bytes()
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise GazetteerError(
                "the gazetteer file marsad/data/gazetteer.tsv.gz is missing.",
                hint="Run python scripts/build_gazetteer.py.",
            ) from exc
        _GAZ = Gazetteer(gzip.decompress(blob).decode("utf-8").splitlines())
    return _GAZ


def country(cc: str) -> Entry | None:
    """The country entry for an ISO alpha-2 code."""
    return load().countries.get(cc)


def alpha3(cc: str | None) -> str | None:
    """ISO alpha-3 of an alpha-2 code (None when unknown)."""
    if not cc:
        return None
    e = load().countries.get(cc)
    return e.cc3 if e else None


def country_place(cc: str, sentence: int = 0) -> Place | None:
    """A span-less :class:`Place` for a country, precision ``country``."""
    e = country(cc)
    if e is None:
        return None
    return e.place(None, sentence=sentence)
