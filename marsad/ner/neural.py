"""The second stage of the NER tagger: a small bidirectional LSTM over the CRF's label
scores, word vectors and character shapes.

The CRF (:mod:`marsad.ner.crf`) sees each word through sparse features of itself and its
neighbours. This network adds what those features miss: a dense vector per word learnt from
nine million words of unlabelled Arabic news (so a name the training data never showed still
lands near the names it resembles), a character convolution over its spelling, and the whole
sentence as context. Its inputs per token are those plus the CRF's nine label scores; its
output is a new set of label scores, decoded with its own transition weights by the CRF's
Viterbi. It is trained by ``scripts/train_ner_neural.py`` (PyTorch, at training time only)
on CRF scores from jackknifed models, so it learns how far to trust the CRF on unseen text.

Why our own numpy code rather than onnxruntime: everything that depends only on the word
(vector, characters, flags, and their product with the LSTM's input weights) is computed
once per word type and cached, which a generic runtime would redo for every token; per
token only the recurrence remains, run for all the sentences of a batch at once. marsad
gains no heavy dependency, and a test checks the result against a textbook LSTM.

The weights (``marsad/data/ner-net.npz``, :func:`save`) hold the word vectors quantised to
int8 with a scale per row, and the float32 layers.
"""

from __future__ import annotations

import hashlib
import re
import threading
from io import BytesIO
from pathlib import Path

import numpy as np

from marsad.ner.features import Resources, light_stem, load_resources

MAX_CHARS = 16  # characters per word the convolution reads, boundary marks included
N_FLAGS = 8  # gazetteer and shape flags per word (word_flags)
CACHE_TYPES = 24_000  # word types whose input rows NetScorer keeps (2 KB each)
_DIGIT = re.compile(r"\d")
# every array a saved network holds, with its number of dimensions
_ARRAYS = {"vocab": 1, "emb_q": 2, "emb_scale": 1, "chars": 1, "char_emb": 2, "char_w": 3,
           "char_b": 1, "lstm_ih": 3, "lstm_hh": 3, "lstm_b": 2, "out_w": 2, "out_b": 1,
           "trans": 2, "start": 1, "labels": 1, "crf_digest": 1}


def crf_digest(state: np.ndarray, trans: np.ndarray) -> str:
    """A fingerprint of the CRF weights a network was trained over (it reads their scores)."""
    h = hashlib.sha256(np.ascontiguousarray(state, dtype=np.float64).tobytes())
    h.update(np.ascontiguousarray(trans, dtype=np.float64).tobytes())
    return h.hexdigest()[:16]


def embedding_key(word: str) -> str:
    """The form a word is looked up by in the embedding vocabulary (digits written 0)."""
    return word if word.isalpha() else _DIGIT.sub("0", word)


def word_flags(words: list[str], res: Resources) -> np.ndarray:
    """Eight 0/1 flags per word: place, given name, surname, organisation word (gazetteers,
    for the word or its light stem), Latin word, punctuation, number, carries a proclitic."""
    places, names = res.places, res.names
    rows = []
    for w in words:
        stem = light_stem(w)
        kinds = names.get(w) or names.get(stem) or ""
        rows.append((w in places or stem in places, "P" in kinds, "S" in kinds, "O" in kinds,
                     w.isascii() and w.isalpha(), not w[0].isalnum(), w[0].isdigit(), stem != w))
    return np.array(rows, dtype=np.float32).reshape(len(words), N_FLAGS)


def char_ids(word: str, chars: dict[str, int]) -> list[int]:
    """The word's character ids between boundary marks (id 2), cut to MAX_CHARS; 1 unknown."""
    return [2, *(chars.get(c, 1) for c in word[:MAX_CHARS - 2]), 2]


