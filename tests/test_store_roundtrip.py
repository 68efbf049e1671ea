"""Property test: any record (any text, any names, any spans) goes into the store and comes back the same,
and its event rows carry exactly the record's spans."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.record import Actor, Event, Record, Span
from eventwire.store import EventFilter, Store

names = st.text(min_size=1, max_size=30)
codes = st.one_of(st.none(), st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3))
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2020-05", "2019", "bad-date"]))


@st.composite
def records(draw) -> Record:
    text = draw(st.text(min_size=1, max_size=300))
    doc_id = draw(st.text(min_size=1, max_size=40))

    def span() -> Span:
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return Span.of(text, a, b)

    actors = [Actor(f"A{i}", draw(names), draw(codes), draw(codes), draw(st.one_of(st.none(), names)), [span()])
              for i in range(draw(st.integers(0, 3)))]
    ids = [a.id for a in actors] + [None]
    events = [Event(f"E{i}", draw(st.sampled_from(["ASSAULT", "REQUEST", "AID"])), source=draw(st.sampled_from(ids)),
                    target=draw(st.sampled_from(ids)), date=draw(dates), negated=draw(st.booleans()),
                    confidence=draw(st.floats(0, 1)), trigger=span(), evidence=draw(st.one_of(st.none(), st.just(span()))))
              for i in range(draw(st.integers(0, 4)))]
    return Record(doc_id=doc_id, text=text, title=draw(st.one_of(st.none(), names)), published=draw(dates),
                  actors=actors, events=events)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recs=st.lists(records(), min_size=1, max_size=3, unique_by=lambda r: r.doc_id))
def test_any_record_round_trips(recs):
    with tempfile.TemporaryDirectory() as d, Store.open(Path(d) / "p.db") as store:
        for r in recs:
            assert store.add_record(r)
        for r in recs:
            assert store.document(r.doc_id).to_dict() == r.to_dict()
            rows = {e.local_id: e for e in store.events(EventFilter(doc_id=r.doc_id), limit=None)}
            assert set(rows) == {e.id for e in r.events}
            for e in r.events:
                assert rows[e.id].evidence == e.evidence and rows[e.id].trigger == e.trigger
                assert rows[e.id].negated == e.negated and rows[e.id].fused_id is not None
        assert store.summary().documents == len(recs)


_STORE: dict[str, Store] = {}


def _filled_store() -> Store:
    if "s" not in _STORE:
        from store_support import make_record

        path = Path(tempfile.mkdtemp()) / "fuzz.db"
        store = Store.open(path)
        store.add_record(make_record("d1"))
        store.add_record(make_record("d2", assault_date="2020-04"))
        _STORE["s"] = store
    return _STORE["s"]


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(["actor", "country", "type", "since", "until", "place", "text", "doc_id"]),
       value=st.text(max_size=40))
def test_any_filter_value_is_answered_or_refused_with_a_filter_error(field, value):
    from eventwire.store import FilterError

    try:
        f = EventFilter(**{field: value})
    except FilterError:
        return
    store = _filled_store()
    assert 0 <= store.count_events(f) <= 4 and len(store.events(f)) == store.count_events(f)
    assert store.count_fused_events(f) == len(store.fused_events(f, limit=None))
