"""Corpus-wide views: actors, places, the actor network, documents, quotes and a summary."""
from __future__ import annotations

import sqlite3

from eventwire.store.filters import EventFilter
from eventwire.store.queries import event_where, like_pattern, span_or_none
from eventwire.store.rows import (ActorRow, DocumentRow, Network, NetworkEdge, NetworkNode, PlaceRow, QuoteRow,
                                  Summary)


def select_actors(db: sqlite3.Connection, *, limit: int | None = None, offset: int = 0) -> list[ActorRow]:
    """Actors by number of events (as source or target), then documents; name = the most used name."""
    sql = """
    WITH ev AS (
        SELECT source_key AS k FROM events WHERE source_key IS NOT NULL
        UNION ALL SELECT target_key FROM events WHERE target_key IS NOT NULL),
    n AS (SELECT k, count(*) AS n_events FROM ev GROUP BY k),
    names AS (SELECT actor_key, name, row_number() OVER (PARTITION BY actor_key ORDER BY count(*) DESC, name) AS rk
              FROM actors GROUP BY actor_key, name),
    a AS (SELECT actor_key, max(country) AS country, max(sector) AS sector, max(kb_id) AS kb_id,
                 count(DISTINCT doc_id) AS n_docs FROM actors GROUP BY actor_key)
    SELECT a.actor_key, names.name, a.country, a.sector, a.kb_id, a.n_docs, coalesce(n.n_events, 0) AS n_events
    FROM a JOIN names ON names.actor_key = a.actor_key AND names.rk = 1 LEFT JOIN n ON n.k = a.actor_key
    ORDER BY n_events DESC, a.n_docs DESC, names.name
    LIMIT ? OFFSET ?"""
    return [ActorRow(*r) for r in db.execute(sql, (-1 if limit is None else limit, offset))]


def select_places(db: sqlite3.Connection, *, limit: int | None = None, offset: int = 0) -> list[PlaceRow]:
    sql = """
    WITH n AS (SELECT place_key, count(*) AS n_events, max(geo_precision) AS prec FROM events
               WHERE place_key IS NOT NULL GROUP BY place_key)
    SELECT p.place_key, min(p.name), max(p.country), max(p.kind), max(p.lat), max(p.lon), max(p.geonameid),
           count(DISTINCT p.doc_id) AS n_docs, coalesce(n.n_events, 0) AS n_events,
           coalesce(n.prec, max(p.precision), CASE max(p.kind) WHEN 'city' THEN 'point' WHEN 'country' THEN 'country'
                                             WHEN 'region' THEN 'admin1' END),
           group_concat(DISTINCT p.role), max(p.admin1)
    FROM places p LEFT JOIN n ON n.place_key = p.place_key
    GROUP BY p.place_key ORDER BY n_events DESC, n_docs DESC, min(p.name)
    LIMIT ? OFFSET ?"""
    return [PlaceRow(*r) for r in db.execute(sql, (-1 if limit is None else limit, offset))]


def select_network(db: sqlite3.Connection, f: EventFilter, *, full_text: bool, min_weight: int = 1) -> Network:
    """Actors as nodes; events (by type) and backs/opposes/allied_with relations as weighted edges."""
    where, args = event_where(f, full_text=full_text)
    cond = "e.source_key IS NOT NULL AND e.target_key IS NOT NULL AND NOT e.negated"
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    edges = [NetworkEdge(*r) for r in db.execute(
        f"SELECT e.source_key, e.target_key, e.type, count(*) FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        f"{where} GROUP BY 1, 2, 3 HAVING count(*) >= ?", [*args, min_weight])]
    if f.is_empty():
        edges += [NetworkEdge(*r) for r in db.execute(
            "SELECT from_key, to_key, kind, count(*) FROM relations WHERE from_key IS NOT NULL AND to_key IS NOT NULL "
            "GROUP BY 1, 2, 3 HAVING count(*) >= ?", (min_weight,))]
    edges.sort(key=lambda e: (-e.weight, e.source, e.target, e.kind))
    keys = {e.source for e in edges} | {e.target for e in edges}
    weight: dict[str, int] = {}
    for e in edges:
        weight[e.source] = weight.get(e.source, 0) + e.weight
        weight[e.target] = weight.get(e.target, 0) + e.weight
    nodes = []
    for k in sorted(keys):
        r = db.execute("SELECT name, country, sector FROM actors WHERE actor_key = ? GROUP BY name "
                       "ORDER BY count(*) DESC, name LIMIT 1", (k,)).fetchone()
        nodes.append(NetworkNode(k, r[0] if r else k, r[1] if r else None, r[2] if r else None, weight[k]))
    return Network(nodes, edges)


def select_documents(db: sqlite3.Connection, *, limit: int | None = None, offset: int = 0) -> list[DocumentRow]:
    return [DocumentRow(*r) for r in db.execute(
        "SELECT doc_id, title, source, url, published, language, n_events, ingested_at, near_copy_of, "
        "near_copy_similarity FROM documents "
        "ORDER BY coalesce(published, '9999'), doc_id LIMIT ? OFFSET ?", (-1 if limit is None else limit, offset))]


def select_quotes(db: sqlite3.Connection, *, doc_id: str | None = None, speaker: str | None = None,
                  limit: int | None = None, offset: int = 0) -> list[QuoteRow]:
    """Quotes of one document and/or one speaker (actor key or a name substring)."""
    parts, args = [], []
    if doc_id:
        parts.append("doc_id = ?")
        args.append(doc_id)
    if speaker:
        parts.append("(speaker_key = ? OR speaker_name LIKE ? ESCAPE '\\')")
        args += [speaker, like_pattern(speaker)]
    where = ("WHERE " + " AND ".join(parts)) if parts else ""
    rows = db.execute(f"SELECT quote_id, doc_id, speaker_key, speaker_name, speaker_text, content_start, content_end, "
                      f"content_text, cue_start, cue_end, cue_text, direct, medium, reason FROM quotes {where} "
                      f"ORDER BY doc_id, seq LIMIT ? OFFSET ?", [*args, -1 if limit is None else limit, offset])
    return [QuoteRow(r[0], r[1], r[2], r[3], r[4], span_or_none(*r[5:8]), span_or_none(*r[8:11]), bool(r[11]), r[12], r[13])
            for r in rows]


def summarize(db: sqlite3.Connection, path: str, version: int, full_text: bool) -> Summary:
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    first, last = db.execute("SELECT min(date_lo), max(date_hi) FROM events").fetchone()
    by_type = dict(db.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type"))
    return Summary(path=path, schema_version=version, full_text=full_text,
                   documents=one("SELECT count(*) FROM documents"), events=one("SELECT count(*) FROM events"),
                   fused_events=one("SELECT count(*) FROM fused_events"),
                   actors=one("SELECT count(DISTINCT actor_key) FROM actors"),
                   places=one("SELECT count(DISTINCT place_key) FROM places"),
                   quotes=one("SELECT count(*) FROM quotes"), relations=one("SELECT count(*) FROM relations"),
                   first_date=first, last_date=last, by_type=by_type)
