"""Who did it and to whom: source and target tokens of a trigger, read from the dependency parse.

Pure functions over spaCy tokens. They return the head tokens of the arguments; mapping a token to an
actor is the actors stage's business (`Analysis.actor_for`), done by the caller.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.ontology import is_word

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "dative", "attr", "oprd"}
PREP = {"prep", "agent", "dative"}
REL_PRONOUNS = {"which", "who", "whom", "that", "whose"}
# Verbs whose object, not subject, does the act of their to-infinitive ("urged the sides to halt",
# "ordered troops to withdraw"); after other verbs the subject does it ("defied a curfew to protest").
OBJECT_CONTROL = {"urge", "ask", "call", "order", "tell", "force", "allow", "permit", "encourage", "invite",
                  "persuade", "press", "pressure", "help", "enable", "instruct", "direct", "authorize",
                  "authorise", "compel", "oblige", "require", "request", "implore", "beg", "advise", "warn",
                  "appeal", "push", "lobby", "get", "want", "expect", "need", "convince", "trust", "train",
                  "prompt", "lead", "cause", "spur", "drive"}
# Verbs whose passive keeps a direct object ("was granted asylum", "offered a deal").
DOUBLE_OBJECT_VERBS = {"give", "grant", "award", "offer", "send", "promise", "deny", "hand", "show", "pay", "lend",
                       "allow", "assign", "issue", "sell", "tell", "teach"}
# Verbs by which an accord or plan lets a party act ("an agreement allowing UN inspectors to monitor").
PERMISSIVE = {"allow", "let", "permit", "enable", "authorize", "authorise", "grant", "give"}
# Verbs of using a weapon or carrying out an attack, whose agent is the doer of what the weapon or attack
# did ("missiles fired by X struck", "an ambush carried out by X killed"); not "a drone operated by a survey
# agency captured footage", which names an owner, not an attacker.
MEANS_PARTICIPLES = frozenset({"fire", "launch", "carry", "conduct", "drop", "plant", "detonate", "mount",
                               "stage", "shoot", "throw", "hurl", "lob", "perpetrate", "commit", "unleash"})
# Verbs by which a vehicle or building holds people, who are the ones hit when it is ("a bus carrying
# pilgrims", "a school housing refugees").
CARRYING_VERBS = frozenset({"carry", "transport", "ferry", "house", "shelter", "hold", "host"})
# Verbs of sending or handing over, whose object is what is sent, not whom the act is for ("offered to send
# troops to Somalia").
TRANSFER_VERBS = frozenset({"send", "deploy", "dispatch", "supply", "provide", "deliver", "contribute", "ship",
                            "donate", "give", "offer", "lend", "transfer", "airlift"})
# Nouns of a compound preposition that aims an act at its object: "in relation to", "with regard to".
RELATION_NOUNS = frozenset({"relation", "regard", "respect", "reference"})
_NOT_ACTOR = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
# Whoever is said to be responsible for an act, or claims responsibility for it, did it ("the LRA is
# responsible for mass killings", "the group claimed responsibility for the bombing"); a denial claims nothing.
RESPONSIBLE = {"responsible"}
RESPONSIBILITY_CLAIMS = {"claim", "take", "accept", "assume", "admit", "bear"}


@dataclass
class Roles:
    """Argument head tokens for one trigger; `hops` is the longest dependency path used (for confidence)."""
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    hops: int = 1
    rule: str = "active"


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("militias, which are …" → militias)."""
    clause = tok.head
    if tok.lower_ in REL_PRONOUNS and clause.dep_ == "relcl":
        return clause.head
    return tok


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to tok ("against X", "on X", "by X")."""
    out = []
    for p in tok.children:
        if p.dep_ == "prep" and any(x in preps for x in ("on", "against", "to")):
            # "sanctions in relation to Iraq", "measures with regard to Cuba": a compound preposition of aim
            out += [antecedent(o) for r in children(p, {"pobj"}) if r.lemma_.lower() in RELATION_NOUNS
                    for q in children(r, {"prep"}) if q.lower_ in ("to", "of") for o in children(q, {"pobj"})]
        if p.dep_ in PREP and p.lower_ in preps:
            objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
            if not objs:    # a compound preposition: "pulled its troops out of Chad" is out → of → Chad
                objs = [o for q in p.children if q.dep_ == "prep" for o in q.children if o.dep_ == "pobj"]
            out += [antecedent(a) for o in objs for a in [*stand_ins(o), counted(o)]
                    if a.ent_type_ not in _NOT_ACTOR]
    # after the head and nearest first: "Turkey on Tuesday called on all powers" → powers
    return sorted(out, key=lambda o: (o.i < tok.i, abs(o.i - tok.i)))


def stand_ins(tok: Token) -> list[Token]:
    """What a clause after a preposition stands for: a gerund's subject ("objections to Finland joining
    NATO" → Finland), a free relative's named thing ("fired at what they called an Israeli spy base" → base)."""
    if tok.dep_ != "pcomp":
        return []
    if tok.tag_ == "VBG":
        return children(tok, {"nsubj"})
    return free_relative(tok)


