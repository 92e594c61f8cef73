"""The runtime: one long-lived object that runs missions (`Orchestrator`).

Options are declared once (`RunOptions`) and resolved once: the runtime owns the compiled
graph (router, catalog, registry, prices, model factory, shadow agents), the MCP toolset
and the persistence (one PostgreSQL pool or one SQLite connection, shared by saver and
store; migrations once). Open it once and run many missions through it, concurrently:

    async with Orchestrator(db="postgresql://...", model=model) as orchestrator:
        result = await orchestrator.run(mission)

`orchestrator.sync()` gives the same methods for code without an event loop (notebooks).
A run lives in a checkpoint thread (default: the mission id); every finished subtask is
saved, so a crashed run is finished by `resume` re-running nothing that finished. A
database fault in the middle of a run (a dropped connection) is survived: the run
continues from its last checkpoint (`RunOptions.db_retries` times), and the caller gets
the completed result, or a `UserError` saying the run is saved and how to resume it.

Every run records its owner: the mission's `userId`, kept in the checkpointed state (so
memory, SQLite and PostgreSQL all hold it). The run methods take `principal=`: with one
(an authenticated caller of an HTTP surface, see `identity`), the mission's `userId` is
set to the principal's id, only runs it owns can be read or resumed, and approving a
clinical subtask needs the `approver` role; `principal=None` is a trusted local caller
(Python API, CLI, stdio MCP) and sees every run.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.store.base import BaseStore
from langgraph.store.memory import InMemoryStore
from langgraph.types import Command

from global_orchestrator.agents.base import AgentLike
from global_orchestrator.agents.catalog import ToolCatalog, ToolSpec, default_catalog
from global_orchestrator.agents.mcp_tools import McpToolset, ServersLike, open_mcp_tools
from global_orchestrator.errors import Forbidden, UserError
from global_orchestrator.events import STATUS_EVENTS, MissionEvent, final_result
from global_orchestrator.graph.builder import build_graph
from global_orchestrator.graph.nodes import APPROVAL, MAX_CONCURRENCY
from global_orchestrator.graph.records import ParseCache, build_result, parse_decision
from global_orchestrator.graph.running import RetrySettings
from global_orchestrator.identity import APPROVER, Principal, check_owner
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import (
    AgentFamily,
    ApprovalRequest,
    Issue,
    Mission,
    MissionPlan,
    MissionResult,
    RunStatus,
    Severity,
)
from global_orchestrator.persistence import (
    MEMORY_RETENTION,
    MemoryPersistence,
    Persistence,
    PoolSettings,
    open_persistence,
)
from global_orchestrator.redaction import redact_event, redact_result

T = TypeVar("T")
ModelLike = BaseChatModel | Callable[[], BaseChatModel] | None
Db = str | BaseCheckpointSaver[Any]
Approvals = Mapping[str, bool | str | Mapping[str, Any]]


@dataclass
class RunOptions:
    """How missions run: model, agents, persistence, retries.

    The one declaration of options: `Orchestrator(**fields)` and every module-level
    function (`run_mission(..., **fields)`) take these fields.
    """

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
    pool: PoolSettings = field(default_factory=PoolSettings)
    """Database connections: pool sizes and timeouts (see `persistence.PoolSettings`)."""
    memory_retention: int = MEMORY_RETENTION
    """With `db="memory"` in a runtime of its own: completed runs kept (oldest evicted)."""
    db_retries: int = 3
    """Times a run continues from its last checkpoint after a database fault (a dropped
    connection, a pool timeout) before it gives up with a `UserError` saying how to resume."""


def options_from(base: RunOptions | None = None, **kwargs: Any) -> RunOptions:
    """`base` (default: the defaults) with `kwargs` replacing its fields; None leaves a field.

    Raises:
        TypeError: a keyword is not a `RunOptions` field.
    """
    names = {f.name for f in fields(RunOptions)}
    unknown = set(kwargs) - names
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return replace(base or RunOptions(), **{k: v for k, v in kwargs.items() if v is not None})


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


def compile_graph(
    options: RunOptions,
    checkpointer: BaseCheckpointSaver[Any] | None = None,
    store: BaseStore | None = None,
    mcp: McpToolset | None = None,
    parsed: ParseCache | None = None,
) -> Any:
    """The mission graph for `options`; without a checkpointer for LangGraph Studio / Server.

    Args:
        options: The run options (agents, model, catalog, fallbacks, retries ...).
        checkpointer: Where state is saved (None: the server brings its own).
        store: Long-term memory (None: the server's, if any).
        mcp: An open MCP toolset whose tools the families get.
        parsed: The nodes' parse cache, when the caller reads the graph's output with it.
    """
    toolset = mcp or McpToolset()
    return build_graph(
        agents=toolset.attach(options.agents),
        catalog=toolset.catalog(_catalog(options)),
        model=options.model,
        checkpointer=checkpointer,
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
            for name, reason in toolset.errors().items()
        ],
        prices=options.prices,
        parsed=parsed,
    )


class Orchestrator:
    """A long-lived runtime that runs missions; see the module docstring.

    Args:
        options: A `RunOptions`; keywords replace its fields (`Orchestrator(db=..., model=...)`).
    """

    def __init__(self, options: RunOptions | None = None, /, **kwargs: Any) -> None:
        self.options = options_from(options, **kwargs)
        self._persistence: Persistence | None = None
        self._memory: MemoryPersistence | None = None
        self._mcp: McpToolset | None = None
        self._graph: Any = None
        self._parsed = ParseCache()
        """The graph's parse cache: a finished run's MissionResult is read from it, not re-parsed."""
        self._exit: list[Any] = []
        self._open_lock: asyncio.Lock | None = None

    # -- lifecycle -------------------------------------------------------------------

    async def __aenter__(self) -> Orchestrator:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def open(self, *, tools: bool = True) -> None:
        """Open persistence and MCP servers and compile the graph (once; later calls return).

        Args:
            tools: Start the MCP servers (a runtime that only reads state needs none).

        Raises:
            UserError: the database or an MCP server spec is unusable.
        """
        if self._graph is not None:
            return
        if self._open_lock is None:
            self._open_lock = asyncio.Lock()
        async with self._open_lock:  # concurrent first users open it once
            if self._graph is None:
                await self._open(tools)

    async def _open(self, tools: bool) -> None:
        opts = self.options
        try:
            if isinstance(opts.db, BaseCheckpointSaver):
                persistence = Persistence("custom", opts.db, InMemoryStore())
            else:
                if opts.db == "memory" and opts.memory_retention != MEMORY_RETENTION:
                    self._memory = MemoryPersistence(opts.memory_retention)
                persistence = await self._enter(
                    open_persistence(opts.db, pool=opts.pool, memory=self._memory)
                )
            self._persistence = persistence
            mcp = await self._enter(open_mcp_tools(opts.mcp_servers if tools else []))
            self._mcp = mcp
            self._graph = compile_graph(opts, persistence.saver, persistence.store, mcp, self._parsed)
        except BaseException:
            await self.aclose()
            raise

    async def _enter(self, manager: Any) -> Any:
        value = await manager.__aenter__()
        self._exit.append(manager)
        return value

    async def aclose(self) -> None:
        """Close MCP servers and release the database (the last user closes the pool)."""
        self._graph = None
        while self._exit:
            manager = self._exit.pop()
            await manager.__aexit__(None, None, None)

    @property
    def graph(self) -> Any:
        """The compiled mission graph (with this runtime's checkpointer and store)."""
        if self._graph is None:
            raise UserError(
                "the orchestrator is not open: use `async with Orchestrator(...)` or `await open()`"
            )
        return self._graph

    def sync(self) -> SyncOrchestrator:
        """The same runtime for code without an event loop (a notebook): it runs on its own thread."""
        return SyncOrchestrator(self)

    # -- missions ----------------------------------------------------------------------

    async def run(
        self,
        mission: Mission,
        *,
        thread_id: str | None = None,
        plan: MissionPlan | None = None,
        show_phi: bool | None = None,
        principal: Principal | None = None,
    ) -> MissionResult:
        """Plan (or take `plan`) and run a mission; its result, or its status if it paused.

        Args:
            mission: The mission.
            thread_id: Checkpoint thread (default: the mission id).
            plan: A ready plan to execute instead of planning (validated first).
            show_phi: Return PHI-labelled outputs as stored (default: the runtime's option).
            principal: The authenticated caller, who owns the run (its id becomes the
                mission's `userId`); None: a trusted local caller.

        Raises:
            UserError: the thread already holds a run, or the database failed past its retries.
            Forbidden: the thread holds another owner's run.
        """
        return await final_result(
            self._mission_events(mission, thread_id, plan, show_phi, principal, stream=False)
        )

    def stream(
        self,
        mission: Mission,
        *,
        thread_id: str | None = None,
        plan: MissionPlan | None = None,
        show_phi: bool | None = None,
        principal: Principal | None = None,
    ) -> AsyncIterator[MissionEvent]:
        """Run a mission and yield its events as they happen (ends with `mission_finished`).

        Arguments as for `run`.
        """
        return self._mission_events(mission, thread_id, plan, show_phi, principal, stream=True)

    async def resume(
        self,
        thread_id: str,
        *,
        approvals: Approvals | None = None,
        show_phi: bool | None = None,
        principal: Principal | None = None,
    ) -> MissionResult:
        """Continue a paused or crashed run; `approvals` decides pending subtasks by id.

        Args:
            thread_id: The run's thread.
            approvals: Decisions by subtask id (True/False, "approve"/"reject", or
                `{"approved": bool, "reason": str}`); subtasks left out keep waiting.
            show_phi: Return PHI-labelled outputs as stored (default: the runtime's option).
            principal: The authenticated caller: it must own the run, and hold the
                `approver` role to approve a clinical subtask; None: a trusted local caller.

        Raises:
            UserError: no run in that thread, or an approval names a subtask that is not waiting.
            Forbidden: the principal does not own the run (the same message as no run), or
                approves a clinical subtask without the `approver` role.
        """
        return await final_result(
            self._resume_events(thread_id, approvals, show_phi, principal, stream=False)
        )

    def stream_resume(
        self,
        thread_id: str,
        *,
        approvals: Approvals | None = None,
        show_phi: bool | None = None,
        principal: Principal | None = None,
    ) -> AsyncIterator[MissionEvent]:
        """Resume a run and yield its events (ends with `mission_finished`); arguments as for `resume`."""
        return self._resume_events(thread_id, approvals, show_phi, principal, stream=True)

    async def status(
        self, thread_id: str, *, show_phi: bool | None = None, principal: Principal | None = None
    ) -> MissionResult:
        """The current state of a run: results so far, pending approvals, status.

        Args:
            thread_id: The run's thread.
            show_phi: Return PHI-labelled outputs as stored (default: the runtime's option).
            principal: The authenticated caller, who must own the run; None: a trusted local caller.

        Raises:
            UserError: no run in that thread.
            Forbidden: the principal does not own the run (the same message as no run).
        """
        await _authorize(self.graph, self._config(thread_id), principal)
        result = await _snapshot_result(self.graph, self._config(thread_id), self._show(show_phi))
        if result is None:
            raise UserError(f"no mission run in thread '{thread_id}'")
        return result

    async def plan(self, mission: Mission, *, model: BaseChatModel | None = None) -> MissionPlan:
        """Plan a mission without running it (the template, or the LLM planner with `model`)."""
        from global_orchestrator.context import build_mission_context
        from global_orchestrator.planner.plan import aplan_mission

        context = build_mission_context(mission, brands_dir=self.options.brands_dir)
        return await aplan_mission(mission, model=model, context=context)

    async def prune(self, older_than: timedelta, *, prefix: str = "", dry_run: bool = False) -> list[str]:
        """Delete runs (threads) whose last checkpoint is older than `older_than`.

        Nothing else prunes checkpoints on SQLite or PostgreSQL (LangGraph keeps every
        superstep of every thread); healing memory, in the store, is kept.

        Returns:
            The thread ids deleted (or, with `dry_run`, that would be).

        Raises:
            UserError: a negative age.
        """
        assert self._persistence is not None, "open the orchestrator first"
        if older_than < timedelta(0):
            raise UserError("older_than must not be negative")
        cutoff = datetime.now(UTC) - older_than
        saver = self._persistence.saver
        newest = await _newest_checkpoints(saver, prefix)
        old = sorted(thread for thread, at in newest.items() if at < cutoff)
        if not dry_run:
            for thread in old:
                await saver.adelete_thread(thread)
        return old

    # -- internals ---------------------------------------------------------------------

    def _show(self, show_phi: bool | None) -> bool:
        return self.options.show_phi if show_phi is None else show_phi

    def _config(self, thread_id: str) -> dict[str, Any]:
        config: dict[str, Any] = {"configurable": {"thread_id": thread_id}, "recursion_limit": 10_000}
        if self.options.max_concurrency:
            # the engine's own limit (waiting subtasks hold no slot); LangGraph's would deadlock
            config["configurable"][MAX_CONCURRENCY] = self.options.max_concurrency
        return config

    async def _mission_events(
        self,
        mission: Mission,
        thread_id: str | None,
        plan: MissionPlan | None,
        show_phi: bool | None,
        principal: Principal | None,
        *,
        stream: bool,
    ) -> AsyncIterator[MissionEvent]:
        graph = self.graph
        thread = thread_id or mission.id
        config = self._config(thread)
        if principal is not None:
            mission = mission.model_copy(update={"user_id": principal.id})  # the owner is who asks
        if plan is None:  # an unknown type is the caller's error, raised before anything is saved
            default_registry().get(mission.type)
        graph_input = await _start_input(graph, config, mission, plan, principal)
        yield MissionEvent(type="mission_started", mission_id=mission.id, thread_id=thread)
        async for event in self._drive(graph_input, config, mission.id, None, stream, self._show(show_phi)):
            yield event

    async def _resume_events(
        self,
        thread_id: str,
        approvals: Approvals | None,
        show_phi: bool | None,
        principal: Principal | None,
        *,
        stream: bool,
    ) -> AsyncIterator[MissionEvent]:
        graph = self.graph
        config = self._config(thread_id)
        show = self._show(show_phi)
        await _authorize(graph, config, principal)
        status = await _snapshot_result(graph, config, show)
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
            _check_approver(principal, decisions, status.pending_approvals)
            if not decisions:
                yield MissionEvent(
                    type="mission_finished", mission_id=status.mission_id, thread_id=thread_id, result=status
                )
                return
            command = Command(resume={waiting[sid]: decision for sid, decision in decisions.items()})
        elif approvals:
            raise UserError(f"thread '{thread_id}' is not waiting for any approval")
        async for event in self._drive(command, config, status.mission_id, set(status.results), stream, show):
            yield event

    async def _drive(
        self,
        graph_input: Any,
        config: dict[str, Any],
        mission_id: str,
        seen: set[str] | None,
        stream: bool,
        show_phi: bool,
    ) -> AsyncIterator[MissionEvent]:
        """Run the graph to its next stop, surviving database faults; events redacted.

        A database fault (a dropped connection, a pool timeout, a locked file) ends the
        graph's run where it was; the run continues from its last checkpoint, up to
        `db_retries` times, each finished subtask kept (exactly-once for saved results).
        """
        thread = config["configurable"]["thread_id"]
        seen = set(seen or ())
        attempt = 0
        while True:
            try:
                async for event in _events(
                    self.graph,
                    graph_input,
                    config,
                    mission_id,
                    seen,
                    stream=stream,
                    show_phi=show_phi,
                    parsed=self._parsed,
                ):
                    if event.subtask_id and event.type != "subtask_started":
                        seen.add(event.subtask_id)
                    if event.type == "mission_finished":
                        self._finished(thread, event.result)
                        yield event
                    else:
                        yield redact_event(event, show_phi)
                return
            except Exception as exc:
                if not is_database_fault(exc):
                    raise
                attempt += 1
                if attempt > self.options.db_retries:
                    raise UserError(
                        f"the database failed while running thread '{thread}' ({type(exc).__name__}); "
                        f"the run is saved up to its last checkpoint: resume it with "
                        f"resume_mission('{thread}') or `orchestrator resume {thread}`"
                    ) from exc
                await asyncio.sleep(min(2.0, 0.1 * 2**attempt))
                state = await self.graph.aget_state(config)
                if state.values:
                    graph_input = None  # continue from the last checkpoint
                # else: nothing was saved yet: start again with the same input

    def _finished(self, thread: str, result: MissionResult | None) -> None:
        memory = self._persistence.memory if self._persistence else None
        if memory is not None and result is not None and result.status == "completed":
            memory.completed(thread)


async def _newest_checkpoints(saver: BaseCheckpointSaver[Any], prefix: str) -> dict[str, datetime]:
    """When each thread (whose id starts with `prefix`) was last saved.

    PostgreSQL answers from the checkpoints' JSON in one query; other savers are listed
    in full (every checkpoint read), which is what they offer.
    """
    newest: dict[str, datetime] = {}
    pool: Any = getattr(saver, "conn", None)
    if type(saver).__name__ == "AsyncPostgresSaver" and pool is not None and hasattr(pool, "connection"):
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        async with pool.connection() as conn:
            cur = await conn.execute(
                "SELECT thread_id, max(checkpoint->>'ts') AS ts FROM checkpoints "
                "WHERE checkpoint_ns = '' AND thread_id LIKE %s GROUP BY thread_id",
                (like,),
            )
            for row in await cur.fetchall():
                newest[str(row["thread_id"])] = datetime.fromisoformat(str(row["ts"]))
        return newest
    async for item in saver.alist(None):
        thread = str(item.config["configurable"]["thread_id"])
        if not thread.startswith(prefix):
            continue
        at = datetime.fromisoformat(item.checkpoint["ts"])
        if thread not in newest or at > newest[thread]:
            newest[thread] = at
    return newest


def is_database_fault(exc: BaseException) -> bool:
    """A fault of the database connection rather than of the run: worth continuing from the checkpoint."""
    if isinstance(exc, sqlite3.OperationalError):
        return "locked" in str(exc) or "busy" in str(exc) or "disk i/o" in str(exc).lower()
    try:
        import psycopg
        from psycopg_pool import PoolTimeout
    except ImportError:  # the postgres extra is not installed
        return False
    return isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError | PoolTimeout)


class SyncOrchestrator:
    """An `Orchestrator` driven from synchronous code, on an event loop of its own thread."""

    def __init__(self, orchestrator: Orchestrator) -> None:
        self.orchestrator = orchestrator
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="orchestrator", daemon=True)
        self._thread.start()
        self._call(orchestrator.open())

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        future: Future[T] = asyncio.run_coroutine_threadsafe(coro, self._loop)
        return future.result()

    def __enter__(self) -> SyncOrchestrator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the runtime and stop its thread."""
        if self._loop.is_running():
            self._call(self.orchestrator.aclose())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()

    def run(self, mission: Mission, **kwargs: Any) -> MissionResult:
        """`Orchestrator.run`."""
        return self._call(self.orchestrator.run(mission, **kwargs))

    def resume(self, thread_id: str, **kwargs: Any) -> MissionResult:
        """`Orchestrator.resume`."""
        return self._call(self.orchestrator.resume(thread_id, **kwargs))

    def status(self, thread_id: str, **kwargs: Any) -> MissionResult:
        """`Orchestrator.status`."""
        return self._call(self.orchestrator.status(thread_id, **kwargs))

    def plan(self, mission: Mission, **kwargs: Any) -> MissionPlan:
        """`Orchestrator.plan`."""
        return self._call(self.orchestrator.plan(mission, **kwargs))

    def prune(self, older_than: timedelta, **kwargs: Any) -> list[str]:
        """`Orchestrator.prune`."""
        return self._call(self.orchestrator.prune(older_than, **kwargs))


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
    # `next` lists only the step's tasks still to run: a crash after a step's tasks saved
    # their writes but before its checkpoint leaves `next` empty and the tasks listed, with
    # the steps after them still to come. Only a run with no task left has finished.
    unfinished = bool(snapshot.next or snapshot.tasks)
    # a finished run holds the result its aggregate node built; don't rebuild it
    done = values.get("result") if not unfinished else None
    result = MissionResult.model_validate(done) if done else build_result(values)
    plan = values.get("plan") if show_phi else None
    pending = [r for r in (approval_request(i, plan) for i in snapshot.interrupts) if r is not None]
    status: RunStatus = "waiting_approval" if pending else ("incomplete" if unfinished else "completed")
    return _shown(result, status, config, pending, show_phi)


def _shown(
    result: MissionResult,
    status: RunStatus,
    config: dict[str, Any],
    pending: list[ApprovalRequest],
    show_phi: bool,
) -> MissionResult:
    """A run's result with its status, as surfaces show it (redacted unless `show_phi`)."""
    result = result.model_copy(
        update={
            "status": status,
            "thread_id": config["configurable"]["thread_id"],
            "pending_approvals": pending,
            "success": result.success and status == "completed",
        }
    )
    return redact_result(result, show_phi)


