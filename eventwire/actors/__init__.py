"""Actors stage: entity mentions → actors with country, sector and identity."""
from eventwire.actors.stage import ActorStage

__all__ = ["ActorStage"]
