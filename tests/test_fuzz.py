"""Property-based tests: arbitrary and mutated input through the cleaner, the readers, the date resolver
and the whole coding path. Each property is bounded (max_examples) so the suite stays quick."""
from __future__ import annotations

import io
import random
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from eventwire.clean import clean_html, clean_text, normalize
from eventwire.errors import InputError
from eventwire.inputs import Article, Rejection, decode, read_inputs
from eventwire.record import span_errors

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])

# Text that looks like a scraped article: lines of words, credits, menus, blank lines, odd characters.
LINE_PIECES = st.sampled_from([
    "Turkey's army said on Monday it had shelled positions near Sirte.", "AA", "Reuters", "Read more:",
    "Share this article", "Photo: Jane Doe/Reuters", "Route 6", "World", "", " ", "\t", "\r\n", "\u2028",
    "\u00a0", "\ufeff", "\x00", "\x1b[31m", "“Quoted words,” he said.", "the talks continued",
    "Protesters marched in Tbilisi.", "مرحبا", "Ζ", "e\u0301", "🇹🇷", "...", "-", "*", "(AFP Photo)",
])
ARTICLEISH = st.lists(st.one_of(LINE_PIECES, st.text(max_size=80)), max_size=30).map("\n".join)
# Any code point at all, lone surrogates included (JSON "\ud800" escapes produce them).
ALL_CHARS = st.text(st.characters(exclude_categories=()), max_size=300)
ANY_TEXT = st.one_of(ARTICLEISH, st.text(max_size=400), ALL_CHARS)


def _clean_or_none(raw: str, **kw):
    try:
        return clean_text(raw, **kw)
    except InputError:
        return None


@FAST
@given(ANY_TEXT)
def test_cleaner_never_fails_except_with_input_error(raw):
    out = _clean_or_none(raw)
    if out is None:
        return
    assert out.text.strip(), "an article that survives cleaning has text"
    assert out.text == out.text.strip()


@FAST
@given(st.lists(st.sampled_from(["\ud800", "\udfff", "\ud83d", "Troops left.", "\n\n", "AA", " "]), max_size=12).map("".join)
       | ALL_CHARS)
def test_cleaned_text_can_always_be_written_as_utf8(raw):
    out = _clean_or_none(raw)
    if out is None:
        return
    for s in [out.text, out.title or "", *(r.text for r in out.removed)]:
        s.encode("utf-8")                # raises on a lone surrogate


@FAST
@given(ANY_TEXT)
def test_cleaner_removes_only_what_was_in_the_input(raw):
    out = _clean_or_none(raw)
    if out is None:
        return
    norm = normalize(raw)
    for r in out.removed:
        if r.reason.startswith("truncated"):
            continue
        assert r.text and r.text in norm, (r, raw)


@FAST
@given(ANY_TEXT)
@example("AA\n\nTurkey says\nthe army left\n\nBody text here. More.\n\nAnother paragraph.")
@example("Route 6\n\nthe talks continued")
def test_headline_is_a_line_of_the_input(raw):
    """The headline is a line of the input, or a run of hard-wrapped lines of it rejoined with single spaces."""
    out = _clean_or_none(raw)
    if out is None or out.title is None:
        return
    lines = [ln.strip() for ln in normalize(raw).split("\n")]
    wrapped = {" ".join(lines[i:j]) for i in range(len(lines)) for j in range(i + 1, len(lines) + 1)}
    assert out.title in wrapped
    assert out.text.startswith(out.title) and "\n" not in out.title


@FAST
@given(ANY_TEXT, st.integers(min_value=20, max_value=400))
def test_truncation_respects_the_limit_and_says_so(raw, limit):
    out = _clean_or_none(raw, max_chars=limit)
    if out is None:
        return
    assert len(out.text) <= limit
    full = clean_text(raw)
    if len(full.text) > limit:
        assert any(r.reason.startswith("truncated") for r in out.removed)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p><div>{t[::-1]}</div></body></html>")
       | st.text(max_size=300))
def test_html_cleaner_never_fails_except_with_input_error(html):
    try:
        out = clean_html(html)
    except InputError:
        return
    assert out.text.strip()


