"""Clitics inside an Arabic token: proclitics (و ف ب ل ك ال), the stem, pronoun suffixes.

Works on the folded token (``Document.ntext``) plus two facts only the original spelling
keeps: whether the token ends in «ة» (then a final ه is a ta marbuta, never the pronoun
«ـه») and whether it starts with a hamza on the alef (أل/إل/آل is never the article:
ألمانيا، إلغاء). The decisions:

* the article and the chains that end in it (وال، فال، بال، كال، لل، وبال، فلل ...) are
  split unless the word is a function word spelled with ال (التي، الذي، إلى ...) or a
  word whose ال is part of the stem (ألمانيا، التزام: such words take pronoun suffixes,
  «التزامه», which a definite noun never does);
* a lone و/ف (and ب/ل) is ambiguous («وزارة»، «فلسطين»، «بلد»), so it is split only when
  the rest is an attested word frequent enough next to the whole token in
  ``marsad/data/wordfreq.tsv.gz`` (built by ``scripts/build_wordfreq.py`` from the ANT
  news corpus): «وقال» → و + قال, «وزارة» stays whole. A lone ك is never split (كان);
* pronoun suffixes (ه ها هم هما هن كم نا ي) are split from an indefinite stem when that
  stem, or the stem with its ta marbuta restored («حكومته» → حكومة), is attested; «ي» only
  after a few particles (مني، عني، معي), as nisba adjectives (دولي، رئيسي) end in it too.

Results are cached per distinct token: news repeats its words, so the segmenter pays
for each analysis once.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from marsad.errors import ResourceMissing

# (start, end, role, norm) of each part, offsets inside the folded token.
Part = tuple[int, int, str, str]

_WORDFREQ = "wordfreq.tsv.gz"
_freq: dict[str, int] | None = None

# Function words that start with ال but carry no article (folded).
_NOT_ARTICLE = frozenset({
    "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي",
    "اللايي", "الان", "الا", "الي", "اليه", "اليها", "اليهم", "اليهما", "اليهن", "الينا",
    "اليكم", "اليك", "الله", "اللهم", "الف", "الفا", "الفي", "الفين", "الاف", "الم", "الام",
    "اله", "الهه", "المانيا", "الماني", "المانيه", "الالمان", "البانيا", "الباني",
    "الغاء", "القاء", "الزام", "الحاق", "التزام", "التزامات", "التقاء", "التحاق", "التماس",
    "التفاف", "التهاب", "الكتروني", "الكترونيه", "الكترونيا",
})
# Two-letter words a proclitic or suffix may attach to.
_SHORT_STEMS = frozenset({
    "هو", "هي", "هم", "هن", "ما", "لا", "لم", "لن", "قد", "من", "في", "عن", "ان", "او",
    "اي", "كل", "مع",
})
# Words that look like a prefix plus a word but are read whole.
_WHOLE = frozenset({
    "كما", "كذلك", "لكن", "لذلك", "لقد", "لان", "لدي", "لعل", "ليس", "لما", "كي", "كان",
    "لكي", "لماذا", "لدى", "بل", "فقط", "فيما", "بينما", "لكنه", "لكنها", "ولكن",
    "واحد", "واحدا", "واحده", "وحده", "وحدها", "وحدهم", "وحدات", "باتت", "بات", "بكين",
    "بيونغ", "بوست", "فريد", "فريده", "بديل", "بدايل", "فعاليه", "فعاليات", "بريد",
    "بعيد", "بعيدا", "بعيده", "فني", "فنيه", "فنيا", "فعلي", "فعليا", "فعليه", "فيات",
    "واثق", "واثقا", "واثقه",
})
_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")
_YA_STEMS = frozenset({"من", "عن", "مع", "ان", "لكن"})
# Article chains, longest first: (surface, parts).
_ARTICLE_CHAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("وبال", ("و", "ب", "ال")), ("فبال", ("ف", "ب", "ال")), ("وكال", ("و", "ك", "ال")),
    ("فكال", ("ف", "ك", "ال")), ("وال", ("و", "ال")), ("فال", ("ف", "ال")),
    ("بال", ("ب", "ال")), ("كال", ("ك", "ال")), ("ولل", ("و", "ل", "ل")),
    ("فلل", ("ف", "ل", "ل")), ("لل", ("ل", "ل")), ("ال", ("ال",)),
)
_MIN_COUNT = 50  # an attested word
# The one-letter proclitics; written apart from their word («بـ "داعش"», «و »), one is a
# token of its own that belongs to no phrase.
PROCLITIC_LETTERS = frozenset("وفبلك")
# The least (stem count / whole-token count) that splits a lone prefix: «وأضاف» is 20
# times as frequent as «أضاف», but «وزارة» 350 times «زارة».
_RATIO = {"و": 0.03, "ف": 0.03, "ب": 0.1, "ل": 0.1}


def word_counts() -> dict[str, int]:
    """The shipped folded word counts (loaded once)."""
    global _freq
    if _freq is None:
        try:
            raw = resources.files("marsad.data").joinpath(_WORDFREQ).read_bytes()
        except (FileNotFoundError, ModuleNotFoundError) as exc:
            raise ResourceMissing(f"marsad/data/{_WORDFREQ} is missing.",
                                  hint="Reinstall marsad.") from exc
        body = gzip.decompress(raw).decode("utf-8")
        while body.startswith("#"):  # header lines
            body = body.partition("\n")[2]
        cells = body.split()  # word, count, word, count ... (words hold no spaces)
        table = dict(zip(cells[::2], map(int, cells[1::2]), strict=True))
        _freq = table
    return _freq


def _attested(word: str) -> int:
    return (_freq if _freq is not None else word_counts()).get(word, 0)


def _is_word(stem: str) -> bool:
    return (len(stem) >= 3 or stem in _SHORT_STEMS) and _attested(stem) >= _MIN_COUNT


def _article_split(tok: str, hamza: bool) -> tuple[str, ...] | None:
    """The proclitic parts of an article chain at the start of ``tok``, or None."""
    for surface, parts in _ARTICLE_CHAINS:
        if not tok.startswith(surface):
            continue
        rest = tok[len(surface):]
        if len(rest) < 2:
            return None
        bare = "ال" + rest
        if surface == "ال" and hamza:
            return None  # أل/إل/آل: a hamza never sits on the article's alef
        if bare in _NOT_ARTICLE or (
                _attested(bare + "ه") >= 3 and _attested(bare + "ها") >= 1):
            return None  # ال belongs to the stem (ألمانيا، التزام → التزامه)
        if surface != "ال" and _attested(bare) < 3 <= _attested(tok) // 20:
            return None  # «والده»: a common word whose «الده» is never seen
        return parts
    return None


def _lone_prefixes(tok: str) -> list[str]:
    """Lone و/ف then ب/ل before a word (وقال، فإن، وبحسب)."""
    out: list[str] = []
    rest = tok
    while rest and rest[0] in _RATIO and rest not in _WHOLE and len(out) < 2:
        stem = rest[1:]
        p = rest[0]
        if out and p in "وف":
            break  # و/ف come first
        if not _is_word(stem):
            break
        if _attested(stem) < _RATIO[p] * _attested(rest):
            break
        if p in "بلف" and _attested(stem) < _attested(rest) and max(
                _attested("ال" + stem), _attested("و" + stem)) < 3:
            break  # a word seen only with this letter is a word of its own (بكين، فريد)
        out.append(p)
        rest = stem
    return out


def _suffix(stem: str, ends_ta: bool) -> tuple[str, str, str] | None:
    """``(stem_surface, stem_norm, suffix)`` of a pronoun suffix on ``stem``, or None."""
    for suf in _PRONOUNS:
        if not stem.endswith(suf) or len(stem) - len(suf) < 2:
            continue
        if suf == "ه" and ends_ta:
            return None  # a ta marbuta
        base = stem[: -len(suf)]
        if suf == "ي":
            return (base, base, suf) if base in _YA_STEMS else None
        options = [base]
        if base.endswith("ت"):
            options.append(base[:-1] + "ه")  # حكومت+ه → حكومة
        best = max(options, key=_attested)
        if _is_word(best):
            return base, best, suf
        return None
    return None


@lru_cache(maxsize=16_384)
def analyze(tok: str, ends_ta: bool = False, hamza: bool = False) -> tuple[Part, ...]:
    """The parts of folded token ``tok``; ``()`` when it is one word.

    ``ends_ta``: the original ends in «ة»; ``hamza``: it starts with أ/إ/آ.
    """
    if len(tok) < 3 or not ("\u0621" <= tok[0] <= "\u064a"):
        return ()
    prefixes: tuple[str, ...] | list[str] | None = _article_split(tok, hamza)
    definite = prefixes is not None
    if prefixes is None:
        short = _suffix(tok, ends_ta)
        if tok.startswith("ال") and len(tok) > 3:
            prefixes = []
        elif short is not None and short[1] in _SHORT_STEMS:
            prefixes = []  # فيهم = في + هم, not ف + يهم
        else:
            prefixes = _lone_prefixes(tok)
    pos = sum(len(p) for p in prefixes)
    stem = tok[pos:]
    suffix = None if definite or (tok.startswith("ال") and not prefixes) else _suffix(
        stem, ends_ta)
    if not prefixes and suffix is None:
        return ()
    parts: list[Part] = []
    i = 0
    for p in prefixes:
        parts.append((i, i + len(p), "prefix", p))
        i += len(p)
    if suffix is None:
        parts.append((i, len(tok), "stem", stem))
    else:
        surface, norm, suf = suffix
        parts.append((i, i + len(surface), "stem", norm))
        parts.append((i + len(surface), len(tok), "suffix", suf))
    return tuple(parts)
