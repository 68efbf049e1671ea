"""PLOVER's coding conventions for acts that are announced, refused, demanded or denied rather than done.

The PLOVER manual codes what an actor *says* about an act by what the saying does:
- a refusal is REJECT: "declined to resign", "refused to release the pilots", "failed to reach a deal";
- an announced or planned negative act is THREATEN: "will impose sanctions", "plans to expel diplomats";
- a stated intent to yield or cooperate is AGREE: "will release the hostages", "is ready to contribute
  troops", "agreed to lift the embargo"; an announced withdrawal is CONCEDE ("will pull out its troops");
- "X must / should / needs to V", said by one actor of another, is REQUEST (`obligations`);
- a sanction not renewed lapses: "failed to renew the arms embargo" eases it (RETREAT, CAMEO 085; recode.py).

`convention` returns the PLOVER type a trigger takes under these rules, or None; recode.py applies it.
Word lists are in `eventwire/data/events/conventions.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire.events.ontology import DATA, yaml_word

# Acts that can be refused, promised or announced as a concession (PLOVER's cooperative types).
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
# Negative acts whose announcement is a threat (PLOVER THREATEN's modes: restrict, arrest, relations,
# expel, territory, violence).
THREATENABLE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# How many xcomp steps may separate the act from the word that announces it ("plans to begin to impose").
MAX_STEPS = 3


@dataclass(frozen=True)
class ConventionWords:
    refusal_verbs: frozenset[str]       # "declined to resign": the act is refused
    failure_verbs: frozenset[str]       # "failed to reach a deal": agreement refused
    future_aux: frozenset[str]          # "will", "would": the subject's own stated future
    intent_heads: frozenset[str]        # "plans to", "is ready to": a stated intention
    obligation_aux: frozenset[str]      # "must", "should"
    obligation_verbs: frozenset[str]    # "needs to", "has to"
    reporting_verbs: frozenset[str]     # "said that X must …"
    self_pronouns: frozenset[str]       # "we must": said of oneself, no request
    denial_verbs: frozenset[str]        # "denied that soldiers had opened fire"
    renewal_verbs: frozenset[str]       # "failed to renew the embargo": the sanction lapses


@lru_cache(maxsize=2)
def load_conventions(path: Path | None = None) -> ConventionWords:
    raw = yaml.safe_load((path or DATA / "conventions.yaml").read_text(encoding="utf-8"))
    return ConventionWords(**{k: frozenset(yaml_word(w) for w in raw[k]) for k in ConventionWords.__dataclass_fields__})


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _to_inf(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _question(tok: Token) -> bool:
    """ "not clear whether they would attend": an open question, not a statement of intent."""
    return any(c.tag_ in ("WDT", "WP", "WRB") or c.lower_ in ("whether", "if") for c in tok.children)


def announcer(tok: Token, words: ConventionWords) -> tuple[str, Token] | None:
    """What makes the act at `tok` announced rather than done: ("future", the verb with "will"), ("intent",
    the head of "plans to"), ("refusal", "declined"), ("failure", "failed"); None when it is told as done."""
    if _question(tok):
        return None
    cur = tok
    for _ in range(MAX_STEPS):
        if _aux(cur) & words.future_aux and not any(c.dep_ == "neg" for c in cur.children):
            return "future", cur
        if cur.dep_ != "xcomp" or not _to_inf(cur) or cur.head is cur:
            return None
        head = cur.head
        lemma = head.lemma_.lower()
        if lemma in words.refusal_verbs or head.lower_ in words.refusal_verbs:
            return "refusal", head
        if lemma in words.failure_verbs:
            return "failure", head
        if lemma in words.intent_heads or head.lower_ in words.intent_heads:
            return "intent", head
        cur = head
    return None


def convention(etype: str, head: Token, negated: bool, words: ConventionWords,
               mode: str | None = None) -> tuple[str, str] | None:
    """The PLOVER type (and a note for `reason`) an act takes by how it is told, or None to keep its own."""
    found = announcer(head, words)
    if found is None:
        return None
    how, at = found
    if how == "refusal":
        return "REJECT", f"; refused ('{at.text}')"
    if how == "failure" and etype in ("AGREE", "CONSULT"):
        return "REJECT", f"; no agreement ('{at.text}')"
    if negated or how == "failure":
        return None
    if etype in THREATENABLE and not _passive(head):
        return "THREATEN", f"; announced ('{at.text}')"
    if etype == "RETREAT" and mode == "withdraw":
        # PLOVER CONCEDE: "declared (not implemented) ceasefires/withdrawals"
        return "CONCEDE", f"; announced withdrawal ('{at.text}')"
    if etype in COOPERATIVE and etype != "AGREE":
        return "AGREE", f"; stated intent ('{at.text}')"
    return None


@dataclass(frozen=True)
class Obligation:
    speaker: Token          # subject of the reporting verb: who asks
    obliged: Token | None   # subject of the obliged verb: who is asked (None: "the violence must end")
    verb: Token             # the obliged verb
    reporting: Token        # the reporting verb


def obligations(doc, words: ConventionWords) -> list[Obligation]:
    """ "Russia says Israel must end attacks on Syria", "the minister said Qatar should mediate": one
    actor's statement that another must act is a REQUEST from the speaker to the one obliged."""
    out = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        modal = _aux(tok) & words.obligation_aux
        # "X needs to act", "X has to act": the obligation is the head verb, the act its xcomp
        need = tok.lemma_.lower() in words.obligation_verbs and any(
            c.dep_ == "xcomp" and _to_inf(c) for c in tok.children)
        if not modal and not need:
            continue
        clause = tok
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in words.reporting_verbs:
            continue
        reporting = clause.head
        speakers = [c for c in reporting.children if c.dep_ == "nsubj"]
        if not speakers:
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in words.self_pronouns:
            continue
        if subj is not None and subj.dep_ == "nsubjpass":
            subj = None         # "military intervention must be avoided": nobody in particular is asked
        out.append(Obligation(speakers[0], subj, tok, reporting))
    return out


def denied(tok: Token, words: ConventionWords) -> Token | None:
    """ "The government denied that soldiers had opened fire": the act in a clause under a denial is
    asserted by nobody. Returns the denying verb."""
    cur = tok
    for _ in range(MAX_STEPS):
        if cur.head is cur:
            return None
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in words.denial_verbs:
            return cur.head
        if cur.dep_ not in ("conj", "xcomp", "ccomp") or cur.dep_ == "ccomp":
            return None
        cur = cur.head
    return None


def pronoun_speaker(doc, trigger: tuple[int, int], actor_for, words: ConventionWords) -> str | None:
    """ "Turkey's president says it will begin an operation", "the rebels said they will release the pilots":
    a personal pronoun subject of a clause reported by an actor stands for that actor (the speaker, or the
    body the speaker speaks for). Returns the speaker's actor id, or None."""
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None         # an event noun names its own doer or none ("would review the easing of sanctions")
    cur = verbs[0]
    for _ in range(MAX_STEPS):             # up from an infinitive to the verb that has the subject
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) or cur.dep_ != "xcomp":
            break
        cur = cur.head
    subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "PRP" or subj.lower_ not in ("it", "they", "he", "she", "we"):
        return None
    if cur.dep_ != "ccomp" or cur.head.lemma_.lower() not in words.reporting_verbs:
        return None
    speaker = next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
    return actor_for(speaker) if speaker is not None else None
