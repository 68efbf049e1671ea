"""Who is who in one document: name and role mentions → `Found` mentions with an identity key.

Pure functions over the parse and the lexicon hits (shared state in `scene.py`, people in `people.py`);
`merge.py` turns the mentions into actors. Rules:
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

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.actors.kb import ARMED_SECTORS
from eventwire.anchor import dateline_tokens
from eventwire.actors.lexicon import Lexicon, NameHit, RoleHit
from eventwire.actors.people import add_bare_surnames, person_keys, person_mentions, person_of_title
from eventwire.actors.territory import find_territories, place_country
from eventwire.actors.scene import (FORMER, GOVERNMENT_WORDS, IDENTITY_DEPS, MEMBER_BODIES, NOT_LOCAL, NOT_OWNED,
                                    QUANTITY_NOUNS, TOPIC_NOUNS,
                                    Found, Identity, Scene, effective, identity, key_of, locative,
                                    named_place, the_country)


# Modifiers that make a craft civilian ("passenger jet", "cargo plane"): its country's civilians, not its forces.
CIVIL_CRAFT = frozenset({"passenger", "cargo", "civilian", "commercial", "private", "airliner", "transport",
                         "fishing", "merchant", "supply", "aid", "medical", "rescue"})
# Sectors whose members, named by a bare role as an act's object, are that story's people ("arrested a journalist").
# Verbs of speaking: their singular indefinite subject ("a spokesman said") is a source of words, no actor yet.
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "claim", "report", "note", "explain", "confirm", "announce",
                          "write", "insist", "argue", "reply", "answer", "describe", "speak", "comment", "testify",
                          "disclose", "reveal", "mention", "stress", "acknowledge", "admit", "deny", "quote"})
VICTIM_SECTORS = frozenset({"JRN", "CVL", "MED", "EDU", "REL", "LAB", "OPP"})
# Sectors of the public: a group of them acting in a named place is that place's people ("people rallied in Amman").
PUBLIC_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "OPP"})
ACT_PLACE_PREPS = frozenset({"in", "at", "outside", "across", "throughout"})
# Words that make "bank" the side of a river ("the west bank of the Dnipro", "the river bank").
RIVER_SIDES = frozenset({"west", "east", "north", "south", "left", "right", "western", "eastern", "northern",
                         "southern", "river", "opposite", "far"})
# A capital after these is the city, not its government ("bases around Khartoum"); a country stays a target.
AROUND = frozenset({"around", "near", "over", "outside", "toward", "towards", "across"})


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
    roles = lex.roles(doc, names)                     # roles never cross a KB name
    names = _drop_role_like_entities(doc, names, roles)
    roles = [r for r in roles if not _inside_name(r, names)]
    names = _trim_titles(names, roles)
    names = add_bare_surnames(doc, names)
    sc = Scene(doc, lex, published, names, roles)
    sc.person_key = person_keys(sc)
    found: list[Found] = []
    consumed: set[NameHit] = set()
    for role in roles:
        f = _role_mention(sc, role, consumed)
        if f is not None:
            found.append(f)
            found.extend(_conjoined(sc, f, consumed))
    found.extend(person_mentions(sc, consumed))
    for h in names:
        if h in consumed or h in sc.person_key:
            continue
        f = _name_mention(sc, h)
        if f is not None:
            found.append(f)
    found.extend(_country_owners(sc, found))
    found.extend(find_territories(sc, found))
    # "ADEN (Reuters) - ": the dateline names where and by whom the story was filed, no party to it
    dateline = dateline_tokens(doc)
    found = [f for f in found if not any(i in dateline for i in range(f.start, f.end))]
    return Mentions(found, sc.places, sc.refs)


# ---- preparing hits ------------------------------------------------------------------------------
def _inside_name(r: RoleHit, names: list[NameHit]) -> bool:
    """"Military" in "Joint Military Commission" is part of an organisation's name."""
    return any(h.label != "PERSON" and h.start <= r.start and r.end <= h.end for h in names)


