"""The trigger lexicon: verbs, phrasal verbs, light-verb phrases and event nouns → PLOVER type.

Lexicon files (`eventwire/data/events/triggers*.yaml`, plus any the user adds) are grouped by type:

    ASSAULT:
      cameo: "19"                  # default CAMEO code for the type's entries
      to: [against, on, at]        # prepositions whose object is the target when there is no direct object
      noun_to: [against, on, of]   # the same for event nouns
      verbs:
        - attack
        - make +gain against; cameo=190     # "+word": required direct object (light verb + noun)
        - open fire on; mode=firearms        # plain words: required particles / prepositions
      nouns:
        - airstrike; mode=aerial
        - strike; mod=air/drone; mode=aerial # mod=: required modifier lemma ("air strike")

Options after ";": mode=, cameo=, to=a/b (target prepositions), from=a/b (prepositions whose object is
the source), mod=a/b (nouns), not_obj=a/b (objects that rule the entry out), subj=a/b (required subject
lemmas), not_subj=a/b (subjects that rule the entry out: "the aircraft declared an emergency"), mutual (coordinated subjects act on each other), crowd (PROTEST when a crowd does it),
acting (a noun that is an event only as the subject of an active verb: "an aid convoy reached Idlib";
the verb's object or destination is the target), needs_target (dropped when no target is found: "warned
that a test was imminent"), patient_poss (the
noun's possessor undergoes it: "his arrest"), inverse (the subject is the target: "received aid from"), stative
(descriptive in modifiers: "powers backing Haftar" is a relation, not an event), armed (a noun entry that
applies only in a military context: "Israel's strikes on Rafah", not "a general strike"), theme (the direct
object is what is sent or moved, "deployed troops to X": the target is in `to`; `theme: true` on a type
makes it the default for the type's verbs).

A word list may name a word class with "$": "provide +$aid|$money" takes every lemma of the classes
`aid` and `money` in `word_classes.yaml` (whole classes of objects, written once, used by many entries).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from eventwire.errors import UsageError
from eventwire.events.ontology import DATA, Ontology, default_ontology, yaml_word

_FLAGS = {"inverse", "stative", "theme", "mutual", "crowd", "needs_target", "patient_poss", "acting", "armed"}
_KEYS = {"mode", "cameo", "to", "from", "mod", "not_obj", "subj", "not_subj"}


@dataclass(frozen=True)
class Entry:
    """One lexicon line: a trigger pattern and what it codes."""
    kind: str                       # "verb" | "noun"
    lemma: str                      # head lemma: the verb, or the event noun
    type: str
    cameo: str
    mode: str | None = None
    words: tuple[str, ...] = ()     # required particles / prepositions ("on", or alternatives "at|on")
    obj: tuple[str, ...] = ()       # required direct-object lemmas (any one), for light-verb phrases
    mods: tuple[str, ...] = ()      # required modifier lemmas of a noun (any one)
    to: tuple[str, ...] = ()        # prepositions naming the target
    from_: tuple[str, ...] = ("by",)  # prepositions naming the source
    inverse: bool = False
    stative: bool = False
    theme: bool = False             # the direct object is what is sent or moved, not the target
    mutual: bool = False            # coordinated subjects act on each other ("Russia and Ukraine exchanged")
    crowd: bool = False             # done by a crowd ("protesters stormed") it is a riot, PROTEST
    needs_target: bool = False      # only an event when someone is on the receiving end ("warned Israel")
    patient_poss: bool = False      # a noun whose possessor undergoes it ("his arrest", "Navalny's release")
    acting: bool = False            # a noun that is an event only as the doer of a verb ("an aid convoy reached")
    armed: bool = False             # a noun read this way only in a military context ("Israel's strikes on Rafah")
    not_obj: tuple[str, ...] = ()   # direct objects that rule the entry out ("ordered troops to …")
    subj: tuple[str, ...] = ()      # required subject lemmas ("troops left Afghanistan")
    not_subj: tuple[str, ...] = ()  # subjects that rule the entry out ("the aircraft declared an emergency")
    text: str = ""                  # the line as written, for `reason`

    @property
    def specificity(self) -> int:
        """More constrained entries win over bare ones ("call on" over "call")."""
        return len(self.words) * 2 + (3 if self.obj else 0) + (2 if self.mods or self.subj else 0) + self.armed


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]]   # head lemma → entries, most specific first
    nouns: dict[str, list[Entry]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def entries(self) -> list[Entry]:
        return [e for d in (self.verbs, self.nouns) for v in d.values() for e in v]


def load_word_classes(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Named word classes ("aid", "money", "captives") that lexicon lines use as "$aid"."""
    raw = yaml.safe_load((path or DATA / "word_classes.yaml").read_text(encoding="utf-8")) or {}
    return {name: tuple(yaml_word(w) for w in words) for name, words in raw.items()}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """The package's word classes, read once: the lexicon and the recoding rules share them."""
    return load_word_classes()


