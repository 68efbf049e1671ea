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
from typing import IO, Any, Callable, Iterable

import yaml

from eventwire import __version__, country_codes
from eventwire.csv_types import Column
from eventwire.csv_types import schema_path, write_table_schema
from eventwire.errors import UsageError
from eventwire.store.keys import date_range, precision
from eventwire.store.rows import EventRow, FusedEventRow

FORMATS = ("plover-json", "csv", "parquet")
CODER = f"eventwire {__version__}"


# One row per event. The order is the CSV header and the Parquet schema. `*_country` is ISO 3166-1 alpha-3
# (or IGO…); `*_cow` (Correlates of War, numeric) and `*_fips` (FIPS 10-4) come from data/export/country_codes.csv.
COLUMNS = [Column(n, k) for n, k in [
    ("event_id", "str"), ("doc_id", "str"), ("fused_id", "int"), ("n_articles", "int"), ("date", "str"), ("date_start", "date"),
    ("date_end", "date"), ("date_precision", "str"),
    ("source_name", "str"), ("source_country", "str"), ("source_cow", "int"), ("source_fips", "str"),
    ("source_sector", "str"), ("source_key", "str"),
    ("target_name", "str"), ("target_country", "str"), ("target_cow", "int"), ("target_fips", "str"),
    ("target_sector", "str"), ("target_key", "str"),
    ("type", "str"), ("mode", "str"), ("cameo", "str"), ("quad_code", "int"),
    ("negated", "bool"), ("hypothetical", "bool"), ("confidence", "float"),
    ("fatalities", "int"), ("injured", "int"), ("arrested", "int"),
    ("place", "str"), ("place_country", "str"), ("place_cow", "int"), ("place_fips", "str"),
    ("geo_precision", "str"), ("admin1", "str"), ("admin1_name", "str"),
    ("geonameid", "int"), ("lat", "float"), ("lon", "float"),
    ("trigger", "str"), ("trigger_start", "int"), ("trigger_end", "int"),
    ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"), ("sentence", "int"),
    ("url", "str"), ("publisher", "str"), ("title", "str"), ("published", "date"), ("language", "str"),
    ("reason", "str"),
]]

# One row per fused event (`export --fused`): the event once, however many articles tell it. Lists
# (every member event, article, publisher, url) are joined with "; ", as POLECAT's multi-value cells are.
FUSED_COLUMNS = [Column(n, k) for n, k in [
    ("fused_id", "int"), ("n_articles", "int"), ("date", "str"), ("date_start", "date"), ("date_end", "date"),
    ("date_precision", "str"),
    ("source_name", "str"), ("source_country", "str"), ("source_cow", "int"), ("source_fips", "str"),
    ("source_sector", "str"), ("source_key", "str"),
    ("target_name", "str"), ("target_country", "str"), ("target_cow", "int"), ("target_fips", "str"),
    ("target_sector", "str"), ("target_key", "str"),
    ("type", "str"), ("mode", "str"), ("cameo", "str"), ("quad_code", "int"), ("polarity", "str"),
    ("confidence", "float"), ("fatalities", "int"), ("injured", "int"), ("arrested", "int"),
    ("place", "str"), ("place_country", "str"), ("place_cow", "int"), ("place_fips", "str"),
    ("geo_precision", "str"), ("admin1", "str"), ("admin1_name", "str"),
    ("geonameid", "int"), ("lat", "float"), ("lon", "float"),
    ("evidence", "str"), ("event_ids", "str"), ("doc_ids", "str"), ("publishers", "str"), ("urls", "str"),
]]
LIST_SEPARATOR = "; "


def _country(prefix: str, iso3: str | None) -> dict[str, Any]:
    c = country_codes.codes(iso3)
    return {f"{prefix}_cow": c.cown if c else None, f"{prefix}_fips": c.fips if c else None}


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
        "date_start": lo, "date_end": hi, "date_precision": ev.date_precision or precision(ev.date),
        "source_name": ev.source_name, "source_country": ev.source_country, **_country("source", ev.source_country),
        "source_sector": ev.source_sector, "source_key": ev.source_key,
        "target_name": ev.target_name, "target_country": ev.target_country, **_country("target", ev.target_country),
        "target_sector": ev.target_sector, "target_key": ev.target_key,
        "type": ev.type, "mode": ev.mode, "cameo": ev.cameo, "quad_code": plover_data()["quad_code"].get(ev.type),
        "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
        "fatalities": ev.fatalities, "injured": ev.injured, "arrested": ev.arrested,
        "place": ev.place_name, "place_country": ev.place_country, **_country("place", ev.place_country),
        "geo_precision": ev.geo_precision, "admin1": ev.admin1, "admin1_name": ev.admin1_name,
        "geonameid": ev.geonameid, "lat": ev.lat, "lon": ev.lon,
        "trigger": ev.trigger.text if ev.trigger else None,
        "trigger_start": ev.trigger.start if ev.trigger else None, "trigger_end": ev.trigger.end if ev.trigger else None,
        "evidence": ev.evidence.text if ev.evidence else None,
        "evidence_start": ev.evidence.start if ev.evidence else None,
        "evidence_end": ev.evidence.end if ev.evidence else None, "sentence": ev.sentence,
        "url": ev.url, "publisher": ev.publisher, "title": ev.title, "published": ev.published,
        "language": ev.language, "reason": ev.reason,
    }


