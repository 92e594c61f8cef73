"""Fixtures for integration tests: database URLs for each checkpointer, the example site."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site_server import example_site

POSTGRES_ENV = "ORCHESTRATOR_TEST_POSTGRES_URL"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (.ci/run sets it to the local PostgreSQL)")
    return url


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL per checkpointer kind; each test uses its own thread ids."""
    if request.param == "memory":
        yield "memory"
    elif request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/state.db"
    else:
        yield postgres_url()


@pytest.fixture(params=["sqlite", "postgres"])
def durable_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL that outlives a process."""
    return f"sqlite:///{tmp_path}/state.db" if request.param == "sqlite" else postgres_url()


@pytest.fixture
def thread_id() -> str:
    """A thread id no other test (or earlier run against the same PostgreSQL) used."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The repository's example site (`examples/site`) on a free loopback port: its base URL."""
    with example_site() as url:
        yield url
