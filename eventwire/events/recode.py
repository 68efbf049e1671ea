"""Coding conventions that change a trigger's type once its context is known (PLOVER manual rules):

- a stated refusal of a cooperative act is a REJECT ("would not recognise", "will not meet");
- a harmful act announced on a condition is a THREATEN ("could block X unless Y", "would strike if …");
- future or promised cooperation, or a promised concession, is AGREE ("will hold talks", "would begin
  withdrawing"); a refused act is REJECT, an announced harmful one THREATEN (conventions.py);
- an exercise held jointly is COOPERATE, not MOBILIZE ("held joint naval drills");
- violence by a crowd (protesters, rioters, supporters) is a riot, PROTEST ("protesters stormed parliament"):
  riots.py decides.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.conventions import convention, load_conventions
from eventwire.events.lexicon import Entry
from eventwire.events.modality import Modality, ModalityWords
from eventwire.events.riots import RIOT_CAMEO, RIOT_MODE, RIOT_TYPE, is_crowd_riot

REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
THREATENABLE = {"ASSAULT", "COERCE", "SANCTION", "REJECT"}
# Only a stated intention is a threat ("would strike if"); "might strike if" is speculation.
THREAT_AUX = {"will", "would", "could", "shall", "'ll"}
# PLOVER: "a stated intent to yield or cooperate is AGREE" (a promised release or withdrawal too).
FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
# Default CAMEO codes of the types the conventions give.
CONVENTION_CAMEO = {"REJECT": "120", "THREATEN": "130", "AGREE": "030", "CONCEDE": "080"}
FUTURE_AUX = {"will", "would", "shall", "'ll"}
# Heads under which an act is promised or planned by its own subject ("agreed to restore ties").
PROMISE_HEADS = {"agree", "promise", "pledge", "vow", "plan", "offer", "decide", "intend", "commit", "begin",
                 "start", "prepare", "aim", "expect", "ready", "willing", "prepared"}


@dataclass(frozen=True)
class Coding:
    type: str
    cameo: str
    mode: str | None
    negated: bool
    hypothetical: bool
    note: str = ""


def _aux(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _conditioned(tok: Token, words: ModalityWords) -> bool:
    """Has an if/unless clause of its own ("… unless Stockholm cracked down")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.conditionals for m in c.children)
               for c in tok.children)


def _future(tok: Token) -> bool:
    """Told as the subject's own future or promise: "will hold talks", "agreed to restore ties",
    "would begin disengaging"; not an open question ("not clear which delegations would attend")."""
    if any(c.tag_ in ("WDT", "WP", "WRB") or c.lower_ == "whether" for n in (tok, *tok.children) for c in n.children):
        return False
    cur = tok
    for _ in range(3):
        if _aux(cur) & FUTURE_AUX:
            return True
        if cur.dep_ != "xcomp" or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in PROMISE_HEADS and not (_aux(cur) & FUTURE_AUX):
            return True
    return False


def recode(entry: Entry, head: Token, mod: Modality, words: ModalityWords, sources: list[Token]) -> Coding:
    base = Coding(entry.type, entry.cameo, entry.mode, mod.negated, mod.hypothetical)
    if mod.negated and "modal" in mod.why and entry.type in REFUSABLE:
        return Coding("REJECT", "120", None, False, False, "; refusal ('would not')")
    if mod.hypothetical and "modal" in mod.why and entry.type in THREATENABLE and _conditioned(head, words) \
            and _aux(head) & THREAT_AUX:
        return Coding("THREATEN", "130", None, False, False, "; conditional threat")
    if mod.hypothetical and not mod.negated and _future(head) and "REQUEST" not in mod.why \
            and "THREATEN" not in mod.why and "conditional" not in mod.why:
        if entry.type == "RETREAT" and entry.mode == "withdraw":
            # PLOVER CONCEDE: "declared (not implemented) ceasefires/withdrawals"
            return Coding("CONCEDE", "080", None, False, False, "; promised withdrawal is CONCEDE")
        if entry.type in FUTURE_AS_AGREE:
            return Coding("AGREE", "030", None, False, False, "; future cooperation is AGREE")
    if mod.hypothetical and not any(f"under {t}" in mod.why for t in ("REQUEST", "THREATEN", "REJECT", "AGREE",
                                                                        "ACCUSE", "CONCEDE")) \
            and "conditional" not in mod.why and "alleged" not in mod.why and "denied" not in mod.why:
        told = convention(entry.type, head, mod.negated, load_conventions(), mode=entry.mode)
        if told is not None:
            return Coding(told[0], CONVENTION_CAMEO[told[0]], None, False, False, told[1])
    if entry.type in ("CONCEDE", "RETREAT") and _from_organisation(head):
        return Coding("SANCTION", "166", "withdraw", base.negated, base.hypothetical, "; withdrawal from a body")
    if entry.type in ("MOBILIZE", "ASSAULT") and _joint(head, words):
        return Coding("COOPERATE", "062", None, base.negated, base.hypothetical, "; joint exercise")
    if is_crowd_riot(entry, sources, words.crowd_nouns):
        return Coding(RIOT_TYPE, RIOT_CAMEO, RIOT_MODE, base.negated, base.hypothetical, "; done by a crowd")
    return base


def _from_organisation(tok: Token) -> bool:
    """ "announced their withdrawal from ECOWAS": leaving an organisation cuts relations (SANCTION)."""
    nouns = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(p.lower_ == "from" and any(o.ent_type_ == "ORG" for o in p.children if o.dep_ == "pobj")
               for n in nouns for p in n.children if p.dep_ == "prep")


def _joint(tok: Token, words: ModalityWords) -> bool:
    """ "held joint naval drills", "joint air force drills" (the modifier may sit on a compound), "patrolled
    jointly"."""
    nouns = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.dep_ == "advmod" and c.lower_ in words.joint_words for c in tok.children):
        return True
    return any(m.lemma_.lower() in words.joint_words for n in nouns for m in _noun_modifiers(n))


def _noun_modifiers(noun: Token) -> list[Token]:
    """The noun's adjectives and compounds, and theirs in turn ("joint" in "joint air force drills")."""
    out, todo = [], [noun]
    while todo:
        cur = todo.pop()
        mods = [m for m in cur.children if m.dep_ in ("amod", "compound") and m.i < noun.i]
        out += mods
        todo += mods
    return out
