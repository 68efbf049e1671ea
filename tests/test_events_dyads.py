"""Sources and targets the story gives without naming them at the act (events/implied.py), and actors'
countries and sectors from the knowledge base's organisations and role nouns."""
from __future__ import annotations

from event_support import claims, find, words


def test_agentless_arrest_is_made_by_the_storys_police(code):
    rec = code("Police in Lucknow said the market was calm on Sunday. Twelve shopkeepers were arrested after a "
               "brawl outside the mosque.")
    arrests = claims(rec, "COERCE")
    assert arrests, rec.events
    police = rec.actor(arrests[0].source)
    assert police is not None and police.sector == "COP" and police.country == "IND"
    assert "story's police" in arrests[0].reason


def test_hostages_are_not_taken_by_the_police(code):
    rec = code("Police said gunmen stormed a bank in the city. Nine clerks were held hostage for six hours.")
    assert not [e for e in rec.events if e.type == "COERCE" and e.source is not None
                and rec.actor(e.source).sector == "COP"]


def test_agentless_arrest_without_police_in_the_story_stays_without_source(code):
    rec = code("Twelve shopkeepers were arrested after a brawl outside the mosque in Lucknow.")
    assert all(e.source is None for e in rec.events if e.type == "COERCE")


def test_bare_police_take_the_country_of_the_storys_places(code):
    # lower case, as some wire feeds send it: no named country, only places
    rec = code("lucknow: police fired tear gas at stone-throwing youths near the station on monday, and the "
               "curfew in kanpur and agra was extended by two days. police said the situation in the three "
               "cities was tense but under control, and more police would be sent to kanpur.")
    police = [a for a in rec.actors if a.sector == "COP"]
    assert police and all(a.country == "IND" for a in police)


def test_role_nouns_and_historical_bodies_have_sectors(code):
    rec = code("Settlers marched to the square. The mourners at the cemetery demanded justice. The European Community imposed "
               "an embargo on the regime, and fundamentalists denounced the decision.")
    by_word = {w: a for a in rec.actors for w in words(rec, a.id)}
    assert by_word["settlers"].sector == "CVL" and by_word["mourners"].sector == "CVL"
    ec = next(a for a in rec.actors if "european community" in a.name.lower())
    assert ec.country == "IGO" and ec.sector == "IGO"
    assert by_word["fundamentalists"].sector == "RAD"
    assert find(rec, "SANCTION", source="european")


def test_recipient_through_the_carried_noun_or_an_unlisted_preposition(code):
    rec = code("The rebels issued an ultimatum to Peru on Tuesday.")
    assert find(rec, "THREATEN", target="peru"), rec.events
    rec = code("Norway suspended its development aid to Peru.")
    assert find(rec, "SANCTION", source="norway", target="peru"), rec.events
    rec = code("The Danish prime minister will host a lunch for Emmanuel Macron next week.")
    assert [e for e in rec.events if e.type in ("CONSULT", "AGREE") and "macron" in words(rec, e.target)]


def test_recipient_fallback_leaves_means_and_places_alone(code):
    rec = code("Soldiers attacked the village with mortars and drones from Peru.")
    assert not find(rec, "ASSAULT", target="peru")
    rec = code("Peru deployed two brigades to its border with Bolivia.")
    assert not [e for e in rec.events if e.type == "MOBILIZE" and "brigades" in words(rec, e.target)]


def test_unknown_name_does_not_take_the_country_of_a_nearer_other_party(code):
    rec = code("Russia warned on Monday that Japan would regret it if Senator Hiroshi Tanabe-Okoro visited "
               "the disputed islands.")
    name = next(a for a in rec.actors if "okoro" in words(rec, a.id))
    assert name.country is None
    # with only the story's country around, the story's country is still the best guess
    rec = code("Peru's congress met on Monday. Lawmakers voted to remove Interior Minister Rosa Quispe-Tanaka.")
    name = next(a for a in rec.actors if "tanaka" in words(rec, a.id))
    assert name.country == "PER"


def test_a_curfew_in_a_place_is_aimed_at_its_people_even_by_their_own_government(code):
    rec = code("The army imposed a curfew in Montenegro on Friday.")
    ev = claims(rec, "COERCE")
    assert ev and rec.actor(ev[0].target) is not None
    people = rec.actor(ev[0].target)
    assert people.country == "MNE" and people.sector == "CVL" and people.mentions[0].text == "Montenegro"
    rec = code("Officials eased the curfew in Amman on Sunday as shops reopened.")
    assert [e for e in rec.events if e.type == "CONCEDE" and "amman" in words(rec, e.target)]


