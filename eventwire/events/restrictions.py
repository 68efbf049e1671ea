"""Restrictions placed on, or lifted from, a place: their target is the people who live there.

"imposed a curfew in Montenegro", "lifted the state of emergency in four states", "eased the curfew in
Amman": PLOVER codes the act against (or for) the place's population. The place named in the act's own
phrase becomes an actor for its people (civilians of the place's country, named by the place), even when
the source is that country's own government: a curfew is, as a rule, imposed on one's own people.
"""
from __future__ import annotations

from eventwire.record import Actor, Record

# Nouns of a restriction on movement or public life; an act whose trigger carries one is placed on people.
RESTRICTION_NOUNS = frozenset({"curfew", "curfews", "lockdown", "lockdowns", "emergency", "restriction",
                               "restrictions", "martial", "quarantine", "blockade", "siege"})
# THREATEN too: a curfew announced or threatened ("will extend the curfew in Bangkok") is aimed at the same people.
RESTRICTION_TYPES = frozenset({"COERCE", "CONCEDE", "SANCTION", "THREATEN"})


def is_restriction(etype: str, trigger_words: list[str]) -> bool:
    return etype in RESTRICTION_TYPES and any(w.lower() in RESTRICTION_NOUNS for w in trigger_words)


def place_people(rec: Record, place_id: str | None, start: int, end: int) -> str | None:
    """The id of an actor for the people of the place mentioned at [start, end): a new one named after the
    place, with its country and sector CVL (one per place mention)."""
    place = rec.place(place_id)
    if place is None:
        return None
    mention = next((m for m in place.mentions if m.start <= start < m.end), None) or rec.span(start, end)
    for a in rec.actors:
        if any(m.start == mention.start and m.end == mention.end for m in a.mentions):
            return a.id
    taken = {a.id for a in rec.actors}
    aid = next(f"A{n}" for n in range(len(rec.actors) + 1, len(rec.actors) + 1000) if f"A{n}" not in taken)
    rec.actors.append(Actor(id=aid, name=f"people of {place.name}", country=place.country, sector="CVL",
                            mentions=[mention], reason=f"event-target-restricted-place:{mention.text}"))
    return aid
