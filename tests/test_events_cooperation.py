"""Events stage, cooperative side: reciprocal acts of coordinated parties and targets of cooperation.

Sentences written for these tests. Actors are judged by the words of their name and mentions, as in
tests/test_events.py.
"""
from __future__ import annotations


from eventwire.record import Record
from event_support import words


def pairs(rec: Record, etype: str) -> set[tuple[str, str]]:
    """(source word, target word) of the asserted events of a type, using the first word of each name."""
    out = set()
    for e in rec.events:
        if e.type != etype or e.negated or e.hypothetical:
            continue
        s, t = rec.actor(e.source), rec.actor(e.target)
        out.add((s.name.split()[0].lower() if s else None, t.name.split()[0].lower() if t else None))
    return out


# ---- reciprocal acts: one event each way between the coordinated parties ------------------------

def test_prisoner_exchange_pairs_the_parties_not_the_prisoners(code):
    rec = code("Armenia and Azerbaijan exchanged 32 detainees on Sunday.")
    assert pairs(rec, "RETREAT") == {("armenia", "azerbaijan"), ("azerbaijan", "armenia")}


def test_exchange_with_a_named_partner(code):
    rec = code("Ukraine exchanged 48 prisoners with Russia on Friday.")
    assert pairs(rec, "RETREAT") == {("ukraine", "russia")}


def test_joint_operation_against_a_third_party_is_cooperation_between_the_partners(code):
    rec = code("Niger and Chad launched a joint military operation against jihadist groups on Thursday.")
    assert pairs(rec, "COOPERATE") == {("niger", "chad"), ("chad", "niger")}


def test_joint_operation_with_a_partner_targets_the_partner(code):
    rec = code("Benin launched a joint military operation with Nigeria against smugglers on Tuesday.")
    assert pairs(rec, "COOPERATE") == {("benin", "nigeria")}


def test_shared_intelligence_is_between_the_coordinated_forces(code):
    rec = code("Tanzanian and Mozambican police shared intelligence that led to the capture of a militant commander.")
    found = {(frozenset(words(rec, e.source)), frozenset(words(rec, e.target)))
             for e in rec.events if e.type == "COOPERATE"}
    assert found, rec.events
    for s, t in found:
        assert ("tanzanian" in s and "mozambican" in t) or ("mozambican" in s and "tanzanian" in t)


def test_accusing_each_other_pairs_the_accusers(code):
    rec = code("Serbia and Kosovo accused each other of stoking tensions in the north.")
    assert pairs(rec, "ACCUSE") == {("serbia", "kosovo"), ("kosovo", "serbia")}


def test_jointly_condemning_a_third_party_keeps_it_as_target(code):
    rec = code("Britain and Canada jointly condemned Iran on Monday.")
    assert pairs(rec, "ACCUSE") == {("britain", "iran"), ("canada", "iran")}


# ---- a place stands for the target of aid let in or ground given up -----------------------------

def test_aid_let_into_a_place_targets_its_country(code):
    rec = code("Turkey allowed 30 aid convoys into Idlib on Sunday.")
    assert pairs(rec, "RETREAT") == {("turkey", "syria")}
    target = rec.actor(next(e.target for e in rec.events if e.type == "RETREAT"))
    assert target.country == "SYR" and [m.text for m in target.mentions] == ["Idlib"]


def test_aid_delivered_into_a_known_territory_takes_the_kb_country(code):
    rec = code("The World Food Programme delivered food aid into Gaza on Monday.")
    assert any(rec.actor(e.target) is not None and rec.actor(e.target).country == "PSE"
               for e in rec.events if e.type == "AID")


def test_completed_withdrawal_from_a_town_targets_its_country(code):
    rec = code("The French army finished its pullout from the town of Gao last week.")
    assert [(rec.actor(e.source).country, rec.actor(e.target).country) for e in rec.events
            if e.type == "RETREAT"] == [("FRA", "MLI")]


def test_withdrawal_from_the_sources_own_country_gets_no_place_target(code):
    rec = code("Malian troops completed their withdrawal from the town of Gao on Friday.")
    assert [rec.actor(e.target) for e in rec.events if e.type == "RETREAT"] == [None]


def test_participle_retelling_a_withdrawal_adds_no_event(code):
    rec = code("The last Belgian peacekeepers left Mali on Monday, completing a pullout ordered by the junta.")
    assert len([e for e in rec.events if e.type == "RETREAT"]) == 1


# ---- cooperation triggers ------------------------------------------------------------------------

def test_resumed_direct_flights_is_cooperation_both_ways(code):
    rec = code("Qatar and the United Arab Emirates resumed direct flights on Monday.")
    assert pairs(rec, "COOPERATE") == {("qatar", "united"), ("united", "qatar")}


