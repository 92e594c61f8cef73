"""The graph's nodes: context, planning, guards, approval, dispatch, agents, aggregation.

Cost model: every subtask is one LangGraph task (a `Send` to its family's agent node), so
its result is saved the moment it finishes and a resumed mission never re-runs it. The
per-subtask checks run in one `guard_subtask` task per wave of ready subtasks, not one
task each, which keeps the engine's overhead close to a bare Send wavefront.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.config import get_config, get_store, get_stream_writer
from langgraph.graph import END
from langgraph.store.base import BaseStore
from langgraph.types import Send, interrupt

from global_orchestrator.agents.base import AgentContext, AgentLike
from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.agents.router import AgentRouter, Route
from global_orchestrator.agents.self_healing import recall_healing
from global_orchestrator.context import build_mission_context
from global_orchestrator.errors import UserError
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import (
    AgentFamily,
    ApprovalRequest,
    Issue,
    Mission,
    MissionContext,
    MissionPlan,
    Severity,
    Subtask,
    SubtaskResult,
    Usage,
)
from global_orchestrator.planner.graph import topological_order
from global_orchestrator.planner.plan import aplan_mission
from global_orchestrator.planner.validation import validate_plan
from global_orchestrator.policies.budget import PriceTable, model_name
from global_orchestrator.policies.flow import PHI, GuardDecision, asafe_mission, guard_call, must_not_see_phi
from global_orchestrator.policies.labels import ainherited_labels, aoutput_labels, read_labels
from global_orchestrator.policies.permissions import needs_approval
from global_orchestrator.redaction import redact_approval

from .board import Board
from .records import ParseCache, build_result, now, parse_decision, result_record, status_verb
from .running import (
    MODEL_CANDIDATE,
    SHADOW_SUFFIX,
    Outcome,
    RetrySettings,
    ShadowRun,
    SubtaskRunner,
    shadow_candidate,
)
from .state import MissionState

__all__ = ["APPROVAL", "MAX_CONCURRENCY", "Engine"]

APPROVAL = "approval"
"""The `type` of the graph's approval interrupt value (an `ApprovalRequest` plus this key)."""
MAX_CONCURRENCY = "max_concurrency"
"""`configurable` key: at most this many subtasks run their agents at once. LangGraph's own
top-level `max_concurrency` must not be used: waiting tasks would hold its slots."""
_CHECKPOINTER = "__pregel_checkpointer"  # where LangGraph puts the run's checkpointer in a task's config


