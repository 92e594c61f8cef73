"""The graph's nodes: context, planning, plan guard, approval and aggregation.

The run phase (dispatch and the agent nodes: every subtask in one superstep, each
starting when its own dependencies finish) is `scheduler.py`, mixed into `Engine`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.config import get_store
from langgraph.store.base import BaseStore
from langgraph.types import Send, interrupt
from pydantic import ValidationError

from global_orchestrator.agents.base import AgentLike
from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.agents.router import AgentRouter
from global_orchestrator.agents.self_healing import recall_healing
from global_orchestrator.context import build_mission_context
from global_orchestrator.errors import UserError
from global_orchestrator.loading import describe_validation_error
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import (
    ApprovalRequest,
    Issue,
    Mission,
    MissionContext,
    MissionPlan,
    Severity,
    Subtask,
)
from global_orchestrator.planner.plan import aplan_mission
from global_orchestrator.planner.validation import validate_plan
from global_orchestrator.policies.budget import PriceTable
from global_orchestrator.policies.permissions import needs_approval
from global_orchestrator.redaction import redact_approval, redact_result

from .board import Board
from .records import ParseCache, build_result, parse_decision, result_record
from .running import (
    RetrySettings,
)
from .scheduler import MAX_CONCURRENCY, Scheduler, _Dispatched, _superstep
from .state import MissionState

__all__ = ["APPROVAL", "MAX_CONCURRENCY", "MISSION_INVALID", "Engine"]

APPROVAL = "approval"
"""The `type` of the graph's approval interrupt value (an `ApprovalRequest` plus this key)."""
MISSION_INVALID = "mission.invalid"
"""The issue of a mission the graph cannot read (Studio / LangGraph Server input): the run
ends through `aggregate` with it, instead of raising in a node."""


@dataclass
class Engine(Scheduler):
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
    checkpointer: BaseCheckpointSaver[Any] | None = None
    """Where a resumed superstep's pending writes are read (None: the run's, from its config)."""
    progress: bool = False
    """Each agent task also writes its redacted record to `result` (`state.keep_result`),
    and `aggregate` writes the MissionResult redacted: for LangGraph Server, whose `updates`
    stream shows only the output channel."""
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
        """Load brand, safety flags, tool availability and healing memory.

        A mission that does not validate, or names no known template (input from Studio or
        LangGraph Server; the Python API validates first), becomes a `mission.invalid`
        issue: the plan carries it as an error and the run ends in `aggregate`, cleanly.
        """
        raw: Any = state.get("mission")
        try:
            mission = self.parsed.get(Mission, raw)
            if not state.get("plan"):  # a ready plan needs no template
                self.registry.get(mission.type)
        except (ValidationError, UserError) as exc:
            message = describe_validation_error(exc) if isinstance(exc, ValidationError) else str(exc)
            issue = Issue(
                code=MISSION_INVALID, severity=Severity.ERROR, message=f"invalid mission: {message}"
            )
            context = MissionContext(mission_id=_raw_id(raw), issues=[issue])
            return {"context": context.to_dict(), "logs": ["The mission is invalid; nothing runs"]}
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
        context = self.parsed.get(MissionContext, state["context"])
        invalid = [i for i in context.issues if i.code == MISSION_INVALID]
        if invalid:  # an empty plan with the error: guard_plan routes to aggregate
            empty = MissionPlan(
                mission_id=context.mission_id, summary="The mission is invalid", issues=invalid
            )
            return {"plan": empty.state_dict(), "logs": ["Not planned: the mission is invalid"]}
        mission = self.parsed.get(Mission, state["mission"])
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
        data = plan.state_dict()
        if given:
            # validated from JSON just above, so equal to what parsing its dump gives: the
            # nodes after this one read the plan without validating 1,000 subtasks again
            self.parsed.prime(plan, data)
        return {
            "plan": data,
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
        """Ask for approvals still undecided; an invalid plan goes to aggregate.

        With nothing to ask, the run superstep follows at once (what `dispatch` does after
        approvals: `hand_over` and `route_after_dispatch`), saving a superstep and its
        checkpoint (a synced commit on SQLite) before the first agent starts.
        """
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
        if asks:
            return asks
        self.hand_over(state)
        return await self.route_after_dispatch(state)

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

    # -- end ---------------------------------------------------------------------------

    async def aggregate(self, state: MissionState) -> dict[str, Any]:
        """Assemble the MissionResult: success only if every non-shadow subtask succeeded."""
        thread, ns, _ = _superstep()
        handed = self.dispatched.pop((thread, ns), None)
        if handed is not None:
            handed.release()  # a hold on the heap that no board took
        known: dict[str, Any] = {}
        for key in [k for k in self.boards if k[:2] == (thread, ns)]:
            board = self.boards.pop(key)
            if board.done() and not board.cancelled() and board.exception() is None:
                known |= board.result().built
        result = build_result(state, self.parsed, known)
        if self.progress:  # LangGraph Server streams the output channel to every client as it is
            result = redact_result(result)
        data = result.to_dict()
        # the runtime reads this dict back as the run's output: parsed already (`ParseCache.prime`)
        self.parsed.prime(result, data)
        return {"result": data}


def _raw_id(raw: Any) -> str:
    """The id of a mission that did not validate, when it has a usable one."""
    value = raw.get("id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= 200 else "invalid-mission"


def _agent_of(plan: MissionPlan, sid: str) -> str | None:
    return next((s.agent for s in plan.subtasks if s.id == sid), None)


def _subtask_dict(subtask: Subtask) -> dict[str, Any]:
    return subtask.model_dump(mode="json", by_alias=True)
