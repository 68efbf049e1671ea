"""What the actor rules share for one document: the hits, the `Found` mentions they produce, and the
identity a noun phrase's modifiers give ("the Libyan army", "Libya's government", "Rebels in Ubari").

Pure functions over the parse and the lexicon hits.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.lexicon import Lexicon, NameHit, RoleHit

IDENTITY_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# Reason markers (merge.py, territory.py) saying an actor's country is only the story's guessed focus, not
# named by its own words ("Jets struck …" in a story about Somalia).
GUESSED_COUNTRY = ("focus-country", "story-country", "places-country")


def country_is_guessed(reason: str | None) -> bool:
    return any(g in (reason or "") for g in GUESSED_COUNTRY)
# Prepositions after which a country or city is a place ("fighting in Libya"), not an actor. "from" only after
# a verb of motion ("returned from Moscow"; "a request from Ecuador" is Ecuador's); "over", "around" and "to" are
# left out, like "towards": "fired a missile over Japan", "drills around Taiwan" make the country the target.
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "across", "throughout", "near", "into", "within", "through",
                            "outside"})
MOTION_VERBS = frozenset({"return", "withdraw", "flee", "arrive", "travel", "come", "depart", "evacuate", "retreat",
                          "pull", "fly", "move", "escape", "deport", "expel", "launch", "fire", "cross", "smuggle"})
# Words after which "at"/"into" name a target, not a place: "fired two shells at Seoul", "rockets into Israel".
FIRING_WORDS = frozenset({"fire", "shoot", "aim", "launch", "hurl", "throw", "lob", "shell", "rocket", "missile",
                          "shot", "strike", "attack"})
# Nouns that make a country before them a place: "Pakistan's Khyber Pakhtunkhwa province", "the Somali town of".
PLACE_NOUNS = frozenset({"province", "region", "state", "city", "town", "village", "capital", "coast",
                         "district", "county", "territory", "port", "island", "airport", "camp", "area", "part",
                         "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "countryside", "interior", "outskirts"})
# Nouns that a role modifies without being an actor ("police custody"); "police station", "army positions",
# "government buildings" keep their owner as an actor (the target of an attack).
NOT_OWNED = frozenset({"mission", "custody", "reform", "source", "sources", "record", "records", "budget",
                       "spending", "uniform", "uniforms", "chief", "officer", "officers", "spokesman"})
BORDER_NOUNS = frozenset({"border", "frontier"})     # "the Iraq-Syria border" is a place
# Nouns of which a country is only the topic ("the Libya conflict", "the Iran deal"): no actor.
TOPIC_NOUNS = frozenset({"war", "conflict", "crisis", "talks", "issue", "question", "policy", "economy", "election",
                         "elections", "peace", "process", "deal", "summit", "dispute", "file", "situation", "file",
                         "accord", "accords", "agreement", "treaty", "pact", "protocol",
                         "strategy", "envoy", "expert", "experts", "analyst", "analysts", "correspondent"})
FORMER = frozenset({"former", "ex", "ex-"})
# Adjectives saying a group is not the story country's ("foreign forces"): no focus country for it.
NOT_LOCAL = frozenset({"foreign", "international", "western", "unidentified", "unknown", "outside"})
QUANTITY_NOUNS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "millions", "crowds"})
GROUP_PREPS = frozenset({"of", "from", "in", "at"})     # "government of Libya", "soldiers from Gondor", "rebels in Ubari"
# Singular nouns that, with "the", point back to the country named last ("the country's rulers").
COUNTRY_NOUNS = frozenset({"country", "nation"})
COUNTRY_WINDOW = 3
# Bodies named after their members: "a delegation of lawmakers" is lawmakers (LEG), whatever "delegation" says.
MEMBER_BODIES = frozenset({"delegation"})
GOVERNMENT_WORDS = frozenset({"government", "administration", "regime", "authorities", "cabinet"})


@dataclass
class Found:
    """One mention of an actor and what the text around it says about the actor."""
    key: str                       # identity: mentions with the same key are one actor
    start: int                     # token span of the mention
    end: int
    name: str
    kind: str                      # country | org | person | group | people | armed
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    role: str | None = None
    affiliation: str | None = None # key of the actor this one belongs to
    reason: str = ""
    extra: tuple[int, ...] = ()    # tokens that refer to this actor outside the mention (a person's title)
    pending: str | None = None     # "government" | "focus": completed at document level (merge.py)
    plural: bool = False


@dataclass
class Identity:
    country: str | None = None
    affiliate: NameHit | None = None
    used: list[NameHit] = field(default_factory=list)
    place_end: int | None = None   # end token of a "of/in/from X" phrase that was used
    reasons: list[str] = field(default_factory=list)
    role_sector: str | None = None # sector of a group role modifying this one ("the gangs' leader" → CRM)


@dataclass
class Scene:
    """The hits of one document and lookups over them."""
    doc: Doc
    lex: Lexicon
    published: str | None
    names: list[NameHit]
    roles: list[RoleHit]
    name_at: dict[int, NameHit] = field(default_factory=dict)
    role_at: dict[int, RoleHit] = field(default_factory=dict)
    person_key: dict[NameHit, str] = field(default_factory=dict)
    places: list[tuple[int, str]] = field(default_factory=list)   # (token, country) of places named as places
    refs: list[tuple[int, str]] = field(default_factory=list)     # (token, country) of nationality adjectives

    def __post_init__(self) -> None:
        for h in self.names:
            for i in range(h.start, h.end):
                self.name_at[i] = h
        for r in self.roles:
            for i in range(r.start, r.end):
                self.role_at[i] = r

    def text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    def entry_code(self, h: NameHit) -> tuple[str | None, str | None]:
        return h.entry.code_at(self.published) if h.entry else (None, None)

    def is_countryish(self, h: NameHit) -> bool:
        """A name that stands for a country (its name, capital, demonym, or a dictionary code without sector)."""
        e = h.entry
        return e is not None and (e.kind == "country" or (e.kind == "dictionary" and self.entry_code(h)[1] is None))


# ---- identity of a noun phrase ----------------------------------------------------------------------
def identity(sc: Scene, tokens: range, *, preps: bool = True) -> Identity:
    """Country or affiliate named by the modifiers of the tokens `tokens` (a role phrase or a title)."""
    idn = Identity()
    doc = sc.doc
    mods = [c for i in tokens for c in doc[i].children if c.i not in tokens and c.dep_ in IDENTITY_DEPS]
    # "the Saudi-led coalition", "a Kenyan-led mission": the leader's country is the group's
    mods += [g for c in mods if c.lower_ == "led" for g in c.children if g.dep_ in ("npadvmod", "compound", "amod")]
    top = doc[tokens[-1]] if len(tokens) == 1 else doc[tokens[0]:tokens[-1] + 1].root
    if top.dep_ == "compound" and top.head.i not in sc.name_at:     # "Chinese coast guard ships"
        mods += [c for c in top.head.children if c.i < tokens[0] and c.dep_ in ("amod", "poss", "compound")]
    for c in sorted(mods, key=lambda t: -t.i):            # nearest modifier first
        h = sc.name_at.get(c.i)
        if h is not None:
            _take(sc, idn, h, f"{c.dep_}:{doc[h.start:h.end].text}")
        elif (named := the_country(sc, c)) is not None and idn.country is None:
            idn.country = sc.entry_code(named)[0]        # "the country's military rulers": Niger's
            idn.reasons.append(f"{c.dep_}:the country={sc.text(named.start, named.end)}")
        elif (r := sc.role_at.get(c.i)) is not None and r.head == c.i and idn.role_sector is None:
            idn.role_sector = r.role.sector
            idn.reasons.append(f"{c.dep_}:{c.text}({r.role.sector})")
    if preps:
        for p in top.children:
            if p.i in tokens:
                continue
            if p.dep_ == "prep" and p.lower_ in GROUP_PREPS:
                for obj in p.children:
                    if obj.dep_ == "pobj":
                        _take_place(sc, idn, obj, p)
                        if p.lower_ == "of":
                            _take_body(sc, idn, obj)
    return idn


def _take_body(sc: Scene, idn: Identity, obj: Token) -> None:
    """"the leaders of Congress", "a delegation of lawmakers": the role of the body or members named after
    "of" gives the sector."""
    r = sc.role_at.get(obj.i)
    if r is not None and r.head == obj.i and r.role.sector is not None and idn.role_sector is None:
        idn.role_sector = r.role.sector
        idn.reasons.append(f"of:{obj.text}({r.role.sector})")


def the_country(sc: Scene, tok: Token) -> NameHit | None:
    """"the country", "the nation" (singular, definite) → the country named last before it, within
    COUNTRY_WINDOW sentences (its name, capital or nationality word): "… left Niger, … the country's rulers"."""
    if tok.lower_ not in COUNTRY_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    starts = [s.start for s in sc.doc.sents]
    here = bisect_right(starts, tok.i) - 1
    for j in range(tok.i - 1, starts[max(0, here - COUNTRY_WINDOW + 1)] - 1, -1):
        h = sc.name_at.get(j)
        if h is not None and sc.is_countryish(h):
            return h
    return None


def _take(sc: Scene, idn: Identity, h: NameHit, why: str) -> None:
    if sc.is_countryish(h):
        if idn.country is None:
            idn.country = sc.entry_code(h)[0]
            idn.used.append(h)
            idn.reasons.append(why)
    elif h.label != "GPE" and idn.affiliate is None and (h.alias is not None or h in sc.person_key
                                                        or h.label == "ORG"):
        idn.affiliate = h
        idn.used.append(h)
        idn.reasons.append(why)


def _take_place(sc: Scene, idn: Identity, obj: Token, prep: Token) -> None:
    h = sc.name_at.get(obj.i)
    if h is None:                                      # "doctors in Nigeria's public hospitals"
        for c in obj.children:
            m = sc.name_at.get(c.i) if c.dep_ in ("poss", "amod", "compound") else None
            if m is not None and sc.is_countryish(m) and idn.country is None:
                idn.country = sc.entry_code(m)[0]
                idn.used.append(m)
                idn.reasons.append(f"{prep.lower_}:{sc.text(c.i, obj.i + 1)}")
        return
    if h.alias is not None or h in sc.person_key or h.label == "ORG":
        before = (idn.country, idn.affiliate)
        _take(sc, idn, h, f"{prep.lower_}:{sc.text(h.start, h.end)}")
        if (idn.country, idn.affiliate) != before:
            idn.place_end = h.end
    elif h.label == "GPE" and idn.country is None:
        country = sc.lex.city_country(sc.text(h.start, h.end))
        if country:
            idn.country = country
            idn.used.append(h)
            idn.place_end = h.end
            idn.reasons.append(f"{prep.lower_}:{sc.text(h.start, h.end)}(place in {country})")
            sc.places.append((h.start, country))


def key_of(sc: Scene, h: NameHit) -> str:
    if h in sc.person_key:
        return sc.person_key[h]
    if h.entry is not None:
        return h.entry.kb_id
    return f"org:{sc.text(h.start, h.end).lower()}"


def effective(tok: Token) -> Token:
    """The first conjunct: in "in Syria and Iraq", Iraq stands where Syria does."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def locative(tok: Token) -> bool:
    """Is this noun (phrase head) named as a place? "in Libya", "returned from Moscow", "Pakistan's ... province"."""
    tok = effective(tok)
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of":                          # "the town of Gao", "the city of Kharkiv"
            return prep.head.lemma_.lower() in PLACE_NOUNS
        if prep.lower_ in ("at", "into") and prep.head.lemma_.lower() in FIRING_WORDS:
            return False                                 # "fired shells at Seoul": Seoul is the target
        return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "from" and prep.head.lemma_ in MOTION_VERBS)
    if tok.dep_ in ("poss", "compound", "amod", "nmod") and tok.head.i != tok.i:
        head = tok.head
        nouns = PLACE_NOUNS if tok.dep_ == "poss" else PLACE_NOUNS | BORDER_NOUNS   # "Ukraine's borders" is Ukraine's
        return head.lemma_.lower() in nouns or (head.pos_ == "PROPN" and locative(head))
    return False


def named_place(tok: Token) -> bool:
    """"the town of Avdiivka", "the city of Kharkiv": whatever the recogniser says, a place."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS
