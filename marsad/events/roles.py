"""Actor and recipient spans from Arabic word order around a trigger.

Phrases come from :mod:`marsad.events.roles_phrase` (definiteness, named entities, glued
prepositions); the rules here read who acts on whom:

* verb first (VSO): the phrase after the verb is the subject, the next one (or the one after
  على / ضد / مع / بحق, or a glued dative «ل» for acts of support, aid and blame) the object;
  a pronoun object may come first («اتصلت بي السيدة بيشوب»); a verb with a plural subject
  suffix («أطلقوا»، «يطالبون») or a first-person verb in a quote («أدين»، «نرفض») has no
  subject after it;
* subject first (SVO): the phrase right before the verb, back to the clause start; a count or
  a victim noun there («أن 390 مقاتلاً ... قتلوا»، «جنديين قتلا») makes it the victims;
* passive or victim-first readings («قُتل 13 من عناصر الشرطة»، «مقتل X»، «اعتقال X»): the
  phrase after the trigger is the recipient, the agent comes from «على يد / من قبل / برصاص /
  بنيران / من جانب / نُسب إلى / شنّها X» or «فجّر X نفسه»; a verbal noun with a genitive and
  then an object («اعتقال الشرطة مستوطنين») reads subject, object;
* nouns carried by a light verb («نفّذت الشرطة مداهمات»، «تمكنت سلطات الأمن من القبض»)
  take its subject; «بين X وY» gives both sides (actor and recipient of a clash, two actors
  of talks); coordinated members («الحكومة التركية وحزب العمال») are each a role;
* the victims the figures stage counted for a trigger are recipients (with «من X» after
  them), and a circumstantial participle («نافياً») takes its clause's named subject.

Dropped subjects and possessives («وانتقد»، «مباحثاته») are resolved after the events are
built, in :mod:`marsad.events.roles_anaphora`.
"""

from __future__ import annotations

import re

from marsad.events.candidates import Candidate
from marsad.events.filter import TIME_WORDS
from marsad.events.roles_phrase import (
    AGENT_WORDS,
    COUNT_WORDS,
    DESCRIPTIVE,
    OPEN_Q,
    QUANTIFIERS,
    SKIP_TO_COUNT,
    STOP,
    VICTIM_WORDS,
    EntMap,
    Glued,
    Range,
    bare_article,
    clause_start,
    definite,
    entity_map,
    is_stop,
    nisba,
    noun_phrase,
    np_before,
    pp_word,
    prep_clitic,
    trim_start,
)
from marsad.model.document import Document, Sentence
from marsad.model.records import Figure
from marsad.text.clitics import PROCLITIC_LETTERS
from marsad.text.normalize import fold
from marsad.text.triggers import lexicon

_AGENT_CUE = re.compile(
    r"(?:علي\s+(?:يد|ايدي)|من\s+قبل|برصاص|بنيران|بقذائف|بصواريخ|(?:[يت]?نسب|المنسوب)\S{0,2}\s+الي|"
    r"من\s+جانب|فجرت?(?=\s+\S+(?:\s+\S+)?\s+نفس)|"
    r"(?:شن|نفذ|تبن|تبني|اعلن\s+مسووليه\S*\s+عن)\S{0,3})\s+"
)
_PREP_RECIPIENT = {"علي", "ضد", "مع", "بحق", "تجاه", "استهدف", "استهدفت"}
_ATTACHED_B = re.compile(r"^[وف]?(?:ب|ل)(?:ال|ل)?\S{2,}")


def _victim_next(sent: Sentence, j: int) -> bool:
    """True when a count or a victim noun follows (a passive «قُتل 13 ...»)."""
    toks = sent.tokens
    for t in toks[j:j + 5]:
        w = t.norm
        if w[:1].isdigit() or w in VICTIM_WORDS or w in COUNT_WORDS:
            return True
        if w not in SKIP_TO_COUNT and w not in TIME_WORDS:
            return False
    return False


