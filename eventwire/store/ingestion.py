"""Ingest: articles → pipeline → store, one transaction per article, resumable at any moment.

A document whose id is known before coding (given in the input, or the content hash of the raw text)
and already stored is skipped without spending a parse on it. Because each article is committed with
its whole record in one transaction, a run killed at any point (even kill -9) leaves only complete
documents behind, and running the same command again stores exactly the ones that are missing.
"""
from __future__ import annotations

import sqlite3
import time
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
    seconds: float = 0.0   # since `started`, updated as records are stored
    started: float = field(default_factory=time.perf_counter, repr=False)

    @property
    def articles_per_second(self) -> float:
        done = self.stored + self.skipped
        return done / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        replaced = f" ({self.replaced} replaced)" if self.replaced else ""
        return (f"stored {self.stored} article{'s' * (self.stored != 1)}{replaced} ({self.events} events), "
                f"{self.skipped} already stored, {self.rejected} rejected, in {self.seconds:.1f} s "
                f"({self.articles_per_second:.1f} articles/s)")


def known_doc_id(art: Article) -> str:
    """The doc_id the pipeline will give this article: the given id, else the hash of its raw text."""
    if art.meta.doc_id:
        return art.meta.doc_id
    from eventwire.pipeline import _stable_id   # the pipeline's own rule, so the two never disagree

    return _stable_id(art.text if art.text is not None else art.html or "")


def skip_stored(items: Iterable[Article | Rejection], store: Store, stats: IngestStats) -> Iterator[Article | Rejection]:
    """The inputs minus the articles whose doc_id is already stored (counted in stats.skipped)."""
    for item in items:
        if isinstance(item, Article) and store.has_document(known_doc_id(item)):
            stats.skipped += 1
            continue
        yield item


def store_outcomes(outcomes: Iterable[Record | Rejection], store: Store, stats: IngestStats, *,
                   on_rejection: Callable[[Rejection], None] | None = None,
                   on_progress: Callable[[IngestStats], None] | None = None, replace: bool = False) -> IngestStats:
    """Write each coded record in its own transaction; rejections are counted and reported, never fatal.
    With `replace`, a record whose doc_id is stored replaces the stored version."""
    for item in outcomes:
        if isinstance(item, Record):
            try:
                existed = replace and store.has_document(item.doc_id)
                added = store.add_record(item, replace=replace)
                stats.replaced += existed and added
            except (sqlite3.IntegrityError, ValueError, TypeError) as exc:
                # a malformed record (duplicate ids, bad types) is that article's problem, not the run's
                item = Rejection(item.doc_id, f"cannot store the record: {exc.__class__.__name__}: {exc}")
            else:
                stats.stored += added
                stats.events += len(item.events) if added else 0
                stats.skipped += not added
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
