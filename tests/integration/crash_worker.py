"""A mission run in a subprocess for crash and cross-process tests.

    python -m tests.integration.crash_worker run|resume|approve|saved DB LEDGER [THREAD]

Agents sleep, then append `<subtask id> <token> <pid>` to LEDGER: a line means the subtask
finished, and the token (unique per run of a subtask) is in its output, beside the tokens
of the upstream outputs it read. The plan is a diamond of 8 subtasks: s1 → (s2..s7 in
parallel, s2 slow) → s8. `saved` prints the tokens of the results the checkpoint holds
(its channel and the pending writes of the superstep in progress).
`run-phi` / `resume-phi` run a PHI chain instead: p1 (clinical.deidentify whose output
still carries PHI, so it is labelled `phi`) → p2 (browser, slow, rewrites it into clean
text) → p3 (marketing). The plan passes plan-time checks (it goes through
de-identification); p3 must be blocked at run time by the label that p1's checkpointed
result carries, also after a crash.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from global_orchestrator import AgentContext, Mission, MissionPlan, Subtask, aresume_mission, arun_mission
from global_orchestrator.persistence import open_checkpointer

DELAYS = {"s1": 0.2, "s2": 3.0, "s3": 0.3, "s4": 0.4, "s5": 0.5, "s6": 0.6, "s7": 0.7, "s8": 0.2}


def mission(thread: str) -> Mission:
    # no budget: with one, subtasks of unknown cost run one at a time
    return Mission(
        id=thread,
        type="marketing.campaign",
        goal="Crash test",
        permissions=["agent:clinical", "phi:read", "approval:skip"],
    )


def plan(thread: str, approval: bool = False) -> MissionPlan:
    subtasks = [Subtask(id="s1", agent="marketing", tool="marketing.draft_copy", description="start")]
    for i in range(2, 8):
        subtasks.append(
            Subtask(
                id=f"s{i}", agent="browser", tool="browser.fetch", description=f"work {i}", depends_on=["s1"]
            )
        )
    subtasks.append(
        Subtask(
            id="s8",
            agent="marketing",
            tool="marketing.compile_brief",
            description="finish",
            depends_on=[f"s{i}" for i in range(2, 8)],
            requires_approval=approval,
        )
    )
    return MissionPlan(mission_id=thread, subtasks=subtasks)


def ledger_agent(
    ledger: Path, delays: dict[str, float], output: Callable[[str, str, AgentContext], dict[str, Any]]
) -> Callable[[Subtask, AgentContext], Awaitable[dict[str, Any]]]:
    """An agent that sleeps, then appends `<subtask id> <token> <pid>` to the ledger (durably)."""

    async def work(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
        await asyncio.sleep(delays[subtask.id])
        token = uuid.uuid4().hex[:8]
        with ledger.open("a") as f:
            f.write(f"{subtask.id} {token} {os.getpid()}\n")
            f.flush()
            os.fsync(f.fileno())
        return output(subtask.id, token, ctx)

    return work


def agents(ledger: Path) -> dict[str, Any]:
    def output(sid: str, token: str, ctx: AgentContext) -> dict[str, Any]:
        saw = {dep: (out or {}).get("token") for dep, out in ctx.upstream.items()}
        return {"done": sid, "token": token, "saw": saw}

    work = ledger_agent(ledger, DELAYS, output)
    return {"marketing": work, "browser": work}


async def saved_results(db: str, thread: str) -> dict[str, dict[str, Any]]:
    """The results saved for the thread (its channel and the pending writes of the superstep in progress)."""
    async with open_checkpointer(db) as saver:
        saved = await saver.aget_tuple({"configurable": {"thread_id": thread, "checkpoint_ns": ""}})
    if saved is None:
        return {}
    results = dict(saved.checkpoint["channel_values"].get("results") or {})
    for _task, channel, value in saved.pending_writes or []:
        if channel == "results":
            results.update(value)
    return results


async def saved_tokens(db: str, thread: str) -> dict[str, str]:
    """Tokens of the succeeded results saved for the thread, by subtask id."""
    results = await saved_results(db, thread)
    return {sid: r["output"]["token"] for sid, r in results.items() if r.get("status") == "succeeded"}


def phi_plan(thread: str) -> MissionPlan:
    return MissionPlan(
        mission_id=thread,
        subtasks=[
            Subtask(
                id="p1", agent="clinical", tool="clinical.deidentify", description="De-identify the note"
            ),
            Subtask(
                id="p2", agent="browser", tool="browser.plan", description="Rewrite it", depends_on=["p1"]
            ),
            Subtask(
                id="p3",
                agent="marketing",
                tool="marketing.draft_copy",
                description="Write a newsletter",
                depends_on=["p2"],
            ),
        ],
    )


def phi_agents(ledger: Path) -> dict[str, Any]:
    texts = {
        "p1": "Jane Roe, MRN 4471023, was seen for type 2 diabetes.",
        "p2": "Healthy habits for the spring.",  # clean text: only the label can stop p3
        "p3": "newsletter",
    }
    work = ledger_agent(
        ledger, {"p1": 0.1, "p2": 3.0, "p3": 0.1}, lambda sid, _token, _ctx: {"text": texts[sid]}
    )
    return {"clinical": work, "browser": work, "marketing": work}


async def main(command: str, db: str, ledger: Path, thread: str) -> int:
    if command == "saved":
        print(json.dumps(await saved_tokens(db, thread)))
        return 0
    if command == "run-phi":
        result = await arun_mission(mission(thread), plan=phi_plan(thread), db=db, agents=phi_agents(ledger))
    elif command == "resume-phi":
        result = await aresume_mission(thread, db=db, agents=phi_agents(ledger))
    elif command == "run":
        result = await arun_mission(mission(thread), plan=plan(thread), db=db, agents=agents(ledger))
    elif command == "run-approval":
        result = await arun_mission(
            mission(thread), plan=plan(thread, approval=True), db=db, agents=agents(ledger)
        )
    elif command == "resume":
        result = await aresume_mission(thread, db=db, agents=agents(ledger))
    elif command == "approve":
        result = await aresume_mission(thread, approvals={"s8": True}, db=db, agents=agents(ledger))
    else:
        raise SystemExit(f"unknown command {command}")
    print(result.to_json(indent=None))
    return 0


if __name__ == "__main__":
    cmd, db_url, ledger_path = sys.argv[1:4]
    thread_id = sys.argv[4] if len(sys.argv) > 4 else "crash-mission"
    raise SystemExit(asyncio.run(main(cmd, db_url, Path(ledger_path), thread_id)))
