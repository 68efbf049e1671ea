"""`eventwire ingest`: code articles and store them in a SQLite corpus, skipping what is already stored."""
from __future__ import annotations

import argparse
import itertools
import sys

from eventwire.commands.common import (add_db_option, add_input_options, articles_from_args, report_rejection,
                                       settings_from_args)
from eventwire.engine import code_articles
from eventwire.errors import UsageError
from eventwire.store import Store
from eventwire.store.ingestion import IngestStats, skip_stored, store_outcomes

EXAMPLE = """example:
  eventwire ingest examples/ --db corpus.db
  eventwire ingest feed-2024-05.jsonl --db corpus.db      # run it again: stored articles are skipped
  eventwire query --db corpus.db --type ASSAULT"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="code articles into a SQLite store (resumable, idempotent)",
                       description="Code articles and store each one, with its whole record, in one transaction. "
                                   "Articles already stored (same doc_id) are skipped, so an interrupted run "
                                   "resumes where it stopped. Exit status: 0 all stored, 1 some inputs rejected, "
                                   "2 usage error.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    add_db_option(p, creates=True)
    p.add_argument("--replace", action="store_true",
                   help="code stored articles again and replace them (after a pipeline or dictionary update)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if not args.db.parent.is_dir():
        raise UsageError(f"cannot create {args.db}: directory {args.db.parent} does not exist")
    items = articles_from_args(args, settings)
    first = next(items, None)           # surfaces a missing input file before the store is created
    stats = IngestStats()
    with Store.open(args.db) as store:
        bar = _progress_bar(args)
        try:
            items = itertools.chain([first] if first else [], items)
            if not args.replace:
                items = skip_stored(items, store, stats, on_note=lambda doc_id, note: _note(doc_id, note, bar))
            todo = next(items, None)        # when everything is stored already, do not even load the model
            outcomes = [] if todo is None else code_articles(itertools.chain([todo], items), settings,
                                                             engine=args.engine, workers=args.workers,
                                                             scheduler=args.scheduler)
            store_outcomes(outcomes, store, stats, on_rejection=lambda r: _reject(r, bar),
                           on_progress=(lambda s: _tick(bar, s)) if bar is not None else None,
                           on_note=lambda doc_id, note: _note(doc_id, note, bar), replace=args.replace)
        finally:
            if bar is not None:
                bar.close()
        if not args.quiet:
            s = store.summary()
            print(f"eventwire: {stats.line()}")
            print(f"eventwire: {args.db} holds {s.documents} documents, {s.events} events "
                  f"({s.fused_events} after fusing across articles), {s.actors} actors, {s.places} places")
    return 1 if stats.rejected else 0


def _progress_bar(args: argparse.Namespace):
    """A tqdm bar on stderr, only when stderr is a terminal (never in logs or pipes)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False)


def _tick(bar, stats: IngestStats) -> None:
    bar.update(1)
    bar.set_postfix(stored=stats.stored, skipped=stats.skipped, rejected=stats.rejected, refresh=False)


def _note(doc_id: str, note: str, bar) -> None:
    """One line on stderr per note, as `code` prints a record's warnings."""
    if bar is not None:
        bar.clear()
    print(f"eventwire: note: {doc_id}: {note}", file=sys.stderr)


def _reject(rej, bar) -> None:
    if bar is not None:
        bar.clear()
    report_rejection(rej)
