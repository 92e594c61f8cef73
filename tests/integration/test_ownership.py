"""Runs have owners: a principal reads, resumes and approves only its own runs (every checkpointer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from global_orchestrator import APPROVER, Forbidden, Mission, Orchestrator, Principal, UserError
from global_orchestrator.llm import make_chat_model
from global_orchestrator.runtime import run_owner

ROOT = Path(__file__).resolve().parents[2]
INTAKE = json.loads((ROOT / "examples/missions/intake-summary.json").read_text())
IDS = ["mission-intake-01-seed-1", "mission-intake-01-seed-2"]

ALICE = Principal("alice")
ALICE_APPROVER = Principal("alice", frozenset({APPROVER}))
BOB = Principal("bob", frozenset({APPROVER}))


async def test_a_principal_sees_and_decides_only_its_own_runs(db_url: str, thread_id: str) -> None:
    mission = Mission.model_validate(INTAKE)  # userId: clinician-7
    async with Orchestrator(db=db_url, model=make_chat_model("echo")) as orchestrator:
        paused = await orchestrator.run(mission, thread_id=thread_id, principal=ALICE)
        assert paused.status == "waiting_approval"
        # the owner is who asked, recorded in the checkpointed state
        state = await orchestrator.graph.aget_state({"configurable": {"thread_id": thread_id}})
        assert run_owner(state.values) == "alice"

        assert (await orchestrator.status(thread_id, principal=ALICE)).status == "waiting_approval"
        # another principal gets the message a missing run gets, for status and resume alike
        with pytest.raises(UserError) as missing:
            await orchestrator.status(f"{thread_id}-ghost", principal=BOB)
        for call in (
            orchestrator.status(thread_id, principal=BOB),
            orchestrator.resume(thread_id, approvals=dict.fromkeys(IDS, True), principal=BOB),
        ):
            with pytest.raises(Forbidden) as foreign:
                await call
            assert str(foreign.value) == str(missing.value).replace("-ghost", "")
        with pytest.raises(Forbidden):
            async for _ in orchestrator.stream_resume(thread_id, approvals={IDS[0]: True}, principal=BOB):
                pass
        # nor may it start another run in that thread; the error says nothing about the run
        with pytest.raises(Forbidden) as taken:
            await orchestrator.run(mission, thread_id=thread_id, principal=BOB)
        assert "clinical" not in str(taken.value) and "waiting" not in str(taken.value)

        # the owner without the approver role may not approve a clinical step ...
        with pytest.raises(Forbidden, match="needs the 'approver' role"):
            await orchestrator.resume(thread_id, approvals={IDS[0]: True}, principal=ALICE)
        assert (await orchestrator.status(thread_id)).status == "waiting_approval"  # nothing decided
        # ... the owner holding it may
        done = await orchestrator.resume(
            thread_id, approvals={IDS[0]: True, IDS[1]: "approve"}, principal=ALICE_APPROVER
        )
        assert done.status == "completed" and done.success
        assert {r.status for r in done.results.values()} == {"succeeded"}
        # a trusted local caller (principal=None) sees every run
        assert (await orchestrator.status(thread_id)).status == "completed"


async def test_rejecting_needs_no_role_and_the_mission_user_owns_a_trusted_run(
    db_url: str, thread_id: str
) -> None:
    mission = Mission.model_validate(INTAKE)
    async with Orchestrator(db=db_url, model=make_chat_model("echo")) as orchestrator:
        await orchestrator.run(mission, thread_id=thread_id)  # trusted: the owner is userId
        clinician = Principal("clinician-7")
        assert (await orchestrator.status(thread_id, principal=clinician)).status == "waiting_approval"
        with pytest.raises(Forbidden):
            await orchestrator.status(thread_id, principal=ALICE)
        done = await orchestrator.resume(thread_id, approvals=dict.fromkeys(IDS, False), principal=clinician)
        assert done.status == "completed" and not done.success
        assert {r.status for r in done.results.values()} == {"blocked"}


def test_module_functions_take_the_principal(tmp_path: Path) -> None:
    from global_orchestrator import get_mission_status, resume_mission, run_mission

    db = f"sqlite:///{tmp_path}/state.db"
    mission = Mission.model_validate(INTAKE)
    paused = run_mission(mission, db=db, model=make_chat_model("echo"), principal=ALICE)
    assert paused.status == "waiting_approval"
    with pytest.raises(Forbidden):
        get_mission_status(mission.id, db=db, principal=BOB)
    with pytest.raises(Forbidden):
        resume_mission(mission.id, approvals={IDS[0]: True}, db=db, principal=BOB)
    assert get_mission_status(mission.id, db=db, principal=ALICE).status == "waiting_approval"
