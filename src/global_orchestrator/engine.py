"""Running missions with one call each: module-level wrappers over a short-lived runtime.

Each function opens an `Orchestrator` (see `runtime.py`) for the call and closes it after.
The database resource is shared by every runtime of the process and event loop (one
PostgreSQL pool, one SQLite connection per file), so many concurrent calls do not open
many connections or race on migrations. A long-lived caller (a server, a chat backend)
should keep one `Orchestrator` open instead: the graph is then compiled once.

Every run function takes `principal=` (see `identity`): None, the default, is a trusted
local caller that sees every run; a `Principal` only reads and resumes runs it owns.

Sync functions wrap the async ones; they work inside a running event loop (Jupyter) too.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Coroutine
from datetime import timedelta
from typing import Any, TypeVar

from global_orchestrator.events import MissionEvent
from global_orchestrator.identity import Principal
from global_orchestrator.models import Mission, MissionPlan, MissionResult
from global_orchestrator.runtime import (
    Approvals,
    Db,
    ModelLike,
    Orchestrator,
    RunOptions,
    approval_request,
    options_from,
)

__all__ = [
    "Db",
    "ModelLike",
    "RunOptions",
    "aexecute_mission_plan",
    "aget_mission_status",
    "approval_request",
    "aprune_runs",
    "aresume_mission",
    "arun_mission",
    "astream_mission",
    "astream_resume",
    "execute_mission_plan",
    "get_mission_status",
    "prune_runs",
    "resume_mission",
    "run_mission",
    "run_sync",
]

T = TypeVar("T")


async def arun_mission(
    mission: Mission,
    *,
    thread_id: str | None = None,
    plan: MissionPlan | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> MissionResult:
    """Plan and run a mission; return its result (or, paused for approval, its status).

    Args:
        mission: The mission.
        thread_id: Checkpoint thread (default: the mission id).
        plan: A ready plan to execute instead of planning (validated first).
        principal: The caller, who owns the run (None: a trusted local caller).
        **options: Fields of `RunOptions` (model, agents, db, plan_with_model, show_phi ...).

    Raises:
        UserError: the thread already holds a run, or the database cannot be opened.
    """
    async with Orchestrator(options_from(**options)) as orchestrator:
        return await orchestrator.run(mission, thread_id=thread_id, plan=plan, principal=principal)


async def aexecute_mission_plan(
    plan: MissionPlan, mission: Mission, *, principal: Principal | None = None, **options: Any
) -> MissionResult:
    """Execute a ready plan (no planner); the mission supplies grants and constraints."""
    return await arun_mission(mission, plan=plan, principal=principal, **options)


async def aresume_mission(
    thread_id: str,
    *,
    approvals: Approvals | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> MissionResult:
    """Continue a paused or crashed run; `approvals` decides pending subtasks by id.

    `principal` must own the run (and hold `approver` to approve a clinical subtask);
    None is a trusted local caller.

    Raises:
        UserError: no run in that thread, or an approval names a subtask that is not waiting.
        Forbidden: the principal may not resume or approve it.
    """
    async with Orchestrator(options_from(**options)) as orchestrator:
        return await orchestrator.resume(thread_id, approvals=approvals, principal=principal)


async def aget_mission_status(
    thread_id: str, *, principal: Principal | None = None, **options: Any
) -> MissionResult:
    """The current state of a run: results so far, pending approvals, status.

    Raises:
        UserError: no run in that thread (or, for `principal`, none it owns).
    """
    orchestrator = Orchestrator(options_from(**options))
    await orchestrator.open(tools=False)  # reads state only: no MCP servers to start
    try:
        return await orchestrator.status(thread_id, principal=principal)
    finally:
        await orchestrator.aclose()


async def aprune_runs(
    older_than: timedelta, *, db: Db = "memory", prefix: str = "", dry_run: bool = False
) -> list[str]:
    """Delete runs (threads) whose last checkpoint is older than `older_than`.

    Args:
        older_than: Age of a run's newest checkpoint beyond which the run is deleted.
        db: `memory`, `sqlite:///path`, `postgresql://...` or a checkpointer.
        prefix: Only threads whose id starts with this.
        dry_run: Only list what would be deleted.

    Returns:
        The thread ids deleted (or, with `dry_run`, that would be).

    Raises:
        UserError: a negative age, or the database cannot be opened.
    """
    orchestrator = Orchestrator(db=db)
    await orchestrator.open(tools=False)
    try:
        return await orchestrator.prune(older_than, prefix=prefix, dry_run=dry_run)
    finally:
        await orchestrator.aclose()


async def astream_mission(
    mission: Mission,
    *,
    thread_id: str | None = None,
    plan: MissionPlan | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> AsyncIterator[MissionEvent]:
    """Run a mission and yield its events as they happen (ends with `mission_finished`)."""
    async with Orchestrator(options_from(**options)) as orchestrator:
        async for event in orchestrator.stream(mission, thread_id=thread_id, plan=plan, principal=principal):
            yield event


async def astream_resume(
    thread_id: str,
    *,
    approvals: Approvals | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> AsyncIterator[MissionEvent]:
    """Resume a run and yield its events (ends with `mission_finished`).

    Raises:
        UserError: no run in that thread, or an approval names a subtask that is not waiting.
    """
    async with Orchestrator(options_from(**options)) as orchestrator:
        async for event in orchestrator.stream_resume(thread_id, approvals=approvals, principal=principal):
            yield event


# -- sync wrappers -----------------------------------------------------------------------


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even inside a running loop (Jupyter)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="global-orchestrator-run")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def run_mission(
    mission: Mission,
    *,
    thread_id: str | None = None,
    plan: MissionPlan | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> MissionResult:
    """Sync `arun_mission`."""
    return run_sync(arun_mission(mission, thread_id=thread_id, plan=plan, principal=principal, **options))


def execute_mission_plan(
    plan: MissionPlan, mission: Mission, *, principal: Principal | None = None, **options: Any
) -> MissionResult:
    """Sync `aexecute_mission_plan`."""
    return run_sync(aexecute_mission_plan(plan, mission, principal=principal, **options))


def resume_mission(
    thread_id: str,
    *,
    approvals: Approvals | None = None,
    principal: Principal | None = None,
    **options: Any,
) -> MissionResult:
    """Sync `aresume_mission`."""
    return run_sync(aresume_mission(thread_id, approvals=approvals, principal=principal, **options))


def get_mission_status(
    thread_id: str, *, principal: Principal | None = None, **options: Any
) -> MissionResult:
    """Sync `aget_mission_status`."""
    return run_sync(aget_mission_status(thread_id, principal=principal, **options))


def prune_runs(
    older_than: timedelta, *, db: Db = "memory", prefix: str = "", dry_run: bool = False
) -> list[str]:
    """Sync `aprune_runs`."""
    return run_sync(aprune_runs(older_than, db=db, prefix=prefix, dry_run=dry_run))
