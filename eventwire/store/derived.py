"""Event columns computed from the whole record: geographic and date precision, admin-1 area, and the
casualty figures (ACLED's fatalities, injured, arrested) of the counts that belong to the event.

Each reads the record's own field when the pipeline wrote it (`Place.precision`, `Place.admin1`,
`Place.admin1_name`, `DateMention.precision`, `Count.event`) and falls back to what older records hold
(`Place.kind`, the length of the date value, the counts in the event's sentence), so stores built
before those fields existed get the same columns on migration. Records are read either as `Record`
objects (at ingest) or as the stored JSON (in a migration): both go through `_get`.
"""
from __future__ import annotations

from typing import Any

from eventwire.store.keys import precision as value_precision

# Place.kind (city | region | country | other) → ACLED/GDELT-style precision, for places without `precision`.
KIND_PRECISION = {"city": "point", "region": "admin1", "country": "country"}
# Count.what → event column.
CASUALTY_COLUMNS = {"killed": "fatalities", "injured": "injured", "arrested": "arrested"}


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def geo_precision(place: Any) -> str | None:
    """point | admin2 | admin1 | country | region, or None without a place."""
    if place is None:
        return None
    given = _get(place, "precision")
    if given:
        return given
    kind = _get(place, "kind")
    if kind == "region" and not _get(place, "country"):
        return "region"                  # a named area no country holds
    return KIND_PRECISION.get(kind)


def admin1(place: Any) -> tuple[str | None, str | None]:
    """The place's ISO 3166-2 admin-1 code and name, when the gazetteer gave them."""
    return _get(place, "admin1"), _get(place, "admin1_name")


def date_precision(dates: list[Any], value: str | None) -> str | None:
    """day | month | year | decade: the precision of the date mention with this value, else its length."""
    if not value:
        return None
    for d in dates or []:
        if _get(d, "value") == value and _get(d, "precision"):
            return _get(d, "precision")
    return value_precision(value)


def _inside(span: Any, outer: Any) -> bool:
    return (span is not None and outer is not None
            and _get(outer, "start") <= _get(span, "start") and _get(span, "end") <= _get(outer, "end"))


def casualties(counts: list[Any], event: Any, *, linked: bool) -> dict[str, int | None]:
    """{fatalities, injured, arrested}: the sum of the counts of each kind that belong to the event, None
    when none does. `linked`: the counts carry `event` (a record from a pipeline that links them);
    otherwise a count belongs to the event when its evidence lies in the event's evidence sentence."""
    out: dict[str, int | None] = {c: None for c in CASUALTY_COLUMNS.values()}
    for c in counts or []:
        column = CASUALTY_COLUMNS.get(_get(c, "what"))
        if column is None:
            continue
        mine = (_get(c, "event") == _get(event, "id")) if linked else _inside(_get(c, "evidence"), _get(event, "evidence"))
        if mine:
            out[column] = (out[column] or 0) + int(_get(c, "value") or 0)
    return out


def counts_are_linked(counts: list[Any]) -> bool:
    """True when the counts say which event they belong to (the field exists, whatever its value)."""
    if not counts:
        return False
    first = counts[0]
    return ("event" in first) if isinstance(first, dict) else hasattr(first, "event")


def event_columns(event: Any, place: Any, dates: list[Any], counts: list[Any]) -> dict[str, Any]:
    """The derived columns of one event, by column name."""
    code, name = admin1(place)
    return {"geo_precision": geo_precision(place), "admin1": code, "admin1_name": name,
            "date_precision": date_precision(dates, _get(event, "date")),
            **casualties(counts, event, linked=counts_are_linked(counts))}


DERIVED_COLUMNS = ("geo_precision", "admin1", "admin1_name", "date_precision", "fatalities", "injured", "arrested")
