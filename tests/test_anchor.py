"""Anchoring: an event takes its clause's date before its sentence's before the publication date, and the
most specific place its clause, sentence or paragraph names."""
from __future__ import annotations

import pytest

from eventwire.analysis import Analysis
from eventwire.anchor import AnchorStage
from eventwire.counts import CountStage
from eventwire.dates import DateStage
from eventwire.pipeline import Pipeline
from eventwire.places import PlaceStage
from eventwire.record import Event, Record


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def analyse(pipe: Pipeline, text: str, triggers: list[str], published: str = "2020-05-05") -> Record:
    """Our own stages on a parse, with events placed by hand on the given trigger words."""
    rec = Record(doc_id="t", text=text, published=published)
    an = Analysis(record=rec, doc=pipe.nlp(text), settings=pipe.settings)
    for cls in (PlaceStage, DateStage, CountStage):
        cls(pipe.settings)(an)
    for n, word in enumerate(triggers, 1):
        i = text.index(word)
        rec.events.append(Event(id=f"E{n}", type="ASSAULT", trigger=rec.span(i, i + len(word))))
    AnchorStage(pipe.settings)(an)
    return rec


def test_clause_date_beats_sentence_date(pipe):
    rec = analyse(pipe, "Police said on Thursday that rebels attacked the convoy in February.", ["attacked", "said"])
    attacked, said = rec.events
    assert attacked.date == "2020-02"            # its own clause: "in February"
    assert said.date == "2020-04-30"             # "on Thursday" is the saying's


def test_sentence_date_then_publication_date(pipe):
    rec = analyse(pipe, "A January truce brokered by Turkey collapsed. Fighting resumed near the airport.",
                  ["brokered", "Fighting"])
    brokered, fighting = rec.events
    assert brokered.date == "2020-01"            # no date in the clause of "brokered": the sentence's
    assert fighting.date == "2020-05-05"         # nothing in the sentence: the publication date


def test_since_dates_the_event_and_the_count(pipe):
    rec = analyse(pipe, "Since April 2019, the government has been under attack by the militia, and more than "
                        "1,000 people have been killed in Tripoli.", ["attack"])
    assert rec.events[0].date == "2019-04"
    (count,) = rec.counts
    assert count.date == "2019-04" and rec.place(count.place).name == "Tripoli"


def test_city_beats_country_and_no_dateline_default(pipe):
    text = ("TRIPOLI, Libya\n\nClashes erupted on Monday in Ubari, in southern Libya, officials in Libya said.\n\n"
            "The minister resigned.")
    rec = analyse(pipe, text, ["Clashes", "resigned"])
    clashes, resigned = rec.events
    assert rec.place(clashes.place).name == "Ubari"
    assert resigned.place is None                # nothing in its paragraph, and never the dateline
    assert clashes.date == "2020-05-04"


def test_place_from_the_paragraph(pipe):
    text = "Fighting spread across Idlib on Sunday. Residents fled.\n\nTalks stalled."
    rec = analyse(pipe, text, ["fled", "stalled"])
    fled, stalled = rec.events
    assert rec.place(fled.place).name == "Idlib"
    assert stalled.place is None


def test_dateline_is_not_the_event_place(pipe):
    text = "Benghazi, Libya — Gunmen attacked a convoy on Monday, a monitor said.\n\nMore text."
    rec = analyse(pipe, text, ["attacked"])
    assert [(p.name, p.role) for p in rec.places] == [("Benghazi", "dateline"), ("Libya", "dateline")]  # places of the story …
    assert rec.events[0].place is None                        # … but not where the attack happened
    from eventwire.anchor import DATELINE
    assert DATELINE.match("Kyiv, Ukraine — Talks resumed") and not DATELINE.match("Rebels in Ubari asked - for help")


def test_clauses_describing_a_noun_do_not_date_or_place_the_event(pipe):
    rec = analyse(pipe, "The militia, founded in 2015 and based in Sirte, shelled the airport.", ["shelled"])
    assert rec.events[0].date == "2020-05-05" and rec.events[0].place is None
