"""Events kept though no actor is named: "seven people were wounded when a grenade exploded", "rallies
and sit-ins were held across the country". Violence against people and protests that take place are
events whoever did them; other acts with nobody named are dropped (stage.keep).

Word lists: `eventwire/data/events/unanchored.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

from eventwire.events.ontology import DATA, is_word, yaml_word


@dataclass(frozen=True)
class UnanchoredWords:
    victim_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    happening_verbs: frozenset[str]
    types: frozenset[str]


@lru_cache(maxsize=2)
def load_unanchored(path: Path | None = None) -> UnanchoredWords:
    raw = yaml.safe_load((path or DATA / "unanchored.yaml").read_text(encoding="utf-8"))
    return UnanchoredWords(victim_nouns=frozenset(yaml_word(w) for w in raw["victim_nouns"]),
                           weapon_nouns=frozenset(yaml_word(w) for w in raw["weapon_nouns"]),
                           happening_verbs=frozenset(yaml_word(w) for w in raw["happening_verbs"]),
                           types=frozenset(str(t) for t in raw["types"]))


def _victims(verb: Token, words: UnanchoredWords) -> bool:
    """People hurt by the verb: its passive subject ("people were killed") or its object ("killed 12 civilians");
    a number standing for them counts ("six were killed", "at least 14 persons")."""
    args = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    for a in args:
        if is_word(a, words.victim_nouns):
            return True
        if a.like_num or a.ent_type_ == "CARDINAL" and a.pos_ == "NUM":
            return True
    return False


def _weapon_named(verb: Token, words: UnanchoredWords) -> bool:
    """A weapon or an attack, not told before ("a grenade attack", "two bombs", not "the attack"), in the
    casualty verb's sentence: the casualties are an attack's, not a running toll of clashes."""
    for tok in verb.sent:
        if tok.pos_ == "NOUN" and is_word(tok, words.weapon_nouns) \
                and not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "its")
                            for c in tok.children):
            return True
    return False


def _happened(noun: Token, words: UnanchoredWords) -> bool:
    """An event noun told as taking place: subject of "spread", "erupted", object or passive subject of
    "held", "staged"."""
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.lemma_.lower() in words.happening_verbs


def unanchored_event(doc: Doc, trigger: tuple[int, int], etype: str, negated: bool, hypothetical: bool,
                     words: UnanchoredWords | None = None) -> bool:
    """Whether an event with no actor named is still an event worth keeping."""
    words = words or load_unanchored()
    if etype not in words.types or negated or hypothetical:
        return False
    span = doc.char_span(*trigger, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.pos_ == "VERB" and etype == "ASSAULT" and _victims(tok, words) and _weapon_named(tok, words):
            return True
        if tok.pos_ == "VERB" and etype == "PROTEST":
            return True             # "demonstrators marched": the verb tells the protest took place
        if tok.pos_ in ("NOUN", "PROPN") and _happened(tok, words):
            return True
    return False
