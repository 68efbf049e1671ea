"""Finding relations in a parsed article: pure functions from (doc, lexicon) to `RelationFinding`s.

Each rule reads one form news uses (see eventwire/data/relations/patterns.yaml) and names the head
tokens of the two parties; the stage decides whether those heads are actors. Coordinated parties
expand ("supported by France, Russia, the UAE and Egypt" → four findings).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from spacy.tokens import Doc, Token

from eventwire.relations.lexicon import RelationLexicon

_RELATIVE = {"who", "which", "that", "whom"}
_TARGET_PREPS = {"for", "to"}                    # "support for Y", "backing to Y"
_AGAINST_PREPS = {"against", "on", "with"}       # "war against/on Y", "at war with Y"
_MEMBER_LISTS = {"including", "like", "as"}      # "Haftar's backers, including Russia"
_COPULAS = {"be", "remain", "become"}
_MODALS = {"will", "would", "could", "may", "might"}
_PARTITIVES = {"one", "some", "two", "three", "several", "both"}            # "X is / remains / became a member of Y"


@dataclass(frozen=True)
class RelationFinding:
    kind: str                     # backs | opposes | allied_with | member_of
    source: int                   # token index of the head of the `from` party
    target: int                   # token index of the head of the `to` party
    evidence: tuple[int, int]     # character span of the words that say so
    reason: str
    trigger: int = -1             # token index of the word that names the relation ("backed", "ally")


def find_relations(doc: Doc, lex: RelationLexicon) -> list[RelationFinding]:
    """All candidate relations in `doc`, in text order (several rules may find the same pair)."""
    words = _trigger_words(lex)
    out: list[RelationFinding] = []
    for tok in doc:
        if tok.lemma_.lower() in words or tok.lower_ == "under":
            for rule in RULES:
                out.extend(rule(tok, lex))
    return out


def _trigger_words(lex: RelationLexicon) -> set[str]:
    return {w for k in lex.kinds.values() for ws in (k.verbs, k.against, k.nouns, k.agents, k.adjectives)
            for w in ws}


# ---- rules -------------------------------------------------------------------------------------
def hyphenated(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "UN-backed Libyan government", "Iran-allied militias": the word before the hyphen is `from`."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in ("-", "–") or tok.dep_ not in ("amod", "compound", "nmod"):
        return
    if tok.head.i <= tok.i:
        return
    # "the Houthis, an Iran-backed group": the group described is the named party before it
    target = tok.head.head if tok.head.dep_ == "appos" else tok.head
    for kind in lex.kinds_with("verbs", tok.lemma_.lower()):
        yield _finding(kind, doc[tok.i - 2], target, tok, f"{kind}: X-{tok.lower_} Y")


def allied_partner(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "Somalia's army and allied clan militias": the allied group is coordinated with its ally."""
    words = lex.kinds["allied_with"].verbs
    if tok.dep_ != "amod" or (tok.lemma_.lower() not in words and tok.lower_ not in words) or \
            tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–"):
        return
    group = tok.head
    if group.dep_ == "conj" and group.head.i < group.i:
        yield _finding("allied_with", group, group.head, tok, "allied_with: X and allied Y")


