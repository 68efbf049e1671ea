"""Cleaning: scraped article (text or HTML) → the text eventwire codes, plus what was dropped and why.

Rules, in order, each on a whole line and never on part of one:
  credit      an agency tag or photo credit alone on a line ("AA", "Reuters", "Photo: X/AFP")
  navigation  a menu or related-links line ("Read more", "Share this article")
  duplicate   a line repeated verbatim (captions are often printed twice)
  trailer     short unpunctuated lines after the last sentence ("Route 6")
When unsure, keep: a dropped body sentence is lost evidence, a kept credit line costs nothing.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.errors import InputError
from eventwire.pagedate import page_date
from eventwire.record import Removed

_SENTENCE_END = re.compile(r"[.!?…:;\"'”’»)\]]\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters (C1 ones come from Latin-1-decoded Windows-1252 text): never article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_EDGE_PUNCT = " \t()[]{}|-–—•·*:.,"
# A duplicate shorter than this may be a legitimate repeated phrase ("Reporting by X"): keep it.
MIN_DUPLICATE_CHARS = 30
# A headline is a short first line; anything longer is body text starting without one.
MAX_HEADLINE_WORDS = 30
MAX_STANDFIRST_WORDS = 60


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    standfirst: str | None = None
    removed: list[Removed] = field(default_factory=list)
    published: str | None = None       # YYYY-MM-DD the page's markup states (HTML only; see pagedate.py)


@dataclass(frozen=True)
class _Rules:
    credits: frozenset[str]
    credit_patterns: tuple[re.Pattern, ...]
    navigation: frozenset[str]
    trailer_max_words: int
    trailer_max_lines: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = yaml.safe_load(resources.files("eventwire.data").joinpath("cleaning.yaml").read_text("utf-8"))
    return _Rules(
        credits=frozenset(c.lower() for c in data["credits"]),
        credit_patterns=tuple(re.compile(p, re.I) for p in data["credit_patterns"]),
        navigation=frozenset(n.lower() for n in data["navigation"]),
        trailer_max_words=int(data["trailer"]["max_words"]),
        trailer_max_lines=int(data["trailer"]["max_lines"]),
    )


def no_surrogates(s: str) -> str:
    """A lone surrogate (a JSON "\\ud800" escape) cannot be written as UTF-8: it becomes U+FFFD."""
    if _SURROGATE.search(s):
        return s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return s


def normalize(raw: str) -> str:
    """Line endings to \\n, control characters and odd spaces out; letters are left as they are."""
    s = no_surrogates(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\x85", "\n")
    s = s.replace("\u2029", "\n\n")
    s = s.replace("\u00a0", " ").replace("\ufeff", "").replace("\t", " ")
    s = _CONTROL.sub("", s)
    return unicodedata.normalize("NFC", s)


def _line_reason(line: str, rules: _Rules) -> str | None:
    key = line.strip(_EDGE_PUNCT).lower()
    if key in rules.credits or any(p.match(line.strip()) for p in rules.credit_patterns):
        return "credit"
    if key in rules.navigation or re.match(r"^(read more|read also|also read|see also|related)\s*:", key):
        return "navigation"
    return None


def _paragraphs(text: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of its non-empty lines."""
    blocks = re.split(r"\n\s*\n", text)
    return [[ln.strip() for ln in b.split("\n") if ln.strip()] for b in blocks if b.strip()]


def _join_lines(lines: list[str]) -> str:
    """Lines of one block: hard-wrapped prose is rejoined with a space, real line breaks are kept."""
    out = lines[0]
    for prev, ln in zip(lines, lines[1:]):
        wrapped = not _SENTENCE_END.search(prev) and ln[:1].islower()
        out += (" " if wrapped else "\n") + ln
    return out


def clean_text(raw: str, *, title: str | None = None, max_chars: int = 200_000) -> Cleaned:
    rules = _rules()
    text = normalize(raw)
    removed: list[Removed] = []
    seen: set[str] = set()
    kept: list[list[str]] = []
    for block in _paragraphs(text):
        lines = []
        for ln in block:
            reason = _line_reason(ln, rules)
            key = " ".join(ln.split()).lower()
            if reason is None and len(key) >= MIN_DUPLICATE_CHARS and key in seen:
                reason = "duplicate"
            if reason:
                removed.append(Removed(ln, reason))
                if lines:  # a dropped line breaks the block: never join the lines around it into one
                    kept.append(lines)
                    lines = []
                continue
            seen.add(key)
            lines.append(ln)
        if lines:
            kept.append(lines)
    kept = _drop_trailer(kept, rules, removed)
    if not kept:
        raise InputError("no article text left after cleaning" if text.strip() else "empty input")
    paragraphs = [_join_lines(b) for b in kept]
    headline, standfirst = _headline(paragraphs, title)
    body = "\n\n".join(paragraphs)
    if len(body) > max_chars:
        body = _truncate(body, max_chars, removed)
    return Cleaned(text=body, title=headline or title, standfirst=standfirst, removed=removed)


