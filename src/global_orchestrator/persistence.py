"""Checkpointers and stores from a URL: `memory`, `sqlite:///path`, `postgresql://...`.

Every factory is an async context manager that opens the connection, sets the schema up
on first use, and closes it on exit::

    async with open_checkpointer("sqlite:///.orchestrator/state.db") as saver:
        ...

`memory` is one saver per process, so a mission paused in memory can be resumed by a
later call in the same process.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlparse

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.base import BaseStore
from langgraph.store.memory import InMemoryStore

from global_orchestrator.errors import UserError

DEFAULT_DB_URL = "sqlite:///.orchestrator/state.db"

_memory_saver = InMemorySaver()
_memory_store = InMemoryStore()


def _scheme(url: str) -> str:
    if url == "memory":
        return "memory"
    scheme = urlparse(url).scheme
    if scheme in ("postgres", "postgresql", "postgresql+psycopg"):
        return "postgresql"
    if scheme == "sqlite":
        return "sqlite"
    raise UserError(f"unsupported database URL '{url}': use memory, sqlite:///path or postgresql://...")


def sqlite_path(url: str) -> Path:
    """The file of a `sqlite:///relative` or `sqlite:////absolute` URL, its folder created.

    Raises:
        UserError: the URL names no file.
    """
    path = url[len("sqlite:///") :] if url.startswith("sqlite:///") else ""
    if not path:
        raise UserError(f"invalid SQLite URL '{url}': use sqlite:///path/to/state.db")
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    return file


def _postgres_dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1).replace("postgres://", "postgresql://", 1)


@asynccontextmanager
async def open_checkpointer(url: str = DEFAULT_DB_URL) -> AsyncIterator[BaseCheckpointSaver[str]]:
    """Open a LangGraph checkpointer for `url` (schema created on first use).

    Raises:
        UserError: unsupported URL, missing extra, or the database cannot be reached.
    """
    scheme = _scheme(url)
    if scheme == "memory":
        yield _memory_saver
    elif scheme == "sqlite":
        from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

        async with AsyncSqliteSaver.from_conn_string(str(sqlite_path(url))) as saver:
            await saver.setup()
            yield saver
    else:
        try:
            from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        except ImportError as exc:
            raise UserError(_POSTGRES_EXTRA) from exc
        async with _postgres(AsyncPostgresSaver.from_conn_string, url) as pg_saver:
            yield pg_saver


@asynccontextmanager
async def open_store(url: str = DEFAULT_DB_URL) -> AsyncIterator[BaseStore]:
    """Open a LangGraph store (long-term memory, e.g. healing memory) for `url`.

    Raises:
        UserError: unsupported URL, missing extra, or the database cannot be reached.
    """
    scheme = _scheme(url)
    if scheme == "memory":
        yield _memory_store
    elif scheme == "sqlite":
        from langgraph.store.sqlite.aio import AsyncSqliteStore

        async with AsyncSqliteStore.from_conn_string(str(sqlite_path(url))) as store:
            try:
                await store.setup()
                yield store
            finally:
                await _stop_background_task(store)
    else:
        try:
            from langgraph.store.postgres.aio import AsyncPostgresStore
        except ImportError as exc:
            raise UserError(_POSTGRES_EXTRA) from exc
        async with _postgres(AsyncPostgresStore.from_conn_string, url) as pg_store:
            yield pg_store


_POSTGRES_EXTRA = "PostgreSQL needs the `postgres` extra: pip install 'global-orchestrator[postgres]'"
T = TypeVar("T")


@asynccontextmanager
async def _postgres(
    from_conn_string: Callable[[str], AbstractAsyncContextManager[T]], url: str
) -> AsyncIterator[T]:
    """Open a PostgreSQL saver or store, set its schema up, and close it (and its tasks)."""
    try:
        manager = from_conn_string(_postgres_dsn(url))
        opened = await manager.__aenter__()
    except Exception as exc:
        raise UserError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}") from exc
    try:
        await opened.setup()  # type: ignore[attr-defined]
        yield opened
    finally:
        if isinstance(opened, BaseStore):
            await _stop_background_task(opened)
        await manager.__aexit__(None, None, None)


async def _stop_background_task(store: BaseStore) -> None:
    """Cancel a store's batching task before its connection closes.

    LangGraph stops it only when the store is garbage-collected, which leaves "Task was
    destroyed but it is pending" behind a run that paused.
    """
    task = getattr(store, "_task", None)
    if isinstance(task, asyncio.Task) and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _redact(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@", 1)
    return url
