"""Checkpointers and stores from a URL: `memory`, `sqlite:///path`, `postgresql://...`.

`open_persistence(url)` gives a saver and a store that share one connection resource per
database, per process and event loop, opened once and reference-counted:

- PostgreSQL: one `psycopg_pool.AsyncConnectionPool` (size `PoolSettings.max_size`,
  a connection checked on checkout, broken ones replaced), shared by saver and store;
  migrations run once per process, under an advisory lock across processes.
- SQLite: one connection per database file (WAL, a busy timeout), shared by saver and
  store: concurrent missions in one process never see `database is locked`; migrations
  run once, under a file lock across processes.
- `memory`: a saver and store per `MemoryPersistence` object. The module-level default
  one lives as long as the process, so a mission paused in memory can be resumed by a
  later call; it keeps at most `MEMORY_RETENTION` completed runs (oldest evicted).

`open_checkpointer` / `open_store` are the same resources one at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.base import BaseStore
from langgraph.store.memory import InMemoryStore

from global_orchestrator.errors import UserError

logger = logging.getLogger(__name__)

DEFAULT_DB_URL = "sqlite:///.orchestrator/state.db"
MEMORY_RETENTION = 1_000
"""Completed runs the in-memory persistence keeps; older ones are evicted (paused runs stay)."""


@dataclass(frozen=True)
class PoolSettings:
    """Connection pooling of a runtime's database (PostgreSQL; SQLite uses one connection)."""

    min_size: int = 1
    max_size: int = 20
    """Connections at most; PostgreSQL's default `max_connections` is 100, shared by every
    process using the database."""
    timeout: float = 120.0
    """Seconds a mission waits for a free connection before the wait counts as a fault."""
    sqlite_busy_timeout_ms: int = 30_000
    """How long SQLite waits for another process's lock before `database is locked`."""
    application_name: str = "global-orchestrator"
    """PostgreSQL `application_name` of the pool's connections (find them in `pg_stat_activity`)."""


class MemoryPersistence:
    """An in-memory saver and store, with completed runs evicted past `retention`."""

    def __init__(self, retention: int = MEMORY_RETENTION) -> None:
        self.saver = InMemorySaver()
        self.store = InMemoryStore()
        self.retention = retention
        self._completed: OrderedDict[str, None] = OrderedDict()

    def completed(self, thread_id: str) -> None:
        """Note a completed run; evict the oldest completed runs past the retention."""
        self._completed[thread_id] = None
        self._completed.move_to_end(thread_id)
        while len(self._completed) > self.retention:
            old, _ = self._completed.popitem(last=False)
            self.saver.delete_thread(old)


_default_memory = MemoryPersistence()


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
    async with open_persistence(url) as persistence:
        yield persistence.saver


@asynccontextmanager
async def open_store(url: str = DEFAULT_DB_URL) -> AsyncIterator[BaseStore]:
    """Open a LangGraph store (long-term memory, e.g. healing memory) for `url`.

    Raises:
        UserError: unsupported URL, missing extra, or the database cannot be reached.
    """
    async with open_persistence(url) as persistence:
        yield persistence.store


_POSTGRES_EXTRA = "PostgreSQL needs the `postgres` extra: pip install 'global-orchestrator[postgres]'"
T = TypeVar("T")


@dataclass
class Persistence:
    """A saver and a store on one shared connection resource (see the module docstring)."""

    url: str
    saver: BaseCheckpointSaver[Any]
    store: BaseStore
    memory: MemoryPersistence | None = None
    """Set for `memory`: completed runs are reported to it for eviction."""
    _close: Callable[[], Any] | None = field(default=None, repr=False)
    _users: int = 0


