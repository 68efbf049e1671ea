"""Who "he" or "she" is when a pronoun is the speaker of a quote.

News style names a speaker once and then goes on with "he said". The speaker is the most recent person
before the pronoun who was a grammatical subject or the speaker of an earlier quote, and whose gender
(from titles and given names, gender.py) does not clash with the pronoun's. People named inside
quotation marks are not candidates: they are talked about, not talking; an earlier "he" that is the
subject of a main clause stands for whoever it was resolved to. Within the pronoun's own paragraph the
nearest such person wins. Reaching back into an earlier paragraph (two at most), the link is made when
that paragraph offers one compatible person, or goes on about someone with the same pronoun, or else
when one of its people spoke last there; otherwise the pronoun stays unresolved rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.analysis import Analysis
from eventwire.quotes.gender import PRONOUN_GENDER, GenderLexicon
from eventwire.quotes.syntax import name_span

# How many paragraphs before the pronoun's own one are searched for its person.
LOOKBACK_PARAGRAPHS = 2
_SUBJECT = {"nsubj", "nsubjpass"}
_NAME_PARTS = {"compound", "flat", "appos"}


@dataclass(frozen=True)
class Said:
    """Who an earlier quote's speaker turned out to be: an actor, or only the words naming them."""
    actor: str | None
    text: str

    @property
    def key(self) -> str:
        return self.actor or self.text.lower()


@dataclass(frozen=True)
class Candidate:
    who: Said
    token: int
    paragraph: int          # paragraphs back from the pronoun's: 0 is its own


class SpeakerResolver:
    def __init__(self, genders: GenderLexicon) -> None:
        self.genders = genders
        self._doc = None                    # the article the memo below belongs to
        self._memo: dict[int, Said | None] = {}   # pronoun token → who it was (None: unresolved)

    def resolve(self, an: Analysis, pronoun: Token, spoken: dict[int, Said],
                quoted: list[tuple[int, int]]) -> tuple[Said | None, str]:
        """(who, why); who is None when the pronoun stays unresolved. `spoken` maps the token of each
        earlier quote's speaker to who that was; `quoted` holds the character spans inside quotation
        marks."""
        if self._doc is not an.doc:
            self._doc, self._memo = an.doc, {}
        want = PRONOUN_GENDER.get(pronoun.lower_)
        people = [c for c in self._candidates(an, pronoun, spoken, quoted)
                  if want is None or self._gender(an, c.who) in (None, want)]
        if not people:
            return None, "no compatible person before the pronoun"
        best = people[0]
        if best.paragraph == 0:
            return best.who, "pronoun → nearest compatible subject or speaker"
        rivals = [c for c in people if c.paragraph == best.paragraph]
        if len({c.who.key for c in rivals}) == 1:
            return best.who, "pronoun → compatible subject or speaker of the paragraph before"
        if an.doc[best.token].lower_ == pronoun.lower_:
            # the paragraph before goes on about someone as "he" too: the same person
            return best.who, "pronoun → the person the paragraph before calls the same"
        # several people in that paragraph: the one who spoke last there, if anyone did
        speaker = next((c for c in rivals if spoken.get(c.token) == c.who), None)
        if speaker is not None:
            return speaker.who, "pronoun → last speaker of the paragraph before"
        return None, "pronoun left unresolved: two compatible people in the paragraph before"

    def _candidates(self, an: Analysis, pronoun: Token, spoken: dict[int, Said],
                    quoted: list[tuple[int, int]]) -> list[Candidate]:
        text = an.record.text
        out: list[Candidate] = []
        para, seen = 0, set()
        for j in range(pronoun.i - 1, -1, -1):
            t = an.doc[j]
            if "\n" in t.text or "\n" in text[t.idx + len(t.text):an.doc[j + 1].idx]:
                para += 1
                if para > LOOKBACK_PARAGRAPHS:
                    break
            person = t.ent_type_ == "PERSON" and t.i not in an.token_place   # not a town the parser took
            who = spoken.get(j) or (_named_subject(an, t) if person else None) or \
                (self._pronoun_subject(an, t, pronoun, spoken, quoted) if t.dep_ in _SUBJECT else None)
            if who is None or (who.key, para) in seen or any(s <= t.idx < e for s, e in quoted):
                continue
            seen.add((who.key, para))
            out.append(Candidate(who, j, para))
        return out

    def _pronoun_subject(self, an: Analysis, t: Token, pronoun: Token, spoken: dict[int, Said],
                         quoted: list[tuple[int, int]]) -> Said | None:
        """An earlier "he" of the same gender as the subject of its clause ("He argued ... . "...," he
        added"): the story is still about whoever that "he" was."""
        if t.lower_ != pronoun.lower_ or t.head.dep_ != "ROOT":
            return None                     # only the subject of a main clause: "noted that he won't" is not
        if t.i not in self._memo:
            self._memo[t.i] = None          # guards against a cycle while resolving
            self._memo[t.i] = self.resolve(an, t, spoken, quoted)[0]
        return self._memo[t.i]

    def _gender(self, an: Analysis, who: Said) -> str | None:
        actor = an.record.actor(who.actor) if who.actor else None
        names = [actor.name, *(m.text for m in actor.mentions)] if actor is not None else [who.text]
        return self.genders.of_names(names)


def _named_subject(an: Analysis, t: Token) -> Said | None:
    """A person's name (or a word of it) that is the subject of its clause: "Mathur said", "Sen. Jane
    Roe, who chairs the panel, argued", "Harris and Peter Cole met" — not "Roe's statement" or "met
    Roe"."""
    head = t
    while head.dep_ in _NAME_PARTS | {"conj"} and head.head is not head:
        head = head.head
    if head.dep_ not in _SUBJECT:
        return None
    actor = an.token_actor.get(t.i) or an.token_actor.get(head.i)
    if actor is not None and an.record.actor(actor) is not None:
        return Said(actor, an.record.actor(actor).name)
    lo, hi = name_span(head)
    return Said(None, an.record.text[lo:hi])
