"""Acts the story tells as background rather than as its news: in a scene-setting clause ("… after
Russia recognised two regions"), long before the news ("since the army seized power in 2021"), in a
clause that profiles an actor ("which has fought the military for decades"), or dated as history
(`told_as_history`, used by the events stage once the publication date is known).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from eventwire.anchor import clause_head
from eventwire.events.found import FoundEvent
from eventwire.events.modality import ModalityWords


def scene_setting(tok: Token, words: ModalityWords) -> bool:
    """Inside a temporal clause that sets the scene ("… after Russia recognised two regions"): told as
    background to the reported event, not reported itself."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.background_marks for c in cur.children):
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


# Words that put a background clause at a distance from the news ("two years after", "last year", "in 2021").
_DISTANT = frozenset({"year", "years", "month", "months", "decade", "decades", "ago"})


def long_ago(tok: Token) -> bool:
    """A background clause dated apart from the reported news: its own date names a year or a distance
    ("since the army seized power in 2021", "… last year"), or its "after" is measured in months or years
    ("two years after Russia invaded")."""
    clause = tok
    for _ in range(3):
        if clause.dep_ == "advcl" or clause.head is clause:
            break
        clause = clause.head
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark"]
    measured = any(d.lower_ in _DISTANT for m in marks for d in m.subtree) or \
        any(d.lower_ in _DISTANT for c in clause.children if c.dep_ == "npadvmod" for d in c.subtree)
    # the clause's own words, not those of a clause inside it ("… ousted Bongo, whose family had ruled for 56 years")
    nested = {d.i for w in clause.subtree if w is not clause and w.dep_ in ("relcl", "acl", "ccomp", "advcl")
              for d in w.subtree}
    dated = any(w.ent_type_ == "DATE" and (w.lower_ in _DISTANT or (w.is_digit and len(w.text) == 4))
                for w in clause.subtree if w.i not in nested)
    return measured or dated


def profile_clause(tok: Token) -> bool:
    """In a relative clause in the present perfect ("which has fought the military for decades", "whose
    country has been fighting Russia since 2022", "which has applied to join the EU"): the record of
    the noun it describes, not an act the story reports. A past-tense clause ("who seized power on
    Monday") can report one, except on an apposition, which says who the actor is."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            # "Fano, an ethnic Amhara militia that fought alongside federal troops": an apposition's clause
            # describes who the actor is, whatever its tense
            return cur.head.dep_ == "appos" or \
                any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in cur.children)
        if cur.dep_ not in ("xcomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
    return False


# A year this many years or more before publication dates history, not news ("the two sides agreed in 2013
# to normalise relations", "a tribunal ruled in 2016"): the same horizon as the dates stage's background_years.
HISTORY_YEARS = 5
# Clauses inside the act's own clause, whose dates are not the act's.
_CLAUSES = ("relcl", "acl", "ccomp", "advcl", "xcomp", "conj")
# A bare year as a head word ("in 2012, when …").
_YEAR = re.compile(r"^(?:the )?(1[89]\d\d|20\d\d)$")
# "for years", "for three decades": a standing record, not a new act.
_SPANS_OF_TIME = ("year", "decade", "century")


def told_as_history(f: FoundEvent, doc: Doc, published: str | None) -> bool:
    """An asserted act the story tells as history, not news, seen in three ways:
    - its own clause (not clauses inside it) is dated to a year HISTORY_YEARS or more before publication
      ("the two sides agreed in 2013 to normalise relations");
    - it sits in a relative clause hanging from such a year ("in 2012, when four Americans were killed");
    - it is a present-perfect record "for years/decades" ("has hosted Somali refugees for three decades").
    """
    year = (published or "")[:4]
    if not year.isdigit() or f.negated or f.hypothetical:
        return False
    span = doc.char_span(*f.trigger, alignment_mode="expand")
    if span is None:
        return False
    now = int(year)
    verb = clause_head(span.root)
    nested = {d.i for w in verb.subtree if w is not verb and w.dep_ in _CLAUSES for d in w.subtree}
    dated = [int(w.text) for w in verb.subtree if w.i not in nested and w.ent_type_ == "DATE"
             and w.is_digit and len(w.text) == 4]
    if any(now - y >= HISTORY_YEARS for y in dated):
        return True
    for tok in span:
        if tok.dep_ == "relcl" and (m := _YEAR.match(tok.head.text)) and now - int(m.group(1)) >= HISTORY_YEARS:
            return True
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in tok.children)
        if perfect and any(p.dep_ == "prep" and p.lower_ == "for" and o.lemma_.lower() in _SPANS_OF_TIME
                           for p in tok.children for o in p.children if o.dep_ == "pobj"):
            return True
    return False
