"""Helpers shared by the events and actors tests: actors are judged by the words of their name and mentions,
as shared/eval/score.py judges them, so the tests hold while actor names improve."""
from __future__ import annotations

import re

from eventwire.record import Record


def words(rec: Record, actor_id: str | None) -> set[str]:
    a = rec.actor(actor_id)
    if a is None:
        return set()
    said = " ".join([a.name] + [m.text for m in a.mentions]).lower()
    return set(re.findall(r"\w+", said))


def claims(rec: Record, etype: str | None = None):
    """Events the text says happened (not negated, not hypothetical)."""
    return [e for e in rec.events if not e.negated and not e.hypothetical and (etype is None or e.type == etype)]


def find(rec: Record, etype: str, source: str | None = None, target: str | None = None):
    """Events of a type whose source / target actor mentions contain the given word."""
    return [e for e in rec.events if e.type == etype
            and (source is None or source in words(rec, e.source))
            and (target is None or target in words(rec, e.target))]
