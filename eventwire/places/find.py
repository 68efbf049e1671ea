"""Finding places in a parsed article: mentions (pure, from the parse) then resolution against the gazetteer.

A country name is a place only where the sentence uses it as a location ("in Syria", "a visit to Iraq",
"left Afghanistan"); elsewhere ("Turkey called on…", "supported by France", "Libya's government") it
names a government, which the actors stage records. A capital is read the same way ("Moscow said" is
Russia's government). Other cities are places unless they are the subject or possessor of a clause.
The small spaCy model misses or mislabels many towns ("Mariupol" as ORG), so proper nouns in a place
context ("the town of Bucha", "a visit to Kyiv", "Rakhine state") are looked up too.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.anchor import DATELINE
from eventwire.places.dateline import dateline_names
from eventwire.places.gazetteer import (BIG_CITY_POP, SMALL_TOWN_POP, Candidate, Gazetteer, GeoEntry, gazetteer,
                                        normalize)
from eventwire.places.disease_names import names_a_disease
from eventwire.places.home_region import home_area, home_namesake, in_home
from eventwire.places.local_names import (institution_names, is_institution_word, listed_areas, party_towns,
                                          says_residence)
from eventwire.places.masthead import masthead, masthead_towns, own_town
from eventwire.places.namesakes import (admin1_evidence, country_over_namesakes, prefer_named_admin1,
                                        world_city_over_town)
from eventwire.places.person_names import person_names, person_not_town
from eventwire.places.same_place import same_place
from eventwire.places.qualify import (Qualifier, area_entry, area_of, area_of_town, areas, country_of,
                                      qualifier_after, within)
from eventwire.places.world_regions import is_world_region

PLACE_LABELS = {"GPE", "LOC"}
FAC_CITY_MIN_POP = 100_000  # a "facility" the gazetteer knows as a city this big is a tagging error ("Port-au-Prince")
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}  # never a place name
AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
FALLBACK_MIN_POP = 15_000   # a proper noun NER did not tag as a place counts as a town only if this big
ALT_NAME_MIN_POP = 1_000_000  # a city matched by a variant spelling only, with no support from the story
# A city this many times bigger than its namesake is the one meant unless other places of the story vouch for
# the smaller one: the people in a story (a U.S. president at a Geneva summit) do not move Geneva to Illinois.
FAMOUS_CITY_RATIO = 5
HOME_NOTE = "in the story's home area"   # the reason of a place chosen or vouched for by home_region.py
# How a sentence uses a place name, most literal first. Only locative mentions (and datelines, which the
# anchor stage skips by itself) place events; the others are recorded so that every toponym is on record.
ROLE_ORDER = ("locative", "dateline", "metonymic", "modifier")


@dataclass(frozen=True)
class Rules:
    directions: frozenset[str]
    region_nouns: frozenset[str]
    locative: frozenset[str]
    motion: frozenset[str]
    object_motion: frozenset[str]
    of_nouns: frozenset[str]
    from_motion: frozenset[str]
    with_nouns: frozenset[str]
    actor_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "rules.yaml").read_text("utf-8"))
    return Rules(*(frozenset(raw[k]) for k in ("directions", "region_nouns", "locative_prepositions",
                                               "motion_words", "direct_object_motion", "of_place_nouns",
                                               "from_motion", "with_place_nouns", "actor_nouns")))


@dataclass
class PlaceMention:
    start: int                   # character offsets of the mention in the text
    end: int
    tokens: list[int]            # token indices it covers
    name: str                    # the name to look up ("Libya" in "eastern Libya")
    label: str                   # spaCy label, or "PROPN" for a proper noun NER did not tag as a place, "ORGPART"
                                 # for a name opening an organisation's, "INSTITUTION" (places/local_names.py) …
    locative: bool               # used as a location: "in X", "a visit to X", "left X", "the town of X"
    agentive: bool               # subject, possessor or "by"-agent: a government rather than a location
    direction: str | None = None     # "eastern" in "eastern Libya"
    region_noun: str | None = None   # "province" in "Idlib province"
    compound: bool = False           # modifies a noun ("Abu Dhabi airport", "the Paris accord")
    officials_in: bool = False       # "officials in Ankara": the capital stands for the government
    possessor: bool = False          # "Russia's ambassador"
    dateline: bool = False           # in a dateline ("BEIRUT (AP) —"): where the reporter filed from
    role: str = "locative"           # set on resolution: locative | metonymic | modifier | dateline
    anchors: bool = True             # the mention may place an event (not for names admitted by a qualifier)
    qualifier: Qualifier | None = None   # ", Calif." after the name (set on resolution)
    person: bool = False             # the article names a person so elsewhere ("Chrystia Freeland" … "Freeland")
    institution: bool = False        # opens a local institution's name: "the Dayton Police Department"


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

    @property
    def role(self) -> str:
        """The most literal use among the mentions: a place named once as a location is a location."""
        return min((m.role for m in self.mentions), key=ROLE_ORDER.index, default="locative")


# ---- mentions ------------------------------------------------------------------------------------
def find_mentions(doc: Doc, rules: Rules) -> list[PlaceMention]:
    """Candidate place mentions: GPE/LOC entities, plus proper nouns in a place context."""
    out = [m for ent in doc.ents if ent.label_ in PLACE_LABELS | {"FAC"}
           if (m := _mention(doc, ent, ent.label_, rules))]
    text = doc.text                                    # once: Doc.text rebuilds the string on every read
    taken = {i for m in out for i in m.tokens}
    datelines = [(d.start(), d.end()) for d in DATELINE.finditer(text)]
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in NOT_NAMES:
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue                                   # only the head of a name, which takes its compounds
        if _name_goes_on(doc, tok):
            continue                                   # "the University of Kent", "the Bank of England"
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i == tok.i:
            left -= 1
        span = doc[left:tok.i + 1]
        if any(i in taken for i in range(span.start, span.end)):
            continue
        m = _mention(doc, span, "PROPN", rules)
        if m is None:
            continue
        if m.locative or m.region_noun:
            out.append(m)
        elif qualifier_after(text, m.end) or any(a == m.start for a, _ in datelines) \
                or (m.name.lower() in areas()[1] and tok.ent_type_ != "PERSON"):
            out.append(replace(m, anchors=False))     # "Clarinda, Iowa", "RALEIGH (AP) -", "Minnesota": on record only
        elif says_residence(tok) and tok.ent_type_ != "PERSON":
            out.append(replace(m, anchors=False))     # "Jane Doe of Dacula", "a Cordele woman": on record only
        else:
            continue
        taken.update(m.tokens)
    out += _leading_names(doc, taken)
    out += _local_names(doc, taken, out)
    names = dateline_names(text)
    for a, b in names:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        out.append(PlaceMention(a, b, list(range(span.start, span.end)), text[a:b], "DATELINE",
                                False, False, anchors=False))
        taken.update(range(span.start, span.end))
    people = person_names(doc)
    for m in out:
        m.dateline = any(a <= m.start < b for a, b in datelines) or any(a == m.start for a, _ in names)
        m.person = m.name.lower() in people
    out = [m for m in out if not names_a_disease(text, m.end)]          # "West Nile virus"
    return sorted(out, key=lambda m: m.start)


def _name_goes_on(doc: Doc, tok: Token) -> bool:
    """Is the proper noun the first part of an "X of Y" name, which is not a place called X?"""
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].text[:1].isupper()


def _leading_names(doc: Doc, taken: set[int]) -> list[PlaceMention]:
    """A state or country that opens an organisation's name ("the Minnesota Department of Transportation",
    "the Kenya Red Cross"): a modifier on record. Resolution keeps only countries, states and big cities
    ("The Washington Post") for these; "State" after the name ("the New York State Police") means the state."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent[-1].lower_ in ("university", "college"):
            continue                               # "Arizona State University" names a school, not a state
        toks = list(ent)[1:] if ent[0].lower_ == "the" else list(ent)
        for width in (3, 2, 1):
            head = toks[:width]
            if len(toks) <= width or not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in head) \
                    or any(t.i in taken for t in head):
                continue
            state = toks[width].text if toks[width].text == "State" else None
            out.append(PlaceMention(head[0].idx, head[-1].idx + len(head[-1]), [t.i for t in head],
                                    doc[head[0].i:head[-1].i + 1].text, "ORGPART", False, False,
                                    region_noun=state, compound=True, anchors=False,
                                    institution=is_institution_word(toks[width])))
    return out