class _LoopShare:
    """The shared resources of one event loop (pools and connections are bound to it)."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.open: dict[str, Persistence] = {}


_migrated: set[str] = set()
"""PostgreSQL databases whose migrations this process already ran (they run once per process)."""
_by_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopShare] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def open_persistence(
    url: str = DEFAULT_DB_URL,
    *,
    pool: PoolSettings | None = None,
    memory: MemoryPersistence | None = None,
) -> AsyncIterator[Persistence]:
    """Open (or share) the saver and store for `url`; close them when the last user leaves.

    Args:
        url: `memory`, `sqlite:///path` or `postgresql://...`.
        pool: Pool sizes and timeouts (used by whoever opens the resource first).
        memory: For `memory`: this in-memory persistence (default: the process's).

    Raises:
        UserError: unsupported URL, missing extra, or the database cannot be reached.
    """
    scheme = _scheme(url)
    if scheme == "memory":
        mem = memory or _default_memory
        yield Persistence(url, mem.saver, mem.store, memory=mem)
        return
    loop = asyncio.get_running_loop()
    share = _by_loop.get(loop)
    if share is None:
        share = _by_loop[loop] = _LoopShare()
    key = _resource_key(scheme, url)
    async with share.lock:
        shared = share.open.get(key)
        if shared is None:
            opener = _open_sqlite if scheme == "sqlite" else _open_postgres
            shared = await opener(url, pool or PoolSettings())
            share.open[key] = shared
        shared._users += 1
    try:
        yield shared
    finally:
        async with share.lock:
            shared._users -= 1
            if shared._users == 0 and share.open.get(key) is shared:
                del share.open[key]
                if shared._close is not None:
                    await shared._close()


def _resource_key(scheme: str, url: str) -> str:
    return str(sqlite_path(url).resolve()) if scheme == "sqlite" else _postgres_dsn(url)


async def _open_sqlite(url: str, pool: PoolSettings) -> Persistence:
    import aiosqlite
    from langgraph.store.sqlite.aio import AsyncSqliteStore

    from global_orchestrator.graph.state import EFFECT_FREE_NODES
    from global_orchestrator.group_commit import GroupCommitSaver, sqlite_saver

    path = sqlite_path(url)
    conns: list[aiosqlite.Connection] = []
    try:
        # saver and store each get one connection: their transactions must not interleave
        for i in range(2):
            # the saver commits its implicit transactions; the store issues its own BEGIN
            # and needs autocommit mode (isolation_level=None), as LangGraph opens it
            conn = await aiosqlite.connect(str(path), **({} if i == 0 else {"isolation_level": None}))
            conns.append(conn)
            await (await conn.execute(f"PRAGMA busy_timeout = {int(pool.sqlite_busy_timeout_ms)}")).close()
            if i == 0:  # the mode is the file's: set once
                await (await conn.execute("PRAGMA journal_mode = WAL")).close()
    except Exception as exc:
        for conn in conns:
            await conn.close()
        raise UserError(f"cannot open SQLite database {path}: {exc}") from exc
    # LangGraph's saver, concurrent writes sharing commits, preparation steps' commits not synced alone
    saver = sqlite_saver(conns[0], EFFECT_FREE_NODES)
    store = AsyncSqliteStore(conns[1])
    # one process at a time; cheap when the schema is there (and the store's setup also
    # registers a SQL function on its connection, so it runs for every new connection)
    async with _file_lock(path.with_name(path.name + ".lock")):
        await saver.setup()
        await store.setup()

    async def close() -> None:
        await _stop_background_task(store)
        if isinstance(saver, GroupCommitSaver):
            await saver.drain()  # writes already handed over are committed, not dropped
        # A run aborted by an exception that is no `Exception` (Ctrl-C, a crash stand-in) can
        # leave LangGraph's checkpoint write running in a task nobody awaits. Under the
        # saver's and store's own locks no write is half-way: roll back what is open and
        # close. (A write slipping in after a rollback kept its cursor open, so close()
        # deferred and the connection kept the write lock: the next run waited out the
        # busy timeout and failed with `database is locked`.)
        async with saver.lock, store.lock:
            for conn in conns:
                with contextlib.suppress(Exception):
                    if conn.in_transaction:
                        await conn.rollback()
                await conn.close()

    return Persistence(url, saver, store, _close=close)


@asynccontextmanager
async def _file_lock(path: Path) -> AsyncIterator[None]:
    import fcntl

    with path.open("a") as handle:
        await asyncio.to_thread(fcntl.flock, handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


async def _open_postgres(url: str, pool: PoolSettings) -> Persistence:
    try:
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
        from langgraph.store.postgres.aio import AsyncPostgresStore
        from psycopg.rows import dict_row
        from psycopg_pool import AsyncConnectionPool
    except ImportError as exc:
        raise UserError(_POSTGRES_EXTRA) from exc
    sweeps: set[asyncio.Task[None]] = set()
    connections: AsyncConnectionPool[Any] = AsyncConnectionPool(
        _postgres_dsn(url),
        min_size=pool.min_size,
        max_size=pool.max_size,
        timeout=pool.timeout,
        kwargs={
            "autocommit": True,
            "prepare_threshold": 0,
            "row_factory": dict_row,
            "application_name": pool.application_name,
        },
        check=_sweeping_check(lambda: connections, sweeps),
        open=False,
    )
    try:
        await connections.open(wait=True, timeout=min(pool.timeout, 30.0))
    except Exception as exc:
        await connections.close()
        raise UserError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}") from exc
    saver = AsyncPostgresSaver(connections)
    # The saver serializes every operation through one asyncio lock, which a single shared
    # connection needs; each operation on a pool checks out its own connection, so the
    # lock would only queue every mission of the process behind one another.
    saver.lock = _NoLock()  # type: ignore[assignment]
    store = AsyncPostgresStore(connections)
    key = _postgres_dsn(url)
    try:
        if key not in _migrated:
            # one process at a time runs the migrations (CREATE ... IF NOT EXISTS races otherwise)
            async with connections.connection() as conn:
                await conn.execute("SELECT pg_advisory_lock(726001)")
                try:
                    await saver.setup()
                    await store.setup()
                finally:
                    await conn.execute("SELECT pg_advisory_unlock(726001)")
            _migrated.add(key)
    except Exception:
        await connections.close()
        raise

    async def close() -> None:
        await _stop_background_task(store)
        for task in sweeps:
            task.cancel()
        await connections.close()

    return Persistence(url, saver, store, _close=close)


def _sweeping_check(pool: Callable[[], Any], sweeps: set[asyncio.Task[None]]) -> Callable[[Any], Any]:
    """The pool's checkout check: a broken connection starts a sweep of the idle ones.

    psycopg_pool checks a connection on checkout and, when it is broken, waits before the
    next try with an exponential backoff (1, 2, 4 ... seconds, to avoid a busy loop). After
    the server dropped every connection (terminated backends, a restart, a failover) the
    idle ones are all broken, so a checkout met them one by one: ~1 + 2 + 4 + ... seconds,
    past the pool timeout (120 s) at the seventh, and the mission failed with `PoolTimeout`.
    So the first broken one found starts `pool.check()` (one at a time) in the background:
    it tests every idle connection at once and replaces the broken ones, and the checkout's
    next try (after psycopg's first wait, ~1 s) gets a working connection.
    """
    from psycopg_pool import AsyncConnectionPool

    async def check(conn: Any) -> None:
        if _quiet(conn):
            return
        try:
            await AsyncConnectionPool.check_connection(conn)
        except Exception:
            if not any(not task.done() for task in sweeps):
                task = asyncio.ensure_future(pool().check())
                sweeps.add(task)
                task.add_done_callback(_swept(sweeps))
            raise

    return check


def _quiet(conn: Any) -> bool:
    """An idle connection whose server has said nothing since: usable without a round trip.

    psycopg_pool's check sends an empty query on every checkout: a round trip per saver
    call, ~12 % of the CPU of 300 concurrent missions on PostgreSQL (profiled). A backend
    the server terminates (`pg_terminate_backend`, a restart, a failover) sends its FATAL
    message and closes the socket, so its socket turns readable; nothing unread on an idle,
    open connection's socket means nothing has happened to it, and the full check runs only
    when something has (a notification, an error, the end of the stream) or the state is
    not plainly idle. A network that vanished without a word (no FIN) is not seen by either
    check until a query times out; the runtime's database retries cover that case as before.
    """
    import select

    from psycopg.pq import ConnStatus, TransactionStatus

    try:
        pgconn = conn.pgconn
        idle = pgconn.status == ConnStatus.OK and pgconn.transaction_status == TransactionStatus.IDLE
        if conn.closed or not idle:
            return False
        readable, _, _ = select.select([pgconn.socket], [], [], 0)
    except Exception:
        return False
    return not readable


def _swept(sweeps: set[asyncio.Task[None]]) -> Callable[[asyncio.Task[None]], None]:
    def done(task: asyncio.Task[None]) -> None:
        sweeps.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.warning("sweeping the connection pool failed: %s", task.exception())

    return done


class _NoLock:
    """An async context manager that does not lock (see `_open_postgres`)."""

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


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
