"""Events stage (filled by the events issue)."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class EventStage:
    name = "events"
    requires = ("doc", "record.actors", "token_actor")
    assigns = ("record.events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None
