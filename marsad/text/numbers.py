"""Number expressions in folded Arabic text: digits, number words, compounds, vague amounts.

:func:`find_numbers` scans a folded text (see :mod:`marsad.text.normalize`: digits are
ASCII, ``٬`` is ``,`` and ``٫`` is ``.``) with one regex for number *atoms* (a run of
digits or one number word with its و/ف/ب/ل clitics; :data:`SCAN_RE`, whose groups other
scanners can reuse through :func:`atom_from_match`), then :func:`group_atoms` joins
neighbouring atoms that form one Arabic number by the grammar of cardinals:

- teens: a unit then عشر/عشرة (ثلاثة عشر → 13, أحد عشر → 11);
- tens after و: خمسة وعشرون → 25;
- hundreds: ثلاثمائة, ثلاث مئة → 300; مئتان → 200; نصف مليون → 500,000;
- scales multiply what precedes them: ثلاثة آلاف → 3000, 8 آلاف, 1.5 مليون;
- smaller parts after و add up: ثلاثة آلاف وخمسمائة → 3500; مليون ونصف → 1,500,000;
  13 ألفا و706 → 13,706;
- vague amounts get a conventional value: عشرات → 10, مئات → 100, آلاف → 1000,
  بضعة/عدة → 3, and combine (عشرات الآلاف → 10,000).

Two numbers side by side that Arabic does not combine (بين 10 و15، ثلاثة وأربعة) stay
two expressions; ranges are the figures stage's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.text.normalize import fold
from marsad.text.trie import trie_pattern

# Word classes of the cardinal grammar.
UNIT = "unit"  # 1-9
TEN10 = "ten10"  # عشر/عشرة: 10 alone, +10 after a unit (teens)
TEN = "ten"  # 20-90
HUNDRED = "hundred"  # مائة/مئة: 100 alone, x100 after a unit 3-9
HUNDREDS = "hundreds"  # a complete hundreds word: مئتان, ثلاثمائة
SCALE = "scale"  # ألف, مليون, مليار (singular)
SCALE_PL = "scale_pl"  # آلاف, ملايين, مليارات (plural: multiplies, or vague alone)
SCALE2 = "scale2"  # ألفان, مليونين (dual: 2 x scale)
HALF = "half"  # نصف after a scale: مليون ونصف
VAGUE = "vague"  # عشرات, مئات, بضعة, عدة
DIGITS = "digits"

_UNITS: dict[int, tuple[str, ...]] = {
    1: ("واحد", "واحدة", "واحدا", "واحدًا", "أحد", "إحدى"),
    2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي", "إثنان", "إثنين"),
    3: ("ثلاث", "ثلاثة"),
    4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"),
    6: ("ست", "ستة"),
    7: ("سبع", "سبعة"),
    8: ("ثمان", "ثماني", "ثمانية"),
    9: ("تسع", "تسعة"),
}
_TENS: dict[int, tuple[str, ...]] = {
    20: ("عشرون", "عشرين"),
    30: ("ثلاثون", "ثلاثين"),
    40: ("أربعون", "أربعين"),
    50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"),
    70: ("سبعون", "سبعين"),
    80: ("ثمانون", "ثمانين"),
    90: ("تسعون", "تسعين"),
}
_HUNDRED_WORDS = ("مائة", "مئة")
_HUNDRED_UNITS: dict[int, tuple[str, ...]] = {
    3: ("ثلاث",), 4: ("أربع",), 5: ("خمس",), 6: ("ست",), 7: ("سبع",), 8: ("ثمان", "ثماني"),
    9: ("تسع",),
}
_TWO_HUNDRED = ("مائتان", "مائتين", "مائتا", "مائتي", "مئتان", "مئتين", "مئتا", "مئتي")
_SCALES: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # value: (singular, plural, dual)
    1_000: (("ألف", "ألفا", "ألفًا"), ("آلاف", "الآلاف", "ألوف", "الألوف"),
            ("ألفان", "ألفين", "ألفا", "ألفي")),
    1_000_000: (("مليون", "مليونا", "مليونًا"), ("ملايين", "الملايين"),
                ("مليونان", "مليونين", "مليوني")),
    1_000_000_000: (("مليار", "مليارا", "مليارًا", "بليون"), ("مليارات", "المليارات"),
                    ("ملياران", "مليارين", "مليناري")),
}
_VAGUE: dict[int, tuple[str, ...]] = {
    10: ("عشرات", "العشرات"),
    100: ("مئات", "مئات", "المئات", "مئآت"),
    3: ("بضع", "بضعة", "عدة"),
}
_HALF = ("نصف",)

# The folded lexicon: word -> (value, class).
LEXICON: dict[str, tuple[int, str]] = {}


def _add(words: tuple[str, ...], value: int, cls: str) -> None:
    for w in words:
        LEXICON.setdefault(fold(w), (value, cls))


for _v, _ws in _UNITS.items():
    _add(_ws, _v, UNIT)
_add(("عشر", "عشرة"), 10, TEN10)
for _v, _ws in _TENS.items():
    _add(_ws, _v, TEN)
_add(_HUNDRED_WORDS, 100, HUNDRED)
for _v, _ws in _HUNDRED_UNITS.items():
    _add(tuple(u + h for u in _ws for h in _HUNDRED_WORDS), _v * 100, HUNDREDS)
_add(_TWO_HUNDRED, 200, HUNDREDS)
for _v, (_sg, _pl, _du) in _SCALES.items():
    _add(_sg, _v, SCALE)
    _add(_pl, _v, SCALE_PL)
    _add(_du, 2 * _v, SCALE2)
for _v, _ws in _VAGUE.items():
    _add(_ws, _v, VAGUE)
_add(_HALF, 0, HALF)





_WORDS_ALT = trie_pattern(LEXICON)
_DIGITS_FULL_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# Characters a number may follow. Scanning for one of them first (sre's fast prefix
# search) and then for the word is several times faster than a look-behind at every
# position. The text is scanned with one space in front, so offsets are one higher.
DELIMITERS = " \n\t«\"“'(،؛.-/:"
_NO_DIGITS_AFTER = ".-/:"  # 3.5 is one number, 1/8 and 10:30 are not counts
NUMBER_GROUPS = rf"(?P<d>\d[\d.,]*)|(?P<w>{_WORDS_ALT})(?!\w)"
CLITICS = r"(?P<pre>[وف]?[بلك]?(?:ال)?)"
SCAN_RE = re.compile(rf"[{re.escape(DELIMITERS)}]{CLITICS}(?:{NUMBER_GROUPS})")
_NOT_NUMBERS = frozenset({"لست", "فلست"})
# Alone, ألفا/مليونا/مليارا is the dual before its noun («مليونا فلسطيني» → 2,000,000);
# after a number it is the singular («ثلاثة عشر ألفا» → 13,000).
_DUAL_CONSTRUCT = frozenset({"الفا", "مليونا", "مليارا"})
_AFTER_DIGITS_BAD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/:%_")


@dataclass(frozen=True, slots=True)
class Atom:
    """One number token in the folded text."""

    start: int  # folded offset of the number itself (after any clitic)
    end: int
    value: float
    cls: str
    word: str  # the folded word or digits
    waw: bool  # preceded by the conjunction و (as clitic or separate word)


@dataclass(slots=True)
class NumberExpr:
    """A whole number expression in the folded text."""

    start: int
    end: int
    value: int
    vague: bool = False
    digits: bool = False  # written with digits (in whole or in part)
    decimal: bool = False  # a fraction that no scale word turned into an integer
    atoms: tuple[Atom, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(a.word for a in self.atoms)

    @property
    def single(self) -> str | None:
        """The only word of a one-word expression, else None."""
        return self.atoms[0].word if len(self.atoms) == 1 else None


def atom_from_match(m: re.Match[str], text: str, shift: int = 1) -> Atom | None:
    """The number atom of a :data:`SCAN_RE`-style match on ``" " + text``, or None.

    ``shift`` is how far the scanned string's offsets run ahead of ``text``'s.
    """
    pre = m.group("pre")
    d = m.group("d")
    if d is not None:
        if pre.endswith("ال") or "ك" in pre or m.group()[0] in _NO_DIGITS_AFTER:
            return None  # الـ18 is an ordinal; 1/8, 10:30 and 3.5 are not counts
        a = m.start("d") - shift
        d = d.rstrip(".,")
        full = _DIGITS_FULL_RE.fullmatch(d)
        if full is None:
            return None  # 1.2.3, 12,5: a version, an id or a foreign decimal
        b = a + len(d)
        nxt = text[b : b + 2]
        if nxt[:1] in _AFTER_DIGITS_BAD or (nxt[:1] in "-–" and nxt[1:2].strip()):
            return None  # 5G, 1/8, 10:30, 10%, 10-15, 2-صفر
        waw = pre.startswith("و") or _waw_before(text, a)
        return Atom(a, b, float(d.replace(",", "")), DIGITS, d, waw)
    w = m.group("w")
    full_word = pre + w
    if pre and full_word in LEXICON:  # واحد is a word, not و + احد; الآلاف is listed
        value, cls = LEXICON[full_word]
        return Atom(m.start("pre") - shift, m.end("w") - shift, value, cls, full_word,
                    _waw_before(text, m.start("pre") - shift))
    if pre.endswith("ال") or "ك" in pre or full_word in _NOT_NUMBERS:
        return None  # الأحد is Sunday, كمية is a quantity, لست is «I am not»
    value, cls = LEXICON[w]
    a = m.start("w") - shift
    waw = pre.startswith("و") or _waw_before(text, a - len(pre))
    return Atom(a, m.end("w") - shift, value, cls, w, waw)


def _waw_before(text: str, i: int) -> bool:
    """True when a separate conjunction و stands right before offset ``i`` (``و 15``)."""
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] == "و" and (j == 0 or not text[j - 1].isalnum()) and j < i - 1


class _Builder:
    """Accumulates atoms into one number while the cardinal grammar allows it."""

    __slots__ = ("atoms", "total", "cur", "last", "scale", "vague", "digits")

    def __init__(self, a: Atom) -> None:
        if a.cls == SCALE and a.word in _DUAL_CONSTRUCT:
            a = Atom(a.start, a.end, a.value * 2, SCALE2, a.word, a.waw)
        self.atoms = [a]
        self.total = 0.0
        self.cur = a.value
        self.last = a.cls
        self.scale = float("inf")  # the smallest scale used so far
        self.vague = a.cls == VAGUE
        self.digits = a.cls == DIGITS
        if a.cls == HALF:  # «نصف مليون» → 500,000
            self.cur = 0.5
        elif a.cls in (SCALE, SCALE2):
            self.total, self.cur, self.scale = a.value, 0.0, a.value if a.cls == SCALE else a.value / 2
        elif a.cls == SCALE_PL:
            self.total, self.cur, self.scale, self.vague = a.value, 0.0, a.value, True

    def take(self, a: Atom) -> bool:
        """Add ``a`` if it continues this number; return whether it did."""
        cls, v, last = a.cls, a.value, self.last
        if cls == DIGITS:
            # «7 ملايين و409 آلاف و843»: digits after a scale and و add a smaller part
            if a.waw and self.cur == 0 and self.total > 0 and v < self.scale and last != HALF:
                self.cur = v
                self.digits = True
                return self._push(a)
            return False
        if cls in (SCALE, SCALE_PL) and not a.waw:
            if self.cur > 0 and v < self.scale and (last != HALF or len(self.atoms) == 1):
                self.total += self.cur * v
                self.cur, self.scale = 0.0, v
                return self._push(a)
            return False
        if cls == TEN10 and not a.waw:
            if last == UNIT and 0 < self.cur < 10 and self.total == 0 and len(self.atoms) == 1:
                self.cur += 10
                return self._push(a)
            return False
        if cls == HUNDRED and not a.waw:
            if last == UNIT and 3 <= self.cur <= 9 and len(self.atoms) == 1:
                self.cur *= 100
                return self._push(a)
            return False
        if not a.waw:
            return False
        if cls == HALF:
            if last in (SCALE, SCALE2, SCALE_PL) and self.scale < float("inf"):
                self.total += self.scale / 2
                return self._push(a)
            return False
        if cls == TEN and last == UNIT and 0 < self.cur < 10:
            self.cur += v
            return self._push(a)
        if cls in (UNIT, TEN10, TEN, HUNDRED, HUNDREDS, SCALE2):
            after_scale = self.cur == 0 and self.total > 0 and v < self.scale
            after_hundreds = self.cur >= 100 and self.cur % 100 == 0 and v < 100
            if after_scale or after_hundreds:
                self.cur += v
                return self._push(a)
        return False

    def _push(self, a: Atom) -> bool:
        self.atoms.append(a)
        self.last = a.cls
        return True

    def build(self) -> NumberExpr:
        value = self.total + self.cur
        first, lastatom = self.atoms[0], self.atoms[-1]
        decimal = value != int(value)
        return NumberExpr(
            first.start, lastatom.end, int(round(value)), self.vague, self.digits, decimal,
            tuple(self.atoms),
        )


def find_numbers(text: str) -> list[NumberExpr]:
    """Every number expression in the folded ``text``, in order."""
    atoms = []
    for m in SCAN_RE.finditer(" " + text):
        a = atom_from_match(m, text)
        if a is not None:
            atoms.append(a)
    return group_atoms(text, atoms)


def group_atoms(text: str, atoms: Iterable[Atom]) -> list[NumberExpr]:
    """Join neighbouring atoms (in text order) into whole number expressions."""
    out: list[NumberExpr] = []
    cur: _Builder | None = None
    prev_end = -1
    seq = list(atoms)
    for k, a in enumerate(seq):
        if cur is not None:
            nxt = seq[k + 1] if k + 1 < len(seq) else None
            if _starts_next(text, cur, a, nxt):
                pass  # «25 ألف و30 ألف»: the digits start the next number
            elif _joinable_gap(text[prev_end : a.start], a) and cur.take(a):
                prev_end = a.end
                continue
            out.append(cur.build())
        cur = _Builder(a)
        prev_end = a.end
    if cur is not None:
        out.append(cur.build())
    return out


def _starts_next(text: str, cur: _Builder, a: Atom, nxt: Atom | None) -> bool:
    """True when digits ``a`` carry a scale as large as ``cur``'s own: a second number."""
    return (
        a.cls == DIGITS and nxt is not None and nxt.cls in (SCALE, SCALE_PL, SCALE2)
        and nxt.value >= cur.scale and _joinable_gap(text[a.end : nxt.start], nxt)
    )


def _joinable_gap(gap: str, a: Atom) -> bool:
    """Only spaces (and the و of ``a``) may stand between two parts of one number."""
    g = gap.strip()
    return len(gap) <= 4 and (g == "" or (g == "و" and a.waw))


def parse_number(text: str) -> int | None:
    """The value of a folded or unfolded text that is exactly one number expression."""
    folded = fold(text).strip()
    found = find_numbers(folded)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(folded):
        return None
    return found[0].value
