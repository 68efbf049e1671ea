"""Duplicate stories (issue 17.2): a wire story carried by several publishers with light edits is marked a
near-copy of the first one stored, and its events fuse with the original's even where the edits made the
coder read an actor or a date differently. Real pipeline, real SQLite file; the corpus is our own text
(tests/corpora/wire_copies.jsonl: four stories told two or three times, and one story that is no copy)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from eventwire.inputs import read_inputs
from eventwire.store import Store
from eventwire.store.fusion import CopiedEvent, match_copied
from eventwire.store.ingestion import IngestStats, store_outcomes
from eventwire.store.nearcopy import NEAR_COPY_MIN, shingles, similarity

CORPUS = Path(__file__).resolve().parent / "corpora" / "wire_copies.jsonl"
COPIES = {"lagosdaily-0514-borno": "sahel-0514-borno", "monitor-0515-borno": "sahel-0514-borno",
          "scraped-tbilisi-copy": "caucasus-0603-tbilisi", "anatolia-0918-cairo": "nile-0918-cairo",
          "levant-0919-cairo": "nile-0918-cairo", "pacific-1108-lima": "andes-1107-lima"}


@pytest.fixture(scope="module")
def corpus_db(pipeline, tmp_path_factory) -> tuple[Path, IngestStats, list[tuple[str, str]]]:
    path = tmp_path_factory.mktemp("copies") / "copies.db"
    notes: list[tuple[str, str]] = []
    with Store.open(path) as store:
        stats = store_outcomes(pipeline.pipe(read_inputs([str(CORPUS)])), store, IngestStats(),
                               on_note=lambda d, n: notes.append((d, n)))
    return path, stats, notes


def fused_id(db: sqlite3.Connection, event_id: str) -> int:
    return db.execute("SELECT fused_id FROM fused_members WHERE event_id = ?", (event_id,)).fetchone()[0]


def test_each_copy_is_marked_with_its_original_and_similarity(corpus_db):
    path, stats, notes = corpus_db
    db = sqlite3.connect(path)
    marked = {d: (o, s) for d, o, s in db.execute("SELECT doc_id, near_copy_of, near_copy_similarity FROM documents")}
    assert {d: o for d, (o, _) in marked.items() if o} == COPIES
    assert all(NEAR_COPY_MIN <= s <= 1 for o, s in marked.values() if o)
    assert marked["sahel-0521-borno"] == (None, None)            # another attack in Borno, other words: no copy
    assert stats.notes["near-copies of a stored article"] == len(COPIES)
    assert ("pacific-1108-lima", f"near-copy of andes-1107-lima (similarity {marked['pacific-1108-lima'][1]:.2f})") in notes
    with Store.open(path, readonly=True) as store:
        assert store.near_copy("levant-0919-cairo") == ("nile-0918-cairo", marked["levant-0919-cairo"][1])
        row = next(d for d in store.documents() if d.doc_id == "levant-0919-cairo")
        assert (row.near_copy_of, row.near_copy_similarity) == marked["levant-0919-cairo"]


def test_copies_fuse_where_the_coder_read_them_apart(corpus_db):
    """Events in the same sentence of a copy join the original's, even with an undated copy ("scraped") or an
    edited actor ("Georgian police" for "police", "Peru police" for "police")."""
    db = sqlite3.connect(corpus_db[0])
    tbilisi = db.execute("SELECT e.local_id, e.type FROM events e WHERE doc_id = 'caucasus-0603-tbilisi'").fetchall()
    assert tbilisi, "the pipeline found no event in the Tbilisi story"
    for local_id, _type in tbilisi:
        copy = db.execute("SELECT event_id FROM events WHERE doc_id = 'scraped-tbilisi-copy' AND type = ? AND "
                          "evidence_text = (SELECT evidence_text FROM events WHERE event_id = ?)",
                          (_type, f"caucasus-0603-tbilisi#{local_id}")).fetchall()
        for (eid,) in copy:
            assert fused_id(db, eid) == fused_id(db, f"caucasus-0603-tbilisi#{local_id}"), eid
    lima = {t: fused_id(db, f"andes-1107-lima#{i}") for i, t in
            db.execute("SELECT local_id, type FROM events WHERE doc_id = 'andes-1107-lima'")}
    pacific = {t: fused_id(db, f"pacific-1108-lima#{i}") for i, t in
               db.execute("SELECT local_id, type FROM events WHERE doc_id = 'pacific-1108-lima'")}
    assert lima["COERCE"] == pacific["COERCE"]


def test_events_before_and_after_fusing(corpus_db):
    db = sqlite3.connect(corpus_db[0])
    events = db.execute("SELECT count(*) FROM events").fetchone()[0]
    fused = db.execute("SELECT count(*) FROM fused_events").fetchone()[0]
    copy_events = db.execute("SELECT count(*) FROM fused_members m JOIN documents d USING (doc_id) "
                             "WHERE d.near_copy_of IS NOT NULL").fetchone()[0]
    alone = db.execute("SELECT count(*) FROM fused_members m JOIN documents d USING (doc_id) JOIN fused_events f "
                       "USING (fused_id) WHERE d.near_copy_of IS NOT NULL AND f.n_members = 1").fetchone()[0]
    assert fused < events
    assert alone <= copy_events // 4, f"{alone} of {copy_events} events of copies fused with nothing"


def test_deleting_the_original_unmarks_its_copies(corpus_db, tmp_path):
    path = tmp_path / "d.db"
    path.write_bytes(corpus_db[0].read_bytes())
    with Store.open(path) as store:
        assert store.delete_document("andes-1107-lima")
        assert store.near_copy("pacific-1108-lima") is None
        assert store.db.execute("SELECT count(*) FROM document_shingles WHERE doc_id = 'andes-1107-lima'"
                                ).fetchone()[0] == 0


def test_similarity_separates_copies_from_reports_of_one_event():
    rows = {r["id"]: r["text"] for r in map(json.loads, CORPUS.read_text().splitlines())}
    assert similarity(shingles(rows["sahel-0514-borno"]), shingles(rows["monitor-0515-borno"])) > 0.8
    assert similarity(shingles(rows["sahel-0514-borno"]), shingles(rows["sahel-0521-borno"])) < 0.2


def test_each_original_event_takes_one_copied_event_the_most_alike():
    def ev(eid: str, source: str, fused: int | None = None, evidence: str = "Police detained 25 people near "
           "parliament on Sunday.") -> CopiedEvent:
        return CopiedEvent(eid, "COERCE", "asserted", evidence, "detained", source, "", "2024-06-02", None, fused)

    original = [ev("o1", "police", 1), ev("o2", "army", 2)]
    copy = [ev("c1", "army"), ev("c2", "georgian police"), ev("c3", "police", evidence="Rain fell all day.")]
    assert match_copied(copy, original) == {"c1": 2, "c2": 1}


def test_replacing_an_original_keeps_its_copies_marked(corpus_db, tmp_path):
    path = tmp_path / "r.db"
    path.write_bytes(corpus_db[0].read_bytes())
    with Store.open(path) as store:
        original = store.document("andes-1107-lima")
        assert store.add_record(original, replace=True)
        assert store.near_copy("pacific-1108-lima")[0] == "andes-1107-lima"
        assert store.near_copy("andes-1107-lima") is None          # never a copy of its own copy
