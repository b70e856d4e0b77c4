"""The short cuts of the events and actors stages give the answers of the long way.

The lexicon is built in bulk with the garbage collector paused, ``read_flags`` reads a
sentence once for all its candidates, candidates their flags drop get no filter features,
and actor spans keep their codes across articles (a bounded table).
"""

from __future__ import annotations

import gc

import pytest
from conftest import make_doc

import marsad.stages.actors as actors_stage
from marsad.events.candidates import Candidate, sentence_candidates
from marsad.events.flags import Flags, read_flags
from marsad.events.roles import clause_start
from marsad.stages.events import candidate_features, dropped_by_flags, keep_candidate
from marsad.text.normalize import fold
from marsad.text.triggers import NOT_FORMS, lexicon, lookup


def test_lexicon_keeps_every_entry_of_a_shared_form_in_order() -> None:
    hits = lexicon().forms[fold("أطلق")]
    types = [e.type for e, _tail in hits]
    # «أطلق النار» (ASSAULT) is listed before «أطلق هتافات مؤيدة» (SUPPORT)
    assert "ASSAULT" in types and "SUPPORT" in types
    assert types.index("ASSAULT") < types.index("SUPPORT")
    assert len({id(e) for e, _tail in hits}) == len(hits)  # no entry twice


def test_lexicon_leaves_out_the_words_that_are_other_words() -> None:
    forms = lexicon().forms
    assert not NOT_FORMS & forms.keys()
    assert lookup("وزاره") == ()  # «وزارة», not و + «زاره»
    assert lookup(fold("وقتل"))  # a conjunction before a form is still found


@pytest.mark.parametrize("enabled", [True, False])
def test_lexicon_build_restores_the_collector(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        built = lexicon.__wrapped__()  # a fresh build, not the cached one
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    cached = lexicon()
    assert built.forms.keys() == cached.forms.keys()
    assert [e.key for e in built.entries] == [e.key for e in cached.entries]


def _flags_of(text: str, word: str, pos: str) -> Flags:
    doc = make_doc(text, "2022-01-06", ("figures", "dates"))
    sent = doc.sentences[0]
    k = next(i for i, t in enumerate(sent.tokens) if t.norm == fold(word))
    return read_flags(doc.ntext, sent, k, pos, sent.tokens[k].norm, doc.published,
                      clause_start(sent, k))


def test_flags_of_one_sentence_do_not_leak_into_the_next() -> None:
    old = "وكان الهجوم على السفارة في عام 2012 قد أسفر عن مقتل السفير."
    new = "هاجم مسلحون دورية للشرطة صباح اليوم في الموصل."
    for _ in range(2):  # alternate: each sentence is read afresh
        a = _flags_of(old, "الهجوم", "n")
        assert a.historical and a.old_year and not a.present
        b = _flags_of(new, "هاجم", "v")
        assert b.present and not b.historical and not b.old_year and b.asserted


def test_since_and_earlier_cues() -> None:
    assert _flags_of("ويشهد البلد منذ سنوات اشتباكات متقطعة.", "اشتباكات", "n").historical
    assert not _flags_of("ويشهد البلد منذ الصباح اشتباكات متقطعة.", "اشتباكات", "n").historical
    assert _flags_of("وقتل مسلحون جنديا في وقت سابق في المدينة.", "وقتل", "v").background
    assert not _flags_of("وقتل مسلحون جنديا في وقت سابق من اليوم في المدينة.", "وقتل",
                         "v").background


def test_flags_drop_whatever_the_filter_says() -> None:
    entry = lexicon().forms["قتل"][0][0]
    cand = Candidate(entry, 0, 0, 0, 3, "قتل")
    assert dropped_by_flags(cand, Flags(goal=True))
    assert not keep_candidate(cand, Flags(goal=True), 1.0, 0.0)
    assert dropped_by_flags(cand, Flags(future=True))  # a material act to come
    assert not dropped_by_flags(cand, Flags(asserted=True, present=True))
    assert keep_candidate(cand, Flags(asserted=True), 0.9, 0.5)


def test_dropped_candidates_get_no_filter_features() -> None:
    doc = make_doc("دعا الوزير إلى وقف الهجمات، وقتل مسلحون ثلاثة جنود أمس.", "2022-01-06",
                   ("figures", "dates", "quotes", "entities", "places"))
    sent = doc.sentences[0]
    cands = sentence_candidates(doc.ntext, sent, 0)
    full = {c.form: feats for c, _fl, feats in candidate_features(doc, sent, cands)}
    short = {c.form: (fl, feats) for c, fl, feats in
             candidate_features(doc, sent, cands, skip_dropped=True)}
    assert short["الهجمات"][0].goal and short["الهجمات"][1] == []  # «وقف الهجمات»: a goal
    assert full["الهجمات"]  # features all the same without the short cut
    assert short["وقتل"][1] == full["وقتل"] and full["وقتل"]


def test_span_codes_are_kept_in_a_bounded_table() -> None:
    actors_stage.code_span.cache_clear()
    spans = [fold(s) for s in ("الجيش الإسرائيلي", "الشرطة الكازاخية", "حركة حماس",
                               "وزارة الخارجية الروسية", "بعد ظهر اليوم", "الجيش الإسرائيلي")]
    for s in spans:
        assert actors_stage.code_span(s) == actors_stage._code_span(s)
    info = actors_stage.code_span.cache_info()
    assert info.maxsize is not None and info.currsize <= info.maxsize
    assert info.currsize == 5 and info.hits == 1  # the repeated span came from the table
    assert actors_stage.code_span(fold("حركة حماس")).country == "PSE"
    assert actors_stage.code_span(fold("بعد ظهر اليوم")).country is None
