"""The `eventwire` command line: a thin layer over the library. Errors become one line and an exit status:
0 all went well, 1 some inputs were rejected, 2 usage error, 70 internal error."""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from eventwire import __version__
from eventwire.errors import EventwireError, UsageError

COMMANDS = ("code", "ingest", "query", "export", "serve")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eventwire", description="Turn news articles into verifiable political "
                                "event data (PLOVER/CAMEO), offline.")
    p.add_argument("--version", action="version", version=f"eventwire {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"eventwire.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eventwire.commands.{name}":
                raise
            continue
        mod.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.ERROR, format="eventwire: %(message)s")
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 2
    except EventwireError as exc:
        print(f"eventwire: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if args.debug:
            raise
        print(f"eventwire: internal error: {exc.__class__.__name__}: {exc} (run with --debug for the traceback)",
              file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
