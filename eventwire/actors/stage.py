"""First pass (foundation): every PERSON/ORG/GPE/NORP entity becomes an actor, mentions grouped by name.

The knowledge base and resolution rules replace this (actors issue)."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.record import Actor
from eventwire.settings import Settings

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


class ActorStage:
    name = "actors"
    requires = ("doc",)
    assigns = ("record.actors", "token_actor")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        by_name: dict[str, Actor] = {}
        for ent in an.doc.ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            key = ent.text.lower()
            actor = by_name.get(key)
            if actor is None:
                actor = by_name[key] = Actor(id=f"A{len(by_name) + 1}", name=ent.text, reason=f"ner:{ent.label_}")
                an.record.actors.append(actor)
            actor.mentions.append(an.record.span(ent.start_char, ent.end_char))
            for tok in ent:
                an.token_actor[tok.i] = actor.id
