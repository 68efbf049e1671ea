"""The quote lexicon: cue verbs and media, read once from eventwire/data/quotes/*.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"


@dataclass
class CueLexicon:
    speech: dict[str, str | None] = field(default_factory=dict)     # lemma → default medium
    # lemma → particles one of which must follow ("call" → {"on", "upon"}); empty: the verb alone
    directive: dict[str, set[str]] = field(default_factory=dict)
    label: set[str] = field(default_factory=set)                    # "dismissed X as "...""
    prepositions: list[tuple[str, ...]] = field(default_factory=list)  # ("according", "to")
    platforms: set[str] = field(default_factory=set)
    formats: set[str] = field(default_factory=set)
    audiences: set[str] = field(default_factory=set)
    report_requests: bool = True        # indirect quotes from unquoted requests ("urged X to ...")

    @classmethod
    def load(cls, *paths: Path) -> "CueLexicon":
        """The built-in lexicon, extended by any further YAML files of the same shape."""
        lex = cls()
        for path in (DATA / "cues.yaml", DATA / "media.yaml", *paths):
            lex.extend(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})
        return lex

    def extend(self, data: dict) -> None:
        for lemma, medium in (data.get("speech") or {}).items():
            self.speech[str(lemma).lower()] = medium
        for key in data.get("directive") or {}:
            m = re.fullmatch(r"\s*(\S+)\s*(?:\[(\S+)\])?\s*", str(key).lower())
            if m:
                particles = self.directive.setdefault(m.group(1), set())
                if m.group(2):
                    particles.add(m.group(2))
        options = data.get("options") or {}
        if "report_requests" in options:
            self.report_requests = bool(options["report_requests"])
        self.label.update(str(k).lower() for k in data.get("label") or {})
        for phrase in data.get("preposition") or []:
            self.prepositions.append(tuple(str(phrase).lower().split()))
        self.platforms.update(_lower(data.get("platforms")))
        self.formats.update(_lower(data.get("formats")))
        self.audiences.update(_lower(data.get("audiences")))


def _lower(items: list | None) -> set[str]:
    return {" ".join(str(x).lower().split()) for x in items or []}
