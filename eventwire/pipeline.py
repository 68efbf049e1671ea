"""The pipeline: raw articles → cleaned text → one spaCy parse → stages → eventwire/1 records.

    from eventwire.pipeline import Pipeline
    rec = Pipeline().code(text, published="2020-05-05", source="TRT World")
"""
from __future__ import annotations

import hashlib
import logging
from datetime import date
from typing import Iterable, Iterator

from eventwire import nlp as nlp_loader
from eventwire.actors import ActorStage
from eventwire.analysis import Analysis, Stage
from eventwire.anchor import AnchorStage
from eventwire.clean import Cleaned, clean_html, clean_text, normalize
from eventwire.counts import CountStage
from eventwire.counts.link import CountLinkStage
from eventwire.dates import DateStage
from eventwire.errors import EventwireError, InputError
from eventwire.events import EventStage
from eventwire.inputs import Article, Meta, Rejection
from eventwire.language import detect_language
from eventwire.pagedate import HOW as PAGE_DATE_HOW
from eventwire.places import PlaceStage
from eventwire.quotes import QuoteStage
from eventwire.record import Record, Sentence
from eventwire.relations import RelationStage
from eventwire.settings import Settings
from eventwire.truecase import parse_text

log = logging.getLogger(__name__)

# Order matters: each stage reads what the ones before it wrote (see each stage's `requires`).
STAGES = (ActorStage, PlaceStage, DateStage, CountStage, EventStage, QuoteStage, RelationStage, AnchorStage,
          CountLinkStage)


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp_loader.load(self.settings.model)
        self.stages: list[Stage] = [cls(self.settings) for cls in STAGES]
        _check_order(self.stages)

    def code(self, text: str, *, html: bool = False, **meta: str | None) -> Record:
        """Code one article given as a string; raises InputError when it cannot be coded."""
        art = Article("<string>", html=text, meta=Meta(**meta)) if html else Article("<string>", text=text, meta=Meta(**meta))
        out = next(self.pipe([art]))
        if isinstance(out, Rejection):
            raise InputError(out.reason)
        return out

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Record | Rejection]:
        """Records (or rejections) in input order, parsing in batches with nlp.pipe."""
        batch: list[tuple[str, Record | Rejection]] = []   # (origin, item): rejections name the input
        for item in items:
            batch.append((item.origin, item if isinstance(item, Rejection) else self._prepare(item)))
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # ---- internals ------------------------------------------------------------------------
    def _prepare(self, art: Article) -> Record | Rejection:
        """Cleaning and metadata: everything before the parse."""
        try:
            cleaned = _clean(art, self.settings)
        except InputError as exc:
            return Rejection(art.origin, str(exc))
        except Exception as exc:  # a cleaning bug on one odd article must not sink a corpus run
            if self.settings.debug:
                raise
            log.warning("cleaning failed on %s", art.origin, exc_info=True)
            return Rejection(art.origin, f"internal error while cleaning: {exc.__class__.__name__}: {exc} "
                                         "(run with --debug for details)")
        raw = art.text if art.text is not None else art.html or ""
        rec = Record(doc_id=art.meta.doc_id or _stable_id(raw), text=cleaned.text, source=art.meta.source,
                     url=art.meta.url, title=cleaned.title, standfirst=cleaned.standfirst,
                     removed=cleaned.removed)
        rec.published = _iso_date(art.meta.published, rec)
        if rec.published is None and cleaned.published:     # given metadata wins over what the page says
            rec.published = cleaned.published
            rec.warnings.append(f"published date {cleaned.published} {PAGE_DATE_HOW}")
        if art.encoding != "utf-8":
            rec.warnings.append(f"input was not UTF-8; decoded as {art.encoding}")
        lang, prob = detect_language(rec.text)
        rec.language = lang
        if lang != "en" and not self.settings.force_language:
            rec.warnings.append(f"language detected as {lang!r} (p={prob:.2f}), not English: extraction "
                                "skipped (use --force-language to code it anyway)")
        return rec

    def _run_batch(self, batch: list[tuple[str, Record | Rejection]]) -> Iterator[Record | Rejection]:
        todo = [r for _, r in batch
                if isinstance(r, Record) and (self.settings.force_language or r.language in ("en", None))]
        # a text in lower case is parsed from a copy with its known names capitalised (same offsets)
        docs = dict(zip((id(r) for r in todo), self.nlp.pipe((parse_text(r.text) for r in todo),
                                                              batch_size=self.settings.batch_size)))
        for origin, item in batch:
            if isinstance(item, Record) and id(item) in docs:
                yield self._analyse(item, docs[id(item)], origin)
            else:
                yield item

    def _analyse(self, rec: Record, doc, origin: str) -> Record | Rejection:
        rec.sentences = [Sentence(s.start_char, s.start_char + len(s.text.rstrip()))
                         for s in doc.sents if s.text.strip()]
        analysis = Analysis(record=rec, doc=doc, settings=self.settings)
        for stage in self.stages:
            try:
                stage(analysis)
            except EventwireError as exc:
                return Rejection(origin, f"{stage.name}: {exc}")
            except Exception as exc:  # one article's bug must not sink a corpus run
                if self.settings.debug:
                    raise
                log.warning("stage %s failed on %s", stage.name, rec.doc_id, exc_info=True)
                return Rejection(origin, f"internal error in the {stage.name} stage: "
                                             f"{exc.__class__.__name__}: {exc} (run with --debug for details)")
        return rec


def _clean(art: Article, settings: Settings) -> Cleaned:
    if art.html is not None:
        return clean_html(art.html, title=art.meta.title, max_chars=settings.max_chars, url=art.meta.url)
    return clean_text(art.text or "", title=art.meta.title, max_chars=settings.max_chars)


def _stable_id(raw: str) -> str:
    """A doc_id from the content: the same article gives the same id on every run and machine."""
    return "sha1-" + hashlib.sha1(" ".join(normalize(raw).split()).encode("utf-8")).hexdigest()[:16]


def _iso_date(value: str | None, rec: Record) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        rec.warnings.append(f"published date {value!r} is not an ISO date (YYYY-MM-DD); ignored")
        return None


def _check_order(stages: list[Stage]) -> None:
    have = {"record.text", "doc", "record.sentences"}
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise RuntimeError(f"stage {st.name} needs {missing}, which no earlier stage assigns")
        have.update(st.assigns)
