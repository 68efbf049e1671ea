"""Engines: worker processes and Dask give the same records, in the same order, as a serial run."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from eventwire.engine import chunked, code_articles, ordered_results
from eventwire.errors import UsageError
from eventwire.inputs import Article, Meta, Rejection
from eventwire.record import Record
from eventwire.settings import Settings

STORIES = [
    "Turkey sends troops to Libya\n\nTurkey sent troops to Tripoli on Monday to support the UN-recognised "
    "government, officials in Ankara said.",
    "Protesters clash with police in Tbilisi\n\nThousands of protesters clashed with police outside the "
    "parliament in Tbilisi on Tuesday. Police arrested 35 people, the interior ministry said.",
    "EU imposes sanctions on Russian officials\n\nThe European Union imposed sanctions on six Russian officials "
    "on Wednesday over the jailing of opposition activists.",
    "Sudan's army and RSF agree truce\n\nSudan's army and the Rapid Support Forces agreed to a seven-day "
    "ceasefire on Thursday after talks in Jeddah mediated by Saudi Arabia.",
    "Gunmen kill 12 in Mali\n\nGunmen killed 12 villagers near Mopti on Friday, a local official said. "
    "Mali's government condemned the attack.",
    "Iran threatens to close Strait of Hormuz\n\nIran threatened on Saturday to close the Strait of Hormuz if "
    "the United States tightened sanctions, state media reported.",
]


def corpus(n: int) -> list[Article | Rejection]:
    items: list[Article | Rejection] = []
    for i in range(n):
        if i % 5 == 3:
            items.append(Rejection(f"corpus.jsonl:{i + 1}", "malformed JSON"))
            continue
        text = STORIES[i % len(STORIES)].replace("12", str(12 + i)).replace("35", str(35 + i))
        items.append(Article(f"corpus.jsonl:{i + 1}", text=text if i % 7 else "   ",
                             meta=Meta(doc_id=f"doc-{i}", published="2023-06-0%d" % (1 + i % 9))))
    return items


def as_comparable(outcomes) -> list:
    return [o.to_dict() if isinstance(o, Record) else ("rejected", o.origin, o.reason) for o in outcomes]


@pytest.fixture(scope="module")
def small_batches() -> Settings:
    return Settings(batch_size=3)        # many chunks, so ordering across workers is really exercised


@pytest.fixture(scope="module")
def serial(small_batches) -> list:
    return as_comparable(code_articles(corpus(23), small_batches))


def test_serial_run_keeps_order_and_rejections(serial):
    assert len(serial) == 23
    assert serial[3] == ("rejected", "corpus.jsonl:4", "malformed JSON")
    assert serial[0][0] == "rejected" and serial[0][2] == "empty input"      # i=0: blank text
    assert [r["doc_id"] for r in serial if isinstance(r, dict)][:3] == ["doc-1", "doc-2", "doc-4"]


def test_worker_processes_give_the_serial_records(small_batches, serial):
    assert as_comparable(code_articles(corpus(23), small_batches, workers=2)) == serial


def test_dask_on_an_existing_scheduler_gives_the_serial_records(small_batches, serial):
    from distributed import LocalCluster

    # Threads in this process: starts in a second; the separate-process path is tested through the CLI below.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        out = code_articles(corpus(23), small_batches, engine="dask", scheduler=cluster.scheduler_address)
        assert as_comparable(out) == serial


def test_ingest_from_dask_stores_what_a_serial_ingest_stores(tmp_path, small_batches):
    import sqlite3

    from distributed import LocalCluster

    from eventwire.store import ingest

    def stored(db) -> list[tuple]:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT event_id, doc_id, type, source_id, target_id, date FROM events "
                               "ORDER BY event_id").fetchall()

    ingest(code_articles(corpus(12), small_batches), tmp_path / "serial.db")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        ingest(code_articles(corpus(12), small_batches, engine="dask", scheduler=cluster.scheduler_address),
               tmp_path / "dask.db")
    rows = stored(tmp_path / "serial.db")
    assert rows and rows == stored(tmp_path / "dask.db")


def test_unreachable_scheduler_is_a_usage_error(monkeypatch):
    import eventwire.scale as scale

    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        list(code_articles(corpus(2), Settings(), engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_ordered_results_keep_submission_order_when_chunks_finish_out_of_order():
    def slow_identity(chunk):
        time.sleep(0.05 * (5 - chunk[0] % 5))          # later chunks finish first
        return chunk

    with ThreadPoolExecutor(4) as pool:
        out = list(ordered_results(chunked(range(20), 1), lambda c: pool.submit(slow_identity, c), in_flight=4))
    assert out == list(range(20))


def test_chunked_streams_without_reading_everything():
    seen = []

    def gen():
        for i in range(100):
            seen.append(i)
            yield i

    first = next(chunked(gen(), 8))
    assert first == list(range(8)) and len(seen) == 8


def test_cli_dask_engine_matches_serial_article_by_article(tmp_path):
    rows = [{"id": f"a{i}", "text": STORIES[i % len(STORIES)], "published": "2023-06-05"} for i in range(8)]
    f = tmp_path / "corpus.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")

    def run(*extra: str) -> tuple[int, list[dict], str]:
        p = subprocess.run([sys.executable, "-m", "eventwire", "code", str(f), "--format", "jsonl",
                            "--batch-size", "2", *extra], capture_output=True, timeout=120)
        return p.returncode, [json.loads(ln) for ln in p.stdout.decode().splitlines()], p.stderr.decode()

    code1, serial, err1 = run()
    code2, dask, err2 = run("--engine", "dask", "--workers", "2")
    assert code1 == code2 == 1
    assert err1 == err2 and err1.count("\n") == 1 and ":9: malformed JSON" in err1   # no Dask chatter
    assert [r["doc_id"] for r in dask] == [f"a{i}" for i in range(8)]
    for a, b in zip(serial, dask):
        assert a["events"] == b["events"] and a == b


def test_bench_runs_and_ends_with_the_ratio_line():
    import os
    import re
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "bench" / "run"
    p = subprocess.run([str(bench), "--articles", "6"], capture_output=True, timeout=300,
                       env={**os.environ, "BENCH_QUICK": "1"})
    assert p.returncode == 0, p.stderr.decode()[-500:]
    lines = p.stdout.decode().strip().splitlines()
    assert any(ln.startswith("(a) spaCy parse alone") and "MB" in ln for ln in lines)
    assert any(ln.startswith("(b) eventwire full coding") and "MB" in ln for ln in lines)
    assert any(ln.startswith("(c) code + ingest") for ln in lines)
    assert re.fullmatch(r"ratio full/parse \d+\.\d\d", lines[-1])
