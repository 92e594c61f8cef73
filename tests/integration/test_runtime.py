"""The long-lived runtime: many concurrent missions, shared persistence, database faults survived."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import (
    AgentContext,
    Mission,
    MissionPlan,
    Orchestrator,
    Subtask,
    arun_mission,
)
from global_orchestrator.persistence import PoolSettings
from global_orchestrator.testing import echo_agent, fan_out_mission
from tests.integration.conftest import postgres_url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


AGENTS = {"marketing": echo_agent, "browser": echo_agent}
noop = echo_agent


def mission_and_plan(prefix: str) -> tuple[Mission, MissionPlan]:
    """A 9-subtask mission: one start, seven in parallel, one end."""
    return fan_out_mission(prefix)


def assert_each_result_is_its_own(missions: list[Mission], results: list[Any]) -> None:
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, errors[:3]
    for mission, result in zip(missions, results, strict=True):
        assert result.mission_id == mission.id and result.success, (mission.id, result.issues)
        assert len(result.results) == 9
        for sid, r in result.results.items():
            assert r.output == {"id": sid, "mission": mission.id, "key": f"{mission.id}:{sid}:1"}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
async def test_a_thousand_concurrent_missions_through_one_runtime(backend: str, tmp_path: Path) -> None:
    """1,000 missions at once in one process: all complete, none mixed up, one pool."""
    db = postgres_url() if backend == "postgres" else f"sqlite:///{tmp_path}/state.db"
    pairs = [mission_and_plan(f"k{backend[:2]}") for _ in range(1000)]
    async with Orchestrator(db=db, agents=AGENTS) as orchestrator:
        results = await asyncio.gather(
            *(orchestrator.run(m, plan=p) for m, p in pairs), return_exceptions=True
        )
        assert_each_result_is_its_own([m for m, _ in pairs], results)
        # and each is saved: a status read back through the same runtime agrees
        status = await orchestrator.status(pairs[-1][0].id)
        assert status.status == "completed" and status.success


async def test_concurrent_module_level_calls_share_one_sqlite_connection(tmp_path: Path) -> None:
    """100 `arun_mission` calls at once on a fresh file: no migration race, no `database is locked`."""
    db = f"sqlite:///{tmp_path}/fresh.db"
    pairs = [mission_and_plan("mod") for _ in range(100)]
    results = await asyncio.gather(
        *(arun_mission(m, plan=p, db=db, agents=AGENTS) for m, p in pairs), return_exceptions=True
    )
    assert_each_result_is_its_own([m for m, _ in pairs], results)


def test_four_processes_share_postgres() -> None:
    """4 processes x 250 concurrent missions on one PostgreSQL: all complete, none mixed up."""
    url = postgres_url()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.integration.runtime_worker", url, "250", f"p{i}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["completed"] for r in reports] == [250] * 4
    assert all(r["mixed_up"] == 0 for r in reports)


async def test_dropped_database_connections_mid_run_are_survived() -> None:
    """The server terminates the runtime's connections while missions run: they still complete."""
    import psycopg

    url = postgres_url()
    app = f"go-kill-{uuid.uuid4().hex[:8]}"
    started = asyncio.Event()
    ran: dict[str, int] = {}

    async def slow(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
        ran[f"{ctx.mission.id}:{subtask.id}"] = ran.get(f"{ctx.mission.id}:{subtask.id}", 0) + 1
        started.set()
        await asyncio.sleep(0.3)
        return await noop(subtask, ctx)

    pairs = [mission_and_plan("kill") for _ in range(5)]
    async with Orchestrator(
        db=url, agents={"marketing": slow, "browser": slow}, pool=PoolSettings(application_name=app)
    ) as orchestrator:
        runs = asyncio.gather(*(orchestrator.run(m, plan=p) for m, p in pairs), return_exceptions=True)
        await started.wait()
        killed = 0
        for _ in range(3):  # kill twice more as the pool reconnects
            await asyncio.sleep(0.35)
            async with await psycopg.AsyncConnection.connect(url, autocommit=True) as admin:
                cur = await admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                    (app,),
                )
                row = await cur.fetchone()
                killed += int(row[0]) if row else 0
        results = await runs
    assert killed > 0  # the connections really were terminated under the runs
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, errors[:3]
    for (mission, _), result in zip(pairs, results, strict=True):
        assert result.status == "completed" and result.success, result.issues
        assert result.mission_id == mission.id


