#!/usr/bin/env python3
"""Build ``marsad/data/wordfreq.tsv.gz``: folded Arabic word counts for clitic splitting.

    python scripts/build_wordfreq.py [--corpus PATH] [--out PATH] [--max-words N]

Counts every folded word (``marsad.text.normalize.fold``, the tokens of
``marsad.text.segment.tokenize``) of the ANT multi-source news corpus (Apache-2.0,
``../shared/data/corpus/ant-multisource.jsonl.gz``) and keeps the most frequent ones that
hold Arabic letters. The segmenter splits a lone و/ف/ب/ل/ك prefix or a pronoun suffix
only when the rest of the token is a much more frequent word than the whole token
(«وقال» → و + قال, but «وزارة» and «فلسطين» stay whole).

The output's first line credits the corpus; then ``word<TAB>count`` by falling count.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.text.normalize import fold  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "ant-multisource.jsonl.gz"
DEFAULT_OUT = ROOT / "marsad" / "data" / "wordfreq.tsv.gz"
HEADER = (
    "# Folded word counts from the ANT multi-source Arabic news corpus (Chouigui et al., "
    "AJSE 2021; antcorpus/antcorpus.multisource.data, Apache-2.0), {docs} articles, "
    "{tokens} tokens. Built by scripts/build_wordfreq.py."
)
_WORD = re.compile(r"[\u0621-\u064a]+")


def count(corpus: Path) -> tuple[Counter[str], int, int]:
    counts: Counter[str] = Counter()
    docs = tokens = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = fold(" ".join(str(rec.get(k) or "") for k in ("title", "text")))
            words = _WORD.findall(text)
            counts.update(words)
            docs += 1
            tokens += len(words)
    return counts, docs, tokens


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--max-words", type=int, default=90_000)
    ap.add_argument("--min-count", type=int, default=3)
    a = ap.parse_args()
    counts, docs, tokens = count(a.corpus)
    kept = [(w, c) for w, c in counts.most_common(a.max_words) if c >= a.min_count]
    a.out.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(f"{w}\t{c}" for w, c in kept)
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(HEADER.format(docs=docs, tokens=tokens) + "\n" + body + "\n")
    print(f"{len(kept)} words from {docs} articles ({tokens} tokens) -> {a.out} "
          f"({a.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
