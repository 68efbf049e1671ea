"""Dates stage: date expressions resolved against the publication date (record.dates, token_date).

When no publication date was given, it is inferred from the text (the latest explicit full date, such as
a photo caption's "May 4, 2020") and `published_inferred` is set.

Each mention says its `precision`, whether its value needed the publication date (`inferred`) and
whether it lies long before publication (`background`). Weeks, year-ago quarters and (unless rules.yaml
says otherwise) bare background years date the events of their clause through `token_date` but are not
listed in record.dates; years and decades that name a thing ("the 1996 bombing") are listed but date no
clause.
"""
from __future__ import annotations

import re
from datetime import date

from eventwire.analysis import Analysis
from eventwire.dates.find import DateExpr, find_expressions, load_rules, value_of
from eventwire.dates.tense import clause_tense
from eventwire.dates.anaphora import anaphoric_expressions, resolve_anaphoric
from eventwire.dates.fallback import parsed_entities
from eventwire.dates.holidays import holiday_expressions
from eventwire.dates.ranges import range_ends
from eventwire.dates.spelled import spelled_years
from eventwire.record import DateMention
from eventwire.settings import Settings

__all__ = ["DateStage", "infer_published"]

RELATIVE_KINDS = {"weekday", "month", "day_month", "holiday"}   # the ones whose value depends on past or future
FROM_PUBLICATION = RELATIVE_KINDS | {"relative", "ago"}   # values taken from the publication date (`inferred`)


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
        exprs += range_ends(rec.text, exprs)
        exprs += holiday_expressions(rec.text, exprs)
        exprs += spelled_years(rec.text, exprs, self.rules)
        exprs += anaphoric_expressions(rec.text, exprs)
        exprs.sort(key=lambda x: x.start)
        if not exprs:
            return
        if rec.published is None:
            inferred = infer_published(exprs)
            if inferred is not None:
                rec.published, rec.published_inferred = inferred.isoformat(), True
        pub = date.fromisoformat(rec.published) if rec.published else None
        earlier: list[DateMention] = []                  # what "that year", "the following month" point at
        for x in exprs:
            tense = clause_tense(doc, x.start, self.rules) if x.kind in RELATIVE_KINDS else None
            inferred = x.kind in FROM_PUBLICATION
            if x.kind == "anaphoric":
                antecedent = resolve_anaphoric(x, earlier)
                value, why = (antecedent.value, f"{x.unit} of the date before ({antecedent.text!r}) "
                              f"{x.offset:+d}") if antecedent else (None, "")
                inferred = bool(antecedent and antecedent.inferred)
            elif x.kind == "parsed":
                value, why = x.value, "dateparser"
            else:
                value, why = value_of(x, pub, tense)
            if value is None:
                continue
            if rec.published_inferred and inferred:
                why += " (publication date inferred from the text)"
            mention = DateMention(x.start, x.end, rec.text[x.start:x.end], value, why, inferred=inferred,
                                  background=self._background(x, value, pub, rec.text))
            if not _is_week(x):
                earlier.append(mention)
            if self._listed(x, mention) and not _quarter_ago(x, doc) and not _part_of_year(x, rec.text) \
                    and not _generic_today(x, doc, self.rules):
                rec.dates.append(mention)
            if x.dates_events:
                span = doc.char_span(x.start, x.end, alignment_mode="expand")
                for tok in span or ():
                    an.token_date[tok.i] = mention

    def _listed(self, x: DateExpr, mention: DateMention) -> bool:
        if _is_week(x):
            return False
        return not (mention.background and len(mention.value) <= 4) or self.rules.list_background_years

    def _background(self, x: DateExpr, value: str, pub: date | None, text: str) -> bool:
        """A date whose year lies long before publication: history, listed for completeness ("the ouster
        of Gaddafi in 2011"). A year after "since" is not: it bounds a state of affairs the article reports
        as ongoing ("no election since 2016")."""
        if pub is None or x.kind in FROM_PUBLICATION:
            return False
        last_year = int(value[:4]) if len(value) >= 4 else int(value) * 10 + 9     # a decade ends in …9
        if pub.year - last_year < self.rules.background_years:
            return False
        return not re.search(r"\bsince\s+$", text[max(0, x.start - 10):x.start], re.I)


def _is_week(x: DateExpr) -> bool:
    """ "last week", "two weeks ago": a week has no value at day, month or year precision, so it is not
    listed; it still dates the events of its clause (as the month holding the middle of that week)."""
    return x.kind in ("relative", "ago") and x.unit == "week"


def _quarter_ago(x: DateExpr, doc) -> bool:
    """ "profit rose 19% from a year ago", "down from $21 million last year" beside a quarter's results:
    the same quarter a year back, which no day, month or year value states. Not listed, as weeks."""
    if x.kind not in ("relative", "ago") or x.unit != "year" or x.offset != (1 if x.kind == "ago" else -1):
        return False
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    if span is None:
        return False
    sent = span.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lower_ in ("quarter", "quarters", "quarterly") for t in doc[start:sent.end])


_PART_OF_YEAR = re.compile(r"(?:['’]s)?\s+(?:(?:first|second|third|fourth|last|latest|final|fiscal|same|"
                           r"corresponding)[\s-]+)*(?:quarter|half|period)s?\b", re.I)


def _part_of_year(x: DateExpr, text: str) -> bool:
    """ "this year's third quarter", "the 1988 period", "next year's first half": a quarter or half of the
    year, which no day, month or year value states. Not listed (the year still dates events)."""
    if x.kind not in ("year", "relative") or (x.kind == "relative" and x.unit != "year"):
        return False
    return _PART_OF_YEAR.match(text, x.end) is not None


def _generic_today(x: DateExpr, doc, rules) -> bool:
    """ "today's youth", "today's personal computers": today as "nowadays", not a date."""
    if x.kind != "relative" or x.text.lower() != "today":
        return False
    span = doc.char_span(x.start, x.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].tag_ != "POS":
        return False
    head = doc[span.end - 1].head
    return head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in rules.generic_present


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
