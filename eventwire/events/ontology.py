"""The PLOVER ontology (16 event types, their modes and quad class) and its crosswalk to CAMEO codes.

Loaded from `eventwire/data/events/plover.yaml`; the trigger lexicon is validated against it.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire.errors import UsageError

DATA = Path(__file__).resolve().parent.parent / "data" / "events"
QUAD_CODES = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    definition: str
    cameo: tuple[str, ...]                  # CAMEO roots, default first
    cameo_codes: tuple[str, ...] = ()       # finer codes filed here although their root belongs elsewhere
    modes: dict[str, str] = field(default_factory=dict)

    @property
    def quad_code(self) -> int:
        return QUAD_CODES[self.quad]

    @property
    def default_cameo(self) -> str:
        return self.cameo[0]

    def accepts_cameo(self, code: str) -> bool:
        """Is `code` (2–4 digits) a CAMEO code this type can carry?"""
        if not (code.isdigit() and 2 <= len(code) <= 4):
            return False
        return code[:2] in self.cameo or any(code.startswith(c) for c in self.cameo_codes)


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]
    cameo_roots: dict[str, str]

    def __contains__(self, name: str) -> bool:
        return name in self.types

    def get(self, name: str) -> EventType:
        try:
            return self.types[name]
        except KeyError:
            raise UsageError(f"unknown PLOVER event type {name!r}; known: {', '.join(self.types)}") from None

    def check(self, type_: str, mode: str | None, cameo: str | None) -> list[str]:
        """Problems with a (type, mode, cameo) triple, empty when it is valid."""
        if type_ not in self.types:
            return [f"unknown event type {type_!r}"]
        et = self.types[type_]
        problems = []
        if mode is not None and mode not in et.modes:
            problems.append(f"{type_} has no mode {mode!r} (modes: {', '.join(et.modes) or 'none'})")
        if cameo is not None and not et.accepts_cameo(cameo):
            problems.append(f"CAMEO code {cameo!r} does not crosswalk to {type_} (roots {', '.join(et.cameo)})")
        return problems

    def type_for_cameo(self, code: str) -> str | None:
        """The PLOVER type a CAMEO code maps to (None for 01 statements and unknown codes)."""
        for et in self.types.values():
            if any(code.startswith(c) for c in et.cameo_codes):
                return et.name
        for et in self.types.values():
            if code[:2] in et.cameo and code[:2] != "08":
                return et.name
        if code[:2] == "08":  # 081–083 are concessions in words, 084–087 acts of retreat
            return "CONCEDE" if code[:3] in ("080", "081", "082", "083") else "RETREAT"
        return None


def yaml_word(value: object) -> str:
    """A word from a YAML list. YAML 1.1 reads bare `on`, `off`, `yes`, `no` as booleans; in our word
    lists they are the words (preposition "on", negator "no")."""
    if value is True:
        return "on"
    if value is False:
        return "no"
    return str(value).lower()


def is_word(tok: Token, words: Collection[str]) -> bool:
    """The token is one of `words` (a word list's lower-case entries), by its lemma or as written."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def load_ontology(path: Path | None = None) -> Ontology:
    path = path or DATA / "plover.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = {}
    for name, t in raw["types"].items():
        if t["quad"] not in QUAD_CODES:
            raise UsageError(f"{path}: {name} has unknown quad class {t['quad']!r}")
        types[name] = EventType(name=name, quad=t["quad"], definition=" ".join(t["definition"].split()),
                                cameo=tuple(t["cameo"]), cameo_codes=tuple(t.get("cameo_codes") or ()),
                                modes=dict(t.get("modes") or {}))
    return Ontology(types=types, cameo_roots=dict(raw.get("cameo_roots") or {}))


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    return load_ontology()
