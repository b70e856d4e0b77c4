#!/usr/bin/env python3
"""Train the shipped Arabic NER model (``marsad/data/ner.crfsuite``).

    python scripts/build_ner_resources.py all     # clusters + gazetteer (once, ~1.5 min)
    python scripts/train_ner.py                   # train on all of ANERcorp-train (~1 min)
    python scripts/train_ner.py --export          # only re-export ner-weights.npz and ner-types.npz
    python scripts/train_ner.py --holdout 0.15    # train on 85%, score the last 15% (tuning)
    python scripts/eval_ner.py                    # score the shipped model on the test split

Times are for one free core; the machine shared with other jobs took up to twice as long.

Data recipe: ``../shared/data/ner/anercorp-train.txt`` (ANERcorp, CAMeL Lab split, CC BY-SA
4.0; one "token TAG" a line, blank line between sentences). Each token is folded and
re-tokenised like the pipeline (punctuation glued to a word becomes its own token, labelled
O; the word parts keep the entity label), the few malformed tags are repaired (B-OEG,
IPERS, lower case), and a linear-chain CRF is trained with L-BFGS and elastic-net
regularisation on the features of :mod:`marsad.ner.features`. The ANERcorp test split is
never read here. Training is deterministic (L-BFGS, fixed data order) and runs on one core.
The shipped model's state and transition weights are then exported to
``marsad/data/ner-weights.npz``, which the tagger decodes (:mod:`marsad.ner.crf`), with the
rows of the frequent word types (``ner-types.npz``, :mod:`marsad.ner.typetable`).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.ner.crf import Weights, export_weights  # noqa: E402
from marsad.ner.features import SILVER, Featurizer, light_stem  # noqa: E402
from marsad.ner.tagger import TYPES, Tagger, bio_spans, propagate  # noqa: E402
from marsad.ner.typetable import TypeTable, attrs_digest  # noqa: E402
from marsad.text.clitics import word_counts  # noqa: E402
from marsad.text.normalize import fold  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "ner" / "anercorp-train.txt"
MODEL = ROOT / "marsad" / "data" / "ner.crfsuite"
WEIGHTS = "ner-weights.npz"
TYPE_TABLE_WORDS = 90_000  # the most frequent words of wordfreq.tsv.gz (all of it today)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]", re.UNICODE)
_FIX = {"B-OEG": "B-ORG", "IPERS": "I-PERS", "B-LOCI-PERS": "B-LOC"}
_KINDS = {"PERS", "ORG", "LOC", "MISC"}


def _clean_tag(tag: str) -> str:
    tag = _FIX.get(tag, tag)
    if len(tag) > 2 and tag[1] == "-":
        tag = tag[:2].upper() + tag[2:].upper()
        if tag[2:] in _KINDS:
            return tag
    return "O"


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (folded tokens, BIO labels), tokenised like the pipeline."""
    out: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    labels: list[str] = []
    for line in path.open(encoding="utf-8-sig"):
        parts = line.replace("\u200e", "").split()
        if not parts:
            if words:
                out.append((words, labels))
            words, labels = [], []
            continue
        tag = _clean_tag(parts[-1]) if len(parts) > 1 else "O"
        pieces = _TOKEN.findall(fold(parts[0]))
        first_word = True
        for piece in pieces:
            if tag == "O" or not (piece[0].isalnum() or piece[0] == "_"):
                labels.append("O")
            elif first_word:
                labels.append(tag)
                first_word = False
            else:
                labels.append("I-" + tag[2:])
            words.append(piece)
    if words:
        out.append((words, labels))
    return out


