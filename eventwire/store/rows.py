"""What the store's read API returns: typed rows, never loose dicts.

These shapes are the contract the CLI, the exports and the HTTP API code against; add fields at the end,
do not rename or remove them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from eventwire.record import Span


@dataclass
class EventRow:
    event_id: str                  # "<doc_id>#E1": unique in the store
    doc_id: str
    local_id: str                  # the id inside its record ("E1")
    type: str
    mode: str | None
    cameo: str | None
    source_id: str | None          # actor id inside the record
    source_key: str | None         # actor identity across documents (kb id, or country|sector|name)
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    target_id: str | None
    target_key: str | None
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    date: str | None               # YYYY, YYYY-MM or YYYY-MM-DD
    place_id: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    negated: bool
    hypothetical: bool
    confidence: float
    trigger: Span | None
    evidence: Span | None
    reason: str | None
    fused_id: int | None           # the fused event this one belongs to
    publisher: str | None          # the document's source (publisher)
    title: str | None
    url: str | None
    published: str | None
    language: str | None = None    # the document's language
    sentence: int | None = None    # 1-based number of the sentence the evidence starts in
    n_articles: int | None = None  # how many articles tell this event (size of its fused event)
    geo_precision: str | None = None   # point | admin2 | admin1 | country | region (of the place)
    admin1: str | None = None          # ISO 3166-2 code of the place's first-level area ("US-CA")
    admin1_name: str | None = None
    date_precision: str | None = None  # day | month | year | decade
    fatalities: int | None = None      # sum of the record's counts of killed that belong to this event
    injured: int | None = None
    arrested: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class FusedEventRow:
    fused_id: int
    type: str
    mode: str | None               # the first member's mode
    source_key: str
    source_name: str | None
    source_country: str | None
    source_sector: str | None
    target_key: str
    target_name: str | None
    target_country: str | None
    target_sector: str | None
    date: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    n_articles: int
    event_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)   # one per member, in event_ids order
    polarity: str = "asserted"     # asserted | negated | hypothetical | negated-hypothetical
    cameo: str | None = None       # the first member's CAMEO code
    publishers: list[str] = field(default_factory=list)  # every member article's publisher, first seen first
    urls: list[str] = field(default_factory=list)
    geonameid: int | None = None
    geo_precision: str | None = None
    admin1: str | None = None
    admin1_name: str | None = None
    date_precision: str | None = None
    # the largest figure any member article gives: articles retelling one event must not add up
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    confidence: float | None = None   # the highest member confidence

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class DocumentRow:
    doc_id: str
    title: str | None
    source: str | None             # publisher
    url: str | None
    published: str | None
    language: str | None
    n_events: int
    ingested_at: str
    near_copy_of: str | None = None          # the stored article this one is a near-copy of (store/nearcopy.py)
    near_copy_similarity: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ActorRow:
    actor_key: str
    name: str                      # the most frequent name for this key
    country: str | None
    sector: str | None
    kb_id: str | None
    n_documents: int
    n_events: int                  # as source or target

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class PlaceRow:
    place_key: str
    name: str
    country: str | None
    kind: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    n_documents: int
    n_events: int
    precision: str | None = None   # point | admin2 | admin1 | country | region (its events', else the place's)
    roles: str | None = None       # the roles its mentions play across documents: "locative,metonymic" …
    admin1: str | None = None      # ISO 3166-2 code of the first-level area it lies in ("US-CA")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class QuoteRow:
    quote_id: str
    doc_id: str
    speaker_key: str | None
    speaker_name: str | None
    speaker_text: str | None
    content: Span | None
    cue: Span | None
    direct: bool
    medium: str | None
    reason: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class NetworkNode:
    actor_key: str
    name: str
    country: str | None
    sector: str | None
    n_events: int


@dataclass
class NetworkEdge:
    source: str                    # actor_key
    target: str                    # actor_key
    kind: str                      # a PLOVER event type, or a relation kind (backs, opposes…)
    weight: int                    # how many events / relations


@dataclass
class Network:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Summary:
    path: str
    schema_version: int
    full_text: bool                # FTS5 available
    documents: int
    events: int
    fused_events: int
    actors: int                    # distinct actor keys
    places: int                    # distinct place keys
    quotes: int
    relations: int
    first_date: str | None         # earliest / latest event date_lo / date_hi
    last_date: str | None
    by_type: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)
