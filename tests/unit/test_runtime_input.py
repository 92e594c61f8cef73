"""The runtime refuses a mission it cannot plan before anything is saved."""

from __future__ import annotations

import pytest

from global_orchestrator import Mission, Orchestrator, UnknownMissionTypeError


async def test_an_unknown_type_raises_before_the_thread_holds_a_run() -> None:
    async with Orchestrator(db="memory", memory_retention=10) as orchestrator:
        with pytest.raises(UnknownMissionTypeError, match="unknown mission type 'nope'"):
            await orchestrator.run(Mission(id="u-1", type="nope", goal="g"))
        state = await orchestrator.graph.aget_state({"configurable": {"thread_id": "u-1"}})
        assert not state.values  # nothing saved: the thread is free for a corrected mission
