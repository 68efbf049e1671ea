"""Ingest: articles → pipeline → store, one transaction per article, resumable at any moment.

A document whose id is known before coding (given in the input, or the content hash of the raw text)
and already stored is skipped without spending a parse on it. Because each article is committed with
its whole record in one transaction, a run killed at any point (even kill -9) leaves only complete
documents behind, and running the same command again stores exactly the ones that are missing.
"""
from __future__ import annotations

import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from eventwire.inputs import Article, Rejection
from eventwire.record import Record
from eventwire.store.core import Store


@dataclass
class IngestStats:
    stored: int = 0        # articles written (new or replacing a stored one)
    replaced: int = 0      # of which replaced a stored version (--replace)
    events: int = 0        # events in the articles written
    skipped: int = 0       # articles already in the store
    rejected: int = 0      # inputs that could not be coded
    notes: Counter = field(default_factory=Counter)   # note kind (see NOTE_KINDS) → articles it was said of
    seconds: float = 0.0   # since `started`, updated as records are stored
    started: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def articles_per_second(self) -> float:
        done = self.stored + self.skipped
        return done / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        replaced = f" ({self.replaced} replaced)" if self.replaced else ""
        notes = "".join(f", {n} {kind}" for kind, n in self.notes.items())
        return (f"stored {self.stored} article{'s' * (self.stored != 1)}{replaced} ({self.events} events), "
                f"{self.skipped} already stored, {self.rejected} rejected{notes}, in {self.seconds:.1f} s "
                f"({self.articles_per_second:.1f} articles/s)")


# What ingest says of an article besides storing it, by kind for the summary: (kind, how the note starts,
# words it holds). The record's warnings come from the pipeline; the last two kinds from the store.
NOTE_KINDS = (
    ("not English (stored, not coded)", "language detected as", ""),
    ("published date ignored", "published date", "not an ISO date"),
    ("dated from the page markup", "published date", "read from the page"),
    ("not UTF-8", "input was not UTF-8", ""),
    ("duplicate ids with different text (skipped)", "id already stored with different text", ""),
    ("near-copies of a stored article", "near-copy of", ""),
)


def note_kind(note: str) -> str:
    return next((kind for kind, start, holds in NOTE_KINDS if note.startswith(start) and holds in note),
                "other notes")


def known_doc_id(art: Article) -> str:
    """The doc_id the pipeline will give this article: the given id, else the hash of its raw text."""
    if art.meta.doc_id:
        return art.meta.doc_id
    from eventwire.pipeline import _stable_id   # the pipeline's own rule, so the two never disagree

    return _stable_id(art.text if art.text is not None else art.html or "")


def skip_stored(items: Iterable[Article | Rejection], store: Store, stats: IngestStats,
                on_note: Callable[[str, str], None] | None = None) -> Iterator[Article | Rejection]:
    """The inputs minus the articles whose doc_id is already stored (counted in stats.skipped). An article
    that brings a stored id with a different text is a note (`on_note(doc_id, note)`): it is skipped too,
    but said, since it is most likely a different article under a reused id (--replace stores it)."""
    for item in items:
        if isinstance(item, Article):
            doc_id = known_doc_id(item)
            stored = store.stored_text(doc_id)
            if stored is not None:
                stats.skipped += 1
                if item.meta.doc_id and not same_text(stored, _cleaned_text(item)):
                    _note(stats, on_note, doc_id, DIFFERENT_TEXT)
                continue
        yield item


DIFFERENT_TEXT = "id already stored with different text; kept the stored article (--replace stores this one)"


def same_text(a: str, b: str | None) -> bool:
    return b is not None and a.split() == b.split()


def _cleaned_text(art: Article) -> str | None:
    """The text the pipeline would code (cleaning only, no parse); None when it cannot be cleaned."""
    from eventwire.clean import clean_html, clean_text
    from eventwire.errors import InputError

    try:
        return (clean_html(art.html, title=art.meta.title) if art.html is not None
                else clean_text(art.text or "", title=art.meta.title)).text
    except InputError:
        return None


def _note(stats: IngestStats, on_note: Callable[[str, str], None] | None, doc_id: str, note: str) -> None:
    stats.notes[note_kind(note)] += 1
    if on_note:
        on_note(doc_id, note)


def store_outcomes(outcomes: Iterable[Record | Rejection], store: Store, stats: IngestStats, *,
                   on_rejection: Callable[[Rejection], None] | None = None,
                   on_progress: Callable[[IngestStats], None] | None = None,
                   on_note: Callable[[str, str], None] | None = None, replace: bool = False) -> IngestStats:
    """Write each coded record in its own transaction; rejections are counted and reported, never fatal;
    the record's warnings and what the store noticed (a near-copy, a reused id) are notes, counted by kind.
    With `replace`, a record whose doc_id is stored replaces the stored version."""
    for item in outcomes:
        if isinstance(item, Record):
            try:
                existed = store.has_document(item.doc_id)
                stored_text = store.stored_text(item.doc_id) if existed and not replace else None
                added = store.add_record(item, replace=replace)
                stats.replaced += existed and added
            except (sqlite3.IntegrityError, ValueError, TypeError) as exc:
                # a malformed record (duplicate ids, bad types) is that article's problem, not the run's
                item = Rejection(item.doc_id, f"cannot store the record: {exc.__class__.__name__}: {exc}")
            else:
                stats.stored += added
                stats.events += len(item.events) if added else 0
                stats.skipped += not added
                for note in item.warnings if added else ():
                    _note(stats, on_note, item.doc_id, note)
                if added and (copy := store.near_copy(item.doc_id)) is not None:
                    _note(stats, on_note, item.doc_id, f"near-copy of {copy[0]} (similarity {copy[1]:.2f})")
                if not added and stored_text is not None and not same_text(stored_text, item.text):
                    _note(stats, on_note, item.doc_id, DIFFERENT_TEXT)   # the same id twice in one run
        if isinstance(item, Rejection):
            stats.rejected += 1
            if on_rejection:
                on_rejection(item)
        stats.seconds = time.perf_counter() - stats.started
        if on_progress:
            on_progress(stats)
    stats.seconds = time.perf_counter() - stats.started
    return stats


def ingest(records: Iterable[Record | Rejection], db: str | Path | Store) -> IngestStats:
    """Store already-coded records (e.g. `Pipeline().pipe(articles)`) into the store at `db`."""
    if isinstance(db, Store):
        return store_outcomes(records, db, IngestStats())
    with Store.open(db) as store:
        return store_outcomes(records, store, IngestStats())
