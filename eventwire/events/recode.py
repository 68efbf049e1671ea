"""Coding conventions that change a trigger's type once its context is known (PLOVER manual rules):

- a stated refusal of a cooperative act is a REJECT ("would not recognise", "will not meet");
- a sanction not renewed lapses, an easing (RETREAT): "failed to renew the arms embargo";
- a harmful act announced on a condition is a THREATEN ("could block X unless Y", "would strike if …");
- future or promised cooperation, or a promised concession, is AGREE ("will hold talks", "would begin
  withdrawing"); a refused act is REJECT, an announced harmful one THREATEN (conventions.py);
- an exercise held jointly is COOPERATE, not MOBILIZE ("held joint naval drills", "Egypt and Jordan began
  drills");
- a deployment of peacekeepers or monitors is AID (PLOVER AID: "military protection or peacekeeping",
  CAMEO 074), not MOBILIZE ("is sending 300 troops to the UN peacekeeping mission in Mali");
- violence by a crowd (protesters, rioters, supporters) is a riot, PROTEST ("protesters stormed parliament"):
  riots.py decides.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from eventwire.events.conventions import convention, load_conventions
from eventwire.events.lexicon import Entry, word_classes
from eventwire.events.modality import Modality, ModalityWords
from eventwire.events.riots import RIOT_CAMEO, RIOT_MODE, RIOT_TYPE, is_crowd_riot
from eventwire.events.roles import to_infinitive

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
# Not "decide": "decided to lift the sanctions" reports the lifting.
PROMISE_HEADS = {"agree", "promise", "pledge", "vow", "plan", "offer", "intend", "commit", "begin",
                 "start", "prepare", "aim", "expect", "ready", "willing", "prepared"}
# Clauses of their own under a verb: what they name is not the deployment's purpose ("deployed troops after
# peacekeepers were attacked"); a to-infinitive adverbial is its purpose and stays ("to serve as peacekeepers").
OWN_CLAUSES = {"advcl", "ccomp", "conj", "relcl", "parataxis", "mark", "cc", "nsubj"}


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
    if entry.type == "MOBILIZE" and _peacekeeping(head, sources):
        entry = replace(entry, type="AID", cameo="074", mode=None)
    base = Coding(entry.type, entry.cameo, entry.mode, mod.negated, mod.hypothetical,
                  "; peacekeeping is AID" if entry.cameo == "074" else "")
    if entry.type == "SANCTION" and mod.negated and "modal" not in mod.why \
            and head.lemma_.lower() in load_conventions().renewal_verbs:
        return Coding("RETREAT", "085", None, False, False, "; a sanction not renewed lapses")
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
    if entry.type in ("MOBILIZE", "ASSAULT") and (_joint(head, words) or _held_together(entry, sources, words)):
        return Coding("COOPERATE", "062", None, base.negated, base.hypothetical, "; joint exercise")
    if is_crowd_riot(entry, sources, words.crowd_nouns):
        return Coding(RIOT_TYPE, RIOT_CAMEO, RIOT_MODE, base.negated, base.hypothetical, "; done by a crowd")
    return base


def _from_organisation(tok: Token) -> bool:
    """ "announced their withdrawal from ECOWAS": leaving an organisation cuts relations (SANCTION)."""
    nouns = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(p.lower_ == "from" and any(o.ent_type_ == "ORG" for o in p.children if o.dep_ == "pobj")
               for n in nouns for p in n.children if p.dep_ == "prep")


@lru_cache(maxsize=1)
def _peacekeeping_words() -> frozenset[str]:
    return frozenset(word_classes()["peacekeepers"])


def _peacekeeping(head: Token, sources: list[Token]) -> bool:
    """The deployment's own phrase (object, destination, purpose) or its doers name peacekeepers or monitors:
    "deployed 300 troops to the UN peacekeeping mission", "peacekeepers began deploying", "approved the
    deployment of observers"."""
    pk, kept = _peacekeeping_words(), _kept_words()
    phrase = [t for c in head.children if c.dep_ not in OWN_CLAUSES or _purpose(c) for t in c.subtree]
    if any(t.lemma_.lower() in pk or t.lower_ in pk for t in phrase + [t for s in sources for t in s.subtree]):
        return True
    # "to monitor a ceasefire", "to keep the peace": a purpose that is peacekeeping
    return any(t.pos_ == "VERB" and t.lemma_.lower() in kept["verbs"] and any(
        o.dep_ == "dobj" and o.lemma_.lower() in kept["objects"] for o in t.children) for t in phrase)


def _purpose(clause: Token) -> bool:
    """ "(sent troops) to serve as a peacekeeping force": an infinitive adverbial with no subordinator."""
    return to_infinitive(clause, ("advcl",))


@lru_cache(maxsize=1)
def _kept_words() -> dict[str, frozenset[str]]:
    classes = word_classes()
    return {"verbs": frozenset(classes["keeping_verbs"]), "objects": frozenset(classes["kept_settlements"])}


def _held_together(entry: Entry, sources: list[Token], words: ModalityWords) -> bool:
    """An exercise with two coordinated doers is held jointly: "Jordan and the United States began exercises",
    "war games staged by U.S. marines and Jordanian forces"."""
    exercise = entry.lemma in words.exercise_words or any(o in words.exercise_words for o in entry.obj)
    doers = {s.i for s in sources}
    return exercise and any(s.dep_ == "conj" and s.head.i in doers for s in sources)


def _joint(tok: Token, words: ModalityWords) -> bool:
    """ "held joint naval drills", "joint air force drills" (the modifier may sit on a compound), "patrolled
    jointly", "began a new round of joint exercises"."""
    nouns = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [o for n in nouns[1:] for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
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
