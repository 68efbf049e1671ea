"""Dates: news conventions for weekdays, months without years, relative dates, inferred publication."""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.dates import resolve
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def dates(pipe: Pipeline, text: str, published: str | None) -> dict[str, str]:
    rec = pipe.code(text, published=published)
    return {d.text: d.value for d in rec.dates}


def test_weekday_arithmetic_across_month_and_year_ends():
    sat = date(2021, 1, 2)                                   # a Saturday
    assert resolve.weekday(sat, 3) == "2020-12-31"           # "on Thursday" → the Thursday before
    tue = date(2020, 5, 5)
    assert resolve.weekday(tue, 1) == "2020-05-05"           # "on Tuesday" in a Tuesday story: that day
    assert resolve.weekday(tue, 1, strict=True) == "2020-04-28"   # "last Tuesday"
    assert resolve.weekday(tue, 3) == "2020-04-30"
    assert resolve.weekday(date(2020, 3, 1), 5) == "2020-02-29"   # leap day
    assert resolve.weekday(tue, 4, future=True) == "2020-05-08"


def test_months_without_years_across_the_year_boundary():
    jan = date(2021, 1, 15)
    assert resolve.month(jan, 12) == "2020-12"
    assert resolve.month(jan, 1) == "2021-01"
    assert resolve.month(jan, 3, future=True) == "2021-03"
    assert resolve.month(date(2020, 11, 3), 2, future=True) == "2021-02"
    assert resolve.relative(jan, "month", -1) == "2020-12"
    assert resolve.relative(date(2021, 1, 4), "week", -1) == "2020-12"   # the week of Dec 28–Jan 3


def test_dates_in_news_sentences(pipe):
    got = dates(pipe, "Police said on Thursday that protesters had gathered in February. The ceasefire "
                      "agreed last week collapsed, and talks held since April 2019 stalled. "
                      "The group was founded in 2018.", "2021-01-02")
    assert got["Thursday"] == "2020-12-31"
    assert got["February"] == "2020-02"
    assert "last week" not in got                # a week is not listed (it still dates its clause's events)
    assert got["April 2019"] == "2019-04"        # the preposition is not part of the mention
    assert got["2018"] == "2018"


def test_may_the_verb_and_numbers_are_not_dates(pipe):
    got = dates(pipe, "Officials may meet again, and 2000 people marched on Sunday.", "2021-06-09")
    assert list(got) == ["Sunday"] and got["Sunday"] == "2021-06-06"
    assert dates(pipe, "The crisis began in the 1990s and cost $2,019 million.", "2021-06-09") == {}   # old decade


def test_future_clause_looks_forward(pipe):
    got = dates(pipe, "The two leaders will meet on Friday, the ministry said.", "2021-06-09")
    assert got["Friday"] == "2021-06-11"


def test_publication_date_inferred_from_the_latest_explicit_date(pipe):
    rec = pipe.code("Rebels entered the town. Photo taken on May 4, 2020.\n\nThe army withdrew on "
                    "Sunday after talks that began on March 3, 2020.", published=None)
    assert rec.published == "2020-05-04" and rec.published_inferred
    assert {d.text: d.value for d in rec.dates}["Sunday"] == "2020-05-03"


def test_explicit_dates_and_token_index(pipe):
    got = dates(pipe, "The vote was held on 12 March 2019 and again on Oct. 3, 2020.", "2021-01-01")
    assert got["12 March 2019"] == "2019-03-12" and got["Oct. 3, 2020"] == "2020-10-03"
    got = dates(pipe, "The rally was held in May.", "2021-01-01")
    assert got == {"May": "2020-05"}


def test_future_infinitive_and_background_years(pipe):
    got = dates(pipe, "The two sides agreed to extend the truce and to resume talks in July.", "2024-06-12")
    assert got["July"] == "2024-07"
    got = dates(pipe, "Haiti has not held an election since 2016. The ruler was ousted in 2011.", "2024-09-18")
    assert got.get("2016") == "2016" and "2011" not in got      # history, unless it bounds the present
    rec = pipe.code("Haiti has not held an election since 2016. The ruler was ousted in 2011.", published="2024-09-18")
    assert [d.background for d in rec.dates] == [False]


def test_each_date_says_which_rule_resolved_it(pipe):
    rec = pipe.code("Rebels withdrew on Tuesday, months after the truce of May 4, 2020.", published="2021-03-10")
    reasons = {d.text: d.reason for d in rec.dates}
    assert reasons["Tuesday"].startswith("weekday") and reasons["May 4, 2020"] == "explicit date"


def test_dateparser_fallback_for_unusual_forms(pipe):
    rec = pipe.code("The accord, signed on 04/05/2020, collapsed.", published="2021-01-01")
    assert [(d.value, d.reason) for d in rec.dates] == [("2020-04-05", "dateparser")]   # month first, US order