def _drop_trailer(kept: list[list[str]], rules: _Rules, removed: list[Removed]) -> list[list[str]]:
    """Drop short unpunctuated lines at the very end, if a real sentence stands before them."""
    flat = [(i, ln) for i, b in enumerate(kept) for ln in b]
    n = 0
    while n < len(flat) and n < rules.trailer_max_lines:
        ln = flat[-1 - n][1]
        if len(ln.split()) > rules.trailer_max_words or _SENTENCE_END.search(ln):
            break
        n += 1
    if n == 0 or n == len(flat) or not _SENTENCE_END.search(flat[-1 - n][1]):
        return kept
    drop = flat[len(flat) - n:]
    removed.extend(Removed(ln, "trailer") for _, ln in drop)
    out = [list(b) for b in kept]
    for i, ln in reversed(drop):
        out[i].remove(ln)
    return [b for b in out if b]


def _headline(paragraphs: list[str], title: str | None) -> tuple[str | None, str | None]:
    first = paragraphs[0]
    if len(paragraphs) < 2:
        return None, None
    is_title = title is not None and " ".join(first.split()) == " ".join(title.split())
    if not is_title and ("\n" in first or len(first.split()) > MAX_HEADLINE_WORDS or first.endswith(".")):
        return None, None
    second = paragraphs[1] if len(paragraphs) > 2 else None
    standfirst = second if second and "\n" not in second and len(second.split()) <= MAX_STANDFIRST_WORDS else None
    if standfirst and _dateline(standfirst):
        standfirst = None   # "ADEN (Reuters) - ..." opens the story's lead paragraph: body, not a standfirst
    return first, standfirst


def _dateline(paragraph: str) -> bool:
    from eventwire.anchor import DATELINE   # imported here: the anchor stage pulls in spaCy
    return DATELINE.match(paragraph) is not None


_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)")


def _truncate(body: str, max_chars: int, removed: list[Removed]) -> str:
    cut = _cut_point(body, max_chars)
    kept, rest = body[:cut].rstrip(), body[cut:]
    removed.append(Removed(rest[:200].strip() + " …", f"truncated: {len(rest)} characters past the "
                           f"{max_chars}-character limit (EVENTWIRE_MAX_CHARS)"))
    return kept


def _cut_point(body: str, max_chars: int) -> int:
    """Where to cut: the last paragraph break, else line break, else sentence end, else space before the
    limit — but never so early that less than half the allowed text is kept (an article that is one long
    paragraph after its headline must not shrink to the headline)."""
    floor = max_chars // 2
    for brk in ("\n\n", "\n"):
        cut = body.rfind(brk, floor, max_chars)
        if cut > 0:
            return cut
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(body, floor, max_chars)]
    if ends:
        return ends[-1]
    cut = body.rfind(" ", floor, max_chars)
    return cut if cut > 0 else max_chars


def clean_html(html: str, *, title: str | None = None, max_chars: int = 200_000, url: str | None = None) -> Cleaned:
    """Main text of a web page (trafilatura drops menus, ads and comments), then the text rules; and the
    publication date its markup states."""
    import trafilatura  # imported here: it costs half a second and plain-text runs never need it

    html = _CONTROL.sub("", no_surrogates(html))  # lxml refuses control characters anywhere in a page
    try:
        out = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                                  include_tables=False, favor_precision=False, deduplicate=False)
        data = json.loads(out) if out else {}
    except Exception:  # noqa: BLE001 — a page that trips the extractor still gets the plain-text fallback
        data = {}
    body = data.get("text") or ""
    if not body.strip():
        body = _html_fallback(html)
    page_title = title or data.get("title")
    if page_title and not body.lstrip().startswith(page_title.strip()):
        body = page_title.strip() + "\n\n" + body
    cleaned = clean_text(body, title=page_title, max_chars=max_chars)
    dropped = max(0, len(html) - len(body))
    cleaned.removed.insert(0, Removed(f"{dropped} characters of markup, menus and page furniture", "html"))
    cleaned.published = page_date(html, url)
    return cleaned


def _html_fallback(html: str) -> str:
    """Plain text of any HTML, for pages too small for trafilatura's heuristics."""
    import lxml.html

    try:  # as bytes: lxml refuses a str that carries an XML encoding declaration
        tree = lxml.html.fromstring(html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.LxmlError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in tree.xpath("//h1|//h2|//h3|//p|//li|//blockquote")]
    text = "\n\n".join(b for b in blocks if b)
    return text or " ".join(tree.text_content().split())
