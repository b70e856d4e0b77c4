"""Sentence and token boundaries for Arabic news, computed on the folded text.

Written here rather than taken from a library because the ones that work offline either
split at every «،» and «:» (pysbd), or give no character offsets and know nothing of news
datelines (sentencex). The rules:

* a line break always ends a sentence (paragraphs, bullet lines, titles); so does a
  bullet mark (• ▪ ●) inside a line;
* ``. ! ? ؟ …`` end a sentence when followed by space or the end of the line, except
  inside a «» “” or "" quote that closes later on the same line, inside a number (3.5),
  after an abbreviation (a single letter such as «د.», «م.», a dotted acronym such as
  «أ.ف.ب», a known one such as «Mr.») or after a list number at the start of a line;
* a full stop glued between two Arabic words («الماضي.وهو») ends a sentence too
  (but not in «العربية.نت»);
* a dateline at the start of a paragraph («دبي، الإمارات العربية المتحدة (CNN)--»,
  «الخرطوم - سكاي نيوز عربية», «واس- الرياض:», a line «الخرطوم 26 شوال 1436 هـ ... واس»)
  becomes a sentence of its own, of kind ``dateline``; a byline opening the article
  («الثورة – ريم صالح:») is of kind ``byline``; a short first line without a full stop
  followed by more text is the ``title``.

Clitics inside tokens are in :mod:`marsad.text.clitics`.
"""

from __future__ import annotations

import re

from marsad.text.clitics import analyze

_ABBREV = frozenset({
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "etc", "jr", "sr", "prof", "gen", "col",
    "inc", "ltd", "co", "u.s", "u.k", "u.n", "e.g", "i.e", "ص", "م", "ه", "ق.م", "ج", "د",
})


def _spaced(letters: str) -> str:
    """An acronym whose letters may be separated by dots or spaces (ا ف ب، ا.ف.ب)."""
    return r"[\s.]*".join(re.escape(ch) for ch in letters)


_AGENCIES = "|".join([
    "CNN", "BBC", "AFP", "AP", "DPA", "RT", "DW", r"رويترز", r"الاناضول", r"سبوتنيك",
    r"شينخوا", r"يو\s*بي\s*اي", r"ارنا", r"فارس", r"تسنيم", r"فرانس\s*برس", r"سانا", r"بترا",
    r"واس", r"وام", r"قنا", r"كونا", r"بنا", r"وفا", r"معا", r"صفا", r"العمانيه",
    r"الجزيره\s*نت", r"الجزيره", r"العربيه\s*نت", r"العربيه", r"سكاي\s*نيوز\s*عربيه",
    r"سكاي\s*نيوز", r"روسيا\s*اليوم", r"فرانس\s*24", r"ارم\s*نيوز", r"القدس\s*العربي",
    r"الشرق\s*الاوسط", r"اليوم\s*السابع", r"مصراوي", r"الحياه", r"النهار", r"خاص",
    r"وكالات", r"بي\s*بي\s*سي", r"سي\s*ان\s*ان",
    _spaced("افب"), _spaced("دبا"), _spaced("اشا"), _spaced("يوبي"),
])
_AG = rf"[\"“«']?(?:{_AGENCIES})[\"”»']?"
_DASH = r"[-–—]+"
_PLACE = r"[^\W\d][^\n.!?؟«“\"():\-–—]{1,45}?"
_DATELINE = re.compile(
    r"^\W{0,2}(?P<d>"
    # «دبي، الإمارات العربية المتحدة (CNN)--»، «(CNN)--»، «القاهرة (رويترز) -»
    rf"(?:{_PLACE}\s*)?\(\s*{_AG}\s*\)\s*(?:{_DASH}|:)+"
    # «الخرطوم - سكاي نيوز عربية»، «سيدني - د.ب.أ:»، «غزة/ الأناضول»
    rf"|{_PLACE}\s*(?:{_DASH}|/)\s*{_AG}(?:\s*[-–—:]+|(?=\s|$))"
    # «واس- الرياض:»، «رويترز- بنغازي (ليبيا):»
    rf"|{_AG}\s*{_DASH}\s*{_PLACE}(?:\s*\([^()\n]{{1,25}}\))?\s*:"
    r")(?=\s|$)"
)
# A short line that ends with an agency: «الخرطوم 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس».
_DATELINE_LINE = re.compile(rf"^[^\n.!?؟«“\"]{{2,90}}\s{_AG}\s*[-–—:]*\s*$")
_BYLINE = re.compile(r"^\W{0,2}(?P<d>[^\W\d][^\n.!?؟:«“\"]{1,30}?\s[-–—]+\s[^\W\d][^\n.!?؟:«“\"]{1,30}:)")
_BREAK = re.compile(
    r"[«“»”\"•▪●◾■]"
    r"|[.!?؟…]+[\"'”»)\]]*(?=\s|$)"
    r"|\.(?<=[\u0621-\u064a]{3}\.)(?=[\u0621-\u064a]{2})"
)
_BULLETS = "•▪●◾■"
_CLOSE = {"«": "»", "“": "”", '"': '"'}
_MAX_QUOTE = 1000  # a quote longer than this is more likely a lost closing mark
_DATELINE_HINT = re.compile(r"[(\-–—/:]")
_ACRONYM = re.compile(r"(?:\w\.)+\w")
_LIST_NUMBER = re.compile(r"^\W{0,3}\d{1,2}$")
# Numbers (3.5، 1,200), runs of letters, single marks; «و3» is «و» + «3».
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d]+|[^\w\s]")
_TERMINAL = ".!?؟:…\"”»)"


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each sentence of ``text``, whitespace trimmed."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    first_line = True
    lines = text.split("\n")
    for li, line in enumerate(lines):
        ls = pos
        pos += len(line) + 1
        if not line or line.isspace():
            continue
        start = 0
        hint = _DATELINE_HINT.search(line, 0, 130) is not None
        m = _DATELINE.match(line) if hint else None
        if m is not None:
            _add(out, text, ls, ls + m.end("d"), "dateline")
            start = m.end("d")
        elif len(line) < 130 and li + 1 < len(lines) and _DATELINE_LINE.match(line):
            _add(out, text, ls, ls + len(line), "dateline")
            first_line = False
            continue
        elif first_line and hint and (b := _BYLINE.match(line)) is not None:
            _add(out, text, ls, ls + b.end("d"), "byline")
            start = b.end("d")
        elif first_line and _is_title(line, lines, li):
            _add(out, text, ls, ls + len(line), "title")
            first_line = False
            continue
        first_line = False
        _split_line(out, text, line, ls, start)
    return out


