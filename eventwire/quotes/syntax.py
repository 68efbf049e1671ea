"""Small readings of the dependency parse that quote finding needs: is this token a cue, who is the
subject of a verb, which words name a speaker, which medium a statement went through."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.quotes.lexicon import CueLexicon

# Dependents that are not part of the words naming someone ("Altun, Turkey's communications director"
# → "Altun"; "officials who spoke on condition of anonymity" → "officials").
_NOT_NAME = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
_RELATIVE = {"who", "which", "that", "whom"}
SPEECH, DIRECTIVE, LABEL, PREPOSITION = "speech", "directive", "label", "preposition"


@dataclass(frozen=True)
class Cue:
    kind: str            # speech | directive | label | preposition
    first: int           # token indices of the cue words, first..last inclusive
    last: int
    head: int            # the token the cue hangs from: the verb, or "according"
    default_medium: str | None = None


def cue_at(tok: Token, lex: CueLexicon) -> Cue | None:
    """The cue starting at `tok`, if any: "said", "called on", "according to"."""
    lemma = tok.lemma_.lower()
    for words in lex.prepositions:
        if tok.lower_ == words[0] and _words_follow(tok, words):
            return Cue(PREPOSITION, tok.i, tok.i + len(words) - 1, tok.i)
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    if lemma in lex.speech:
        return Cue(SPEECH, tok.i, tok.i, tok.i, lex.speech[lemma])
    if lemma in lex.directive:
        particles = lex.directive[lemma]
        if not particles:
            return Cue(DIRECTIVE, tok.i, tok.i, tok.i)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in particles:
            return Cue(DIRECTIVE, tok.i, nxt.i, tok.i)
    if lemma in lex.label:
        return Cue(LABEL, tok.i, tok.i, tok.i)
    return None


def _words_follow(tok: Token, words: tuple[str, ...]) -> bool:
    doc = tok.doc
    if tok.i + len(words) > len(doc):
        return False
    return all(doc[tok.i + k].lower_ == w for k, w in enumerate(words))


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a cue verb, looking through coordination ("said ... and added"),
    relative clauses ("Altun, who said ...") and catenatives ("went on to say")."""
    seen = 0
    while seen < 4:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head is not verb:
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
            # "He was quoted as saying ...": the subject of the verb the preposition hangs from
            gov = verb.head.head
            passive = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
            verb, seen = gov, seen + 1
            continue
        return None
    return None


def prepositional_source(cue: Cue, doc) -> Token | None:
    """The object of "according to": the source the clause is attributed to."""
    last = doc[cue.last]
    return next((c for c in last.children if c.dep_ == "pobj"), None) or \
        next((c for c in doc[cue.head].subtree if c.dep_ == "pobj"), None)


def document_source(tok: Token, lex: CueLexicon) -> Token | None:
    """Who stands behind a statement named as the speaker: "a statement from the army", "a report by
    Amnesty International" → the army, Amnesty International."""
    if tok.lemma_.lower() not in lex.formats and tok.lower_ not in lex.formats:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def name_span(head: Token) -> tuple[int, int]:
    """Character span of the words naming `head`: its noun phrase without appositions, relative
    clauses, parentheses or coordinated names, and without a leading determiner."""
    lo, hi = _name_bounds(head)
    doc = head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _name_bounds(head: Token) -> tuple[int, int]:
    keep = _name_tokens(head)
    # the contiguous run of kept tokens around the head
    lo = hi = head.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = head.doc
    while lo < hi and doc[lo].dep_ in ("det", "predet") and doc[lo].lower_ in ("the", "a", "an", "all"):
        lo += 1
    return lo, hi


def _name_tokens(head: Token) -> set[int]:
    keep = {head.i}
    frontier = [head]
    while frontier:
        t = frontier.pop()
        for c in t.children:
            if c.dep_ in _NOT_NAME or c.is_space:
                continue
            keep.add(c.i)
            frontier.append(c)
    return keep


def medium_of(verb: Token, lex: CueLexicon, default: str | None = None) -> tuple[str | None, str | None]:
    """(medium, rule) for a cue verb: "on Twitter", "in a statement", "told reporters"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "via", "through", "in", "at", "during"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            phrase = _phrase(obj)
            if c.lower_ in ("on", "via", "through") and _known(phrase, obj, lex.platforms):
                return phrase, "medium:platform"
            if _known(phrase, obj, lex.formats):
                return _with_partner(phrase, obj), "medium:format"
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell":
            phrase = _phrase(c)
            if _known(phrase, c, lex.audiences):
                return phrase, "medium:audience"
    return (default, "medium:cue") if default else (None, None)


def _phrase(tok: Token) -> str:
    """The noun with its compounds and adjectives, without determiners ("a joint statement" → "joint
    statement"): the medium as a short label."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and not c.is_punct]
    start = min([tok.i] + [c.left_edge.i for c in left])
    return tok.doc[start:tok.i + 1].text


def _known(phrase: str, tok: Token, known: set[str]) -> bool:
    p = " ".join(phrase.lower().split())
    return p in known or tok.lemma_.lower() in known or tok.lower_ in known or \
        " ".join(p.split()[-2:]) in known


def _with_partner(phrase: str, obj: Token) -> str:
    """ "interview with CNN" keeps who the interview was with."""
    w = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    partner = next((o for o in w.children if o.dep_ == "pobj"), None) if w is not None else None
    if partner is None:
        return phrase
    lo, hi = _name_bounds(partner)
    return f"{phrase} with {obj.doc[lo:hi + 1].text}"
