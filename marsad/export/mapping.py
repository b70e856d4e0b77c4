"""Event rows of the store as PLOVER (POLECAT-style) records and ACLED rows.

PLOVER: the field names of the PLOVER 2.0 JSON record (id, date, actor,
recipient, event, mode, context, event_loc, event_text, quad_code, size, text_info,
cite_info ...). ACLED: the codebook's columns, with event_type / sub_event_type mapped
from the PLOVER type and mode; ``fatalities`` is the conservative killed count.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from marsad import __version__

QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# PLOVER types ACLED codes, and how. Verbal types (CONSULT, ACCUSE ...) are not ACLED events.
_ASSAULT_MODES = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "unconventional": ("Explosions/Remote violence", "Chemical weapon"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "crowd-control": ("Protests", "Excessive force against protesters"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
}
_ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "SPY", "IMG"}
_CIVILIAN_SECTORS = {"CVL", "JRN", "MED", "EDU", "REL", "REF", "AGR", "LAB", "BUS", "SOC"}

# ACLED interaction codes of PLOVER sectors (1 state forces ... 8 external/other).
_INTER = {"MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "REB": 2, "UAF": 3, "IMG": 2, "PTY": 3,
          "CVL": 7, "JRN": 7, "MED": 7, "EDU": 7, "REL": 7, "REF": 7, "AGR": 7, "LAB": 7,
          "BUS": 7, "OPP": 6, "SOC": 7, "IGO": 8, "UNO": 8, "NGO": 8}

_PRECISION_ACLED = {"sub-city": 1, "city": 1, "admin1": 3, "country": 3}
_TIME_ACLED = {"day": 1, "week": 2, "month": 3, "year": 3}
_RESOLUTION = {"sub-city": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


def acled_type(ev: dict[str, Any], recipients: list[dict[str, Any]]) -> tuple[str, str] | None:
    """(event_type, sub_event_type) of an event, or None when ACLED does not code it."""
    t, mode = ev.get("type"), ev.get("mode") or ""
    if t == "ASSAULT":
        if mode in _ASSAULT_MODES:
            return _ASSAULT_MODES[mode]
        rsec = {s for r in recipients for s in (r.get("sectors") or "").split()}
        if rsec & _ARMED_SECTORS:
            return ("Battles", "Armed clash")
        return ("Violence against civilians", "Attack")
    if t == "PROTEST":
        if mode in ("riot", "vandalize"):
            return ("Riots", "Violent demonstration")
        return ("Protests", "Peaceful protest")
    if t == "COERCE":
        if mode in ("arrest", "deport"):
            return ("Strategic developments", "Arrests")
        if mode == "seize":
            return ("Strategic developments", "Looting/property destruction")
        return None
    if t == "AGREE":
        return ("Strategic developments", "Agreement")
    if t == "MOBILIZE":
        return ("Strategic developments", "Change to group/activity")
    if t == "RETREAT" and mode == "withdraw":
        return ("Strategic developments", "Non-violent transfer of territory")
    return None


def _disorder(event_type: str) -> str:
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def country_name(cc: str | None) -> str | None:
    """English short name of an ISO alpha-2 code (from the bundled gazetteer)."""
    if not cc:
        return None
    try:
        from marsad.geo.gazetteer import country

        e = country(cc)
        return e.name if e else cc
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return cc


def children(conn: sqlite3.Connection, event_id: int) -> dict[str, list[dict[str, Any]]]:
    """An event's actors, recipients, figures, sources (with chains) and mentions."""
    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(sql, (event_id,))]

    actors = rows("SELECT * FROM actors WHERE event=? ORDER BY role, idx")
    sources = rows("SELECT * FROM sources WHERE event=? ORDER BY idx")
    for s in sources:
        s["chain"] = [dict(r) for r in conn.execute(
            "SELECT pos, start, end, text FROM source_chain WHERE source=? ORDER BY pos",
            (s["id"],))]
    return {
        "actors": [a for a in actors if a["role"] == "actor"],
        "recipients": [a for a in actors if a["role"] == "recipient"],
        "figures": rows("SELECT * FROM figures WHERE event=? ORDER BY idx"),
        "sources": sources,
        "mentions": rows("SELECT idx, start, end, text FROM event_mentions WHERE event=? "
                         "ORDER BY idx"),
    }


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    sectors = (a.get("sectors") or "").split()
    return {"entity_text": a["text"], "code": a.get("country"),
            "sector": sectors[0] if sectors else None, "other_sector_codes": sectors[1:],
            "start": a["start"], "end": a["end"]}


def _size(figures: list[dict[str, Any]]) -> dict[str, Any]:
    size: dict[str, Any] = {}
    for kind, name in (("killed", "dead"), ("injured", "injured"), ("arrested", "arrested")):
        vals = [f for f in figures if f["kind"] == kind]
        if vals:
            best = max(vals, key=lambda f: f["value"])
            size[name] = (f"{best['value']}-{best['value_max']}" if best.get("value_max")
                          else best["value"])
    return size


