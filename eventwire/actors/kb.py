"""The actor knowledge base: named actors (countries, organisations, armed groups ...) and role nouns → sectors.

Everything here is data read from `eventwire/data/actors/` plus the user's dictionaries (settings.actor_files);
this module only holds the typed shapes and the loading of our own YAML/CSV format.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

# libyaml's loader when installed: the pure-Python one takes seconds on the knowledge base.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Sectors whose members carry arms: "X's militias", "Haftar forces" form an armed group of X.
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF", "IMG"})


@dataclass(frozen=True)
class DatedCode:
    """A country/sector pair that applies between two dates (YYYYMMDD strings, inclusive; None = open)."""
    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One real-world actor the knowledge base knows by name."""
    kb_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str = "org"                      # country | org | group | government | person
    parent: str | None = None
    government_of: str | None = None       # ISO3: this body *is* that country's government
    valid: tuple[int, int] | None = None   # years the entry applies (GNA: 2015-2021)
    dated: tuple[DatedCode, ...] = ()      # PETRARCH date-restricted codes, first match wins

    def applies(self, published: str | None) -> bool:
        if self.valid is None or not published:
            return True
        year = int(published[:4])
        return self.valid[0] <= year <= self.valid[1]

    def code_at(self, published: str | None) -> tuple[str | None, str | None]:
        """(country, sector) on the publication date (date-restricted dictionary codes)."""
        if self.dated and published:
            day = published.replace("-", "")[:8]
            for dc in self.dated:
                if dc.covers(day):
                    return dc.country, dc.sector
        return self.country, self.sector


@dataclass(frozen=True)
class Alias:
    """A way of writing an entry's name: `form` is name | alias | demonym | capital."""
    text: str
    entry: Entry
    form: str
    exact_case: bool = False
    stem: bool = False                     # dictionary entry without "_": suffixes -s, -n, -ian ... also match


@dataclass(frozen=True)
class Role:
    """A role noun (phrase, lower case) and the sector it signals."""
    text: str
    sector: str | None
    person: bool                           # a role one person holds ("president"), not a body ("army")
    country: str | None = None             # agent codes like "NGO~" put the role's holder in that "country"
    plural: bool = True                    # generate plural forms
    subject_only: bool = False             # an actor only as the subject of a verb ("people marched")
    owned: bool = False                    # equipment or premises: an actor with an owner or as a subject
    owner_only: bool = False               # weapons and strikes: an actor only with an owner ("Russian missiles")
    anaphor: bool = False                  # "the group", "the alliance": the last named organisation
    collective: str | None = None          # "sides" (parties to the story's conflict) | "powers" (states
                                           # defined by their phrase: "all powers supporting Haftar")
    source: str = "roles.yaml"


@dataclass
class KB:
    entries: dict[str, Entry] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    not_actors: set[str] = field(default_factory=set)

    def add(self, entry: Entry, names: list[tuple[str, str]], *, stem: bool = False) -> None:
        """Add an entry with its (text, form) names; an existing kb_id keeps its data and gains the names."""
        entry = self.entries.setdefault(entry.kb_id, entry)
        for text, form in names:
            text = text.strip()
            if text:
                self.aliases.append(Alias(text, entry, form, exact_case=_is_acronym(text), stem=stem))

    def extend(self, other: "KB") -> None:
        for a in other.aliases:
            self.add(a.entry, [(a.text, a.form)], stem=a.stem)
        for e in other.entries.values():
            self.entries.setdefault(e.kb_id, e)
        self.roles.extend(other.roles)
        self.not_actors |= other.not_actors


