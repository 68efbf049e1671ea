"""Fusion: the same event told by several articles becomes one fused event listing all its sources.

Two per-article events fuse when they have
  - the same PLOVER type,
  - the same source and the same target actor (compared by actor key: kb id, else country|sector|name),
  - the same date: day-precision dates within one day of each other; month- or year-precision dates
    only when the value is equal (a "2020-05" event never fuses with a "2020-05-04" one),
  - the same place, or either place unknown, or one is a country and the other lies in it,
  - the same polarity: an event reported as not having happened ("did not attack") or as possible
    ("could attack") never corroborates one reported as having happened,
  - and come from different articles (two mentions in one article stay two events).
An event with no date of its own is compared by its article's publication date (news reports what
happened today or yesterday; the one-day tolerance covers the rest); with neither, it never fuses. Fusion is incremental: a new document's events join the first
matching fused event (closest date, then a known place before an unknown one) or start their own.

A near-copy of a stored article (the same wire story from another publisher, see nearcopy.py) is told
in the same sentences, so its events are first matched to the original's, sentence by sentence: an
event joins the original's event of the same type and polarity whose evidence sentence has most of the
same words (COPY_EVIDENCE_MIN), whose date fuses by the rule above or is unknown, and whose place is
compatible — even when the coder read an edited sentence's actors differently ("police" / "Georgian
police") or the copy is undated (scraped without its date).
Each original event takes at most one event of the copy; the copy's other events fuse by the rules above.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.store.keys import precision
from eventwire.store.nearcopy import near_copy

DAY_TOLERANCE = 1     # news reports an event "on Monday" or "on Tuesday" depending on time zone and deadline
COPY_EVIDENCE_MIN = 0.6   # share of the shorter evidence sentence's words the other has, for a copy's event


@dataclass
class PlaceRef:
    key: str
    country: str | None
    is_country: bool           # a whole country ("in Kenya"), not a city or region in it


@dataclass
class FusionCandidate:
    event_id: str
    doc_id: str
    type: str
    source_key: str
    target_key: str
    date: str | None
    place: PlaceRef | None
    polarity: str = "asserted"


@dataclass
class FusedGroup:
    fused_id: int
    date: str | None
    place: PlaceRef | None
    doc_ids: set[str]


def polarity(negated: bool, hypothetical: bool) -> str:
    """asserted | negated | hypothetical | negated-hypothetical: events fuse only within one polarity."""
    return "-".join(p for p, on in (("negated", negated), ("hypothetical", hypothetical)) if on) or "asserted"


def compatible_dates(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    pa, pb = precision(a), precision(b)
    if pa is None or pb is None or pa != pb:
        return False
    if pa != "day":
        return a == b
    return abs(date.fromisoformat(a) - date.fromisoformat(b)) <= timedelta(days=DAY_TOLERANCE)


def compatible_places(a: PlaceRef | None, b: PlaceRef | None) -> bool:
    if a is None or b is None or a.key == b.key:
        return True
    if a.is_country or b.is_country:        # "in Kenya" and "in Busia, Kenya" can be the same event
        return a.country is not None and a.country == b.country
    return False


def find_group(ev: FusionCandidate, groups: list[FusedGroup]) -> FusedGroup | None:
    """The fused event `ev` belongs to, among groups with its type and actors (pure)."""
    fits = [g for g in groups if ev.doc_id not in g.doc_ids and compatible_dates(ev.date, g.date)
            and compatible_places(ev.place, g.place)]
    if not fits:
        return None

    def rank(g: FusedGroup) -> tuple[int, int, int]:
        gap = abs((date.fromisoformat(ev.date) - date.fromisoformat(g.date)).days) if precision(ev.date) == "day" else 0
        same_place = g.place is not None and ev.place is not None and g.place.key == ev.place.key
        return gap, 0 if same_place else 1, g.fused_id

    return min(fits, key=rank)


def fuse_document(db: sqlite3.Connection, doc_id: str) -> int:
    """Give each event of `doc_id` a fused event (joining or creating); returns how many joined others."""
    joined = 0
    rows = db.execute("SELECT e.event_id, e.doc_id, e.type, coalesce(e.source_key, ''), coalesce(e.target_key, ''), "
                      "coalesce(e.date, d.published), e.place_key, e.negated, e.hypothetical "
                      "FROM events e JOIN documents d USING (doc_id) WHERE e.doc_id = ? ORDER BY e.seq",
                      (doc_id,)).fetchall()
    copy = near_copy(db, doc_id)
    as_copied = copied_events(db, doc_id, copy[0]) if copy else {}
    for row in rows:
        ev = FusionCandidate(*row[:6], place=_place_ref(db, row[6]), polarity=polarity(bool(row[7]), bool(row[8])))
        if ev.event_id in as_copied:
            group = _group(db, as_copied[ev.event_id])
        else:
            group = find_group(ev, _groups_for(db, ev)) if precision(ev.date) else None
        key = ev.place.key if ev.place else None
        if group is None:
            cur = db.execute("INSERT INTO fused_events(type, source_key, target_key, date, place_key, n_members, "
                             "polarity) VALUES (?,?,?,?,?,1,?)",
                             (ev.type, ev.source_key, ev.target_key, ev.date, key, ev.polarity))
            fused_id = cur.lastrowid
        else:
            fused_id = group.fused_id
            joined += 1
            # the group keeps the most precise place it has been told: a city over its country
            if group.place is None or (group.place.is_country and ev.place and not ev.place.is_country):
                db.execute("UPDATE fused_events SET place_key = ? WHERE fused_id = ?", (key, fused_id))
            if group.date is None and ev.date:      # an undated copy's original may be the first to date it
                db.execute("UPDATE fused_events SET date = ? WHERE fused_id = ?", (ev.date, fused_id))
            db.execute("UPDATE fused_events SET n_members = n_members + 1 WHERE fused_id = ?", (fused_id,))
        db.execute("INSERT INTO fused_members(event_id, fused_id, doc_id) VALUES (?,?,?)", (ev.event_id, fused_id, doc_id))
    return joined


@dataclass
class CopiedEvent:
    event_id: str
    type: str
    polarity: str
    evidence: str
    trigger: str
    source_key: str
    target_key: str
    date: str | None
    place: PlaceRef | None = None
    fused_id: int | None = None


def match_copied(copy: list[CopiedEvent], original: list[CopiedEvent]) -> dict[str, int]:
    """copy event id → fused id of the original's event told in the same sentence (pure; see the module
    docstring). Pairs are taken best first: most of trigger, source and target alike, then evidence overlap."""
    pairs = []
    for c in copy:
        for o in original:
            if o.type != c.type or o.polarity != c.polarity or not _near_dates(c.date, o.date) \
                    or not compatible_places(c.place, o.place):
                continue
            overlap = _word_overlap(c.evidence, o.evidence)
            if overlap >= COPY_EVIDENCE_MIN:
                alike = (c.trigger.casefold() == o.trigger.casefold()) + (c.source_key == o.source_key) \
                    + (c.target_key == o.target_key)
                pairs.append((-alike, -overlap, c.event_id, o.event_id, o.fused_id))
    out: dict[str, int] = {}
    taken: set[str] = set()
    for _, _, cid, oid, fused_id in sorted(pairs):
        if cid not in out and oid not in taken and fused_id is not None:
            out[cid] = fused_id
            taken.add(oid)
    return out


def copied_events(db: sqlite3.Connection, doc_id: str, original_id: str) -> dict[str, int]:
    """For a near-copy `doc_id` of `original_id`: its event ids → the fused events they join."""
    sql = ("SELECT e.event_id, e.type, e.negated, e.hypothetical, coalesce(e.evidence_text, ''), "
           "coalesce(e.trigger_text, ''), coalesce(e.source_key, ''), coalesce(e.target_key, ''), "
           "coalesce(e.date, d.published), e.place_key, m.fused_id FROM events e JOIN documents d USING (doc_id) "
           "LEFT JOIN fused_members m ON m.event_id = e.event_id WHERE e.doc_id = ? ORDER BY e.seq")

    def load(d: str) -> list[CopiedEvent]:
        return [CopiedEvent(r[0], r[1], polarity(bool(r[2]), bool(r[3])), *r[4:9], _place_ref(db, r[9]), r[10])
                for r in db.execute(sql, (d,))]

    return match_copied(load(doc_id), load(original_id))


def _near_dates(a: str | None, b: str | None) -> bool:
    """Unknown on either side (an undated copy), or dates that fuse by the general rule."""
    return not a or not b or compatible_dates(a, b)


def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _group(db: sqlite3.Connection, fused_id: int) -> FusedGroup:
    gdate, gplace = db.execute("SELECT date, place_key FROM fused_events WHERE fused_id = ?", (fused_id,)).fetchone()
    docs = {r[0] for r in db.execute("SELECT doc_id FROM fused_members WHERE fused_id = ?", (fused_id,))}
    return FusedGroup(fused_id, gdate, _place_ref(db, gplace), docs)


def _groups_for(db: sqlite3.Connection, ev: FusionCandidate) -> list[FusedGroup]:
    """Fused events with the same type and actors whose date could match (uses the lookup index)."""
    if precision(ev.date) == "day":
        d = date.fromisoformat(ev.date)
        lo, hi = (d - timedelta(days=DAY_TOLERANCE)).isoformat(), (d + timedelta(days=DAY_TOLERANCE)).isoformat()
        where, args = "date BETWEEN ? AND ? AND length(date) = 10", (lo, hi)
    else:
        where, args = "date = ?", (ev.date,)
    rows = db.execute(f"SELECT fused_id, date, place_key FROM fused_events WHERE type = ? AND source_key = ? "
                      f"AND target_key = ? AND polarity = ? AND {where}",
                      (ev.type, ev.source_key, ev.target_key, ev.polarity, *args)).fetchall()
    groups = []
    for fused_id, gdate, gplace in rows:
        docs = {r[0] for r in db.execute("SELECT doc_id FROM fused_members WHERE fused_id = ?", (fused_id,))}
        groups.append(FusedGroup(fused_id, gdate, _place_ref(db, gplace), docs))
    return groups


def _place_ref(db: sqlite3.Connection, key: str | None) -> PlaceRef | None:
    if key is None:
        return None
    row = db.execute("SELECT country, kind FROM places WHERE place_key = ? LIMIT 1", (key,)).fetchone()
    return PlaceRef(key, row[0] if row else None, bool(row) and row[1] == "country")


def unfuse_document(db: sqlite3.Connection, doc_id: str) -> None:
    """Take a document's events out of their fused events; a fused event left with no member is deleted,
    one left with members takes its date and place from them again."""
    groups = [r[0] for r in db.execute("SELECT DISTINCT fused_id FROM fused_members WHERE doc_id = ?", (doc_id,))]
    db.execute("DELETE FROM fused_members WHERE doc_id = ?", (doc_id,))
    for fused_id in groups:
        members = db.execute("SELECT coalesce(e.date, d.published), e.place_key FROM fused_members m "
                             "JOIN events e ON e.event_id = m.event_id JOIN documents d ON d.doc_id = e.doc_id "
                             "WHERE m.fused_id = ? ORDER BY m.rowid", (fused_id,)).fetchall()
        if not members:
            db.execute("DELETE FROM fused_events WHERE fused_id = ?", (fused_id,))
            continue
        places = [p for p in (_place_ref(db, k) for _, k in members) if p is not None]
        best = next((p for p in places if not p.is_country), places[0] if places else None)
        db.execute("UPDATE fused_events SET n_members = ?, date = ?, place_key = ? WHERE fused_id = ?",
                   (len(members), members[0][0], best.key if best else None, fused_id))


def refuse_all(db: sqlite3.Connection) -> None:
    """Rebuild every fused event from scratch, documents in the order they were stored (after a change
    of the fusion rules). The caller holds the transaction."""
    db.execute("DELETE FROM fused_members")
    db.execute("DELETE FROM fused_events")
    for (doc_id,) in db.execute("SELECT doc_id FROM documents ORDER BY rowid").fetchall():
        fuse_document(db, doc_id)
