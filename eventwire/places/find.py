"""Finding places in a parsed article: mentions (pure, from the parse) then resolution against the gazetteer.

A country name is a place only where the sentence uses it as a location ("in Syria", "across Libya");
elsewhere ("Turkey called on…", "supported by France", "Libya's government") it names a government, which
the actors stage records. City names are places unless they stand for a government ("Ankara said…").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.places.gazetteer import Candidate, Gazetteer, GeoEntry, normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
BIG_CITY = 500_000          # a city this large outranks a same-named region ("New York", "Washington")
FALLBACK_MIN_POP = 15_000   # an untagged proper noun after "in" counts as a town only if at least this big


@dataclass(frozen=True)
class Rules:
    directions: frozenset[str]
    region_nouns: frozenset[str]
    locative: frozenset[str]
    facility_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "rules.yaml").read_text("utf-8"))
    return Rules(frozenset(raw["directions"]), frozenset(raw["region_nouns"]),
                 frozenset(raw["locative_prepositions"]), frozenset(raw["facility_nouns"]))


@dataclass
class PlaceMention:
    start: int                   # character offsets of the mention in the text
    end: int
    tokens: list[int]            # token indices it covers
    name: str                    # the name to look up ("Libya" in "eastern Libya")
    label: str                   # spaCy label, or "PROPN" for an untagged proper noun
    locative: bool               # object of a locative preposition ("in", "near" …)
    agentive: bool               # subject, possessor or "by"-agent: a government rather than a location
    direction: str | None = None     # "eastern" in "eastern Libya"
    region_noun: str | None = None   # "province" in "Idlib province"


@dataclass
class FoundPlace:
    name: str
    country: str | None
    kind: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    reason: str
    mentions: list[PlaceMention] = field(default_factory=list)


# ---- mentions ------------------------------------------------------------------------------------
def find_mentions(doc: Doc, rules: Rules) -> list[PlaceMention]:
    """Candidate place mentions: GPE/LOC/FAC entities, plus untagged proper nouns after "in"/"at"/"near"."""
    out = [m for ent in doc.ents if ent.label_ in PLACE_LABELS if (m := _entity_mention(doc, ent, rules))]
    taken = {i for m in out for i in m.tokens}
    for tok in doc:
        if (tok.pos_ == "PROPN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near")
                and tok.i not in taken and tok.ent_type_ not in PLACE_LABELS and tok.is_title):
            left = tok.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i == tok.i:
                left -= 1
            span = doc[left:tok.i + 1]
            out.append(PlaceMention(span.start_char, span.end_char, list(range(left, tok.i + 1)), span.text,
                                    "PROPN", True, False))
    return sorted(out, key=lambda m: m.start)


def _entity_mention(doc: Doc, ent: SpacySpan, rules: Rules) -> PlaceMention | None:
    toks = list(ent)
    while toks and toks[0].lower_ in ("the", "a"):
        toks = toks[1:]
    direction = None
    if toks and toks[0].lower_ in rules.directions and len(toks) > 1:
        direction, name_toks = toks[0].text, toks[1:]
    else:
        name_toks = toks
    while name_toks and name_toks[-1].tag_ == "POS":   # "Libya's"
        name_toks = name_toks[:-1]
    if not name_toks:
        return None
    start, end = (toks[0].idx if direction else name_toks[0].idx), name_toks[-1].idx + len(name_toks[-1])
    if direction is None and toks and toks[0].i == ent.start:
        for width in (1, 3):                    # "eastern Libya", "north - west Syria"
            before = doc[max(0, ent.start - width):ent.start]
            if len(before) == width and before.text.lower() in rules.directions:
                direction, start = before.text, before.start_char
                break
    region_noun = None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in rules.region_nouns and ent.root.head.i == nxt.i:
        region_noun, end = nxt.text, nxt.idx + len(nxt)
    base = ent.root
    while base.dep_ in ("conj", "appos") and base.head.i != base.i:
        base = base.head
    if nxt is not None and region_noun:
        base = nxt
    if _inside_org_name(base):
        return None
    locative = base.dep_ == "pobj" and base.head.lower_ in rules.locative
    agentive = base.dep_ in AGENT_DEPS or (base.dep_ == "pobj" and base.head.lower_ == "by")
    tokens = [t.i for t in doc if start <= t.idx < end]
    return PlaceMention(start, end, tokens, " ".join(t.text for t in name_toks), ent.label_,
                        locative, agentive, direction, region_noun)


def _inside_org_name(base: Token) -> bool:
    """ "Mission in Libya": the preposition hangs off a word of an organisation's name."""
    head = base.head
    return base.dep_ == "pobj" and head.dep_ == "prep" and head.head.ent_type_ == "ORG"