def _drop_role_like_entities(doc: Doc, names: list[NameHit], roles: list[RoleHit]) -> list[NameHit]:
    """An unknown NER organisation made of role words ("the Interior Ministry", "Supreme Court"), or of a role
    with lower-case words before it ("the justice ministry", "Iran's supreme leader"), is a role; one with a
    name of its own ("the Arakan Army") stays an organisation."""
    role_tokens = {i for r in roles for i in range(r.start, r.end)}
    role_ends = {r.end for r in roles}

    def crosses(h: NameHit) -> bool:              # "State" tagged ORG in "State Counsellor"
        return any(r.start < h.end and h.start < r.end and not (h.start <= r.start and r.end <= h.end)
                   for r in roles)

    def all_roles(h: NameHit) -> bool:
        return all(i in role_tokens for i in range(h.start, h.end))

    def common_words_and_role(h: NameHit) -> bool:
        return h.end in role_ends and all(i in role_tokens or doc[i].is_lower for i in range(h.start, h.end))

    return [h for h in names if h.alias is not None or h.label == "PERSON"
            or not (all_roles(h) or crosses(h) or common_words_and_role(h))]


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


def _role_mention(sc: Scene, role: RoleHit, consumed: set[NameHit]) -> Found | None:
    """A role phrase as an actor mention: its identity decides which actor (see the module's rules)."""
    if person_of_title(sc, role) is not None:
        return None                                   # handled with the person
    head = sc.doc[role.head]
    if head.dep_ == "compound" and head.head.lemma_.lower() in NOT_OWNED:
        return None                                   # "a police mission", "in police custody": no actor
    if _river_bank(head):
        return None                                   # "the west bank of the Dnipro": a place, not a bank
    civil = role.role.owned and any(c.lower_ in CIVIL_CRAFT for c in head.children if c.dep_ in ("compound", "amod"))
    # a weapon's or strike's "of"/"on" phrase names its target, not its owner ("the bombardment of Mariupol")
    idn = identity(sc, range(role.start, role.end), preps=not role.role.owner_only)
    if civil:                                         # "a Ukrainian passenger jet": its country's civilians
        if idn.country is None or idn.affiliate is not None:
            return None
        consumed.update(idn.used)
        entry = sc.lex.kb.entries.get(f"country:{idn.country}")
        start = min([role.start] + [h.start for h in idn.used])
        return Found(key=f"civil:{idn.country}", start=start, end=role.end, kind="group", country=idn.country,
                     sector="CVL", name=entry.name if entry else sc.text(start, role.end),
                     reason=f"role:{role.role.text}({role.role.source})+civilian-craft+" + "+".join(idn.reasons))
    _owner_over_place(sc, head, role, idn)
    consumed.update(idn.used)
    start = min([role.start] + [h.start for h in idn.used])
    end = max(role.end, idn.place_end or 0)
    by_members = role.role.person or role.role.text in MEMBER_BODIES
    sector = idn.role_sector if by_members and idn.role_sector else role.role.sector
    if any(c.lower_ in FORMER for c in head.children if c.dep_ in ("amod", "advmod")):
        sector = "ELI"                                # CAMEO/PLOVER: former officials are elites
    plural = head.tag_ in ("NNS", "NNPS") or head.lemma_ in ("police", "military", "army", "opposition")
    base = dict(start=start, end=end, name=sc.text(start, end), role=role.role.text, plural=plural)
    why = f"role:{role.role.text}({role.role.source})" + "".join("+" + r for r in idn.reasons)
    if (named := _apposition_of_name(sc, head)) is not None:   # "Georgian Dream, the ruling party"
        return Found(key=key_of(sc, named), kind="org", sector=sector, reason=why + "+apposition", **base)
    if role.role.collective == "members" and not _group_affiliate(sc, idn):
        return None                                   # "members said", "Haftar members": no group named
    if idn.affiliate is not None:                     # "al-Shabaab militants", "Haftar's militias"
        return _affiliated(sc, idn, role, sector, role.role.country or idn.country, why, base)
    if role.role.anaphor and not (idn.country and _led_by(head)):   # "the Saudi-led coalition" is Saudi Arabia's
        return _anaphor(head, plural, idn, why, base)
    if role.role.collective:
        return _collective(sc, head, role.role.collective, idn.country, why, base)
    if role.role.subject_only and not (_is_subject(head) or _is_object(head) or _done_to_by_someone(sc, head)) \
            and idn.country is None:
        return None                                   # "1,000 people have been killed": victims, counted elsewhere
    country = role.role.country or idn.country
    if country is None and not role.role.owned and (owner := _owner_in_context(sc, head)) is not None:
        country, why = owner[0], why + owner[1]
    if country is None and sector in PUBLIC_SECTORS and (where := _where_public_acts(sc, head)) is not None:
        country, why = where[0], why + where[1]
    if country is not None:
        return _of_country(sc, role, country, sector, why, base)
    return _bare(head, role, sector, why, base)


