"""Namesakes inside a country: the story's states and provinces choose between towns of the same name.

"Paris" in a story that also names Texas is Paris, Texas; "Clarke County" in one that names Georgia is the
Georgia county. The gazetteer gives every town and county the ISO 3166-2 code of its first-level area;
the story's own places say which areas it is about: a state or province it names outright, and a town
whose name only one area has.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from eventwire.places.gazetteer import Candidate

# A town this many times bigger than its namesake in a named state keeps the name: a story about New York
# that mentions Newark means New Jersey's city, not the village of 9,000 upstate.
FAMOUS_RATIO = 10


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
