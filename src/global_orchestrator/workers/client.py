"""Submitting missions to the workers and following them from any process.

    thread = submit_mission(mission, db="postgresql://...")       # enqueued; returns at once
    async for item in follow_mission(thread, db="postgresql://..."):  # live, redacted events
        print(item.event.type)
    submit_resume(thread, approvals={"s8": True}, db=...)          # an approval, from anywhere
    get_mission_status(thread, db=...)                              # results, from the checkpoints

The broker URL comes from `broker=` or `ORCHESTRATOR_BROKER_URL` (default: the local
RabbitMQ), the queue from `queue=` or `ORCHESTRATOR_QUEUE`; the database from `db=` or
`ORCHESTRATOR_DB`. Both are all that processes on
several machines share.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from typing import Any

from global_orchestrator.engine import aget_mission_status, run_sync
from global_orchestrator.errors import UserError
from global_orchestrator.events import MissionEvent
from global_orchestrator.models import Mission, MissionPlan, MissionResult
from global_orchestrator.runtime import Approvals
from global_orchestrator.workers import records
from global_orchestrator.workers.queue import Payload, enqueue, new_submission
from global_orchestrator.workers.records import QueuedEvent, Submission


def queue_db(db: str | None = None) -> str:
    """`db`, else `ORCHESTRATOR_DB`: the PostgreSQL database workers and submitters share.

    Raises:
        UserError: none given, or not PostgreSQL.
    """
    url = db or os.environ.get("ORCHESTRATOR_DB")
    if not url:
        raise UserError("workers need a PostgreSQL database: pass db= or set ORCHESTRATOR_DB")
    records.postgres_dsn(url)
    return url


async def asubmit_mission(
    mission: Mission,
    *,
    plan: MissionPlan | None = None,
    thread_id: str | None = None,
    db: str | None = None,
    broker: str | None = None,
    queue: str | None = None,
) -> str:
    """Queue a mission for the workers; its thread id (default: the mission id).

    Raises:
        UserError: the thread was submitted before, or the database or broker is unreachable.
    """
    url = queue_db(db)
    thread = thread_id or mission.id
    plan_data = None
    if plan is not None:
        plan_data = plan.state_dict()
    submission = new_submission()
    payload: Payload = {
        "kind": "run",
        "thread": thread,
        "submission": submission,
        "mission": mission.to_dict(),
        "plan": plan_data,
    }
    async with records.connect(url) as conn:
        await records.add_submission(conn, thread, mission.id, submission)
        try:
            await asyncio.to_thread(enqueue, payload, url=broker, queue=queue)
        except BaseException:
            await records.remove_submission(conn, thread)
            raise
    return thread


async def asubmit_resume(
    thread_id: str,
    *,
    approvals: Approvals | None = None,
    db: str | None = None,
    broker: str | None = None,
    queue: str | None = None,
) -> str:
    """Queue the continuation of a paused (approval) or stopped run; decisions by subtask id.

    Raises:
        UserError: no run in that thread, it is completed, or an approval names a subtask
            that is not waiting.
    """
    url = queue_db(db)
    status = await aget_mission_status(thread_id, db=url)
    decisions = dict(approvals or {})
    if status.status == "completed":
        raise UserError(f"thread '{thread_id}' is completed: nothing to resume")
    waiting = {a.subtask_id for a in status.pending_approvals}
    unknown = sorted(set(decisions) - waiting)
    if unknown:
        pending = ", ".join(sorted(waiting)) or "none"
        raise UserError(f"not waiting for approval: {', '.join(unknown)} (waiting: {pending})")
    submission = new_submission()
    payload: Payload = {
        "kind": "resume",
        "thread": thread_id,
        "submission": submission,
        "approvals": {k: _jsonable(v) for k, v in decisions.items()},
    }
    async with records.connect(url) as conn:
        if await records.get_submission(conn, thread_id) is None:
            await records.add_submission(conn, thread_id, status.mission_id, submission)
        else:
            await records.requeue(conn, thread_id, submission)
        await asyncio.to_thread(enqueue, payload, url=broker, queue=queue)
    return thread_id


def _jsonable(decision: Any) -> Any:
    return dict(decision) if not isinstance(decision, bool | str) else decision


async def follow_mission(
    thread_id: str,
    *,
    db: str | None = None,
    after: int | None = None,
    until_finished: bool = True,
    poll_seconds: float = 2.0,
) -> AsyncIterator[QueuedEvent]:
    """Yield a submitted mission's events as workers publish them (redacted; stored ones first).

    Args:
        thread_id: The submitted thread.
        db: The shared PostgreSQL database.
        after: Skip events up to this position (`QueuedEvent.seq` of the last one seen);
            0 for every event of the thread; None (default) for the current run: the one
            under way, or the last one (a thread paused for approval runs in two pieces).
        until_finished: Stop after the next `mission_finished` (the run completed, failed
            or paused for approval); False follows until the caller stops.
        poll_seconds: Read again after this long without a notification (a safety net).

    Raises:
        UserError: the thread was never submitted.
    """
    url = queue_db(db)
    async with records.connect(url) as conn:
        await conn.execute(f"LISTEN {records.CHANNEL}")
        if await records.get_submission(conn, thread_id) is None:
            raise UserError(f"thread '{thread_id}' was never submitted")
        last = await records.run_start(conn, thread_id) if after is None else after
        while True:
            for item in await records.events_after(conn, thread_id, last):
                last = item.seq
                yield item
                if until_finished and item.event.type == "mission_finished":
                    return
            async for _note in conn.notifies(timeout=poll_seconds, stop_after=1):
                pass


async def follow_events(thread_id: str, *, db: str | None = None) -> AsyncIterator[MissionEvent]:
    """`follow_mission`'s events alone (the current run, until its `mission_finished`)."""
    async for item in follow_mission(thread_id, db=db):
        yield item.event


