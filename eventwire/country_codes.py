"""Country names and codes: a user's "Iraq", "iraq", "IQ" or "Iraqi" → IRQ for filters, and ISO3 → COW and
FIPS 10-4 codes for the exports.

Names come from the actor knowledge base (data/actors/countries.csv: canonical names, aliases, demonyms)
and the crosswalk's own names; codes from data/export/country_codes.csv (sources named in its header).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry


@dataclass(frozen=True)
class Codes:
    iso3: str
    cown: int | None       # Correlates of War numeric code
    cowc: str | None       # Correlates of War letter code
    fips: str | None       # FIPS 10-4
    name: str = ""


def _rows(path: str) -> list[dict[str, str]]:
    text = resources.files("eventwire.data").joinpath(path).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, Codes]:
    out = {}
    for r in _rows("export/country_codes.csv"):
        out[r["iso3"]] = Codes(r["iso3"], int(r["cown"]) if r["cown"] else None, r["cowc"] or None, r["fips"] or None,
                             r["name"])
    return out


def codes(iso3: str | None) -> Codes | None:
    """COW and FIPS codes of an ISO3 country code; None for IGO, unknown or missing codes."""
    return crosswalk().get(iso3) if iso3 else None


def _key(name: str) -> str:
    return " ".join(name.replace(".", "").split()).casefold()


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every known name, alias, demonym and alpha-2 code (case-folded) → ISO3."""
    out: dict[str, str] = {}
    for r in _rows("export/country_codes.csv"):
        out.setdefault(_key(r["name"]), r["iso3"])
    for r in _rows("actors/countries.csv"):
        for name in [r["name"], *(r["aliases"] or "").split("|"), *(r["demonyms"] or "").split("|")]:
            if name.strip():
                out[_key(name)] = r["iso3"]      # the knowledge base's names win over the crosswalk's
    for c in pycountry.countries:
        out.setdefault(_key(c.alpha_2), c.alpha_3)
    return out


def resolve_country(value: str) -> str | None:
    """The ISO3 (or other 3-letter actor code, e.g. IGO) a user means by `value`; None when unknown.

    An ISO3 code stays itself ("irq" → IRQ); else `value` is looked up as a name, alias, demonym or ISO
    alpha-2 code ("Iraq", "the UAE", "Iraqi", "IQ"); else any other 3 letters are taken as an actor code
    (IGO, NGO… as the actor dictionaries use them)."""
    v = value.strip()
    if v.upper() in crosswalk():
        return v.upper()
    key = _key(v)
    found = _names().get(key) or (_names().get(key[4:]) if key.startswith("the ") else None)
    if found is None and len(v) == 3 and v.isalpha():
        found = v.upper()
    return found
