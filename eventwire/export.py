"""Exports of stored events: PLOVER JSON lines, a flat dyadic CSV, and Parquet with the same columns.

PLOVER JSON follows the PLOVER manual's event record (id, date, actor, recipient, event, mode, event_loc,
event_text, text_info, cite_info, coder…). `link`, PLOVER's id shared by related events, names the fused
event: every article's telling of one event carries the same link. What PLOVER has no field for (CAMEO
code, confidence, the rule that produced the event) goes under an "eventwire" object. Partial dates use PLOVER's
date/enddate pair: an event dated "2020-05" becomes date 2020-05-01, enddate 2020-05-31. An event with no
date in its text takes the publication date, and `comment` says so.

The CSV and Parquet files hold one row per event with dyadic columns (source_* acts on target_*), as users
of GDELT, ICEWS and ACLED expect.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Iterable

import yaml

from eventwire import __version__
from eventwire.errors import UsageError
from eventwire.store.keys import date_range, precision
from eventwire.store.rows import EventRow

FORMATS = ("plover-json", "csv", "parquet")
CODER = f"eventwire {__version__}"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str          # str | int | float | bool | date


# One row per event. The order is the CSV header and the Parquet schema.
COLUMNS = [Column(n, k) for n, k in [
    ("event_id", "str"), ("doc_id", "str"), ("fused_id", "int"), ("n_articles", "int"), ("date", "str"), ("date_start", "date"),
    ("date_end", "date"), ("date_precision", "str"),
    ("source_name", "str"), ("source_country", "str"), ("source_sector", "str"), ("source_key", "str"),
    ("target_name", "str"), ("target_country", "str"), ("target_sector", "str"), ("target_key", "str"),
    ("type", "str"), ("mode", "str"), ("cameo", "str"), ("quad_code", "int"),
    ("negated", "bool"), ("hypothetical", "bool"), ("confidence", "float"),
    ("place", "str"), ("place_country", "str"), ("geonameid", "int"), ("lat", "float"), ("lon", "float"),
    ("trigger", "str"), ("trigger_start", "int"), ("trigger_end", "int"),
    ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"), ("sentence", "int"),
    ("url", "str"), ("source", "str"), ("title", "str"), ("published", "date"), ("language", "str"),
    ("reason", "str"),
]]


@lru_cache(maxsize=1)
def plover_data() -> dict:
    text = resources.files("eventwire.data").joinpath("export/plover.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def flat_row(ev: EventRow) -> dict[str, Any]:
    """The event as one flat row (values typed as COLUMNS says; None for missing)."""
    lo, hi = date_range(ev.date) or (None, None)
    return {
        "event_id": ev.event_id, "doc_id": ev.doc_id, "fused_id": ev.fused_id, "n_articles": ev.n_articles,
        "date": ev.date,
        "date_start": lo, "date_end": hi, "date_precision": precision(ev.date),
        "source_name": ev.source_name, "source_country": ev.source_country, "source_sector": ev.source_sector,
        "source_key": ev.source_key, "target_name": ev.target_name, "target_country": ev.target_country,
        "target_sector": ev.target_sector, "target_key": ev.target_key,
        "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "quad_code": plover_data()["quad_code"].get(ev.type),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
        "place": ev.place_name, "place_country": ev.place_country, "geonameid": ev.geonameid,
        "lat": ev.lat, "lon": ev.lon,
        "trigger": ev.trigger.text if ev.trigger else None,
        "trigger_start": ev.trigger.start if ev.trigger else None, "trigger_end": ev.trigger.end if ev.trigger else None,
        "evidence": ev.evidence.text if ev.evidence else None,
        "evidence_start": ev.evidence.start if ev.evidence else None,
        "evidence_end": ev.evidence.end if ev.evidence else None, "sentence": ev.sentence,
        "url": ev.url, "source": ev.publisher, "title": ev.title, "published": ev.published,
        "language": ev.language, "reason": ev.reason,
    }


def _entity(name: str | None, country: str | None, sector: str | None, key: str | None) -> list[dict]:
    if name is None and country is None:
        return []
    ent = {"code": country, "sector": sector, "entity_text": name, "identifier_text": name}
    if key and ":" in key and "|" not in key:
        ent["identifier_id"] = key          # a knowledge-base id ("country:TUR")
    return [ent]


def plover_event(ev: EventRow) -> dict[str, Any]:
    """The event as a PLOVER JSON object (see the module docstring for the choices made)."""
    lo, hi = date_range(ev.date) or (None, None)
    comment = None
    if lo is None:
        lo, hi = ev.published, None
        comment = "date: no event date in the text; publication date used"
    modes = ([ev.mode] if ev.mode else []) + (["negation"] if ev.negated else []) + \
        (["hypothetical"] if ev.hypothetical else [])
    out: dict[str, Any] = {
        "id": ev.event_id, "date": lo,
    }
    if hi and hi != lo:
        out["enddate"] = hi
    out.update({
        "actor": _entity(ev.source_name, ev.source_country, ev.source_sector, ev.source_key),
        "recipient": _entity(ev.target_name, ev.target_country, ev.target_sector, ev.target_key),
        "event": [ev.type], "mode": modes,
        "link": None if ev.fused_id is None else f"fused-{ev.fused_id}",   # shared by every article's telling
        "quad_code": plover_data()["quad_code"].get(ev.type),
        "event_loc": None if ev.place_name is None else {
            "extracted_place": ev.place_name, "resolved_place": ev.place_name, "geonameid": ev.geonameid,
            "lat": ev.lat, "lon": ev.lon, "country_code": ev.place_country},
        "event_text": [ev.evidence.text] if ev.evidence else [],
        "text_info": None if ev.evidence is None else {"sequence": ev.sentence, "start": ev.evidence.start,
                                                       "end": ev.evidence.end},
        "cite_info": {"corpus": None, "url": ev.url, "title": ev.title, "language": ev.language,
                      "publication": ev.publisher, "coder": CODER, "codebook": plover_data()["codebook"],
                      "version": __version__},
        "coder": CODER, "pub_date": ev.published, "story_id": ev.doc_id,
    })
    if comment:
        out["comment"] = comment
    out["eventwire"] = {
        "doc_id": ev.doc_id, "local_id": ev.local_id, "fused_id": ev.fused_id, "n_articles": ev.n_articles,
        "date_coded": ev.date,
        "cameo": ev.cameo, "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
        "trigger": None if ev.trigger is None else {"start": ev.trigger.start, "end": ev.trigger.end,
                                                     "text": ev.trigger.text},
        "reason": ev.reason}
    return out


# ---- writers ------------------------------------------------------------------------------------
def write_plover_jsonl(events: Iterable[EventRow], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(plover_event(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterable[EventRow], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=[c.name for c in COLUMNS], lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        row = flat_row(ev)
        w.writerow({k: ("" if v is None else str(v).lower() if isinstance(v, bool) else v) for k, v in row.items()})
        n += 1
    return n


def write_parquet(events: Iterable[EventRow], path: Path, *, chunk: int = 10_000) -> int:
    """Parquet with typed columns, written in row groups of `chunk` events (memory stays flat)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    schema = pa.schema([pa.field(c.name, types[c.kind]) for c in COLUMNS])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict] = []
        for ev in events:
            batch.append(_typed(flat_row(ev)))
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


_DATE_COLUMNS = {c.name for c in COLUMNS if c.kind == "date"}


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    for k in _DATE_COLUMNS:
        v = row[k]
        row[k] = _to_date(v)
    return row


def _to_date(v: str | None) -> date | None:
    if not v:
        return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def export_events(events: Iterable[EventRow], fmt: str, out: Path | None, *, stdout: IO[str] | None = None) -> int:
    """Write `events` in `fmt` to the file `out` (or to `stdout` for the text formats); returns the count."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise UsageError("--format parquet needs --out FILE (Parquet is binary)")
    writer = write_plover_jsonl if fmt == "plover-json" else write_csv
    if out is None:
        return writer(events, stdout)
    # Write beside the target and rename: a failed or interrupted export never leaves half a file.
    part = out.with_name(out.name + ".part")
    try:
        if fmt == "parquet":
            n = write_parquet(events, part)
        else:
            with open(part, "w", encoding="utf-8", newline="") as fh:
                n = writer(events, fh)
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return n
