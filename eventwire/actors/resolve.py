"""Who is who in one document: name and role mentions → `Found` mentions with an identity key.

Pure functions over the parse and the lexicon hits; `merge.py` turns the mentions into actors. Rules:
  - a KB name is that actor (a country named as an actor is its government);
  - a country used as a place ("fighting in Libya") or a nationality adjective ("Libyan") is not an actor
    by itself: it gives its country to the noun it modifies;
  - a role noun with a country ("the Libyan army", "Libya's government", "the government of Libya",
    "Rebels in Ubari") is a group of that country with the role's sector; with a person or an
    organisation ("Haftar's militias", "Hamas fighters") an armed role is that one's armed wing;
  - a role next to a person's name is the person's title ("Turkish President Recep Tayyip Erdogan",
    "Fahrettin Altun, Turkey's communications director"): it gives the person a country, sector and role.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.kb import ARMED_SECTORS
from eventwire.actors.lexicon import Lexicon, NameHit, RoleHit

IDENTITY_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
# Prepositions after which a country or city is a place ("fighting in Libya"), not an actor. "from" only after
# a verb of motion ("returned from Moscow"; "a request from Ecuador" is Ecuador's); "over", "around" and "to" are
# left out: "fired a missile over Japan", "drills around Taiwan" make the country the target.
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "across", "throughout", "near", "into", "within", "through",
                            "outside", "toward", "towards"})
MOTION_VERBS = frozenset({"return", "withdraw", "flee", "arrive", "travel", "come", "depart", "evacuate", "retreat",
                          "pull", "fly", "move", "escape", "deport", "expel", "launch", "fire", "cross", "smuggle"})
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
                         "strategy", "envoy", "expert", "experts", "analyst", "analysts", "correspondent"})
FORMER = frozenset({"former", "ex", "ex-"})
QUANTITY_NOUNS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "millions", "crowds"})
GROUP_PREPS = frozenset({"of", "from", "in", "at"})     # "government of Libya", "soldiers from Gondor", "rebels in Ubari"
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


@dataclass
class Mentions:
    """What `find_mentions` returns: actor mentions, and the countries of places and adjectives (for the
    document's focus country)."""
    found: list[Found]
    places: list[tuple[int, str]]
    refs: list[tuple[int, str]]


def find_mentions(doc: Doc, lex: Lexicon, published: str | None = None) -> Mentions:
    """All actor mentions of the document."""
    names = lex.names(doc, published)
    roles = [r for r in lex.roles(doc, names) if not _covered_by_kb(r, names)]
    names = _drop_role_like_entities(names, roles)
    roles = [r for r in roles if not _inside_name(r, names)]
    names = _trim_titles(names, roles)
    names = _add_bare_surnames(doc, names)
    sc = Scene(doc, lex, published, names, roles)
    sc.person_key = person_keys(sc)
    found: list[Found] = []
    consumed: set[NameHit] = set()
    for role in roles:
        f = _role_mention(sc, role, consumed)
        if f is not None:
            found.append(f)
    found.extend(_person_mentions(sc, consumed, found))
    for h in names:
        if h in consumed or h in sc.person_key:
            continue
        f = _name_mention(sc, h)
        if f is not None:
            found.append(f)
    return Mentions(found, sc.places, sc.refs)


# ---- preparing hits ------------------------------------------------------------------------------
def _covered_by_kb(r: RoleHit, names: list[NameHit]) -> bool:
    """"army" inside "Libyan National Army" is part of a name, not a role."""
    return any(h.alias is not None and h.start <= r.start and r.end <= h.end and
               not (h.start == r.start and h.end == r.end and h.form == "demonym") for h in names)


def _inside_name(r: RoleHit, names: list[NameHit]) -> bool:
    """"Military" in "Joint Military Commission" is part of an organisation's name."""
    return any(h.label != "PERSON" and h.start <= r.start and r.end <= h.end for h in names)


def _drop_role_like_entities(names: list[NameHit], roles: list[RoleHit]) -> list[NameHit]:
    """An unknown NER organisation that ends in a role ("the Interior Ministry", "Supreme Court") is a role."""
    heads = {r.head for r in roles}

    def crosses(h: NameHit) -> bool:              # "State" tagged ORG in "State Counsellor"
        return any(r.start < h.end and h.start < r.end and not (h.start <= r.start and r.end <= h.end)
                   for r in roles)

    return [h for h in names if h.alias is not None or h.label == "PERSON" or
            ((h.end - 1) not in heads and not crosses(h))]


def _trim_titles(names: list[NameHit], roles: list[RoleHit]) -> list[NameHit]:
    """"Prime Minister Boris Johnson" tagged as one PERSON: the name starts after the title."""
    role_tokens = {i for r in roles for i in range(r.start, r.end)}
    out = []
    for h in names:
        start = h.start
        if h.label == "PERSON":
            while start < h.end - 1 and start in role_tokens:
                start += 1
        out.append(h if start == h.start else NameHit(start, h.end, h.alias, h.label))
    return out


def _add_bare_surnames(doc: Doc, names: list[NameHit]) -> list[NameHit]:
    """A surname the recogniser missed ("Okafor added ...") after the full name was tagged ("Maria Okafor")."""
    tails = {doc[h.end - 1].text for h in names if h.label == "PERSON" and h.alias is None and h.end - h.start > 1}
    if not tails:
        return names
    taken = {i for h in names for i in range(h.start, h.end)}
    extra = [NameHit(t.i, t.i + 1, None, "PERSON") for t in doc
             if t.text in tails and t.i not in taken and t.pos_ == "PROPN"]
    return sorted(names + extra, key=lambda h: h.start) if extra else names


def person_keys(sc: Scene) -> dict[NameHit, str]:
    """PERSON names (and other names equal to a person's surname: "Haftar" tagged ORG) → one key per person.

    A short name is the person whose full name ends with it ("Altun" → "Fahrettin Altun")."""
    doc = sc.doc
    full = [h for h in sc.names if h.label == "PERSON" and h.alias is None]
    longest: dict[str, str] = {}
    for h in sorted(full, key=lambda h: -(h.end - h.start)):
        words = doc[h.start:h.end].text
        tail = words.split()[-1].lower()
        longest.setdefault(tail, words)
    keys: dict[NameHit, str] = {}
    for h in sc.names:
        if h.entry is not None and h.entry.kind == "person":
            keys[h] = h.entry.kb_id
            continue
        if h.alias is not None or h.label == "GPE":
            continue
        words = doc[h.start:h.end].text
        tail = words.split()[-1].lower()
        if sc.lex.city_country(words) and _locative(doc[h.start:h.end].root):
            continue                                   # "the town of Gao" tagged PERSON: a place
        if h.label == "PERSON" or (tail in longest and len(words.split()) == 1):
            canonical = longest.get(tail, words)
            if h.label != "PERSON" and len(canonical.split()) < 2:
                continue
            keys[h] = f"person:{canonical.lower()}"
    return keys


# ---- identity of a noun phrase ----------------------------------------------------------------------
def identity(sc: Scene, tokens: range, *, preps: bool = True) -> Identity:
    """Country or affiliate named by the modifiers of the tokens `tokens` (a role phrase or a title)."""
    idn = Identity()
    doc = sc.doc
    mods = [c for i in tokens for c in doc[i].children if c.i not in tokens and c.dep_ in IDENTITY_DEPS]
    top = doc[tokens[-1]] if len(tokens) == 1 else doc[tokens[0]:tokens[-1] + 1].root
    if top.dep_ == "compound" and top.head.i not in sc.name_at:     # "Chinese coast guard ships"
        mods += [c for c in top.head.children if c.i < tokens[0] and c.dep_ in ("amod", "poss", "compound")]
    for c in sorted(mods, key=lambda t: -t.i):            # nearest modifier first
        h = sc.name_at.get(c.i)
        if h is not None:
            _take(sc, idn, h, f"{c.dep_}:{doc[h.start:h.end].text}")
    if preps:
        head = doc[tokens[-1]]
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in GROUP_PREPS:
                for obj in p.children:
                    if obj.dep_ == "pobj":
                        _take_place(sc, idn, obj, p)
    return idn


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


# ---- role phrases ------------------------------------------------------------------------------------
def _person_of_title(sc: Scene, role: RoleHit) -> NameHit | None:
    """The person a role is the title or apposition of, if any."""
    head = sc.doc[role.head]
    if head.dep_ in ("compound", "appos", "nmod"):
        h = sc.name_at.get(head.head.i)
        if h is not None and h in sc.person_key:
            return h
    for child in head.children:
        if child.dep_ == "appos" and (h := sc.name_at.get(child.i)) is not None and h in sc.person_key:
            return h
    return None


def _role_mention(sc: Scene, role: RoleHit, consumed: set[NameHit]) -> Found | None:
    if _person_of_title(sc, role) is not None:
        return None                                   # handled with the person
    doc = sc.doc
    head = doc[role.head]
    idn = identity(sc, range(role.start, role.end))
    consumed.update(idn.used)
    starts = [role.start] + [h.start for h in idn.used if h.start < role.start]
    start, end = min(starts), max(role.end, idn.place_end or 0)
    text = sc.text(start, end)
    sector = role.role.sector
    if any(c.lower_ in FORMER for c in head.children if c.dep_ in ("amod", "advmod")):
        sector = "ELI"                                # CAMEO/PLOVER: former officials are elites
    country = role.role.country or idn.country
    plural = head.tag_ in ("NNS", "NNPS") or head.lemma_ in ("police", "military", "army", "opposition")
    base = dict(start=start, end=end, name=text, role=role.role.text, plural=plural)
    why = f"role:{role.role.text}({role.role.source})" + "".join("+" + r for r in idn.reasons)
    if head.dep_ == "compound" and head.head.lemma_.lower() in NOT_OWNED:
        return None                                   # "a police mission", "in police custody": no actor
    if (named := _apposition_of_name(sc, head)) is not None:
        return Found(key=_key_of(sc, named), kind="org", reason=why + "+apposition", **base)
    if idn.affiliate is not None:
        return _affiliated(sc, idn, role, sector, country, why, base)
    if country is None and (owner := _owner_in_context(sc, head)) is not None:
        country, why = owner[0], why + owner[1]
    if country is not None:
        entry = sc.lex.kb.entries.get(f"country:{country}")
        if role.role.person and not plural and sector in ("GOV", None):
            # "the Nicaraguan envoy", "Arnor's foreign minister": an office holder, not the whole government
            name = text.split(" ", 1)[1] if text.lower().startswith(("the ", "a ", "an ")) else text
            return Found(key=f"office:{country}:{role.role.text}", kind="person", country=country, sector="GOV",
                         reason=why, **{**base, "name": name})
        if sector == "GOV" or sector is None:
            return Found(key=f"country:{country}", kind="government", country=country, sector=sector or "GOV",
                         kb_id=entry.kb_id if entry else None, reason=why,
                         **{**base, "name": entry.name if entry else text})
        return Found(key=f"group:{country}:{sector}", kind="group", country=country, sector=sector, reason=why,
                     **base)
    if head.lemma_.lower() in GOVERNMENT_WORDS or role.role.text in GOVERNMENT_WORDS:
        return Found(key="pending:government", kind="government", sector="GOV", pending="government",
                     reason=why + "+the-government", **base)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
    if (role.role.subject_only or role.role.owned) and not _is_subject(head):
        return None                                   # "two people were killed", "supplied drones"
    if sector is not None and (plural or not (role.role.person or indefinite)):
        return Found(key=f"pending:group:{sector}", kind="group", sector=sector, pending="focus",
                     reason=why + "+bare-group", **base)
    return None


def _apposition_of_name(sc: Scene, head: Token) -> NameHit | None:
    """"Kataib Hezbollah, an Iraqi militia, ...": the role describes the named organisation."""
    if head.dep_ != "appos":
        return None
    h = sc.name_at.get(head.head.i)
    if h is None or h in sc.person_key or sc.is_countryish(h) or h.label == "GPE":
        return None
    return h


def _owner_in_context(sc: Scene, head: Token) -> tuple[str, str] | None:
    """The country that owns a bare role: "Russia massed troops" (the verb's subject), "Iran said its military"
    (the nearest country before a possessive pronoun, in the same sentence)."""
    for c in head.children:
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            for j in range(c.i - 1, c.sent.start - 1, -1):
                h = sc.name_at.get(j)
                if h is not None and sc.is_countryish(h) and h.form != "demonym":
                    return sc.entry_code(h)[0], f"+{c.lower_}:{sc.text(h.start, h.end)}"
    if head.dep_ == "dobj":
        for subj in head.head.children:
            h = sc.name_at.get(subj.i) if subj.dep_ == "nsubj" else None
            if h is not None and sc.is_countryish(h):
                return sc.entry_code(h)[0], f"+object-of:{sc.text(h.start, h.end)}"
    return None


def _is_subject(head: Token) -> bool:
    """"people marched", "thousands of people marched"."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITY_NOUNS:
        head = head.head.head
    return head.dep_ == "nsubj"


def _affiliated(sc: Scene, idn: Identity, role: RoleHit, sector: str | None, country: str | None, why: str,
                base: dict) -> Found:
    """A role of a named group or person: "al-Shabaab militants" are al-Shabaab, "Taliban negotiators" the
    Taliban, "GNA forces" the GNA's armed wing, "Haftar's militias" Haftar's armed wing."""
    aff = _key_of(sc, idn.affiliate)
    entry = idn.affiliate.entry
    aff_country, aff_sector = sc.entry_code(idn.affiliate) if entry else (None, None)
    country = country or aff_country
    armed_role = sector in ARMED_SECTORS
    if entry is not None and entry.kind != "person" and not (armed_role and aff_sector not in ARMED_SECTORS):
        return Found(key=aff, kind=entry.kind, country=aff_country, sector=aff_sector, kb_id=entry.kb_id,
                     reason=why + "->the-group-itself", **{**base, "name": entry.name})
    if armed_role:
        return Found(key=f"armed:{aff}", kind="armed", affiliation=aff, sector=sector, country=country,
                     reason=why + "->armed-wing", **base)
    if entry is None and idn.affiliate not in sc.person_key:
        org = sc.text(idn.affiliate.start, idn.affiliate.end)
        return Found(key=aff, kind="org", sector=sector, reason=why + "->the-group-itself", **{**base, "name": org})
    return Found(key=f"member:{aff}:{sector}", kind="member", affiliation=aff, sector=sector, country=country,
                 reason=why + "->member", **base)


def _key_of(sc: Scene, h: NameHit) -> str:
    if h in sc.person_key:
        return sc.person_key[h]
    if h.entry is not None:
        return h.entry.kb_id
    return f"org:{sc.text(h.start, h.end).lower()}"


# ---- people ------------------------------------------------------------------------------------------
def _person_mentions(sc: Scene, consumed: set[NameHit], found: list[Found]) -> list[Found]:
    """Each person name, with what its titles, appositions and modifiers say (a KB person keeps its KB country)."""
    titles: dict[NameHit, list[RoleHit]] = {}
    for role in sc.roles:
        if (p := _person_of_title(sc, role)) is not None:
            titles.setdefault(p, []).append(role)
    return [_person(sc, h, key, titles.get(h, []), consumed) for h, key in sc.person_key.items()]


def _person(sc: Scene, h: NameHit, key: str, titles: list[RoleHit], consumed: set[NameHit]) -> Found:
    doc = sc.doc
    entry = h.entry
    f = Found(key=key, start=h.start, end=h.end, name=entry.name if entry else doc[h.start:h.end].text,
              kind="person", kb_id=entry.kb_id if entry else None)
    if entry is not None:
        f.country, f.sector = sc.entry_code(h)
        f.reason = f"kb:{entry.kb_id}({h.form})"
    else:
        f.reason = f"ner:{h.label}" if h.label == "PERSON" else f"surname-of:{key[7:]}"
    extra: list[int] = []
    affiliates: list[NameHit] = []
    for role in titles:
        idn = identity(sc, range(role.start, role.end), preps=False)
        consumed.update(idn.used)
        f.role = f.role or _title_text(sc, role)
        if role.role.sector and (entry is None or f.sector is None or role.role.sector == "ELI"):
            f.sector = role.role.sector if entry is None else role.role.sector
        f.country = f.country or role.role.country or idn.country
        if idn.affiliate is not None:
            affiliates.append(idn.affiliate)
        f.reason += f"+title:{role.role.text}" + "".join("+" + r for r in idn.reasons)
        extra.extend(range(role.start, role.end))
        extra.extend(i for u in idn.used for i in range(u.start, u.end))
    idn = identity(sc, range(h.start, h.end), preps=False)
    consumed.update(idn.used)
    if f.country is None and idn.country is not None:
        f.country = idn.country
        f.reason += "".join("+" + r for r in idn.reasons)
    if idn.affiliate is not None:
        affiliates.append(idn.affiliate)
    extra.extend(i for u in idn.used for i in range(u.start, u.end))
    for aff in affiliates[:1]:
        # "NATO Secretary-General Jens Stoltenberg", "Hezbollah leader Hassan Nasrallah": the body's identity
        f.affiliation = _key_of(sc, aff)
        if aff.entry is not None and aff.entry.kind != "person" and entry is None:
            a_country, a_sector = sc.entry_code(aff)
            f.country = f.country or a_country
            f.sector = a_sector or f.sector
            f.reason += f"+member-of:{aff.entry.kb_id}"
    f.extra = tuple(i for i in extra if not (h.start <= i < h.end))
    return f


def _title_text(sc: Scene, role: RoleHit) -> str:
    """The title with its own words ("trade minister", "Foreign Minister"), without names or articles."""
    start = role.start
    while start > 0:
        t = sc.doc[start - 1]
        if t.i in sc.name_at or t.dep_ not in ("compound", "amod") or t.head.i >= role.end or t.head.i < start - 1:
            break
        start -= 1
    return sc.text(start, role.end)


# ---- other names -------------------------------------------------------------------------------------
def _effective(tok: Token) -> Token:
    """The first conjunct: in "in Syria and Iraq", Iraq stands where Syria does."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _locative(tok: Token) -> bool:
    """Is this noun (phrase head) named as a place? "in Libya", "returned from Moscow", "Pakistan's ... province"."""
    tok = _effective(tok)
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of":                          # "the town of Gao", "the city of Kharkiv"
            return prep.head.lemma_.lower() in PLACE_NOUNS
        return prep.lower_ in LOCATIVE_PREPS or (prep.lower_ == "from" and prep.head.lemma_ in MOTION_VERBS)
    if tok.dep_ in ("poss", "compound", "amod", "nmod") and tok.head.i != tok.i:
        head = tok.head
        nouns = PLACE_NOUNS if tok.dep_ == "poss" else PLACE_NOUNS | BORDER_NOUNS   # "Ukraine's borders" is Ukraine's
        return head.lemma_.lower() in nouns or (head.pos_ == "PROPN" and _locative(head))
    return False


def _name_mention(sc: Scene, h: NameHit) -> Found | None:
    doc = sc.doc
    span = doc[h.start:h.end]
    root = _effective(span.root)
    text = span.text
    if h.alias is None:
        return _unknown_name(sc, h, root, text)
    entry = h.entry
    country, sector = sc.entry_code(h)
    why = f"kb:{entry.kb_id}({h.form})"
    if sc.is_countryish(h):
        if _locative(root):
            sc.places.append((h.start, country))
            return None                                # "fighting in Libya": a place
        if h.form == "demonym":
            if root.dep_ in IDENTITY_DEPS or root.pos_ == "ADJ":
                sc.refs.append((h.start, country))
                return None                            # "Libyan" gives its country to the noun it modifies
            if root.tag_ in ("NNS", "NNPS") or text.endswith("s"):
                return Found(key=f"people:{country}", start=h.start, end=h.end, name=text, kind="people",
                             country=country, sector="CVL", reason=why + "+plural-demonym", plural=True)
            return None
        if root.dep_ == "compound" and root.head.lemma_.lower() in TOPIC_NOUNS and root.head.i not in sc.role_at:
            sc.refs.append((h.start, country))
            return None                                # "the Libya conflict": a topic, not an actor
        return Found(key=f"country:{country}", start=h.start, end=h.end, name=entry.name, kind="country",
                     country=country, sector=sector or "GOV", kb_id=entry.kb_id, reason=why)
    return Found(key=entry.kb_id, start=h.start, end=h.end, name=entry.name, kind=entry.kind, country=country,
                 sector=sector, kb_id=entry.kb_id, reason=why,
                 plural=entry.kind == "group" and entry.name.endswith("s"))


def _unknown_name(sc: Scene, h: NameHit, root: Token, text: str) -> Found | None:
    """A name the KB does not know: organisations are actors; cities, regions and adjectives are not."""
    country = sc.lex.city_country(text)
    if h.label == "GPE" or (country and (h.label != "PERSON" or _locative(root))):
        if country and _locative(root):
            sc.places.append((h.start, country))
        return None                                    # a city or region: a place, not an actor
    if h.label == "NORP":
        if root.dep_ in IDENTITY_DEPS or root.pos_ == "ADJ":
            return None
        return Found(key=f"people:{text.lower()}", start=h.start, end=h.end, name=text, kind="people",
                     reason="ner:NORP", plural=True)
    if root.dep_ == "compound" and root.head.i not in sc.role_at:
        return None                                    # "Joint Military Commission talks": a name of a thing
    return Found(key=f"org:{text.lower()}", start=h.start, end=h.end, name=text, kind="org",
                 reason=f"ner:{h.label}")
