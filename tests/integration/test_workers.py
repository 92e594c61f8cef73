"""Scale out: missions submitted to RabbitMQ (Dramatiq) and run by `orchestrator worker` processes.

Real parts only: the local RabbitMQ and PostgreSQL, worker subprocesses started here, each
test on a queue of its own. Under CI=true a missing broker fails the tests instead of
skipping them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import select
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from global_orchestrator import aget_mission_status
from global_orchestrator.workers import (
    aget_submission,
    asubmit_mission,
    await_mission,
    follow_mission,
)
from global_orchestrator.workers.queue import DEFAULT_BROKER_URL, enqueue
from tests.integration.conftest import postgres_url
from tests.integration.workers_agents import (
    LEDGER_ENV,
    PHI_NOTE,
    agents,
    ledger_entries,
    mission_and_plan,
    phi_mission_and_plan,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
CLI = [sys.executable, "-c", "from global_orchestrator.cli import main; main()"]


def broker_url() -> str:
    url = os.environ.get("ORCHESTRATOR_BROKER_URL") or DEFAULT_BROKER_URL
    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 5672), timeout=3).close()
    except OSError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"RabbitMQ is not reachable at {parsed.hostname}:{parsed.port}: {exc}")
        pytest.skip(f"RabbitMQ is not reachable: {exc}")
    return url


class Cluster:
    """Worker processes of one test, on a queue of its own, writing one ledger."""

    def __init__(self, db: str, broker: str, tmp: Path) -> None:
        self.db, self.broker, self.tmp = db, broker, tmp
        self.queue = f"test.{uuid.uuid4().hex[:10]}"
        self.ledger = tmp / "ledger.txt"
        self.procs: list[subprocess.Popen[str]] = []

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            LEDGER_ENV: str(self.ledger),
            "ORCHESTRATOR_QUEUE": self.queue,
            "ORCHESTRATOR_BROKER_URL": self.broker,
            "ORCHESTRATOR_DB": self.db,
        }

    def start(self, *extra: str, concurrency: int = 4) -> subprocess.Popen[str]:
        with (self.tmp / f"worker-{len(self.procs)}.log").open("w") as log:
            proc = self._popen(log, extra, concurrency)
        self.procs.append(proc)
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 90)
        line = proc.stdout.readline() if ready else ""
        assert "worker ready" in line, (line, self.logs())
        return proc

    def _popen(self, log: object, extra: tuple[str, ...], concurrency: int) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [
                *CLI,
                "worker",
                "--agents",
                "tests.integration.workers_agents:agents",
                "--model",
                "echo",
                "--concurrency",
                str(concurrency),
                *extra,
            ],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=log,  # type: ignore[arg-type]
            text=True,
        )

    def logs(self) -> str:
        return "\n".join(p.read_text()[-3000:] for p in sorted(self.tmp.glob("worker-*.log")))

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*CLI, *args], cwd=ROOT, env=self.env(), capture_output=True, text=True, timeout=120
        )

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout:
                proc.stdout.close()
        _delete_queues(self.broker, self.queue)


def _delete_queues(broker: str, queue: str) -> None:
    import pika

    connection = pika.BlockingConnection(pika.URLParameters(broker))
    try:
        channel = connection.channel()
        for name in (queue, f"{queue}.DQ", f"{queue}.XQ"):
            channel.queue_delete(name)
    finally:
        connection.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    db = postgres_url()
    group = Cluster(db, broker_url(), tmp_path)
    yield group
    group.stop()


def thread(prefix: str = "w") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


async def test_submit_run_on_a_worker_follow_events_and_read_status(cluster: Cluster) -> None:
    cluster.start()
    tid = thread()
    mission, plan = mission_and_plan(tid, width=3)
    assert await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue) == tid

    events = [item async for item in follow_mission(tid, db=cluster.db)]
    kinds = [item.event.type for item in events]
    assert kinds[0] == "mission_started" and kinds[-1] == "mission_finished", kinds
    assert [item.seq for item in events] == sorted(item.seq for item in events)
    finished = {item.event.subtask_id for item in events if item.event.type == "subtask_succeeded"}
    assert finished == {"start", "w1", "w2", "w3", "end"}
    final = events[-1].event.result
    assert final is not None and final.status == "completed" and final.success

    status = await aget_mission_status(tid, db=cluster.db)  # from the checkpoints
    assert status.status == "completed" and status.success and set(status.results) == finished
    submission = await aget_submission(tid, db=cluster.db)
    assert submission.state == "completed" and submission.mission_id == tid
    runs = Counter(sid for m, sid, _t, _p in ledger_entries(cluster.ledger) if m == tid)
    assert runs == dict.fromkeys(finished, 1)

    # following again replays the stored events; `after` skips what was seen
    again = [item async for item in follow_mission(tid, db=cluster.db)]
    assert [i.seq for i in again] == [i.seq for i in events]
    tail = [item async for item in follow_mission(tid, db=cluster.db, after=events[2].seq)]
    assert [i.seq for i in tail] == [i.seq for i in events[3:]]

    # the CLI follows it the same way
    watched = cluster.cli("watch", tid, "--json")
    assert watched.returncode == 0, watched.stderr
    assert json.loads(watched.stdout)["status"] == "completed"


async def test_a_mission_waiting_for_approval_holds_no_worker_and_another_process_approves(
    cluster: Cluster,
) -> None:
    cluster.start(concurrency=1)  # one mission at a time: a paused one must not hold it
    paused = thread("approval")
    mission, plan = mission_and_plan(paused, width=2, approval=True)
    await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue)
    status = await await_mission(paused, db=cluster.db, timeout=120)
    assert status.status == "waiting_approval"
    assert [a.subtask_id for a in status.pending_approvals] == ["end"]
    assert (await aget_submission(paused, db=cluster.db)).state == "waiting_approval"

    other = thread("other")
    mission2, plan2 = mission_and_plan(other, width=1)
    await asubmit_mission(mission2, plan=plan2, db=cluster.db, queue=cluster.queue)
    done = await await_mission(other, db=cluster.db, timeout=120)
    assert done.status == "completed" and done.success

    # a bad decision is refused at submission, from any process
    bad = cluster.cli("approve", paused, "--approve", "nope")
    assert bad.returncode == 2 and "not waiting for approval: nope" in bad.stderr
    approved = cluster.cli("approve", paused, "--approve", "end")
    assert approved.returncode == 0, approved.stderr
    final = await await_mission(paused, db=cluster.db, timeout=120)
    assert final.status == "completed" and final.success
    runs = Counter(sid for m, sid, _t, _p in ledger_entries(cluster.ledger) if m == paused)
    assert runs == {"start": 1, "w1": 1, "w2": 1, "end": 1}
    # the follower of the first run stopped at the pause; following on after it sees the rest
    first = [item async for item in follow_mission(paused, db=cluster.db, after=0)]
    assert first[-1].event.result is not None and first[-1].event.result.status == "waiting_approval"
    rest = [item async for item in follow_mission(paused, db=cluster.db, after=first[-1].seq)]
    # approvals are asked before anything runs: every subtask ran after the decision
    assert not [i for i in first if i.event.type == "subtask_succeeded"]
    assert {i.event.subtask_id for i in rest if i.event.type == "subtask_succeeded"} == {
        "start",
        "w1",
        "w2",
        "end",
    }
    assert rest[-1].event.result is not None and rest[-1].event.result.status == "completed"
    # by default a follower sees the current (here: the last) piece of the run
    assert [i.seq async for i in follow_mission(paused, db=cluster.db)] == [i.seq for i in rest]


async def test_events_and_status_read_elsewhere_carry_no_phi(cluster: Cluster) -> None:
    cluster.start()
    tid = thread("phi")
    mission, plan = phi_mission_and_plan(tid)
    await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue)
    events = [item.event async for item in follow_mission(tid, db=cluster.db)]
    status = await aget_mission_status(tid, db=cluster.db)
    assert status.results["p1"].labels == ["phi"]
    shown = json.dumps([e.to_dict() for e in events]) + status.to_json()
    assert "Jane Roe" not in shown and "4471023" not in shown
    stored = await aget_mission_status(tid, db=cluster.db, show_phi=True)  # the checkpoint keeps it
    assert stored.results["p1"].output == {"text": PHI_NOTE}


def assert_no_saved_subtask_ran_again(
    ledger: Path, results: dict[str, object], killed: set[int]
) -> Counter[str]:
    """Each saved result is the last run of its subtask; earlier runs were cut short by a kill.

    Returns how many runs were repeated (in flight on a killed worker), by subtask.
    """
    runs: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for mission, sid, token, pid in ledger_entries(ledger):
        runs[(mission, sid)].append((token, pid))
    repeated: Counter[str] = Counter()
    for tid, result in results.items():
        outputs = {sid: r.output for sid, r in result.results.items()}  # type: ignore[attr-defined]
        for sid, output in outputs.items():
            seen = runs[(tid, sid)]
            assert seen, (tid, sid)
            # the saved output is the last run's: nothing ran it again once it was saved
            assert seen[-1][0] == output["token"], (tid, sid, seen)
            # any earlier run was in flight on a killed worker (finished, not yet saved)
            assert all(pid in killed for _token, pid in seen[:-1]), (tid, sid, seen)
            repeated[sid] += len(seen) - 1
            if seen[-1][1] not in killed:
                # a run on a live worker read the saved outputs upstream (one on the killed
                # worker may have read a dependency's run that was not saved yet: the
                # engine's known window, DESIGN-NOTES "Scheduler")
                assert output["saw"] == {dep: outputs[dep]["token"] for dep in output["saw"]}
    return repeated


@pytest.mark.parametrize("trial", range(3))
async def test_sigkill_a_worker_mid_run_loses_nothing_and_reruns_no_saved_subtask(
    cluster: Cluster, trial: int
) -> None:
    rng = random.Random(trial)  # seeded: a failing trial can be run again as it was
    workers = [cluster.start(concurrency=4) for _ in range(2)]
    threads = [thread(f"crash{trial}") for _ in range(12)]
    for tid in threads:
        mission, plan = mission_and_plan(tid, width=3, sleep=0.3)
        await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue)
    deadline = time.monotonic() + 60
    while not ledger_entries(cluster.ledger):
        assert time.monotonic() < deadline, cluster.logs()
        await asyncio.sleep(0.02)
    await asyncio.sleep(rng.uniform(0.0, 1.2))  # all 12 take 2 s or more on two workers
    victim = rng.choice(workers)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    unfinished = [t for t in threads if (await aget_submission(t, db=cluster.db)).state != "completed"]
    assert unfinished, "the kill came after every mission had finished"
    cluster.start(concurrency=4)  # a replacement: two workers again

    results = dict(
        zip(
            threads,
            await asyncio.gather(*(await_mission(t, db=cluster.db, timeout=180) for t in threads)),
            strict=True,
        )
    )
    assert all(r.status == "completed" and r.success for r in results.values()), cluster.logs()
    assert all(set(r.results) == {"start", "w1", "w2", "w3", "end"} for r in results.values())
    assert_no_saved_subtask_ran_again(cluster.ledger, dict(results), {victim.pid})


async def test_two_workers_never_run_one_mission_at_once(cluster: Cluster) -> None:
    """A second message for a thread that runs elsewhere waits for the lease, then finds it done."""
    cluster.start(concurrency=2)
    cluster.start(concurrency=2)
    tid = thread("lease")
    mission, plan = mission_and_plan(tid, width=2, sleep=1.0)
    await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue)
    deadline = time.monotonic() + 60
    while not any(m == tid for m, *_ in ledger_entries(cluster.ledger)):
        assert time.monotonic() < deadline, cluster.logs()
        await asyncio.sleep(0.02)
    duplicate = {
        "kind": "run",
        "thread": tid,
        "submission": uuid.uuid4().hex,
        "mission": mission.to_dict(),
        "plan": plan.to_dict(),
    }
    for _ in range(2):  # whichever worker takes them, the lease is held by the run
        await asyncio.to_thread(enqueue, duplicate, url=cluster.broker, queue=cluster.queue)  # type: ignore[arg-type]
    result = await await_mission(tid, db=cluster.db, timeout=120)
    assert result.status == "completed" and result.success
    deadline = time.monotonic() + 30
    while "leased by another run" not in cluster.logs():
        assert time.monotonic() < deadline, cluster.logs()
        await asyncio.sleep(0.1)
    await asyncio.sleep(2.5)  # the delayed copies come back, find the run completed, and end
    runs = Counter(sid for m, sid, _t, _p in ledger_entries(cluster.ledger) if m == tid)
    assert runs == {"start": 1, "w1": 1, "w2": 1, "end": 1}, cluster.logs()


async def test_a_mission_that_kills_every_worker_ends_failed_after_bounded_deliveries(
    cluster: Cluster,
) -> None:
    tid = thread("poison")
    mission, plan = mission_and_plan(tid, width=1, kill=True, sleep=0.3)
    await asubmit_mission(mission, plan=plan, db=cluster.db, queue=cluster.queue)
    proc = cluster.start("--max-deliveries", "2", concurrency=2)
    deaths = 0
    deadline = time.monotonic() + 180
    while (await aget_submission(tid, db=cluster.db)).state != "failed":
        assert time.monotonic() < deadline, cluster.logs()
        if proc.poll() is not None:
            assert proc.returncode == -signal.SIGKILL
            deaths += 1
            proc = cluster.start("--max-deliveries", "2", concurrency=2)
        await asyncio.sleep(0.1)
    assert deaths == 2  # two deliveries killed a worker; the third gave the mission up
    assert proc.poll() is None

    status = await aget_mission_status(tid, db=cluster.db)
    assert status.status == "completed" and not status.success
    poison = [i for i in status.issues if i.code == "worker.poison"]
    assert poison and "2 deliveries" in poison[0].message and poison[0].severity == "error"
    submission = await aget_submission(tid, db=cluster.db)
    assert submission.issue is not None and submission.issue["code"] == "worker.poison"
    events = [item.event async for item in follow_mission(tid, db=cluster.db, after=0)]
    last = [e for e in events if e.type == "mission_finished"][-1]
    assert last.result is not None and not last.result.success
    # the subtask saved before the kills never ran again
    assert Counter(sid for m, sid, _t, _p in ledger_entries(cluster.ledger) if m == tid) == {"start": 1}


async def test_following_a_thread_never_submitted_says_so() -> None:
    from global_orchestrator.errors import UserError

    with pytest.raises(UserError, match="was never submitted"):
        async for _item in follow_mission(thread("never"), db=postgres_url()):
            pass


async def test_workers_share_state_through_postgresql_only() -> None:
    from global_orchestrator.errors import UserError

    mission, plan = mission_and_plan(thread("sqlite"))
    with pytest.raises(
        UserError, match=r"workers need a PostgreSQL database \(postgresql://...\), got 'sqlite:'"
    ):
        await asubmit_mission(mission, plan=plan, db="sqlite:///state.db")


def test_worker_command_names_an_agents_spec_it_cannot_import(tmp_path: Path) -> None:
    done = subprocess.run(
        [*CLI, "worker", "--db", "postgresql://nobody@127.0.0.1:1/none", "--agents", "no_such_module:agents"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--agents: cannot import 'no_such_module:agents'" in done.stderr


class _Crash(BaseException):
    """A crash stand-in: no `Exception`, so nothing in the runtime catches it."""


@pytest.mark.parametrize("step", [1, 2, 3, 4])
async def test_a_crash_between_saved_writes_and_their_checkpoint_is_incomplete_not_completed(
    step: int,
) -> None:
    """A worker killed after a step's tasks saved their writes, before the step's checkpoint.

    LangGraph's `next` is then empty (the step's tasks are done, the next step is not
    planned yet): the run must read as incomplete, and resuming it must finish it, or a
    redelivered message would find it "completed" with nothing run (seen in the benchmark).
    """
    from langgraph.checkpoint.memory import InMemorySaver

    from global_orchestrator import Orchestrator

    class CrashingSaver(InMemorySaver):
        crash_at: int | None = step

        async def aput(self, config, checkpoint, metadata, new_versions):  # type: ignore[no-untyped-def]
            if metadata.get("step") == self.crash_at:
                self.crash_at = None
                raise _Crash
            return await super().aput(config, checkpoint, metadata, new_versions)

    tid = thread("window")
    mission, plan = mission_and_plan(tid, width=2)
    async with Orchestrator(db=CrashingSaver(), agents=agents) as orchestrator:
        with pytest.raises(_Crash):
            await orchestrator.run(mission, plan=plan)
        assert (await orchestrator.status(tid)).status == "incomplete"
        result = await orchestrator.resume(tid)
    assert result.status == "completed" and result.success
    assert set(result.results) == {"start", "w1", "w2", "end"}


async def test_a_silent_workers_lease_expires_and_a_live_one_keeps_its_lease() -> None:
    """The lease session ends when its worker stops pinging (a lost machine); pinged, it lives."""
    import psycopg

    from global_orchestrator.workers.worker import _LEASE_KEY, Leases

    db = postgres_url()
    live, silent = Leases(db, 0.5, 2.0), Leases(db, 0.5, 2.0)
    await live.open()
    await silent.open()
    assert silent._watch is not None
    silent._watch.cancel()  # a frozen or cut-off worker: no more pings (and no exit here)
    kept, lost = thread("kept"), thread("lost")
    try:
        assert await live.acquire(kept) and await silent.acquire(lost)
        assert not await live.acquire(kept)  # re-entrant in PostgreSQL, not here
        async with await psycopg.AsyncConnection.connect(db, autocommit=True) as other:

            async def take(tid: str) -> bool:
                cur = await other.execute(
                    "SELECT pg_try_advisory_lock(hashtextextended(%s, %s))", (tid, _LEASE_KEY)
                )
                row = await cur.fetchone()
                return bool(row and row[0])

            assert not await take(kept) and not await take(lost)
            await asyncio.sleep(3.5)
            assert await take(lost)  # the silent session was ended by the server
            assert not await take(kept)  # the pinged one still holds its lease
    finally:
        await live.close()
        with contextlib.suppress(Exception):
            await silent.close()
