"""Counts stage: casualty and crowd numbers (record.counts). Place and date come later, from the anchor stage."""
from __future__ import annotations

from eventwire.analysis import Analysis
from eventwire.counts.find import FoundCount, find_counts, load_lexicon
from eventwire.record import Count
from eventwire.settings import Settings

__all__ = ["CountStage", "FoundCount", "find_counts"]


class CountStage:
    name = "counts"
    requires = ("doc",)
    assigns = ("record.counts",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = load_lexicon()

    def __call__(self, an: Analysis) -> None:
        rec = an.record
        for f in find_counts(an.doc, self.lexicon):
            rec.counts.append(Count(what=f.what, value=f.value, qualifier=f.qualifier,
                                    evidence=rec.span(f.start, f.end), reason=f.reason))
