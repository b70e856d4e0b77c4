"""The NER tagger: a linear-chain CRF over folded tokens, a neural second stage over its
label scores, and within-document label propagation.

The model ``marsad/data/ner.crfsuite`` is trained with python-crfsuite by
``scripts/train_ner.py`` on ANERcorp (CC BY-SA 4.0, see ``marsad/data/NER-MODEL-LICENSE.md``),
which also exports its weights to ``ner-weights.npz``; tagging decodes those weights with
:mod:`marsad.ner.crf` (the same tags as python-crfsuite, about twice as fast). Labels are BIO
over PERS, ORG, LOC and MISC. The second stage (:mod:`marsad.ner.neural`, weights
``ner-net.npz`` from ``scripts/train_ner_neural.py``) rescores the CRF's labels with word
vectors, character shapes and whole-sentence context; the labels are decoded from its scores.

Propagation: a name the CRF recognised once in a document is usually the same entity when
it recurs, yet the CRF misses many of the recurrences (a surname alone, a name at a
sentence start). After tagging, every untagged occurrence of a recognised name, and of the
surname of a recognised full person name, takes the name's majority label.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from importlib import resources

from marsad.errors import ResourceMissing
from marsad.ner.crf import Decoder, Weights
from marsad.ner.features import Featurizer, light_stem
from marsad.ner.neural import CACHE_TYPES, NetScorer, Network, crf_digest
from marsad.ner.typetable import TypeTable

LABELS = ("PERS", "ORG", "LOC", "MISC")
_MODEL = "ner.crfsuite"
_WEIGHTS = "ner-weights.npz"  # the model's weights, exported by train_ner.py for the decoder
_NET = "ner-net.npz"  # the second stage, trained by train_ner_neural.py
TYPES = "ner-types.npz"  # rows of frequent word types (marsad.ner.typetable), exported with them
_PREFIX = re.compile(r"^(?:[وف]?[بلك]|[وف])(?=...)")
# Words that are entity parts often enough in one document yet never a name on their own.
_NOT_ALONE = frozenset(
    "ال بن بنت ابن ابو ابي ام عبد دي دو دا فان فون لا لو لي دل دار بيت تل عين جبل نهر بحر "
    "شمال جنوب شرق غرب وسط مدينه وزاره وزير رئيس حزب جامعه شركه بنك مجلس منظمه اتحاد "
    "جمهوريه مملكه اماره ولايه الولايات العربيه الاسلاميه المتحده الوطني الوطنيه الدولي "
    "الدوليه العام العامه الاعلي الاوروبي الجديد الجديده الشعبي الشعبيه الديمقراطي الدول".split()
)


class Tagger:
    """A CRF model decoded by :class:`marsad.ner.crf.Decoder`; gives python-crfsuite's tags.

    ``weights`` are the exported weights (:func:`default_tagger` loads the shipped ones);
    without them they are read from the crfsuite model at ``model_path`` (training, tuning).
    With a ``net`` (the second stage), the labels are decoded from its scores instead.
    """

    def __init__(
        self, model_path: str | None = None, known: frozenset[str] | None = None,
        feats: Featurizer | None = None, weights: Weights | None = None,
        cache_size: int = 120_000, table: TypeTable | None = None,
        net: Network | None = None,
    ) -> None:
        if weights is None:
            if model_path is None:
                raise ValueError("a Tagger needs a model path or exported weights")
            weights = Weights.from_model(model_path)
        if known is None:  # the attributes with a weight in the model
            known = frozenset(weights.index)
        silver = feats.silver if feats is not None else None
        self.features = Featurizer(known, silver)
        # the decoder keeps each word type's weight vectors and looks the attributes up itself:
        # its featurizer neither filters nor caches much
        self.decoder = Decoder(weights, Featurizer(None, silver, cache_size=256), cache_size,
                               table)
        if net is not None and (list(net.labels) != list(self.decoder.labels)
                                or net.crf_digest != crf_digest(weights.state, weights.trans)):
            raise ValueError("the NER network was trained over another CRF: retrain it with "
                             "`python scripts/train_ner_neural.py` after `train_ner.py`")
        # the network's cache holds 2 KB a word type, the decoder's 360 bytes: fewer types
        self.net = NetScorer(net, min(cache_size, CACHE_TYPES)) if net is not None else None

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels of one sentence of folded tokens."""
        if not words:
            return []
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sents: list[list[str]]) -> list[list[str]]:
        """BIO labels of each sentence of a document (decoded together: faster)."""
        if self.net is None:
            return self.decoder.tag_document(sents)
        crf, starts = self.decoder.scores(sents)
        if not len(crf):
            return [[] for _ in sents]
        nonempty = [words for words in sents if words]
        scores = self.net.scores(nonempty, crf, starts)
        tagged = iter(self.decoder.viterbi(scores, starts, self.net.net.trans))
        return [next(tagged) if words else [] for words in sents]


