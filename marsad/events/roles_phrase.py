"""Noun phrases for event roles: where an actor's or recipient's span starts and ends.

No parser: a phrase is a run of words that are not particles, prepositions, time words,
numbers or other triggers. Its end comes from Arabic definiteness (a noun in construct has
no article, so a bare word after a definite one starts something else), from named
entities (taken whole, then only adjectives), from glued prepositions («بالدور») and from
sound plurals in «ون» (never in construct). Spans lose a glued و/ف/ب/ل before the noun.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from marsad.events.filter import TIME_WORDS
from marsad.model.document import Sentence
from marsad.model.records import Entity
from marsad.text.normalize import fold

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
    "تحت", "فوق", "عقب", "قبيل", "لكي", "كي", "بي", "لي", "به", "بهم", "بهما", "فيه", "فيها",
    "نحن", "انا", "انت", "اننا", "انني", "اني", "لنا", "لكم", "سوي", "مقابل", "عده",
    "النار", "الاقل", "بشكل", "بصوره", "بطريقه",
})


AGENT_WORDS = frozenset({
    "قوات", "القوات", "الشرطه", "شرطه", "الجيش", "جيش", "الامن", "سلطات", "السلطات", "مسلحون",
    "مسلحين", "المسلحون", "المسلحين", "حركه", "تنظيم", "جماعه", "ميليشيا", "مليشيا", "ميليشيات",
    "مليشيات", "التحالف", "الطيران", "طائرات", "الاحتلال", "عناصر", "مقاتلو", "مقاتلي",
})


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


class EntMap(dict[int, tuple[int, str, int]]):
    """Named entities of one sentence: first token index -> (end token index, label, folded
    offset of the entity inside that token, 0 unless a clitic comes first)."""


def entity_map(sent: Sentence, entities: list[Entity] | dict[int, int] | None) -> EntMap:
    """The sentence's PERS/ORG/LOC entities as token ranges (one may start after a clitic).

    MISC and very long entities are left out: the tagger's MISC spans over-run phrases.
    """
    out = EntMap()
    toks = sent.tokens
    if not entities or not toks:
        return out
    lo, hi = toks[0].start, toks[-1].end
    if isinstance(entities, list):
        first = bisect_left(entities, lo, key=lambda e: e.span.start)  # sorted by position
        items = []
        for e in entities[first:]:
            if e.span.start >= hi:
                break
            if e.label != "MISC":
                items.append((e.span.start, e.span.end, e.label))
    else:
        items = [(a, b, "") for a, b in entities.items() if lo <= a < hi]
    starts = [t.start for t in toks]
    for a, b, label in items:
        if not (lo <= a < hi):
            continue
        i = bisect_right(starts, a) - 1
        if i < 0 or not (toks[i].start <= a < toks[i].end):
            continue
        j = i + 1
        while j < len(toks) and toks[j].start < b:
            j += 1
        if j - i > 6:
            continue
        t = toks[i]
        out[i] = (j, label, len(fold(t.text[:a - t.start])) if a > t.start else 0)
    return out


def bare_article(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w  # token indices [a, b)


COUNT_WORDS = frozenset({
    "عشرات", "مئات", "الاف", "الف", "اثنين", "اثنان", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه",
    "ثمانيه", "تسعه", "عشره", "احد", "واحد", "بعض", "عدد",
})


SKIP_TO_COUNT = frozenset({"حتي", "الان", "نحو", "اكثر", "من", "ما", "لا", "يقل", "عن", "قرابه",
                            "حوالي", "اقل", "زهاء", "ايضا"})


def is_stop(norm: str) -> bool:
    return norm in STOP or norm in TIME_WORDS or not norm[:1].isalpha()


def definite(w: str) -> bool:
    """The article, alone or after a clitic («الحكومة»، «والجيش»، «للنفط»، «بالدور»)."""
    return w.startswith(("ال", "وال", "فال", "لل", "ولل", "بال", "وبال", "كال")) and len(w) > 3


def nisba(w: str) -> bool:
    """An adjective of origin or kind («الروسية»، «الكردستاني»، «المسلحة»)."""
    return definite(w) and w.endswith(("ي", "يه", "يين", "يون", "يه", "ه", "ين", "ون"))


def prep_clitic(sent: Sentence, i: int) -> bool:
    """Token ``i`` carries a glued preposition (ب، ل، ك): it cannot be a subject or object."""
    tok = sent.tokens[i]
    for wd in tok.words:
        if wd.role != "prefix":
            return False
        if wd.norm in ("ب", "ل", "ك"):
            return True
    return pp_word(tok.norm)


def pp_word(w: str) -> bool:
    """A preposition glued to a definite noun («بالدفاع»، «للتحقيق»): a new phrase."""
    return w.startswith(("بال", "وبال", "فبال", "كال"))


TITLES = frozenset({
    "وزير", "وزيره", "رييس", "رييسه", "زعيم", "قايد", "مدير", "سفير", "امين", "نايب", "مستشار",
    "ممثل", "مبعوث", "متحدث", "المتحدث", "ناطق", "الناطق", "امير", "ملك", "ولي", "عضو",
    "محافظ", "حاكم", "قاضي", "الرييس", "الوزير", "الامين", "القايد", "المبعوث", "السفير",
})


OPEN_Q = frozenset({"\"", "«", "»", "“", "”", "'"})


QUANTIFIERS = frozenset({"جميع", "كل", "بعض", "كافه", "معظم", "غالبيه", "اغلب"})


# Nouns that begin with ل (not the preposition)
_L_NOUNS = ("لجن", "لواء", "لوا", "لبنان", "ليبي", "لندن", "لاجي", "لاعب", "لقاء", "لقا", "لحظ",
            "لغه", "لهجه", "ليل", "لوس", "لورد")
_DEF_CONT = frozenset({"باسم", "بن", "ابن"})


def noun_phrase(sent: Sentence, j: int, trig: set[int], max_len: int = 5,
                ents: EntMap | None = None) -> Range | None:
    """The noun phrase starting at token ``j`` (time words skipped), or None.

    Boundaries come from Arabic definiteness: a noun in construct has no article, so a
    definite word («الحكومة») can only be followed by its adjectives («التركية») or an
    apposed name («الرئيس الأمريكي دونالد ترامب»); a bare word after it («قتلت»،
    «مستوطنين») starts something else. A named entity is taken whole and then only takes
    adjectives; a sound plural in «ون» cannot be in construct either.
    """
    toks = sent.tokens
    n = len(toks)
    while j < n and (toks[j].norm in TIME_WORDS or toks[j].norm in ("يوم", "،", ",")):
        j += 1
    if j < n and toks[j].norm in OPEN_Q and j + 1 < n and toks[j + 1].norm not in OPEN_Q:
        j += 1  # «دعت فرنسا "جميع الأفرقاء"»
    quant = j + 1 < n and toks[j].norm in QUANTIFIERS and not is_stop(toks[j + 1].norm) \
        and j + 1 not in trig  # «جميع الأطراف»، «بعض أعضائه»
    if j >= n or j in trig or is_stop(toks[j].norm) and not quant:
        return None
    a = b = j
    if quant:
        b = j + 1
    ent = ents.get(a) if ents else None
    if ent is not None:
        b = min(ent[0], n)
        while b < n and b - a < max_len + 2 and b not in trig and nisba(toks[b].norm) and \
                not (ents and b in ents):
            b += 1
        if ent[1] == "PERS" and b < n and bare_article(toks[b].norm) in TITLES:
            # «إليستير برت وزير الدولة البريطاني»: a title after the name is its apposition
            more = noun_phrase(sent, b, trig, max_len, ents)
            if more is not None:
                b = more[1]
        return (a, b)
    while b < n and b - a < max_len and b not in trig and (not is_stop(toks[b].norm)
                                                            or toks[b].norm in QUANTIFIERS):
        w = toks[b].norm
        if b > a:
            prev = toks[b - 1].norm
            if w[0] == "و":
                break  # «الشرطة والمتظاهرين»: each member of a coordination is its own phrase
            if pp_word(w):
                break
            if prev.startswith(("لل", "ولل")) and not nisba(w):
                break  # «المؤسسة الوطنية للنفط | الحكومة»
            if (prep_clitic(sent, b) or w[:1] == "ل" and not w.startswith(_L_NOUNS)) and \
                    not (w.startswith(("لل", "ولل")) or w.startswith("ل") and definite(prev)):
                break  # «لحماس | لمحاولتها»; «دورية للجيش»، «المرصد السوري لحقوق» hold
            if w in QUANTIFIERS:
                if definite(prev) or b + 1 >= n or is_stop(toks[b + 1].norm):
                    break
                b += 2  # «خطوات جميع الأطراف»
                continue
            # «مسلحون مجهولون | دورية»: a nominative plural takes only its adjectives
            if prev.endswith("ون") and not w.endswith("ون"):
                break
            if ents and b in ents:
                # an apposed name after a definite title, or the genitive of a bare head
                # («مدير أمن الإسكندرية»); any other entity starts anew
                if definite(prev) and ents[b][1] == "PERS" or \
                        not definite(prev) and (b - 1) not in ents and w[:1] != "و":
                    b = min(ents[b][0], n)
                break
            if definite(prev) and not definite(w) and w not in _DEF_CONT:
                break
        b += 1
        # «تنظيم "داعش"»: a quoted name in construct with a bare head
        if b + 2 < n and toks[b].norm in OPEN_Q and toks[b + 2].norm in OPEN_Q and \
                not definite(toks[b - 1].norm) and not is_stop(toks[b + 1].norm):
            b += 3
            break
    return (a, b) if b > a else None


_ASIDE = frozenset({"جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "بدوره", "بدورها",
                    "بدورهم", "ناحيته", "ناحيتها"})


def np_before(sent: Sentence, k: int, trig: set[int], clause_start: int) -> Range | None:
    """A noun phrase ending right before token ``k`` (SVO subject), within the clause."""
    toks = sent.tokens
    b = k
    while b > clause_start and toks[b - 1].norm in TIME_WORDS:
        b -= 1
    # «إن الحزب واصل من جهته ...»، «الوزير بدوره ...»: skip the aside
    if b - 1 > clause_start and toks[b - 1].norm in _ASIDE and toks[b - 2].norm == "من":
        b -= 2
    elif b > clause_start and toks[b - 1].norm in _ASIDE:
        b -= 1
    a = b
    while a > clause_start and b - a < 5 and (a - 1) not in trig and not is_stop(toks[a - 1].norm):
        a -= 1
    if a == b or prep_clitic(sent, a):
        return None
    # a phrase that starts with و + verb-like word is not a subject; keep nouns only
    return (a, b)


# Punctuation and words that open a clause («أن»، «حيث»، «الذي» ...).
_CLAUSE_OPENERS = frozenset({
    ",", "،", ":", "«", "»", "\"", "“", "”", "(", ")", "؛", ";", "-", "–",
    "ان", "انه", "انها", "بان", "بانه", "بانها", "حيث", "فيما", "بينما", "عندما", "وان", "لان",
    "كما", "الذي", "التي", "الذين",
})


def clause_start(sent: Sentence, k: int) -> int:
    """Index of the first token of the clause holding token ``k``."""
    toks = sent.tokens
    i = k - 1
    while i >= 0:
        if toks[i].norm in _CLAUSE_OPENERS:
            return i + 1
        i -= 1
    return 0


class Glued(tuple[int, int]):
    """A token range whose first token carries a glued «ل» (dative) or «و» (a second
    member of a coordination): the clitic is trimmed from the span."""


_CLITIC_HEAD = ("وبال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال")


def trim_start(sent: Sentence, i: int, ents: EntMap | None) -> int:
    """Folded start of token ``i`` without a glued و/ف/ب/ل before the noun («وحزب»، «للسلطات»)."""
    tok = sent.tokens[i]
    w = tok.norm
    for p in _CLITIC_HEAD:
        if w.startswith(p) and len(w) - len(p) >= 2:
            cut = len(p) - 2 if p.endswith("ال") else len(p)
            return tok.nstart + cut
    if w.startswith("لل") and len(w) > 4:
        return tok.nstart + 2
    if ents is not None and i in ents and 0 < ents[i][2] < len(w) - 1:
        return tok.nstart + ents[i][2]  # «وحماس»، «لحماس»: the entity after the clitic
    return tok.nstart
