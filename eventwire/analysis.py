"""What stages share while coding one article: the record being filled, the parse, and typed indexes
from earlier stages (which token belongs to which actor, place or date)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc

from eventwire.record import DateMention, Record
from eventwire.settings import Settings


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


class Stage(Protocol):
    """One step of the pipeline: built once with the settings (loading its data), then called per article.

    `requires` names what it reads from the Analysis/Record, `assigns` what it writes, so the pipeline
    can check that nothing runs before what it needs.
    """
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, analysis: Analysis) -> None: ...
