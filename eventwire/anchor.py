"""Anchor stage: gives each event (and count) its date and place from the dates and places found earlier.

Events take the date of their own clause, else of their sentence, else the publication date; and the most
specific place their clause, sentence or paragraph supports, else none (never the dateline by default).
The anchor stage owns `event.date`/`event.place` and `count.date`/`count.place`: it sets them all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.analysis import Analysis
from eventwire.record import DateMention, Place, Span
from eventwire.settings import Settings

# Dependents that open a clause of their own: a date or place inside one belongs to that clause's verb
# ("…, which were agreed in 2015, …"), not to the verb it hangs from.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "acl", "csubj"}
# Most specific first: a city (or a named facility) over a region over a country.
SPECIFICITY = {"city": 0, "other": 1, "region": 2, "country": 3}
# Place roles (places stage) that may place an event: the text uses the name as a location.
ANCHOR_ROLES = frozenset({"locative", "dateline"})
# Verbs of clauses that state where an actor is or when it began, not where or when anything happened.
DESCRIPTIVE_VERBS = {"base", "headquarter", "locate", "station", "found", "establish", "form", "create",
                     "bear", "know", "operate", "live", "headquartered", "based"}
# A dateline opening a paragraph: "TRIPOLI, Libya (Reuters) - ", "Kyiv, Ukraine — ", "ANKARA: ". It says
# where the reporter filed from, not where anything happened.
DATELINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*|[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
                      r"(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)*)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:—|–|--?|:)[ \t]")


@dataclass(frozen=True)
class Anchor:
    date: str | None
    place: str | None
    date_from: str               # clause | sentence | publication | none
    place_from: str              # clause | sentence | paragraph | none


class AnchorStage:
    name = "anchor"
    requires = ("record.events", "record.places", "record.dates", "token_place", "token_date")
    assigns = ("event.date", "event.place", "count.place", "count.date")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, an: Analysis) -> None:
        rec = an.record
        places = {p.id: p for p in rec.places}
        skip = dateline_tokens(an.doc, rec.text)
        token_place = {i: pid for i, pid in an.token_place.items() if i not in skip}
        for ev in rec.events:
            tok = _token_for(an.doc, ev.trigger or ev.evidence)
            if tok is not None:
                a = find_anchor(an.doc, tok, an.token_date, token_place, places, rec.published, rec.text)
                ev.date, ev.place = a.date, a.place
            elif ev.date is None:
                ev.date = rec.published
        for c in rec.counts:
            tok = _token_for(an.doc, c.evidence)
            if tok is not None:
                a = find_anchor(an.doc, tok, an.token_date, token_place, places, rec.published, rec.text)
                c.date, c.place = a.date, a.place


def find_anchor(doc: Doc, tok: Token, token_date: dict[int, DateMention], token_place: dict[int, str],
                places: dict[str, Place], published: str | None, text: str | None = None) -> Anchor:
    """The date and place of what `tok` (an event trigger or a count) reports."""
    clause = clause_tokens(clause_head(tok))
    described = descriptive_tokens(tok)
    sent = set(range(tok.sent.start, tok.sent.end)) - described
    date, date_from = _nearest_date(tok, clause, token_date), "clause"
    if date is None:
        date, date_from = _nearest_date(tok, sent, token_date), "sentence"
    if date is None:
        date, date_from = published, "publication" if published else "none"
    place, place_from = _best_place(tok, clause, token_place, places), "clause"
    if place is None:
        place, place_from = _best_place(tok, sent, token_place, places), "sentence"
    if place is None:
        para = set(_paragraph(doc, tok, text or doc.text)) - described
        place, place_from = _best_place(tok, para, token_place, places), "paragraph"
    if place is None:
        place_from = "none"
    return Anchor(date, place, date_from, place_from)


def dateline_tokens(doc: Doc, text: str | None = None) -> set[int]:
    """Token indices of datelines at the start of paragraphs (never an event's place by default)."""
    out: set[int] = set()
    for m in DATELINE.finditer(text or doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def clause_head(tok: Token) -> Token:
    """The verb heading the clause `tok` belongs to (a noun trigger such as "attack" climbs to its verb)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def descriptive_tokens(tok: Token) -> set[int]:
    """Tokens of clauses that describe a standing fact about a noun rather than report the event: "the
    group, founded in 2015, attacked…", "Haftar's militia, based in eastern Libya" (unless the event itself
    is inside one). Other clauses on nouns often carry the event's own time and place through a misparse
    ("drones that crossed its airspace on Saturday night"), so they stay."""
    out: set[int] = set()
    for t in tok.sent:
        if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") \
                and t.lemma_.lower() in DESCRIPTIVE_VERBS:
            sub = {d.i for d in t.subtree}
            if tok.i not in sub:
                out |= sub
    return out


def clause_tokens(head: Token) -> set[int]:
    """Token indices of the clause under `head`, leaving out the clauses nested in it."""
    out, stack = set(), [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            nested = c.dep_ in CLAUSE_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
            if not nested:
                stack.append(c)
    return out


def _nearest_date(tok: Token, scope, token_date: dict[int, DateMention]) -> str | None:
    hits = [(abs(i - tok.i), i) for i in scope if i in token_date]
    return token_date[min(hits)[1]].value if hits else None


def _best_place(tok: Token, scope, token_place: dict[int, str], places: dict[str, Place]) -> str | None:
    """Only a place the text uses as a location ("in Kharkiv"), never a name for a government ("Russia said")."""
    hits = [(SPECIFICITY.get(places[pid].kind, 1), abs(i - tok.i), pid)
            for i in scope if (pid := token_place.get(i)) in places and places[pid].role in ANCHOR_ROLES]
    return min(hits)[2] if hits else None


def _paragraph(doc: Doc, tok: Token, text: str) -> range:
    """Token indices of the paragraph (text between line breaks) holding `tok`."""
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    span = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(tok.sent.start, tok.sent.end)


def _token_for(doc: Doc, span: Span | None) -> Token | None:
    if span is None:
        return None
    s = doc.char_span(span.start, span.end, alignment_mode="expand")
    return s.root if s is not None and len(s) else None
