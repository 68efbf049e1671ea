"""Which actors an argument names, and where a missing target is found.

An argument token names its actor, or one inside it ("positions of the PKK", "Washington's decision"),
with its coordinated partners; a target may also be a place standing for its country's people ("aid
into Gaza"), the object of a coordinated verb, the neighbour across "the border with X", a joint act's
partner, or one side for a mediator or a counted group.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.actors.scene import PLACE_NOUNS
from eventwire.events.found import ActorLookup, FoundEvent, ManyLookup, PlaceLookup
from eventwire.events.modality import ModalityWords
from eventwire.events.restrictions import is_restriction
from eventwire.events.roles import Roles, expand, prep_objects, to_infinitive

if TYPE_CHECKING:
    from eventwire.events.triggers import Trigger

# Nouns whose "of" names a different party than themselves.
OTHER_PARTY_NOUNS = {"supporter", "supporters", "opponent", "opponents", "critic", "critics", "victim", "victims",
                     "family", "families", "relative", "relatives", "rival", "rivals", "enemy", "enemies", "foe"}
# Types whose target, when no actor is named, is the country of the place the act goes to or leaves:
# aid "into Gaza" is for Palestine, a withdrawal "from the west bank of the Dnipro" gives ground to Ukraine;
# a ceasefire "in Idlib", sanctions lifted on trade "with Cuba", strikes "in the Gaza Strip" are aimed at the
# place's country (never the source's own: see stage.place_actor).
PLACE_TARGET_TYPES = {"AID", "RETREAT", "CONCEDE", "AGREE", "SANCTION", "THREATEN", "ASSAULT", "COERCE", "MOBILIZE"}
# Meetings whose host is the country of the place they are held in ("attend the summit in Los Angeles").
PLACE_HOST_MODES = {"visit", "multilateral"}
# Requests for shelter: the place where refuge is sought stands for the host ("sought refuge in Chad").
REFUGE_WORDS = {"refuge", "asylum", "sanctuary"}
# Prepositions whose place, under an AID or RETREAT trigger, may stand for its missing target.
PLACE_PREPS = ("from", "into", "to", "in", "around", "near", "across", "inside")


# Nouns naming an attack: as a verb's subject ("the shelling of Omdurman killed 15 people") their "of"
# object is what was attacked; only "by" names the attacker.
ATTACK_EVENT_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "offensive", "invasion", "incursion",
                                "bombing", "shelling", "bombardment", "assault", "onslaught", "siege", "blockade"})


def first_actors(candidates: list[Token], actor_for: ActorLookup, exclude: list[str] = (),
                  many: ManyLookup | None = None, doer: bool = False) -> list[str]:
    """The actors of the first candidate argument that names any, with its coordinated partners.

    A candidate with no actor of its own may name one inside it: "positions of the PKK", "a plan by
    ECOWAS", "a request from Ecuador" (one level down only).
    """
    for cand in candidates:
        out: list[str] = []
        # "Iran's ally Syria": the apposition names the argument, the possessor only describes it
        if cand.pos_ == "NOUN":
            cand = next((c for c in cand.children if c.dep_ == "appos" and actor_for(c) is not None), cand)
        for tok in expand([cand]):
            if doer and actor_for(tok) is None and tok.lemma_.lower() in ATTACK_EVENT_NOUNS:
                # "the shelling of Omdurman killed 15": the attack's "of" names what was hit, not who hit it
                found = [x for o in expand(prep_objects(tok, ("by",))) for x in _actors_in(o, actor_for, 1, exclude)]
            else:
                found = _actors_in(tok, actor_for, depth=2, exclude=exclude)
            if many is not None and actor_for(tok) in found:
                found += many(tok)          # the other actors the same token stands for
            for a in found:
                if a not in out and a not in exclude:
                    out.append(a)
        if out:
            return out
    return []


def _actors_in(tok: Token, actor_for: ActorLookup, depth: int, exclude: list[str] = (), nested: bool = False) -> list[str]:
    """tok's actor, else the actors of its of/by/from/with objects ("hundreds of thousands of people"), but
    not through nouns that name someone else ("supporters of Imran Khan" are not Imran Khan). Inside an "of"
    phrase, also the place it is in ("reports of killings in Ethiopia's Amhara region"); not on the
    argument itself, where "in" is often the venue ("discussed trade ties in Lima")."""
    a = actor_for(tok)
    if a in exclude:
        a = None            # "moved troops to its border with Ukraine": the source's own border leads on to Ukraine
    if a is None and tok.lemma_.lower() in OTHER_PARTY_NOUNS:
        return []
    inner = [] if depth == 0 else \
        [x for o in expand(prep_objects(tok, ("of", "by", "from", "with")) + (_places_in(tok) if nested else []))
         for x in _actors_in(o, actor_for, depth - 1, exclude, nested=True)]
    if a is None and not inner and depth > 0:
        # "sanctions on Venezuela's oil sector", "Washington's decision": the owner of a thing that is nobody
        inner = [x for o in tok.children if o.dep_ == "poss" and o.tag_ != "PRP$"
                 for x in _actors_in(o, actor_for, 0, exclude)]
    if a is not None:
        # "the foreign ministers of Russia and Ukraine": the coordinated list says more than the head
        return inner if len(set(inner)) > 1 and a in inner else [a]
    return inner


def _places_in(tok: Token) -> list[Token]:
    """A place the noun is in, as the actor it is about: "reports of killings in Ethiopia's Amhara region"
    (not "the vote in parliament": only places)."""
    return [o for o in prep_objects(tok, ("in",)) if o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in PLACE_NOUNS]


def each_party(parties: list[Token], actor_for: ActorLookup, many: ManyLookup | None) -> list[str]:
    """Every party a "between" phrase names: the first with its coordinated partners, then any the parser
    hung inside the first one's phrase (see roles.between_parties)."""
    out = first_actors(parties[:1], actor_for, many=many)
    for p in parties[1:]:       # a party found inside the first one's phrase: its own actor only
        a = actor_for(p)
        if a is not None and a not in out:
            out.append(a)
    return out


