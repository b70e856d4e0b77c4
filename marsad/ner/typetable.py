"""Precomputed NER attribute rows of frequent word types (``marsad/data/ner-types.npz``).

The decoder (:mod:`marsad.ner.crf`) meets each word type once per process and then computes
its features (:meth:`marsad.ner.features.Featurizer.type_features`) and looks each one up in
the model: about 15 us a type, which in a run of a few thousand articles is a third of the
tagging time, because most of a run's word types are new to it. This table holds, for the
90,000 most frequent words of the shipped word counts (``wordfreq.tsv.gz``), the model rows
of those features, per slot (the word itself, and what it adds to the tokens one and two
places before and after it), exactly as the decoder would compute them. A word in the table
then costs one dictionary look-up; its vectors are summed from the same rows in the same
order, so tagging is unchanged (``tests/test_entities.py`` checks both).

The table belongs to one model and one feature set: it records a digest of the model's
attribute list, and a table that does not match the weights in use is ignored. It is
rebuilt by ``python scripts/train_ner.py --export`` whenever the model or the features change.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np


def attrs_digest(attrs: Iterable[str]) -> str:
    """A digest of a model's attributes in row order (the table's row ids index them)."""
    h = hashlib.sha1()
    for a in attrs:
        h.update(a.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


class TypeTable:
    """Word -> its rows per slot (the attribute lists the decoder sums: the word's own, and
    what it adds to its neighbours), each slot closed by the model's zero row (for reduceat)."""

    def __init__(self, words: Sequence[str], rows: np.ndarray, lens: np.ndarray,
                 digest: str) -> None:
        self.words = list(words)
        self.index = {w: k for k, w in enumerate(self.words)}
        self.rows = rows  # all words' rows, slot by slot, each slot ending with the zero row
        self.lens = lens  # [word, slot]: rows in the slot, its zero row included
        self.starts = np.concatenate([[0], np.cumsum(lens.sum(axis=1))]).astype(np.int64)
        self.digest = digest

    @classmethod
    def build(cls, words: Iterable[str], row_lists: Callable[[str], list[list[int]]],
              digest: str) -> TypeTable:
        """A table of ``words``; ``row_lists(word)`` gives its row list per slot, each closed
        by the zero row."""
        kept: list[str] = []
        flat: list[int] = []
        lens: list[list[int]] = []
        for w in dict.fromkeys(words):
            slots = row_lists(w)
            kept.append(w)
            lens.append([len(s) for s in slots])
            for s in slots:
                flat.extend(s)
        dtype = np.uint16 if not flat or max(flat) < 2**16 else np.uint32
        slots = len(lens[0]) if lens else 1
        return cls(kept, np.array(flat, dtype=dtype),
                   np.array(lens, dtype=np.uint8).reshape(-1, slots), digest)

    def save(self, path: str | Path) -> int:
        """Write the table (compressed); returns its size in bytes."""
        buf = io.BytesIO()
        np.savez_compressed(
            buf, words=np.frombuffer("\n".join(self.words).encode("utf-8"), dtype=np.uint8),
            rows=self.rows, lens=self.lens,
            digest=np.frombuffer(self.digest.encode("ascii"), dtype=np.uint8))
        Path(path).write_bytes(buf.getvalue())
        return len(buf.getvalue())

    @classmethod
    def from_bytes(cls, data: bytes) -> TypeTable:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            words = z["words"].tobytes().decode("utf-8").split("\n")
            return cls(words, z["rows"], z["lens"], z["digest"].tobytes().decode("ascii"))

    def gather(self, ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The rows of the table words ``ids`` and the start of each of their slots, as
        :func:`numpy.add.reduceat` takes them (one segment per slot of each word, in order)."""
        k = np.asarray(ids, dtype=np.intp)
        lens = self.lens[k].astype(np.intp)  # [word, slot]
        sizes = lens.sum(axis=1)
        total = int(sizes.sum())
        # positions in self.rows: each word's run, laid end to end
        out_start = np.cumsum(sizes) - sizes
        pos = np.repeat(self.starts[k] - out_start, sizes) + np.arange(total)
        offs = np.cumsum(lens.ravel()) - lens.ravel()
        return self.rows[pos].astype(np.intp), offs
