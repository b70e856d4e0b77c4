"""The table of frequent word types gives the decoder exactly what computing features gives."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from marsad.ner.crf import Weights
from marsad.ner.tagger import TYPES, Tagger, _type_table, default_tagger
from marsad.ner.typetable import TypeTable, attrs_digest

SENTENCES = [
    "وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن الوفد سيزور أنقرة الأسبوع المقبل".split(),
    "واعتقلت الشرطة الكازاخية في ألماتي 2022 شخصا بحسب وكالة سبوتنيك".split(),
    "أعلنت منظمة معاهدة الأمن الجماعي إرسال قوات حفظ سلام إلى كازاخستان".split(),
]


def _weights() -> Weights:
    return Weights.from_bytes(resources.files("marsad.data").joinpath("ner-weights.npz")
                              .read_bytes())


def test_the_shipped_table_belongs_to_the_shipped_weights() -> None:
    table = _type_table()
    assert table is not None, f"marsad/data/{TYPES} is missing: run scripts/train_ner.py --export"
    assert table.digest == attrs_digest(_weights().index), \
        "the type table was built for another model: run scripts/train_ner.py --export"
    assert len(table.words) >= 50_000
    assert default_tagger().decoder.table is not None


def test_table_rows_give_the_vectors_and_flags_features_give() -> None:
    table = _type_table()
    assert table is not None
    plain = Tagger(weights=_weights()).decoder
    fast = Tagger(weights=_weights(), table=table).decoder
    words = [*table.words[:4000:9], "وقال", "بالقاهرة", "xyz", "2022", "12.5", "«", "لافروف"]
    assert any(w not in table.index for w in words) and any(w in table.index for w in words)
    plain._add(words)
    fast._add(words)
    ids = [plain._ids[w] for w in words]
    assert ids == [fast._ids[w] for w in words]
    assert np.array_equal(plain._vec[ids], fast._vec[ids])  # same rows, same order: exact
    assert np.array_equal(plain._flag[ids], fast._flag[ids])
    assert plain._form == fast._form and plain._ph == fast._ph


def test_tags_are_the_same_with_and_without_the_table() -> None:
    table = _type_table()
    plain = Tagger(weights=_weights())
    fast = Tagger(weights=_weights(), table=table)
    tags = plain.tag_sentences(SENTENCES)
    assert tags == fast.tag_sentences(SENTENCES)
    assert any(t != "O" for sent in tags for t in sent)


def test_a_table_of_another_model_is_ignored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = _weights()
    dec = Tagger(weights=w).decoder
    table = TypeTable.build(["قال", "الشرطة"], dec.row_lists, attrs_digest(["other", "attrs"]))
    path = tmp_path / "t.npz"
    table.save(path)
    back = TypeTable.from_bytes(path.read_bytes())
    assert back.words == ["قال", "الشرطة"] and back.digest == table.digest
    assert Tagger(weights=w, table=back).decoder.table is None
    same = TypeTable.build(["قال", "الشرطة"], dec.row_lists, attrs_digest(w.index))
    assert Tagger(weights=w, table=same).decoder.table is same


@pytest.mark.parametrize("ids", [[0], [1, 0], [0, 1, 1]])
def test_gather_lays_out_each_words_slots_in_order(ids: list[int]) -> None:
    rows = [[[1, 9], [9], [2, 3, 9], [9], [4, 9]], [[5, 6, 7, 9], [9], [9], [8, 9], [9]]]
    table = TypeTable.build(["a", "b"], lambda w: rows[0 if w == "a" else 1], "d")
    flat, offs = table.gather(ids)
    expect = [r for k in ids for slot in rows[k] for r in slot]
    assert flat.tolist() == expect
    lens = [len(slot) for k in ids for slot in rows[k]]
    assert offs.tolist() == [sum(lens[:i]) for i in range(len(lens))]
