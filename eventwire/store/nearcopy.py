"""Near-copies: the same wire story carried by several publishers, lightly edited.

Similarity is measured on word 5-grams ("shingles"): the share of the shorter article's 5-grams that
the other article also has (the overlap coefficient). A changed headline, a reworded sentence, an added
paragraph or a story cut short leave most 5-grams alone; two reports of one event written apart share
almost none (under 0.1). At NEAR_COPY_MIN or more, the later article is a near-copy of the earlier one.

Candidates come from an index of shingle hashes, so a new article is never compared with every stored
one: each document keeps the hashes of a fixed one-in-SAMPLE subset of its 5-grams (the same subset
for every document, chosen by hash), or all of them when it is short. A new article looks up all its
hashes there; the few documents that share most are then compared exactly, on their stored text.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3

SHINGLE_WORDS = 5
NEAR_COPY_MIN = 0.5          # share of the shorter article's 5-grams found in the other
MIN_SHINGLES = 20            # a shorter text (a headline, one sentence) is nobody's near-copy
SAMPLE = 8                   # long documents index one 5-gram in 8 ...
KEEP_ALL_BELOW = 160         # ... short ones all of theirs, so a short copy is still found
MAX_CANDIDATES = 10          # documents compared exactly, those sharing most indexed 5-grams first
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def similarity(a: set[str], b: set[str]) -> float:
    """Overlap coefficient: |a ∩ b| / min(|a|, |b|)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def shingle_hash(s: str) -> int:
    """Stable 63-bit hash (SQLite integers are signed 64-bit; Python's hash() changes between runs)."""
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little") >> 1


def index_document(db: sqlite3.Connection, doc_id: str, text: str) -> tuple[str, float] | None:
    """Index the document's 5-grams and record its near-copy: the most similar stored document at or above
    NEAR_COPY_MIN (the earliest stored on ties). Returns (that doc_id, similarity) or None."""
    sh = shingles(text)
    found = _most_similar(db, doc_id, sh) if len(sh) >= MIN_SHINGLES else None
    hashes = {shingle_hash(s) for s in sh}
    kept = hashes if len(hashes) < KEEP_ALL_BELOW else {h for h in hashes if h % SAMPLE == 0}
    db.executemany("INSERT INTO document_shingles(hash, doc_id) VALUES (?, ?)", [(h, doc_id) for h in kept])
    db.execute("UPDATE documents SET near_copy_of = ?, near_copy_similarity = ? WHERE doc_id = ?",
               (found[0] if found else None, found[1] if found else None, doc_id))
    return found


def _most_similar(db: sqlite3.Connection, doc_id: str, sh: set[str]) -> tuple[str, float] | None:
    hashes = sorted({shingle_hash(s) for s in sh})
    shared: dict[str, int] = {}
    for i in range(0, len(hashes), 900):            # SQLite caps the number of parameters per statement
        chunk = hashes[i:i + 900]
        for other, n in db.execute(f"SELECT doc_id, count(*) FROM document_shingles WHERE hash IN "
                                   f"({','.join('?' * len(chunk))}) AND doc_id != ? GROUP BY doc_id",
                                   (*chunk, doc_id)):
            shared[other] = shared.get(other, 0) + n
    for (copy,) in db.execute("SELECT doc_id FROM documents WHERE near_copy_of = ?", (doc_id,)):
        shared.pop(copy, None)           # a replaced original never becomes a copy of its own copy
    best: tuple[float, int, str] | None = None
    for other in sorted(shared, key=lambda d: -shared[d])[:MAX_CANDIDATES]:
        rowid, text = db.execute("SELECT rowid, text FROM documents WHERE doc_id = ?", (other,)).fetchone()
        other_sh = shingles(text)
        if len(other_sh) < MIN_SHINGLES:
            continue
        sim = similarity(sh, other_sh)
        if sim >= NEAR_COPY_MIN and (best is None or (-sim, rowid) < (-best[0], best[1])):
            best = (sim, rowid, other)
    return (best[2], round(best[0], 3)) if best else None


def forget_document(db: sqlite3.Connection, doc_id: str, *, replaced: bool = False) -> None:
    """Before a document is deleted: its index rows go, and its copies are no longer copies of anything
    stored, unless it is `replaced` (stored again under its id in the same transaction)."""
    if not replaced:
        db.execute("UPDATE documents SET near_copy_of = NULL, near_copy_similarity = NULL WHERE near_copy_of = ?",
                   (doc_id,))
    db.execute("DELETE FROM document_shingles WHERE doc_id = ?", (doc_id,))


def near_copy(db: sqlite3.Connection, doc_id: str) -> tuple[str, float] | None:
    """(the stored document `doc_id` is a near-copy of, their similarity), or None."""
    try:
        row = db.execute("SELECT near_copy_of, near_copy_similarity FROM documents WHERE doc_id = ?",
                         (doc_id,)).fetchone()
    except sqlite3.OperationalError:     # an older store, while migration 005 rebuilds fusion before 006 runs
        return None
    return (row[0], row[1]) if row and row[0] else None
