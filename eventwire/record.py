"""The eventwire/1 analysis record: typed classes with JSON in and out (see shared/SCHEMA.md).

Every stage writes into one `Record`; the store, the exports and the web page read only this.
Spans are character offsets into `Record.text`, and `text[start:end] == span.text` always holds.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from eventwire import __version__

SCHEMA_VERSION = "eventwire/1"


@dataclass
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of `text[start:end]`: the only safe way to build a span."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict | None) -> "Span | None":
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass
class Removed:
    text: str
    reason: str


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Actor:
    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None            # "communications director", "warlord" …
    affiliation: str | None = None     # id of the actor this one belongs to ("Haftar's militias" → Haftar)
    reason: str | None = None          # which rule or knowledge-base entry resolved it


@dataclass
class Event:
    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    place: str | None = None
    negated: bool = False
    hypothetical: bool = False
    confidence: float = 0.5
    trigger: Span | None = None
    evidence: Span | None = None
    reason: str | None = None


@dataclass
class Quote:
    id: str
    speaker: str | None = None
    speaker_text: str | None = None
    content: Span | None = None
    cue: Span | None = None
    direct: bool = True
    medium: str | None = None
    reason: str | None = None
    # the quoted pieces of one utterance split by its attribution ('"We will win," she said. "Nobody
    # doubts it."'), in order; `content` is the first. Empty when the quote is one piece.
    parts: list[Span] = field(default_factory=list)


@dataclass
class Relation:
    kind: str                          # backs | opposes | allied_with | member_of
    from_: str                         # "from" in JSON
    to: str
    evidence: Span | None = None
    reason: str | None = None


@dataclass
class Place:
    id: str
    name: str
    country: str | None = None
    kind: str = "other"                # city | region | country | other
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: list[Span] = field(default_factory=list)
    reason: str | None = None
    precision: str | None = None       # point | admin1 | admin2 | country | region (None: older records)
    admin1: str | None = None          # ISO 3166-2 code of the first-level area it lies in (or is): "US-CA"
    admin1_name: str | None = None
    # How the text uses the name (the most literal of its mentions): locative (where something happens),
    # metonymic (it stands for its government or people: "Russia said"), modifier ("the Paris accord"),
    # dateline. Only locative places (and datelines, where asked) place events.
    role: str = "locative"


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str                         # YYYY-MM-DD, YYYY-MM, YYYY, or YYY for a decade ("199": the 1990s)
    reason: str | None = None          # which rule resolved it ("weekday, latest on or before publication")
    precision: str | None = None       # day | month | year | decade (from the value when not given)
    inferred: bool = False             # the value comes from the publication date ("Monday", "last year")
    background: bool = False           # an old date kept for completeness; it dates no reported event

    def __post_init__(self) -> None:
        if self.precision is None:
            self.precision = date_precision(self.value)


_PRECISION_BY_LENGTH = {10: "day", 7: "month", 4: "year", 3: "decade"}


def date_precision(value: str | None) -> str | None:
    """ "2020-05-05" → day, "2020-05" → month, "2020" → year, "202" → decade."""
    return _PRECISION_BY_LENGTH.get(len(value)) if value else None


@dataclass
class Count:
    what: str                          # killed | injured | arrested | displaced | kidnapped | protesters
    value: int
    qualifier: str = "exactly"         # exactly | about | more than | at least | up to
    place: str | None = None
    date: str | None = None
    evidence: Span | None = None
    reason: str | None = None          # which lexicon entry made it a count ("killed verb 'kill' (nsubjpass)")
    event: str | None = None           # id of the event the count belongs to (the attack that killed them), or null
    event_reason: str | None = None    # why that event ("ASSAULT in the count's clause"), null with no event


@dataclass
class Record:
    doc_id: str
    text: str
    schema: str = SCHEMA_VERSION
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    standfirst: str | None = None
    warnings: list[str] = field(default_factory=list)   # e.g. why extraction was skipped
    generator: str = f"eventwire {__version__}"

    # ---- helpers stages use -------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    # ---- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return _to_json(self)

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        return _from_json(cls, d)

    @classmethod
    def from_json(cls, s: str) -> "Record":
        return cls.from_dict(json.loads(s))


# Field order in JSON follows SCHEMA.md, with eventwire's own additions last.
_ORDER = ["schema", "doc_id", "source", "url", "title", "published", "published_inferred", "language",
          "text", "removed", "sentences", "actors", "events", "quotes", "relations", "places", "dates",
          "counts"]
_NESTED = {"removed": Removed, "sentences": Sentence, "actors": Actor, "events": Event, "quotes": Quote,
           "relations": Relation, "places": Place, "dates": DateMention, "counts": Count}
_SPAN_FIELDS = {"trigger", "evidence", "content", "cue"}


def _to_json(obj: Any) -> Any:
    if isinstance(obj, Record):
        names = [f.name for f in fields(obj)]
        keys = _ORDER + [n for n in names if n not in _ORDER]
        return {k: _to_json(getattr(obj, k)) for k in keys}
    if isinstance(obj, list):
        return [_to_json(x) for x in obj]
    if hasattr(obj, "__dataclass_fields__"):
        return {("from" if f.name == "from_" else f.name): _to_json(getattr(obj, f.name)) for f in fields(obj)}
    return obj


def _item_from_json(cls: type, d: dict) -> Any:
    kwargs = {}
    for f in fields(cls):
        key = "from" if f.name == "from_" else f.name
        if key not in d:
            continue
        v = d[key]
        if key in _SPAN_FIELDS:
            v = Span.from_dict(v)
        elif key in ("mentions", "parts"):
            v = [Span.from_dict(m) for m in v]
        kwargs[f.name] = v
    return cls(**kwargs)


def _from_json(cls: type[Record], d: dict) -> Record:
    kwargs = {}
    for f in fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        if f.name in _NESTED:
            v = [_item_from_json(_NESTED[f.name], x) for x in v]
        kwargs[f.name] = v
    return cls(**kwargs)


def span_errors(rec: Record) -> list[str]:
    """Every span in the record whose offsets do not give its text (empty when all is well)."""
    bad = []

    def check(where: str, s: Span | DateMention | None) -> None:
        if s is None:
            return
        if not (0 <= s.start <= s.end <= len(rec.text)) or rec.text[s.start:s.end] != s.text:
            bad.append(f"{where}: [{s.start}:{s.end}] {s.text!r}")

    for a in rec.actors:
        for m in a.mentions:
            check(f"actor {a.id}", m)
    for p in rec.places:
        for m in p.mentions:
            check(f"place {p.id}", m)
    for e in rec.events:
        check(f"event {e.id} trigger", e.trigger)
        check(f"event {e.id} evidence", e.evidence)
    for q in rec.quotes:
        check(f"quote {q.id} content", q.content)
        check(f"quote {q.id} cue", q.cue)
        for part in q.parts:
            check(f"quote {q.id} part", part)
    for r in rec.relations:
        check(f"relation {r.kind}", r.evidence)
    for d in rec.dates:
        check("date", d)
    for c in rec.counts:
        check(f"count {c.what}", c.evidence)
    for s in rec.sentences:
        if not (0 <= s.start <= s.end <= len(rec.text)):
            bad.append(f"sentence [{s.start}:{s.end}]")
    return bad
