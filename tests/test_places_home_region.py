"""The story's home area (places/home_region.py) and the toponyms local news writes without a preposition
(places/local_names.py), on sentences written for these tests, with the real model and gazetteer."""
from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.places.gazetteer import gazetteer
from eventwire.places.home_region import home_area


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline                  # conftest's: one pipeline for the whole session


def by_name(pipe: Pipeline, text: str) -> dict:
    return {p.name: p for p in pipe.code(text, published="2009-03-02").places}


def test_names_that_share_one_state_make_it_the_home_area():
    gaz = gazetteer()
    names = [gaz.lookup(n) for n in ("Springfield", "Decatur", "Peoria")]
    assert home_area(names) == "US-IL"               # only Illinois has all three
    assert home_area([gaz.lookup("Springfield")]) is None            # one common name says nothing
    assert home_area([gaz.lookup("Springfield"), gaz.lookup("Decatur")]) is None   # two: too many states share them
    assert home_area([gaz.lookup("Decatur")], ["US-GA"]) == "US-GA"  # a qualifier (", Ga.") counts


def test_the_home_area_picks_each_namesake(pipe):
    p = by_name(pipe, "Flooding closed roads in Springfield, Decatur and Peoria on Monday.")
    for name, (lat, lon) in {"Springfield": (39.80, -89.64), "Decatur": (39.84, -88.95),
                             "Peoria": (40.69, -89.59)}.items():
        assert abs(p[name].lat - lat) < 0.2 and abs(p[name].lon - lon) < 0.2, name
        assert "home area" in p[name].reason


def test_a_big_city_and_the_capital_keep_their_name(pipe):
    p = by_name(pipe, "Officials in Bemidji and Fergus Falls said a delegation flew to Washington and Boston.")
    assert abs(p["Washington"].lat - 38.9) < 0.2          # not a Washington of Minnesota
    assert abs(p["Boston"].lon + 71.06) < 0.2             # Boston, Massachusetts
    assert p["Bemidji"].admin1 == "US-MN"


def test_a_list_before_counties_names_each_county(pipe):
    p = by_name(pipe, "Jobless rates rose in Pike, Lamar and Upson counties in Georgia.")
    for name in ("Pike County", "Lamar County", "Upson County"):
        assert p[name].precision == "admin2" and p[name].admin1 == "US-GA", name
    assert [m.text for m in p["Upson County"].mentions] == ["Upson"]


def test_an_institution_names_its_town_when_the_story_is_about_that_state(pipe):
    p = by_name(pipe, "The Alexandria Police Department said the driver lives near Bemidji and Fergus Falls.")
    assert p["Alexandria"].admin1 == "US-MN" and p["Alexandria"].role == "modifier"
    # with no home area the institution's first word is no place: Springfield is in a dozen states
    assert "Springfield" not in by_name(pipe, "The Springfield Police Department said the driver was not hurt.")


def test_a_legislators_home_town_after_the_party_letter(pipe):
    p = by_name(pipe, "Rep. Jane Doe, R-Fergus Falls, said the bill would help schools in Bemidji and Brainerd.")
    assert p["Fergus Falls"].admin1 == "US-MN"
    assert [m.text for m in p["Fergus Falls"].mentions] == ["Fergus Falls"]
    assert not by_name(pipe, "The D-Day landings began in Normandy.").get("Day")   # no comma: no legislator


def test_where_a_person_lives_is_a_place(pipe):
    p = by_name(pipe, "Authorities said Jane Roe, 41, of Loganville, was charged on Monday in Lawrenceville, Georgia.")
    assert p["Loganville"].admin1 == "US-GA" and "proper noun" in p["Loganville"].reason   # untagged: found by "of"
    p = by_name(pipe, "A Cordele woman was charged on Monday in Macon, Georgia.")
    assert p["Cordele"].admin1 == "US-GA" and p["Cordele"].role == "modifier"
    assert by_name(pipe, "Tifton-based Acme Tools moved to Macon, Georgia.")["Tifton"].admin1 == "US-GA"
    # a surname before "family" is no town: Jones County stays out
    assert not any("Jones" in n for n in by_name(pipe, "The Jones family thanked the nurses in Dallas, Texas."))


def test_the_papers_own_town_is_read_from_its_name():
    from eventwire.places.masthead import masthead
    assert masthead("parisledger.com", ["paris", "henry county"]).name == "paris"
    assert masthead("news.macon.com", ["macon"]).name == "macon"
    assert masthead("The Tyler Courier", ["tyler"]).name == "tyler"
    assert masthead("thisisoxfordshire.co.uk", ["oxford"]) is None          # "thisis…" does not open with it
    assert masthead("oxfordmail.co.uk", ["oxford"]).country == "GBR"
    assert masthead("nytimes.com", ["ny"]) is None                          # too short to be a town
    assert masthead("parisledger.com", ["london"]) is None                  # the story must name the town
    assert masthead(None, ["paris"]) is None


def test_a_local_paper_means_its_own_town(pipe):
    text = "The Paris City Council met on Tuesday. The man was flown from Paris to a hospital in Memphis."
    home = {p.name: p for p in pipe.code(text, published="2009-03-02", source="parispostintelligencer.com").places}
    assert home["Paris"].country == "USA" and home["Paris"].admin1 == "US-TN"      # Memphis is in Tennessee
    far = {p.name: p for p in pipe.code("Talks resumed in Paris on Tuesday.", published="2009-03-02",
                                        source="example.com").places}
    assert far["Paris"].country == "FRA"                                # any other source: the capital
