"""Events streamed while a mission runs (`astream_mission`): typed and JSON-serialisable.

Every event has `type`, `missionId`, `threadId` and `at`; subtask events add `subtaskId`
and `agent`; `mission_finished` carries the whole `MissionResult`. Send them over SSE or
a websocket as `event.to_json()`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import Field

from global_orchestrator.models import ApprovalRequest, MissionResult, SubtaskStatus, WireModel

EventType = Literal[
    "mission_started",
    "plan_ready",
    "subtask_started",
    "subtask_retry",
    "subtask_succeeded",
    "subtask_failed",
    "subtask_blocked",
    "subtask_skipped",
    "shadow_recorded",
    "approval_needed",
    "mission_finished",
]


STATUS_EVENTS: dict[SubtaskStatus, EventType] = {
    "succeeded": "subtask_succeeded",
    "failed": "subtask_failed",
    "blocked": "subtask_blocked",
    "skipped": "subtask_skipped",
    "shadow": "shadow_recorded",
}
"""The event that reports a subtask result of each status: the one mapping between the two."""
EVENT_STATUSES: dict[EventType, SubtaskStatus] = {event: status for status, event in STATUS_EVENTS.items()}
"""The subtask status an event reports (`subtask_failed` → `failed`), for the events that do."""
FINISHED_EVENTS: frozenset[EventType] = frozenset(e for s, e in STATUS_EVENTS.items() if s != "shadow")
"""Events that end a (primary) subtask."""


class MissionEvent(WireModel):
    """One thing that happened during a mission run."""

    type: EventType
    mission_id: str
    thread_id: str
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    subtask_id: str | None = None
    agent: str | None = None
    message: str | None = None
    """A sentence for a person (errors, block reasons, plan summaries)."""
    data: dict[str, Any] = Field(default_factory=dict)
    """Type-specific details: the subtask's output, the attempt number, the plan ..."""
    approval: ApprovalRequest | None = None
    """With `approval_needed`: what waits for a decision."""
    result: MissionResult | None = None
    """With `mission_finished`: the result (its `status` says if the run paused)."""


async def final_result(
    events: AsyncIterator[MissionEvent], each: Callable[[MissionEvent], Awaitable[Any]] | None = None
) -> MissionResult:
    """Consume a run's events (awaiting `each` on every one); return the `mission_finished` result."""
    result: MissionResult | None = None
    async for event in events:
        if each is not None:
            await each(event)
        if event.type == "mission_finished":
            result = event.result
    assert result is not None, "the run ended without mission_finished"
    return result
