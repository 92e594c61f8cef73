"""Records in the graph's state: parsing them, building results, reading decisions.

State values are plain JSON dicts (camelCase, as on the wire); these helpers turn them
into models and back without re-validating what did not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel

from global_orchestrator.models import AgentFamily, Issue, MissionPlan, MissionResult, SubtaskResult, Usage

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

    def prime(self, parsed: BaseModel, data: Any) -> None:
        """Remember `parsed` as the model of `data`: its node built both (`data` is its dump).

        Only for a model equal to what validating `data` gives (JSON values only, as
        `kept` makes them): a later `get` of that dict returns it without validating.
        """
        if len(self._entries) >= self.size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[id(data)] = (data, parsed)

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


def now() -> str:
    """UTC timestamp in ISO format (what results and events carry)."""
    return datetime.now(UTC).isoformat()


def kept(result: SubtaskResult) -> tuple[dict[str, Any], SubtaskResult]:
    """A result's state record, and the model that validating the record would give.

    The model is the result with the record's (JSON) output, built without validating
    again: `build_result` takes it for that record (`known`) instead of parsing 1,000
    records it has just written.
    """
    record = result.to_dict()
    return record, result.model_copy(update={"output": record.get("output")})


def build_result(
    state: Mapping[str, Any],
    parsed: ParseCache | None = None,
    known: Mapping[str, tuple[Mapping[str, Any], SubtaskResult]] | None = None,
) -> MissionResult:
    """The MissionResult for a state (complete or not).

    Args:
        state: The graph's state values.
        parsed: The engine's parse cache (the plan is parsed once per change).
        known: Records built in this process with their models (`kept`), by subtask id:
            a record that is that very dict is not validated again.
    """
    cache = parsed or ParseCache(size=1)
    plan = cache.get(MissionPlan, state["plan"]) if state.get("plan") else None
    known = known or {}
    results: dict[str, SubtaskResult] = {}
    for k, v in (state.get("results") or {}).items():
        pair = known.get(k)
        results[k] = pair[1] if pair is not None and pair[0] is v else SubtaskResult.model_validate(v)
    issues = [*(plan.issues if plan else []), *(Issue.model_validate(i) for i in state.get("issues") or [])]
    primary = [s for s in plan.subtasks if s.family is not AgentFamily.SHADOW] if plan else []
    success = (
        plan is not None
        and not plan.has_errors
        and all(s.id in results and results[s.id].status == "succeeded" for s in primary)
    )
    # summed as numbers: a Usage model per addition was ~1% of a 1,000-subtask mission
    parts = [plan.usage] if plan else []
    parts += [r.usage for r in results.values()]
    usage = Usage(
        input_tokens=sum(u.input_tokens for u in parts),
        output_tokens=sum(u.output_tokens for u in parts),
        llm_calls=sum(u.llm_calls for u in parts),
        cost=sum(u.cost for u in parts),
    )
    mission_id = plan.mission_id if plan else str((state.get("mission") or {}).get("id", ""))
    return MissionResult(
        mission_id=mission_id,
        success=success,
        results=results,
        issues=issues,
        logs=[*(state.get("logs") or []), *executed_lines(plan, results)],
        usage=usage,
    )


def executed_lines(plan: MissionPlan | None, results: Mapping[str, SubtaskResult]) -> list[str]:
    """`Executed <id> with agent <family>` for each subtask that ran, in the order they finished.

    Derived from the results rather than kept in state: one log line per subtask in the
    checkpointed state was a third of the engine's cost on large missions.
    """
    planned = {s.id: s.agent for s in plan.subtasks} if plan else {}
    ran = sorted(
        (r for r in results.values() if r.status == "succeeded" and r.finished_at is not None),
        key=lambda r: r.finished_at,  # type: ignore[arg-type, return-value]
    )
    lines = []
    for r in ran:
        line = f"Executed {r.subtask_id} with agent {r.agent}"
        if r.subtask_id in planned and r.agent and r.agent != planned[r.subtask_id]:
            line += f" (fallback for {planned[r.subtask_id]})"
        lines.append(line)
    return lines


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


def result_record(
    sid: str,
    status: str,
    *,
    error: str | None = None,
    agent: str | None = None,
    attempts: int = 0,
    started: str | None = None,
    tool: str | None = None,
    labels: list[str] | None = None,
) -> dict[str, Any]:
    """A `SubtaskResult` as state JSON (finished now)."""
    return SubtaskResult.model_validate(
        {
            "subtaskId": sid,
            "status": status,
            "error": error,
            "agent": agent,
            "tool": tool,
            "attempts": attempts,
            "startedAt": started,
            "finishedAt": now(),
            "labels": labels or [],
        }
    ).to_dict()
