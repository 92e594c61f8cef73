"""The graph's nodes: context, planning, guards, approval, dispatch, agents, aggregation.

Cost model: every subtask is one LangGraph task (a `Send` to its family's agent node), so
its result is saved the moment it finishes and a resumed mission never re-runs it. The
per-subtask checks run in one `guard_subtask` task per wave of ready subtasks, not one
task each, which keeps the engine's overhead close to a bare Send wavefront.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from langchain_core.language_models import BaseChatModel
from langgraph.config import get_store, get_stream_writer
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
from global_orchestrator.policies.budget import PriceTable, admit, model_name
from global_orchestrator.policies.flow import PHI, GuardDecision, asafe_mission, guard_call, must_not_see_phi
from global_orchestrator.policies.labels import ainherited_labels, aoutput_labels, read_labels
from global_orchestrator.policies.permissions import needs_approval
from global_orchestrator.redaction import redact_approval

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

__all__ = ["APPROVAL", "Engine"]

APPROVAL = "approval"
"""The `type` of the graph's approval interrupt value (an `ApprovalRequest` plus this key)."""


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
    model_priced: bool | None = None
    """The run's model has a token price (None: not asked yet)."""
    safe_missions: dict[int, tuple[Any, Mission]] = field(default_factory=dict)
    """The mission as PHI-sensitive calls read it, by the state dict it came from."""

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
        """Skip subtasks whose dependencies did not succeed or that the budget cannot pay for.

        Collects the next wave: every subtask whose dependencies all succeeded, as far as
        the spend so far plus their forecasts fit the mission's budget.
        """
        plan = self.parsed.get(MissionPlan, state["plan"])
        mission = self.parsed.get(Mission, state["mission"])
        results = dict(state.get("results") or {})
        skipped: dict[str, dict[str, Any]] = {}
        issues: list[dict[str, Any]] = []
        wave_ids: list[str] = []
        while True:
            wave = self._ready(plan, results, skipped, issues)
            if not wave:
                break
            admission = admit(
                wave, mission.constraints.budget, results, self.catalog, plan.usage, free=self._known_free
            )
            for sid, why in admission.refused.items():
                message = f"'{sid}' was not started: {why}"
                results[sid] = skipped[sid] = result_record(
                    sid, "skipped", error=message, agent=_agent_of(plan, sid)
                )
                issues.append(_issue("constraint.budget_exceeded", message, sid).to_dict())
            wave_ids = admission.admitted
            if wave_ids or not admission.refused:
                break
            # nothing could start: another pass skips what depended on the refused subtasks
        update: dict[str, Any] = {"wave": wave_ids}
        if skipped:
            update |= {"results": skipped, "issues": issues, "logs": [f"Skipped {sid}" for sid in skipped]}
        return update

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

    def _ready(
        self,
        plan: MissionPlan,
        results: dict[str, Any],
        skipped: dict[str, dict[str, Any]],
        issues: list[dict[str, Any]],
    ) -> list[Subtask]:
        """Skip (in place) subtasks with a dependency that did not succeed; return the ready ones."""
        by_id = {s.id: s for s in plan.subtasks}
        wave: list[Subtask] = []
        for sid in topological_order(plan.subtasks):
            if sid in results:
                continue
            subtask = by_id[sid]
            bad = [d for d in subtask.depends_on if d in results and results[d]["status"] != "succeeded"]
            if bad:
                cause = bad[0]
                status = results[cause]["status"]
                message = f"'{sid}' was skipped because its dependency '{cause}' {status_verb(status)}"
                results[sid] = skipped[sid] = result_record(
                    sid, "skipped", error=message, agent=subtask.agent
                )
                issues.append(
                    Issue(
                        code="dependency.not_succeeded",
                        severity=Severity.WARNING,
                        message=message,
                        subtask_id=sid,
                    ).to_dict()
                )
            elif all(d in results for d in subtask.depends_on):
                wave.append(subtask)
        return wave

    async def route_after_dispatch(self, state: MissionState) -> str:
        """Guard the next wave, or aggregate when nothing is left."""
        return "guard_subtask" if state.get("wave") else "aggregate"

    async def guard_subtask(self, state: MissionState) -> dict[str, Any]:
        """Run-time guards on each ready subtask: permissions, allowed agents, PHI, routing."""
        mission = self.parsed.get(Mission, state["mission"])
        plan = self.parsed.get(MissionPlan, state["plan"])
        results = state.get("results") or {}
        by_id = {s.id: s for s in plan.subtasks}
        blocked: dict[str, dict[str, Any]] = {}
        issues: list[Issue] = []
        approvals = state.get("approvals") or {}
        for sid in state.get("wave") or []:
            subtask = by_id[sid]
            found = await self._check(subtask, mission, results, approved=approvals.get(sid) is True)
            if found is not None:
                issues.append(found)
                status = "failed" if found.code == "routing.no_agent" else "blocked"
                blocked[sid] = result_record(
                    sid, status, error=f"{found.code}: {found.message}", agent=subtask.agent
                )
        update: dict[str, Any] = {}
        if blocked:
            update = {
                "results": blocked,
                "issues": [i.to_dict() for i in issues],
                "logs": [f"Guard stopped {sid}: {r['error']}" for sid, r in blocked.items()],
            }
        return update

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

    async def route_after_guard_subtask(self, state: MissionState) -> list[Send] | str:
        """Send each subtask that passed the guard to its family's agent node."""
        results = state.get("results") or {}
        plan = self.parsed.get(MissionPlan, state["plan"])
        by_id = {s.id: s for s in plan.subtasks}
        sends = []
        approvals = state.get("approvals") or {}
        payload_common = {"mission": state["mission"], "context": state["context"]}
        for sid in state.get("wave") or []:
            if sid in results:
                continue
            subtask = by_id[sid]
            route = self.router.route(subtask)
            assert route is not None  # the guard stopped unroutable subtasks
            upstream = {d: results[d].get("output") for d in subtask.depends_on}
            if subtask.family is AgentFamily.SHADOW:
                # a shadow report reads the comparisons recorded beside its dependencies
                upstream |= {
                    f"{d}{SHADOW_SUFFIX}": results[f"{d}{SHADOW_SUFFIX}"].get("output")
                    for d in subtask.depends_on
                    if f"{d}{SHADOW_SUFFIX}" in results
                }
            sends.append(
                Send(
                    f"agent_{node_family(route.family)}",
                    {
                        **payload_common,
                        "subtask": _subtask_dict(subtask),
                        "family": route.family,
                        "upstream": upstream,
                        "labels": sorted(await ainherited_labels(subtask, results)),
                        "read": read_labels(subtask, results),
                        "approved": approvals.get(sid) is True,
                    },
                )
            )
        return sends or "dispatch"

    async def run_agent(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Run one subtask with its agent (healing failures) and its shadow; record both."""
        subtask = Subtask.model_validate(payload["subtask"])
        mission = self.parsed.get(Mission, payload["mission"])
        context = self.parsed.get(MissionContext, payload["context"])
        family: str = payload["family"]
        route = self.router.route(subtask.model_copy(update={"agent": family}))
        assert route is not None
        writer = _writer()
        started = now()
        writer({"event": "subtask_started", "subtaskId": subtask.id, "agent": family, "at": started})
        upstream = payload.get("upstream") or {}
        inherited: list[str] = payload.get("labels") or []
        read: dict[str, list[str]] = payload.get("read") or {}
        approved = bool(payload.get("approved"))
        safe = await self._safe_mission(payload["mission"], mission)

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

        shadow = await self._start_shadow(subtask, mission, family, inherited, read, approved, make_ctx)
        clock = time.perf_counter()
        runner = SubtaskRunner(self.router, self.retry.max_attempts, self.retry.delay, self.model_factory)
        outcome = await runner.run(
            subtask,
            route,
            make_ctx,
            context.healing_memory,
            self._store(),
            writer,
            guard,
            tainted=PHI in inherited,
        )
        primary_ms = (time.perf_counter() - clock) * 1000
        update = await self._primary_update(subtask, outcome, inherited, started)
        if shadow is not None:
            record = await shadow.record(outcome, primary_ms)
            key = f"{subtask.id}{SHADOW_SUFFIX}"
            usage = self._priced(record["usage"], shadow.model_factory)
            error = record["error"]
            if usage.cost < 0:
                error, usage = "negative cost reported: rejected", usage.model_copy(update={"cost": 0.0})
            update["results"][key] = SubtaskResult(
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
            outcome_text = error or "recorded"
            update.setdefault("logs", []).append(f"Shadow {shadow.name} beside {subtask.id}: {outcome_text}")
            if shadow.refusal is not None:
                refusal = shadow.refusal
                update.setdefault("issues", []).append(
                    Issue(
                        code=refusal.code,
                        severity=Severity.BLOCKED,
                        message=f"shadow candidate not run: {refusal.reason}",
                        subtask_id=key,
                    ).to_dict()
                )
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
        return {"result": build_result(state, self.parsed).to_dict()}


def node_family(family: str) -> str:
    """The agent node's name suffix for a family (`agent_self_healing`)."""
    return family


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
