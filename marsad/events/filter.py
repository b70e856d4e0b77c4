"""The learnt event filter: does a trigger candidate report an occurrence, or only mention one?

A logistic regression per event type over sparse string features of the candidate (its
lexicon entry and form, the words around it, cues of time, numbers, speech, negation and
modality, and the sentence's words). It is trained by ``scripts/train_event_filter.py``
on the sentences of openeventdata/arabic_event_gsr (MIT licence; labels yes / easy no /
difficult no for ASSAULT and PROTEST) and shipped as plain JSON weights, scored here with
a dictionary look-up per feature and :func:`math.exp`: no scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from marsad.errors import MarsadError
from marsad.events.candidates import Candidate
from marsad.events.flags import Flags, is_future_verb, is_imperfect
from marsad.model.document import Sentence

MODEL_FILE = "event_filter.json"

TIME_WORDS = frozenset({
    "امس", "اليوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
    "صباح", "مساء", "ليله", "فجر", "ظهر", "وامس", "اول", "الليله", "الماضي", "الماضيه", "يوم",
})
SPEECH = frozenset({
    "قال", "وقال", "قالت", "وقالت", "اضاف", "واضاف", "اضافت", "واضافت", "اعلن", "واعلن",
    "اعلنت", "واعلنت", "ذكر", "وذكر", "ذكرت", "وذكرت", "افاد", "وافاد", "افادت", "وافادت",
    "اكد", "واكد", "اكدت", "واكدت", "اوضح", "واوضح", "اوضحت", "واوضحت", "صرح", "وصرح",
    "بحسب", "وبحسب", "حسب", "وفق", "وفقا", "نقلا", "نقلت", "ونقلت", "مصدر", "مصادر", "بيان",
    "متحدث", "المتحدث", "مسوول", "شهود",
})
CONDEMN = frozenset({
    "يدين", "تدين", "ادان", "ادانت", "ندد", "نددت", "استنكر", "استنكرت", "شجب", "ادانه",
    "تنديد", "استنكار", "يرفض", "ترفض", "رفض",
})
NUMBER_WORDS = frozenset({
    "عشرات", "مئات", "الاف", "الف", "مليون", "اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته",
    "سبعه", "ثمانيه", "تسعه", "عشره", "قتيلا", "قتلي", "جرحي", "جريحا",
})
GENERIC = frozenset({
    "عمليات", "اعمال", "ظاهره", "حوادث", "سلسله", "موجه", "اشكال", "نوع", "انواع", "ضد",
    "مثل", "ثقافه", "خطر", "تهديد", "سياسه",
})
# Verbs of collective action: «وتجمع آلاف المتظاهرين»، «خرج المحتجون»، «رشق المتظاهرون».
_ACTION_VERB = re.compile(
    r"^[وف]?(?:تجمع|احتشد|خرج|نزل|سار|جاب|تدفق|توجه|قام|شارك|رفع|ردد|هتف|اغلق|قطع|رشق|احرق|"
    r"اعتصم|تظاهر|اشتبك|تجمهر|احتج|طالب|ندد|حمل|اضرب|اقتحم|هاجم)(?:ت|وا|و|ن|ا)?$"
)
ARTICLES = ("ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل")


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # sentence classification: the F1-optimal point on the GSR
    article_threshold: float  # articles: the F1-optimal point with the article overrides


def _bucket(x: int, edges: tuple[int, ...]) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the features read from the whole sentence, computed once per sentence."""

    bag: tuple[str, ...]
    cues: tuple[str, ...]


def sentence_context(sent: Sentence, layers: tuple[str, ...] = ()) -> SentenceContext:
    """``layers``: cues other stages found in the sentence ("place", "fig_killed" ...)."""
    words = {t.norm for t in sent.tokens}
    bag = tuple(f"b={w}" for w in words if len(w) > 2 and not w.isdigit())
    cues = tuple(name for name, on in (
        ("time", bool(words & TIME_WORDS)), ("speech", bool(words & SPEECH)),
        ("condemn", bool(words & CONDEMN)),
        ("num", any(w[:1].isdigit() for w in words) or bool(words & NUMBER_WORDS)),
    ) if on) + layers
    return SentenceContext(bag, cues)


