"""The checkpointer contract, the same on memory, SQLite and PostgreSQL."""

from typing import Any

import pytest

from global_orchestrator import (
    REDACTED,
    AgentContext,
    Mission,
    MissionPlan,
    Subtask,
    aget_mission_status,
    aresume_mission,
    arun_mission,
)


async def work(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
    return {"done": subtask.id, "saw": sorted(ctx.upstream)}


AGENTS = {"marketing": work, "clinical": work}


def fixtures(thread: str) -> tuple[Mission, MissionPlan]:
    mission = Mission(
        id=thread,
        type="marketing.campaign",
        goal="Contract",
        constraints={"budget": 1},
        permissions=["agent:clinical", "phi:read"],
    )
    plan = MissionPlan(
        mission_id=thread,
        subtasks=[
            Subtask(id="a", agent="marketing", tool="marketing.draft_copy", description="first"),
            Subtask(
                id="b",
                agent="clinical",
                tool="clinical.deidentify",
                description="needs approval",
                depends_on=["a"],
                requires_approval=True,
            ),
            Subtask(
                id="c",
                agent="marketing",
                tool="marketing.compile_brief",
                description="last",
                depends_on=["a"],
            ),
        ],
    )
    return mission, plan


async def test_pause_status_resume_round_trip(db_url: str, thread_id: str) -> None:
    mission, plan = fixtures(thread_id)
    paused = await arun_mission(mission, plan=plan, db=db_url, agents=AGENTS)
    assert paused.status == "waiting_approval"
    assert [a.subtask_id for a in paused.pending_approvals] == ["b"]

    # a fresh connection sees the same state
    status = await aget_mission_status(thread_id, db=db_url)
    assert status.status == "waiting_approval" and status.mission_id == thread_id
    assert status.pending_approvals[0].interrupt_id == paused.pending_approvals[0].interrupt_id

    # show_phi: this test reads the clinical output back as stored
    done = await aresume_mission(thread_id, approvals={"b": True}, db=db_url, agents=AGENTS, show_phi=True)
    assert done.status == "completed" and done.success
    assert {k: v.status for k, v in done.results.items()} == {
        "a": "succeeded",
        "b": "succeeded",
        "c": "succeeded",
    }
    assert done.results["b"].output == {"done": "b", "saw": ["a"]}
    assert done.results["b"].labels == ["phi"]  # labels survive checkpoint and resume

    again = await aget_mission_status(thread_id, db=db_url, show_phi=True)
    assert again.status == "completed" and again.success and again.results == done.results
    # resuming a completed run changes nothing
    resumed = await aresume_mission(thread_id, db=db_url, agents=AGENTS, show_phi=True)
    assert resumed.results == done.results
    # without show_phi the clinical output is withheld, everything else is the same
    redacted = await aget_mission_status(thread_id, db=db_url)
    assert redacted.results["b"].output == REDACTED and redacted.results["a"] == done.results["a"]


async def test_prune_deletes_only_runs_older_than_the_cutoff(db_url: str, thread_id: str) -> None:
    import asyncio
    from datetime import UTC, datetime, timedelta

    from global_orchestrator import Orchestrator, UserError, aprune_runs

    old, new = f"{thread_id}-old", f"{thread_id}-new"
    async with Orchestrator(db=db_url, agents=AGENTS) as orchestrator:
        # one open runtime: no call waits on opening the database, so the ages below are exact
        mission, plan = fixtures(old)
        await orchestrator.run(mission, plan=plan)  # pauses for approval
        await asyncio.sleep(1.0)
        middle = datetime.now(UTC)  # "old" was last saved at least 1 s before, "new" 1 s after
        await asyncio.sleep(1.0)
        mission, plan = fixtures(new)
        await orchestrator.run(mission, plan=plan)

        def since_middle() -> timedelta:
            return datetime.now(UTC) - middle

        # only this test's threads (a PostgreSQL database is shared with earlier runs)
        listed = await orchestrator.prune(since_middle(), prefix=thread_id, dry_run=True)
        assert listed == [old]
        assert (await orchestrator.status(old)).status == "waiting_approval"  # dry run kept it
        assert await orchestrator.prune(since_middle(), prefix=thread_id) == [old]
        with pytest.raises(UserError, match="no mission run"):
            await orchestrator.status(old)
        assert (await orchestrator.status(new)).status == "waiting_approval"
    # the module-level call prunes the same way
    assert await aprune_runs(timedelta(0), db=db_url, prefix=thread_id) == [new]
    with pytest.raises(UserError, match="negative"):
        await aprune_runs(timedelta(seconds=-1), db=db_url)
