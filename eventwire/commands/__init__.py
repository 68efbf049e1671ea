"""One module per `eventwire` command: each has add_parser(subparsers) and run(args) -> exit status."""
