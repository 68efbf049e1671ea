"""The story's home area: the state or province most of its places have in common.

A local paper names towns and counties of its own area without saying which state they are in: "Springfield",
"Decatur" and "Peoria" are each found in several states, but only one state, Illinois, has all of
them. Every distinct place name of the story votes for each first-level area (ISO 3166-2, "US-MN") where it
has a place of that name; a state or province named outright ("Texas", ", Ga.") votes for itself only. The
area that the most names share is the home area when enough names agree (`home_area`). It then decides
between namesakes of the same country and lets a small town or county of that area in where the name alone
would be too weak (a village, a county opening an organisation's name: "the Pike County Jail").

The vote is the spatial-minimality reading of geoparsing: places named together lie together.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

from eventwire.places.gazetteer import BIG_CITY_POP, Candidate

# A home area needs this many distinct names of the story with a place in it …
MIN_NAMES = 2
# … and that much specific support (each name gives 1/number of areas it has a place in): two names found
# in a dozen states each agree by chance; a state named outright, a town found in one or two states, or
# several names of a handful of states each do not.
MIN_SUPPORT = 0.5
# Or this many names in it, more than in any other area, and some specific support.
MANY_NAMES = 3
MANY_SUPPORT = 0.5
# A big city (BIG_CITY_POP) keeps its name against a namesake of the home area (Boston in a story about
# upstate New York is still Boston, Massachusetts), and votes for its own area only.


def _areas_of(cands: list[Candidate]) -> set[str]:
    """The first-level areas a name may mean: the area itself when it names one, else a big city's area
    ("Boston" is Massachusetts'), else where its towns and counties lie."""
    mains = [c.entry for c in cands if c.main_name and c.entry.admin1 and c.entry.kind in ("city", "region")]
    named = {e.admin1 for e in mains if e.precision == "admin1"}
    big = {e.admin1 for e in mains if e.kind == "city" and e.population >= BIG_CITY_POP}
    return named or big or {e.admin1 for e in mains}


def home_area(names: Iterable[list[Candidate]], areas_said: Iterable[str] = (),
              within: set[str] | None = None) -> str | None:
    """The ISO 3166-2 code of the story's home area, or None when its places do not agree on one.

    `names` are the candidates of each distinct place name of the story; `areas_said` the areas named as
    qualifiers ("Dayton, [Ohio]"), one vote each. `within`: the areas the paper's own town may lie in
    (places/masthead.py); the home area is one of them, and any other place of the story that lies in one
    of them and not in the others decides."""
    cover: Counter[str] = Counter()
    support: Counter[str] = Counter()                 # exact fractions: the sum must not depend on the order
    for area in set(areas_said):
        cover[area] += 1
        support[area] += 1
    for cands in names:
        areas = _areas_of(cands)
        for area in areas:
            cover[area] += 1
            support[area] += Fraction(1, len(areas))
    if within is not None:                             # the paper's town lies in one of them: a name in each
        cover = Counter({a: cover[a] + 1 for a in within})
    if not cover:
        return None
    ranked = sorted(sorted(cover), key=lambda a: (cover[a], support[a]), reverse=True)
    top = ranked[0]
    runner = (cover[ranked[1]], support[ranked[1]]) if len(ranked) > 1 else (0, 0.0)
    if (cover[top], support[top]) == runner:
        return None                                    # two areas share the story equally: no home
    if within is not None:
        return top if cover[top] >= MIN_NAMES else None
    if cover[top] >= MIN_NAMES and support[top] >= MIN_SUPPORT:
        return top
    if cover[top] >= MANY_NAMES and cover[top] > runner[0] and support[top] >= MANY_SUPPORT:
        return top
    return None


def in_home(cand: Candidate | None, home: str | None) -> bool:
    return cand is not None and home is not None and cand.entry.admin1 == home


def home_namesake(best: Candidate | None, cands: list[Candidate], home: str | None) -> Candidate | None:
    """The place of the name that lies in the home area, when `best` lies elsewhere in the same country.

    A town of the home area wins over a namesake town elsewhere in its country (a local paper's "Springfield"
    is its own), and a county over a namesake county, also when a single town of the story points elsewhere
    (the home area is the sum of all of them). Not moved: a big city, a national capital ("Washington" is not
    Washington, Georgia because a story is about Georgia), a country."""
    if best is None or home is None or best.entry.kind not in ("city", "region") or best.entry.capital \
            or best.entry.population >= BIG_CITY_POP or best.entry.precision == "admin1" \
            or best.entry.admin1 == home:
        return None
    inside = [c for c in cands if c.main_name and c.entry.admin1 == home and c.entry.kind == best.entry.kind
              and c.entry.country == best.entry.country and c.entry.precision == best.entry.precision]
    return max(inside, key=lambda c: c.entry.population, default=None)