def test_flights_to_a_country_target_it(code):
    rec = code("Russia resumed flights to Egypt after a six-year pause.")
    assert pairs(rec, "COOPERATE") == {("russia", "egypt")}


def test_joint_patrols_with_the_joint_word_on_a_compound(code):
    rec = code("Malaysia and Indonesia conducted joint coast guard patrols in the Strait of Malacca.")
    assert pairs(rec, "COOPERATE") == {("malaysia", "indonesia"), ("indonesia", "malaysia")}


def test_joint_air_force_drills_are_cooperation_not_mobilisation(code):
    rec = code("Pakistan and Turkey held joint air force drills last week.")
    assert pairs(rec, "COOPERATE") == {("pakistan", "turkey"), ("turkey", "pakistan")}
    assert not [e for e in rec.events if e.type == "MOBILIZE"]


def test_disbursed_funds_are_aid_to_the_recipient(code):
    rec = code("The World Bank disbursed 700 million dollars to Pakistan on Friday.")
    assert pairs(rec, "AID") == {("world", "pakistan")}


def test_refusal_takes_the_target_of_the_refused_act(code):
    rec = code("Georgia refused to recognise Abkhazia's declaration of independence.")
    assert pairs(rec, "REJECT") == {("georgia", "abkhazia")}


# ---- acts done by signing a document -------------------------------------------------------------

def test_signed_order_rejoining_a_body_is_support_by_the_signer(code):
    rec = code("Chile's president signed an order rejoining the Escazu agreement and the World Trade Organization.")
    found = [e for e in rec.events if e.type == "SUPPORT" and not e.hypothetical]
    assert found
    assert all("president" in words(rec, e.source) for e in found)
    assert {rec.actor(e.target).name for e in found} == {"World Trade Organization"}


def test_adopted_resolution_demanding_is_a_request_that_happened(code):
    rec = code("The African Union adopted a resolution demanding an immediate halt to the fighting in Sudan.")
    assert [(e.hypothetical, "african" in words(rec, e.source)) for e in rec.events if e.type == "REQUEST"] == \
        [(False, True)]


def test_a_bill_only_introduced_stays_hypothetical(code):
    rec = code("Lawmakers in Kenya introduced a bill banning foreign funding of charities.")
    assert all(e.hypothetical for e in rec.events if e.type == "COERCE")


def test_a_city_naming_an_agreement_is_not_its_party(code):
    rec = code("Brazil rejoined the Paris agreement on Monday.")
    assert not any(rec.actor(e.target) is not None and rec.actor(e.target).country == "FRA" for e in rec.events)


# ---- an aid convoy that arrives --------------------------------------------------------------------

def test_aid_convoy_reaching_a_country_is_aid_to_it(code):
    rec = code("A World Food Programme aid convoy reached eastern Chad on Saturday.")
    assert [(rec.actor(e.target).country) for e in rec.events if e.type == "AID"] == ["TCD"]


def test_aid_convoy_arriving_in_a_territory_targets_its_country(code):
    rec = code("A Red Cross aid convoy arrived in Gaza on Monday.")
    assert [(rec.actor(e.target).country) for e in rec.events if e.type == "AID"] == ["PSE"]


def test_an_attacked_aid_convoy_is_no_aid_event(code):
    rec = code("Gunmen attacked a UN aid convoy in Darfur on Sunday.")
    assert not [e for e in rec.events if e.type == "AID"]


def test_mediation_between_two_parties_is_one_event_per_mediator(code):
    rec = code("Kenya and Tanzania brokered a truce between Sudan and South Sudan on Friday.")
    found = [(rec.actor(e.source).country, rec.actor(e.target).country) for e in rec.events if e.type == "AGREE"]
    assert sorted(s for s, _ in found) == ["KEN", "TZA"]
    assert all(t in ("SDN", "SSD") for _, t in found)


def test_agreement_content_tells_the_signing(code):
    rec = code("Chile and Peru signed an agreement to share customs data at the border.")
    assert pairs(rec, "COOPERATE") == {("chile", "peru"), ("peru", "chile")}
    assert not pairs(rec, "SUPPORT")


def test_signing_without_a_coded_content_stays_support(code):
    rec = code("Chile and Peru signed a treaty on their maritime border on Monday.")
    assert pairs(rec, "SUPPORT") == {("chile", "peru"), ("peru", "chile")}


def test_taking_in_refugees_is_aid_to_them(code):
    rec = code("Chad has taken in more than 500,000 refugees from Sudan since April.")
    found = [e for e in rec.events if e.type == "AID"]
    assert [rec.actor(e.source).country for e in found] == ["TCD"]
    assert rec.actor(found[0].target).country == "SDN"