async def aget_submission(thread_id: str, *, db: str | None = None) -> Submission:
    """Where a submitted mission is in the queue (`queued`, `running`, `failed` ...).

    Raises:
        UserError: the thread was never submitted.
    """
    async with records.connect(queue_db(db)) as conn:
        found = await records.get_submission(conn, thread_id)
    if found is None:
        raise UserError(f"thread '{thread_id}' was never submitted")
    return found


async def alist_submissions(prefix: str = "", *, db: str | None = None) -> list[Submission]:
    """Every submission whose thread id starts with `prefix`, oldest first."""
    async with records.connect(queue_db(db)) as conn:
        return await records.list_submissions(conn, prefix)


async def await_mission(
    thread_id: str, *, db: str | None = None, timeout: float = 600.0, show_phi: bool = False
) -> MissionResult:
    """Wait until a submitted mission completes, fails or pauses for approval; its status.

    Raises:
        TimeoutError: it did not within `timeout` seconds.
        UserError: the thread was never submitted.
    """
    url = queue_db(db)
    async with asyncio.timeout(timeout), records.connect(url) as conn:
        await conn.execute(f"LISTEN {records.CHANNEL}")
        while True:
            found = await records.get_submission(conn, thread_id)
            if found is None:
                raise UserError(f"thread '{thread_id}' was never submitted")
            if found.state not in ("queued", "running"):
                break
            async for _note in conn.notifies(timeout=1.0, stop_after=1):
                pass
    return await aget_mission_status(thread_id, db=url, show_phi=show_phi)


# -- sync wrappers -----------------------------------------------------------------------


def submit_mission(mission: Mission, **kwargs: Any) -> str:
    """`asubmit_mission` from sync code."""
    return run_sync(asubmit_mission(mission, **kwargs))


def submit_resume(thread_id: str, **kwargs: Any) -> str:
    """`asubmit_resume` from sync code."""
    return run_sync(asubmit_resume(thread_id, **kwargs))


def get_submission(thread_id: str, **kwargs: Any) -> Submission:
    """`aget_submission` from sync code."""
    return run_sync(aget_submission(thread_id, **kwargs))


def wait_for_mission(thread_id: str, **kwargs: Any) -> MissionResult:
    """`await_mission` from sync code."""
    return run_sync(await_mission(thread_id, **kwargs))
