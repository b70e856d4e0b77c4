#!/usr/bin/env python3
"""Train the NER tagger's second stage (``marsad/data/ner-net.npz``, :mod:`marsad.ner.neural`).

    pip install --group train-ner              # PyTorch (CPU build is enough) and gensim
    python scripts/train_ner_neural.py embeddings   # word vectors from the corpus (~6 min)
    python scripts/train_ner_neural.py crf-scores   # jackknifed CRF scores (~7 min)
    python scripts/train_ner_neural.py train        # the network, exported (~5 min)
    python scripts/train_ner_neural.py train --vectors marsad/data/ner-net.npz --out /tmp/n.npz
                                                    # retrain over the shipped word vectors
    python scripts/train_ner_neural.py train --holdout 0.15   # tuning: score the last 15%
    python scripts/eval_ner.py                      # the shipped tagger on the test split

Run ``scripts/train_ner.py`` first: the network reads the shipped CRF's label scores, so it is
retrained whenever the CRF is. Times are for one core. Intermediate files go to ``--work``.

Data recipe. Word vectors: skip-gram word2vec (gensim; 100 dimensions, window 5, words seen
at least 3 times, 5 epochs, one worker) on the folded, tokenised lines of
``../shared/data/corpus/ant-multisource.jsonl.gz`` (31,510 news articles, Apache-2.0), scaled
to unit length and quantised to int8. Labelled data: ``../shared/data/ner/anercorp-train.txt``
(CC BY-SA 4.0), read like ``train_ner.py`` reads it. The network's CRF inputs come from ten
CRFs each trained on nine tenths of it and scoring the other tenth, so that in training the
network sees CRF scores as unreliable as they are on new text; at run time the shipped CRF,
trained on all of it, supplies them. Network: per token the word vector (frozen), a
character convolution (25-dim characters, 50 filters of width 3, max-pooled), eight
gazetteer/shape flags and the nine CRF label scores; a one-layer bidirectional LSTM (64
units a direction); a linear layer over its states and the CRF scores; a CRF output layer
(transitions, start scores) trained by its likelihood. Adam, learning rate 2e-3 falling
linearly to 2e-4, 20 epochs, batches of 16 sentences of similar length, dropout 0.5,
gradient norm clipped at 5, seed 1, one thread (deterministic); the exported weights are the
mean of the last 8 epochs'. The ANERcorp test split is never read.

Tuning (``--holdout 0.15``, PERS/LOC/ORG F1 with propagation; the CRF alone: 0.729): this
network 0.775 (seed 1) and 0.752 (seed 2), so one run varies by about 0.01; 5 or 20 folds
0.764 and 0.765; 32, 48 or 100 LSTM units 0.745, 0.763, 0.755; 100 character filters,
dropping 10% of the word vectors, or each word's light-stem vector added: no gain; two
networks averaged: no gain. A two-layer convolution instead of the LSTM (cheaper): 0.74.

Reproducibility: ``train --vectors marsad/data/ner-net.npz`` (over the shipped vectors and the
CRF scores of ``crf-scores``) rebuilds the shipped file byte for byte. The shipped vectors
came from an ``embeddings`` run before gensim's word seeding was pinned (it hashed with
Python's per-process string hash); the step now hashes with crc32 and repeats itself, but
its vectors differ from the shipped ones.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ner import TRAIN, read_conll, report  # noqa: E402
from train_ner import train as train_crf  # noqa: E402

from marsad.ner.crf import Weights  # noqa: E402
from marsad.ner.features import Featurizer, light_stem, load_resources  # noqa: E402
from marsad.ner.neural import (  # noqa: E402
    MAX_CHARS,
    N_FLAGS,
    Network,
    char_ids,
    crf_digest,
    embedding_key,
    save,
    text_array,
    word_flags,
)
from marsad.ner.tagger import Tagger, bio_spans, model_path  # noqa: E402

OUT = ROOT / "marsad" / "data" / "ner-net.npz"
FOLDS = 10


def _need(module: str):  # type: ignore[no-untyped-def]
    """Import a training-only dependency, or exit saying how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        sys.exit(f"{module.split('.')[0]} is needed to train the network: "
                 "pip install --group train-ner (a CPU build of torch is enough)")


