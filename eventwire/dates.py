"""Dates stage: date expressions resolved against the publication date."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class DateStage:
    name = "dates"
    requires = ("doc",)
    assigns = ('record.dates', 'record.published', 'token_date',)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None  # filled by its own issue