def _completed(output: Any, parsed: ParseCache | None) -> MissionResult | None:
    """The MissionResult of a run that ended in `aggregate`, from the graph's output (else None).

    `aggregate` writes the result and the graph ends there; an interrupted run's output
    has `__interrupt__` and no MissionResult. The result is the one `aggregate` built and
    left in the parse cache (no second read of the state, no second validation).
    """
    if not isinstance(output, Mapping) or "__interrupt__" in output:
        return None
    data = output.get("result")
    if not isinstance(data, Mapping) or "missionId" not in data:
        return None
    return (parsed or ParseCache(size=1)).get(MissionResult, data)


async def _authorize(graph: Any, config: dict[str, Any], principal: Principal | None) -> None:
    """Let a trusted caller (None) or the run's owner through; see `identity.check_owner`."""
    if principal is None:
        return
    snapshot = await graph.aget_state(config)
    check_owner(principal, run_owner(snapshot.values), config["configurable"]["thread_id"])


def run_owner(values: Mapping[str, Any] | None) -> str | None:
    """A run's owner from its state: the mission's `userId` (None: no owner recorded)."""
    mission = (values or {}).get("mission") or {}
    owner = mission.get("userId") if isinstance(mission, Mapping) else None
    return str(owner) if owner is not None else None


