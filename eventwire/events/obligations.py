"""REQUEST events from reported obligations (PLOVER convention): "Russia says Israel must end attacks",
"the minister said Qatar should mediate" — one actor stating that another must act asks it to act.

Found after the lexicon's triggers (the obliged verb need not be a trigger: "must ensure security") and
added to them; conventions.py finds the clauses.
"""
from __future__ import annotations

from eventwire.events.conventions import load_conventions, obligations
from eventwire.events.found import ActorLookup, FoundEvent, event_confidence
from eventwire.events.roles import prep_objects

# Group numbers for these events start here, apart from the lexicon triggers' groups.
GROUP_BASE = 100_000


def obligation_requests(doc, actor_for: ActorLookup, found: list[FoundEvent]) -> list[FoundEvent]:
    """One REQUEST per reported obligation whose speaker is an actor and whose obliged party is another
    actor (or nobody in particular: "the oppression must end"); none where the text already tells a
    REQUEST to the same party, or one by the same speaker in the sentence ("urged that Iran must …")."""
    out: list[FoundEvent] = []
    requested = {(f.evidence, f.source) for f in found if f.type == "REQUEST"}
    asked = {f.target for f in found if f.type == "REQUEST" and f.target is not None}
    for k, ob in enumerate(obligations(doc, load_conventions())):
        source = actor_for(ob.speaker)
        target = actor_for(ob.obliged) if ob.obliged is not None else None
        if target is None and (ob.obliged is None or ob.obliged.pos_ != "PRON"):
            target = _named_inside(ob.verb, actor_for, source)
        if source is None or source == target or (ob.obliged is not None and target is None
                                                  and ob.obliged.pos_ == "PRON"):
            continue
        sent = ob.verb.sent
        evidence = (sent.start_char, sent.start_char + len(sent.text.rstrip()))
        if (evidence, source) in requested or target is not None and target in asked:
            continue            # the request is told already, here or earlier ("called on X to …")
        marks = [c for c in ob.verb.children if c.dep_ == "aux" and c.lower_ != "to"] + [ob.verb]
        start = min(t.idx for t in marks)
        end = max(t.idx + len(t.text) for t in marks)
        out.append(FoundEvent(
            type="REQUEST", mode=None, cameo="020", source=source, target=target, negated=False,
            hypothetical=False, confidence=event_confidence(True, target is not None, nominal=False, hops=2),
            trigger=(start, end), evidence=evidence, nominal=False,
            reason=f"obligation '{doc.text[start:end]}' reported by '{ob.reporting.text}': REQUEST (PLOVER)",
            group=GROUP_BASE + k))
    return out


def _named_inside(verb, actor_for: ActorLookup, source: str | None) -> str | None:
    """When what must change names nobody itself, whom its phrase names: "the oppression of the Cuban
    people must end" → the Cuban people, "military intervention in Bolivia must be avoided" → Bolivia."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"):
        for o in prep_objects(subj, ("of", "in", "against", "on", "with")):
            a = actor_for(o)
            if a is not None and a != source:
                return a
    return None
