"""Stage ``entities``: named entities (PERS, ORG, LOC, MISC) from the shipped tagger (a CRF
rescored by a small neural network, :mod:`marsad.ner.tagger`).

Each sentence's folded tokens are tagged by :mod:`marsad.ner.tagger`; names recognised once
are propagated to their other occurrences in the document; every entity becomes an
:class:`Entity` whose span slices the original text. By default a conjunction/preposition
glued before the article is left out of the span («والقاهرة» -> «القاهرة»), as the token's
clitic split gives it; ``whole_tokens=True`` keeps whole tokens (the ANERcorp convention).
"""

from __future__ import annotations

from marsad.model.document import Document, Token
from marsad.model.records import Entity
from marsad.ner.tagger import Tagger, default_tagger, tag_documents
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
    return entities_batch([doc], tagger, whole_tokens)[0]


def entities_batch(docs: list[Document], tagger: Tagger | None = None,
                   whole_tokens: bool = False) -> list[Document]:
    """:func:`entities` over several documents, tagged together (the same entities, faster)."""
    found = tag_documents([[[t.norm for t in s.tokens] for s in doc.sentences] for doc in docs],
                          tagger or default_tagger())
    for doc, per_sentence in zip(docs, found, strict=True):
        out: list[Entity] = []
        for s, spans in zip(doc.sentences, per_sentence, strict=True):
            toks = s.tokens
            for a, b, label in spans:
                first = toks[a]
                na = first.nstart if whole_tokens else _start(first)
                out.append(Entity(doc.span(na, toks[b - 1].nend), label))
        doc.entities = out
    return docs


class _Entities:
    """The stage: one document, or a batch of them (:meth:`marsad.pipeline.Pipeline.process_batch`)."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger

    def __call__(self, doc: Document) -> Document:
        return entities(doc, self.tagger)

    def batch(self, docs: list[Document]) -> list[Document]:
        return entities_batch(docs, self.tagger)


@stage("entities", requires=("sentences", "tokens"), assigns=("entities",))
def make_entities() -> StageFn:
    return _Entities(default_tagger())
