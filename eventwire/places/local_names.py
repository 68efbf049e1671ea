"""Toponyms local news writes without a place preposition, found by their shape in the parse:

- a town or county opening the name of its institution: "the Dayton Police Department", "Bemidji police",
  "the Pike County Jail" (`institution_names`);
- a list of names before a plural area noun: "Pike, Lamar and Upson counties" (`listed_areas`);
- a legislator's home town after a party letter: "Rep. Jane Doe, R-Springfield, said" (`party_towns`);
- where a person lives: "Jane Doe, 41, of Dacula", "a Cordele woman", "a Skokie-based chain"
  (`says_residence`).

The words are data (eventwire/data/places/local_names.yaml). Each finder returns token ranges (start, end)
of names; places/find.py makes mentions of them and resolution decides which are places (an institution's
town only where the story's home area has one of that name, places/home_region.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

MAX_NAME_TOKENS = 3
_NAME_PARTS = {"county", "parish"}      # part of the name before an institution word, not an institution


@dataclass(frozen=True)
class LocalWords:
    institutions: frozenset[str]
    resident_nouns: frozenset[str]
    plural_areas: frozenset[str]
    party_letters: frozenset[str]


@lru_cache(maxsize=1)
def local_words() -> LocalWords:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "local_names.yaml").read_text("utf-8"))
    return LocalWords(frozenset(raw["institution_words"]), frozenset(raw["resident_nouns"]),
                      frozenset(raw["plural_area_nouns"]), frozenset(raw["party_letters"]))


def _word(tok: Token) -> str:
    return re.sub(r"['’]s?$", "", tok.lower_)


def is_institution_word(tok: Token) -> bool:
    return _word(tok) in local_words().institutions


def _capitalised(tok: Token, any_tag: bool = False) -> bool:
    """A capitalised word that may be part of a name (tagged PROPN unless `any_tag`: the tagger reads a
    listed county such as "Upson" as a common noun)."""
    return (any_tag or tok.pos_ == "PROPN") and tok.text[:1].isupper() and tok.text.isalpha() \
        and tok.lower_ not in ("the", "and", "or")


def _person(tok: Token) -> bool:
    """A person's name, or an age in apposition to one ("Jane Doe, [41], of Dacula")."""
    return tok.ent_type_ == "PERSON" or (tok.dep_ == "appos" and tok.like_num and tok.head.ent_type_ == "PERSON")


def says_residence(name_head: Token) -> bool:
    """Does the name headed by this token say where someone lives or something is? "Jane Doe of
    [Dacula]", "a [Cordele] woman", "[Skokie]-based"."""
    doc = name_head.doc
    if name_head.dep_ == "pobj" and name_head.head.lower_ == "of" and _person(name_head.head.head):
        return True
    if name_head.dep_ == "compound" and name_head.head.pos_ == "NOUN" \
            and name_head.head.lemma_.lower() in local_words().resident_nouns:
        return True
    after = doc[name_head.i + 1:name_head.i + 3]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ == "based"


def institution_names(doc: Doc, is_place_name) -> list[tuple[int, int]]:
    """(start, end) token ranges of names that open an institution's name ("[Bemidji] police"). A name that
    runs on into the institution word as one place ("Kansas City", checked with `is_place_name`) is left to
    the other finders."""
    words = local_words().institutions
    out = []
    for tok in doc:
        if _word(tok) not in words or (tok.i and _word(doc[tok.i - 1]) in words):
            continue                                   # the first word of "Fire Rescue", "City Council"
        start = tok.i
        while start > 0 and tok.i - start < MAX_NAME_TOKENS and _capitalised(doc[start - 1]) \
                and (_word(doc[start - 1]) not in words or _word(doc[start - 1]) in _NAME_PARTS):
            start -= 1
        name = doc[start:tok.i]
        if not name or name[0].ent_type_ == "PERSON" and not any(_word(t) in _NAME_PARTS for t in name):
            continue                                   # "Kennedy Elementary": a person's name, unless a county's
        if tok.text[:1].isupper() and is_place_name(doc[start:tok.i + 1].text):
            continue                                   # "Kansas City", "Union Township": a whole name
        out.append((start, tok.i))
    return out


def listed_areas(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of each name in a list before a plural area noun: "Pike, Lamar, Upson
    and Monroe [counties]"."""
    plural = local_words().plural_areas
    out = []
    for tok in doc:
        if tok.lower_ not in plural:
            continue
        i, names = tok.i, []
        while i > 0:
            end = i
            while i > 0 and end - i < MAX_NAME_TOKENS and _capitalised(doc[i - 1], any_tag=True):
                i -= 1
            if i == end:
                break
            names.append((i, end))
            if i > 0 and doc[i - 1].lower_ in (",", "and", "or", "&"):
                i -= 1
                if i > 0 and doc[i].lower_ in ("and", "or") and doc[i - 1].text == ",":
                    i -= 1                             # the serial comma: "Butler, Clark, and Warren"
            else:
                break
        out += names
    return out


# ", R-Fergus Falls," "(D-Ames)": after a comma or an opening bracket, the town up to the next non-word.
_PARTY = re.compile(r"(?:,[ \t]|\()([A-Z][A-Za-z]{0,2})-([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?![\w-])")


def party_towns(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token ranges of home towns after a party letter: "Rep. Jane Doe, R-[Fergus Falls],"."""
    letters = local_words().party_letters
    out = []
    for m in _PARTY.finditer(doc.text):
        if m.group(1) not in letters:
            continue
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return out
