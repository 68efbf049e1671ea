"""Dates that point back at a date the article has just given: "later that year", "the following month",
"earlier that day", "the next year". Their value is the previous date mention of at least that precision,
moved by the offset the words say; without such a mention nothing is claimed (the publication date is
not what "that year" refers to).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.dates.find import DateExpr
from eventwire.record import DateMention

_WORDS = {"year": 4, "month": 7, "day": 10}       # unit → length of an ISO value of that precision
_PATTERN = re.compile(
    r"(?i)\b(?:(?P<side>earlier|later)\s+(?:that|the\s+same)\s+(?P<u1>year|month|day)"
    r"|(?:that|the\s+same)\s+(?P<u2>year|month|day)"
    r"|the\s+(?P<dir>following|next|previous|preceding)\s+(?P<u3>year|month|day))\b(?!-)")
_OFFSET = {"following": 1, "next": 1, "previous": -1, "preceding": -1}


def anaphoric_expressions(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """ "that year", "the following month" … not overlapping an expression already found."""
    out = []
    for m in _PATTERN.finditer(text):
        if any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        unit = (m.group("u1") or m.group("u2") or m.group("u3")).lower()
        offset = _OFFSET.get((m.group("dir") or "").lower(), 0)
        out.append(DateExpr(m.start(), m.end(), m.group(0), "anaphoric", unit=unit, offset=offset))
    return out


def resolve_anaphoric(x: DateExpr, earlier: list[DateMention]) -> DateMention | None:
    """A mention carrying the value of `x`, worked out from the date mentions before it (in text order):
    the nearest one precise enough, moved by the offset. Its `text` names the antecedent."""
    need = _WORDS[x.unit]
    ante = next((m for m in reversed(earlier) if len(m.value) >= need), None)
    if ante is None:
        return None
    base = ante.value[:need]
    try:
        if x.unit == "year":
            value = f"{int(base) + x.offset:04d}"
        elif x.unit == "month":
            idx = int(base[:4]) * 12 + int(base[5:7]) - 1 + x.offset
            value = f"{idx // 12:04d}-{idx % 12 + 1:02d}"
        else:
            value = (date.fromisoformat(base) + timedelta(days=x.offset)).isoformat()
    except (ValueError, OverflowError):
        return None
    return DateMention(ante.start, ante.end, ante.text, value, inferred=ante.inferred)
