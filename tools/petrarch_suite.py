#!/usr/bin/env python3
"""Run eventwire over PETRARCH2's unit-test sentences and measure how much of their expected coding it reproduces.

    .venv/bin/python tools/petrarch_suite.py [--suite DIR] [--misses N] [--json]

The suite (shared/peers/petrarch2) uses invented states and people, so both of its dictionaries
(PETR.Validate.actors.txt, PETR.Validate.agents.txt) are loaded as user actor dictionaries. Prints:
  (a) actor codes: the share of expected source/target codes that some actor of the record carries, by country
      (first three letters) and by full code (country + sector, where the expected code gives a sector); and
      the share carried by the source/target of a produced event;
  (b) codings: the share of expected (source, target, CAMEO root) triples that a produced event reproduces
      (same CAMEO root, source and target countries).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.inputs import Article, Meta  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.record import Actor, Record  # noqa: E402
from eventwire.settings import Settings  # noqa: E402

SUITE = ROOT.parent / "shared" / "peers" / "petrarch2"


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    def __str__(self) -> str:
        share = self.hits / self.total if self.total else 0.0
        return f"{share:.3f} ({self.hits}/{self.total})"


@dataclass
class Report:
    country_any: Tally = field(default_factory=Tally)
    full_any: Tally = field(default_factory=Tally)
    country_event: Tally = field(default_factory=Tally)
    full_event: Tally = field(default_factory=Tally)
    codings: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)


def code_of(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return (actor.country or "---") + (actor.sector or "")


def fits(expected: str, actor: Actor | None, *, full: bool) -> bool:
    """Does the actor carry the expected code: its country (first three letters), and with `full` its sector
    too when the expected code gives one ("ARNGOV")?"""
    if actor is None or not expected:
        return False
    if (actor.country or "---") != expected[:3]:
        return False
    return not full or len(expected) < 6 or actor.sector == expected[3:6]


def score_record(rec: Record, expected: list[dict], rep: Report) -> None:
    events = [(rec.actor(e.source), rec.actor(e.target), e) for e in rec.events]
    for exp in expected:
        if exp.get("noevents"):
            continue
        for side in ("source", "target"):
            code = exp.get(side)
            if not code or code.startswith("---"):
                continue
            rep.country_any.add(any(fits(code, a, full=False) for a in rec.actors))
            rep.full_any.add(any(fits(code, a, full=True) for a in rec.actors))
            arg = [ev[0] if side == "source" else ev[1] for ev in events]
            rep.country_event.add(any(fits(code, a, full=False) for a in arg))
            rep.full_event.add(any(fits(code, a, full=True) for a in arg))
            if not any(fits(code, a, full=True) for a in rec.actors):
                have = ", ".join(f"{a.name}={code_of(a)}" for a in rec.actors) or "no actors"
                rep.misses.append(f"{rec.doc_id}: {side} {code} not found; actors: {have}")
        root = str(exp.get("cameo") or "")[:2]
        if root and exp.get("source") and exp.get("target"):
            rep.codings.add(any(
                (e.cameo or "")[:2] == root and fits(exp["source"], s, full=False) and fits(exp["target"], t, full=False)
                for s, t, e in events))


def run(suite: Path) -> Report:
    settings = Settings()
    settings.actor_files = [suite / "PETR.Validate.actors.txt", suite / "PETR.Validate.agents.txt"]
    pipe = Pipeline(settings)
    rows = [json.loads(line) for line in (suite / "unit_tests.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    arts = [Article(f"petrarch:{r['id']}", text=r["text"],
                    meta=Meta(doc_id=r["id"], published=f"{r['date'][:4]}-{r['date'][4:6]}-{r['date'][6:8]}"))
            for r in rows]
    rep = Report()
    for row, rec in zip(rows, pipe.pipe(arts)):
        if isinstance(rec, Record):
            score_record(rec, row["expected"], rep)
    return rep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, default=SUITE, help="folder holding unit_tests.jsonl and the dictionaries")
    ap.add_argument("--misses", type=int, default=0, help="also print this many missed actor codes")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if not (args.suite / "unit_tests.jsonl").is_file():
        print(f"no unit_tests.jsonl in {args.suite}: pass --suite", file=sys.stderr)
        return 2
    rep = run(args.suite)
    if args.json:
        print(json.dumps({k: {"hits": v.hits, "total": v.total} for k, v in vars(rep).items() if isinstance(v, Tally)}))
        return 0
    print(f"actor codes, any actor:      country {rep.country_any}   full code {rep.full_any}")
    print(f"actor codes, event argument: country {rep.country_event}   full code {rep.full_event}")
    print(f"codings (CAMEO root + source + target countries): {rep.codings}")
    for line in rep.misses[:args.misses]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
