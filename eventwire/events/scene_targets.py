"""Targets for acts that named none (`scene_target`, called by the events stage): the party the act's
purpose clause helps ("earmarked aid to help Peru cope with the floods"), else the place the act is aimed at:
"strengthened its forces in the Gulf", "arrived in Mali to join the UN mission", "gave 20 million euros to
promote development in Ghana". CAMEO and PLOVER code such a place as the target (its country's people
there). Not a talks venue ("held talks in Geneva"), and not the doer's own country when the doer is a state
organ or a crowd ("Indian troops on alert in Ladakh", "marched through Nairobi"); an armed group's act in
its own country is aimed there ("the Taliban surrendered in Faryab province").

Looked for, nearest first: places in the trigger's own phrase (its objects and their "of"/"in"/"near"
phrases), then in the location phrases of the verbs it hangs from through complements, purpose clauses and
coordination ("arrived in Mali to join …"), then in its own purpose clause ("… to promote development in
Ghana"). Never in the subject's phrase (that tells where the doer is), in a clause with a subject of its
own (another act, told or reported), or as the object of a clause on a noun ("refused to back a resolution
condemning Israel": Israel is the condemning's target, not the refusal's).
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Token

from eventwire.analysis import Analysis
from eventwire.anchor import clause_head
from eventwire.events.found import FoundEvent
from eventwire.events.roles import to_infinitive

# Types whose "in X" is where the parties met, not whom the act is aimed at ("held talks in Geneva"), also
# when a meeting to come is coded AGREE (its CAMEO code stays a consultation's, 04x: "will meet … in Rome").
VENUE_TYPES = frozenset({"CONSULT"})
VENUE_CAMEO = "04"


def is_venue(etype: str, cameo: str | None) -> bool:
    return etype in VENUE_TYPES or (cameo or "").startswith(VENUE_CAMEO)
# How a verb leads up to the one that carries the act's place: "arrived in Mali to join" (advcl),
# "is ready to contribute troops" (xcomp), "announced it would lift the curfew in Amman" (ccomp, same doer).
_UP = ("xcomp", "advcl", "conj", "ccomp", "acomp")
# Location and direction prepositions whose object can be the place an act is aimed at.
SCENE_PREPS = frozenset({"in", "into", "to", "at", "across", "throughout", "inside", "around", "near", "on",
                         "over", "against", "for"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "acl", "xcomp", "conj", "parataxis"})
# Clauses on a noun ("a resolution condemning Israel"): their objects are their own act's, unlike the act a
# verb trigger names through its complement ("threatened to close its borders with Kurdistan").
_NOUN_CLAUSES = frozenset({"acl", "relcl"})
# A verb's own arguments: inside a clause on a noun they belong to that clause's act.
_ARGUMENTS = frozenset({"dobj", "dative", "attr", "oprd"})


def scene_places(doc: Doc, trigger: tuple[int, int], is_place) -> list[Token]:
    """Place tokens that may stand for the missing target of the act whose trigger spans `trigger`."""
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    verb = clause_head(head)
    out: list[Token] = []
    # the trigger's own phrase: a noun trigger and its "of"/"in" phrases, a verb's objects and place phrases
    for tok in ([head] if head is not verb else []) + [verb]:
        out += _places_below(tok, is_place)
    # the verbs above it, by their place phrases only
    cur, hops = verb, 0
    while cur.dep_ in _UP and cur.head is not cur and hops < 3:
        cur, hops = cur.head, hops + 1
        out += [p for c in cur.children if c.dep_ == "prep" and c.lower_ in SCENE_PREPS
                for p in _places_below(c, is_place)]
    # its own purpose clause: "… to promote development in Ghana"
    for c in purpose_clauses(verb):
        out += _places_below(c, is_place)
    seen: set[int] = set()
    return [p for p in out if not (p.i in seen or seen.add(p.i))]


def purpose_clauses(verb: Token) -> list[Token]:
    """The to-infinitive clauses that tell what an act is for: "gave 20 million euros to help Peru",
    "sent troops to protect the embassy" (on the verb or on its object)."""
    heads = [verb] + [o for o in verb.children if o.dep_ == "dobj"]
    return [c for h in heads for c in h.children
            if to_infinitive(c, ("advcl", "xcomp", "acl", "relcl"), subordinated=True)]


# Verbs by which a funded thing serves its beneficiaries ("projects which benefit refugees").
BENEFIT_VERBS = frozenset({"benefit", "help", "support", "assist", "serve", "aid", "target", "reach"})


def purpose_parties(verb: Token) -> list[Token]:
    """Whom an act's purpose clause names as its beneficiary or object: "earmarked aid to help Haiti cope"
    (the parser makes Haiti the subject of "cope"), "sent troops to protect the embassy", "provided funds to
    support refugees"."""
    out: list[Token] = []
    for c in purpose_clauses(verb):
        objs = [o for o in c.children if o.dep_ in ("dobj", "dative")]
        # "help Haiti cope", "enable the council to rebuild": the complement's subject is the helped party
        objs += [s for x in c.children if x.dep_ in ("ccomp", "xcomp") for s in x.children if s.dep_ in _SUBJECTS]
        # "to support projects which benefit Palestinian refugees": whom the supported thing is for
        objs += [o for x in list(objs) for r in x.children if r.dep_ in ("relcl", "acl")
                 and r.lemma_.lower() in BENEFIT_VERBS for o in r.children if o.dep_ in ("dobj", "dative")]
        out += objs
    return out