class CrfsuiteTagger:
    """The same model tagged by python-crfsuite itself: the reference :class:`Tagger` matches."""

    def __init__(self, model_path: str, feats: Featurizer | None = None) -> None:
        import pycrfsuite  # type: ignore[import-untyped]

        self._path = model_path
        self._local = threading.local()
        self._cls = pycrfsuite.Tagger
        t = self._tagger()  # fail early when the file is not a model
        known = frozenset(a for a, _ in t.info().state_features)
        self.features = Featurizer(known, feats.silver if feats is not None else None)

    def _tagger(self):  # type: ignore[no-untyped-def]
        t = getattr(self._local, "tagger", None)
        if t is None:
            t = self._cls()
            t.open(self._path)
            self._local.tagger = t
        return t

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels of one sentence of folded tokens."""
        if not words:
            return []
        return list(self._tagger().tag(self.features.sentence(words)))

    def tag_sentences(self, sents: list[list[str]]) -> list[list[str]]:
        return [self.tag(words) for words in sents]


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The shipped model, loaded once."""
    ref = resources.files("marsad.data").joinpath(_WEIGHTS)
    try:
        data = ref.read_bytes()
    except (FileNotFoundError, OSError):
        raise ResourceMissing(
            f"the NER weights {_WEIGHTS!r} are missing from marsad/data.",
            hint="Train and export them with `python scripts/train_ner.py` (see its docstring).",
        ) from None
    try:
        net = Network.from_bytes(resources.files("marsad.data").joinpath(_NET).read_bytes())
    except (FileNotFoundError, OSError):
        raise ResourceMissing(
            f"the NER network {_NET!r} is missing from marsad/data.",
            hint="Train it with `python scripts/train_ner_neural.py` (see its docstring).",
        ) from None
    return Tagger(weights=Weights.from_bytes(data), table=_type_table(), net=net)


def _type_table() -> TypeTable | None:
    """The shipped table of frequent word types, or None without it (tagging is the same,
    slower on word types a process meets for the first time)."""
    try:
        return TypeTable.from_bytes(resources.files("marsad.data").joinpath(TYPES).read_bytes())
    except (FileNotFoundError, OSError):
        return None


def model_path() -> str:
    """The shipped crfsuite model file (for training scripts and the decoder's check)."""
    ref = resources.files("marsad.data").joinpath(_MODEL)
    with resources.as_file(ref) as path:
        if not path.exists():
            raise ResourceMissing(f"the NER model {_MODEL!r} is missing from marsad/data.",
                                  hint="Train it with `python scripts/train_ner.py`.")
        return str(path)


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, label)`` token ranges of the entities in a BIO sequence."""
    out: list[tuple[int, int, str]] = []
    cur: list | None = None  # type: ignore[type-arg]
    for i, tag in enumerate(labels):
        if tag == "O" or len(tag) < 3:
            if cur:
                out.append((cur[0], cur[1], cur[2]))
            cur = None
            continue
        kind = tag[2:]
        if tag[0] == "B" or cur is None or cur[2] != kind:
            if cur:
                out.append((cur[0], cur[1], cur[2]))
            cur = [i, i + 1, kind]
        else:
            cur[1] = i + 1
    if cur:
        out.append((cur[0], cur[1], cur[2]))
    return out


_keys: dict[str, tuple[str, str | None]] = {}


def _keys_of(word: str) -> tuple[str, str | None]:
    """A word's lookup forms: without conjunction/preposition/article clitics, and that form
    without a remaining single proclitic (وأوباما -> اوباما), or None."""
    k = _keys.get(word)
    if k is None:
        if len(_keys) > 100_000:
            _keys.clear()
        stem = light_stem(word)
        m = _PREFIX.match(stem)
        k = _keys[word] = (stem, stem[m.end():] if m else None)
    return k


def _key(word: str) -> str:
    """A name's lookup form: the word without conjunction/preposition/article clitics."""
    return _keys_of(word)[0]


