"""Reading inputs: .txt, .html and .jsonl files, directories of them, or `-` for stdin.

Yields one `Article` per input article, or a `Rejection` that says which input (file, line) and why.
Nothing here raises for a bad article: one bad input never sinks a run.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Iterator

from charset_normalizer import from_bytes

from eventwire.errors import InputError, UsageError

SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# A run of these bytes means a binary file, not text in an odd encoding.
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


@dataclass
class Meta:
    doc_id: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class Article:
    origin: str                  # "path", "path:line" or "<stdin>": where to look when something is wrong
    text: str | None = None
    html: str | None = None
    meta: Meta = field(default_factory=Meta)
    encoding: str = "utf-8"


@dataclass
class Rejection:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 first, then a detected encoding; raises InputError otherwise."""
    if not data.strip():
        raise InputError("empty input")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _BINARY_BYTES for b in sample) > len(sample) * 0.02:
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("not UTF-8 and no text encoding could be detected")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"not UTF-8, and not valid {best.encoding} either") from None


def read_inputs(paths: list[str], meta: Meta | None = None, *, max_article_bytes: int = 2 * 2**20,
                stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Every article in `paths`, in order. `meta` fills what a file does not say (for .txt/.html inputs)."""
    meta = meta or Meta()
    for p in paths:
        if p == "-":
            yield from _read_blob("<stdin>", (stdin or sys.stdin.buffer).read(), "auto", meta, max_article_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                yield Rejection(str(path), "directory holds no .txt, .html or .jsonl file")
            for f in files:
                yield from _read_file(f, meta, max_article_bytes)
        elif path.is_file():
            yield from _read_file(path, meta, max_article_bytes)
        else:
            raise UsageError(f"no such file or directory: {p}")


def _read_file(path: Path, meta: Meta, max_bytes: int) -> Iterator[Article | Rejection]:
    kind = SUFFIXES.get(path.suffix.lower(), "auto")
    if kind == "jsonl":
        yield from _read_jsonl(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Rejection(str(path), _too_large(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_blob(str(path), data, kind, meta, max_bytes)


def _read_blob(origin: str, data: bytes, kind: str, meta: Meta, max_bytes: int) -> Iterator[Article | Rejection]:
    if len(data) > max_bytes:
        yield Rejection(origin, _too_large(len(data), max_bytes))
        return
    try:
        text, encoding = decode(data)
    except InputError as exc:
        yield Rejection(origin, str(exc))
        return
    if kind == "auto":
        kind = "html" if text.lstrip()[:1] == "<" else "text"
    if kind == "html":
        yield Article(origin, html=text, meta=meta, encoding=encoding)
    else:
        yield Article(origin, text=text, meta=meta, encoding=encoding)


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | Rejection]:
    """One article per line; lines are read as they come, so a corpus of any size streams."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        for lineno, line in enumerate(fh, 1):
            origin = f"{path}:{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield Rejection(origin, _too_large(len(line), max_bytes))
                continue
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield Rejection(origin, f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:80]})")
                continue
            yield _article_from_row(origin, row)


def _article_from_row(origin: str, row: object) -> Article | Rejection:
    if not isinstance(row, dict):
        return Rejection(origin, "a JSONL line must be an object with a \"text\" or \"html\" field")
    text, html = row.get("text"), row.get("html")
    rid = row.get("id", row.get("doc_id"))
    if rid is not None:
        origin = f"{origin} (id {rid})"
    if not isinstance(text, str) and not isinstance(html, str):
        return Rejection(origin, "no \"text\" or \"html\" field")
    if not (text or html or "").strip():
        return Rejection(origin, "empty text")
    meta = Meta(doc_id=None if rid is None else str(rid), published=_str(row.get("published")),
                source=_str(row.get("source")), url=_str(row.get("url")), title=_str(row.get("title")))
    if isinstance(text, str) and text.strip():
        return Article(origin, text=text, meta=meta)
    return Article(origin, html=html, meta=meta)


def _str(v: object) -> str | None:
    return None if v is None else str(v)


def _too_large(size: int, limit: int) -> str:
    return (f"article is {size / 2**20:.1f} MB, over the {limit / 2**20:.1f} MB limit "
            f"(raise EVENTWIRE_MAX_ARTICLE_BYTES to allow it)")


def with_meta(article: Article, **overrides: str | None) -> Article:
    """The article with metadata fields replaced where an override is given."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(article, meta=replace(article.meta, **given)) if given else article