# ---- resolution ----------------------------------------------------------------------------------
def resolve(mentions: list[PlaceMention], gaz: Gazetteer, actor_mentions: list[tuple[str, str]],
            rules: Rules) -> list[FoundPlace]:
    """Mentions → places, each ambiguous name settled by the countries the rest of the document names.

    `actor_mentions` are (country, mention text) of the actors found so far; an actor mention with the
    same name as the place ("Tripoli" read as Libya's government) is no evidence for that place."""
    names = {normalize(m.name) for m in mentions}
    provisional = {n: _best(gaz.lookup(n), Counter())[0] for n in names}
    evidence_all = Counter(c for c, _ in actor_mentions)
    actor_by_name: dict[str, Counter[str]] = {}
    for c, text in actor_mentions:
        actor_by_name.setdefault(normalize(text), Counter())[c] += 1
    for m in mentions:
        cand = provisional[normalize(m.name)]
        if cand is not None and cand.entry.country:
            evidence_all[cand.entry.country] += 1
    places: dict[tuple, FoundPlace] = {}
    for m in mentions:
        n = normalize(m.name)
        own = provisional[n]
        evidence = Counter(evidence_all)
        if own is not None and own.entry.country:  # a name is no evidence for itself
            evidence[own.entry.country] -= sum(1 for x in mentions if normalize(x.name) == n)
        evidence.subtract(actor_by_name.get(n, Counter()))
        evidence = +evidence
        cand, why = _best(gaz.lookup(m.name), evidence)
        found = _place_for(m, cand, why, rules)
        if found is None:
            continue
        key = (found.geonameid, found.name.lower(), found.kind)
        place = places.setdefault(key, found)
        place.mentions.append(m)
    return sorted(places.values(), key=lambda p: p.mentions[0].start)


def _kind_rank(e: GeoEntry) -> int:
    if e.kind == "country":
        return 3
    return 2 if e.kind == "region" or e.population >= BIG_CITY else 1


def _best(cands: list[Candidate], evidence: Counter[str]) -> tuple[Candidate | None, str]:
    if not cands:
        return None, ""
    # The spelling first, then how often the document names the candidate's country, then size.
    ranked = sorted(cands, key=lambda c: (c.main_name, evidence[c.entry.country or ""],
                                          _kind_rank(c.entry), c.entry.population), reverse=True)
    best = ranked[0]
    rivals = [c for c in ranked[1:] if c.entry.country != best.entry.country]
    if not rivals:
        return best, ""
    if evidence[best.entry.country or ""] > evidence[rivals[0].entry.country or ""]:
        return best, f"chosen by document country {best.entry.country}"
    return best, f"largest of {len(ranked)} same-named places"


def _place_for(m: PlaceMention, cand: Candidate | None, why: str, rules: Rules) -> FoundPlace | None:
    """The place a mention names, or None when the sentence uses the name for an actor, not a location."""
    e = cand.entry if cand else None
    note = f", {why}" if why else ""
    if m.direction or m.region_noun:
        if e is None:
            return None
        text_name = (f"{m.direction} {m.name}" if m.direction else m.name) + (f" {m.region_noun}" if m.region_noun else "")
        lat, lon = (e.lat, e.lon) if e.kind == "city" else (None, None)
        part = "direction" if m.direction else m.region_noun
        return FoundPlace(text_name, e.country, "region", lat, lon, None,
                          f"region: {part} + gazetteer {e.kind} {e.name}{note}")
    if e is None:
        words = set(m.name.lower().split())
        if m.label == "LOC" or m.locative and m.label in ("GPE", "FAC") or words & rules.facility_nouns:
            return FoundPlace(m.name, None, "other", None, None, None, f"{m.label} entity not in gazetteer")
        return None
    if m.label == "PROPN" and (not cand.main_name or (e.kind == "city" and e.population < FALLBACK_MIN_POP)):
        return None
    if e.kind == "country" and not (m.locative or m.label == "LOC"):
        return None
    if m.agentive and not m.locative:
        return None
    source = "untagged proper noun after a preposition, " if m.label == "PROPN" else ""
    return FoundPlace(e.name, e.country, e.kind, e.lat, e.lon, e.geonameid,
                      f"gazetteer: {source}{e.source}{note}")
