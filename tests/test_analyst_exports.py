"""Issue 17 points 5 (exports, query) on hand-built records: ACLED-style columns (fatalities, injured,
arrested, geo_precision, admin1, date_precision), COW/FIPS country columns, codes that stay text in pandas
and csv, the `publisher` column, `export --fused`, PLOVER's size and location fields, `--country Iraq`."""
from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.cli import main
from eventwire.csv_types import read_csv, schema_path
from eventwire.record import Count, DateMention, Event, Place, Span
from eventwire.store import EventFilter, Store
from eventwire.store.derived import event_columns
from store_support import make_record


def _counts(rec, *items):
    """Counts of `what`/`value`, each with its evidence in the ASSAULT's sentence; `event` set when given."""
    out = []
    at = rec.text.index("Russian jets")
    for what, value, event in items:
        c = Count(what, value, evidence=Span.of(rec.text, at, at + 12))
        if event is not ...:
            c.event = event            # the field analyst-core adds (Count.event); set here as records will carry it
        out.append(c)
    return out


def _run(capsys, *argv):
    code = main(list(argv))
    cap = capsys.readouterr()
    return code, cap.out, cap.err


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "a.db")
    yield s
    s.close()


# ---- derived columns -------------------------------------------------------------------------------------

def test_fatalities_injured_arrested_are_the_sums_of_the_counts_linked_to_the_event(store):
    rec = make_record("cas")
    rec.counts = _counts(rec, ("killed", 12, "E2"), ("killed", 3, "E2"), ("injured", 40, "E2"),
                         ("arrested", 5, "E1"), ("killed", 7, None), ("displaced", 900, "E2"))
    store.add_record(rec)
    e1, e2 = store.event("cas#E1"), store.event("cas#E2")
    assert (e2.fatalities, e2.injured, e2.arrested) == (15, 40, None)
    assert (e1.fatalities, e1.injured, e1.arrested) == (None, None, 5)


def test_without_count_links_the_counts_in_the_events_sentence_are_its_own(store):
    rec = make_record("old")
    rec.counts = _counts(rec, ("killed", 4, ...))                 # a record from before Count.event existed
    if hasattr(rec.counts[0], "event"):                           # after the merge: as stored JSON would read
        cols = event_columns(rec.events[1].__dict__, None, [], [{"what": "killed", "value": 4,
                                                                 "evidence": rec.counts[0].evidence.__dict__}])
        assert cols["fatalities"] == 4
        return
    store.add_record(rec)
    assert store.event("old#E2").fatalities == 4 and store.event("old#E1").fatalities is None


def test_geo_precision_and_admin1_come_from_the_place_else_from_its_kind(store):
    rec = make_record("geo")
    store.add_record(rec)
    assert store.event("geo#E2").geo_precision == "point"         # a city without `precision`: kind decides
    country = Place("P1", "Libya", "LBY", "country", 27.0, 17.0)
    assert event_columns(rec.events[1], country, [], [])["geo_precision"] == "country"
    region = Place("P1", "Cyrenaica", "LBY", "region", 31.0, 22.0)
    region.precision, region.admin1, region.admin1_name = "admin1", "LY-BA", "Banghazi"   # places-gaz's fields
    cols = event_columns(rec.events[1], region, [], [])
    assert (cols["geo_precision"], cols["admin1"], cols["admin1_name"]) == ("admin1", "LY-BA", "Banghazi")


def test_date_precision_comes_from_the_mention_else_from_the_value():
    ev = Event("E1", "PROTEST", date="2020-05")
    assert event_columns(ev, None, [], [])["date_precision"] == "month"
    assert event_columns(Event("E1", "PROTEST", date="2019"), None, [], [])["date_precision"] == "year"
    mention = DateMention(0, 9, "the 1990s", "1990")
    mention.precision = "decade"                                   # the dates teammate's field
    assert event_columns(Event("E1", "PROTEST", date="1990"), None, [mention], [])["date_precision"] == "decade"


# ---- CSV / Parquet / PLOVER --------------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    path = tmp_path / "x.db"
    with Store.open(path) as s:
        a = make_record("000123")                                  # an id pandas would read as the number 123
        a.events[1].cameo = "080"                                  # a code pandas would read as 80
        a.counts = _counts(a, ("killed", 9, "E2"))
        b = make_record("d2", assault_date="2020")
        b.source = "Other Wire"
        b.counts = _counts(b, ("killed", 11, "E2"))
        s.add_record(a)
        s.add_record(b)
    return path


def test_codes_stay_text_when_read_back_with_pandas_and_csv(db, tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert _run(capsys, "export", "--db", str(db), "--format", "csv", "--out", str(out))[0] == 0
    assert schema_path(out).is_file()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["cameo"] for r in rows} >= {"080"} and {r["doc_id"] for r in rows} == {"000123", "d2"}
    df = read_csv(out)
    assert set(df["cameo"].dropna()) >= {"080"} and set(df["doc_id"]) == {"000123", "d2"}
    assert "2020" in set(df["date"].dropna())
    assert str(df["fatalities"].dtype) == "Int64" and str(df["negated"].dtype) == "boolean"
    # without eventwire: the dtypes in the sidecar are all pandas needs
    import pandas as pd
    schema = json.loads(schema_path(out).read_text())
    plain = pd.read_csv(out, dtype=schema["pandas_dtypes"], keep_default_na=False, na_values=[""])
    assert "080" in set(plain["cameo"].dropna()) and len(schema["readr_col_types"]) == len(plain.columns)
    assert {f["name"]: f["type"] for f in schema["fields"]}["cameo"] == "string"


