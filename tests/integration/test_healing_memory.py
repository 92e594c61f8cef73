"""Healing memory survives a restart on SQLite and PostgreSQL (the LangGraph store)."""

import subprocess
import sys
from pathlib import Path

import pytest

from global_orchestrator.agents.self_healing import HEALING_NAMESPACE
from global_orchestrator.engine import run_sync
from global_orchestrator.persistence import open_store

ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import asyncio, json, sys
from global_orchestrator import Mission, MissionPlan, RetrySettings, Subtask, arun_mission

calls = {"dead": 0, "backup": 0}

async def dead(subtask, ctx):
    calls["dead"] += 1
    raise TimeoutError("upstream timed out")

async def backup(subtask, ctx):
    calls["backup"] += 1
    return {"by": "backup"}

async def main(db, mid):
    mission = Mission(id=mid, type="browser.research", goal="Research",
                      context={"urls": ["http://127.0.0.1:9/x"]})
    plan = MissionPlan(mission_id=mid, subtasks=[
        Subtask(id="s", agent="browser", tool="browser.plan", description="Plan the research")])
    result = await arun_mission(mission, plan=plan, db=db, agents={"browser": dead, "backup": backup},
                                fallbacks={"browser": "backup"},
                                retry=RetrySettings(max_attempts=3, initial_delay=0.001, jitter=0))
    print(json.dumps({"success": result.success, "agent": result.results["s"].agent, **calls}))

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def run_process(db: str, mission_id: str) -> dict[str, object]:
    import json

    done = subprocess.run(
        [sys.executable, "-c", WORKER, db, mission_id],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


async def forget(db: str) -> None:
    """Start from an empty memory for this failure (a PostgreSQL database outlives test runs)."""
    async with open_store(db) as store:
        for item in await store.asearch((HEALING_NAMESPACE, "browser", "timeout"), limit=100):
            await store.adelete(item.namespace, item.key)


@pytest.mark.slow
def test_remembered_recovery_is_tried_first_after_a_restart(durable_db_url: str, thread_id: str) -> None:
    run_sync(forget(durable_db_url))
    first = run_process(durable_db_url, f"{thread_id}-1")
    # no memory: timeouts are retried (3 attempts), then the fallback heals it
    assert first == {"success": True, "agent": "backup", "dead": 3, "backup": 1}
    second = run_process(durable_db_url, f"{thread_id}-2")
    # a new process, same database: the fallback that worked is tried first
    assert second == {"success": True, "agent": "backup", "dead": 1, "backup": 1}
