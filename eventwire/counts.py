"""Counts stage: casualty and crowd numbers."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.settings import Settings


class CountStage:
    name = "counts"
    requires = ("doc",)
    assigns = ('record.counts',)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        return None  # filled by its own issue
