"""Place precision: names that are no place (continents, oceans) stay off the record, a country's own name
is the country, and a world city is not moved to a village of the story's country. Sentences written here."""
from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.places.world_regions import is_world_region


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline                  # conftest's: one pipeline for the whole session


def places(pipe: Pipeline, text: str) -> dict:
    return {p.name: p for p in pipe.code(text, published="2021-03-09").places}


# ---- continents, world regions, oceans ------------------------------------------------------------
def test_world_region_names_with_and_without_a_compass_word():
    assert is_world_region("Europe") and is_world_region("Latin America")
    assert is_world_region("America", "North") and is_world_region("Atlantic", "north")
    assert not is_world_region("Atlantic", region_noun="County")      # "Atlantic County" is a county
    assert not is_world_region("South Africa") and not is_world_region("America")


def test_a_continent_is_not_the_country_inside_its_name(pipe):
    p = places(pipe, "The shipping firm expanded its routes across North America and South America last year, "
                     "opening depots in Ohio and in Peru.")
    assert "United States" not in p                                 # "North" + America is not the US
    assert not any("America" in name for name in p)
    assert {"Ohio", "Peru"} <= set(p)


def test_an_ocean_is_not_a_county_of_the_same_name(pipe):
    p = places(pipe, "The storm formed over the Atlantic and reached Florida on Sunday, where Miami airport "
                     "closed.")
    assert not any("Atlantic" in name for name in p)
    assert "Florida" in p


def test_south_africa_is_still_a_country(pipe):
    p = places(pipe, "The vaccine trial was run in South Africa and in northern Europe.")
    assert p["South Africa"].kind == "country" and p["South Africa"].country == "ZAF"
    assert not any("Europe" in name for name in p)


# ---- a country's own name -------------------------------------------------------------------------
def test_a_country_name_beats_a_foreign_county_of_that_name(pipe):
    p = places(pipe, "Health officials in Ohio and Texas said a traveller who had returned from Lebanon and "
                     "Switzerland tested positive.")
    assert p["Lebanon"].country == "LBN" and p["Lebanon"].kind == "country"
    assert p["Switzerland"].country == "CHE"


def test_a_region_noun_still_names_the_state(pipe):
    p = places(pipe, "Gunmen attacked a village in Niger State, in central Nigeria, on Friday.")
    niger = next(pl for name, pl in p.items() if pl.country == "NGA" and pl.kind == "region")
    assert "Niger" in niger.name


# ---- world cities and the story's country ----------------------------------------------------------
def test_a_world_city_is_not_moved_to_a_village_of_the_storys_country(pipe):
    p = places(pipe, "The Nevada company, based in Reno, said its chief executive would fly to London next "
                     "week to meet investors.")
    assert p["London"].country == "GBR"
    assert "far bigger namesake" in p["London"].reason


def test_a_named_state_keeps_its_small_town(pipe):
    p = places(pipe, "Flooding closed roads across Kentucky on Monday. In London, the county jail was "
                     "evacuated, officials said.")
    assert p["London"].country == "USA" and abs(p["London"].lon + 84.08) < 0.5


def test_the_gulf_and_a_pacific_region_are_no_places(pipe):
    p = places(pipe, "Shipping insurers raised rates for tankers in the Gulf, and airlines cut flights across "
                     "the Pacific region, officials in Texas said.")
    assert not any("Gulf" in name or "Pacific" in name for name in p)


# ---- names that are no town -------------------------------------------------------------------------
def test_a_surname_of_the_story_is_the_person_not_a_town(pipe):
    p = places(pipe, "Investors sued broker William Mark Heiden last year. Several complaints involved Heiden's "
                     "advice on energy stocks, regulators in Ohio said.")
    assert "Heiden" not in p                  # the parser tags the lone surname as a place (a German town)
    assert "Ohio" in p
    p = places(pipe, "The court heard that Jessica Somerville, 31, had moved to Ohio. Somerville told the jury "
                     "she had never met him.")
    assert "Somerville" not in p


def test_a_surname_used_as_a_location_stays_a_place(pipe):
    p = places(pipe, "Mayor Anna Tyler opened the new library on Friday. Residents gathered in Tyler from across "
                     "Texas for the event.")
    assert p["Tyler"].country == "USA"


def test_the_first_word_of_an_x_of_y_name_is_not_a_town(pipe):
    p = places(pipe, "She studied economics at the University of Kent and later worked at the Bank of England "
                     "in London.")
    assert "University" not in p and not any(pl.name.lower().startswith("b") and pl.country == "IND"
                                             for pl in p.values())
    assert p["London"].country == "GBR"


# ---- a town and the district it fills ---------------------------------------------------------------
def test_washington_dc_is_one_place_named_by_the_whole_phrase(pipe):
    p = places(pipe, "Thousands of nurses marched in Washington, D.C., on Saturday to demand higher pay.")
    assert "District of Columbia" not in p
    assert [m.text for m in p["Washington"].mentions] == ["Washington, D.C."]


def test_a_state_qualifier_is_still_a_place_of_its_own(pipe):
    p = places(pipe, "A chemical plant near Dover, Del., was evacuated on Tuesday.")
    assert p["Delaware"].kind == "region" and [m.text for m in p["Delaware"].mentions] == ["Del."]
    assert p["Dover"].country == "USA"


# ---- a big city that opens an organisation's name -----------------------------------------------------
def test_a_newspaper_named_for_a_city_names_the_city_not_the_state(pipe):
    p = places(pipe, "The Washington Post reported on Monday that the talks in Ohio had stalled.")
    assert p["Washington"].kind == "city" and p["Washington"].role == "modifier"
    assert abs(p["Washington"].lon + 77.04) < 0.2


def test_state_after_the_name_keeps_the_state(pipe):
    p = places(pipe, "The New York State Police closed the highway after the crash.")
    assert p["New York"].kind == "region" and p["New York"].role == "modifier"
    p = places(pipe, "The Minnesota Department of Transportation closed the bridge.")
    assert p["Minnesota"].kind == "region"


def test_a_foreign_city_opening_a_local_name_needs_its_country_in_the_story(pipe):
    p = places(pipe, "The Athens Police Department arrested a 33-year-old man on Tuesday after a fight outside "
                     "a bar, the sheriff in Clarke County, Georgia, said.")
    assert not any(pl.country == "GRC" for pl in p.values())


# ---- disease names ----------------------------------------------------------------------------------
def test_a_place_inside_a_disease_name_is_no_place(pipe):
    p = places(pipe, "Health officials in Texas confirmed three cases of West Nile virus and one of Lassa "
                     "fever on Thursday.")
    assert not any("Nile" in name or "Lassa" in name for name in p)
    assert "Texas" in p


def test_an_outbreak_in_a_country_keeps_the_country(pipe):
    p = places(pipe, "Farmers feared the UK outbreak would spread to Ireland within weeks.")
    assert p["United Kingdom"].country == "GBR"


# ---- a capitalised compass word makes a name of its own ------------------------------------------------
def test_a_named_region_is_not_a_foreign_province_of_its_last_word(pipe):
    p = places(pipe, "Cholera cases rose in Haiti's Central Plateau, health workers in Port-au-Prince said.")
    assert not any(pl.country == "BEN" for pl in p.values())          # Benin's Plateau department
    assert "Port-au-Prince" in p


def test_a_lower_case_direction_still_gives_the_region_and_its_country(pipe):
    p = places(pipe, "Fighting spread across eastern Libya on Sunday.")
    assert p["eastern Libya"].kind == "region" and p["Libya"].kind == "country"