def _stable_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def embeddings(work: Path, workers: int) -> None:
    from build_ner_resources import corpus_sentences

    Word2Vec = _need("gensim.models").Word2Vec

    t0 = time.time()
    sents = list(corpus_sentences())
    print(f"corpus: {len(sents)} lines, {sum(map(len, sents))} tokens", file=sys.stderr)
    # gensim seeds each word's initial vector with hashfxn (Python's str hash by default, which
    # changes between runs unless PYTHONHASHSEED is set): crc32 makes the run reproducible
    m = Word2Vec(sents, vector_size=100, window=5, min_count=3, sg=1, negative=5,
                 workers=workers, epochs=5, seed=1, hashfxn=_stable_hash)
    v = m.wv.vectors / np.linalg.norm(m.wv.vectors, axis=1, keepdims=True).clip(1e-6)
    scale = np.abs(v).max(axis=1) / 127
    q = np.round(v / scale[:, None]).astype(np.int8)
    np.savez(work / "vectors.npz", vocab=text_array(list(m.wv.index_to_key)), emb_q=q,
             emb_scale=scale.astype(np.float32))
    print(f"{len(q)} word vectors in {time.time() - t0:.0f}s", file=sys.stderr)


def _scores_name(holdout: float, folds: int) -> str:
    return f"crf-scores-{holdout:g}-{folds}.npz"


def _labels() -> list[str]:
    return list(Weights.from_model(model_path()).labels)