def _local_names(doc: Doc, taken: set[int], found: list[PlaceMention]) -> list[PlaceMention]:
    """Towns and counties local news names without a preposition (places/local_names.py): an institution's
    town ("Bemidji police"), a list before "counties", a legislator's home town ("R-Springfield")."""
    gaz = gazetteer()
    out = []
    by_tokens = {tuple(m.tokens): m for m in found}
    for a, b in listed_areas(doc):                 # "Pike, Lamar and Upson counties"
        if tuple(range(a, b)) in by_tokens:
            by_tokens[tuple(range(a, b))].region_noun = "county"
        elif not any(i in taken for i in range(a, b)):
            span = doc[a:b]
            out.append(PlaceMention(span.start_char, span.end_char, list(range(a, b)), span.text, "PROPN",
                                    False, False, region_noun="county", anchors=False))
            taken.update(range(a, b))
    for a, b in party_towns(doc):                  # "Rep. Jane Doe, R-Springfield,"
        if not any(i in taken for i in range(a, b)):
            span = doc[a:b]
            out.append(PlaceMention(span.start_char, span.end_char, list(range(a, b)), span.text, "PROPN",
                                    False, False, anchors=False))
            taken.update(range(a, b))
    for a, b in institution_names(doc, lambda s: bool(gaz.lookup(s))):   # "the Dayton Police Department"
        if not any(i in taken for i in range(a, b)):
            span = doc[a:b]
            out.append(PlaceMention(span.start_char, span.end_char, list(range(a, b)), span.text, "INSTITUTION",
                                    False, False, compound=True, anchors=False, institution=True))
            taken.update(range(a, b))
    return out


