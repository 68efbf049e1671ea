"""People: person names (KB people, recognised names, surnames), their titles and appositions
("Turkish President Recep Tayyip Erdogan", "Fahrettin Altun, Turkey's communications director").
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.lexicon import NameHit, RoleHit
from eventwire.actors.scene import Found, Scene, identity, key_of, locative, named_place


def add_bare_surnames(doc: Doc, names: list[NameHit]) -> list[NameHit]:
    """A surname the recogniser missed ("Okafor added ...") after the full name was tagged ("Maria Okafor")."""
    tails = {doc[h.end - 1].text for h in names if h.label == "PERSON" and h.alias is None and h.end - h.start > 1}
    if not tails:
        return names
    taken = {i for h in names for i in range(h.start, h.end)}
    extra = [NameHit(t.i, t.i + 1, None, "PERSON") for t in doc
             if t.text in tails and t.i not in taken and t.pos_ == "PROPN"]
    return sorted(names + extra, key=lambda h: h.start) if extra else names


def person_keys(sc: Scene) -> dict[NameHit, str]:
    """PERSON names (and other names equal to a person's surname: "Haftar" tagged ORG) → one key per person.

    A short name is the person whose full name ends with it ("Altun" → "Fahrettin Altun")."""
    doc = sc.doc
    full = [h for h in sc.names if h.label == "PERSON" and h.alias is None]
    longest: dict[str, str] = {}
    for h in sorted(full, key=lambda h: -(h.end - h.start)):
        words = doc[h.start:h.end].text
        tail = words.split()[-1].lower()
        longest.setdefault(tail, words)
    keys: dict[NameHit, str] = {}
    for h in sc.names:
        if h.entry is not None and h.entry.kind == "person":
            keys[h] = h.entry.kb_id
            continue
        if h.alias is not None or h.label == "GPE":
            continue
        words = doc[h.start:h.end].text
        tail = words.split()[-1].lower()
        root = doc[h.start:h.end].root
        if (sc.lex.city_country(words) and locative(root)) or named_place(root):
            continue                                   # "the town of Gao" tagged PERSON: a place
        if h.label == "PERSON" or (tail in longest and len(words.split()) == 1):
            canonical = longest.get(tail, words)
            if h.label != "PERSON" and len(canonical.split()) < 2:
                continue
            keys[h] = f"person:{canonical.lower()}"
    return keys


def person_of_title(sc: Scene, role: RoleHit) -> NameHit | None:
    """The person a role is the title or apposition of, if any."""
    head = sc.doc[role.head]
    if head.dep_ in ("compound", "appos", "nmod"):
        h = sc.name_at.get(head.head.i)
        if h is not None and h in sc.person_key:
            return h
    for child in head.children:
        if child.dep_ == "appos" and (h := sc.name_at.get(child.i)) is not None and h in sc.person_key:
            return h
    # "Sudan's army chief Abdel Fattah al-Burhan" parsed as two subjects: a role right before a name is its title
    h = sc.name_at.get(role.end)
    if h is not None and h.start == role.end and h in sc.person_key and head.tag_ not in ("NNS", "NNPS"):
        return h
    return None


def person_mentions(sc: Scene, consumed: set[NameHit]) -> list[Found]:
    """Each person name, with what its titles, appositions and modifiers say (a KB person keeps its KB country)."""
    titles: dict[NameHit, list[RoleHit]] = {}
    for role in sc.roles:
        if (p := person_of_title(sc, role)) is not None:
            titles.setdefault(p, []).append(role)
    return [_person(sc, h, key, titles.get(h, []), consumed) for h, key in sc.person_key.items()]


def _person(sc: Scene, h: NameHit, key: str, titles: list[RoleHit], consumed: set[NameHit]) -> Found:
    doc = sc.doc
    entry = h.entry
    f = Found(key=key, start=h.start, end=h.end, name=entry.name if entry else doc[h.start:h.end].text,
              kind="person", kb_id=entry.kb_id if entry else None)
    if entry is not None:
        f.country, f.sector = sc.entry_code(h)
        f.reason = f"kb:{entry.kb_id}({h.form})"
    else:
        f.reason = f"ner:{h.label}" if h.label == "PERSON" else f"surname-of:{key[7:]}"
    extra: list[int] = []
    affiliates: list[NameHit] = []
    for role in titles:
        idn = identity(sc, range(role.start, role.end), preps=False)
        consumed.update(idn.used)
        f.role = f.role or _title_text(sc, role)
        sector = idn.role_sector or role.role.sector             # "the gangs' leader" is a criminal
        if sector and (entry is None or f.sector is None or sector == "ELI"):
            f.sector = sector
        f.country = f.country or role.role.country or idn.country
        if idn.affiliate is not None:
            affiliates.append(idn.affiliate)
        f.reason += f"+title:{role.role.text}" + "".join("+" + r for r in idn.reasons)
        extra.extend(range(role.start, role.end))
        extra.extend(i for u in idn.used for i in range(u.start, u.end))
    idn = identity(sc, range(h.start, h.end), preps=False)
    consumed.update(idn.used)
    if f.country is None and idn.country is not None:
        f.country = idn.country
        f.reason += "".join("+" + r for r in idn.reasons)
    if idn.affiliate is not None:
        affiliates.append(idn.affiliate)
    extra.extend(i for u in idn.used for i in range(u.start, u.end))
    for aff in affiliates[:1]:
        # "NATO Secretary-General Jens Stoltenberg", "Hezbollah leader Hassan Nasrallah": the body's identity
        f.affiliation = key_of(sc, aff)
        if aff.entry is not None and aff.entry.kind != "person" and entry is None:
            a_country, a_sector = sc.entry_code(aff)
            f.country = f.country or a_country
            f.sector = a_sector or f.sector
            f.reason += f"+member-of:{aff.entry.kb_id}"
    f.extra = tuple(i for i in extra if not (h.start <= i < h.end))
    return f


def _title_text(sc: Scene, role: RoleHit) -> str:
    """The title with its own words ("trade minister", "Foreign Minister"), without names or articles."""
    start = role.start
    while start > 0:
        t = sc.doc[start - 1]
        if t.i in sc.name_at or t.dep_ not in ("compound", "amod") or t.head.i >= role.end or t.head.i < start - 1:
            break
        start -= 1
    return sc.text(start, role.end)
