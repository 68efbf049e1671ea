"""Event types grown by whole classes (issue 14, types): peacekeeping, withdrawn peacekeepers, joint exercises
without "joint", decided acts, returned property and wildlife, giving verbs, ceasefires put into practice,
pressure, refuge, expulsions and meals. Sentences written for these tests, coded by the real pipeline."""
from __future__ import annotations

import pytest

from event_support import claims, find


@pytest.mark.parametrize("text, etype, source, target", [
    # PLOVER AID: "military protection or peacekeeping" (CAMEO 074), not a show of force
    ("Canada is deploying 250 troops to the UN peacekeeping mission in Cyprus, its defence ministry said.",
     "AID", "canada", None),
    ("Ghana announced the deployment of 400 soldiers to Lebanon on a peacekeeping mission.", "AID", "ghana", "lebanon"),
    ("The United States sent 300 troops to Kosovo to serve as a peacekeeping force.", "AID", "states", "kosovo"),
    ("The Security Council approved the deployment of an advance team to monitor the truce in Hodeidah.",
     "AID", "council", None),
    # withdrawing peacekeepers reduces relations (CAMEO 1661, SANCTION); other forces withdrawn stay RETREAT
    ("Fiji withdrew its peacekeepers from the Golan Heights after the clashes.", "SANCTION", "fiji", None),
    # two doers of one exercise hold it jointly (COOPERATE), "joint" written or not
    ("Egypt and Saudi Arabia began a new round of naval exercises in the Red Sea.", "COOPERATE", "egypt", None),
    ("The drills were staged by Indian marines and Japanese naval forces near Okinawa.", "COOPERATE", "indian", None),
    # a decision reports the decided act (CAMEO codes it), not a promise
    ("Norway decided to ease sanctions on Belarus in return for the release of prisoners.", "RETREAT", "norway", "belarus"),
    ("Peru decided to grant political asylum to the former minister.", "AID", "peru", None),
    # property and smuggled wildlife returned to their country (CAMEO 084)
    ("The Dutch government returned a stolen portrait to Poland on Monday.", "RETREAT", "netherlands", "poland"),
    ("Kenya returned the smuggled monkeys to Uganda.", "RETREAT", "kenya", "uganda"),
    # giving verbs with their classes of objects
    ("Sweden handed over $2 million worth of medical equipment to the health ministry of Chad.", "AID", "sweden", "chad"),
    ("Japan has made available tents, blankets and medical supplies to Nepal.", "AID", "japan", "nepal"),
    ("The European Union is mobilising extra funds to support reconstruction in Iraq.", "AID", "union", None),
    # a ceasefire put into practice (PLOVER RETREAT, ceasefire) or declared (CONCEDE)
    ("The Malian army said it had ceased military operations in the north of the country.", "RETREAT", "army", None),
    ("The Sudanese government declared a cessation of hostilities in Darfur on Monday.", "CONCEDE", "sudan", None),
    # pressing someone to act is a demand (REQUEST)
    ("Austrian police have been pressuring the strikers to end the blockade.", "REQUEST", "police", "strikers"),
    # people fleeing ask for protection
    ("Thousands of Eritreans have sought refuge in Ethiopia since the war began.", "REQUEST", "eritreans", None),
    # pushing people out (CAMEO 166)
    ("Iran has forced foreign aid workers out of the province.", "SANCTION", "iran", "workers"),
    # a meal with a counterpart is a meeting
    ("Macron had lunch with Chancellor Scholz in Berlin.", "CONSULT", "macron", "scholz"),
    # a sanction not renewed lapses: an easing (CAMEO 085)
    ("The United Nations failed to renew the arms embargo on Libya.", "RETREAT", "nations", "libya"),
    ("The European Union did not renew sanctions against Belarus.", "RETREAT", "union", "belarus"),
    # letting relief in is access (CAMEO 086)
    ("Sudan's government allowed humanitarian relief into the Nuba mountains.", "RETREAT", "sudan", None),
    # easing the hours of a curfew is easing it (CAMEO 081)
    ("Jordan's government has eased curfew hours in Amman and Zarqa.", "CONCEDE", "jordan", None),
    # leading a delegation abroad is a visit
    ("Senator Ayo Bello led a delegation to Moscow on Tuesday.", "CONSULT", "bello", None),
    # renewing a commitment of support
    ("The Ghanaian army reiterated its commitment to support the Togolese police.", "SUPPORT", "army", "police"),
    # the recipient's side of a gift or a promise: the giver is the source
    ("Georgian demonstrators received weapons from the Russian government.", "AID", "russia", "demonstrators"),
    ("The Kurdish parties received assurances from the Iraqi government.", "AGREE", "iraq", "parties"),
    # "let free" parsed as a clause of its own
    ("The Egyptian authorities let free six French aid workers on Tuesday.", "RETREAT", "egypt", "workers"),
    # hitting military sites is an attack
    ("The Pentagon said it hit three bases used by the Kataib Hezbollah militia in Iraq.", "ASSAULT", "pentagon", None),
])
def test_type_of_a_class(code, text, etype, source, target):
    rec = code(text)
    got = [e for e in find(rec, etype, source, target) if not e.negated and not e.hypothetical]
    assert got, [(e.type, e.source, e.target, e.reason) for e in rec.events]


def test_peacekeepers_promised_is_agree(code):
    # PLOVER/CAMEO 0334: an intent to provide peacekeeping is AGREE
    rec = code("Brazil will send troops to Haiti as part of a peacekeeping force.")
    assert find(rec, "AGREE", "brazil") and not claims(rec, "MOBILIZE")


