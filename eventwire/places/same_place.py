"""Two gazetteer places that are one on the ground: a city and the district or city-state it fills.

"Washington, D.C." names the city and the District of Columbia, which the city fills: recording both would
put one place on the map twice. An area whose centre lies this close to the town's point is the town
itself; a real state or province qualifying a town ("Dover, Del.") has its centre tens of kilometres away.
"""
from __future__ import annotations

import math

SAME_PLACE_KM = 10


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    r = math.radians
    a = math.sin(r(lat2 - lat1) / 2) ** 2 + \
        math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def same_place(town, area) -> bool:
    """Is the qualifying area (a FoundPlace) the town (a FoundPlace) itself?"""
    if town.kind != "city" or area.kind != "region" or town.country != area.country:
        return False
    if None in (town.lat, town.lon, area.lat, area.lon):
        return False
    return km(town.lat, town.lon, area.lat, area.lon) <= SAME_PLACE_KM
