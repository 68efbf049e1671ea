"""Running the pipeline over many articles: in this process (`local`), or on a Dask cluster (`dask`).

Both yield the same records in input order; rejections carry the input's origin.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from eventwire.errors import UsageError
from eventwire.inputs import Article, Rejection
from eventwire.record import Record
from eventwire.settings import Settings

ENGINES = ("local", "dask")


def code_articles(items: Iterable[Article | Rejection], settings: Settings, *, engine: str = "local",
                  workers: int = 1, scheduler: str | None = None) -> Iterator[Record | Rejection]:
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "local":
        from eventwire.pipeline import Pipeline

        yield from Pipeline(settings).pipe(items)
        return
    raise UsageError("the dask engine is not available yet")