def _name_parts(doc: Doc, ent: SpacySpan, rules: Rules) -> tuple[str | None, list[Token], int] | None:
    """(direction, name tokens, start char) of an entity: "the", "'s" dropped, "eastern" split off."""
    toks = list(ent)[1:] if ent[0].lower_ in ("the", "a") else list(ent)
    direction = None
    if len(toks) > 1 and toks[0].lower_ in rules.directions:
        direction, name_toks = toks[0].text, toks[1:]
    else:
        name_toks = toks
    while name_toks and name_toks[-1].tag_ == "POS":   # "Libya's"
        name_toks = name_toks[:-1]
    if not name_toks or not name_toks[0].text[:1].isupper():
        return None
    start = toks[0].idx if direction else name_toks[0].idx
    if direction is None and toks[0].i == ent.start:
        for width in (1, 3):                    # "eastern Libya", "north - west Syria"
            before = doc[max(0, ent.start - width):ent.start]
            if len(before) == width and before.text.lower() in rules.directions:
                direction, start = before.text, before.start_char
                break
    return direction, name_toks, start


def _mention(doc: Doc, ent: SpacySpan, label: str, rules: Rules) -> PlaceMention | None:
    parts = _name_parts(doc, ent, rules)
    if parts is None:
        return None
    direction, name_toks, start = parts
    end = name_toks[-1].idx + len(name_toks[-1])
    region_noun = None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    base = ent.root
    if nxt is not None and nxt.lower_ in rules.region_nouns and base.head.i == nxt.i:
        region_noun, base = nxt.text, nxt      # "Borno state": the mention stays "Borno" …
        if direction:                          # … and "the southern Araucania region" is "Araucania"
            direction, start = None, name_toks[0].idx
    compound = base.dep_ == "compound" and base.head.i != base.i
    if compound:
        base = base.head
        compound_place = base.lemma_.lower() in rules.of_nouns
    while base.dep_ in ("conj", "appos") and base.head.i != base.i and not _place_appos(base, rules):
        base = base.head
    locative = _locative(base, rules) and (not compound or compound_place)
    agentive = base.dep_ in AGENT_DEPS or (base.dep_ == "pobj" and base.head.lower_ == "by")
    possessor = base.dep_ == "poss"
    officials_in = base.dep_ == "pobj" and base.head.lower_ == "in" and base.head.head.lemma_.lower() in rules.actor_nouns
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(range(span.start, span.end)) if span is not None else []
    name = doc[name_toks[0].i:name_toks[-1].i + 1].text          # (doc.text would rebuild the whole text)
    return PlaceMention(start, end, tokens, name, label,
                        locative, agentive, direction, region_noun, compound, officials_in, possessor=possessor)


