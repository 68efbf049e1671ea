"""The publication date a web page states in its markup, read with htmldate.

htmldate (the date extractor trafilatura itself uses) looks at, among others, `<meta
property="article:published_time">` and its kin, JSON-LD `datePublished`, `<time datetime>`, a date in
the URL and a byline ("Published April 18, 2023"), preferring the original publication date over a
modification date. Its "extensive search" is left off: it guesses from any date in the body text ("in
2011 a similar flood…"), and an article dated by its own history is worse than an undated one.
"""
from __future__ import annotations

import logging

HOW = "read from the page's markup by htmldate (meta tags, JSON-LD, <time>, URL or byline)"


def page_date(html: str, url: str | None = None) -> str | None:
    """YYYY-MM-DD, or None when the page states no publication date (or htmldate cannot read it)."""
    from htmldate import find_date   # imported here, like trafilatura: plain-text runs never need it

    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 — a page htmldate cannot parse is simply undated
        return None
    return found or None
