"""`eventwire ingest` with the real pipeline and real SQLite files: idempotence, resumption after kill -9,
rejections, and a reader working while a writer ingests."""
from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.cli import main
from eventwire.inputs import Article, Meta
from eventwire.store import Store
from eventwire.store.ingestion import IngestStats, known_doc_id, skip_stored

ROOT = Path(__file__).resolve().parent.parent

COUNTRIES = [("Kenya", "Nairobi", "Kenyan"), ("Peru", "Lima", "Peruvian"), ("Ukraine", "Kyiv", "Ukrainian"),
             ("Sudan", "Khartoum", "Sudanese"), ("Colombia", "Bogota", "Colombian"), ("Turkey", "Ankara", "Turkish")]
LEADS = [
    "{dem} police arrested dozens of protesters in {city} on Tuesday after a march against fuel prices turned violent.",
    "The government of {country} urged the United Nations on Monday to send observers to the disputed border.",
    "{dem} troops shelled rebel positions outside {city} on Sunday, killing at least 12 fighters, officials said.",
    "Thousands of teachers went on strike in {city} on Wednesday to demand higher wages.",
    "{country}'s foreign minister met his counterpart from Brazil in {city} to discuss a trade agreement.",
]
BODY = [
    "\"We will not accept violence on our streets,\" the interior minister told reporters.",
    "Opposition leaders condemned the decision and called for an independent investigation.",
    "The European Union said it was following events closely and urged all sides to show restraint.",
    "Residents said shops in the city centre stayed closed for most of the day.",
    "Analysts expect further talks between the two sides before the end of the month.",
]


def make_corpus(path: Path, n: int = 60) -> list[dict]:
    """`n` news-style articles built from our templates, one JSON object a line, each with its own id."""
    rows = []
    for i in range(n):
        country, city, dem = COUNTRIES[i % len(COUNTRIES)]
        lead = LEADS[i % len(LEADS)].format(country=country, city=city, dem=dem)
        body = " ".join(BODY[(i + k) % len(BODY)] for k in range(3))
        text = f"Story {i} from {city}\n\n{lead}\n\n{body}\n\nThe report was updated at {i % 12 + 1} p.m."
        rows.append({"id": f"art-{i:03d}", "published": f"2024-03-{i % 28 + 1:02d}", "source": "Test Wire",
                     "url": f"https://news.example/{i}", "text": text})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def consistency_problems(db_path: Path) -> list[str]:
    """Every stored document must be whole: its rows match its record, and no row is orphaned."""
    problems = []
    db = sqlite3.connect(db_path)
    for doc_id, n_events, record_json in db.execute("SELECT doc_id, n_events, record_json FROM documents"):
        rec = json.loads(record_json)
        n_rows = db.execute("SELECT count(*) FROM events WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        n_fused = db.execute("SELECT count(*) FROM fused_members WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        n_actors = db.execute("SELECT count(*) FROM actors WHERE doc_id = ?", (doc_id,)).fetchone()[0]
        if not (n_events == n_rows == n_fused == len(rec["events"])) or n_actors != len(rec["actors"]):
            problems.append(f"{doc_id}: events {n_events}/{n_rows}/{n_fused}/{len(rec['events'])}, "
                            f"actors {n_actors}/{len(rec['actors'])}")
    for table in ("events", "actors", "places", "quotes", "relations"):
        orphans = db.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} orphan rows in {table}")
    db.close()
    return problems


def doc_count(db_path: Path) -> int:
    db = sqlite3.connect(db_path)
    try:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        db.close()


def test_ingest_twice_stores_each_article_once(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus)
    db = tmp_path / "corpus.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    first = capsys.readouterr().out
    assert "stored 60 articles" in first and "0 already stored" in first
    assert doc_count(db) == 60 and consistency_problems(db) == []
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    second = capsys.readouterr().out
    assert "stored 0 articles" in second and "60 already stored" in second
    assert doc_count(db) == 60
    with Store.open(db, readonly=True) as store:
        rec = store.document("art-007")
        assert rec.source == "Test Wire" and rec.url == "https://news.example/7" and rec.published == "2024-03-08"
        assert rec.actors, "the pipeline found no actor in a story about Ukraine"