async def test_a_pool_whose_idle_connections_were_all_dropped_recovers_at_the_first_checkout(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every idle connection terminated by the server: one broken checkout sweeps out the rest.

    psycopg_pool backs off 1, 2, 4 ... seconds after each broken connection a checkout meets;
    meeting them one by one ran past the pool timeout (PoolTimeout in a run that survived
    the drop otherwise). The pool's check starts a sweep of the idle connections instead.
    """
    import logging

    import psycopg

    from global_orchestrator.persistence import open_persistence

    url = postgres_url()
    app = f"go-sweep-{uuid.uuid4().hex[:8]}"
    async with open_persistence(url, pool=PoolSettings(min_size=8, application_name=app)) as shared:
        pool = shared.saver.conn  # type: ignore[attr-defined]
        await pool.wait(timeout=30)
        assert pool.get_stats()["pool_available"] == 8
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as admin:
            cur = await admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                (app,),
            )
            row = await cur.fetchone()
            assert row is not None and row[0] == 8
        await asyncio.sleep(0.2)  # the terminations reach the clients
        caplog.set_level(logging.INFO, logger="psycopg.pool")
        async with pool.connection() as conn:  # one checkout, as a saver's read makes it
            assert (await (await conn.execute("SELECT 1 AS one")).fetchone())["one"] == 1
        failed = [r for r in caplog.records if "failed check" in r.getMessage()]
        assert 1 <= len(failed) <= 2, [r.getMessage() for r in failed]  # not one per dead connection
        for _ in range(50):  # the sweep replaced the dead ones with working ones
            if pool.get_stats().get("pool_available", 0) >= 7:
                break
            await asyncio.sleep(0.1)
        for _ in range(8):
            async with pool.connection() as conn:
                await conn.execute("SELECT 1")
        assert len([r for r in caplog.records if "failed check" in r.getMessage()]) == len(failed)


@pytest.mark.postgres
async def test_a_quiet_idle_connection_skips_the_round_trip_and_a_terminated_one_does_not() -> None:
    """The pool's checkout check: no round trip for an idle connection the server said nothing on."""
    import psycopg

    from global_orchestrator.persistence import _quiet

    url = postgres_url()
    app = f"go-quiet-{uuid.uuid4().hex[:8]}"
    async with await psycopg.AsyncConnection.connect(url, autocommit=True, application_name=app) as conn:
        await conn.execute("SELECT 1")
        assert _quiet(conn)
        async with conn.transaction():  # not idle: the full check decides
            await conn.execute("SELECT 1")
            assert not _quiet(conn)
        assert _quiet(conn)
        async with await psycopg.AsyncConnection.connect(url, autocommit=True) as admin:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", (app,)
            )
        for _ in range(50):  # the server's FATAL message and the end of the stream arrive
            if not _quiet(conn):
                break
            await asyncio.sleep(0.05)
        assert not _quiet(conn)
    assert not _quiet(conn)  # closed


async def test_memory_retention_evicts_completed_runs() -> None:
    """In-memory persistence keeps at most `memory_retention` completed runs (memory stays flat)."""
    async with Orchestrator(db="memory", agents=AGENTS, memory_retention=5) as orchestrator:
        pairs = [mission_and_plan("mem") for _ in range(20)]
        for m, p in pairs:
            assert (await orchestrator.run(m, plan=p)).success
        saver = orchestrator.graph.checkpointer
        threads = {key for key in saver.storage}
        assert threads == {m.id for m, _ in pairs[-5:]}


def test_sync_orchestrator_for_code_without_a_loop() -> None:
    """`Orchestrator(...).sync()` runs missions from plain sync code (a notebook cell)."""
    with Orchestrator(db="memory", agents=AGENTS).sync() as orchestrator:
        mission, plan = mission_and_plan("sync")
        result = orchestrator.run(mission, plan=plan)
        assert result.success and orchestrator.status(mission.id).status == "completed"
