"""Shared fixtures: the real pipeline (loaded once per test session) and the read-only shared inputs."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not (SEED / "article.txt").exists():
        pytest.skip("shared/seed is not beside the checkout")
    return (SEED / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(pipeline, seed_text):
    return pipeline.code(seed_text, published="2020-05-05", source="TRT World", doc_id="trt-2020-05-05-haftar")


@pytest.fixture(scope="module")
def code(pipeline):
    """Code one text as an article published on 2024-03-05 (the date the tests' weekdays resolve against)."""
    def run(text: str, **meta):
        return pipeline.code(text, published="2024-03-05", **meta)
    return run