def free_relative(clause: Token) -> list[Token]:
    """The thing a free relative names: "what they called an Israeli spy headquarters", "what the army
    described as a Hezbollah depot" → headquarters, depot."""
    if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in clause.children):
        return []
    return children(clause, {"oprd", "attr"}) + \
        [o for p in children(clause, {"prep"}) if p.lower_ == "as" for o in children(p, {"pobj"})]


def counted(tok: Token) -> Token:
    """What a number counts: "thousands of demonstrators" → demonstrators; other tokens stand for themselves."""
    if tok.ent_type_ in _NOT_ACTOR:
        of = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if of:
            return of[0]
    return tok


def to_infinitive(clause: Token, deps: tuple[str, ...], *, subordinated: bool = False) -> bool:
    """A to-infinitive clause hanging by one of `deps` ("sent troops to protect the embassy"); one with a
    subordinator of its own ("so that", "in order to") only when `subordinated`."""
    return clause.dep_ in deps and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and (subordinated or not any(c.dep_ == "mark" for c in clause.children))


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not children(verb, SUBJ) and verb.head != verb:
        return is_passive(verb.head)       # "was arrested and charged"
    # reduced relative: "a truce brokered by Turkey", "militias backed by Russia"
    return verb.dep_ in ("acl", "amod") and verb.tag_ == "VBN" and not _misparsed_finite(verb)


