"""Finding events in a parsed document: triggers from the lexicon × roles from the parse.

`EventFinder.find` is pure: it reads the spaCy doc and an actor look-up and returns `FoundEvent`s
(found.py); the stage filters them and writes them into the record. Steps: triggers (triggers.py; acts
told again dropped, telling.py) → roles (roles.py) → negation and modality (modality.py) → coding
conventions (recode.py) → sources and targets (targets.py) → one event per (source, target) pair,
flagged when told as background (background.py).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.events.background import long_ago, profile_clause, scene_setting
from eventwire.events.found import ActorLookup, FoundEvent, ManyLookup, PlaceLookup, event_confidence
from eventwire.events.lexicon import Entry
from eventwire.events.modality import ModalityWords, find_modality
from eventwire.events.recipients import object_phrase_actors, recipient_tokens
from eventwire.events.recode import recode
from eventwire.events.roles import Roles, expand, is_passive, light_noun_roles, noun_roles, prep_objects, verb_roles
from eventwire.events.targets import (acting_targets, between_target, border_neighbours, coordinated_objects,
                                      demonym_word, each_party, first_actors, joint_partners, mediation,
                                      numbered_group, one_counted_group, partner, place_target)
from eventwire.events.telling import (captor_asked, casualty_of_told_act, doer_of_told_act, document_content,
                                      document_signer, drop_signing_told_by_content, enacted, joined_act)
from eventwire.events.triggers import Trigger, TriggerFinder, matches_word, trigger_span

# Types where coordinated subjects act on each other when no target is named ("X and Y held talks").
MUTUAL_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# Types that a "joint"/"together" marker makes reciprocal ("jointly condemned X" keeps X as its target).
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# Types whose target, when the verb has none, is the target of the act they announce, refuse or admit
# ("threatened to impose sanctions on Iran" → Iran, "admitted that its military shot down a Ukrainian jet" →
# Ukraine).
BORROW_TARGET_TYPES = {"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"}
# Types whose object may name its owner, who is then the target ("rejected calls by the U.S.", "turned
# down Beijing's offer", "received a delegation from the League"). Not COOPERATE: in "shared police
# intelligence" the modifier is a kind, not an owner (measured on the dev set: all types but COOPERATE).
OWNER_TARGET_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                      "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Types that answer someone else's act or word: an actor named anywhere in the object is the party answered
# ("rejected the announcement that President X had won").
REACTION_TYPES = {"REJECT", "ACCUSE", "SUPPORT", "PROTEST"}
# Types whose held object is the subject's own means, never the target ("stationed troops along the
# border", "pulled back its forces"): only the object's modifiers and phrases may name the target.
OWN_OBJECT_TYPES = {"MOBILIZE", "RETREAT"}
# Most events one trigger may give when both sides are coordinated lists.
MAX_PAIRS = 8
# Two coordinated parties of a mutual act give one event each way (the dev set codes both directions).
BOTH_DIRECTIONS = True


class EventFinder(TriggerFinder):
    """Triggers (TriggerFinder) × roles: the events of a parsed document, each with its source and target."""

    def roles(self, t: Trigger) -> Roles:
        e = t.entry
        if t.light is not None:
            inverse = t.under or t.light.lemma_.lower() in self.words.inverse_light_verbs and not is_passive(t.light)
            return light_noun_roles(t.head, t.light, to=e.to, from_=e.from_, inverse=inverse or e.inverse)
        if e.kind == "noun" or _gerund(t.head):
            return noun_roles(t.head, to=e.to, from_=e.from_, patient_poss=e.patient_poss)
        return verb_roles(t.head, to=e.to, from_=e.from_, obj_words=e.obj, inverse=e.inverse, theme=e.theme,
                          borrow=e.type in BORROW_TARGET_TYPES, owner_target=e.type in OWNER_TARGET_TYPES,
                          own_object=e.type in OWN_OBJECT_TYPES,
                          obj_tokens=tuple(w for w in t.words if w != t.head and matches_word(w, e.obj)))

    def find(self, doc: Doc, actor_for: ActorLookup, actors_for: ManyLookup | None = None,
             is_place: PlaceLookup | None = None) -> list[FoundEvent]:
        """`actors_for` (optional) gives every actor one argument token stands for ("they" → Germany and
        France, "French and Indian navies" → both); `is_place` (optional) tells place names, for targets
        given by a place (`FoundEvent.target_place`, turned into an actor by the caller)."""
        trigs = self.triggers(doc)
        types = {t.head.i: t.entry.type for t in trigs}
        at = {}
        for i, t in enumerate(trigs):
            at[t.head.i] = i
            if t.light is not None and not t.under:
                at[t.light.i] = i
        out: list[FoundEvent] = []
        releases: list[tuple[Trigger, list[FoundEvent]]] = []
        for i, t in enumerate(trigs):
            found = self._events_for(t, actor_for, types, actors_for)
            doer_of_told_act(t, found, out, actor_for, self.lexicon)
            releases.append((t, found))
            if is_place is not None:
                place_target(t, found, lambda: self.roles(t), is_place)  # roles anew: _events_for edits its own
            found = joined_act(t, found, out, self.words) or found
            for f in found:
                f.group, f.retells = i, at.get(t.retells) if t.retells is not None else None
                out.append(f)
        for t, found in releases:
            captor_asked(t, found, out, actor_for)
        return drop_signing_told_by_content(trigs, out, self.words)

    def _events_for(self, t: Trigger, actor_for: ActorLookup, types: dict[int, str],
                    actors_for: ManyLookup | None = None) -> list[FoundEvent]:
        e = t.entry
        r = self.roles(t)
        doc_owner = document_content(t, actor_for, self.words)
        if doc_owner is not None:
            r.sources, r.rule = [doc_owner], r.rule + ", the document's owner"
        if _natural_cause(t, r, self.words) or casualty_of_told_act(t, r, self.lexicon):
            return []
        mod = find_modality(t.light if t.light is not None and not t.under else t.head, self.words, types)
        if t.light is not None and not mod.negated and any(c.dep_ == "det" and c.lower_ == "no" for c in t.head.children):
            mod = type(mod)(True, mod.hypothetical, "negated")          # "no talks were held"
        if t.light is not None and not mod.hypothetical and _planned_noun(t.head, self.words):
            # "approved the possible deployment of troops": the light verb's act is real, the noun's is not yet
            mod = type(mod)(mod.negated, True, ", ".join(w for w in (mod.why, "planned or possible") if w))
        code = recode(e, t.light if t.light is not None and not t.under else t.head, mod, self.words, expand(r.sources))
        if code.hypothetical and not code.negated and enacted(t, self.words):
            code = replace(code, hypothetical=False, note=code.note + "; enacted by the document")
        if r.rule == "nominal, modifier source":
            # only the noun's own modifiers ("Russian strikes"): its "of" names the target ("invasion of Ukraine")
            sources = [a for a in [actor_for(t.head)] if a is not None]
        elif "between" in r.rule:
            sources = each_party(r.sources, actor_for, actors_for)
        else:
            sources = first_actors(r.sources, actor_for, many=actors_for, doer=True) or \
                first_actors(document_signer(t, r), actor_for, many=actors_for) or \
                numbered_group(r.sources, actor_for, self.words)
        # whether the parties act on each other is the act's own property: "Mexico and Canada agreed to lift
        # tariffs on American products" promises (AGREE) a lifting, which is not mutual
        reciprocal = len(sources) > 1 and not r.rule.startswith("passive") and \
            self._reciprocal(t, e.type if code.type == "AGREE" and e.type != "AGREE" else code.type)
        target_tokens = [g for g in r.targets if partner(g, t, r, self.words)] if reciprocal else r.targets
        target_tokens = target_tokens + acting_targets(t)
        # "sanctions targeting Russian banks": the aiming participle told whom (see TriggerFinder._scope_of)
        target_tokens = target_tokens + [o for h in (t.head, t.light) if h is not None for c in h.children
                                         if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"
                                         and c.lemma_.lower() in self.words.scope_verbs
                                         for o in c.children if o.dep_ == "dobj"]
        if code.type == "COOPERATE" and e.type != "COOPERATE":
            target_tokens = joint_partners(t, self.words)     # "a joint operation with Togo against …"
        targets = first_actors(target_tokens, actor_for, exclude=sources, many=actors_for)
        if len(targets) > 1 and (mediation(t, self.words) or between_target(target_tokens, targets, actor_for)
                                 or one_counted_group(target_tokens, targets, actor_for)):
            targets = targets[:1]       # one event per broker: the parties are one side of the act
        if not targets and not reciprocal and "between" not in r.rule:
            # "issued an ultimatum to Washington": a recipient through a phrase the entry does not list
            targets = first_actors(recipient_tokens(t.head, t.light, t.words, code.type), actor_for,
                                    exclude=sources, many=actors_for)
        if not targets and not reciprocal and "between" not in r.rule and code.type in REACTION_TYPES:
            # "rejected the announcement that President X had won": the last resort is anyone the object names
            targets = first_actors(object_phrase_actors(t.head, t.light, t.words), actor_for, exclude=sources)[:1]
        if code.type == "MOBILIZE" and not targets:
            targets = first_actors(border_neighbours(t), actor_for, exclude=sources, many=actors_for)
        if e.needs_target and not targets:
            targets = first_actors(coordinated_objects(t.head), actor_for, exclude=sources, many=actors_for)
        if e.needs_target and not targets:
            return []
        demonym = None if targets else demonym_word(target_tokens)
        # a passive's agent or an event noun's own modifier ("killed by Pakistani fire", "Israeli shelling")
        src_demonym = None if sources or not (r.rule.startswith("passive") or e.kind == "noun") else \
            demonym_word(r.sources if r.rule.startswith("passive") else [t.head])
        mutual = reciprocal or e.mutual or code.type in MUTUAL_TYPES or "between" in r.rule
        conf = event_confidence(bool(sources), bool(targets) or (mutual and len(sources) > 1),
                           nominal=e.kind == "noun", hops=r.hops)
        start, end = trigger_span(t)
        sent = t.head.sent
        ev_start, ev_end = sent.start_char, sent.start_char + len(sent.text.rstrip())
        reason = f"lexicon {e.type} '{e.text}'; {r.rule}" + (f"; {mod.why}" if mod.why else "") + code.note
        return [FoundEvent(type=code.type, mode=code.mode, cameo=code.cameo, source=s, target=g,
                           negated=code.negated, hypothetical=code.hypothetical, confidence=conf, trigger=(start, end),
                           evidence=(ev_start, ev_end), nominal=e.kind == "noun", reason=reason,
                           background=scene_setting(t.light if t.light is not None else t.head, self.words),
                           target_demonym=demonym, source_demonym=src_demonym,
                           profile=profile_clause(t.light if t.light is not None else t.head),
                           long_ago=long_ago(t.light if t.light is not None else t.head))
                for s, g in _pairs(sources, targets, mutual=mutual, passive=r.rule.startswith("passive"),
                                   two_sided=_two_sided(code.type, r.rule, e))]

    def _reciprocal(self, t: Trigger, etype: str) -> bool:
        """Coordinated subjects act on each other: the entry says so ("exchanged prisoners", "signed an
        accord"), the type is a mutual one ("held talks", "cooperated"), a cooperative act is marked joint
        ("launched a joint operation", "patrolled together"), or the object points back at the subjects
        ("accused each other")."""
        if t.entry.mutual or etype in MUTUAL_TYPES:
            return True
        heads = [t.head] + ([t.light] if t.light is not None else [])
        near = [c for h in heads for c in h.children] + [w for w in t.words if w not in heads]
        if etype in COOPERATIVE_TYPES and any(c.lower_ in self.words.reciprocal_words for c in near):
            return True
        return any(_phrase(o) in self.words.reciprocal_objects
                   for h in heads for o in h.children if o.dep_ in ("dobj", "dative", "pobj", "prep"))


def _phrase(tok: Token) -> str:
    """The words of an object phrase ("each other", "the other side"); a preposition stands for its object."""
    if tok.dep_ == "prep":
        tok = next((o for o in tok.children if o.dep_ == "pobj"), tok)
    words = [w for w in tok.subtree if w.i == tok.i or (w.head.i == tok.i and w.dep_ in ("det", "amod", "nummod"))]
    return " ".join(w.lower_ for w in words)       # not its "of" phrase or relative clause


def _pairs(sources: list[str], targets: list[str], *, mutual: bool, passive: bool,
           two_sided: bool = False) -> list[tuple[str | None, str | None]]:
    """One event per (source, target); coordinated parties of a mutual act act on each other ("Russia and
    China held talks": both directions), except passive agents, who did it to someone else ("a truce
    brokered by Turkey and Russia": Turkey → Russia, as one event), and two-sided fighting, one clash."""
    if not targets and len(sources) > 1 and mutual:
        if len(sources) == 2 and not passive and not two_sided and BOTH_DIRECTIONS:
            return [(sources[0], sources[1]), (sources[1], sources[0])]
        return [(sources[0], g) for g in sources[1:]][:MAX_PAIRS]
    return [(s, g) for s in (sources or [None]) for g in (targets or [None]) if s is None or s != g][:MAX_PAIRS]


# Types whose "between X and Y" names two sides of one clash, coded once with either side as source
# ("fighting between the army and the RSF"), unlike talks, which each side holds with the other.
TWO_SIDED_TYPES = {"ASSAULT"}


def _two_sided(etype: str, rule: str, e: Entry) -> bool:
    """One clash, coded once; entries marked `mutual` ("exchanged fire") keep both directions."""
    return etype in TWO_SIDED_TYPES and "between" in rule and not e.mutual


def _gerund(tok: Token) -> bool:
    """ "Fighting between the army and the RSF spread": a verb form used as a noun."""
    if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True
    # "Fighting flared in Tripoli …" misparsed with the gerund as the root and the real verb as its clause
    return tok.tag_ == "VBG" and tok.dep_ == "ROOT" and tok.i == tok.sent.start \
        and not any(c.dep_ in ("nsubj", "aux") for c in tok.children)


def _natural_cause(t: Trigger, r: Roles, words: ModalityWords) -> bool:
    """ "Floods have killed 400 people", "roads destroyed by Cyclone Freddy", "were killed in an
    earthquake": a natural hazard did it, which is no actor's act."""
    def natural(tok: Token) -> bool:
        return tok.lemma_.lower() in words.natural_forces or tok.lower_ in words.natural_forces or \
            any(c.dep_ == "compound" and c.lower_ in words.natural_forces for c in tok.children)
    if r.sources:
        return any(natural(s) for s in expand(r.sources[:1]))
    return any(natural(o) for o in prep_objects(t.head, ("in", "by")))


def _planned_noun(noun: Token, words: ModalityWords) -> bool:
    """An event noun modified as not (yet) real: "the possible deployment", "a proposed ceasefire"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in words.embedders for c in noun.children)
