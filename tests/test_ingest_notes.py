"""`ingest` says what `code` says (issue 17.4): each skipped or altered article is one line on stderr and
is counted in the summary. Real pipeline, real SQLite file."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from eventwire.cli import main

ENGLISH = "Kenyan police arrested 20 protesters in Nairobi on Tuesday after a march against fuel prices."
OTHER = "Ugandan troops shelled rebel positions near the border on Sunday, officials in Kampala said."
GERMAN = ("Die Regierung hat am Dienstag neue Gespräche mit der Opposition angekündigt. Der Minister sagte, "
          "man wolle die Verhandlungen noch in diesem Monat in der Hauptstadt fortsetzen.")


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("eventwire: note: ")]


def published(db: Path, doc_id: str) -> str | None:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT published FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0]
    finally:
        con.close()


def test_each_quiet_case_is_one_line_and_counted(tmp_path, capsys):
    feed = write(tmp_path / "feed.jsonl", [
        {"id": "ok", "text": ENGLISH, "published": "2024-03-05"},
        {"id": "german", "text": GERMAN, "published": "2024-03-05"},
        {"id": "us-date", "text": OTHER, "published": "03/05/2024"},
        {"id": "date-key", "text": OTHER + " The army denied it.", "date": "2024-03-06"},
        {"id": "ok", "text": OTHER + " A second story under a reused id.", "published": "2024-03-07"},
    ])
    db = tmp_path / "c.db"
    assert main(["ingest", str(feed), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    lines = notes(err)
    assert len([n for n in lines if n.startswith("eventwire: note: german: language detected as 'de'")]) == 1
    assert len([n for n in lines if n.startswith("eventwire: note: us-date: published date '03/05/2024' "
                                                 "is not an ISO date")]) == 1
    assert len([n for n in lines if n.startswith("eventwire: note: ok: id already stored with different text")]) == 1
    assert not [n for n in lines if "date-key" in n]                  # "date" is read as "published"
    assert published(db, "date-key") == "2024-03-06"
    assert ("stored 4 articles" in out and "1 already stored" in out and "1 not English (stored, not coded)" in out
            and "1 published date ignored" in out and "1 duplicate ids with different text (skipped)" in out), out


def test_a_reused_id_in_a_later_run_is_said(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert main(["ingest", str(write(tmp_path / "a.jsonl", [{"id": "x1", "text": ENGLISH}])), "--db", str(db)]) == 0
    capsys.readouterr()
    later = write(tmp_path / "b.jsonl", [{"id": "x1", "text": ENGLISH + "\n\n"},          # the same article again
                                         {"id": "x1", "text": OTHER}])                    # another under its id
    assert main(["ingest", str(later), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert notes(err) == ["eventwire: note: x1: id already stored with different text; kept the stored article "
                          "(--replace stores this one)"]
    assert "2 already stored" in out and "1 duplicate ids with different text (skipped)" in out


def test_date_alias_never_beats_published(tmp_path, capsys):
    feed = write(tmp_path / "f.jsonl", [{"id": "both", "text": ENGLISH, "published": "2024-03-05", "date": "2020-01-01"}])
    db = tmp_path / "c.db"
    assert main(["ingest", str(feed), "--db", str(db)]) == 0
    assert published(db, "both") == "2024-03-05"


def test_a_page_dated_from_its_markup_is_said_and_counted(tmp_path, capsys):
    html = ('<html><head><meta property="article:published_time" content="2024-02-20T08:00:00Z"></head><body>'
            f"<article><p>{ENGLISH}</p><p>{OTHER}</p></article></body></html>")
    db = tmp_path / "c.db"
    assert main(["ingest", str(write(tmp_path / "p.jsonl", [{"id": "page", "html": html}])), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert notes(err) == ["eventwire: note: page: published date 2024-02-20 read from the page's markup by htmldate "
                          "(meta tags, JSON-LD, <time>, URL or byline)"]
    assert "1 dated from the page markup" in out and published(db, "page") == "2024-02-20"
