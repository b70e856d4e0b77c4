"""Arabic normalisation with an offset map back to the original text.

Extractors match on a folded copy of the article (no diacritics or tatweel, one alef,
ya for alef maqsura, ha for ta marbuta, ASCII digits, no bidi marks, NFKC), but every
span they emit must slice the *original* text. :class:`Normalized` holds the folded
string and maps any ``[start, end)`` in it back to original offsets.

Design: most characters fold one-to-one (alef forms, digits, ya, ta marbuta), so they
are done with ``str.translate`` and keep their offsets. Only characters that vanish
(diacritics, tatweel, bidi marks) or expand (NFKC ligatures) need a map; a text
without them (most news) gets the identity map for free. Combining marks are merged
into the letter before them, so a span that ends on a letter also covers its marks.

No library offers this: pyarabic (GPL) and camel-tools normalise without offsets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# One-to-one folds: same length, offsets unchanged.
_FOLD_1TO1 = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك",
    "٫": ".", "٬": ",", "\u066a": "%", "\r": " ", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2007": " ",
}
for _i in range(10):
    _FOLD_1TO1[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD_1TO1[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits
_TRANSLATE = str.maketrans(_FOLD_1TO1)
_FOLD_ITEMS = tuple(_FOLD_1TO1.items())


def _fold_chars(text: str) -> str:
    """The one-to-one folds of ``text``. On an article, one ``str.replace`` per folded
    character that occurs is about ten times faster than ``str.translate`` (a dict look-up
    per character); short strings go through the table."""
    if len(text) < 64:
        return text.translate(_TRANSLATE)
    for a, b in _FOLD_ITEMS:
        if a in text:
            text = text.replace(a, b)
    return text

# Characters that vanish: Arabic diacritics, Quranic marks, tatweel.
_COMBINING = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
# Invisible format characters: bidi marks and embeddings, zero-width joiners, BOM.
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"
# Characters that NFKC expands or changes (presentation forms, ligatures, full-width).
_COMPAT = "\ufb50-\ufdff\ufe70-\ufeff\uff01-\uff5e\u2000-\u2006\u2008\u200a"

# A base character plus its marks; a lone invisible; a compatibility character.
_NEEDS_MAP = re.compile(
    rf"[^{_COMBINING}{_INVISIBLE}]?[{_COMBINING}]+|[{_INVISIBLE}]+|[{_COMPAT}]"
)

DIACRITICS_RE = re.compile(f"[{_COMBINING}]")
# Any character of the three kinds: one plain class, scanned about 15 times faster than
# _NEEDS_MAP, which tries three alternatives at every position of the text.
_SPECIAL = re.compile(f"[{_COMBINING}{_INVISIBLE}{_COMPAT}]")


def _units(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NEEDS_MAP.finditer(text)``, found from the special characters.

    A match holds at least one special character and can start one character before it
    (the letter that carries a mark), so only those two positions are tried.
    """
    pos = 0
    search, match = _SPECIAL.search, _NEEDS_MAP.match
    while (s := search(text, pos)) is not None:
        j = s.start()
        m = (match(text, j - 1) if j > pos else None) or match(text, j)
        assert m is not None  # each special character matches an alternative by itself
        yield m
        pos = m.end()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The folded form of ``text`` (for lexicon entries and look-ups); no offsets.

    Cached: stages fold the same short strings (actor spans, names) over and over."""
    if _SPECIAL.search(text) is None:
        return _fold_chars(text)
    return Normalized(text).text


@lru_cache(maxsize=4096)
def _fold_unit(unit: str) -> str:
    base = unit[0]
    if base in _INVISIBLE_SET or _is_combining(base):
        return ""
    # NFKC may itself give marks (ﱛ → ذ + superscript alef): drop them too
    out = DIACRITICS_RE.sub("", unicodedata.normalize("NFKC", base))
    return out.translate(_TRANSLATE)


def _is_combining(ch: str) -> bool:
    return ch == "\u0640" or bool(DIACRITICS_RE.match(ch))


_INVISIBLE_SET = {chr(c) for c in range(0x200B, 0x2010)} | {
    "\u061c", "\ufeff", "\u00ad", *(chr(c) for c in range(0x202A, 0x202F)),
    *(chr(c) for c in range(0x2066, 0x206A)),
}


class Normalized:
    """A folded copy of a text plus the map from its offsets to the original's."""

    __slots__ = ("original", "text", "_nstarts", "_segs", "_mapped", "_maps")

    def __init__(self, original: str) -> None:
        self.original = original
        # Segments: (norm_start, norm_end, orig_start, orig_end, identity)
        self._segs: list[tuple[int, int, int, int, bool]] = []
        self._nstarts: list[int] = []
        self._mapped = False  # True when some character vanished or expanded
        self._maps: tuple[list[int], list[int]] | None = None  # offset_maps(), once built
        if _SPECIAL.search(original) is None:
            self.text = _fold_chars(original)
            return
        self._mapped = True
        pieces: list[str] = []
        npos = opos = 0
        for m in _units(original):
            a, b = m.span()
            if a > opos:
                chunk = original[opos:a]
                self._segs.append((npos, npos + len(chunk), opos, a, True))
                pieces.append(chunk)
                npos += len(chunk)
            rep = _fold_unit(m.group())
            self._segs.append((npos, npos + len(rep), a, b, False))
            pieces.append(rep)
            npos += len(rep)
            opos = b
        if opos < len(original):
            chunk = original[opos:]
            self._segs.append((npos, npos + len(chunk), opos, len(original), True))
            pieces.append(chunk)
        # one-to-one folds keep lengths, and the mapped pieces are folded already
        self.text = _fold_chars("".join(pieces))
        # Empty (deleted) segments never hold a norm index; drop them from the search list.
        self._segs = [s for s in self._segs if s[1] > s[0]]
        self._nstarts = [s[0] for s in self._segs]

    @property
    def identity(self) -> bool:
        """True when offsets in :attr:`text` equal offsets in the original."""
        return not self._mapped

    def _seg(self, i: int) -> tuple[int, int, int, int, bool]:
        k = bisect.bisect_right(self._nstarts, i) - 1
        return self._segs[max(k, 0)]

    def start(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i``."""
        if not self._mapped:
            return i
        if i >= len(self.text):
            return len(self.original)
        ns, _ne, os_, _oe, ident = self._seg(max(i, 0))
        return os_ + (max(i, 0) - ns) if ident else os_

    def end(self, j: int) -> int:
        """Original offset just after the character ending at normalised offset ``j``."""
        if not self._mapped:
            return j
        if j <= 0:
            return 0
        ns, _ne, os_, oe, ident = self._seg(j - 1)
        return os_ + (j - ns) if ident else oe

    def offset_maps(self) -> tuple[list[int], list[int]]:
        """``(starts, ends)`` with ``starts[i] == self.start(i)`` and ``ends[j] ==
        self.end(j)`` for ``0 <= i, j <= len(text)``: for callers that map many spans.
        Built once; :meth:`span` uses them from then on."""
        if self._maps is not None:
            return self._maps
        n = len(self.text)
        if not self._mapped:
            ident = list(range(n + 1))
            return ident, ident
        starts = [0] * (n + 1)
        ends = [0] * (n + 1)
        for ns, ne, os_, oe, ident_seg in self._segs:
            size = ne - ns
            if ident_seg:
                starts[ns:ne] = range(os_, os_ + size)
                ends[ns + 1 : ne + 1] = range(os_ + 1, os_ + size + 1)
            else:
                starts[ns:ne] = [os_] * size
                ends[ns + 1 : ne + 1] = [oe] * size
        starts[n] = len(self.original)
        self._maps = (starts, ends)
        return starts, ends

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[i, j)``."""
        if not self._mapped:
            return (i, i) if j <= i else (i, j)
        maps = self._maps
        if maps is not None and 0 <= i < j <= len(self.text):  # two list look-ups
            return maps[0][i], maps[1][j]
        if j <= i:
            s = self.start(i)
            return s, s
        return self.start(i), self.end(j)
