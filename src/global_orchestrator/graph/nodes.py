"""The graph's nodes: context, planning, guards, approval, dispatch, agents, aggregation.

Cost model: every subtask is one LangGraph task (a `Send` to its family's agent node), so
its result is saved the moment it finishes and a resumed mission never re-runs it. The
per-subtask checks run in one `guard_subtask` task per wave of ready subtasks, not one
task each, which keeps the engine's overhead close to a bare Send wavefront.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langgraph.config import get_stream_writer
from langgraph.types import Send, interrupt
from pydantic import BaseModel

from global_orchestrator.agents.base import AgentContext, call_agent
from global_orchestrator.agents.catalog import ToolCatalog, default_catalog
from global_orchestrator.agents.router import AgentRouter
from global_orchestrator.context import build_mission_context
from global_orchestrator.errors import TransientError
from global_orchestrator.missions.registry import MissionRegistry, default_registry
from global_orchestrator.models import (
    AgentFamily,
    Issue,
    Mission,
    MissionContext,
    MissionPlan,
    MissionResult,
    Severity,
    Subtask,
    SubtaskResult,
    Usage,
)
from global_orchestrator.planner.graph import topological_order
from global_orchestrator.planner.plan import aplan_mission
from global_orchestrator.planner.validation import validate_plan
from global_orchestrator.policies.permissions import check_subtask_permissions
from global_orchestrator.policies.phi import check_phi_related

from .state import MissionState

M = TypeVar("M", bound=BaseModel)


class ParseCache:
    """Parsed models of state dicts, by the dict's identity.

    Within one process LangGraph hands nodes the same channel objects until they change,
    so the plan (thousands of subtasks) is validated once per change instead of in every
    node and for every subtask. The cache keeps a reference to each dict, so an id is never
    reused while its entry lives; it holds only the most recent entries.
    """

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._entries: dict[int, tuple[Any, BaseModel]] = {}

    def get(self, model: type[M], data: Any) -> M:
        """`model.model_validate(data)`, reusing the result for the same dict object."""
        key = id(data)
        hit = self._entries.get(key)
        if hit is not None and hit[0] is data and type(hit[1]) is model:
            return hit[1]
        parsed = model.model_validate(data)
        if len(self._entries) >= self.size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = (data, parsed)
        return parsed


FINAL = frozenset({"succeeded", "failed", "blocked", "skipped"})
PHI = "phi"


def now() -> str:
    """UTC timestamp in ISO format (what results and events carry)."""
    return datetime.now(UTC).isoformat()


def is_transient(exc: BaseException) -> bool:
    """Errors worth retrying: timeouts, dropped connections, rate limits, upstream 5xx."""
    if isinstance(exc, TransientError | TimeoutError | ConnectionError):
        return True
    try:
        import httpx
        import openai
    except ImportError:  # pragma: no cover - both are dependencies
        return False
    if isinstance(exc, httpx.TimeoutException | httpx.NetworkError):
        return True
    if isinstance(exc, httpx.HTTPStatusError):
        return exc.response.status_code == 429 or exc.response.status_code >= 500
    return isinstance(
        exc,
        openai.APITimeoutError
        | openai.APIConnectionError
        | openai.RateLimitError
        | openai.InternalServerError,
    )


@dataclass
class RetrySettings:
    """Retries of transient agent errors inside one subtask task."""

    max_attempts: int = 3
    initial_delay: float = 0.2
    backoff: float = 2.0
    max_delay: float = 5.0
    jitter: float = 0.1

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        base = min(self.max_delay, self.initial_delay * self.backoff ** (attempt - 1))
        return base * (1 + random.uniform(-self.jitter, self.jitter))


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
    parsed: ParseCache = field(default_factory=ParseCache)

    # -- plan phase ------------------------------------------------------------------

    async def build_context(self, state: MissionState) -> dict[str, Any]:
        """Load brand, safety flags, tool availability and healing memory."""
        mission = self.parsed.get(Mission, state["mission"])
        context = build_mission_context(mission, brands_dir=self.brands_dir, catalog=self.catalog)
        return {"context": context.to_dict(), "logs": [f"Built context for {mission.id}"]}

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
                updates[sid] = _result(
                    sid, "blocked", error=f"{issue.code}: {issue.message}", agent=_agent_of(plan, sid)
                )
        logs = [f"Blocked {sid} before it ran" for sid in updates]
        return {"results": updates, "logs": logs} if updates else {}

    async def route_after_guard_plan(self, state: MissionState) -> list[Send] | str:
        """Ask for approvals still undecided, then dispatch; an invalid plan goes to aggregate."""
        plan = self.parsed.get(MissionPlan, state["plan"])
        if plan.has_errors:
            return "aggregate"
        results = state.get("results") or {}
        approvals = state.get("approvals") or {}
        asks = [
            Send("approval", {"subtask": _subtask_dict(s), "mission_id": plan.mission_id})
            for s in plan.subtasks
            if s.requires_approval and s.id not in approvals and s.id not in results
        ]
        return asks or "dispatch"

    async def approval(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Pause for a person's decision on one subtask (`interrupt`); record it."""
        subtask = Subtask.model_validate(payload["subtask"])
        decision = interrupt(
            {
                "type": "approval",
                "missionId": payload["mission_id"],
                "subtaskId": subtask.id,
                "agent": subtask.agent,
                "tool": subtask.tool,
                "description": subtask.description,
                "inputs": subtask.inputs,
                "question": f"Run '{subtask.description}' with the {subtask.agent} agent?",
            }
        )
        approved, reason = parse_decision(decision)
        if approved:
            return {"approvals": {subtask.id: True}, "logs": [f"Approved {subtask.id}"]}
        message = f"'{subtask.id}' was rejected by the approver" + (f": {reason}" if reason else "")
        return {
            "approvals": {subtask.id: False},
            "results": {
                subtask.id: _result(
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
        """Skip subtasks whose dependencies did not succeed; collect the next wave of ready ones."""
        plan = self.parsed.get(MissionPlan, state["plan"])
        results = dict(state.get("results") or {})
        by_id = {s.id: s for s in plan.subtasks}
        skipped: dict[str, dict[str, Any]] = {}
        issues: list[dict[str, Any]] = []
        wave: list[str] = []
        for sid in topological_order(plan.subtasks):
            if sid in results:
                continue
            subtask = by_id[sid]
            bad = [d for d in subtask.depends_on if d in results and results[d]["status"] != "succeeded"]
            if bad:
                cause = bad[0]
                status = results[cause]["status"]
                message = f"'{sid}' was skipped because its dependency '{cause}' {status_verb(status)}"
                results[sid] = skipped[sid] = _result(sid, "skipped", error=message, agent=subtask.agent)
                issues.append(
                    Issue(
                        code="dependency.not_succeeded",
                        severity=Severity.WARNING,
                        message=message,
                        subtask_id=sid,
                    ).to_dict()
                )
            elif all(d in results for d in subtask.depends_on):
                wave.append(sid)
        update: dict[str, Any] = {"wave": wave}
        if skipped:
            update |= {"results": skipped, "issues": issues, "logs": [f"Skipped {sid}" for sid in skipped]}
        return update

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
        for sid in state.get("wave") or []:
            subtask = by_id[sid]
            found = self._check(subtask, mission, results)
            if found is not None:
                issues.append(found)
                status = "failed" if found.code == "routing.no_agent" else "blocked"
                blocked[sid] = _result(
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

    def _check(self, subtask: Subtask, mission: Mission, results: Mapping[str, Any]) -> Issue | None:
        family = subtask.family
        decision = check_subtask_permissions(subtask, mission.permissions, self.catalog)
        if not decision.allowed:
            return _issue(
                "permission.denied", f"'{subtask.id}' is blocked at run time: {decision.reason}", subtask.id
            )
        allowed = mission.constraints.allowed_agents
        if allowed is not None and subtask.agent not in allowed:
            return _issue(
                "constraint.agent_not_allowed",
                f"'{subtask.id}' needs the {subtask.agent} agent, outside allowed_agents",
                subtask.id,
            )
        if family is AgentFamily.MARKETING:
            tainted = [d for d in subtask.depends_on if PHI in (results.get(d, {}).get("labels") or [])]
            if tainted:
                return _issue(
                    "phi.blocked",
                    f"marketing subtask '{subtask.id}' would read PHI-labelled output of '{tainted[0]}'",
                    subtask.id,
                )
            texts = [subtask.description, *_strings(subtask.inputs)]
            hits = [f for text in texts for f in check_phi_related(text).findings]
            if hits:
                return _issue(
                    "phi.blocked",
                    f"marketing subtask '{subtask.id}' carries PHI-related content ('{hits[0].text}')",
                    subtask.id,
                )
        if self.router.route(subtask) is None:
            return Issue(
                code="routing.no_agent",
                severity=Severity.ERROR,
                message=f"no agent can run '{subtask.id}' (family '{subtask.agent}', no fallback configured)",
                subtask_id=subtask.id,
            )
        return None

    async def route_after_guard_subtask(self, state: MissionState) -> list[Send] | str:
        """Send each subtask that passed the guard to its family's agent node."""
        results = state.get("results") or {}
        plan = self.parsed.get(MissionPlan, state["plan"])
        by_id = {s.id: s for s in plan.subtasks}
        sends = []
        payload_common = {"mission": state["mission"], "context": state["context"]}
        for sid in state.get("wave") or []:
            if sid in results:
                continue
            subtask = by_id[sid]
            route = self.router.route(subtask)
            assert route is not None  # the guard stopped unroutable subtasks
            upstream = {d: results[d].get("output") for d in subtask.depends_on}
            labels = sorted({lab for d in subtask.depends_on for lab in results[d].get("labels") or []})
            sends.append(
                Send(
                    f"agent_{node_family(route.family)}",
                    {
                        **payload_common,
                        "subtask": _subtask_dict(subtask),
                        "family": route.family,
                        "fallback_from": route.fallback_from,
                        "upstream": upstream,
                        "labels": labels,
                    },
                )
            )
        return sends or "dispatch"

    async def run_agent(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Run one subtask with its agent; retry transient errors; record the outcome."""
        subtask = Subtask.model_validate(payload["subtask"])
        mission = self.parsed.get(Mission, payload["mission"])
        context = self.parsed.get(MissionContext, payload["context"])
        family: str = payload["family"]
        route = self.router.route(subtask.model_copy(update={"agent": family}))
        assert route is not None
        writer = _writer()
        started = now()
        writer({"event": "subtask_started", "subtaskId": subtask.id, "agent": family, "at": started})
        logs = [f"Executed {subtask.id} with agent {family}"]
        if payload.get("fallback_from"):
            logs[0] += f" (fallback for {payload['fallback_from']})"
        attempt = 0
        while True:
            attempt += 1
            ctx = AgentContext(
                mission=mission,
                context=context,
                subtask_id=subtask.id,
                upstream=payload.get("upstream") or {},
                attempt=attempt,
                model_factory=self.model_factory,
                write=writer,
            )
            try:
                out = await call_agent(route.call, subtask, ctx)
                break
            except Exception as exc:
                if is_transient(exc) and attempt < self.retry.max_attempts:
                    writer(
                        {
                            "event": "subtask_retry",
                            "subtaskId": subtask.id,
                            "attempt": attempt,
                            "error": _describe(exc),
                        }
                    )
                    await asyncio.sleep(self.retry.delay(attempt))
                    continue
                error = _describe(exc)
                result = _result(
                    subtask.id, "failed", error=error, agent=family, attempts=attempt, started=started
                )
                issue = _issue(
                    "subtask.failed", f"'{subtask.id}' failed after {attempt} attempt(s): {error}", subtask.id
                )
                return {
                    "results": {subtask.id: result},
                    "issues": [issue.model_copy(update={"severity": Severity.ERROR}).to_dict()],
                    "logs": [f"{subtask.id} failed: {error}"],
                }
        labels = set(payload.get("labels") or []) | set(out.labels)
        if AgentFamily.parse(family) is AgentFamily.CLINICAL and not out.deidentified:
            labels.add(PHI)
        done = SubtaskResult(
            subtask_id=subtask.id,
            status="succeeded",
            output=out.output,
            attempts=attempt,
            agent=family,
            labels=sorted(labels),
            started_at=datetime.fromisoformat(started),
            finished_at=datetime.now(UTC),
            usage=out.usage,
        )
        return {"results": {subtask.id: done.to_dict()}, "logs": logs}

    # -- end ---------------------------------------------------------------------------

    async def aggregate(self, state: MissionState) -> dict[str, Any]:
        """Assemble the MissionResult: success only if every non-shadow subtask succeeded."""
        return {"result": build_result(state, self.parsed).to_dict()}


def build_result(state: Mapping[str, Any], parsed: ParseCache | None = None) -> MissionResult:
    """The MissionResult for a state (complete or not)."""
    cache = parsed or ParseCache(size=1)
    plan = cache.get(MissionPlan, state["plan"]) if state.get("plan") else None
    results = {k: SubtaskResult.model_validate(v) for k, v in (state.get("results") or {}).items()}
    issues = [*(plan.issues if plan else []), *(Issue.model_validate(i) for i in state.get("issues") or [])]
    primary = [s for s in plan.subtasks if s.family is not AgentFamily.SHADOW] if plan else []
    success = (
        plan is not None
        and not plan.has_errors
        and all(s.id in results and results[s.id].status == "succeeded" for s in primary)
    )
    usage = plan.usage if plan else Usage()
    for r in results.values():
        usage = usage + r.usage
    mission_id = plan.mission_id if plan else str((state.get("mission") or {}).get("id", ""))
    return MissionResult(
        mission_id=mission_id,
        success=success,
        results=results,
        issues=issues,
        logs=list(state.get("logs") or []),
        usage=usage,
    )


def parse_decision(decision: Any) -> tuple[bool, str | None]:
    """Read an approval decision: True/False, "approve"/"reject", or {"approved": bool, "reason": str}."""
    if isinstance(decision, bool):
        return decision, None
    if isinstance(decision, str):
        return decision.strip().lower() in ("approve", "approved", "yes", "y", "true"), None
    if isinstance(decision, Mapping):
        return bool(decision.get("approved")), decision.get("reason")
    return False, f"unreadable decision {decision!r}"


def status_verb(status: str) -> str:
    """How a dependency's status reads in a skip message."""
    return {"failed": "failed", "blocked": "was blocked", "skipped": "was skipped"}.get(
        status, f"ended as {status}"
    )


def node_family(family: str) -> str:
    """The agent node's name suffix for a family (`agent_self_healing`)."""
    return family


def _writer() -> Callable[[Any], None]:
    try:
        return get_stream_writer()
    except RuntimeError:  # called outside a graph run (unit tests of a node)
        return lambda _event: None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _issue(code: str, message: str, subtask_id: str | None) -> Issue:
    return Issue(code=code, severity=Severity.BLOCKED, message=message, subtask_id=subtask_id)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, Sequence):
        return [s for v in value for s in _strings(v)]
    return []


def _agent_of(plan: MissionPlan, sid: str) -> str | None:
    return next((s.agent for s in plan.subtasks if s.id == sid), None)


def _subtask_dict(subtask: Subtask) -> dict[str, Any]:
    return subtask.model_dump(mode="json", by_alias=True)


def _plan_dict(plan: MissionPlan) -> dict[str, Any]:
    data = plan.to_dict()
    data.pop("orchestrationGraph", None)  # derived; never stored twice
    return data


def _result(
    sid: str,
    status: str,
    *,
    error: str | None = None,
    agent: str | None = None,
    attempts: int = 0,
    started: str | None = None,
) -> dict[str, Any]:
    return SubtaskResult.model_validate(
        {
            "subtaskId": sid,
            "status": status,
            "error": error,
            "agent": agent,
            "attempts": attempts,
            "startedAt": started,
            "finishedAt": now(),
        }
    ).to_dict()