def _skip_apposition(sent: Sentence, j: int, trig: set[int], ents: EntMap | None) -> int:
    """After «وزيرة الدفاع الفرنسية، فلورنس بارلي،» continue after the second comma."""
    toks = sent.tokens
    if j < len(toks) and toks[j].norm in ("،", ","):
        app = noun_phrase(sent, j + 1, trig, ents=ents)
        if app and app[1] < len(toks) and toks[app[1]].norm in ("،", ","):
            return app[1] + 1
    return j


def _agent(ntext: str, sent: Sentence, k: int, trig: set[int],
           ents: EntMap | None) -> Range | None:
    toks = sent.tokens
    m = _AGENT_CUE.search(ntext, toks[k].nend, sent.nend)
    if m is None or m.start() - toks[k].nend > 80:
        return None
    for j in range(k + 1, len(toks)):
        if toks[j].nstart >= m.end():
            # the agent may be a trigger word itself («فجّر انتحاري نفسه»): only later
            # triggers end its phrase
            return noun_phrase(sent, j, {t for t in trig if t > j}, ents=ents)
    return None


_TYPE_PREPS = {
    "ASSAULT": _PREP_RECIPIENT | {"صفوف"},
    "AID": _PREP_RECIPIENT | {"الي", "لصالح"},
    "MOBILIZE": _PREP_RECIPIENT | {"الي"},
    "SUPPORT": _PREP_RECIPIENT | {"لجهود", "لدور"},
    "REQUEST": _PREP_RECIPIENT | {"من"},
}


def _after_prep(sent: Sentence, j: int, trig: set[int], limit: int,
                ents: EntMap | None, preps: set[str] | frozenset[str] = _PREP_RECIPIENT,
                attached: bool = False) -> Range | None:
    """The phrase after the first recipient preposition within ``limit`` tokens.

    With ``attached``, a dative «ل» glued to the noun counts too («المساعدة للسلطات»،
    «انتقاداً لحماس»، «دعمها لجهود قيادة البلد»).
    """
    toks = sent.tokens
    for i in range(j, min(len(toks), j + limit)):
        w = toks[i].norm
        if w in preps:
            return noun_phrase(sent, i + 1, trig, ents=ents)
        if attached and _dative(sent, i, trig, ents):
            r = noun_phrase(sent, i, trig, ents=ents)
            return Glued(r) if r else None
        if i > j and w in ("،", ",", ".", ":", "؛") or w in _CLAUSE_WORDS:
            break
    return None


def _dative(sent: Sentence, i: int, trig: set[int], ents: EntMap | None) -> bool:
    """«للسلطات»، «لحماس»، «لأهالي الضحايا»: a noun with a glued dative «ل»."""
    toks = sent.tokens
    w = toks[i].norm
    if i in trig:
        return False
    if w.startswith("لل") and len(w) > 4 or w[:1] == "ل" and ents is not None and i in ents:
        return True
    if w.startswith(("لي", "لت", "لن")) and i - 1 not in trig:
        return False  # «ليقدم»، «لتعزيز»: ل + an imperfect verb
    if w[:1] == "ل" and len(w) > 3 and i - 1 in trig:
        return True  # «انتقاداً لحماس»، «تعزية لأهالي»: the act's noun, then its recipient
    # «لأهالي الضحايا»، «لجهود قيادة البلد»: ل + a noun in construct with what follows
    # («ليقدم»: ل + an imperfect verb, is none)
    return w[:1] == "ل" and len(w) > 4 and i + 1 < len(toks) and definite(toks[i + 1].norm)


_CLAUSE_WORDS = frozenset({"ان", "انه", "انها", "بان", "الذي", "التي", "الذين", "حيث", "فيما",
                           "بينما", "عندما", "لان", "كما", "وان"})
_ATTACHED_TYPES = frozenset({"AID", "SUPPORT", "ACCUSE", "COOPERATE", "CONCEDE"})
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


_PRON_PP = frozenset({"بي", "به", "بها", "بهم", "بنا", "لي", "له", "لها", "لهم", "لنا", "معه",
                      "معها", "معهم", "معنا", "عليه", "عليها", "عليهم", "علينا", "الي", "اليه",
                      "اليها", "اليهم"})


