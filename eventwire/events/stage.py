"""Events stage: PLOVER-coded events with source, target, trigger words and evidence.

Finding is `EventFinder.find` (pure, in finder.py); this module filters what was found and writes it
into the record. Dates and places are set later by the anchor stage.
"""
from __future__ import annotations

import dataclasses

from eventwire import nlp as nlp_loader
from eventwire.analysis import Analysis
from eventwire.actors.scene import country_is_guessed
from eventwire.actors.territory import SETTLEMENTS, SITE_NOUNS
from eventwire.events.implied import arresting_police, doer_of_means, state_forces_country
from eventwire.events.scene_targets import scene_target
from eventwire.events.restrictions import is_restriction, place_people
from eventwire.events.riots import code_riots
from eventwire.events.background import told_as_history
from eventwire.events.finder import MUTUAL_TYPES, EventFinder
from eventwire.events.found import MISSING_TARGET, FoundEvent
from eventwire.events.targets import ATTACK_EVENT_NOUNS
from eventwire.events.lexicon import load_lexicon
from eventwire.events.conventions import load_conventions, pronoun_speaker
from eventwire.events.false_alarms import false_alarm
from eventwire.events.modality import load_modality
from eventwire.events.obligations import obligation_requests
from eventwire.events.unanchored import unanchored_event
from eventwire.events.ontology import default_ontology
from eventwire.actors.kb import load_builtin
from eventwire.record import Actor, Event, Record
from eventwire.settings import Settings

# An event with neither a source nor a target names nobody ("the dialogue was suspended", "the
# violence"): such mentions are background, not event data, so they are dropped.
KEEP_UNANCHORED = False
# A verbal act (a statement, request, accusation …) with no one saying it is noise: "was criticised",
# "is internationally recognised". Material acts keep a known victim ("two drivers were killed").
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Acts in a scene-setting temporal clause ("… after Russia recognised two breakaway regions") are the
# story's background, not what it reports (dev set: dropping them 0.603 → 0.608 events F1).
KEEP_BACKGROUND = False
# Violent and coercive acts are reported even when told as the cause of the main event ("… after soldiers
# ousted the president", "… after rioters ransacked government buildings"): the dev gold codes them, while
# diplomatic background ("after Russia recognised two regions") it does not.
BACKGROUND_TOLD_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# A nominal event needs its doer ("Turkey's support for …"); "the ouster of Gaddafi" with no doer is
# a background mention of something the article does not report.
NOMINAL_NEEDS_SOURCE = True


