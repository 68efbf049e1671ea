"""Qualified place names: a state, province or country after a town's name picks the namesake."""
from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.places.qualify import area_of, qualifier_after


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline                  # conftest's: one pipeline for the whole session


def by_name(pipe: Pipeline, text: str) -> dict:
    return {p.name: p for p in pipe.code(text, published="2019-04-02").places}


def test_ap_abbreviations_and_full_names_are_read_as_written():
    text = "He moved to Fresno, Calif. in May, then to Oxford, North Carolina, and Perth, W.A."
    assert area_of(qualifier_after(text, text.index("Fresno") + 6)).iso == "US-CA"
    assert area_of(qualifier_after(text, text.index("Oxford") + 6)).iso == "US-NC"
    assert area_of(qualifier_after(text, text.index("Perth") + 5)).iso == "AU-WA"
    assert qualifier_after("Fresno, CALIF. x", 6) is None          # abbreviations only as written
    assert qualifier_after("Fresno, he said.", 6) is None


def test_a_state_abbreviation_picks_the_town_and_is_a_place_itself(pipe):
    p = by_name(pipe, "A fire destroyed two barns near Lebanon, Ore. on Tuesday, the sheriff said.")
    assert p["Lebanon"].country == "USA" and 44 < p["Lebanon"].lat < 45 and p["Lebanon"].lon < -122
    assert p["Oregon"].country == "USA" and [m.text for m in p["Oregon"].mentions] == ["Ore."]


def test_the_full_state_name_beats_a_bigger_namesake(pipe):
    p = by_name(pipe, "The new clinic opened in Manchester, New Hampshire, last week.")
    assert p["Manchester"].country == "USA" and abs(p["Manchester"].lon + 71.45) < 0.3
    assert "qualified by New Hampshire" in p["Manchester"].reason


def test_a_later_bare_mention_keeps_the_qualified_town(pipe):
    p = by_name(pipe, "Storms flooded streets in Paris, Texas on Sunday. Paris officials said schools stay closed.")
    assert p["Paris"].country == "USA" and len(p["Paris"].mentions) == 2


def test_a_country_qualifier(pipe):
    p = by_name(pipe, "The conference was held in Victoria, Canada, in June.")
    assert p["Victoria"].country == "CAN"


def test_a_list_of_states_is_not_a_qualified_name(pipe):
    p = by_name(pipe, "Cases were reported in Ohio, Indiana and Washington, Pennsylvania health officials said.")
    assert p["Ohio"].kind == "region" and p["Indiana"].kind == "region"


def test_a_state_named_in_the_story_picks_its_town_over_a_bigger_namesake(pipe):
    p = by_name(pipe, "Flooding closed roads across South Carolina on Monday. In Lexington, two schools "
                      "stayed shut, the county said.")
    assert p["Lexington"].country == "USA" and abs(p["Lexington"].lon + 81.24) < 0.3
    assert "named in the story" in p["Lexington"].reason



def test_a_capital_is_not_moved_to_a_smaller_namesake_by_the_story_country(pipe):
    p = by_name(pipe, "Storms hit Ohio on Monday. Roads closed in Texas, in Kentucky and in Tennessee, and "
                      "the embassy in Egypt closed. In Cairo, crowds gathered outside the parliament.")
    assert p["Cairo"].country == "EGY"
    assert "national capital" in p["Cairo"].reason


def test_a_town_with_no_namesake_vouches_for_its_state(pipe):
    p = by_name(pipe, "Police in Champaign arrested two men on Monday. In Springfield, lawmakers debated the budget.")
    assert p["Springfield"].country == "USA" and abs(p["Springfield"].lon + 89.64) < 0.2   # Illinois, not Missouri


def test_one_list_of_short_forms_serves_qualifiers_and_the_gazetteer():
    from eventwire.places.areas import admin1_aliases
    aliases = admin1_aliases()                      # what the gazetteer indexes as names of the area
    assert "Calif." in aliases["US-CA"] and "N.C." in aliases["US-NC"] and "NSW" in aliases["AU-NSW"]
    assert not any(code in aliases.get("US-OR", []) for code in ("OR", "Ore")) and "Ore." in aliases["US-OR"]
    assert "S.A." not in aliases.get("AU-SA", [])   # "Nestle S.A." is no state: a qualifier only
    assert area_of(qualifier_after("Portland, OR said", 8)).iso == "US-OR"      # postal codes after a comma
    assert area_of(qualifier_after("Adelaide, S.A. x", 8)).iso == "AU-SA"
