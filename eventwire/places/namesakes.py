"""Namesakes inside a country: the story's states and provinces choose between towns of the same name.

"Paris" in a story that also names Texas is Paris, Texas; "Clarke County" in one that names Georgia is the
Georgia county. Without such an area the far bigger namesake abroad stands: "London" in a story that names
Washington is the British capital, not a Kentucky town of 8,000 that merely shares the story's country.
And a country's own name is the country: "Niger", "Lebanon", "Switzerland" are not a Nigerian state or
an American county unless the text says "state" or "county". The gazetteer gives every town and county the ISO 3166-2 code of its first-level area;
the story's own places say which areas it is about: a state or province it names outright, and a town
whose name only one area has.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from eventwire.places.gazetteer import BIG_CITY_POP, Candidate

# A town this many times bigger than its namesake in a named state keeps the name: a story about New York
# that mentions Newark means New Jersey's city, not the village of 9,000 upstate.
FAMOUS_RATIO = 10
# A world city abroad (a national capital or a city of BIG_CITY_POP) this many times bigger than the chosen
# town wins unless the story names the town's own state or province: the story's country alone does not vouch
# for a village that shares a world city's name. (London, Ontario, a twentieth of London's size, is no village.)
WORLD_CITY_RATIO = 50


def admin1_evidence(names: Iterable[tuple[int, list[Candidate]]]) -> Counter[str]:
    """How often the story names each first-level area, from (times named, candidates) per place name:
    an area itself ("Texas", "Calif."), or a name whose candidates all lie in one area."""
    out: Counter[str] = Counter()
    for count, cands in names:
        mains = [c.entry for c in cands if c.main_name]
        if not mains:
            continue
        areas = {e.admin1 for e in mains}
        if any(e.precision == "admin1" for e in mains):
            areas = {e.admin1 for e in mains if e.precision == "admin1"}
        if len(areas) == 1 and None not in areas:
            out[areas.pop()] += count
    return out


def prefer_named_admin1(best: Candidate | None, cands: list[Candidate],
                        evidence: Counter[str]) -> tuple[Candidate | None, str]:
    """The same-named place of the same kind that lies in an area the story names, when `best` does not."""
    if best is None or not evidence or evidence[best.entry.admin1 or ""]:
        return best, ""
    rivals = [c for c in cands if c.main_name == best.main_name and c.entry.kind == best.entry.kind
              and c.entry.precision == best.entry.precision and evidence[c.entry.admin1 or ""]
              and c.entry.population * FAMOUS_RATIO >= best.entry.population]
    if not rivals:
        return best, ""
    chosen = max(rivals, key=lambda c: (evidence[c.entry.admin1 or ""], c.entry.population))
    return chosen, f"in {chosen.entry.admin1_name or chosen.entry.admin1}, which the story names"


def country_over_namesakes(cands: list[Candidate], region_named: bool) -> list[Candidate]:
    """A country's own name means the country: its namesake towns, and provinces and counties of other
    countries, drop out ("Lebanon" is not Lebanon County, Pennsylvania) unless a region noun follows ("Niger
    state"). A US state keeps its chance ("Georgia"): the story's other places choose between the two."""
    countries = {c.entry.country for c in cands if c.entry.kind == "country" and c.main_name}
    if not countries:
        return cands
    return [c for c in cands if c.entry.kind != "city" and
            (c.entry.source != "subdivision" or region_named or c.entry.country in countries)]


def world_city_over_town(best: Candidate | None, cands: list[Candidate],
                         area_evidence: Counter[str]) -> tuple[Candidate | None, str]:
    """The same-named world city abroad, far bigger, when the chosen town lies in no state or province the
    story names (a qualifier, an area named outright, a town only that area has)."""
    if best is None or best.entry.kind != "city" or area_evidence[best.entry.admin1 or ""]:
        return best, ""
    rivals = [c for c in cands if c.main_name and c.entry.kind == "city" and c.entry.country != best.entry.country
              and (c.entry.capital or c.entry.population >= BIG_CITY_POP)
              and c.entry.population >= WORLD_CITY_RATIO * max(best.entry.population, 1)]
    if not rivals:
        return best, ""
    chosen = max(rivals, key=lambda c: c.entry.population)
    return chosen, (f"the far bigger namesake ({chosen.entry.country}): the story names no area of "
                    f"{best.entry.country} that {best.entry.name} lies in")