def verbal(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "X backs Y", "Y, which is supported by X", "Y, backed by X", "powers supporting Y",
    "X is fighting against Y"."""
    lemma = tok.lemma_.lower()
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "–"):
        return
    # the small model sometimes tags a verb by its other senses ("Russia and Iran back the government"
    # → ADV): a subject or object beside it shows it is used as a verb
    if tok.pos_ != "VERB" and not any(c.dep_ in ("nsubj", "dobj") for c in tok.children):
        return
    for kind in lex.kinds_with("verbs", lemma):
        if _sense_changed(tok, lex.kinds[kind].not_particles):
            continue
        if kind == "member_of" and not _realised(tok):
            continue                          # "Sweden's bid to join NATO", "objections to Sweden joining"
        if kind == "allied_with":          # "X allied with Y", "X, who are aligned with Y": no agent
            yield from _allied(tok, lemma)
        elif _is_passive(tok):
            if kind != "member_of":           # "Y was joined by X" is no membership
                yield from _passive(tok, kind)
        else:
            yield from _active(tok, kind, lemma, lex)
    if lemma in lex.kinds["opposes"].against:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"):
            for s in _and(_active_subject(tok)):
                for t in _and(_pobj(prep)):
                    yield _finding("opposes", s, t, tok, f"opposes: X {lemma} against Y")


def _passive(verb: Token, kind: str) -> Iterator[RelationFinding]:
    """ "Y, which is supported by X, Z and W", "Y, backed by X", "Y is backed by X"."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    for s in _and(_pobj(agent)):
        for t in _and(_passive_subject(verb)):
            yield _finding(kind, s, t, verb, f"{kind}: Y {verb.lower_} by X")


def _active(verb: Token, kind: str, lemma: str, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "X backs Y", "powers supporting Y", "thanked Spain for backing Rabat's plan"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    for s in _and(_active_subject(verb)):
        for t in _and(obj):
            yield _finding(kind, s, t, verb, f"{kind}: X {lemma} Y")
            if kind == "backs" and _owner(t) is not None and not _party_word(t, lex):
                # "backing Rabat's autonomy plan": backing what a party proposes backs the party
                yield _finding(kind, s, _owner(t), verb, f"{kind}: X {lemma} Y's {t.lower_}")


def _allied(verb: Token, lemma: str) -> Iterator[RelationFinding]:
    """ "a Russian force allied with Mali's junta", "the Houthis, who are aligned with Iran"."""
    partner = _pobj(next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)) or \
        next((c for c in verb.children if c.dep_ == "dobj"), None)    # "allied itself with Y": Y
    who = _passive_subject(verb) if _is_passive(verb) else _active_subject(verb)
    if who is not None and who.lower_ in _RELATIVE and verb.dep_ == "relcl":
        who = verb.head
    for s in _and(who):
        for t in _and(partner):
            yield _finding("allied_with", s, t, verb, f"allied_with: X {lemma} with Y")


def nominal(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "Turkey's support for the legitimate government", "US backing for Kyiv", "X's war on Y",
    "X launched an offensive against Y", "X is at war with Y"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return
    lemma = tok.lemma_.lower()
    for kind in lex.kinds_with("nouns", lemma):
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS):
            for s in _and(_nominal_owner(tok)):
                for t in _and(_pobj(prep)):
                    yield _finding(kind, s, t, tok, f"{kind}: X's {lemma} {prep.lower_} Y")
    if lemma in lex.kinds["opposes"].against:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in _AGAINST_PREPS):
            if prep.lower_ == "with" and not (tok.dep_ == "pobj" and tok.head.lower_ == "at"):
                continue                                     # "war with Y" only as "at war with Y"
            owner = _nominal_owner(tok) or _clause_subject(tok)
            for s in _and(owner):
                for t in _and(_pobj(prep)):
                    yield _finding("opposes", s, t, tok, f"opposes: {lemma} {prep.lower_} Y")


