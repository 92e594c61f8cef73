"""Crash test: SIGKILL a mission mid-run, resume it in a new process, nothing re-runs."""

import asyncio
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.integration.crash_worker import saved_results

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.crash_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def ledger_entries(ledger: Path) -> list[tuple[str, str, int]]:
    """(subtask id, token, pid) per finished agent run, in order."""
    if not ledger.exists():
        return []
    return [
        (sid, token, int(pid))
        for sid, token, pid in (line.split() for line in ledger.read_text().splitlines())
    ]


def ledger_lines(ledger: Path) -> list[str]:
    return [sid for sid, _token, _pid in ledger_entries(ledger)]


def wait_until_saved(db: str, thread: str, ids: set[str], proc: subprocess.Popen[str]) -> None:
    """Wait until the checkpoint holds a result for each of `ids` (read from this process)."""
    deadline = time.monotonic() + 60
    saved: set[str] = set()
    while not ids <= saved:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"not saved within 60 s: {sorted(ids - saved)}"
        time.sleep(0.05)
        try:
            saved = set(asyncio.run(saved_results(db, thread)))
        except sqlite3.OperationalError:  # the worker holds the file's write lock: ask again
            continue


DEPS = {"s1": [], **{f"s{i}": ["s1"] for i in range(2, 8)}, "s8": [f"s{i}" for i in range(2, 8)]}


@pytest.mark.parametrize("trial", range(6))
def test_sigkill_at_a_random_moment_then_resume_runs_every_saved_subtask_once(
    durable_db_url: str, thread_id: str, tmp_path: Path, trial: int
) -> None:
    """A kill anywhere in the run: what was saved never runs again, the rest reads it."""
    rng = random.Random(trial)  # seeded: a failing trial can be run again as it was
    ledger = tmp_path / "ledger.txt"
    proc = worker("run", durable_db_url, str(ledger), thread_id)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not ledger_lines(ledger):
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 3.3))  # s1 is done; the rest of the run takes ~3.2 s
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    probe = worker("saved", durable_db_url, str(ledger), thread_id)
    out, err = probe.communicate(timeout=60)
    assert probe.returncode == 0, err
    saved: dict[str, str] = json.loads(out.strip().splitlines()[-1])

    resumed = worker("resume", durable_db_url, str(ledger), thread_id)
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    # (the issues and each subtask's status in the message: a failed trial says why)
    assert result["status"] == "completed" and result["success"] is True, (
        result.get("issues"),
        {sid: (r.get("status"), r.get("error")) for sid, r in result["results"].items()},
    )
    assert sorted(result["results"]) == [f"s{i}" for i in range(1, 9)]
    final = {sid: r["output"] for sid, r in result["results"].items()}

    runs = ledger_entries(ledger)
    again = {sid for sid, _token, pid in runs if pid == resumed.pid}
    # exactly once for saved results: not run again, and the saved output is the final one
    assert not again & set(saved), (saved, runs)
    assert all(final[sid]["token"] == token for sid, token in saved.items())
    # every result came from a run of its own subtask (not matched by call order)
    assert all((sid, final[sid]["token"]) in {(s, t) for s, t, _ in runs} for sid in final)
    assert all(final[sid]["done"] == sid for sid in final)
    # every subtask, saved before the kill or run after the resume, read its dependencies'
    # final outputs (a dependant's write carries what it read, so a kill between its save
    # and its dependency's cannot leave it with a dependency output that was lost)
    for sid in final:
        assert final[sid]["saw"] == {dep: final[dep]["token"] for dep in DEPS[sid]}, (sid, final)
    counts = Counter(sid for sid, _token, _pid in runs)
    assert set(counts) == set(DEPS) and all(n <= 2 for n in counts.values()), counts


def test_a_kill_mid_superstep_keeps_the_finished_fast_subtasks(
    durable_db_url: str, thread_id: str, tmp_path: Path
) -> None:
    """The kill lands while s2 (3 s) runs and s3..s7 are done: only s2 and s8 run after it."""
    ledger = tmp_path / "ledger.txt"
    proc = worker("run", durable_db_url, str(ledger), thread_id)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(ledger_lines(ledger)) < 6:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    wait_until_saved(durable_db_url, thread_id, {"s1", "s3", "s4", "s5", "s6", "s7"}, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    before = ledger_lines(ledger)
    assert sorted(before) == ["s1", "s3", "s4", "s5", "s6", "s7"], before

    resumed = worker("resume", durable_db_url, str(ledger), thread_id)
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["status"] == "completed" and result["success"] is True
    counts = Counter(ledger_lines(ledger))
    assert all(n == 1 for n in counts.values()), counts  # every finished subtask ran exactly once
    assert set(counts) == {f"s{i}" for i in range(1, 9)}


def test_approval_answered_from_another_process(durable_db_url: str, thread_id: str, tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.txt"
    first = worker("run-approval", durable_db_url, str(ledger), thread_id)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    paused = json.loads(out.strip().splitlines()[-1])
    assert paused["status"] == "waiting_approval"
    assert [a["subtaskId"] for a in paused["pendingApprovals"]] == ["s8"]

    second = worker("approve", durable_db_url, str(ledger), thread_id)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    done = json.loads(out.strip().splitlines()[-1])
    # (the issues and each subtask's status in the message: a failed run says why)
    assert done["status"] == "completed" and done["success"] is True, (
        done.get("issues"),
        {sid: (r.get("status"), r.get("error")) for sid, r in done["results"].items()},
    )
    assert Counter(ledger_lines(ledger))["s8"] == 1
    assert Counter(ledger_lines(ledger))["s1"] == 1


def test_phi_label_survives_a_crash_and_still_blocks_marketing(
    durable_db_url: str, thread_id: str, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.txt"
    proc = worker("run-phi", durable_db_url, str(ledger), thread_id)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "p1" not in ledger_lines(ledger):
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    wait_until_saved(durable_db_url, thread_id, {"p1"}, proc)  # p2 (3 s) is running
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert ledger_lines(ledger) == ["p1"]

    resumed = worker("resume-phi", durable_db_url, str(ledger), thread_id)
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["status"] == "completed" and result["success"] is False
    assert result["results"]["p1"]["labels"] == ["phi"]
    assert "phi" in result["results"]["p2"]["labels"]  # inherited, though its text is clean
    assert result["results"]["p3"]["status"] == "blocked"
    assert ledger_lines(ledger) == ["p1", "p2"]  # the marketing agent never ran
    blocks = [i for i in result["issues"] if i["code"] == "phi.blocked"]
    assert blocks and "p2" in blocks[0]["message"]
    assert "Jane Roe" not in json.dumps(result["issues"]) and "Jane Roe" not in json.dumps(result["logs"])
