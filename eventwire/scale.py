"""Coding on a Dask cluster: a LocalCluster of N worker processes by default, or an existing cluster by
scheduler address (Kubernetes, Slurm, … — see docs/scaling.md).

Articles go out in chunks of `settings.batch_size` as futures, a bounded number in flight; each worker
process builds one Pipeline per settings and keeps it for the life of the process, so the model and the
lexicons load once per worker, not once per chunk. Results come back in input order, so the records are
exactly those of a serial run, and a caller that writes them (ingest) stays the single writer.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterable, Iterator

from eventwire.engine import CHUNKS_PER_WORKER, Item, Outcome, chunked, ordered_results
from eventwire.errors import UsageError
from eventwire.settings import Settings

# Workers run one thread each: spaCy releases the GIL poorly, so processes, not threads, give speed.
THREADS_PER_WORKER = 1
# How long to wait for an existing scheduler before telling the user it is unreachable.
CONNECT_TIMEOUT = "10s"

_pipelines: dict[str, object] = {}   # per worker process: settings key → Pipeline


def _settings_key(settings: Settings) -> str:
    return repr(settings)


def code_chunk(chunk: list[Item], settings: Settings) -> list[Outcome]:
    """Runs on a worker: code one chunk with this process's cached Pipeline."""
    key = _settings_key(settings)
    pipeline = _pipelines.get(key)
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = _pipelines[key] = Pipeline(settings)
    return list(pipeline.pipe(chunk))


@contextmanager
def dask_client(workers: int, scheduler: str | None):
    """A distributed Client: connected to `scheduler`, or to a fresh LocalCluster of `workers` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("the dask engine needs the 'distributed' package: pip install 'dask[distributed]'") from None
    # Dask reports cluster start-up and shutdown at INFO level; the user asked for records, not those.
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers, threads_per_worker=THREADS_PER_WORKER, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def code_on_dask(items: Iterable[Item], settings: Settings, *, workers: int = 1,
                 scheduler: str | None = None) -> Iterator[Outcome]:
    with dask_client(workers, scheduler) as client:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        remote_settings = client.scatter(settings, broadcast=True)
        yield from ordered_results(chunked(items, settings.batch_size),
                                   lambda chunk: client.submit(code_chunk, chunk, remote_settings, pure=False),
                                   in_flight=n * CHUNKS_PER_WORKER)
