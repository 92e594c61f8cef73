"""Worker benchmark: missions submitted to RabbitMQ and run by 1, 2 and 4 `orchestrator worker` processes.

    python benchmarks/workers.py --db postgresql://postgres@127.0.0.1:5432/test \\
        [--missions 1000] [--workers 1,2,4] [--concurrency 8] [--quick] [--acceptance] \\
        [--out benchmarks/results/workers.json]

For each worker count, twice: undisturbed, and with one worker SIGKILLed when half the
missions have finished (with one worker, a replacement is started; with more, the others
carry on). Missions are short: start → 2 parallel → end, each agent sleeping 50 ms
(`tests/integration/workers_agents.py`, which workers import with `--agents`).
Reports completed (the queue's state), succeeded (read back from the checkpoints: every
subtask's result there), failed, lost (neither succeeded nor failed), throughput
(missions/s from the first submit to the last finish), p50/p99 submit-to-finish latency
(the database's own clock on both ends), missions delivered again (started on the killed
worker), subtasks run again (finished on the killed worker, not yet saved) and violations
(a subtask run again after its result was saved: must be 0). `--acceptance` runs only
4 workers x 250 missions each (1,000) with one killed. `--quick`: 100 missions. Prints a
table and writes JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.integration.workers_agents import LEDGER_ENV, ledger_entries, mission_and_plan  # noqa: E402

from global_orchestrator import Orchestrator  # noqa: E402
from global_orchestrator.workers import alist_submissions, asubmit_mission  # noqa: E402

CLI = [sys.executable, "-c", "from global_orchestrator.cli import main; main()"]


def start_worker(db: str, queue: str, ledger: Path, concurrency: int, log: Path) -> subprocess.Popen[str]:
    env = {**os.environ, LEDGER_ENV: str(ledger), "ORCHESTRATOR_QUEUE": queue, "ORCHESTRATOR_DB": db}
    with log.open("a") as err:
        proc = subprocess.Popen(
            [
                *CLI,
                "worker",
                "--agents",
                "tests.integration.workers_agents:agents",
                "--model",
                "echo",
                "--concurrency",
                str(concurrency),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], 120)
    line = proc.stdout.readline() if ready else ""
    if "worker ready" not in line:
        raise RuntimeError(f"worker did not start: {line!r}; see {log}")
    return proc


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


async def check_ledger(db: str, prefix: str, ledger: Path, killed: set[int]) -> dict[str, int]:
    """Missions that succeeded (from the checkpoints: completed, every subtask's result), runs
    repeated (in flight at the kill) and violations (a subtask run again after being saved)."""
    runs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for mission, sid, token, pid in ledger_entries(ledger):
        if mission.startswith(prefix):
            runs[(mission, sid)].append((token, pid))
    repeated = violations = missing = succeeded = 0
    async with Orchestrator(db=db) as orchestrator:
        for submission in await alist_submissions(prefix, db=db):
            result = await orchestrator.status(submission.thread_id)
            succeeded += (
                result.status == "completed"
                and result.success
                and set(result.results) == {"start", "w1", "w2", "end"}
            )
            for sid, r in result.results.items():
                seen = runs.get((submission.thread_id, sid), [])
                if not seen or not isinstance(r.output, dict):
                    missing += 1
                    continue
                repeated += len(seen) - 1
                if seen[-1][0] != r.output.get("token") or any(pid not in killed for _t, pid in seen[:-1]):
                    violations += 1
    import psycopg

    like = prefix.replace("_", "\\_") + "%"
    with psycopg.connect(db) as conn:
        row = conn.execute(
            "SELECT count(*) FROM orchestrator_deliveries WHERE thread_id LIKE %s AND deliveries > 1", (like,)
        ).fetchone()
    return {
        "succeeded": succeeded,
        "missions_delivered_again": int(row[0]) if row else 0,
        "subtasks_run_again": repeated,
        "violations": violations,
        "results_without_a_run": missing,
    }


async def scenario(
    db: str, workers: int, missions: int, concurrency: int, kill: bool, tmp: Path
) -> dict[str, Any]:
    queue = f"bench.{uuid.uuid4().hex[:8]}"
    prefix = f"bw-{uuid.uuid4().hex[:6]}-"
    ledger = tmp / f"{prefix}ledger.txt"
    log = tmp / f"{prefix}workers.log"
    procs = [start_worker(db, queue, ledger, concurrency, log) for _ in range(workers)]
    killed: set[int] = set()
    gate = asyncio.Semaphore(16)

    async def submit(i: int) -> None:
        mission, plan = mission_and_plan(f"{prefix}{i:05d}", width=2, sleep=0.05)
        async with gate:
            await asubmit_mission(mission, plan=plan, db=db, queue=queue)

    started = time.monotonic()
    submitting = asyncio.gather(*(submit(i) for i in range(missions)))
    try:
        while True:
            await asyncio.sleep(0.5)
            subs = await alist_submissions(prefix, db=db)
            done = [s for s in subs if s.state in ("completed", "failed")]
            if kill and not killed and len(done) >= missions // 2:
                victim = procs[0]
                victim.send_signal(signal.SIGKILL)
                victim.wait()
                killed.add(victim.pid)
                if workers == 1:
                    procs.append(start_worker(db, queue, ledger, concurrency, log))
            if submitting.done() and len(subs) == missions and len(done) == missions:
                break
            if time.monotonic() - started > 1800:
                break
        await submitting
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=120)
    subs = await alist_submissions(prefix, db=db)
    finished = [s for s in subs if s.state == "completed"]
    latencies = [(s.updated_at - s.submitted_at).total_seconds() for s in finished]
    first = min(s.submitted_at for s in subs)
    last = max(s.updated_at for s in finished) if finished else first
    wall = (last - first).total_seconds()
    checks = await check_ledger(db, prefix, ledger, killed)
    _delete_queue(queue)
    return {
        "workers": workers,
        "concurrency_per_worker": concurrency,
        "missions": missions,
        "killed_one_worker": kill,
        "completed": len(finished),
        "failed": sum(s.state == "failed" for s in subs),
        "lost": missions - checks["succeeded"] - sum(s.state == "failed" for s in subs),
        "wall_s": round(wall, 2),
        "missions_per_s": round(len(finished) / wall, 1) if wall else None,
        "p50_latency_s": round(statistics.median(latencies), 3) if latencies else None,
        "p99_latency_s": round(percentile(latencies, 0.99), 3) if latencies else None,
        **checks,
    }


def _delete_queue(queue: str) -> None:
    import pika

    from global_orchestrator.workers.queue import broker_url

    connection = pika.BlockingConnection(pika.URLParameters(broker_url()))
    try:
        channel = connection.channel()
        for name in (queue, f"{queue}.DQ", f"{queue}.XQ"):
            channel.queue_delete(name)
    finally:
        connection.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", default=os.environ.get("ORCHESTRATOR_TEST_POSTGRES_URL") or os.environ.get("ORCHESTRATOR_DB")
    )
    parser.add_argument("--missions", type=int, default=1000)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--quick", action="store_true", help="100 missions")
    parser.add_argument(
        "--acceptance", action="store_true", help="only 4 workers x 250 missions each, one killed"
    )
    parser.add_argument("--no-kill", action="store_true", help="skip the runs with a worker killed")
    parser.add_argument("--out", default="benchmarks/results/workers.json")
    args = parser.parse_args()
    if not args.db:
        raise SystemExit("--db postgresql://... (or ORCHESTRATOR_TEST_POSTGRES_URL) is required")
    missions = 100 if args.quick else args.missions
    plan: list[tuple[int, int, bool]]
    if args.acceptance:
        plan = [(4, 1000, True)]  # 4 workers x 250 missions each
    else:
        counts = [int(n) for n in args.workers.split(",")]
        plan = [(n, missions, kill) for n in counts for kill in ((False,) if args.no_kill else (False, True))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers, count, kill in plan:
            row = await scenario(args.db, workers, count, args.concurrency, kill, Path(tmp))
            rows.append(row)
            print(json.dumps(row), flush=True)
    print(
        f"\n{'workers':>7} {'killed':>6} {'missions':>8} {'done':>5} {'ok':>5} {'lost':>4} {'m/s':>6} {'p50 s':>6} {'p99 s':>6} {'redeliv':>7} {'rerun':>5} {'viol':>4}"
    )
    for r in rows:
        print(
            f"{r['workers']:>7} {('yes' if r['killed_one_worker'] else 'no'):>6} {r['missions']:>8} {r['completed']:>5} {r['succeeded']:>5} "
            f"{r['lost']:>4} {r['missions_per_s']!s:>6} {r['p50_latency_s']!s:>6} {r['p99_latency_s']!s:>6} "
            f"{r['missions_delivered_again']:>7} {r['subtasks_run_again']:>5} {r['violations']:>4}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {"machine": {"cpus": os.cpu_count(), "python": platform.python_version()}, "runs": rows}, indent=2
        )
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    asyncio.run(main())