# Manner adverbials between a verb and its object, with the number of tokens they take.
_MANNER = {"بشكل": 2, "بصوره": 2, "بطريقه": 2, "بشده": 1, "بقوه": 1, "مجددا": 1, "ايضا": 1,
           "رسميا": 1, "علنا": 1}


def _direct_object(sent: Sentence, j: int, trig: set[int], ents: EntMap | None) -> Range | None:
    """The accusative object at ``j``; a prepositional phrase («بالتهدئة») is none."""
    toks = sent.tokens
    if j + 1 < len(toks) and toks[j].norm in _MANNER:
        j += _MANNER[toks[j].norm]  # «أدين بشكل قاطع خطوات ...»
    if j + 1 < len(toks) and toks[j].norm in OPEN_Q:
        j += 1
    quant = toks[j].norm in QUANTIFIERS if j < len(toks) else False
    if j >= len(toks) or is_stop(toks[j].norm) and not quant or prep_clitic(sent, j) or \
            toks[j].norm in _AGENT_PREPS:
        return None
    w = toks[j].norm
    if w[:1] == "و" and not w.startswith(("وال", *_W_NOUNS)) and not (ents and j in ents):
        return None  # «وأسفر»: و starts the next clause
    return noun_phrase(sent, j, trig, ents=ents)


# nouns whose first letter is و (not the conjunction)
_W_NOUNS = ("وزير", "وزار", "وكال", "وحد", "وفد", "ولاي", "وسائل", "وسايل", "والي", "وسيط",
            "وكلاء", "وكلا", "ولي")
_AGENT_PREPS = frozenset({"برصاص", "بنيران", "بقذائف", "بصواريخ", "بيد", "بايدي"})


def _victims_before(sent: Sentence, cs: int, k: int) -> bool:
    """«أن نحو 390 مقاتلاً ... قتلوا»: a count before the verb makes its subject the victims."""
    toks = sent.tokens
    if any(t.norm[:1].isdigit() or t.norm in COUNT_WORDS for t in toks[cs:k]):
        return True
    # «جنديين ماليين قتلا»: a victim noun (or its dual) as the subject of a killing verb
    for t in toks[cs:k]:
        w = bare_article(t.norm)
        if w in VICTIM_WORDS or w.endswith(("ين", "ان")) and w[:-2] in VICTIM_WORDS:
            return True
    return False


def _subject_in_verb(cand: Candidate) -> bool:
    """A verb with a plural subject suffix («قتلوا»، «يطالبون»): no noun subject follows it."""
    w = cand.form
    return len(w) > 4 and (w.endswith("وا") or w.endswith("ون") and w[:1] in "يت"
                           or w[:2] in ("وي", "وت", "في", "فت") and w.endswith("ون"))


def _circumstantial(form: str) -> bool:
    """An accusative active participle of manner («نافياً»، «مؤكداً»، «متهماً»، «داعياً»)."""
    w = form[1:] if form[:1] in "وف" and len(form) > 5 else form
    return len(w) >= 5 and w.endswith("ا") and not w.startswith("ال") and \
        (w[0] == "م" or w[1] == "ا") and not w.endswith(("وا", "تا"))


def first_person(cand: Candidate, sent: Sentence) -> bool:
    """«نرفض»، «ندين»، «أدين»: the speaker of the quote performs the act."""
    w = cand.form
    if w[:1] in "وف" and len(w) > 4:
        w = w[1:]
    if len(w) < 3 or w[0] not in "نا":
        return False
    forms = lexicon().forms
    if "ي" + w[1:] not in forms or w[0] == "ا" and w[:2] in ("ات", "ان", "اس"):
        return False  # «اتهم»، «انتقد»، «استنكر» are also perfects of the third person
    k = cand.token
    prev = sent.tokens[k - 1].norm if k > 0 else ""
    return w[0] == "ن" or prev in ("«", "\"", "“", ":", "انا", "انني", "اني") or k == 0


