"""Continents, world regions and oceans: names that are not places (eventwire/data/places/world_regions.yaml).

"North America", "southern Africa", "the North Atlantic" locate nothing an analyst can map, and read through
the gazetteer they become wrong places: "North" + America (the United States), "Africa" (a town's alternate
name), "the Atlantic" (Atlantic County). A mention named so, with or without a compass word, is dropped at
the start of resolution, once a compass word that belongs to a country's name has joined it ("South Africa"
is a country); "Atlantic County" and "Pacific City" are other names and stay places.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from eventwire.places.gazetteer import normalize


@lru_cache(maxsize=1)
def world_region_names() -> frozenset[str]:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "world_regions.yaml").read_text("utf-8"))
    return frozenset(normalize(n) for names in raw.values() for n in names or [])


def is_world_region(name: str, direction: str | None = None, region_noun: str | None = None) -> bool:
    """Is the mention ("Africa", "North" + "Atlantic", "Latin America") a continent, world region or ocean?
    An administrative noun after it ("Pacific County") makes it another name; "region" does not ("the
    Pacific region")."""
    if region_noun and region_noun.lower() != "region":
        return False
    names = world_region_names()
    return normalize(name) in names or (direction is not None and normalize(f"{direction} {name}") in names)
