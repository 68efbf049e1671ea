"""Running the pipeline over many articles: in this process (`local`, optionally with worker processes),
or on a Dask cluster (`dask`).

Every engine yields the same records in input order, and rejections keep the input's origin. Work is sent
out in chunks of `settings.batch_size` articles with a bounded number of chunks in flight, so a corpus of
any size streams through in constant memory.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import suppress
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

from eventwire.errors import EventwireError, UsageError
from eventwire.inputs import Article, Rejection
from eventwire.record import Record
from eventwire.settings import Settings

ENGINES = ("local", "dask")
# Chunks in flight per worker: two keeps every worker busy while the caller prints the previous one.
CHUNKS_PER_WORKER = 2
# Coded once before forking workers, so caches that stages fill lazily are filled once and shared.
WARM_UP = ("Turkish troops arrived in Tripoli on Monday, officials said.\n\n"
           "\"We will not retreat,\" the minister told reporters in Ankara on May 4, 2020.")

Item = Article | Rejection
Outcome = Record | Rejection
T = TypeVar("T")


def code_articles(items: Iterable[Item], settings: Settings, *, engine: str = "local",
                  workers: int = 1, scheduler: str | None = None) -> Iterator[Outcome]:
    """Records (or rejections) for `items`, in input order, whichever engine runs them."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask":
        from eventwire.scale import code_on_dask

        yield from code_on_dask(items, settings, workers=workers, scheduler=scheduler)
    elif workers == 1:
        from eventwire.pipeline import Pipeline

        yield from Pipeline(settings).pipe(items)
    else:
        yield from _code_in_processes(items, settings, workers)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_results(chunks: Iterable[list[Item]], submit: Callable[[list[Item]], Future],
                    in_flight: int) -> Iterator[Outcome]:
    """Submit chunks with at most `in_flight` pending, and yield their outcomes in submission order.

    Works for concurrent.futures and dask.distributed futures alike (both have .result()).
    """
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


# ---- local worker processes -------------------------------------------------------------------
_worker_pipeline = None


def _init_worker(settings: Settings | None = None) -> None:
    """Runs once in each worker process. Ctrl-C is the parent's to handle: a worker that also caught it
    would print its own traceback. Spawned workers (no fork) build their Pipeline here."""
    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings is not None:
        from eventwire.pipeline import Pipeline

        _worker_pipeline = Pipeline(settings)


def _code_chunk(chunk: list[Item]) -> list[Outcome]:
    return list(_worker_pipeline.pipe(chunk))


def _code_in_processes(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[Outcome]:
    """A pool of `workers` processes, each with its own Pipeline, fed chunks of `batch_size` articles."""
    global _worker_pipeline
    if "fork" in multiprocessing.get_all_start_methods():
        # Build the Pipeline once here and fork: workers start in milliseconds and share the model's
        # memory copy-on-write instead of each loading it again.
        from eventwire.pipeline import Pipeline

        _worker_pipeline = Pipeline(settings)
        with suppress(EventwireError):  # stages that load data on first use do it once, before the fork
            _worker_pipeline.code(WARM_UP)
        # Keep the collector from touching (and so copying) every inherited object in each worker:
        # measured, a worker's own memory (USS) drops from ~150 MB to ~80 MB.
        gc.freeze()
        ctx, initargs = multiprocessing.get_context("fork"), ()
    else:  # macOS/Windows: spawned workers import everything and build their own Pipeline
        ctx, initargs = multiprocessing.get_context("spawn"), (settings,)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=initargs)
    try:
        yield from ordered_results(chunked(items, settings.batch_size),
                                   lambda chunk: pool.submit(_code_chunk, chunk),
                                   in_flight=workers * CHUNKS_PER_WORKER)
    except BaseException:  # Ctrl-C, a closed pipe, a worker error: their chunks are not wanted any more
        _stop(pool)
        raise
    else:
        pool.shutdown()
    finally:
        _worker_pipeline = None
        gc.unfreeze()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop now: cancel queued chunks and end the workers rather than wait for the chunks they hold."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.terminate()
