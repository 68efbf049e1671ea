"""Finding events in a parsed document: triggers from the lexicon × roles from the parse.

`EventFinder.find` is pure: it reads the spaCy doc and an actor look-up and returns `FoundEvent`s; the
stage filters them and writes them into the record. Steps: triggers (lexicon entries matched at tokens,
nouns told by a verb dropped) → roles (roles.py) → negation and modality (modality.py) → coding
conventions (recode.py) → one event per (source, target) pair.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from eventwire.actors.scene import PLACE_NOUNS
from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.modality import ModalityWords, find_modality
from eventwire.events.recode import FUTURE_AS_AGREE, recode
from eventwire.events.recipients import object_phrase_actors, recipient_tokens
from eventwire.events.restrictions import is_restriction
from eventwire.events.roles import (Roles, children, expand, is_passive, light_noun_roles, noun_roles, prep_objects,
                                   verb_roles)

ActorLookup = Callable[[Token], "str | None"]
ManyLookup = Callable[[Token], "list[str]"]

# Types where coordinated subjects act on each other when no target is named ("X and Y held talks").
MUTUAL_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# Types that a "joint"/"together" marker makes reciprocal ("jointly condemned X" keeps X as its target).
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# Types whose target, when the verb has none, is the target of the act they announce, refuse or admit
# ("threatened to impose sanctions on Iran" → Iran, "admitted that its military shot down a Ukrainian jet" →
# Ukraine).
BORROW_TARGET_TYPES = {"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"}
# Nouns that measure an event noun after "of"/"in" ("a package of military assistance").
AMOUNT_NOUNS = {"package", "series", "wave", "round", "batch", "shipment", "tranche", "day", "week", "month",
                "hour", "year", "million", "billion", "thousand", "hundred", "dozen", "number"}
# Nouns whose "of" names a different party than themselves.
OTHER_PARTY_NOUNS = {"supporter", "supporters", "opponent", "opponents", "critic", "critics", "victim", "victims",
                     "family", "families", "relative", "relatives", "rival", "rivals", "enemy", "enemies", "foe"}
# Types whose object may name its owner, who is then the target ("rejected calls by the U.S.", "turned
# down Beijing's offer", "received a delegation from the League"). Not COOPERATE: in "shared police
# intelligence" the modifier is a kind, not an owner (measured on the dev set: all types but COOPERATE).
OWNER_TARGET_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                      "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Determiners of a noun that names an act the story has already told ("killed in the assault").
TOLD_DETERMINERS = {"the", "this", "that", "these", "those"}
# Types whose target, when no actor is named, is the country of the place the act goes to or leaves:
# aid "into Gaza" is for Palestine, a withdrawal "from the west bank of the Dnipro" gives ground to Ukraine;
# a ceasefire "in Idlib", sanctions lifted on trade "with Cuba", strikes "in the Gaza Strip" are aimed at the
# place's country (never the source's own: see stage.place_actor).
PLACE_TARGET_TYPES = {"AID", "RETREAT", "CONCEDE", "AGREE", "SANCTION", "THREATEN", "ASSAULT", "COERCE", "MOBILIZE"}
# Types that answer someone else's act or word: an actor named anywhere in the object is the party answered
# ("rejected the announcement that President X had won").
REACTION_TYPES = {"REJECT", "ACCUSE", "SUPPORT", "PROTEST"}
# Meetings whose host is the country of the place they are held in ("attend the summit in Los Angeles").
PLACE_HOST_MODES = {"visit", "multilateral"}
PlaceLookup = Callable[[Token], bool]
# Types whose held object is the subject's own means, never the target ("stationed troops along the
# border", "pulled back its forces"): only the object's modifiers and phrases may name the target.
OWN_OBJECT_TYPES = {"MOBILIZE", "RETREAT"}
# Types whose object may be an act the story has just told, aimed at that act's doer ("condemned the attack").
CONDEMN_TYPES = {"ACCUSE"}
# Nouns for setting a captive free: a demand for it is made of the captor.
RELEASE_NOUNS = {"release", "freeing", "liberation"}
# How many sentences back the told act may be.
TOLD_WINDOW = 2
# Prepositions whose place, under an AID or RETREAT trigger, may stand for its missing target.
PLACE_PREPS = ("from", "into", "to", "in", "around", "near", "across", "inside")
# Most events one trigger may give when both sides are coordinated lists.
MAX_PAIRS = 8
# Two coordinated parties of a mutual act give one event each way (the dev set codes both directions).
BOTH_DIRECTIONS = True


@dataclass
class FoundEvent:
    type: str
    mode: str | None
    cameo: str
    source: str | None
    target: str | None
    negated: bool
    hypothetical: bool
    confidence: float
    trigger: tuple[int, int]        # character offsets of the trigger words
    evidence: tuple[int, int]       # character offsets of the sentence
    nominal: bool
    reason: str
    background: bool = False        # inside a scene-setting temporal clause (see _background)
    profile: bool = False           # in a present-perfect relative clause describing its noun (see _profile)
    long_ago: bool = False          # in a background clause dated apart from the news ("since the army seized power in 2021")
    group: int = -1                 # which trigger gave it (one trigger may give several events)
    retells: int | None = None      # the group whose act this participle tells again (see _retold)
    target_place: int | None = None  # token of a place standing for the missing target (see _place_target)
    target_demonym: int | None = None  # a nationality word naming the missing target ("a ban on Indian airlines")
    source_demonym: int | None = None  # the same for the source ("killed by Pakistani fire")


@dataclass
class Trigger:
    """A lexicon entry matched at a token, before roles are read."""
    head: Token
    entry: Entry
    words: list[Token]              # every token of the trigger phrase
    light: Token | None = None      # light verb carrying an event noun ("held" talks)
    under: bool = False             # "under attack"
    retells: int | None = None      # token index of the trigger whose act this participle tells again


class EventFinder:
    """Built once per process: the lexicon, the modality words and a Matcher on trigger lemmas."""

    def __init__(self, nlp_vocab, lexicon: Lexicon, words: ModalityWords) -> None:
        self.lexicon = lexicon
        self.words = words
        # Inflected forms as well as lemmas: the small model mislemmatises rare verbs ("readmitted").
        self.verb_forms = {f: v for v in lexicon.verbs for f in verb_forms(v)} | {v: v for v in lexicon.verbs}
        self.noun_forms = {f: n for n in lexicon.nouns for f in (n + "s", n + "es")} | {n: n for n in lexicon.nouns}
        self.matcher = Matcher(nlp_vocab)
        self.matcher.add("VERB", [[{"LEMMA": {"IN": sorted(lexicon.verbs)}, "POS": {"IN": ["VERB", "AUX"]}}],
                                  [{"LOWER": {"IN": sorted(self.verb_forms)}, "TAG": {"IN": sorted(_VERB_TAGS)}}]])
        self.matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(lexicon.nouns)}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                                  [{"LOWER": {"IN": sorted(self.noun_forms)}, "POS": "NOUN"}]])
        # hyphenated event nouns the tokenizer splits: "staged a sit-in" is sit - in
        self.matcher.add("HYPHEN_NOUN", [[{"LOWER": a}, {"TEXT": "-"}, {"LOWER": b, "POS": "NOUN"}]
                                         for n in lexicon.nouns if n.count("-") == 1 for a, b in [n.split("-")]])

    # ---- step 1: triggers --------------------------------------------------------------------
    def triggers(self, doc: Doc) -> list[Trigger]:
        seen: set[int] = set()
        verbs, nouns = [], []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            tok = doc[end - 1] if kind == "HYPHEN_NOUN" else doc[start]
            if tok.i in seen:
                continue
            seen.add(tok.i)
            trig = self._verb_trigger(tok) if kind == "VERB" else self._noun_trigger(tok)
            if trig is not None:
                (verbs if kind == "VERB" else nouns).append(trig)
        by_head = {t.head.i: t.entry.type for t in verbs}
        # the light verb of an event noun tells its act too ("carried out air strikes, killing …")
        told = by_head | {t.light.i: t.entry.type for t in nouns if t.light is not None and not t.under}
        for t in verbs:
            t.retells = _retold(t, told)
        signed = [t for t in verbs if _signed_content(t, told)]
        verbs = [t for t in verbs if not _promise_of_act(t, by_head) and not _told_by_noun(t, self.lexicon)
                 and t not in signed and not self._scope_of(t, by_head, nouns)]
        verb_types = {t.head.i: t.entry.type for t in verbs}
        # the accord of a dropped signing names no act of its own either
        verb_words = {w.i for t in verbs + signed for w in t.words}
        kept = [t for t in nouns if t.head.i not in verb_words and not _absorbed(t, verb_types)
                and not _retold_by_light_verb(t, verb_types) and not _idle(t) and not _agreement_as_thing(t)
                and not self._promised(t, verb_types)]
        return sorted(verbs + kept, key=lambda t: t.head.i)

    def _scope_of(self, t: Trigger, by_head: dict[int, str], nouns: list[Trigger]) -> bool:
        """ "agreed new sanctions on Russia, targeting 200 vessels": a participle of aiming that hangs from
        another act (a verb or an event noun) that is not an attack says whom that act is aimed at."""
        tok = t.head
        if tok.lemma_.lower() not in self.words.scope_verbs or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl"):
            return False
        # the host: a verbal trigger, an event noun, or the light verb carrying one ("imposed sanctions … targeting")
        host = {**{n.light.i: n.entry.type for n in nouns if n.light is not None},
                **{n.head.i: n.entry.type for n in nouns}, **by_head}.get(tok.head.i)
        # "strikes" may be read as a labour strike before the roles are known: keep aiming at it
        return host is not None and host not in ("ASSAULT", "PROTEST")

    def _promised(self, t: Trigger, verb_types: dict[int, str]) -> bool:
        """ "pledged $1.2 billion in economic support": what a coded promise carries is the promise's content
        (PLOVER codes promised support or aid as AGREE), not a second act."""
        light = t.light
        return light is not None and not t.under and light.lemma_.lower() in self.words.commissive_verbs \
            and verb_types.get(light.i) == "AGREE"

    def _verb_trigger(self, tok: Token) -> Trigger | None:
        for e in _entries(self.lexicon.verbs, tok.lemma_.lower(), self.verb_forms.get(tok.lower_)):
            words = self._match_words(tok, e)
            if words is None:
                continue
            if e.not_obj and any(_is(c, e.not_obj) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                continue
            if e.subj and not any(_is(c, e.subj) for c in _subject_words(tok)):
                continue
            if e.not_subj and any(_is(c, e.not_subj) for c in _subject_words(tok)):
                continue
            if e.type == "ASSAULT" and _into_open_water(tok, self.words):
                return None         # "fired shells into the sea": a test or a show of force, nobody hit
            if tok.dep_ == "amod" or (e.stative and _descriptive(tok)):
                return None         # "occupied territories", "powers backing Haftar": a state, not an act
            return Trigger(tok, e, sorted({tok, *words}, key=lambda t: t.i))
        return None

    def _match_words(self, tok: Token, e: Entry) -> list[Token] | None:
        """The extra tokens an entry needs at tok (particles, object noun), or None if absent."""
        extra: list[Token] = []
        holders = [tok]
        if e.obj:
            # a compound preposition hangs its object one level lower: "pulled out of the treaty" is parsed
            # pulled → out → of → treaty
            # an object inside a prepositional phrase counts only behind the entry's own particles ("withdraw
            # from +talks", not "withdrew its troops after the junta's +demand")
            own = {a for w in e.words for a in w.split("|")}
            # the parser often hangs the phrase on the direct object: "stripped 94 opponents of(←opponents)
            # their citizenship"
            dobjs = [c for c in tok.children if c.dep_ == "dobj"]
            preps = [c for h in [tok] + dobjs for c in h.children if c.dep_ == "prep" and c.lower_ in own]
            preps += [g for c in preps for g in c.children if g.dep_ == "prep" and g.lower_ in own]
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "ccomp") and _is(c, e.obj)] + \
                   [g for c in preps for g in c.children if _is(g, e.obj)]
            # "called the launch short-sighted": the predicate adjective, often parsed as the object's
            # modifier when it follows it
            objs += [a for o in tok.children if o.dep_ == "dobj" for a in o.children
                     if a.dep_ == "amod" and a.i > o.i and _is(a, e.obj)]
            if not objs and tok.lemma_.lower() in self.words.commissive_verbs:
                # "vowed to retaliate" says what "vowed retaliation" says
                objs = [c for c in tok.children if c.dep_ == "xcomp" and _is(c, e.obj)]
            if not objs:
                return None
            extra.append(objs[0])
            holders.append(objs[0])
            holders += [d for d in dobjs if objs[0].head.head == d]    # "of" hangs from the direct object
        for w in e.words:
            found = next((c for h in holders for c in _after_first(h)
                          if c.lower_ in w.split("|") and c.dep_ in ("prt", "prep", "agent", "dative", "advmod")
                          and not _is_time_prep(c)), None)
            if found is None:
                # "set a ship ablaze", "set free 20 hostages": the parser hangs the word on the object
                found = next((c for o in tok.children if o.dep_ == "dobj" for c in o.children
                              if c.lower_ in w.split("|") and c.dep_ in ("amod", "oprd", "acomp")), None)
            if found is None:
                return None
            extra.append(found)
            holders.append(found)       # "walk out of": "of" hangs from "out"
        return extra

    def _noun_trigger(self, tok: Token) -> Trigger | None:
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            return None             # a modifier names a kind of thing: "riot police", "aid workers"
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and any(c.lower_ == "of" for c in tok.children):
            return None             # "rallied in support of", "in protest of": a purpose, told by the verb
        joined = hyphenated(tok)
        found = _entries(self.lexicon.nouns, joined, None) if joined else []
        for e in found or _entries(self.lexicon.nouns, tok.lemma_.lower(), self.noun_forms.get(tok.lower_)):
            if e.armed and not _military_context(tok, self.words):
                continue
            words = [tok]
            if e.mods:
                mod = next((c for c in _modifier_chain(tok) if c.lemma_.lower() in e.mods), None)
                if mod is None:
                    continue
                words.append(mod)
            trig = Trigger(tok, e, sorted(words, key=lambda t: t.i))
            head = tok.head
            if head.dep_ in ("prep",) and head.lower_ in self.words.under_preps and head.head != head:
                trig.light, trig.under = head.head, True
                trig.words = sorted(trig.words + [head], key=lambda t: t.i)
            elif tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.words.light_verbs \
                    and not _judged(head):
                trig.light = head
                trig.words = sorted(trig.words + [head], key=lambda t: t.i)
            elif tok.dep_ == "pobj" and head.head.lemma_.lower() in ("engage", "take", "join", "participate"):
                trig.light = head.head
            elif tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in self.words.motion_verbs:
                trig.light = head.head          # "arrived in Cairo for talks with …"
            elif tok.dep_ == "pobj" and head.lower_ in ("of", "in") and head.head.dep_ == "dobj" \
                    and _amount(head.head) and head.head.head.lemma_.lower() in self.words.light_verbs:
                trig.light = head.head.head     # "launched three days of exercises", "$500 million in aid"
                trig.words = sorted(trig.words + [trig.light], key=lambda t: t.i)
            elif _amount_in_verb(tok, self.words):
                trig.light = head.head          # "will provide 500 million dollars in aid to Ukraine"
                trig.words = sorted(trig.words + [trig.light], key=lambda t: t.i)
            return trig
        return None


    # ---- step 2: roles and flags ---------------------------------------------------------------
    def _casualty_of_told_act(self, t: Trigger, r: Roles) -> bool:
        """ "Four policemen were killed in the assault": no doer, and the act is one the story has told
        already ("the assault", "the raid", "this attack"); its casualties are no new event."""
        if r.sources or t.light is not None or not is_passive(t.head):
            return False
        for o in prep_objects(t.head, ("in", "during")):
            told = any(c.dep_ == "det" and c.lower_ in TOLD_DETERMINERS or c.dep_ == "poss" for c in o.children)
            if told and any(e.type == t.entry.type for e in self.lexicon.nouns.get(o.lemma_.lower(), [])):
                return True
        return False

    def _doer_of_told_act(self, t: Trigger, found: list[FoundEvent], told: list[FoundEvent],
                          actor_for: ActorLookup) -> None:
        """ "Houthi rebels fired a drone at …, the coalition said, calling the attack a violation of the
        truce": condemning an act the story has just told ("the attack", "this raid") is aimed at its doer."""
        if t.entry.type not in CONDEMN_TYPES or not any(f.target is None for f in found):
            return
        objs = [o for o in children(t.head, {"dobj"}) if actor_for(o) is None]
        if not objs or not any(c.dep_ == "det" and c.lower_ in TOLD_DETERMINERS for c in objs[0].children):
            return
        kinds = {e.type for e in self.lexicon.nouns.get(objs[0].lemma_.lower(), [])}
        sents = list(t.head.doc.sents)
        here = next(k for k, s in enumerate(sents) if s.start <= t.head.i < s.end)
        since = sents[max(0, here - TOLD_WINDOW)].start_char
        earlier = [f for f in told if f.type in kinds and f.source is not None and not f.negated
                   and not f.hypothetical and since <= f.trigger[0] < t.head.idx]
        if earlier:
            for f in found:
                if f.target is None and f.source != earlier[-1].source:
                    f.target = earlier[-1].source

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
                          obj_tokens=tuple(w for w in t.words if w != t.head and _is(w, e.obj)))

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
            self._doer_of_told_act(t, found, out, actor_for)
            releases.append((t, found))
            if is_place is not None:
                _place_target(t, found, self.roles(t), is_place)
            found = _joined_act(t, found, out, self.words) or found
            for f in found:
                f.group, f.retells = i, at.get(t.retells) if t.retells is not None else None
                out.append(f)
        for t, found in releases:
            _captor_asked(t, found, out, actor_for)
        return _drop_signing_told_by_content(trigs, out, self.words)

    def _events_for(self, t: Trigger, actor_for: ActorLookup, types: dict[int, str],
                    actors_for: ManyLookup | None = None) -> list[FoundEvent]:
        e = t.entry
        r = self.roles(t)
        doc_owner = _document_content(t, actor_for, self.words)
        if doc_owner is not None:
            r.sources, r.rule = [doc_owner], r.rule + ", the document's owner"
        if _natural_cause(t, r, self.words) or self._casualty_of_told_act(t, r):
            return []
        mod = find_modality(t.light if t.light is not None and not t.under else t.head, self.words, types)
        if t.light is not None and not mod.negated and any(c.dep_ == "det" and c.lower_ == "no" for c in t.head.children):
            mod = type(mod)(True, mod.hypothetical, "negated")          # "no talks were held"
        if t.light is not None and not mod.hypothetical and _planned_noun(t.head, self.words):
            # "approved the possible deployment of troops": the light verb's act is real, the noun's is not yet
            mod = type(mod)(mod.negated, True, ", ".join(w for w in (mod.why, "planned or possible") if w))
        code = recode(e, t.light if t.light is not None and not t.under else t.head, mod, self.words, expand(r.sources))
        if code.hypothetical and not code.negated and _enacted(t, self.words):
            code = replace(code, hypothetical=False, note=code.note + "; enacted by the document")
        if r.rule == "nominal, modifier source":
            # only the noun's own modifiers ("Russian strikes"): its "of" names the target ("invasion of Ukraine")
            sources = [a for a in [actor_for(t.head)] if a is not None]
        elif "between" in r.rule:
            sources = _each_party(r.sources, actor_for, actors_for)
        else:
            sources = _first_actors(r.sources, actor_for, many=actors_for, doer=True) or \
                _first_actors(_document_signer(t, r), actor_for, many=actors_for) or \
                _numbered_group(r.sources, actor_for, self.words)
        reciprocal = len(sources) > 1 and not r.rule.startswith("passive") and self._reciprocal(t, code.type)
        target_tokens = [g for g in r.targets if _partner(g, t, r, self.words)] if reciprocal else r.targets
        target_tokens = target_tokens + _acting_targets(t)
        # "sanctions targeting Russian banks": the aiming participle told whom (see _scope_of)
        target_tokens = target_tokens + [o for h in (t.head, t.light) if h is not None for c in h.children
                                         if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"
                                         and c.lemma_.lower() in self.words.scope_verbs
                                         for o in c.children if o.dep_ == "dobj"]
        if code.type == "COOPERATE" and e.type != "COOPERATE":
            target_tokens = _joint_partners(t, self.words)     # "a joint operation with Togo against …"
        targets = _first_actors(target_tokens, actor_for, exclude=sources, many=actors_for)
        if len(targets) > 1 and (_mediation(t, self.words) or _between_target(target_tokens, targets, actor_for)
                                 or _one_counted_group(target_tokens, targets, actor_for)):
            targets = targets[:1]       # one event per broker: the parties are one side of the act
        if not targets and not reciprocal and "between" not in r.rule:
            # "issued an ultimatum to Washington": a recipient through a phrase the entry does not list
            targets = _first_actors(recipient_tokens(t.head, t.light, t.words, code.type), actor_for,
                                    exclude=sources, many=actors_for)
        if not targets and not reciprocal and "between" not in r.rule and code.type in REACTION_TYPES:
            # "rejected the announcement that President X had won": the last resort is anyone the object names
            targets = _first_actors(object_phrase_actors(t.head, t.light, t.words), actor_for, exclude=sources)[:1]
        if code.type == "MOBILIZE" and not targets:
            targets = _first_actors(_border_neighbours(t), actor_for, exclude=sources, many=actors_for)
        if e.needs_target and not targets:
            targets = _first_actors(_coordinated_objects(t.head), actor_for, exclude=sources, many=actors_for)
        if e.needs_target and not targets:
            return []
        demonym = None if targets else _demonym_word(target_tokens)
        # a passive's agent or an event noun's own modifier ("killed by Pakistani fire", "Israeli shelling")
        src_demonym = None if sources or not (r.rule.startswith("passive") or e.kind == "noun") else \
            _demonym_word(r.sources if r.rule.startswith("passive") else [t.head])
        mutual = reciprocal or e.mutual or code.type in MUTUAL_TYPES or "between" in r.rule
        conf = _confidence(bool(sources), bool(targets) or (mutual and len(sources) > 1),
                           nominal=e.kind == "noun", hops=r.hops)
        start, end = _trigger_span(t)
        sent = t.head.sent
        ev_start, ev_end = sent.start_char, sent.start_char + len(sent.text.rstrip())
        reason = f"lexicon {e.type} '{e.text}'; {r.rule}" + (f"; {mod.why}" if mod.why else "") + code.note
        return [FoundEvent(type=code.type, mode=code.mode, cameo=code.cameo, source=s, target=g,
                           negated=code.negated, hypothetical=code.hypothetical, confidence=conf, trigger=(start, end),
                           evidence=(ev_start, ev_end), nominal=e.kind == "noun", reason=reason,
                           background=_background(t.light if t.light is not None else t.head, self.words),
                           target_demonym=demonym, source_demonym=src_demonym,
                           profile=_profile(t.light if t.light is not None else t.head),
                           long_ago=_long_ago(t.light if t.light is not None else t.head))
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


# Nouns for a frontier whose "with" names the neighbour a mobilisation faces.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def _border_neighbours(t: Trigger) -> list[Token]:
    """ "put its army on the highest level of readiness and ordered units to the border with Kosovo": a
    mobilisation with no target faces the neighbour named by "the border with X" in its own clause or a
    clause coordinated with it."""
    verb = t.light if t.light is not None else t.head
    top = verb.head if verb.dep_ == "conj" else verb
    clauses = [top] + [c for c in top.conjuncts]
    out: list[Token] = []
    for cl in clauses:
        for w in cl.subtree:
            if w.lemma_.lower() in _BORDER_NOUNS:
                out += [o for p in w.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj"]
    return out


def _demonym_word(tokens: list[Token]) -> int | None:
    """A capitalised modifier of a target phrase that named no actor, which may be a nationality word
    ("a ban on Indian airlines", "accepted an Egyptian proposal"); the caller checks it against the
    knowledge base's demonyms."""
    for tok in expand(tokens):
        for w in [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]:
            hyphen = w.i + 1 < len(w.doc) and w.doc[w.i + 1].text == "-"     # "Russian-made" says no owner
            if w.tag_ in ("JJ", "NNP", "NNPS") and w.text[:1].isupper() and w.i != w.sent.start and not hyphen:
                return w.i
    return None


def _phrase(tok: Token) -> str:
    """The words of an object phrase ("each other", "the other side"); a preposition stands for its object."""
    if tok.dep_ == "prep":
        tok = next((o for o in tok.children if o.dep_ == "pobj"), tok)
    words = [w for w in tok.subtree if w.i == tok.i or (w.head.i == tok.i and w.dep_ in ("det", "amod", "nummod"))]
    return " ".join(w.lower_ for w in words)       # not its "of" phrase or relative clause


def _coordinated_objects(verb: Token) -> list[Token]:
    """"accused ECOWAS of ... and warned that any attack would be met with a response": a warning with no
    addressee of its own is addressed to the object of the verb it is coordinated with."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return []
    return [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]


def _place_target(t: Trigger, found: list[FoundEvent], r: Roles, is_place: PlaceLookup) -> None:
    """Aid sent into a place, or ground given up, with no actor on the receiving end: the place's token
    stands for the target ("allowed 200 trucks of aid into Gaza", "completed the withdrawal of its forces
    from the west bank of the Dnipro river near Kherson"). The place may sit inside the target phrase."""
    hosted = t.entry.type == "CONSULT" and t.entry.mode in PLACE_HOST_MODES
    restricted = is_restriction(t.entry.type, [w.text for w in t.words])     # "imposed a curfew in X"
    if not found or not (t.entry.type in PLACE_TARGET_TYPES or hosted or restricted) \
            or any(f.target is not None for f in found):
        return
    # the trigger's own place phrases too: "reduce military activity around Kyiv", "distributed aid in Sudan"
    heads = [t.head] + ([t.light] if t.light is not None else []) + [w for w in t.words if w.pos_ == "NOUN"]
    around = [o for h in heads for o in prep_objects(h, PLACE_PREPS)]
    # "pulled out of Kherson", "moved away from the border": a preposition on a particle
    around += [o for h in heads for p in h.children if p.dep_ in ("prep", "prt", "advmod")
               for o in prep_objects(p, ("of", "from"))]
    place = next((p for c in expand(r.targets + _acting_targets(t) + around) for p in _phrase_places(c, is_place)),
                 None)
    for f in found:
        f.target_place = None if place is None else place.i


def _phrase_places(tok: Token, is_place: PlaceLookup, depth: int = 3) -> list[Token]:
    """The token itself if it names a place, else places in its "of"/"near"/"in" phrases, nearest first."""
    if is_place(tok):
        return [tok]
    if depth == 0:
        return []
    return [p for o in prep_objects(tok, ("of", "near", "in", "outside", "around")) for p in _phrase_places(o, is_place, depth - 1)]


def _modifier_chain(noun: Token) -> list[Token]:
    """A noun's modifiers, nearest level first, then their own modifiers before the noun: "joint" in
    "joint coast guard patrols", where the parser hangs it on "guard"."""
    out, level = [], [noun]
    while level:
        level = [c for h in level for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
                 or (h.i == noun.i and c.dep_ in ("compound", "amod", "nmod"))]
        out += level
    return out


def _drop_signing_told_by_content(trigs: list[Trigger], found: list[FoundEvent],
                                  words: ModalityWords) -> list[FoundEvent]:
    """ "Lithuania and Poland signed an agreement to share air-surveillance data": the signing and the
    cooperation it sets up are one act, told best by the agreement's content (COOPERATE); the signing's
    events go when the content's clause gives asserted events from the same signers."""
    drop: set[int] = set()
    for i, t in enumerate(trigs):
        if not (t.entry.obj and t.head.lemma_.lower() in words.enacting_verbs):
            continue
        held = [w for w in t.words if w.i != t.head.i]
        clause = {d.i for h in held for c in h.children if c.dep_ in ("acl", "relcl") for d in c.subtree}
        signers = {f.source for f in found if f.group == i}
        told = [f for f in found if f.group != i and trigs[f.group].head.i in clause and not f.negated
                and not f.hypothetical and f.source in signers]
        if told:
            drop.add(i)
    return [f for f in found if f.group not in drop]


def _joined_act(t: Trigger, found: list[FoundEvent], earlier: list[FoundEvent],
                words: ModalityWords) -> list[FoundEvent]:
    """ "Russia vetoed a U.S. resolution, and China joined the veto": who joins an act named by a noun does
    it to the same target as the act joined, the latest earlier event of its type in the sentence or the one
    before. Returns the joiner's events with those targets, or [] to keep them as they are."""
    if t.light is None or t.light.lemma_.lower() not in words.joining_verbs or not found \
            or any(f.target is not None for f in found):
        return []
    sent = t.head.sent
    prev_start = sent[0].nbor(-1).sent.start_char if sent.start > 0 else sent.start_char
    same = [f for f in earlier if f.type == found[0].type and f.target is not None and not f.negated
            and prev_start <= f.evidence[0] <= sent.start_char]
    if not same:
        return []
    latest = max(f.trigger[0] for f in same)
    targets = list(dict.fromkeys(f.target for f in same if f.trigger[0] == latest))
    return [replace(f, target=g, reason=f.reason + "; target of the joined act") for f in found for g in targets
            if g != f.source]


def _amount_in_verb(tok: Token, words: ModalityWords) -> bool:
    """ "provided 500 million dollars in aid": the parser may hang "in aid" on the light verb whose object
    is the amount rather than on the amount itself."""
    prep = tok.head
    verb = prep.head
    return tok.dep_ == "pobj" and prep.lower_ == "in" and verb.lemma_.lower() in words.light_verbs \
        and any(c.dep_ == "dobj" and _amount(c) for c in verb.children)


def _numbered_group(cands: list[Token], actor_for: ActorLookup, words: ModalityWords) -> list[str]:
    """ "Saudi Arabia and Iran met in Beijing. The two countries agreed …": a counted group of parties
    ("the two countries", "both sides", "the three governments") stands for the latest coordinated list
    of that many actors in its sentence or the one before."""
    if not cands:
        return []
    tok = cands[0]
    if tok.lemma_.lower() not in words.party_nouns or tok.tag_ not in ("NNS", "NNPS"):
        return []
    n = next((_COUNT_WORDS.get(c.lower_) for c in tok.children if c.lower_ in _COUNT_WORDS
              and c.dep_ in ("nummod", "det", "predet", "amod")), None)
    if n is None:
        return []
    sent = tok.sent
    start = sent[0].nbor(-1).sent.start if sent.start > 0 else sent.start
    for j in range(tok.i - 1, start - 1, -1):
        first = tok.doc[j]
        if first.dep_ == "conj" or not first.conjuncts:
            continue
        group = [a for u in sorted([first, *first.conjuncts], key=lambda u: u.i) if (a := actor_for(u)) is not None]
        group = list(dict.fromkeys(group))
        if len(group) == n:
            return group
    return []


_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4}


def _mediation(t: Trigger, words: ModalityWords) -> bool:
    """ "Egypt and Qatar brokered a truce between Israel and Hamas": a third party's mediation is coded
    once per mediator, whose target is the parties together (the labelling conventions); the first named
    party stands for them."""
    return t.head.lemma_.lower() in words.mediation_words or \
        (t.light is not None and t.light.lemma_.lower() in words.mediation_words)


def _agreement_as_thing(t: Trigger) -> bool:
    """ "The deal, signed in 2015, limited Iran's programme", "the truce has largely held": an agreement
    that does something is a standing thing, not the act of agreeing (which its own verb would tell)."""
    return t.entry.kind == "noun" and t.entry.type == "AGREE" and t.light is None \
        and t.head.dep_ == "nsubj" and t.head.head.pos_ in ("VERB", "AUX")


def _idle(t: Trigger) -> bool:
    """An `acting` noun that does nothing: "gunmen attacked an aid convoy" reports no aid delivered."""
    verb = t.head.head
    return t.entry.acting and not (t.head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i != t.head.i)


def _acting_targets(t: Trigger) -> list[Token]:
    """Where an `acting` noun's verb takes it: "an aid convoy reached northwest Syria", "… arrived in Gaza"."""
    if not t.entry.acting or t.head.dep_ != "nsubj":
        return []
    verb = t.head.head
    return [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(verb, ("to", "into", "in"))


def _enacted(t: Trigger, words: ModalityWords) -> bool:
    """ "signed orders rejoining the WHO", "adopted a resolution demanding a ceasefire": the act of a
    participle on a document that was signed, issued or adopted is done by the signing, not planned (the
    document noun would otherwise embed it as hypothetical). Not "will sign a bill banning …"."""
    if t.head.dep_ != "acl" or t.head.tag_ != "VBG":
        return False
    doc_noun = t.head.head
    verb = doc_noun.head
    if doc_noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in words.enacting_verbs:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux and all(a.lemma_.lower() in ("have", "be") for a in aux))


def _document_signer(t: Trigger, r: Roles) -> list[Token]:
    """ "signed orders rejoining the Paris accord", "issued a decree granting amnesty": a participle on a
    document names no doer of its own; whoever signed or issued the document (the subject of the verb
    that holds it) does the act."""
    if not r.sources or t.head.dep_ != "acl" or t.head.tag_ != "VBG":
        return []
    doc_noun = r.sources[0]
    if doc_noun.i != t.head.head.i or doc_noun.dep_ not in ("dobj", "nsubjpass") or doc_noun.head.pos_ != "VERB":
        return []
    return [s for s in doc_noun.head.children if s.dep_ == "nsubj"]


def _joint_partners(t: Trigger, words: ModalityWords) -> list[Token]:
    """The partners of an exercise or operation recoded as joint (COOPERATE): its "with"/"alongside"
    phrase, never the operation's own object ("against armed groups", "near the border")."""
    heads = [t.head] + ([t.light] if t.light is not None else [])
    return [o for h in heads for o in prep_objects(h, tuple(words.partner_preps))]


def _partner(tok: Token, t: Trigger, r: Roles, words: ModalityWords) -> bool:
    """Whether a target candidate of a reciprocal act is a further party to it rather than what the act
    is about: the verb's own object ("met Iran's envoy"), a "with"/"between" phrase ("exchanged prisoners
    with Russia"), or a target phrase of the trigger other than an aim ("against armed groups"). Owners
    of the held object ("exchanged Russian prisoners") and clauses further down ("intelligence that led
    to the arrest of X") are not parties; nor is the target of an act embedded in a promise kept out."""
    if "threatened act" in r.rule:
        return True
    heads = {t.head.i} | ({t.light.i} if t.light is not None else set())
    if tok.dep_ in ("dobj", "dative") and tok.head.i in heads and tok not in t.words:
        return True
    prep = tok.head if tok.dep_ in ("pobj", "pcomp") else None
    if prep is None:
        return False
    if prep.lower_ in words.partner_preps:
        return True
    return prep.head.i in heads | {w.i for w in t.words} and prep.lower_ in t.entry.to \
        and prep.lower_ not in words.aim_preps


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


def _each_party(parties: list[Token], actor_for: ActorLookup, many: ManyLookup | None) -> list[str]:
    """Every party a "between" phrase names: the first with its coordinated partners, then any the parser
    hung inside the first one's phrase (see roles.between_parties)."""
    out = _first_actors(parties[:1], actor_for, many=many)
    for p in parties[1:]:       # a party found inside the first one's phrase: its own actor only
        a = actor_for(p)
        if a is not None and a not in out:
            out.append(a)
    return out


def _document_content(t: Trigger, actor_for: ActorLookup, words: ModalityWords) -> Token | None:
    """ "Russia vetoed a United States resolution calling for a ceasefire": a participle after an object
    that is a document tells what the document says (the parser hangs it on the verb), so its author,
    when the document names one, is the source, not the verb's subject."""
    tok = t.head
    if t.light is not None or tok.tag_ != "VBG" or tok.dep_ != "advcl" or children(tok, {"nsubj"}):
        return None
    for obj in children(tok.head, {"dobj"}):
        if obj.i < tok.i and obj.lemma_.lower() in words.document_nouns and actor_for(obj) is not None:
            return obj
    return None


def _planned_noun(noun: Token, words: ModalityWords) -> bool:
    """An event noun modified as not (yet) real: "the possible deployment", "a proposed ceasefire"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in words.embedders for c in noun.children)


def _one_counted_group(tokens: list[Token], targets: list[str], actor_for: ActorLookup) -> bool:
    """ "detained nearly 50 journalists and activists": one number counts the whole coordinated group of
    common nouns, which is one target, not one per noun ("killed 3 soldiers and 2 civilians" is two)."""
    first = next((tok for tok in tokens if actor_for(tok) in targets), None)
    if first is None or first.pos_ != "NOUN" or not any(c.dep_ == "nummod" for c in first.children):
        return False
    partners = [c for c in first.children if c.dep_ == "conj"]
    return bool(partners) and all(p.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in p.children)
                                  for p in partners)


def _between_target(tokens: list[Token], targets: list[str], actor_for: ActorLookup) -> bool:
    """ "opposed any official contact between Washington and Taipei": the parties of the object's
    "between" are together what the act is aimed at, one event, as for a mediator."""
    first = next((tok for tok in tokens if actor_for(tok) in targets), None)
    return len(targets) > 1 and first is not None and first.dep_ == "pobj" and first.head.lower_ in ("between", "among")


def _natural_cause(t: Trigger, r: Roles, words: ModalityWords) -> bool:
    """ "Floods have killed 400 people", "roads destroyed by Cyclone Freddy", "were killed in an
    earthquake": a natural hazard did it, which is no actor's act."""
    def natural(tok: Token) -> bool:
        return tok.lemma_.lower() in words.natural_forces or tok.lower_ in words.natural_forces or \
            any(c.dep_ == "compound" and c.lower_ in words.natural_forces for c in tok.children)
    if r.sources:
        return any(natural(s) for s in expand(r.sources[:1]))
    return any(natural(o) for o in prep_objects(t.head, ("in", "by")))


def _captor_asked(t: Trigger, found: list[FoundEvent], told: list[FoundEvent], actor_for: ActorLookup) -> None:
    """ "demanded the release of President Alpha Conde, who was detained by soldiers": a demand for someone's
    release is made of whoever the story says holds them (a COERCE event on that person, in the same
    sentence or TOLD_WINDOW sentences before)."""
    if t.entry.type != "REQUEST":
        return
    asked = children(t.head, {"dobj"}) + prep_objects(t.head, ("for",))     # "demanded the release", "called for"
    freed = [actor_for(o) for n in asked if n.lemma_.lower() in RELEASE_NOUNS
             for o in prep_objects(n, ("of",))]
    freed = [a for a in freed if a is not None]
    if not freed:
        return
    sents = list(t.head.doc.sents)
    here = next(k for k, s in enumerate(sents) if s.start <= t.head.i < s.end)
    since, until = sents[max(0, here - TOLD_WINDOW)].start_char, sents[here].end_char
    captors = [f.source for f in told if f.type == "COERCE" and f.target in freed and f.source is not None
               and not f.negated and since <= f.trigger[0] < until]
    for f in found:
        if captors and (f.target is None or f.target in freed) and f.source != captors[0]:
            f.target = captors[0]


def _absorbed(t: Trigger, verb_types: dict[int, str]) -> bool:
    """An event noun told by a verbal trigger of the same type adds nothing ("brokered a truce", "a truce
    brokered by Turkey"). Of another type it is an event of its own: "praised the Hamas attack on Israel"."""
    noun, head = t.head, t.head.head
    if head.dep_ in ("prep", "agent"):
        head = head.head
    if verb_types.get(head.i) == t.entry.type:
        return True
    return any(verb_types.get(c.i) == t.entry.type for c in noun.children if c.dep_ in ("acl", "relcl", "amod"))


_VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"}


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma: attack → attacks, attacked, attacking; seize → seized, seizing."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}    # "readmitted", "shelled"
    return forms


def _entries(table: dict[str, list[Entry]], lemma: str, form_lemma: str | None) -> list[Entry]:
    """Entries for the token's lemma and for the lemma its surface form points to, most specific first."""
    found = list(table.get(lemma, []))
    if form_lemma and form_lemma != lemma:
        found += table.get(form_lemma, [])
    return sorted(found, key=lambda e: -e.specificity)


# Trigger words further than this from the rest are left out of the trigger span (it must be contiguous):
# "lost control of the border town of Myawaddy to" → "lost control".
MAX_TRIGGER_GAP = 3


def _trigger_span(t: Trigger) -> tuple[int, int]:
    """Character span of the trigger: the head and the words of the phrase close enough to it."""
    lo = hi = t.head.i
    for w in sorted(t.words, key=lambda w: abs(w.i - t.head.i)):
        if lo - MAX_TRIGGER_GAP <= w.i < lo:
            lo = w.i
        elif hi < w.i <= hi + MAX_TRIGGER_GAP:
            hi = w.i
    doc = t.head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _is(tok: Token, lemmas: tuple[str, ...]) -> bool:
    return tok.lemma_.lower() in lemmas or tok.lower_ in lemmas or hyphenated(tok) in lemmas


def hyphenated(tok: Token) -> str:
    """The whole of a hyphenated word the tokenizer split: "sit-in", "short-sighted" (the head is the last part)."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return ""


def _subject_words(verb: Token) -> list[Token]:
    """The verb's subjects, and the "by" agent of a passive: "missiles hit the port" and "the port was hit by
    missiles" both have missiles doing the hitting."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out + [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]


# Preps whose object a military strike is aimed at; a work stoppage is "against" a policy, named by a common noun.
_AIMED_PREPS = ("on", "against")


def _military_context(noun: Token, words: ModalityWords) -> bool:
    """A "strike" that is an attack: owned by a state or people ("Israel's strikes", "Russian strikes") or aimed at
    a named party or place ("strikes on Rafah", "strikes against the Houthis"), and not marked as a stoppage
    of work ("a general strike", "the doctors' strike", "a strike over pay")."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    if any(m.lower_.strip("'") in words.labour_words or m.lemma_.lower() in words.labour_words for m in mods):
        return False
    if any(p.dep_ == "prep" and p.lower_ in ("over", "for") for p in noun.children):
        return False
    owned = any(m.ent_type_ in ("GPE", "NORP") for m in mods)
    aimed = any(p.dep_ == "prep" and p.lower_ in _AIMED_PREPS and
                any(o.dep_ == "pobj" and o.pos_ == "PROPN" and o.ent_type_ not in ("DATE", "TIME") for o in p.children)
                for p in noun.children)
    return owned or aimed


def _into_open_water(verb: Token, words: ModalityWords) -> bool:
    """The weapon lands in the sea: "fired shells into the sea", "fired missiles into the Sea of Japan"."""
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.dep_ == "prep" and p.lower_ in ("into", "in", "toward", "towards", "off")
               and any(o.dep_ == "pobj" and o.lemma_.lower() in words.open_waters for o in p.children)
               for h in holders for p in h.children)


def _is_time_prep(prep: Token) -> bool:
    """ "on Tuesday", "in 2019": a preposition that dates the event does not make a phrasal verb."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _after_first(tok: Token) -> list[Token]:
    """Children after the token first, nearest first: the "on" of "called on X", not of "on Tuesday"."""
    return sorted(tok.children, key=lambda c: (c.i < tok.i, abs(c.i - tok.i)))


def _descriptive(tok: Token) -> bool:
    """A participle or present-tense relative clause describing a noun ("powers backing Haftar",
    "UN-backed government", "militias, which are supported by France")."""
    if tok.dep_ in ("acl", "amod", "compound"):
        return True
    tenses = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if tok.dep_ == "relcl":
        return bool(tenses & {"VBZ", "VBP", "VBG"}) and not tenses & {"VBD", "MD"}
    # present simple states a standing relation: "Turkey backs rebel groups", "Russia and Iran support Assad",
    # and so does the present passive: "the KNU is allied with several militias", "Haftar is backed by Russia"
    if tok.tag_ == "VBN" and tenses in ({"VBN", "VBZ"}, {"VBN", "VBP"}):
        return any(c.dep_ == "auxpass" for c in tok.children)
    return tok.tag_ in ("VBZ", "VBP") and len(tenses) == 1


# Nouns naming an attack: as a verb's subject ("the shelling of Omdurman killed 15 people") their "of"
# object is what was attacked; only "by" names the attacker.
ATTACK_EVENT_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "offensive", "invasion", "incursion",
                                "bombing", "shelling", "bombardment", "assault", "onslaught", "siege", "blockade"})