def numbered_group(cands: list[Token], actor_for: ActorLookup, words: ModalityWords) -> list[str]:
    """ "Saudi Arabia and Iran met in Beijing. The two countries agreed …": a counted group of parties
    ("the two countries", "both sides", "the three governments") stands for the latest coordinated list
    of that many actors in its sentence or the one before."""
    if not cands:
        return []
    tok = cands[0]
    if tok.lemma_.lower() not in words.party_nouns or tok.tag_ not in ("NNS", "NNPS"):
        return []
    n = next((_COUNT_WORDS.get(c.lower_) for c in tok.children if c.lower_ in _COUNT_WORDS
              and c.dep_ in ("nummod", "det", "predet", "amod")), None)
    if n is None:
        return []
    sent = tok.sent
    start = sent[0].nbor(-1).sent.start if sent.start > 0 else sent.start
    for j in range(tok.i - 1, start - 1, -1):
        first = tok.doc[j]
        if first.dep_ == "conj" or not first.conjuncts:
            continue
        group = [a for u in sorted([first, *first.conjuncts], key=lambda u: u.i) if (a := actor_for(u)) is not None]
        group = list(dict.fromkeys(group))
        if len(group) == n:
            return group
    return []


_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4}


def acting_targets(t: Trigger) -> list[Token]:
    """Where an `acting` noun's verb takes it: "an aid convoy reached northwest Syria", "… arrived in Gaza"."""
    if not t.entry.acting or t.head.dep_ != "nsubj":
        return []
    verb = t.head.head
    return [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, ("to", "into", "in"))


def coordinated_objects(verb: Token) -> list[Token]:
    """"accused ECOWAS of ... and warned that any attack would be met with a response": a warning with no
    addressee of its own is addressed to the object of the verb it is coordinated with."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return []
    return [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]


# Nouns for a frontier whose "with" names the neighbour a mobilisation faces.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def border_neighbours(t: Trigger) -> list[Token]:
    """ "put its army on the highest level of readiness and ordered units to the border with Kosovo": a
    mobilisation with no target faces the neighbour named by "the border with X" in its own clause or a
    clause coordinated with it."""
    verb = t.light if t.light is not None else t.head
    top = verb.head if verb.dep_ == "conj" else verb
    clauses = [top] + [c for c in top.conjuncts]
    out: list[Token] = []
    for cl in clauses:
        for w in cl.subtree:
            if w.lemma_.lower() in _BORDER_NOUNS:
                out += [o for p in w.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj"]
    return out


def demonym_word(tokens: list[Token]) -> int | None:
    """A capitalised modifier of a target phrase that named no actor, which may be a nationality word
    ("a ban on Indian airlines", "accepted an Egyptian proposal"); the caller checks it against the
    knowledge base's demonyms."""
    for tok in expand(tokens):
        for w in [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]:
            hyphen = w.i + 1 < len(w.doc) and w.doc[w.i + 1].text == "-"     # "Russian-made" says no owner
            if w.tag_ in ("JJ", "NNP", "NNPS") and w.text[:1].isupper() and w.i != w.sent.start and not hyphen:
                return w.i
    return None


