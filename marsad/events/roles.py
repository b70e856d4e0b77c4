"""Actor and recipient spans from Arabic word order around a trigger.

No parser: noun phrases are runs of words that are not particles, prepositions, time
words, numbers or other triggers, extended over named entities when the NER layer is
there. The rules:

* verb first (VSO): the noun phrase after the verb is the subject (actor), the next one
  (or the one after على / ضد / مع / بـ) the object (recipient);
* subject first (SVO): a noun phrase right before the verb, back to the clause start
  («أن»، «،»، a speech verb), is the actor; the phrase after the verb the recipient;
* passive or victim-first readings («قُتل 13 من عناصر الشرطة»، «لقي ... حتفه»، «أصيب»،
  «مقتل X»، «اعتقال X»): the phrase after the trigger is the recipient, and the agent comes
  from «على يد / على أيدي / من قبل / برصاص / بنيران X» or «شنّها / نفّذها X»;
* nouns of attack («هجوم»، «غارات») take the recipient after على / ضد / استهدف, the actor from
  a following genitive or nisba adjective («غارات إسرائيلية»).
"""

from __future__ import annotations

import re

from marsad.events.candidates import Candidate
from marsad.events.filter import TIME_WORDS
from marsad.model.document import Sentence

STOP = frozenset({
    "في", "وفي", "علي", "من", "ومن", "الي", "عن", "مع", "بعد", "قبل", "خلال", "ان", "انه",
    "انها", "انهم", "بان", "بانه", "بانها", "الذي", "التي", "الذين", "حيث", "كما", "ما", "لا",
    "لم", "لن", "قد", "وقد", "و", "او", "ثم", "بين", "منذ", "عند", "حتي", "عبر", "نحو", "ضد",
    "اثر", "اثناء", "وسط", "امام", "داخل", "فيما", "بينما", "وهو", "وهي", "هذا", "هذه", "ذلك",
    "تلك", "كان", "كانت", "وكان", "وكانت", "بسبب", "نتيجه", "لدي", "اليه", "عليه", "منه", "بها",
    "له", "لها", "لهم", "مما", "بعدما", "عندما", "بحسب", "حسب", "وفق", "وفقا", "ايضا", "يوم",
    "لان", "الا", "اذا", "لقد", "هو", "هي", "هم", "اي", "كل", "جميع", "بعض", "عدد", "اكثر", "اقل", "حوالي", "قرابه", "تم", "وتم", "جري", "يتم", "عليها", "عليهم", "بعدم",
    "والتي", "والذي", "فقد", "فان", "وان", "لكن", "ولكن", "غير", "بل", "اما", "اذ", "وذلك",
    "قال", "وقال", "قالت", "وقالت", "اضاف", "واضاف", "اكد", "واكد", "اكدت", "واكدت", "اعلن",
    "واعلن", "اعلنت", "واعلنت", "اوضح", "ذكر", "ذكرت", "افاد", "افادت", "مشيرا", "مضيفا",
    "بشان", "حول", "لدى", "اليوم", "امس", "مساء", "صباح", "فجر", "ليل", "ليله", "حين",
    "مسبقا", "مجددا", "رسميا", "فورا", "حاليا", "لاحقا", "سابقا", "موخرا", "اخيرا", "قصاصا",
    "شرعا", "عمدا", "تماما", "جزييا", "كليا", "مباشره", "علنا", "سرا", "جوا", "برا", "بحرا",
    "منها", "منهم", "جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها", "نفسه", "نفسها",
    "بدورهم", "جهتهم", "جانبهم", "كذلك", "خصوصا", "بشده", "بقوه", "بالفعل", "بجروح",
    "بجراح", "جراء", "حتف", "حتفه", "حتفهم", "مصرعه", "مصرعهم",
    "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "خارج",
    "تحت", "فوق", "عقب", "قبيل",
})
AGENT_WORDS = frozenset({
    "قوات", "القوات", "الشرطه", "شرطه", "الجيش", "جيش", "الامن", "سلطات", "السلطات", "مسلحون",
    "مسلحين", "المسلحون", "المسلحين", "حركه", "تنظيم", "جماعه", "ميليشيا", "مليشيا", "ميليشيات",
    "مليشيات", "التحالف", "الطيران", "طائرات", "الاحتلال", "عناصر", "مقاتلو", "مقاتلي",
})
_AGENT_CUE = re.compile(
    r"(?:علي\s+(?:يد|ايدي)|من\s+قبل|برصاص|بنيران|بقذائف|بصواريخ|"
    r"(?:شن|نفذ|تبن|تبني|اعلن\s+مسووليه\S*\s+عن)\S{0,3})\s+"
)
_PREP_RECIPIENT = {"علي", "ضد", "مع", "بحق", "تجاه", "استهدف", "استهدفت"}
_ATTACHED_B = re.compile(r"^[وف]?(?:ب|ل)(?:ال|ل)?\S{2,}")
VICTIM_WORDS = frozenset({
    "شخص", "اشخاص", "شخصا", "مدني", "مدنيين", "مدنيا", "جندي", "جنود", "جنديا", "شرطي",
    "شرطيين", "عنصر", "عناصر", "فلسطيني", "فلسطينيا", "فلسطينيين", "طفل", "اطفال", "طفلا",
    "امراه", "نساء", "رجل", "رجال", "ضابط", "ضباط", "مواطن", "مواطنين", "مواطنا", "صحفي",
    "صحافي", "صحافيان", "مسعفه", "قتيل", "قتيلا", "جريح",
})
# Adjectives after an attack noun that describe it rather than name its author
DESCRIPTIVE = frozenset({
    "جويه", "بريه", "بحريه", "عسكريه", "انتحاريه", "صاروخيه", "مسلحه", "ارهابيه", "داميه",
    "ضاريه", "عنيفه", "مكثفه", "جديده", "يوميه", "دوليه", "شعبيه", "سلميه", "احتجاجيه",
    "امنيه", "مدفعيه", "ناريه", "منفصله", "متفرقه", "متكرره", "واسعه", "عشواييه", "انتقاميه",
    "جماعيه", "فرديه", "نوعيه", "مباغته", "مشتركه", "سياسيه", "اعلاميه", "دبلوماسيه",
    "جاريه", "مستمره", "متواصله", "اخيره", "حاليه", "ماضيه", "متبادله", "محتمله", "خارجيه",
    "داخليه", "رييسيه", "كبيره", "صغيره", "خطيره", "مماثله",
})
Range = tuple[int, int]


