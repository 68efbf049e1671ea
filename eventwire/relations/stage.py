"""Relations stage: writes the findings of find.py into `record.relations`, parties resolved to actors."""
from __future__ import annotations

from spacy.tokens import Token

from eventwire.analysis import Analysis
from eventwire.record import Relation
from eventwire.relations.find import RelationFinding, find_relations
from eventwire.relations.lexicon import RelationLexicon
from eventwire.settings import Settings

SYMMETRIC = {"allied_with"}


class RelationStage:
    name = "relations"
    requires = ("doc", "record.actors", "token_actor")
    assigns = ("record.relations",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = RelationLexicon.load()

    def __call__(self, an: Analysis) -> None:
        seen: set[tuple[str, str, str]] = set()
        for f in find_relations(an.doc, self.lexicon):
            rel = self._relation(an, f)
            if rel is None:
                continue
            if (rel.kind, rel.from_, rel.to) in seen:
                continue                      # one relation per pair, with its first evidence
            seen.add((rel.kind, rel.from_, rel.to))
            if rel.kind in SYMMETRIC:
                # "X and Y are allies" once, in the direction the text first gives ("Y, an ally of
                # X": the ally first); a reader of a symmetric kind checks both ends
                seen.add((rel.kind, rel.to, rel.from_))
            an.record.relations.append(rel)

    def _relation(self, an: Analysis, f: RelationFinding) -> Relation | None:
        source = self._party(an, an.doc[f.source])
        target = self._party(an, an.doc[f.target])
        if source is None or target is None or source == target:
            return None
        if f.kind != "member_of" and _named_by(an, source, f.trigger):
            return None     # the actor "powers backing Haftar" backing Haftar only repeats its own name
        return Relation(kind=f.kind, from_=source, to=target, evidence=an.record.span(*f.evidence), reason=f.reason)

    def _party(self, an: Analysis, tok: Token) -> str | None:
        """The actor a party's head word names, when the head can name one: a word of an actor mention,
        a proper noun, or a party noun ("government", "militias") whose actor comes from a modifier.
        "support for the Turkish plan" names no party, though "Turkish" is an actor."""
        if tok.i in an.token_actor or tok.pos_ == "PROPN" or tok.lemma_.lower() in self.lexicon.parties \
                or tok.lower_ in self.lexicon.parties:
            return an.actor_for(tok)
        return None


def _named_by(an: Analysis, actor_id: str, trigger: int) -> bool:
    """Is the relation's own word inside a mention of this actor ("powers [backing] Haftar")?"""
    actor = an.record.actor(actor_id)
    if actor is None or trigger < 0:
        return False
    at = an.doc[trigger].idx
    return any(m.start <= at < m.end for m in actor.mentions)