class EventStage:
    name = "events"
    requires = ("doc", "record.actors", "token_actor")
    assigns = ("record.events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.ontology = default_ontology()
        self.lexicon = load_lexicon(ontology=self.ontology)
        nlp = nlp_loader.load(settings.model)
        self.finder = EventFinder(nlp.vocab, self.lexicon, load_modality())
        kb = load_builtin()
        self.country_names = {e.country: e.name for e in kb.entries.values() if e.kind == "country" and e.country}
        # names a country is known by ("Gaza", "West Bank" → PSE): they outrank the gazetteer's guess
        self.country_aliases = {a.text.lower(): a.entry.country for a in kb.aliases
                                if a.entry.kind == "country" and a.form in ("name", "alias") and a.entry.country}
        self.demonyms = {a.text.lower(): a.entry.country for a in kb.aliases
                         if a.entry.kind == "country" and a.form == "demonym" and a.entry.country}

    def __call__(self, an: Analysis) -> None:
        state_forces_country(an.record)
        found = self.finder.find(an.doc, an.actor_for, an.actors_for, lambda t: t.i in an.token_place)
        found = drop_retold(found + obligation_requests(an.doc, an.actor_for, found), an.record)
        for f in found:
            if f.source is None:
                f.source = pronoun_speaker(an.doc, f.trigger, an.actor_for, load_conventions())
        found = [unguessed_place(f, an.record) for f in found]
        # parties the story implies (before `keep`, which drops acts with no party)
        found = arresting_police(doer_of_means(found, an.doc, an.actor_for, an.record), an.record)
        lead = lead_end(an.record)
        found = answered_attacks(found, an.record, self.finder.words.retaliation_words)
        found = drop_attack_told_again(found, lead)
        found = [f for f in found if keep(f, f.source is None and f.target is None and unanchored_event(
                     an.doc, f.trigger, f.type, f.negated, f.hypothetical))
                 and not told_as_history(f, an.doc, an.record.published)]
        found = [f for f in found if not self._false_alarm(f, an)]
        found = code_riots(found, an.record)     # violence by a crowd is a riot (riots.py)
        for f in found:
            if f.target is None and f.target_place is not None:
                tok = an.doc[f.target_place]
                if is_restriction(f.type, an.record.text[f.trigger[0]:f.trigger[1]].split()):
                    f.target = place_people(an.record, an.token_place.get(tok.i), tok.idx, tok.idx + len(tok.text))
                else:
                    f.target = place_actor(an, f.target_place, f.source, self.country_names, self.country_aliases)
            if f.source is None and f.source_demonym is not None:
                f.source = demonym_actor(an, f.source_demonym, f.target, self.country_names, self.demonyms)
            if f.target is None and f.target_demonym is not None:
                f.target = demonym_actor(an, f.target_demonym, f.source, self.country_names, self.demonyms)
            if f.target is None:
                f.target = scene_target(
                    an, f, lambda i, src: place_actor(an, i, src, self.country_names, self.country_aliases),
                    lambda i: place_people(an.record, an.token_place.get(i), an.doc[i].idx,
                                           an.doc[i].idx + len(an.doc[i].text)))
        found = protest_targets_from_demands(found)
        found = drop_casualty_retellings(found, an.record.text)
        found = [f for f in found if not running_toll(f, an.doc)]
        found = drop_definite_retellings(found, an.doc)
        found = drop_nested_parties(found, an.record)
        found = drop_own_side_targets(found, an.record)
        found = drop_duplicates(found, lead, an.record)
        for f in found:
            an.record.events.append(to_event(an.record, f, f"E{len(an.record.events) + 1}"))


    def _false_alarm(self, f: FoundEvent, an: Analysis) -> bool:
        """Sport, metaphor, disaster relief, accident inquiries, since-clauses: see false_alarms.py."""
        src, tgt = an.record.actor(f.source), an.record.actor(f.target)
        foreign = tgt is not None and tgt.country is not None and (src is None or src.country != tgt.country)
        if tgt is None and src is not None and src.country is not None and f.type in ("AID", "MOBILIZE"):
            # help for a disaster abroad ("USAID provided shelter … after the earthquake in Haiti") is aid
            sent = next((s for s in an.doc.sents if s.start_char <= f.evidence[0] < s.end_char), None)
            countries = {a.country for t in (sent or []) if (a := an.record.actor(an.actor_for(t))) is not None}
            # and places: "$33 million in assistance to people hit by the cyclone in Mozambique"
            countries |= {p.country for t in (sent or []) if (p := an.record.place(an.token_place.get(t.i))) is not None}
            foreign = bool(countries - {src.country, None, "IGO"})
        why = false_alarm(an.doc, f.trigger, f.type, f.mode, foreign, self.finder.words.natural_forces)
        return why is not None


# Armed groups that fight inside their own country: a place attacked by them with no country named is taken
# to be in the story's country ("the rebels pressed their offensive on the city").
NON_STATE_SECTORS = frozenset({"REB", "UAF", "CRM", "PRM", "SEP", "OPP"})


def answered_attacks(found: list[FoundEvent], rec: Record, words: frozenset[str]) -> list[FoundEvent]:
    """ "The RSF attacked army positions … The army hit back with air strikes": a retaliation with no target of
    its own is aimed at whoever last attacked its doer earlier in the text."""
    out: list[FoundEvent] = []
    for f in found:
        said = set(rec.text[f.trigger[0]:f.trigger[1]].lower().split())
        if f.type == "ASSAULT" and f.target is None and f.source is not None and said & words:
            earlier = [g for g in out if g.type == "ASSAULT" and g.target == f.source and g.source is not None
                       and g.trigger[0] < f.trigger[0]]
            if earlier:
                f = dataclasses.replace(f, target=earlier[-1].source,
                                        reason=f.reason + "; target: who attacked the doer before")
        out.append(f)
    return out


def drop_attack_told_again(found: list[FoundEvent], lead: int = 0) -> list[FoundEvent]:
    """ "Houthi drones struck fuel tankers near Abu Dhabi … The Houthis said they had launched the attack":
    an attack with no target, by a doer whose attack the text has already told with its target, is that
    attack told again. The headline and standfirst do not count as the earlier telling: the body's lead is
    the story's own telling, and the headline's goes in its favour (drop_duplicates)."""
    out, seen = [], set()       # (type, doer) of attacks told earlier with a target
    for f in found:
        if f.evidence[0] < lead:
            out.append(f)
            continue
        key = (f.type, f.source)
        if f.type == "ASSAULT" and f.source and f.target is None and key in seen \
                and not f.negated and not f.hypothetical:
            continue
        if f.target is not None:
            seen.add(key)
        out.append(f)
    return out


def unguessed_place(f: FoundEvent, rec: Record) -> FoundEvent:
    """A target place whose country is only the story's (territory.py, "story-country") is dropped when the
    doer is a state's force of that same country: "Russian forces shelled the city" in a story about Russia
    says nothing of whose city it is. Insurgents' targets stay ("the rebels pressed their offensive on the
    city"), as do places of another country than the doer's."""
    tgt, src = rec.actor(f.target), rec.actor(f.source)
    if tgt is None or "story-country" not in (tgt.reason or "") or _named_as_people_here(tgt, f):
        return f
    if src is None or (src.country == tgt.country and src.sector not in NON_STATE_SECTORS):
        return dataclasses.replace(f, target=None, confidence=round(max(0.05, f.confidence - MISSING_TARGET), 2))
    return f


def _named_as_people_here(actor, f: FoundEvent) -> bool:
    """The story-country actor is named here by its people ("detained more than 150 protesters"), merged with
    a guessed place elsewhere ("four border villages"): the people are the target whatever the place's guess."""
    here = [m.text.lower().split()[-1] for m in actor.mentions if f.evidence[0] <= m.start < f.evidence[1]]
    return bool(here) and not any(w in SETTLEMENTS or w in SITE_NOUNS or w.rstrip("s") in SETTLEMENTS for w in here)


def keep(f: FoundEvent, unanchored_ok: bool = False) -> bool:
    """`unanchored_ok`: an event that stands without actors (unanchored.py: "seven people were wounded")."""
    if f.source is None and f.target is None and not (KEEP_UNANCHORED or unanchored_ok):
        return False
    if f.nominal and f.source is None and NOMINAL_NEEDS_SOURCE and not unanchored_ok:
        return False
    if f.source is None and f.type in VERBAL_TYPES:
        return False
    if f.background and not KEEP_BACKGROUND and (f.type not in BACKGROUND_TOLD_TYPES or f.long_ago):
        return False
    if f.profile:
        return False            # "the KNU, which has fought the military for decades": a record, not news
    return True


def drop_retold(found: list[FoundEvent], rec: Record) -> list[FoundEvent]:
    """A participle that tells its verb's act again ("shelled the city, killing three civilians") gives
    one event, not two. The verb's events are kept unless the participle names the victims better: the
    verb has no target, or only a state, often reached through a place ("attacked a village in Nigeria,
    killing 21 people" → the people, Nigerian civilians; "a U.S. base, killing three American soldiers")."""
    groups: dict[int, list[FoundEvent]] = {}
    for f in found:
        groups.setdefault(f.group, []).append(f)
    retellers: dict[int, list[int]] = {}
    for g, evs in groups.items():
        if evs[0].retells is not None and evs[0].retells in groups:
            retellers.setdefault(evs[0].retells, []).append(g)
    dropped: set[int] = set()
    for main, parts in retellers.items():
        # "killing three civilians and wounding 12 others": the first participle that names the victims
        # better stands for the act, the rest are dropped with the verb
        better = next((g for g in parts if _names_victims_better(groups[g], groups[main], rec)), None)
        dropped |= ({main, *parts} - {better}) if better is not None else set(parts)
        doers = [f.source for f in groups[main] if f.source is not None]
        if better is not None and doers:
            # "blamed the government …, calling Assad a murderer": the participle's doer is the verb's
            for f in groups[better]:
                if f.source is None and doers[0] != f.target:
                    f.source = doers[0]
    return [f for f in found if f.group not in dropped]


def _names_victims_better(part: list[FoundEvent], main: list[FoundEvent], rec: Record) -> bool:
    actors = {a.id: a for a in rec.actors}
    theirs = [actors[f.target] for f in part if f.target in actors]
    ours = [actors[f.target] for f in main if f.target in actors]
    if not theirs:
        return False
    if not ours:
        return True
    return all(_state_only(a) for a in ours) and \
        any(not _state_only(b) and b.country == a.country for a in ours for b in theirs)


def _state_only(a) -> bool:
    """A country named as a whole ("Nigeria", "U.S."), not one of its people or bodies."""
    return a.sector is None or (a.kb_id or "").startswith("country:")


# Acts whose object may name the source's own people, who are what is moved, not the other side:
# "announced the withdrawal of their troops from Mali".
OWN_SIDE_TYPES = {"RETREAT", "CONCEDE"}


def drop_own_side_targets(found: list[FoundEvent], rec: Record) -> list[FoundEvent]:
    """Of one trigger's withdrawal events, those aimed at the source's own country's people go when the
    trigger also names another side ("withdrawal of their troops from Mali" → Mali, not the troops)."""
    by_group: dict[int, list[FoundEvent]] = {}
    for f in found:
        if f.type in OWN_SIDE_TYPES and f.source is not None and f.target is not None:
            by_group.setdefault(f.group, []).append(f)
    drop = set()
    for evs in by_group.values():
        own = [f for f in evs if _same_country(rec, f.source, f.target)]
        if own and len(own) < len(evs):
            drop.update(id(f) for f in own)
    return [f for f in found if id(f) not in drop]


def _same_country(rec: Record, a: str, b: str) -> bool:
    x, y = rec.actor(a), rec.actor(b)
    return x is not None and y is not None and x.country is not None and x.country == y.country



def place_actor(an: Analysis, i: int, source: str | None, country_names: dict[str, str],
                country_aliases: dict[str, str]) -> str | None:
    """The actor a place stands for as an event's target: its country's people there, as the actors stage
    does for places in argument positions ("shelled Kharkiv"). The country's actor if the story has one,
    else a new actor named after the country with the place as its mention. Not the source's own country
    ("Ukrainian troops withdrew from Avdiivka" gives no target)."""
    rec = an.record
    place = rec.place(an.token_place.get(i))
    if place is None:
        return None
    tok = an.doc[i]
    mention = next((m for m in place.mentions if m.start <= tok.idx < m.end), None) or \
        rec.span(tok.idx, tok.idx + len(tok.text))
    country = country_aliases.get(mention.text.lower()) or place.country
    return _country_actor(rec, country, source, country_names.get(country, place.name), mention,
                          f"event-target-place:{mention.text}")


def _country_actor(rec: Record, country: str | None, source: str | None, name: str, mention, reason: str) -> str | None:
    """The id of the story's actor for `country`, or of a new one with this mention; None for no country or
    the source's own (an act is not aimed at one's own country by the words that place it)."""
    src = rec.actor(source)
    if country is None or (src is not None and src.country == country):
        return None
    # the country's actor, or one this stage already made for it ("Turkey and Russia announced a ceasefire in
    # Idlib": one Syria for both events)
    known = next((a for a in rec.actors if a.kb_id == f"country:{country}"), None) or \
        next((a for a in rec.actors if a.kb_id is None and a.country == country and a.name == name
              and (a.reason or "").startswith("event-target-")), None)
    if known is not None:
        return known.id
    taken = {a.id for a in rec.actors}
    aid = next(f"A{n}" for n in range(len(rec.actors) + 1, len(rec.actors) + 1000) if f"A{n}" not in taken)
    rec.actors.append(Actor(id=aid, name=name, country=country, mentions=[mention], reason=reason))
    return aid


# Words for fighting as a whole: as the subject of a present-perfect "killed" they give a running toll
# ("clashes in the south have since killed more than 40 people"), a statistic, not an act.
CONFLICT_NOUNS = frozenset({"clash", "clashes", "fighting", "violence", "war", "conflict", "unrest", "crisis",
                            "insurgency", "hostilities", "crackdown", "confrontation", "confrontations"})


def running_toll(f: FoundEvent, doc) -> bool:
    """An agentless ASSAULT whose subject is the fighting itself, told in the present perfect ("the violence
    has killed more than 1,000 people", "clashes have since killed 40"): background statistics."""
    if f.type != "ASSAULT" or f.source is not None:
        return False
    span = doc.char_span(*f.trigger, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    return perfect and subject is not None and (subject.lower_ in CONFLICT_NOUNS or
                                                subject.lemma_.lower() in CONFLICT_NOUNS)


def drop_definite_retellings(found: list[FoundEvent], doc) -> list[FoundEvent]:
    """"The shelling of Omdurman on Tuesday killed at least 15 people", told after the lead's "the RSF shelled
    Omdurman": the definite attack noun points back at an attack the text has already told, so its toll is
    that attack told again, not a new one with no doer."""
    def definite_attack_subject(f: FoundEvent) -> bool:
        span = doc.char_span(*f.trigger, alignment_mode="expand")
        if span is None:
            return False
        subj = next((c for c in span.root.children if c.dep_ == "nsubj"), None)
        return subj is not None and subj.lemma_.lower() in ATTACK_EVENT_NOUNS and \
            any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)

    told = [f for f in found if f.type == "ASSAULT" and f.source is not None and not f.negated
            and not f.hypothetical]
    return [f for f in found
            if not (f.type == "ASSAULT" and f.source is None and any(t.evidence[1] <= f.evidence[0] for t in told)
                    and definite_attack_subject(f))]


def drop_casualty_retellings(found: list[FoundEvent], text: str) -> list[FoundEvent]:
    """A toll told in the sentence after an attack ("Houthi rebels fired missiles at a tanker on Monday. One
    sailor was killed.") is that attack told again, not an attack of its own: an agentless ASSAULT right
    after a sentence with an asserted ASSAULT by a known doer goes."""
    attacks = [f for f in found if f.type == "ASSAULT" and f.source is not None and not f.negated
               and not f.hypothetical]

    def follows(f: FoundEvent) -> bool:
        return any(a.evidence[1] <= f.evidence[0] and not text[a.evidence[1]:f.evidence[0]].strip()
                   for a in attacks)

    return [f for f in found
            if not (f.type == "ASSAULT" and f.source is None and not f.nominal and follows(f))]


def protest_targets_from_demands(found: list[FoundEvent]) -> list[FoundEvent]:
    """A protest is against whom its demand is made of: "marched through Yerevan, demanding Pashinyan's
    resignation", "rallied in Tbilisi, demanding the government withdraw the bill". A protest with no target
    takes the target of a request by the same protesters told in the same sentence."""
    out = []
    for f in found:
        if f.type == "PROTEST" and f.target is None and f.source is not None:
            demand = next((g for g in found if g.type == "REQUEST" and g.source == f.source and
                           g.target is not None and g.target != f.source and g.evidence == f.evidence and
                           not g.negated), None)
            if demand is not None:
                f = dataclasses.replace(f, target=demand.target)
        out.append(f)
    return out


def demonym_actor(an: Analysis, i: int, source: str | None, country_names: dict[str, str],
                  demonyms: dict[str, str]) -> str | None:
    """The country a nationality word names, as an event's missing target: "imposed a ban on Indian
    airlines" → India, "accepted an Egyptian proposal" → Egypt. The country's actor if the story has one,
    else a new one with the word as its mention; never the source's own country."""
    rec, tok = an.record, an.doc[i]
    country = demonyms.get(tok.text.lower())
    return _country_actor(rec, country, source, country_names.get(country, tok.text),
                          rec.span(tok.idx, tok.idx + len(tok.text)), f"event-target-demonym:{tok.text}")


def drop_nested_parties(found: list[FoundEvent], rec: Record) -> list[FoundEvent]:
    """An actor named only inside another party's phrase is part of that party, not a party of its own:
    "French and Indian navies held joint exercises" gives the navies (French) → Indian navy once, not also
    Indian navy → navies; "under attack by Russian and Wagner forces" gives one attacker, not two."""
    spans = {a.id: [(m.start, m.end) for m in a.mentions] for a in rec.actors}

    def inside(part: str | None, whole: str | None, ev: tuple[int, int]) -> bool:
        if part is None or whole is None or part == whole:
            return False
        mine = [m for m in spans.get(part, []) if ev[0] <= m[0] < ev[1]]
        theirs = [m for m in spans.get(whole, []) if ev[0] <= m[0] < ev[1]]
        return bool(mine) and all(any(w[0] <= m[0] and m[1] <= w[1] and w != m for w in theirs) for m in mine)

    groups: dict[int, list[FoundEvent]] = {}
    for f in found:
        groups.setdefault(f.group, []).append(f)
    out = []
    for f in found:
        if inside(f.source, f.target, f.evidence):
            continue        # the part acting on its whole
        if any(inside(f.source, g.source, f.evidence) and not _other_states(rec, f.source, g.source)
               for g in groups[f.group]):
            continue        # a second source that is part of the first
        out.append(f)
    return out


def _other_states(rec: Record, part: str | None, whole: str | None) -> bool:
    """"American and British warplanes struck ...": the second conjunct is a party of its own, another
    state's forces, not a part of the first (unlike "Russian and Wagner forces", one side)."""
    x, y = rec.actor(part), rec.actor(whole)
    return x is not None and y is not None and "+conj:" in (x.reason or "") and \
        x.country is not None and y.country is not None and x.country != y.country


def lead_end(rec: Record) -> int:
    """Where the headline and standfirst end in the text (0 when the text does not start with them)."""
    end = 0
    for part in (rec.title, rec.standfirst):
        if part and rec.text.startswith(part, _skip_space(rec.text, end)):
            end = _skip_space(rec.text, end) + len(part)
    return end


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def drop_duplicates(found: list[FoundEvent], lead: int, rec: Record | None = None) -> list[FoundEvent]:
    """One event per (type, source, target, negated, hypothetical): the headline and standfirst repeat the
    body, and one sentence can name the same act twice. The body's (or first) telling is kept. A headline
    names the parties in its own short words ("jets" for "American and British warplanes", "envoy" for "a
    senior Chinese diplomat"), so its event also goes when the body tells one of the same type whose parties
    are of the same countries (or unknown on one side)."""
    def key(f: FoundEvent) -> tuple:
        return (f.type, f.source, f.target, f.negated, f.hypothetical)

    body_events = [f for f in found if f.evidence[0] >= lead]
    body = {key(f) for f in body_events}
    # "held talks with Biden and discussed trade": in the mutual types (meeting, agreeing, working together)
    # a second telling with no target is the same encounter as the sentence's one that names the partner;
    # two coercive acts in one sentence stay two ("blocked access … and arrested dozens")
    aimed = {(f.type, f.source, f.negated, f.hypothetical, f.evidence) for f in found
             if f.target is not None and f.type in MUTUAL_TYPES}
    out, seen = [], set()
    for f in found:
        if f.evidence[0] < lead and (key(f) in body or any(_retells(rec, f, b) for b in body_events)):
            continue
        if f.target is None and f.source is not None and \
                (f.type, f.source, f.negated, f.hypothetical, f.evidence) in aimed:
            continue
        k = key(f) + (f.evidence,)
        if k in seen:
            continue
        seen.add(k)
        out.append(f)
    return out


def _retells(rec: Record | None, lead: FoundEvent, body: FoundEvent) -> bool:
    """The headline's or standfirst's event is the body's told again: same type and modality, and each side
    of the same country as the body's, or unknown on one of them."""
    if rec is None or (lead.type, lead.negated, lead.hypothetical) != (body.type, body.negated, body.hypothetical):
        return False
    # a headline's own-side object ("Serbia recalls envoy": its own envoy) says nothing of the other side
    lead_target = None if _stated_country(rec, lead.target) == _stated_country(rec, lead.source) else lead.target
    return all(_same_country_or_unknown(rec, x, y) for x, y in ((lead.source, body.source),
                                                                 (lead_target, body.target)))


def _same_country_or_unknown(rec: Record, a: str | None, b: str | None) -> bool:
    x, y = _stated_country(rec, a), _stated_country(rec, b)
    return x is None or y is None or x == y


def _stated_country(rec: Record, actor_id: str | None) -> str | None:
    a = rec.actor(actor_id)
    if a is None or country_is_guessed(a.reason):
        return None
    return a.country


def to_event(rec: Record, f: FoundEvent, event_id: str) -> Event:
    return Event(id=event_id, type=f.type, mode=f.mode, cameo=f.cameo, source=f.source, target=f.target,
                 negated=f.negated, hypothetical=f.hypothetical, confidence=f.confidence,
                 trigger=rec.span(*f.trigger), evidence=rec.span(*f.evidence), reason=f.reason)
