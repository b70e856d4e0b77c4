"""Shared helpers of the store tests: real Arabic articles, a small event stage, stores."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from marsad import registry
from marsad.model.records import Actor, Event, Figure, Place, Source
from marsad.text.normalize import fold

# Short real-world style news items (Arabic), each with what a reader finds in it.
ARTICLES: list[dict[str, Any]] = [
    {"id": "kz", "published": "2022-01-06", "title": "اشتباكات في ألما آتا",
     "url": "https://example.org/kz",
     "text": "قالت الشرطة إن 13 شخصا قتلوا في اشتباكات بين قوات الأمن ومسلحين في مدينة "
             "ألما آتا يوم الخميس، وفق ما ذكرته وكالة سبوتنيك.\n"
             "وأضافت أن الوضع في المدينة عاد إلى الهدوء صباح اليوم."},
    {"id": "jo", "published": "2022-02-04", "site": "وكالة الأنباء الأردنية",
     "text": "تظاهر آلاف المحتجين في العاصمة الأردنية عمّان يوم الجمعة احتجاجا على ارتفاع "
             "الأسعار، بحسب ما أفادت وكالة الأنباء الأردنية.\nوردد المتظاهرون هتافات تطالب "
             "الحكومة بالتراجع عن قرارها."},
    {"id": "sy", "published": "2022-03-15",
     "text": "أعلن الجيش السوري أن 5 جنود قتلوا في هجوم شنه مسلحون على حاجز عسكري قرب "
             "مدينة حلب، وفق ما نقلته وكالة سانا.\nولم تعلن أي جهة مسؤوليتها عن الهجوم."},
    {"id": "eg", "published": "2022-03-20",
     "text": "افتتح وزير الثقافة المصري معرض الكتاب الدولي في القاهرة بمشاركة أكثر من "
             "ثلاثين دولة عربية وأجنبية."},
]

_PLACES = {
    fold("ألما آتا"): ("Almaty", "KZ", "KAZ", 43.25, 76.92),
    fold("عمّان"): ("Amman", "JO", "JOR", 31.95, 35.93),
    fold("حلب"): ("Aleppo", "SY", "SYR", 36.20, 37.16),
}
_TRIGGER = re.compile(r"(?<!\S)(?:(?P<assault>قتلوا|هجوم|اشتباكات)|(?P<protest>تظاهر))")
_ACTOR = re.compile(r"قوات الامن|الجيش السوري|مسلحون|المحتجين")
_FIGURE = re.compile(r"(\d+) (?:شخصا|جنود)")
_SOURCE = re.compile(r"وكاله (?:سبوتنيك|سانا|الانباء الاردنيه)")
_SECTORS = {"قوات الامن": ["COP"], "الجيش السوري": ["MIL"], "مسلحون": ["UAF"],
            "المحتجين": ["CVL"]}

TEST_STAGE = "g_test_events"


def _events(doc: Any) -> Any:
    """One event per sentence with an attack or protest word (test scaffolding only)."""
    nt = doc.ntext
    for i, s in enumerate(doc.sentences):
        seg = nt[s.nstart:s.nend]
        m = _TRIGGER.search(seg)
        if not m:
            continue
        a = s.nstart + m.start()
        ev = Event(type="ASSAULT" if m["assault"] else "PROTEST",
                   trigger=doc.span(a, s.nstart + m.end()), sentence=i,
                   sentence_span=doc.sentence_span(i),
                   mode="firearms" if m["assault"] else "demo", date=str(doc.published),
                   date_precision="day", confidence=0.8)
        for am in _ACTOR.finditer(seg):
            ev.actors.append(Actor(doc.span(s.nstart + am.start(), s.nstart + am.end()),
                                   country=None, sectors=_SECTORS[am.group()]))
        for fm in _FIGURE.finditer(seg):
            ev.figures.append(Figure(doc.span(s.nstart + fm.start(1), s.nstart + fm.end(1)),
                                     value=int(fm.group(1)), kind="killed", sentence=i))
        for sm in _SOURCE.finditer(seg):
            sp = doc.span(s.nstart + sm.start(), s.nstart + sm.end())
            ev.sources.append(Source(sp, chain=[sp], sentence=i))
        for name, (gname, cc, cc3, lat, lon) in _PLACES.items():
            k = seg.find(name)
            if k >= 0:
                ev.location = Place(doc.span(s.nstart + k, s.nstart + k + len(name)),
                                    name=gname, country=cc, country3=cc3, lat=lat, lon=lon,
                                    precision="city", sentence=i)
        doc.events.append(ev)
        doc.figures.extend(ev.figures)
    return doc


def _crash(doc: Any) -> Any:
    if "انهيار" in doc.text:
        raise RuntimeError("test stage crashed on purpose")
    return doc


@registry.stage(TEST_STAGE, requires=("sentences",), assigns=("events",))
def _make_test_events() -> Any:
    return _events


@registry.stage("g_test_crash", requires=("sentences",), assigns=("crash_check",))
def _make_crash() -> Any:
    return _crash


TEST_STAGES = ["segment", TEST_STAGE, "g_test_crash"]


def real_stages() -> tuple[str, ...]:
    """The default stages, for tests that compare engines on the real pipeline."""
    from marsad.pipeline import DEFAULT_STAGES

    return DEFAULT_STAGES


def many_articles(n: int) -> list[dict[str, Any]]:
    """``n`` distinct article records built from the sentences above."""
    sentences = [line for a in ARTICLES for line in a["text"].split("\n")]
    out = []
    for i in range(n):
        k = len(sentences)
        picked = [sentences[(i + j * 3) % k] for j in range(3 + i % 4)]
        out.append({"id": f"a{i}", "published": f"2022-01-{1 + i % 28:02d}",
                    "text": f"عدد {i}.\n" + "\n".join(picked)})
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    import json

    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path