def flat_fused_row(fe: FusedEventRow) -> dict[str, Any]:
    """A fused event as one flat row (FUSED_COLUMNS)."""
    lo, hi = date_range(fe.date) or (None, None)
    join = LIST_SEPARATOR.join
    return {
        "fused_id": fe.fused_id, "n_articles": fe.n_articles, "date": fe.date, "date_start": lo, "date_end": hi,
        "date_precision": fe.date_precision or precision(fe.date),
        "source_name": fe.source_name, "source_country": fe.source_country, **_country("source", fe.source_country),
        "source_sector": fe.source_sector, "source_key": fe.source_key or None,
        "target_name": fe.target_name, "target_country": fe.target_country, **_country("target", fe.target_country),
        "target_sector": fe.target_sector, "target_key": fe.target_key or None,
        "type": fe.type, "mode": fe.mode, "cameo": fe.cameo, "quad_code": plover_data()["quad_code"].get(fe.type),
        "polarity": fe.polarity, "confidence": fe.confidence,
        "fatalities": fe.fatalities, "injured": fe.injured, "arrested": fe.arrested,
        "place": fe.place_name, "place_country": fe.place_country, **_country("place", fe.place_country),
        "geo_precision": fe.geo_precision, "admin1": fe.admin1, "admin1_name": fe.admin1_name,
        "geonameid": fe.geonameid, "lat": fe.lat, "lon": fe.lon,
        "evidence": fe.evidence[0].text if fe.evidence else None,
        "event_ids": join(fe.event_ids), "doc_ids": join(fe.doc_ids), "publishers": join(fe.publishers),
        "urls": join(fe.urls),
    }


def _entity(name: str | None, country: str | None, sector: str | None, key: str | None) -> list[dict]:
    if name is None and country is None:
        return []
    ent = {"code": country, "sector": sector, "entity_text": name, "identifier_text": name}
    if key and ":" in key and "|" not in key:
        ent["identifier_id"] = key          # a knowledge-base id ("country:TUR")
    return [ent]


# PLOVER location object's `resolution` (Mordecai/POLECAT: 5 sub-city, 4 city, 3 district, 2 province, 1 country).
RESOLUTION = {"point": 4, "admin2": 3, "admin1": 2, "country": 1}


def _size(fatalities: int | None, injured: int | None, arrested: int | None) -> dict[str, int] | None:
    """PLOVER's size object {dead, injured, arrested}, with the figures the text gives."""
    size = {k: v for k, v in (("dead", fatalities), ("injured", injured), ("arrested", arrested)) if v is not None}
    return size or None


def _location(name, country, geonameid, lat, lon, geo_precision, admin1_name) -> dict[str, Any] | None:
    if name is None:
        return None
    return {"extracted_place": name, "resolved_place": name, "geonameid": geonameid, "lat": lat, "lon": lon,
            "province": admin1_name, "country_code": country, "resolution": RESOLUTION.get(geo_precision or "")}


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
        "event_loc": _location(ev.place_name, ev.place_country, ev.geonameid, ev.lat, ev.lon, ev.geo_precision,
                               ev.admin1_name),
        "size": _size(ev.fatalities, ev.injured, ev.arrested),
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
        "date_coded": ev.date, "date_precision": ev.date_precision or precision(ev.date),
        "geo_precision": ev.geo_precision, "admin1": ev.admin1,
        "cameo": ev.cameo, "negated": ev.negated, "hypothetical": ev.hypothetical, "confidence": ev.confidence,
        "trigger": None if ev.trigger is None else {"start": ev.trigger.start, "end": ev.trigger.end,
                                                     "text": ev.trigger.text},
        "reason": ev.reason}
    return out