def _misparsed_finite(verb: Token) -> bool:
    """ "Jihadist fighters killed 132 civilians, the government said": a past-tense verb the parser took
    for a reduced relative; a passive participle has no direct object of its own, unless its verb takes
    two ("Ukraine, granted candidate status in June, …")."""
    return verb.lemma_.lower() not in DOUBLE_OBJECT_VERBS and any(c.dep_ == "dobj" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def own_subject(verb: Token) -> Token | None:
    # the small model sometimes hangs the subject on the auxiliary: "Egypt and Qatar are(←Egypt) mediating"
    subj = children(verb, SUBJ) or [s for a in children(verb, {"aux"}) for s in children(a, SUBJ)]
    return antecedent(subj[0]) if subj else None


def own_passive_subject(verb: Token) -> Token | None:
    subj = children(verb, PASS_SUBJ)
    return antecedent(subj[0]) if subj else None


# Participles of what a crowd does while it marches: after "protesters who marched on Congress," the parser
# often hangs them on the main verb ("police fired tear gas at ..., demanding ..."), but the crowd demands.
CROWD_PARTICIPLES = frozenset({"demand", "chant", "shout", "wave", "carry", "denounce", "call", "urge"})


def _relative_just_before(participle: Token) -> Token | None:
    """The antecedent of a relative clause that ends just before ", <participle>"."""
    i = participle.i
    if i < 2 or participle.doc[i - 1].text != ",":
        return None
    tok = participle.doc[i - 2]
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "relcl":
            return antecedent(anc.head) if anc.right_edge.i == i - 2 else None
        if anc == participle.head:
            break
    return None


def controller(verb: Token) -> tuple[Token | None, int]:
    """The understood subject of a verb with none of its own, and how far away it was found.

    Coordination shares the subject ("attacked and seized"); a to-infinitive takes its controller from
    the verb above, the object if there is one ("urged the sides to halt") else the subject ("agreed
    to withdraw"); a participle takes the subject of its clause ("raided a village, abducting women",
    "responded by sending troops") or the noun it modifies ("forces attacking the town").
    """
    hops, cur, via_conj = 0, verb, False
    while hops < 4:
        hops += 1
        dep, head = cur.dep_, cur.head
        if head == cur:
            return None, hops
        if dep == "conj":
            subj = own_subject(head)
            if subj is None and (is_passive(cur) or not is_passive(head)):
                subj = own_passive_subject(head)
            if subj is not None:
                return subj, hops
            cur, via_conj = head, True     # an active verb after a passive one belongs higher up
            continue
        if dep == "ccomp" and via_conj:
            return own_subject(head), hops  # "Germany said X was poisoned and demanded …" (misparse)
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        if dep == "xcomp" or (dep in ("advcl", "ccomp") and to_inf):
            # object control only for complements ("urged X to"), never for purpose clauses ("blocked
            # motorways to protest")
            objs = (children(head, {"dobj", "dative"}) or prep_objects(head, ("on", "upon"))) \
                if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL else []
            if objs:
                return antecedent(objs[0]), hops
            subj = own_subject(head)
            if subj is not None:
                return subj, hops
            cur = head
            continue
        if dep == "advcl" and cur.tag_ == "VBG" and head.pos_ in ("VERB", "AUX"):
            crowd = _relative_just_before(cur)
            if crowd is not None and cur.lemma_.lower() in CROWD_PARTICIPLES:
                return crowd, hops
            return own_subject(head), hops
        if dep == "pcomp" and cur.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
            # "thanked Spain for backing", "accused Russia of killing": the object did it
            objs = children(head.head, {"dobj"})
            return (antecedent(objs[0]) if objs else own_subject(head.head)), hops + 1
        if dep in ("acl", "relcl") and to_inf and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return own_subject(head.head), hops + 1    # "defied a curfew to protest": a purpose, not a noun's
        if dep in ("acl", "relcl", "amod") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head, hops
        if dep in ("acomp", "oprd") and head != cur:
            subj = own_subject(head)        # "Arnor is about to restore ties", "is ready to talk"
            if subj is not None:
                return subj, hops
            cur = head
            continue
        return None, hops
    return None, hops


def embedded_targets(verb: Token, to: tuple[str, ...]) -> list[Token]:
    """For a threat or warning with no object of its own, whoever the threatened act is aimed at:
    "threatened to impose sanctions on Iran" → Iran; "warned that the U.S. would pay" → U.S."""
    aimed = ("on", "against", "with", "to", "at")
    out: list[Token] = []
    for c in children(verb, {"xcomp", "ccomp"}):
        if c.dep_ == "ccomp":
            out += [s for s in children(c, SUBJ) if not _own(s)]
        objs = children(c, {"dobj", "dative"})
        sent: list[Token] = []
        if c.lemma_.lower() in TRANSFER_VERBS:
            # "offered to send troops to Somalia", "… to help the Philippine army": what is sent is no target;
            # its recipient or the party its purpose clause helps is (the place it goes to, failing both)
            sent = children(c, {"dobj"})
            out += prep_objects(c, ("to", "into")) + [o for a in children(c, {"advcl"}) if
                                                     any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)
                                                     for o in children(a, {"dobj", "dative"})]
        out += [o for o in objs if o not in sent] + prep_objects(c, to + aimed)
        for o in objs:
            # "lift the ban imposed on the Brotherhood": the aim may sit on the object's participle
            out += prep_objects(o, aimed) + beneficiaries(o) + \
                [x for a in children(o, {"acl"}) if a.tag_ == "VBN" for x in prep_objects(a, aimed)]
    # "called for sanctions against Turkey", "pressed for talks with the rebels": the act asked for is the
    # object of the trigger's own preposition, and whom it is aimed at is in that act's phrase
    for p in children(verb, {"prep"}):
        out += [x for o in children(p, {"pobj"}) for x in prep_objects(o, aimed)]
    return [antecedent(o) for o in out]


def beneficiaries(noun: Token) -> list[Token]:
    """Whom an accord or plan lets do something, the party it is made with: "an agreement allowing UN
    inspectors to monitor", "a deal letting Ukraine export grain" (not "a resolution condemning Israel")."""
    out: list[Token] = []
    for a in children(noun, {"acl", "relcl"}):
        if a.lemma_.lower() in PERMISSIVE:
            out += children(a, {"dobj", "dative"}) + [s for c in children(a, {"ccomp", "xcomp"}) for s in children(c, SUBJ)]
    return out