def features(sent: Sentence, cand: Candidate, n_same: int, flags: Flags,
             ctx: SentenceContext | None = None) -> list[str]:
    """The sparse features of one candidate (strings; weights are looked up by name)."""
    if ctx is None:
        ctx = sentence_context(sent)
    toks = sent.tokens
    k = cand.token
    e = cand.entry
    f = [f"k={e.key}", f"p={e.pos}", f"m={e.mode}", f"w={int(e.weak)}"]
    form = cand.form
    if e.pos == "n":
        f.append(f"def={int(form.startswith(ARTICLES))}")
    else:
        f.append("vf=fut" if is_future_verb(form) else "vf=imp" if is_imperfect(form) else "vf=perf")
    f.append(f"conj={int(form[0] in 'وف')}")
    for d in (-2, -1, 1, 2):
        j = k + d
        if 0 <= j < len(toks):
            f.append(f"w{d}={toks[j].norm}")
    lo, hi = max(0, k - 5), min(len(toks), k + 6)
    for t in toks[lo:k]:
        f.append(f"L={t.norm}")
    for t in toks[k + 1:hi]:
        f.append(f"R={t.norm}")
    f.extend(ctx.bag)
    f.extend(ctx.cues)
    f.append(f"pos={_bucket(k * 4 // max(1, len(toks)), (1, 2, 3))}")
    f.append(f"same={min(n_same, 3)}")
    if k <= 1:
        f.append("first")
    if any(_ACTION_VERB.match(t.norm) for t in toks[max(0, k - 3):k]):
        f.append("actverb")
    cues = (
        ("generic", bool({t.norm for t in toks[max(0, k - 2):k]} & GENERIC)),
        ("neg", flags.negated), ("hypo", flags.hypothetical), ("fut", flags.future),
        ("hist", flags.historical), ("goal", flags.goal), ("rel", flags.relative),
        ("anchor", flags.anchored), ("occ", flags.occurred), ("present", flags.present),
        ("bg", flags.background), ("oldyear", flags.old_year), ("asserted", flags.asserted),
    )
    f.extend(name for name, on in cues if on)  # only cues that are present
    return f


class EventFilter:
    """Per-type linear models; types without a model are passed through (probability None)."""

    def __init__(self, models: dict[str, Model], mode: str = "article") -> None:
        if mode not in ("article", "sentence"):
            raise MarsadError(f"unknown filter mode {mode!r}.", hint='Use "article" or "sentence".')
        self.models = models
        self.mode = mode

    @classmethod
    def from_dict(cls, data: dict, mode: str = "article") -> EventFilter:  # type: ignore[type-arg]
        try:
            models = {
                t: Model(float(m["bias"]), {str(k): float(v) for k, v in m["weights"].items()},
                         float(m.get("threshold", 0.5)),
                         float(m.get("article_threshold", m.get("threshold", 0.5))))
                for t, m in data["models"].items()
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise MarsadError(f"the event filter model is malformed: {exc}",
                              hint="Re-create it with scripts/train_event_filter.py.") from exc
        return cls(models, mode)

    @classmethod
    def load(cls, path: Path | None = None) -> EventFilter:
        if path is not None:
            text = Path(path).read_text(encoding="utf-8")
        else:
            shipped = Path(__file__).resolve().parents[1] / "data" / MODEL_FILE
            if not shipped.exists():
                return cls({})
            text = shipped.read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))

    def probability(self, type_: str, feats: list[str]) -> float | None:
        m = self.models.get(type_)
        if m is None:
            return None
        z = m.bias + sum(map(m.weights.get, feats, repeat(0.0)))  # map: no Python frame per feature
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def threshold(self, type_: str) -> float:
        m = self.models.get(type_)
        if m is None:
            return 0.5
        return m.article_threshold if self.mode == "article" else m.threshold


_override: EventFilter | None = None


@lru_cache(maxsize=1)
def _shipped() -> EventFilter:
    return EventFilter.load()


def default_filter() -> EventFilter:
    """The filter the events stage uses: the shipped model, or one set by :func:`use_filter`."""
    return _override if _override is not None else _shipped()


def use_filter(f: EventFilter | None) -> None:
    """Make the events stage use ``f`` (``None``: back to the shipped model). For evaluation."""
    global _override
    _override = f
