"""The eventwire/1 record: JSON round trip, the shipped JSON Schema, and span consistency."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from eventwire.record import Actor, Event, Record, Relation, Span, span_errors

SCHEMA = json.loads(resources.files("eventwire.schema").joinpath("eventwire-1.schema.json").read_text())

TEXT = "Egypt urged Ethiopia on Monday to stop filling the dam.\n\nEthiopia rejected the call."


def _hand_record() -> Record:
    rec = Record(doc_id="hand-1", text=TEXT, published="2021-07-05", source="test")
    rec.actors = [Actor("A1", "Egypt", "EGY", "GOV", "country:EGY", [rec.span(0, 5)]),
                  Actor("A2", "Ethiopia", "ETH", "GOV", "country:ETH", [rec.span(12, 20), rec.span(57, 65)])]
    rec.events = [Event("E1", "REQUEST", cameo="02", source="A1", target="A2", date="2021-07-05",
                        trigger=rec.span(6, 11), evidence=rec.span(0, 55), confidence=0.9)]
    rec.relations = [Relation("opposes", "A2", "A1", evidence=rec.span(57, 83))]
    return rec


def test_round_trip_keeps_every_field():
    rec = _hand_record()
    again = Record.from_json(rec.to_json())
    assert again == rec
    d = rec.to_dict()
    assert d["schema"] == "eventwire/1"
    assert d["relations"][0]["from"] == "A2" and "from_" not in d["relations"][0]


def test_hand_record_validates_and_spans_hold():
    rec = _hand_record()
    jsonschema.validate(rec.to_dict(), SCHEMA)
    assert span_errors(rec) == []


def test_schema_rejects_a_bad_record():
    d = _hand_record().to_dict()
    d["events"][0]["type"] = "SHOUT"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(d, SCHEMA)


def test_span_errors_catch_a_shifted_span():
    rec = _hand_record()
    rec.events[0].trigger = Span(7, 12, "urged")
    assert span_errors(rec) == ["event E1 trigger: [7:12] 'urged'"]


def test_seed_record_validates_with_consistent_spans(seed_record):
    jsonschema.validate(seed_record.to_dict(), SCHEMA)
    assert span_errors(seed_record) == []
    assert seed_record.doc_id == "trt-2020-05-05-haftar"
    assert seed_record.published == "2020-05-05" and seed_record.published_inferred is False
    for s in seed_record.sentences:
        assert seed_record.text[s.start:s.end].strip() == seed_record.text[s.start:s.end]


def test_example_records_validate(pipeline):
    from pathlib import Path

    from eventwire.inputs import read_inputs

    corpus = Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl"
    records = list(pipeline.pipe(read_inputs([str(corpus)])))
    assert len(records) == 9 and all(isinstance(r, Record) for r in records)
    for rec in records:
        jsonschema.validate(rec.to_dict(), SCHEMA)
        assert span_errors(rec) == [], rec.doc_id
        assert rec.title and rec.text.startswith(rec.title)