def test_csv_has_publisher_fatalities_precision_and_cow_fips_columns(db, tmp_path, capsys):
    out = tmp_path / "e.csv"
    _run(capsys, "export", "--db", str(db), "--format", "csv", "--out", str(out))
    rows = {r["event_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert "source" not in next(iter(rows.values())) and rows["d2#E1"]["publisher"] == "Other Wire"
    a = rows["000123#E2"]
    assert (a["fatalities"], a["geo_precision"], a["date_precision"]) == ("9", "point", "day")
    assert (a["source_country"], a["source_cow"], a["source_fips"]) == ("RUS", "365", "RS")
    assert (a["place_country"], a["place_cow"], a["place_fips"]) == ("LBY", "620", "LY")
    assert rows["000123#E1"]["target_cow"] == "365" and rows["d2#E2"]["date_precision"] == "year"


def test_parquet_types_the_new_columns(db, tmp_path, capsys):
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    _run(capsys, "export", "--db", str(db), "--format", "parquet", "--out", str(out))
    t = pq.read_table(out)
    assert str(t.schema.field("fatalities").type) == "int64" and str(t.schema.field("cameo").type) == "string"
    assert "080" in t.column("cameo").to_pylist() and "publisher" in t.column_names


def test_export_fused_gives_one_row_per_event_with_its_articles_and_publishers(db, tmp_path, capsys):
    out = tmp_path / "f.csv"
    code, _, err = _run(capsys, "export", "--db", str(db), "--format", "csv", "--fused", "--out", str(out))
    assert code == 0 and "fused events" in err
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    pair = [r for r in rows if r["n_articles"] == "2"]
    assert len(pair) == 1 and pair[0]["type"] == "REQUEST"
    assert pair[0]["publishers"] == "Wire; Other Wire" and pair[0]["doc_ids"] == "000123; d2"
    code, out_json, _ = _run(capsys, "export", "--db", str(db), "--format", "plover-json", "--fused")
    objs = [json.loads(x) for x in out_json.splitlines()]
    assert len(objs) == len(rows) and all(o["id"].startswith("fused-") for o in objs)
    two = next(o for o in objs if o["eventwire"]["n_articles"] == 2)
    assert two["eventwire"]["publishers"] == ["Wire", "Other Wire"] and len(two["event_text"]) == 2


def test_a_fused_event_takes_the_largest_figure_of_its_articles_not_their_sum(tmp_path, capsys):
    path = tmp_path / "two.db"
    with Store.open(path) as s:
        for doc, dead in (("first", 9), ("second", 11)):
            rec = make_record(doc)
            rec.counts = _counts(rec, ("killed", dead, "E2"))
            s.add_record(rec)
    _, out, _ = _run(capsys, "query", "--db", str(path), "--fused", "--type", "ASSAULT", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["n_articles"], r["fatalities"]) for r in rows] == [("2", "11")]


def test_plover_json_keeps_its_names_and_adds_size_and_location_precision(db, capsys):
    _, out, _ = _run(capsys, "export", "--db", str(db), "--format", "plover-json")
    ev = next(json.loads(x) for x in out.splitlines() if json.loads(x)["id"] == "000123#E2")
    assert ev["size"] == {"dead": 9}
    assert ev["event_loc"]["resolution"] == 4 and ev["event_loc"]["country_code"] == "LBY"
    assert {"actor", "recipient", "event", "mode", "event_text", "cite_info", "pub_date", "story_id"} <= set(ev)


# ---- query ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("given", ["Libya", "libya", "LBY", "lby", "LY", "Libyan"])
def test_country_filter_takes_names_and_codes(db, capsys, given):
    code, out, _ = _run(capsys, "query", "--db", str(db), "--country", given, "--format", "json")
    assert code == 0 and {r["event_id"] for r in json.loads(out)} == {"000123#E2", "d2#E2"}


def test_an_unknown_country_name_is_a_usage_error(db, capsys):
    code, _, err = _run(capsys, "query", "--db", str(db), "--country", "Atlantis")
    assert code == 2 and "unknown country 'Atlantis'" in err
    assert EventFilter(country="the United States").country == "USA" and EventFilter(country="IGO").country == "IGO"


def test_fused_table_keeps_not_and_maybe_and_shows_fatalities_and_articles(tmp_path, capsys):
    path = tmp_path / "m.db"
    with Store.open(path) as s:
        rec = make_record("neg")
        rec.events[0].negated = True
        rec.events[1].hypothetical = True
        rec.counts = _counts(rec, ("killed", 6, "E2"))
        s.add_record(rec)
    _, out, _ = _run(capsys, "query", "--db", str(path), "--fused", "--format", "table")
    head, *lines = out.splitlines()
    assert head.split()[:8] == ["date", "type", "source", "target", "place", "fatalities", "articles", "evidence"]
    assert any("not REQUEST" in ln for ln in lines) and any("maybe ASSAULT" in ln and " 6 " in ln for ln in lines)


def test_query_sorts_by_a_column_both_ways(db, capsys):
    _, out, _ = _run(capsys, "query", "--db", str(db), "--sort=-fatalities", "--format", "json")
    assert [r["fatalities"] for r in json.loads(out)][:2] == [11, 9]
    _, out, _ = _run(capsys, "query", "--db", str(db), "--fused", "--sort=-articles", "--format", "json")
    assert json.loads(out)[0]["n_articles"] == 2
    code, _, err = _run(capsys, "query", "--db", str(db), "--sort", "evidence")
    assert code == 2 and "cannot sort by 'evidence'" in err
