"""Administrative areas, country centres and named sites, read from eventwire's data files.

- admin1.tsv: GeoNames first-level areas (states, provinces, regions) with the ISO 3166-2 code matched to
  each and a centre point; it also names the admin1 of every city (GeoNames gives cities an admin1 *code*,
  which for most countries is not the ISO code).
- admin2.tsv: US counties, UK and Irish counties and districts, with a centre point.
- subdivision_points.tsv: a centre for ISO 3166-2 subdivisions that GeoNames files at admin2 (Philippine
  provinces, French departments).
- qualifiers.yaml (`abbr`): short forms news uses for admin1 areas ("Calif.", "N.C.", "NSW", "B.C.").
- country_centres.tsv: where a country is put (a centre, never its capital).
- sites.yaml: seats of power, landmarks, airports (points) and seas and other water bodies (no country).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

DATA = resources.files("eventwire") / "data" / "places"


@dataclass(frozen=True, slots=True)
class Admin1:
    country: str        # ISO 3166-1 alpha-2
    code: str           # GeoNames admin1 code
    name: str           # GeoNames (English) name
    iso: str | None     # ISO 3166-2 code ("US-CA"), None where no ISO subdivision matched
    iso_name: str | None
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Admin2:
    country: str        # ISO 3166-1 alpha-2
    admin1_code: str    # GeoNames admin1 code of the state it lies in
    name: str
    lat: float
    lon: float


def _rows(filename: str) -> list[list[str]]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]                                   # the first row names the columns


def admin1_areas() -> dict[tuple[str, str], Admin1]:
    """(country alpha-2, GeoNames admin1 code) → area."""
    return {(r[0], r[1]): Admin1(r[0], r[1], r[2], r[3] or None, r[4] or None, float(r[5]), float(r[6]))
            for r in _rows("admin1.tsv")}


def admin2_areas() -> list[Admin2]:
    return [Admin2(r[0], r[1], r[2], float(r[3]), float(r[4])) for r in _rows("admin2.tsv")]


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO 3166-1 alpha-3 → (lat, lon)."""
    return {r[0]: (float(r[2]), float(r[3])) for r in _rows("country_centres.tsv")}


def subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code → (lat, lon) for subdivisions admin1.tsv lacks (provinces GeoNames files at admin2)."""
    return {r[0]: (float(r[2]), float(r[3])) for r in _rows("subdivision_points.tsv")}


def admin1_aliases() -> dict[str, list[str]]:
    """ISO 3166-2 code → short forms news uses for the area anywhere, matched as written (case-sensitive):
    "Calif.", "NSW". The `abbr` lists of qualifiers.yaml (places/qualify.py reads the same file); postal codes
    ("OR", "IN") name an area only after a town and a comma, so they are not among them."""
    raw = yaml.safe_load((DATA / "qualifiers.yaml").read_text(encoding="utf-8")) or []
    return {r["iso"]: list(r["abbr"]) for r in raw if r.get("abbr")}


def sites() -> list[dict]:
    """Named sites and water bodies: {name, aliases, country, lat, lon, kind: site|water}."""
    raw = yaml.safe_load((DATA / "sites.yaml").read_text(encoding="utf-8")) or {}
    return [{**s, "kind": kind} for kind, key in (("site", "sites"), ("water", "water")) for s in raw.get(key) or []]
