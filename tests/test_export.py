"""`eventwire export`: PLOVER JSON lines, CSV and Parquet written and read back by their own readers."""
from __future__ import annotations

import csv
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from eventwire.cli import main
from eventwire.export import COLUMNS
from eventwire.record import Event
from eventwire.store import Store
from store_support import make_record


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "x.db"
    undated = make_record("d3")
    undated.events.append(Event("E3", "PROTEST", mode="demo", source="A3", negated=True, evidence=undated.events[1].evidence))
    with Store.open(path) as store:
        store.add_record(make_record("d1"))
        store.add_record(make_record("d2", assault_date="2020-05", place=False))
        store.add_record(undated)
    return str(path)


def export(tmp_path, db, fmt, *extra):
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--db", db, "--format", fmt, "--out", str(out), *extra]) == 0
    return out


def test_plover_json_lines(tmp_path, db):
    lines = export(tmp_path, db, "plover-json").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 7
    by_id = {e["id"]: e for e in events}
    req = by_id["d1#E1"]
    assert req["date"] == "2020-05-05" and req["event"] == ["REQUEST"] and req["mode"] == ["change"]
    assert req["actor"] == [{"code": "TUR", "sector": "GOV", "entity_text": "Turkey", "identifier_text": "Turkey",
                             "identifier_id": "country:TUR"}]
    assert req["recipient"][0]["code"] == "RUS" and req["quad_code"] == 3
    assert req["event_text"] == ["Turkey urged Russia to halt its support for the rebels."]
    assert req["cite_info"]["url"] == "https://example.org/d1" and req["cite_info"]["publication"] == "Wire"
    assert req["eventwire"]["cameo"] == "10" and req["eventwire"]["trigger"]["text"] == "urged"
    assault = by_id["d1#E2"]
    assert assault["event_loc"]["geonameid"] == 2210247 and assault["event_loc"]["country_code"] == "LBY"
    assert assault["recipient"] == []
    month = by_id["d2#E2"]
    assert (month["date"], month["enddate"]) == ("2020-05-01", "2020-05-31") and month["event_loc"] is None
    protest = by_id["d3#E3"]
    assert protest["date"] == "2020-05-05" and "publication date" in protest["comment"]
    assert protest["mode"] == ["demo", "negation"]


def test_csv_one_row_per_event_with_dyadic_columns(tmp_path, db):
    with open(export(tmp_path, db, "csv"), newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 7 and list(rows[0]) == [c.name for c in COLUMNS]
    r = next(r for r in rows if r["event_id"] == "d2#E1")
    assert (r["source_name"], r["source_country"], r["target_name"], r["target_sector"]) == ("Turkey", "TUR", "Russia", "GOV")
    assert r["evidence"] == "Turkey urged Russia to halt its support for the rebels."
    assert (int(r["evidence_start"]), int(r["evidence_end"])) == (0, len(r["evidence"]))
    assert r["negated"] == "false" and r["publisher"] == "Wire" and r["published"] == "2020-05-05"


def test_parquet_types(tmp_path, db):
    table = pq.read_table(export(tmp_path, db, "parquet"))
    assert table.num_rows == 7 and table.column_names == [c.name for c in COLUMNS]
    rows = {r["event_id"]: r for r in table.to_pylist()}
    month = rows["d2#E2"]
    assert month["date"] == "2020-05" and month["date_start"] == date(2020, 5, 1) and month["date_end"] == date(2020, 5, 31)
    assert rows["d1#E2"]["lat"] == pytest.approx(32.89) and rows["d1#E2"]["geonameid"] == 2210247
    assert rows["d3#E3"]["negated"] is True and rows["d1#E1"]["confidence"] == 0.5
    assert str(table.schema.field("published").type) == "date32[day]"


def test_filters_apply_to_exports_and_stdout(tmp_path, db, capsys):
    out = export(tmp_path, db, "csv", "--type", "ASSAULT")
    with open(out, newline="", encoding="utf-8") as fh:
        assert {r["type"] for r in csv.DictReader(fh)} == {"ASSAULT"}
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "plover-json", "--actor", "TUR"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(json.loads(x)["actor"][0]["code"] == "TUR" for x in lines)


def test_parquet_to_stdout_is_a_usage_error(db, capsys):
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "--out" in capsys.readouterr().err


def test_empty_export_is_still_a_valid_file(tmp_path, db):
    table = pq.read_table(export(tmp_path, db, "parquet", "--type", "AID"))
    assert table.num_rows == 0 and table.column_names == [c.name for c in COLUMNS]


def test_sentence_numbers_and_fused_links(tmp_path, db):
    events = {e["id"]: e for e in map(json.loads, export(tmp_path, db, "plover-json").read_text().splitlines())}
    # make_record has no sentence list; a record with sentences numbers them from 1
    assert events["d1#E1"]["text_info"]["sequence"] is None
    assert events["d1#E1"]["link"] == events["d2#E1"]["link"] == events["d3#E1"]["link"]   # one REQUEST, 3 articles
    assert events["d1#E1"]["eventwire"]["n_articles"] == 3
    assert events["d1#E2"]["link"] != events["d2#E2"]["link"]          # 2020-05-04 vs the month 2020-05


def test_sentence_number_is_stored(tmp_path):
    from eventwire.record import Sentence

    rec = make_record("s1")
    second = rec.text.index("Russian jets")
    rec.sentences = [Sentence(0, second - 1), Sentence(second, rec.text.index("\"We") - 1),
                     Sentence(rec.text.index("\"We"), len(rec.text))]
    with Store.open(tmp_path / "s.db") as store:
        store.add_record(rec)
        assert [store.event("s1#E1").sentence, store.event("s1#E2").sentence] == [1, 2]
