"""Document-level resolution: mentions with the same identity become one actor, and what one mention says
completes the others ("Libyan warlord Khalifa Haftar" gives "Haftar" his country).

Also here: the document's focus country (where the story happens), "the government" → the document's one
government, a KB government ("GNA") absorbing "Libya's government", armed wings taking their affiliate's
country, and simple pronouns.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from eventwire.actors.kb import KB
from eventwire.actors.resolve import Found, Mentions
from eventwire.actors.scene import country_is_guessed

# Sentences back that a pronoun may look for its antecedent.
PRONOUN_WINDOW = 2
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# The focus country needs at least this weight (one named group abroad is enough; ties go to the country named first).
FOCUS_MIN = 0.5
STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
# Premises that stand for the government that sits there.
GOVERNMENT_SEATS = frozenset({"presidential palace", "government building", "government headquarters",
                              "presidential residence"})
NON_STATE = frozenset({"IGO", "NGO", "IMG", "UNO", "EUR", "MNC", "ISM"})


@dataclass
class Draft:
    key: str
    mentions: list[Found] = field(default_factory=list)
    pronouns: list[int] = field(default_factory=list)

    def first(self, attr: str):
        return next((getattr(f, attr) for f in self.mentions if getattr(f, attr) is not None), None)

    @property
    def start(self) -> int:
        return min(f.start for f in self.mentions)

    @property
    def kind(self) -> str:
        kinds = [f.kind for f in self.mentions]
        for k in ("country", "person", "armed", "group", "government", "org", "people", "member"):
            if k in kinds:
                return k
        return kinds[0]

    @property
    def plural(self) -> bool:
        return any(f.plural for f in self.mentions)


def focus_country(m: Mentions) -> str | None:
    """Where the story happens: places named count twice, other mentions of a country (actors, adjectives)
    once; a tie goes to the country named first (the lede's)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    refs = [(i, c, 2) for i, c in m.places] + [(i, c, 1) for i, c in m.refs]
    # a named armed group or company abroad ("the Wagner Group" in Mali) says less of where the story is
    refs += [(f.start, f.country, 0.5 if f.kb_id and f.kind in ("group", "org") else 1) for f in m.found]
    for i, c, w in refs:
        if c and c not in NON_STATE:
            counts[c] += w
            first[c] = min(first.get(c, i), i)
    if not counts:
        return None
    best = max(counts, key=lambda c: (counts[c], -first[c]))
    return best if counts[best] >= FOCUS_MIN else None


def merge(m: Mentions, kb: KB, published: str | None, doc: Doc | None = None) -> list[Draft]:
    """Mentions → drafts of actors (one per identity key), in order of first mention."""
    found = m.found
    focus = focus_country(m)
    keys = _government_aliases(found, kb, published)
    gov = _the_government(found, keys)
    if gov is None and focus:                  # no one government named: the story country's
        gov = keys.get(f"country:{focus}", f"country:{focus}")
    for f in found:
        if f.key in keys:                      # "Libya's government" is the GNA: the GNA's KB id names it
            f.key, f.kb_id = keys[f.key], None
        if f.pending == "government":
            f.key = gov or ""
            if gov and gov.startswith("country:"):
                f.country = gov.split(":", 1)[1]
        elif f.pending == "anaphor":
            f.key = _last_group_before(found, f.start, {r.text for r in kb.roles if r.person})
        elif f.pending == "focus":
            f.country = focus
            f.key = f"group:{focus}:{f.sector}" if focus else f"group:?:{f.sector}"
            if focus and f.sector == "GOV":       # "officials said" in a Sudan story: Sudan's government
                f.key = keys.get(f"country:{focus}", f"country:{focus}")
                entry = kb.entries.get(f.key)
                if entry is not None and f.role in GOVERNMENT_SEATS:   # "stormed the presidential palace": the state
                    f.name, f.kb_id = entry.name, entry.kb_id
            f.reason += f"+focus-country:{focus}" if focus else ""
    drafts: dict[str, Draft] = {}
    for f in sorted((f for f in found if f.key), key=lambda f: f.start):
        drafts.setdefault(f.key, Draft(f.key)).mentions.append(f)
    _complete(drafts, focus, doc)
    _state_forces(drafts, keys)
    return sorted(drafts.values(), key=lambda d: d.start)


def _state_forces(drafts: dict[str, Draft], keys: dict[str, str]) -> None:
    """A country's army, police or intelligence belongs to its government when the document names it
    ("the Libyan army" → the GNA)."""
    for d in drafts.values():
        m = d.mentions[0]
        if d.kind == "group" and m.sector in STATE_FORCES and m.country and m.affiliation is None:
            gov = keys.get(f"country:{m.country}", f"country:{m.country}")
            if gov in drafts:
                m.affiliation = gov


def _government_aliases(found: list[Found], kb: KB, published: str | None) -> dict[str, str]:
    """country:X → the KB government of X named in the document (GNA = "Libya's government")."""
    out = {}
    for f in found:
        entry = kb.entries.get(f.kb_id) if f.kb_id else None
        if entry is not None and entry.government_of and entry.applies(published):
            out[f"country:{entry.government_of}"] = f.key
    return out


def _last_group_before(found: list[Found], start: int, person_roles: set[str] = frozenset()) -> str:
    """The key of the organisation or group named last before `start` ("" when none): "the group" → Hamas.
    One member ("one Filipino sailor was killed", "a soldier") or a place's people ("a Greek-owned ship") is
    never what "the group" means."""
    best = None
    for f in found:
        if f.start < start and not f.pending and f.kind not in ("person", "country", "people", "government") \
                and not (f.role in person_roles and not f.plural) and not f.reason.startswith("target-place"):
            if best is None or f.start > best.start:
                best = f
    return best.key if best is not None else ""


def _the_government(found: list[Found], keys: dict[str, str]) -> str | None:
    """The one actor the document calls a government (by a role noun or a KB government), if only one."""
    govs = {keys.get(f.key, f.key) for f in found if f.kind == "government" and not f.pending}
    govs |= set(keys.values())
    return govs.pop() if len(govs) == 1 else None


def _complete(drafts: dict[str, Draft], focus: str | None, doc: Doc | None = None) -> None:
    """Fill what a draft's mentions leave open from the document (affiliates, focus country)."""
    for d in drafts.values():
        unknown_org = d.kind == "org" and d.first("kb_id") is None
        if (d.kind == "person" or unknown_org) and d.first("country") is None and focus \
                and not _nearer_other_country(d.mentions[0], [f for o in drafts.values() for f in o.mentions],
                                              focus, doc):
            d.mentions[0].country = focus
            d.mentions[0].reason += f"+focus-country:{focus}"
    for d in drafts.values():
        if d.kind != "armed":
            continue
        aff = drafts.get(d.first("affiliation") or "")
        aff_country = aff.first("country") if aff else None
        aff_sector = aff.first("sector") if aff else None
        m = d.mentions[0]
        if m.country is None and aff_country:
            m.country = aff_country
        m.sector = "MIL" if aff_sector in ("GOV", "MIL") else "REB"


def _nearer_other_country(mention: Found, others: list[Found], focus: str, doc: Doc | None) -> bool:
    """A name the knowledge base does not know does not take the story's country when, in its own sentence,
    another country's party named before it stands nearer to it than any the text gives the story's country: in "China warned that the
    U.S. would pay the price if House Speaker X went ahead", X is not Chinese. It then stays without a
    country unless the text says."""
    if doc is None:
        return False
    sent = doc[mention.start].sent
    near: dict[bool, int] = {}
    for f in others:
        if f is not mention and f.key != mention.key and f.country and f.country not in NON_STATE \
                and sent.start <= f.start < sent.end and not country_is_guessed(f.reason):
            ours = f.country == focus
            if not ours and f.start > mention.start:
                continue    # a party named after the name, in what is said of it ("on his way to the Mexican embassy")
            gap = min(abs(f.start - mention.end), abs(mention.start - f.end))
            near[ours] = min(near.get(ours, gap), gap)
    return False in near and near[False] < near.get(True, len(doc))


def resolve_pronouns(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """Simple pronouns, within PRONOUN_WINDOW sentences back:
      he/she → the nearest person;
      it/its → the nearest organisation, state or group that is a subject ("Ethiopia's government threatened to
               expel UN staff it accused ..."), else the nearest singular noun if it is an actor's;
      they/their → the nearest plural noun (or coordinated names, "Poland and Bulgaria") if it is an actor's:
               "powers ... rethink their position" is the powers, no actor."""
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    owner = {i: d for d in drafts for f in d.mentions for i in range(f.start, f.end)}
    near = _Nearest(doc, owner, sent_of)
    for tok in doc:
        low = tok.lower_
        if tok.pos_ != "PRON" or tok.i in taken or tok.dep_ == "expl":
            continue
        if low in PERSON_PRONOUNS:
            d = near(tok, lambda t: t.i in owner and owner[t.i].kind == "person")
        elif low in THING_PRONOUNS:
            d = near(tok, lambda t: t.i in owner and t.dep_ in SUBJECTS and _collective(owner[t.i]), actor_only=True)
            if d is None:
                d = near(tok, lambda t: _is_argument(t) and not _plural(t, owner))
        elif low in PLURAL_PRONOUNS:
            d = near(tok, lambda t: _is_argument(t) and _plural(t, owner))
        else:
            continue
        if d is not None and d.kind != "person" or d is not None and low in PERSON_PRONOUNS:
            d.pronouns.append(tok.i)


SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class _Nearest:
    """The draft owning the nearest token before a pronoun that fits a test (None when that token is no
    actor's, or nothing fits within the window)."""

    def __init__(self, doc: Doc, owner: dict, sent_of: dict) -> None:
        self.doc, self.owner, self.sent_of = doc, owner, sent_of

    def __call__(self, tok, fits, *, actor_only: bool = False) -> Draft | None:
        for j in range(tok.i - 1, -1, -1):
            if self.sent_of.get(tok.i, 0) - self.sent_of.get(j, 0) > PRONOUN_WINDOW:
                return None
            t = self.doc[j]
            if fits(t):
                d = self.owner.get(j)
                if d is not None or not actor_only:
                    return d
        return None


def _is_argument(t) -> bool:
    """The head of a noun phrase that can be an antecedent (not a modifier inside a phrase)."""
    return t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "poss", "case", "nummod")


def _collective(d: Draft) -> bool:
    """States, organisations and groups are "it" as well as "they" ("the army said it ...")."""
    return d.kind in ("country", "government", "org", "group", "armed", "igo", "ngo", "gov", "dictionary", "pre")


def _plural(t, owner: dict) -> bool:
    """Plural? Coordinated names ("Poland and Bulgaria") and plural actors are; else the tag says."""
    d = owner.get(t.i)
    if d is not None and (t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children)):
        return True
    if d is not None:
        return d.plural
    return t.tag_ in ("NNS", "NNPS")