def _expand_classes(text: str, classes: dict[str, tuple[str, ...]]) -> str:
    """ "+$aid|loan" → "+aid|assistance|…|loan"; an unknown class is an error."""
    def one(m: re.Match) -> str:
        name = m.group(1)
        if name not in classes:
            raise ValueError(f"unknown word class ${name} (classes: {', '.join(sorted(classes))})")
        return "|".join(classes[name])
    return re.sub(r"\$([a-z_]+)", one, text)


def parse_line(line: str, *, kind: str, type_: str, cameo: str, to: tuple[str, ...],
               type_theme: bool = False, classes: dict[str, tuple[str, ...]] | None = None) -> Entry:
    """One lexicon line ("make +gain against; cameo=190") → Entry (not yet validated)."""
    written = line
    if "$" in line:
        line = _expand_classes(line, classes if classes is not None else word_classes())
    pattern, *opts = [p.strip() for p in line.split(";")]
    words = pattern.lower().split()
    if not words:
        raise ValueError("empty pattern")
    head, rest = words[0], words[1:]
    obj = tuple(a for w in rest if w.startswith("+") for a in w[1:].split("|"))
    particles = tuple(w for w in rest if not w.startswith("+"))
    fields: dict = {"mode": None, "cameo": cameo, "to": to, "from_": ("by",), "mods": (), "not_obj": (), "subj": (),
                    "not_subj": ()}
    flags = set()
    for opt in opts:
        if not opt:
            continue
        if "=" not in opt:
            if opt not in _FLAGS:
                raise ValueError(f"unknown flag {opt!r} (flags: {', '.join(sorted(_FLAGS))})")
            flags.add(opt)
            continue
        key, value = (s.strip() for s in opt.split("=", 1))
        if key not in _KEYS:
            raise ValueError(f"unknown option {key!r} (options: {', '.join(sorted(_KEYS))})")
        if key in ("to", "from", "mod", "not_obj", "subj", "not_subj"):
            fields[{"from": "from_", "mod": "mods"}.get(key, key)] = tuple(v for v in re.split(r"[/|]", value) if v)
        else:
            fields[key] = value
    if particles and kind == "verb":
        # a phrasal verb's own preposition names its target ("call on X", "fire at X")
        own = tuple(a for w in particles for a in w.split("|"))
        fields["to"] = tuple(dict.fromkeys(own + fields["to"]))
    return Entry(kind=kind, lemma=head, type=type_, words=particles, obj=obj, inverse="inverse" in flags,
                 stative="stative" in flags, mutual="mutual" in flags, crowd="crowd" in flags,
                 needs_target="needs_target" in flags, patient_poss="patient_poss" in flags,
                 acting="acting" in flags,
                 armed="armed" in flags,
                 theme="theme" in flags or type_theme, text=written.strip(), **fields)


def load_lexicon(paths: list[Path] | None = None, ontology: Ontology | None = None) -> Lexicon:
    """Read and validate lexicon files; every problem is reported at once, with file and line."""
    ontology = ontology or default_ontology()
    paths = paths if paths is not None else sorted(DATA.glob("triggers*.yaml"))
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    problems: list[str] = []
    classes = word_classes()
    for path in paths:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for type_, block in raw.items():
            if type_ not in ontology:
                problems.append(f"{path}: unknown event type {type_!r}")
                continue
            cameo = str(block.get("cameo") or ontology.get(type_).default_cameo)
            for kind, key, to_key in (("verb", "verbs", "to"), ("noun", "nouns", "noun_to")):
                to = tuple(yaml_word(w) for w in block.get(to_key) or ())
                for line in block.get(key) or []:
                    try:
                        e = parse_line(str(line), kind=kind, type_=type_, cameo=cameo, to=to,
                                       type_theme=bool(block.get("theme")), classes=classes)
                    except ValueError as exc:
                        problems.append(f"{path}: {type_} {line!r}: {exc}")
                        continue
                    problems += [f"{path}: {type_} {line!r}: {p}" for p in ontology.check(e.type, e.mode, e.cameo)]
                    (verbs if kind == "verb" else nouns).setdefault(e.lemma, []).append(e)
    if problems:
        raise UsageError("trigger lexicon has problems:\n  " + "\n  ".join(problems))
    for table in (verbs, nouns):
        for lemma in table:
            table[lemma].sort(key=lambda e: -e.specificity)
    return Lexicon(verbs=verbs, nouns=nouns)
