"""`eventwire export`: stored events as PLOVER JSON lines, CSV or Parquet."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.commands.query import add_filter_options, filters_from_args
from eventwire.commands.common import add_db_option
from eventwire.errors import UsageError
from eventwire.export import FORMATS, export_events
from eventwire.store import Store

EXAMPLE = """example:
  eventwire export --db corpus.db --format plover-json --out events.jsonl
  eventwire export --db corpus.db --format csv --out events.csv --since 2020-05-01
  eventwire export --db corpus.db --format parquet --out events.parquet --type ASSAULT,COERCE"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export stored events (PLOVER JSON lines, CSV, Parquet)",
                       description="Export stored events, one per line or row. PLOVER JSON follows the PLOVER "
                                   "event record; CSV and Parquet have dyadic columns (source_*, target_*), "
                                   "the evidence sentence and its character offsets.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_option(p)
    p.add_argument("--format", choices=FORMATS, required=True, help="output format")
    p.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout, except for parquet)")
    add_filter_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    filters = filters_from_args(args)
    if args.out is not None and not args.out.parent.exists():
        raise UsageError(f"cannot write {args.out}: directory {args.out.parent} does not exist")
    with Store.open(args.db, readonly=True) as store:
        n = export_events(store.iter_events(filters), args.format, args.out, stdout=sys.stdout)
    if args.out is not None:
        print(f"eventwire: wrote {n} events to {args.out}", file=sys.stderr)
    return 0
