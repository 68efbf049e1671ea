"""Datelines: the city a story was filed from, in capitals before the lead ("BEIRUT (AP) —", "RALEIGH,
N.C. (AP) -", "MEXICO CITY (Reuters)", "HUDSON -- Officials said …"). The parser often reads it as part of
the first sentence and the tagger as an organisation, so it is found by its shape: a run of capitalised
words at the start of a line or after a sentence, followed by an agency in brackets or a dash."""
from __future__ import annotations

import re

# One to four words in capitals ("SAN DIEGO", "ST. LOUIS", "WINSTON-SALEM").
_NAME = re.compile(r"[A-Z][A-Z'’\-]+\.?(?:[ \t]+[A-Z][A-Z'’\-]*\.?){0,3}")
# What follows a dateline name: an optional qualifier (", Calif.", ", N.C.", ", Kenya"), then an agency in
# brackets or a dash or colon.
_AFTER = re.compile(r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?[ \t]*"
                    r"(?:\([^)\n]{0,40}\)|--|—|–|-[ \t]|:[ \t])")


def dateline_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline place name in the text."""
    out = []
    for m in _NAME.finditer(text):
        start = m.start()
        before = text[:start].rstrip(" \t")
        if before and before[-1] not in "\n.!?\"”" and not before[-4:].isdigit():
            continue                               # inside a sentence: a name in capitals, not a dateline
        if start > 0 and text[start - 1] not in " \t\n":
            continue
        name = m.group(0).rstrip(". \t")
        if len(name) < 3 or not _AFTER.match(text, m.end()):
            continue
        out.append((start, start + len(name)))
    return out
