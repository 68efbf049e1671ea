"""Finding date expressions in an article (pure: text + parse in, typed expressions out).

Cheap regular expressions do the work, tried from the most to the least specific so that "May 4, 2020"
is one expression, not a month, a day and a year. The parse is only consulted to tell the month "May"
from the verb, a year from a number ("in 2011" vs "2000 people") and a year naming a thing ("the 2019
election"); tense.py reads past or future, and value_of() turns an expression into an ISO value.
Ranges, holidays, years in words and "that year" are found by ranges.py, holidays.py, spelled.py and
anaphora.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc

from eventwire.dates import resolve
from eventwire.dates.tense import FUTURE, PAST, token_at

_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@dataclass(frozen=True)
class DateRules:
    months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous_months: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    relative: dict[str, tuple[str, int]]
    future_aux: frozenset[str]
    future_cues: frozenset[str]
    future_governors: frozenset[str]
    background_years: int
    list_background_years: bool
    generic_present: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern], ...]


@dataclass
class DateExpr:
    """One date expression: where it is, what kind, and the parts the text states."""
    start: int
    end: int
    text: str
    kind: str                    # full | month_year | day_month | month | weekday | year | relative | ago
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None      # relative / ago: day | week | month | year
    offset: int = 0
    modifier: str | None = None  # "last" / "next" before a weekday
    value: str | None = None     # already resolved (dateparser fallback, decades)
    dates_events: bool = True    # False for a year or decade naming a thing ("the 1996 bombing", "the 1990s")

    @property
    def explicit(self) -> bool:
        """A full date with its year: what a publication date can be inferred from."""
        return self.kind == "full"


@lru_cache(maxsize=1)
def load_rules() -> DateRules:
    raw = yaml.safe_load((resources.files("eventwire") / "data" / "dates" / "rules.yaml").read_text("utf-8"))
    months = {k.lower(): int(v) for k, v in raw["months"].items()}
    weekdays = {k.lower(): int(v) for k, v in raw["weekdays"].items()}
    rel = {k.lower(): (v[0], int(v[1])) for k, v in raw["relative"].items()}
    return DateRules(months, weekdays, frozenset(raw["ambiguous_months"]), frozenset(raw["month_cues"]),
                     frozenset(str(w) for w in raw["year_cues"]), rel, frozenset(raw["future_auxiliaries"]),
                     frozenset(raw["future_cues"]), frozenset(raw["future_governors"]), int(raw["background_years"]),
                     bool(raw.get("list_background_years", False)),
                     frozenset(raw.get("generic_present", ())), _patterns(months, weekdays, rel))


def _patterns(months: dict[str, int], weekdays: dict[str, int], rel: dict) -> tuple[tuple[str, re.Pattern], ...]:
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    m = rf"(?P<m>(?i:{alt(months)}))\.?"
    d = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    y = r"(?P<y>(?:1[89]|20)\d\d)"
    nums = alt(_NUMBER_WORDS)
    return (
        ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b")),
        ("fiscal", re.compile(rf"\b[Ff]iscal(?:\s+year)?\s+{y}(?![\d%s]|,\d)")),          # "fiscal 1989"
        ("decade", re.compile(r"(?<![\w'-])(?:(?:[Ee]arly|[Mm]id|[Ll]ate)-?\s?)?(?P<dec>(?:1[89]|20)\d)0s\b")),
        # "4 May 2020", "4 May"; then "May 4, 2020", "April 2019", "May 4", "February" in one pass
        ("day_first", re.compile(rf"\b{d}\s+(?:of\s+)?{m}(?:,?\s+{y})?\b")),
        ("month_first", re.compile(rf"\b{m}(?:\s+{d}(?![\d%]|,\d))?(?:,?\s+(?:of\s+)?{y})?(?![\w-])")),
        ("ago", re.compile(rf"(?i)\b(?P<n>\d+|{nums})\s+(?P<u>day|week|month|year)s?\s+ago\b")),
        ("relative", re.compile(rf"(?i)\b(?P<r>{alt(rel)})\b")),
        ("weekday", re.compile(rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<w>(?i:{alt(weekdays)}))\b")),
        ("year", re.compile(rf"(?<![\d,.$£€/-]){y}(?![\d%s]|,\d)")),   # not "1990s", "2,000", "2020%", "4/5/2020"
    )


def find_expressions(doc: Doc, rules: DateRules, text: str | None = None) -> list[DateExpr]:
    """All date expressions in the text (`doc.text`, passed in when the caller has it), in order, none
    overlapping."""
    text = doc.text if text is None else text
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for kind, pat in rules.patterns:
        for mt in pat.finditer(text):
            s, e = mt.span()
            if any(s < b and a < e for a, b in taken):
                continue
            expr = _expr(kind, mt, doc, rules)
            if expr is not None:
                taken.append((s, e))
                out.append(expr)
    return sorted(out, key=lambda x: x.start)


def _expr(kind: str, mt: re.Match, doc: Doc, rules: DateRules) -> DateExpr | None:
    g = mt.groupdict()
    s, e = mt.span()
    if mt.group(0).endswith(".") and g.get("m") and not _abbreviated(g["m"]):
        e -= 1                                    # "in February." ends a sentence; "Oct." is an abbreviation
    if kind in ("day_first", "month_first"):
        kind = {(True, True): "full", (False, True): "month_year", (True, False): "day_month",
                (False, False): "month"}[(bool(g.get("d")), bool(g.get("y")))]
    x = DateExpr(s, e, mt.string[s:e], {"iso": "full", "fiscal": "year"}.get(kind, kind))
    if kind == "decade":                              # "the 1990s": value 199, the decade's ISO 8601 form
        x.value, x.dates_events = g["dec"], False
        return x
    if g.get("m"):
        name = g["m"]
        x.month = int(name) if name.isdigit() else rules.months[name.lower()]
        if not name.isdigit() and not name[0].isupper():
            return None
        if kind == "month" and name.lower() in rules.ambiguous_months and not _month_context(doc, s, rules):
            return None
        before = re.search(r"\b(last|next|this|coming)\s+$", mt.string[max(0, s - 8):s], re.I)
        x.modifier = before.group(1).lower() if before else None     # "last April", "next March"
    if g.get("d"):
        x.day = int(g["d"])
        if not 1 <= x.day <= 31:
            return None
    if g.get("y"):
        x.year = int(g["y"])
        if kind == "year" and not _year_context(doc, s, e, rules):
            if not _names_a_thing(doc, s):
                return None
            x.dates_events = False                    # "the 1996 bombing" dates the bombing, not the clause
    if kind == "weekday":
        if not g["w"][0].isupper():
            return None
        x.weekday, x.modifier = rules.weekdays[g["w"].lower()], (g.get("mod") or "").lower() or None
    elif kind == "relative":
        x.unit, x.offset = rules.relative[" ".join(g["r"].lower().split())]
    elif kind == "ago":
        n = g["n"].lower()
        x.unit, x.offset = g["u"].lower(), int(n) if n.isdigit() else _NUMBER_WORDS[n]
    return x


def _abbreviated(month_name: str) -> bool:
    return len(month_name) <= 4 and month_name.lower() not in ("may", "june", "july")


def _prev_word(doc: Doc, char: int) -> str:
    tok = token_at(doc, char)
    return doc[tok.i - 1].lower_ if tok is not None and tok.i > 0 else ""


def _month_context(doc: Doc, start: int, rules: DateRules) -> bool:
    """ "May"/"March" alone is a month after "in", "since", "last" …, or inside a spaCy DATE entity."""
    tok = token_at(doc, start)
    if tok is None or tok.ent_type_ == "PERSON":          # "and Jan Kavan", "with May Ling"
        return False
    return tok.ent_type_ == "DATE" or _prev_word(doc, start) in rules.month_cues


def _year_context(doc: Doc, start: int, end: int, rules: DateRules) -> bool:
    """A bare four-digit number is a year after "in", "since" …, or inside a DATE entity, unless it counts
    something ("2000 people")."""
    tok = token_at(doc, start)
    if tok is None:
        return False
    if tok.dep_ == "nummod" and tok.head.ent_type_ != "DATE" and tok.head.pos_ == "NOUN" and tok.head.is_alpha:
        return False
    return tok.ent_type_ == "DATE" or _prev_word(doc, start) in rules.year_cues


def _names_a_thing(doc: Doc, start: int) -> bool:
    """A year used as a modifier: after a determiner or possessive and before a singular noun or a
    name ("the 1996 Olympic bombing", "its 1990 invasion", "the company's 1989 results", "a 2009
    analysis"); not a count ("the 2000 soldiers", "2000 people")."""
    tok = token_at(doc, start)
    if tok is None or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    if after.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    if before.tag_ in ("POS", "PRP$"):               # "its 1990 invasion", "the company's 1989 results"
        return True
    head = tok.head if tok.head.i > tok.i else after
    return before.pos_ in ("DET", "PRON") and head.tag_ not in ("NNS", "NNPS")


def value_of(x: DateExpr, pub: date | None, tense: str | None = None) -> tuple[str | None, str]:
    """(ISO value, reason) of an expression; relative ones need the publication date, and those without
    a year the tense of their clause (tense.PAST, tense.FUTURE or None)."""
    try:
        value, why = _value_of(x, pub, tense)
    except (OverflowError, ValueError):      # arithmetic past year 1 or 9999: no date to give
        return None, f"{x.kind} out of the calendar's range"
    if value is not None and not _CALENDAR.fullmatch(value):     # "2 years ago" in year 1, "next May" in 9999
        return None, f"{x.kind} out of the calendar's range"
    return value, why


_CALENDAR = re.compile(r"(?!0000)\d{3,4}(-\d{2}(-\d{2})?)?")


def _value_of(x: DateExpr, pub: date | None, tense: str | None) -> tuple[str | None, str]:
    if x.kind == "full":
        return resolve.full(x.year, x.month, x.day), "explicit date"
    if x.kind == "month_year":
        return resolve.full(x.year, x.month), "month and year"
    if x.kind == "year":
        return f"{x.year:04d}", "year" if x.dates_events else "year naming a thing"
    if x.kind == "decade":
        return x.value, "decade"
    if pub is None:
        return None, "relative date without a publication date"
    if x.modifier in ("last", "next") and x.kind in ("day_month", "month", "holiday"):
        tense = PAST if x.modifier == "last" else FUTURE
    if x.modifier == "this" and x.kind in ("day_month", "month"):          # "this September": this year's
        return resolve.full(pub.year, x.month, x.day), "month of the publication year ('this')"
    future, past = tense == FUTURE, tense == PAST
    side = f"the {tense} one" if tense else "the nearer one"
    if x.kind == "day_month":
        return resolve.day_month(pub, x.month, x.day, future=future, past=past), \
            f"day and month without year, {side} ({tense or 'no'} tense)"
    if x.kind == "month":
        if x.modifier in ("last", "next") and x.month == pub.month:     # "last May" in a May story
            return f"{pub.year + (1 if future else -1):04d}-{x.month:02d}", f"month after '{x.modifier}'"
        return resolve.month(pub, x.month, future=future, past=past), \
            f"month without year, {side} ({tense or 'no'} tense)"
    if x.kind == "holiday":
        from eventwire.dates.holidays import holiday_in      # late: holidays.py imports this module
        if x.modifier == "this":
            day = holiday_in(x.unit, pub.year)
        else:
            cands = [holiday_in(x.unit, y) for y in (pub.year - 1, pub.year, pub.year + 1)]
            cands = [c for c in cands if c is not None and not (x.modifier and c == pub)]
            day = resolve.nearest(pub, cands, future=future, past=past)
        return (day.isoformat() if day else None), f"holiday ({x.unit}), {side}"
    if x.kind == "weekday":
        fut = future or x.modifier == "next"
        strict = x.modifier in ("last", "next")
        return resolve.weekday(pub, x.weekday, future=fut, strict=strict), \
            f"weekday, {'next' if fut else 'latest'} on {'or ' if not strict else ''}{'after' if fut else 'before'} publication"
    if x.kind == "relative":
        return resolve.relative(pub, x.unit, x.offset), f"relative to publication ({x.unit} {x.offset:+d})"
    if x.kind == "ago":
        return resolve.ago(pub, x.unit, x.offset), f"{x.offset} {x.unit}(s) before publication"
    return None, "unknown"
