"""Event fields an agent can reach, and the output a LangGraph Server client streams.

An agent's stream writer (`ctx.write`) reaches the run's events: whatever it puts in an
event's fields (subtask id, agent, attempt, strategy, error) is redacted like messages.
The graph served to LangGraph Studio (compiled without a checkpointer) streams its
output channel, `result`, to every client: the final `MissionResult` there is redacted.
"""

from __future__ import annotations

from typing import Any

from global_orchestrator import AgentContext, Subtask, astream_mission
from global_orchestrator.runtime import RunOptions, compile_graph
from tests.security.helpers import (
    CLINICAL_GRANTS,
    IDENTIFIERS,
    NOTE,
    REDACTED,
    assert_clean,
    mission,
    plan,
    raw_clinical,
    step,
)


async def test_events_written_by_an_agent_are_redacted_in_every_field() -> None:
    """Attack: a custom agent writes stream events with the patient's note in every field."""

    async def writer(subtask: Subtask, ctx: AgentContext) -> Any:
        fields = {"subtaskId": NOTE, "agent": NOTE, "attempt": NOTE, "strategy": NOTE, "error": NOTE}
        ctx.write({"event": "subtask_retry", **fields})
        ctx.write({"event": "subtask_started", **fields, "extra": {NOTE: [NOTE]}})
        return {"text": "done"}

    m = mission("evf-writer")
    events = [
        e
        async for e in astream_mission(
            m, plan=plan(m, step("b", "browser", "browser.plan", "Look up")), agents={"browser": writer}
        )
    ]
    forged = [e for e in events if e.type == "subtask_retry"]
    assert forged, [e.type for e in events]
    for event in events:
        assert_clean(event, where=f"{event.type} event")


async def test_the_studio_graph_streams_a_redacted_result() -> None:
    """Attack: a LangGraph Server client reads the `updates` stream's output channel of a PHI run."""
    m = mission("evf-studio", permissions=CLINICAL_GRANTS)
    p = plan(m, step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}))
    graph = compile_graph(RunOptions(agents={"clinical": raw_clinical}))  # no checkpointer: Studio's way
    results = [
        update["result"]
        async for chunk in graph.astream({"mission": m.to_dict(), "plan": p.to_dict()}, stream_mode="updates")
        for update in chunk.values()
        if isinstance(update, dict) and "result" in update
    ]
    final = next(r for r in results if "missionId" in r)
    assert final["results"]["c"]["output"] == REDACTED
    for result in results:
        assert_clean(result, IDENTIFIERS, where="streamed result channel")