def _own(tok: Token) -> bool:
    """A pronoun or a noun with a possessive pronoun points back at the speaker: "admitted that its military
    had shot down …", "warned that it would respond" (the act is the subject's own, not aimed at it)."""
    return tok.pos_ == "PRON" or any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)


def verb_roles(verb: Token, *, to: tuple[str, ...], from_: tuple[str, ...], obj_words: tuple[str, ...],
               inverse: bool = False, theme: bool = False, borrow: bool = False,
               obj_tokens: tuple[Token, ...] = (), owner_target: bool = False, own_object: bool = False) -> Roles:
    """Source and target of a verbal trigger, active or passive, with inherited subjects."""
    passive = is_passive(verb)
    r = Roles(rule="passive" if passive else "active")
    if passive:
        subj = own_passive_subject(verb)
        if subj is None and verb.dep_ in ("acl", "amod", "relcl"):
            subj = verb.head
        if subj is None:
            subj, r.hops = controller(verb)
        r.targets = [subj] if subj is not None else []
        r.sources = prep_objects(verb, ("by",) + from_)
        if subj is not None and obj_words and is_word(subj, obj_words):
            # "UN sanctions against Iran were lifted": the subject is the act's object, a thing; the party it
            # is aimed at is in its own phrase, and whose it was in its modifiers
            r.targets = prep_objects(subj, to) + r.targets
            r.sources += [c for c in subj.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                          and c.tag_ != "PRP$" and c not in r.sources]
            r.rule = "passive, held object's owner"
    else:
        subj = own_subject(verb)
        if subj is None:
            subj, r.hops = controller(verb)
            r.rule = "active, inherited subject"
        r.sources = [subj] if subj is not None else []
        # "the missiles fired by the army struck …": when the subject names nobody, its participle's agent
        r.sources += [a for a in means_agents(subj) if a not in r.sources] if subj is not None else []
        r.sources += [s for s in prep_objects(verb, tuple(p for p in from_ if p != "by")) if s not in r.sources]
        objs = [o for o in children(verb, OBJ) if not is_word(o, obj_words) and o.pos_ != "ADP"]   # not dative "to"
        if not objs:    # "struck what Israel called a Hamas command centre"
            objs = [o for c in children(verb, {"ccomp"}) for o in free_relative(c)]
        if objs and objs[0].dep_ != "attr" and not theme:
            # "pulled back its forces": the subject's own means are not what the act is aimed at
            first = [] if own_object and _own(objs[0]) else [antecedent(objs[0])]
            r.targets = first + fallback_targets(verb, objs[0], to, owner_target)
        elif not objs and verb.dep_ == "relcl" and subj is not None and subj.head == verb:
            r.targets = [verb.head]     # "staff it accused of meddling": the object is the antecedent
    if not r.targets:
        held = [o for o in children(verb, {"dobj", "nsubjpass"}) if theme or is_word(o, obj_words)]
        held += [o for o in obj_tokens if o not in held]
        if theme:   # "sent a team of doctors and a shipment of ventilators to Italy"
            held += [d for h in expand(held) for d in [h, *prep_objects(h, ("of",))] if d not in held]
        # "issued an ultimatum to Sudan to normalize relations with Israel": whom the held noun is addressed
        # to comes before what its clause is about
        r.targets += [o for h in held for o in prep_objects(h, ("to",)) if o not in r.targets]
        # "signed agreements normalising relations with Israel": the object's own clause names the partner
        held += [d for h in list(held) for c in children(h, {"acl", "relcl"}) for d in [c, *children(c, {"dobj"})]
                 if d not in held]
        # "let free(ccomp) six aid workers(dobj)": a held word parsed as a clause of its own; its object undergoes it
        r.targets += [d for h in held if h.dep_ == "ccomp" for d in children(h, {"dobj"})]
        # every holder's target phrases, nearest holder first: the caller takes the first that names an
        # actor, so "recalled its ambassador from Israel in protest" does not stop at "protest"
        # the held noun's own phrase first: "filed a lawsuit against Germany at the ICJ" → Germany
        for h in held + [verb] + children(verb, {"xcomp"}):
            r.targets += [o for o in prep_objects(h, to) if o not in r.targets]
        if r.targets:
            r.hops = max(r.hops, 2)
        if held and not theme and owner_target:
            # whose call, plan or offer it was: "rejected calls by the U.S.", "turned down Beijing's offer"
            # (not "its"/"their": a possessive pronoun points back at the subject)
            # The held noun may itself name the target ("summoned the Japanese ambassador"), or its "of"
            # phrase may ("froze the assets of three Iranian officials").
            # Not when the object is the subject's own means ("stationed troops", "withdrew its forces").
            owner = ([] if own_object else [held[0]]) + \
                [c for c in children(held[0], {"poss", "amod", "compound", "nmod"}) if c.tag_ != "PRP$"] + \
                prep_objects(held[0], ("by", "from", "of"))
            r.targets += [o for o in owner if o not in r.targets]
            r.rule += ", or the object's owner"
    if not r.targets and borrow:
        r.targets = embedded_targets(verb, to)
        if r.targets:
            r.rule += ", target from the embedded act"
            r.hops = max(r.hops, 2)
    elif borrow:
        # the phrases found name no actor ("called for sanctions against Turkey" gave "sanctions"): the
        # embedded act's target comes after them, for the caller that takes the first actor named
        r.targets += [t for t in embedded_targets(verb, to) if t not in r.targets]
    if inverse:
        r.sources, r.targets = r.targets, r.sources
        r.rule += ", inverse"
    return r