def _group_affiliate(sc: Scene, idn: Identity) -> bool:
    """The identity names an organisation or group, not a person ("Islamic State members", "members of
    Hamas"; not "Haftar members")."""
    aff = idn.affiliate
    if aff is None or aff in sc.person_key or aff.label == "PERSON":
        return False
    return aff.entry is None or aff.entry.kind != "person"


def _owner_over_place(sc: Scene, head: Token, role: RoleHit, idn: Identity) -> None:
    """"recalled its ambassador from Israel", "killings by its troops in Ukraine": the owner that "its" names
    says whose they are; the place after the role is only where they are, and stays an actor of its own."""
    if idn.place_end is None or role.role.owned or not any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                           for c in head.children):
        return
    owner = _owner_in_context(sc, head)
    if owner is None:
        return
    idn.country = owner[0]
    idn.used = [h for h in idn.used if h.start < role.end]
    idn.place_end = None
    idn.reasons.append(owner[1].lstrip("+") + "(not the place after it)")


def _river_bank(head: Token) -> bool:
    """"the west bank of the Dnipro river", "the river bank": "bank" as the side of a river."""
    if head.lemma_.lower() != "bank":
        return False
    return any(c.dep_ in ("amod", "compound") and c.lower_ in RIVER_SIDES for c in head.children)


def _led_by(head: Token) -> bool:
    """"the Saudi-led coalition", "a Kenyan-led mission"."""
    return any(c.lower_ == "led" and c.dep_ == "amod" for c in head.children)


