"""Code the development gold set with the pipeline and score it with the project's scorer.

    .venv/bin/python tools/devset.py                  # section summary + per-type events P/R/F1
    .venv/bin/python tools/devset.py --verbose        # ... and every missed gold item
    .venv/bin/python tools/devset.py --type ASSAULT --verbose   # one type's misses and false alarms
    .venv/bin/python tools/devset.py --json           # one JSON object (what tests/test_devset.py reads)
    .venv/bin/python tools/devset.py --pred preds.jsonl         # score saved records instead of coding
    .venv/bin/python tools/devset.py --doc dev-hc-013           # one document: text, gold vs predicted
    .venv/bin/python tools/devset.py --against before.jsonl     # what a change lost and gained
    .venv/bin/python tools/devset.py --causes         # misses and false alarms counted by cause
    .venv/bin/python tools/devset.py --causes no-target          # ... and that cause's items listed
    .venv/bin/python tools/devset.py pin              # raise tests/gold/baseline.json to today's figures

Scoring is done by shared/eval/score.py itself (imported by path), never re-implemented here. Per-type
figures restrict gold events to those whose preferred (first) type is T and predicted events to type T,
then ask the same scorer: a gold event that also accepts another type is a per-type miss when the system
chose the alternative, though the section score counts it as found.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import logging
import math
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
ARTICLES = GOLD_DIR / "dev_articles.jsonl"
GOLD = GOLD_DIR / "dev_gold.jsonl"
BASELINE = GOLD_DIR / "baseline.json"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# Document tags of tests/gold/src/*.yaml reported separately (README "What is in it").
HARD_CASE_TAGS = ("passive", "under-attack", "control", "nominal", "coordination", "relative", "reported",
                  "threat", "refusal", "negation", "hypothetical", "negative")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass
class DevsetResult:
    documents: int
    sections: dict[str, dict[str, Any]]          # the scorer's per-section figures
    extras: dict[str, float]                     # e.g. events.date_accuracy
    per_type: dict[str, dict[str, Any] | None]   # PLOVER type → the scorer's events figures
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)   # {origin, reason} per rejected article
    per_tag: dict[str, dict[str, Any]] = field(default_factory=dict)  # hard-case tag → events figures
    seconds: float = 0.0
    records: list[dict[str, Any]] = field(default_factory=list, repr=False)  # the scored records (not in --json)


def load_scorer(path: Path = SCORER) -> ModuleType:
    if not path.is_file():
        raise FileNotFoundError(f"scorer not found at {path}; pass --score PATH")
    spec = importlib.util.spec_from_file_location("eventwire_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer from {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, items: Iterable[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")


def code_devset(articles: Path = ARTICLES) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Records for every article, via the same reader and pipeline as `eventwire code`."""
    from eventwire.inputs import Rejection, read_inputs
    from eventwire.pipeline import Pipeline

    records: list[dict[str, Any]] = []
    rejected: list[dict[str, str]] = []
    for out in Pipeline().pipe(read_inputs([str(articles)])):
        if isinstance(out, Rejection):
            rejected.append({"origin": out.origin, "reason": out.reason})
        else:
            records.append(out.to_dict())
    return records, rejected


def run_scorer(scorer: ModuleType, golds: list[dict], preds: list[dict], tmp: Path) -> dict[str, Any]:
    """The scorer's --json --verbose answer for these gold objects and records."""
    g, p = tmp / "gold.jsonl", tmp / "pred.jsonl"
    write_jsonl(g, golds)
    write_jsonl(p, preds)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        scorer.main(["--gold", str(g), "--pred", str(p), "--json", "--verbose"])
    return json.loads(buf.getvalue())


def located(rec: dict) -> dict:
    """The record as the gold reads places: where something happens (role locative or dateline). The record
    also lists names used as modifiers or for a government ("the Paris accord"); the gold does not."""
    places = [p for p in rec.get("places") or [] if p.get("role", "locative") in ("locative", "dateline")]
    return dict(rec, places=places)


def restrict(golds: list[dict], preds: list[dict], etype: str) -> tuple[list[dict], list[dict]]:
    """Events-only gold and records holding only events of one type (the preferred type for gold)."""
    g = [{"doc_id": x["doc_id"], "events": [e for e in x.get("events") or [] if e["type"][0] == etype]}
         for x in golds]
    p = [dict(r, events=[e for e in r.get("events") or [] if e.get("type") == etype]) for r in preds]
    return g, p


