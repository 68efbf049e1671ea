"""The bench corpus: the team's example articles plus generated news-style variations.

Templates are written by the eventwire team; names, places and figures are slot fillers, not reports.
Generation is seeded, so every run and every machine measures the same texts.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

HEADLINES = [
    "{country} and {country2} agree to resume talks over {city}",
    "Protesters rally in {city} against {leader}'s government",
    "{group} fighters attack army post near {city}",
    "{org} sends aid convoy to {city} as fighting eases",
    "{country} imposes sanctions on {country2} officials",
    "{leader} threatens to expel {country2} diplomats",
]

PARAGRAPHS = [
    "{leader}, the president of {country}, met his {country2} counterpart in {capital} on {day} to discuss "
    "the fighting around {city}, officials said.",
    "At least {n} people were killed and {m} others wounded when {group} fighters attacked a military post "
    "near {city} on {day}, a local official told reporters.",
    "\"We will not accept any deal that ignores the victims,\" {leader} said in a televised speech, adding "
    "that {country} would keep its troops in the region until the end of {month}.",
    "The {org} said it had delivered food and medicine to more than {n2} families in {city}, the first "
    "convoy to reach the town since {month}.",
    "{country2}'s foreign ministry accused {country} of violating the ceasefire and called on the "
    "{org} to send observers.",
    "Police in {capital} arrested {n} demonstrators on {day} after thousands marched to parliament "
    "demanding new elections.",
    "The government of {country} announced sanctions against {n} officials from {country2}, freezing "
    "their assets and banning them from travel.",
    "{group} denied any role in the attack and said its forces had withdrawn from {city} in {month}.",
    "Analysts in {capital} said the talks were unlikely to succeed while {group} controlled the roads "
    "into {city}.",
    "{leader} threatened on {day} to cut diplomatic ties with {country2} unless it stopped supplying "
    "weapons to {group}.",
    "The {org} welcomed the agreement and urged both sides to release prisoners and reopen the border "
    "crossing at {city}.",
    "Residents said shelling resumed overnight, forcing about {n2} people to flee towards {capital}.",
    "In a statement posted on Twitter, the interior ministry said security forces had detained {m} "
    "suspects linked to {group}.",
    "{country} has backed the government in {capital} since {month}, while {country2} supports the "
    "rival administration.",
]

FILL = {
    "country": ["Turkey", "Egypt", "France", "Russia", "Iran", "Ethiopia", "Colombia", "Pakistan"],
    "country2": ["Greece", "Sudan", "Germany", "Ukraine", "Iraq", "Kenya", "Venezuela", "India"],
    "capital": ["Ankara", "Cairo", "Paris", "Moscow", "Tehran", "Addis Ababa", "Bogota", "Islamabad"],
    "city": ["Sirte", "Mosul", "Goma", "Kidal", "Marib", "Idlib", "Mekelle", "Bakhmut"],
    "leader": ["Ahmed Salem", "Maria Costa", "Viktor Orlov", "Amina Yusuf", "Jean Moreau", "Omar Haddad"],
    "group": ["the Popular Front", "the Northern Brigade", "the Liberation Army", "the Eastern Militia"],
    "org": ["United Nations", "Red Cross", "African Union", "World Food Programme", "European Union"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "March", "April", "June", "August", "October", "December"],
}


def _fill(template: str, rng: random.Random) -> str:
    values = {k: rng.choice(v) for k, v in FILL.items()}
    values.update(n=rng.randint(2, 60), m=rng.randint(2, 90), n2=f"{rng.randint(1, 40) * 250:,}")
    return template.format(**values)


def generated(i: int, rng: random.Random) -> dict:
    paras = [_fill(p, rng) for p in rng.sample(PARAGRAPHS, rng.randint(6, 11))]
    title = _fill(rng.choice(HEADLINES), rng)
    return {"id": f"bench-gen-{i:04d}", "title": title, "text": title + "\n\n" + "\n\n".join(paras),
            "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "source": "bench"}


def variation(row: dict, i: int, rng: random.Random) -> dict:
    """An example article with its body paragraphs shuffled and a generated paragraph or two added."""
    head, *body = row["text"].split("\n\n")
    body = body + [_fill(p, rng) for p in rng.sample(PARAGRAPHS, 2)]
    rng.shuffle(body)
    return {**row, "id": f"{row.get('id', 'ex')}-v{i}", "text": "\n\n".join([head, *body])}


def build(root: Path, n: int, seed: int = 7) -> list[dict]:
    """`n` article rows: the examples (if the checkout has them), their variations, and generated ones."""
    rng = random.Random(seed)
    examples_file = root / "examples" / "articles.jsonl"
    examples = []
    if examples_file.is_file():
        examples = [json.loads(ln) for ln in examples_file.read_text("utf-8").splitlines() if ln.strip()]
    rows = list(examples[:n])
    i = 0
    while len(rows) < n:
        i += 1
        if examples and i % 3 == 0:
            rows.append(variation(examples[i % len(examples)], i, rng))
        else:
            rows.append(generated(i, rng))
    return rows


def write(rows: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path
