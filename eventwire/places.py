"""Places stage: place mentions → gazetteer entries with coordinates."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class PlaceStage:
    name = "places"
    requires = ("doc",)
    assigns = ('record.places', 'token_place',)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None  # filled by its own issue
