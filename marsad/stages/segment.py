"""Stage ``segment``: sentences, tokens and the clitics inside tokens."""

from __future__ import annotations

from marsad.model.document import Document, Sentence, Token, Word
from marsad.registry import StageFn, stage
from marsad.text.segment import clitics, split_sentences, tokenize


def segment(doc: Document) -> Document:
    ntext = doc.ntext
    norm = doc.norm
    text = doc.text
    sentences = []
    for a, b, kind in split_sentences(ntext):
        sa, sb = norm.span(a, b)
        sent = Sentence(sa, sb, a, b, kind=kind)
        toks = []
        for ta, tb in tokenize(ntext, a, b):
            oa, ob = norm.span(ta, tb)
            ntok = ntext[ta:tb]
            words: tuple[Word, ...] = ()
            if len(ntok) > 3 and ntok[0] in "وفبلكا":
                parts = clitics(ntok)
                if len(parts) > 1:
                    words = tuple(
                        Word(*_w(norm, text, ta + pa, ta + pb), ntok[pa:pb], role)
                        for pa, pb, role in parts
                    )
            toks.append(Token(oa, ob, text[oa:ob], ta, tb, ntok, words))
        sent.tokens = toks
        sentences.append(sent)
    doc.sentences = sentences
    return doc


def _w(norm, text: str, a: int, b: int) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    oa, ob = norm.span(a, b)
    return oa, ob, text[oa:ob]


@stage("segment", assigns=("sentences", "tokens"))
def make_segment() -> StageFn:
    return segment
