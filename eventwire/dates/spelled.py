"""Years written in words, as broadcast transcripts and quotations have them: "nineteen ninety-one",
"the year two thousand", "two thousand and eight", "twenty twenty". Only after a word that introduces a
year ("in", "by", "since" … of rules.yaml's year_cues) or after "the year", so that "nineteen fifty"
people are not a year."""
from __future__ import annotations

import re

from eventwire.dates.find import DateExpr, DateRules

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUE = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} \
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
_TWO = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|oh[- ](?:{'|'.join(_UNITS)}))"
_PATTERN = re.compile(
    rf"(?i)\b(?P<the>the\s+year\s+)?(?:(?P<cent>nineteen|eighteen|twenty)[- ](?P<rest>{_TWO})"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<after>{_TWO}|{'|'.join(_UNITS)}))?)\b(?![- ]hundred)")


def spelled_years(text: str, found: list[DateExpr], rules: DateRules) -> list[DateExpr]:
    out = []
    for m in _PATTERN.finditer(text):
        if any(x.start < m.end() and m.start() < x.end for x in found):
            continue
        before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 15):m.start()])
        if not m["the"] and not (before and before.group(1).lower() in rules.year_cues):
            continue
        year = _year(m)
        if year is not None:
            out.append(DateExpr(m.start(), m.end(), m[0], "year", year=year))
    return out


def _year(m: re.Match) -> int | None:
    if m["cent"]:
        return {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[m["cent"].lower()] + _number(m["rest"])
    return 2000 + (_number(m["after"]) if m["after"] else 0)


def _number(words: str) -> int:
    parts = [w for w in re.split(r"[- ]", words.lower()) if w and w != "oh"]
    return sum(_VALUE[w] for w in parts)