def train(sents: list[tuple[list[str], list[str], Featurizer]], model: Path, c1: float,
          c2: float, iters: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels, feats in sents:
        trainer.append(feats.sentence(words), labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iters,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    trainer.train(str(model))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    attrs = sorted({a for a, _ in tagger.info().state_features})
    print(f"c1={c1} c2={c2}: {len(attrs)} active attributes", file=sys.stderr)
    if model == MODEL:
        export(model)


def export(model: Path = MODEL) -> None:
    """Write the weights the run-time decoder reads (``ner-weights.npz``) from the model, and
    the rows of the frequent word types for them (``ner-types.npz``)."""
    out = model.with_name(WEIGHTS)
    n = export_weights(model, out)
    print(f"exported {n} attributes to {out} ({out.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    decoder = Tagger(weights=Weights.from_bytes(out.read_bytes())).decoder
    counts = word_counts()
    words = sorted(counts, key=lambda w: (-counts[w], w))[:TYPE_TABLE_WORDS]
    table = TypeTable.build(words, decoder.row_lists, attrs_digest(decoder.w.index))
    path = model.with_name(TYPES)
    size = table.save(path)
    print(f"exported the rows of {len(table.words)} word types to {path} ({size / 1e6:.1f} MB)",
          file=sys.stderr)


def silver_lexicon(model: Path, corpus: list[list[str]]) -> dict[str, str]:
    """Tag unlabelled sentences with a first-stage model; profile each frequent word.

    The profile says in which share of its occurrences the word is inside a PERS / ORG /
    LOC / MISC entity: ``X2`` (at least 60%), ``X1`` (at least 15%), or ``N0`` when it is
    almost never part of a name. Words seen fewer than 4 times get no profile.
    """
    tagger = Tagger(str(model), feats=Featurizer(None, {}))
    counts: dict[str, list[int]] = {}
    idx = {"PERS": 1, "ORG": 2, "LOC": 3, "MISC": 4}
    tagged = (labels for k in range(0, len(corpus), 50)
              for labels in tagger.tag_sentences(corpus[k:k + 50]))
    for words, labels in zip(corpus, tagged, strict=True):
        for w, lab in zip(words, labels, strict=True):
            if not w[:1].isalpha() or w.isascii():
                continue
            c = counts.get(w)
            if c is None:
                c = counts[w] = [0, 0, 0, 0, 0]
            c[0] += 1
            if lab != "O":
                c[idx[lab[2:]]] += 1
    merged: dict[str, list[int]] = {}
    for w, c in counts.items():  # profiles are kept by light stem
        m = merged.setdefault(light_stem(w), [0, 0, 0, 0, 0])
        for i in range(5):
            m[i] += c[i]
    out: dict[str, str] = {}
    for w, (n, *per) in merged.items():
        if n < 4:
            continue
        code = ""
        for letter, k in zip("POLM", per, strict=True):
            share = k / n
            if share >= 0.6:
                code += letter + "2"
            elif share >= 0.15:
                code += letter + "1"
        if not code and sum(per) / n < 0.03:
            code = "N0"
        if code:
            out[w] = code
    return out


def corpus_sample(articles: int) -> list[list[str]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_ner_resources import corpus_sentences

    return [s for s in corpus_sentences(limit=articles) if len(s) <= 150]


def train_two_stage(sents: list[tuple[list[str], list[str]]], model: Path, a: argparse.Namespace,
                    silver_out: Path) -> None:
    """Stage 1 without corpus profiles (jackknifed over two halves), stage 2 with them."""
    t0 = time.time()
    corpus = corpus_sample(a.corpus_articles)
    print(f"corpus sample: {len(corpus)} lines, {sum(map(len, corpus))} tokens", file=sys.stderr)
    none = Featurizer(None, {})
    half = len(sents) // 2
    parts = [sents[:half], sents[half:]]
    tmp = Path(tempfile.mkdtemp(prefix="ner-stage1-"))
    lex: list[dict[str, str]] = []
    for k, part in enumerate([sents, *parts]):
        m1 = tmp / f"stage1-{k}.crfsuite"
        train([(w, lab, none) for w, lab in part], m1, a.c1, a.c2, a.stage1_iters)
        lex.append(silver_lexicon(m1, corpus))
        print(f"stage 1 model {k}: {len(lex[-1])} profiles ({time.time() - t0:.0f}s)", file=sys.stderr)
    full, from_a, from_b = lex
    with silver_out.open("w", encoding="utf-8") as fh:
        fh.write("# light stem\tprofile -- written by scripts/train_ner.py (see load_silver)\n")
        for w in sorted(full):
            fh.write(f"{w}\t{full[w]}\n")
    # each half sees the profiles of the model that never saw it
    fa, fb = Featurizer(None, from_b), Featurizer(None, from_a)
    data = [(w, lab, fa) for w, lab in parts[0]] + [(w, lab, fb) for w, lab in parts[1]]
    train(data, model, a.c1, a.c2, a.iters)
    print(f"stage 2 trained ({time.time() - t0:.0f}s)", file=sys.stderr)


def self_training_data(model: Path, a: argparse.Namespace) -> list[tuple[list[str], list[str]]]:
    """Unlabelled news lines tagged confidently by a first model (``--self-train``).

    Lines of 6 to ``--self-max-len`` tokens from the first ``--self-articles`` articles of
    the corpus are tagged by python-crfsuite with ``model``; a line is kept when it holds an
    entity and the probability of its best label sequence is at least ``--self-min-p``; the
    first ``--self-train`` such lines, in corpus order, are returned.
    """
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(model))
    feats = Featurizer(frozenset(x for x, _ in t.info().state_features), {})
    out: list[tuple[list[str], list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    for words in corpus_sample(a.self_articles):
        if not 6 <= len(words) <= a.self_max_len or tuple(words) in seen:
            continue
        seen.add(tuple(words))
        t.set(feats.sentence(words))
        labels = t.tag()
        if all(x == "O" for x in labels) or t.probability(labels) < a.self_min_p:
            continue
        out.append((words, list(labels)))
        if len(out) >= a.self_train:
            break
    print(f"self-training: {len(out)} lines, {sum(len(w) for w, _ in out)} tokens", file=sys.stderr)
    return out


def train_self(sents: list[tuple[list[str], list[str]]], model: Path, a: argparse.Namespace) -> None:
    """Train, tag unlabelled news with that model, train again on both (self-training)."""
    none = Featurizer(None, {})
    first = Path(tempfile.mkdtemp(prefix="ner-self-")) / "first.crfsuite"
    train([(w, lab, none) for w, lab in sents], first, a.c1, a.c2, a.iters)
    extra = self_training_data(first, a)
    train([(w, lab, none) for w, lab in [*sents, *extra]], model, a.c1, a.c2, a.iters)


def score(gold: list[set[tuple[int, int, int, str]]], pred: list[set[tuple[int, int, int, str]]],
          labels: set[str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        g2 = {x for x in g if x[3] in labels}
        p2 = {x for x in p if x[3] in labels}
        tp += len(g2 & p2)
        fp += len(p2 - g2)
        fn += len(g2 - p2)
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr and rc else 0.0)


def evaluate(tagger: Tagger, sents: list[tuple[list[str], list[str]]], window: int) -> None:
    words = [w for w, _ in sents]
    raw = [bio_spans(labels) for k in range(0, len(words), window)
           for labels in tagger.tag_sentences(words[k:k + window])]
    report("CRF", words, [labels for _, labels in sents], raw, window)


def report(name: str, words: list[list[str]], gold_labels: list[list[str]],
           raw: list[list[tuple[int, int, str]]], window: int) -> None:
    """Print P/R/F1 of the tagged spans ``raw`` against the gold BIO labels, as tagged and
    after propagation within pseudo-documents of ``window`` sentences."""
    gold = [{(i, a, b, lab) for a, b, lab in bio_spans(labels)}
            for i, labels in enumerate(gold_labels)]
    spread: list[list[tuple[int, int, str]]] = []
    for k in range(0, len(words), window):
        spread.extend(propagate(words[k:k + window], raw[k:k + window]))
    for title, spans in ((name, raw), (f"{name}+propagation({window})", spread)):
        pred = [{(i, a, b, lab) for a, b, lab in ss} for i, ss in enumerate(spans)]
        for lname, labs in (("PERS/LOC/ORG", {"PERS", "LOC", "ORG"}), ("ALL4", _KINDS)):
            p, r, f = score(gold, pred, labs)
            print(f"{title:32s} {lname:13s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        per = {lab: round(score(gold, pred, {lab})[2], 3) for lab in sorted(_KINDS)}
        print(f"{'':32s} per label {per}")


def _read_silver(path: Path) -> dict[str, str]:
    out = {}
    for line in path.open(encoding="utf-8"):
        if not line.startswith("#"):
            w, code = line.rstrip("\n").split("\t")
            out[w] = code
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--holdout", type=float, default=0.0,
                    help="train on the first 1-H of the sentences, score the rest; the shipped "
                         "model is not overwritten")
    ap.add_argument("--holdout-at", type=float, default=None,
                    help="where the held-out block starts, as a fraction of the sentences "
                         "(default 1 - H: the last ones); another fold for tuning")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.02)
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--window", type=int, default=20, help="sentences per pseudo-document")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--two-stage", action="store_true",
                    help="add corpus label profiles from jackknifed first-stage models (~3x the "
                         "training time; measured no gain on ANERcorp, so not the default)")
    ap.add_argument("--stage1-iters", type=int, default=120)
    ap.add_argument("--corpus-articles", type=int, default=12_000,
                    help="articles of the unlabelled corpus tagged for the profiles")
    ap.add_argument("--export", action="store_true",
                    help="only export the weights of the shipped model (no training)")
    ap.add_argument("--self-train", type=int, default=0,
                    help="tuning: add this many confidently self-tagged corpus lines (0: none; "
                         "measured +0.005-0.009 F1 on the holdout, none on the test split)")
    ap.add_argument("--self-min-p", type=float, default=0.9)
    ap.add_argument("--self-max-len", type=int, default=60)
    ap.add_argument("--self-articles", type=int, default=8_000)
    a = ap.parse_args(argv)
    if a.export:
        export()
        return
    t0 = time.time()
    sents = read_conll(TRAIN)
    print(f"{len(sents)} sentences, {sum(len(w) for w, _ in sents)} tokens", file=sys.stderr)
    none = Featurizer(None, {})
    if a.holdout:
        lo = int(len(sents) * (1 - a.holdout if a.holdout_at is None else a.holdout_at))
        hi = len(sents) if a.holdout_at is None else lo + int(len(sents) * a.holdout)
        held = sents[lo:hi]
        sents = sents[:lo] + sents[hi:]
        cut = len(sents)
        model = a.out or Path(tempfile.mkdtemp()) / "ner-holdout.crfsuite"
        if a.self_train:
            train_self(sents, model, a)
            feats = none
        elif not a.two_stage:
            train([(w, lab, none) for w, lab in sents[:cut]], model, a.c1, a.c2, a.iters)
            feats = none
        else:
            silver = model.with_suffix(".silver.tsv")
            train_two_stage(sents[:cut], model, a, silver)
            feats = Featurizer(None, _read_silver(silver))
        print(f"trained in {time.time() - t0:.0f}s", file=sys.stderr)
        evaluate(Tagger(str(model), feats=feats), held, a.window)
        return
    model = a.out or MODEL
    if not a.two_stage:
        train([(w, lab, none) for w, lab in sents], model, a.c1, a.c2, a.iters)
        (MODEL.parent / SILVER).unlink(missing_ok=True)
    else:
        train_two_stage(sents, model, a, MODEL.parent / SILVER)
    print(f"wrote {model} ({model.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