@FAST
@given(st.binary(max_size=600))
def test_decode_gives_text_or_input_error(data):
    try:
        text, enc = decode(data)
    except InputError as exc:
        assert str(exc)
        return
    assert text.strip() and enc


@FAST
@given(st.lists(st.one_of(st.binary(max_size=120), st.builds(lambda t: ('{"text": %r}' % t).encode(), st.text(max_size=40))),
                max_size=12))
def test_jsonl_on_stdin_reports_every_line(lines):
    data = b"{}\n" + b"\n".join(lines)         # starts with "{": read as JSON Lines
    out = list(read_inputs(["-"], stdin=io.BytesIO(data), max_article_bytes=200))
    assert all(isinstance(o, (Article, Rejection)) for o in out)
    assert len(out) <= data.count(b"\n") + 1
    assert all(o.origin.startswith("<stdin>:") for o in out)


# ---- the date resolver (eventwire/dates/, by the places/dates engineer) ------------------------------
ISO_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
KINDS = ["full", "month_year", "day_month", "month", "weekday", "year", "relative", "ago", "parsed", "odd"]
UNITS = st.sampled_from(["day", "week", "month", "year", None])
SMALL = st.one_of(st.none(), st.integers(min_value=-40, max_value=40))
EXPRS = st.builds(lambda kind, y, m, d, wd, unit, off, mod: (kind, y, m, d, wd, unit, off, mod),
                  st.sampled_from(KINDS), st.one_of(st.none(), st.integers(min_value=0, max_value=9999)),
                  SMALL, SMALL, st.one_of(st.none(), st.integers(min_value=0, max_value=6)), UNITS,
                  st.integers(min_value=-120, max_value=120), st.sampled_from([None, "last", "next"]))


def _value_of():
    try:
        from eventwire.dates.find import DateExpr, value_of
    except ImportError:
        pytest.skip("eventwire.dates.find.value_of does not exist")
    return DateExpr, value_of


def _resolve(parts, pub: date, future: bool):
    DateExpr, value_of = _value_of()
    kind, y, m, d, wd, unit, off, mod = parts
    # The finder only builds expressions its patterns can produce: a month is 1-12, a day 1-31 …
    assume(kind not in ("full", "month_year", "day_month", "month") or (m is not None and 1 <= m <= 12))
    assume(kind not in ("full", "month_year", "year") or y is not None)
    assume(kind not in ("full", "day_month") or (d is not None and 1 <= d <= 31))
    assume(kind != "weekday" or wd is not None)
    assume(kind not in ("relative", "ago") or unit is not None)
    x = DateExpr(0, 4, "text", kind, year=y, month=m, day=d, weekday=wd, unit=unit, offset=off, modifier=mod)
    return value_of(x, pub, "future" if future else None)


@FAST
@given(EXPRS, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.booleans())
def test_date_resolver_gives_an_iso_value_or_none(parts, pub, future):
    value, reason = _resolve(parts, pub, future)
    assert isinstance(reason, str) and reason
    assert value is None or ISO_VALUE.fullmatch(value), value


@settings(max_examples=50, deadline=None)
@given(EXPRS, st.dates(), st.booleans())
@example(("relative", None, None, None, None, "day", 1, None), date(9999, 12, 31), False)
def test_date_resolver_survives_extreme_publication_dates(parts, pub, future):
    value, _ = _resolve(parts, pub, future)
    assert value is None or ISO_VALUE.fullmatch(value)


@FAST
@given(st.one_of(st.text(max_size=40), st.sampled_from([
    "May the 4th 2020", "04/05/2020", "99/99/9999", "31/02/2020", "1/1/10000", "May 2021 and June 1999",
    "12.12.12", "0/0/0000", "February 29, 2021"])))
def test_dateparser_fallback_gives_an_iso_value_or_none(text):
    try:
        from eventwire.dates.fallback import _parse
    except ImportError:
        pytest.skip("eventwire.dates.fallback does not exist")
    value = _parse(text)
    assert value is None or ISO_VALUE.fullmatch(value), value


