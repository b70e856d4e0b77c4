"""Sentence and token boundaries for Arabic news, computed on the folded text.

Written here rather than taken from a library because the ones that work offline either
split at every «،» and «:» (pysbd), or give no character offsets and know nothing of news
datelines (sentencex). The rules:

* a line break always ends a sentence (paragraphs, bullet lines, titles);
* ``. ! ? ؟ …`` end a sentence when followed by space or the end, except inside an open
  «» or “” quote on the same line, inside a number (3.5), or after an abbreviation
  (a single letter such as «د.», «م.», or a known one such as «أ.ف.ب»);
* a dateline at the start of a paragraph («دبي، الإمارات العربية المتحدة (CNN)--»,
  «الخرطوم - سكاي نيوز عربية») becomes a sentence of its own, of kind ``dateline``.
"""

from __future__ import annotations

import re

_OPEN_Q = "«“"
_CLOSE_Q = "»”"
_ABBREV = {
    "د", "م", "ه", "ق", "ص", "ج", "س", "ت", "ا", "ب", "ف", "ك", "ل", "ع", "ش", "ح",
    "mr", "mrs", "dr", "st", "no", "vs", "etc", "jr", "sr", "u.s", "u.k", "e.g", "i.e",
}
# A news agency or channel in brackets, then a dash: the classic dateline ending.
_AGENCY = (
    r"CNN|BBC|AFP|AP|رويترز|ا ف ب|اف ب|ا\.ف\.ب|افب|د ب ا|د\.ب\.ا|واس|وام|سانا|بترا|قنا|كونا|"
    r"الاناضول|سبوتنيك|شينخوا|يو بي اي|ارنا|فرانس برس|الجزيره نت|الجزيره|العربيه نت|العربيه|"
    r"سكاي نيوز عربيه|خاص|وكالات"
)
_DATELINE = re.compile(
    rf"^(?P<d>[^\n.!?؟«“\"]{{2,70}}?(?:\((?:{_AGENCY}|[^()\n]{{1,30}})\)\s*[-–—]+|"
    rf"\s[-–—]+\s*(?:{_AGENCY})\s*[-–—:]?))(?=\s|$)"
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]", re.UNICODE)


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each sentence of ``text``, whitespace trimmed."""
    out: list[tuple[int, int, str]] = []
    for line_match in re.finditer(r"[^\n]+", text):
        ls, le = line_match.span()
        line = line_match.group()
        start = ls
        m = _DATELINE.match(line)
        if m:
            out.append((ls, ls + m.end("d"), "dateline"))
            start = ls + m.end("d")
        depth = 0
        i = start - ls
        for ch_match in _iter_breaks(line, i):
            kind, at, end_at = ch_match
            if kind == "open":
                depth += 1
            elif kind == "close":
                depth = max(0, depth - 1)
            elif depth == 0 and not _no_break(line, at, end_at):
                _add(out, text, start, ls + end_at)
                start = ls + end_at
        _add(out, text, start, le)
    return out


def _iter_breaks(line: str, i: int):  # type: ignore[no-untyped-def]
    """Quote openings, closings and candidate sentence ends in ``line`` from ``i``."""
    for m in re.finditer(r"[«“»”]|[.!?؟…]+[\"'”»)\]]*(?=\s|$)", line[i:]):
        a, b = m.start() + i, m.end() + i
        ch = m.group()[0]
        if ch in _OPEN_Q:
            yield ("open", a, b)
        elif ch in _CLOSE_Q:
            yield ("close", a, b)
        else:
            # a closing quote mark glued after the stop also closes a quote
            if any(c in _CLOSE_Q for c in m.group()):
                yield ("close", a, b)
                yield ("end", a, b)
            else:
                yield ("end", a, b)


def _no_break(line: str, at: int, end_at: int) -> bool:
    """True when the stop at ``line[at]`` is not a sentence end (abbreviation)."""
    if line[at] != ".":
        return False
    m = re.search(r"([\w.]+)$", line[:at])
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREV or len(word) == 1:
        return True
    # dotted acronyms: أ.ف.ب, U.S
    return bool(re.fullmatch(r"(?:\w\.)+\w", word))


def _add(out: list[tuple[int, int, str]], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b, "body"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of ``text[start:end]``: words, numbers, punctuation."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


# Proclitic sequences on the folded form, longest first: (surface, parts).
_PROCLITICS: list[tuple[str, tuple[str, ...]]] = [
    ("وبال", ("و", "ب", "ال")), ("فبال", ("ف", "ب", "ال")), ("وكال", ("و", "ك", "ال")),
    ("ولل", ("و", "ل", "ل")), ("فلل", ("ف", "ل", "ل")),
    ("وال", ("و", "ال")), ("فال", ("ف", "ال")), ("بال", ("ب", "ال")), ("كال", ("ك", "ال")),
    ("لل", ("ل", "ل")), ("ال", ("ال",)),
]


def clitics(norm_token: str) -> list[tuple[int, int, str]]:
    """Split a folded token into ``(start, end, role)`` parts: proclitics and the stem.

    Only unambiguous proclitic chains ending in the article are split here (وال، بال،
    لل ...); a lone و/ف/ب/ل before a word is split by :func:`split_conjunction` where
    the lexicon of the caller confirms the stem.
    """
    for surface, parts in _PROCLITICS:
        if norm_token.startswith(surface) and len(norm_token) - len(surface) >= 2:
            out: list[tuple[int, int, str]] = []
            i = 0
            for p in parts:
                # "لل" is ل + (ا)ل: the second ل is the article with its alef elided
                out.append((i, i + len(p), "prefix"))
                i += len(p)
            out.append((i, len(norm_token), "stem"))
            return out
    return [(0, len(norm_token), "stem")]
