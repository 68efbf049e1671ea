"""The paper's own town, read from its name: a local paper usually carries it ("fresnodaily.com", "The
Tyler Courier", "news.macon.com"), and its stories mean that town when they name it bare: "Paris"
in the Paris paper is the paper's Paris, not France's capital, and its state is the story's home area unless
the story's own places say which of the namesakes it is (places/home_region.py).

Only a name the story itself uses counts (the masthead alone places nothing), matched at the start of the
source's name or of a label of its domain ("news.macon.com"). A country-code domain (".co.uk", ".ca")
gives the town's country; the facts are ISO 3166-1 (the domain's two letters are the country's alpha-2 code,
"uk" being the UK's).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pycountry

from eventwire.places.gazetteer import Candidate

MIN_NAME_CHARS = 4                       # "Ada", "Rome"? four letters at least: "ny" in "nytimes" is no town
_GENERIC_LABELS = {"www", "com", "org", "net", "co", "news", "the"}
# Two-letter domains sold as generic names, not the country's: ".tv", ".co", ".io", ".me", ".fm", ".ly".
_NOT_COUNTRY = {"tv", "co", "io", "me", "fm", "ly", "ai", "am", "cc", "ws", "to", "la"}


@dataclass(frozen=True)
class Masthead:
    name: str                # the story's place name (normalised key) the paper is named after
    country: str | None      # ISO 3166-1 alpha-3 from a country-code domain, else None


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _labels(source: str) -> tuple[list[str], str | None]:
    """(name parts to match, country alpha-3 or None) of a source: a domain or a paper's name."""
    s = source.strip().lower()
    if " " in s or "." not in s:
        words = re.sub(r"^the\s+", "", s)
        return [_squash(words)], None
    labels = [label for label in s.split(".") if label]
    tld = labels[-1] if len(labels) > 1 else ""
    country = None
    if len(tld) == 2 and tld not in _NOT_COUNTRY:
        found = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
        country = getattr(found, "alpha_3", None)
    parts = [re.sub(r"^the", "", label) for label in labels[:-1] if label not in _GENERIC_LABELS]
    return [p for p in parts if p], country


def masthead(source: str | None, names: Iterable[str]) -> Masthead | None:
    """The place name of the story that the paper is named after (the longest that opens its name)."""
    if not source:
        return None
    parts, country = _labels(source)
    best = None
    for name in sorted(set(names)):                # sorted: a tie in length goes the same way every run
        key = _squash(name)
        if len(key) >= MIN_NAME_CHARS and any(p.startswith(key) for p in parts) \
                and (best is None or len(key) > len(_squash(best))):
            best = name
    return Masthead(best, country) if best else None


def masthead_towns(cands: list[Candidate], head: Masthead) -> list[Candidate]:
    """The towns the masthead may mean: main-name towns, in the domain's country when it has one."""
    return [c for c in cands if c.main_name and c.entry.kind == "city" and c.entry.admin1
            and (head.country is None or c.entry.country == head.country)]


def own_town(towns: list[Candidate], home: str | None, countries: Mapping[str, int]) -> Candidate | None:
    """The paper's town: the one in the home area, else one in the country the story's places name most
    (a ".com" Paris paper with Texan stories is not in France), else the biggest of the name."""
    return max(towns, key=lambda c: (c.entry.admin1 == home, countries.get(c.entry.country or "", 0),
                                     c.entry.population), default=None)