def _place_appos(tok: Token, rules: Rules) -> bool:
    """ "the capital Dhaka", "the port city Hodeidah": a name in apposition to a place noun."""
    return tok.dep_ == "appos" and (tok.head.lemma_.lower() in rules.of_nouns or tok.head.lower_ in rules.of_nouns)


def _locative(base: Token, rules: Rules) -> bool:
    """Is the phrase headed by `base` used as a location?"""
    head = base.head
    if _place_appos(base, rules):
        return True
    if base.dep_ == "pobj":
        prep = head.lower_
        if prep in rules.locative:
            return True
        governor = head.head.lemma_.lower()
        if prep == "to":
            return governor in rules.motion
        if prep == "from":
            return governor in rules.from_motion or _governs_motion(head, rules)
        if prep == "with":
            return governor in rules.with_nouns
        return prep == "of" and (governor in rules.of_nouns or head.head.lower_ in rules.of_nouns)
    if base.dep_ == "poss":                   # "Nigeria's Plateau state", "Iraq's Kurdistan region"
        return head.ent_type_ in PLACE_LABELS or head.lemma_.lower() in rules.of_nouns | rules.region_nouns
    return base.dep_ == "dobj" and head.lemma_.lower() in rules.object_motion


def _governs_motion(prep: Token, rules: Rules) -> bool:
    """ "the withdrawal of their troops from Mali": "from" hangs off "troops", the motion is above it."""
    t = prep.head
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in rules.from_motion:
            return True
    return False


