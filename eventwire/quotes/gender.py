"""A person's grammatical gender from the words naming them: given names and titles
(eventwire/data/quotes/names.yaml). Used to link "he said" / "she said" to a compatible person."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes" / "names.yaml"
FEMALE, MALE = "female", "male"
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "she": FEMALE, "her": FEMALE}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class GenderLexicon:
    names: dict[str, str] = field(default_factory=dict)       # given name → gender
    titles: dict[str, str] = field(default_factory=dict)      # "mrs", "congressman" → gender

    @classmethod
    def load(cls, *paths: Path) -> "GenderLexicon":
        lex = cls()
        for path in (DATA, *paths):
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
            for key, gender in (("female", FEMALE), ("male", MALE)):
                lex.names.update((str(n).lower(), gender) for n in data.get(key) or [])
                lex.titles.update((str(n).lower(), gender) for n in data.get(f"{key}_titles") or [])
        return lex

    def of_name(self, name: str) -> str | None:
        """The gender a name tells, or None. A given name counts only when a surname follows it
        ("Paul Ryan", not "Ryan": many surnames are given names too); a title counts anywhere
        ("Mrs. Clinton", "the congresswoman")."""
        words = [w.lower() for w in _WORD.findall(name)]
        found = {self.titles[w] for w in words if w in self.titles}
        given = next((w for w in words[:-1] if w in self.names), None)   # "Sen. Jane Roe": after a title
        if given is not None:
            found.add(self.names[given])
        return found.pop() if len(found) == 1 else None

    def of_names(self, names: Iterable[str]) -> str | None:
        """The one gender the names of one person agree on (None when they say nothing or disagree)."""
        found = {g for g in map(self.of_name, names) if g is not None}
        return found.pop() if len(found) == 1 else None
