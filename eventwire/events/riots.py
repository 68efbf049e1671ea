"""Riots: violence by a crowd is PLOVER PROTEST, mode riot (CAMEO 145), not ASSAULT. All riot coding is here.

A riot is seen three ways:
- while a trigger is coded, its subjects are a rioting crowd ("rioters stormed parliament"), or an entry
  marked `crowd` has crowd nouns as subject (`is_crowd_riot`, called by recode.py);
- once actors are known, an attack whose source actor is named as a crowd ("hundreds of protesters")
  (`code_riots`, called by the events stage);
- a clash is two-sided: "police clashed with protesters" tells the crowd's riot against the police too
  (`code_riots`).
Words: `eventwire/data/events/riots.yaml`.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire.events.found import FoundEvent
from eventwire.events.lexicon import Entry
from eventwire.events.ontology import DATA, is_word, yaml_word
from eventwire.record import Record

RIOT_TYPE, RIOT_CAMEO, RIOT_MODE = "PROTEST", "145", "riot"
# Force used by the police on a crowd is theirs, not a riot.
CROWD_CONTROL_MODE = "crowd-control"


@dataclass(frozen=True)
class RiotWords:
    rioting_crowds: frozenset[str]      # "rioters clashed with police": a riot
    clash_words: frozenset[str]         # "police clashed with protesters": two sides, one a crowd


@lru_cache(maxsize=2)
def load_riot_words(path: Path | None = None) -> RiotWords:
    raw = yaml.safe_load((path or DATA / "riots.yaml").read_text(encoding="utf-8"))
    return RiotWords(**{k: frozenset(yaml_word(w) for w in raw[k]) for k in RiotWords.__dataclass_fields__})


def is_crowd_riot(entry: Entry, sources: list[Token], crowd_nouns: frozenset[str]) -> bool:
    """The trigger's subjects make its act a riot: an attack by a rioting crowd ("protesters stormed
    parliament"), or an entry marked `crowd` done by crowd nouns."""
    rioters = load_riot_words().rioting_crowds
    if entry.type == "ASSAULT" and entry.mode != CROWD_CONTROL_MODE and any(is_word(s, rioters) for s in sources):
        return True
    return entry.crowd and any(s.lemma_.lower() in crowd_nouns for s in sources)


def crowd_actor(actor, words: RiotWords | None = None) -> bool:
    """An actor named as a crowd ("hundreds of protesters", "the rioters")."""
    if actor is None:
        return False
    crowds = (words or load_riot_words()).rioting_crowds
    names = [actor.name] + [m.text for m in actor.mentions]
    return any(n.split() and n.lower().split()[-1] in crowds for n in names if n)


def code_riots(found: list[FoundEvent], rec: Record) -> list[FoundEvent]:
    """Once the actors are known: an attack by an actor named as a crowd is its riot, and a clash with a crowd
    ("police clashed with hundreds of protesters") adds the crowd's side of it, a riot against the other
    side, unless the sentence already codes that crowd's protest."""
    words = load_riot_words()
    found = [dataclasses.replace(f, type=RIOT_TYPE, mode=RIOT_MODE, cameo=RIOT_CAMEO,
                                 reason=f.reason + "; a crowd's side: riot")
             if f.type == "ASSAULT" and f.mode != CROWD_CONTROL_MODE and crowd_actor(rec.actor(f.source), words)
             else f for f in found]
    return found + [dataclasses.replace(f, type=RIOT_TYPE, mode=RIOT_MODE, cameo=RIOT_CAMEO, source=f.target,
                                        target=f.source, reason=f.reason + "; the crowd's side of the clash: riot")
                    for f in found if f.type == "ASSAULT" and f.source is not None
                    and _first_word(rec.text[f.trigger[0]:f.trigger[1]]) in words.clash_words
                    and crowd_actor(rec.actor(f.target), words)
                    and not any(g.type == RIOT_TYPE and g.source == f.target and g.evidence == f.evidence
                                for g in found)]


def _first_word(text: str) -> str:
    words = text.lower().split()
    return words[0] if words else ""
