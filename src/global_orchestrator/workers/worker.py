"""`orchestrator worker`: Dramatiq's own worker running mission messages on one long-lived runtime.

The worker is one process: Dramatiq's consumer and worker threads, and Dramatiq's
`AsyncIO` event-loop thread where one `Orchestrator` (one compiled graph, one PostgreSQL
pool) runs up to `concurrency` missions at once. For each message the worker:

1. takes the thread's **lease**, a PostgreSQL advisory lock held on the worker's own
   session connection (`Leases`). A mission another worker runs is put back on the
   queue with a delay (acknowledged, not lost). The lease expires when its session ends:
   the worker exits or is killed (the kernel closes the socket at once), or its machine
   or network is lost (the server ends a session silent for `lease_timeout_seconds`,
   30 s; a live worker pings it every 5 s). If the lease connection fails while the
   worker lives, the worker exits at once (`os._exit`), so no run goes on without its
   lease; RabbitMQ then hands its messages to other workers.
2. counts the **delivery** of the message in PostgreSQL; past `max_deliveries` starts
   (a mission that kills its worker every time, or keeps failing) the mission ends as
   failed, with a `worker.poison` issue in its checkpointed result.
3. runs or resumes the mission from its checkpoint (finished subtasks are not run
   again), publishing each (redacted) event to `orchestrator_events`; a mission that
   stops for approval ends the message: it holds no worker until a decision is submitted.

Dramatiq acknowledges the message when the actor returns; if the worker dies first,
RabbitMQ redelivers it to another worker, which resumes the mission from its checkpoint.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import threading
from dataclasses import dataclass, replace
from typing import Any

from global_orchestrator.errors import UserError
from global_orchestrator.events import MissionEvent, final_result
from global_orchestrator.graph.records import build_result
from global_orchestrator.models import Issue, Mission, MissionPlan, MissionResult, Severity
from global_orchestrator.redaction import exception_text, redact_result, redact_text
from global_orchestrator.runtime import Orchestrator, RunOptions
from global_orchestrator.workers import records
from global_orchestrator.workers.queue import ACTOR, Payload, broker_url, enqueue, make_broker, queue_name

log = logging.getLogger("global_orchestrator.workers")
_LEASE_KEY = 726015
BUSY_DELAY_MS = 1_000
"""How long a message waits before it is tried again while another worker holds its thread."""


@dataclass(frozen=True)
class WorkerSettings:
    """How a worker process runs (its missions' options are a `RunOptions`)."""

    broker: str | None = None
    """RabbitMQ URL (default: `ORCHESTRATOR_BROKER_URL`, else the local RabbitMQ)."""
    queue: str | None = None
    """The queue to consume (default: `ORCHESTRATOR_QUEUE`, else `orchestrator.missions`)."""
    concurrency: int = 8
    """Missions the worker runs at once (Dramatiq worker threads)."""
    max_deliveries: int = 3
    """Starts of one message before the mission is given up as poison."""
    lease_check_seconds: float = 5.0
    """How often the lease connection is checked (pinged)."""
    lease_timeout_seconds: float = 30.0
    """PostgreSQL ends a lease session silent this long (`idle_session_timeout`): the leases
    of a worker whose machine or network was lost expire then."""


class Leases:
    """Advisory locks on thread ids, held on one session connection of this worker."""

    def __init__(self, url: str, check_seconds: float, timeout_seconds: float) -> None:
        if timeout_seconds <= 2 * check_seconds:
            raise UserError("the lease timeout must be more than twice the lease check interval")
        self._dsn = records.postgres_dsn(url)
        self._check = check_seconds
        self._timeout = timeout_seconds
        self._conn: Any = None
        self._lock = asyncio.Lock()
        self._held: set[str] = set()
        self._watch: asyncio.Task[None] | None = None

    async def open(self) -> None:
        """Connect (with TCP keepalives, so a lost worker's leases expire) and start the check."""
        import psycopg

        self._conn = await psycopg.AsyncConnection.connect(
            self._dsn,
            autocommit=True,
            application_name="global-orchestrator-lease",
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=3,
            # a worker gone silent (lost machine or network) loses its leases this long after its
            # last ping; a live one pings every `check_seconds`
            options=f"-c idle_session_timeout={int(self._timeout * 1000)}",
        )
        self._watch = asyncio.get_running_loop().create_task(self._watchdog())

    async def acquire(self, thread: str) -> bool:
        """Take the thread's lease; False if another worker (or run here) holds it."""
        if thread in self._held:  # advisory locks are re-entrant within a session
            return False
        async with self._lock:
            cur = await self._conn.execute(
                "SELECT pg_try_advisory_lock(hashtextextended(%s, %s))", (thread, _LEASE_KEY)
            )
            row = await cur.fetchone()
            got = bool(row[0])
        if got:
            self._held.add(thread)
        return got

    async def release(self, thread: str) -> None:
        """Give the thread's lease back."""
        self._held.discard(thread)
        async with self._lock:
            await self._conn.execute(
                "SELECT pg_advisory_unlock(hashtextextended(%s, %s))", (thread, _LEASE_KEY)
            )

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(self._check)
            try:
                async with self._lock:
                    await self._conn.execute("SELECT 1")
            except Exception:
                # the session is gone, and with it every lease: no run may go on without one
                log.critical("lease connection lost: exiting so the broker hands the missions on")
                logging.shutdown()
                os._exit(75)

    async def close(self) -> None:
        """Stop the check and end the session (every lease is released)."""
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
        if self._conn is not None:
            await self._conn.close()


def _middleware_base() -> type:
    from dramatiq.middleware import Middleware

    return Middleware


class MissionWorker(_middleware_base()):  # type: ignore[misc]
    """The worker's runtime: a Dramatiq middleware (opened at boot, closed at shutdown) and the actor."""

    def __init__(self, options: RunOptions, settings: WorkerSettings) -> None:
        if not isinstance(options.db, str):
            raise UserError("workers need a database URL (postgresql://...), not a checkpointer object")
        records.postgres_dsn(options.db)  # PostgreSQL only: a UserError otherwise
        pool = replace(options.pool, max_size=min(options.pool.max_size, settings.concurrency + 2))
        # the event stream other processes read is never PHI-bearing
        self.options = replace(options, show_phi=False, pool=pool)
        self.settings = settings
        self.orchestrator = Orchestrator(self.options)
        self.leases = Leases(options.db, settings.lease_check_seconds, settings.lease_timeout_seconds)
        self.records: Any = None
        self.boot_error: BaseException | None = None
        self._loop: Any = None

    # -- Dramatiq hooks ------------------------------------------------------------------

    def before_worker_boot(self, broker: Any, worker: Any) -> None:  # noqa: ARG002 (Dramatiq's hook)
        """Open the runtime on Dramatiq's event loop (the `AsyncIO` middleware runs before this)."""
        from dramatiq.asyncio import get_event_loop_thread

        self._loop = get_event_loop_thread()
        try:
            self._loop.run_coroutine(self._open())
        except BaseException as exc:
            self.boot_error = exc

    def after_worker_shutdown(self, broker: Any, worker: Any) -> None:  # noqa: ARG002 (Dramatiq's hook)
        """Close the runtime (before the event loop stops)."""
        if self._loop is not None:
            self._loop.run_coroutine(self._close())

    async def _open(self) -> None:
        from psycopg.rows import dict_row
        from psycopg_pool import AsyncConnectionPool

        assert isinstance(self.options.db, str)
        await self.orchestrator.open()
        dsn = records.postgres_dsn(self.options.db)
        self.records = AsyncConnectionPool(
            dsn,
            min_size=1,
            max_size=4,
            kwargs={
                "autocommit": True,
                "row_factory": dict_row,
                "application_name": "global-orchestrator-queue",
            },
            open=False,  # no check on checkout: a broken connection fails its statement and is replaced
        )
        await self.records.open(wait=True, timeout=30)
        async with self.records.connection() as conn:
            await records.migrate(conn, dsn)
        await self.leases.open()

    async def _close(self) -> None:
        await self.leases.close()
        if self.records is not None:
            await self.records.close()
        await self.orchestrator.aclose()

    def retry_when(self, retries: int, exc: BaseException) -> bool:
        """Dramatiq's retry rule: faults are tried again (each try is a counted delivery)."""
        return not isinstance(exc, UserError) and retries < self.settings.max_deliveries

    # -- the actor -------------------------------------------------------------------------

    async def run_thread(self, payload: Payload) -> None:
        """Run (or resume) the mission of one message; see the module docstring."""
        thread = payload["thread"]
        if not await self.leases.acquire(thread):
            log.warning("thread %s is leased by another run: trying again in %d ms", thread, BUSY_DELAY_MS)
            await asyncio.to_thread(
                enqueue, payload, url=self.settings.broker, queue=self.settings.queue, delay_ms=BUSY_DELAY_MS
            )
            return
        try:
            await self._run(payload)
        except Exception:
            await self._set_state(thread, "queued")  # Dramatiq retries it (a counted delivery)
            raise
        finally:
            await self.leases.release(thread)

    async def _run(self, payload: Payload) -> None:
        thread = payload["thread"]
        async with self.records.connection() as conn:
            starts = await records.count_delivery(conn, thread, payload["submission"])
        if starts > self.settings.max_deliveries:
            await self._give_up(
                payload,
                Issue(
                    code="worker.poison",
                    severity=Severity.ERROR,
                    message=(
                        f"the mission was started {starts - 1} times and never finished (its worker "
                        f"died or the run failed each time): given up after "
                        f"{self.settings.max_deliveries} deliveries"
                    ),
                ),
            )
            return
        await self._set_state(thread, "running")
        orchestrator = self.orchestrator
        try:
            status: MissionResult | None = await orchestrator.status(thread)
        except UserError:
            status = None
        try:
            if status is None:
                if payload.get("kind") != "run" or not payload.get("mission"):
                    raise UserError(f"no mission run in thread '{thread}' to resume")
                mission = Mission.model_validate(payload["mission"])
                plan_data = payload.get("plan")
                plan = MissionPlan.model_validate(plan_data) if plan_data else None
                final = await final_result(
                    orchestrator.stream(mission, thread_id=thread, plan=plan), self._add_event
                )
            elif status.status == "completed":
                final = status  # a redelivered message of a run that finished: nothing to do
            else:
                approvals = payload.get("approvals") if status.status == "waiting_approval" else None
                final = await final_result(
                    orchestrator.stream_resume(thread, approvals=approvals or None), self._add_event
                )
        except UserError as exc:
            await self._give_up(
                payload,
                # redacted before it is stored, logged or published (it can echo the mission)
                Issue(
                    code="worker.rejected", severity=Severity.ERROR, message=redact_text(exception_text(exc))
                ),
            )
            return
        if final.status == "incomplete":
            raise RuntimeError(f"thread '{thread}' stopped incomplete")  # retried: a counted delivery
        await self._set_state(
            thread, "waiting_approval" if final.status == "waiting_approval" else "completed"
        )

    async def _add_event(self, event: MissionEvent) -> None:
        async with self.records.connection() as conn:
            await records.add_event(conn, event)

    async def _set_state(
        self, thread: str, state: records.SubmissionState, issue: dict[str, Any] | None = None
    ) -> None:
        async with self.records.connection() as conn:
            await records.set_state(conn, thread, state, issue)

    async def _give_up(self, payload: Payload, issue: Issue) -> None:
        """End the mission as failed: the issue goes into its checkpointed result and its events."""
        thread = payload["thread"]
        log.error("thread %s: %s", thread, issue.message)
        graph = self.orchestrator.graph
        config = {"configurable": {"thread_id": thread}}
        values = dict((await graph.aget_state(config)).values or {})
        update: dict[str, Any] = {"issues": [issue.to_dict()]}
        if not values.get("mission") and payload.get("mission"):
            update["mission"] = values["mission"] = payload["mission"]
        result = build_result({**values, "issues": [*(values.get("issues") or []), issue.to_dict()]})
        if not result.mission_id and payload.get("mission"):
            result.mission_id = str(payload["mission"].get("id", ""))
        result = result.model_copy(update={"success": False, "thread_id": thread})
        update["result"] = result.to_dict()
        try:
            await graph.aupdate_state(config, update, as_node="aggregate")
            final = await self.orchestrator.status(thread)
        except Exception:  # the queue's records still say why, and followers still hear it
            log.exception("thread %s: the failed result could not be checkpointed", thread)
            final = redact_result(result)
        await self._add_event(
            MissionEvent(
                type="mission_finished",
                mission_id=final.mission_id,
                thread_id=thread,
                message=issue.message,
                result=final,
            )
        )
        await self._set_state(thread, "failed", issue.to_dict())


def run_worker(options: RunOptions, settings: WorkerSettings, *, stop: threading.Event | None = None) -> None:
    """Run a worker until SIGTERM / SIGINT (or `stop` is set); running missions finish first.

    Raises:
        UserError: the database, the broker or the options are unusable.
    """
    from dramatiq import Actor, Worker
    from dramatiq.middleware import AsyncIO, Retries

    runtime = MissionWorker(options, settings)
    url = broker_url(settings.broker)
    retries = Retries(
        max_retries=settings.max_deliveries, min_backoff=200, max_backoff=5_000, retry_when=runtime.retry_when
    )
    broker = make_broker(url, middleware=[AsyncIO(), retries, runtime])
    queue = queue_name(settings.queue)
    actor: Any = runtime.run_thread  # Dramatiq's generic signature does not take a bound coroutine method
    Actor(actor, broker=broker, actor_name=ACTOR, queue_name=queue, priority=0, options={})
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    worker = Worker(broker, worker_threads=settings.concurrency, worker_timeout=100)
    worker.start()
    try:
        if runtime.boot_error is not None:
            raise UserError(f"the worker could not start: {runtime.boot_error}") from runtime.boot_error
        log.info("worker %d: %d missions at once from %s", os.getpid(), settings.concurrency, queue)
        print(f"worker ready (pid {os.getpid()})", flush=True)
        stop.wait()
    finally:
        worker.stop(timeout=600_000)
        broker.close()