def _first_actors(candidates: list[Token], actor_for: ActorLookup, exclude: list[str] = (),
                  many: ManyLookup | None = None, doer: bool = False) -> list[str]:
    """The actors of the first candidate argument that names any, with its coordinated partners.

    A candidate with no actor of its own may name one inside it: "positions of the PKK", "a plan by
    ECOWAS", "a request from Ecuador" (one level down only).
    """
    for cand in candidates:
        out: list[str] = []
        # "Iran's ally Syria": the apposition names the argument, the possessor only describes it
        if cand.pos_ == "NOUN":
            cand = next((c for c in cand.children if c.dep_ == "appos" and actor_for(c) is not None), cand)
        for tok in expand([cand]):
            if doer and actor_for(tok) is None and tok.lemma_.lower() in ATTACK_EVENT_NOUNS:
                # "the shelling of Omdurman killed 15": the attack's "of" names what was hit, not who hit it
                found = [x for o in expand(prep_objects(tok, ("by",))) for x in _actors_in(o, actor_for, 1, exclude)]
            else:
                found = _actors_in(tok, actor_for, depth=2, exclude=exclude)
            if many is not None and actor_for(tok) in found:
                found += many(tok)          # the other actors the same token stands for
            for a in found:
                if a not in out and a not in exclude:
                    out.append(a)
        if out:
            return out
    return []


