"""Negation and modality of a trigger: did the text say it happened, did not happen, or might happen?

Word lists come from `eventwire/data/events/modality.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire.events.conventions import denied, load_conventions
from eventwire.events.ontology import DATA, yaml_word

# Types whose complement clause is an act not yet done ("urged X to halt", "threatened to strike") or
# only alleged ("accused Russia of killing civilians").
EMBEDDING_TYPES = {"REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE", "ACCUSE"}
# How far up the tree an embedding word may sit (each step is one dependency arc).
MAX_CLIMB = 5
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


@dataclass(frozen=True)
class ModalityWords:
    modals: frozenset[str]
    embedders: frozenset[str]
    negating_embedders: frozenset[str]
    conditionals: frozenset[str]
    negators: frozenset[str]
    light_verbs: frozenset[str]
    inverse_light_verbs: frozenset[str]
    under_preps: frozenset[str]
    motion_verbs: frozenset[str]
    joint_words: frozenset[str]
    exercise_words: frozenset[str]
    crowd_nouns: frozenset[str]
    background_marks: frozenset[str]
    reciprocal_words: frozenset[str]
    reciprocal_objects: frozenset[str]
    partner_preps: frozenset[str]
    aim_preps: frozenset[str]
    natural_forces: frozenset[str]
    hearsay_nouns: frozenset[str]
    foreseeing_verbs: frozenset[str]
    document_nouns: frozenset[str]
    enacting_verbs: frozenset[str]
    mediation_words: frozenset[str]
    open_waters: frozenset[str]
    joining_verbs: frozenset[str]
    party_nouns: frozenset[str]
    labour_words: frozenset[str]
    retaliation_words: frozenset[str]
    commissive_verbs: frozenset[str]
    scope_verbs: frozenset[str]


def load_modality(path: Path | None = None) -> ModalityWords:
    raw = yaml.safe_load((path or DATA / "modality.yaml").read_text(encoding="utf-8"))
    return ModalityWords(**{k: frozenset(yaml_word(w) for w in raw[k]) for k in ModalityWords.__dataclass_fields__})


@dataclass(frozen=True)
class Modality:
    negated: bool
    hypothetical: bool
    why: str                      # short note for `reason` ("" when plain)


def _negated_here(tok: Token, words: ModalityWords) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in words.negators):
            return True
    return False


def _modal_here(tok: Token, words: ModalityWords) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in words.modals for c in tok.children)


def _conditional_here(tok: Token, words: ModalityWords) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words.conditionals for c in tok.children)


def _is_finite(tok: Token) -> bool:
    return tok.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in tok.children)


@lru_cache(maxsize=8)
def _embedder_forms(embedders: frozenset[str]) -> dict[str, str]:
    """Inflected forms of the embedding verbs: the small model lemmatises some wrongly ("hopes" → "hop")."""
    out: dict[str, str] = {}
    for w in embedders:
        stem = w[:-1] if w.endswith("e") else w
        for f in (w + "s", w + "es", w + "d", stem + "ed", stem + "ing"):
            out.setdefault(f, w)
        if w.endswith("y"):
            out.setdefault(w[:-1] + "ies", w)
            out.setdefault(w[:-1] + "ied", w)
    return out


def _embedder_lemma(tok: Token, words: ModalityWords) -> str:
    lemma = tok.lemma_.lower()
    if lemma in words.embedders or lemma in words.hearsay_nouns:
        return lemma
    return _embedder_forms(words.embedders).get(tok.lower_, lemma)


def _that_clause(clause: Token) -> bool:
    """A content clause ("claims that it had executed hostages"), not a relative one ("the claim that
    was made"): introduced by "that" as a subordinator, with a subject of its own."""
    return clause.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _foreseen(verb: Token, words: ModalityWords) -> bool:
    """A verb that tells its subject event as still to come: a modal ("will resume") or an expectation
    or plan ("are expected to", "is set to", "are planned")."""
    return _modal_here(verb, words) or (verb.pos_ in ("VERB", "AUX", "ADJ")
                                        and _embedder_lemma(verb, words) in words.foreseeing_verbs)


def find_modality(trigger: Token, words: ModalityWords, trigger_types: dict[int, str]) -> Modality:
    """Negation and hypothetical status of the trigger token.

    `trigger_types` maps token index → PLOVER type for the other triggers in the sentence, so that an act
    embedded under a request or threat ("urged the sides to halt operations") is hypothetical.
    """
    negated = _negated_here(trigger, words)
    why = ["negated"] if negated else []
    if _modal_here(trigger, words):
        return Modality(negated, True, ", ".join(why + ["modal"]))
    if _conditional_here(trigger, words):
        return Modality(negated, True, ", ".join(why + ["conditional"]))
    denier = denied(trigger, load_conventions())
    if denier is not None:
        # "the army denied that its soldiers had fired on protesters": nobody asserts the act
        return Modality(True, True, ", ".join(why + [f"denied by '{denier.text}'"]))
    if trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) \
            and trigger_types.get(trigger.i) != "PROTEST":
        # a purpose ("deployed troops to fight IS") is intended, not done; a protest purpose is the act
        return Modality(negated, True, ", ".join(why + ["purpose"]))
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.dep_ == "dobj" \
            and _modal_here(trigger.head.head, words):
        # "a deal that will see 50 hostages freed": the object's state after a verb not yet realised
        return Modality(negated, True, ", ".join(why + ["modal"]))
    if trigger.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in words.embedders for c in trigger.children):
        return Modality(negated, True, ", ".join(why + ["planned or possible"]))   # "a planned rally"
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass") and _foreseen(trigger.head, words):
        # "talks are expected to resume next week", "protests are planned for Saturday", "talks will resume"
        return Modality(negated, True, ", ".join(why + [f"foreseen by '{trigger.head.text}'"]))
    cur = trigger
    for _ in range(MAX_CLIMB):
        head = cur.head
        if head == cur:
            break
        if cur.dep_ == "advcl" and _conditional_here(cur, words):
            return Modality(negated, True, ", ".join(why + ["conditional"]))
        lemma = _embedder_lemma(head, words)
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        # a participle adjunct ("ordered the closure …, accusing them of …") is an act of its own
        embedded = (cur.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "dobj", "conj")
                    or cur.dep_ == "advcl" and to_inf) and not _is_finite(cur)
        if embedded and head.i in trigger_types and trigger_types[head.i] in EMBEDDING_TYPES:
            return Modality(negated, True, ", ".join(why + [f"embedded under {trigger_types[head.i]}"]))
        if head.pos_ == "NOUN" and lemma in words.hearsay_nouns and (
                cur.dep_ == "prep" and cur.lower_ == "of" or _that_clause(cur)):
            # "reports of killings by its troops", "claims that it had executed hostages"
            return Modality(negated, True, ", ".join(why + [f"alleged in '{head.text}'"]))
        if embedded and lemma in words.embedders and cur.dep_ != "conj":
            neg = negated or lemma in words.negating_embedders
            return Modality(neg, True, ", ".join(why + [f"embedded under '{head.text}'"]))
        if _is_finite(cur) and cur.dep_ not in ("conj",):
            break                  # a finite clause under "said" keeps its own status
        if _modal_here(head, words) and cur.dep_ in ("xcomp", "conj"):
            return Modality(negated, True, ", ".join(why + ["modal"]))
        if cur.dep_ == "conj" and _negated_here(head, words) and not negated:
            pass                   # "did not attack and seize": only the first verb is negated in the parse
        cur = head
    return Modality(negated, False, ", ".join(why))
