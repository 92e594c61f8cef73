import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from global_orchestrator.cli import app, main

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_run_status_and_second_run(tmp_path: Path, examples: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    code, out, err = invoke(
        "run", str(examples / "missions/back-to-school.json"), "--db", db, "--model", "echo"
    )
    assert code == 0, err
    assert "mission mission-001 succeeded" in err
    for i in (1, 2, 3):
        assert f"mission-001-seed-{i} (" in err  # one progress line per subtask
    assert "[echo]" in out and "usage: 3 model call(s)" in out

    code, out, _ = invoke("status", "mission-001", "--db", db)
    assert code == 0 and "completed, succeeded" in out

    code, out, _ = invoke("status", "mission-001", "--db", db, "--json")
    assert json.loads(out)["status"] == "completed"


def test_run_json_output(tmp_path: Path, examples: Path) -> None:
    code, out, _ = invoke(
        "run",
        str(examples / "missions/back-to-school.json"),
        "--db",
        f"sqlite:///{tmp_path}/s.db",
        "--model",
        "echo",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["success"] is True and len(data["results"]) == 3 and data["threadId"] == "mission-001"


def test_approval_flow_through_the_cli(tmp_path: Path, examples: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    code, _, err = invoke(
        "run", str(examples / "missions/intake-summary.json"), "--db", db, "--model", "echo"
    )
    assert code == 1
    assert "waiting for approval" in err
    assert (
        "orchestrator resume mission-intake-01 --approve mission-intake-01-seed-1 --approve mission-intake-01-seed-2"
        in err
    )

    code, out, _ = invoke("status", "mission-intake-01", "--db", db)
    assert code == 0 and "waiting_approval" in out and "waiting for approval" in out

    code, _, err = invoke(
        "resume",
        "mission-intake-01",
        "--db",
        db,
        "--model",
        "echo",
        "--approve",
        "mission-intake-01-seed-1",
        "--reject",
        "mission-intake-01-seed-2",
    )
    assert code == 1
    assert "did not succeed" in err

    code, out, _ = invoke("status", "mission-intake-01", "--db", db, "--json")
    data = json.loads(out)
    assert data["status"] == "completed"
    assert data["results"]["mission-intake-01-seed-1"]["status"] == "succeeded"
    # seed-1 is clinical.deidentify: its output re-scans clean, so it carries no `phi` label
    deidentified = data["results"]["mission-intake-01-seed-1"]
    assert deidentified["output"]["rescan_clean"] is True
    assert "Jane Roe" not in json.dumps(deidentified["output"]) and deidentified["labels"] == []
    assert data["results"]["mission-intake-01-seed-2"]["status"] == "blocked"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["status", "ghost", "--db", "sqlite:///{tmp}/s.db"], "no mission run in thread 'ghost'"),
        (
            ["resume", "ghost", "--db", "sqlite:///{tmp}/s.db", "--model", "echo"],
            "no mission run in thread 'ghost'",
        ),
        (["run", "{tmp}/missing.json", "--model", "echo"], "mission file not found"),
        (
            ["run", "{examples}/missions/back-to-school.json", "--db", "mysql://x", "--model", "echo"],
            "unsupported database URL",
        ),
        (["run", "{examples}/missions/back-to-school.json", "--model", "gpt4"], "unknown model 'gpt4'"),
        (["resume", "t", "--approve", "a", "--reject", "a", "--model", "echo"], "both approved and rejected"),
        (["prune", "--older-than", "soon", "--db", "sqlite:///{tmp}/s.db"], "'soon' is not a duration"),
        (
            ["status", "nothing-here", "--db", "sqlite:///{tmp}/s.db"],
            "no mission run in thread 'nothing-here'",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, examples: Path, args: list[str], expected: str
) -> None:
    argv = [a.format(tmp=tmp_path, examples=examples) for a in args]
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], err


def test_marketing_email_to_a_patient_is_blocked_and_no_phi_is_printed(
    tmp_path: Path, examples: Path
) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    mission_file = examples / "missions/phi-leak.json"
    code, out, err = invoke("run", str(mission_file), "--db", db, "--model", "echo")
    assert code == 1
    assert "phi.blocked" in out and "did not succeed" in err
    for secret in ("Maria", "Garcia", "diabetes"):
        assert secret not in out and secret not in err, secret
    # --json is redacted too; the saved result is not, and --show-phi prints it as it is
    code, out, _ = invoke("status", "mission-phi-01", "--db", db, "--json")
    data = json.loads(out)
    assert data["results"]["mission-phi-01-seed-1"]["status"] == "blocked"
    # a browser step: its output is external, and phi because it read the goal's PHI
    assert data["results"]["mission-phi-01-seed-2"]["labels"] == ["external", "phi"]
    assert "Garcia" not in out
    code, out, _ = invoke("status", "mission-phi-01", "--db", db, "--json", "--show-phi")
    assert "Maria Garcia" in out


def test_prune_lists_and_deletes_old_runs(tmp_path: Path, examples: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    assert (
        invoke("run", str(examples / "missions/back-to-school.json"), "--db", db, "--model", "echo")[0] == 0
    )
    code, out, err = invoke("prune", "--older-than", "1d", "--db", db)
    assert code == 0 and out.strip() == "" and "deleted 0 run(s)" in err
    code, out, err = invoke("prune", "--older-than", "0m", "--db", db, "--dry-run")
    assert code == 0 and out.split() == ["mission-001"] and "would delete 1 run(s)" in err
    code, out, err = invoke("prune", "--older-than", "0m", "--db", db)
    assert code == 0 and out.split() == ["mission-001"]
    code, _, _ = invoke("status", "mission-001", "--db", db)
    assert code != 0  # gone: no run in that thread (exit 2 through main(), see below)