def test_crowd_control_and_arrest_wordings_are_police_acts(code):
    rec = code("Riot police lobbed tear gas shells at the crowd outside the stadium in Nairobi.")
    assert find(rec, "ASSAULT", source="police"), rec.events
    rec = code("Police lathicharged the students near the college gate.")
    assert find(rec, "ASSAULT", source="police", target="students"), rec.events
    rec = code("Eleven men were nabbed by the police in Pune on Friday.")
    assert find(rec, "COERCE", source="police"), rec.events
    # a book is not an arrest, nor is firing a manager
    rec = code("The minister booked a flight to Delhi and the company fired its manager.")
    assert not [e for e in rec.events if e.type in ("COERCE", "ASSAULT")]


def test_harm_in_someones_firing_is_theirs(code):
    rec = code("Police said the town was tense. Two persons were killed in police firing in Indore on Friday.")
    assert [e for e in claims(rec, "ASSAULT") if rec.actor(e.source) is not None
            and rec.actor(e.source).sector == "COP"], rec.events
    # no firing named, no doer
    rec = code("Police said the town was tense. Two persons were killed in Indore on Friday.")
    assert not [e for e in claims(rec, "ASSAULT") if e.source is not None]


def test_an_arrest_with_no_party_named_is_kept_when_the_story_has_police(code):
    rec = code("Police patrolled the old city. About seventeen volunteers who tried to enter the town were "
               "arrested on Sunday.")
    assert [e for e in claims(rec, "COERCE") if rec.actor(e.source) is not None
            and rec.actor(e.source).sector == "COP"], rec.events


def test_plural_governments_are_not_the_storys_government(code):
    rec = code("Several governments have sent emergency supplies and doctors to Nepal.")
    assert not [a for a in rec.actors if "governments" in words(rec, a.id)]
    aid = [e for e in rec.events if e.type == "AID"]
    assert aid and all(e.source is None or rec.actor(e.source).country != "NPL" for e in aid)


def test_a_ceasefire_in_a_place_is_aimed_at_the_place_s_country(code):
    rec = code("Egypt and Qatar declared a truce in Aleppo on Friday.")
    targets = {e.target for e in rec.events if e.type in ("CONCEDE", "AGREE")}
    assert len(targets) == 1 and rec.actor(targets.pop()).country == "SYR"


def test_strikes_on_a_place_abroad_are_aimed_at_its_country(code):
    rec = code("Turkish drones struck a depot in northern Iraq on Sunday.")
    e = next(e for e in rec.events if e.type == "ASSAULT")
    assert rec.actor(e.target).country == "IRQ"


def test_a_curfew_lifted_at_home_has_no_foreign_target(code):
    rec = code("The Kenyan government lifted the curfew in Nairobi on Monday.")
    assert all(e.target is None or rec.actor(e.target).country != "KEN" or rec.actor(e.target).sector == "CVL"
               for e in rec.events)


def test_national_agencies_and_earlier_leaders_are_known(code):
    rec = code("The CIA shared intelligence with Jordan on Monday. Gorbachev met Chancellor Kohl in Bonn.")
    share = next(e for e in rec.events if e.type in ("COOPERATE", "AID"))
    assert rec.actor(share.source).country == "USA" and rec.actor(share.source).sector == "SPY"
    meet = next(e for e in rec.events if e.type in ("CONSULT", "AGREE"))
    assert rec.actor(meet.source).country == "RUS"


def test_a_rejection_is_aimed_at_the_party_its_object_names(code):
    rec = code("Peru's opposition rejected the claim that President Dina Boluarte had won the runoff.")
    e = next(e for e in rec.events if e.type == "REJECT")
    assert e.target is not None and "Boluarte" in rec.actor(e.target).name


def test_suspects_detained_are_the_arrest_s_target(code):
    rec = code("Police in Nairobi detained six suspects on Tuesday after the robbery of a bank.")
    e = next(e for e in rec.events if e.type == "COERCE")
    assert e.target is not None and rec.actor(e.target).sector == "CRM"


def test_forces_massed_in_a_place_abroad_are_aimed_at_its_country(code):
    rec = code("Turkey massed more troops in northern Iraq on Sunday.")
    e = next(e for e in rec.events if e.type == "MOBILIZE")
    assert e.target is not None and rec.actor(e.target).country == "IRQ"
