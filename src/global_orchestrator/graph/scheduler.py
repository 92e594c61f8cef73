"""The run phase: every subtask in one superstep, each starting when its own dependencies finish.

`dispatch` sends every subtask without a result (and each shadow candidate) to its
family's agent node in one LangGraph superstep; each task waits for its dependencies on
the superstep's completion board (`board.py`), then skips itself, guards, asks budget
admission, takes a concurrency slot and runs its agent with healing. Every subtask is one
LangGraph task, so its result is saved the moment it finishes and a resumed superstep
skips it (the board of a resumed superstep is seeded from the saved pending writes).
`Engine` (`nodes.py`) inherits these methods; the fields they read are declared below.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.config import get_config, get_stream_writer
from langgraph.store.base import BaseStore
from langgraph.types import Command, Send

from global_orchestrator.agents.base import AgentContext, AgentLike
from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.agents.router import AgentRouter, Route
from global_orchestrator.errors import UserError
from global_orchestrator.models import (
    AgentFamily,
    Issue,
    Mission,
    MissionPlan,
    Severity,
    Subtask,
    SubtaskResult,
    Usage,
)
from global_orchestrator.planner.graph import topological_order
from global_orchestrator.policies.budget import PriceTable, model_name
from global_orchestrator.policies.flow import (
    PHI,
    ContentScan,
    GuardDecision,
    asafe_mission,
    asubtask_scan,
    guard_call,
    must_not_see_phi,
)
from global_orchestrator.policies.labels import ainherited_labels, aoutput_labels, read_labels
from global_orchestrator.redaction import redact_subtask_result

from .board import FREEZE_MIN_TASKS, HOLD_MIN_TASKS, Board, hold_heap, release_heap
from .records import ParseCache, kept, now, result_record, status_verb
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

__all__ = ["MAX_CONCURRENCY", "Scheduler", "node_family"]

MAX_CONCURRENCY = "max_concurrency"
"""`configurable` key: at most this many subtasks run their agents at once. LangGraph's own
top-level `max_concurrency` must not be used: waiting tasks would hold its slots."""
_CHECKPOINTER = "__pregel_checkpointer"  # where LangGraph puts the run's checkpointer in a task's config


class Scheduler:
    """The run-phase nodes and routers of the mission graph (mixed into `Engine`)."""

    router: AgentRouter
    model_factory: Callable[[], BaseChatModel] | None
    catalog: ToolCatalog
    retry: RetrySettings
    shadow_agents: dict[str, AgentLike]
    shadow_timeout: float
    prices: PriceTable
    candidate_models: dict[str, BaseChatModel]
    parsed: ParseCache
    safe_missions: dict[int, tuple[Any, Mission]]
    model_priced: bool | None
    checkpointer: BaseCheckpointSaver[Any] | None
    progress: bool
    boards: dict[tuple[str, str, str | None], asyncio.Future[Board]]
    dispatched: dict[tuple[str, str], _Dispatched]

    def _store(self) -> BaseStore | None:
        raise NotImplementedError

    def _known_free(self, subtask: Subtask) -> bool:
        """The call costs nothing: a built-in agent (tokens only) on a model without a price."""
        route = self.router.route(subtask)
        if route is None or not getattr(route.agent, "tokens_only", False):
            return False
        if self.model_priced is None:
            factory = self.model_factory
            self.model_priced = (
                factory is not None
                and self.prices.cost(
                    model_name(factory()), Usage(input_tokens=1_000_000, output_tokens=1_000_000)
                )
                > 0
            )
        return not self.model_priced

    async def dispatch(self, state: MissionState) -> dict[str, Any]:
        """Hand the state to the run superstep that follows (its board is seeded from it).

        Only after approvals: without any, `route_after_guard_plan` hands the state over
        and sends the run superstep itself (`hand_over`), one superstep fewer.
        """
        self.hand_over(state)
        return {}

    def hand_over(self, state: MissionState) -> None:
        """Keep `state` for the board of the run superstep this task's router starts."""
        thread, ns, _ = _superstep()
        old = self.dispatched.get((thread, ns))
        if old is not None:
            old.release()  # a hold no board took (a run that ended before its superstep began)
        self.dispatched[(thread, ns)] = _Dispatched(dict(state))

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
        nodes: dict[str, str] = {}  # agent name -> node: one routing per family, not per subtask
        for sid in topological_order(plan.subtasks):
            if sid in results:
                continue
            subtask = by_id[sid]
            node = nodes.get(subtask.agent)
            if node is None:
                node = nodes[subtask.agent] = self._node(subtask)
            sends.append(Send(node, {"id": sid}))
            if sid in shadows:
                sends.append(Send(node, {"id": sid, "shadow": True}))
        handed = self.dispatched.get(_superstep()[:2])
        if len(sends) >= FREEZE_MIN_TASKS and handed is not None and not handed.used and not handed.held:
            # before LangGraph makes the tasks: see `Board.freeze_heap`
            handed.defers = len(sends) >= HOLD_MIN_TASKS
            hold_heap(defer=handed.defers)
            handed.held = True
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
            handed = self.dispatched.get(key[:2])
            if handed is not None and not handed.used:
                # a fresh superstep: seeded from what dispatch handed over, with no await, so
                # no task of the superstep waits for it (a shielded wait per task cost a
                # future and a wake-up each)
                handed.used = True
                board = self._seeded(config, handed.values, [], handed.take(), handed.defers)
                found = self.boards[key] = asyncio.get_running_loop().create_future()
                found.set_result(board)
                return board
            found = self.boards[key] = asyncio.ensure_future(self._seed(config, key))
        return await asyncio.shield(found)  # one task's cancellation must not cancel the seeding

    async def _seed(self, config: Mapping[str, Any], key: tuple[str, str, str | None]) -> Board:
        """The board of a resumed superstep (or of one retried in this process), from the checkpoint.

        A resumed superstep must see the results that finished tasks saved before the crash
        (LangGraph skips those tasks): they are the checkpoint's pending writes.
        """
        thread, ns, checkpoint_id = key
        handed = self.dispatched.get((thread, ns))
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
        values = handed.values if handed is not None else saved.checkpoint["channel_values"]
        held = defers = False
        if handed is not None:
            handed.used = True
            held, defers = handed.take(), handed.defers
        return self._seeded(config, values, list(saved.pending_writes or []), held, defers)

    def _seeded(
        self,
        config: Mapping[str, Any],
        values: Mapping[str, Any],
        writes: list[Any],
        held: bool = False,
        defers: bool = False,
    ) -> Board:
        """A board from `values` and saved `writes`.

        `held`: it takes over dispatch's hold on the heap (`defers`: one that defers full
        collections).
        """
        limit = config.get("configurable", {}).get(MAX_CONCURRENCY)
        board = Board.seed(values, writes, self.parsed.get, self._shadowed, limit)
        if held:
            board.take_hold(defers)  # released by its thaw_heap, as its own would be
        board.freeze_heap()
        return board

    async def run_agent(self, payload: dict[str, Any]) -> dict[str, Any] | Command[str]:
        """Run one subtask (or its shadow candidate) as soon as its dependencies finished.

        Only the task that sees every result published goes on to aggregate (a `Command`);
        the others return their update and nothing else. A router on every agent node cost
        a second runnable per task (a quarter of LangGraph's per-task work), and an edge
        write from every task would double what LangGraph scans on each task's writes (its
        pending-write list is rebuilt per task: quadratic in the superstep's tasks, and
        every subtask is in one superstep).
        """
        board = await self._board()
        sid, shadow = payload["id"], bool(payload.get("shadow"))
        try:
            if shadow:
                update = await self._run_shadow(board, sid)
            else:
                update = await self._run_subtask(board, sid)
        except BaseException:
            board.dead = True  # a resume in this process seeds a new board from the checkpoint
            board.thaw_heap()
            raise
        if self.progress and update.get("results"):
            update = {**update, "result": _progress(update["results"])}
        carried = board.carried(board.reads(sid, shadow=shadow)) if update.get("results") else {}
        if carried:  # what it read is saved with it (see `Board.carried`)
            update = {**update, "results": {**carried, **update["results"]}}
        task = _task()
        board.close(task)
        if board.closer == task:
            return Command(update=update, goto="aggregate")
        return update

    async def _run_subtask(self, board: Board, sid: str) -> dict[str, Any]:
        """Wait for the dependencies; skip, guard, admit; run the agent; publish the result."""
        if sid in board.results:
            return {"results": {sid: board.results[sid]}}
        subtask = board.by_id[sid]
        await board.wait(subtask.depends_on)
        update = self._skipped(board, subtask)
        own: ContentScan | None = None
        if update is None:
            # scanned once, for the guard and the labels alike (each scan is a detector pass)
            own, goal = await asubtask_scan(subtask), await board.goal_scan()
            update = await self._refused(board, subtask, own, goal)
        if update is not None:
            board.finish(sid, update["results"][sid])
            return update
        if subtask.family is AgentFamily.SHADOW:
            # a shadow report reads the comparisons recorded beside its dependencies
            await board.wait(f"{d}{SHADOW_SUFFIX}" for d in subtask.depends_on if d in board.shadows)
        route = self.router.route(subtask)
        assert route is not None  # `_refused` failed unroutable subtasks
        budget = board.mission.constraints.budget
        refusal = await board.admit(subtask, budget, self.catalog, free=self._known_free)
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
                update = await self._execute(board, subtask, route, own)
            board.finish(sid, update["results"][sid])
        finally:
            if budget is not None:
                await board.release(sid)
        return update

    def _skipped(self, board: Board, subtask: Subtask) -> dict[str, Any] | None:
        """The update of a subtask whose dependency did not succeed (None: all of them did)."""
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
        return None

    async def _refused(
        self, board: Board, subtask: Subtask, own: ContentScan, goal: ContentScan
    ) -> dict[str, Any] | None:
        """The update of a subtask the run-time guard refuses (None: it may run)."""
        sid = subtask.id
        found = await self._check(
            subtask,
            board.mission,
            board.results,
            approved=board.approvals.get(sid) is True,
            own_scan=own,
            goal_scan=goal,
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
        self,
        subtask: Subtask,
        mission: Mission,
        results: Mapping[str, Any],
        *,
        approved: bool,
        own_scan: ContentScan | None = None,
        goal_scan: ContentScan | None = None,
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
            subtask,
            route.family,
            mission,
            read_labels(subtask, results),
            self.catalog,
            approved=approved,
            own_scan=own_scan,
            goal_scan=goal_scan,
            upstream={d: results[d].get("output") for d in subtask.depends_on if d in results},
        )
        return None if decision.allowed else decision.issue(subtask.id)

    async def _call(
        self,
        board: Board,
        subtask: Subtask,
        writer: Callable[[Any], None],
        own: ContentScan | None = None,
    ) -> _Call:
        """What an agent call of `subtask` reads, and how its context and guard are made.

        `own` is the scan of the subtask's own text, when the caller has it.
        """
        results = board.results
        upstream = {d: results[d].get("output") for d in subtask.depends_on}
        if subtask.family is AgentFamily.SHADOW:
            upstream |= {
                f"{d}{SHADOW_SUFFIX}": results[f"{d}{SHADOW_SUFFIX}"].get("output")
                for d in subtask.depends_on
                if f"{d}{SHADOW_SUFFIX}" in results
            }
        inherited = sorted(await ainherited_labels(subtask, results, own))
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
            # a re-planned subtask is another object: its new text is scanned again
            return await guard_call(
                task,
                chosen.family,
                mission,
                read,
                self.catalog,
                approved=approved,
                own_scan=own if task is subtask else None,
                upstream=upstream,
            )

        return _Call(inherited, read, approved, make_ctx, guard)

    async def _execute(
        self, board: Board, subtask: Subtask, route: Route, own: ContentScan | None = None
    ) -> dict[str, Any]:
        """Run the subtask with its agent, healing failures; its state update."""
        board.start(subtask.id)
        writer = _writer()
        started = now()
        writer({"event": "subtask_started", "subtaskId": subtask.id, "agent": route.family, "at": started})
        call = await self._call(board, subtask, writer, own)
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
        return await self._primary_update(board, subtask, outcome, call.inherited, started)

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
        ctx = make_ctx(1, Route(runs_as, agent), True)
        decision = await guard_call(
            subtask,
            runs_as,
            mission,
            read,
            self.catalog,
            approved=approved,
            shadow=True,
            upstream=ctx.upstream,
        )
        if not decision.allowed:
            return ShadowRun.refused(name, decision)
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
        self, board: Board, subtask: Subtask, outcome: Outcome, inherited: list[str], started: str
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
        board.built[subtask.id] = kept(done)
        record = board.built[subtask.id][0]
        update: dict[str, Any] = {"results": {subtask.id: record}}
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


def node_family(family: str) -> str:
    """The agent node's name suffix for a family (`agent_self_healing`)."""
    return family


@dataclass
class _Dispatched:
    """The state `dispatch` saw, for the board of the superstep it starts."""

    values: dict[str, Any]
    used: bool = False
    """A board was seeded from it: a later one (a resume) must read the pending writes."""
    held: bool = False
    """`route_after_dispatch` took a hold on the heap (`board.hold_heap`) no board took yet."""
    defers: bool = False
    """That hold also defers full collections (a superstep of `HOLD_MIN_TASKS` tasks or more)."""

    def take(self) -> bool:
        """Hand the hold on the heap over (to the board seeded from this state)."""
        held, self.held = self.held, False
        return held

    def release(self) -> None:
        """Release a hold no board took."""
        if self.take():
            release_heap(defer=self.defers)


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


def _progress(records: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """A task's records as LangGraph Server streams them (`state.keep_result`): redacted."""
    shown = {k: redact_subtask_result(SubtaskResult.model_validate(r)).to_dict() for k, r in records.items()}
    return {"results": shown}


def _issue(code: str, message: str, subtask_id: str | None) -> Issue:
    return Issue(code=code, severity=Severity.BLOCKED, message=message, subtask_id=subtask_id)