def false_alarms(golds: list[dict], preds: list[dict]) -> list[dict[str, Any]]:
    """Asserted predicted events in documents whose gold has no event of that type (a cheap precision view)."""
    gold_types = {x["doc_id"]: {t for e in x.get("events") or [] for t in e["type"]} for x in golds}
    out = []
    for r in preds:
        for e in r.get("events") or []:
            if e.get("negated") or e.get("hypothetical") or e.get("type") in gold_types.get(r["doc_id"], set()):
                continue
            out.append({"doc_id": r["doc_id"], "type": e.get("type"),
                        "evidence": (e.get("evidence") or {}).get("text", "")[:160]})
    return out


def evaluate(*, scorer_path: Path = SCORER, gold: Path = GOLD, articles: Path = ARTICLES,
             pred: Path | None = None, save_pred: Path | None = None, docs: set[str] | None = None) -> DevsetResult:
    """Code (or read) the records and score them; `docs` restricts everything to those document ids."""
    t0 = time.perf_counter()
    scorer = load_scorer(scorer_path)
    golds = [g for g in read_jsonl(gold) if docs is None or g["doc_id"] in docs]
    with tempfile.TemporaryDirectory(prefix="devset-") as d:
        tmp = Path(d)
        if pred:
            preds, rejected = [r for r in read_jsonl(pred) if docs is None or r["doc_id"] in docs], []
        else:
            if docs is not None:
                write_jsonl(tmp / "articles.jsonl", [a for a in read_jsonl(articles) if a["id"] in docs])
                articles = tmp / "articles.jsonl"
            preds, rejected = code_devset(articles)
        if save_pred:
            write_jsonl(save_pred, preds)
        full = run_scorer(scorer, golds, [located(r) for r in preds], tmp)
        per_type = {}
        for t in PLOVER_TYPES:
            scores = run_scorer(scorer, *restrict(golds, preds, t), tmp)["scores"]
            per_type[t] = scores.get("events")  # None: no gold and no prediction of this type
        per_tag = {t: by_tag(scorer, golds, preds, t, tmp) for t in HARD_CASE_TAGS}
    sections = {k: v for k, v in full["scores"].items() if isinstance(v, dict)}
    extras = {k: v for k, v in full["scores"].items() if not isinstance(v, dict)}
    return DevsetResult(full["documents"], sections, extras, per_type, full["missed"], false_alarms(golds, preds),
                        rejected=rejected, per_tag=per_tag, seconds=round(time.perf_counter() - t0, 1),
                        records=preds)


def by_tag(scorer: ModuleType, golds: list[dict], preds: list[dict], tag: str, tmp: Path) -> dict[str, Any]:
    """Events figures on the documents carrying one hard-case tag (negative tags: asserted events count)."""
    ids = {g["doc_id"] for g in golds if tag in g.get("tags", [])}
    g = [{"doc_id": x["doc_id"], "events": x.get("events") or []} for x in golds if x["doc_id"] in ids]
    p = [r for r in preds if r["doc_id"] in ids]
    asserted = sum(1 for r in p for e in r.get("events") or [] if not (e.get("negated") or e.get("hypothetical")))
    scores = run_scorer(scorer, g, p, tmp)["scores"].get("events") or {"precision": 1.0, "recall": 1.0, "f1": 1.0,
                                                                         "predicted": 0, "gold": 0}
    return dict(scores, documents=len(ids), asserted=asserted)


