"""Helpers for the web tests: a store built from articles we wrote, and a real `eventwire serve` process.

The articles are annotated by hand (events, actors, places, relations with their spans found in the text),
so the API and page tests check the web layer against known answers whatever the extraction stages find
today; the seed article, coded by the real pipeline, is ingested beside them when shared/ is present.
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from eventwire.record import Actor, Event, Place, Record, Relation, Sentence, Span
from eventwire.store import Store

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src="x" onerror="window.__pwned=2">'

# Debian's Chromium, driven by playwright (its own browser download is never used)
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_browser() -> None:
    """Skip without Chromium or playwright, unless EVENTWIRE_REQUIRE_BROWSER=1 (CI), where that is a failure."""
    required = os.environ.get("EVENTWIRE_REQUIRE_BROWSER") == "1"
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (install it with .ci/install-browser)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright Python package is not installed"
    if missing:
        if required:
            pytest.fail(f"EVENTWIRE_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


@contextlib.contextmanager
def launched_chromium():
    """Headless Chromium for the length of a `with` block (one per test module)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Ev:
    type: str
    trigger: str                 # first occurrence of these words in the text
    source: str | None = None    # actor names (keys of Doc.actors)
    target: str | None = None
    date: str | None = None
    place: str | None = None     # place name (key of Doc.places)
    cameo: str | None = None


