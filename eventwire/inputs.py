"""Reading inputs: .txt, .html and .jsonl files, directories of them, or `-` for stdin.

Yields one `Article` per input article, or a `Rejection` that says which input (file, line) and why.
Nothing here raises for a bad article: one bad input never sinks a run.
"""
from __future__ import annotations

import codecs
import io
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Iterator

from charset_normalizer import from_bytes

from eventwire.clean import no_surrogates
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


# Byte-order marks: a UTF-16/32 file is full of NUL bytes and would otherwise look binary.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Text that is at least this share ASCII and not UTF-8 is Western-European legacy text: English news with
# accented names or "smart quotes" saved as Windows-1252 (a superset of Latin-1's printable characters).
# Statistical detectors misread such short, mostly-ASCII texts (as cp1250, cp775 …), so it is tried first.
MIN_ASCII_FOR_CP1252 = 0.90


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). A BOM, then UTF-8, then Windows-1252 for mostly-ASCII text, then a
    detected encoding; raises InputError when none gives text."""
    if not data.strip():
        raise InputError("empty input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _nonempty(data.decode(enc)), enc.removesuffix("-sig")
            except UnicodeDecodeError:
                raise InputError(f"starts with a {enc} byte-order mark but is not valid {enc}") from None
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _BINARY_BYTES for b in sample) > len(sample) * 0.02:
        raise InputError("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(sample)
    for enc in ([declared, "latin-1"] if declared == "cp1252" else [declared] if declared else []):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass                                      # a wrong declaration: detect as if there were none
    words = _without_markup(sample)
    if sum(b < 0x80 for b in words) >= len(words) * MIN_ASCII_FOR_CP1252:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("not UTF-8 and no text encoding could be detected (binary or corrupt data?)")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"not UTF-8, and not valid {best.encoding} either") from None


# <meta charset="…">, <meta http-equiv="Content-Type" content="text/html; charset=…">, <?xml … encoding="…"?>
_CHARSET_DECL = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})|"""
                           rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)


def _declared_charset(sample: bytes) -> str | None:
    """The encoding an HTML/XML page declares in its head, if it names one Python knows."""
    m = _CHARSET_DECL.search(sample[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): pages that say Latin-1 or ASCII are written in Windows-1252, whose
    # curly quotes and dashes Latin-1 would turn into invisible control characters.
    return "cp1252" if name in ("iso8859-1", "ascii") else name


_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)


def _without_markup(sample: bytes) -> bytes:
    """The words of a page, for judging its script: ASCII tags and CSS must not make Cyrillic look Latin."""
    return _MARKUP.sub(b" ", sample) if b"<" in sample else sample


def _nonempty(text: str) -> str:
    if not text.strip():
        raise InputError("empty input")
    return text


