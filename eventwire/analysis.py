"""What stages share while coding one article: the record being filled, the parse, and typed indexes
from earlier stages (which token belongs to which actor, place or date)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc, Token

from eventwire.record import DateMention, Record
from eventwire.settings import Settings


# Dependents of a noun that can carry its identity ("Libyan" army, "Haftar's" militias, "UN-backed" …).
_NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


@dataclass
class Analysis:
    record: Record
    doc: Doc                                                     # spaCy parse of record.text
    settings: Settings
    token_actor: dict[int, str] = field(default_factory=dict)    # token index → actor id   (actors stage)
    token_place: dict[int, str] = field(default_factory=dict)    # token index → place id   (places stage)
    token_date: dict[int, DateMention] = field(default_factory=dict)  # token index → date  (dates stage)

    def actor_at(self, i: int) -> str | None:
        return self.token_actor.get(i)

    def actor_for(self, tok: Token) -> str | None:
        """The actor a syntactic argument (the head token of a noun phrase) refers to.

        The head's own actor first ("Turkey"), then an actor among its modifiers ("the Libyan army" →
        via "Libyan", "Haftar's militias" → via "Haftar"), nearest first. Stages that need an argument's
        actor call this rather than reading token_actor directly, so resolution rules live in one place.
        """
        if tok.i in self.token_actor:
            return self.token_actor[tok.i]
        if tok.lower_ in _RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
            return self.actor_for(tok.head.head)     # "Haftar's militias, which are supported by France"
        frontier = [c for c in tok.children if c.dep_ in _NP_MODIFIERS]
        while frontier:
            t = frontier.pop(0)
            if t.i in self.token_actor:
                return self.token_actor[t.i]
            frontier.extend(c for c in t.children if c.dep_ in _NP_MODIFIERS)
        return None


class Stage(Protocol):
    """One step of the pipeline: built once with the settings (loading its data), then called per article.

    `requires` names what it reads from the Analysis/Record, `assigns` what it writes, so the pipeline
    can check that nothing runs before what it needs.
    """
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> None: ...
