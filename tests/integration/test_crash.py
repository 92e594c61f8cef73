"""Crash test: SIGKILL a mission mid-run, resume it in a new process, nothing re-runs."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

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


def ledger_lines(ledger: Path) -> list[str]:
    return ledger.read_text().split()[::2] if ledger.exists() else []


def test_sigkill_then_resume_runs_every_finished_subtask_once(
    durable_db_url: str, thread_id: str, tmp_path: Path
) -> None:
    ledger = tmp_path / "ledger.txt"
    proc = worker("run", durable_db_url, str(ledger), thread_id)
    # wait until the first wave finished and the fast members of the second wave too,
    # while s2 (3 s) is still running: the kill lands in the middle of a superstep
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(ledger_lines(ledger)) < 5:
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.3)  # let the checkpointer save the finished tasks' writes
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    before = ledger_lines(ledger)
    assert "s2" not in before and "s8" not in before, before
    assert len(before) >= 5

    resumed = worker("resume", durable_db_url, str(ledger), thread_id)
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["status"] == "completed" and result["success"] is True
    assert sorted(result["results"]) == [f"s{i}" for i in range(1, 9)]

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
    assert done["status"] == "completed" and done["success"] is True
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
    time.sleep(0.5)  # p1 is saved; p2 (3 s) is running
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert ledger_lines(ledger) == ["p1"]

    resumed = worker("resume-phi", durable_db_url, str(ledger), thread_id)
    out, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result["status"] == "completed" and result["success"] is False
    assert result["results"]["p1"]["labels"] == ["phi"]  # clinical (de-identify claimed, re-scan not clean)
    assert result["results"]["p2"]["labels"] == [
        "external",
        "phi",
    ]  # a browser step: phi inherited, though its text is clean
    assert result["results"]["p3"]["status"] == "blocked"
    assert ledger_lines(ledger) == ["p1", "p2"]  # the marketing agent never ran
    blocks = [i for i in result["issues"] if i["code"] == "phi.blocked"]
    assert blocks and "p2" in blocks[0]["message"]
    assert "Jane Roe" not in json.dumps(result["issues"]) and "Jane Roe" not in json.dumps(result["logs"])