def test_troops_deployed_without_peacekeeping_stay_mobilize(code):
    rec = code("Russia deployed 5,000 troops to the border after peacekeepers were attacked in the region.")
    assert find(rec, "MOBILIZE", "russia") and not find(rec, "AID", "russia")


def test_other_forces_withdrawn_stay_retreat(code):
    rec = code("Israel withdrew its troops from the northern town on Sunday.")
    assert find(rec, "RETREAT", "israel") and not claims(rec, "SANCTION")


def test_exercise_by_one_side_stays_mobilize(code):
    rec = code("China began three days of naval exercises near Taiwan on Saturday.")
    assert find(rec, "MOBILIZE", "china") and not claims(rec, "COOPERATE")


@pytest.mark.parametrize("text", [
    "Libya's internationally recognised government announced a ceasefire on Friday.",
    "Spain has reinforced its commitment to Moroccan refugees with a donation of 5 million euros.",
])
def test_descriptive_or_figurative_words_are_no_event(code, text):
    rec = code(text)
    assert not claims(rec, "SUPPORT") and not claims(rec, "MOBILIZE"), [(e.type, e.reason) for e in rec.events]


def test_sanction_that_will_not_be_renewed_is_no_easing_yet(code):
    rec = code("The European Union will not renew sanctions against Belarus, its foreign policy chief said.")
    assert not claims(rec, "RETREAT"), [(e.type, e.reason) for e in rec.events]


def test_figurative_hit_is_no_attack(code):
    rec = code("The new tariffs hit Chinese exporters hard last year.")
    assert not claims(rec, "ASSAULT")


def test_troops_sent_to_watch_a_border_stay_mobilize(code):
    rec = code("Turkey sent troops to monitor the border with Syria.")
    assert find(rec, "MOBILIZE", "turkey") and not claims(rec, "AID")


@pytest.mark.parametrize("text", [
    "Norway has made available doctors and medical supplies to fight the cholera outbreak in Yemen.",
    "Greek firefighters battled wildfires near Athens for a third day.",
    "Nearly 40 countries have agreed to share data under a French law that targets tax evaders.",
])
def test_fighting_a_disease_or_a_law_targeting_someone_is_no_assault(code, text):
    rec = code(text)
    assert not [e for e in rec.events if e.type == "ASSAULT"], [(e.type, e.reason) for e in rec.events]


def test_resignation_in_a_story_of_collapse_is_no_disaster_relief(code):
    rec = code("The Kyrgyz president Sooronbay Jeenbekov resigned on Thursday after the collapse of his coalition.")
    assert find(rec, "RETREAT", "jeenbekov"), [(e.type, e.reason) for e in rec.events]


@pytest.mark.parametrize("text, etype, source, target", [
    # an event noun coordinated under a light verb: its subject is the source
    ("The French military launched air and artillery strikes on Malian rebel positions on Tuesday.",
     "ASSAULT", "military", "malian"),
    # a part or a measure of the object: the object is what follows "of"
    ("The Peruvian government returned dozens of pre-Columbian artifacts to Bolivia.", "RETREAT", "peru", "bolivia"),
    ("Russia gave to Armenia some of the military equipment without payment.", "AID", "russia", "armenia"),
])
def test_object_behind_coordination_or_measure(code, text, etype, source, target):
    rec = code(text)
    assert [e for e in find(rec, etype, source, target) if not e.negated and not e.hypothetical], \
        [(e.type, e.source, e.target, e.reason) for e in rec.events]


def test_hours_of_talks_stay_the_talks(code):
    rec = code("Chinese President Xi Jinping and Brazilian President Lula held three hours of talks in Beijing.")
    assert find(rec, "CONSULT", "xi", "lula") or find(rec, "CONSULT", "lula", "xi")


@pytest.mark.parametrize("text, host", [
    ("Thousands of Eritreans have sought refuge in Ethiopia since the war began.", "ETH"),
    ("About 5,000 Malian refugees have sought refuge in Niger's Tillaberi region.", "NER"),
])
def test_refuge_is_asked_of_the_place_where_it_is_sought(code, text, host):
    rec = code(text)
    asks = [e for e in claims(rec, "REQUEST") if rec.actor(e.target) is not None]
    assert asks and rec.actor(asks[0].target).country == host, [(e.type, e.target, e.reason) for e in rec.events]


def test_disaster_aid_to_a_place_abroad_is_aid(code):
    rec = code("On Monday the Japanese government announced $5 million in assistance to people affected by the "
               "cyclone in Mozambique.")
    assert find(rec, "AID", "japan"), [(e.type, e.reason) for e in rec.events]


def test_relief_for_ones_own_flood_stays_no_event(code):
    rec = code("The Kenyan army delivered food to villages cut off by the floods in Turkana.")
    assert not claims(rec, "AID")


@pytest.mark.parametrize("text, source", [
    ("The Islamic State claimed responsibility for the bombing in Kabul.", "islamic"),
    ("Sudan's government is responsible for mass killings in the Darfur region, according to a UN report.", "sudan"),
])
def test_the_party_responsible_did_it(code, text, source):
    rec = code(text)
    assert [e for e in find(rec, "ASSAULT", source) if not e.negated and not e.hypothetical], \
        [(e.type, e.source, e.reason) for e in rec.events]


def test_a_denied_responsibility_names_no_doer(code):
    rec = code("The Taliban denied responsibility for the bombing in Kabul.")
    assert not find(rec, "ASSAULT", "taliban")


def test_aid_for_a_purpose_in_a_place_goes_to_that_place(code):
    rec = code("The European Union is mobilising additional funds to support peace building in Colombia.")
    aid = [e for e in claims(rec, "AID") if rec.actor(e.target) is not None]
    assert aid and rec.actor(aid[0].target).country == "COL", [(e.type, e.target, e.reason) for e in rec.events]
