"""The installed `orchestrator` command, run as a user runs it: exit codes must survive."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = shutil.which("orchestrator", path=str(Path(sys.executable).parent))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert EXE, "the orchestrator console script is not installed next to this python"
    return subprocess.run([EXE, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_exit_codes_of_the_real_command(tmp_path: Path) -> None:
    examples = ROOT / "examples"
    assert run("plan", str(examples / "missions/back-to-school.json"), cwd=tmp_path).returncode == 0

    bad = json.loads((examples / "missions/back-to-school.json").read_text())
    bad["constraints"]["budget"] = -5
    (tmp_path / "neg.json").write_text(json.dumps(bad))
    negative = run("plan", "neg.json", "--brands", str(examples / "brands"), cwd=tmp_path)
    assert negative.returncode == 1 and "constraint.budget_not_positive" in negative.stdout

    (tmp_path / "broken.json").write_text("{")
    broken = run("plan", "broken.json", cwd=tmp_path)
    assert broken.returncode == 2 and broken.stderr.startswith("error: invalid JSON")
    assert "Traceback" not in broken.stderr

    usage = run("plan", "--format", "xml", "broken.json", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr

    waiting = run("run", str(examples / "missions/intake-summary.json"), "--model", "echo", cwd=tmp_path)
    assert waiting.returncode == 1 and "waiting for approval" in waiting.stderr
    assert (tmp_path / ".orchestrator/state.db").exists()  # the default SQLite checkpoints

    done = run(
        "resume",
        "mission-intake-01",
        "--model",
        "echo",
        "--approve",
        "mission-intake-01-seed-1",
        "--approve",
        "mission-intake-01-seed-2",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "mission mission-intake-01 succeeded" in done.stderr


@pytest.mark.parametrize("command", [["missions"], ["status", "nothing-here"]])
def test_other_commands(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, cwd=tmp_path)
    expected = 0 if command == ["missions"] else 2
    assert result.returncode == expected, result.stderr
