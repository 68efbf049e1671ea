"""Which event each count belongs to: the attack that killed them, the raid that arrested them.

A count of the killed is linked to an ASSAULT, of the arrested to a COERCE, of protesters to a PROTEST
(data/counts/events.yaml says which types fit which count). Looking from the count outwards:
  1. an event of a fitting type in the count's own clause ("the bombing killed 15 civilians");
  2. else the nearest one in its sentence ("… in an air strike that killed 15 people");
  3. else the nearest preceding one in its paragraph, or in the sentence just before it when the count
     opens a new paragraph ("Gunmen attacked a bus. / At least 12 people died.").
Negated or hypothetical events never take a count ("threatened to kill"), nor do counts reach across
more than that one sentence: a count with no fitting event keeps `event` null and stays in the record.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from eventwire.analysis import Analysis
from eventwire.anchor import _token_for as _token, clause_head, clause_tokens
from eventwire.record import Count, Event
from eventwire.settings import Settings


@dataclass(frozen=True)
class LinkRules:
    types: dict[str, tuple[str, ...]]      # count kind → event types it may belong to, preferred first
    reach_sentences: int


@lru_cache(maxsize=1)
def load_rules() -> LinkRules:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "counts" / "events.yaml").read_text("utf-8"))
    reach = int(raw.pop("reach_sentences", 1))
    return LinkRules({k: tuple(v) for k, v in raw.items()}, reach)


class CountLinkStage:
    name = "count-links"
    requires = ("doc", "record.events", "record.counts")
    assigns = ("count.event",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = load_rules()

    def __call__(self, an: Analysis) -> None:
        link_counts(an.doc, an.record.counts, an.record.events, an.record.text, self.rules)


def link_counts(doc: Doc, counts: list[Count], events: list[Event], text: str, rules: LinkRules) -> None:
    """Set `event` and `event_reason` on each count (None when no event fits)."""
    placed = [(ev, tok) for ev in events if not (ev.negated or ev.hypothetical)
              and (tok := _token(doc, ev.trigger or ev.evidence)) is not None]
    for c in counts:
        c.event, c.event_reason = None, None
        tok = _token(doc, c.evidence)
        fits = rules.types.get(c.what, ())
        if tok is None or not fits:
            continue
        candidates = [(ev, t) for ev, t in placed if ev.type in fits]
        found = _link(doc, tok, candidates, fits, text, rules.reach_sentences)
        if found:
            ev, why = found
            c.event, c.event_reason = ev.id, f"{ev.type} {why}"


def _link(doc: Doc, tok: Token, candidates: list[tuple[Event, Token]], fits: tuple[str, ...], text: str,
          reach: int) -> tuple[Event, str] | None:
    if not candidates:
        return None
    clause = clause_tokens(clause_head(tok))
    sent = tok.sent

    def nearest(pool: list[tuple[Event, Token]]) -> Event | None:
        return min(pool, key=lambda p: (fits.index(p[0].type), abs(p[1].i - tok.i)))[0] if pool else None

    ev = nearest([(e, t) for e, t in candidates if t.i in clause or tok.i in clause_tokens(clause_head(t))])
    if ev:
        return ev, "in the count's clause"
    ev = nearest([(e, t) for e, t in candidates if sent.start <= t.i < sent.end])
    if ev:
        return ev, "in the count's sentence"
    para = doc.char_span(text.rfind("\n", 0, tok.idx) + 1, tok.idx, alignment_mode="expand")
    para_first = para.start if para is not None and len(para) else sent.start
    earlier = [s for s in doc.sents if s.end <= sent.start]
    lo = min(para_first, earlier[-reach].start if 0 < reach <= len(earlier) else sent.start)
    before = [(e, t) for e, t in candidates if lo <= t.i < sent.start]
    if not before:
        return None
    ev, t = max(before, key=lambda p: p[1].i)                # the latest fitting event before the count
    return ev, ("earlier in the count's paragraph" if t.i >= para_first
                else "in the sentence before the count")
