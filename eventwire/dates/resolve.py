"""Date arithmetic the way news copy uses dates: pure functions of a publication date, no parsing.

Values are ISO strings at the precision the text gives: "2020" (a year), "2020-02" (a month),
"2020-05-05" (a day). A month is never given a made-up day.
"""
from __future__ import annotations

from datetime import date, timedelta


def weekday(pub: date, wd: int, *, future: bool = False, strict: bool = False) -> str:
    """ "on Tuesday": the latest Tuesday on or before publication (news reports the past), or the next one
    on or after it in a future clause ("talks will resume on Tuesday"). `strict` excludes publication day
    itself ("last Tuesday", "next Tuesday")."""
    if future:
        ahead = (wd - pub.weekday()) % 7 or (7 if strict else 0)
        return (pub + timedelta(days=ahead)).isoformat()
    back = (pub.weekday() - wd) % 7 or (7 if strict else 0)
    return (pub - timedelta(days=back)).isoformat()


def month_year(pub: date, month: int, *, future: bool = False, past: bool = False) -> int:
    """The year of a month named without one. In a past clause, the latest such month up to publication
    ("sold in February" in a May 2020 story is 2020-02, "in November" 2019-11); in a future clause the next
    one from publication. When the clause says neither ("payable in January", "the talks in March"), the
    coming one only if it is at most half as far as the past one: news mostly reports what happened."""
    back, ahead = (pub.month - month) % 12, (month - pub.month) % 12
    if future or (not past and 0 < ahead and 2 * ahead <= back):
        return pub.year + (month < pub.month)
    return pub.year - (month > pub.month)


def month(pub: date, m: int, *, future: bool = False, past: bool = False) -> str:
    return f"{month_year(pub, m, future=future, past=past):04d}-{m:02d}"


def day_month(pub: date, m: int, d: int, *, future: bool = False, past: bool = False) -> str | None:
    """ "May 4" without a year: the latest May 4 up to publication in a past clause, the next one in a
    future clause, and otherwise the coming one only if it is at most half as far as the past one
    ("payable Dec. 7" in an October story)."""
    cands = [date(y, m, d) for y in (pub.year - 1, pub.year, pub.year + 1) if _valid(y, m, d)]
    pick = nearest(pub, cands, future=future, past=past)
    return pick.isoformat() if pick else None


def nearest(pub: date, cands: list[date], *, future: bool = False, past: bool = False) -> date | None:
    """Of the candidate dates (the same day in neighbouring years), the one the clause's tense points to."""
    before = [c for c in cands if c <= pub]
    after = [c for c in cands if c >= pub]
    last, nxt = (max(before) if before else None), (min(after) if after else None)
    if future:
        return nxt
    if past or nxt is None:
        return last
    if last is None:
        return nxt
    return nxt if 2 * (nxt - pub) <= (pub - last) and nxt != pub else last


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def relative(pub: date, unit: str, offset: int) -> str:
    """ "yesterday" (day, -1), "last month" (month, -1), "last year" (year, -1), "last week" (week, -1).

    A week has no ISO form of our three precisions, so it is written as the month holding the middle
    (Thursday) of that week."""
    if unit == "day":
        return (pub + timedelta(days=offset)).isoformat()
    if unit == "week":
        mid = pub + timedelta(days=7 * offset + 3 - pub.weekday())
        return f"{mid.year:04d}-{mid.month:02d}"
    if unit == "month":
        idx = pub.year * 12 + (pub.month - 1) + offset
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"
    return f"{pub.year + offset:04d}"


def ago(pub: date, unit: str, n: int) -> str:
    """ "three days ago", "two weeks ago", "six months ago", "a year ago"."""
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat()
    if unit == "week":
        return (pub - timedelta(days=7 * n)).isoformat()
    return relative(pub, unit, -n)


def full(y: int, m: int, d: int | None = None) -> str | None:
    """An explicit date, checked ("February 30, 2020" is not a date)."""
    if d is None:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