# ---- resolution ----------------------------------------------------------------------------------
def resolve(mentions: list[PlaceMention], gaz: Gazetteer, actor_mentions: list[tuple[str, str]],
            rules: Rules, agents: bool = False, text: str = "", source: str | None = None) -> list[FoundPlace]:
    """Mentions → places, each ambiguous name settled by the countries the rest of the document names.

    Every toponym is a place with the role its sentence gives it, except a country or capital acting as an
    agent ("Turkey said", "Russia's envoy", "officials in Ankara"): that is the actors stage's, and a place
    only when `agents` is set (Settings.place_agents).

    `actor_mentions` are (country, mention text) of the actors found so far; an actor mention with the
    same name as the place ("Tripoli" read as Libya's government) is no evidence for that place.
    A state, province or country after the name ("Oxford, North Carolina") decides first (`text`, the
    document, shows it), for the later bare mentions of the name too. `source` (the record's publisher)
    names the paper's own town when it opens with a place name of the story (places/masthead.py)."""
    mentions = [_whole_name(m, gaz) for m in mentions]                            # "South Africa" is a name …
    mentions = [m for m in mentions if not is_world_region(m.name, m.direction, m.region_noun)]  # "North America" no place
    if text:
        is_country = lambda s: any(c.entry.kind == "country" and c.main_name for c in gaz.lookup(s))  # noqa: E731
        mentions = [replace(m, qualifier=qualifier_after(text, m.end, is_country)) for m in mentions]
    pinned: dict[str, Candidate] = {}              # name → the place its qualifier chose
    qualifying = {m.qualifier.start: area for m in mentions if m.qualifier and (area := area_of(m.qualifier))}
    keys = [normalize(m.name) for m in mentions]
    provisional = {n: _best(gaz.lookup(n), Counter(), False)[0] for n in set(keys)}
    # Countries named by the story's places (tagged ones: untagged guesses vouch for nothing) and actors.
    named = Counter(k for k, m in zip(keys, mentions) if m.label not in ("PROPN", "INSTITUTION"))
    place_evidence: Counter[str] = Counter()
    for n, count in named.items():
        if provisional[n] is not None and provisional[n].entry.country:
            place_evidence[provisional[n].entry.country] += count
    areas_named = admin1_evidence((count, gaz.lookup(n)) for n, count in named.items())
    actor_evidence = Counter(c for c, _ in actor_mentions)
    actor_by_name: dict[str, Counter[str]] = {}
    for c, text in actor_mentions:
        actor_by_name.setdefault(normalize(text), Counter())[c] += 1
    named_areas = _named_areas(mentions, keys, provisional, gaz)
    area_evidence = areas_named + Counter({a.iso: n for a, n in named_areas.items()})   # by ISO 3166-2 code
    located = {n for n, m in zip(keys, mentions) if m.locative or m.qualifier}     # used as a place somewhere
    voters = {n for n, m in zip(keys, mentions)    # not "the Washington Post"; "the Henry County Fair" does
              if m.label != "ORGPART" or m.institution or n.endswith((" county", " parish"))}
    head = masthead(source, voters)                # "Paris" in parisledger.com: the paper's own Paris
    towns = masthead_towns(gaz.lookup(head.name), head) if head else []
    home = home_area((gaz.lookup(n) for n in voters if not (towns and n == head.name)),   # it votes in `within`
                     (a.iso for a in qualifying.values()), {c.entry.admin1 for c in towns} if towns else None)
    mast = provisional.get(head.name) if head else None      # the masthead's name is no evidence for itself
    paper_town = own_town(towns, home, place_evidence - Counter({mast.entry.country: named[head.name]})
                          if mast is not None else place_evidence)
    home = home or (paper_town.entry.admin1 if paper_town else None)
    places: dict[tuple, FoundPlace] = {}
    merged: set[int] = set()                       # qualifiers that are the town itself ("D.C.")
    for n, m in zip(keys, mentions):
        if m.start in merged:
            continue
        own = provisional[n]
        itself = Counter({own.entry.country: named[n]}) if own is not None and own.entry.country else Counter()
        places_ev = +(place_evidence - itself)                       # a name is no evidence for itself
        evidence = +(places_ev + actor_evidence - actor_by_name.get(n, Counter()))
        cands = _plausible(gaz.lookup(m.name), m, home)
        listed = m.name.lower() in areas()[1]       # "Ohio, Indiana and Iowa": a list, not a qualified town
        inside = within(gaz.lookup(m.name), area_of(m.qualifier), country_of(m.qualifier, gaz)) \
            if m.qualifier and not listed else []
        area_here = area_entry(qualifying[m.start], gaz) if m.start in qualifying else None
        if area_here is not None and not any(c.entry.country == area_here.country for c in cands):
            # "Atlanta, [Georgia]": the state, not the country
            cand, why = Candidate(area_here, True), "qualifying the town before it"
        elif inside:
            cand = max(inside, key=lambda c: (c.main_name, c.entry.population))
            why = pinned.setdefault(n, cand) and f"qualified by {m.qualifier.text}"
        elif n in pinned:
            cand, why = pinned[n], "as qualified earlier in the story"
        elif paper_town is not None and n == head.name:
            cand, why = paper_town, f"the paper's own town, {HOME_NOTE}"
        else:
            cand, why = _best(cands, evidence, bool(m.region_noun), places_ev)
            own_area = Counter({own.entry.admin1: named[n]}) if own is not None and own.entry.admin1 else Counter()
            said = +(areas_named - own_area)
            namesake, note = prefer_named_admin1(cand, cands, said)
            if note:
                cand, why = namesake, note
            else:
                cand, why = _in_named_area(cands, named_areas, cand) or (cand, why)
                cand, note = world_city_over_town(cand, cands, area_evidence)
                why = note or why
            if (local := home_namesake(cand, cands, home)) is not None:
                cand, why = local, HOME_NOTE
            elif in_home(cand, home):
                why = f"{why}, {HOME_NOTE}" if why else HOME_NOTE   # it vouches for a small town too
            if cand is not None and not cand.main_name and not evidence[cand.entry.country or ""] \
                    and cand.entry.population < ALT_NAME_MIN_POP:
                continue                           # "Boni" is not Bonn: a variant spelling needs support
            if cand is not None and cand.entry.kind == "city" and cand.entry.population < SMALL_TOWN_POP \
                    and not places_ev[cand.entry.country or ""] and HOME_NOTE not in why:
                continue                           # a village needs another place of its country in the story
            if cand is not None and m.direction and m.direction[:1].isupper() and not m.dateline \
                    and cand.entry.source == "subdivision" and not places_ev[cand.entry.country or ""]:
                continue                           # "Central Plateau" (Haiti) is no part of Benin's Plateau
            if cand is not None and m.label == "ORGPART" and cand.entry.kind == "city" \
                    and not places_ev[cand.entry.country or ""]:
                continue                           # "the Athens Police Department" in a Georgia paper: not Greece
            if cand is not None and n not in located and person_not_town(m, cand.entry):
                continue                           # "Freeland said", after "Chrystia Freeland": the person
        found_here = _places_for(m, cand, why, gaz)
        if m.qualifier:
            area_place = _qualifier_place(m, gaz)
            if area_place and found_here and same_place(found_here[0][0], area_place[0][0]):
                # "Washington, D.C.": the district is the city, one place named by the whole phrase
                found_here = [(f, replace(x, end=m.qualifier.end)) for f, x in found_here]
                merged.add(m.qualifier.start)
            else:
                found_here += area_place
        for found, mention in found_here:
            if not mention.anchors and mention.role == "metonymic" and not agents \
                    and (m.agentive or m.officials_in):
                continue                           # "Turkey said", "Russia's envoy": the actor, unless asked
            key = (found.geonameid, found.name.lower(), found.kind, found.country)
            place = places.setdefault(key, found)
            if not any(x.start == mention.start and x.end == mention.end for x in place.mentions):
                place.mentions.append(mention)         # a qualifier may be a mention of its own too
    return sorted(places.values(), key=lambda p: p.mentions[0].start)