@dataclass
class Engine:
    """Dependencies of the nodes; `build_graph` wires its methods into a StateGraph."""

    router: AgentRouter
    model_factory: Callable[[], BaseChatModel] | None = None
    plan_with_model: bool = False
    registry: MissionRegistry = field(default_factory=default_registry)
    catalog: ToolCatalog = field(default_factory=default_catalog)
    brands_dir: str | None = None
    retry: RetrySettings = field(default_factory=RetrySettings)
    store: BaseStore | None = None
    """Long-term memory (healing); None uses the store LangGraph Server provides, if any."""
    shadow_agents: dict[str, AgentLike] = field(default_factory=dict)
    """Candidate agents by name, for missions that name them in `context.shadow`."""
    shadow_timeout: float = 30.0
    """Seconds a shadow candidate may take before it is recorded as timed out."""
    prices: PriceTable = field(default_factory=PriceTable)
    notices: list[Issue] = field(default_factory=list)
    """Issues of the run's set-up (an MCP server that is down), added to the context."""
    candidate_models: dict[str, BaseChatModel] = field(default_factory=dict)
    """Models of `model:<spec>` shadow candidates, built on first use."""
    parsed: ParseCache = field(default_factory=ParseCache)
    safe_missions: dict[int, tuple[Any, Mission]] = field(default_factory=dict)
    """The mission as PHI-sensitive calls read it, by the state dict it came from."""
    checkpointer: BaseCheckpointSaver[Any] | None = None
    """Where a resumed superstep's pending writes are read (None: the run's, from its config)."""
    boards: dict[tuple[str, str, str | None], asyncio.Future[Board]] = field(default_factory=dict)
    """Completion boards by (thread, namespace, checkpoint of the superstep)."""
    dispatched: dict[tuple[str, str], _Dispatched] = field(default_factory=dict)
    """The state each thread's `dispatch` saw, for the board of the superstep that follows."""

    def _store(self) -> BaseStore | None:
        if self.store is not None:
            return self.store
        try:
            return get_store()
        except RuntimeError:  # outside a run, or no store configured
            return None

    # -- plan phase ------------------------------------------------------------------

    async def build_context(self, state: MissionState) -> dict[str, Any]:
        """Load brand, safety flags, tool availability and healing memory."""
        mission = self.parsed.get(Mission, state["mission"])
        memory = await recall_healing(self._store())
        context = build_mission_context(
            mission, brands_dir=self.brands_dir, catalog=self.catalog, healing_memory=memory
        )
        if self.notices:
            context = context.model_copy(update={"issues": [*context.issues, *self.notices]})
        logs = [f"Built context for {mission.id}"]
        if memory:
            logs.append(f"Healing memory: {len(memory)} remembered recoveries")
        return {"context": context.to_dict(), "logs": logs}

    async def plan(self, state: MissionState) -> dict[str, Any]:
        """Plan the mission (template or LLM), or validate a plan given as input."""
        mission = self.parsed.get(Mission, state["mission"])
        context = self.parsed.get(MissionContext, state["context"])
        given = state.get("plan")
        if given:
            plan = MissionPlan.model_validate(given)
            issues = [
                *context.issues,
                *validate_plan(plan, mission, context, registry=self.registry, catalog=self.catalog),
            ]
            plan = plan.model_copy(update={"issues": issues})
        else:
            model = self.model_factory() if (self.plan_with_model and self.model_factory) else None
            plan = await aplan_mission(
                mission, model=model, context=context, registry=self.registry, catalog=self.catalog
            )
        return {
            "plan": _plan_dict(plan),
            "logs": [f"Planned {len(plan.subtasks)} subtasks (source: {plan.source})"],
        }

    async def guard_plan(self, state: MissionState) -> dict[str, Any]:
        """Short-circuit subtasks that plan issues block (seed: respect plan issues)."""
        plan = self.parsed.get(MissionPlan, state["plan"])
        if plan.has_errors:
            return {"logs": ["Plan has errors; nothing runs"]}
        results = dict(state.get("results") or {})
        updates: dict[str, dict[str, Any]] = {}
        for issue in plan.issues:
            sid = issue.subtask_id
            if issue.severity is Severity.BLOCKED and sid and sid not in results and sid not in updates:
                updates[sid] = result_record(
                    sid, "blocked", error=f"{issue.code}: {issue.message}", agent=_agent_of(plan, sid)
                )
        logs = [f"Blocked {sid} before it ran" for sid in updates]
        return {"results": updates, "logs": logs} if updates else {}

    async def route_after_guard_plan(self, state: MissionState) -> list[Send] | str:
        """Ask for approvals still undecided, then dispatch; an invalid plan goes to aggregate."""
        plan = self.parsed.get(MissionPlan, state["plan"])
        if plan.has_errors:
            return "aggregate"
        mission = self.parsed.get(Mission, state["mission"])
        results = state.get("results") or {}
        approvals = state.get("approvals") or {}
        # the mission decides what waits, never the plan: clinical work always does
        # unless the mission grants `approval:skip`
        asks = [
            Send("approval", {"subtask": _subtask_dict(s), "mission_id": plan.mission_id})
            for s in plan.subtasks
            if needs_approval(s, mission.permissions) and s.id not in approvals and s.id not in results
        ]
        return asks or "dispatch"

    async def approval(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Pause for a person's decision on one subtask (`interrupt`); record it.

        The interrupt value is an `ApprovalRequest` without PHI (inputs withheld,
        description redacted): it is stored in the checkpoint and shown by every client
        of the graph. Callers that opt in to PHI get the inputs from the plan.
        """
        subtask = Subtask.model_validate(payload["subtask"])
        request = ApprovalRequest(
            subtask_id=subtask.id,
            agent=subtask.agent,
            tool=subtask.tool,
            description=subtask.description,
            inputs=subtask.inputs,
            question=f"Run '{subtask.description}' with the {subtask.agent} agent?",
        )
        decision = interrupt(
            {"type": APPROVAL, "missionId": payload["mission_id"], **redact_approval(request).to_dict()}
        )
        approved, reason = parse_decision(decision)
        if approved:
            return {"approvals": {subtask.id: True}, "logs": [f"Approved {subtask.id}"]}
        message = f"'{subtask.id}' was rejected by the approver" + (f": {reason}" if reason else "")
        return {
            "approvals": {subtask.id: False},
            "results": {
                subtask.id: result_record(
                    subtask.id,
                    "blocked",
                    error=f"rejected: {reason or 'no reason given'}",
                    agent=subtask.agent,
                )
            },
            "issues": [
                Issue(
                    code="approval.rejected",
                    severity=Severity.BLOCKED,
                    message=message,
                    subtask_id=subtask.id,
                ).to_dict()
            ],
            "logs": [f"Rejected {subtask.id}"],
        }

    # -- run phase -------------------------------------------------------------------

    async def dispatch(self, state: MissionState) -> dict[str, Any]:
        """Hand the state to the run superstep that follows (its board is seeded from it)."""
        thread, ns, _ = _superstep()
        self.dispatched[(thread, ns)] = _Dispatched(dict(state))
        return {}

    async def route_after_dispatch(self, state: MissionState) -> list[Send] | str:
        """Send every subtask without a result, and each shadow candidate, in one superstep.

        The tasks wait for their own dependencies on the board (`graph/board.py`); they are
        sent in topological order. Nothing to run goes straight to aggregate.
        """
        plan = self.parsed.get(MissionPlan, state["plan"])
        mission = self.parsed.get(Mission, state["mission"])
        results = state.get("results") or {}
        by_id = {s.id: s for s in plan.subtasks}
        shadows = self._shadowed(mission, plan, results)
        sends: list[Send] = []
        for sid in topological_order(plan.subtasks):
            if sid in results:
                continue
            node = self._node(by_id[sid])
            sends.append(Send(node, {"id": sid}))
            if sid in shadows:
                sends.append(Send(node, {"id": sid, "shadow": True}))
        return sends or "aggregate"

    def _node(self, subtask: Subtask) -> str:
        """The agent node that shows a subtask's task (its first route's family)."""
        route = self.router.route(subtask)
        family = route.family if route is not None else subtask.agent
        known = {f.value for f in AgentFamily} | set(self.router.agents)
        return f"agent_{node_family(family if family in known else min(known))}"

    def _shadowed(self, mission: Mission, plan: MissionPlan, results: Mapping[str, Any]) -> set[str]:
        """Ids of the subtasks that get a shadow candidate task (decided from the state at dispatch)."""
        if not mission.context.get("shadow"):
            return set()
        ids: set[str] = set()
        for subtask in plan.subtasks:
            if subtask.family is AgentFamily.SHADOW or subtask.id in results:
                continue
            if f"{subtask.id}{SHADOW_SUFFIX}" in results:
                continue
            route = self.router.route(subtask)
            if route is not None and shadow_candidate(
                mission.context, route.family, self.shadow_agents, self.router
            ):
                ids.add(subtask.id)
        return ids

    async def _board(self) -> Board:
        """This superstep's board: created by its first task, shared by all of them."""
        config = get_config()
        key = _superstep(config)
        found = self.boards.get(key)
        if found is not None and found.done() and _usable(found):
            return found.result()  # the common case: no await, no shield
        if found is None or not _usable(found):
            found = self.boards[key] = asyncio.ensure_future(self._seed(config, key))
        return await asyncio.shield(found)  # one task's cancellation must not cancel the seeding

    async def _seed(self, config: Mapping[str, Any], key: tuple[str, str, str | None]) -> Board:
        """The board from the state dispatch handed over, or (on a resume) from the checkpoint.

        A resumed superstep must see the results that finished tasks saved before the crash
        (LangGraph skips those tasks): they are the checkpoint's pending writes.
        """
        thread, ns, checkpoint_id = key
        handed = self.dispatched.get((thread, ns))
        values = handed.values if handed is not None else None
        writes: list[Any] = []
        if handed is None or handed.used:
            saver = self.checkpointer or config.get("configurable", {}).get(_CHECKPOINTER)
            saved = None
            if saver is not None and checkpoint_id is not None:
                saved = await saver.aget_tuple(
                    {
                        "configurable": {
                            "thread_id": thread,
                            "checkpoint_ns": ns,
                            "checkpoint_id": checkpoint_id,
                        }
                    }
                )
            if saved is None:
                raise RuntimeError(f"no saved state to resume the run of thread '{thread}' from")
            values = values or saved.checkpoint["channel_values"]
            writes = list(saved.pending_writes or [])
        if handed is not None:
            handed.used = True
        assert values is not None
        limit = config.get("configurable", {}).get(MAX_CONCURRENCY)
        return Board.seed(values, writes, self.parsed.get, self._shadowed, limit)

    async def route_after_agent(self, state: MissionState) -> str:
        """Only the task that saw every result published triggers aggregate; the others write nothing.

        An edge write from every task would double what LangGraph scans on each task's
        writes (its pending-write list is rebuilt per task: quadratic in the superstep's
        tasks, and every subtask is in one superstep).
        """
        config = get_config()
        found = self.boards.get(_superstep(config))
        if found is None or not found.done() or found.cancelled() or found.exception() is not None:
            return "aggregate"  # no board to ask: triggering it twice is harmless, never is not
        # the closing task claims before its router runs: None means others are still running
        return "aggregate" if found.result().closer == _task(config) else END

    async def run_agent(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Run one subtask (or its shadow candidate) as soon as its dependencies finished."""
        board = await self._board()
        try:
            if payload.get("shadow"):
                update = await self._run_shadow(board, payload["id"])
            else:
                update = await self._run_subtask(board, payload["id"])
        except BaseException:
            board.dead = True  # a resume in this process seeds a new board from the checkpoint
            raise
        board.close(_task())
        return update

    async def _run_subtask(self, board: Board, sid: str) -> dict[str, Any]:
        """Wait for the dependencies; skip, guard, admit; run the agent; publish the result."""
        if sid in board.results:
            return {"results": {sid: board.results[sid]}}
        subtask = board.by_id[sid]
        await board.wait(subtask.depends_on)
        update = await self._stopped(board, subtask)
        if update is not None:
            board.finish(sid, update["results"][sid])
            return update
        if subtask.family is AgentFamily.SHADOW:
            # a shadow report reads the comparisons recorded beside its dependencies
            await board.wait(f"{d}{SHADOW_SUFFIX}" for d in subtask.depends_on if d in board.shadows)
        route = self.router.route(subtask)
        assert route is not None  # `_stopped` failed unroutable subtasks
        budget = board.mission.constraints.budget
        refusal = await board.admit(subtask, budget, self.catalog)
        if refusal is not None:
            message = f"'{sid}' was not started: {refusal}"
            update = {
                "results": {sid: result_record(sid, "skipped", error=message, agent=subtask.agent)},
                "issues": [_issue("constraint.budget_exceeded", message, sid).to_dict()],
                "logs": [f"Skipped {sid}"],
            }
            board.finish(sid, update["results"][sid])
            return update
        try:
            async with board.slot():
                update = await self._execute(board, subtask, route)
            board.finish(sid, update["results"][sid])
        finally:
            if budget is not None:
                await board.release(sid)
        return update

    async def _stopped(self, board: Board, subtask: Subtask) -> dict[str, Any] | None:
        """The update of a subtask that must not start: a dependency did not succeed, or the guard refuses."""
        sid = subtask.id
        bad = next((d for d in subtask.depends_on if board.results[d]["status"] != "succeeded"), None)
        if bad is not None:
            status = board.results[bad]["status"]
            message = f"'{sid}' was skipped because its dependency '{bad}' {status_verb(status)}"
            issue = Issue(
                code="dependency.not_succeeded", severity=Severity.WARNING, message=message, subtask_id=sid
            )
            return {
                "results": {sid: result_record(sid, "skipped", error=message, agent=subtask.agent)},
                "issues": [issue.to_dict()],
                "logs": [f"Skipped {sid}"],
            }
        found = await self._check(
            subtask, board.mission, board.results, approved=board.approvals.get(sid) is True
        )
        if found is None:
            return None
        status = "failed" if found.code == "routing.no_agent" else "blocked"
        error = f"{found.code}: {found.message}"
        return {
            "results": {sid: result_record(sid, status, error=error, agent=subtask.agent)},
            "issues": [found.to_dict()],
            "logs": [f"Guard stopped {sid}: {error}"],
        }

    async def _check(
        self, subtask: Subtask, mission: Mission, results: Mapping[str, Any], *, approved: bool
    ) -> Issue | None:
        """The run-time guard on the subtask's first route (see `policies.flow.guard_call`)."""
        route = self.router.route(subtask)
        if route is None:
            return Issue(
                code="routing.no_agent",
                severity=Severity.ERROR,
                message=f"no agent can run '{subtask.id}' (family '{subtask.agent}', no fallback configured)",
                subtask_id=subtask.id,
            )
        decision = await guard_call(
            subtask, route.family, mission, read_labels(subtask, results), self.catalog, approved=approved
        )
        return None if decision.allowed else decision.issue(subtask.id)

    async def _call(self, board: Board, subtask: Subtask, writer: Callable[[Any], None]) -> _Call:
        """What an agent call of `subtask` reads, and how its context and guard are made."""
        results = board.results
        upstream = {d: results[d].get("output") for d in subtask.depends_on}
        if subtask.family is AgentFamily.SHADOW:
            upstream |= {
                f"{d}{SHADOW_SUFFIX}": results[f"{d}{SHADOW_SUFFIX}"].get("output")
                for d in subtask.depends_on
                if f"{d}{SHADOW_SUFFIX}" in results
            }
        inherited = sorted(await ainherited_labels(subtask, results))
        read = read_labels(subtask, results)
        approved = board.approvals.get(subtask.id) is True
        mission, context = board.mission, board.context
        safe = await self._safe_mission(board.mission_data, mission)

        def make_ctx(attempt: int, chosen: Route, shadow: bool) -> AgentContext:
            # marketing, publishing and shadow calls read the mission without PHI entries
            sensitive = shadow or must_not_see_phi(chosen.family, subtask.tool, self.catalog)
            return AgentContext(
                mission=safe if sensitive else mission,
                context=context,
                subtask_id=subtask.id,
                upstream=upstream,
                attempt=attempt,
                model_factory=self.model_factory,
                write=(lambda _event: None) if shadow else writer,
                shadow=shadow,
            )

        async def guard(task: Subtask, chosen: Route) -> GuardDecision:
            return await guard_call(task, chosen.family, mission, read, self.catalog, approved=approved)

        return _Call(inherited, read, approved, make_ctx, guard)

    async def _execute(self, board: Board, subtask: Subtask, route: Route) -> dict[str, Any]:
        """Run the subtask with its agent, healing failures; its state update."""
        board.start(subtask.id)
        writer = _writer()
        started = now()
        writer({"event": "subtask_started", "subtaskId": subtask.id, "agent": route.family, "at": started})
        call = await self._call(board, subtask, writer)
        clock = time.perf_counter()
        runner = SubtaskRunner(self.router, self.retry.max_attempts, self.retry.delay, self.model_factory)
        outcome = await runner.run(
            subtask,
            route,
            call.make_ctx,
            board.context.healing_memory,
            self._store(),
            writer,
            call.guard,
            tainted=PHI in call.inherited,
        )
        board.primary_ms[subtask.id] = (time.perf_counter() - clock) * 1000
        return await self._primary_update(subtask, outcome, call.inherited, started)

    async def _run_shadow(self, board: Board, sid: str) -> dict[str, Any]:
        """Run the mission's shadow candidate beside the primary; record both once both finished.

        The candidate starts when the primary starts its agent work, in this task of its
        own: neither waits for the other, and each latency is measured from its own start.
        """
        key = f"{sid}{SHADOW_SUFFIX}"
        record: dict[str, Any] | None = board.results.get(key)
        try:
            if record is not None:
                return {"results": {key: record}}
            subtask = board.by_id[sid]
            await board.wait_started(sid)
            primary = board.results.get(sid)
            if not board.started(sid) and not (primary or {}).get("attempts"):
                return {}  # the primary never ran (skipped, blocked, refused): nothing to compare
            route = self.router.route(subtask)
            assert route is not None
            call = await self._call(board, subtask, lambda _event: None)
            shadow = await self._start_shadow(
                subtask, board.mission, route.family, call.inherited, call.read, call.approved, call.make_ctx
            )
            if shadow is None:
                return {}
            await shadow.wait()
            await board.wait([sid])
            done = SubtaskResult.model_validate(board.results[sid])
            primary_ms = board.primary_ms.get(sid)
            if primary_ms is None:  # the primary finished before a crash: its saved times
                ran = (done.finished_at - done.started_at) if done.finished_at and done.started_at else None
                primary_ms = ran.total_seconds() * 1000 if ran is not None else 0.0
            update = await self._shadow_update(
                subtask,
                shadow,
                call.inherited,
                done.output,
                done.status == "succeeded",
                done.usage,
                primary_ms,
            )
            record = update["results"][key]
            return update
        finally:
            board.finish(key, record)

    async def _shadow_update(
        self,
        subtask: Subtask,
        shadow: ShadowRun,
        inherited: list[str],
        primary_output: Any,
        primary_succeeded: bool,
        primary_usage: Usage,
        primary_ms: float,
    ) -> dict[str, Any]:
        key = f"{subtask.id}{SHADOW_SUFFIX}"
        record = shadow.record(primary_output, primary_succeeded, primary_usage.total_tokens, primary_ms)
        usage = self._priced(record["usage"], shadow.model_factory)
        error = record["error"]
        if usage.cost < 0:
            error, usage = "negative cost reported: rejected", usage.model_copy(update={"cost": 0.0})
        result = SubtaskResult(
            subtask_id=key,
            status="shadow",
            output=record["data"],
            error=error,
            agent=shadow.name,
            tool=subtask.tool,
            labels=sorted(set(inherited) | (await aoutput_labels(shadow.family, record["data"], ()))),
            usage=usage,
            finished_at=datetime.now(UTC),
        ).to_dict()
        update: dict[str, Any] = {
            "results": {key: result},
            "logs": [f"Shadow {shadow.name} beside {subtask.id}: {error or 'recorded'}"],
        }
        if shadow.refusal is not None:
            update["issues"] = [
                Issue(
                    code=shadow.refusal.code,
                    severity=Severity.BLOCKED,
                    message=f"shadow candidate not run: {shadow.refusal.reason}",
                    subtask_id=key,
                ).to_dict()
            ]
        return update

    async def _safe_mission(self, data: dict[str, Any], mission: Mission) -> Mission:
        """`asafe_mission`, once per mission dict (one run holds one)."""
        hit = self.safe_missions.get(id(data))
        if hit is not None and hit[0] is data:
            return hit[1]
        safe = await asafe_mission(mission)
        self.safe_missions = {id(data): (data, safe)}
        return safe

    async def _start_shadow(
        self,
        subtask: Subtask,
        mission: Mission,
        family: str,
        inherited: list[str],
        read: Mapping[str, list[str]],
        approved: bool,
        make_ctx: Callable[[int, Route, bool], AgentContext],
    ) -> ShadowRun | None:
        """Start the mission's shadow candidate for this family, or refuse it when it may not run.

        A candidate passes the same guard as any call, as the family it runs as, and as
        an unvetted agent it never reads PHI (labels cover the subtask's own text too).
        """
        if subtask.family is AgentFamily.SHADOW or not mission.context.get("shadow"):
            return None
        found = shadow_candidate(mission.context, family, self.shadow_agents, self.router)
        if found is None:
            return None
        name, agent, runs_as = found
        if agent is None:
            return ShadowRun.refused(
                name,
                GuardDecision(False, "shadow.unknown", f"no agent named '{name}' (pass it in shadow_agents)"),
            )
        if PHI in inherited:
            return ShadowRun.refused(
                name,
                GuardDecision(False, "phi.blocked", f"'{subtask.id}' reads PHI-labelled data", runs_as),
            )
        decision = await guard_call(
            subtask, runs_as, mission, read, self.catalog, approved=approved, shadow=True
        )
        if not decision.allowed:
            return ShadowRun.refused(name, decision)
        ctx = make_ctx(1, Route(runs_as, agent), True)
        if name.startswith(MODEL_CANDIDATE):
            # the family's own agent with another model: how a new model would do, in shadow
            try:
                ctx = replace(ctx, model_factory=self._candidate_model(name.removeprefix(MODEL_CANDIDATE)))
            except UserError as exc:
                return ShadowRun.refused(name, GuardDecision(False, "shadow.model", str(exc)))
        return ShadowRun.start(name, agent, subtask, ctx, self.shadow_timeout, family=runs_as)

    def _candidate_model(self, spec: str) -> Callable[[], BaseChatModel]:
        """A shared model for a `model:<spec>` candidate (built once per engine)."""
        from global_orchestrator.llm import make_chat_model

        if spec not in self.candidate_models:
            self.candidate_models[spec] = make_chat_model(spec)
        model = self.candidate_models[spec]
        return lambda: model

    async def _primary_update(
        self, subtask: Subtask, outcome: Outcome, inherited: list[str], started: str
    ) -> dict[str, Any]:
        logs = [*outcome.steps]
        if outcome.blocked is not None:
            issue = outcome.blocked.issue(subtask.id)
            result = result_record(
                subtask.id,
                "blocked",
                error=f"{issue.code}: {issue.message}",
                agent=outcome.family,
                tool=subtask.tool,
                attempts=outcome.attempts,
                started=started,
                labels=inherited,
            )
            logs.append(f"Guard stopped {subtask.id}: {issue.code}")
            return {"results": {subtask.id: result}, "issues": [issue.to_dict()], "logs": logs}
        out = outcome.output
        if out is not None and out.usage.cost < 0:
            code, error = "budget.negative_cost", f"reported a negative cost ({out.usage.cost:g}): rejected"
            out = None
        else:
            code, error = "subtask.failed", outcome.error or "failed"
        if out is None:
            result = result_record(
                subtask.id,
                "failed",
                error=error,
                agent=outcome.family,
                tool=subtask.tool,
                attempts=outcome.attempts,
                started=started,
                labels=inherited,
            )
            issue = Issue(
                code=code,
                severity=Severity.ERROR,
                message=f"'{subtask.id}' failed after {outcome.attempts} attempt(s): {error}",
                subtask_id=subtask.id,
            )
            logs.append(f"{subtask.id} failed: {error}")
            return {"results": {subtask.id: result}, "issues": [issue.to_dict()], "logs": logs}
        labels = await aoutput_labels(
            outcome.family, out.output, inherited, out.labels, deidentified=out.deidentified
        )
        done = SubtaskResult(
            subtask_id=subtask.id,
            status="succeeded",
            output=out.output,
            attempts=outcome.attempts,
            agent=outcome.family,
            tool=subtask.tool,
            labels=sorted(labels),
            started_at=datetime.fromisoformat(started),
            finished_at=datetime.now(UTC),
            usage=self._priced(out.usage),
        )
        # "Executed <id> with agent <family>" is derived from the result by build_result:
        # a log line per subtask in state cost 30% of the engine's time at 1,000 subtasks
        update: dict[str, Any] = {"results": {subtask.id: done.to_dict()}}
        if logs:
            update["logs"] = logs
        if outcome.healed:
            kind, strategy = outcome.healed
            update["issues"] = [
                Issue(
                    code="healing.recovered",
                    severity=Severity.INFO,
                    message=f"'{subtask.id}' recovered from a {kind} failure by {strategy}",
                    subtask_id=subtask.id,
                ).to_dict()
            ]
        return update

    def _priced(self, usage: Usage, model: Callable[[], BaseChatModel] | None = None) -> Usage:
        """Add the priced model tokens (of `model`, default the run's) to an agent's own spend."""
        factory = model or self.model_factory
        if not usage.total_tokens or factory is None:
            return usage
        tokens = self.prices.cost(model_name(factory()), usage)
        return usage.model_copy(update={"cost": usage.cost + tokens}) if tokens else usage

    # -- end ---------------------------------------------------------------------------

    async def aggregate(self, state: MissionState) -> dict[str, Any]:
        """Assemble the MissionResult: success only if every non-shadow subtask succeeded."""
        thread, ns, _ = _superstep()
        self.dispatched.pop((thread, ns), None)
        for key in [k for k in self.boards if k[:2] == (thread, ns)]:
            del self.boards[key]
        return {"result": build_result(state, self.parsed).to_dict()}


def node_family(family: str) -> str:
    """The agent node's name suffix for a family (`agent_self_healing`)."""
    return family


@dataclass
class _Dispatched:
    """The state `dispatch` saw, for the board of the superstep it starts."""

    values: dict[str, Any]
    used: bool = False
    """A board was seeded from it: a later one (a resume) must read the pending writes."""


@dataclass
class _Call:
    """What one agent call of a subtask reads, and its context and guard factories."""

    inherited: list[str]
    read: dict[str, list[str]]
    approved: bool
    make_ctx: Callable[[int, Route, bool], AgentContext]
    guard: Callable[[Subtask, Route], Awaitable[GuardDecision]]


def _superstep(config: Mapping[str, Any] | None = None) -> tuple[str, str, str | None]:
    """(thread id, namespace, id of the checkpoint the current superstep started from)."""
    try:
        conf = (config if config is not None else get_config()).get("configurable") or {}
    except RuntimeError:  # outside a run
        return "", "", None
    checkpoints: Mapping[str, str] = conf.get("checkpoint_map") or {}
    ns = list(checkpoints)[-1] if checkpoints else str(conf.get("checkpoint_ns", ""))
    return str(conf.get("thread_id", "")), ns, checkpoints.get(ns)


def _task(config: Mapping[str, Any] | None = None) -> str:
    """The current task's checkpoint namespace (`<node>:<task id>`): names it in its router too."""
    try:
        conf = (config if config is not None else get_config()).get("configurable") or {}
    except RuntimeError:
        return ""
    return str(conf.get("checkpoint_ns", ""))


def _usable(board: asyncio.Future[Board]) -> bool:
    """A board still being seeded, or seeded and not left behind by a failed run."""
    if not board.done():
        return True
    return not board.cancelled() and board.exception() is None and not board.result().dead


def _writer() -> Callable[[Any], None]:
    try:
        return get_stream_writer()
    except RuntimeError:  # called outside a graph run (unit tests of a node)
        return lambda _event: None


def _issue(code: str, message: str, subtask_id: str | None) -> Issue:
    return Issue(code=code, severity=Severity.BLOCKED, message=message, subtask_id=subtask_id)


def _agent_of(plan: MissionPlan, sid: str) -> str | None:
    return next((s.agent for s in plan.subtasks if s.id == sid), None)


def _subtask_dict(subtask: Subtask) -> dict[str, Any]:
    return subtask.model_dump(mode="json", by_alias=True)


def _plan_dict(plan: MissionPlan) -> dict[str, Any]:
    data = plan.to_dict()
    data.pop("orchestrationGraph", None)  # derived; never stored twice
    return data
