"""Gazetteer: admin areas with ISO 3166-2 codes and centre points, precision, small towns, counties, named sites,
water bodies, country centres, and the on-disk cache (a real SQLite file)."""
from __future__ import annotations

import math
import sqlite3

import pytest

from eventwire.pipeline import Pipeline
from eventwire.places.gazetteer import Candidate, Gazetteer, GeoEntry, gazetteer
from eventwire.places.gazetteer_cache import CachedGazetteer, save


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    a = math.sin(r(lat2 - lat1) / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def entries(name: str, **want) -> list[GeoEntry]:
    return [c.entry for c in gazetteer().lookup(name)
            if all(getattr(c.entry, k) == v for k, v in want.items())]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def places(pipe: Pipeline, text: str) -> dict:
    return {p.name: p for p in pipe.code(text, published="2022-06-01").places}


# ---- the index ------------------------------------------------------------------------------------
def test_admin1_areas_have_iso_codes_names_and_a_centre():
    ontario = entries("Ontario", precision="admin1")
    assert [(e.country, e.admin1, e.admin1_name) for e in ontario] == [("CAN", "CA-ON", "Ontario")]
    assert km(ontario[0].lat, ontario[0].lon, 49.0, -84.5) < 300          # the province, not Toronto
    kerala = entries("Kerala", precision="admin1")[0]
    assert (kerala.country, kerala.admin1, kerala.kind) == ("IND", "IN-KL", "region")


def test_towns_carry_the_iso_code_of_their_admin1():
    boise = entries("Boise", country="USA", kind="city")[0]
    assert (boise.precision, boise.admin1, boise.admin1_name) == ("point", "US-ID", "Idaho")
    kandahar = entries("Kandahar", country="AFG", kind="city")[0]
    assert kandahar.admin1 == "AF-KAN"


def test_news_abbreviations_of_states_and_provinces_match_as_written():
    assert entries("Tenn.")[0].admin1 == "US-TN"
    assert entries("B.C.")[0].admin1 == "CA-BC"
    assert entries("Qld")[0].admin1 == "AU-QLD"
    assert not gazetteer().lookup("tenn.")                                  # only as written


def test_towns_of_a_thousand_people_are_known():
    portree = entries("Portree", country="GBR")                            # ~2,300 people, Isle of Skye
    assert portree and portree[0].population < 5_000 and km(portree[0].lat, portree[0].lon, 57.41, -6.19) < 5


def test_us_counties_and_british_counties_are_admin2_with_a_point():
    boulder = entries("Boulder County")
    assert [(e.country, e.precision, e.admin1) for e in boulder] == [("USA", "admin2", "US-CO")]
    assert km(boulder[0].lat, boulder[0].lon, 40.09, -105.36) < 100
    assert any(e.admin1 == "US-CO" for e in entries("Boulder", precision="admin2"))   # "Boulder and Weld counties"
    dorset = entries("Dorset", country="GBR", precision="admin2")
    assert dorset and dorset[0].admin1 == "GB-ENG"


def test_sites_and_water_bodies():
    kremlin = entries("Kremlin", source="site")[0]
    assert (kremlin.country, kremlin.precision) == ("RUS", "point")
    assert km(kremlin.lat, kremlin.lon, 55.75, 37.62) < 2
    black_sea = entries("Black Sea", source="water")[0]
    assert black_sea.country is None and black_sea.precision == "region"   # it belongs to no country


def test_a_country_sits_on_its_centre_not_its_capital():
    france, chile = gazetteer().country("FRA"), gazetteer().country("CHL")
    assert france.precision == "country" and km(france.lat, france.lon, 48.86, 2.35) > 200      # not Paris
    assert km(chile.lat, chile.lon, -33.45, -70.67) > 200                                    # not Santiago


# ---- records ------------------------------------------------------------------------------------------
def test_records_carry_precision_and_admin1(pipe):
    p = places(pipe, "Storms knocked out power in Ohio and flooded streets in Kandahar. "
                     "Aid was flown to Chile and to eastern Libya.")
    assert (p["Ohio"].precision, p["Ohio"].admin1, p["Ohio"].admin1_name) == ("admin1", "US-OH", "Ohio")
    kandahar = next(pl for pl in p.values() if pl.country == "AFG")       # GeoNames spells it "Kandahār"
    assert (kandahar.precision, kandahar.admin1) == ("point", "AF-KAN")
    assert (p["Chile"].precision, p["Chile"].admin1) == ("country", None)
    assert p["eastern Libya"].precision == "region"


def test_a_county_named_with_its_noun_is_admin2(pipe):
    p = places(pipe, "Wildfires forced evacuations in Boulder County, Colorado, on Tuesday.")
    county = next(pl for name, pl in p.items() if name.startswith("Boulder"))
    assert (county.precision, county.admin1, county.country) == ("admin2", "US-CO", "USA")


def test_a_seat_of_power_is_a_place_only_where_it_is_a_location(pipe):
    at = places(pipe, "Protesters gathered outside the Kremlin on Saturday, police said.")
    assert at["Kremlin"].country == "RUS" and at["Kremlin"].precision == "point"
    said = places(pipe, "The Kremlin said on Saturday that the talks had failed.")
    assert "Kremlin" not in said


def test_a_sea_is_no_country(pipe):
    p = places(pipe, "A cargo ship sank in the Black Sea after an explosion, the navy said.")
    assert p["Black Sea"].country is None and p["Black Sea"].precision == "region"


def test_a_village_needs_another_place_of_its_country(pipe):
    vouched = places(pipe, "Floods damaged homes in Portree on the Isle of Skye, and roads near Inverness in Scotland "
                           "were closed.")
    assert vouched["Portree"].country == "GBR"
    alone = places(pipe, "Officials met in Portree on Monday to discuss fishing quotas.")
    assert "Portree" not in alone


# ---- the cache ----------------------------------------------------------------------------------------
def test_the_cache_file_answers_like_the_index_it_was_written_from(tmp_path):
    g = Gazetteer()
    town = GeoEntry("Exampleton", "GBR", "city", 52.0, -1.0, 123, 4_000, "city", admin1="GB-ENG",
                    admin1_name="England")
    land = GeoEntry("Freedonia", "FRD", "country", 10.0, 20.0, 9, 1_000_000, "country", precision="country")
    g._add("Exampleton", Candidate(town, True))
    g._add("Exampletown", Candidate(town, False))
    g._exact.setdefault("FRD", []).append(Candidate(land, True))
    g.country_by_a3["FRD"] = land
    path = tmp_path / "gaz.sqlite"
    assert save(g, path) and sqlite3.connect(path).execute("SELECT count(*) FROM names").fetchone()[0] == 3
    cached = CachedGazetteer(path)
    assert cached.lookup("the Exampleton") == [Candidate(town, True)]
    assert cached.lookup("exampletown") == [Candidate(town, False)]
    assert cached.lookup("FRD")[0].entry == land and cached.lookup("frd") == []
    assert cached.country("FRD") == land and cached.country(None) is None
    assert not list(tmp_path.glob("*.tmp"))                                # written atomically


# ---- namesakes --------------------------------------------------------------------------------------
def test_the_state_the_story_names_chooses_between_namesakes(pipe):
    p = places(pipe, "Flooding closed schools in Springfield on Monday. Officials across Ohio warned of more rain.")
    springfield = p["Springfield"]                      # Missouri's and Illinois's are bigger
    assert (springfield.country, springfield.admin1) == ("USA", "US-OH") and "the story names" in springfield.reason
    county = places(pipe, "Deputies searched homes in Clarke County after storms crossed Tennessee and Alabama.")
    assert county["Clarke County"].admin1 == "US-AL"
    elsewhere = places(pipe, "Deputies searched homes in Clarke County after storms crossed Iowa.")
    assert elsewhere["Clarke County"].admin1 == "US-IA"


def test_a_famous_city_keeps_its_name_against_a_village_in_a_named_state(pipe):
    p = places(pipe, "Commuters in Boston faced delays on Friday after a storm hit upstate New York.")
    assert p["Boston"].admin1 == "US-MA"


def test_a_city_called_without_its_city_word():
    ny = [c for c in gazetteer().lookup("New York") if c.entry.population > 5_000_000]
    assert [(c.entry.name, c.main_name) for c in ny] == [("New York City", True)]


def test_the_nations_of_the_united_kingdom_are_admin1_areas():
    scotland = entries("Scotland", precision="admin1")
    assert [(e.country, e.admin1) for e in scotland] == [("GBR", "GB-SCT")]
    assert km(scotland[0].lat, scotland[0].lon, 56.5, -4.2) < 300
    assert entries("Wales", precision="admin1")[0].admin1_name == "Wales"    # not "Wales [Cymru GB-CYM]"


def test_provinces_geonames_files_at_admin2_get_a_point():
    benguet = entries("Benguet", country="PHL")                             # a Philippine province
    assert benguet and benguet[0].lat is not None and km(benguet[0].lat, benguet[0].lon, 16.5, 120.7) < 150


def test_wales_in_a_sentence_is_the_nation_not_a_yorkshire_village(pipe):
    p = places(pipe, "Heavy snow closed schools across Wales on Tuesday.")
    assert (p["Wales"].admin1, p["Wales"].precision) == ("GB-WLS", "admin1")


def test_a_forked_worker_opens_its_own_cache_connection(tmp_path):
    import multiprocessing
    import os
    g = Gazetteer()
    g._add("Exampleton", Candidate(GeoEntry("Exampleton", "GBR", "city", 52.0, -1.0, 123, 4_000, "city"), True))
    path = tmp_path / "gaz.sqlite"
    assert save(g, path)
    cached = CachedGazetteer(path)
    parent = cached._db()
    ctx = multiprocessing.get_context("fork")          # what a process pool on Linux does
    reader, writer = ctx.Pipe(duplex=False)

    def child() -> None:
        db = cached._db()
        writer.send((db is not parent, cached._pid == os.getpid(), [c.entry.name for c in cached._names("exampleton", 0)]))

    proc = ctx.Process(target=child)
    proc.start()
    got = reader.recv()
    proc.join(timeout=30)
    assert got == (True, True, ["Exampleton"]) and cached._db() is parent
