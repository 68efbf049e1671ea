"""`eventwire code`: articles in, eventwire/1 records out on stdout."""
from __future__ import annotations

import argparse
import sys

from eventwire.commands.common import add_input_options, articles_from_args, report_rejection, settings_from_args
from eventwire.engine import code_articles
from eventwire.inputs import Rejection

EXAMPLE = """example:
  eventwire code article.txt --published 2020-05-05 --source "TRT World" > record.json
  eventwire code corpus.jsonl --format jsonl > records.jsonl"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("code", help="code articles into eventwire/1 records (JSON on stdout)",
                       description="Code articles into eventwire/1 records. One record is printed as "
                                   "pretty JSON, several as JSON lines.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_options(p)
    p.add_argument("--format", choices=("json", "jsonl"), default=None,
                   help="json: pretty JSON (a list if several); jsonl: one record per line. "
                        "Default: json for one record, jsonl for several")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    outcomes = code_articles(articles_from_args(args, settings), settings, engine=args.engine,
                             workers=args.workers, scheduler=args.scheduler)
    rejected = 0
    pending = None       # the first record waits until we know whether there is a second one
    n = 0
    as_list = args.format == "json"
    out = sys.stdout
    for item in outcomes:
        if isinstance(item, Rejection):
            rejected += 1
            report_rejection(item)
            continue
        n += 1
        for w in item.warnings:
            print(f"eventwire: note: {item.doc_id}: {w}", file=sys.stderr)
        if n == 1:
            pending = item
            continue
        if n == 2:
            out.write("[\n" + pending.to_json(indent=2) if as_list else pending.to_json() + "\n")
        out.write(",\n" + item.to_json(indent=2) if as_list else item.to_json() + "\n")
        out.flush()
    if n == 1:
        out.write((pending.to_json() if args.format == "jsonl" else pending.to_json(indent=2)) + "\n")
    elif n >= 2 and as_list:
        out.write("\n]\n")
    return 1 if rejected else 0


