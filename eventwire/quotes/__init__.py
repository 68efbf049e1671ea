"""Quotes stage: direct and indirect speech with speakers, cue words and media."""
from eventwire.quotes.find import QuoteFinding, find_quotes
from eventwire.quotes.stage import QuoteStage

__all__ = ["QuoteFinding", "QuoteStage", "find_quotes"]