def plover_record(ev: dict[str, Any], ch: dict[str, list[dict[str, Any]]],
                  doc_text: str) -> dict[str, Any]:
    """A POLECAT-style PLOVER record of one stored event."""
    loc = None
    if ev.get("country") or ev.get("loc_text") or ev.get("lat") is not None:
        loc = {"extracted_place": ev.get("loc_text"), "resolved_place": ev.get("loc_name"),
               "geonameid": ev.get("geonameid"), "lat": ev.get("lat"), "lon": ev.get("lon"),
               "province": ev.get("admin1"), "country": country_name(ev.get("country")),
               "country_code": ev.get("country3") or ev.get("country"),
               "feature_class": ev.get("feature_class"),
               "resolution": _RESOLUTION.get(ev.get("geo_precision") or ""),
               "start": ev.get("loc_start"), "end": ev.get("loc_end")}
    s0, s1 = ev["sentence_start"], ev["sentence_end"]
    aux = [m for m in ("negated", "hypothetical", "future", "historical") if ev.get(m)]
    return {
        "id": ev["uid"], "date": ev.get("date") or ev.get("published"),
        "date_precision": ev.get("date_precision") or ("day" if ev.get("published") else None),
        "has_event": True,
        "event": ev["type"], "mode": ev.get("mode"), "auxiliary_modes": aux,
        "quad_code": QUAD.get(ev["type"]), "context": [],
        "actor": [_entity(a) for a in ch["actors"]],
        "recipient": [_entity(a) for a in ch["recipients"]],
        "event_loc": loc,
        "event_text": ev["trigger_text"],
        "size": _size(ch["figures"]),
        "sources": [{"text": s["text"], "start": s["start"], "end": s["end"],
                     "chain": [c["text"] for c in s["chain"]]} for s in ch["sources"]],
        "link": ev.get("doc_hash"),
        "text": doc_text[s0:s1],
        "text_info": {"sequence": ev["sentence"], "start": s0, "end": s1,
                      "text_story": ev.get("doc_id"),
                      "trigger": {"start": ev["trigger_start"], "end": ev["trigger_end"]}},
        "cite_info": {"corpus": "marsad", "citation": ev.get("doc_id"), "url": ev.get("url"),
                      "title": ev.get("title"), "language": "ar",
                      "publication": ev.get("site"), "coder": "marsad",
                      "codebook": "PLOVER 2.0", "version": __version__},
        "coder": "marsad", "coded_date": dt.date.today().isoformat(),
        "confidence": ev.get("confidence"),
    }


def _actor_label(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["text"] for a in actors)


def _inter(actors: list[dict[str, Any]]) -> int:
    for a in actors:
        for s in (a.get("sectors") or "").split():
            if s in _INTER:
                return _INTER[s]
    return 8 if actors else 0


def acled_row(ev: dict[str, Any], ch: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """One ACLED row of a stored event, or None when ACLED does not code its type."""
    if ev.get("negated") or ev.get("hypothetical") or ev.get("future") or ev.get("historical"):
        return None  # ACLED codes events that happened, when the report is about them
    kind = acled_type(ev, ch["recipients"])
    if kind is None:
        return None
    date = ev.get("date") or ev.get("published")
    i1, i2 = _inter(ch["actors"]), _inter(ch["recipients"])
    civ = any(set((r.get("sectors") or "").split()) & _CIVILIAN_SECTORS
              for r in ch["recipients"]) and kind[0] in (
        "Violence against civilians", "Explosions/Remote violence")
    sources = [s["text"] for s in ch["sources"]]
    if ev.get("site"):
        sources.append(ev["site"])
    note = (f"{ev['type']}" + (f"/{ev['mode']}" if ev.get("mode") else "") + ": "
            + (ev.get("trigger_text") or ""))
    return {
        "event_id_cnty": f"{ev.get('country3') or 'XXX'}{ev['uid']}",
        "event_date": date, "year": date[:4] if date else None,
        "time_precision": _TIME_ACLED.get(ev.get("date_precision") or "day", 1),
        "disorder_type": _disorder(kind[0]), "event_type": kind[0], "sub_event_type": kind[1],
        "actor1": _actor_label(ch["actors"]), "assoc_actor_1": "", "inter1": i1,
        "actor2": _actor_label(ch["recipients"]), "assoc_actor_2": "", "inter2": i2,
        "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 or i2 else 0,
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": "", "region": "", "country": country_name(ev.get("country")) or "",
        "admin1": ev.get("admin1") or "", "admin2": "", "admin3": "",
        "location": ev.get("loc_name") or ev.get("loc_text") or "",
        "latitude": ev.get("lat"), "longitude": ev.get("lon"),
        "geo_precision": _PRECISION_ACLED.get(ev.get("geo_precision") or "", 3)
        if ev.get("lat") is not None else "",
        "source": "; ".join(dict.fromkeys(x for x in sources if x)),
        "source_scale": "", "notes": note,
        "fatalities": ev.get("fatalities") or 0, "tags": "", "timestamp": "",
    }