def read_inputs(paths: list[str], meta: Meta | None = None, *, max_article_bytes: int = 2 * 2**20,
                stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Every article in `paths`, in order. `meta` fills what a file does not say (for .txt/.html inputs)."""
    meta = meta or Meta()
    for p in paths:
        if p == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, meta, max_article_bytes)
            continue
        path = Path(p)
        if path.is_dir():
            try:
                files = sorted(f for f in path.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
            except OSError as exc:
                yield Rejection(str(path), f"cannot list the directory: {exc.strerror or exc}")
                continue
            if not files:
                yield Rejection(str(path), "directory holds no .txt, .html or .jsonl file")
            for f in files:
                yield from _read_file(f, meta, max_article_bytes)
        elif path.is_file():
            yield from _read_file(path, meta, max_article_bytes)
        elif path.exists():  # a pipe, /dev/stdin, a device: read it as a stream, never past the limit
            yield from _read_special(path, meta, max_article_bytes)
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


def _read_special(path: Path, meta: Meta, max_bytes: int) -> Iterator[Article | Rejection]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Rejection(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from _read_stdin(fh, meta, max_bytes, origin=str(path))


def _read_stdin(fh: BinaryIO, meta: Meta, max_bytes: int, *, origin: str = "<stdin>") -> Iterator[Article | Rejection]:
    """A stream holds one article (text or HTML), or JSON Lines when it starts with "{" (streamed)."""
    stream = _Prefixed(fh.read(1024), fh)
    if stream.head.getvalue().lstrip()[:1] == b"{":
        yield from _jsonl_lines(origin, stream, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejection(origin, _too_large(len(data), max_bytes, more=True))
        return
    yield from _read_blob(origin, data, "auto", meta, max_bytes)


class _Prefixed:
    """A stream whose first bytes were already read (to look at them): those bytes, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = io.BytesIO(head), rest

    def read(self, n: int = -1) -> bytes:
        data = self.head.read(n)
        return data + self.rest.read(-1 if n < 0 else n - len(data)) if n < 0 or len(data) < n else data

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or 0 <= limit <= len(line):
            return line
        return line + self.rest.readline(-1 if limit < 0 else limit - len(line))


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
        yield from _jsonl_lines(str(path), fh, max_bytes)


def _jsonl_lines(name: str, fh: BinaryIO, max_bytes: int) -> Iterator[Article | Rejection]:
    for lineno, line, size in _bounded_lines(fh, max_bytes):
        origin = f"{name}:{lineno}"
        if line is None:
            yield Rejection(origin, _too_large(size, max_bytes))
        elif line.strip():
            yield _article_from_line(origin, line)


def _bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line, size) for each line; an over-long line is skipped in chunks, never held whole,
    and given as None with its size."""
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= max_bytes or line.endswith(b"\n") and len(line) == max_bytes + 1:
            yield lineno, line, len(line)
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            if not line:
                break
            size += len(line)
        yield lineno, None, size


def _article_from_line(origin: str, line: bytes) -> Article | Rejection:
    try:
        text, encoding = decode(line)
    except InputError as exc:
        return Rejection(origin, str(exc))
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejection(origin, f"malformed JSON ({exc.msg.removesuffix(' at')}, column {exc.colno})")
    except (ValueError, RecursionError) as exc:   # absurd nesting or number sizes
        return Rejection(origin, f"malformed JSON ({exc.__class__.__name__})")
    art = _article_from_row(origin, row)
    if isinstance(art, Article):
        art.encoding = encoding
    return art


def _article_from_row(origin: str, row: object) -> Article | Rejection:
    if not isinstance(row, dict):
        return Rejection(origin, "a JSONL line must be an object with a \"text\" or \"html\" field")
    text, html = row.get("text"), row.get("html")
    rid = row.get("id", row.get("doc_id"))
    if rid is not None:
        origin = f"{origin} (id {_str(rid)})"
    text = text if isinstance(text, str) and text.strip() else None
    html = html if isinstance(html, str) and html.strip() else None
    if text is None and html is None:
        has_field = isinstance(row.get("text"), str) or isinstance(row.get("html"), str)
        return Rejection(origin, "empty text" if has_field else "no \"text\" or \"html\" field")
    published = row.get("published") if row.get("published") is not None else row.get("date")  # "date": an alias
    meta = Meta(doc_id=_str(rid), published=_str(published),
                source=_str(row.get("source")), url=_str(row.get("url")), title=_str(row.get("title")))
    return Article(origin, text=text, meta=meta) if text is not None else Article(origin, html=html, meta=meta)


def _str(v: object) -> str | None:
    return None if v is None else no_surrogates(str(v))


def _too_large(size: int, limit: int, *, more: bool = False) -> str:
    what = f"over {_size(limit)}" if more else f"{_size(size)}, over the {_size(limit)} limit"
    return f"article is {what} (raise EVENTWIRE_MAX_ARTICLE_BYTES to allow it)"


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 100_000 else f"{n} bytes"


def with_meta(article: Article, **overrides: str | None) -> Article:
    """The article with metadata fields replaced where an override is given."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(article, meta=replace(article.meta, **given)) if given else article