def _is_title(line: str, lines: list[str], li: int) -> bool:
    """A short first line without a final stop, followed by more text."""
    stripped = line.rstrip()
    if not stripped or stripped[-1] in _TERMINAL or stripped[-1] in "،,؛;":
        return False
    if len(stripped.split()) > 12 or any(c in stripped for c in ".!?؟"):
        return False
    return any(x.strip() for x in lines[li + 1 :])


def _split_line(out: list[tuple[int, int, str]], text: str, line: str, ls: int,
                start: int) -> None:
    inside_until = -1  # offset of the mark that closes the open quote
    for m in _BREAK.finditer(line, start):
        a, b = m.span()
        ch = line[a]
        if ch in _CLOSE or ch in "»”":
            if a > inside_until and ch in _CLOSE:
                close = line.find(_CLOSE[ch], a + 1, a + _MAX_QUOTE)
                inside_until = close if close > 0 else inside_until
            continue
        if ch in _BULLETS:
            _add(out, text, ls + start, ls + a, "body")
            start = b
            continue
        if b <= inside_until:
            continue  # a stop inside a quote
        if b - a == 1 and ch == "." and _abbreviation(line, a):
            continue
        if b < len(line) and not line[b].isspace() and line.startswith(("نت", "كوم"), b):
            continue  # العربية.نت
        _add(out, text, ls + start, ls + b, "body")
        start = b
    _add(out, text, ls + start, ls + len(line), "body")


def _abbreviation(line: str, at: int) -> bool:
    """True when the full stop at ``line[at]`` ends an abbreviation, not a sentence."""
    lo = max(0, at - 24)
    word = line[line.rfind(" ", lo, at) + 1 if " " in line[lo:at] else lo : at]
    word = word.lower().lstrip("(«“\"'")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # د. م. J.
    if word in _ABBREV or _ACRONYM.fullmatch(word):
        return True  # dotted acronyms: أ.ف.ب, U.S
    return at <= 6 and bool(_LIST_NUMBER.match(line[:at]))  # «1. ...» starting a line


def _add(out: list[tuple[int, int, str]], text: str, a: int, b: int, kind: str) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b, kind))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of ``text[start:end]``: words, numbers, punctuation."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def token_iter(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    """The match objects of the tokens of ``text[start:end]`` (for the segment stage)."""
    return _TOKEN.finditer(text, start, end)


def clitics(norm_token: str, ends_ta: bool = False, hamza: bool = False
            ) -> list[tuple[int, int, str]]:
    """Split a folded token into ``(start, end, role)`` parts: proclitics, stem, suffix.

    A token that is one word gives one ``stem`` part; see :mod:`marsad.text.clitics`.
    """
    parts = analyze(norm_token, ends_ta, hamza)
    if not parts:
        return [(0, len(norm_token), "stem")]
    return [(a, b, role) for a, b, role, _ in parts]
