"""Runtime benchmark: concurrent missions, per-run start cost, and a memory soak.

    python benchmarks/runtime.py [--quick] [--postgres URL] [--out benchmarks/results/runtime.json]

1. Concurrent missions in one process through one long-lived `Orchestrator`: 100 and 1,000
   missions at once (9 no-op subtasks each), on SQLite and PostgreSQL (the server's
   default `max_connections`): completed (must be all), missions/s, p50/p99 latency,
   peak connections the runtime held (PostgreSQL, from `pg_stat_activity`).
2. Per-run cost of starting a mission: a long-lived runtime vs a module-level call per
   mission (opens and compiles for each), sequential, on SQLite.
3. Soak: sequential missions in one process with the default persistence (`memory`,
   completed runs evicted past `MEMORY_RETENTION`); resident memory sampled along the way.

Prints a table and writes JSON. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from global_orchestrator import Mission, MissionPlan, Orchestrator, arun_mission
from global_orchestrator.persistence import PoolSettings
from global_orchestrator.testing import echo_agent, fan_out_mission

AGENTS = {"marketing": echo_agent, "browser": echo_agent}


def mission_and_plan(prefix: str) -> tuple[Mission, MissionPlan]:
    return fan_out_mission(prefix)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def peak_connections(url: str, app: str, stop: asyncio.Event) -> int:
    import psycopg

    peak = 0
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
        while not stop.is_set():
            cur = await conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", (app,)
            )
            row = await cur.fetchone()
            peak = max(peak, int(row[0]) if row else 0)
            await asyncio.sleep(0.1)
    return peak


async def concurrent(db: str, n: int, label: str) -> dict[str, Any]:
    app = f"bench-{uuid.uuid4().hex[:6]}"
    pairs = [mission_and_plan(label) for _ in range(n)]
    latencies: list[float] = []

    async def one(orchestrator: Orchestrator, m: Mission, p: MissionPlan) -> bool:
        t = time.perf_counter()
        result = await orchestrator.run(m, plan=p)
        latencies.append(time.perf_counter() - t)
        ok = result.success and result.mission_id == m.id
        if not ok:  # say why: status, issues, the subtasks that did not succeed
            bad = {k: (r.status, r.error) for k, r in result.results.items() if r.status != "succeeded"}
            print(f"   {m.id}: {result.status} {[i.code for i in result.issues]} {bad}")
        return ok

    stop = asyncio.Event()
    watcher = asyncio.create_task(peak_connections(db, app, stop)) if db.startswith("postgres") else None
    start = time.perf_counter()
    async with Orchestrator(db=db, agents=AGENTS, pool=PoolSettings(application_name=app)) as orchestrator:
        outcomes = await asyncio.gather(*(one(orchestrator, m, p) for m, p in pairs), return_exceptions=True)
    elapsed = time.perf_counter() - start
    stop.set()
    peak = await watcher if watcher else None
    latencies.sort()
    return {
        "backend": label,
        "missions": n,
        "completed": sum(1 for o in outcomes if o is True),
        "errors": sorted(
            {f"{type(o).__name__}: {o}"[:120] for o in outcomes if isinstance(o, BaseException)}
        )[:3],
        "seconds": round(elapsed, 2),
        "missions_per_s": round(n / elapsed, 1),
        "p50_s": round(latencies[len(latencies) // 2], 3) if latencies else None,
        "p99_s": round(latencies[int(len(latencies) * 0.99) - 1], 3) if latencies else None,
        "peak_connections": peak,
    }


async def start_cost(n: int) -> dict[str, Any]:
    """Alternate a mission through a long-lived runtime and a per-call one, after a warm-up of each."""
    tmp = tempfile.mkdtemp()
    db = f"sqlite:///{tmp}/start.db"
    long_lived: list[float] = []
    per_call: list[float] = []
    async with Orchestrator(db=db, agents=AGENTS) as orchestrator:
        for i in range(n + 1):
            m, p = mission_and_plan("long")
            t = time.perf_counter()
            await orchestrator.run(m, plan=p)
            if i:  # the first of each is the warm-up
                long_lived.append(time.perf_counter() - t)
            m, p = mission_and_plan("call")
            t = time.perf_counter()
            await arun_mission(m, plan=p, db=db, agents=AGENTS)
            if i:
                per_call.append(time.perf_counter() - t)
    a, b = statistics.median(long_lived), statistics.median(per_call)
    return {
        "missions": n,
        "long_lived_ms_per_mission_median": round(a * 1000, 1),
        "per_call_ms_per_mission_median": round(b * 1000, 1),
        "per_call_overhead_ms": round((b - a) * 1000, 1),
    }


async def soak(n: int, every: int) -> dict[str, Any]:
    samples: list[tuple[int, float]] = []
    async with Orchestrator(agents=AGENTS) as orchestrator:  # default persistence: memory
        for i in range(1, n + 1):
            m, p = mission_and_plan("soak")
            await orchestrator.run(m, plan=p)
            if i % every == 0:
                samples.append((i, round(rss_mb(), 1)))
    warm = [mb for i, mb in samples if i > n // 5] or [mb for _, mb in samples]
    return {
        "missions": n,
        "rss_mb_samples": samples,
        "rss_growth_after_warmup_mb": round(max(warm) - min(warm), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer missions (smoke run)")
    parser.add_argument("--postgres", default=os.environ.get("ORCHESTRATOR_TEST_POSTGRES_URL"))
    parser.add_argument("--out", default="benchmarks/results/runtime.json")
    args = parser.parse_args()
    sizes = [100] if args.quick else [100, 1000]
    report: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count()}
    rows = []
    for n in sizes:
        tmp = tempfile.mkdtemp()
        rows.append(await concurrent(f"sqlite:///{tmp}/c.db", n, "sqlite"))
        if args.postgres:
            rows.append(await concurrent(args.postgres, n, "postgres"))
    report["concurrent"] = rows
    print(
        f"{'backend':10} {'n':>5} {'done':>5} {'s':>7} {'miss/s':>7} {'p50 s':>7} {'p99 s':>7} {'conns':>6}"
    )
    for r in rows:
        print(
            f"{r['backend']:10} {r['missions']:>5} {r['completed']:>5} {r['seconds']:>7} {r['missions_per_s']:>7} "
            f"{r['p50_s']:>7} {r['p99_s']:>7} {r['peak_connections'] if r['peak_connections'] is not None else '-':>6}"
        )
        if r["errors"]:
            print("   errors:", r["errors"])
    report["start_cost"] = await start_cost(20 if args.quick else 100)
    print("start cost:", report["start_cost"])
    report["soak"] = await soak(1000 if args.quick else 10_000, 100 if args.quick else 500)
    print("soak:", {k: v for k, v in report["soak"].items() if k != "rss_mb_samples"})
    print("soak rss samples (missions, MB):", report["soak"]["rss_mb_samples"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(f"wrote {out}")


if __name__ == "__main__":
    asyncio.run(main())
