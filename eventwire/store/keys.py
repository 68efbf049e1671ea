"""Identities that hold across documents, and the day ranges of partial dates.

Actor and place ids are per document ("A1" in one article is not "A1" in the next), so the store
compares actors by knowledge-base id when they have one, else by country + sector + canonical name.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from eventwire.record import Actor, Place, date_precision

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def actor_key(actor: Actor | None) -> str:
    """'' for no actor; the kb id when known; else 'country|sector|name' (name case-folded)."""
    if actor is None:
        return ""
    if actor.kb_id:
        return actor.kb_id
    name = " ".join(actor.name.split()).casefold()
    return f"{actor.country or ''}|{actor.sector or ''}|{name}"


def place_key(place: Place | None) -> str | None:
    if place is None:
        return None
    if place.geonameid:
        return f"geonames:{place.geonameid}"
    return f"{place.country or ''}|{' '.join(place.name.split()).casefold()}"


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date covers; None if it is not one."""
    if not value:
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            day = date(y, int(mo), int(d)).isoformat()
            return day, day
        if mo:
            last = calendar.monthrange(y, int(mo))[1]
            return date(y, int(mo), 1).isoformat(), date(y, int(mo), last).isoformat()
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    except ValueError:
        return None


def precision(value: str | None) -> str | None:
    """'day', 'month' or 'year' for a valid date string, else None (the record's own length rule)."""
    if date_range(value) is None:
        return None
    return date_precision(value.strip())