def means_agents(noun: Token) -> list[Token]:
    """Who wielded a weapon or carried out an act named by a noun, through a participle on it: "missiles
    fired by the Israeli military", "an attack carried out by the rebels", "a rocket believed to have been
    launched by Houthi fighters" (the participle's agent, through one raising verb)."""
    out: list[Token] = []
    for c in children(noun, {"acl", "relcl"}):
        for v in [c, *children(c, {"xcomp", "ccomp"})]:
            if v.lemma_.lower() in MEANS_PARTICIPLES and (is_passive(v) or v.tag_ == "VBN"):
                out += [o for o in prep_objects(v, ("by",)) if o not in out]
    return out


def fallback_targets(verb: Token, obj: Token, to: tuple[str, ...], owner: bool) -> list[Token]:
    """Where to look when the object names nobody ("rejected the proposal despite pressure from the AU",
    "rejected a plan by ECOWAS"): the object's owner, then the verb's and its complement's target phrases.
    The caller takes the first of these that is an actor."""
    out = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.tag_ != "PRP$"] + \
        prep_objects(obj, ("by", "from")) if owner else []
    # "struck facilities used by Iran-backed militias": whoever the object's participle names as its agent
    out += [o for c in children(obj, {"acl"}) if c.tag_ == "VBN" for o in prep_objects(c, ("by",))]
    # "attacked a bus carrying government employees": whom the vehicle or building held
    out += [o for c in children(obj, {"acl", "relcl"}) if c.lemma_.lower() in CARRYING_VERBS
            for o in children(c, {"dobj"})]
    for h in [verb] + children(verb, {"xcomp"}):
        out += [o for o in prep_objects(h, to) if o not in out]
    # "brokered a pause in fighting between Israel and Hamas": the parties of the object's act
    inner = [obj] + [o for p in children(obj, {"prep"}) for o in children(p, {"pobj"})]
    out += [o for h in inner for o in prep_objects(h, ("between", "among")) if o not in out]
    return out


def noun_roles(noun: Token, *, to: tuple[str, ...], from_: tuple[str, ...], patient_poss: bool = False) -> Roles:
    """Source and target of an event noun standing on its own ("Turkey's support for the government").

    With `patient_poss` the possessor undergoes the act ("his arrest", "Navalny's detention")."""
    r = Roles(rule="nominal", hops=1)
    poss = children(noun, {"poss"})
    if patient_poss and poss:
        r.targets, r.sources = poss[:1], prep_objects(noun, ("by",) + from_)
        r.rule = "nominal, possessor undergoes it"
        return r
    r.sources = poss[:1] or prep_objects(noun, ("by",) + from_)
    if not r.sources and (party := responsible_party(noun)) is not None:
        r.sources, r.hops, r.rule = [party], 3, "nominal, responsible party"
    if not r.sources:
        r.sources = [noun]          # "Russian air strikes", "US sanctions": the actor is a modifier
        r.rule = "nominal, modifier source"
    r.targets = prep_objects(noun, to) + of_targets(noun, to)
    between = between_parties(noun)
    if between and not poss:
        r.sources = between
        r.rule = "nominal, between"
    return r


