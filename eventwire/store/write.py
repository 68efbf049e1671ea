"""One record → rows in every table. The caller holds the transaction; nothing here commits."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from eventwire.record import Record, Span
from eventwire.store.derived import DERIVED_COLUMNS, event_columns
from eventwire.store.keys import actor_key, date_range, place_key


def _span(s: Span | None) -> tuple[int | None, int | None, str | None]:
    return (None, None, None) if s is None else (s.start, s.end, s.text)


def sentence_number(sentences: list[tuple[int, int]], start: int | None) -> int | None:
    """1-based number of the sentence holding character `start` (None when unknown)."""
    if start is None:
        return None
    for n, (a, b) in enumerate(sentences, 1):
        if a <= start < max(b, a + 1):
            return n
    return None


def global_id(doc_id: str, local_id: str) -> str:
    return f"{doc_id}#{local_id}"


def insert_record(db: sqlite3.Connection, rec: Record, *, full_text: bool) -> list[str]:
    """Write the record's rows; returns the global ids of its events (in record order)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db.execute("INSERT INTO documents(doc_id, title, source, url, published, language, text, record_json, "
               "n_events, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
               (rec.doc_id, rec.title, rec.source, rec.url, rec.published, rec.language, rec.text,
                rec.to_json(), len(rec.events), now))
    _insert_actors(db, rec)
    _insert_places(db, rec)
    ids = _insert_events(db, rec)
    _insert_quotes(db, rec)
    _insert_relations(db, rec)
    if full_text:   # full-text rows share their table row's rowid, so a document can be deleted cleanly
        db.execute("INSERT INTO documents_fts(rowid, doc_id, title, text) SELECT rowid, doc_id, coalesce(title, ''), "
                   "text FROM documents WHERE doc_id = ?", (rec.doc_id,))
        db.execute("INSERT INTO events_fts(rowid, event_id, evidence) SELECT rowid, event_id, "
                   "coalesce(evidence_text, '') FROM events WHERE doc_id = ?", (rec.doc_id,))
    return ids


def delete_document(db: sqlite3.Connection, doc_id: str, *, full_text: bool) -> None:
    """Remove a document and every row read from it (fusion must be undone first: see fusion.unfuse_document)."""
    if full_text:
        db.execute("DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE doc_id = ?)", (doc_id,))
        db.execute("DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE doc_id = ?)", (doc_id,))
    db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))     # cascades to events, actors, places…


def _insert_actors(db: sqlite3.Connection, rec: Record) -> None:
    rows = []
    for a in rec.actors:
        first = min(a.mentions, key=lambda m: m.start) if a.mentions else None
        rows.append((rec.doc_id, a.id, actor_key(a), a.name, a.country, a.sector, a.kb_id, a.role, a.affiliation,
                     a.reason, len(a.mentions), *_span(first)))
    db.executemany("INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def _insert_places(db: sqlite3.Connection, rec: Record) -> None:
    rows = []
    for p in rec.places:
        first = min(p.mentions, key=lambda m: m.start) if p.mentions else None
        rows.append((rec.doc_id, p.id, place_key(p), p.name, p.country, p.kind, p.lat, p.lon, p.geonameid,
                     p.reason, len(p.mentions), *_span(first), p.role, p.precision, p.admin1, p.admin1_name))
    db.executemany(f"INSERT INTO places ({', '.join(PLACE_INSERT_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * len(PLACE_INSERT_COLUMNS))})", rows)


# Named, so that a later migration adding a column cannot shift values.
PLACE_INSERT_COLUMNS = (
    "doc_id", "place_id", "place_key", "name", "country", "kind", "lat", "lon", "geonameid", "reason",
    "n_mentions", "first_start", "first_end", "first_text", "role", "precision", "admin1", "admin1_name")


EVENT_INSERT_COLUMNS = (
    "event_id", "doc_id", "local_id", "seq", "type", "mode", "cameo",
    "source_id", "source_key", "source_name", "source_country", "source_sector",
    "target_id", "target_key", "target_name", "target_country", "target_sector",
    "date", "date_lo", "date_hi", "place_id", "place_key", "place_name", "place_country", "lat", "lon", "geonameid",
    "negated", "hypothetical", "confidence", "trigger_start", "trigger_end", "trigger_text",
    "evidence_start", "evidence_end", "evidence_text", "reason", "sentence", *DERIVED_COLUMNS)


def _insert_events(db: sqlite3.Connection, rec: Record) -> list[str]:
    rows, ids = [], []
    sents = [(s.start, s.end) for s in rec.sentences]
    for seq, e in enumerate(rec.events):
        src, tgt, place = rec.actor(e.source), rec.actor(e.target), rec.place(e.place)
        lo, hi = date_range(e.date) or (None, None)
        eid = global_id(rec.doc_id, e.id)
        ids.append(eid)
        derived = event_columns(e, place, rec.dates, rec.counts)
        rows.append((
            eid, rec.doc_id, e.id, seq, e.type, e.mode, e.cameo,
            e.source, actor_key(src) if src else None, src.name if src else None,
            src.country if src else None, src.sector if src else None,
            e.target, actor_key(tgt) if tgt else None, tgt.name if tgt else None,
            tgt.country if tgt else None, tgt.sector if tgt else None,
            e.date, lo, hi,
            e.place, place_key(place), place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None, place.geonameid if place else None,
            int(bool(e.negated)), int(bool(e.hypothetical)), float(e.confidence),
            *_span(e.trigger), *_span(e.evidence), e.reason,
            sentence_number(sents, (e.evidence or e.trigger).start if (e.evidence or e.trigger) else None),
            *(derived[c] for c in DERIVED_COLUMNS)))
    # Columns named, not positional: a later migration that adds a column cannot shift these values.
    db.executemany(f"INSERT INTO events({', '.join(EVENT_INSERT_COLUMNS)}) "
                   f"VALUES ({','.join('?' * len(EVENT_INSERT_COLUMNS))})", rows)
    return ids


def _insert_quotes(db: sqlite3.Connection, rec: Record) -> None:
    rows = []
    for seq, q in enumerate(rec.quotes):
        sp = rec.actor(q.speaker)
        rows.append((global_id(rec.doc_id, q.id), rec.doc_id, q.id, seq, q.speaker,
                     actor_key(sp) if sp else None, sp.name if sp else None, q.speaker_text,
                     *_span(q.content), *_span(q.cue), int(bool(q.direct)), q.medium, q.reason))
    db.executemany(f"INSERT INTO quotes VALUES ({','.join('?' * 17)})", rows)


def _insert_relations(db: sqlite3.Connection, rec: Record) -> None:
    rows = []
    for seq, r in enumerate(rec.relations):
        fa, ta = rec.actor(r.from_), rec.actor(r.to)
        rows.append((global_id(rec.doc_id, f"R{seq + 1}"), rec.doc_id, seq, r.kind,
                     r.from_, actor_key(fa) if fa else None, fa.name if fa else None,
                     r.to, actor_key(ta) if ta else None, ta.name if ta else None,
                     *_span(r.evidence), r.reason))
    db.executemany(f"INSERT INTO relations VALUES ({','.join('?' * 14)})", rows)
