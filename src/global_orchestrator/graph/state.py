"""Graph state: small, JSON-compatible, with reducers that merge instead of copying.

Values are plain dicts in the models' camelCase JSON shape, so checkpoints are readable
and portable (SQLite, PostgreSQL, LangGraph Server); nodes parse them with the pydantic
models at their edges.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Annotated, Any

from langgraph.channels.binop import BinaryOperatorAggregate, _get_overwrite
from typing_extensions import TypedDict  # pydantic needs it on 3.11 for the graph's schemas


def merge_dicts(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any]:
    """Reducer: later keys win (results by subtask id, approvals by subtask id)."""
    if not left:
        return dict(right or {})
    if not right:
        return left
    return {**left, **right}


class MergedDicts(BinaryOperatorAggregate[dict[str, Any]]):
    """The `merge_dicts` channel, merging a superstep's writes in one pass.

    LangGraph's reducer channel folds each write in turn (`merge_dicts(value, write)`), and
    each fold copies the whole dict: with every subtask in one superstep, 10,000 results
    cost 50 million entry copies (~0.45 s; DESIGN-NOTES, "Engine overhead, eighth pass").
    Here the superstep's writes go into one copy, in the order LangGraph hands them over:
    the same value, later keys winning. A batch holding an `Overwrite` goes through
    LangGraph's own fold, as does a channel with no value yet.
    """

    def update(self, values: Sequence[dict[str, Any]]) -> bool:
        """Fold a superstep's writes into the value (True: the channel was updated)."""
        if not values or not isinstance(self.value, dict) or any(_get_overwrite(v)[0] for v in values):
            return super().update(values)
        if not any(values):
            return True  # `merge_dicts(left, empty)` keeps `left` (and its identity)
        merged = dict(self.value)
        for value in values:
            if value:
                merged.update(value)
        self.value = merged
        return True


def keep_result(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any]:
    """Reducer of `result`: the MissionResult `aggregate` writes replaces it; progress does not.

    Served by LangGraph Server (Studio, `langgraph-sdk`), a run's `updates` stream shows
    only the output channel, `result`; so there each agent task also writes its own
    redacted record here (`{"results": {id: record}}`, no `missionId`) for clients to see
    results as they finish. The state keeps none of it: `results` holds the records.
    """
    if right and "missionId" in right:
        return right
    return left if left is not None else {}


class MissionInput(TypedDict, total=False):
    """What a caller (or a LangGraph Studio user) gives the graph."""

    mission: dict[str, Any]
    """The mission JSON."""
    plan: dict[str, Any]
    """Optional: a ready plan; the planner is skipped and the plan is only validated."""


class MissionOutput(TypedDict, total=False):
    """What the graph returns."""

    result: dict[str, Any]
    """The MissionResult JSON."""


EFFECT_FREE_NODES = ("build_context", "plan", "guard_plan", "aggregate")
"""Nodes whose steps start no agent, ask no human and touch nothing outside the state: a
checkpoint that hands over to them need not be synced to the disk on its own (the next
synced commit covers it; `group_commit.py`). `guard_plan` decides and sends the agents'
tasks: the checkpoint after it, which holds those tasks, is synced."""


class MissionState(TypedDict, total=False):
    """The whole state of one mission run (one thread)."""

    mission: dict[str, Any]
    context: dict[str, Any]
    plan: dict[str, Any]
    results: Annotated[dict[str, dict[str, Any]], MergedDicts(dict, merge_dicts)]
    """SubtaskResult JSON by subtask id; each result is written once, when it is final."""
    approvals: Annotated[dict[str, bool], merge_dicts]
    """Decisions on subtasks that need approval."""
    issues: Annotated[list[dict[str, Any]], operator.add]
    logs: Annotated[list[str], operator.add]
    result: Annotated[dict[str, Any], keep_result]
    """The MissionResult JSON, once `aggregate` wrote it (see `keep_result`)."""
