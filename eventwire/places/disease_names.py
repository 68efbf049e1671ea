"""Place names inside disease names: "West Nile virus", "Lassa fever", "Lyme disease", "Hong Kong flu".

Epidemic news names diseases after the place they were first seen; the name says nothing about where the
story happens. A mention followed directly by a disease head noun (eventwire/data/places/disease_words.yaml)
is part of the disease's name and not recorded as a place.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def _disease_head() -> re.Pattern[str]:
    words = yaml.safe_load((resources.files("eventwire") / "data" / "places" / "disease_words.yaml").read_text("utf-8"))
    return re.compile(r"[\s-]+(?:%s)\b" % "|".join(re.escape(w) for w in words), re.IGNORECASE)


def names_a_disease(text: str, end: int) -> bool:
    """Does a disease head noun follow the place name that ends at `end` ("West Nile| virus")?"""
    return _disease_head().match(text, end) is not None
