"""Anchor stage: gives each event (and count) its date and place from the dates and places found earlier.

Events take the date of their own clause, else of their sentence, else the publication date; and the most
specific place their sentence or paragraph supports, else none (never the dateline by default)."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class AnchorStage:
    name = "anchor"
    requires = ("record.events", "record.places", "record.dates", "token_place", "token_date")
    assigns = ("event.date", "event.place", "count.place", "count.date")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None  # filled by the places/dates issue
