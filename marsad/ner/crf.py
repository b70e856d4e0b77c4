"""A numpy linear-chain CRF decoder that gives python-crfsuite's tags, faster.

A linear-chain CRF scores a label sequence as a sum of weights: for each token, the weights
of its attributes for its label (state features), and for each pair of neighbours the weight
of their label pair (transitions). The trained model's weights are exported once
(:func:`export_weights`, run by ``scripts/train_ner.py``) into ``marsad/data/ner-weights.npz``;
at run time:

* each word type gets, once, five label-score vectors: its own attributes, and what it adds to
  the tokens one and two places after and before it (the features of
  :class:`marsad.ner.features.Featurizer`, summed over the labels); a document's token scores
  are then five gathers over its word-type ids, plus the rare word-pair and gazetteer-phrase
  attributes;
* Viterbi decoding (crfsuite's recursion) runs over all the sentences of a document at once,
  one numpy step per token position; each sentence is cut in two halves, the first decoded
  forwards and the second backwards from its end, joined by the best label pair where they
  meet, which halves the number of steps.

Scores are float64 sums like crfsuite's, in another order, and ties are broken differently:
labels could only differ on exact ties (none on the ANERcorp test split nor on the 3,000
news-3k articles; ``tests/test_entities.py`` checks the decoder against python-crfsuite).
"""

from __future__ import annotations

import io
import itertools
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.errors import ResourceMissing

if TYPE_CHECKING:
    from marsad.ner.features import Featurizer, Phrases, _TypeFeats
    from marsad.ner.typetable import TypeTable

_PAIR_NEXT = "-1w|w="  # the token's pair with the word before it
_PAIR_PREV = "w|+1w="  # the token's pair with the word after it
# word-type ids: 0 nothing (beyond the sentence), 1 sentence start (BOS), 2 sentence end (EOS)
_EDGE, _START, _END = 0, 1, 2


