"""What the queue keeps in PostgreSQL beside the checkpoints: submissions, deliveries, events.

- `orchestrator_submissions`: one row per submitted thread: its state (`queued`,
  `running`, `waiting_approval`, `completed`, `failed`), when it was submitted and when
  it last changed (a finished row's `updated_at` is its finish time).
- `orchestrator_deliveries`: how many times each message (a submission id: one per
  `submit_*` call, kept across redeliveries and retries) has been started; a mission
  past `max_deliveries` is poison and ends as failed.
- `orchestrator_events`: the (redacted) events of every run, in order, with a
  `NOTIFY orchestrator_events` per insert and state change so followers in any process wake up at once.

The tables are created once per process, under an advisory lock across processes.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from global_orchestrator.errors import UserError
from global_orchestrator.events import MissionEvent

SubmissionState = Literal["queued", "running", "waiting_approval", "completed", "failed"]
"""Where a submitted mission is: in the queue, on a worker, paused, done, or given up."""
CHANNEL = "orchestrator_events"
"""The PostgreSQL notification channel of new events (payload: the thread id)."""
_MIGRATION_LOCK = 726015

_SCHEMA = """
CREATE TABLE IF NOT EXISTS orchestrator_submissions (
    thread_id text PRIMARY KEY,
    mission_id text NOT NULL,
    state text NOT NULL,
    submission text NOT NULL,
    issue jsonb,
    submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE IF NOT EXISTS orchestrator_deliveries (
    submission text PRIMARY KEY,
    thread_id text NOT NULL,
    deliveries integer NOT NULL
);
CREATE TABLE IF NOT EXISTS orchestrator_events (
    seq bigserial PRIMARY KEY,
    thread_id text NOT NULL,
    event jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS orchestrator_events_thread ON orchestrator_events (thread_id, seq);
"""
_migrated: set[str] = set()


@dataclass(frozen=True)
class Submission:
    """A submitted mission as the queue sees it (its results: `get_mission_status`)."""

    thread_id: str
    mission_id: str
    state: SubmissionState
    submitted_at: datetime
    updated_at: datetime
    """When the state last changed: for `completed` and `failed`, the finish time."""
    issue: dict[str, Any] | None = None
    """Why the queue gave it up (`failed`), e.g. `worker.poison`."""


@dataclass(frozen=True)
class QueuedEvent:
    """An event read back from the database, with its position for `follow_mission(after=...)`."""

    seq: int
    event: MissionEvent


def postgres_dsn(url: str) -> str:
    """The libpq DSN of a `postgresql://` database URL.

    Raises:
        UserError: not a PostgreSQL URL (workers share state through PostgreSQL only).
    """
    for prefix in ("postgresql+psycopg://", "postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix) :]
    raise UserError(f"workers need a PostgreSQL database (postgresql://...), got '{url.split(':', 1)[0]}:'")


@asynccontextmanager
async def connect(url: str) -> AsyncIterator[Any]:
    """A PostgreSQL connection (autocommit, dict rows) with the queue's tables in place.

    Raises:
        UserError: the `postgres` extra is missing or the database cannot be reached.
    """
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError as exc:  # pragma: no cover - the workers extra pulls it in
        raise UserError(
            "workers need the `workers` extra: pip install 'global-orchestrator[workers]'"
        ) from exc
    dsn = postgres_dsn(url)
    try:
        conn = await psycopg.AsyncConnection.connect(
            dsn, autocommit=True, row_factory=dict_row, application_name="global-orchestrator-queue"
        )
    except psycopg.OperationalError as exc:
        raise UserError(f"cannot connect to PostgreSQL for the queue: {exc}") from exc
    async with conn:
        await migrate(conn, dsn)
        yield conn


async def migrate(conn: Any, dsn: str) -> None:
    """Create the queue's tables (once per process; one process at a time)."""
    if dsn in _migrated:
        return
    await conn.execute("SELECT pg_advisory_lock(%s)", (_MIGRATION_LOCK,))
    try:
        await conn.execute(_SCHEMA)
    finally:
        await conn.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATION_LOCK,))
    _migrated.add(dsn)


async def add_submission(conn: Any, thread_id: str, mission_id: str, submission: str) -> None:
    """Record a new submission (state `queued`).

    Raises:
        UserError: the thread was submitted before.
    """
    cur = await conn.execute(
        "INSERT INTO orchestrator_submissions (thread_id, mission_id, state, submission) "
        "VALUES (%s, %s, 'queued', %s) ON CONFLICT (thread_id) DO NOTHING RETURNING thread_id",
        (thread_id, mission_id, submission),
    )
    if await cur.fetchone() is None:
        raise UserError(f"thread '{thread_id}' was already submitted: pass another thread_id")