def _actors_in(tok: Token, actor_for: ActorLookup, depth: int, exclude: list[str] = (), nested: bool = False) -> list[str]:
    """tok's actor, else the actors of its of/by/from/with objects ("hundreds of thousands of people"), but
    not through nouns that name someone else ("supporters of Imran Khan" are not Imran Khan). Inside an "of"
    phrase, also the place it is in ("reports of killings in Ethiopia's Amhara region"); not on the
    argument itself, where "in" is often the venue ("discussed trade ties in Lima")."""
    a = actor_for(tok)
    if a in exclude:
        a = None            # "moved troops to its border with Ukraine": the source's own border leads on to Ukraine
    if a is None and tok.lemma_.lower() in OTHER_PARTY_NOUNS:
        return []
    inner = [] if depth == 0 else \
        [x for o in expand(prep_objects(tok, ("of", "by", "from", "with")) + (_places_in(tok) if nested else []))
         for x in _actors_in(o, actor_for, depth - 1, exclude, nested=True)]
    if a is None and not inner and depth > 0:
        # "sanctions on Venezuela's oil sector", "Washington's decision": the owner of a thing that is nobody
        inner = [x for o in tok.children if o.dep_ == "poss" and o.tag_ != "PRP$"
                 for x in _actors_in(o, actor_for, 0, exclude)]
    if a is not None:
        # "the foreign ministers of Russia and Ukraine": the coordinated list says more than the head
        return inner if len(set(inner)) > 1 and a in inner else [a]
    return inner