# Heads of named bodies and groups: «وحزب العمال»، «وحركة حماس» after «و» are nouns.
ORG_HEADS = frozenset({
    "حزب", "حركه", "جماعه", "جماعات", "تنظيم", "منظمه", "مجلس", "وزاره", "حكومه", "جبهه",
    "قوات", "سلطات", "جيش", "شرطه", "فصايل", "ميليشيا", "ميليشيات", "مليشيات", "هييه",
    "لجنه", "اتحاد", "رييس", "وزير", "زعيم", "قاده", "عناصر", "مسلحين", "مقاتلي", "ممثلي",
})


def _conjoined(sent: Sentence, r: Range, trig: set[int], ents: EntMap | None) -> Range | None:
    """«الحكومة التركية وحزب العمال الكردستاني»: the second member of a coordination."""
    toks = sent.tokens
    i = r[1]
    if i >= len(toks) or i in trig:
        return None
    w = toks[i].norm
    if not (w.startswith("وال") or w[:1] == "و" and (ents is not None and i in ents
                                                    or w[1:] in ORG_HEADS)):
        return None
    return noun_phrase(sent, i, trig, ents=ents)


def _between(sent: Sentence, j: int, trig: set[int], ents: EntMap | None) -> list[Range]:
    """«بين الشرطة والمتظاهرين»: the two sides of a clash, a meeting or a deal."""
    toks = sent.tokens
    for i in range(j, min(len(toks), j + 4)):
        if toks[i].norm == "بين":
            first = noun_phrase(sent, i + 1, trig, ents=ents)
            if first is None:
                return []
            nxt = first[1]
            second = None  # «والمتظاهرين» may be a trigger of its own: it is a side all the same
            if nxt < len(toks) and toks[nxt].norm[:1] == "و" and len(toks[nxt].norm) > 3:
                second = noun_phrase(sent, nxt, set(), ents=ents)
            return [first] + ([Glued(second)] if second else [])
        if toks[i].norm in STOP and toks[i].norm not in ("بين",):
            return []
    return []


def assign_roles(ntext: str, sent: Sentence, cand: Candidate, trig: set[int],
                 ents: EntMap | dict[int, int] | None = None,
                 ) -> tuple[list[Range], list[Range]]:
    """(actor ranges, recipient ranges) as token index ranges of ``sent``."""
    if ents is not None and not isinstance(ents, EntMap):
        ents = entity_map(sent, ents)
    actors, recips = _word_order(ntext, sent, cand, trig, ents or None)
    # coordinated members: «دعا الحكومة التركية وحزب العمال الكردستاني إلى ...»
    for r in list(actors):
        more = _conjoined(sent, r, trig, ents or None)
        if more and more not in recips and more not in actors:
            actors.append(Glued(more))
    for r in list(recips):
        more = _conjoined(sent, r, trig, ents or None)
        if more and more not in recips and more not in actors:
            recips.append(Glued(more))
    if not recips:
        extra = _other_party(sent, cand, trig, ents or None)
        if extra and not _overlaps(extra, actors):
            recips.append(extra)
    return actors, recips


# Nouns of a request or an offer: «رفض طلباً من الرئيس» -> the requester is the recipient
_ASKING = frozenset({"طلب", "طلبا", "طلبات", "دعوه", "دعوات", "عرض", "عرضا", "مقترح", "مقترحا",
                     "اقتراح", "اقتراحا", "مبادره", "وساطه"})


