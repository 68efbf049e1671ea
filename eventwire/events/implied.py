"""Parties the story gives without naming them at the act: the country of its state forces, the police
behind an arrest told in the passive.

Both read the record as the actor and place stages left it, so they run at the start of the events stage.
"""
from __future__ import annotations

import dataclasses
from collections import Counter

from eventwire.events.found import FoundEvent
from eventwire.record import Record

# Sectors of a state's own forces and offices: with no country of their own words ("police said", "the army
# was called in") they are the story country's.
STATE_SECTORS = frozenset({"COP", "MIL", "GOV", "JUD", "SPY"})
# The actor stage marks a role noun whose phrase names no country "bare-group".
BARE = "bare-group"
# The places' country must hold this share of the place mentions that have a country.
PLACES_MAJORITY = 0.6
PLACES_REASON = "places-country"
# The coercive acts that only the police (or another arm of the state) carry out: "were arrested", "was detained".
POLICE_MODES = frozenset({"arrest"})


def places_country(rec: Record) -> str | None:
    """The country most of the story's place mentions are in, when one clearly leads."""
    counts: Counter[str] = Counter()
    for p in rec.places:
        if p.country:
            counts[p.country] += max(1, len(p.mentions))
    if not counts:
        return None
    best, n = counts.most_common(1)[0]
    return best if n / sum(counts.values()) >= PLACES_MAJORITY else None


def state_forces_country(rec: Record) -> None:
    """ "police said", "the army was deployed" in a story whose places are all in India: India's police and
    army. Only role nouns with no country in their own phrase, only when the actor stage found no focus
    country (they already carry it then), and only the state's sectors."""
    country = None
    for a in rec.actors:
        if a.country is None and a.sector in STATE_SECTORS and BARE in (a.reason or ""):
            country = country or places_country(rec)
            if country is None:
                return
            a.country = country
            a.reason = (a.reason or "") + f"+{PLACES_REASON}:{country}"


def arresting_police(found: list[FoundEvent], rec: Record) -> list[FoundEvent]:
    """ "The protesters were arrested": an arrest with no agent is the police's, when the story names its
    police (the last police mention before the act, else the first after it)."""
    out = []
    for f in found:
        if f.source is None and f.type == "COERCE" and f.mode in POLICE_MODES and not f.negated \
                and "hostage" not in f.reason:      # "were held hostage" is no arrest
            src = _story_police(rec, f.evidence[1])
            if src is not None and src != f.target:
                f = dataclasses.replace(f, source=src, reason=f.reason + "; source: the story's police (no agent named)")
        out.append(f)
    return out


# Nouns for the firing or strike an agentless victim fell in: "killed in police firing", "wounded in an army
# shelling", "died in Israeli air strikes": whoever owns the means did it.
MEANS_NOUNS = frozenset({"firing", "fire", "shelling", "strike", "strikes", "airstrike", "airstrikes", "bombing",
                         "bombardment", "raid", "raids", "attack", "attacks", "action", "crackdown", "lathicharge"})
HARM_TYPES = frozenset({"ASSAULT"})


def doer_of_means(found: list[FoundEvent], doc, actor_for, rec: Record) -> list[FoundEvent]:
    """ "Two persons were killed in police firing": an act of harm with no doer, told with the firing or strike
    it happened in, is the act of whoever that firing's modifier names (an actor: "Israeli"; for a bare
    "police", the story's police)."""
    out = []
    for f in found:
        if f.source is None and f.type in HARM_TYPES and not f.negated:
            src = _means_owner(doc, f.trigger, actor_for)
            if src == POLICE_WORD:
                src = _story_police(rec, f.evidence[1])
            if src is not None and src != f.target:
                f = dataclasses.replace(f, source=src, reason=f.reason + "; source: the owner of the firing it happened in")
        out.append(f)
    return out


def _means_owner(doc, trigger: tuple[int, int], actor_for) -> str | None:
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
                continue
            for means in prep.children:
                if means.dep_ != "pobj":
                    continue
                if any(c.dep_ == "acl" and c.lower_ in MEANS_NOUNS for c in means.children):
                    # "killed in police firing" parsed as police ← acl firing: the pobj is the owner
                    if (a := actor_for(means)) is not None:
                        return a
                    if means.lower_ in POLICE_WORDS:
                        return POLICE_WORD
                if means.lemma_.lower() not in MEANS_NOUNS and means.lower_ not in MEANS_NOUNS:
                    continue
                for mod in means.children:
                    if mod.dep_ not in ("compound", "amod", "poss", "nmod"):
                        continue
                    if (a := actor_for(mod)) is not None:
                        return a
                    if mod.lower_ in POLICE_WORDS:
                        return POLICE_WORD
    return None


POLICE_WORD = "police"
POLICE_WORDS = frozenset({"police", "policemen", "cops"})


def _story_police(rec: Record, before: int) -> str | None:
    """The story's police actor: the last police mention before `before`, else the first one."""
    police = sorted((m.start, a.id) for a in rec.actors if a.sector == "COP" for m in a.mentions)
    if not police:
        return None
    earlier = [aid for start, aid in police if start < before]
    return earlier[-1] if earlier else police[0][1]