def summary(res: DevsetResult, *, verbose: bool = False, only: str | None = None) -> str:
    lines = [f"documents: {res.documents}  ({res.seconds:.1f} s)"]
    if res.rejected:  # one line per distinct reason: a broken stage rejects every document the same way
        reasons = Counter(r["reason"] for r in res.rejected)
        lines += [f"REJECTED {n} documents: {why}" for why, n in reasons.most_common()]
    for s, v in res.sections.items():
        lines.append(f"{s:10s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}   "
                     f"(predicted {v['predicted']}, gold {v['gold']})")
    lines += [f"{k:10s} {v:.3f}" for k, v in res.extras.items()]
    lines.append("events by type (gold = events whose first type is T):")
    for t, v in res.per_type.items():
        if only and t != only:
            continue
        if v is None:
            lines.append(f"  {t:10s} (no gold, no prediction)")
            continue
        lines.append(f"  {t:10s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}   "
                     f"(predicted {v['predicted']}, gold {v['gold']})")
    lines.append("events by hard-case tag (documents carrying the tag):")
    for t, v in res.per_tag.items():
        lines.append(f"  {t:12s} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}   "
                     f"({v['documents']} docs, gold {v['gold']}, asserted predictions {v['asserted']})")
    if verbose:
        for m in res.missed:
            item = m["item"]
            if only and not (isinstance(item, dict) and only in (item.get("type") or [])):
                continue
            lines.append("missed: " + json.dumps(m, ensure_ascii=False))
        for f in res.false_alarms:
            if not only or f["type"] == only:
                lines.append("unexpected: " + json.dumps(f, ensure_ascii=False))
    lines.append("summary: " + " | ".join(f"{s} F1 {v['f1']:.2f}" for s, v in res.sections.items()))
    return "\n".join(lines)


