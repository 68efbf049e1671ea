"""dateparser as a last resort, for DATE entities that name a month or a numeric date in a form the
regular expressions in find.py do not know ("May the 4th", "04/05/2020").

dateparser is slow (milliseconds a call) and reads durations as dates ("five years" → five years ago),
so it only sees entities with a month name or a numeric date, and its answers are cached.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.dates.find import DateExpr, load_rules

_NUMERIC = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})\b")
_PRECISION = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def parsed_entities(doc: Doc, found: list[DateExpr], text: str | None = None) -> list[DateExpr]:
    """Numeric dates anywhere ("04/05/2020": the small model tags them anything), and DATE entities with a
    month name and a year that the regular expressions did not read."""
    rules, text = load_rules(), doc.text if text is None else text
    spans = [(m.start(), m.end()) for m in _NUMERIC.finditer(text)]
    for ent in doc.ents:
        words = {w.lower().strip(".,") for w in ent.text.split()}
        if ent.label_ == "DATE" and words & set(rules.months) and re.search(r"\d{4}", ent.text):
            spans.append((ent.start_char, ent.end_char))
    out: list[DateExpr] = []
    for start, end in sorted(set(spans)):
        if any(x.start < end and start < x.end for x in [*found, *out]):
            continue
        value = _parse(text[start:end])
        if value:
            out.append(DateExpr(start, end, text[start:end], "parsed", value=value))
    return out


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser   # imported late: ~0.3 s, and rarely needed

    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": datetime(2000, 1, 1)})


@lru_cache(maxsize=4096)
def _parse(text: str) -> str | None:
    """Only texts with a year are parsed: without one the value would depend on the publication date."""
    try:
        data = _parser().get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None or data.period not in _PRECISION:
        return None
    return data.date_obj.strftime(_PRECISION[data.period])
