"""What the event finder gives: `FoundEvent`, the look-ups it is handed, and how sure it is.

`EventFinder.find` (finder.py) returns FoundEvents; the events stage (stage.py) filters them and writes
them into the record.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Token

ActorLookup = Callable[[Token], "str | None"]
ManyLookup = Callable[[Token], "list[str]"]
PlaceLookup = Callable[[Token], bool]


@dataclass
class FoundEvent:
    type: str
    mode: str | None
    cameo: str
    source: str | None
    target: str | None
    negated: bool
    hypothetical: bool
    confidence: float
    trigger: tuple[int, int]        # character offsets of the trigger words
    evidence: tuple[int, int]       # character offsets of the sentence
    nominal: bool
    reason: str
    background: bool = False        # inside a scene-setting temporal clause (background.py)
    profile: bool = False           # in a present-perfect relative clause describing its noun (background.py)
    long_ago: bool = False          # in a background clause dated apart from the news ("since the army seized power in 2021")
    group: int = -1                 # which trigger gave it (one trigger may give several events)
    retells: int | None = None      # the group whose act this participle tells again (telling.retold)
    target_place: int | None = None  # token of a place standing for the missing target (targets.place_target)
    target_demonym: int | None = None  # a nationality word naming the missing target ("a ban on Indian airlines")
    source_demonym: int | None = None  # the same for the source ("killed by Pakistani fire")


# Confidence: start high for a verb with both sides named, take off for what is missing or far.
BASE_CONFIDENCE = 0.9
MISSING_SOURCE = 0.3
MISSING_TARGET = 0.15
NOMINAL = 0.15
PER_EXTRA_HOP = 0.05


def event_confidence(has_source: bool, has_target: bool, *, nominal: bool, hops: int) -> float:
    c = BASE_CONFIDENCE
    c -= 0 if has_source else MISSING_SOURCE
    c -= 0 if has_target else MISSING_TARGET
    c -= NOMINAL if nominal else 0
    c -= PER_EXTRA_HOP * max(0, hops - 1)
    return round(max(0.05, min(0.99, c)), 2)
