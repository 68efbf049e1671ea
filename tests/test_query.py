"""`eventwire query` on a real SQLite store: filters, formats, fused rows, summary, errors."""
from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.cli import main
from eventwire.store import Store
from store_support import make_record


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        store.add_record(make_record("d1"))
        store.add_record(make_record("d2", assault_date="2020-05-05", place=False))
        store.add_record(make_record("d3", assault_date="2020-04", request_type="ACCUSE"))
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_type_filter_json_prints_only_that_type(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--type", "REQUEST", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    assert {r["type"] for r in rows} == {"REQUEST"}
    assert rows[0]["evidence"]["text"].startswith("Turkey urged Russia")
    assert {r["event_id"] for r in rows} == {"d1#E1", "d2#E1"}


def test_table_is_short_and_readable(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--type", "ASSAULT", "--limit", "2")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["date", "type", "source", "target", "place", "fatalities", "evidence"]
    assert len(lines) == 4 and "2 of 3 events shown" in lines[-1]
    assert "ASSAULT/aerial" in lines[1] and "Russia" in lines[1]


def test_csv_and_filters(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--actor", "turkey", "--since", "2020-05-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["type"] for r in rows} == {"REQUEST", "ACCUSE"}
    assert all(r["source_name"] == "Turkey" and r["target_country"] == "RUS" for r in rows)
    _, out, _ = run(capsys, "query", "--db", db, "--place", "Tripoli", "--until", "2020-04-30", "--format", "json")
    assert [r["event_id"] for r in json.loads(out)] == ["d3#E2"]       # a month-precision event, April
    _, out, _ = run(capsys, "query", "--db", db, "--text", "jets", "--country", "RUS", "--format", "json")
    assert len(json.loads(out)) == 3
    _, out, _ = run(capsys, "query", "--db", db, "--doc-id", "d2", "--format", "json")
    assert [r["event_id"] for r in json.loads(out)] == ["d2#E1", "d2#E2"]


def test_fused_rows(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--fused", "--type", "ASSAULT", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and sorted(r["n_articles"] for r in rows) == [1, 2]
    pair = next(r for r in rows if r["n_articles"] == 2)
    assert pair["doc_ids"] == ["d1", "d2"] and len(pair["evidence"]) == 2
    _, out, _ = run(capsys, "query", "--db", db, "--fused")
    head, *lines = out.splitlines()
    assert head.split()[-2:] == ["articles", "evidence"]
    at = head.index("articles")                  # the article count sits under its heading
    assert sorted(ln[at:].split()[0] for ln in lines if "Russian jets bombed Tripoli" in ln) == ["1", "2"]


def test_summary(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--summary")
    assert code == 0 and "3 documents, 6 events (4 after fusing across articles)" in out
    _, out, _ = run(capsys, "query", "--db", db, "--summary", "--format", "json")
    assert json.loads(out)["by_type"] == {"ASSAULT": 3, "REQUEST": 2, "ACCUSE": 1}


@pytest.mark.parametrize("argv, message", [
    (["--since", "2020-13-01"], "not a date"),
    (["--until", "yesterday"], "not a date"),
    (["--type", "BOMBING"], "unknown event type"),
    (["--limit", "-1"], "--limit"),
])
def test_bad_values_exit_2(db, capsys, argv, message):
    code, _, err = run(capsys, "query", "--db", db, *argv)
    assert code == 2 and message in err


def test_missing_store_exits_1_with_a_hint(tmp_path, capsys):
    code, _, err = run(capsys, "query", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "eventwire ingest" in err
    assert not (tmp_path / "none.db").exists()


def test_hostile_filter_values_are_data_not_sql(db, capsys):
    code, out, _ = run(capsys, "query", "--db", db, "--actor", "x' OR '1'='1", "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "query", "--db", db, "--place", "%", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_control_characters_leave_a_filter():
    from eventwire.store import EventFilter

    assert EventFilter(place="\x00Kharkiv\x1f").place == "Kharkiv"
    assert EventFilter(text="\x00").text is None