@dataclass
class Doc:
    doc_id: str
    title: str
    published: str
    text: str
    actors: dict[str, tuple[str, str | None]] = field(default_factory=dict)   # name → (country, sector)
    places: dict[str, tuple[str, float, float]] = field(default_factory=dict)  # name → (country, lat, lon)
    events: list[Ev] = field(default_factory=list)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, from, to, evidence words)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end): from after the previous '. ' or newline to the next one."""
    left = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
               text.rfind("\n", 0, start) + 1)
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return left, min(right, len(text))


def build_record(d: Doc) -> Record:
    text = d.text
    rec = Record(doc_id=d.doc_id, text=text, source="eventwire tests", title=d.title, published=d.published,
                 language="en", sentences=[Sentence(0, len(text))])
    ids: dict[str, str] = {}
    for i, (name, (country, sector)) in enumerate(d.actors.items(), 1):
        ids[name] = f"A{i}"
        mentions = [Span.of(text, m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        rec.actors.append(Actor(id=f"A{i}", name=name, country=country, sector=sector, mentions=mentions,
                                reason="test annotation"))
    pids: dict[str, str] = {}
    for i, (name, (country, lat, lon)) in enumerate(d.places.items(), 1):
        pids[name] = f"P{i}"
        mentions = [Span.of(text, m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        rec.places.append(Place(id=f"P{i}", name=name, country=country, kind="city", lat=lat, lon=lon,
                                mentions=mentions, reason="test annotation"))
    for i, e in enumerate(d.events, 1):
        start = text.index(e.trigger)
        s0, s1 = _sentence_around(text, start, start + len(e.trigger))
        rec.events.append(Event(id=f"E{i}", type=e.type, cameo=e.cameo, source=ids.get(e.source or ""),
                                target=ids.get(e.target or ""), date=e.date, place=pids.get(e.place or ""),
                                confidence=0.9, trigger=Span.of(text, start, start + len(e.trigger)),
                                evidence=Span.of(text, s0, s1), reason="test annotation"))
    for kind, a, b, words in d.relations:
        start = text.index(words)
        rec.relations.append(Relation(kind=kind, from_=ids[a], to=ids[b],
                                      evidence=Span.of(text, start, start + len(words)), reason="test annotation"))
    return rec


ARTICLES = [
    Doc("test-egypt-dam", "Egypt urges Ethiopia to halt filling of Nile dam", "2021-07-06",
        "Egypt urges Ethiopia to halt filling of Nile dam\n\n"
        "Egypt on Tuesday called on Ethiopia to stop filling the reservoir of its giant dam on the Blue Nile "
        "until the three countries reach a binding deal. Speaking in Cairo, the foreign minister said talks "
        "mediated by the African Union had stalled. Sudan accused Ethiopia of acting alone.",
        actors={"Egypt": ("EGY", "GOV"), "Ethiopia": ("ETH", "GOV"), "Sudan": ("SDN", "GOV"),
                "African Union": ("IGO", "IGO")},
        places={"Cairo": ("EGY", 30.06, 31.25)},
        events=[Ev("REQUEST", "called on", "Egypt", "Ethiopia", "2021-07-06", "Cairo", "02"),
                Ev("ACCUSE", "accused", "Sudan", "Ethiopia", "2021-07-06", None, "11")],
        relations=[]),
    Doc("test-tbilisi-protest", "Police detain dozens as protesters rally in Tbilisi", "2023-03-08",
        "Police detain dozens as protesters rally in Tbilisi\n\n"
        "Thousands of protesters marched to parliament in Tbilisi on Wednesday against a draft law on "
        "foreign agents. Georgian police detained 66 people after the crowd tried to enter the building, "
        "the interior ministry said.",
        actors={"protesters": ("GEO", "CIV"), "Georgian police": ("GEO", "COP")},
        places={"Tbilisi": ("GEO", 41.69, 44.83)},
        events=[Ev("PROTEST", "marched", "protesters", None, "2023-03-08", "Tbilisi", "14"),
                Ev("COERCE", "detained", "Georgian police", "protesters", "2023-03-08", "Tbilisi", "17")]),
    Doc("test-gao-attack", "Rebels backed by a jihadist group attack army post near Gao", "2022-10-03",
        "Rebels backed by a jihadist group attack army post near Gao\n\n"
        "Fighters of the Coordination of Azawad Movements attacked a Malian army post near Gao on Sunday, "
        "the army said. The rebels are backed by a jihadist group, officials claimed. The Malian army "
        "said it repelled the assault. The Malian army asked for help from the United Nations.",
        actors={"Coordination of Azawad Movements": ("MLI", "REB"), "Malian army": ("MLI", "MIL"),
                "jihadist group": (None, "REB"), "United Nations": ("IGO", "IGO")},
        places={"Gao": ("MLI", 16.27, -0.04)},
        events=[Ev("ASSAULT", "attacked", "Coordination of Azawad Movements", "Malian army", "2022-10-02", "Gao", "19"),
                Ev("REQUEST", "asked for help", "Malian army", "United Nations", "2022-10-02", None, "02")],
        relations=[("backs", "jihadist group", "Coordination of Azawad Movements", "backed by a jihadist group")]),
    # Dates of every precision: one event dated to a month, one with no date at all.
    Doc("test-sanctions", "EU readies sanctions on Minsk as Belarus warns of response", "2022-11-14",
        "EU readies sanctions on Minsk as Belarus warns of response\n\n"
        "The European Union imposed sanctions on Belarusian officials in November over the forced landing "
        "of a passenger jet. Belarus threatened to cut gas transit to Europe.",
        actors={"European Union": ("IGO", "IGO"), "Belarusian officials": ("BLR", "GOV"), "Belarus": ("BLR", "GOV")},
        events=[Ev("SANCTION", "imposed sanctions", "European Union", "Belarusian officials", "2022-11", None, "16"),
                Ev("THREATEN", "threatened", "Belarus", "European Union", None, None, "13")]),
    # An article whose text carries markup: the page must show it as text, never run it.
    Doc("test-markup", "Hackers post <b>defaced</b> page on ministry site", "2022-10-05",
        "Hackers post defaced page on ministry site\n\n"
        f"The page read {XSS_SCRIPT} and {XSS_IMG} before it was taken down. "
        "The ministry of communications condemned the attack on Wednesday.",
        actors={"ministry of communications": ("MLI", "GOV")},
        events=[Ev("ACCUSE", "condemned", "ministry of communications", None, "2022-10-05", None, "11")]),
]


def build_store(path: Path, records: list[Record]) -> Path:
    with Store.open(path) as store:
        for rec in records:
            store.add_record(rec)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`eventwire serve --db DB` in a child process on a free port of 127.0.0.1, stopped on exit."""

    def __init__(self, db: Path, *, timeout: float = 60.0) -> None:
        self.db = db
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None
        self.log = None

    def __enter__(self) -> "Server":
        cmd = [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(self.db), "--port", str(self.port)]
        # The server's output goes to a file, not a pipe: a pipe nobody reads would block it once full.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"eventwire serve exited: {self.output()}")
            try:
                if httpx.get(self.url + "/api/summary", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"eventwire serve did not answer on {self.url} within {self.timeout}s: {self.output()}")

    def output(self) -> str:
        """What the server printed so far."""
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)        # uvicorn shuts down cleanly on SIGINT
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log:
            self.log.close()
