"""`eventwire serve`: the HTTP API and the explore page over a store, on 127.0.0.1 unless told otherwise."""
from __future__ import annotations

import argparse
import ipaddress
import socket
import sys

from eventwire.commands.common import add_db_option
from eventwire.errors import UsageError

EXAMPLE = """example:
  eventwire ingest examples/articles.jsonl --db events.db
  eventwire serve --db events.db                  # then open http://127.0.0.1:8000/
  eventwire serve --db events.db --port 8080"""


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0–65535")
    return port


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the explore page for a store",
                       description="Serve a store read-only over HTTP: the JSON API under /api (its OpenAPI "
                                   "document at /openapi.json) and a page at / to filter events, read articles "
                                   "with their evidence highlighted, and see the actor network, a map and a "
                                   "timeline. Nothing is fetched from outside.",
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=port_number, default=8000, help="port to listen on (default 8000)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.db.is_file():
        raise UsageError(f"no such store: {args.db} (create one with `eventwire ingest ... --db {args.db}`)")
    import uvicorn

    from eventwire.web.app import LOOPBACK_HOSTS, create_app

    _check_port_free(args.host, args.port)
    local = _is_loopback(args.host)
    # opens the store once: a bad file fails here, in one line
    app = create_app(args.db, allowed_hosts=LOOPBACK_HOSTS if local else None)
    if not local:
        print(f"eventwire: note: listening on {args.host}: the API is reachable from other machines",
              file=sys.stderr)
    print(f"eventwire: serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return 0


def _check_port_free(host: str, port: int) -> None:
    """Fail in one line before loading anything when the address is taken (uvicorn would log and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port or --host") from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
