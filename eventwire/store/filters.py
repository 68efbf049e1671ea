"""Event filters shared by `eventwire query`, the exports and the HTTP API, validated on construction.

Dates: `since`/`until` take YYYY-MM-DD (or YYYY-MM / YYYY, meaning the first / last day of that month or
year). Events keep their own precision, so an event dated "2020-05" covers 2020-05-01..2020-05-31 and
matches when that range overlaps [since, until]: it is kept for `--since 2020-05-20` and for
`--until 2020-05-02`. Events with no date are left out whenever `since` or `until` is given.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from eventwire.country_codes import resolve_country
from eventwire.errors import UsageError
from eventwire.store.keys import date_range

# The 16 PLOVER event categories (PLOVER manual, current draft).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


class FilterError(UsageError, ValueError):
    """A filter value is malformed (a bad date, an unknown event type…)."""


@dataclass
class EventFilter:
    actor: str | None = None       # name (substring, any case) or code (TUR, TURGOV, kb id); source or target
    country: str | None = None     # of either actor or of the place: ISO3 (or IGO…), ISO2, or a name ("Iraq")
    type: str | None = None        # PLOVER type; several as "ASSAULT,COERCE"
    since: str | None = None       # YYYY-MM-DD (YYYY-MM, YYYY allowed)
    until: str | None = None
    place: str | None = None       # place name (substring, any case), or a GeoNames id
    text: str | None = None        # words in the event's evidence (full-text when FTS5 is there)
    doc_id: str | None = None      # events of one document

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None and not isinstance(v, str):
                raise FilterError(f"filter {f.name} must be text, not {type(v).__name__}")
            if isinstance(v, str) and f.name != "doc_id":      # ids are exact; typed words are trimmed
                # and lose control characters: SQLite's LIKE stops at a NUL, so "\x00x" matched everything
                v = "".join(ch for ch in v if ord(ch) >= 32).strip()
                setattr(self, f.name, v or None)
        if self.type:
            types = [t.strip().upper() for t in self.type.split(",") if t.strip()]
            unknown = [t for t in types if t not in PLOVER_TYPES]
            if unknown:
                raise FilterError(f"unknown event type {', '.join(unknown)}; use one of {', '.join(PLOVER_TYPES)}")
            self.type = ",".join(types)
        if self.country:
            code = resolve_country(self.country)
            if code is None:
                raise FilterError(f"unknown country {self.country!r}; give a name (Iraq), an ISO code (IRQ, IQ) "
                                  f"or an actor code (IGO)")
            self.country = code
        self.since_day = _bound(self.since, "since", first=True)
        self.until_day = _bound(self.until, "until", first=False)
        if self.since_day and self.until_day and self.since_day > self.until_day:
            raise FilterError(f"since ({self.since}) is after until ({self.until})")

    @property
    def types(self) -> list[str]:
        return self.type.split(",") if self.type else []

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def _bound(value: str | None, name: str, *, first: bool) -> str | None:
    if value is None:
        return None
    rng = date_range(value)
    if rng is None:
        raise FilterError(f"{name} {value!r} is not a date in the form YYYY-MM-DD (or YYYY-MM, YYYY)")
    return rng[0] if first else rng[1]
