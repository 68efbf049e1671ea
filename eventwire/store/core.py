"""The corpus store: one SQLite file (WAL, foreign keys) holding records and what was read from them.

    from eventwire.store import Store, EventFilter
    with Store.open("corpus.db") as store:
        store.add_record(record)                       # one transaction; False if doc_id was already stored
        rows = store.events(EventFilter(type="ASSAULT", since="2020-05-01"), limit=50)

Readers and one writer can work at the same time (WAL); a writer waits up to BUSY_TIMEOUT_S for another.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Iterator

from eventwire.errors import StoreError
from eventwire.record import Record
from eventwire.store import catalog, queries, schema
from eventwire.store.filters import EventFilter
from eventwire.store.fusion import fuse_document, unfuse_document
from eventwire.store.nearcopy import forget_document, index_document, near_copy
from eventwire.store.rows import (ActorRow, DocumentRow, EventRow, FusedEventRow, Network, PlaceRow, QuoteRow,
                                  Summary)
from eventwire.store.write import delete_document, insert_record

# A web server reading while an ingest commits one article at a time waits milliseconds; 30 s covers a
# checkpoint on a slow disk without hanging forever on a stuck process.
BUSY_TIMEOUT_S = float(os.environ.get("EVENTWIRE_BUSY_TIMEOUT", "30"))


class Store:
    def __init__(self, db: sqlite3.Connection, path: str, *, readonly: bool) -> None:
        self.db = db
        self.path = path
        self.readonly = readonly
        self.version = schema.schema_version(db)
        self.full_text = schema.has_table(db, "documents_fts")

    # ---- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> "Store":
        """Open (and create or migrate, unless readonly) the store at `path`; raises StoreError."""
        path = str(path)
        if readonly and not Path(path).is_file():
            raise StoreError(f"no store at {path} (create one with `eventwire ingest … --db {path}`)")
        if not readonly and Path(path).parent and not Path(path).parent.exists():
            raise StoreError(f"cannot create {path}: directory {Path(path).parent} does not exist")
        try:
            if readonly:
                db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                     isolation_level=None, check_same_thread=False)
            else:
                db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")   # WAL + NORMAL: durable across process kills
                schema.migrate(db, path)
            else:
                version = schema.schema_version(db)
                schema.check_version(version, path)
                if version < schema.SCHEMA_VERSION:
                    raise StoreError(f"{path} has store schema version {version}, older than this eventwire's "
                                     f"({schema.SCHEMA_VERSION}); open it once for writing to upgrade it")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {path} as a store: {exc}") from None
        return cls(db, path, readonly=readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing ------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def stored_text(self, doc_id: str) -> str | None:
        """The cleaned text stored under `doc_id`, or None when it is not stored."""
        row = self.db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def near_copy(self, doc_id: str) -> tuple[str, float] | None:
        """(the stored document `doc_id` is a near-copy of, their similarity), or None (store/nearcopy.py)."""
        return near_copy(self.db, doc_id)

    def add_record(self, rec: Record, *, replace: bool = False) -> bool:
        """Store the record, its rows and its fusion in one transaction. False when doc_id is already stored,
        unless `replace`: then the stored document is removed first (in the same transaction)."""
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:    # locked by another writer past the timeout, disk errors…
            raise StoreError(f"cannot write to {self.path}: {exc} (is another ingest writing to it? "
                             f"waited {BUSY_TIMEOUT_S:.0f} s)") from None
        try:
            if self.has_document(rec.doc_id):
                if not replace:
                    self.db.execute("ROLLBACK")
                    return False
                unfuse_document(self.db, rec.doc_id)
                forget_document(self.db, rec.doc_id, replaced=True)
                delete_document(self.db, rec.doc_id, full_text=self.full_text)
            insert_record(self.db, rec, full_text=self.full_text)
            index_document(self.db, rec.doc_id, rec.text)      # before fusion: a near-copy's events join its original's
            fuse_document(self.db, rec.doc_id)
            self.db.execute("COMMIT")
            return True
        except sqlite3.OperationalError as exc:     # disk full, I/O error: the store itself is the problem
            self.db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from None
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document with all its rows and its share of fused events; False if it was not stored."""
        if self.readonly:
            raise StoreError(f"{self.path} was opened read-only")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            found = self.has_document(doc_id)
            if found:
                unfuse_document(self.db, doc_id)
                forget_document(self.db, doc_id)
                delete_document(self.db, doc_id, full_text=self.full_text)
            self.db.execute("COMMIT")
            return found
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # ---- reading ------------------------------------------------------------------------------
    def events(self, filters: EventFilter | None = None, limit: int | None = 100, offset: int = 0,
               sort: str | None = None) -> list[EventRow]:
        """`sort`: a key of queries.EVENT_SORTS ("place"; "-fatalities" descending); default: by date."""
        return queries.select_events(self.db, filters or EventFilter(), full_text=self.full_text,
                                     limit=limit, offset=offset, sort=sort)

    def iter_events(self, filters: EventFilter | None = None) -> Iterator[EventRow]:
        """All matching events in order, streamed (no limit)."""
        return queries.iter_events(self.db, filters or EventFilter(), full_text=self.full_text)

    def count_events(self, filters: EventFilter | None = None) -> int:
        return queries.count_events(self.db, filters or EventFilter(), full_text=self.full_text)

    def event(self, event_id: str) -> EventRow | None:
        rows = self.db.execute(f"SELECT {queries.EVENT_COLUMNS} FROM {queries.EVENT_FROM} WHERE e.event_id = ?",
                               (event_id,)).fetchall()
        return queries.event_row(rows[0]) if rows else None

    def fused_events(self, filters: EventFilter | None = None, limit: int | None = 100,
                     offset: int = 0, sort: str | None = None) -> list[FusedEventRow]:
        return queries.select_fused(self.db, filters or EventFilter(), full_text=self.full_text,
                                    limit=limit, offset=offset, sort=sort)

    def count_fused_events(self, filters: EventFilter | None = None) -> int:
        return queries.count_fused(self.db, filters or EventFilter(), full_text=self.full_text)

    def fused_event(self, fused_id: int) -> FusedEventRow | None:
        ok = self.db.execute("SELECT 1 FROM fused_events WHERE fused_id = ?", (fused_id,)).fetchone()
        return queries.fused_row(self.db, fused_id) if ok else None

    def document(self, doc_id: str) -> Record | None:
        """The full eventwire/1 record, with its spans."""
        row = self.db.execute("SELECT record_json FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return Record.from_json(row[0]) if row else None

    def documents(self, limit: int | None = 100, offset: int = 0) -> list[DocumentRow]:
        return catalog.select_documents(self.db, limit=limit, offset=offset)

    def search_documents(self, text: str, limit: int | None = 100) -> list[DocumentRow]:
        """Documents whose title or text holds all the words of `text`."""
        q = queries.fts_query(text)
        if not q:
            return []
        if self.full_text:
            ids = [r[0] for r in self.db.execute("SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ? "
                                                 "ORDER BY rank", (q,))]
        else:
            ids = [r[0] for r in self.db.execute("SELECT doc_id FROM documents WHERE text LIKE ? ESCAPE '\\'",
                                                 (queries.like_pattern(text),))]
        docs = {d.doc_id: d for d in catalog.select_documents(self.db)} if ids else {}
        return [docs[i] for i in ids if i in docs][:limit]

    def quotes(self, *, doc_id: str | None = None, speaker: str | None = None, limit: int | None = 100,
               offset: int = 0) -> list[QuoteRow]:
        return catalog.select_quotes(self.db, doc_id=doc_id, speaker=speaker, limit=limit, offset=offset)

    def actors(self, limit: int | None = None, offset: int = 0) -> list[ActorRow]:
        return catalog.select_actors(self.db, limit=limit, offset=offset)

    def places(self, limit: int | None = None, offset: int = 0) -> list[PlaceRow]:
        return catalog.select_places(self.db, limit=limit, offset=offset)

    def network(self, filters: EventFilter | None = None, min_weight: int = 1) -> Network:
        return catalog.select_network(self.db, filters or EventFilter(), full_text=self.full_text,
                                      min_weight=min_weight)

    def summary(self) -> Summary:
        return catalog.summarize(self.db, self.path, self.version, self.full_text)
