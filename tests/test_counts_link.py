"""Counts linked to their events (issue 17.1): the attack that killed them, the raid that arrested them."""
from __future__ import annotations

import pytest

from eventwire.pipeline import Pipeline
from eventwire.record import Count, Record


@pytest.fixture(scope="module")
def pipe(pipeline) -> Pipeline:
    return pipeline


def links(pipe: Pipeline, text: str) -> list[tuple[str, int, str | None, str | None]]:
    """(what, value, type of the linked event, event_reason) per count."""
    rec = pipe.code(text, published="2021-03-01")
    types = {e.id: e.type for e in rec.events}
    return [(c.what, c.value, types.get(c.event), c.event_reason) for c in rec.counts]


def test_count_in_the_clause_of_its_attack(pipe):
    rec = pipe.code("A suicide bomber killed 15 civilians at a crowded market in the north.", published="2021-03-01")
    (ev,) = [e for e in rec.events if e.type == "ASSAULT"]
    (c,) = rec.counts
    assert (c.what, c.event, c.event_reason) == ("killed", ev.id, "ASSAULT in the count's clause")


def test_killed_and_wounded_both_belong_to_one_bombing(pipe):
    got = links(pipe, "The car bomb killed nine soldiers and wounded twenty others near the barracks.")
    assert [(w, v, t) for w, v, t, _ in got] == [("killed", 9, "ASSAULT"), ("injured", 20, "ASSAULT")]


def test_toll_in_the_next_paragraph_belongs_to_the_attack_before_it(pipe):
    got = links(pipe, "Armed men attacked a convoy of lorries on the coast road on Friday.\n\n"
                      "At least eleven drivers died, a local official said.")
    assert got == [("killed", 11, "ASSAULT", "ASSAULT in the sentence before the count")]


def test_toll_later_in_the_same_paragraph(pipe):
    got = links(pipe, "Armed men attacked a convoy of lorries on the coast road on Friday. "
                      "At least eleven drivers died, a local official said.")
    assert got == [("killed", 11, "ASSAULT", "ASSAULT earlier in the count's paragraph")]


def test_arrests_belong_to_the_coercion_not_to_the_protest(pipe):
    rec = pipe.code("Students protested against the new fees outside the ministry on Monday. "
                    "Police detained 35 students, the interior ministry said.", published="2021-03-01")
    (c,) = [c for c in rec.counts if c.what == "arrested"]
    ev = next(e for e in rec.events if e.id == c.event)
    assert (ev.type, ev.mode) == ("COERCE", "arrest")


def test_a_threat_never_takes_a_count_and_the_count_stays(pipe):
    rec = pipe.code("The kidnappers threatened to kill 30 hostages unless the ransom was paid.", published="2021-03-01")
    assert [(c.what, c.value, c.event, c.event_reason) for c in rec.counts] == [("killed", 30, None, None)]


def test_a_count_with_no_event_of_its_kind_stays_unlinked(pipe):
    got = links(pipe, "The health ministry said 40 people have died of cholera since January.")
    assert got == [("killed", 40, None, None)]


def test_far_away_attacks_do_not_take_a_count(pipe):
    got = links(pipe, "Armed men attacked a convoy of lorries on the coast road on Friday.\n\n"
                      "The governor flew to the capital on Saturday.\n\n"
                      "The ministry said 40 people have died of cholera since January.")
    assert got == [("killed", 40, None, None)]


def test_link_round_trips_and_old_records_still_load():
    c = Count("killed", 3, event="E2", event_reason="ASSAULT in the count's clause")
    rec = Record.from_json(Record("d", "x", counts=[c]).to_json())
    assert (rec.counts[0].event, rec.counts[0].event_reason) == ("E2", "ASSAULT in the count's clause")
    old = Record.from_dict({"doc_id": "d", "text": "x", "counts": [{"what": "killed", "value": 3}]})
    assert old.counts[0].event is None