class Network:
    """The trained network's arrays, and its computation in numpy."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        missing = [k for k in _ARRAYS if k not in arrays]
        if missing:
            raise ValueError(f"the NER network lacks arrays {missing}")
        bad = [k for k, nd in _ARRAYS.items() if arrays[k].ndim != nd]
        if bad:
            raise ValueError(f"the NER network's arrays {bad} have the wrong shape")
        words = bytes(arrays["vocab"]).decode("utf-8").split("\n")
        self.vocab = {w: i for i, w in enumerate(words)}
        self.emb_q = arrays["emb_q"]
        self.emb_scale = arrays["emb_scale"].astype(np.float32)
        self.chars = {c: i + 3 for i, c in enumerate(bytes(arrays["chars"]).decode("utf-8"))}
        char_emb = arrays["char_emb"].astype(np.float32)  # [char id, dim]; 0 padding (zeros)
        cw = arrays["char_w"].astype(np.float32)  # [filter, char dim, tap]
        # each character id's contribution to the filters through each tap: [char id, filter]
        self._taps = tuple(np.ascontiguousarray(char_emb @ cw[:, :, k].T) for k in range(3))
        self.char_b = arrays["char_b"].astype(np.float32)
        # code point -> character id, 1 (unknown) for the rest; code points past the table are
        # clipped to its last entry, which no character has
        top = max((ord(c) for c in self.chars), default=0) + 2
        self._code_ids = np.ones(top, dtype=np.intp)
        for c, i in self.chars.items():
            self._code_ids[ord(c)] = i
        self.labels = bytes(arrays["labels"]).decode("utf-8").split("\n")
        self.crf_digest = bytes(arrays["crf_digest"]).decode("ascii")
        n_lab = len(self.labels)
        # the LSTM, forwards (0) and backwards (1): PyTorch's gate order i, f, g, o is
        # rearranged to i, f, o, g, and the rows of the sigmoid gates halved, so that one
        # tanh over all four gates gives them (sigmoid(x) = (tanh(x / 2) + 1) / 2)
        wih, whh, b = (arrays[k].astype(np.float32) for k in ("lstm_ih", "lstm_hh", "lstm_b"))
        self.hidden = h = whh.shape[2]
        order = np.r_[0:2 * h, 3 * h:4 * h, 2 * h:3 * h]
        half = np.r_[np.full(3 * h, 0.5), np.ones(h)].astype(np.float32)
        wih, whh, b = wih[:, order] * half[:, None], whh[:, order] * half[:, None], b[:, order] * half
        n_in_type = self.emb_q.shape[1] + cw.shape[0] + N_FLAGS
        if wih.shape[2] != n_in_type + n_lab:
            raise ValueError("the NER network's input size does not match its parts")
        # [input, direction * 4h]: type inputs, then the CRF's label scores
        w_in = np.concatenate([wih[0].T, wih[1].T], axis=1)
        self.w_type = np.ascontiguousarray(w_in[:n_in_type])
        w_crf = w_in[n_in_type:]
        self.bias = np.concatenate([b[0], b[1]])
        # [direction, h + CRF labels, 4h]: the recurrent weights, then the CRF scores' input
        # weights (one product per step gives both)
        self.w_step = np.ascontiguousarray(np.concatenate(
            [whh.transpose(0, 2, 1), w_crf.reshape(n_lab, 2, 4 * h).transpose(1, 0, 2)],
            axis=1))
        out_w = arrays["out_w"].astype(np.float32)  # [label, 2h + CRF labels]
        self.out_h = np.ascontiguousarray(out_w[:, :2 * h].T)
        self.out_crf = np.ascontiguousarray(out_w[:, 2 * h:].T)
        self.out_b = arrays["out_b"].astype(np.float32)
        self.trans = arrays["trans"].astype(np.float64)
        self.start = arrays["start"].astype(np.float32)
        if self.out_crf.shape[0] != n_lab or self.trans.shape != (n_lab, n_lab):
            raise ValueError("the NER network's label scores do not match its labels")

    @classmethod
    def from_bytes(cls, data: bytes) -> Network:
        with np.load(BytesIO(data), allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def type_inputs(self, words: list[str], res: Resources) -> np.ndarray:
        """The per-type input vectors (embedding, character features, flags) of ``words``."""
        n = len(words)
        ids = np.full(n, -1, dtype=np.intp)
        get = self.vocab.get
        for k, w in enumerate(words):
            key = embedding_key(w)
            i = get(key)
            if i is None:
                i = get(light_stem(key), -1)
            ids[k] = i
        emb = self._vectors(ids)
        chars = self._char_features(words)
        return np.concatenate([emb, chars, word_flags(words, res)], axis=1)

    def _char_features(self, words: list[str]) -> np.ndarray:
        """The max-pooled character convolution of each word: at each of the MAX_CHARS
        positions (the boundary-marked word, then padding) the filters sum the three taps'
        rows of the characters before, at and after it (``_taps``), plus the bias."""
        n = len(words)
        cut = [w[:MAX_CHARS - 2] for w in words]
        lens = np.fromiter(map(len, cut), dtype=np.intp, count=n)
        codes = np.frombuffer("".join(cut).encode("utf-32-le"), dtype=np.uint32)
        ids = self._code_ids[np.minimum(codes, len(self._code_ids) - 1)]
        # [word, position]: one padding column each side, then the boundary mark, the characters,
        # the boundary mark, padding
        cids = np.zeros((n, MAX_CHARS + 2), dtype=np.intp)
        rows = np.repeat(np.arange(n), lens)
        cols = np.arange(len(codes)) - np.repeat(np.cumsum(lens) - lens, lens) + 2
        cids[rows, cols] = ids
        cids[:, 1] = 2
        cids[np.arange(n), lens + 2] = 2
        t0, t1, t2 = self._taps
        conv = t0[cids[:, :-2]] + t1[cids[:, 1:-1]] + t2[cids[:, 2:]]  # [word, position, filter]
        return np.maximum(conv.max(axis=1) + self.char_b, 0)  # ReLU and the bias commute with max

    def _vectors(self, ids: np.ndarray) -> np.ndarray:
        """Word vectors of vocabulary ids; zero rows for -1 (no vector)."""
        emb = np.zeros((len(ids), self.emb_q.shape[1]), np.float32)
        known = ids >= 0
        emb[known] = self.emb_q[ids[known]] * self.emb_scale[ids[known], None]
        return emb

    def emissions(self, rows: np.ndarray, types: np.ndarray, crf: np.ndarray,
                  starts: list[int]) -> np.ndarray:
        """Label scores per token. ``rows[types[k]]`` is token ``k``'s cached type row
        (``type_inputs @ w_type + bias``), ``crf`` the tokens' CRF label scores, ``starts``
        where each sentence begins.

        All sentences run through the LSTM together, both directions at once, longest first:
        at step ``t`` the first ``n_t`` rows are the sentences longer than ``t``, the
        forwards rows reading their token ``t``, the backwards ones their ``t``-th from the end.
        Each step multiplies the previous states and the tokens' CRF scores together by the
        recurrent and CRF input weights, then adds the tokens' type rows.
        """
        n_tok = len(crf)
        h = self.hidden
        crf32 = crf.astype(np.float32)
        rows2 = rows.reshape(2 * len(rows), 4 * h)  # [type * 2 + direction, 4h]
        fw_rows, bw_rows = 2 * types, 2 * types + 1
        first = np.asarray(starts, dtype=np.intp)
        lens = np.diff(np.append(first, n_tok))
        order = np.argsort(-lens, kind="stable")
        first, lens = first[order], lens[order]
        last = first + lens - 1
        n_rows = len(first)
        steps = int(lens[0])
        active = n_rows - np.searchsorted(lens[::-1], np.arange(steps), side="right")  # len > t
        n_lab = crf32.shape[1]
        x = np.zeros((2, n_rows, h + n_lab), np.float32)  # [direction, row, state | CRF scores]
        cs = np.zeros((2, n_rows, h), np.float32)
        out = np.empty((2 * n_tok, h), np.float32)  # [token * 2 + direction, h]
        w = self.w_step
        for t in range(steps):
            n = int(active[t])
            fw, bw = first[:n] + t, last[:n] - t
            x[0, :n, h:] = crf32[fw]
            x[1, :n, h:] = crf32[bw]
            g = np.matmul(x[:, :n], w)
            g += rows2[np.concatenate([fw_rows[fw], bw_rows[bw]])].reshape(2, n, 4 * h)
            np.tanh(g, out=g)
            sg = g[:, :, :3 * h]
            sg *= 0.5
            sg += 0.5
            c = cs[:, :n]
            c *= g[:, :, h:2 * h]
            c += g[:, :, :h] * g[:, :, 3 * h:]
            hn = x[:, :n, :h]
            np.tanh(c, out=hn)
            hn *= g[:, :, 2 * h:3 * h]
            out[np.concatenate([2 * fw, 2 * bw + 1])] = hn.reshape(2 * n, h)
        e = out.reshape(n_tok, 2 * h) @ self.out_h + crf32 @ self.out_crf + self.out_b
        e[starts] += self.start
        return e.astype(np.float64)


class NetScorer:
    """Second-stage label scores for documents, caching each word type's input row.

    A row is 2 KB (the LSTM's input part of the four gates, both directions), so the cache
    holds at most ``cache_size`` word types: when a batch would pass that, the half used
    least recently is dropped first (the frequent words stay).
    """

    def __init__(self, net: Network, cache_size: int = CACHE_TYPES) -> None:
        self.net = net
        self.cache_size = cache_size
        self._res = load_resources()
        self._lock = threading.Lock()
        self._ids: dict[str, int] = {}
        self._words: list[str] = []
        self._rows = np.zeros((1024, 8 * net.hidden), np.float32)
        self._used = np.zeros(1024, dtype=np.int64)  # the last batch that used each row
        self._batches = 0

    def _shrink(self) -> None:
        """Keep the half of the cached word types used most recently (in new arrays: another
        thread may still be reading the old ones)."""
        keep = np.sort(np.argsort(self._used[:len(self._words)], kind="stable")
                       [-(self.cache_size // 2):])
        self._rows, self._used = self._rows[keep], self._used[keep]  # copies; _add regrows
        self._words = [self._words[k] for k in keep.tolist()]
        self._ids = {w: k for k, w in enumerate(self._words)}

    def _add(self, new: list[str]) -> None:
        k = len(self._words)
        if k + len(new) > len(self._rows):
            size = max(2 * len(self._rows), k + len(new))
            if k + len(new) <= self.cache_size:
                size = min(size, self.cache_size)
            rows = np.zeros((size, self._rows.shape[1]), np.float32)
            rows[:k] = self._rows[:k]
            used = np.zeros(size, dtype=np.int64)
            used[:k] = self._used[:k]
            self._rows, self._used = rows, used
        net = self.net
        for a in range(0, len(new), 2048):  # in slices: the character features are 3 KB a word
            part = new[a:a + 2048]
            self._rows[k + a:k + a + len(part)] = (net.type_inputs(part, self._res) @ net.w_type
                                                   + net.bias)
        self._words.extend(new)
        for j, w in enumerate(new, k):
            self._ids[w] = j

    def scores(self, sents: list[list[str]], crf: np.ndarray, starts: list[int]) -> np.ndarray:
        """Label scores of the tokens of the non-empty ``sents`` (as the CRF decoder laid
        them out: ``crf`` its scores, ``starts`` its sentence starts)."""
        words = [w for ws in sents for w in ws]
        with self._lock:
            batch = dict.fromkeys(words)
            new = [w for w in batch if w not in self._ids]
            if new and len(self._words) + len(new) > self.cache_size:
                self._batches += 1
                self._used[[self._ids[w] for w in batch if w in self._ids]] = self._batches
                self._shrink()
                new = [w for w in batch if w not in self._ids]
            if new:
                self._add(new)
            types = np.fromiter(map(self._ids.__getitem__, words), dtype=np.intp,
                                count=len(words))
            self._batches += 1
            self._used[types] = self._batches
            rows = self._rows
        return self.net.emissions(rows, types, crf, starts)


def save(path: Path, arrays: dict[str, np.ndarray]) -> int:
    """Write a network (the arrays of :data:`_ARRAYS`; ``vocab``, ``chars`` and ``labels``
    as UTF-8 bytes, newline-separated where they are lists); returns the file size."""
    extra = set(arrays) - set(_ARRAYS)
    if extra or set(_ARRAYS) - set(arrays):
        raise ValueError(f"unexpected or missing network arrays: {sorted(extra)}")
    with path.open("wb") as fh:
        np.savez_compressed(fh, **arrays)
    return path.stat().st_size


def text_array(items: list[str] | str) -> np.ndarray:
    """Strings as the uint8 array :class:`Network` reads (a list joined by newlines)."""
    text = items if isinstance(items, str) else "\n".join(items)
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
