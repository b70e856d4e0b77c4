"""The NER tagger's second stage (marsad.ner.neural): the numpy network against a plain
per-sentence reference, its file format, and the shipped network."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.ner.features import load_resources
from marsad.ner.neural import (
    MAX_CHARS,
    N_FLAGS,
    NetScorer,
    Network,
    char_ids,
    embedding_key,
    save,
    text_array,
    word_flags,
)
from marsad.ner.tagger import Tagger, default_tagger

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"]


def _random_arrays(rng: np.random.Generator, hidden: int = 6) -> dict[str, np.ndarray]:
    n_lab, dim, filters = len(LABELS), 5, 4
    n_in = dim + filters + N_FLAGS + n_lab
    r = lambda *shape: rng.standard_normal(shape).astype(np.float32)  # noqa: E731
    return {
        "vocab": text_array(["قال", "رييس", "في", "0"]),
        "emb_q": rng.integers(-127, 128, (4, dim)).astype(np.int8),
        "emb_scale": np.full(4, 0.01, np.float32),
        "chars": text_array("قالريسف"),
        "char_emb": np.vstack([np.zeros((1, 3), np.float32), r(9, 3)]),
        "char_w": r(filters, 3, 3), "char_b": r(filters),
        "lstm_ih": r(2, 4 * hidden, n_in) * 0.5, "lstm_hh": r(2, 4 * hidden, hidden) * 0.5,
        "lstm_b": r(2, 4 * hidden), "out_w": r(n_lab, 2 * hidden + n_lab), "out_b": r(n_lab),
        "trans": r(n_lab, n_lab), "start": r(n_lab), "labels": text_array(LABELS),
        "crf_digest": text_array("0123456789abcdef"),
    }


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _reference(a: dict[str, np.ndarray], x: np.ndarray, crf: np.ndarray) -> np.ndarray:
    """One sentence through a textbook bidirectional LSTM (PyTorch's gate order i, f, g, o)."""
    h = a["lstm_hh"].shape[2]
    inp = np.concatenate([x, crf], axis=1)
    outs = []
    for d, steps in ((0, range(len(x))), (1, range(len(x) - 1, -1, -1))):
        hs, cs = np.zeros(h), np.zeros(h)
        out = np.zeros((len(x), h))
        for t in steps:
            g = a["lstm_ih"][d] @ inp[t] + a["lstm_hh"][d] @ hs + a["lstm_b"][d]
            i, f, gg, o = (g[k * h:(k + 1) * h] for k in range(4))
            cs = _sigmoid(f) * cs + _sigmoid(i) * np.tanh(gg)
            hs = _sigmoid(o) * np.tanh(cs)
            out[t] = hs
        outs.append(out)
    e = np.concatenate([*outs, crf], axis=1) @ a["out_w"].T + a["out_b"]
    e[0] += a["start"]
    return e


def test_batched_network_gives_the_per_sentence_reference_scores() -> None:
    rng = np.random.default_rng(3)
    a = _random_arrays(rng)
    net = Network(a)
    res = load_resources()
    words = ["قال", "الرييس", "في", "12", "وفي", "Paris", "،", "لافروف", "القاهره", "x"]
    lens = [3, 1, 7, 2, 5, 1, 4]  # unsorted, with one-token sentences
    sents = [[words[(k * 3 + j) % len(words)] for j in range(n)] for k, n in enumerate(lens)]
    crf = [rng.standard_normal((n, len(LABELS))) for n in lens]
    starts = list(np.cumsum([0, *lens[:-1]]))
    got = NetScorer(net).scores(sents, np.vstack(crf), starts)
    for k, ws in enumerate(sents):
        x = net.type_inputs(ws, res)
        want = _reference(a, x, crf[k])
        assert np.allclose(got[starts[k]:starts[k] + len(ws)], want, atol=1e-4), k


def test_small_cache_keeps_recent_words_and_gives_the_same_scores() -> None:
    rng = np.random.default_rng(4)
    net = Network(_random_arrays(rng))
    big, small = NetScorer(net), NetScorer(net, cache_size=8)
    vocab = [f"ك{i}" for i in range(30)]
    for k in range(6):
        sents = [[vocab[(k * 5 + j) % 30] for j in range(n)] for n in (4, 7, 3)]
        sents[0][0] = "قال"  # in every batch: must survive every shrink
        crf = rng.standard_normal((14, len(LABELS)))
        starts = [0, 4, 11]
        assert np.allclose(small.scores(sents, crf, starts), big.scores(sents, crf, starts))
        assert len(small._words) <= 8 + 14
        assert set(small._ids) == set(small._words) and "قال" in small._ids
    assert len(big._words) > 8  # the small one had to drop words


def test_type_inputs_follow_the_vocabulary_characters_and_flags() -> None:
    rng = np.random.default_rng(0)
    a = _random_arrays(rng)
    net = Network(a)
    x = net.type_inputs(["رييس", "والرييس", "مجهول", "7"], load_resources())
    emb = a["emb_q"].astype(np.float32) * 0.01
    assert np.allclose(x[0, :5], emb[1])  # the word itself
    assert np.allclose(x[1, :5], emb[1])  # its light stem: و + ال dropped
    assert not x[2, :5].any()  # unknown: no vector
    assert np.allclose(x[3, :5], emb[3])  # digits are looked up as 0
    assert embedding_key("2024") == "0000" and embedding_key("قال") == "قال"
    assert char_ids("قال", {"ق": 3, "ا": 4}) == [2, 3, 4, 1, 2]
    assert len(char_ids("ا" * 40, {})) == MAX_CHARS
    flags = word_flags(["القاهره", "والقاهره", "Paris", "،", "2024"], load_resources())
    assert flags.shape == (5, N_FLAGS)
    assert flags[0].tolist() == [1, 0, 0, 0, 0, 0, 0, 1]  # a place; carries the article
    assert flags[1, 0] == 1 and flags[1, 7] == 1  # the place through its light stem
    assert flags[2, 4] == 1 and flags[3, 5] == 1 and flags[4, 6] == 1  # Latin, mark, number


def test_character_features_are_the_textbook_convolution() -> None:
    """Boundary-marked characters, zero padding to MAX_CHARS, a width-3 convolution with one
    zero column each side, ReLU, max over positions: as PyTorch computed it in training."""
    a = _random_arrays(np.random.default_rng(5))
    net = Network(a)
    chars = {c: i + 3 for i, c in enumerate(bytes(a["chars"]).decode())}
    words = ["قال", "ريس", "x", "فاقلاريسسيرقلاف" * 2, "؟"]
    got = net._char_features(words)
    for k, w in enumerate(words):
        ids = char_ids(w, chars) + [0] * (MAX_CHARS - len(char_ids(w, chars)))
        x = np.vstack([np.zeros(3), a["char_emb"][ids], np.zeros(3)])  # [position + 2, dim]
        conv = np.array([[np.sum(a["char_w"][f] * x[p:p + 3].T) for f in range(len(a["char_b"]))]
                         for p in range(MAX_CHARS)]) + a["char_b"]
        assert np.allclose(got[k], np.maximum(conv, 0).max(axis=0), atol=1e-5), w


def test_network_file_round_trip_and_bad_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = _random_arrays(np.random.default_rng(1))
    path = tmp_path / "net.npz"
    save(path, a)
    net = Network.from_bytes(path.read_bytes())
    assert net.labels == LABELS and net.hidden == 6
    with pytest.raises(ValueError, match="lacks arrays"):
        Network({k: v for k, v in a.items() if k != "trans"})
    with pytest.raises(ValueError, match="unexpected or missing"):
        save(path, {**a, "extra": np.zeros(1)})
    bad = dict(a, out_w=a["out_w"][:, :-1])
    with pytest.raises(ValueError):
        Network(bad)
    with pytest.raises(ValueError, match="wrong shape"):
        Network(dict(a, trans=a["trans"].ravel()))


def test_shipped_tagger_uses_the_network_over_the_crf_labels() -> None:
    tagger = default_tagger()
    assert tagger.net is not None
    assert list(tagger.net.net.labels) == list(tagger.decoder.labels)
    with pytest.raises(ValueError, match="another CRF"):
        Tagger(weights=tagger.decoder.w, net=Network(_random_arrays(np.random.default_rng(2))))
    # the same labels, other weights: a retrained CRF needs a retrained network
    from marsad.ner.crf import Weights

    w = tagger.decoder.w
    other = Weights(list(w.labels), list(w.index), w.state * 1.01, w.trans)
    with pytest.raises(ValueError, match="retrain"):
        Tagger(weights=other, net=tagger.net.net)  # type: ignore[union-attr]


def test_labels_are_decoded_from_the_network_scores() -> None:
    """The network, not the CRF, has the last word: a network whose output always favours
    O tags nothing, though the CRF alone finds the names."""
    from importlib import resources

    full = default_tagger()
    data = resources.files("marsad.data").joinpath("ner-net.npz").read_bytes()
    with np.load(__import__("io").BytesIO(data)) as z:
        arrays = {k: z[k] for k in z.files}
    labels = bytes(arrays["labels"]).decode().split("\n")
    arrays["out_w"] = np.zeros_like(arrays["out_w"])
    arrays["out_b"] = np.where(np.array(labels) == "O", 50.0, 0.0).astype(np.float32)
    mute = Tagger(weights=full.decoder.w, net=Network(arrays))
    crf = Tagger(weights=full.decoder.w)
    words = ["وقال", "الرييس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."]
    assert {"B-PERS", "B-LOC"} <= set(crf.tag(words))
    assert {"B-PERS", "B-LOC"} <= set(full.tag(words))
    assert set(mute.tag(words)) == {"O"}