def _from_model(model_path: str | Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels, attributes, state weights [attribute, label] and transitions of a crfsuite model."""
    import pycrfsuite  # type: ignore[import-untyped]

    t = pycrfsuite.Tagger()
    t.open(str(model_path))
    info = t.info()
    labels = list(t.labels())
    lid = {lab: k for k, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    aid = {a: k for k, a in enumerate(attrs)}
    state = np.zeros((len(attrs), len(labels)), dtype=np.float64)
    for (a, lab), w in info.state_features.items():
        state[aid[a], lid[lab]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float64)
    for (a, b), w in info.transitions.items():
        trans[lid[a], lid[b]] = w
    return labels, attrs, state, trans


def export_weights(model_path: str | Path, out: str | Path) -> int:
    """Write the state and transition weights of a crfsuite model; returns the attribute count."""
    labels, attrs, state, trans = _from_model(model_path)
    buf = io.BytesIO()
    np.savez_compressed(
        buf, labels=np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
        attrs=np.frombuffer("\n".join(attrs).encode("utf-8"), dtype=np.uint8),
        state=state, trans=trans,
    )
    Path(out).write_bytes(buf.getvalue())
    return len(attrs)


def _slots(tf: _TypeFeats) -> tuple[list[str], ...]:
    """A word type's attribute lists, one label-score vector each: its own, and what it adds
    to the tokens one place after and before it, and two places after and before."""
    return (tf.own, tf.left1, tf.right1, tf.left2, tf.right2)


class Weights:
    """A model's labels, attribute -> label-weight rows, and label-to-label transitions."""

    def __init__(self, labels: list[str], attrs: list[str], state: np.ndarray,
                 trans: np.ndarray) -> None:
        if state.shape != (len(attrs), len(labels)) or trans.shape != (len(labels),) * 2:
            raise ResourceMissing("the NER weights are inconsistent.",
                                  hint="Re-export them with `python scripts/train_ner.py --export`.")
        self.labels: tuple[str, ...] = tuple(labels)
        self.state = state
        self.trans = trans
        self.index: dict[str, int] = {a: k for k, a in enumerate(attrs)}

    @classmethod
    def from_bytes(cls, data: bytes) -> Weights:
        """Weights written by :func:`export_weights`."""
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            labels = z["labels"].tobytes().decode("utf-8").split("\n")
            attrs = z["attrs"].tobytes().decode("utf-8").split("\n")
            return cls(labels, attrs, z["state"], z["trans"])

    @classmethod
    def from_model(cls, model_path: str | Path) -> Weights:
        """Weights read straight from a crfsuite model file."""
        return cls(*_from_model(model_path))

    def vector(self, feats: list[str]) -> np.ndarray:
        """The summed label weights of a list of attributes (unknown ones weigh nothing)."""
        idx = self.index
        rows = [k for f in feats if (k := idx.get(f)) is not None]
        if not rows:
            return np.zeros(len(self.labels))
        return self.state[rows].sum(axis=0)


class Decoder:
    """Tags whole documents (lists of folded token lists) with exported CRF weights."""

    def __init__(self, weights: Weights, feats: Featurizer, cache_size: int = 50_000,
                 table: TypeTable | None = None) -> None:
        self.w = weights
        self.feats = feats
        self.labels = weights.labels
        n = len(weights.labels)
        self._n = n
        self.trans = weights.trans
        self.cache_size = cache_size
        # pair attributes: first word -> second word -> (vector of the second token, of the first)
        pairs: dict[str, dict[str, list[np.ndarray]]] = {}
        for a, k in weights.index.items():
            for pre, slot in ((_PAIR_NEXT, 0), (_PAIR_PREV, 1)):
                if a.startswith(pre):
                    ab = a[len(pre):]
                    # every split at a "|": a token may be "|" itself
                    for i in (i for i, ch in enumerate(ab) if ch == "|"):
                        v = pairs.setdefault(ab[:i], {}).setdefault(
                            ab[i + 1:], [np.zeros(n), np.zeros(n)])
                        v[slot] = v[slot] + weights.state[k]
        self._pairs = pairs
        self._seconds = frozenset(x for by in pairs.values() for x in by)
        self._phrase_seconds: frozenset[str] | None = None
        self._gvec: dict[str, np.ndarray] = {}
        t = self.trans
        self._tt = np.ascontiguousarray(t.T)  # [label, previous label]
        self._base = (np.arange(256) * n * n)[:, None] + np.arange(n) * n  # flat [row, label]
        self._lock = threading.Lock()  # the word-type tables grow while tagging
        self._index = weights.index
        self._state = np.vstack([weights.state, np.zeros((1, n))])
        self._zero = len(weights.state)
        self._zeros = itertools.repeat(self._zero)
        if table is not None:
            from marsad.ner.typetable import attrs_digest

            if table.digest != attrs_digest(weights.index):
                table = None  # built for another model: its rows would mean other attributes
        self.table = table
        self._reset()

    def row_lists(self, word: str) -> list[list[int]]:
        """The model rows of a word type's five attribute lists, each closed by the zero row
        (what :meth:`_add` sums; :mod:`marsad.ner.typetable` stores them for frequent words)."""
        get, z, zero = self._index.get, self._zeros, self._zero
        return [[*map(get, feats, z), zero] for feats in _slots(self.feats.type_features(word))]

    def _reset(self) -> None:
        n = self._n
        self._ids: dict[str, int] = {}
        self._vec = np.zeros((1024, 5, n))
        self._vec[_START, 1] = self.w.vector(self.feats._start.left1)
        self._vec[_END, 2] = self.w.vector(self.feats._end.right1)
        self._word: list[str] = ["", "", ""]
        self._form: list[str] = ["", "", ""]
        # 1: may start a word pair, 2: a gazetteer phrase; 4: may end a pair, 8: be a phrase's
        # second word
        self._flag = np.zeros(1024, dtype=np.uint8)
        self._ph: list[dict[str, Phrases] | None] = [None, None, None]
        self._used = np.zeros(1024, dtype=np.int64)  # the last document that used each type
        self._docs = 0

    def _shrink(self) -> None:
        """Keep the half of the word types used most recently (between documents)."""
        n_types = len(self._word)
        keep = (np.argsort(self._used[3:n_types], kind="stable")[-(self.cache_size // 2):]
                + 3).tolist()
        keep.sort()
        rows = [_EDGE, _START, _END, *keep]
        self._vec = self._vec[rows]
        self._flag = self._flag[rows]
        self._used = self._used[rows]
        self._word = [self._word[k] for k in rows]
        self._form = [self._form[k] for k in rows]
        self._ph = [self._ph[k] for k in rows]
        self._ids = {w: k for k, w in enumerate(self._word) if k > _END}

    def _add(self, words: list[str]) -> None:
        """Give new word types their ids, flags and five summed weight vectors."""
        k0 = len(self._form)
        while k0 + len(words) > len(self._vec):
            self._vec = np.concatenate([self._vec, np.zeros_like(self._vec)])
            self._flag = np.concatenate([self._flag, np.zeros_like(self._flag)])
            self._used = np.concatenate([self._used, np.zeros_like(self._used)])
        from marsad.ner.features import digit_form, load_resources, phrase_entries

        res = load_resources()
        if self._phrase_seconds is None:
            self._phrase_seconds = frozenset(x for by in res.phrases.values() for x in by)
        # all the vectors at once: an attribute the model does not know, and the end of each
        # slot (never empty then), take the zero row
        get, z, zero = self._index.get, self._zeros, self._zero
        typef = self.feats.type_features
        phrases = phrase_entries
        table_index: dict[str, int] = self.table.index if self.table is not None else {}
        in_table = table_index.get
        pairs, seconds, phrase_seconds = self._pairs, self._seconds, self._phrase_seconds
        rows: list[int] = []
        offs: list[int] = []
        flags: list[int] = []
        made: list[int] = []  # ids whose vectors come from their features
        listed: list[int] = []  # ids of table words, and their places in the table
        places: list[int] = []
        for k, word in enumerate(words, k0):
            t = in_table(word)
            if t is None:
                tf = typef(word)
                for feats in _slots(tf):
                    offs.append(len(rows))
                    rows.extend(map(get, feats, z))
                    rows.append(zero)
                w, ph = tf.w, tf.ph
                made.append(k)
            else:  # the same rows, read from the table (see marsad.ner.typetable)
                w, ph = digit_form(word), phrases(res, word)
                listed.append(k)
                places.append(t)
            flags.append((1 if w in pairs else 0) | (2 if ph else 0)
                         | (4 if w in seconds else 0) | (8 if word in phrase_seconds else 0))
            self._word.append(word)
            self._form.append(w)
            self._ph.append(ph)
            self._ids[word] = k
        n = self._n
        if made:
            self._vec[made] = np.add.reduceat(self._state[rows], offs).reshape(-1, 5, n)
        if listed:
            trows, toffs = self.table.gather(places)  # type: ignore[union-attr]
            self._vec[listed] = np.add.reduceat(self._state[trows], toffs).reshape(-1, 5, n)
        self._flag[k0:k0 + len(words)] = flags

    def _g(self, attr: str) -> np.ndarray:
        v = self._gvec.get(attr)
        if v is None:
            v = self._gvec[attr] = self.w.vector([attr])
        return v

    def scores(self, sents: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        """Token label scores of a document (tokens of all sentences in order), sentence starts."""
        with self._lock:
            return self._scores(sents)

    def _scores(self, sents: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        if len(self._ids) + sum(map(len, sents)) > self.cache_size:
            self._shrink()  # between documents: the ids of one document stay valid
        get = self._ids.get
        known = [list(map(get, words)) for words in sents if words]
        fresh = [k for k, ids in enumerate(known) if None in ids]
        if fresh:  # new word types: all of the document's at once
            nonempty = [words for words in sents if words]
            self._add([w for w in dict.fromkeys(
                itertools.chain.from_iterable(nonempty[k] for k in fresh)) if w not in self._ids])
            for k in fresh:
                known[k] = list(map(get, nonempty[k]))
        seq = [_EDGE, _START]
        starts: list[int] = []
        tok: list[int] = []
        for ids in known:
            starts.append(len(tok))
            tok.extend(ids)  # type: ignore[arg-type]  # no None left
            seq.extend(ids)  # type: ignore[arg-type]
            seq.append(_END)
            seq.append(_START)
        seq[-1] = _EDGE
        seq.append(_EDGE)
        a = np.array(seq)
        here = a[2:-2]
        real = here > _END  # the positions of tokens, not of the sentence separators
        v = self._vec
        s = (v[here, 0] + v[a[1:-3], 1] + v[a[3:-1], 2] + v[a[:-4], 3] + v[a[4:], 4])[real]
        types = here[real]
        self._docs += 1
        self._used[types] = self._docs
        flags = self._flag[types]
        # the word pairs and phrases the model may weigh: a possible first word before a
        # possible second one (sentence starts never follow: their flags are cleared)
        hits = ((flags[:-1] & 1) & (flags[1:] >> 2)) | ((flags[:-1] & 2) & (flags[1:] >> 2))
        if hits.any():
            hits[np.array(starts[1:], dtype=np.intp) - 1] = 0
            if hits.any():
                self._rare(sents, starts, tok, hits, s)
        return s, starts

    def _rare(self, sents: list[list[str]], starts: list[int], tok: list[int],
              flags: np.ndarray, s: np.ndarray) -> None:
        """Add the word-pair and gazetteer-phrase attributes (few tokens have any)."""
        form = self._form
        n = len(tok)
        ends = [*starts[1:], n]
        first = set(starts)
        pairs = self._pairs
        for k in np.flatnonzero(flags & 1).tolist():
            if (k + 1) not in first:
                hit = pairs[form[tok[k]]].get(form[tok[k + 1]])
                if hit is not None:
                    s[k + 1] += hit[0]
                    s[k] += hit[1]
        ph = np.flatnonzero(flags & 2).tolist()
        if not ph:
            return
        # the longest multi-word gazetteer phrases, as :func:`features._phrase_tags` finds them
        words = [w for ws in sents for w in ws]
        phs = self._ph
        g = self._g
        j = e = free = 0
        for k in ph:
            while k >= e:  # the sentence holding token k: [starts[j], e)
                e = ends[j]
                j += 1
                free = 0
            if k < free or k + 1 >= e:
                continue
            for phrase, kind in phs[tok[k]].get(words[k + 1], ()):  # type: ignore[union-attr]
                m = len(phrase)
                if k + m <= e and all(words[k + i] == phrase[i] for i in range(1, m)):
                    sb = starts[j - 1]
                    for i in range(k, k + m):
                        tag = ("B-" if i == k else "I-") + kind
                        s[i] += g("G=" + tag)
                        if i > sb:
                            s[i - 1] += g("+1G=" + tag)
                        if i < e - 1:
                            s[i + 1] += g("-1G=" + tag)
                    free = k + m
                    break

    def viterbi(self, s: np.ndarray, starts: list[int],
                trans: np.ndarray | None = None) -> list[list[str]]:
        """The best label sequence of each sentence, as crfsuite's Viterbi finds it (with
        the model's transition weights, or ``trans`` over the same labels).

        Each sentence is split in two halves: the first is decoded forwards, the second
        backwards from its end, and the best label pair where they meet joins them (half the
        sequential steps). The halves of all the sentences are decoded together, longest
        first, one token position per step: at step ``k`` the rows of the halves longer than
        ``k`` are the first ones.
        """
        n_tok = len(s)
        if not n_tok:
            return []
        t = self.trans if trans is None else trans
        tt = self._tt if trans is None else np.ascontiguousarray(trans.T)
        L = self._n
        ends = [*starts[1:], n_tok]
        # rows: (first token, step between tokens, length, sentence, is the second half)
        halves: list[tuple[int, int, int, int, bool]] = []
        for j, (a, b) in enumerate(zip(starts, ends, strict=True)):
            m = (b - a + 1) // 2
            halves.append((a, 1, m, j, False))
            if b - a > m:
                halves.append((b - 1, -1, b - a - m, j, True))
        halves.sort(key=lambda h: -h[2])  # stable
        B = len(halves)
        T = halves[0][2]
        lens = np.array([h[2] for h in halves], dtype=np.intp)
        steps = np.arange(T)
        valid = steps[:, None] < lens
        pos = (np.array([h[0] for h in halves], dtype=np.intp)
               + steps[:, None] * np.array([h[1] for h in halves], dtype=np.intp))
        ss = s[np.where(valid, pos, 0)]  # [step, row, label]
        active = valid.sum(axis=1).tolist()  # rows still going at each step
        active.append(0)
        backward = np.array([h[4] for h in halves])
        # [row, label, other label]: forwards the previous label (T transposed), backwards
        # the next one (T)
        mats = np.where(backward[:, None, None], t, tt)
        delta = ss[0].copy()
        done = np.empty((B, L))  # each row's scores at its last step
        back = np.empty((T, B, L), dtype=np.intp)
        cand = np.empty((B, L, L))
        if B > len(self._base):  # a batch of documents: more rows than ever before
            self._base = (np.arange(2 * B) * L * L)[:, None] + np.arange(L) * L
        base = self._base
        add = np.add
        flat = cand.ravel()
        for k in range(1, T):
            nk, was = active[k], active[k - 1]
            if nk < was:  # halves of length k end
                done[nk:was] = delta[nk:was]
            add(delta[:nk, None, :], mats[:nk], out=cand[:nk])
            bk = cand[:nk].argmax(axis=2, out=back[k, :nk])
            flat.take(base[:nk] + bk, out=delta[:nk])
            add(delta[:nk], ss[k, :nk], out=delta[:nk])
        last = active[T - 1]
        done[:last] = delta[:last]
        # join: per sentence, the first half's last label i and the second half's first j
        row_of = [[-1, -1] for _ in starts]
        for r, h in enumerate(halves):
            row_of[h[3]][h[4]] = r
        fw = np.array([x[0] for x in row_of], dtype=np.intp)
        bw = np.array([x[1] for x in row_of], dtype=np.intp)
        two = bw >= 0
        best = np.empty((len(starts), 2), dtype=np.intp)
        best[~two, 0] = done[fw[~two]].argmax(axis=1)
        if two.any():
            joint = done[fw[two]][:, :, None] + t + done[bw[two]][:, None, :]
            ij = joint.reshape(len(joint), L * L).argmax(axis=1)
            best[two, 0], best[two, 1] = ij // L, ij % L
        # back[k, r, y] is mv[(k * B + r) * L + y]
        mv = memoryview(back.reshape(-1))  # type: ignore[arg-type]
        bl = best.tolist()
        labels = self.labels
        out: list[list[str]] = []
        for j, (rf, rb) in enumerate(row_of):
            y = bl[j][0]
            path = [y]
            for k in range(halves[rf][2] - 1, 0, -1):
                y = mv[(k * B + rf) * L + y]
                path.append(y)
            path.reverse()
            if rb >= 0:
                y = bl[j][1]
                path.append(y)
                for k in range(halves[rb][2] - 1, 0, -1):
                    y = mv[(k * B + rb) * L + y]
                    path.append(y)
            out.append([labels[x] for x in path])
        return out

    def tag_document(self, sents: list[list[str]]) -> list[list[str]]:
        """BIO labels per sentence."""
        s, starts = self.scores(sents)
        tagged = iter(self.viterbi(s, starts))
        return [next(tagged) if words else [] for words in sents]
