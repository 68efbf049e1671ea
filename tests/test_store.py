"""The store with hand-built records: schema, idempotence, filters, fusion, read API, safety."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from eventwire.errors import StoreError, UsageError
from eventwire.record import Event
from eventwire.store import EventFilter, FilterError, Store
from eventwire.store.fusion import compatible_dates
from eventwire.store.keys import date_range
from eventwire.store.schema import SCHEMA_VERSION
from store_support import TEXT, make_record

@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "corpus.db") as s:
        yield s


def test_add_record_is_idempotent_and_round_trips(store):
    rec = make_record("d1")
    assert store.add_record(rec) is True
    assert store.add_record(rec) is False
    back = store.document("d1")
    assert back.to_dict() == rec.to_dict()
    s = store.summary()
    assert (s.documents, s.events, s.quotes, s.relations, s.places) == (1, 2, 1, 1, 1)
    assert s.schema_version == SCHEMA_VERSION


def test_event_ids_are_global_and_rows_carry_spans(store):
    store.add_record(make_record("d1"))
    store.add_record(make_record("d2"))
    ids = [e.event_id for e in store.events()]
    assert len(ids) == len(set(ids)) == 4
    ev = store.event("d2#E2")
    assert ev.type == "ASSAULT" and ev.source_name == "Russia" and ev.place_name == "Tripoli"
    assert TEXT[ev.evidence.start:ev.evidence.end] == ev.evidence.text
    assert ev.trigger.text == "bombed" and ev.publisher == "Wire" and ev.url.endswith("/d2")
    assert store.event("nope#E1") is None


def test_filters(store):
    store.add_record(make_record("d1"))
    store.add_record(make_record("d2", assault_date="2020-04", request_type="ACCUSE"))
    assert {e.type for e in store.events(EventFilter(type="request"))} == {"REQUEST"}
    assert store.count_events(EventFilter(type="REQUEST,ACCUSE")) == 2
    assert store.count_events(EventFilter(actor="TUR")) == 2
    assert store.count_events(EventFilter(actor="TURGOV")) == 2
    assert store.count_events(EventFilter(actor="russ")) == 4          # name substring, source or target
    assert store.count_events(EventFilter(country="LBY")) == 2          # by the place's country
    assert store.count_events(EventFilter(place="tripoli")) == 2
    assert store.count_events(EventFilter(place="2210247")) == 2
    assert store.count_events(EventFilter(text="jets bombed")) == 2
    assert store.count_events(EventFilter(text="\"unbalanced AND (")) == 0   # FTS syntax cannot break it
    # a month-precision event covers the whole month: it overlaps a range inside that month
    assert [e.event_id for e in store.events(EventFilter(type="ASSAULT", since="2020-04-20", until="2020-04-21"))] == ["d2#E2"]
    assert store.count_events(EventFilter(since="2020-05-05")) == 2
    assert store.count_events(EventFilter(until="2020-05-04")) == 2
    assert store.count_events(EventFilter(until="2020-04")) == 1
    assert store.count_events(EventFilter(doc_id="d1")) == 2


@pytest.mark.parametrize("kwargs", [{"since": "2020-13-01"}, {"until": "May 5"}, {"type": "BOMB"},
                                    {"since": "2020-05-06", "until": "2020-05-01"}])
def test_bad_filters_raise_usage_errors(kwargs):
    with pytest.raises(FilterError) as exc:
        EventFilter(**kwargs)
    assert isinstance(exc.value, UsageError) and isinstance(exc.value, ValueError)


def test_date_ranges():
    assert date_range("2020-02") == ("2020-02-01", "2020-02-29")
    assert date_range("2019") == ("2019-01-01", "2019-12-31")
    assert date_range("2020-02-30") is None
    assert compatible_dates("2020-05-04", "2020-05-05") and not compatible_dates("2020-05-03", "2020-05-05")
    assert compatible_dates("2020-05", "2020-05") and not compatible_dates("2020-05", "2020-05-04")
    assert not compatible_dates(None, None)


def test_fusion_across_articles(store):
    store.add_record(make_record("d1", assault_date="2020-05-04"))
    store.add_record(make_record("d2", assault_date="2020-05-05", place=False))   # a day later, place unknown
    store.add_record(make_record("d3", assault_date="2020-05-09"))                # too late: its own event
    fused = store.fused_events(EventFilter(type="ASSAULT"))
    assert [f.n_articles for f in fused] == [2, 1]
    assert fused[0].event_ids == ["d1#E2", "d2#E2"] and fused[0].place_name == "Tripoli"
    assert len(fused[0].evidence) == 2
    assert store.event("d1#E2").fused_id == store.event("d2#E2").fused_id != store.event("d3#E2").fused_id
    assert store.count_fused_events() == 3      # REQUEST x3 fuse (2020-05-05 each) + 2 ASSAULT groups
    req = store.fused_events(EventFilter(type="REQUEST"))
    assert len(req) == 1 and req[0].doc_ids == ["d1", "d2", "d3"]


def test_same_article_never_fuses_with_itself(store):
    rec = make_record("d1")
    rec.events.append(Event("E3", "ASSAULT", source="A2", date="2020-05-04", place="P1",
                            evidence=rec.events[1].evidence))
    store.add_record(rec)
    assert store.count_fused_events(EventFilter(type="ASSAULT")) == 2


def test_actors_places_network_quotes(store):
    store.add_record(make_record("d1"))
    store.add_record(make_record("d2"))
    actors = {a.actor_key: a for a in store.actors()}
    assert actors["country:RUS"].n_events == 4 and actors["country:RUS"].n_documents == 2
    assert actors["RUS|GOV|kremlin spokesman"].name == "Kremlin spokesman"
    assert store.places()[0].name == "Tripoli" and store.places()[0].n_events == 2
    net = store.network()
    kinds = {(e.source, e.target, e.kind): e.weight for e in net.edges}
    assert kinds[("country:TUR", "country:RUS", "REQUEST")] == 2
    assert kinds[("country:TUR", "country:RUS", "opposes")] == 2
    assert {n.actor_key for n in net.nodes} == {"country:TUR", "country:RUS"}
    q = store.quotes(speaker="kremlin")
    assert len(q) == 2 and q[0].content.text == "We will not stop"
    assert [d.doc_id for d in store.search_documents("jets Tripoli")] == ["d1", "d2"]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)
    with pytest.raises(StoreError, match="newer"):
        Store.open(path, readonly=True)


def test_foreign_sqlite_file_and_missing_store_are_refused(tmp_path):
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        Store.open(other)
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "missing.db", readonly=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store.open(junk)


def test_migrations_are_recorded(tmp_path):
    Store.open(tmp_path / "m.db").close()
    db = sqlite3.connect(tmp_path / "m.db")
    names = [r[0] for r in db.execute("SELECT name FROM migrations ORDER BY seq")]
    assert names == ["001_initial", "002_full_text", "003_read_indexes", "004_event_sentence", "005_fused_polarity",
                     "006_near_copies", "007_event_analyst_columns",
                     "008_place_roles"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_write_leaves_nothing_behind(store):
    rec = make_record("bad")
    rec.events.append(Event("E1", "ASSAULT"))      # duplicate local id → primary key violation mid-write
    with pytest.raises(sqlite3.IntegrityError):
        store.add_record(rec)
    assert store.summary().documents == 0 and store.summary().events == 0
    assert store.add_record(make_record("good"))


def test_reader_sees_committed_documents_while_writer_writes(tmp_path):
    path = tmp_path / "rw.db"
    writer = Store.open(path)
    counts: list[int] = []
    errors: list[Exception] = []

    def read() -> None:
        try:
            with Store.open(path, readonly=True) as reader:
                for _ in range(40):
                    counts.append(reader.summary().documents)
        except Exception as exc:  # surfaced below
            errors.append(exc)

    t = threading.Thread(target=read)
    t.start()
    for n in range(40):
        writer.add_record(make_record(f"rw{n}"))
    t.join()
    writer.close()
    assert not errors
    assert counts == sorted(counts) and counts[-1] <= 40


def test_country_level_place_fuses_with_a_city_in_that_country(store):
    from eventwire.record import Place, Span

    a = make_record("city")
    b = make_record("country", assault_date="2020-05-05")
    i = b.text.index("Tripoli")
    b.places = [Place("P1", "Libya", "LBY", "country", 27.0, 17.0, 2215636, [Span.of(b.text, i, i + 7)])]
    c = make_record("elsewhere", assault_date="2020-05-05")
    c.places = [Place("P1", "Benghazi", "LBY", "city", 32.1, 20.1, 88319, [Span.of(c.text, i, i + 7)])]
    for r in (a, b, c):
        store.add_record(r)
    groups = sorted(f.doc_ids for f in store.fused_events(EventFilter(type="ASSAULT")))
    assert groups == [["city", "country"], ["elsewhere"]]     # Benghazi is not Tripoli


def test_undated_events_fuse_by_publication_date(store):
    a, b = make_record("u1", assault_date=None), make_record("u2", assault_date=None)
    b.published = "2020-05-20"
    c = make_record("u3", assault_date=None)
    for r in (a, b, c):
        store.add_record(r)
    assert sorted(f.doc_ids for f in store.fused_events(EventFilter(type="ASSAULT"))) == [["u1", "u3"], ["u2"]]


def test_a_malformed_record_is_rejected_and_the_run_goes_on(store):
    from eventwire.inputs import Rejection
    from eventwire.store.ingestion import IngestStats, store_outcomes

    bad = make_record("bad")
    bad.events.append(Event("E1", "ASSAULT"))
    seen: list[Rejection] = []
    stats = store_outcomes([bad, make_record("ok"), make_record("ok")], store, IngestStats(), on_rejection=seen.append)
    assert (stats.stored, stats.skipped, stats.rejected, stats.events) == (1, 1, 1, 2)
    assert seen[0].origin == "bad" and "IntegrityError" in seen[0].reason


def test_an_older_store_is_migrated_in_place(tmp_path):
    """A schema-2 store (made by undoing migrations 3 and 4) is upgraded, and events.sentence is backfilled."""
    from eventwire.record import Sentence

    path = tmp_path / "old.db"
    rec = make_record("kept")
    cut = rec.text.index("Russian jets")
    rec.sentences = [Sentence(0, cut - 1), Sentence(cut, len(rec.text))]
    with Store.open(path) as s:
        s.add_record(rec)
    db = sqlite3.connect(path)
    db.executescript("""
        DROP INDEX actors_key_name; DROP INDEX events_place; DROP INDEX events_dyad;
        CREATE INDEX actors_key ON actors(actor_key);
        ALTER TABLE events DROP COLUMN sentence;
        ALTER TABLE events DROP COLUMN geo_precision; ALTER TABLE events DROP COLUMN admin1;
        ALTER TABLE events DROP COLUMN admin1_name; ALTER TABLE events DROP COLUMN date_precision;
        ALTER TABLE events DROP COLUMN fatalities; ALTER TABLE events DROP COLUMN injured;
        ALTER TABLE events DROP COLUMN arrested;
        DROP INDEX fused_lookup; ALTER TABLE fused_events DROP COLUMN polarity;
        CREATE INDEX fused_lookup ON fused_events(type, source_key, target_key, date);
        DROP TABLE document_shingles; DROP INDEX documents_near_copy;
        ALTER TABLE documents DROP COLUMN near_copy_of; ALTER TABLE documents DROP COLUMN near_copy_similarity;
        ALTER TABLE places DROP COLUMN role; ALTER TABLE places DROP COLUMN precision;
        ALTER TABLE places DROP COLUMN admin1; ALTER TABLE places DROP COLUMN admin1_name;
        DELETE FROM migrations WHERE seq > 2;
        UPDATE meta SET value = '2' WHERE key = 'schema_version';""")
    db.close()
    with pytest.raises(StoreError, match="older"):
        Store.open(path, readonly=True)                # a reader never writes, so it cannot upgrade
    with Store.open(path) as new:
        assert new.version == SCHEMA_VERSION and new.count_events() == 2 and new.document("kept")
        assert [new.event("kept#E1").sentence, new.event("kept#E2").sentence] == [1, 2]
        assert new.count_fused_events() == 2 and new.event("kept#E2").n_articles == 1
        e2 = new.event("kept#E2")                        # migration 7 fills the analyst columns
        assert (e2.geo_precision, e2.date_precision) == ("point", "day")
        # migration 8 fills the places' roles from their records
        assert {p.roles for p in new.places()} == {p.role for p in rec.places}
    db = sqlite3.connect(path)
    assert [r[0] for r in db.execute("SELECT seq FROM migrations ORDER BY seq")] == list(range(1, SCHEMA_VERSION + 1))


def test_without_fts5_text_search_falls_back_to_like(tmp_path, monkeypatch):
    from eventwire.store import schema

    monkeypatch.setattr(schema, "fts5_available", lambda db: False)
    with Store.open(tmp_path / "nofts.db") as store:
        assert store.full_text is False and store.summary().full_text is False
        store.add_record(make_record("d1"))
        assert store.count_events(EventFilter(text="jets bombed")) == 1
        assert store.count_events(EventFilter(text="100%")) == 0
        assert [d.doc_id for d in store.search_documents("Kremlin spokesman")] == ["d1"]


def test_a_second_writer_waits_then_gives_a_clear_error(tmp_path, monkeypatch):
    from eventwire.store import core

    path = tmp_path / "locked.db"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")            # another process is in the middle of a write
    monkeypatch.setattr(core, "BUSY_TIMEOUT_S", 0.2)
    with Store.open(path) as store:
        store.db.execute("PRAGMA busy_timeout = 200")
        with pytest.raises(StoreError, match="another ingest"):
            store.add_record(make_record("d1"))
    holder.execute("ROLLBACK")
    with Store.open(path) as store:
        assert store.add_record(make_record("d1"))


def _fts_rows(store) -> tuple[int, int]:
    return (store.db.execute("SELECT count(*) FROM documents_fts").fetchone()[0],
            store.db.execute("SELECT count(*) FROM events_fts").fetchone()[0])


def test_replace_and_delete_keep_fusion_and_full_text_consistent(store):
    store.add_record(make_record("d1", assault_date="2020-05-04"))
    store.add_record(make_record("d2", assault_date="2020-05-05"))
    assert [f.doc_ids for f in store.fused_events(EventFilter(type="ASSAULT"))] == [["d1", "d2"]]
    recoded = make_record("d1")
    recoded.events = recoded.events[:1]                      # the new coder no longer sees the air strike
    recoded.title = "Recoded"
    assert store.add_record(recoded) is False                # a plain add never overwrites
    assert store.add_record(recoded, replace=True) is True
    fused = store.fused_events(EventFilter(type="ASSAULT"))
    assert [(f.doc_ids, f.date, f.n_articles) for f in fused] == [(["d2"], "2020-05-05", 1)]
    assert store.document("d1").title == "Recoded" and store.count_events(EventFilter(doc_id="d1")) == 1
    assert store.count_events(EventFilter(text="jets")) == 1
    assert _fts_rows(store) == (2, 3)
    assert store.delete_document("d2") is True and store.delete_document("d2") is False
    assert store.count_fused_events(EventFilter(type="ASSAULT")) == 0
    s = store.summary()
    assert (s.documents, s.events, s.fused_events, s.quotes) == (1, 1, 1, 1)
    assert _fts_rows(store) == (1, 1)
    orphans = store.db.execute("SELECT count(*) FROM fused_events WHERE fused_id NOT IN "
                               "(SELECT fused_id FROM fused_members)").fetchone()[0]
    assert orphans == 0


def test_library_ingest_of_coded_records(tmp_path):
    from eventwire.inputs import Rejection
    from eventwire.store import ingest

    stats = ingest([make_record("a"), Rejection("x.txt:3", "empty text"), make_record("b"), make_record("a")],
                   tmp_path / "lib.db")
    assert (stats.stored, stats.skipped, stats.rejected, stats.events) == (2, 1, 1, 4)
    assert "stored 2 articles (4 events), 1 already stored, 1 rejected" in stats.line()


def test_negated_and_hypothetical_events_do_not_corroborate_asserted_ones(store):
    a, b, c = make_record("said"), make_record("denied"), make_record("also-denied")
    b.events[1].negated = True                       # "Russian jets did not bomb Tripoli"
    c.events[1].negated = True
    for r in (a, b, c):
        store.add_record(r)
    groups = sorted(f.doc_ids for f in store.fused_events(EventFilter(type="ASSAULT")))
    assert groups == [["also-denied", "denied"], ["said"]]
    assert {f.polarity for f in store.fused_events(EventFilter(type="ASSAULT"))} == {"asserted", "negated"}


@pytest.mark.parametrize("value", ["²", "٣", "0", "9" * 40, "%_\\", "' OR 1=1 --", "\x00", "NEAR(a b)", "*"])
def test_odd_filter_values_are_answered_not_crashed(store, value):
    store.add_record(make_record("d1"))
    for field in ("actor", "country", "place", "text", "doc_id"):
        try:
            f = EventFilter(**{field: value})
        except FilterError as exc:                    # an unknown country name is refused with a message
            assert field == "country" and "unknown country" in str(exc)
            continue
        assert store.count_events(f) >= 0 and isinstance(store.events(f), list)
        assert isinstance(store.fused_events(f), list) and store.network(f) is not None


def test_non_ascii_digits_are_not_dates():
    assert date_range("٢٠٢٠-٠٥") is None
    with pytest.raises(FilterError):
        EventFilter(since="２０２０")


def test_places_keep_their_role_precision_and_admin1(tmp_path):
    """A place's role (locative, metonymic …), precision and ISO 3166-2 area are stored and listed."""
    rec = make_record("roles")
    rec.places[0].role, rec.places[0].precision, rec.places[0].admin1 = "metonymic", "point", "UA-14"
    with Store.open(tmp_path / "roles.db") as s:
        s.add_record(rec)
        got = {p.name: p for p in s.places()}
    first = got[rec.places[0].name]
    assert (first.roles, first.admin1) == ("metonymic", "UA-14")
