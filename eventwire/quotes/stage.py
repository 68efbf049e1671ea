"""Quotes stage: writes the findings of find.py into `record.quotes`, speakers resolved to actors."""
from __future__ import annotations

import re

from eventwire.analysis import Analysis
from eventwire.quotes.find import QuoteFinding, find_quotes
from eventwire.quotes.gender import GenderLexicon
from eventwire.quotes.lexicon import CueLexicon
from eventwire.quotes.marks import find_quoted_regions
from eventwire.quotes.speakers import Said, SpeakerResolver
from eventwire.record import Quote, Record
from eventwire.settings import Settings

# A pronoun speaker ("they said") with no actor of its own is taken to be the last quoted speaker when
# that quote is at most this many sentences back; beyond that the reference is too loose to trust.
PRONOUN_LOOKBACK_SENTENCES = 3
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_PERSONAL = {"he", "she"}
# A summary quote restates a body quote by the same speaker with the same verb when they also share
# this many content words ("talks", "resume", "geneva"); "said" alone links nothing.
MIN_SHARED_WORDS = 2
_FUNCTION_WORDS = {"that", "this", "with", "would", "will", "have", "been", "were", "from", "they", "their",
                   "there", "which", "what", "when", "said", "says", "also", "into", "than", "them", "could",
                   "should", "about", "after", "over", "more"}
_QUOTED = re.compile(r'["“]\s*([^"“”]+?)\s*["”]')


class QuoteStage:
    name = "quotes"
    requires = ("doc", "record.actors", "token_actor")
    assigns = ("record.quotes",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lexicon = CueLexicon.load()
        self.speakers = SpeakerResolver(GenderLexicon.load())

    def __call__(self, an: Analysis) -> None:
        headline_end, summary_end = _summary_zone(an.record)
        found = []
        spoken: dict[int, Said] = {}          # speaker token → who it was, of the quotes so far
        quoted = [(r.open, r.close) for r in find_quoted_regions(an.record.text)]
        for f in find_quotes(an.doc, self.lexicon, body_start=headline_end):
            q = self._quote(an, f, spoken, quoted)
            an.record.quotes.append(q)        # appended now: the next quote may continue this one
            found.append((f, q))
            if f.speaker is not None and q.speaker_text and q.speaker_text.lower() not in _PRONOUNS:
                spoken[f.speaker] = Said(q.speaker, q.speaker_text)
        kept = [q for f, q in found
                if not (f.content[0] < summary_end and _restated(f, q, found, summary_end, an.record.text))]
        for n, q in enumerate(kept, 1):
            q.id = f"Q{n}"
        an.record.quotes[:] = kept

    def _quote(self, an: Analysis, f: QuoteFinding, spoken: dict[int, Said],
               quoted: list[tuple[int, int]]) -> Quote:
        rec = an.record
        q = Quote(id=f"Q{len(rec.quotes) + 1}", content=rec.span(*f.content), direct=f.direct,
                  medium=f.medium, reason=f.reason, cue=rec.span(*f.cue) if f.cue else None,
                  parts=[rec.span(*p) for p in f.parts])
        prev = rec.quotes[-1] if rec.quotes else None
        if f.continues and prev is not None:
            q.speaker, q.speaker_text, q.medium = prev.speaker, prev.speaker_text, q.medium or prev.medium
            return q
        if f.speaker is None:
            return q
        tok = an.doc[f.speaker]
        q.speaker_text = rec.text[f.speaker_span[0]:f.speaker_span[1]] if f.speaker_span else tok.text
        q.speaker = an.actor_for(tok)
        near = prev is not None and _sentences_between(an, prev, f) <= PRONOUN_LOOKBACK_SENTENCES
        if q.speaker is None and near and tok.lemma_.lower() in self.lexicon.formats:
            # "the statement said": the statement of whoever was last quoted
            q.speaker, q.speaker_text = prev.speaker, prev.speaker_text
            q.reason = f"{q.reason}; document → previous speaker"
        elif tok.lower_ in _PERSONAL:
            who, why = self.speakers.resolve(an, tok, spoken, quoted)   # not the actors stage's guess
            q.reason = f"{q.reason}; {why}"
            q.speaker = who.actor if who is not None else None
            q.speaker_text = who.text if who is not None else tok.text
        elif tok.lower_ in _PRONOUNS:
            _resolve_pronoun(an, q, tok.i, prev if near else None)
        return q


def _resolve_pronoun(an: Analysis, q: Quote, i: int, prev: Quote | None) -> None:
    """ "they said", "it said", "we said": the actors stage's antecedent, else the previous quote's
    speaker (`prev`, given when it is near). The words naming the speaker become the antecedent's.
    ("he"/"she" go to speakers.py, which checks gender and who spoke last.)"""
    if q.speaker is None and prev is not None:
        q.speaker = prev.speaker
        q.reason = f"{q.reason}; pronoun → previous speaker"
    if prev is not None and prev.speaker_text and prev.speaker == q.speaker:
        q.speaker_text = prev.speaker_text
    elif q.speaker is not None and an.record.actor(q.speaker) is not None:
        q.speaker_text = an.record.actor(q.speaker).name


def _sentences_between(an: Analysis, prev: Quote, f: QuoteFinding) -> int:
    a = prev.content.end if prev.content else 0
    return sum(1 for s in an.record.sentences if a <= s.start < f.content[0])


def _restated(f: QuoteFinding, q: Quote, found: list[tuple[QuoteFinding, Quote]], body: int, text: str) -> bool:
    """A headline or standfirst quote that the body reports again (the same words, a word it quotes,
    or the same speaker with the same cue verb) is the summary of that quote, not a second statement."""
    if q.content is None:
        return False
    around = text[max(0, q.content.start - 1):q.content.end + 1]
    fragments = [m.lower() for m in _QUOTED.findall(around)]
    for g, other in found:
        if g.content[0] < body or other.content is None:
            continue
        said = other.content.text.lower()
        same_words = q.content.text.strip(" .").lower() in said or \
            any(re.search(rf"\b{re.escape(f)}\b", said) for f in fragments)
        same_act = f.cue_lemma is not None and f.cue_lemma == g.cue_lemma and \
            (q.speaker is not None and q.speaker == other.speaker or
             q.speaker_text is not None and q.speaker_text == other.speaker_text) and \
            len(_content_words(q.content.text) & _content_words(said)) >= MIN_SHARED_WORDS
        if same_words or same_act:
            return True
    return False


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _FUNCTION_WORDS}


def _summary_zone(rec: Record) -> tuple[int, int]:
    """Ends of the headline and of the standfirst when the text opens with them (0 when absent)."""
    ends, pos = [], 0
    for part in (rec.title, rec.standfirst):
        i = rec.text.find(part, pos) if part else -1
        if i >= 0 and not rec.text[pos:i].strip():
            pos = i + len(part)
        ends.append(pos)
    return ends[0], ends[1]
