"""Places as the target of an act: "shelled the Ukrainian city of Kharkiv", "raided a village in Borno",
"visited Kyiv". The place stands for those who live and govern there, so it becomes an actor with the
place's country and no sector. Only argument positions count: "fighting in Kharkiv" stays a place.

Pure function over the scene; resolve.py adds what it returns to the document's mentions.
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.scene import PLACE_NOUNS, Found, Scene

# Prepositions whose object, under a verb, is what the verb acts on ("fired at", "advanced on", "strikes against").
TARGET_PREPS = frozenset({"on", "at", "into", "against", "toward", "towards"})
# Nouns for sites that an attack or a visit is done to, beside the administrative PLACE_NOUNS.
SITE_NOUNS = frozenset({"base", "camp", "hospital", "school", "market", "checkpoint", "outpost", "post", "convoy",
                        "positions", "position", "neighbourhood", "neighborhood", "suburb", "settlement", "refinery",
                        "facility", "plant", "oilfield", "mosque", "church", "compound", "prison", "stronghold"})
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
            continue
        start, end, country, why = hit
        if any(i in taken for i in range(start, end)):
            continue
        name = sc.text(start, end)
        out.append(Found(key=f"territory:{country}:{name.lower()}", start=start, end=end, name=name, kind="group",
                         country=country, reason=f"target-place:{why}"))
        taken.update(range(start, end))
    return out


def _argument(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass"):
        return tok.head.pos_ in ("VERB", "AUX")
    return tok.dep_ == "pobj" and tok.head.lower_ in TARGET_PREPS and tok.head.head.pos_ == "VERB"


def _territory(sc: Scene, tok: Token) -> tuple[int, int, str, str] | None:
    """(start, end, country, reason) of a place phrase headed by `tok`, or None."""
    h = sc.name_at.get(tok.i)
    if h is not None:
        if h.alias is not None or h.label not in ("GPE", "LOC", "FAC"):
            return None                                   # KB names and organisations are actors already
        country = sc.lex.city_country(sc.text(h.start, h.end))
        return (h.start, h.end, country, f"city:{sc.text(h.start, h.end)}") if country else None
    lemma = tok.lemma_.lower()
    if lemma not in PLACE_NOUNS and lemma not in SITE_NOUNS:
        return None
    if any(c.lower_ in NOT_SITES for c in tok.children):
        return None
    country, why = _country_of(sc, tok)
    if country is None:
        return None
    det = [c.i for c in tok.lefts if c.dep_ in ("det", "predet")]
    start = max(det) + 1 if det else tok.left_edge.i
    return start, tok.right_edge.i + 1 if tok.right_edge.i - tok.i < 6 else tok.i + 1, country, why


def _country_of(sc: Scene, tok: Token) -> tuple[str | None, str]:
    """The country a site noun's modifiers name: "the Ukrainian city", "a village in Borno", "the town of Gao"."""
    for c in tok.children:
        h = sc.name_at.get(c.i)
        if c.dep_ in ("amod", "compound", "poss", "nmod") and h is not None and sc.is_countryish(h):
            return sc.entry_code(h)[0], f"{c.dep_}:{c.text}"
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("of", "in", "near", "outside"):
            continue
        for obj in p.children:
            if obj.dep_ != "pobj":
                continue
            h = sc.name_at.get(obj.i)
            if h is None:
                continue
            if sc.is_countryish(h):
                return sc.entry_code(h)[0], f"{p.lower_}:{obj.text}"
            country = sc.lex.city_country(sc.text(h.start, h.end))
            if country:
                return country, f"{p.lower_}:{sc.text(h.start, h.end)}"
    return None, ""
