"""Named days ("Thanksgiving", "Christmas Eve", "Election Day") found in the text and dated by the rules
in data/dates/holidays.yaml: a fixed month and day, or the nth weekday of a month."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.dates.find import DateExpr

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def load_holidays() -> dict[str, dict]:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "dates" / "holidays.yaml").read_text("utf-8"))
    return dict(raw["holidays"])


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    names = sorted(load_holidays(), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace("'", "['’]") for n in names)
    return re.compile(rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<name>{alt})(?![\w'’-])")


def holiday_expressions(text: str, found: list[DateExpr]) -> list[DateExpr]:  # may shorten `found`
    """Holidays in the text; a month found inside one ("May" of "May Day") gives way to it."""
    out = []
    for m in _pattern().finditer(text):
        s = m.start()
        inside = [x for x in found if x.start < m.end() and s < x.end]
        if any(x.kind != "month" for x in inside):
            continue
        for x in inside:
            found.remove(x)
        name = m["name"].replace("’", "'")
        out.append(DateExpr(s, m.end(), m[0], "holiday", unit=name, modifier=(m["mod"] or "").lower() or None))
    return out


def holiday_in(name: str, year: int) -> date | None:
    """The date of holiday `name` in `year`."""
    rule = load_holidays().get(name)
    if rule is None:
        return None
    try:
        if "day" in rule:
            return date(year, rule["month"], rule["day"])
        wd, nth = _WEEKDAYS.index(rule["weekday"]), int(rule["nth"])
        if nth < 0:                                    # the last such weekday of the month
            nxt = date(year + rule["month"] // 12, rule["month"] % 12 + 1, 1)
            last = nxt - timedelta(days=1)
            return last - timedelta(days=(last.weekday() - wd) % 7)
        first = date(year, rule["month"], int(rule.get("from_day", 1)))
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    except (ValueError, OverflowError):
        return None
