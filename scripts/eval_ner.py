#!/usr/bin/env python3
"""Tag the ANERcorp test split with the shipped model and write what ``score_ner.py`` reads.

    python scripts/eval_ner.py                        # writes /tmp/ner-test.jsonl and scores it
    python scripts/eval_ner.py --window 1 --out F     # every sentence its own document

The scorer makes one document per test sentence (its tokens joined by spaces). ANERcorp
runs the sentences of each news story in order, so by default ``--window 20`` consecutive
sentences are tagged together as one document (joined by line breaks): that lets the
within-document propagation work as it does on real articles. Entities are then mapped
back to each sentence's own offsets. Tokenisation, features and tagging are the pipeline's
(``segment`` then ``marsad.stages.entities`` with whole tokens, ANERcorp's convention).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.evaluation import load_scorer  # noqa: E402
from marsad.model.document import Document  # noqa: E402
from marsad.ner.tagger import default_tagger  # noqa: E402
from marsad.stages.entities import entities  # noqa: E402
from marsad.stages.segment import segment  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TEST = EVAL / "ner" / "anercorp-test.txt"


def _scorer():  # type: ignore[no-untyped-def]
    return load_scorer(EVAL / "score_ner.py")


def tag_texts(texts: list[str], window: int) -> tuple[list[list[dict[str, object]]], int]:
    """Entities per text (offsets into that text), tagging ``window`` texts as one document."""
    tagger = default_tagger()
    out: list[list[dict[str, object]]] = []
    ntok = 0
    for k in range(0, len(texts), window):
        chunk = texts[k:k + window]
        starts, pos = [], 0
        for t in chunk:
            starts.append(pos)
            pos += len(t) + 1
        doc = segment(Document(id=f"w{k}", text="\n".join(chunk)))
        ntok += sum(len(s.tokens) for s in doc.sentences)
        entities(doc, tagger, whole_tokens=True)
        per: list[list[dict[str, object]]] = [[] for _ in chunk]
        for e in doc.entities:
            i = max(j for j, s in enumerate(starts) if s <= e.span.start)
            per[i].append({"start": e.span.start - starts[i], "end": e.span.end - starts[i],
                           "label": e.label, "text": e.span.text})
        out.extend(per)
    return out, ntok


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=TEST)
    ap.add_argument("--out", type=Path, default=Path("/tmp/ner-test.jsonl"))
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--no-score", action="store_true")
    a = ap.parse_args(argv)
    sc = _scorer()
    texts = [sc.doc_and_spans(s)[0] for s in sc.sentences(a.gold)]
    t0 = time.perf_counter()
    default_tagger()
    t1 = time.perf_counter()
    ents, ntok = tag_texts(texts, a.window)
    t2 = time.perf_counter()
    with a.out.open("w", encoding="utf-8") as fh:
        for i, es in enumerate(ents):
            fh.write(json.dumps({"id": f"s{i}", "entities": es}, ensure_ascii=False) + "\n")
    print(f"{len(texts)} sentences, {ntok} tokens; model load {t1 - t0:.2f}s; segment+tag "
          f"{t2 - t1:.2f}s ({ntok / (t2 - t1):,.0f} tokens/s); wrote {a.out}", file=sys.stderr)
    if not a.no_score:
        subprocess.run([sys.executable, str(EVAL / "score_ner.py"), str(a.gold), str(a.out)],
                       check=True)


if __name__ == "__main__":
    main()