def responsible_party(noun: Token) -> Token | None:
    """Who is responsible for the act ("Sudan's government is responsible for killings and rapes", "leaders
    responsible for the massacres") or claims responsibility for it ("IS claimed responsibility for the
    bombing")."""
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ != "for":
        return None
    word = first.head.head
    if word.lemma_.lower() in RESPONSIBLE:
        if word.dep_ == "acomp":
            return own_subject(word.head)
        if word.dep_ == "amod":
            return word.head
    if word.lemma_.lower() == "responsibility" and word.dep_ == "dobj" \
            and word.head.lemma_.lower() in RESPONSIBILITY_CLAIMS:
        return own_subject(word.head)
    return None


def between_parties(noun: Token) -> list[Token]:
    """The parties of a fight or talks named by "between"/"among": on the noun ("fighting between X and Y"),
    on the verb it is the subject of ("clashes broke out in Mogadishu between X and Y"), or on the clause
    the parser hung from it ("Fighting flared in Tripoli between X and Y", misparsed as noun + acl)."""
    between = prep_objects(noun, ("between", "among"))
    if not between and noun.dep_ == "nsubj":
        between = prep_objects(noun.head, ("between", "among"))
    if not between:
        between = [o for c in children(noun, {"acl", "relcl"}) for o in prep_objects(c, ("between", "among"))]
    if len(between) == 1 and not between[0].conjuncts:
        # "between militias loyal to the government and forces of a rival administration": the parser hung
        # the second party on a word inside the first one's phrase; "between" needs two
        inner = [t for t in between[0].subtree if t.dep_ == "conj" and t.i > between[0].i and t.pos_ in ("NOUN", "PROPN")]
        between += inner[:1]
    return between


def light_noun_roles(noun: Token, verb: Token, *, to: tuple[str, ...], from_: tuple[str, ...],
                     inverse: bool) -> Roles:
    """An event noun carried by a light verb: "launched an attack on X", "came under attack by X"."""
    r = verb_roles(verb, to=to, from_=from_, obj_words=(noun.lemma_.lower(),))
    r.rule = "light verb " + verb.lemma_.lower()
    # the noun's own "on X"/"to X" first; the verb's object only if it is not the measure of the noun
    # ("announced a package of assistance to Ukraine")
    r.targets = prep_objects(noun, to) + [t for t in r.targets if t not in noun.ancestors] + of_targets(noun, to)
    if inverse:
        # the subject is on the receiving end; the doer is in "by"/"from" ("suffered attacks by X")
        r.targets = [t for t in ([own_subject(verb) or own_passive_subject(verb)] + r.sources) if t is not None][:1]
        r.sources = prep_objects(noun, ("by", "from") + from_) or prep_objects(verb, ("by", "from") + from_)
        r.rule += ", inverse"
    r.hops = max(r.hops, 2)
    return r


def of_targets(noun: Token, to: tuple[str, ...]) -> list[Token]:
    """A fallback target inside the noun's "of" phrase: "the suspension of talks with Washington",
    "the closure of the border with Chad"."""
    return [t for o in prep_objects(noun, ("of",)) for t in prep_objects(o, to)]


def expand(tokens: list[Token]) -> list[Token]:
    """Coordinated arguments each count: "Turkey and Russia" → [Turkey, Russia]."""
    out: list[Token] = []
    for t in tokens:
        # "Mali, Burkina Faso and Niger" is often parsed Mali ← appos Faso ← conj Niger: a list, not a name
        listed = [a for a in t.children if a.dep_ == "appos" and any(c.dep_ == "conj" for c in a.children)]
        for u in (t, *t.conjuncts, *[m for a in listed for m in (a, *a.conjuncts)]):
            if u not in out:
                out.append(u)
    return out
