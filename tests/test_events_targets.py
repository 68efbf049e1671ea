"""Events: targets named inside or near the event's object phrase (owner, nationality, place, reciprocal).

News-style sentences written for these tests. Actors are judged by the words of their name and mentions,
as shared/eval/score.py does.
"""
from __future__ import annotations


import pytest

from event_support import words, find


def test_relative_clause_object_is_the_antecedent(code):
    rec = code("Kenya's government said it would deport foreign journalists it accused of spreading false reports.")
    assert find(rec, "ACCUSE", source="kenya", target="journalists")


def test_target_phrase_naming_nobody_falls_back_to_the_objects_owner(code):
    # "in protest" is a target phrase of the verb but names nobody; the object's "from Russia" does
    rec = code("Poland recalled its ambassador from Russia on Friday in protest over the missile strike.")
    assert find(rec, "SANCTION", source="poland", target="russia")


@pytest.mark.parametrize("text", [
    "India and Pakistan accused each other of violating the ceasefire.",
    "India and Pakistan each accused the other side of firing first.",
])
def test_reciprocal_object_makes_coordinated_subjects_act_on_each_other(code, text):
    rec = code(text)
    assert find(rec, "ACCUSE", source="india", target="pakistan")
    assert find(rec, "ACCUSE", source="pakistan", target="india")


def test_the_other_side_with_one_subject_names_nobody(code):
    rec = code("Russia accused the other side of attacking the power plant.")
    assert [e.target for e in find(rec, "ACCUSE", source="russia")] == [None]


def test_subject_of_a_gerund_object_is_the_target(code):
    rec = code("Greece agreed on Monday to drop its objections to North Macedonia joining the European Union.")
    assert find(rec, "AGREE", source="greece", target="macedonia")


@pytest.mark.parametrize("text", [
    "Israeli warplanes fired missiles at what the military called a Hezbollah weapons depot.",
    "Israeli warplanes struck what the military described as a Hezbollah weapons depot.",
])
def test_free_relative_names_the_target(code, text):
    rec = code(text)
    assert find(rec, "ASSAULT", source="israeli", target="hezbollah")


def test_settlement_under_attack_is_the_target(code):
    # "the town of X": any spelling of a known city will do; the subject of "under attack" is what is attacked
    rec = code("The town of Vuhledar has been under heavy attack by Russian troops for weeks.")
    assert find(rec, "ASSAULT", source="russian", target="ukraine")


@pytest.mark.parametrize("text", [
    "Beijing banned Japanese seafood imports on Thursday.",
    "Beijing halted imports of Japanese seafood on Thursday.",
])
def test_nationality_of_banned_goods_names_the_target(code, text):
    rec = code(text)
    assert find(rec, "SANCTION", source="china", target="japan") or find(rec, "SANCTION", source="beijing", target="japan")


def test_place_inside_the_objects_of_phrase_is_the_target(code):
    rec = code("The ICC opened a probe into allegations of war crimes in Sudan's Darfur region.")
    assert find(rec, "ACCUSE", target="sudan")


def test_place_on_the_object_itself_is_a_venue_not_a_target(code):
    rec = code("Xi Jinping and Dina Boluarte discussed trade ties in Lima.")
    assert find(rec, "CONSULT", source="xi", target="boluarte")


def test_western_names_the_west_as_target(code):
    rec = code("Beijing dismissed Western demands to release the activists.")
    assert find(rec, "REJECT", target="western")


@pytest.mark.parametrize("text", [
    "Niger rejected a plan by the West African bloc to send troops.",
    "Protests spread across Western Europe on Saturday.",
])
def test_west_inside_a_longer_name_is_not_the_west(code, text):
    rec = code(text)
    assert not any(a.name == "the West" for a in rec.actors)


def test_admission_takes_the_target_of_the_admitted_act(code):
    rec = code("Russia admitted on Monday that its navy had mistakenly sunk a Turkish cargo ship.")
    assert find(rec, "CONCEDE", source="russia", target="turkish")


def test_speakers_own_forces_in_a_warning_are_not_its_target(code):
    rec = code("Iran warned that its forces would respond to any attack.")
    assert not [e for e in rec.events if e.type == "THREATEN" and "forces" in words(rec, e.target)]


def test_what_a_country_is_let_into_receives_it(code):
    rec = code("Turkey allowed aid convoys into Syria on Monday.")
    assert find(rec, "RETREAT", source="turkey", target="syria")


def test_refused_accord_targets_whom_it_lets_act(code):
    rec = code("Russia refused to renew a deal allowing Ukraine to export grain through the Black Sea.")
    assert find(rec, "REJECT", source="russia", target="ukraine")


def test_refused_resolution_does_not_target_whom_it_condemns(code):
    rec = code("The United States refused to back a resolution condemning Israel.")
    assert not find(rec, "REJECT", target="israel")


def test_protest_against_the_countrys_policy_targets_its_government(code):
    rec = code("Farmers in France blocked roads on Monday to protest against the country's new pension law.")
    assert find(rec, "PROTEST", source="farmers", target="france")


def test_the_countrys_economy_is_no_actor(code):
    rec = code("Inflation in Egypt hit a record as the country's economy slowed.")
    assert not any("country" in words(rec, a.id) for a in rec.actors)


@pytest.mark.parametrize("text", [
    "Israel withdrew its troops on Sunday.",
    "Armenia pulled back its forces on Sunday.",
])
def test_own_forces_moved_are_not_the_target(code, text):
    rec = code(text)
    assert [e.target for e in rec.events if e.type == "RETREAT"] == [None]


def test_national_counterpart_is_that_countrys_government(code):
    rec = code("The Indian foreign minister met his Russian counterpart in Moscow on Tuesday.")
    assert find(rec, "CONSULT", source="indian", target="russian")


def test_condemning_a_told_act_is_aimed_at_its_doer(code):
    rec = code("Militants attacked a police station in Peshawar on Friday. Pakistan's prime minister condemned the attack.")
    assert find(rec, "ACCUSE", source="pakistan", target="militants")


def test_condemning_an_act_not_told_names_nobody(code):
    rec = code("Russia condemned the attack on Monday.")
    assert [e.target for e in find(rec, "ACCUSE", source="russia")] == [None]


def test_a_rivers_bank_is_no_business(code):
    rec = code("Ukrainian troops crossed to the left bank of the Dnieper on Monday.")
    assert not any(a.sector == "BUS" for a in rec.actors)


def test_demand_for_a_release_is_made_of_the_captor(code):
    rec = code("The United Nations demanded the release of opposition leader Ousmane Sonko, who was arrested by police "
               "on Friday.")
    assert find(rec, "REQUEST", source="united", target="police")


def test_demand_for_a_release_with_no_captor_told_keeps_the_captive(code):
    rec = code("The EU demanded the release of the journalist Evan Gershkovich.")
    assert not find(rec, "REQUEST", target="police")
