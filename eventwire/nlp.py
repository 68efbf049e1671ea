"""Loading the spaCy pipeline, once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.anchor import DATELINE
from eventwire.errors import UsageError


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and credits carry no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    dateline_breaks(doc)
    return doc


def dateline_breaks(doc: Doc) -> None:
    """A dateline ("ADEN (Reuters) - ", "ALMATY, Kazakhstan — ") is not part of the lead sentence's syntax:
    parsed with it, its city or agency becomes the subject of the first verb. The lead starts after it."""
    starts = {tok.idx: tok for tok in doc}
    for m in DATELINE.finditer(doc.text):
        tok = starts.get(m.end())
        if tok is not None and tok.i > 0:
            tok.is_sent_start = True


@lru_cache(maxsize=4)
def load(model: str) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise UsageError(f"spaCy model {model!r} is not installed: install it with pip, "
                         f"or set EVENTWIRE_MODEL to one that is ({exc.__class__.__name__})") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    return nlp
