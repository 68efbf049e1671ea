"""Acts told again, or told through another act: what would only repeat an act the story codes.

- a participle or relative clause that tells its verb's or noun's act again ("shelled the city, killing
  three", "a raid that killed 274 people"), an event noun told by a verb of its type ("brokered a truce");
- a promise whose promised act is coded ("agreed to restore relations"), a signing whose accord's content
  is coded ("signed an agreement to share air-surveillance data");
- acts on a document: enacted by whoever signed it, said by whoever wrote it;
- acts that point back at an act already told: casualties "in the assault", condemning "the attack",
  demanding a captive's release of the captor, joining "the veto".
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.events.found import ActorLookup, FoundEvent
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import ModalityWords
from eventwire.events.recode import FUTURE_AS_AGREE
from eventwire.events.roles import Roles, children, is_passive, prep_objects

if TYPE_CHECKING:
    from eventwire.events.triggers import Trigger

# Determiners of a noun that names an act the story has already told ("killed in the assault").
TOLD_DETERMINERS = {"the", "this", "that", "these", "those"}
# Types whose object may be an act the story has just told, aimed at that act's doer ("condemned the attack").
CONDEMN_TYPES = {"ACCUSE"}
# Nouns for setting a captive free: a demand for it is made of the captor.
RELEASE_NOUNS = {"release", "freeing", "liberation"}
# How many sentences back the told act may be.
TOLD_WINDOW = 2


def retold(t: Trigger, by_head: dict[int, str]) -> int | None:
    """ "shelled the city, killing three civilians": a participle of the same type as the verb it hangs
    from tells the same act again, also after another participle ("raided a village, burning homes and
    abducting women"). Returns the index of the verb (or light verb) it hangs from."""
    tok = t.head
    if tok.tag_ != "VBG":
        return None
    cur = tok
    while cur.dep_ == "conj" and cur.head.tag_ == "VBG" and cur.head != cur:
        cur = cur.head
    if cur.dep_ in ("advcl", "conj") and by_head.get(cur.head.i) == t.entry.type:
        return cur.head.i
    return None


# How many clause steps (reported speech, coordination) may separate a verb from the event noun whose
# relative clause it sits in.
MAX_RELATIVE_CLIMB = 3


def told_by_noun(t: Trigger, lexicon: Lexicon) -> bool:
    """ "a raid that killed 274 people", "an attack which officials said wounded ten": a verb in the
    relative clause of an event noun of its own type tells that noun's act again."""
    cur = t.head
    for _ in range(MAX_RELATIVE_CLIMB):
        if cur.dep_ == "relcl":
            noun = cur.head
            return noun.pos_ == "NOUN" and any(e.type == t.entry.type for e in lexicon.nouns.get(noun.lemma_.lower(), []))
        if cur.dep_ not in ("ccomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
    return False


def retold_by_light_verb(t: Trigger, verb_types: dict[int, str]) -> bool:
    """ "left Niger on Friday, completing a withdrawal": an event noun carried by a participle that hangs
    from a verbal trigger of the same type tells that act again (as `retold` does for verbs)."""
    light = t.light
    return light is not None and not t.under and light.tag_ == "VBG" and light.dep_ in ("advcl", "conj") \
        and verb_types.get(light.head.i) == t.entry.type


def absorbed(t: Trigger, verb_types: dict[int, str]) -> bool:
    """An event noun told by a verbal trigger of the same type adds nothing ("brokered a truce", "a truce
    brokered by Turkey"). Of another type it is an event of its own: "praised the Hamas attack on Israel"."""
    noun, head = t.head, t.head.head
    if head.dep_ in ("prep", "agent"):
        head = head.head
    if verb_types.get(head.i) == t.entry.type:
        return True
    return any(verb_types.get(c.i) == t.entry.type for c in noun.children if c.dep_ in ("acl", "relcl", "amod"))


def promise_of_act(t: Trigger, by_head: dict[int, str]) -> bool:
    """ "agreed to restore relations", "promised to reduce activity": the promised act is coded (as AGREE
    or CONCEDE, see recode) and the bare promise would only repeat it. "Agreed to ban imports" keeps its
    AGREE: a promised sanction is not recoded."""
    return t.entry.type == "AGREE" and any(c.dep_ == "xcomp" and by_head.get(c.i) in FUTURE_AS_AGREE | {"RETREAT"}
                                           for c in t.head.children)


# Acts whose to-infinitive on a signed accord is what the accord is about ("signed an agreement to share
# air-surveillance data"), however it is told (the infinitive often reads as planned, not done).
SIGNED_CONTENT_TYPES = {"COOPERATE", "AID", "CONSULT"}


def drop_signing_told_by_content(trigs: list[Trigger], found: list[FoundEvent],
                                  words: ModalityWords) -> list[FoundEvent]:
    """ "Lithuania and Poland signed an agreement to share air-surveillance data", "signed a trade accord to
    expand cooperation": the signing and the act the accord sets up are one act, told best by the accord's
    content. A signing is a trigger holding an object (the accord) that is SUPPORT or whose verb enacts
    (sign, adopt, …); its events go when a clause on the accord is coded: a to-infinitive of cooperation,
    aid or consultation, or any asserted act by the same signers."""
    acts = {t.head.i: t.entry.type for t in trigs} | \
        {t.light.i: t.entry.type for t in trigs if t.light is not None and not t.under}
    drop: set[int] = set()
    for i, t in enumerate(trigs):
        if not (t.entry.obj and (t.entry.type == "SUPPORT" or t.head.lemma_.lower() in words.enacting_verbs)):
            continue
        held = [w for w in t.words if w.i != t.head.i]
        clauses = [c for h in held for c in h.children if c.dep_ in ("acl", "relcl")]
        to_content = any(c.head.dep_ in ("dobj", "nsubjpass") and acts.get(c.i) in SIGNED_CONTENT_TYPES
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in clauses)
        clause = {d.i for c in clauses for d in c.subtree}
        signers = {f.source for f in found if f.group == i}
        told = [f for f in found if f.group != i and trigs[f.group].head.i in clause and not f.negated
                and not f.hypothetical and f.source in signers]
        if to_content or told:
            drop.add(i)
    return [f for f in found if f.group not in drop]


def casualty_of_told_act(t: Trigger, r: Roles, lexicon: Lexicon) -> bool:
    """ "Four policemen were killed in the assault": no doer, and the act is one the story has told
    already ("the assault", "the raid", "this attack"); its casualties are no new event."""
    if r.sources or t.light is not None or not is_passive(t.head):
        return False
    for o in prep_objects(t.head, ("in", "during")):
        told = any(c.dep_ == "det" and c.lower_ in TOLD_DETERMINERS or c.dep_ == "poss" for c in o.children)
        if told and any(e.type == t.entry.type for e in lexicon.nouns.get(o.lemma_.lower(), [])):
            return True
    return False


def doer_of_told_act(t: Trigger, found: list[FoundEvent], told: list[FoundEvent],
                      actor_for: ActorLookup, lexicon: Lexicon) -> None:
    """ "Houthi rebels fired a drone at …, the coalition said, calling the attack a violation of the
    truce": condemning an act the story has just told ("the attack", "this raid") is aimed at its doer."""
    if t.entry.type not in CONDEMN_TYPES or not any(f.target is None for f in found):
        return
    objs = [o for o in children(t.head, {"dobj"}) if actor_for(o) is None]
    if not objs or not any(c.dep_ == "det" and c.lower_ in TOLD_DETERMINERS for c in objs[0].children):
        return
    kinds = {e.type for e in lexicon.nouns.get(objs[0].lemma_.lower(), [])}
    sents = list(t.head.doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= t.head.i < s.end)
    since = sents[max(0, here - TOLD_WINDOW)].start_char
    earlier = [f for f in told if f.type in kinds and f.source is not None and not f.negated
               and not f.hypothetical and since <= f.trigger[0] < t.head.idx]
    if earlier:
        for f in found:
            if f.target is None and f.source != earlier[-1].source:
                f.target = earlier[-1].source


def captor_asked(t: Trigger, found: list[FoundEvent], told: list[FoundEvent], actor_for: ActorLookup) -> None:
    """ "demanded the release of President Alpha Conde, who was detained by soldiers": a demand for someone's
    release is made of whoever the story says holds them (a COERCE event on that person, in the same
    sentence or TOLD_WINDOW sentences before)."""
    if t.entry.type != "REQUEST":
        return
    asked = children(t.head, {"dobj"}) + prep_objects(t.head, ("for",))     # "demanded the release", "called for"
    freed = [actor_for(o) for n in asked if n.lemma_.lower() in RELEASE_NOUNS
             for o in prep_objects(n, ("of",))]
    freed = [a for a in freed if a is not None]
    if not freed:
        return
    sents = list(t.head.doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= t.head.i < s.end)
    since, until = sents[max(0, here - TOLD_WINDOW)].start_char, sents[here].end_char
    captors = [f.source for f in told if f.type == "COERCE" and f.target in freed and f.source is not None
               and not f.negated and since <= f.trigger[0] < until]
    for f in found:
        if captors and (f.target is None or f.target in freed) and f.source != captors[0]:
            f.target = captors[0]


def joined_act(t: Trigger, found: list[FoundEvent], earlier: list[FoundEvent],
                words: ModalityWords) -> list[FoundEvent]:
    """ "Russia vetoed a U.S. resolution, and China joined the veto": who joins an act named by a noun does
    it to the same target as the act joined, the latest earlier event of its type in the sentence or the one
    before. Returns the joiner's events with those targets, or [] to keep them as they are."""
    if t.light is None or t.light.lemma_.lower() not in words.joining_verbs or not found \
            or any(f.target is not None for f in found):
        return []
    sent = t.head.sent
    prev_start = sent[0].nbor(-1).sent.start_char if sent.start > 0 else sent.start_char
    same = [f for f in earlier if f.type == found[0].type and f.target is not None and not f.negated
            and prev_start <= f.evidence[0] <= sent.start_char]
    if not same:
        return []
    latest = max(f.trigger[0] for f in same)
    targets = list(dict.fromkeys(f.target for f in same if f.trigger[0] == latest))
    return [replace(f, target=g, reason=f.reason + "; target of the joined act") for f in found for g in targets
            if g != f.source]


def enacted(t: Trigger, words: ModalityWords) -> bool:
    """ "signed orders rejoining the WHO", "adopted a resolution demanding a ceasefire": the act of a
    participle on a document that was signed, issued or adopted is done by the signing, not planned (the
    document noun would otherwise embed it as hypothetical). Not "will sign a bill banning …"."""
    if t.head.dep_ != "acl" or t.head.tag_ != "VBG":
        return False
    doc_noun = t.head.head
    verb = doc_noun.head
    if doc_noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in words.enacting_verbs:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux and all(a.lemma_.lower() in ("have", "be") for a in aux))


def document_signer(t: Trigger, r: Roles) -> list[Token]:
    """ "signed orders rejoining the Paris accord", "issued a decree granting amnesty": a participle on a
    document names no doer of its own; whoever signed or issued the document (the subject of the verb
    that holds it) does the act."""
    if not r.sources or t.head.dep_ != "acl" or t.head.tag_ != "VBG":
        return []
    doc_noun = r.sources[0]
    if doc_noun.i != t.head.head.i or doc_noun.dep_ not in ("dobj", "nsubjpass") or doc_noun.head.pos_ != "VERB":
        return []
    return [s for s in doc_noun.head.children if s.dep_ == "nsubj"]


def document_content(t: Trigger, actor_for: ActorLookup, words: ModalityWords) -> Token | None:
    """ "Russia vetoed a United States resolution calling for a ceasefire": a participle after an object
    that is a document tells what the document says (the parser hangs it on the verb), so its author,
    when the document names one, is the source, not the verb's subject."""
    tok = t.head
    if t.light is not None or tok.tag_ != "VBG" or tok.dep_ != "advcl" or children(tok, {"nsubj"}):
        return None
    for obj in children(tok.head, {"dobj"}):
        if obj.i < tok.i and obj.lemma_.lower() in words.document_nouns and actor_for(obj) is not None:
            return obj
    return None
