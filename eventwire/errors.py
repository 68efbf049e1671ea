"""One exception family. Messages say what went wrong and what to do; the edges convert them
(the CLI prints one line and exits non-zero, the API answers one JSON error shape)."""


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """An input article cannot be coded (empty, binary, undecodable, malformed row…)."""


class UsageError(EventwireError):
    """The command was called wrongly (bad flag value, missing file…)."""


class StoreError(EventwireError):
    """The store cannot be opened or written (newer schema, not a database…)."""
