"""CRF features for Arabic named entities, computed on folded tokens.

The features of a word type (its form, light stem, affixes, shape, word clusters and
gazetteer hits) and its contributions to its neighbours' features are computed once and
cached; a sentence then only concatenates cached lists. With a model's attribute set the
cached lists keep only what the model weights, which is what makes tagging fast. The same
code serves training (``scripts/train_ner.py``) and tagging (:mod:`marsad.ner.tagger`).

Resources (built by ``scripts/build_ner_resources.py``, shipped in ``marsad/data``):

* ``ner-clusters.tsv``: word -> k-means cluster ids of its context vector (64, 256 and
  1,024 clusters), learnt from unlabelled Arabic news;
* ``ner-gazetteer.tsv``: place names (CLDR, GeoNames), and given names, surnames and
  organisation-name words mined from unlabelled news with title/head-word patterns;
* ``ner-silver.tsv`` (optional, ``train_ner.py --two-stage``): corpus label profiles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from marsad.errors import ResourceMissing

_DIGIT = re.compile(r"\d")
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
_LATIN = re.compile(r"^[A-Za-z]+$")
_NUMBER = re.compile(r"^\d[\d.,]*$")
# Proclitic chains stripped for the light stem: conjunction, preposition, article.
_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل))(?=..)")
_PROCLITIC_FIRST = frozenset("وفبلكا")  # the letters a proclitic chain can start with
_CONJ = re.compile(r"^[وف](?=...)")
_PREP = re.compile(r"^[وف]?[بلك](?=...)")


_KIND_LETTER = {"PER": "P", "SUR": "S", "ORG": "O"}
Phrases = tuple[tuple[tuple[str, ...], str], ...]


SILVER = "ner-silver.tsv"


class Resources(NamedTuple):
    clusters: dict[str, tuple[str, ...]]
    places: frozenset[str]
    # word -> the letters of the name lists holding it (P given name, S surname, O organisation)
    names: dict[str, str]
    # first word -> second word -> the multi-word gazetteer phrases, longest first
    phrases: dict[str, dict[str, Phrases]]


def _data_text(name: str) -> str:
    try:
        return resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResourceMissing(
            f"the NER resource file {name!r} is missing from marsad/data.",
            hint="Rebuild it with `python scripts/build_ner_resources.py all`.",
        ) from None


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Clusters and gazetteers, read once per process."""
    clusters: dict[str, tuple[str, ...]] = {}
    for line in _data_text("ner-clusters.tsv").splitlines():
        if line and not line.startswith("#"):
            w, *ids = line.split("\t")
            clusters[w] = tuple(ids)
    places: set[str] = set()
    names: dict[str, str] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in _data_text("ner-gazetteer.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, phrase = line.split("\t")
        words = tuple(phrase.split())
        if len(words) == 1:
            if kind == "LOC":
                places.add(words[0])
            else:
                names[words[0]] = names.get(words[0], "") + _KIND_LETTER.get(kind, "?")
        else:
            multi.setdefault(words[0], []).append((words, kind))
    phrases: dict[str, dict[str, Phrases]] = {}
    for first, cands in multi.items():
        by_second: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in cands:
            by_second.setdefault(words[1], []).append((words, kind))
        phrases[first] = {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in by_second.items()}
    return Resources(clusters, frozenset(places), names, phrases)


@lru_cache(maxsize=1)
def load_silver() -> dict[str, str]:
    """Light stem -> corpus label profile, or ``{}`` when the file is not shipped.

    ``ner-silver.tsv`` is written by ``scripts/train_ner.py``: a first-stage CRF tags
    unlabelled news and each frequent word gets the share of its occurrences inside each
    kind of entity, bucketed (``P2`` mostly in person names, ``O1`` sometimes in an
    organisation, ``N0`` almost never in a name).
    """
    try:
        text = resources.files("marsad.data").joinpath(SILVER).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            w, code = line.split("\t")
            out[w] = code
    return out


def digit_form(word: str) -> str:
    """The word with every digit written 0 (the form word features use)."""
    return word if word.isalpha() else _DIGIT.sub("0", word)  # letters hold no digit


def light_stem(word: str) -> str:
    """The word without a leading conjunction/preposition + article chain (وبالقاهره -> قاهره)."""
    if word[:1] not in _PROCLITIC_FIRST:  # most words: no regex needed
        return word
    return _PROCLITIC.sub("", word, count=1)


def _lookup_cluster(res: Resources, word: str) -> tuple[tuple[str, ...] | None, str]:
    """Clusters of ``word``, or of the word without its clitics; the second item says which."""
    c = res.clusters.get(word)
    if c is not None:
        return c, ""
    for pat in (_CONJ, _PREP):
        m = pat.match(word)
        if m:
            c = res.clusters.get(word[m.end():])
            if c is not None:
                return c, "~"
    return None, ""


def _gaz_single(res: Resources, word: str) -> str:
    """``L`` (place) and the name-list letters (``P``, ``S``, ``O``) of a word, clitics allowed."""
    forms = [word]
    for pat in (_CONJ, _PREP):
        m = pat.match(word)
        if m:
            forms.append(word[m.end():])
    out = ""
    for f in forms:
        if f in res.places or ("ال" + f) in res.places:
            out += "L"
            break
    for f in forms:
        letters = res.names.get(f)
        if letters:
            out += letters
            break
    return out


class _TypeFeats(NamedTuple):
    own: list[str]  # features of the word itself
    left1: list[str]  # its features as seen by the next word ("-1...")
    right1: list[str]  # as seen by the previous word ("+1...")
    left2: list[str]
    right2: list[str]
    w: str  # the (digit-normalised) form, for word-pair features
    ph: dict[str, Phrases] | None  # second word -> the gazetteer phrases this word may start


def _shape(w: str) -> str:
    if _ARABIC.match(w):
        return "A"
    if _NUMBER.match(w):
        return "D"
    if _LATIN.match(w):
        return "Lu" if w[:1].isupper() else "L"
    if len(w) == 1 and not w.isalnum():
        return "P" + w
    return "X"


class Featurizer:
    """Feature lists for sentences, optionally restricted to the attributes a model knows.

    With ``known`` (the model's attributes) every cached list holds only features the model
    has weights for: the CRF ignores the others, so tagging gives the same result, faster.
    """

    def __init__(
        self,
        known: frozenset[str] | None = None,
        silver: dict[str, str] | None = None,
        cache_size: int = 40_000,
    ) -> None:
        self.known = known
        self._canon = None if known is None else {f: f for f in known}
        self.silver = load_silver() if silver is None else silver
        self.cache_size = cache_size
        self._cache: dict[str, _TypeFeats] = {}
        # neighbours outside the sentence: the first word sees BOS, the last EOS
        self._edge = _TypeFeats([], [], [], [], [], "", None)
        self._start = _TypeFeats([], self._keep(["BOS"]), [], [], [], "", None)
        self._end = _TypeFeats([], [], self._keep(["EOS"]), [], [], "", None)

    def _keep(self, feats: list[str]) -> list[str]:
        # kept features are the model's own string objects: cached lists then share them
        c = self._canon
        return feats if c is None else [x for f in feats if (x := c.get(f)) is not None]

    def type_features(self, word: str) -> _TypeFeats:
        tf = self._cache.get(word)
        if tf is not None:
            return tf
        res = load_resources()
        w = digit_form(word)
        stem = light_stem(w)
        shape = _shape(w)
        own = ["w=" + w, "sh=" + shape]
        if stem != w:
            own.append("s=" + stem)
            own.append("al")
        if shape == "A" and len(stem) > 3:
            own.extend(("p2=" + stem[:2], "p3=" + stem[:3], "x2=" + stem[-2:], "x3=" + stem[-3:]))
        elif shape == "A":
            own.append("x1=" + stem[-1:])
        c, how = _lookup_cluster(res, w)
        if c is None and stem != w:
            c, how = _lookup_cluster(res, stem)
            how = "~"
        if c is None:
            own.append("oov")
            c = ("-",) * len(next(iter(res.clusters.values()), ()))
        else:
            own.extend((f"c64{how}={c[0]}", f"c256{how}={c[1]}", f"c1k{how}={c[2]}"))
            if len(c) >= 6:
                own.extend((f"d64{how}={c[3]}", f"d256{how}={c[4]}", f"d1k{how}={c[5]}"))
        gaz = _gaz_single(res, w) if shape == "A" else ""
        if gaz:
            own.extend("g=" + g for g in gaz)
        sv = self._silver(stem) if shape == "A" and self.silver else ()
        if sv:
            own.extend("sv=" + x for x in sv)
        # (dropped for speed, no loss on the held-out split: a bias, word length, the 1,024
        # clusters of the neighbours and the clusters of the words two away)
        left1 = ["-1w=" + w, "-1s=" + stem, "-1c=" + c[1], "-1c64=" + c[0]]
        right1 = ["+1w=" + w, "+1s=" + stem, "+1c=" + c[1], "+1c64=" + c[0]]
        if len(c) >= 6:
            left1.append("-1d=" + c[4])
            right1.append("+1d=" + c[4])
        if gaz:
            left1.extend("-1g=" + g for g in gaz)
            right1.extend("+1g=" + g for g in gaz)
        if sv:
            left1.extend("-1sv=" + x for x in sv)
            right1.extend("+1sv=" + x for x in sv)
        if self._canon is None:
            tf = _TypeFeats(own, left1, right1, ["-2w=" + w], ["+2w=" + w], w,
                            self._phrases(res, word))
        else:
            tf = _TypeFeats(
                self._keep(own), self._keep(left1), self._keep(right1),
                self._keep(["-2w=" + w]), self._keep(["+2w=" + w]), w,
                self._phrases(res, word),
            )
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[word] = tf
        return tf

    @staticmethod
    def _phrases(res: Resources, word: str) -> dict[str, Phrases] | None:
        """The multi-word gazetteer entries whose first word is ``word`` (clitics allowed)."""
        cands = res.phrases.get(word)
        if cands is None:
            stem = light_stem(word)
            if stem != word:
                cands = res.phrases.get(stem) or res.phrases.get("ال" + stem)
        return cands

    def _silver(self, stem: str) -> tuple[str, ...]:
        """The corpus label profile of a word (see :func:`load_silver`), in 2-letter pieces."""
        code = self.silver.get(stem)
        if code is None:
            for pat in (_CONJ, _PREP):
                m = pat.match(stem)
                if m:
                    code = self.silver.get(stem[m.end():])
                    if code is not None:
                        break
        if not code:
            return ()
        return tuple(code[i:i + 2] for i in range(0, len(code), 2))

    def sentence(self, words: list[str]) -> list[list[str]]:
        """One feature list per folded token of a sentence."""
        n = len(words)
        if not n:
            return []
        known = self.known
        get = self._cache.get
        tfs = [get(w) or self.type_features(w) for w in words]
        edge = self._edge
        prev1 = [self._start, *tfs[:-1]]
        next1 = [*tfs[1:], self._end]
        prev2 = [edge, edge, *tfs][:n]
        next2 = [*tfs[2:], edge, edge][:n]
        out = [
            a.own + b.left1 + c.right1 + d.left2 + e.right2
            for a, b, c, d, e in zip(tfs, prev1, next1, prev2, next2, strict=True)
        ]
        for i in range(1, n):
            ab = tfs[i - 1].w + "|" + tfs[i].w
            x = "-1w|w=" + ab
            if known is None or x in known:
                out[i].append(x)
            y = "w|+1w=" + ab
            if known is None or y in known:
                out[i - 1].append(y)
        phr = _phrase_tags(words, tfs)
        if phr is not None:
            for i, tag in enumerate(phr):
                if tag:
                    out[i].append("G=" + tag)
                    if i > 0:
                        out[i - 1].append("+1G=" + tag)
                    if i < n - 1:
                        out[i + 1].append("-1G=" + tag)
        return out


phrase_entries = Featurizer._phrases  # for the decoder, which skips type_features for table words


def _phrase_tags(words: list[str], tfs: list[_TypeFeats]) -> list[str] | None:
    """``B-L``/``I-L`` ... for the longest multi-word gazetteer phrases in the sentence."""
    starts = [i for i, tf in enumerate(tfs) if tf.ph]
    if not starts:
        return None
    n = len(words)
    tags = [""] * n
    free = 0  # the first position not inside an earlier match
    for i in starts:
        if i < free:
            continue
        by_second = tfs[i].ph
        if i + 1 >= n or by_second is None:
            continue
        for phrase, kind in by_second.get(words[i + 1], ()):
            k = len(phrase)
            if i + k <= n and all(words[i + j] == phrase[j] for j in range(1, k)):
                tags[i] = "B-" + kind
                for j in range(1, k):
                    tags[i + j] = "I-" + kind
                free = i + k
                break
    return tags


_training = Featurizer()


def sentence_features(words: list[str]) -> list[list[str]]:
    """All features of each token of a sentence (what training sees)."""
    return _training.sentence(words)
