"""Dates stage: date expressions resolved against the publication date (record.dates, token_date).

When no publication date was given, it is inferred from the text (the latest explicit full date, such as
a photo caption's "May 4, 2020") and `published_inferred` is set.
"""
from __future__ import annotations

import re
from datetime import date

from eventwire.analysis import Analysis
from eventwire.dates.find import DateExpr, find_expressions, load_rules, value_of
from eventwire.dates.tense import clause_tense
from eventwire.dates.fallback import parsed_entities
from eventwire.record import DateMention
from eventwire.settings import Settings

__all__ = ["DateStage", "infer_published"]

RELATIVE_KINDS = {"weekday", "month", "day_month"}   # the ones whose value depends on past or future


class DateStage:
    name = "dates"
    requires = ("doc",)
    assigns = ("record.dates", "record.published", "token_date")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = load_rules()

    def __call__(self, an: Analysis) -> None:
        rec, doc = an.record, an.doc
        exprs = find_expressions(doc, self.rules, rec.text)
        exprs += parsed_entities(doc, exprs, rec.text)
        exprs.sort(key=lambda x: x.start)
        if not exprs:
            return
        if rec.published is None:
            inferred = infer_published(exprs)
            if inferred is not None:
                rec.published, rec.published_inferred = inferred.isoformat(), True
        pub = date.fromisoformat(rec.published) if rec.published else None
        for x in exprs:
            tense = clause_tense(doc, x.start, self.rules) if x.kind in RELATIVE_KINDS else None
            value, why = value_of(x, pub, tense) if x.value is None else (x.value, "dateparser")
            if value is None:
                continue
            if rec.published_inferred and x.kind in RELATIVE_KINDS | {"relative", "ago"}:
                why += " (publication date inferred from the text)"
            mention = DateMention(x.start, x.end, rec.text[x.start:x.end], value, why)
            if not self._background(x, pub, rec.text):
                rec.dates.append(mention)
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            for tok in span or ():
                an.token_date[tok.i] = mention

    def _background(self, x: DateExpr, pub: date | None, text: str) -> bool:
        """A bare year long before publication: history, kept for anchoring but not listed."""
        if x.kind != "year" or pub is None or pub.year - x.year < self.rules.background_years:
            return False
        return not re.search(r"\bsince\s+$", text[max(0, x.start - 10):x.start], re.I)


def infer_published(exprs: list[DateExpr]) -> date | None:
    """The latest explicit full date in the text: news rarely states a date later than its own."""
    days = []
    for x in exprs:
        if x.explicit and x.year and x.month and x.day:
            try:
                days.append(date(x.year, x.month, x.day))
            except ValueError:
                continue
    return max(days) if days else None
