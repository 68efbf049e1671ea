"""`eventwire query`: filter stored events (or fused events) and print them as a table, JSON or CSV."""
from __future__ import annotations

import argparse
import json
import shutil
import sys

from eventwire.commands.common import add_db_option
from eventwire.errors import UsageError
from eventwire.export import FUSED, write_csv
from eventwire.store import EventFilter, Store
from eventwire.store.rows import EventRow, FusedEventRow, Summary

EXAMPLE = """example:
  eventwire query --db corpus.db --type ASSAULT --since 2020-05-01 --until 2020-05-31
  eventwire query --db corpus.db --actor TUR --format json
  eventwire query --db corpus.db --text "drone strike" --fused
  eventwire query --db corpus.db --summary
  eventwire query --db corpus.db --fused --sort=-articles     # events told by the most articles first

dates: --since/--until take YYYY-MM-DD (YYYY-MM or YYYY mean the first/last day of that month or year).
An event keeps its own precision: one dated 2020-05 covers the whole of May and is shown whenever that
range overlaps the one asked for. Events without a date are left out when --since or --until is given."""

TABLE_DEFAULT_LIMIT = 20


def add_filter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters (all must hold)")
    g.add_argument("--actor", help="actor name (any part, any case) or code (TUR, TURGOV, a kb id); source or target")
    g.add_argument("--country", help="country of either actor or of the place: a name (Iraq), ISO alpha-3 or "
                                     "alpha-2 code (IRQ, IQ), or an actor code (IGO)")
    g.add_argument("--type", help="PLOVER event type; several as ASSAULT,COERCE")
    g.add_argument("--since", help="first day, YYYY-MM-DD")
    g.add_argument("--until", help="last day, YYYY-MM-DD")
    g.add_argument("--place", help="place name (any part, any case) or GeoNames id")
    g.add_argument("--text", help="words that must all occur in the event's evidence")
    g.add_argument("--doc-id", help="events of one document")


def filters_from_args(args: argparse.Namespace) -> EventFilter:
    return EventFilter(actor=args.actor, country=args.country, type=args.type, since=args.since, until=args.until,
                       place=args.place, text=args.text, doc_id=args.doc_id)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("query", help="query stored events (table, JSON or CSV)",
                       description="Query the events stored by `eventwire ingest`.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_option(p)
    add_filter_options(p)
    p.add_argument("--fused", action="store_true", help="one row per fused event (the same event across articles)")
    p.add_argument("--limit", type=int, default=None,
                   help=f"at most N rows (default: {TABLE_DEFAULT_LIMIT} for table, all for json/csv)")
    p.add_argument("--offset", type=int, default=0, help="skip the first N rows")
    p.add_argument("--sort", metavar="COLUMN",
                   help="order by date, type, source, target, place, fatalities, articles… "
                        "(--sort=-COLUMN: descending; default: by date)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format")
    p.add_argument("--summary", action="store_true", help="print what the store holds instead of events")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    filters = filters_from_args(args)
    if args.limit is not None and args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must be 0 or more")
    limit = args.limit if args.limit is not None else (TABLE_DEFAULT_LIMIT if args.format == "table" else None)
    out = sys.stdout
    with Store.open(args.db, readonly=True) as store:
        if args.summary:
            _print_summary(store.summary(), args.format, out)
            return 0
        if args.fused:
            rows = store.fused_events(filters, limit=limit, offset=args.offset, sort=args.sort)
            total = store.count_fused_events(filters) if args.format == "table" else len(rows)
        else:
            rows = store.events(filters, limit=limit, offset=args.offset, sort=args.sort)
            total = store.count_events(filters) if args.format == "table" else len(rows)
    if args.format == "json":
        json.dump([r.to_dict() for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        if args.fused:
            write_csv(rows, out, FUSED)
        else:
            write_csv(rows, out)
    else:
        _table(rows, out)
        shown = len(rows)
        if total > shown + args.offset:
            print(f"({shown} of {total} {'fused ' if args.fused else ''}events shown; use --limit or filters)", file=out)
    return 0


# ---- table output -----------------------------------------------------------------------------
def _cut(s: str | None, n: int) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: max(n - 1, 0)] + "…"


def _actor(name: str | None, country: str | None) -> str:
    if not name:
        return "—"
    return f"{name} ({country})" if country and country.upper() not in name.upper() else name


def _marks(negated: bool, hypothetical: bool) -> str:
    """"not " and "maybe " before the type: a denied or possible event must never read as a fact."""
    return ("not " if negated else "") + ("maybe " if hypothetical else "")


def _table(rows: list[EventRow] | list[FusedEventRow], out) -> None:
    if not rows:
        print("no events match", file=out)
        return
    width = max(shutil.get_terminal_size((120, 24)).columns, 80) if out.isatty() else 200
    fused = isinstance(rows[0], FusedEventRow)
    lines = []
    for r in rows:
        if fused:
            flags = _marks("negated" in r.polarity, "hypothetical" in r.polarity)
            last = r.evidence[0].text if r.evidence else ""
        else:
            flags = _marks(r.negated, r.hypothetical)
            last = r.evidence.text if r.evidence else ""
        kind = _cut(flags + r.type + (f"/{r.mode}" if r.mode else ""), 24)
        line = [r.date or "?", kind, _cut(_actor(r.source_name, r.source_country), 22),
                _cut(_actor(r.target_name, r.target_country), 22), _cut(r.place_name, 14) or "—",
                "" if r.fatalities is None else str(r.fatalities)]
        if fused:
            line.append(str(r.n_articles))
        lines.append(line + [last])
    heads = ["date", "type", "source", "target", "place", "fatalities"] + (["articles"] if fused else []) + ["evidence"]
    widths = [max(len(h), *(len(x[i]) for x in lines)) for i, h in enumerate(heads[:-1])]
    room = max(width - sum(widths) - 2 * len(widths), 40)     # past the edge, the terminal wraps
    print("  ".join(h.ljust(w) for h, w in zip(heads, widths + [0])).rstrip(), file=out)
    for x in lines:
        print("  ".join(v.ljust(w) for v, w in zip(x[:-1], widths)) + "  " + _cut(x[-1], room), file=out)


def _print_summary(s: Summary, fmt: str, out) -> None:
    if fmt == "json":
        json.dump(s.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    span = f"{s.first_date} … {s.last_date}" if s.first_date else "no dated events"
    print(f"{s.path}: {s.documents} documents, {s.events} events ({s.fused_events} after fusing across articles), "
          f"{s.actors} actors, {s.places} places, {s.quotes} quotes, {s.relations} relations; {span}", file=out)
    if s.by_type:
        print("events by type: " + ", ".join(f"{t} {n}" for t, n in s.by_type.items()), file=out)