def _other_party(sent: Sentence, cand: Candidate, trig: set[int],
                 ents: EntMap | None) -> Range | None:
    """A recipient word order missed: the requester of a rejected or accepted request, the
    one met («لقائه بزعيم كوريا»), or the lone side of talks («بين الأطراف الليبية»)."""
    toks = sent.tokens
    k = cand.token
    while k + 1 < len(toks) and toks[k + 1].nstart < cand.nend:
        k += 1
    nxt = k + 1
    t = cand.type
    if t in ("REJECT", "AGREE", "CONCEDE"):
        for i in range(nxt, min(len(toks) - 2, nxt + 8)):
            if toks[i].norm in _ASKING and toks[i + 1].norm == "من":
                return noun_phrase(sent, i + 2, trig, ents=ents)
    if t in _SYMMETRIC:
        if nxt < len(toks) and toks[nxt].norm[:1] == "ب" and prep_clitic(sent, nxt) and \
                not pp_word(toks[nxt].norm):
            r = noun_phrase(sent, nxt, trig, ents=ents)  # «لقائه بزعيم كوريا الشمالية»
            return Glued(r) if r else None
        sides = _between(sent, nxt, trig, ents)
        if len(sides) == 1:
            return sides[0]
    return None


def _word_order(ntext: str, sent: Sentence, cand: Candidate, trig: set[int],
                ents: EntMap | None) -> tuple[list[Range], list[Range]]:
    toks = sent.tokens
    k = cand.token
    # the trigger may span several tokens («إطلاق النار»): continue after its last token
    k_end = k
    while k_end + 1 < len(toks) and toks[k_end + 1].nstart < cand.nend:
        k_end += 1
    e = cand.entry
    preps = _TYPE_PREPS.get(e.type, _PREP_RECIPIENT)
    attached = e.type in _ATTACHED_TYPES
    actors: list[Range] = []
    recips: list[Range] = []
    nxt = k_end + 1
    sides = _between(sent, nxt, trig, ents) if e.type in _SYMMETRIC or e.type == "ASSAULT" \
        else []
    if len(sides) == 2:
        if e.type in _SYMMETRIC:
            return sides, []
        return sides[:1], sides[1:]  # a clash: the side named first acts on the other
    if e.pos == "v":
        while nxt < len(toks) and toks[nxt].norm in TIME_WORDS:
            nxt += 1
        if first_person(cand, sent):  # the quote's speaker acts: the next phrase is the object
            obj = _after_prep(sent, nxt, trig, 3, ents, preps, attached) \
                or _direct_object(sent, nxt, trig, ents)
            return [], [obj] if obj else []
        cs = clause_start(sent, k)
        if _circumstantial(cand.form):
            # «رد ترامب على كتاب وودوارد نافياً ...»: the participle's subject is the clause's
            # (its first named entity), not the phrase right before it
            first = next((i for i in range(cs, k) if ents and i in ents), None)
            if first is None:  # a relative clause or a quoted title came in between
                first = next((i for i in range(k) if ents and i in ents
                              and ents[i][1] in ("PERS", "ORG")), None)
            obj = _after_prep(sent, nxt, trig, 3, ents, preps, attached)
            return ([(first, min(ents[first][0], k))] if ents and first is not None else []), \
                ([obj] if obj else [])
        subj_before = np_before(sent, k, trig, cs) if k > cs else None
        passive = e.patient or subj_before is None and _victim_next(sent, nxt)
        if e.type in ("ASSAULT", "COERCE") and passive:
            j = nxt
            while j < len(toks) and (toks[j].norm[:1].isdigit() or toks[j].norm in SKIP_TO_COUNT
                                     or toks[j].norm in COUNT_WORDS or toks[j].norm in TIME_WORDS):
                j += 1
            np = noun_phrase(sent, j, trig, ents=ents)
            if np:
                recips.append(np)
            ag = _agent(ntext, sent, k_end, trig, ents)
            if ag:
                actors.append(ag)
            return actors, recips
        if subj_before is not None and e.type == "ASSAULT" and _victims_before(sent, cs, k):
            recips.append(subj_before)
            ag = _agent(ntext, sent, k_end, trig, ents)
            return ([ag] if ag else []), recips
        if subj_before is not None:
            actors.append(subj_before)
            obj = _after_prep(sent, nxt, trig, 5, ents, preps, attached) \
                or _direct_object(sent, nxt, trig, ents)
            if obj:
                recips.append(obj)
        elif _subject_in_verb(cand):
            # «أطلقوا هتافات»، «يطالبون ...»: the verb holds its (plural) subject
            obj = _after_prep(sent, nxt, trig, 5, ents, preps, attached) \
                or _direct_object(sent, nxt, trig, ents)
            if obj:
                recips.append(obj)
        else:
            while nxt < len(toks) and toks[nxt].norm in _PRON_PP:
                nxt += 1  # «اتصلت بي السيدة بيشوب»: the pronoun object comes first
            subj = noun_phrase(sent, nxt, trig, ents=ents) \
                if nxt < len(toks) and not prep_clitic(sent, nxt) else None
            if subj is None:  # «وأعربت عن دعمها الكامل لجهود قيادة البلد»: subject dropped
                obj = _after_prep(sent, nxt, trig, 5, ents, preps, attached)
                if obj is None and nxt + 2 < len(toks) and toks[nxt].norm in ("في", "خلال"):
                    obj = _direct_object(sent, nxt + 2, trig, ents)  # «وانتقد في تقريره X»
                if obj:
                    recips.append(obj)
            if subj:
                actors.append(subj)
                j = _skip_apposition(sent, subj[1], trig, ents)
                while j < len(toks) and toks[j].norm in TIME_WORDS:
                    j += 1
                obj = _after_prep(sent, j, trig, 3, ents, preps, attached) \
                    or _direct_object(sent, j, trig, ents)
                if obj:
                    recips.append(obj)
        return actors, recips
    # nouns
    if e.patient or e.type in ("COERCE", "RETREAT") or e.key.endswith(("اختطاف", "خطف")):
        np = noun_phrase(sent, nxt, trig, ents=ents)
        if np:
            j = np[1]
            while j < len(toks) and (toks[j].norm in TIME_WORDS or toks[j].norm in ("،", ",")):
                j += 1
            obj = _direct_object(sent, j, trig, ents)
            if toks[np[0]].norm in AGENT_WORDS or obj is not None:
                # «اعتقال الشرطة الإسرائيلية مستوطنين اثنين»: subject in the genitive, then
                # the object
                actors.append(np)
                obj = obj or noun_phrase(sent, np[1], trig, ents=ents)
                if obj:
                    recips.append(obj)
            else:
                recips.append(np)
        else:  # «القبض على الجاني»، «الإفراج عن المعتقلين»
            rec = _after_prep(sent, nxt, trig, 3, ents, preps | {"عن"})
            if rec:
                recips.append(rec)
    else:
        if nxt < len(toks) and toks[nxt].norm.endswith(("يه", "يين", "يون")) and \
                not is_stop(toks[nxt].norm) and nxt not in trig and toks[nxt].norm[:1] != "و" and \
                bare_article(toks[nxt].norm) not in DESCRIPTIVE:
            actors.append((nxt, nxt + 1))
        rec = _after_prep(sent, nxt, trig, 6, ents, preps, attached)
        if rec:
            recips.append(rec)
    ag = _agent(ntext, sent, k_end, trig, ents)
    if ag and ag not in actors:
        actors.insert(0, ag)
    if not actors and e.type == "MOBILIZE":
        # «رفع درجة التأهب وسط قوات الأمن»، «في صفوف الجيش»: the forces put on alert
        ranks = _after_prep(sent, nxt, trig, 4, ents, frozenset({"وسط", "صفوف"}))
        if ranks:
            actors.append(ranks)
            recips = [r for r in recips if not _overlaps(r, [ranks])]
    if not actors:
        doer = _light_verb_subject(sent, k, trig, ents)
        if doer and not _overlaps(doer, recips):
            actors.append(doer)
    return actors, recips


