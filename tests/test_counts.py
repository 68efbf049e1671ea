"""Counts: numbers in digits, words and vague plurals, their qualifiers, and what they count."""
from __future__ import annotations

import pytest

from eventwire.counts.find import parse_number
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def counts(pipe: Pipeline, text: str) -> list[tuple[str, int, str]]:
    return [(c.what, c.value, c.qualifier) for c in pipe.code(text, published="2021-01-01").counts]


@pytest.mark.parametrize("text, want", [
    ("More than 1,000 people have been killed in the fighting since 2019.", ("killed", 1000, "more than")),
    ("Two soldiers died when their vehicle hit a mine.", ("killed", 2, "exactly")),
    ("At least 12 protesters were hurt in the clashes.", ("injured", 12, "at least")),   # the verb says more
    ("At least 12 protesters blocked the main road.", ("protesters", 12, "at least")),
    ("Some 3,000 demonstrators gathered outside parliament.", ("protesters", 3000, "about")),
    ("Dozens were injured when police fired tear gas.", ("injured", 24, "about")),
    ("Police said hundreds were detained overnight.", ("arrested", 200, "about")),
    ("Gunmen abducted 20 schoolchildren from a village school.", ("kidnapped", 20, "exactly")),
    ("Up to 5,000 residents have fled their homes, the agency said.", ("displaced", 5000, "up to")),
    ("The death toll rose to 31, the health ministry said.", ("killed", 31, "exactly")),
    ("Poland has taken in more than a million refugees.", ("displaced", 1_000_000, "more than")),
    ("The attack left 10 people dead, officials said.", ("killed", 10, "exactly")),
    ("The fighting has forced about 270,000 people to flee.", ("displaced", 270_000, "about")),
    ("Three men were shot dead at a checkpoint.", ("killed", 3, "exactly")),
    ("The fighting has claimed the lives of about 40 people.", ("killed", 40, "about")),
])
def test_count_phrases(pipe, text, want):
    assert want in counts(pipe, text)


def test_two_counts_in_one_sentence_and_evidence(pipe):
    rec = pipe.code("The bombing killed 15 civilians and wounded forty others in the market.", published="2021-01-01")
    got = {(c.what, c.value): c for c in rec.counts}
    assert set(got) == {("killed", 15), ("injured", 40)}
    assert got[("killed", 15)].evidence.text == "killed 15 civilians"


def test_numbers_that_count_nothing_or_the_killers(pipe):
    assert counts(pipe, "Five members of the commission held talks with two envoys in 2011.") == []
    assert counts(pipe, "Two gunmen killed five people.") == [("killed", 5, "exactly")]


def test_parse_number():
    assert parse_number("1,000") == 1000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred") == 200
    assert parse_number("a million") == 1_000_000
    assert parse_number("banana") is None


def test_each_count_says_which_lexicon_entry_made_it(pipe):
    (c,) = pipe.code("Two soldiers died in the blast.", published="2021-01-01").counts
    assert c.reason == "counts lexicon: killed verb 'die' (subject)"