def _anaphor(head: Token, plural: bool, idn: Identity, why: str, base: dict) -> Found | None:
    """"the group", "the alliance": the organisation named last (resolved in merge.py)."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
    if not definite or plural or idn.used or head.dep_ in ("compound", "appos"):
        return None
    return Found(key="pending:anaphor", kind="org", pending="anaphor", reason=why + "+the-last-named-group", **base)


# Where a collective noun is a party to an act rather than part of a description.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "conj", "appos", "agent"})
# Longest phrase that names a "powers" collective: beyond it the phrase is a clause, not a name.
MAX_COLLECTIVE_TOKENS = 12


def _collective(sc: Scene, head: Token, kind: str, country: str | None, why: str, base: dict) -> Found | None:
    """"the two sides" → the story's conflict parties (country decided in merge.py, or named: "Yemen's warring
    parties"); "all powers supporting Haftar" → those states, no country, named by their phrase. Only plural
    arguments of a verb count."""
    if not base["plural"] or head.dep_ not in _ARGUMENT_DEPS:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None                                   # "both sides of the border", "countries of the region"
    if kind == "sides" and country is not None:
        return Found(key=f"group:{country}:None", kind="group", country=country, reason=why + "+conflict-parties",
                     **base)
    if kind == "sides":
        return Found(key="pending:group:sides", kind="group", pending="focus", reason=why + "+conflict-parties",
                     **base)
    defining = [c for c in head.children if c.dep_ in ("acl", "relcl", "amod")]
    if not defining:
        return None                                   # "countries" alone says nobody
    # The phrase is the head's subtree without clauses hanging off it ("… arming the RSF [to stop]").
    cut = {d.i for t in head.subtree if t.i != head.i and t.dep_ in ("xcomp", "advcl", "ccomp", "punct")
           for d in t.subtree}
    toks = [t for t in head.subtree if t.i not in cut]
    start = next(t.i for t in toks if not (t.dep_ in ("det", "predet") and t.i < head.i))
    end = max(t.i for t in toks) + 1
    if end - start > MAX_COLLECTIVE_TOKENS:
        end = head.i + 1
    phrase = sc.text(start, end)
    # "powers backing Haftar" and "all powers supporting Libyan warlord Khalifa Haftar" are one actor:
    # the same collective noun defined by the same named actors.
    named = sorted({key_of(sc, h) for i in range(start, end)
                    if (h := sc.name_at.get(i)) is not None and h.form != "demonym"})
    key = f"collective:{head.lemma_.lower()}:{'+'.join(named)}" if named else f"collective:{phrase.lower()}"
    return Found(key=key, kind="group", reason=why + "+defined-by-phrase",
                 **{**base, "start": start, "end": end, "name": phrase})


def _of_country(sc: Scene, role: RoleHit, country: str, sector: str | None, why: str, base: dict) -> Found:
    """"the Nicaraguan envoy" (an office), "Libya's government" (the state), "the Libyan army" (a group)."""
    if role.role.person and not base["plural"] and sector in ("GOV", None):
        text = base["name"]
        name = text.split(" ", 1)[1] if text.lower().startswith(("the ", "a ", "an ")) else text
        return Found(key=f"office:{country}:{role.role.text}", kind="person", country=country, sector="GOV",
                     reason=why, **{**base, "name": name})
    if sector == "GOV" or sector is None:
        entry = sc.lex.kb.entries.get(f"country:{country}")
        return Found(key=f"country:{country}", kind="government", country=country, sector="GOV",
                     kb_id=entry.kb_id if entry else None, reason=why,
                     **{**base, "name": entry.name if entry else base["name"]})
    return Found(key=f"group:{country}:{sector}", kind="group", country=country, sector=sector, reason=why, **base)


# Plural government words name several states ("other governments"), never the document's one government.
PLURAL_GOVERNMENTS = frozenset({"governments", "administrations", "regimes", "cabinets"})


def _bare(head: Token, role: RoleHit, sector: str | None, why: str, base: dict) -> Found | None:
    """A role with no identity in its phrase: "the government" (the document's one), "police said" (the
    story's country, decided in merge.py), "foreign forces" (no country); "a spokesman" is nobody yet."""
    if head.lower_ in PLURAL_GOVERNMENTS:
        return None             # "several governments sent aid": states the text does not name, not the story's one
    if head.lemma_.lower() in GOVERNMENT_WORDS or role.role.text in GOVERNMENT_WORDS:
        return Found(key="pending:government", kind="government", sector="GOV", pending="government",
                     reason=why + "+the-government", **base)
    if role.role.owner_only:
        return None                                   # "missiles hit Kyiv": whose missiles, the text does not say
    if _audience(head) or (role.role.owned and not _is_subject(head)):
        return None                                   # "told reporters", "supplied drones"
    foreign = [c for c in head.children if c.dep_ == "amod" and c.lower_ in NOT_LOCAL and not _place_preposition(c)
               and not role.start <= c.i < role.end]     # not the role's own word: "the foreign minister"
    if foreign:                                       # named with the word that makes them foreign: "Western officials"
        start = min(base["start"], foreign[0].i)
        doc = head.doc
        base = {**base, "start": start, "name": doc[start:base["end"]].text}
        return Found(key=f"foreign:{sector}", kind="group", sector=sector, reason=why + "+foreign", **base)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)
    victim = sector in VICTIM_SECTORS and _is_object(head)      # "would arrest any journalist", "detained an activist"
    # "a soldier shot two protesters", "a rebel commander surrendered": one doing the act, not one speaking
    # (only "a"/"an": "the alliance's secretary-general welcomed it" points back at a named one)
    doer = indefinite and role.role.person and head.dep_ == "nsubj" and head.head.pos_ == "VERB" and \
        head.head.lemma_.lower() not in SPEECH_VERBS
    if sector is not None and (base["plural"] or victim or doer or not (role.role.person or indefinite)):
        return Found(key=f"pending:group:{sector}", kind="group", sector=sector, pending="focus",
                     reason=why + "+bare-group", **base)
    return None


def _place_preposition(word: Token) -> bool:
    """"rallied outside parliament": "outside" before a bare singular noun is the preposition the tagger
    read as an adjective (a place, not "outside powers")."""
    head = word.head
    return word.lower_ == "outside" and head.tag_ == "NN" and not any(c.dep_ == "det" for c in head.children)


def _conjoined(sc: Scene, f: Found, consumed: set[NameHit]) -> list[Found]:
    """"French and Indian navies", "lawmakers in Fornost and Gondor": one group per country named."""
    if f.kind not in ("group", "government") or f.country is None:
        return []
    out = []
    for i in range(f.start, f.end):
        h = sc.name_at.get(i)
        if h is None or h.start != i or not sc.is_countryish(h):
            continue
        for c in sc.doc[h.start:h.end].root.children:
            v = sc.name_at.get(c.i)
            if c.dep_ != "conj" or v is None or v in consumed or not sc.is_countryish(v):
                continue
            country = sc.entry_code(v)[0]
            key = f"country:{country}" if f.key.startswith("country:") else f"group:{country}:{f.sector}"
            consumed.add(v)
            out.append(Found(key=key, start=v.start, end=v.end, name=f"{sc.text(v.start, v.end)} {f.role}",
                             kind=f.kind, country=country, sector=f.sector, role=f.role, plural=f.plural,
                             reason=f.reason + f"+conj:{sc.text(v.start, v.end)}"))
            if f.kind == "group" and f.role:          # "Kenyan and Ethiopian police": the first is "Kenyan police"
                f.name = f"{sc.text(h.start, h.end)} {f.role}"
    return out


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