def _check_approver(
    principal: Principal | None, decisions: Mapping[str, Any], pending: Sequence[ApprovalRequest]
) -> None:
    """Approving a clinical subtask needs the `approver` role (rejecting one does not)."""
    if principal is None or principal.has_role(APPROVER):
        return
    agents = {request.subtask_id: request.agent for request in pending}
    for sid, decision in decisions.items():
        if AgentFamily.parse(agents.get(sid, "")) is AgentFamily.CLINICAL and parse_decision(decision)[0]:
            raise Forbidden(f"approving clinical subtask '{sid}' needs the '{APPROVER}' role")


async def _start_input(
    graph: Any,
    config: dict[str, Any],
    mission: Mission,
    plan: MissionPlan | None,
    principal: Principal | None = None,
) -> dict[str, Any]:
    existing = await _snapshot_result(graph, config)
    if existing is not None:
        thread = config["configurable"]["thread_id"]
        if principal is not None and run_owner((await graph.aget_state(config)).values) != principal.id:
            # say nothing about another owner's run
            raise Forbidden(f"thread '{thread}' cannot be used: pass another thread_id")
        hint = "resume it with resume_mission" if existing.status != "completed" else "pass another thread_id"
        raise UserError(
            f"thread '{thread}' already holds a {existing.status} run of mission "
            f"'{existing.mission_id}': {hint}"
        )
    data: dict[str, Any] = {"mission": mission.to_dict()}
    if plan is not None:
        data["plan"] = plan.state_dict()
    return data


async def _events(
    graph: Any,
    graph_input: Any,
    config: dict[str, Any],
    mission_id: str,
    seen: set[str] | None,
    *,
    stream: bool,
    show_phi: bool,
    parsed: ParseCache | None = None,
) -> AsyncIterator[MissionEvent]:
    thread = config["configurable"]["thread_id"]
    reported = set(seen or ())
    if not stream:
        output = await graph.ainvoke(graph_input, config, durability="sync")
        done = _completed(output, parsed)
        final = (
            _shown(done, "completed", config, [], show_phi)
            if done is not None
            else await _snapshot_result(graph, config, show_phi)
        )
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
                    type=STATUS_EVENTS.get(raw["status"], "subtask_failed"),
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
    final = await _snapshot_result(graph, config, show_phi)
    assert final is not None
    yield MissionEvent(type="mission_finished", mission_id=mission_id, thread_id=thread, result=final)