def test_promised_pullback_around_towns_targets_their_country(code):
    rec = code("Ukraine promised to reduce military activity around Kharkiv.")
    assert [(rec.actor(e.source).country, rec.actor(e.target).country if e.target else None)
            for e in rec.events if e.type == "CONCEDE"] == [("UKR", None)]      # its own city: no target
    rec = code("Russia promised to reduce military activity around Kharkiv.")
    assert [(rec.actor(e.source).country, rec.actor(e.target).country if e.target else None)
            for e in rec.events if e.type == "CONCEDE"] == [("RUS", "UKR")]


def test_delivered_air_defence_systems_are_military_aid(code):
    rec = code("Norway delivered two air defence systems to Ukraine on Tuesday.")
    assert pairs(rec, "AID") == {("norway", "ukraine")}


def test_declining_a_summit_abroad_rejects_its_host(code):
    rec = code("Brazil's president said he would not attend the summit in Tokyo next month.")
    assert [(rec.actor(e.source).country, rec.actor(e.target).country) for e in rec.events
            if e.type == "REJECT"] == [("BRA", "JPN")]


def test_joining_an_act_takes_its_target(code):
    rec = code("Canada imposed sanctions on Belarus on Monday. Norway joined the sanctions on Tuesday.")
    assert ("norway", "belarus") in pairs(rec, "SANCTION")


def test_withdrawn_troops_are_not_the_target_of_their_own_withdrawal(code):
    rec = code("Germany announced the withdrawal of its soldiers from Niger on Friday.")
    targets = [rec.actor(e.target).country for e in rec.events if e.type in ("CONCEDE", "RETREAT") and e.target]
    assert targets == ["NER"]


def test_amount_in_aid_hung_on_the_verb(code):
    rec = code("Germany provided 200 million euros in aid to Jordan on Monday.")
    assert pairs(rec, "AID") == {("germany", "jordan")}


def test_receiving_a_foreign_minister_is_a_visit_by_the_minister(code):
    rec = code("The Saudi crown prince received the Iranian foreign minister in Riyadh.")
    assert [(rec.actor(e.source).country, rec.actor(e.target).country) for e in rec.events
            if e.type == "CONSULT"] == [("IRN", "SAU")]


def test_future_aid_through_a_light_verb_is_an_agreement(code):
    rec = code("Japan will provide 500 million dollars in aid to Ukraine.")
    assert pairs(rec, "AGREE") == {("japan", "ukraine")}


def test_trading_accusations_is_an_accusation_each_way(code):
    rec = code("Pakistan and Afghanistan traded accusations over the border clashes on Sunday.")
    assert pairs(rec, "ACCUSE") == {("pakistan", "afghanistan"), ("afghanistan", "pakistan")}


def test_an_agreement_that_holds_or_collapses_is_no_new_agreement(code):
    rec = code("The ceasefire between Armenia and Azerbaijan has largely held.")
    assert not [e for e in rec.events if e.type == "AGREE"]


def test_what_leaders_discuss_is_a_topic_not_a_party(code):
    rec = code("Putin and Erdogan discussed Syria by phone on Friday.")
    assert ("putin", "syria") not in pairs(rec, "CONSULT")
    rec = code("Macron discussed Ukraine with Biden.")
    assert pairs(rec, "CONSULT") == {("emmanuel", "joe")}


def test_handing_over_hostages_is_a_release(code):
    rec = code("Hamas handed over four hostages to the Red Cross on Sunday.")
    assert [e.mode for e in rec.events if e.type == "RETREAT"] == ["release"]


def test_blocking_aid_rejects_its_giver_and_gives_no_aid(code):
    rec = code("Slovakia blocked EU aid to Moldova on Tuesday.")
    assert pairs(rec, "REJECT") == {("slovakia", "european")}
    assert not [e for e in rec.events if e.type == "AID" and not e.negated and not e.hypothetical]


def test_sanctions_lifted_on_a_country_target_it(code):
    rec = code("Washington eased sanctions on Venezuela's oil sector on Wednesday.")
    assert [rec.actor(e.target).country for e in rec.events if e.type == "RETREAT"] == ["VEN"]


def test_reopening_a_border_lets_the_neighbour_in(code):
    rec = code("Turkey reopened its border with Armenia on Saturday.")
    assert pairs(rec, "RETREAT") == {("turkey", "armenia")}


def test_the_two_countries_are_the_parties_just_named(code):
    rec = code("Bahrain and Qatar met in Riyadh on Sunday. The two countries agreed to restore diplomatic relations.")
    assert pairs(rec, "AGREE") == {("bahrain", "qatar"), ("qatar", "bahrain")}


def test_training_another_force_is_military_aid(code):
    rec = code("Turkish instructors trained Somali soldiers in Mogadishu last year.")
    assert [rec.actor(e.target).country for e in rec.events if e.type == "AID"] == ["SOM"]
    rec = code("The army trained 500 new recruits.")
    assert not [e for e in rec.events if e.type == "AID"]
