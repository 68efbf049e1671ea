"""Triggers: lexicon entries matched at the tokens of a parsed document, before roles are read.

`TriggerFinder.triggers` matches verbs (by lemma and by inflected form), event nouns (hyphenated ones
too) and the words an entry needs (particles, an object noun), and keeps only triggers that tell an act
of their own: not a state ("occupied territories"), not a modifier ("riot police"), not an act told
again or through another trigger (telling.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from eventwire.events.lexicon import Entry, Lexicon
from eventwire.events.modality import ModalityWords
from eventwire.events.telling import absorbed, promise_of_act, retold, retold_by_light_verb, told_by_noun


@dataclass
class Trigger:
    """A lexicon entry matched at a token, before roles are read."""
    head: Token
    entry: Entry
    words: list[Token]              # every token of the trigger phrase
    light: Token | None = None      # light verb carrying an event noun ("held" talks)
    under: bool = False             # "under attack"
    retells: int | None = None      # token index of the trigger whose act this participle tells again


class TriggerFinder:
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
            t.retells = retold(t, told)
        verbs = [t for t in verbs if not promise_of_act(t, by_head) and not told_by_noun(t, self.lexicon)
                 and not self._scope_of(t, by_head, nouns)]
        verb_types = {t.head.i: t.entry.type for t in verbs}
        verb_words = {w.i for t in verbs for w in t.words}
        kept = [t for t in nouns if t.head.i not in verb_words and not absorbed(t, verb_types)
                and not retold_by_light_verb(t, verb_types) and not _idle(t) and not _agreement_as_thing(t)
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
            if e.not_obj and any(matches_word(c, e.not_obj) for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
                continue
            if e.subj and not any(matches_word(c, e.subj) for c in _subject_words(tok)):
                continue
            if e.not_subj and any(matches_word(c, e.not_subj) for c in _subject_words(tok)):
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
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "pobj", "ccomp") and matches_word(c, e.obj)] + \
                   [g for c in preps for g in c.children if matches_word(g, e.obj)]
            # a part or measure of the object: "returned dozens of artifacts", "eased some of its restrictions",
            # "flew 13 tonnes of medicine"
            objs += [g for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and _part_of(c)
                     for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and matches_word(g, e.obj)]
            # "called the launch short-sighted": the predicate adjective, often parsed as the object's
            # modifier when it follows it
            objs += [a for o in tok.children if o.dep_ == "dobj" for a in o.children
                     if a.dep_ == "amod" and a.i > o.i and matches_word(a, e.obj)]
            if not objs and tok.lemma_.lower() in self.words.commissive_verbs:
                # "vowed to retaliate" says what "vowed retaliation" says
                objs = [c for c in tok.children if c.dep_ == "xcomp" and matches_word(c, e.obj)]
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
            elif tok.dep_ == "conj" and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in \
                    self.words.light_verbs and not _judged(head.head):
                trig.light = head.head          # "launched air and artillery strikes": coordinated objects
                trig.words = sorted(trig.words + [head.head], key=lambda t: t.i)
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


def trigger_span(t: Trigger) -> tuple[int, int]:
    """Character span of the trigger: the head and the words of the phrase close enough to it."""
    lo = hi = t.head.i
    for w in sorted(t.words, key=lambda w: abs(w.i - t.head.i)):
        if lo - MAX_TRIGGER_GAP <= w.i < lo:
            lo = w.i
        elif hi < w.i <= hi + MAX_TRIGGER_GAP:
            hi = w.i
    doc = t.head.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def matches_word(tok: Token, lemmas: tuple[str, ...]) -> bool:
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


def _modifier_chain(noun: Token) -> list[Token]:
    """A noun's modifiers, nearest level first, then their own modifiers before the noun: "joint" in
    "joint coast guard patrols", where the parser hangs it on "guard"."""
    out, level = [], [noun]
    while level:
        level = [c for h in level for c in h.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
                 or (h.i == noun.i and c.dep_ in ("compound", "amod", "nmod"))]
        out += level
    return out


# Nouns that measure an event noun after "of"/"in" ("a package of military assistance").
AMOUNT_NOUNS = {"package", "series", "wave", "round", "batch", "shipment", "tranche", "day", "week", "month",
                "hour", "year", "million", "billion", "thousand", "hundred", "dozen", "number"}


def _amount(tok: Token) -> bool:
    """ "three days of", "$500 million in", "a package of": a measure of the event noun that follows."""
    return tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "DATE") or tok.lemma_.lower() in AMOUNT_NOUNS \
        or any(c.dep_ == "nummod" for c in tok.children)


# Words for a part or a measure of what follows "of": "some of the equipment", "13 tonnes of medicine".
PART_WORDS = {"some", "part", "most", "all", "much", "many", "portion", "share", "rest", "remainder", "dozens",
              "hundreds", "thousands", "tons", "tonnes", "ton", "tonne", "kilograms", "consignment", "truckloads",
              "planeloads", "loads", "cargo", "worth"}
TIME_NOUNS = {"day", "week", "month", "hour", "year", "round", "series", "wave"}


def _part_of(tok: Token) -> bool:
    """The object is a part or amount of its "of" phrase ("dozens of artifacts", "some of its restrictions");
    not a span of time ("held three hours of talks" is the talks, told by the noun)."""
    return tok.lemma_.lower() in PART_WORDS | AMOUNT_NOUNS - TIME_NOUNS or tok.lower_ in PART_WORDS \
        or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL")


def _amount_in_verb(tok: Token, words: ModalityWords) -> bool:
    """ "provided 500 million dollars in aid": the parser may hang "in aid" on the light verb whose object
    is the amount rather than on the amount itself."""
    prep = tok.head
    verb = prep.head
    return tok.dep_ == "pobj" and prep.lower_ == "in" and verb.lemma_.lower() in words.light_verbs \
        and any(c.dep_ == "dobj" and _amount(c) for c in verb.children)


def _judged(verb: Token) -> bool:
    """ "called the attack a violation", "declared the vote illegal": the verb judges its object, which is
    someone else's act told again, not one the verb's subject carries out."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _idle(t: Trigger) -> bool:
    """An `acting` noun that does nothing: "gunmen attacked an aid convoy" reports no aid delivered."""
    verb = t.head.head
    return t.entry.acting and not (t.head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.i != t.head.i)


def _agreement_as_thing(t: Trigger) -> bool:
    """ "The deal, signed in 2015, limited Iran's programme", "the truce has largely held": an agreement
    that does something is a standing thing, not the act of agreeing (which its own verb would tell)."""
    return t.entry.kind == "noun" and t.entry.type == "AGREE" and t.light is None \
        and t.head.dep_ == "nsubj" and t.head.head.pos_ in ("VERB", "AUX")
