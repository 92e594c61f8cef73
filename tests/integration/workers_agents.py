"""Agents and missions for the worker tests and `benchmarks/workers.py`, importable by a worker.

    orchestrator worker --agents tests.integration.workers_agents:agents

Each agent sleeps `inputs.sleep` seconds, then appends `<mission> <subtask> <token> <pid>`
to the ledger file named by `ORCHESTRATOR_TEST_LEDGER` (a line means the subtask finished;
the token, unique per run, is in its output beside the tokens of the upstream outputs it
read). A subtask with `inputs.kill` SIGKILLs its worker instead (a poison mission).
"""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from pathlib import Path
from typing import Any

from global_orchestrator import AgentContext, Mission, MissionPlan, Subtask

LEDGER_ENV = "ORCHESTRATOR_TEST_LEDGER"
_LETTERS = str.maketrans("0123456789", "ghijklmnop")
PHI_NOTE = "Jane Roe, MRN 4471023, was seen for type 2 diabetes."


async def sleeper(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
    await asyncio.sleep(float(subtask.inputs.get("sleep", 0.05)))
    if subtask.inputs.get("kill"):  # after the sleep: what finished before is saved by now
        os.kill(os.getpid(), signal.SIGKILL)
    # letters only: a token of ten digits reads as a phone number to the PHI detector
    token = uuid.uuid4().hex[:10].translate(_LETTERS)
    ledger = os.environ.get(LEDGER_ENV)
    if ledger:
        # one write of a short line with O_APPEND: lines of concurrent processes never interleave
        fd = os.open(ledger, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{ctx.mission.id} {subtask.id} {token} {os.getpid()}\n".encode())
        finally:
            os.close(fd)
    if "text" in subtask.inputs:
        return {"text": str(subtask.inputs["text"])}
    saw = {dep: (out or {}).get("token") for dep, out in ctx.upstream.items()}
    return {"done": subtask.id, "token": token, "saw": saw}


agents: dict[str, Any] = {"marketing": sleeper, "browser": sleeper, "clinical": sleeper}


def mission_and_plan(
    thread: str, *, width: int = 2, sleep: float = 0.05, approval: bool = False, kill: bool = False
) -> tuple[Mission, MissionPlan]:
    """`start` → `w1..w<width>` in parallel → `end` (which may need approval)."""
    mission = Mission(
        id=thread,
        type="marketing.campaign",
        goal="Worker test",
        permissions=["agent:clinical", "phi:read", "approval:skip"],
    )
    inputs: dict[str, Any] = {"sleep": sleep}
    subtasks = [
        Subtask(
            id="start", agent="marketing", tool="marketing.draft_copy", description="start", inputs=inputs
        )
    ]
    for i in range(1, width + 1):
        subtasks.append(
            Subtask(
                id=f"w{i}",
                agent="browser",
                tool="browser.fetch",
                description=f"work {i}",
                depends_on=["start"],
                inputs={**inputs, "kill": kill and i == 1},
            )
        )
    subtasks.append(
        Subtask(
            id="end",
            agent="marketing",
            tool="marketing.compile_brief",
            description="finish",
            depends_on=[f"w{i}" for i in range(1, width + 1)],
            requires_approval=approval,
            inputs=inputs,
        )
    )
    return mission, MissionPlan(mission_id=thread, subtasks=subtasks)


def phi_mission_and_plan(thread: str) -> tuple[Mission, MissionPlan]:
    """A clinical subtask whose output carries PHI (labelled `phi`), then a planning step."""
    mission = Mission(
        id=thread,
        type="marketing.campaign",
        goal="Worker PHI test",
        permissions=["agent:clinical", "phi:read", "approval:skip"],
    )
    subtasks = [
        Subtask(
            id="p1",
            agent="clinical",
            tool="clinical.deidentify",
            description="De-identify the note",
            inputs={"text": PHI_NOTE, "sleep": 0.05},
        ),
        Subtask(
            id="p2",
            agent="browser",
            tool="browser.plan",
            description="Plan from it",
            depends_on=["p1"],
            inputs={"sleep": 0.05},
        ),
    ]
    return mission, MissionPlan(mission_id=thread, subtasks=subtasks)


def ledger_entries(path: Path) -> list[tuple[str, str, str, int]]:
    """(mission, subtask, token, pid) per finished agent run, in the order they finished."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        mission, sid, token, pid = line.split()
        out.append((mission, sid, token, int(pid)))
    return out
