"""Place roles: every toponym is on record with how its sentence uses it; only locations place events."""
from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.record import Record
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline                  # conftest's: one pipeline for the whole session


def code(pipe: Pipeline, text: str) -> Record:
    return pipe.code(text, published="2022-06-01")


def by_name(rec: Record) -> dict:
    return {p.name: p for p in rec.places}


def test_modifiers_are_recorded_with_their_role(pipe):
    p = by_name(code(pipe, "The Birmingham company opened a new factory in Leeds last week."))
    assert p["Leeds"].role == "locative"
    assert p["Birmingham"].role == "modifier" and p["Birmingham"].country == "GBR"


def test_a_country_used_for_its_government_without_acting_is_metonymic(pipe):
    p = by_name(code(pipe, "The minister announced new sanctions on Iran after protests in Tehran."))
    assert p["Tehran"].role == "locative"
    assert p["Iran"].role == "metonymic"


def test_an_acting_country_is_a_metonymic_place_unless_turned_off(pipe):
    text = "Norway condemned the raid, and Sweden's envoy left the talks in Vienna."
    q = by_name(code(pipe, text))
    assert q["Norway"].role == "metonymic" and q["Sweden"].role == "metonymic" and q["Vienna"].role == "locative"
    actors_only = Pipeline(Settings(place_agents=False))
    p = by_name(actors_only.code(text, published="2022-06-01"))
    assert "Norway" not in p and "Sweden" not in p and p["Vienna"].role == "locative"


def test_a_place_named_both_ways_takes_the_most_literal_role(pipe):
    p = by_name(code(pipe, "Floods hit Kenya on Monday. The Kenya Red Cross said aid would reach Kenya soon."))
    assert p["Kenya"].role == "locative" and len(p["Kenya"].mentions) >= 2


def test_events_are_placed_only_at_locations(pipe):
    rec = code(pipe, "Police in Lyon arrested twelve protesters on Sunday, the Paris newspaper Le Monde reported.")
    places = {pl.id: pl for pl in rec.places}
    assert by_name(rec)["Paris"].role == "modifier"
    placed = [e for e in rec.events if e.place]
    assert placed and all(places[e.place].role == "locative" for e in placed)


def test_records_without_roles_still_load():
    rec = Record.from_dict({"doc_id": "old", "text": "In Oslo.",
                            "places": [{"id": "P1", "name": "Oslo", "country": "NOR", "kind": "city"}]})
    assert rec.places[0].role == "locative"


def test_datelines_are_places_with_their_role_and_place_no_event(pipe):
    rec = code(pipe, "Storm hits coast\nHALIFAX, N.S. (CP) — Police arrested four men after a brawl in Dartmouth "
                     "on Saturday.")
    p = by_name(rec)
    assert p["Halifax"].country == "CAN" and p["Halifax"].role == "dateline"
    placed = {e.place for e in rec.events if e.place}
    assert all(pl.role == "locative" for pl in rec.places if pl.id in placed)
    mid = by_name(code(pipe, "Fire guts barn. DAYTON -- Firefighters spent the night at a farm outside town."))
    assert mid["Dayton"].role == "dateline" and mid["Dayton"].country == "USA"


def test_a_state_or_country_opening_an_organisation_name_is_a_modifier(pipe):
    p = by_name(code(pipe, "The Ohio Department of Health reported 12 new cases on Tuesday. "
                           "Arizona State University closed its labs."))
    assert p["Ohio"].role == "modifier" and p["Ohio"].country == "USA"
    assert "Arizona" not in p                      # a university's name, not the state