async def requeue(conn: Any, thread_id: str, submission: str) -> None:
    """Mark a thread queued again (an approval decision was submitted)."""
    await conn.execute(
        "UPDATE orchestrator_submissions SET state = 'queued', submission = %s, issue = NULL, "
        "updated_at = clock_timestamp() WHERE thread_id = %s",
        (submission, thread_id),
    )


async def remove_submission(conn: Any, thread_id: str) -> None:
    """Forget a submission whose message could not be enqueued."""
    await conn.execute("DELETE FROM orchestrator_submissions WHERE thread_id = %s", (thread_id,))


async def count_delivery(conn: Any, thread_id: str, submission: str) -> int:
    """Count one more start of a message; how many starts it has had, this one included."""
    cur = await conn.execute(
        "INSERT INTO orchestrator_deliveries (submission, thread_id, deliveries) VALUES (%s, %s, 1) "
        "ON CONFLICT (submission) DO UPDATE SET deliveries = orchestrator_deliveries.deliveries + 1 "
        "RETURNING deliveries",
        (submission, thread_id),
    )
    row = await cur.fetchone()
    return int(row["deliveries"])


async def set_state(
    conn: Any, thread_id: str, state: SubmissionState, issue: dict[str, Any] | None = None
) -> None:
    """Move a submission to `state` (with the issue that explains a `failed`)."""
    await conn.execute(
        "UPDATE orchestrator_submissions SET state = %s, issue = %s, updated_at = clock_timestamp() "
        "WHERE thread_id = %s",
        (state, json.dumps(issue) if issue is not None else None, thread_id),
    )
    await conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, thread_id))


async def get_submission(conn: Any, thread_id: str) -> Submission | None:
    """The submission of a thread, or None if it was never submitted."""
    cur = await conn.execute(
        "SELECT thread_id, mission_id, state, issue, submitted_at, updated_at "
        "FROM orchestrator_submissions WHERE thread_id = %s",
        (thread_id,),
    )
    row = await cur.fetchone()
    return None if row is None else Submission(**row)


async def list_submissions(conn: Any, prefix: str = "") -> list[Submission]:
    """Every submission whose thread id starts with `prefix`, oldest first."""
    like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    cur = await conn.execute(
        "SELECT thread_id, mission_id, state, issue, submitted_at, updated_at "
        "FROM orchestrator_submissions WHERE thread_id LIKE %s ORDER BY submitted_at",
        (like,),
    )
    return [Submission(**row) for row in await cur.fetchall()]


async def add_event(conn: Any, event: MissionEvent) -> None:
    """Store an event (already redacted) and wake the followers of its thread."""
    # one round trip; the notification is sent when the insert commits
    await conn.execute(
        "WITH added AS (INSERT INTO orchestrator_events (thread_id, event) VALUES (%s, %s) "
        "RETURNING thread_id) SELECT pg_notify(%s, thread_id) FROM added",
        (event.thread_id, event.to_json(indent=None), CHANNEL),
    )


async def events_after(conn: Any, thread_id: str, after: int) -> list[QueuedEvent]:
    """The stored events of a thread after position `after`, in order."""
    cur = await conn.execute(
        "SELECT seq, event FROM orchestrator_events WHERE thread_id = %s AND seq > %s ORDER BY seq",
        (thread_id, after),
    )
    return [
        QueuedEvent(int(row["seq"]), MissionEvent.model_validate(row["event"]))
        for row in await cur.fetchall()
    ]


async def run_start(conn: Any, thread_id: str) -> int:
    """The position just before the thread's current (or, if it is not queued or running, last) run.

    A thread runs in pieces: up to an approval pause, then on from it. Following from here
    shows the piece under way, or the last one.
    """
    found = await get_submission(conn, thread_id)
    cur = await conn.execute(
        "SELECT seq FROM orchestrator_events WHERE thread_id = %s AND event->>'type' = 'mission_finished' "
        "ORDER BY seq DESC LIMIT 2",
        (thread_id,),
    )
    ends = [int(row["seq"]) for row in await cur.fetchall()]
    under_way = found is not None and found.state in ("queued", "running")
    skip = 0 if under_way else 1  # a finished piece ends with the newest `mission_finished`
    return ends[skip] if len(ends) > skip else 0
