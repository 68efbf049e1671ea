"""The last place to look for a target: whom the act's phrase is addressed to, given for or aimed at.

When the lexicon entry's own prepositions name nobody, the act may still say its recipient through the noun
it carries or a preposition the entry does not list: "issued an ultimatum to Washington", "suspended
military aid to Syrian rebels", "will host a dinner for Netanyahu", "imposed sanctions over Russia's
invasion", "will meet his counterpart, Italian President Sergio Mattarella". The caller takes the first of
these tokens that names an actor other than the source (`_first_actors`).

Pure functions over spaCy tokens.
"""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.roles import children, prep_objects

# Prepositions naming a recipient, a beneficiary or an aim, in order of preference.
RECIPIENT_PREPS = ("to", "against", "on", "upon", "at", "toward", "towards", "for", "with", "over")
# Types whose prepositional phrases say where the act goes, not at whom: their places are handled as
# places ("deployed troops to the border", "withdrew to its bases"); and acts of force, where "for" and
# "with" give a reason or a means ("arrested for spying", "attacked with drones").
PLACE_TYPES = frozenset({"MOBILIZE", "RETREAT"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
FORCE_PREPS = ("against", "on", "upon", "at", "toward", "towards")


def recipient_tokens(head: Token, light: Token | None, words: list[Token], etype: str) -> list[Token]:
    """Candidate recipient tokens of a trigger (head, light verb and trigger words), nearest phrase first."""
    if etype in PLACE_TYPES:
        return []
    preps = FORCE_PREPS if etype in FORCE_TYPES else RECIPIENT_PREPS
    verbs = [h for h in (light, head) if h is not None]
    held = [w for w in words if w.pos_ in ("NOUN", "PROPN") and w not in verbs]
    objects = [o for v in verbs for o in children(v, {"dobj"}) if o not in held]
    out: list[Token] = []
    # the carried noun's own phrase first ("an ultimatum to X"), then the object's and the verb's
    for h in held + objects + verbs:
        out += [o for o in prep_objects(h, preps) if o not in out]
    # "meet his counterpart, Italian President Sergio Mattarella": the apposition names the object
    out += [a for o in objects + held for a in children(o, {"appos"}) if a not in out]
    return out


def object_phrase_actors(head: Token, light: Token | None, words: list[Token]) -> list[Token]:
    """Every noun inside the act's object (its direct object, or the noun the light verb carries), in text
    order: the last place to look when no phrase names a recipient ("rejected the announcement that
    President X had won", "condemned the decision of the court to free Y"). The caller keeps the first that
    names an actor other than the source."""
    verbs = [h for h in (light, head) if h is not None]
    held = [w for w in words if w.pos_ in ("NOUN", "PROPN") and w not in verbs]
    roots = held + [o for v in verbs for o in v.children if o.dep_ in ("dobj", "dative")]
    out: list[Token] = []
    for r in roots:
        out += [t for t in r.subtree if t.pos_ in ("PROPN", "NOUN") and t not in out and t not in verbs]
    return out
