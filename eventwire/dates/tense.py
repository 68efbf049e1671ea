"""Past, future or neither: the tense of the clause that holds a date expression, read from the parse.

A month or day named without its year ("in October", "Dec. 7") is the nearest such date to publication,
unless the verb that governs it says which side of publication it lies on: "sold the unit in October"
(past tense) is the October before, "will sell it in October" or "agreed to sell it in October" the one
after. Present tense, adjectives and nouns ("payable Dec. 7", "takes effect Nov. 13", "the Dec. 7
deadline") say nothing, and leave the nearest date.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, FUTURE = "past", "future"
_PERFECT = {"have", "has", "had", "'ve", "'d"}
_END_POINTS = {"until", "till", "to", "through", "by"}


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def governing_verb(tok: Token) -> Token | None:
    """The verb (or auxiliary) a few steps up the parse from `tok`, if there is one."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 5:
        tok, steps = tok.head, steps + 1
    return tok if tok.pos_ in ("VERB", "AUX") else None


def clause_tense(doc: Doc, start: int, rules) -> str | None:
    """FUTURE, PAST or None for the date expression starting at character `start`."""
    tok = token_at(doc, start)
    verb = governing_verb(tok) if tok is not None else None
    if verb is None:
        return None
    if _future(verb, rules):
        return FUTURE
    path = _path(tok, verb)
    words = {t.lower_ for t in path}
    if "since" in words:                              # "since March", "since the Oct. 23 attack"
        return PAST
    if words & _END_POINTS:                           # "extended the offer to Nov. 20": a deadline may lie ahead
        return None
    if any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in path[1:-1]):
        return None        # the date belongs to a thing, not to the verb: "payable Dec. 7", "a cut in September"
    for _ in range(3):
        if _past(verb):
            return PAST
        # a bare participle or a conjoined verb takes its tense from the verb it hangs on ("rising to a
        # high in June", "… and closed the plant in May"); a to-infinitive ("ordered to leave by May") and
        # a participle with its own auxiliary ("is calling for …") do not
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        climbs = (verb.tag_ == "VBG" and not own_aux and verb.dep_ in ("advcl", "acl", "conj", "xcomp")) \
            or (verb.dep_ == "conj" and verb.tag_ != "VB")
        if not climbs or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = verb.head
    return None


def _path(tok: Token, top: Token) -> list[Token]:
    out = [tok]
    while tok.i != top.i and tok.head.i != tok.i and len(out) < 8:
        tok = tok.head
        out.append(tok)
    return out


def is_future(doc: Doc, start: int, rules) -> bool:
    return clause_tense(doc, start, rules) == FUTURE


def _future(tok: Token, rules) -> bool:
    """ "will meet on Monday", "is due to", "is expected to", "agreed to resume talks in July"."""
    for verb in (tok, tok.head) if tok.dep_ in ("xcomp", "ccomp") else (tok,):
        for child in verb.children:
            if child.lower_ in rules.future_aux or (child.dep_ in ("acomp", "amod") and child.lower_ in rules.future_cues):
                return True
        if verb.lower_ in rules.future_cues and any(c.lower_ == "to" or c.dep_ == "xcomp" or
                                                     (c.lower_ == "for" and verb.dep_ != "acl")
                                                     for c in verb.children):
            return True        # "is due to", "was planned for early March"; not "a service planned for Saturday"
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:     # "agreed to extend … and to resume"
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in rules.future_governors:
            return True
        tok = tok.head
    return False


def _past(verb: Token) -> bool:
    """Simple past ("sold"), past passive ("was sold") and perfect ("has sold", "had been sold")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):          # "would sell", "could have sold": not a plain past
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acl":     # "the record set on Aug. 6", "the year ended March 31"
        return True
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lower_ in _PERFECT for a in auxes)
