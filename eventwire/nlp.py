"""Loading the spaCy pipeline, once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import UsageError


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and credits carry no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


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