def _bare_article(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w  # token indices [a, b)


COUNT_WORDS = frozenset({
    "عشرات", "مئات", "الاف", "الف", "اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه",
    "ثمانيه", "تسعه", "عشره", "احد", "واحد", "بعض", "عدد",
})
_SKIP_TO_COUNT = frozenset({"حتي", "الان", "نحو", "اكثر", "من", "ما", "لا", "يقل", "عن", "قرابه",
                            "حوالي", "اقل", "زهاء", "ايضا"})


def _victim_next(sent: Sentence, j: int) -> bool:
    """True when a count or a victim noun follows (a passive «قُتل 13 ...»)."""
    toks = sent.tokens
    for t in toks[j:j + 5]:
        w = t.norm
        if w[:1].isdigit() or w in VICTIM_WORDS or w in COUNT_WORDS:
            return True
        if w not in _SKIP_TO_COUNT and w not in TIME_WORDS:
            return False
    return False


def _is_stop(norm: str) -> bool:
    return norm in STOP or norm in TIME_WORDS or not norm[:1].isalpha()


def noun_phrase(sent: Sentence, j: int, trig: set[int], max_len: int = 5,
                ents: dict[int, int] | None = None) -> Range | None:
    """The noun phrase starting at token ``j`` (time words skipped), or None."""
    toks = sent.tokens
    n = len(toks)
    while j < n and (toks[j].norm in TIME_WORDS or toks[j].norm in ("يوم", "،", ",")):
        j += 1
    if j >= n or j in trig or _is_stop(toks[j].norm):
        return None
    a = b = j
    while b < n and b - a < max_len and b not in trig and not _is_stop(toks[b].norm):
        if b > a and toks[b].norm[0] == "و" and not toks[b].norm.startswith("وال"):
            break
        # «مسلحون مجهولون | دورية»: a nominative plural (and its adjectives) ends the phrase
        if b > a and toks[b - 1].norm.endswith("ون") and not toks[b].norm.endswith("ون") and \
                not toks[b].norm.startswith("ال"):
            break
        b += 1
    if ents:
        end = ents.get(toks[a].start)
        if end is not None:
            while b < n and toks[b].start < end:
                b += 1
    return (a, b) if b > a else None


def _np_before(sent: Sentence, k: int, trig: set[int], clause_start: int) -> Range | None:
    """A noun phrase ending right before token ``k`` (SVO subject), within the clause."""
    toks = sent.tokens
    b = k
    while b > clause_start and toks[b - 1].norm in TIME_WORDS:
        b -= 1
    a = b
    while a > clause_start and b - a < 5 and (a - 1) not in trig and not _is_stop(toks[a - 1].norm):
        a -= 1
    if a == b:
        return None
    # a phrase that starts with و + verb-like word is not a subject; keep nouns only
    return (a, b)


def _skip_apposition(sent: Sentence, j: int, trig: set[int], ents: dict[int, int] | None) -> int:
    """After «وزيرة الدفاع الفرنسية، فلورنس بارلي،» continue after the second comma."""
    toks = sent.tokens
    if j < len(toks) and toks[j].norm in ("،", ","):
        app = noun_phrase(sent, j + 1, trig, ents=ents)
        if app and app[1] < len(toks) and toks[app[1]].norm in ("،", ","):
            return app[1] + 1
    return j


def clause_start(sent: Sentence, k: int) -> int:
    """Index of the first token of the clause holding token ``k``."""
    toks = sent.tokens
    i = k - 1
    while i >= 0:
        w = toks[i].norm
        if w in (",", "،", ":", "«", "»", "\"", "“", "”", "(", ")", "؛", ";", "-", "–") or \
                w in ("ان", "انه", "انها", "بان", "بانه", "بانها", "حيث", "فيما", "بينما", "عندما",
                      "وان", "لان", "كما", "الذي", "التي", "الذين"):
            return i + 1
        i -= 1
    return 0


def _agent(ntext: str, sent: Sentence, k: int, trig: set[int],
           ents: dict[int, int] | None) -> Range | None:
    toks = sent.tokens
    m = _AGENT_CUE.search(ntext, toks[k].nend, sent.nend)
    if m is None or m.start() - toks[k].nend > 80:
        return None
    for j in range(k + 1, len(toks)):
        if toks[j].nstart >= m.end():
            return noun_phrase(sent, j, trig, ents=ents)
    return None


_TYPE_PREPS = {
    "AID": _PREP_RECIPIENT | {"الي", "لصالح"},
    "MOBILIZE": _PREP_RECIPIENT | {"الي"},
    "SUPPORT": _PREP_RECIPIENT | {"لجهود", "لدور"},
    "REQUEST": _PREP_RECIPIENT | {"من"},
}


def _after_prep(sent: Sentence, j: int, trig: set[int], limit: int,
                ents: dict[int, int] | None, preps: set[str] | frozenset[str] = _PREP_RECIPIENT,
                ) -> Range | None:
    toks = sent.tokens
    for i in range(j, min(len(toks), j + limit)):
        if toks[i].norm in preps:
            return noun_phrase(sent, i + 1, trig, ents=ents)
    return None


def assign_roles(ntext: str, sent: Sentence, cand: Candidate, trig: set[int],
                 ents: dict[int, int] | None = None) -> tuple[list[Range], list[Range]]:
    """(actor ranges, recipient ranges) as token index ranges of ``sent``."""
    toks = sent.tokens
    k = cand.token
    # the trigger may span several tokens («إطلاق النار»): continue after its last token
    k_end = k
    while k_end + 1 < len(toks) and toks[k_end + 1].nstart < cand.nend:
        k_end += 1
    e = cand.entry
    actors: list[Range] = []
    recips: list[Range] = []
    if e.pos == "v":
        nxt = k_end + 1
        while nxt < len(toks) and toks[nxt].norm in TIME_WORDS:
            nxt += 1
        cs = clause_start(sent, k)
        subj_before = _np_before(sent, k, trig, cs) if k > cs else None
        passive = e.patient or subj_before is None and _victim_next(sent, nxt)
        if e.type in ("ASSAULT", "COERCE") and passive:
            j = nxt
            while j < len(toks) and (toks[j].norm[:1].isdigit() or toks[j].norm in _SKIP_TO_COUNT
                                     or toks[j].norm in COUNT_WORDS or toks[j].norm in TIME_WORDS):
                j += 1
            np = noun_phrase(sent, j, trig, ents=ents)
            if np:
                recips.append(np)
            ag = _agent(ntext, sent, k_end, trig, ents)
            if ag:
                actors.append(ag)
            return actors, recips
        if subj_before is not None:
            actors.append(subj_before)
            obj = _after_prep(sent, nxt, trig, 5, ents, _TYPE_PREPS.get(e.type, _PREP_RECIPIENT)) \
                or noun_phrase(sent, nxt, trig, ents=ents)
            if obj:
                recips.append(obj)
        else:
            subj = noun_phrase(sent, nxt, trig, ents=ents)
            if subj:
                actors.append(subj)
                j = _skip_apposition(sent, subj[1], trig, ents)
                obj = _after_prep(sent, j, trig, 3, ents, _TYPE_PREPS.get(e.type, _PREP_RECIPIENT))
                if obj is None and j < len(toks) and not _is_stop(toks[j].norm):
                    obj = noun_phrase(sent, j, trig, ents=ents)
                if obj:
                    recips.append(obj)
        return actors, recips
    # nouns
    nxt = k_end + 1
    if e.patient or e.type in ("COERCE", "RETREAT") or e.key.endswith(("اختطاف", "خطف")):
        np = noun_phrase(sent, nxt, trig, ents=ents)
        if np:
            if np[1] - np[0] >= 1 and toks[np[0]].norm in AGENT_WORDS:
                actors.append(np)
                obj = noun_phrase(sent, np[1], trig, ents=ents)
                if obj:
                    recips.append(obj)
            else:
                recips.append(np)
    else:
        if nxt < len(toks) and toks[nxt].norm.endswith(("يه", "يين", "يون")) and \
                not _is_stop(toks[nxt].norm) and nxt not in trig and \
                _bare_article(toks[nxt].norm) not in DESCRIPTIVE:
            actors.append((nxt, nxt + 1))
        rec = _after_prep(sent, nxt, trig, 6, ents, _TYPE_PREPS.get(e.type, _PREP_RECIPIENT))
        if rec:
            recips.append(rec)
    ag = _agent(ntext, sent, k_end, trig, ents)
    if ag and ag not in actors:
        actors.insert(0, ag)
    return actors, recips
