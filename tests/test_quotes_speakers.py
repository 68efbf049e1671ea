"""Quote speakers behind pronouns, cue verbs from the classes of verbs of speaking, and one utterance in
several quoted pieces — on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventwire.quotes.gender import FEMALE, MALE, GenderLexicon
from eventwire.record import span_errors


def quotes(pipeline, text):
    rec = pipeline.code(text, published="2024-03-05")
    assert span_errors(rec) == []
    return rec, [q for q in rec.quotes if q.direct]


# ---- gender from names and titles -------------------------------------------------------------
@pytest.mark.parametrize("name, gender", [
    ("Paul Ryan", MALE), ("Mrs. Clinton", FEMALE), ("Sen. Jane Roe", FEMALE), ("the congresswoman", FEMALE),
    ("Mr. Obama", MALE), ("Ryan", None), ("Jordan Smith", None), ("the company", None),
])
def test_gender_of_a_name(name, gender):
    assert GenderLexicon.load().of_name(name) == gender


def test_names_that_disagree_tell_nothing():
    assert GenderLexicon.load().of_names(["Mary Walsh", "Mr. Walsh"]) is None


# ---- pronoun speakers -------------------------------------------------------------------------
def test_she_skips_the_nearer_man(pipeline):
    rec, (q,) = quotes(pipeline, "Mary Walsh, a state senator, spoke after Tom Becker announced the budget. "
                                 '"This plan will hurt working families," she said.')
    assert "Walsh" in q.speaker_text and "Becker" not in q.speaker_text


def test_he_is_the_nearest_subject_not_the_object(pipeline):
    rec, (q,) = quotes(pipeline, "Governor Tom Becker thanked Peter Long for his work on the budget. "
                                 '"We could not have done it without the committee," he said.')
    assert "Becker" in q.speaker_text


def test_people_named_inside_the_quote_are_not_the_speaker(pipeline):
    rec, qs = quotes(pipeline, 'Anna Price, a lawyer for the tenants, spoke outside the court on Friday.\n\n'
                               '"Frank Miller promised to fix the heating and he never did. The building is '
                               'freezing," she said.')
    assert "Price" in qs[-1].speaker_text


def test_two_candidates_in_the_paragraph_before_leave_the_pronoun_unresolved(pipeline):
    rec, qs = quotes(pipeline, "John Harris and Peter Cole met in Denver on Monday. Harris leads the union "
                               "and Cole runs the company.\n\n"
                               '"We have a deal that works for everyone," he said.')
    (q,) = qs
    assert q.speaker is None and q.speaker_text == "he"
    assert "unresolved" in q.reason


def test_the_last_speaker_of_the_paragraph_before_wins_over_others_named(pipeline):
    rec, qs = quotes(pipeline, 'Union leader John Harris said the talks with Peter Cole had been hard but fair.'
                               '\n\n"We have a deal that works for everyone," he said.')
    assert "Harris" in qs[-1].speaker_text


def test_an_earlier_he_carries_the_person_on(pipeline):
    rec, qs = quotes(pipeline, 'Mayor Mark Feld spoke to residents on Monday.\n\nHe argued that the new law '
                               'was unfair to tenants and landlords alike, and Peter Long agreed with him.\n\n'
                               'He added: "Nobody asked the people who live here what they need."')
    assert "Feld" in qs[-1].speaker_text


# ---- cue verbs from the classes of verbs of speaking -------------------------------------------
@pytest.mark.parametrize("verb", ["joked", "boasted", "quipped", "lamented", "conceded", "gushed",
                                  "exclaimed", "insisted", "assured", "scoffed", "sighed", "tweeted"])
def test_verbs_of_speaking_attribute_a_quote(pipeline, verb):
    rec, (q,) = quotes(pipeline, f'"Nobody in this town has ever seen a budget like this one," Mayor Ellen '
                                 f'Park {verb}.')
    assert q.cue.text == verb and "Park" in q.speaker_text


def test_partial_quote_under_a_manner_verb(pipeline):
    rec, (q,) = quotes(pipeline, 'The senator lamented the "slow death of local newspapers" in a speech on '
                                 'Tuesday.')
    assert q.content.text == "slow death of local newspapers" and q.speaker_text == "senator"


def test_praise_puts_words_on_a_thing(pipeline):
    rec, (q,) = quotes(pipeline, 'Ellen Park praised the agreement as "a victory for every family in the '
                                 'county".')
    assert q.content.text.startswith("a victory for every family") and "Park" in q.speaker_text


# ---- one utterance, several pieces; scare quotes -----------------------------------------------
def test_quote_split_by_its_cue_is_one_quote_with_one_speaker(pipeline):
    rec, (q,) = quotes(pipeline, '"The factory will stay open," Ellen Park said on Monday. "We found the money '
                                 'and we will keep every job."')
    assert "Park" in q.speaker_text and len(q.parts) == 2
    assert q.parts[1].text == "We found the money and we will keep every job."


def test_quote_split_in_mid_sentence_is_one_quote(pipeline):
    rec, (q,) = quotes(pipeline, '"The factory will stay open," Ellen Park said, "because we found the money."')
    assert [p.text for p in q.parts] == ["The factory will stay open,", "because we found the money."]


def test_scare_quotes_are_no_quotes(pipeline):
    rec, qs = quotes(pipeline, 'The council passed its so-called "tax reforms" on Monday, and the mayor said '
                               'the self-styled "citizens committee" had no say.')
    assert qs == []


def test_short_lead_in_then_the_statement_is_one_quote_whose_content_is_the_statement(pipeline):
    rec, (q,) = quotes(pipeline, '"It is sad," Ellen Park said. "This town has lost the only factory it ever '
                                 'had."')
    assert q.content.text == "This town has lost the only factory it ever had." and "Park" in q.speaker_text
    assert [p.text for p in q.parts] == ["It is sad,", "This town has lost the only factory it ever had."]


# ---- attributions without a verb after the quote, or across a paragraph after a colon ------------
def test_quote_signed_with_a_dash_and_a_name(pipeline):
    rec, (q,) = quotes(pipeline, 'Readers wrote to us about the election.\n\n"I have voted in every election '
                                 'since 1970 and never felt this worried." ― Margaret Olsen')
    assert q.speaker_text == "Margaret Olsen" and "dash" in q.reason


def test_signature_on_its_own_line(pipeline):
    rec, (q,) = quotes(pipeline, '"We will build more houses than any government before us."\n\n- Peter Lang.\n\n'
                                 'The plan was published on Monday.')
    assert q.speaker_text == "Peter Lang"


def test_colon_points_at_a_cue_in_the_paragraph_before(pipeline):
    rec, qs = quotes(pipeline, 'The senator continued:\n\n"Nobody in this chamber has read the bill from start '
                               'to finish."')
    (q,) = qs
    assert q.cue.text == "continued" and q.speaker_text == "senator"


def test_he_inside_a_reported_clause_does_not_carry_a_person_on(pipeline):
    rec, qs = quotes(pipeline, 'Union leader John Harris spoke after the vote.\n\nHe noted that Peter Cole had '
                               'conceded he would not run again.\n\n"We have a deal that works for everyone," he said.')
    assert "Harris" in qs[-1].speaker_text


def test_speech_verb_before_a_comma_attributes_the_quote(pipeline):
    rec, (q,) = quotes(pipeline, 'Asked about the tax bill, Mayor Ellen Park boasted, "Nobody in this town has '
                                 'paid less tax than I have." Her rival, who said he was shocked, left the room.')
    assert q.cue.text == "boasted" and "Park" in q.speaker_text


def test_a_contraction_is_one_word_when_counting_a_lead_in(pipeline):
    rec, (q,) = quotes(pipeline, '"I don\'t care," Ellen Park said. "The council can vote however it likes."')
    assert q.content.text == "The council can vote however it likes."


@pytest.mark.parametrize("verb", ["barked", "retorted", "quipped"])
def test_manner_of_speaking_after_the_quote(pipeline, verb):
    rec, (q,) = quotes(pipeline, f'"Go back to your seat and wait your turn," the chairman {verb}.')
    assert q.cue.text == verb and q.speaker_text == "chairman"


def test_a_shared_family_surname_is_never_another_family_member_from_the_knowledge_base(pipeline):
    """'Clinton' or 'Bush' alone is no knowledge-base alias (two presidents, a candidate, a governor): the
    speaker is never resolved to Bill Clinton or George W. Bush when the story names someone else."""
    rec, qs = quotes(pipeline, 'Hillary Clinton spoke in Ohio on Monday. "We will fix the roads first," Clinton said.')
    assert rec.actor(qs[0].speaker).name in {"Hillary Clinton", "Clinton"}
    rec, qs = quotes(pipeline, 'Jeb Bush toured a factory. "Jobs come back when taxes go down," Bush said.')
    assert rec.actor(qs[0].speaker).name in {"Jeb Bush", "Bush"}