# Verbs that carry a verbal-noun trigger: «شنّ غارات»، «نفّذت الشرطة مداهمات»، «عقد محادثات»
_LIGHT = ("شن", "نفذ", "ارتكب", "قاد", "اجري", "عقد", "نظم", "بدا", "واصل", "اطلق", "قام",
          "خاض", "تبني", "باشر", "استانف", "وجه", "اعلن", "اجرت", "تنفيذ", "شنها", "نفذها",
          "تمكن", "اقدم", "حاول", "تولي")
_LIGHT_FORMS = frozenset(
    f"{p}{stem}{s}" for stem in _LIGHT for p in ("", "و", "ف", "ي", "ت", "وي", "وت")
    for s in ("", "ت", "وا", "ا", "ون", "ان"))


def _light_verb_subject(sent: Sentence, k: int, trig: set[int],
                        ents: EntMap | None) -> Range | None:
    """The subject of a light verb governing the noun at ``k`` (VSO or SVO).

    Light verbs chain («واصل ... شنّ هجمات»): a light verbal noun right before the
    trigger hands the search on to its own governor. One comma may be crossed («بدأ الجيش
    الوطني في الجزائر، عمليات تمشيط»).
    """
    toks = sent.tokens
    cs = clause_start(sent, k)
    if cs > 1 and toks[cs - 1].norm in ("،", ","):
        cs = clause_start(sent, cs - 1)
    head = k
    for v in range(k - 1, max(cs, k - 10) - 1, -1):
        if toks[v].norm not in _LIGHT_FORMS:
            continue
        np = noun_phrase(sent, v + 1, trig, ents=ents)
        if np and np[1] <= head and np[0] < head:  # VSO: «ونفذت الشرطة مداهمات»
            return np
        if v == k - 1 and head == k and any(toks[x].norm in _LIGHT_FORMS
                                            for x in range(max(cs, v - 4), v)):
            head = v  # «واصل من جهته شنّ هجمات»: look for the governor of «شنّ»
            continue
        if v > cs:  # SVO: «الشرطة نفذت مداهمات»
            return np_before(sent, v, trig, clause_start(sent, v))
        return None
    return None