# ---- the whole coding path ----------------------------------------------------------------------
BASE = [
    "Turkish troops shelled positions held by the Eastern Militia near Sirte on Monday, officials said.",
    "\"We will not retreat,\" the defence minister told reporters in Ankara.",
    "At least 12 people were killed and 30 wounded in the attack, the Red Cross said on Tuesday.",
    "Egypt accused Turkey of violating the arms embargo and called on the United Nations to act.",
    "Police arrested 40 protesters in Tbilisi after thousands marched against the new law.",
    "The European Union imposed sanctions on six Russian officials over the detention of journalists.",
]
JUNK = ["\x00", "\ufffd", "\u202e", "\u200b", "\x07", "🇹🇷🇱🇾", "e\u0301", "\ud7ff", "\U0010fffd", "‮", "\t\t",
        "ŉ", "İstanbul", "ﬁ", "ß" * 3, "\u0301" * 5, "<b>", "&amp;", "\r", "\u2029"]


def mutate(rng: random.Random) -> str:
    sents = BASE[:]
    rng.shuffle(sents)
    out = []
    for s in sents:
        k = rng.random()
        if k < 0.3:
            pos = rng.randrange(len(s) + 1)
            s = s[:pos] + rng.choice(JUNK) + s[pos:]
        elif k < 0.4:
            s = s * rng.randint(20, 60)               # a very long line
        elif k < 0.5:
            s = s.upper()
        out.append(s)
    sep = rng.choice(["\n\n", "\n", " ", "\r\n\r\n"])
    return "Headline about talks\n\n" + sep.join(out)


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@SLOW
@given(st.integers(min_value=0, max_value=10**6))
def test_pipeline_on_mutated_articles_keeps_spans_consistent(pipeline, seed):
    text = mutate(random.Random(seed))
    out = list(pipeline.pipe([Article("<fuzz>", text=text)]))[0]
    assert not isinstance(out, Rejection) or "internal error" not in out.reason, out.reason
    if not isinstance(out, Rejection):
        assert span_errors(out) == []


@SLOW
@given(ANY_TEXT)
def test_pipeline_on_arbitrary_text_never_raises(pipeline, raw):
    assume(raw.strip())
    out = list(pipeline.pipe([Article("<fuzz>", text=raw)]))[0]
    if isinstance(out, Rejection):
        assert "internal error" not in out.reason, out.reason
    else:
        assert span_errors(out) == []
        assert all(0 <= s.start <= s.end <= len(out.text) for s in out.sentences)


HTML_BITS = ["<p>", "</p>", "<div>", "</div>", "<script>var a = '<p>';</script>", "<br>", "<!-- c -->", "&nbsp;",
             "&#x0;", "<h1>", "</h1>", "<?xml version='1.0' encoding='latin-1'?>", "<table><tr><td>", "<nav>Home</nav>",
             "<meta charset='utf-8'>", "<", ">", "&", "<p class=\"", "\x00"]


@SLOW
@given(st.lists(st.one_of(st.sampled_from(HTML_BITS), st.sampled_from(BASE), st.text(max_size=30)), min_size=1,
                max_size=40).map("".join))
@example(html="<p><script>var a = '<p>';</script>\x1f")       # once crashed lxml in the HTML fallback
def test_pipeline_on_broken_html_never_raises(pipeline, html):
    out = list(pipeline.pipe([Article("<fuzz>", html=html)]))[0]
    if isinstance(out, Rejection):
        assert "internal error" not in out.reason, out.reason
    else:
        assert span_errors(out) == [] and out.text.strip()


@FAST
@given(st.lists(st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")), max_size=15),
       st.integers(min_value=1, max_value=40), st.booleans())
def test_bounded_lines_account_for_every_byte(lines, limit, final_newline):
    from eventwire.inputs import _bounded_lines

    data = b"\n".join(lines) + (b"\n" if final_newline and lines else b"")
    out = list(_bounded_lines(io.BytesIO(data), limit))
    assert [n for n, _, _ in out] == list(range(1, len(out) + 1))
    assert sum(size for _, _, size in out) == len(data)
    for _, line, size in out:
        if line is None:                 # skipped: its content was over the limit
            assert size > limit
        else:                            # kept whole: content within the limit
            assert len(line) == size and len(line.rstrip(b"\n")) <= limit
    kept = [line.rstrip(b"\n") for _, line, _ in out if line is not None]
    assert kept == [ln for ln in (lines if data else []) if len(ln) <= limit][:len(kept)] or not data