def adjectival(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "militias loyal to the Government of National Unity", "the troops are loyal to Kiir"."""
    if tok.pos_ != "ADJ":
        return
    for kind in lex.kinds_with("adjectives", tok.lemma_.lower()):
        to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        who = tok.head if tok.dep_ == "amod" else _active_subject(tok.head) if tok.dep_ == "acomp" else None
        target = _pobj(to)
        if who is not None and target is not None:      # no coordination: "loyal to X and forces of Y"
            yield _finding(kind, who, target, tok, f"{kind}: X {tok.lower_} to Y")


def agentive(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "Russia, a key backer of Haftar", "Haftar's backers, including Russia", "NATO member Turkey",
    "X is a member of Y", "X and Y are allies"."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return
    lemma = tok.lemma_.lower()
    for kind in lex.kinds_with("agents", lemma):
        if any(c.lower_ in lex.kinds[kind].not_modifiers for c in tok.children if c.dep_ in ("amod", "compound")):
            continue                           # "Germany's largest trading partner" is no ally
        agents = _agents_of(tok)
        whose = _agent_target(tok)
        if whose is None and kind == "allied_with" and tok.dep_ == "appos":
            # "during a visit by Hungary's prime minister, a close ally": of the sentence's subject
            subj = next((c for c in tok.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            whose = subj if subj is not None and subj.i < tok.i and subj.i not in {a.i for a in agents} else None
        if whose is None and kind == "allied_with" and tok.dep_ == "attr":
            named = [a for s in agents for a in _and(s)]
            for i, a in enumerate(named):                       # "X and Y are allies"
                for b in named[i + 1:]:
                    yield _finding(kind, a, b, tok, "allied_with: X and Y are allies")
            continue
        for s in agents:
            for a in _and(s):
                for t in _and(whose):
                    yield _finding(kind, a, t, tok, f"{kind}: X, {lemma} of Y")
        if not agents and whose is not None:
            # "five GNA members", "Haftar's backers": the noun itself is the party, when the actors
            # stage made it one (the stage checks; otherwise it resolves to Y itself and is dropped)
            yield _finding(kind, tok, whose, tok, f"{kind}: Y {lemma}s")


def under_attack(tok: Token, lex: RelationLexicon) -> Iterator[RelationFinding]:
    """ "the government has been under attack by Haftar's militia" → the government opposes the militia."""
    if tok.lower_ != "under":
        return
    obj = _pobj(tok)
    if obj is None or obj.lemma_.lower() not in lex.kinds["opposes"].under:
        return
    by = next((c for c in list(obj.children) + list(tok.head.children)
               if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") and c.i > obj.i), None)
    attacked = _active_subject(tok.head) if tok.head is not tok else None
    for s in _and(attacked):
        for t in _and(_pobj(by) if by is not None else None):
            yield _finding("opposes", s, t, obj, f"opposes: X under {obj.lower_} by Y")


RULES: tuple[Callable[[Token, RelationLexicon], Iterator[RelationFinding]], ...] = (
    hyphenated, allied_partner, verbal, nominal, adjectival, agentive, under_attack)


# ---- parse helpers -----------------------------------------------------------------------------
def _and(tok: Token | None) -> list[Token]:
    """A party and the parties coordinated with it ("France, Russia, the UAE and Egypt")."""
    return [] if tok is None else [tok, *tok.conjuncts]


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _sense_changed(verb: Token, particles: set[str]) -> bool:
    """ "backed down", "backed away from": a particle right after the verb changes its meaning."""
    return any(c.lower_ in particles and c.dep_ in ("prt", "advmod", "prep") and c.i == verb.i + 1
               for c in verb.children)


def _realised(verb: Token) -> bool:
    """A finite verb, or a perfect ("has joined"): something that happened, not a plan or a prospect."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _is_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"auxpass", "nsubjpass"}) or (verb.tag_ == "VBN" and "agent" in deps)


def _passive_subject(verb: Token) -> Token | None:
    """Who is backed in a passive: "which are supported by" → the noun the clause describes."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and subj.lower_ not in _RELATIVE:
        return subj
    if verb.dep_ in ("relcl", "acl", "amod") and verb.head is not verb:
        return verb.head
    return subj if subj is not None and subj.lower_ not in _RELATIVE else None


def _active_subject(verb: Token) -> Token | None:
    """The doer: the subject, the noun a participle describes ("powers supporting Y"), or the
    subject of the verb this one is coordinated with."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and verb.dep_ == "relcl" and (
                subj.lower_ in _RELATIVE or any(c.lower_ == "whose" for c in subj.children)):
            return verb.head                                 # "Zelenskiy, whose country has been fighting"
        if subj is not None:
            return subj
        if verb.dep_ in ("acl", "relcl") and verb.head is not verb:
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
            # "thanked Spain for backing Y" / "Islamabad, accused of backing Y": the doer is the
            # object (or passive subject) of the verb the preposition hangs from
            gov = verb.head.head
            doer = next((c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if doer is not None:
                return doer
            verb = gov
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
            continue
        return None
    return None


def _nominal_owner(noun: Token) -> Token | None:
    """Whose support: the possessor ("Turkey's support") or a naming modifier ("US support")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    return next((c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and
                 (c.pos_ == "PROPN" or c.ent_type_)), None)


def _clause_subject(noun: Token) -> Token | None:
    """ "X launched an offensive against Y" / "X is at war with Y": the subject of the clause the
    noun is the object of."""
    head = noun.head
    if noun.dep_ == "pobj" and head.head is not head:
        head = head.head
    if noun.dep_ in ("dobj", "pobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return _active_subject(head)
    return None


def _agents_of(noun: Token) -> list[Token]:
    """The parties an agent noun names: "Russia, a backer of Haftar" (apposition), "Russia is a backer"
    (copula), "NATO member Turkey" (the noun it modifies), "backers, including Russia"."""
    found: list[Token] = []
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _PARTITIVES:
        noun = noun.head.head                 # "Germany, one of Kyiv's biggest backers"
    if noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.i > noun.i):
        found.append(noun.head)
    if noun.dep_ == "attr" and noun.head.lemma_ in _COPULAS:
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            found.append(subj)
    for c in noun.children:
        if c.dep_ == "appos":
            found.append(c)
        if c.dep_ == "prep" and c.lower_ in _MEMBER_LISTS and _pobj(c) is not None:
            found.append(_pobj(c))
    return found


def _agent_target(noun: Token) -> Token | None:
    """Whose backer/ally/member: "of Y", "Y's", or a proper-noun modifier ("NATO member")."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and noun.dep_ == "attr":             # "the SADC, of which Mozambique is a member"
        of = next((c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whose = _pobj(of) if of is not None else None
    if whose is not None and whose.lower_ in _RELATIVE and noun.head.dep_ == "relcl":
        return noun.head.head
    if whose is not None:
        return whose
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return _clause_subject_for(poss) if poss.pos_ == "PRON" else poss
    return next((c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"), None)


def _clause_subject_for(pronoun: Token) -> Token | None:
    """ "Armenia held exercises ..., angering Russia, its traditional ally": a possessive "its"/"their"
    refers back to the subject of the sentence, when that subject comes before it."""
    if pronoun.lower_ not in ("its", "their"):
        return None
    root = pronoun.sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.i < pronoun.i else None


def _party_word(tok: Token, lex: RelationLexicon) -> bool:
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in lex.parties or tok.lower_ in lex.parties


def _owner(noun: Token) -> Token | None:
    """The possessor of a thing backed ("Rabat's autonomy plan" → Rabat)."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _finding(kind: str, source: Token, target: Token, trigger: Token, reason: str) -> RelationFinding:
    source, target = _named(source), _named(target)
    lo = min(_left(source), _left(target), trigger.i)
    hi = max(_right(source), _right(target), trigger.i)
    doc = source.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return RelationFinding(kind, source.i, target.i, (doc[lo].idx, doc[hi].idx + len(doc[hi].text)), reason,
                           trigger.i)


def _left(tok: Token) -> int:
    """First word of a party's name: its compounds, possessor, adjectives and determiner."""
    left = [c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "poss", "amod", "det", "nmod", "npadvmod")]
    return min([tok.i, *left])


def _right(tok: Token) -> int:
    """Last word of a party's name, with an "of" complement ("the government of Libya")."""
    of = [c.right_edge.i for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
    return max([tok.i, *of])


def _named(tok: Token) -> Token:
    """A description in apposition stands for the name it describes ("The Wagner Group, a Russian
    mercenary force allied with ..." → the Wagner Group)."""
    if tok.dep_ == "appos" and tok.pos_ != "PROPN" and tok.head.pos_ == "PROPN":
        return tok.head
    return tok
