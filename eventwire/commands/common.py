"""Option bundles shared by commands, so a flag means the same thing everywhere."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

from eventwire.engine import ENGINES
from eventwire.errors import UsageError
from eventwire.inputs import Article, Meta, Rejection, read_inputs
from eventwire.settings import Settings


def iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt, .html or .jsonl file, a directory of them, or - for stdin")
    g = p.add_argument_group("article metadata (for .txt/.html inputs; JSONL rows carry their own)")
    g.add_argument("--published", type=iso_date, help="publication date, YYYY-MM-DD")
    g.add_argument("--source", help="publisher name, e.g. 'TRT World'")
    g.add_argument("--url", help="article URL")
    g.add_argument("--doc-id", help="document id (one input only); default: a hash of the text")
    g = p.add_argument_group("coding")
    g.add_argument("--actors", action="append", type=Path, default=[], metavar="FILE",
                   help="extra actor dictionary (eventwire YAML/CSV or CAMEO/PETRARCH .txt); repeatable")
    g.add_argument("--force-language", action="store_true", help="code articles even when they are not English")
    g.add_argument("--batch-size", type=int, default=None, help="articles per spaCy batch (default 32)")
    g.add_argument("--engine", choices=ENGINES, default="local", help="where to run: this process, or Dask")
    g.add_argument("--workers", type=int, default=1, help="worker processes (local) or Dask workers")
    g.add_argument("--scheduler", help="address of an existing Dask scheduler (with --engine dask)")


def add_db_option(p: argparse.ArgumentParser, *, creates: bool = False) -> None:
    """--db FILE, the same flag on ingest, query, export and serve."""
    p.add_argument("--db", type=Path, required=True, metavar="FILE",
                   help="SQLite store (created if missing)" if creates else "SQLite store written by `eventwire ingest`")


def settings_from_args(args: argparse.Namespace) -> Settings:
    s = Settings(debug=getattr(args, "debug", False))
    s.actor_files = s.actor_files + list(getattr(args, "actors", []) or [])
    for f in s.actor_files:
        if not f.is_file():
            raise UsageError(f"actor dictionary not found: {f}")
    if getattr(args, "force_language", False):
        s.force_language = True
    if getattr(args, "batch_size", None):
        if args.batch_size < 1:
            raise UsageError("--batch-size must be at least 1")
        s.batch_size = args.batch_size
    if getattr(args, "workers", 1) < 1:
        raise UsageError("--workers must be at least 1")
    return s


def articles_from_args(args: argparse.Namespace, settings: Settings) -> Iterator[Article | Rejection]:
    meta = Meta(published=args.published, source=args.source, url=args.url)
    single = len(args.inputs) == 1 and (args.inputs[0] == "-" or Path(args.inputs[0]).is_file())
    if args.doc_id and not single:
        raise UsageError("--doc-id names one article; give a single file (or -)")
    for p in args.inputs:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p}")
    for item in read_inputs(args.inputs, meta, max_article_bytes=settings.max_article_bytes, stdin=sys.stdin.buffer):
        if isinstance(item, Article) and args.doc_id:
            item.meta = Meta(**{**item.meta.__dict__, "doc_id": args.doc_id})
        yield item


def report_rejection(rej: Rejection) -> None:
    print(f"eventwire: rejected {rej.origin}: {rej.reason}", file=sys.stderr)