def crf_scores(work: Path, holdout: float, folds: int = FOLDS) -> Path:
    """Each training sentence's CRF label scores from a CRF that never saw it (in the shipped
    CRF's label order); with ``holdout``, the held-out sentences' from one trained on the rest."""
    sents = read_conll(TRAIN)
    cut = int(len(sents) * (1 - holdout))
    labels = _labels()
    none = Featurizer(None, {})
    tmp = Path(tempfile.mkdtemp(prefix="ner-jack-"))
    out: list[np.ndarray | None] = [None] * len(sents)

    def fill(model: Path, idx: range) -> None:
        d = Tagger(str(model)).decoder
        perm = [d.labels.index(x) for x in labels]
        for i in idx:
            out[i] = d.scores([sents[i][0]])[0][:, perm].astype(np.float32)

    bounds = [cut * k // folds for k in range(folds + 1)]
    for k in range(folds):
        lo, hi = bounds[k], bounds[k + 1]
        m = tmp / f"fold{k}.crfsuite"
        train_crf([(w, lab, none) for w, lab in sents[:lo] + sents[hi:cut]], m, 0.05, 0.02, 200)
        fill(m, range(lo, hi))
        print(f"fold {k + 1}/{folds}", file=sys.stderr)
    if cut < len(sents):
        m = tmp / "rest.crfsuite"
        train_crf([(w, lab, none) for w, lab in sents[:cut]], m, 0.05, 0.02, 200)
        fill(m, range(cut, len(sents)))
    path = work / _scores_name(holdout, folds)
    np.savez(path, *[x for x in out if x is not None])
    return path


def train(work: Path, a: argparse.Namespace) -> None:
    torch = _need("torch")
    nn = torch.nn

    torch.manual_seed(a.seed)
    random.seed(a.seed)
    torch.set_num_threads(1)
    crf = Weights.from_model(model_path())
    labels = list(crf.labels)
    l2i = {x: i for i, x in enumerate(labels)}
    n_lab = len(labels)
    sents = read_conll(TRAIN)
    with np.load(work / _scores_name(a.holdout, a.folds)) as z:
        scores = [z[f"arr_{i}"] for i in range(len(z.files))]
    if len(scores) != len(sents):
        sys.exit("the CRF scores are for another data set: run `crf-scores` again")
    data = [(w, lab, s) for (w, lab), s in zip(sents, scores, strict=True)]
    cut = int(len(data) * (1 - a.holdout))
    train_set, held = data[:cut], data[cut:]
    with np.load(a.vectors or work / "vectors.npz") as z:
        vec = {k: z[k] for k in ("vocab", "emb_q", "emb_scale")}
    words = bytes(vec["vocab"]).decode("utf-8").split("\n")
    emb = np.vstack([np.zeros((1, vec["emb_q"].shape[1]), np.float32),
                     vec["emb_q"] * vec["emb_scale"][:, None]]).astype(np.float32)
    vocab = {w: i + 1 for i, w in enumerate(words)}  # 0: no vector
    res = load_resources()
    chars: dict[str, int] = {}
    for ws, _, _ in train_set:
        for w in ws:
            for c in w:
                chars.setdefault(c, len(chars) + 3)  # 0 padding, 1 unknown, 2 boundary
    def wid(w: str) -> int:
        key = embedding_key(w)
        return vocab.get(key) or vocab.get(light_stem(key), 0)

    def encode(batch):  # type: ignore[no-untyped-def]
        n = max(len(ws) for ws, _, _ in batch)
        W = torch.zeros(len(batch), n, dtype=torch.long)
        C = torch.zeros(len(batch), n, MAX_CHARS, dtype=torch.long)
        F = torch.zeros(len(batch), n, N_FLAGS + n_lab)
        Y = torch.zeros(len(batch), n, dtype=torch.long)
        M = torch.zeros(len(batch), n, dtype=torch.bool)
        for b, (ws, ls, sc) in enumerate(batch):
            F[b, :len(ws), N_FLAGS:] = torch.from_numpy(sc)
            F[b, :len(ws), :N_FLAGS] = torch.from_numpy(word_flags(ws, res))
            for t, w in enumerate(ws):
                W[b, t] = wid(w)
                cc = char_ids(w, chars)
                C[b, t, :len(cc)] = torch.tensor(cc)
                Y[b, t] = l2i[ls[t]]
                M[b, t] = True
        return W, C, F, Y, M

    hidden = a.hidden

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=True)
            self.cemb = nn.Embedding(len(chars) + 3, 25, padding_idx=0)
            self.conv = nn.Conv1d(25, a.char_filters, 3, padding=1)
            self.drop = nn.Dropout(0.5)
            self.lstm = nn.LSTM(emb.shape[1] + a.char_filters + N_FLAGS + n_lab, hidden,
                                batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden + n_lab, n_lab)
            self.trans = nn.Parameter(torch.zeros(n_lab, n_lab))
            self.start = nn.Parameter(torch.zeros(n_lab))

        def emissions(self, W, C, F, M):  # type: ignore[no-untyped-def]
            B, T, K = C.shape
            c = self.cemb(C.view(B * T, K)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(2).values.view(B, T, -1)
            x = self.drop(torch.cat([self.emb(W), c, F], -1))
            p = nn.utils.rnn.pack_padded_sequence(x, M.sum(1), batch_first=True,
                                                  enforce_sorted=False)
            h, _ = self.lstm(p)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=T)
            return self.out(torch.cat([self.drop(h), F[..., N_FLAGS:]], -1))

        def nll(self, e, Y, M):  # type: ignore[no-untyped-def]
            B, T, _ = e.shape
            gold = self.start[Y[:, 0]] + e[:, 0].gather(1, Y[:, :1]).squeeze(1)
            alpha = self.start + e[:, 0]
            for t in range(1, T):
                step = self.trans[Y[:, t - 1], Y[:, t]] + e[:, t].gather(1, Y[:, t:t + 1]).squeeze(1)
                gold = gold + step * M[:, t]
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + e[:, t]
                alpha = torch.where(M[:, t:t + 1], nxt, alpha)
            return (torch.logsumexp(alpha, 1) - gold).sum()

    net = Net()
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=2e-3)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda ep: 1 - 0.9 * ep / max(1, a.epochs - 1))
    order = sorted(range(len(train_set)), key=lambda i: len(train_set[i][0]))
    chunks = [order[k:k + 16] for k in range(0, len(order), 16)]
    t0 = time.time()
    avg: dict[str, torch.Tensor] = {}  # the running mean of the last --average epochs' weights
    for ep in range(a.epochs):
        net.train()
        random.shuffle(chunks)
        total = 0.0
        for ch in chunks:
            W, C, F, Y, M = encode([train_set[i] for i in ch])
            if a.word_dropout:  # some words lose their vector: the network learns to do without
                W = W.masked_fill(torch.rand(W.shape) < a.word_dropout, 0)
            loss = net.nll(net.emissions(W, C, F, M), Y, M)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        sched.step()
        print(f"epoch {ep + 1}/{a.epochs}: loss {total:.0f} ({time.time() - t0:.0f}s)",
              file=sys.stderr)
        k = ep - (a.epochs - a.average)  # epochs averaged so far, minus one
        if k >= 0:
            for name, v in net.state_dict().items():
                avg[name] = v.detach().clone() if k == 0 else avg[name] + (v - avg[name]) / (k + 1)
    if avg:
        net.load_state_dict(avg)
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays = {
        "vocab": vec["vocab"], "emb_q": vec["emb_q"], "emb_scale": vec["emb_scale"],
        "chars": text_array("".join(sorted(chars, key=chars.__getitem__))),
        "char_emb": sd["cemb.weight"], "char_w": sd["conv.weight"], "char_b": sd["conv.bias"],
        "lstm_ih": np.stack([sd["lstm.weight_ih_l0"], sd["lstm.weight_ih_l0_reverse"]]),
        "lstm_hh": np.stack([sd["lstm.weight_hh_l0"], sd["lstm.weight_hh_l0_reverse"]]),
        "lstm_b": np.stack([sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
                            sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"]]),
        "out_w": sd["out.weight"], "out_b": sd["out.bias"], "trans": sd["trans"],
        "start": sd["start"], "labels": text_array(labels),
        "crf_digest": text_array(crf_digest(crf.state, crf.trans)),
    }
    path = a.out or (work / "ner-net-holdout.npz" if held else OUT)
    size = save(path, arrays)
    print(f"wrote {path} ({size / 1e6:.1f} MB)", file=sys.stderr)
    # the numpy network must give the trained network's scores
    from marsad.ner.neural import NetScorer

    net.eval()
    sample = train_set[:64]
    W, C, F, Y, M = encode(sample)
    with torch.no_grad():
        ref = net.emissions(W, C, F, M)
    ref[:, 0] += net.start.detach()
    want = np.vstack([ref[b, :len(ws)].numpy() for b, (ws, _, _) in enumerate(sample)])
    starts = list(np.cumsum([0] + [len(w) for w, _, _ in sample[:-1]]))
    got = NetScorer(Network.from_bytes(path.read_bytes())).scores(
        [w for w, _, _ in sample], np.vstack([s for _, _, s in sample]), starts)
    err = float(np.abs(got - want).max())
    print(f"numpy against torch: largest difference {err:.2e}", file=sys.stderr)
    if err > 1e-3:
        sys.exit("the exported network does not reproduce the trained one")
    if held:
        evaluate(path, held, a.window)


def evaluate(path: Path, held: list, window: int) -> None:  # type: ignore[type-arg]
    """Score the held-out sentences, tagged as the pipeline tags (CRF scores from the CRF
    trained without them, as ``crf-scores`` computed)."""
    from marsad.ner.neural import NetScorer

    net = NetScorer(Network.from_bytes(path.read_bytes()))
    crf = Tagger(model_path()).decoder  # only for its Viterbi: transitions are the network's
    raw = []
    for k in range(0, len(held), window):
        part = held[k:k + window]
        sc = np.vstack([s for _, _, s in part]).astype(np.float64)
        starts = list(np.cumsum([0] + [len(w) for w, _, _ in part[:-1]]))
        e = net.scores([w for w, _, _ in part], sc, starts)
        raw.extend(bio_spans(x) for x in crf.viterbi(e, starts, net.net.trans))
    report("network", [w for w, _, _ in held], [ls for _, ls, _ in held], raw, window)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=("embeddings", "crf-scores", "train"))
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "marsad-ner-net")
    ap.add_argument("--holdout", type=float, default=0.0,
                    help="crf-scores/train: hold out the last H of the sentences and score them "
                         "(the shipped network is not overwritten)")
    ap.add_argument("--folds", type=int, default=FOLDS,
                    help="crf-scores/train: CRFs of the jackknife (each trained on the others)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--hidden", type=int, default=64,
                    help="LSTM units per direction (holdout: 32 and 48 scored 0.012-0.018 less, "
                         "100 no more; the cost per token grows with it)")
    ap.add_argument("--char-filters", type=int, default=50,
                    help="character convolution filters (100 measured no gain)")
    ap.add_argument("--word-dropout", type=float, default=0.0,
                    help="share of training tokens whose word vector is dropped (0.1: no gain)")
    ap.add_argument("--average", type=int, default=8,
                    help="export the mean of the weights of the last N epochs (0: the last)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1,
                    help="embeddings: gensim threads (more is faster, not reproducible)")
    ap.add_argument("--window", type=int, default=20, help="sentences per pseudo-document")
    ap.add_argument("--vectors", type=Path, default=None,
                    help="train: the word vectors of this file (the `embeddings` step's "
                         "vectors.npz, or a network such as the shipped ner-net.npz) instead "
                         "of WORK/vectors.npz")
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    if a.step == "embeddings":
        embeddings(a.work, a.workers)
    elif a.step == "crf-scores":
        print(f"wrote {crf_scores(a.work, a.holdout, a.folds)}", file=sys.stderr)
    else:
        train(a.work, a)


if __name__ == "__main__":
    main()
