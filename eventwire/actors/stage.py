"""Actors stage: entity and role mentions → actors with country, sector and identity (issue 3).

Finding is in `resolve.py` (mentions) and `merge.py` (one actor per identity); this module loads the
knowledge base once and writes the result into the record and `Analysis.token_actor`.
"""
from __future__ import annotations

from eventwire import nlp as nlp_loader
from eventwire.actors.dictionaries import load_user_file
from eventwire.actors.kb import KB, load_builtin
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.merge import Draft, merge, resolve_pronouns
from eventwire.actors.resolve import find_mentions
from eventwire.analysis import Analysis
from eventwire.record import Actor, Record
from eventwire.settings import Settings


def load_kb(settings: Settings) -> KB:
    """The built-in knowledge base, then the user's dictionaries in the order given (later files add names)."""
    kb = load_builtin()
    for path in settings.actor_files:
        kb.extend(load_user_file(path))
    return kb


class ActorStage:
    name = "actors"
    requires = ("doc",)
    assigns = ("record.actors", "token_actor")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.kb = load_kb(settings)
        self.lexicon = Lexicon(self.kb, nlp_loader.load(settings.model))

    def __call__(self, an: Analysis) -> None:
        mentions = find_mentions(an.doc, self.lexicon, an.record.published)
        drafts = merge(mentions, self.kb, an.record.published, an.doc)
        taken = {i for f in mentions.found for i in range(f.start, f.end)}
        resolve_pronouns(an.doc, drafts, taken)
        write_actors(an, drafts)


def write_actors(an: Analysis, drafts: list[Draft]) -> None:
    """Drafts → record actors A1, A2 … (in order of first mention) and token → actor links.

    Shorter mentions win a token: in "Haftar's militias", "Haftar" points to Haftar, "militias" to the group."""
    rec: Record = an.record
    doc = an.doc
    ids = {d.key: f"A{n}" for n, d in enumerate(drafts, start=len(rec.actors) + 1)}
    links: list[tuple[int, int, str]] = []                      # (span length, token, actor id)
    for d in drafts:
        aid = ids[d.key]
        spans = sorted({(f.start, f.end) for f in d.mentions} | {(i, i + 1) for i in d.pronouns})
        mentions = [rec.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in spans]
        affiliation = d.first("affiliation")
        rec.actors.append(Actor(
            id=aid, name=_name(d), country=d.first("country"), sector=d.first("sector"), kb_id=d.first("kb_id"),
            mentions=mentions, role=d.first("role") if d.kind == "person" else None,
            affiliation=ids.get(affiliation) if affiliation else None, reason=d.mentions[0].reason))
        for f in d.mentions:
            links.extend((f.end - f.start, i, aid) for i in range(f.start, f.end))
            links.extend((f.end - f.start + 100, i, aid) for i in f.extra)
        links.extend((1, i, aid) for i in d.pronouns)
    for _, i, aid in sorted(links, reverse=True):                 # longest first, so shortest wins
        an.token_actor[i] = aid


def _name(d: Draft) -> str:
    """A KB name first, else the longest person name, else the first mention without its article."""
    for f in d.mentions:
        if f.kb_id:
            return f.name
    if d.kind == "person":
        return max((f.name for f in d.mentions), key=len)
    name = d.mentions[0].name
    first, _, rest = name.partition(" ")
    return rest if first.lower() in ("the", "a", "an") and rest else name
