"""PLOVER's conventions for acts that are refused, announced, promised, demanded or denied (conventions.py,
obligations.py), and riots (riots.py), on sentences written for these tests, coded by the real pipeline."""
from __future__ import annotations

import pytest

from eventwire.events.lexicon import parse_line


def claimed(rec, etype=None):
    """Events the record claims happened (not negated, not hypothetical)."""
    return [e for e in rec.events if not e.negated and not e.hypothetical and (etype is None or e.type == etype)]


def actor_country(rec, actor_id):
    a = rec.actor(actor_id)
    return a.country if a is not None else None


def test_refusal_is_reject_not_the_refused_act(code):
    rec = code("Finance Minister Karl Berger of Austria declined to resign on Monday.")
    assert [e.type for e in claimed(rec)] == ["REJECT"]


def test_failing_to_reach_a_deal_is_reject(code):
    rec = code("Serbia and Kosovo failed to reach an agreement on the border on Tuesday.")
    assert claimed(rec, "REJECT") and not claimed(rec, "AGREE")


def test_announced_expulsion_is_threaten_by_the_speaker(code):
    rec = code("Poland said on Friday it will expel three Belarusian diplomats next week.")
    threats = claimed(rec, "THREATEN")
    assert threats and actor_country(rec, threats[0].source) == "POL"
    assert not claimed(rec, "SANCTION")


def test_stated_intent_to_release_is_agree(code):
    rec = code("The Colombian rebels of the ELN said they will release the two kidnapped engineers.")
    assert claimed(rec, "AGREE") and not claimed(rec, "RETREAT")


def test_promised_withdrawal_stays_concede(code):
    rec = code("Russia promised to withdraw its troops from the border area with Finland.")
    assert claimed(rec, "CONCEDE") and not claimed(rec, "RETREAT")


def test_must_said_of_another_actor_is_request(code):
    rec = code("Germany said on Wednesday that Iran must stop enriching uranium.")
    asks = claimed(rec, "REQUEST")
    assert len(asks) == 1
    assert (actor_country(rec, asks[0].source), actor_country(rec, asks[0].target)) == ("DEU", "IRN")


def test_must_said_of_oneself_is_no_request(code):
    rec = code("Chancellor Olaf Scholz of Germany said we must stay united.")
    assert not claimed(rec, "REQUEST")


def test_denied_act_is_not_claimed(code):
    rec = code("The Sudanese army denied that its soldiers had opened fire on the crowd in Khartoum.")
    assert not claimed(rec, "ASSAULT")


def test_violence_by_demonstrators_is_a_riot(code):
    rec = code("Demonstrators clashed with Greek police outside the parliament in Athens on Thursday.")
    riots = claimed(rec, "PROTEST")
    assert riots and riots[0].mode == "riot"


def test_a_clash_with_a_crowd_also_codes_the_crowds_riot(code):
    rec = code("Police in Nairobi clashed with hundreds of protesters near the parliament on Tuesday.")
    riots = [e for e in claimed(rec, "PROTEST") if e.mode == "riot"]
    assert riots and all(e.cameo == "145" for e in riots)
    assert any("protesters" in rec.actor(e.source).name.lower() for e in riots if e.source)


def test_riot_words_are_data_with_every_form_of_clash():
    from eventwire.events.riots import load_riot_words
    words = load_riot_words()
    assert {"clash", "clashed", "clashes", "clashing"} <= words.clash_words
    assert {"rioters", "protesters", "mob"} <= words.rioting_crowds


def test_word_classes_expand_in_lexicon_lines():
    classes = {"cash": ("money", "funds"), "goods": ("food",)}
    e = parse_line("give +$cash|$goods|tents; cameo=071", kind="verb", type_="AID", cameo="070", to=("to",),
                   classes=classes)
    assert e.obj == ("money", "funds", "food", "tents")
    assert e.text == "give +$cash|$goods|tents; cameo=071"      # `reason` shows the line as written
    with pytest.raises(ValueError, match="unknown word class"):
        parse_line("give +$nothing", kind="verb", type_="AID", cameo="070", to=(), classes=classes)


@pytest.mark.parametrize("text, etype", [
    ("Japan gave 20 million dollars to Sri Lanka on Monday.", "AID"),
    ("The Dutch government returned the stolen paintings to Italy.", "RETREAT"),
    ("Canada lifted sanctions on Belarus on Tuesday.", "RETREAT"),
    ("Norway reduced its aid to Mali after the coup.", "SANCTION"),
    ("Hungary violated the European Union's ban on Russian oil imports.", "REJECT"),
])
def test_lexicon_classes_of_verbs(code, text, etype):
    assert claimed(code(text), etype)


def test_reported_pronoun_gives_no_doer_to_an_event_noun(code):
    rec = code("The United States said it would review the easing of oil sanctions on Venezuela.")
    assert not claimed(rec, "SANCTION")


def test_live_rounds_at_a_crowd_are_no_crowd_control(code):
    rec = code("Sudanese soldiers fired live rounds at the crowd in Khartoum on Saturday.")
    assert all(e.mode != "crowd-control" for e in claimed(rec, "ASSAULT"))


def test_rounds_fired_by_police_are_an_assault(code):
    rec = code("Police in Ahmedabad fired twelve rounds to disperse the crowd on Monday.")
    assert any(e.mode == "firearms" for e in claimed(rec, "ASSAULT"))