def propagate(
    sents: list[list[str]], spans: list[list[tuple[int, int, str]]]
) -> list[list[tuple[int, int, str]]]:
    """Add untagged recurrences of the document's recognised names to ``spans`` (per sentence)."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for words, ss in zip(sents, spans, strict=True):
        for a, b, lab in ss:
            key = tuple(_key(w) for w in words[a:b])
            votes.setdefault(key, Counter())[lab] += 1
            if lab == "PERS" and b - a >= 2:
                last = (_key(words[b - 1]),)
                votes.setdefault(last, Counter())["PERS~"] += 1
    names: dict[tuple[str, ...], str] = {}
    for key, c in votes.items():
        lab, n = c.most_common(1)[0]
        if lab == "PERS~":
            if any(k != "PERS~" for k in c):
                continue
            lab = "PERS"
        if len(key) == 1 and (len(key[0]) < 3 or key[0] in _NOT_ALONE):
            continue
        names[key] = lab
    if not names:
        return spans
    first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(names, key=len, reverse=True):
        first.setdefault(key[0], []).append(key)
    out: list[list[tuple[int, int, str]]] = []
    cached = _keys.get
    # the words (or their forms without a proclitic) that start a name: the only positions
    # that matter; each distinct word of the document is looked at once
    hit = {w for w in set().union(*sents)
           if (ks := cached(w) or _keys_of(w))[0] in first or ks[1] in first}
    for words, ss in zip(sents, spans, strict=True):
        if hit.isdisjoint(words):
            out.append(ss)
            continue
        starts = [i for i, w in enumerate(words) if w in hit]
        taken = [False] * len(words)
        for a, b, _ in ss:
            for i in range(a, b):
                taken[i] = True
        added = list(ss)
        free = 0  # the first position after the last name added
        for i in starts:
            if i < free or taken[i]:
                continue
            head, alt = cached(words[i]) or _keys_of(words[i])
            cands = first.get(head)
            if cands is None:
                cands = first.get(alt) if alt is not None else None
                if cands is None:
                    continue
            # the name's first word matched (its form, or the form without a proclitic);
            # the words after it must have the name's forms
            for key in cands:
                k = len(key)
                if (i + k <= len(words) and not any(taken[i:i + k])
                        and all((cached(words[i + j]) or _keys_of(words[i + j]))[0] == key[j]
                                for j in range(1, k))):
                    added.append((i, i + k, names[key]))
                    for j in range(i, i + k):
                        taken[j] = True
                    free = i + k
                    break
        added.sort()
        out.append(added)
    return out


def tag_document(
    sents: list[list[str]], tagger: Tagger | CrfsuiteTagger | None = None, spread: bool = True
) -> list[list[tuple[int, int, str]]]:
    """Entity token ranges per sentence for a document given as folded token lists."""
    return tag_documents([sents], tagger, spread)[0]


def tag_documents(
    docs: list[list[list[str]]], tagger: Tagger | CrfsuiteTagger | None = None,
    spread: bool = True,
) -> list[list[list[tuple[int, int, str]]]]:
    """:func:`tag_document` over several documents. Their sentences are decoded together
    (each sentence on its own, so the labels are the same): the decoder's fixed cost per
    call is paid once, not once per document. Propagation stays within each document."""
    t = tagger or default_tagger()
    labels = t.tag_sentences([words for sents in docs for words in sents])
    out: list[list[list[tuple[int, int, str]]]] = []
    k = 0
    for sents in docs:
        spans = [bio_spans(x) for x in labels[k:k + len(sents)]]
        k += len(sents)
        out.append(propagate(sents, spans) if spread else spans)
    return out