def _named_areas(mentions: list[PlaceMention], keys: list[str], provisional: dict, gaz: Gazetteer) -> Counter:
    """States and provinces the story names, as qualifiers ("Dayton, Ohio"), on their own ("in Ohio"), or
    through a town that has no namesake anywhere ("Pineville" is only in Louisiana)."""
    full = areas()[1]
    out: Counter = Counter(a for m in mentions if m.qualifier and (a := area_of(m.qualifier)))
    for n, m in zip(keys, mentions):
        area, own = full.get(n), provisional.get(n)
        if area and m.label != "PROPN" and own is not None and own.entry.kind == "region" \
                and own.entry.country == area.country:
            out[area] += 1
    for n, m in zip(keys, mentions):               # a town with no namesake anywhere vouches for its state
        own = provisional.get(n)
        if own is not None and own.entry.kind == "city" and n not in full \
                and (area := area_of_town(own.entry)) is not None and _only_town(own, n, gaz):
            out[area] += 1
    return out


def _only_town(own: Candidate, name: str, gaz: Gazetteer) -> bool:
    return all(c.entry is own.entry or c.entry.kind != "city" or not c.main_name for c in gaz.lookup(name))


def _in_named_area(cands: list[Candidate], named: Counter, best: Candidate | None) -> tuple[Candidate, str] | None:
    """A town of a state the story names over a bigger namesake elsewhere ("Lexington" in a story about
    South Carolina), unless the namesake is a capital or a big city, which a passing state does not move."""
    if best is None or not named or best.entry.kind != "city" or best.entry.capital \
            or best.entry.population >= BIG_CITY_POP:
        return None
    for area, _ in named.most_common():
        inside = within(cands, area, None)
        if inside:
            return max(inside, key=lambda c: (c.main_name, c.entry.population)), f"in {area.name}, named in the story"
    return None


def _qualifier_place(m: PlaceMention, gaz: Gazetteer) -> list[tuple[FoundPlace, PlaceMention]]:
    """The state or province that qualifies a town ("Gainesville, [Va.]") is a place of its own."""
    area = area_of(m.qualifier) if m.qualifier else None
    e = area_entry(area, gaz) if area else None
    if e is None:
        return []
    q = m.qualifier
    mention = PlaceMention(q.start, q.end, [], q.text, "QUALIFIER", m.locative, False, anchors=False,
                           role="dateline" if m.dateline else "locative")
    return [(FoundPlace(e.name, e.country, e.kind, e.lat, e.lon, e.geonameid,
                        f"gazetteer: {e.source}, qualifying {m.name}"), mention)]


