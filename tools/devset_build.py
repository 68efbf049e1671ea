"""Build the development gold set from its YAML sources, and check that every label is well formed.

    .venv/bin/python tools/devset_build.py          # tests/gold/src/*.yaml → dev_articles.jsonl + dev_gold.jsonl
    .venv/bin/python tools/devset_build.py --check  # only validate; exit 1 and list the problems if any
    .venv/bin/python tools/devset_build.py --heldout  # tests/gold/heldout/*.yaml → its articles.jsonl + gold.jsonl

The YAML files are what people edit (one document per item, short-hand actor constraints); the two JSONL
files are what `eventwire code` and shared/eval/score.py read. The expansion is purely mechanical, so the
JSONL says exactly what the YAML says. See tests/gold/README.md for the labelling conventions.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
SRC_DIR = GOLD_DIR / "src"
ARTICLES = GOLD_DIR / "dev_articles.jsonl"
GOLD = GOLD_DIR / "dev_gold.jsonl"
HELDOUT_DIR = GOLD_DIR / "heldout"  # same conventions, its own sources and outputs (never tuned on)

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# PLOVER sectors, plus CIV (the brief's spelling of civilians, accepted beside PLOVER's CVL) and IGO.
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
           "CVL", "CIV", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
NONSTATE = {"IGO", "NGO", "KOS", "PSE", "IMG", "MNC", "ISM"}
COUNT_KINDS = {"killed", "injured", "arrested", "displaced", "kidnapped", "protesters"}
RELATION_KINDS = {"backs", "opposes", "allied_with", "member_of"}
SECTIONS = ("actors", "relations", "quotes", "places", "dates", "counts")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DOC_KEYS = {"id", "text", "published", "source", "tags", "events", "note"} | set(SECTIONS)
EVENT_KEYS = {"type", "src", "tgt", "src_name", "tgt_name", "tgt_text", "ev", "date", "req", "note"}
# A sentence ends at . ! ? (optionally followed by a closing quote) before a capital or an opening quote,
# except after the abbreviations wire copy uses mid-sentence ("U.S. President", "Marcos Jr. met").
SENT_END = re.compile(r"(?<!U\.S)(?<!\bJr)(?<!\bMr)(?<!\bDr)(?<!\bSt)[.!?][\"”’']?\s+(?=[\"“A-Z])")


def count_sentences(text: str) -> int:
    return len(SENT_END.split(text))


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay the strings the labeller wrote."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@dataclass
class Built:
    articles: list[dict[str, Any]] = field(default_factory=list)
    golds: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    sentences: int = 0


def actor_constraint(short: Any) -> dict[str, Any] | None:
    """'LBY/REB|MIL' → {"country": "LBY", "sector": ["REB", "MIL"]}; 'FRA|RUS' → {"country": [...]}; dicts pass."""
    if short is None or isinstance(short, dict):
        return short
    country, _, sector = str(short).partition("/")
    out: dict[str, Any] = {}
    if country:
        cs = country.split("|")
        out["country"] = cs if len(cs) > 1 else cs[0]
    if sector:
        ss = sector.split("|")
        out["sector"] = ss if len(ss) > 1 else ss[0]
    return out


def resolve_date(value: Any, published: str) -> str:
    """ISO dates pass; a weekday name is the latest such day on or before publication (wire-news usage)."""
    v = str(value)
    if v.lower() in WEEKDAYS:
        pub = date.fromisoformat(published)
        back = (pub.weekday() - WEEKDAYS.index(v.lower())) % 7
        return (pub - timedelta(days=back)).isoformat()
    return v


def expand_event(e: dict[str, Any], published: str) -> dict[str, Any]:
    types = e["type"] if isinstance(e["type"], list) else str(e["type"]).split("|")
    out: dict[str, Any] = {"type": types}
    for side, key in (("source", "src"), ("target", "tgt")):
        c = actor_constraint(e.get(key))
        if e.get(f"{key}_name"):
            c = dict(c or {}, name=e[f"{key}_name"])
        if c is not None:
            out[side] = c
    if e.get("tgt_text"):
        out.setdefault("target", {})["or_text"] = e["tgt_text"]
    if e.get("date"):
        out["date"] = resolve_date(e["date"], published)
    out["evidence"] = e["ev"]
    if e.get("req") is False:
        out["required"] = False
    if e.get("note"):
        out["note"] = e["note"]
    return out


def expand_doc(d: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    pub = str(d["published"])
    article = {"id": d["id"], "text": d["text"].strip(), "published": pub, "source": d.get("source", "Dev Wire")}
    gold: dict[str, Any] = {"doc_id": d["id"], "tags": d.get("tags", [])}
    # required events first: the scorer matches gold in order, greedily, and an optional event listed first
    # could take the one prediction a required event needed
    events = [expand_event(e, pub) for e in d.get("events") or []]
    gold["events"] = sorted(events, key=lambda e: not e.get("required", True))
    for sec in SECTIONS:
        if sec in d:
            gold[sec] = [expand_item(sec, it, pub) for it in d[sec] or []]
    return article, gold


def expand_item(section: str, it: dict[str, Any], published: str) -> dict[str, Any]:
    it = dict(it)
    if "req" in it:  # the same short-hand as in events
        it["required"] = bool(it.pop("req"))
    if section == "relations":
        it["from"], it["to"] = actor_constraint(it["from"]), actor_constraint(it["to"])
    if section == "dates" and "value" not in it:
        it["value"] = resolve_date(it["text"], published)
    if section == "actors" and isinstance(it.get("sector"), str) and "|" in it["sector"]:
        it["sector"] = it["sector"].split("|")
    if section == "quotes" and "direct" not in it:
        it["direct"] = True
    return it


def check_doc(article: dict[str, Any], gold: dict[str, Any], raw: dict[str, Any]) -> list[str]:
    """Everything a label can get wrong without anyone noticing: returns readable problems."""
    did, text = article["id"], article["text"]
    bad: list[str] = [f"{did}: unknown key {k!r}" for k in raw if k not in DOC_KEYS]
    try:
        date.fromisoformat(article["published"])
    except ValueError:
        bad.append(f"{did}: published {article['published']!r} is not YYYY-MM-DD")
    for e_raw, e in zip(raw.get("events") or [], gold["events"]):
        bad += [f"{did}: unknown event key {k!r}" for k in e_raw if k not in EVENT_KEYS]
        bad += [f"{did}: unknown type {t}" for t in e["type"] if t not in PLOVER_TYPES]
        bad += _check_substring(did, "evidence", e["evidence"], text)
        bad += _check_actor(did, e.get("source")) + _check_actor(did, e.get("target"))
        if e.get("target", {}).get("or_text"):
            bad += _check_substring(did, "or_text", e["target"]["or_text"], text)
        if e.get("date") and not re.fullmatch(r"\d{4}(-\d\d){0,2}", e["date"]):
            bad.append(f"{did}: event date {e['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    for q in gold.get("quotes", []):
        bad += _check_substring(did, "quote", q["starts_with"], text)
        if q["speaker"].split()[-1] not in text:
            bad.append(f"{did}: quote speaker {q['speaker']!r} (last word) not in the text")
    for r in gold.get("relations", []):
        if r["kind"] not in RELATION_KINDS:
            bad.append(f"{did}: relation kind {r['kind']!r}")
        bad += _check_actor(did, r["from"]) + _check_actor(did, r["to"]) + _check_substring(did, "relation", r["evidence"], text)
    for p in gold.get("places", []):
        bad += _check_substring(did, "place", p["name"], text) + _check_country(did, p["country"])
    for t in gold.get("dates", []):
        bad += _check_substring(did, "date", t["text"], text)
    for c in gold.get("counts", []):
        if c["what"] not in COUNT_KINDS or not isinstance(c["value"], int):
            bad.append(f"{did}: count {c}")
        if c.get("evidence"):
            bad += _check_substring(did, "count", c["evidence"], text)
    for a in gold.get("actors", []):
        if not any(n in text for n in [a["name"], *a.get("aliases", [])]):
            bad.append(f"{did}: actor {a['name']!r}: neither the name nor an alias is in the text")
        bad += _check_actor(did, a)
    return bad


def _check_substring(did: str, what: str, s: str, text: str) -> list[str]:
    return [] if s and s in text else [f"{did}: {what} {s!r} is not a verbatim substring of the text"]


def _check_country(did: str, c: Any) -> list[str]:
    cs = c if isinstance(c, list) else [c]
    # None is allowed for actors whose country the text does not give (score.py then expects none)
    return [f"{did}: country {x!r}" for x in cs if x is not None and not (isinstance(x, str) and re.fullmatch(r"[A-Z]{3}", x))]


def _check_actor(did: str, c: dict[str, Any] | None) -> list[str]:
    if not c:
        return []
    bad = _check_country(did, c["country"]) if "country" in c else []
    sectors = c.get("sector") or []
    return bad + [f"{did}: sector {s!r}" for s in (sectors if isinstance(sectors, list) else [sectors])
                  if s not in SECTORS]


def build(src_dir: Path = SRC_DIR) -> Built:
    out = Built()
    seen: set[str] = set()
    for path in sorted(src_dir.glob("*.yaml")):
        for raw in yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or []:
            article, gold = expand_doc(raw)
            if article["id"] in seen:
                out.problems.append(f"{path.name}: duplicate id {article['id']}")
            seen.add(article["id"])
            out.problems += [f"{path.name}: {p}" for p in check_doc(article, gold, raw)]
            out.sentences += count_sentences(article["text"])
            out.articles.append(article)
            out.golds.append(gold)
    return out


def as_jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


def stats(b: Built) -> str:
    """Documents, sentences, events per type (required + optional), sections and hard-case tags."""
    types = {t: [0, 0] for t in PLOVER_TYPES}
    for g in b.golds:
        for e in g["events"]:
            types[e["type"][0]][0 if e.get("required", True) else 1] += 1
    negative = [a for a, g in zip(b.articles, b.golds) if not g["events"]]
    optional_only = sum(bool(g["events"]) and not any(e.get("required", True) for e in g["events"]) for g in b.golds)
    tags: dict[str, int] = {}
    for g in b.golds:
        for t in g.get("tags", []):
            tags[t] = tags.get(t, 0) + 1
    sections = {s: sum(s in g for g in b.golds) for s in SECTIONS}
    return "\n".join([
        f"{len(b.articles)} documents, {b.sentences} sentences; "
        f"{len(negative)} documents without any event ({sum(count_sentences(a['text']) for a in negative)} sentences), "
        f"{optional_only} whose events are all optional",
        "events by first type (required+optional): " + ", ".join(f"{t} {r}+{o}" for t, (r, o) in types.items()),
        f"events: {sum(r for r, _ in types.values())} required, {sum(o for _, o in types.values())} optional",
        "documents annotating each section: " + ", ".join(f"{s} {n}" for s, n in sections.items()),
        "documents per tag: " + ", ".join(f"{t} {n}" for t, n in sorted(tags.items(), key=lambda kv: -kv[1])),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="validate only; write nothing")
    ap.add_argument("--heldout", action="store_true", help="build the held-out check set instead")
    args = ap.parse_args(argv)
    src, articles, gold = ((HELDOUT_DIR, HELDOUT_DIR / "articles.jsonl", HELDOUT_DIR / "gold.jsonl")
                           if args.heldout else (SRC_DIR, ARTICLES, GOLD))
    b = build(src)
    for p in b.problems:
        print("problem:", p, file=sys.stderr)
    print(stats(b))
    if b.problems:
        return 1
    if not args.check:
        articles.write_text(as_jsonl(b.articles), encoding="utf-8")
        gold.write_text(as_jsonl(b.golds), encoding="utf-8")
        print(f"wrote {articles.relative_to(ROOT)} and {gold.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
