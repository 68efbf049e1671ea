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
_PLURAL_PRONOUNS = {"they", "them", "their"}
# How far back (tokens) `actors_for` looks for a pronoun's antecedent (resolve_pronouns looks 2 sentences back).
_ANTECEDENT_REACH = 120


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


    def actors_for(self, tok: Token) -> list[str]:
        """All actors a syntactic argument refers to, for arguments that name more than one without being
        coordinated themselves (`actor_for` gives the first):
          - coordinated identities on one head: "French and Indian navies", "Israeli and Hamas leaders";
          - a plural pronoun whose antecedent is coordinated: "Germany and France said they would …".
        Coordinated arguments ("Turkey and Russia") are still one token each: callers expand those."""
        first = self.actor_for(tok)
        if first is None:
            return []
        out = [first]
        if tok.lower_ in _PLURAL_PRONOUNS:
            ante = self._antecedent(tok, first)
            if ante is not None and ante.conjuncts:      # in the text's order: Germany, then France
                out = [a for u in sorted([ante, *ante.conjuncts], key=lambda u: u.i)
                       if (a := self.actor_for(u)) is not None] + out
        else:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.token_actor:
                    out += [a for u in c.conjuncts if (a := self.token_actor.get(u.i)) is not None]
        return list(dict.fromkeys(out))

    def _antecedent(self, tok: Token, aid: str) -> Token | None:
        """The nearest earlier head token (not a pronoun) of the actor a pronoun was resolved to."""
        for j in range(tok.i - 1, max(tok.i - _ANTECEDENT_REACH, -1), -1):
            t = tok.doc[j]
            if self.token_actor.get(j) == aid and t.pos_ in ("PROPN", "NOUN"):
                return t.head if t.dep_ in ("compound", "flat") else t
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