def _whole_name(m: PlaceMention, gaz: Gazetteer) -> PlaceMention:
    """ "South Sudan", "Central African Republic", "North Korea": a direction that is part of the name."""
    if m.direction and gaz.lookup(f"{m.direction} {m.name}"):
        return replace(m, name=f"{m.direction} {m.name}", direction=None)
    return m


def _plausible(cands: list[Candidate], m: PlaceMention, home: str | None = None) -> list[Candidate]:
    if m.label in ("ORGPART", "INSTITUTION"):      # "the Kenya Red Cross": a country or state, a big city
        return [c for c in cands if c.main_name and (   # ("The Washington Post", "the Delhi Police") …
            (c.entry.kind in ("country", "region") and c.entry.source != "subdivision")
            or (c.entry.kind == "city" and c.entry.population >= BIG_CITY_POP and not m.region_noun)
            or (m.institution and in_home(c, home)))]   # … or the paper's home town ("the Dayton Police")
    if m.label == "LOC":                           # "the Pacific" is not Pacific, Missouri
        cands = [c for c in cands if c.entry.kind != "city"]
    if m.label == "FAC":                           # "the White House", "Heathrow": named sites, and big cities
        cands = [c for c in cands if c.entry.source == "site" or
                 (c.entry.kind == "city" and c.main_name and c.entry.population >= FAC_CITY_MIN_POP)]
    return country_over_namesakes(cands, bool(m.region_noun))   # "Jordan" the country, not Jordan, Minnesota


def _places_for(m: PlaceMention, cand: Candidate | None, why: str, gaz: Gazetteer) -> list[tuple[FoundPlace, PlaceMention]]:
    """The place of a mention, and for "eastern Libya" also Libya itself (the region lies in it)."""
    got = _place_for(m, cand, why)
    if got is None:
        return []
    found, role, anchors = got
    out = [(found, replace(m, role="dateline" if m.dateline else role, anchors=anchors and m.anchors))]
    if m.direction and cand is not None:
        e = cand.entry
        start = m.end - len(m.name)            # the name ends the mention: "eastern [Libya]"
        base = PlaceMention(start, m.end, [], m.name, m.label, True, False)   # tokens stay the region's
        out.append((FoundPlace(e.name, e.country, e.kind, e.lat, e.lon, e.geonameid,
                               f"gazetteer: {e.source}, named in a region ({m.direction} {m.name}){', ' + why if why else ''}"),
                    base))
    return out


def _kind_rank(e: GeoEntry, region_named: bool) -> float:
    if e.source in ("site", "water"):      # "the Red Sea" over Red Sea state unless "state" is said
        return 3
    if e.source == "subdivision":          # "Bali" the province over Bali, a town of 27,000 in Cameroon
        return 4 if region_named else 1.5
    if e.kind == "country":
        return 3
    if e.kind == "region":
        return 4 if region_named else 2
    return 2 if e.population >= BIG_CITY_POP else 1


