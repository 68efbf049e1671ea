"""Cleaning: furniture goes (and is listed in `removed`), body text always stays."""
from __future__ import annotations

import pytest

from eventwire.clean import clean_html, clean_text
from eventwire.errors import InputError

BODY = ("Kenya's parliament approved the budget on Thursday after a long night of debate.\n\n"
        "Opposition lawmakers walked out before the vote, saying the tax rises would hurt the poor.")


def reasons(c):
    return [(r.text, r.reason) for r in c.removed]


def test_headline_and_standfirst_are_detected_and_kept():
    raw = "Kenya passes budget amid walkout\n\nLawmakers approve tax rises despite protests.\n\n" + BODY
    c = clean_text(raw)
    assert c.title == "Kenya passes budget amid walkout"
    assert c.standfirst == "Lawmakers approve tax rises despite protests."
    assert c.text.startswith("Kenya passes budget amid walkout\n\nLawmakers approve")
    assert c.removed == []


@pytest.mark.parametrize("credit", ["AA", "Reuters", "AFP Photo", "(AFP)", "Photo: Jane Doe/Reuters", "Getty Images"])
def test_credit_lines_are_dropped(credit):
    c = clean_text(f"Kenya passes budget\n\n{credit}\n\n{BODY}")
    assert credit not in c.text.splitlines()
    assert (credit, "credit") in reasons(c)


def test_agency_name_inside_a_sentence_is_kept():
    body = "Reuters reported that the talks had stalled.\n\n" + BODY
    assert clean_text(body).text.startswith("Reuters reported")


def test_duplicate_caption_is_kept_once():
    caption = "Protesters gather outside parliament in Nairobi. Photo taken on June 20, 2024."
    c = clean_text(f"Kenya passes budget\n\n{caption}\nAFP\n\n{caption}\n\n{BODY}")
    assert c.text.count(caption) == 1
    assert (caption, "duplicate") in reasons(c)


def test_short_repeated_line_is_not_treated_as_duplicate():
    c = clean_text(f"Budget vote\n\n{BODY}\n\nMore to follow.\n\nThe vote passed.\n\nMore to follow.")
    assert c.text.count("More to follow.") == 2


def test_trailing_navigation_is_dropped():
    c = clean_text(f"Kenya passes budget\n\n{BODY}\n\nRoute 6\nAfrica\nPolitics")
    assert c.text.endswith("hurt the poor.")
    assert [t for t, r in reasons(c) if r == "trailer"] == ["Route 6", "Africa", "Politics"]


def test_navigation_lines_are_dropped_anywhere():
    c = clean_text(f"Kenya passes budget\n\nRead more: Kenya's debt crisis explained\n\n{BODY}\n\nShare this article")
    assert "Read more" not in c.text and "Share this" not in c.text
    assert {r for _, r in reasons(c)} == {"navigation"}


def test_unpunctuated_final_paragraph_of_body_is_kept_when_long():
    tail = "Lawmakers will meet again next week to debate the finance bill and its amendments"
    assert clean_text(f"Budget vote\n\n{BODY}\n\n{tail}").text.endswith(tail)


def test_hard_wrapped_lines_are_rejoined():
    c = clean_text("Budget vote\n\nKenya's parliament approved the budget\non Thursday after a long debate.\n\n" + BODY)
    assert "budget on Thursday" in c.text


def test_empty_and_furniture_only_inputs_raise():
    with pytest.raises(InputError):
        clean_text("   \n\n ")
    with pytest.raises(InputError):
        clean_text("AA\n\nReuters")


def test_html_boilerplate_is_removed_and_article_kept():
    html = f"""<html><head><title>Kenya passes budget</title><script>var x = 1;</script></head><body>
    <nav><a href="/">Home</a> <a href="/africa">Africa</a> <a href="/politics">Politics</a></nav>
    <article><h1>Kenya passes budget</h1>{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10) + chr(10)))}
    <p>The finance minister said the measures were needed to reduce the country's debt, which has risen
    sharply over the past five years, and to keep lenders on side.</p></article>
    <footer>Copyright 2024 Example News. All rights reserved. <a href="/privacy">Privacy</a></footer>
    </body></html>"""
    c = clean_html(html)
    assert c.title == "Kenya passes budget"
    assert "Kenya's parliament approved the budget" in c.text
    assert "var x" not in c.text and "Privacy" not in c.text and "Copyright" not in c.text
    assert c.removed[0].reason == "html"


def test_seed_cleaning(seed_text):
    c = clean_text(seed_text)
    lines = c.text.splitlines()
    assert "AA" not in lines and "Route 6" not in lines
    assert c.title == "Turkey urges powers backing Haftar to rethink support for the warlord"
    assert c.text.count("Rebels in Ubari asks Libya's government for help") == 1
    assert sorted(r.reason for r in c.removed) == ["credit", "duplicate", "trailer"]
