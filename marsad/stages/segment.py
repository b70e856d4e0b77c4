"""Stage ``segment``: sentences, tokens and the clitics inside tokens.

Everything is computed on the folded text and mapped back to the original through the
offset maps of :class:`~marsad.text.normalize.Normalized` (list look-ups, no search per
token). A token's clitic analysis and its :class:`Word` objects are made the first time
someone reads ``token.words``: few tokens are ever asked (the first word of an entity, the
head of a role phrase), and analysing every new spelling up front cost a quarter of the
stage. Analyses are cached per distinct spelling.
"""

from __future__ import annotations

from marsad.model.document import Document, Sentence, Token, Word
from marsad.registry import StageFn, stage
from marsad.text.clitics import analyze
from marsad.text.segment import split_sentences, token_iter

Parts = tuple[tuple[int, int, str, str], ...]  # (start, end, role, norm) in the token
_parts_cache: dict[str, Parts] = {}
_CACHE_MAX = 100_000  # distinct spellings kept (a few tens of MB at most)
_new = object.__new__


class _Ctx:
    """What a lazy token needs to build its words: the document's text and offset maps."""

    __slots__ = ("text", "starts", "ends", "identity")

    def __init__(self, text: str, starts: list[int], ends: list[int], identity: bool) -> None:
        self.text, self.starts, self.ends, self.identity = text, starts, ends, identity


class LazyToken(Token):
    """A :class:`Token` whose ``words`` slot stays empty until first read, then is built
    from the token's clitic parts (``__getattr__`` is only reached while the slot is empty)."""

    __slots__ = ("_ctx",)

    def __getattr__(self, name: str) -> tuple[Word, ...]:
        if name != "words":
            raise AttributeError(name)
        try:
            words = self._build()
        except AttributeError:  # a copy without its context (pickled): nothing to build from
            words = ()
        self.words = words
        return words

    def _build(self) -> tuple[Word, ...]:
        ctx = self._ctx
        parts = _parts_cache.get(self.text)
        if parts is None:
            parts = _analyze(self.text, self.norm)
        if not parts:
            return ()
        ta = self.nstart
        if ctx.identity:
            oa, otok = self.start, self.text
            return tuple([Word(oa + pa, oa + pb, otok[pa:pb], norm, role)
                          for pa, pb, role, norm in parts])
        starts, ends, text = ctx.starts, ctx.ends, ctx.text
        return tuple([Word(starts[ta + pa], ends[ta + pb], text[starts[ta + pa]:ends[ta + pb]],
                           norm, role) for pa, pb, role, norm in parts])


def _analyze(otok: str, ntok: str) -> Parts:
    """Clitic parts of a token from its original spelling, cached per spelling."""
    if len(ntok) < 3 or not ("\u0621" <= ntok[0] <= "\u064a"):
        parts: Parts = ()
    else:
        parts = analyze(ntok, otok[-1] == "ة", otok[0] in "أإآ")
    if len(_parts_cache) < _CACHE_MAX:
        _parts_cache[otok] = parts
    return parts


def segment(doc: Document) -> Document:
    ntext = doc.ntext
    text = doc.text
    identity = doc.norm.identity
    starts, ends = ([], []) if identity else doc.norm.offset_maps()
    ctx = _Ctx(text, starts, ends, identity)
    sentences = []
    for a, b, kind in split_sentences(ntext):
        toks: list[Token] = []
        append = toks.append
        for m in token_iter(ntext, a, b):
            ta, tb = m.span()
            if identity:  # same offsets; letters may still differ (أ → ا)
                oa, ob = ta, tb
            else:
                oa, ob = starts[ta], ends[tb]
            # filled slot by slot: no __init__ call, ``words`` left empty
            tok = _new(LazyToken)
            tok.start, tok.end, tok.text, tok.nstart, tok.nend, tok.norm = (
                oa, ob, text[oa:ob], ta, tb, m.group())
            tok._ctx = ctx
            append(tok)
        if identity:
            sentences.append(Sentence(a, b, a, b, toks, kind))
        else:
            sentences.append(Sentence(starts[a], ends[b], a, b, toks, kind))
    doc.sentences = sentences
    return doc


@stage("segment", assigns=("sentences", "tokens"))
def make_segment() -> StageFn:
    return segment
