"""False alarms: trigger words used where no PLOVER event happens between actors.

- sport: "Brazil beat Argentina 2-1 in the final" (a score, or a sport word under a sport verb);
- metaphor: "charged into the race", "fired an opening salvo" (the act's object is a contest or a volley
  of words);
- disaster relief: "the army mobilised to help dig out cars stuck in heavy snow" (a state helping its own
  people in a disaster, the hazard named in the sentence or the one before);
- accident inquiries: "police are investigating a crash" (nobody is accused);
- industrial accidents: "an explosion ripped through a warehouse of petroleum products, killing one";
- public-safety instructions: "officials ordered residents to evacuate and asked visitors to stay away" (a
  government's emergency instructions to its own public in a story of a hazard, named in the sentence or the
  one before);
- standing background: "has worsened since authorities banned the sale of alcohol" (a since-clause dates a
  state from an act told as background).

Cues are data (`eventwire/data/events/false_alarms.yaml`, and `natural_forces` of modality.yaml);
`false_alarm` is applied by the events stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from eventwire.events.ontology import DATA, is_word, yaml_word

# A game's score: "2-1", "3–0" (not a date range: both sides are small numbers).
_SCORE = re.compile(r"(?<![\d/.-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d/.-])")
# Types a sport result or a metaphor is mistaken for.
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE"})


@dataclass(frozen=True)
class FalseAlarmWords:
    sport_words: frozenset[str]
    sport_verbs: frozenset[str]
    metaphor_objects: frozenset[str]
    relief_types: frozenset[str]
    not_relief_modes: frozenset[str]
    accident_words: frozenset[str]
    standing_marks: frozenset[str]
    accident_blasts: frozenset[str]
    accident_sites: frozenset[str]
    attack_cues: frozenset[str]
    instruction_types: frozenset[str]
    safety_instructions: frozenset[str]


@lru_cache(maxsize=2)
def load_false_alarms(path: Path | None = None) -> FalseAlarmWords:
    raw = yaml.safe_load((path or DATA / "false_alarms.yaml").read_text(encoding="utf-8"))
    return FalseAlarmWords(**{k: frozenset(yaml_word(w) if k not in ("relief_types", "instruction_types", "not_relief_modes") else str(w) for w in raw[k])
                              for k in FalseAlarmWords.__dataclass_fields__})


def sport(head: Token, etype: str, words: FalseAlarmWords) -> bool:
    """A sport verb with a score in its sentence or a sport word in its phrase: a game, not a fight."""
    if etype not in VIOLENT_TYPES or not is_word(head, words.sport_verbs):
        return False
    return bool(_SCORE.search(head.sent.text)) or any(is_word(t, words.sport_words) for t in head.subtree)


def metaphor(head: Token, etype: str, words: FalseAlarmWords) -> bool:
    """The act's object, or the object of its own preposition, is a contest or a volley of words."""
    if etype not in VIOLENT_TYPES:
        return False
    args = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    args += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "into" for o in p.children
             if o.dep_ == "pobj"]
    return any(is_word(a, words.metaphor_objects) for a in args)


def disaster_relief(head: Token, etype: str, foreign_target: bool, hazards: frozenset[str],
                    words: FalseAlarmWords) -> bool:
    """Help or deployment for no foreign party, in a sentence (or after one) that names a natural hazard."""
    if etype not in words.relief_types or foreign_target:
        return False
    sent = head.sent
    before = head.doc[sent.start - 1].sent if sent.start > 0 else None
    toks = list(sent) + (list(before) if before is not None else [])
    return any(is_word(t, hazards) for t in toks if t.pos_ in ("NOUN", "PROPN"))   # "stormed parliament" is no storm


def _lemmas(tokens) -> str:
    return " " + " ".join(t.lemma_.lower() for t in tokens) + " "


def safety_instruction(head: Token, etype: str, foreign_target: bool, hazards: frozenset[str],
                       words: FalseAlarmWords) -> bool:
    """An order or plea whose content is an emergency instruction ("to shelter in place", "to evacuate", "to
    boil water"), to no foreign party, in a sentence (or after one) that names a hazard: civil protection
    telling its own public what to do, no event between actors."""
    if etype not in words.instruction_types or foreign_target:
        return False
    said = _lemmas(t for c in head.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep") for t in c.subtree)
    if not any(f" {p} " in said for p in words.safety_instructions):
        return False
    sent = head.sent
    toks = list(sent) + (list(head.doc[sent.start - 1].sent) if sent.start > 0 else [])
    return any(is_word(t, hazards) or is_word(t, words.accident_blasts) for t in toks if t.pos_ in ("NOUN", "PROPN"))


def accident_inquiry(head: Token, etype: str, mode: str | None, words: FalseAlarmWords) -> bool:
    """ "Police are investigating a crash that left four people in hospital": no one is accused."""
    if etype != "ACCUSE" or mode != "investigate":
        return False
    args = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    args += [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("into", "of")
             for o in p.children if o.dep_ == "pobj"]
    return bool(args) and all(is_word(a, words.accident_words) for a in args)


def industrial_accident(head: Token, etype: str, words: FalseAlarmWords) -> bool:
    """Casualties of an explosion or fire at a warehouse, plant or kitchen, told (in the sentence or the one
    before) with no sign of an attack: an accident, not an assault."""
    if etype != "ASSAULT":
        return False
    sent = head.sent
    toks = list(sent) + (list(head.doc[sent.start - 1].sent) if sent.start > 0 else [])
    return any(is_word(t, words.accident_blasts) for t in toks) and any(is_word(t, words.accident_sites) for t in toks) \
        and not any(is_word(t, words.attack_cues) for t in toks)


def standing_background(head: Token, words: FalseAlarmWords) -> bool:
    """In a clause that dates a state from the act ("has worsened since authorities banned …")."""
    cur = head
    for _ in range(3):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.standing_marks for c in cur.children):
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def false_alarm(doc: Doc, trigger: tuple[int, int], etype: str, mode: str | None, foreign_target: bool,
                hazards: frozenset[str], words: FalseAlarmWords | None = None) -> str | None:
    """Why the event found at `trigger` (character offsets) is no event, or None."""
    words = words or load_false_alarms()
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    head = verbs[0] if verbs else span.root
    if sport(head, etype, words):
        return "sport"
    if metaphor(head, etype, words):
        return "metaphor"
    if mode not in words.not_relief_modes and disaster_relief(head, etype, foreign_target, hazards, words):
        return "disaster relief"
    if safety_instruction(head, etype, foreign_target, hazards, words):
        return "safety instruction"
    if accident_inquiry(head, etype, mode, words):
        return "accident inquiry"
    if industrial_accident(head, etype, words):
        return "industrial accident"
    if standing_background(head, words):
        return "standing background"
    return None
