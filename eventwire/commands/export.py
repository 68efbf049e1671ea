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
  eventwire export --db corpus.db --format parquet --out events.parquet --type ASSAULT,COERCE
  eventwire export --db corpus.db --format csv --fused --out fused.csv      # one row per event across articles

A CSV written to a file gets NAME.schema.json beside it: the column types, so pandas and R keep codes such
as CAMEO "080" as text (eventwire.csv_types.read_csv, or readr's col_types from the file)."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export stored events (PLOVER JSON lines, CSV, Parquet)",
                       description="Export stored events, one per line or row. PLOVER JSON follows the PLOVER "
                                   "event record; CSV and Parquet have dyadic columns (source_*, target_*), "
                                   "the evidence sentence and its character offsets.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_option(p)
    p.add_argument("--format", choices=FORMATS, required=True, help="output format")
    p.add_argument("--out", type=Path, metavar="FILE", help="output file (default: stdout, except for parquet)")
    p.add_argument("--fused", action="store_true",
                   help="one row per fused event (the same event told by several articles), with its article "
                        "count, every member article and publisher")
    add_filter_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    filters = filters_from_args(args)
    if args.out is not None and not args.out.parent.exists():
        raise UsageError(f"cannot write {args.out}: directory {args.out.parent} does not exist")
    with Store.open(args.db, readonly=True) as store:
        rows = store.fused_events(filters, limit=None) if args.fused else store.iter_events(filters)
        n = export_events(rows, args.format, args.out, stdout=sys.stdout, fused=args.fused)
    if args.out is not None:
        print(f"eventwire: wrote {n} {'fused ' if args.fused else ''}events to {args.out}", file=sys.stderr)
    return 0
