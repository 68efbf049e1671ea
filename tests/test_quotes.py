"""Quotes: direct and indirect speech, speakers, cues and media — one news-style sentence per rule."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.quotes import find_quotes
from eventwire.quotes.lexicon import CueLexicon
from eventwire.quotes.marks import find_quoted_regions
from eventwire.record import span_errors

from conftest import SCORER, SEED


def quotes(pipeline, text, **meta):
    rec = pipeline.code(text, **meta)
    assert span_errors(rec) == []
    return rec, rec.quotes


def speaker_name(rec, q):
    a = rec.actor(q.speaker)
    return a.name if a else None


# ---- quotation marks, no parse ----------------------------------------------------------------
def test_regions_pair_straight_and_curly_marks():
    text = 'He said "we will stay" and she said “we will go”.'
    got = [text[r.start:r.end] for r in find_quoted_regions(text)]
    assert got == ["we will stay", "we will go"]


def test_region_keeps_what_is_inside_the_marks_without_white_space():
    text = '" We will stay," he said.'
    (r,) = find_quoted_regions(text)
    assert text[r.start:r.end] == "We will stay,"


def test_quote_running_over_two_paragraphs_is_one_region():
    text = '"The first part of the statement ends here.\n\n"And the second part closes it," he said.'
    (r,) = find_quoted_regions(text)
    assert text[r.start:r.end].startswith("The first part")
    assert text[r.start:r.end].endswith("closes it,")


# ---- direct quotes ---------------------------------------------------------------------------
def test_quote_then_speaker_with_apposition_and_platform(pipeline):
    rec, qs = quotes(pipeline, '"We will keep supporting the legitimate government of Libya until peace '
                               'returns," Fahrettin Altun, Turkey\'s communications director, said on Twitter.')
    (q,) = qs
    assert q.direct and q.speaker_text == "Fahrettin Altun"
    assert q.content.text.startswith("We will keep supporting") and q.content.text.endswith("peace returns,")
    assert q.cue.text == "said" and q.medium == "Twitter"
    assert "Altun" in speaker_name(rec, q)


def test_speaker_then_quote_after_colon(pipeline):
    rec, (q,) = quotes(pipeline, 'Erdogan said: "We will not allow this to happen again in our region."')
    assert q.direct and q.speaker_text == "Erdogan" and q.cue.text == "said"
    assert q.content.text == "We will not allow this to happen again in our region."


def test_quote_of_several_sentences_is_one_quote(pipeline):
    rec, qs = quotes(pipeline, '"The talks have failed. Both sides must return to the table without '
                               'conditions," the UN envoy said in Geneva.')
    assert len(qs) == 1
    assert qs[0].content.text.startswith("The talks have failed. Both sides")
    assert qs[0].speaker_text == "UN envoy"


def test_curly_quote_told_reporters(pipeline):
    rec, (q,) = quotes(pipeline, "“We have no choice but to fight,” the rebel commander told reporters on Sunday.")
    assert q.content.text == "We have no choice but to fight,"
    assert q.cue.text == "told" and q.medium == "reporters" and q.speaker_text == "rebel commander"


def test_partial_quote_inside_reported_clause(pipeline):
    rec, qs = quotes(pipeline, 'Altun said Turkey is "a capable country that can pursue terrorists in Syria '
                               'and Iraq."')
    (q,) = qs                                    # the partial quote, not also an indirect one
    assert q.direct and q.content.text.startswith("a capable country")
    assert q.speaker_text == "Altun"


def test_directive_with_quoted_request_and_statement_medium(pipeline):
    rec, (q,) = quotes(pipeline, 'The United Nations Support Mission in Libya (UNSMIL), in a statement on '
                                 'Thursday, urged the two sides to "immediately halt all military operations '
                                 'and resume talks."')
    assert q.content.text.startswith("immediately halt all military operations")
    assert q.cue.text == "urged" and q.medium == "statement"
    assert q.speaker_text == "United Nations Support Mission in Libya"


def test_interview_medium_keeps_the_outlet(pipeline):
    rec, (q,) = quotes(pipeline, '"We are ready to talk to anyone," Lavrov said in an interview with CNN on Monday.')
    assert q.medium == "interview with CNN"


def test_second_quote_without_cue_in_the_same_paragraph_is_the_same_utterance(pipeline):
    rec, qs = quotes(pipeline, '"We will not allow this," said Erdogan. "Turkey will continue to defend its '
                               'interests in the region."')
    (q,) = qs                                    # one utterance split by its attribution: one quote
    assert q.direct and q.speaker_text == "Erdogan" and q.content.text == "We will not allow this,"
    assert [p.text for p in q.parts] == ["We will not allow this,",
                                         "Turkey will continue to defend its interests in the region."]


def test_quote_opening_the_next_paragraph_is_the_same_utterance(pipeline):
    rec, (q,) = quotes(pipeline, '"We will not allow this," said Erdogan.\n\n"Turkey will continue to defend its '
                                 'interests in the region."')
    assert q.speaker_text == "Erdogan" and len(q.parts) == 2


def test_quote_after_a_paragraph_of_narration_continues_the_previous_speaker(pipeline):
    rec, qs = quotes(pipeline, '"We will not allow this," said Erdogan.\n\nHe spoke in Ankara after the cabinet '
                               'met.\n\n"Turkey will continue to defend its interests in the region."')
    qs = [q for q in qs if q.direct]
    assert len(qs) == 2 and qs[1].speaker == qs[0].speaker and qs[1].speaker_text == "Erdogan"
    assert qs[1].cue is None and "continues" in qs[1].reason and qs[1].parts == []


def test_indirect_speech_after_said(pipeline):
    rec, (q,) = quotes(pipeline, "The interior ministry said police detained at least 20 people overnight.")
    assert not q.direct and q.content.text == "police detained at least 20 people overnight"
    assert q.cue.text == "said" and q.speaker_text == "interior ministry"


def test_indirect_speech_before_the_attribution(pipeline):
    rec, (q,) = quotes(pipeline, "Militants attacked an army post near Mopti on Saturday, military sources said.")
    assert not q.direct and q.content.text == "Militants attacked an army post near Mopti on Saturday"
    assert q.speaker_text == "military sources"


def test_that_is_not_part_of_the_content(pipeline):
    rec, (q,) = quotes(pipeline, "The European Union warned on Friday that the law could block Georgia's path.")
    assert q.content.text.startswith("the law could block") and q.cue.text == "warned"


def test_directive_content_is_the_to_clause(pipeline):
    rec, (q,) = quotes(pipeline, "The United Nations urged Israel to open more crossings into Gaza.")
    assert not q.direct and q.cue.text == "urged"
    assert q.content.text == "open more crossings into Gaza"


def test_wire_dateline_is_not_part_of_the_content(pipeline):
    rec, (q,) = quotes(pipeline, "KYIV, Nov 22 (Reuters) - Russia launched dozens of missiles at Ukraine's "
                                 "energy system overnight, officials said on Wednesday.")
    assert q.content.text.startswith("Russia launched dozens of missiles") and q.speaker_text == "officials"


def test_attribution_in_the_next_paragraph_does_not_claim_a_quote(pipeline):
    rec, qs = quotes(pipeline, '"The enemy wants to leave us without light," Zelenskiy said. "We will not let '
                               'that happen."\n\nEnergy Minister German Galushchenko told reporters that crews '
                               'were working to restore supplies.')
    assert [q.direct for q in qs] == [True, False]
    assert qs[0].speaker_text == "Zelenskiy" and len(qs[0].parts) == 2
    assert qs[1].medium == "reporters" and "Galushchenko" in qs[1].speaker_text


def test_according_to(pipeline):
    rec, (q,) = quotes(pipeline, "According to the health ministry, 25 people were killed in the strike.")
    assert q.cue.text == "According to" and q.speaker_text == "health ministry"
    assert q.content.text == "25 people were killed in the strike"


def test_statement_from_x_names_x_as_speaker(pipeline):
    rec, (q,) = quotes(pipeline, "A statement from the Nigerian army said 12 soldiers had been killed in the ambush.")
    assert q.speaker_text == "Nigerian army" and q.medium == "statement"
    rec, (q,) = quotes(pipeline, "Government forces killed 40 civilians, according to a report by "
                                 "Amnesty International.")
    assert q.speaker_text == "Amnesty International" and q.medium == "report"
    assert q.content.text == "Government forces killed 40 civilians"


def test_the_statement_said_is_the_last_speaker_s_statement(pipeline):
    rec, qs = quotes(pipeline, "The Turkish defence ministry said in a statement that two soldiers were killed. "
                               '"The attack was carried out by PKK terrorists," the statement said.')
    assert len(qs) == 2 and qs[1].direct
    assert qs[1].medium == "statement" and qs[1].speaker_text == qs[0].speaker_text


def test_trailing_according_to_is_not_content(pipeline):
    rec, (q,) = quotes(pipeline, "Officials said the convoy was hit near the border, according to a statement "
                                 "from the army.")
    assert q.content.text == "the convoy was hit near the border"


def test_pronoun_speaker_takes_the_previous_speaker(pipeline):
    rec, qs = quotes(pipeline, '"The talks were constructive and frank," Sergei Lavrov told reporters in Geneva. '
                               'He added that a new round would be held in March.')
    assert len(qs) == 2 and not qs[1].direct
    assert qs[1].speaker == qs[0].speaker is not None
    assert qs[1].speaker_text == "Sergei Lavrov"          # the words naming him, not "He"


def test_requests_can_be_left_to_the_events_stage(pipeline):
    doc = pipeline.nlp("The United Nations urged Israel to open more crossings into Gaza.")
    assert [f.reason for f in find_quotes(doc, CueLexicon.load())] == ["indirect:directive"]
    quiet = CueLexicon.load()
    quiet.extend({"options": {"report_requests": False}})
    assert find_quotes(doc, quiet) == []


def test_question_then_asked(pipeline):
    rec, (q,) = quotes(pipeline, '"Why should we trust them now?" asked the interior minister.')
    assert q.direct and q.cue.text == "asked" and q.speaker_text == "interior minister"


def test_split_quote_around_the_attribution(pipeline):
    rec, (q,) = quotes(pipeline, '"We are ready to talk," Sergei Lavrov said, "but the West must listen to us '
                                 'for once."')
    assert q.content.text == "We are ready to talk," and q.speaker is not None
    assert [p.text for p in q.parts] == ["We are ready to talk,", "but the West must listen to us for once."]


def test_he_said_with_no_previous_quote_is_the_person_the_story_is_about(pipeline):
    rec, (q,) = quotes(pipeline, 'Kenyan President William Ruto met the protest leaders in Nairobi on Monday. '
                                 '"We have heard you," he said after the meeting.')
    assert q.speaker is not None and "Ruto" in speaker_name(rec, q)


def test_quoted_as_saying(pipeline):
    rec, (q,) = quotes(pipeline, 'Putin was quoted as saying "Russia will never abandon its people in Donbas" '
                                 'by state media.')
    assert q.direct and q.speaker_text == "Putin" and q.cue.text == "saying"


def test_tweeted_gives_twitter(pipeline):
    rec, (q,) = quotes(pipeline, "The minister tweeted that the border would remain closed until further notice.")
    assert q.medium == "Twitter" and not q.direct


# ---- what is not a quote ---------------------------------------------------------------------
def test_single_scare_quoted_word_is_not_a_quote(pipeline):
    rec, qs = quotes(pipeline, 'Ankara is calling on stakeholders to "invest" in the Libyan government.')
    assert all(q.direct is False for q in qs)    # at most the indirect request, never "invest" alone
    assert all(q.content.text != "invest" for q in qs)


def test_quoted_title_is_not_a_quote(pipeline):
    rec, qs = quotes(pipeline, 'Thousands watched "The Battle of Algiers" in Tunis on Friday.')
    assert qs == []


def test_two_quoted_words_under_a_cue_are_a_partial_quote(pipeline):
    rec, (q,) = quotes(pipeline, 'Nasrallah warned that any attack would be met with a response "without limits".')
    assert q.direct and q.content.text == "without limits" and q.cue.text == "warned"


def test_quoted_manner_under_a_threat(pipeline):
    rec, (q,) = quotes(pipeline, 'Donald Trump threatened to hit 52 Iranian sites "very fast and very hard" if '
                                 'Tehran retaliated.')
    assert q.content.text == "very fast and very hard" and q.cue.text == "threatened"


def test_label_verb_attributes_a_quoted_phrase(pipeline):
    rec, (q,) = quotes(pipeline, 'The Kremlin dismissed the demands as "unacceptable interference" on Monday.')
    assert q.direct and q.speaker_text == "Kremlin" and q.cue.text == "dismissed"


def test_quoted_name_under_a_cue_is_not_a_quote(pipeline):
    rec, qs = quotes(pipeline, 'He spoke at the "Future of Europe" conference in Strasbourg, officials said.')
    assert [q.direct for q in qs] == [False]                  # the indirect report only
    assert qs[0].content.text.startswith("He spoke at the")


def test_quoted_phrase_that_runs_on_has_no_trailing_cue(pipeline):
    rec, qs = quotes(pipeline, 'The ministry described the attack as "a cowardly act of terror" and vowed to respond.')
    assert all(q.cue is None or q.cue.text != "respond" for q in qs)


def test_headline_paraphrase_is_not_reported_speech(pipeline):
    text = ("Turkey urges powers backing Haftar to rethink support\n\n"
            "The Turkish foreign ministry said on Tuesday that talks would resume in Geneva next week.\n\n"
            "Officials said the delegations would arrive on Monday.")
    rec, qs = quotes(pipeline, text, title="Turkey urges powers backing Haftar to rethink support")
    assert [q.cue.text for q in qs] == ["said", "said"]
    assert all(q.content.start > len(rec.title) for q in qs)


def test_verb_of_saying_without_clause_is_not_a_quote(pipeline):
    rec, qs = quotes(pipeline, "The president asked parliament for more time on Monday.")
    assert qs == []


# ---- the seed article, scored as the held-out sets are ----------------------------------------
def test_seed_quotes_score(seed_record, tmp_path):
    pred = tmp_path / "seed.json"
    pred.write_text(seed_record.to_json(), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(SEED / "gold.json"), "--pred", str(pred),
                          "--json"], capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["scores"]["quotes"]["f1"] >= 0.9