def _places_below(tok: Token, is_place) -> list[Token]:
    """Places in tok's phrase, nearest to tok first (by depth, then distance); not in a subject's phrase
    or in a clause with a subject of its own, and inside a clause on a noun only where that clause's act
    happens, not whom it is aimed at (its objects)."""
    found: list[tuple[int, int, Token]] = []
    stack = [(tok, 0, False)]
    while stack:
        cur, depth, inner = stack.pop()
        if is_place(cur) and cur is not tok:
            found.append((depth, abs(cur.i - tok.i), cur))
        for c in cur.children:
            if c.dep_ in _SUBJECTS:
                continue
            if c.dep_ in _CLAUSES and any(g.dep_ in _SUBJECTS for g in c.children):
                continue
            if inner and c.dep_ in _ARGUMENTS and cur.pos_ in ("VERB", "AUX"):
                continue    # "a resolution condemning Israel": whom another act is aimed at, not where
            stack.append((c, depth + 1, inner or c.dep_ in _NOUN_CLAUSES))
    return [t for _, _, t in sorted(found, key=lambda x: (x[0], x[1]))]


# Sectors of a state's own organs: their acts in a place of their own country are not aimed at it.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Acts whose place in the doer's own country is where they happen, not what they are aimed at.
OWN_PLACE_VENUE_TYPES = frozenset({"PROTEST"})


def scene_target(an: Analysis, f: FoundEvent, place_actor: Callable[[int, str | None], str | None],
                 place_people: Callable[[int], str | None]) -> str | None:
    """A target for an act that named none: the party its purpose clause helps, else the place it is aimed
    at, as `place_actor(token index, source or None)` makes it an actor (None: the source's own country),
    or, for a place of the source's own country held by another party, `place_people(token index)`."""
    span = an.doc.char_span(*f.trigger, alignment_mode="expand")
    if span is None or is_venue(f.type, f.cameo):
        return None
    for tok in purpose_parties(clause_head(span.root)):
        a = an.actor_for(tok)
        if a is not None and a != f.source:
            return a
    src = an.record.actor(f.source)

    def country(tok) -> str | None:
        """The token's actor if it is a country other than the source's ("in Georgia's conflict zones")."""
        a = an.record.actor(an.actor_for(tok))
        if a is None or not (a.kb_id or "").startswith("country:") or (src is not None and a.country == src.country):
            return None
        return a.id

    # an armed group's or party's act in a place of its own country is still aimed there ("the Taliban
    # surrendered in Faryab province"); a state's organs are not aimed at their own country by the words
    # that place the act, nor is a march through one's own capital
    own_ok = src is None or (src.sector not in STATE_SECTORS and f.type not in OWN_PLACE_VENUE_TYPES)
    for tok in scene_places(an.doc, f.trigger, lambda t: t.i in an.token_place or country(t) is not None):
        # "struck the rebel-held enclave of Ghouta near Damascus": a place another party holds is aimed at
        # even by the state's own forces
        if tok.i not in an.token_place:
            a = country(tok)
        else:
            a = place_actor(tok.i, None if own_ok else f.source)
            if a is None and held_by_another(tok, span.root):
                a = place_people(tok.i)         # its people, not the state that struck it
        if a is not None:
            return a
    return None


# Participles of holding ground, hyphenated to their holder: "rebel-held", "Houthi-controlled".
HOLDING_PARTICIPLES = frozenset({"held", "controlled", "run", "seized", "besieged", "dominated"})


def held_by_another(place: Token, trigger: Token) -> bool:
    """The place, or the phrase it is in up to the trigger, is marked as held by some party ("the rebel-held
    enclave of Eastern Ghouta near Damascus", "an opposition-controlled town in Idlib")."""
    for tok in [place, *place.ancestors]:
        if tok == trigger or tok.pos_ in ("VERB", "AUX"):
            return False
        if any(c.lower_ in HOLDING_PARTICIPLES and c.i > 0 and c.doc[c.i - 1].text == "-"
               for c in tok.children if c.dep_ in ("amod", "compound")):
            return True
    return False