def plover_fused_event(fe: FusedEventRow) -> dict[str, Any]:
    """A fused event as one PLOVER object: `id` and `link` are "fused-N", `event_text` holds every article's
    evidence, and `eventwire` lists the member events, articles and publishers."""
    lo, hi = date_range(fe.date) or (None, None)
    modes = ([fe.mode] if fe.mode else []) + (["negation"] if "negated" in fe.polarity else []) + \
        (["hypothetical"] if "hypothetical" in fe.polarity else [])
    out: dict[str, Any] = {"id": f"fused-{fe.fused_id}", "date": lo}
    if hi and hi != lo:
        out["enddate"] = hi
    out.update({
        "actor": _entity(fe.source_name, fe.source_country, fe.source_sector, fe.source_key),
        "recipient": _entity(fe.target_name, fe.target_country, fe.target_sector, fe.target_key),
        "event": [fe.type], "mode": modes, "link": f"fused-{fe.fused_id}",
        "quad_code": plover_data()["quad_code"].get(fe.type),
        "event_loc": _location(fe.place_name, fe.place_country, fe.geonameid, fe.lat, fe.lon, fe.geo_precision,
                               fe.admin1_name),
        "size": _size(fe.fatalities, fe.injured, fe.arrested),
        "event_text": [e.text for e in fe.evidence],
        "cite_info": {"corpus": None, "url": fe.urls[0] if fe.urls else None,
                      "publication": LIST_SEPARATOR.join(fe.publishers) or None, "coder": CODER,
                      "codebook": plover_data()["codebook"], "version": __version__},
        "coder": CODER,
    })
    if lo is None:
        out["comment"] = "date: no event date in the texts"
    out["eventwire"] = {"fused_id": fe.fused_id, "n_articles": fe.n_articles, "event_ids": fe.event_ids,
                        "doc_ids": fe.doc_ids, "publishers": fe.publishers, "urls": fe.urls, "polarity": fe.polarity,
                        "date_coded": fe.date, "date_precision": fe.date_precision or precision(fe.date),
                        "geo_precision": fe.geo_precision, "admin1": fe.admin1, "cameo": fe.cameo,
                        "confidence": fe.confidence}
    return out


# ---- writers ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Shape:
    """What one export row is: its columns and how a store row becomes a flat row / a PLOVER object."""
    columns: list[Column]
    flat: Callable[[Any], dict[str, Any]]
    plover: Callable[[Any], dict[str, Any]]


EVENTS = Shape(COLUMNS, flat_row, plover_event)
FUSED = Shape(FUSED_COLUMNS, flat_fused_row, plover_fused_event)


def write_plover_jsonl(events: Iterable[Any], out: IO[str], shape: Shape = EVENTS) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(shape.plover(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_value(v: Any) -> Any:
    return "" if v is None else str(v).lower() if isinstance(v, bool) else v


def write_csv(events: Iterable[Any], out: IO[str], shape: Shape = EVENTS) -> int:
    w = csv.DictWriter(out, fieldnames=[c.name for c in shape.columns], lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow({k: _csv_value(v) for k, v in shape.flat(ev).items()})
        n += 1
    return n


def write_parquet(events: Iterable[Any], path: Path, shape: Shape = EVENTS, *, chunk: int = 10_000) -> int:
    """Parquet with typed columns, written in row groups of `chunk` events (memory stays flat)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}
    schema = pa.schema([pa.field(c.name, types[c.kind]) for c in shape.columns])
    dates = [c.name for c in shape.columns if c.kind == "date"]
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict] = []
        for ev in events:
            row = shape.flat(ev)
            batch.append({**row, **{k: _to_date(row[k]) for k in dates}})
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _to_date(v: str | None) -> date | None:
    if not v:
        return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def export_events(events: Iterable[Any], fmt: str, out: Path | None, *, stdout: IO[str] | None = None,
                  fused: bool = False) -> int:
    """Write `events` (EventRows, or FusedEventRows when `fused`) in `fmt` to the file `out` (or to `stdout`
    for the text formats); returns the count. A CSV file gets its column types beside it (csv_types.py)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and out is None:
        raise UsageError("--format parquet needs --out FILE (Parquet is binary)")
    shape = FUSED if fused else EVENTS
    writer = write_plover_jsonl if fmt == "plover-json" else write_csv
    if out is None:
        return writer(events, stdout, shape)
    # Write beside the target and rename: a failed or interrupted export never leaves half a file.
    part = out.with_name(out.name + ".part")
    try:
        if fmt == "parquet":
            n = write_parquet(events, part, shape)
        else:
            with open(part, "w", encoding="utf-8", newline="") as fh:
                n = writer(events, fh, shape)
        if fmt == "csv":
            write_table_schema(shape.columns, schema_path(out))
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return n