def _where_public_acts(sc: Scene, head: Token) -> tuple[str, str] | None:
    """"Thousands of people rallied in Amman": members of the public acting in a named place are its people
    (a better guess than the story's country when the story is about somewhere else). Subjects only: captives
    "held in Gaza" or tourists are not the place's people."""
    if not _is_subject(head):
        return None
    if head.dep_ == "pobj":                           # "thousands of people": the quantity is the subject
        head = head.head.head
    for p in head.head.children:
        if p.dep_ != "prep" or p.lower_ not in ACT_PLACE_PREPS:
            continue
        for obj in p.children:
            h = sc.name_at.get(obj.i) if obj.dep_ == "pobj" else None
            if h is None:
                continue
            if sc.is_countryish(h):
                country = sc.entry_code(h)[0]
            elif h.alias is None and h.label in ("GPE", "LOC", "FAC"):
                country = place_country(sc, sc.text(h.start, h.end), cities=True)
            else:
                country = None
            if country:
                return country, f"+acts-in:{sc.text(h.start, h.end)}"
    return None


def _audience(head: Token) -> bool:
    """"told reporters", "said to journalists"."""
    if head.dep_ in ("dobj", "dative") and head.head.lemma_ == "tell":
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lemma_ in ("say", "speak", "talk")


