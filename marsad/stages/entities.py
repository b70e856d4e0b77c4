"""Stage ``entities``: named entities (PERS, ORG, LOC, MISC) from the shipped CRF tagger.

Each sentence's folded tokens are tagged by :mod:`marsad.ner.tagger`; names recognised once
are propagated to their other occurrences in the document; every entity becomes an
:class:`Entity` whose span slices the original text. By default a conjunction/preposition
glued before the article is left out of the span («والقاهرة» -> «القاهرة»), as the token's
clitic split gives it; ``whole_tokens=True`` keeps whole tokens (the ANERcorp convention).
"""

from __future__ import annotations

from marsad.model.document import Document, Token
from marsad.model.records import Entity
from marsad.ner.tagger import Tagger, default_tagger, tag_document
from marsad.registry import StageFn, stage


def _start(tok: Token) -> int:
    """Folded start of a token, after any conjunction/preposition before the article."""
    for w in tok.words:
        if w.role == "prefix" and w.norm == "ال":
            return tok.nstart + (tok.norm.find("ال") if tok.norm.find("ال") >= 0 else 0)
        if w.role == "stem":
            break
    return tok.nstart


def entities(doc: Document, tagger: Tagger | None = None, whole_tokens: bool = False) -> Document:
    """Fill ``doc.entities``; the document must be segmented."""
    sents = [[t.norm for t in s.tokens] for s in doc.sentences]
    found = tag_document(sents, tagger or default_tagger())
    out: list[Entity] = []
    for s, spans in zip(doc.sentences, found, strict=True):
        toks = s.tokens
        for a, b, label in spans:
            first = toks[a]
            na = first.nstart if whole_tokens else _start(first)
            out.append(Entity(doc.span(na, toks[b - 1].nend), label))
    doc.entities = out
    return doc


@stage("entities", requires=("sentences", "tokens"), assigns=("entities",))
def make_entities() -> StageFn:
    tagger = default_tagger()
    return lambda doc: entities(doc, tagger)
