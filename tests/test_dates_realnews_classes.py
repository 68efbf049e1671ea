"""Dates: the classes of expression that real news showed missing or wrong (issue 16), on sentences written
for these tests: tense decides the year of a month or day written without one; years naming things,
decades, fiscal years and ranges; dates that point back at the date before; named days and years in
words; weeks and year-ago quarters left unlisted; and the precision / inferred / background fields."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from eventwire.pipeline import Pipeline
from eventwire.record import DateMention, Record

SCHEMA = json.loads(resources.files("eventwire.schema").joinpath("eventwire-1.schema.json").read_text())


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def listed(pipe: Pipeline, text: str, published: str) -> dict[str, DateMention]:
    return {d.text: d for d in pipe.code(text, published=published).dates}


def values(pipe: Pipeline, text: str, published: str) -> dict[str, str]:
    return {k: d.value for k, d in listed(pipe, text, published).items()}


# ---- tense decides past or future -----------------------------------------------------------------
def test_past_tense_takes_the_month_before_and_a_plan_the_month_ahead(pipe):
    assert values(pipe, "The airline sold its cargo unit in October.", "2022-06-15") == {"October": "2021-10"}
    assert values(pipe, "The airline agreed to sell its cargo unit in October.", "2022-06-15") == {"October": "2022-10"}
    assert values(pipe, "The airline will sell its cargo unit in October.", "2022-06-15") == {"October": "2022-10"}
    assert values(pipe, "The airline has sold its cargo unit in October.", "2022-06-15") == {"October": "2021-10"}


def test_without_tense_the_coming_date_wins_only_when_clearly_nearer(pipe):
    # "payable" says nothing of time: Dec. 12 is six weeks ahead of a late-October story, not ten months back
    got = values(pipe, "The board declared a dividend of 10 cents, payable Dec. 12 to holders of record "
                       "Nov. 21.", "2021-10-28")
    assert got == {"Dec. 12": "2021-12-12", "Nov. 21": "2021-11-21"}
    assert values(pipe, "The new rules take effect Jan. 3.", "2021-11-20") == {"Jan. 3": "2022-01-03"}
    # five months ahead against seven back is not clear enough: news mostly reports the past
    assert values(pipe, "Shares traded at $40 in June, up from $31 in March.", "2021-10-28")["March"] == "2021-03"


def test_a_deadline_after_a_past_verb_may_still_lie_ahead(pipe):
    got = values(pipe, "The bidders extended to Nov. 30 their offer for the shipyard.", "2021-11-04")
    assert got == {"Nov. 30": "2021-11-30"}


def test_last_next_and_this_before_a_month(pipe):
    got = values(pipe, "Last April the port reopened. Elections are due this September.", "2021-02-10")
    assert got == {"April": "2020-04", "September": "2021-09"}
    assert values(pipe, "The talks were planned for early March.", "2021-02-10") == {"March": "2021-03"}


# ---- years, decades, fiscal years, ranges --------------------------------------------------------
def test_years_naming_things_decades_and_fiscal_years(pipe):
    got = listed(pipe, "Its 2019 election was disputed, and the 2020 flood displaced thousands. "
                       "The 2000 soldiers stayed. In fiscal 2020 the utility lost money, as in the 2010s.",
                 "2021-05-03")
    assert {k: d.value for k, d in got.items()} == {"2019": "2019", "2020": "2020", "fiscal 2020": "2020",
                                                    "2010s": "201"}
    assert got["2010s"].precision == "decade" and got["fiscal 2020"].precision == "year"


def test_a_year_naming_a_thing_does_not_date_the_clause(pipe):
    rec = pipe.code("On Monday police arrested three men over the 2019 bombing of the market.",
                    published="2021-03-10")
    assert rec.events and all(e.date == "2021-03-08" for e in rec.events)


def test_short_range_ends(pipe):
    got = values(pipe, "The summit meets on April 24 and 25. Output fell in 2018-2020.", "2021-01-20")
    assert got == {"April 24": "2021-04-24", "25": "2021-04-25", "2018": "2018", "2020": "2020"}


def test_current_fiscal_year_and_year_end(pipe):
    got = values(pipe, "The chain expects higher sales in the current fiscal year and a new plant by the end "
                       "of the year.", "2021-08-02")
    assert got == {"the current fiscal year": "2021", "the end of the year": "2021"}


# ---- dates that point back -------------------------------------------------------------------------
def test_that_year_and_the_following_month_take_the_date_before(pipe):
    got = values(pipe, "The envoy left Kabul in June 2019 and returned later that year. The mine closed in "
                       "March 2020. The following month, its owner sold the site.", "2021-01-05")
    assert got["later that year"] == "2019" and got["The following month"] == "2020-04"
    assert "that year" not in values(pipe, "Prices rose sharply that year.", "2021-01-05")   # nothing before


# ---- named days and years in words ---------------------------------------------------------------
def test_holidays_take_their_year_from_the_tense(pipe):
    got = listed(pipe, "The ferry sank last Thanksgiving. Voters go to the polls on Election Day.", "2021-02-10")
    assert got["last Thanksgiving"].value == "2020-11-26"
    assert got["Election Day"].value == "2021-11-02" or got["Election Day"].value == "2020-11-03"
    assert values(pipe, "Markets will close on Christmas Eve.", "2021-12-01") == {"Christmas Eve": "2021-12-24"}
    assert values(pipe, "Unions marched on May Day.", "2021-05-03") == {"May Day": "2021-05-01"}


def test_years_in_words(pipe):
    got = values(pipe, "The plant opened in nineteen ninety-nine and will shut by the year two thousand "
                       "twenty-five. Nineteen fifty people came.", "1999-11-02")
    assert got == {"nineteen ninety-nine": "1999", "the year two thousand twenty-five": "2025"}


# ---- not listed, still dating events --------------------------------------------------------------
def test_weeks_are_not_listed_but_date_their_events(pipe):
    rec = pipe.code("Rebels attacked an army base near the border last week.", published="2021-03-10")
    assert [d.text for d in rec.dates] == []
    assert rec.events and rec.events[0].date == "2021-03"


def test_a_year_ago_beside_quarterly_results_is_a_quarter(pipe):
    got = values(pipe, "Third-quarter profit rose to $12 million from $9 million a year ago.", "2021-10-20")
    assert got == {}
    got = values(pipe, "The firm was founded a year ago in Ohio.", "2021-10-20")
    assert got == {"a year ago": "2020"}


# ---- the record fields -----------------------------------------------------------------------------
def test_precision_inferred_and_background(pipe):
    rec = pipe.code("Rebels withdrew on Monday after the truce of May 4, 2020, and talks resume in "
                    "April 2021. The ruler was ousted in 2011, and the rebellion of 2014 March 3 failed. "
                    "The regime fell on March 3, 2013.", published="2021-03-10")
    got = {d.text: d for d in rec.dates}
    assert (got["Monday"].precision, got["Monday"].inferred) == ("day", True)
    assert (got["May 4, 2020"].precision, got["May 4, 2020"].inferred) == ("day", False)
    assert got["April 2021"].precision == "month"
    assert got["March 3, 2013"].background and not got["May 4, 2020"].background
    assert "2011" not in got       # a bare background year is not listed (rules.yaml list_background_years)
    jsonschema.validate(rec.to_dict(), SCHEMA)
    again = Record.from_json(rec.to_json())
    assert again.dates == rec.dates


def test_old_records_without_the_fields_still_load():
    old = DateMention(0, 7, "Tuesday", "2020-05-05")
    assert (old.precision, old.inferred, old.background) == ("day", False, False)
    assert DateMention(0, 5, "1990s", "199").precision == "decade"


def test_parts_of_a_year_generic_today_and_names_are_not_dates(pipe):
    got = values(pipe, "Sales for this year's third quarter fell, and next year's first half looks weak. "
                       "The plan will shape today's youth, and today's vote is close. Prices rose this year. "
                       "The talks between Jan Novak and the unions resumed.", "2021-10-20")
    assert got == {"today": "2021-10-20", "this year": "2021"}