def _is_acronym(text: str) -> bool:
    """"UN", "U.N.", "OPEC+" are matched with their exact case; "Turkey" is not ("turkey" is a bird)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 8


def _split(cell: str | None) -> list[str]:
    return [s.strip() for s in (cell or "").split("|") if s.strip()]


def _lines_without_comments(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))


def countries_from_csv(text: str) -> KB:
    """Rows iso3,name,aliases,demonyms,capitals → country entries (a country named as an actor is its GOV)."""
    kb = KB()
    for row in csv.DictReader(io.StringIO(_lines_without_comments(text))):
        iso3 = row["iso3"].strip()
        entry = Entry(f"country:{iso3}", row["name"].strip(), iso3, "GOV", kind="country")
        names = [(row["name"], "name")] + [(a, "alias") for a in _split(row.get("aliases"))]
        names += [(d, "demonym") for d in _split(row.get("demonyms"))]
        names += [(c, "capital") for c in _split(row.get("capitals"))]
        kb.add(entry, names)
    return kb


def entries_from_csv(text: str) -> KB:
    """Rows id,name,aliases,country,sector[,kind] (the user's own flat list)."""
    kb = KB()
    for row in csv.DictReader(io.StringIO(_lines_without_comments(text))):
        entry = Entry(row["id"].strip(), row["name"].strip(), (row.get("country") or "").strip() or None,
                      (row.get("sector") or "").strip() or None, kind=(row.get("kind") or "org").strip())
        kb.add(entry, [(row["name"], "name")] + [(a, "alias") for a in _split(row.get("aliases"))])
    return kb


def entries_from_yaml(items: list[dict]) -> KB:
    kb = KB()
    for it in items:
        valid = None
        if it.get("valid"):
            lo, hi = str(it["valid"]).split("-")
            valid = (int(lo), int(hi))
        kind = it.get("kind") or str(it["id"]).split(":")[0]
        entry = Entry(str(it["id"]), str(it["name"]), it.get("country"), it.get("sector"), kind=kind,
                      parent=it.get("parent"), government_of=it.get("government_of"), valid=valid)
        names = [(str(it["name"]), "name")] + [(str(a), "alias") for a in it.get("aliases") or []]
        names += [(str(d), "demonym") for d in it.get("demonyms") or []]
        kb.add(entry, names)
    return kb


def roles_from_yaml(data: dict, source: str = "roles.yaml") -> KB:
    """{SECTOR: {people: [...], bodies: [...], subjects: [...], things: [...], arms: [...]}, anaphors: [...],
    collectives: {sides: [...], powers: [...]}} → roles."""
    kb = KB()
    data = dict(data)
    for text in data.pop("anaphors", None) or []:
        kb.roles.append(Role(str(text).lower(), None, False, source=source, anaphor=True))
    for kind, words in (data.pop("collectives", None) or {}).items():
        for text in words or []:
            kb.roles.append(Role(str(text).lower(), None, False, source=source, collective=str(kind)))
    for sector, groups in data.items():
        for key, person in (("people", True), ("bodies", False), ("subjects", False), ("things", False),
                            ("arms", False)):
            for text in (groups or {}).get(key) or []:
                kb.roles.append(Role(str(text).lower(), sector, person, source=source,
                                     subject_only=key == "subjects", owned=key in ("things", "arms"),
                                     owner_only=key == "arms"))
    return kb


def load_yaml_file(path: Path) -> KB:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    if isinstance(data, list):
        return entries_from_yaml(data)
    kb = KB()
    if isinstance(data, dict):
        kb.not_actors = {str(n).lower() for n in data.pop("not_actors", None) or []}
        items = data.pop("actors", None)
        if items:
            kb.extend(entries_from_yaml(items))
        kb.extend(roles_from_yaml(data.pop("roles", None) or data, source=path.name))
    return kb


def load_builtin() -> KB:
    """The knowledge base shipped with eventwire (eventwire/data/actors/)."""
    kb = countries_from_csv((DATA / "countries.csv").read_text(encoding="utf-8"))
    kb.extend(load_yaml_file(DATA / "organisations.yaml"))
    kb.extend(load_yaml_file(DATA / "people.yaml"))
    kb.extend(load_yaml_file(DATA / "roles.yaml"))
    kb.extend(load_yaml_file(DATA / "not_actors.yaml"))
    return kb