def test_kill_9_during_ingest_then_resume(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db), "--batch-size", "1", "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    at_kill = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                at_kill = doc_count(db)
            except sqlite3.OperationalError:      # schema not created yet
                at_kill = 0
            if at_kill >= 5:
                break
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after_kill = doc_count(db)
    assert 5 <= after_kill < 60
    assert consistency_problems(db) == []             # only whole documents survive the kill
    done = subprocess.run(cmd[:-1], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{after_kill} already stored" in done.stdout
    assert doc_count(db) == 60 and consistency_problems(db) == []
    db_conn = sqlite3.connect(db)
    assert db_conn.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone()[0] == 60
    db_conn.close()


def test_rejected_inputs_are_reported_and_the_run_goes_on(tmp_path, capsys):
    corpus = tmp_path / "mixed.jsonl"
    good = {"id": "ok-1", "text": "Kenyan police arrested 20 protesters in Nairobi on Tuesday.", "published": "2024-03-05"}
    corpus.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    db = tmp_path / "mixed.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert f"{corpus}:2" in err and "malformed JSON" in err
    assert f"{corpus}:3" in err
    assert "stored 1 article " in out and "2 rejected" in out
    assert doc_count(db) == 1


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text("Kenyan police arrested 20 protesters in Nairobi.", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "no" / "dir.db")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_hash_ids_are_known_before_coding(tmp_path, pipeline):
    """Without a given id the doc_id is a hash of the text; ingest predicts it, so a re-run parses nothing."""
    text = "Peruvian farmers blocked a highway near Lima on Monday to protest against water cuts."
    art = Article("t", text=text, meta=Meta(published="2024-03-04"))
    rec = pipeline.code(text, published="2024-03-04")
    assert known_doc_id(art) == rec.doc_id
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "h.db"
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--quiet"]) == 0
    with Store.open(db) as store:
        stats = IngestStats()
        assert list(skip_stored([art], store, stats)) == [] and stats.skipped == 1


@pytest.mark.parametrize("n_docs", [30])
def test_reader_queries_while_ingest_writes(tmp_path, n_docs):
    corpus = tmp_path / "corpus.jsonl"
    make_corpus(corpus, n_docs)
    db = tmp_path / "live.db"
    Store.open(db).close()     # the reader opens the file before the writer has stored anything
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db),
                             "--batch-size", "1", "--quiet"], cwd=ROOT, stderr=subprocess.PIPE)
    seen = []
    with Store.open(db, readonly=True) as reader:
        while proc.poll() is None:
            seen.append(reader.summary().documents)
            reader.events(limit=10)
            time.sleep(0.01)
        seen.append(reader.summary().documents)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert seen == sorted(seen) and seen[-1] == n_docs
    assert len(set(seen)) > 2, "the reader never saw the store between two commits"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "c.jsonl"
    make_corpus(corpus, 3)
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "p.db")]) == 0
    assert "articles/s" not in capsys.readouterr().err            # not a terminal: no bar
    term = _Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    make_corpus(corpus, 5)
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "p.db")]) == 0
    assert "articles/s]" in term.getvalue()
    assert "stored 2 articles" in capsys.readouterr().out


def test_replace_codes_stored_articles_again(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    rows = make_corpus(corpus, 4)
    db = tmp_path / "r.db"
    assert main(["ingest", str(corpus), "--db", str(db)]) == 0
    capsys.readouterr()
    rows[0]["text"] = rows[0]["text"].replace("Story 0", "Story zero (corrected)")
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows[:2]), encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", str(db), "--replace"]) == 0
    assert "stored 2 articles (2 replaced)" in capsys.readouterr().out
    assert doc_count(db) == 4 and consistency_problems(db) == []
    with Store.open(db, readonly=True) as store:
        assert "corrected" in store.document("art-000").text
        assert [d.doc_id for d in store.search_documents("corrected")] == ["art-000"]
