"""Read queries. Filters become a WHERE clause of fixed SQL fragments with bound parameters: no user
string is ever pasted into SQL."""
from __future__ import annotations

import re
import sqlite3
from typing import Iterator

from eventwire.record import Span
from eventwire.store.filters import EventFilter, FilterError
from eventwire.store.rows import EventRow, FusedEventRow

EVENT_COLUMNS = """e.event_id, e.doc_id, e.local_id, e.type, e.mode, e.cameo,
    e.source_id, e.source_key, e.source_name, e.source_country, e.source_sector,
    e.target_id, e.target_key, e.target_name, e.target_country, e.target_sector,
    e.date, e.place_id, e.place_name, e.place_country, e.lat, e.lon, e.geonameid,
    e.negated, e.hypothetical, e.confidence,
    e.trigger_start, e.trigger_end, e.trigger_text, e.evidence_start, e.evidence_end, e.evidence_text,
    e.reason, m.fused_id, d.source, d.title, d.url, d.published, d.language, e.sentence, f.n_members,
    e.geo_precision, e.admin1, e.admin1_name, e.date_precision, e.fatalities, e.injured, e.arrested"""
EVENT_FROM = """events e JOIN documents d ON d.doc_id = e.doc_id
    LEFT JOIN fused_members m ON m.event_id = e.event_id LEFT JOIN fused_events f ON f.fused_id = m.fused_id"""
EVENT_ORDER = "ORDER BY coalesce(e.date_lo, d.published, '9999'), e.doc_id, e.seq"
_DATE_KEY = "coalesce(e.date_lo, d.published, '9999')"
# What `sort` accepts (a name, "-name" for descending) → the SQL it orders by: fixed fragments, never user text.
# Missing values sort last either way; ties keep the date order.
EVENT_SORTS = {
    "date": _DATE_KEY, "type": "e.type", "source": "e.source_name", "target": "e.target_name",
    "trigger": "e.trigger_text", "place": "e.place_name", "country": "e.place_country", "article": "d.title",
    "publisher": "d.source", "fatalities": "e.fatalities", "confidence": "e.confidence",
    "precision": "e.geo_precision", "articles": "f.n_members",
}
FUSED_SORTS = {"date": f"min({_DATE_KEY})", "type": "min(e.type)", "source": "min(e.source_name)",
               "target": "min(e.target_name)", "place": "max(e.place_name)", "articles": "max(f.n_members)",
               "fatalities": "max(e.fatalities)"}


class SortError(FilterError):
    """A sort key the store does not offer."""


def order_by(sort: str | None, sorts: dict[str, str], tail: str) -> str:
    """ORDER BY for a `sort` value ("place", "-fatalities"); `tail` breaks ties (and is the default order)."""
    if not sort:
        return f"ORDER BY {tail}"
    name, desc = (sort[1:], True) if sort.startswith("-") else (sort, False)
    if name not in sorts:
        raise SortError(f"cannot sort by {name!r}; sort by one of {', '.join(sorts)} (prefix - for descending)")
    expr = sorts[name]
    return f"ORDER BY ({expr}) IS NULL, {expr} {'DESC' if desc else 'ASC'}, {tail}"


