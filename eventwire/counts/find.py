"""Finding casualty and crowd counts (pure: parse in, typed counts out).

A number counts something when its noun phrase is a lexicon noun ("12 protesters"), or fills the right
slot of a lexicon verb: the victim of "kill"/"arrest" (object, passive subject, or "12 people killed"),
the subject of "die"/"flee"/"march". Numbers are digits ("1,000", "1.5 million"), words ("two",
"twenty-five") or vague plurals ("dozens", "hundreds of").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                     "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass(frozen=True)
class Category:
    what: str
    nouns: frozenset[str]
    victim_verbs: frozenset[str]
    subject_verbs: frozenset[str]
    toll_nouns: frozenset[str]


@dataclass(frozen=True)
class CountLexicon:
    categories: tuple[Category, ...]
    vague: dict[str, int]
    qualifiers: dict[str, str]
    cue_lemmas: frozenset[str]
    vague_first: frozenset[str]      # first words of the vague quantities, to skip other tokens cheaply       # every word that can make a count: sentences without one are skipped


@dataclass
class FoundCount:
    what: str
    value: int
    qualifier: str
    start: int                       # evidence: from the qualifier or number to the word that says what
    end: int
    number_token: int                # token index of the number (for anchoring)
    reason: str


@lru_cache(maxsize=1)
def load_lexicon() -> CountLexicon:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "counts" / "lexicon.yaml").read_text("utf-8"))
    cats = tuple(Category(what, frozenset(c.get("nouns") or ()), frozenset(c.get("victim_verbs") or ()),
                          frozenset(c.get("subject_verbs") or ()), frozenset(c.get("toll_nouns") or ()))
                 for what, c in raw["categories"].items())
    cues = frozenset().union(*(c.nouns | c.victim_verbs | c.subject_verbs | c.toll_nouns for c in cats))
    vague = {k.lower(): int(v) for k, v in raw["vague"].items()}
    return CountLexicon(cats, vague, {k.lower(): v for k, v in raw["qualifiers"].items()}, cues,
                        frozenset(k.split()[0] for k in vague))


def find_counts(doc: Doc, lex: CountLexicon) -> list[FoundCount]:
    out: list[FoundCount] = []
    seen: set[tuple[str, int, str]] = set()
    for sent in doc.sents:
        if not any(t.lemma_.lower() in lex.cue_lemmas or t.lower_ in lex.cue_lemmas for t in sent):
            continue
        for span, value, vague in _numbers(sent, lex):
            found = _classify(span, value, vague, lex)
            if found and (found.what, found.value, found.qualifier) not in seen:
                seen.add((found.what, found.value, found.qualifier))
                out.append(found)
    return out


# ---- numbers -------------------------------------------------------------------------------------
def _numbers(sent: Span, lex: CountLexicon) -> list[tuple[Span, int, bool]]:
    """(tokens, value, vague?) for each number in the sentence."""
    doc, out, i = sent.doc, [], sent.start
    while i < sent.end:
        tok = doc[i]
        vague = _vague_at(doc, i, sent.end, lex)
        if vague:
            n, value = vague
            out.append((doc[i:i + n], value, True))
            i += n
            continue
        a_scale = tok.lower_ in ("a", "an") and i + 1 < sent.end and doc[i + 1].lower_ in _SCALES  # "a million"
        if not a_scale and (tok.ent_type_ in SKIP_ENTS or not (tok.like_num or tok.lower_ in _UNITS or tok.lower_ in _TENS)):
            i += 1
            continue
        j = i + 1
        while j < sent.end and (doc[j].like_num or doc[j].lower_ in _SCALES or
                                (doc[j].text == "-" and j + 1 < sent.end and doc[j + 1].like_num)):
            j += 1
        value = parse_number(doc[i:j].text)
        if value is not None and value > 0:
            out.append((doc[i:j], value, False))
        i = j
    return out


def _vague_at(doc: Doc, i: int, end: int, lex: CountLexicon) -> tuple[int, int] | None:
    if doc[i].lower_ not in lex.vague_first:
        return None
    for n in (3, 2, 1):
        if i + n <= end and doc[i:i + n].text.lower() in lex.vague:
            return n, lex.vague[doc[i:i + n].text.lower()]
    return None


def parse_number(text: str) -> int | None:
    """ "1,000" → 1000, "1.5 million" → 1500000, "twenty-five" → 25, "two hundred" → 200."""
    words = re.findall(r"[\d.,]+|[a-z]+", text.lower().replace("-", " "))
    total, current = 0, 0.0
    for w in words:
        if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?", w):
            current += float(w.replace(",", ""))
        elif w in ("a", "an") and not current:
            current = 1
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    return int(value) if value == int(value) else None


# ---- what a number counts ---------------------------------------------------------------------------
def _classify(span: Span, value: int, vague: bool, lex: CountLexicon) -> FoundCount | None:
    num = span[-1] if not vague else span[0]
    head = num.head if num.dep_ in ("nummod", "quantmod") and num.head.i != num.i else num
    of_noun = next((c for g in head.children if g.dep_ == "prep" and g.lower_ == "of"
                    for c in g.children if c.dep_ == "pobj"), None)
    for cat in lex.categories:
        why, cue = _rule(head, of_noun, span, cat)
        if why:
            q_start, qualifier = _qualifier(span, lex, vague)
            start = min(q_start, cue.idx)
            end = max(span.end_char, head.idx + len(head), cue.idx + len(cue))
            return FoundCount(cat.what, value, qualifier, start, end, num.i, f"counts lexicon: {why}")
    return None


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _rule(head: Token, of_noun: Token | None, span: Span, cat: Category) -> tuple[str, Token | None]:
    """Which lexicon rule makes `head` (the number's noun phrase) a count of `cat`, and the word that does."""
    for noun in (head, of_noun):
        if noun is not None and noun is not span[-1] and (_lemma(noun) in cat.nouns or noun.lower_ in cat.nouns):
            return f"{cat.what} noun '{noun.lower_}'", noun
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in cat.nouns:                       # "30 dead", "12 wounded"
        return f"{cat.what} noun '{nxt.lower_}'", nxt
    phrase = head
    while phrase.dep_ == "conj" and phrase.head.i != phrase.i:             # "killing five soldiers and two civilians"
        phrase = phrase.head
    verb = phrase.head
    if _lemma(verb) in cat.victim_verbs and verb.pos_ in ("VERB", "AUX", "ADJ"):
        if phrase.dep_ in ("dobj", "nsubjpass") or (phrase.dep_ == "nsubj" and verb.tag_ == "VBN"):
            return f"{cat.what} verb '{_lemma(verb)}' ({phrase.dep_})", verb
    if phrase.dep_ in ("dobj", "nsubjpass"):                               # "left 10 people dead", "shot dead"
        state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in cat.nouns), None)
        if state is not None:
            return f"{cat.what} noun '{state.lower_}' (predicate)", state
    if "life" in cat.toll_nouns and phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and _lemma(phrase.head.head) == "life":
        return f"{cat.what}: lives of", phrase.head.head                  # "claimed the lives of 40 people"
    if phrase.dep_ == "dobj":                     # "forced 270,000 people to flee": the object does the fleeing
        then = next((c for c in verb.children if c.dep_ == "xcomp" and _lemma(c) in cat.subject_verbs), None)
        if then is not None:
            return f"{cat.what} verb '{_lemma(then)}' (object of '{_lemma(verb)}')", then
    if _lemma(verb) in cat.subject_verbs and phrase.dep_ == "nsubj":
        return f"{cat.what} verb '{_lemma(verb)}' (subject)", verb
    for child in head.children:                                           # "12 people killed", "hundreds detained"
        if child.dep_ in ("acl", "amod", "relcl") and _lemma(child) in cat.victim_verbs and child.tag_ == "VBN":
            return f"{cat.what} verb '{_lemma(child)}' (participle)", child
        if child.dep_ in ("acl", "relcl") and _lemma(child) in cat.subject_verbs:   # "people who fled", "… to flee"
            return f"{cat.what} verb '{_lemma(child)}' (clause on the noun)", child
    if cat.toll_nouns and phrase.dep_ == "pobj" and phrase.head.lower_ in ("to", "at"):
        clause = phrase.head.head
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and _lemma(subj) in cat.toll_nouns:
            return f"{cat.what} toll", subj
    return "", None


def _qualifier(span: Span, lex: CountLexicon, vague: bool) -> tuple[int, str]:
    """(start char, qualifier) from the words before the number; vague plurals default to "about"."""
    doc = span.doc
    for n in (3, 2, 1):
        if span.start - n < 0:
            continue
        words = doc[span.start - n:span.start]
        q = lex.qualifiers.get(words.text.lower())
        if q:
            return words.start_char, q
    return span.start_char, "about" if vague else "exactly"
