"""Quotes stage: direct and indirect speech with speakers."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class QuoteStage:
    name = "quotes"
    requires = ("doc",)
    assigns = ('record.quotes',)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None  # filled by its own issue