def _places_in(tok: Token) -> list[Token]:
    """A place the noun is in, as the actor it is about: "reports of killings in Ethiopia's Amhara region"
    (not "the vote in parliament": only places)."""
    return [o for o in prep_objects(tok, ("in",)) if o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in PLACE_NOUNS]


def _judged(verb: Token) -> bool:
    """ "called the attack a violation", "declared the vote illegal": the verb judges its object, which is
    someone else's act told again, not one the verb's subject carries out."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _retold(t: Trigger, by_head: dict[int, str]) -> int | None:
    """ "shelled the city, killing three civilians": a participle of the same type as the verb it hangs
    from tells the same act again, also after another participle ("raided a village, burning homes and
    abducting women"). Returns the index of the verb (or light verb) it hangs from."""
    tok = t.head
    if tok.tag_ != "VBG":
        return None
    cur = tok
    while cur.dep_ == "conj" and cur.head.tag_ == "VBG" and cur.head != cur:
        cur = cur.head
    if cur.dep_ in ("advcl", "conj") and by_head.get(cur.head.i) == t.entry.type:
        return cur.head.i
    return None


# How many clause steps (reported speech, coordination) may separate a verb from the event noun whose
# relative clause it sits in.
MAX_RELATIVE_CLIMB = 3


def _told_by_noun(t: Trigger, lexicon: Lexicon) -> bool:
    """ "a raid that killed 274 people", "an attack which officials said wounded ten": a verb in the
    relative clause of an event noun of its own type tells that noun's act again."""
    cur = t.head
    for _ in range(MAX_RELATIVE_CLIMB):
        if cur.dep_ == "relcl":
            noun = cur.head
            return noun.pos_ == "NOUN" and any(e.type == t.entry.type for e in lexicon.nouns.get(noun.lemma_.lower(), []))
        if cur.dep_ not in ("ccomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _retold_by_light_verb(t: Trigger, verb_types: dict[int, str]) -> bool:
    """ "left Niger on Friday, completing a withdrawal": an event noun carried by a participle that hangs
    from a verbal trigger of the same type tells that act again (as `_retold` does for verbs)."""
    light = t.light
    return light is not None and not t.under and light.tag_ == "VBG" and light.dep_ in ("advcl", "conj") \
        and verb_types.get(light.head.i) == t.entry.type


def _promise_of_act(t: Trigger, by_head: dict[int, str]) -> bool:
    """ "agreed to restore relations", "promised to reduce activity": the promised act is coded (as AGREE
    or CONCEDE, see recode) and the bare promise would only repeat it. "Agreed to ban imports" keeps its
    AGREE: a promised sanction is not recoded."""
    return t.entry.type == "AGREE" and any(c.dep_ == "xcomp" and by_head.get(c.i) in FUTURE_AS_AGREE | {"RETREAT"}
                                           for c in t.head.children)


# Acts whose to-infinitive after a signed accord is what the accord is about ("signed an agreement to
# share air-surveillance data"): the act is coded, and signing it would only repeat it.
SIGNED_CONTENT_TYPES = {"COOPERATE", "AID", "CONSULT"}


def _signed_content(t: Trigger, told: dict[int, str]) -> bool:
    """ "signed a trade accord to expand cooperation": one event, the cooperation the accord sets up."""
    objs = [w for w in t.words if w != t.head and w.dep_ in ("dobj", "nsubjpass")]
    return t.entry.type == "SUPPORT" and bool(t.entry.obj) and any(
        c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and told.get(c.i) in SIGNED_CONTENT_TYPES for o in objs for c in o.children)


def _amount(tok: Token) -> bool:
    """ "three days of", "$500 million in", "a package of": a measure of the event noun that follows."""
    return tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "DATE") or tok.lemma_.lower() in AMOUNT_NOUNS \
        or any(c.dep_ == "nummod" for c in tok.children)


def _background(tok: Token, words: ModalityWords) -> bool:
    """Inside a temporal clause that sets the scene ("… after Russia recognised two regions"): told as
    background to the reported event, not reported itself."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words.background_marks for c in cur.children):
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


# Words that put a background clause at a distance from the news ("two years after", "last year", "in 2021").
_DISTANT = frozenset({"year", "years", "month", "months", "decade", "decades", "ago"})


def _long_ago(tok: Token) -> bool:
    """A background clause dated apart from the reported news: its own date names a year or a distance
    ("since the army seized power in 2021", "… last year"), or its "after" is measured in months or years
    ("two years after Russia invaded")."""
    clause = tok
    for _ in range(3):
        if clause.dep_ == "advcl" or clause.head is clause:
            break
        clause = clause.head
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark"]
    measured = any(d.lower_ in _DISTANT for m in marks for d in m.subtree) or \
        any(d.lower_ in _DISTANT for c in clause.children if c.dep_ == "npadvmod" for d in c.subtree)
    # the clause's own words, not those of a clause inside it ("… ousted Bongo, whose family had ruled for 56 years")
    nested = {d.i for w in clause.subtree if w is not clause and w.dep_ in ("relcl", "acl", "ccomp", "advcl")
              for d in w.subtree}
    dated = any(w.ent_type_ == "DATE" and (w.lower_ in _DISTANT or (w.is_digit and len(w.text) == 4))
                for w in clause.subtree if w.i not in nested)
    return measured or dated


def _profile(tok: Token) -> bool:
    """In a relative clause in the present perfect ("which has fought the military for decades", "whose
    country has been fighting Russia since 2022", "which has applied to join the EU"): the record of
    the noun it describes, not an act the story reports. A past-tense clause ("who seized power on
    Monday") can report one, except on an apposition, which says who the actor is."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            # "Fano, an ethnic Amhara militia that fought alongside federal troops": an apposition's clause
            # describes who the actor is, whatever its tense
            return cur.head.dep_ == "appos" or \
                any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in cur.children)
        if cur.dep_ not in ("xcomp", "conj") or cur.head == cur:
            return False
        cur = cur.head
    return False


def _gerund(tok: Token) -> bool:
    """ "Fighting between the army and the RSF spread": a verb form used as a noun."""
    if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True
    # "Fighting flared in Tripoli …" misparsed with the gerund as the root and the real verb as its clause
    return tok.tag_ == "VBG" and tok.dep_ == "ROOT" and tok.i == tok.sent.start \
        and not any(c.dep_ in ("nsubj", "aux") for c in tok.children)


# Confidence: start high for a verb with both sides named, take off for what is missing or far.
BASE_CONFIDENCE = 0.9
MISSING_SOURCE = 0.3
MISSING_TARGET = 0.15
NOMINAL = 0.15
PER_EXTRA_HOP = 0.05


def _confidence(has_source: bool, has_target: bool, *, nominal: bool, hops: int) -> float:
    c = BASE_CONFIDENCE
    c -= 0 if has_source else MISSING_SOURCE
    c -= 0 if has_target else MISSING_TARGET
    c -= NOMINAL if nominal else 0
    c -= PER_EXTRA_HOP * max(0, hops - 1)
    return round(max(0.05, min(0.99, c)), 2)