def like_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with LIKE's own wildcards escaped."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts_query(text: str) -> str:
    """User words → an FTS5 query of quoted terms (all must occur): FTS syntax in the input cannot break it."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w + '"' for w in words)


def event_where(f: EventFilter, *, full_text: bool) -> tuple[str, list]:
    """The WHERE clause (with leading 'WHERE', or '') and its parameters."""
    parts: list[str] = []
    args: list = []
    if f.actor:
        code = f.actor.upper()
        name = like_pattern(f.actor)
        one = ("({s}_country = ? OR ({s}_country || coalesce({s}_sector, '')) = ? OR {s}_key = ? "
               "OR {s}_name LIKE ? ESCAPE '\\')")
        parts.append("(" + one.format(s="e.source") + " OR " + one.format(s="e.target") + ")")
        args += [code, code, f.actor, name] * 2
    if f.country:
        parts.append("(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)")
        args += [f.country] * 3
    if f.types:
        parts.append(f"e.type IN ({','.join('?' * len(f.types))})")
        args += f.types
    if f.since_day:
        parts.append("e.date_hi >= ?")
        args.append(f.since_day)
    if f.until_day:
        parts.append("e.date_lo <= ?")
        args.append(f.until_day)
    if f.place:
        if re.fullmatch(r"[0-9]{1,12}", f.place):         # a GeoNames id ("²".isdigit() is True: not used)
            parts.append("e.geonameid = ?")
            args.append(int(f.place))
        else:
            parts.append("e.place_name LIKE ? ESCAPE '\\'")
            args.append(like_pattern(f.place))
    if f.text:
        q = fts_query(f.text)
        if full_text and q:
            parts.append("e.event_id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)")
            args.append(q)
        else:
            parts.append("e.evidence_text LIKE ? ESCAPE '\\'")
            args.append(like_pattern(f.text))
    if f.doc_id:
        parts.append("e.doc_id = ?")
        args.append(f.doc_id)
    return ("WHERE " + " AND ".join(parts)) if parts else "", args


def span_or_none(start: int | None, end: int | None, text: str | None) -> Span | None:
    return None if start is None else Span(start, end, text)


def event_row(r: tuple) -> EventRow:
    return EventRow(*r[:23], negated=bool(r[23]), hypothetical=bool(r[24]), confidence=r[25],
                    trigger=span_or_none(*r[26:29]), evidence=span_or_none(*r[29:32]), reason=r[32], fused_id=r[33],
                    publisher=r[34], title=r[35], url=r[36], published=r[37], language=r[38], sentence=r[39],
                    n_articles=r[40], geo_precision=r[41], admin1=r[42], admin1_name=r[43], date_precision=r[44],
                    fatalities=r[45], injured=r[46], arrested=r[47])


def select_events(db: sqlite3.Connection, f: EventFilter, *, full_text: bool, limit: int | None,
                  offset: int = 0, sort: str | None = None) -> list[EventRow]:
    where, args = event_where(f, full_text=full_text)
    order = order_by(sort, EVENT_SORTS, EVENT_ORDER.removeprefix("ORDER BY "))
    sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {where} {order} LIMIT ? OFFSET ?"
    return [event_row(r) for r in db.execute(sql, [*args, -1 if limit is None else limit, offset])]


def iter_events(db: sqlite3.Connection, f: EventFilter, *, full_text: bool) -> Iterator[EventRow]:
    """Every matching event, streamed from one cursor (for exports of any size)."""
    where, args = event_where(f, full_text=full_text)
    for r in db.execute(f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {where} {EVENT_ORDER}", args):
        yield event_row(r)


def count_events(db: sqlite3.Connection, f: EventFilter, *, full_text: bool) -> int:
    where, args = event_where(f, full_text=full_text)
    return db.execute(f"SELECT count(*) FROM {EVENT_FROM} {where}", args).fetchone()[0]


def select_fused(db: sqlite3.Connection, f: EventFilter, *, full_text: bool, limit: int | None,
                 offset: int = 0, sort: str | None = None) -> list[FusedEventRow]:
    """Fused events with at least one member event matching the filter; members listed in full."""
    where, args = event_where(f, full_text=full_text)
    order = order_by(sort, FUSED_SORTS, f"min({_DATE_KEY}), m.fused_id")
    ids_sql = f"SELECT m.fused_id FROM {EVENT_FROM} {where} GROUP BY m.fused_id {order} LIMIT ? OFFSET ?"
    fused_ids = [r[0] for r in db.execute(ids_sql, [*args, -1 if limit is None else limit, offset]) if r[0] is not None]
    return [fused_row(db, fid) for fid in fused_ids]


def count_fused(db: sqlite3.Connection, f: EventFilter, *, full_text: bool) -> int:
    where, args = event_where(f, full_text=full_text)
    return db.execute(f"SELECT count(DISTINCT m.fused_id) FROM {EVENT_FROM} {where}", args).fetchone()[0]


def fused_row(db: sqlite3.Connection, fused_id: int) -> FusedEventRow:
    members = [event_row(r) for r in db.execute(
        f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE m.fused_id = ? "
        "ORDER BY coalesce(e.date_lo, '9999'), e.doc_id, e.seq", (fused_id,))]
    g = db.execute("SELECT type, source_key, target_key, date, polarity FROM fused_events WHERE fused_id = ?",
                   (fused_id,)).fetchone()
    first = members[0]
    placed = next((m for m in members if m.place_name), first)
    dated = next((m for m in members if m.date == g[3]), first)

    def most(name: str) -> int | None:
        known = [getattr(m, name) for m in members if getattr(m, name) is not None]
        return max(known) if known else None

    def unique(values) -> list[str]:
        return list(dict.fromkeys(v for v in values if v))
    return FusedEventRow(
        fused_id=fused_id, type=g[0], mode=first.mode, source_key=g[1], source_name=first.source_name,
        source_country=first.source_country, source_sector=first.source_sector, target_key=g[2],
        target_name=first.target_name, target_country=first.target_country, target_sector=first.target_sector,
        date=g[3], place_name=placed.place_name, place_country=placed.place_country, lat=placed.lat,
        lon=placed.lon, n_articles=len({m.doc_id for m in members}), event_ids=[m.event_id for m in members],
        doc_ids=sorted({m.doc_id for m in members}), evidence=[m.evidence for m in members if m.evidence],
        polarity=g[4], cameo=first.cameo, publishers=unique(m.publisher for m in members),
        urls=unique(m.url for m in members), geonameid=placed.geonameid, geo_precision=placed.geo_precision,
        admin1=placed.admin1, admin1_name=placed.admin1_name, date_precision=dated.date_precision,
        fatalities=most("fatalities"), injured=most("injured"), arrested=most("arrested"),
        confidence=max(m.confidence for m in members))