def _counted(sent: Sentence, cand: Candidate, figures: list[Figure],
             ents: EntMap | None = None) -> list[Range]:
    """Token ranges of what the figures of this trigger counted («13 من عناصر الشرطة»)."""
    toks = sent.tokens
    if not figures or not toks:
        return []
    trig_tok = toks[cand.token]
    out: list[Range] = []
    for f in figures:
        if f.counted is None:
            continue
        near = f.cue is not None and f.cue.start < trig_tok.end + 2 and trig_tok.start < f.cue.end \
            or 0 <= f.span.start - trig_tok.end <= 40
        if not near:
            continue
        a = next((x for x, t in enumerate(toks) if t.start <= f.counted.start < t.end), None)
        if a is None or is_stop(toks[a].norm) or prep_clitic(sent, a) or \
                toks[a].norm in _AGENT_PREPS:
            continue  # «برصاص الجيش» names the shooter, not the victims
        b = a + 1
        while b < len(toks) and toks[b].start < f.counted.end:
            b += 1
        # «6 قياديين من تنظيم داعش»، «مقيمين اثنين من الجنسية اليمنية»: the group they belong to
        j = b
        while j < len(toks) and j < b + 2 and (toks[j].norm in COUNT_WORDS or nisba(toks[j].norm)
                                               or toks[j].norm.endswith(("ين", "ا", "ان"))):
            j += 1
        if j < len(toks) and toks[j].norm in ("من", "في") and \
                (toks[j].norm == "من" or j + 1 < len(toks) and toks[j + 1].norm == "صفوف"):
            grp = noun_phrase(sent, j + (1 if toks[j].norm == "من" else 2), set(), ents=ents)
            if grp is not None and grp[0] <= j + 2:
                b = grp[1]
        out.append((a, b))
    return out


def _overlaps(r: Range, rs: list[Range]) -> bool:
    return any(r[0] < b and a < r[1] for a, b in rs)