def _is_object(head: Token) -> bool:
    """"pardoned hundreds of people", "police detained 40 people": the people an act is done to (a passive
    subject, "1,000 people have been killed", stays a count)."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITY_NOUNS:
        head = head.head.head
    return head.dep_ == "dobj" and head.head.pos_ == "VERB"


def _done_to_by_someone(sc: Scene, head: Token) -> bool:
    """"hundreds of people were detained by riot police": a passive subject whose doer is named (a name or a
    role: not "killed by stray bullets") is the people the act is done to."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITY_NOUNS:
        head = head.head.head
    if head.dep_ != "nsubjpass":
        return False
    doers = [o for a in head.head.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return any(o.i in sc.name_at or o.i in sc.role_at for o in doers)


def _is_subject(head: Token) -> bool:
    """"people marched", "thousands of people marched"."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in QUANTITY_NOUNS:
        head = head.head.head
    return head.dep_ == "nsubj"


def _affiliated(sc: Scene, idn: Identity, role: RoleHit, sector: str | None, country: str | None, why: str,
                base: dict) -> Found:
    """A role of a named group or person: "al-Shabaab militants" are al-Shabaab, "Taliban negotiators" the
    Taliban, "GNA forces" the GNA's armed wing, "Haftar's militias" Haftar's armed wing."""
    aff = key_of(sc, idn.affiliate)
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
    if idn.affiliate.start >= role.end:               # "supporters of Imran Khan": named by the role, not the leader
        base = {**base, "name": sc.text(base["start"], role.end)}
    return Found(key=f"member:{aff}:{sector}", kind="member", affiliation=aff, sector=sector, country=country,
                 reason=why + "->member", **base)


# Prepositions whose object is what a protest or complaint is against ("protested against the country's new law").
OPPOSED_PREPS = frozenset({"against", "over"})


def _country_owners(sc: Scene, found: list[Found]) -> list[Found]:
    """"protests against the country's strict COVID-19 restrictions": what is opposed is the country's (named
    last) doing, so "the country" there is a mention of its government. Only in that position: elsewhere
    "the country's economy" is no actor."""
    taken = {i for f in found for i in range(f.start, f.end)}
    out = []
    for tok in sc.doc:
        owned = tok.head
        if tok.dep_ != "poss" or tok.i in taken or owned.i in sc.role_at or owned.i in taken \
                or owned.dep_ != "pobj" or owned.head.lower_ not in OPPOSED_PREPS:
            continue
        h = the_country(sc, tok)
        if h is None:
            continue
        country, sector = sc.entry_code(h)
        out.append(Found(key=f"country:{country}", start=tok.i, end=tok.i + 1, name=h.entry.name, kind="country",
                         country=country, sector=sector or "GOV", kb_id=h.entry.kb_id,
                         reason=f"the country={sc.text(h.start, h.end)}"))
    return out


def _name_mention(sc: Scene, h: NameHit) -> Found | None:
    doc = sc.doc
    span = doc[h.start:h.end]
    root = effective(span.root)
    text = span.text
    if h.alias is None:
        return _unknown_name(sc, h, root, text)
    entry = h.entry
    country, sector = sc.entry_code(h)
    why = f"kb:{entry.kb_id}({h.form})"
    if sc.is_countryish(h):
        if text.isupper() and len(text) > 3 and h.end < len(doc) and doc[h.end].is_punct and doc[h.end].text != ".":
            return None                                # "ANKARA (AA) -": a dateline, not an actor
        if locative(root) or (h.form == "capital" and root.dep_ == "pobj" and root.head.lower_ in AROUND):
            sc.places.append((h.start, country))
            return None                                # "fighting in Libya": a place
        if h.form == "demonym":
            if root.dep_ in IDENTITY_DEPS or root.dep_ == "npadvmod" or root.pos_ == "ADJ":   # also "Kurdish-led"
                sc.refs.append((h.start, country))
                return None                            # "Libyan" gives its country to the noun it modifies
            if root.tag_ in ("NNS", "NNPS") or text.endswith("s"):
                return Found(key=f"people:{country}", start=h.start, end=h.end, name=text, kind="people",
                             country=country, sector="CVL", reason=why + "+plural-demonym", plural=True)
            if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
                return Found(key=f"person:a {text.lower()}@{h.start}", start=h.start, end=h.end, name=text,
                             kind="person", country=country, sector="CVL", reason=why + "+a-national")
            return None
        if root.dep_ == "compound" and root.head.lemma_.lower() in TOPIC_NOUNS and root.head.i not in sc.role_at:
            sc.refs.append((h.start, country))
            return None                                # "the Libya conflict": a topic, not an actor
        return Found(key=f"country:{country}", start=h.start, end=h.end, name=entry.name, kind="country",
                     country=country, sector=sector or "GOV", kb_id=entry.kb_id, reason=why)
    return Found(key=entry.kb_id, start=h.start, end=h.end, name=entry.name, kind=entry.kind, country=country,
                 sector=sector, kb_id=entry.kb_id, reason=why,
                 plural=entry.kind == "group" and entry.name.endswith("s"))


def _situated_in_country(sc: Scene, root: Token) -> bool:
    """"the village of Solhan in northern Burkina Faso": the text places the town in a country, so the city
    list's namesake elsewhere (a Solhan in Turkey) says nothing about where the story is."""
    return any(p.dep_ == "prep" and p.lower_ == "in" and any(
        o.dep_ == "pobj" and (m := sc.name_at.get(o.i)) is not None and sc.is_countryish(m) for o in p.children)
        for p in root.children)


def _unknown_name(sc: Scene, h: NameHit, root: Token, text: str) -> Found | None:
    """A name the KB does not know: organisations are actors; cities, regions and adjectives are not."""
    country = sc.lex.city_country(text)
    at_place = locative(root)
    if h.label == "GPE" or named_place(root) or (country and (h.label != "PERSON" or at_place)) \
            or (h.label != "PERSON" and at_place):
        country = country or (place_country(sc, text) if at_place else None)   # a region: "in Borno state"
        if country and at_place and not _situated_in_country(sc, root):
            sc.places.append((h.start, country))
        return None                                    # a city or region: a place, not an actor
    if h.label == "NORP":
        if root.dep_ in IDENTITY_DEPS or root.dep_ == "npadvmod" or root.pos_ == "ADJ":   # also "Kurdish-led"
            return None
        return Found(key=f"people:{text.lower()}", start=h.start, end=h.end, name=text, kind="people",
                     reason="ner:NORP", plural=True)
    if root.dep_ == "compound" and root.head.i not in sc.role_at:
        return None                                    # "Joint Military Commission talks": a name of a thing
    last = sc.lex.role_of(sc.doc[h.end - 1])
    if last is not None and last.sector in ARMED_SECTORS:   # "the Arakan Army": a named armed group, not a state's
        return Found(key=f"org:{text.lower()}", start=h.start, end=h.end, name=text, kind="org", sector="REB",
                     reason=f"ner:{h.label}+named-armed-group", plural=True)
    return Found(key=f"org:{text.lower()}", start=h.start, end=h.end, name=text, kind="org",
                 reason=f"ner:{h.label}")
