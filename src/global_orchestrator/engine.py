"""Running missions: the public API over the mission graph and a checkpointer.

A run lives in a checkpoint thread (default: the mission id). Every subtask's result is
saved as it finishes, so a run stopped by a crash is finished by `resume_mission` with
the same thread id, re-running nothing that finished. Subtasks that need approval pause
the run; `resume_mission(thread_id, approvals={...})` continues it.

Sync functions wrap the async ones; they work inside a running event loop (Jupyter) too.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.types import Command

from global_orchestrator.agents.base import AgentLike
from global_orchestrator.agents.catalog import ToolCatalog, ToolSpec, default_catalog
from global_orchestrator.agents.mcp_tools import ServersLike, open_mcp_tools
from global_orchestrator.errors import UserError
from global_orchestrator.events import EventType, MissionEvent
from global_orchestrator.graph.builder import build_graph
from global_orchestrator.graph.nodes import APPROVAL, MAX_CONCURRENCY
from global_orchestrator.graph.records import build_result
from global_orchestrator.graph.running import RetrySettings
from global_orchestrator.models import ApprovalRequest, Issue, Mission, MissionPlan, MissionResult, Severity
from global_orchestrator.persistence import open_checkpointer, open_store
from global_orchestrator.redaction import redact_event, redact_result

T = TypeVar("T")
ModelLike = BaseChatModel | Callable[[], BaseChatModel] | None
Db = str | BaseCheckpointSaver[Any]

_STATUS_EVENTS: dict[str, EventType] = {
    "succeeded": "subtask_succeeded",
    "failed": "subtask_failed",
    "blocked": "subtask_blocked",
    "skipped": "subtask_skipped",
    "shadow": "shadow_recorded",
}


@dataclass
class RunOptions:
    """How missions run: model, agents, persistence, retries."""

    model: ModelLike = None
    """Chat model (or zero-argument factory) for the default agents and the LLM planner."""
    agents: Mapping[str, AgentLike | None] | None = None
    """Agents by family, replacing the defaults of those families (None removes one)."""
    db: Db = "memory"
    """`memory`, `sqlite:///path`, `postgresql://...`, or a checkpointer object."""
    plan_with_model: bool = False
    """Plan with the model (LLM planner) instead of the template."""
    fallbacks: Mapping[str, str | list[str]] | None = None
    brands_dir: str | Path | None = None
    retry: RetrySettings = field(default_factory=RetrySettings)
    max_concurrency: int | None = None
    """At most this many subtasks run their agents at once (the engine's own limit: waiting
    subtasks hold no slot; LangGraph's `max_concurrency` is not used)."""
    shadow_agents: Mapping[str, AgentLike] | None = None
    """Shadow candidates by name (a mission picks them per family in `context.shadow`)."""
    shadow_timeout: float = 30.0
    """Seconds a shadow candidate may take before it is recorded as timed out."""
    prices: Mapping[str, Any] | str | None = None
    """Model token prices per million, by model name, added to the defaults."""
    mcp_servers: ServersLike | None = None
    """MCP servers whose tools families may call (`McpServerSpec`s or dicts, JSON, a file path);
    default: the `ORCHESTRATOR_MCP_SERVERS` setting; `[]` attaches none."""
    tools: Sequence[ToolSpec] | None = None
    """Tools of your own agents, added to the catalog: their grants, cost, and whether they
    publish (`ToolSpec.publishes`: blocked on PHI input)."""
    show_phi: bool = False
    """Return PHI-labelled outputs and approval inputs as stored. Default: withheld (see
    `global_orchestrator.redaction`); error text, issues and logs are redacted always."""


def _options(**kwargs: Any) -> RunOptions:
    unknown = set(kwargs) - set(RunOptions.__dataclass_fields__)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return RunOptions(**{k: v for k, v in kwargs.items() if v is not None})


@asynccontextmanager
async def _graph(options: RunOptions, *, tools: bool = True) -> AsyncIterator[Any]:
    saver_cm: AbstractAsyncContextManager[BaseCheckpointSaver[Any]]
    if isinstance(options.db, BaseCheckpointSaver):
        saver_cm = _given(options.db)
        store_url = "memory"
    else:
        saver_cm = open_checkpointer(options.db)
        store_url = options.db
    servers = options.mcp_servers if tools else []
    async with saver_cm as saver, open_store(store_url) as store, open_mcp_tools(servers) as mcp:
        yield build_graph(
            agents=mcp.attach(options.agents),
            catalog=mcp.catalog(_catalog(options)),
            model=options.model,
            checkpointer=saver,
            store=store,
            fallbacks=options.fallbacks,
            plan_with_model=options.plan_with_model,
            brands_dir=options.brands_dir,
            retry=options.retry,
            shadow_agents=options.shadow_agents,
            shadow_timeout=options.shadow_timeout,
            notices=[
                Issue(
                    code="mcp.unreachable",
                    severity=Severity.WARNING,
                    message=f"MCP server '{name}' could not be used: {reason}",
                )
                for name, reason in mcp.errors().items()
            ],
            prices=options.prices,
        )


def _catalog(options: RunOptions) -> ToolCatalog | None:
    """The built-in tools plus the run's own (`RunOptions.tools`); None for the defaults."""
    if not options.tools:
        return None
    catalog = default_catalog()
    for tool in options.tools:
        if not isinstance(tool, ToolSpec):
            raise UserError(f"tools: expected ToolSpec objects, got {type(tool).__name__}")
        catalog.register(tool)
    return catalog


@asynccontextmanager
async def _given(saver: BaseCheckpointSaver[Any]) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    yield saver


def _config(thread_id: str, options: RunOptions) -> dict[str, Any]:
    config: dict[str, Any] = {"configurable": {"thread_id": thread_id}, "recursion_limit": 10_000}
    if options.max_concurrency:
        config["configurable"][MAX_CONCURRENCY] = options.max_concurrency
    return config


def approval_request(interrupt: Any, plan: Mapping[str, Any] | None = None) -> ApprovalRequest | None:
    """The `ApprovalRequest` of a LangGraph interrupt, or None for another kind of interrupt.

    The stored value has no PHI (inputs withheld); given the run's `plan` (state JSON), the
    request carries the subtask's description and inputs as planned (for `show_phi`).
    """
    value = interrupt.value
    if not isinstance(value, dict) or value.get("type") != APPROVAL:
        return None
    fields = {k: v for k, v in value.items() if k not in ("type", "missionId")}
    request = ApprovalRequest.model_validate({**fields, "interruptId": interrupt.id})
    if plan is not None:
        planned = next((s for s in plan.get("subtasks") or [] if s.get("id") == request.subtask_id), None)
        if planned is not None:
            request = request.model_copy(
                update={
                    "description": planned.get("description", request.description),
                    "inputs": planned.get("inputs") or {},
                    "question": f"Run '{planned.get('description')}' with the {request.agent} agent?",
                }
            )
    return request


async def _snapshot_result(
    graph: Any, config: dict[str, Any], show_phi: bool = False
) -> MissionResult | None:
    """The run's result so far, as surfaces may show it (redacted unless `show_phi`)."""
    snapshot = await graph.aget_state(config)
    if not snapshot.values:
        return None
    values = snapshot.values
    # a finished run holds the result its aggregate node built; don't rebuild it
    done = values.get("result") if not snapshot.next else None
    result = MissionResult.model_validate(done) if done else build_result(values)
    plan = values.get("plan") if show_phi else None
    pending = [r for r in (approval_request(i, plan) for i in snapshot.interrupts) if r is not None]
    status = "waiting_approval" if pending else ("incomplete" if snapshot.next else "completed")
    result = result.model_copy(
        update={
            "status": status,
            "thread_id": config["configurable"]["thread_id"],
            "pending_approvals": pending,
            "success": result.success and status == "completed",
        }
    )
    return redact_result(result, show_phi)


async def _start_input(
    graph: Any, config: dict[str, Any], mission: Mission, plan: MissionPlan | None
) -> dict[str, Any]:
    existing = await _snapshot_result(graph, config)
    if existing is not None:
        thread = config["configurable"]["thread_id"]
        hint = "resume it with resume_mission" if existing.status != "completed" else "pass another thread_id"
        raise UserError(
            f"thread '{thread}' already holds a {existing.status} run of mission "
            f"'{existing.mission_id}': {hint}"
        )
    data: dict[str, Any] = {"mission": mission.to_dict()}
    if plan is not None:
        plan_data = plan.to_dict()
        plan_data.pop("orchestrationGraph", None)
        data["plan"] = plan_data
    return data


async def arun_mission(
    mission: Mission, *, thread_id: str | None = None, plan: MissionPlan | None = None, **options: Any
) -> MissionResult:
    """Plan and run a mission; return its result (or, paused for approval, its status).

    Args:
        mission: The mission.
        thread_id: Checkpoint thread (default: the mission id).
        plan: A ready plan to execute instead of planning (validated first).
        **options: Fields of `RunOptions` (model, agents, db, plan_with_model, ...).

    Raises:
        UserError: the thread already holds a run, or the database cannot be opened.
    """
    result: MissionResult | None = None
    async for event in _mission_events(mission, thread_id, plan, options, stream=False):
        if event.type == "mission_finished":
            result = event.result
    assert result is not None
    return result


async def aexecute_mission_plan(plan: MissionPlan, mission: Mission, **options: Any) -> MissionResult:
    """Execute a ready plan (no planner); the mission supplies grants and constraints."""
    return await arun_mission(mission, plan=plan, **options)


async def aresume_mission(
    thread_id: str, *, approvals: Mapping[str, bool | str | Mapping[str, Any]] | None = None, **options: Any
) -> MissionResult:
    """Continue a paused or crashed run; `approvals` decides pending subtasks by id.

    Raises:
        UserError: no run in that thread, or an approval names a subtask that is not waiting.
    """
    result: MissionResult | None = None
    async for event in _resume_events(thread_id, approvals, options, stream=False):
        if event.type == "mission_finished":
            result = event.result
    assert result is not None
    return result


async def aget_mission_status(thread_id: str, **options: Any) -> MissionResult:
    """The current state of a run: results so far, pending approvals, status.

    Raises:
        UserError: no run in that thread.
    """
    opts = _options(**options)
    async with _graph(opts, tools=False) as graph:  # reads state only: no MCP servers to start
        result = await _snapshot_result(graph, _config(thread_id, opts), opts.show_phi)
    if result is None:
        raise UserError(f"no mission run in thread '{thread_id}'")
    return result


async def aprune_runs(
    older_than: timedelta, *, db: Db = "memory", prefix: str = "", dry_run: bool = False
) -> list[str]:
    """Delete runs (threads) whose last checkpoint is older than `older_than`.

    Nothing else prunes checkpoints (LangGraph keeps every superstep of every thread);
    healing memory, in the store, is kept.

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
    if older_than < timedelta(0):
        raise UserError("older_than must not be negative")
    cutoff = datetime.now(UTC) - older_than
    saver_cm = _given(db) if isinstance(db, BaseCheckpointSaver) else open_checkpointer(db)
    async with saver_cm as saver:
        newest: dict[str, datetime] = {}
        async for item in saver.alist(None):
            thread = str(item.config["configurable"]["thread_id"])
            if not thread.startswith(prefix):
                continue
            at = datetime.fromisoformat(item.checkpoint["ts"])
            if thread not in newest or at > newest[thread]:
                newest[thread] = at
        old = sorted(thread for thread, at in newest.items() if at < cutoff)
        if not dry_run:
            for thread in old:
                await saver.adelete_thread(thread)
    return old


async def astream_mission(
    mission: Mission, *, thread_id: str | None = None, plan: MissionPlan | None = None, **options: Any
) -> AsyncIterator[MissionEvent]:
    """Run a mission and yield its events as they happen (ends with `mission_finished`)."""
    async for event in _mission_events(mission, thread_id, plan, options, stream=True):
        yield event


async def astream_resume(
    thread_id: str, *, approvals: Mapping[str, bool | str | Mapping[str, Any]] | None = None, **options: Any
) -> AsyncIterator[MissionEvent]:
    """Resume a run and yield its events (ends with `mission_finished`).

    Raises:
        UserError: no run in that thread, or an approval names a subtask that is not waiting.
    """
    async for event in _resume_events(thread_id, approvals, options, stream=True):
        yield event


async def _mission_events(
    mission: Mission,
    thread_id: str | None,
    plan: MissionPlan | None,
    options: Mapping[str, Any],
    *,
    stream: bool,
) -> AsyncIterator[MissionEvent]:
    opts = _options(**options)
    thread = thread_id or mission.id
    async with _graph(opts) as graph:
        config = _config(thread, opts)
        graph_input = await _start_input(graph, config, mission, plan)
        yield MissionEvent(type="mission_started", mission_id=mission.id, thread_id=thread)
        async for event in _drive(
            graph, graph_input, config, mission.id, stream=stream, show_phi=opts.show_phi
        ):
            yield event


async def _resume_events(
    thread_id: str,
    approvals: Mapping[str, bool | str | Mapping[str, Any]] | None,
    options: Mapping[str, Any],
    *,
    stream: bool,
) -> AsyncIterator[MissionEvent]:
    opts = _options(**options)
    async with _graph(opts) as graph:
        config = _config(thread_id, opts)
        status = await _snapshot_result(graph, config, opts.show_phi)
        if status is None:
            raise UserError(f"no mission run in thread '{thread_id}'")
        if status.status == "completed":
            yield MissionEvent(
                type="mission_finished", mission_id=status.mission_id, thread_id=thread_id, result=status
            )
            return
        command: Any = None
        if status.pending_approvals:
            waiting = {a.subtask_id: a.interrupt_id for a in status.pending_approvals}
            decisions = dict(approvals or {})
            unknown = sorted(set(decisions) - set(waiting))
            if unknown:
                raise UserError(
                    f"not waiting for approval: {', '.join(unknown)} (waiting: {', '.join(sorted(waiting))})"
                )
            if not decisions:
                yield MissionEvent(
                    type="mission_finished", mission_id=status.mission_id, thread_id=thread_id, result=status
                )
                return
            command = Command(resume={waiting[sid]: decision for sid, decision in decisions.items()})
        elif approvals:
            raise UserError(f"thread '{thread_id}' is not waiting for any approval")
        async for event in _drive(
            graph,
            command,
            config,
            status.mission_id,
            seen=set(status.results),
            stream=stream,
            show_phi=opts.show_phi,
        ):
            yield event


async def _drive(
    graph: Any,
    graph_input: Any,
    config: dict[str, Any],
    mission_id: str,
    seen: set[str] | None = None,
    *,
    stream: bool = True,
    show_phi: bool = False,
) -> AsyncIterator[MissionEvent]:
    """Run the graph; with `stream`, translate LangGraph updates into mission events as they come.

    Without it (`arun_mission`, `aresume_mission`) the graph runs without stream modes,
    which is cheaper per subtask, and only `mission_finished` is yielded. Every event is
    redacted as `global_orchestrator.redaction` says, unless `show_phi`.
    """
    async for event in _events(
        graph, graph_input, config, mission_id, seen, stream=stream, show_phi=show_phi
    ):
        yield event if event.type == "mission_finished" else redact_event(event, show_phi)


async def _events(
    graph: Any,
    graph_input: Any,
    config: dict[str, Any],
    mission_id: str,
    seen: set[str] | None,
    *,
    stream: bool,
    show_phi: bool,
) -> AsyncIterator[MissionEvent]:
    thread = config["configurable"]["thread_id"]
    reported = set(seen or ())
    if not stream:
        await graph.ainvoke(graph_input, config, durability="sync")
        final = await _snapshot_result(graph, config, show_phi)
        assert final is not None
        yield MissionEvent(type="mission_finished", mission_id=mission_id, thread_id=thread, result=final)
        return
    async for mode, chunk in graph.astream(
        graph_input, config, stream_mode=["updates", "custom"], durability="sync"
    ):
        if mode == "custom" and isinstance(chunk, dict):
            kind = chunk.get("event")
            if kind in ("subtask_started", "subtask_retry"):
                yield MissionEvent.model_construct(
                    type=kind,
                    mission_id=mission_id,
                    thread_id=thread,
                    at=datetime.now(UTC),
                    subtask_id=chunk.get("subtaskId"),
                    agent=chunk.get("agent"),
                    message=chunk.get("error"),
                    data={k: v for k, v in chunk.items() if k in ("attempt", "strategy")},
                    approval=None,
                    result=None,
                )
            continue
        if mode != "updates" or not isinstance(chunk, dict):
            continue
        for node, update in chunk.items():
            if node == "__interrupt__":
                plan = (await graph.aget_state(config)).values.get("plan") if show_phi else None
                for item in update:
                    request = approval_request(item, plan)
                    if request is not None:
                        yield MissionEvent(
                            type="approval_needed",
                            mission_id=mission_id,
                            thread_id=thread,
                            subtask_id=request.subtask_id,
                            agent=request.agent,
                            message=request.question,
                            approval=request,
                        )
                continue
            if not isinstance(update, dict):
                continue
            if node == "plan" and update.get("plan"):
                plan = update["plan"]
                yield MissionEvent(
                    type="plan_ready",
                    mission_id=mission_id,
                    thread_id=thread,
                    message=f"{len(plan['subtasks'])} subtasks (source: {plan.get('source')})",
                    data={"plan": plan},
                )
            for sid, raw in (update.get("results") or {}).items():
                if sid in reported:
                    continue
                reported.add(sid)
                # written by our own nodes from a SubtaskResult: no need to validate again
                yield MissionEvent.model_construct(
                    type=_STATUS_EVENTS.get(raw["status"], "subtask_failed"),
                    mission_id=mission_id,
                    thread_id=thread,
                    at=datetime.now(UTC),
                    subtask_id=sid,
                    agent=raw.get("agent"),
                    message=raw.get("error"),
                    data={"result": raw},
                    approval=None,
                    result=None,
                )
    final = await _snapshot_result(graph, config)
    assert final is not None
    yield MissionEvent(type="mission_finished", mission_id=mission_id, thread_id=thread, result=final)


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
    mission: Mission, *, thread_id: str | None = None, plan: MissionPlan | None = None, **options: Any
) -> MissionResult:
    """Sync `arun_mission`."""
    return run_sync(arun_mission(mission, thread_id=thread_id, plan=plan, **options))


def execute_mission_plan(plan: MissionPlan, mission: Mission, **options: Any) -> MissionResult:
    """Sync `aexecute_mission_plan`."""
    return run_sync(aexecute_mission_plan(plan, mission, **options))


def resume_mission(
    thread_id: str, *, approvals: Mapping[str, bool | str | Mapping[str, Any]] | None = None, **options: Any
) -> MissionResult:
    """Sync `aresume_mission`."""
    return run_sync(aresume_mission(thread_id, approvals=approvals, **options))


def get_mission_status(thread_id: str, **options: Any) -> MissionResult:
    """Sync `aget_mission_status`."""
    return run_sync(aget_mission_status(thread_id, **options))


def prune_runs(
    older_than: timedelta, *, db: Db = "memory", prefix: str = "", dry_run: bool = False
) -> list[str]:
    """Sync `aprune_runs`."""
    return run_sync(aprune_runs(older_than, db=db, prefix=prefix, dry_run=dry_run))
