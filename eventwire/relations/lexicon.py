"""The relation lexicon, read once from eventwire/data/relations/*.yaml."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "relations"
KINDS = ("backs", "opposes", "allied_with", "member_of")


@dataclass
class KindWords:
    verbs: set[str] = field(default_factory=set)
    against: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)
    adjectives: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    under: set[str] = field(default_factory=set)
    not_particles: set[str] = field(default_factory=set)
    not_modifiers: set[str] = field(default_factory=set)


@dataclass
class RelationLexicon:
    kinds: dict[str, KindWords] = field(default_factory=lambda: {k: KindWords() for k in KINDS})
    parties: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, *paths: Path) -> "RelationLexicon":
        lex = cls()
        for path in (DATA / "patterns.yaml", DATA / "parties.yaml", *paths):
            lex.extend(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})
        return lex

    def extend(self, data: dict) -> None:
        for kind in KINDS:
            for slot, words in (data.get(kind) or {}).items():
                getattr(self.kinds[kind], slot).update(str(w).lower() for w in words or [])
        self.parties.update(str(w).lower() for w in data.get("parties") or [])

    def kinds_with(self, slot: str, lemma: str) -> list[str]:
        """The relation kinds whose `slot` word list holds `lemma` ("ally" is an agent of allied_with)."""
        return [k for k, w in self.kinds.items() if lemma in getattr(w, slot)]
