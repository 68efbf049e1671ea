"""The far end of a date range whose second part is written short: "April 24 and 25", "May 4-6",
"2010-2012", "1991-97". The first part is found by find.py; the second takes the month (or century) of
the first. Ranges written out in full ("from May to July", "from 1991 to 1997") need nothing here: each
end is a date expression of its own.
"""
from __future__ import annotations

import re
from dataclasses import replace

from eventwire.dates.find import DateExpr

_DAY_END = re.compile(r"\s*(?:-|–|and|to|through|or)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.]\d|\s*%|\s*percent)")
_YEAR_END = re.compile(r"[-–/](?P<y>\d{4}|\d{2})\b(?!\d|\s*%)")


def range_ends(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """Expressions for the short second part of each range that starts with an expression in `found`."""
    starts = {x.start for x in found}
    out: list[DateExpr] = []
    for x in found:
        if x.kind in ("full", "day_month") and x.day is not None and x.text.rstrip()[-1].isdigit():
            m = _DAY_END.match(text, _day_end(text, x))
            if m and m.end("d") not in starts and int(m["d"]) > x.day and int(m["d"]) <= 31:
                s, e = m.span("d")
                out.append(replace(x, start=s, end=e, text=text[s:e], day=int(m["d"])))
        elif x.kind == "year" and x.year is not None:
            m = _YEAR_END.match(text, x.end)
            if m:
                y = int(m["y"]) if len(m["y"]) == 4 else x.year // 100 * 100 + int(m["y"])
                if x.year < y <= x.year + 50:
                    s, e = m.span("y")
                    out.append(replace(x, start=s, end=e, text=text[s:e], year=y))
    return out


def _day_end(text: str, x: DateExpr) -> int:
    """Where the day of `x` ends: "April 24" → after 24; "April 24, 1999" → after 24 as well."""
    m = re.match(r"\D*\d+", text[x.start:x.end])
    return x.start + m.end() if m else x.end