# Heads no actor or recipient has: abstract nouns, verbal nouns of stance, time words and
# adverbs that word order picks up next to a trigger («أكد ضرورة ...»، «نفى ضلوعها»).
NOT_A_PARTY = frozenset(fold(w) for w in (
    "وقت", "خلال", "خلاله", "خلالها", "عدم", "ولا", "مرارا", "تكرارا", "ضرورة", "أهمية",
    "إمكانية", "احتمال", "استخدام", "استمرار", "السماح", "إنهاء", "إلحاق",
    "ضلوع", "ضلوعه", "ضلوعها", "ضلوعهم", "خلفية", "أجل", "الأسبوع", "الشهر", "العام",
    "الأخيرة", "الأخير", "عنه", "عنها", "قرار", "نية", "رغبة", "حرص", "التزام",
))
# «مسؤولية» folds like «مسؤوليه» ("his officials"), a recipient: only actors exclude it
NOT_AN_ACTOR = NOT_A_PARTY | {fold("مسؤولية")}


def _parties(sent: Sentence, ranges: list[Range], heads: frozenset[str] = NOT_A_PARTY
             ) -> list[Range]:
    """Role ranges without lone proclitic tokens at their edges («بـ "داعش"») and without
    those headed by a word that names no party (``heads``)."""
    toks = sent.tokens
    out: list[Range] = []
    for r in ranges:
        a, b = r
        while a < b and toks[a].norm in PROCLITIC_LETTERS:
            a += 1
        while b > a and toks[b - 1].norm in PROCLITIC_LETTERS:
            b -= 1  # «الحكومة بـ»
        if a == b or toks[a].norm in heads:
            continue
        out.append(r if (a, b) == r else type(r)((a, b)))  # a Glued range stays Glued
    return out


def mention_roles(ntext: str, sent: Sentence, cand: Candidate, trig: set[int],
                  ents: EntMap | None, figures: list[Figure] | None = None,
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Actors and recipients of one mention as folded-text offsets, clitics trimmed.

    Word order first (:func:`assign_roles`); the victims the figures stage counted for this
    trigger («مقتل 13 من عناصر الشرطة» -> «عناصر الشرطة») are recipients too.
    """
    actors, recips = assign_roles(ntext, sent, cand, trig, ents)
    if figures and cand.type in ("ASSAULT", "COERCE"):
        for r in _counted(sent, cand, figures, ents):
            inner = [x for x in recips if r[0] <= x[0] and x[1] <= r[1]]
            if inner:  # «قياديين» -> «قياديين من تنظيم "داعش"»
                recips = [r if x == inner[0] else x for x in recips if x == inner[0]
                          or x not in inner]
            elif not _overlaps(r, recips):
                recips.append(r)
            actors = [x for x in actors if not _overlaps(x, [r])]
    toks = sent.tokens
    actors, recips = _parties(sent, actors, NOT_AN_ACTOR), _parties(sent, recips)

    def off(r: Range) -> tuple[int, int]:
        a = trim_start(sent, r[0], ents)
        w = toks[r[0]].norm
        if isinstance(r, Glued) and a == toks[r[0]].nstart and w[:1] in "لوب" and len(w) > 3:
            a += 1  # «لحماس» -> «حماس»، «وحزب العمال» -> «حزب العمال»
        return (a, toks[r[1] - 1].nend)

    return [off(r) for r in actors], [off(r) for r in recips]


def speaker_overreaches(doc: Document, speaker: tuple[int, int], actors: list[tuple[int, int]],
                        recipients: list[tuple[int, int]]) -> bool:
    """True when a quote speaker's span (original offsets) swallowed the statement's object.

    «ودعت فرنسا إسرائيل إلى ...»: the speaker «فرنسا إسرائيل» holds the word-order actor
    «فرنسا» and runs into the recipient «إسرائيل»; the word-order actor is the better span.
    """
    a, b = speaker
    spans = [doc.norm.span(u, v) for u, v in actors]
    for x, y in recipients:
        rs, re_ = doc.norm.span(x, y)
        if rs < b and a < re_:
            # the speaker is (or runs into) the object, and word order names another actor
            if any(a <= s and e <= b for s, e in spans) or \
                    any(not (s < re_ and rs < e) and not (s < b and a < e) for s, e in spans):
                return True
    return False