def _best(cands: list[Candidate], evidence: Counter[str], region_named: bool,
          place_evidence: Counter[str] | None = None) -> tuple[Candidate | None, str]:
    if not cands:
        return None, ""
    place_evidence = evidence if place_evidence is None else place_evidence

    def support(c: Candidate) -> int:
        """How often the story names the candidate's country. A town too small for the untagged-name
        fallback is vouched for by other place names only: a Chinese leader visiting "Bali" is no reason
        to pick Bali, a Chinese town of 7,000."""
        small = c.entry.kind == "city" and c.entry.population < FALLBACK_MIN_POP
        return (place_evidence if small else evidence)[c.entry.country or ""]

    # The spelling first, then how often the document names the candidate's country, then kind and size.
    ranked = sorted(cands, key=lambda c: (c.main_name, support(c), _kind_rank(c.entry, region_named),
                                          c.entry.population), reverse=True)
    best = ranked[0]
    if best.entry.source == "subdivision" and not region_named:   # bare "Idlib": the city it is named for
        best = next((c for c in ranked if c.entry.kind == "city" and c.entry.country == best.entry.country
                     and c.main_name and c.entry.population >= FALLBACK_MIN_POP), best)   # not Wales, Yorkshire
    rivals = [c for c in ranked if c.entry.country != best.entry.country]
    if not rivals:
        return best, ""
    famous = next((c for c in rivals if c.main_name and c.entry.kind == "city" and best.entry.kind == "city"
                   and c.entry.population > FAMOUS_CITY_RATIO * best.entry.population), None)
    capital = next((c for c in rivals if c.main_name and c.entry.capital and best.entry.kind == "city"
                    and not best.entry.capital and c.entry.population >= best.entry.population
                    and evidence[c.entry.country or ""]), None)
    if capital is not None:                        # "Moscow" in a US story that names Russia: the capital
        return capital, f"the national capital ({capital.entry.country}) over a smaller namesake"
    if famous is not None and not place_evidence[best.entry.country or ""]:
        return famous, f"the far bigger namesake ({famous.entry.country}): no other place vouches for {best.entry.country}"
    if support(best) > support(rivals[0]):
        return best, f"chosen by document country {best.entry.country}"
    return best, f"first of {len(ranked)} same-named places by kind and population"


def _place_for(m: PlaceMention, cand: Candidate | None, why: str) -> tuple[FoundPlace, str, bool] | None:
    """The place a mention names, the role the sentence gives it, and whether it may place an event (only
    a name used as a location does: "Turkey said", "the Paris accord" are on record but place nothing)."""
    if cand is None:
        return None                            # unknown names: better none than a place with no country
    e, note = cand.entry, f", {why}" if why else ""
    if m.label == "FAC" and e.kind == "city":  # mis-tagged and mis-parsed: the syntax says nothing
        return FoundPlace(e.name, e.country, e.kind, e.lat, e.lon, e.geonameid, f"gazetteer: city tagged FAC{note}"), "locative", True
    if m.label in ("PROPN", "DATELINE") and e.kind == "city" and e.population < FALLBACK_MIN_POP \
            and "qualified" not in why and HOME_NOTE not in why:
        return None
    if m.direction:
        lat, lon = (e.lat, e.lon) if e.kind == "city" else (None, None)
        return FoundPlace(f"{m.direction} {m.name}", e.country, "region", lat, lon, None,
                          f"region: direction + {e.source} {e.name}{note}"), "locative", True
    if m.region_noun:
        if e.kind == "city":                   # "Idlib province" named for its capital: the city's point
            return FoundPlace(m.name, e.country, "region", e.lat, e.lon, None,
                              f"region: {m.region_noun} named for the city {e.name}{note}"), "locative", True
        role = "modifier" if m.label == "ORGPART" else "locative"   # "the New York State Police"
        return FoundPlace(e.name, e.country, "region", e.lat, e.lon, e.geonameid,
                          f"{e.source}: {m.region_noun}{note}"), role, role == "locative"
    role = _role(m, e)
    source = "proper noun in a place context, " if m.label == "PROPN" else ""
    use = "" if role == "locative" else f", {role} use"
    return (FoundPlace(e.name, e.country, e.kind, e.lat, e.lon, e.geonameid, f"gazetteer: {source}{e.source}{note}{use}"),
            role, role == "locative")


def _role(m: PlaceMention, e: GeoEntry) -> str:
    """How the sentence uses a name: a location, or a name for its government or people, or a modifier."""
    if m.compound and not m.locative:
        return "modifier"                      # "the Paris climate accord", "the Birmingham company"
    if e.kind == "country" and (not m.locative or m.compound):
        return "modifier" if m.compound else "metonymic"   # "Turkey said", "supported by France"
    if e.capital and (not m.locative or m.officials_in):
        return "metonymic"                     # "Moscow said", "officials in Ankara": the government
    if e.kind != "city" and m.agentive and not m.locative:
        return "metonymic"                     # "Texas sued the agency"
    return "locative"