def place_target(t: Trigger, found: list[FoundEvent], roles_of: Callable[[], Roles], is_place: PlaceLookup) -> None:
    """Aid sent into a place, or ground given up, with no actor on the receiving end: the place's token
    stands for the target ("allowed 200 trucks of aid into Gaza", "completed the withdrawal of its forces
    from the west bank of the Dnipro river near Kherson"). The place may sit inside the target phrase.
    `roles_of` gives the trigger's roles, read only when the act can take a place for its target."""
    hosted = t.entry.type == "CONSULT" and t.entry.mode in PLACE_HOST_MODES
    restricted = is_restriction(t.entry.type, [w.text for w in t.words])     # "imposed a curfew in X"
    sheltered = t.entry.type == "REQUEST" and any(w.lemma_.lower() in REFUGE_WORDS for w in t.words)
    if not found or not (t.entry.type in PLACE_TARGET_TYPES or hosted or restricted or sheltered) \
            or any(f.target is not None for f in found):
        return
    r = roles_of()
    # the trigger's own place phrases too: "reduce military activity around Kyiv", "distributed aid in Sudan"
    heads = [t.head] + ([t.light] if t.light is not None else []) + [w for w in t.words if w.pos_ == "NOUN"]
    around = [o for h in heads for o in prep_objects(h, PLACE_PREPS)]
    # "pulled out of Kherson", "moved away from the border": a preposition on a particle
    around += [o for h in heads for p in h.children if p.dep_ in ("prep", "prt", "advmod")
               for o in prep_objects(p, ("of", "from"))]
    place = next((p for c in expand(r.targets + acting_targets(t) + around) for p in _phrase_places(c, is_place)),
                 None)
    if place is None and t.entry.type == "AID":
        # help given for a purpose in a place: "mobilised funds to support peace building in Colombia"
        place = next((p for h in heads for c in h.children if _purpose_clause(c)
                      for p in c.subtree if is_place(p)), None)
    for f in found:
        f.target_place = None if place is None else place.i


def _purpose_clause(tok: Token) -> bool:
    """A to-infinitive of purpose on the trigger: "(provided funds) to fight the epidemic in Liberia"."""
    return tok.pos_ in ("VERB", "AUX") and to_infinitive(tok, ("advcl", "xcomp", "acl"))


def _phrase_places(tok: Token, is_place: PlaceLookup, depth: int = 3) -> list[Token]:
    """The token itself if it names a place, else places in its "of"/"near"/"in" phrases, nearest first, then
    its own name or owner ("Niger's Tillaberi region")."""
    if is_place(tok):
        return [tok]
    if depth == 0:
        return []
    return [p for o in prep_objects(tok, ("of", "near", "in", "outside", "around")) for p in _phrase_places(o, is_place, depth - 1)] \
        + [c for c in tok.children if c.dep_ in ("compound", "poss") and is_place(c)]


def joint_partners(t: Trigger, words: ModalityWords) -> list[Token]:
    """The partners of an exercise or operation recoded as joint (COOPERATE): its "with"/"alongside"
    phrase, never the operation's own object ("against armed groups", "near the border")."""
    heads = [t.head] + ([t.light] if t.light is not None else [])
    return [o for h in heads for o in prep_objects(h, tuple(words.partner_preps))]


def partner(tok: Token, t: Trigger, r: Roles, words: ModalityWords) -> bool:
    """Whether a target candidate of a reciprocal act is a further party to it rather than what the act
    is about: the verb's own object ("met Iran's envoy"), a "with"/"between" phrase ("exchanged prisoners
    with Russia"), or a target phrase of the trigger other than an aim ("against armed groups"). Owners
    of the held object ("exchanged Russian prisoners") and clauses further down ("intelligence that led
    to the arrest of X") are not parties; nor is the target of an act embedded in a promise kept out."""
    if "threatened act" in r.rule:
        return True
    heads = {t.head.i} | ({t.light.i} if t.light is not None else set())
    if tok.dep_ in ("dobj", "dative") and tok.head.i in heads and tok not in t.words:
        return True
    prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
    if prep is None:
        return False
    if prep.lower_ in words.partner_preps:
        return True
    return prep.head.i in heads | {w.i for w in t.words} and prep.lower_ in t.entry.to \
        and prep.lower_ not in words.aim_preps


def mediation(t: Trigger, words: ModalityWords) -> bool:
    """ "Egypt and Qatar brokered a truce between Israel and Hamas": a third party's mediation is coded
    once per mediator, whose target is the parties together (the labelling conventions); the first named
    party stands for them."""
    return t.head.lemma_.lower() in words.mediation_words or \
        (t.light is not None and t.light.lemma_.lower() in words.mediation_words)


def one_counted_group(tokens: list[Token], targets: list[str], actor_for: ActorLookup) -> bool:
    """ "detained nearly 50 journalists and activists": one number counts the whole coordinated group of
    common nouns, which is one target, not one per noun ("killed 3 soldiers and 2 civilians" is two)."""
    first = next((tok for tok in tokens if actor_for(tok) in targets), None)
    if first is None or first.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in first.children):
        return False
    partners = [c for c in first.children if c.dep_ == "conj"]
    return bool(partners) and all(p.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in p.children)
                                  for p in partners)


def between_target(tokens: list[Token], targets: list[str], actor_for: ActorLookup) -> bool:
    """ "opposed any official contact between Washington and Taipei": the parties of the object's
    "between" are together what the act is aimed at, one event, as for a mediator."""
    first = next((tok for tok in tokens if actor_for(tok) in targets), None)
    return len(targets) > 1 and first is not None and first.dep_ == "pobj" and first.head.lower_ in ("between", "among")
