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
    from datetime import timedelta

    from global_orchestrator import UserError, aprune_runs

    old, new = f"{thread_id}-old", f"{thread_id}-new"
    for thread in (old, new):
        mission, plan = fixtures(thread)
        await arun_mission(mission, plan=plan, agents=AGENTS, db=db_url)  # pauses for approval
        if thread == old:
            await asyncio.sleep(3.0)
    # only this test's threads (a PostgreSQL database is shared with earlier runs)
    # cutoff 1.5 s: "old" was last saved 3 s before "new"; "new" is younger than the cutoff
    # even on a busy machine (each call opens the database again)
    listed = await aprune_runs(timedelta(seconds=1.5), db=db_url, prefix=thread_id, dry_run=True)
    assert listed == [old]
    assert (await aget_mission_status(old, db=db_url)).status == "waiting_approval"  # dry run kept it
    assert await aprune_runs(timedelta(seconds=1.5), db=db_url, prefix=thread_id) == [old]
    with pytest.raises(UserError, match="no mission run"):
        await aget_mission_status(old, db=db_url)
    assert (await aget_mission_status(new, db=db_url)).status == "waiting_approval"
    with pytest.raises(UserError, match="negative"):
        await aprune_runs(timedelta(seconds=-1), db=db_url)
