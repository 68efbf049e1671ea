"""Quoted regions of a text, found from the quotation marks alone (no parse needed).

Straight (") and curly (“ ”) double marks are paired within a paragraph. News style lets a quote run
over several paragraphs: a paragraph that opens a quote without closing it, followed by a paragraph
that starts with an opening mark, continues the same quote. Single marks (' ‘ ’) are not used: in
body text they are far more often apostrophes than quotation marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class QuotedRegion:
    open: int          # offset of the opening mark
    close: int         # offset of the closing mark (== end when the quote was never closed)
    start: int         # content: text[start:end] is what was quoted, without the marks
    end: int
    closed: bool = True


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """Every quoted region in `text`, in order, each with its content trimmed of white space. The comma
    that news style puts before the closing mark ("...stability," Altun said) stays: it is inside the
    marks, as the quoted sentence's full stop is, and corpora of quotes (PolNeAR) keep it too."""
    regions: list[QuotedRegion] = []
    pending: int | None = None            # offset of an opening mark not yet closed
    for para_start, para_end in _paragraphs(text):
        i = para_start
        if pending is not None and not _starts_with_mark(text, para_start, para_end):
            regions.append(_region(text, pending, _trim_end(text, para_start), closed=False))
            pending = None
        elif pending is not None:
            i = _first_mark(text, para_start, para_end) + 1   # the continuation mark: not a new quote
        for j in range(i, para_end):
            ch = text[j]
            if ch not in (OPENING, CLOSING, STRAIGHT):
                continue
            if pending is None and ch != CLOSING:
                pending = j
            elif pending is not None and ch != OPENING:
                regions.append(_region(text, pending, j))
                pending = None
            elif ch == OPENING:       # a second opening mark: the first one never closed
                pending = j
    if pending is not None:
        regions.append(_region(text, pending, _trim_end(text, len(text)), closed=False))
    return [r for r in regions if r.end > r.start]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _first_mark(text: str, start: int, end: int) -> int:
    j = start
    while j < end and text[j].isspace():
        j += 1
    return j


def _starts_with_mark(text: str, start: int, end: int) -> bool:
    j = _first_mark(text, start, end)
    return j < end and text[j] in (OPENING, STRAIGHT)


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _region(text: str, open_: int, close: int, *, closed: bool = True) -> QuotedRegion:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedRegion(open_, close, start, end, closed)
