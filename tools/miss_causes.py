"""Why each missed gold event was missed, and what the unmatched predictions are.

Used by `tools/devset.py --causes`. The checks are the scorer's own (its Record, overlaps, actor_ok …,
passed in as the loaded module), applied one condition at a time so a miss gets the first one that fails:

    no-event      no predicted event's evidence overlaps the gold evidence
    wrong-type    some overlap, none of a type the gold accepts
    wrong-source  right type, but no such prediction has an acceptable source
    no-target     right type and source, but the prediction(s) carry no target at all
    wrong-target  right type and source, a target that the gold does not accept

Unmatched predictions (asserted ones only: negated and hypothetical events don't count against precision):
    fp-mismatch   its evidence overlaps some gold event (often the other half of a miss above)
    fp-no-gold    its evidence overlaps no gold event at all
"""
from __future__ import annotations

from collections import Counter
from types import ModuleType
from typing import Any

MISS_CAUSES = ("no-event", "wrong-type", "wrong-source", "no-target", "wrong-target")
FALSE_ALARM_CAUSES = ("fp-mismatch", "fp-no-gold")


def _fits(S: ModuleType, rec: Any, g: dict, p: dict) -> bool:
    """The scorer's event test, spelt out (score_events keeps it as a closure)."""
    return (p.get("type") in S.as_list(g["type"])
            and S.overlaps(S.span_of(p.get("evidence")), rec.locate(g.get("evidence")))
            and S.actor_ok(rec, p.get("source"), g.get("source"))
            and S.actor_ok(rec, p.get("target"), g.get("target"), (g.get("target") or {}).get("or_text")))


def _miss_cause(S: ModuleType, rec: Any, g: dict, preds: list[dict]) -> str:
    where = rec.locate(g.get("evidence"))
    near = [p for p in preds if S.overlaps(S.span_of(p.get("evidence")), where)]
    if not near:
        return "no-event"
    typed = [p for p in near if p.get("type") in S.as_list(g["type"])]
    if not typed:
        return "wrong-type"
    sourced = [p for p in typed if S.actor_ok(rec, p.get("source"), g.get("source"))]
    if not sourced:
        return "wrong-source"
    return "no-target" if all(not p.get("target") for p in sourced) else "wrong-target"


def classify(S: ModuleType, golds: list[dict], preds: list[dict]) -> list[dict[str, Any]]:
    """One row per required gold miss and per unmatched asserted prediction, with its cause."""
    by_doc = {r["doc_id"]: r for r in preds}
    rows: list[dict[str, Any]] = []
    for gold in golds:
        record = by_doc.get(gold["doc_id"])
        if record is None:
            continue
        rec = S.Record(record)
        events = record.get("events") or []
        used: set[int] = set()
        for g in gold.get("events") or []:  # the scorer's greedy one-to-one matching, in gold order
            hit = next((i for i, p in enumerate(events) if i not in used and _fits(S, rec, g, p)), None)
            if hit is not None:
                used.add(hit)
            elif g.get("required", True):
                rows.append({"doc_id": gold["doc_id"], "cause": _miss_cause(S, rec, g, events),
                             "type": g["type"], "evidence": g.get("evidence")})
        spans = [rec.locate(g.get("evidence")) for g in gold.get("events") or []]
        for i, p in enumerate(events):
            if i in used or p.get("negated") or p.get("hypothetical"):
                continue
            overlapping = any(S.overlaps(S.span_of(p.get("evidence")), s) for s in spans)
            rows.append({"doc_id": gold["doc_id"], "cause": "fp-mismatch" if overlapping else "fp-no-gold",
                         "type": p.get("type"), "trigger": (p.get("trigger") or {}).get("text"),
                         "evidence": (p.get("evidence") or {}).get("text")})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    counts = Counter(r["cause"] for r in rows)
    misses = sum(counts[c] for c in MISS_CAUSES)
    alarms = sum(counts[c] for c in FALSE_ALARM_CAUSES)
    lines = [f"missed required gold events: {misses}"]
    lines += [f"  {c:13s} {counts[c]}" for c in MISS_CAUSES]
    lines.append(f"unmatched asserted predictions: {alarms}")
    lines += [f"  {c:13s} {counts[c]}" for c in FALSE_ALARM_CAUSES]
    return "\n".join(lines)