def below_pins(res: DevsetResult, pins: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Sections whose measured F1 is under its pinned minimum: {section: (measured, pinned)}."""
    measured = {s: res.sections.get(s, {}).get("f1", 0.0) for s in pins}
    return {s: (measured[s], pin) for s, pin in pins.items() if measured[s] < pin}


def show_doc(doc_id: str, res: DevsetResult, *, gold: Path = GOLD, articles: Path = ARTICLES,
             pred: Path) -> str:
    """One document side by side: text, gold events, predicted events (with their actors), misses."""
    text = next(a["text"] for a in read_jsonl(articles) if a["id"] == doc_id)
    g = next(x for x in read_jsonl(gold) if x["doc_id"] == doc_id)
    r = next((x for x in read_jsonl(pred) if x["doc_id"] == doc_id), {})
    actors = {a["id"]: a for a in r.get("actors") or []}

    def who(aid: str | None) -> str:
        a = actors.get(aid or "")
        return f"{a['name']}[{a.get('country')}/{a.get('sector')}]" if a else "-"

    lines = [f"== {doc_id}", text, "-- gold events"]
    lines += [f"  {'|'.join(e['type'])} {json.dumps(e.get('source'))} -> {json.dumps(e.get('target'))}"
              f"{'' if e.get('required', True) else ' (optional)'}  «{e['evidence']}»" for e in g["events"]]
    lines.append("-- predicted events")
    for e in r.get("events") or []:
        flags = " ".join(f for f in ("negated", "hypothetical") if e.get(f))
        lines.append(f"  {e.get('type')} {who(e.get('source'))} -> {who(e.get('target'))} {flags}"
                     f"  «{(e.get('evidence') or {}).get('text', '')}»  ({e.get('reason', '')})")
    lines += [f"missed ({m['section']}): " + json.dumps(m["item"], ensure_ascii=False)
              for m in res.missed if m["doc_id"] == doc_id]
    return "\n".join(lines)


def compare(before: DevsetResult, after: DevsetResult) -> str:
    """What a change did: section F1 deltas, then gold items it lost and gold items it gained."""
    def keys(res: DevsetResult) -> set[str]:
        return {json.dumps(m, sort_keys=True, ensure_ascii=False) for m in res.missed}
    lines = [f"{s:10s} F1 {before.sections.get(s, {}).get('f1', 0.0):.3f} -> {v['f1']:.3f}"
             for s, v in after.sections.items()]
    lines += ["now missed: " + k for k in sorted(keys(after) - keys(before))]
    lines += ["now found:  " + k for k in sorted(keys(before) - keys(after))]
    return "\n".join(lines)


def floor2(x: float) -> float:
    return math.floor(x * 100 + 1e-9) / 100


def pin(res: DevsetResult, *, allow_lower: bool, reason: str | None, path: Path = BASELINE) -> list[str]:
    """Raise each section's pinned minimum to the measured F1 (rounded down); lowering needs a reason."""
    base = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"sections": {}, "changes": []}
    old: dict[str, float] = base["sections"]
    measured = {s: floor2(res.sections[s]["f1"]) if s in res.sections else 0.0 for s in set(old) | set(res.sections)}
    lowered = sorted(s for s, v in measured.items() if v < old.get(s, 0.0))
    if lowered and not (allow_lower and reason):
        raise SystemExit(f"refusing to lower the pins of {', '.join(lowered)} "
                         f"(measured {[measured[s] for s in lowered]}): pass --allow-lower --reason '...'")
    new = dict(sorted(measured.items()))
    entry: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "pins": new,
                             "reason": reason or "measured at this commit, rounded down"}
    if lowered:
        entry["lowered"] = lowered  # tests/test_devset.py accepts a lower pin only when it is listed here
    base.update(sections=new, changes=base.get("changes", []) + [entry])
    path.write_text(json.dumps(base, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [f"{s}: {old.get(s, '-')} -> {v}" for s, v in new.items()]


def causes_report(args: argparse.Namespace, res: DevsetResult) -> str:
    """The miss/false-alarm table of tools/miss_causes.py on the records just coded (or --pred)."""
    import miss_causes  # tools/ is on sys.path when this file runs as a script

    docs = set(args.doc) if args.doc else None
    golds = [g for g in read_jsonl(GOLD) if docs is None or g["doc_id"] in docs]
    rows = miss_causes.classify(load_scorer(args.score), golds, res.records)
    out = [summary(res).splitlines()[-1], miss_causes.table(rows)]
    out += [json.dumps(r, ensure_ascii=False) for r in rows if args.causes and r["cause"] == args.causes]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: .venv/bin/python tools/devset.py --type REQUEST --verbose")
    ap.add_argument("command", nargs="?", choices=("score", "pin"), default="score")
    ap.add_argument("--score", type=Path, default=SCORER, help="path of shared/eval/score.py")
    ap.add_argument("--pred", type=Path, help="score these saved records (JSON lines) instead of coding")
    ap.add_argument("--save-pred", type=Path, help="also write the coded records here (JSON lines)")
    ap.add_argument("--against", type=Path, metavar="PRED",
                    help="compare with these earlier records (e.g. a --save-pred from before a change): "
                         "F1 deltas, gold items newly missed and newly found")
    ap.add_argument("--type", choices=PLOVER_TYPES, help="with --verbose: only this event type")
    ap.add_argument("--doc", action="append", metavar="ID", help="only this document (repeatable); shows "
                    "its text, gold and predicted events side by side")
    ap.add_argument("--verbose", action="store_true", help="list missed gold items and unexpected events")
    ap.add_argument("--causes", nargs="?", const="", metavar="CAUSE",
                    help="count event misses and unmatched predictions by cause (tools/miss_causes.py); "
                         "with a cause name, also list its items")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--allow-lower", action="store_true", help="pin: allow a pin to go down (needs --reason)")
    ap.add_argument("--reason", help="pin: why the pins change (recorded in baseline.json)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    logging.basicConfig(level=logging.ERROR)  # stage tracebacks are summarised as REJECTED lines instead
    docs = set(args.doc) if args.doc else None
    if args.command == "pin" and docs:
        raise SystemExit("pin scores the whole set; drop --doc")
    with tempfile.TemporaryDirectory(prefix="devset-") as d:
        save = args.save_pred or (Path(d) / "pred.jsonl" if docs else None)
        res = evaluate(scorer_path=args.score, pred=args.pred, save_pred=save, docs=docs)
        if docs:
            print("\n\n".join(show_doc(i, res, pred=args.pred or save) for i in sorted(docs)))
    if args.against:
        print(compare(evaluate(scorer_path=args.score, pred=args.against, docs=docs), res))
        return 0
    if args.causes is not None:
        print(causes_report(args, res))
        return 0
    if args.command == "pin":
        print("\n".join(pin(res, allow_lower=args.allow_lower, reason=args.reason)))
        return 0
    if args.json:
        out = asdict(res)
        del out["records"]
        if not args.verbose:
            out["missed"], out["false_alarms"] = len(res.missed), len(res.false_alarms)
        print(json.dumps(out, ensure_ascii=False))
    else:
        print(summary(res, verbose=args.verbose, only=args.type))
    return 0


if __name__ == "__main__":
    sys.exit(main())
