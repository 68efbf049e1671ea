"""Real-news gate for events' sources and targets (issue 14): recall on fixed subsets of two sets in
../shared/realnews (read from there, never copied), scored with ../shared/eval/score.py.

- events_cameo (ConfliBERT CAMEO sentences), the first CAMEO_DOCS documents of input.jsonl: recall of
  type + source + target (gold.json);
- events_ipe (IndiaPoliceEvents, lower-case text), the first IPE_DOCS documents: recall of type + source.

Skips when ../shared/realnews is absent, except under CI (CI=true), where that is a failure. The pins sit
about 0.02 under what the branch measured on these subsets (see docs/quality.md, "Real news — events
(dyads)"); raise them as recall grows.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys

import pytest

from conftest import SCORER, SHARED

REALNEWS = SHARED / "realnews"
CAMEO_DOCS = 300
IPE_DOCS = 30
PINS = {"events_cameo": 0.78, "events_ipe": 0.61}


def _scorer():
    spec = importlib.util.spec_from_file_location("_eventwire_scorer", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _subset(name: str, n: int) -> tuple[list[dict], dict[str, dict]]:
    here = REALNEWS / name
    if not (here / "input.jsonl").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{here} is missing: the real-news gate cannot run under CI")
        pytest.skip(f"{here} is absent (../shared/realnews is not beside the checkout)")
    with open(here / "input.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:n]
    gold = {g["doc_id"]: g for g in json.loads((here / "gold.json").read_text(encoding="utf-8"))}
    return rows, gold


def _recall(pipeline, name: str, n: int) -> float:
    rows, gold = _subset(name, n)
    S = _scorer()
    tp = total = 0
    for row in rows:
        g = gold.get(row["id"])
        if g is None:
            continue
        rec = pipeline.code(row["text"], published=row.get("published"), source=row.get("source"), doc_id=row["id"])
        (_, _, hit, n_gold), _, _ = S.score_events(g, S.Record(json.loads(rec.to_json())))
        tp, total = tp + hit, total + n_gold
    return tp / total if total else 1.0


@pytest.mark.parametrize("name,n", [("events_cameo", CAMEO_DOCS), ("events_ipe", IPE_DOCS)])
def test_event_dyad_recall_holds_on_real_news(pipeline, name, n):
    recall = _recall(pipeline, name, n)
    assert recall >= PINS[name], f"{name} (first {n} documents): dyad recall {recall:.3f} < pin {PINS[name]}"
