"""Finding quotes in a parsed article: pure functions from (doc, lexicon) to `QuoteFinding`s.

Direct quotes start from the quotation marks (marks.py) and look for the cue that attributes them:
  1. through the parse — a cue verb among the ancestors of the quoted words
     (Altun said Turkey is "a capable country ..."; UNSMIL urged the two sides to "halt ...");
  2. after the closing mark, in the same sentence ("...," Fahrettin Altun, ..., said on Twitter.);
  3. before the opening mark, ending in ":" or "," (He said: "...").
A quote with no cue of its own that follows another one closely continues it (same speaker).
Indirect speech is the clausal complement of a speech verb ("Altun said Turkey is ..."), the to-clause
of a directive ("urged the two sides to ...") or the clause an "according to" phrase attributes.
Writing into the record (and resolving speakers to actors) is the stage's job, not this module's.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventwire.quotes.lexicon import CueLexicon
from eventwire.quotes.marks import QuotedRegion, find_quoted_regions
from eventwire.quotes.syntax import DIRECTIVE, LABEL, PREPOSITION, SPEECH, Cue, cue_at, document_source, \
    medium_of, name_span, prepositional_source, subject_of

# A single quoted word is a scare quote or a name ("invest", "neutralise"), even under a cue verb;
# two words under a cue are a quoted phrase (a response "without limits"). Quoted words with no cue
# at all are titles or scare quotes, whatever their length.
MIN_DIRECT_WORDS = 2
# An indirect clause needs a verb and something else ("he said so" reports nothing).
MIN_INDIRECT_WORDS = 2
# How far up the parse a quoted phrase may sit below its cue (quote → clause → cue is 2 steps).
MAX_ANCESTOR_STEPS = 4
# Tokens between a closing mark and its cue: room for "Fahrettin Altun, Turkey's communications
# director, said".
MAX_TRAIL_TOKENS = 25
# A quote with no cue continues the previous one only when it is this close (characters between).
MAX_CONTINUATION_GAP = 400
MIN_CONTINUATION_WORDS = 4
_SENTENCE_END = {".", "!", "?"}
_TITLE_SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "de", "al"}
_MARKS = {'"', "“", "”"}
_WORD = re.compile(r"\w+(?:['’]\w+)*")          # "don't" and "We’re" are one word each
# A dash signing a quote with a name: '"…" ― Jane Roe' (horizontal bar, em or en dash, or a spaced hyphen).
_DASH = re.compile(r"\s*([―—–]|(?<=\s)-(?=\s))[ \t]*")
MAX_SIGNATURE_CHARS = 60
# Words that put the next quoted words at a distance instead of quoting anyone: 'its so-called "reforms"'.
_SCARE = re.compile(r"\b(?:so[- ]called|self[- ]styled|supposed|alleged)\s*$", re.I)
# A wire dateline opening the first paragraph: "KYIV, Nov 22 (Reuters) - ", "GAZA (AP) — ".
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{1,40}(?:,[^\n()]{0,40})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]{1,2}\s+")


@dataclass(frozen=True)
class QuoteFinding:
    content: tuple[int, int]                  # character span of what was said
    direct: bool
    reason: str                               # which rule linked content and cue
    cue: tuple[int, int] | None = None        # character span of the cue words
    speaker: int | None = None                # token index of the speaker's head word
    speaker_span: tuple[int, int] | None = None
    medium: str | None = None
    continues: bool = False                   # no cue of its own: the previous quote's speaker goes on
    cue_lemma: str | None = None              # "say", "call", "according"
    # every quoted piece of one utterance split by its attribution ('"We will win," she said. "Nobody
    # doubts it."'), in order, `content` being the first (the second after a lead-in of under four
    # words: '"It's sad," she said. "This town ..."'); empty when the quote is one piece
    parts: tuple[tuple[int, int], ...] = ()


def find_quotes(doc: Doc, lex: CueLexicon, *, body_start: int = 0) -> list[QuoteFinding]:
    """All quotes in `doc`, in text order. Indirect speech before `body_start` (the headline, which
    paraphrases the story) is not reported; direct quotes there are."""
    text = doc.text                           # built from the tokens on each access: read it once
    starts = [t.idx for t in doc]
    regions = find_quoted_regions(text)
    quoted = _quoted_tokens(starts, regions)
    direct, used_cues = _direct_quotes(doc, text, starts, regions, quoted, lex)
    indirect = _indirect_quotes(doc, text, lex, quoted, used_cues,
                                [p for f in direct for p in f.parts or (f.content,)], body_start)
    return sorted(direct + indirect, key=lambda f: f.content)


# ---- direct quotes ----------------------------------------------------------------------------
def _quoted_tokens(starts: list[int], regions: list[QuotedRegion]) -> set[int]:
    """Indices of the tokens inside quotation marks (marks included): no cue is read there."""
    inside: set[int] = set()
    for r in regions:
        inside.update(range(bisect_left(starts, r.open), bisect_left(starts, r.close + 1)))
    return inside


def _direct_quotes(doc: Doc, text: str, starts: list[int], regions: list[QuotedRegion], quoted: set[int],
                   lex: CueLexicon) -> tuple[list[QuoteFinding], set[int]]:
    out: list[QuoteFinding] = []
    used: set[int] = set()
    last: QuotedRegion | None = None
    for r in regions:
        if len(_WORD.findall(text[r.start:r.end])) < MIN_DIRECT_WORDS or _is_title(doc, r) or \
                _SCARE.search(text, max(0, r.open - 20), r.open):
            continue
        dashed = _dash_attribution(doc, text, starts, r)
        if dashed is not None:            # '"…" ― Jane Roe': a byline under the quote, no verb
            out.append(dashed)
            last = r
            continue
        linked = _linked_cue(doc, text, starts, r, quoted, lex)
        same_cue = linked is not None and out and out[-1].cue is not None and \
            out[-1].cue[0] == doc[linked[0].first].idx
        lead_in = out and not out[-1].parts and \
            len(_WORD.findall(text[out[-1].content[0]:out[-1].content[1]])) < MIN_CONTINUATION_WORDS
        if lead_in and (same_cue or linked is None and last is not None and _continues(text, last, r)):
            # '"It's heartbreaking," Ryan said. "And this country has to …"': a short lead-in, then the
            # statement itself — one utterance whose content is the statement
            out[-1] = replace(_with_part(out[-1], (r.start, r.end)), content=(r.start, r.end))
        elif same_cue or linked is None and last is not None and _continues(text, last, r) and \
                _same_paragraph(text, last, r):
            out[-1] = _with_part(out[-1], (r.start, r.end))   # one utterance split by its attribution
        elif linked is not None:
            cue, rule = linked
            used.add(cue.head)
            out.append(_with_speaker(doc, (r.start, r.end), cue, lex, direct=True, reason=f"direct:{rule}",
                                     quoted=quoted))
        elif last is not None and _continues(text, last, r):
            out.append(QuoteFinding((r.start, r.end), True, "direct:continues previous quote", continues=True))
        else:
            continue                      # quoted words nobody is said to have said: not a quote
        last = r
    return out, used


def _with_part(f: QuoteFinding, piece: tuple[int, int]) -> QuoteFinding:
    return replace(f, parts=(f.parts or (f.content,)) + (piece,))


def _same_paragraph(text: str, prev: QuotedRegion, r: QuotedRegion) -> bool:
    """The same paragraph, or the next one when nothing but the previous quote's attribution stands
    between ('"...," he said.' ¶ '"And ..."'): one utterance."""
    gap = text[prev.close:r.open]
    return len(re.findall(r"\n\s*", gap)) <= 1


def _is_title(doc: Doc, r: QuotedRegion) -> bool:
    """A name in quotation marks, not speech: every content word capitalised and no verb ("the
    "Black Sea Grain Initiative"", "the "Future of Europe" conference"), or the quoted words are only
    a noun's name-like modifier ("the "land for peace" formula"). Adjectives stay: the parser often
    reads a quoted manner ("hit them "very fast and very hard"") as one."""
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    titled = all(t.is_title or t.is_upper or t.lower_ in _TITLE_SMALL for t in words) and \
        not any(t.pos_ in ("VERB", "AUX") for t in span)
    heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    modifier = bool(heads) and all(t.dep_ in ("compound", "nmod", "poss") for t in heads)
    return titled or modifier


def _linked_cue(doc: Doc, text: str, starts: list[int], r: QuotedRegion, quoted: set[int],
                lex: CueLexicon) -> tuple[Cue, str] | None:
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    if span is None:
        return None
    outside = lambda t: t.i not in quoted  # noqa: E731
    lead = text[:r.open].rstrip()
    if lead.endswith(":") or lead.endswith(",") and _cue_right_before(doc, starts, r, lex, outside):
        # 'Cruz continued: "…"', 'Trump boasted, "…"': the punctuation points at the cue
        before = _cue_before(doc, text, starts, r, lex, outside)
        if before is not None:
            return before
    return _cue_by_syntax(span, lex, outside) or _cue_after(doc, text, starts, r, lex, outside) or \
        _cue_before(doc, text, starts, r, lex, outside)


def _cue_right_before(doc: Doc, starts: list[int], r: QuotedRegion, lex: CueLexicon, outside) -> bool:
    """A speech verb just before the comma that opens the quote: 'Trump boasted, "…"'."""
    end = bisect_left(starts, r.open)
    words = [t for t in doc[max(0, end - 3):end] if not t.is_punct]
    return bool(words) and outside(words[-1]) and (cue_at(words[-1], lex) or Cue("", 0, 0, 0)).kind == SPEECH


def _dash_attribution(doc: Doc, text: str, starts: list[int], r: QuotedRegion) -> QuoteFinding | None:
    """ '"…" ― Jane Roe' / '"…" — Jane Roe, a teacher': the quote signed with a dash and a person's name."""
    m = _DASH.match(text, r.close + 1)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    if "\n" in m.group(0) and (line_end if line_end >= 0 else len(text)) - m.end() > MAX_SIGNATURE_CHARS:
        return None                           # a signature on its own line is short: "- Hillary Clinton."
    i = bisect_left(starts, m.end())
    if i >= len(doc) or doc[i].ent_type_ != "PERSON":
        return None
    j = i
    while j + 1 < len(doc) and doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I":
        j += 1
    name = (doc[i].idx, doc[j].idx + len(doc[j].text))
    return QuoteFinding((r.start, r.end), True, "direct:dash and name after the quote", cue=m.span(1),
                        speaker=j, speaker_span=name, cue_lemma="―")


def _cue_by_syntax(span: Span, lex: CueLexicon, outside) -> tuple[Cue, str] | None:
    best: tuple[int, Cue] | None = None
    for t in span:
        if t.head.i in range(span.start, span.end) or t.head is t or t.is_punct:
            continue
        a, steps = t.head, 0
        while steps < MAX_ANCESTOR_STEPS:
            cue = cue_at(a, lex) if outside(a) else None
            if cue is not None and cue.kind in (SPEECH, DIRECTIVE, LABEL):
                dist = min(abs(a.i - span.start), abs(a.i - span.end))
                if best is None or dist < best[0]:
                    best = (dist, cue)
                break
            if a.head is a:
                break
            a, steps = a.head, steps + 1
    return (best[1], "syntax") if best else None


def _cue_after(doc: Doc, text: str, starts: list[int], r: QuotedRegion, lex: CueLexicon,
               outside) -> tuple[Cue, str] | None:
    # an attribution tag follows a whole utterance: '"...," he said' / '"...?" she asked' /
    # '"...", according to X' — not a phrase that runs on ('as "an act of terror" and vowed to respond')
    before, after = text[r.close - 1:r.close], text[r.close + 1:r.close + 2]
    if before not in (",", ".", "?", "!") and after != ",":
        return None
    start = bisect_left(starts, r.close + 1)
    for t in doc[start:start + MAX_TRAIL_TOKENS]:
        if t.text in _MARKS or (t.text in _SENTENCE_END and t.i > start) or "\n" in t.text:
            break                             # the attribution is in the quote's own sentence
        cue = cue_at(t, lex) if outside(t) else None
        if cue is not None and cue.kind in (SPEECH, DIRECTIVE, PREPOSITION):   # '"...?" asked X'
            return cue, "cue after the quote"
    return None


def _cue_before(doc: Doc, text: str, starts: list[int], r: QuotedRegion, lex: CueLexicon,
                outside) -> tuple[Cue, str] | None:
    lead = text[:r.open].rstrip()
    if not lead.endswith((":", ",")):
        return None
    end = bisect_left(starts, r.open)
    while lead.endswith(":") and end > 0 and doc[end - 1].is_space:
        end -= 1                              # 'Cruz continued:' ¶ '"…"': the colon reaches the next paragraph
    for t in reversed(doc[max(0, end - MAX_TRAIL_TOKENS):end]):
        if t.text in _MARKS or t.text in _SENTENCE_END or "\n" in t.text:
            break
        cue = cue_at(t, lex) if outside(t) else None
        if cue is not None and cue.kind == SPEECH:
            return cue, "cue before the quote"
    return None


def _continues(text: str, prev: QuotedRegion, r: QuotedRegion) -> bool:
    """News style: '"We will fight," he said. "We will never give up."' — the second quote has no cue."""
    gap = text[prev.close + 1:r.open]
    lead = text[:r.open].rstrip()
    at_sentence_start = not lead or lead[-1] in ".!?\"”" or text[r.open - 1] == "\n"
    return len(gap) <= MAX_CONTINUATION_GAP and at_sentence_start and \
        len(_WORD.findall(text[r.start:r.end])) >= MIN_CONTINUATION_WORDS


# ---- indirect speech -------------------------------------------------------------------------
def _indirect_quotes(doc: Doc, text: str, lex: CueLexicon, quoted: set[int], used: set[int],
                     taken: list[tuple[int, int]], body_start: int) -> list[QuoteFinding]:
    out: list[QuoteFinding] = []
    for tok in doc:
        if tok.idx < body_start or tok.i in used or tok.i in quoted:
            continue
        cue = cue_at(tok, lex)
        if cue is None or cue.kind == DIRECTIVE and not lex.report_requests:
            continue
        clause = _reported_clause(doc, text, cue, lex)
        if clause is None or any(s < clause[1] and clause[0] < e for s, e in taken):
            continue
        if len(_WORD.findall(text[clause[0]:clause[1]])) < MIN_INDIRECT_WORDS:
            continue
        found = _with_speaker(doc, clause, cue, lex, direct=False, reason=f"indirect:{cue.kind}", quoted=quoted)
        if found.speaker is not None:
            out.append(found)
            taken.append(clause)
    return out


def _reported_clause(doc: Doc, text: str, cue: Cue, lex: CueLexicon) -> tuple[int, int] | None:
    head = doc[cue.head]
    if cue.kind == SPEECH:
        comp = next((c for c in head.children if c.dep_ == "ccomp"), None) or _that_clause_after_medium(head, lex)
        return _clause_span(comp, text, skip=("that",)) if comp is not None else None
    if cue.kind == DIRECTIVE:
        for c in head.children:
            if c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
                return _clause_span(c, text, skip=("to",))
        return None
    if cue.kind == PREPOSITION:
        return _attributed_clause(doc, text, cue)
    return None                               # label verbs quote phrases, they report no clause


def _that_clause_after_medium(verb: Token, lex: CueLexicon) -> Token | None:
    """ "said in a statement that two soldiers were killed": the parser may hang the that-clause on
    "statement" instead of on "said"."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in lex.formats):
            for clause in obj.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and \
                        any(m.lower_ == "that" and m.dep_ == "mark" for m in clause.children):
                    return clause
    return None


def _attributed_clause(doc: Doc, text: str, cue: Cue) -> tuple[int, int] | None:
    """The clause an "according to X" phrase hangs from, without the phrase itself."""
    prep = doc[cue.head]
    verb = prep.head
    if verb is prep:
        return None
    phrase = {t.i for t in prep.subtree}
    toks = [t for t in verb.subtree if t.i not in phrase]
    side = [t for t in toks if t.i < prep.i] if prep.i > verb.i else [t for t in toks if t.i > prep.right_edge.i]
    return _trimmed(side, text)


def _clause_span(head: Token, text: str, *, skip: tuple[str, ...]) -> tuple[int, int] | None:
    toks = list(head.subtree)
    # a trailing "according to X" attributes the clause again; it is not part of what was said
    cut = next((t for t in toks if t.lower_ == "according" and t.right_edge.i == toks[-1].i), None)
    if cut is not None and cut.i > toks[0].i:
        toks = [t for t in toks if t.i < cut.i]
    # "said that ...", "urged X to ...": the complementiser is not what was said (a determiner
    # "that" — "said that deal was dead" — stays)
    while len(toks) > 1 and toks[0].lower_ in skip and toks[0].dep_ != "det" and toks[0] is not head:
        toks = toks[1:]
    return _trimmed(toks, text)


def _trimmed(toks: list[Token], text: str) -> tuple[int, int] | None:
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    dateline = _DATELINE.match(text, start, end)   # "KYIV, Nov 22 (Reuters) - Russia said"
    return (dateline.end(), end) if dateline and dateline.end() < end else (start, end)


# ---- speaker, cue and medium -----------------------------------------------------------------
def _with_speaker(doc: Doc, content: tuple[int, int], cue: Cue, lex: CueLexicon, *, direct: bool,
                  reason: str, quoted: set[int]) -> QuoteFinding:
    verb = doc[cue.head]
    if cue.kind == PREPOSITION:
        speaker = prepositional_source(cue, doc)
        medium = None
    else:
        speaker = subject_of(verb)
        if speaker is None or speaker.i in quoted:   # '"... Full panic mode," said X': a misparse
            speaker = _subject_before(verb, quoted)
        if speaker is None:
            speaker = _inverted_subject(verb)
        medium, _ = medium_of(verb, lex, cue.default_medium)
    behind = document_source(speaker, lex) if speaker is not None else None
    if behind is not None:                    # "a statement from the army said" → the army, in a statement
        medium = medium or speaker.lemma_.lower()
        speaker = behind
    elif speaker is not None and speaker.lemma_.lower() in lex.formats:
        medium = medium or speaker.lemma_.lower()    # "the statement said": who issued it is resolved later
    cue_span = (doc[cue.first].idx, doc[cue.last].idx + len(doc[cue.last].text))
    return QuoteFinding(content, direct, reason, cue=cue_span, cue_lemma=verb.lemma_.lower(),
                        speaker=speaker.i if speaker is not None else None,
                        speaker_span=name_span(speaker) if speaker is not None else None, medium=medium)


def _subject_before(verb: Token, quoted: set[int]) -> Token | None:
    """ '"...," Ramos, 58, told AFP': the first name between the closing mark and the verb, when the
    parser took a word of the quote for the subject."""
    j = verb.i - 1
    while j >= 0 and j not in quoted and verb.i - j <= MAX_TRAIL_TOKENS:
        j -= 1
    if j not in quoted:
        return None                           # no quote just before the verb
    for t in verb.doc[j + 1:verb.i]:
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
            while t.dep_ in ("compound", "flat", "poss") and t.head.i < verb.i and t.head is not t:
                t = t.head
            return t
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., said Altun": a name right after the verb when the parser found no subject."""
    for t in verb.doc[verb.i + 1:verb.i + 4]:
        if t.text in _MARKS:
            break                              # the quote itself, not its speaker
        if t.ent_type_ in ("DATE", "TIME"):
            continue                           # '"…," said Wednesday a White House official'
        if t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ != "pobj":
            return t.head if t.dep_ == "compound" else t
        if t.is_punct:
            break
    return None
