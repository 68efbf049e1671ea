"""Scraped HTML keeps its date (issue 17.3): the page's markup dates the article, given metadata wins."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.pagedate import page_date
from eventwire.pipeline import Pipeline

BODY = ("<p>Gunmen attacked a police station in the northern hills on Monday, killing two officers, the "
        "provincial governor said.</p><p>The governor said the attackers fled towards the border and that "
        "the army had sent reinforcements. A similar attack in 2011 closed the valley for weeks.</p>")


def page(head: str = "", byline: str = "") -> str:
    return (f"<html><head><title>Police station attacked</title>{head}</head><body><article>"
            f"<h1>Police station attacked</h1>{byline}{BODY}</article></body></html>")


PAGES = {
    "meta": page(head='<meta property="article:published_time" content="2023-04-18T09:30:00+00:00">'),
    "json-ld": page(head='<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
                         '"NewsArticle", "datePublished": "2023-04-18T09:30:00Z", "dateModified": '
                         '"2023-04-21T10:00:00Z"}</script>'),
    "time": page(byline='<p class="byline">By Staff, <time datetime="2023-04-18T09:30">18 April</time></p>'),
    "byline": page(byline='<p class="byline">By Staff | Published April 18, 2023</p>'),
}


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_each_kind_of_page_date_is_read(kind):
    assert page_date(PAGES[kind]) == "2023-04-18"


def test_a_year_in_the_body_does_not_date_the_page():
    assert page_date(page()) is None


def test_a_date_in_the_url_dates_the_page():
    assert page_date(page(), url="https://news.example.org/2022/03/14/police-station-attacked") == "2022-03-14"


def test_the_page_date_dates_the_record_and_its_events(pipe):
    rec = pipe.code(PAGES["meta"], html=True)
    assert (rec.published, rec.published_inferred) == ("2023-04-18", False)   # metadata gave it: not inferred
    assert any("2023-04-18 read from the page's markup by htmldate" in w for w in rec.warnings)
    assault = next(e for e in rec.events if e.type == "ASSAULT")
    assert assault.date == "2023-04-17"                                       # "on Monday", before the Tuesday


def test_given_published_wins_over_the_page(pipe):
    rec = pipe.code(PAGES["json-ld"], html=True, published="2023-05-02")
    assert rec.published == "2023-05-02"
    assert not any("htmldate" in w for w in rec.warnings)


def test_undated_page_stays_undated_by_markup(pipe):
    rec = pipe.code(page(), html=True)
    assert not any("htmldate" in w for w in rec.warnings)
    assert rec.published is None or rec.published_inferred


def test_cli_reads_the_date_of_a_jsonl_html_row(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "page-1", "html": PAGES["time"], "source": "Hill Times"}) + "\n")
    res = subprocess.run([sys.executable, "-m", "eventwire", "code", str(feed), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["published"] == "2023-04-18"
    assert "page-1: published date 2023-04-18 read from the page" in res.stderr
