"""False alarms (false_alarms.py) and events kept without actors (unanchored.py), on sentences written
for these tests, coded by the real pipeline."""
from __future__ import annotations


def claimed(rec, etype=None):
    return [e for e in rec.events if not e.negated and not e.hypothetical and (etype is None or e.type == etype)]


def test_a_game_result_is_no_assault(code):
    assert not claimed(code("Ghana beat Nigeria 2-1 in the final of the regional cup on Sunday."))


def test_a_charge_into_a_race_is_no_event(code):
    assert not claimed(code("Senator Carla Mendes of Brazil charged into the race for governor on Monday."))


def test_troops_helping_their_own_people_in_a_flood_is_no_mobilization(code):
    rec = code("Floods swept northern Peru on Monday. The Peruvian army deployed troops to help families "
               "trapped by the water.")
    assert not claimed(rec, "MOBILIZE")


def test_relief_sent_abroad_after_an_earthquake_is_aid(code):
    rec = code("After the earthquake in Nepal, India sent relief supplies to Nepal on Sunday.")
    assert claimed(rec, "AID")


def test_investigating_a_crash_accuses_no_one(code):
    assert not claimed(code("Police in Ohio are investigating a crash on the interstate, officials said."), "ACCUSE")


def test_a_factory_explosion_is_an_accident(code):
    rec = code("An explosion ripped through a chemical factory in Gujarat on Monday, killing six workers.")
    assert not claimed(rec, "ASSAULT")


def test_a_bomb_at_a_factory_is_an_attack(code):
    rec = code("Militants detonated a bomb at a chemical factory in Gujarat on Monday, killing six workers.")
    assert claimed(rec, "ASSAULT")


def test_a_tanker_struck_by_a_freighter_is_no_attack(code):
    assert not claimed(code("The oil tanker Blue Star was struck by a freighter off Singapore."), "ASSAULT")


def test_the_ban_a_state_imposed_long_ago_is_background(code):
    rec = code("Alcohol poisoning has risen since authorities banned the sale of alcohol in some towns.")
    assert not claimed(rec, "COERCE")


def test_people_wounded_by_a_grenade_are_an_event_though_nobody_is_named(code):
    rec = code("Seven people were wounded when a grenade exploded at a market in Mindanao on Thursday.")
    hits = claimed(rec, "ASSAULT")
    assert hits and hits[0].source is None


def test_a_running_toll_of_clashes_is_no_new_event(code):
    rec = code("At least 40 people have been killed in a week of clashes, hospital figures showed.")
    assert not claimed(rec, "ASSAULT")


def test_officials_telling_their_own_public_to_take_shelter_is_no_event(code):
    for text in ("Floodwaters rose across the county overnight, prompting county officials to order residents "
                 "to evacuate and ask tourists to stay away.",
                 "A chemical fire burned at a depot near the port, and city officials asked residents to shelter "
                 "in place.",
                 "After the storm, the water authority urged households to boil water before drinking it."):
        assert not [e for e in code(text).events if e.type in ("REQUEST", "COERCE", "MOBILIZE")], text


def test_a_state_asking_another_to_evacuate_its_troops_is_a_request(code):
    rec = code("Turkey asked Russia on Tuesday to evacuate its soldiers from the border posts.")
    assert claimed(rec, "REQUEST") or [e for e in rec.events if e.type == "REQUEST"]
