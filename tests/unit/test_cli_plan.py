import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from global_orchestrator import MissionPlan
from global_orchestrator.cli import app, main

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_missions_lists_every_template() -> None:
    code, out, _ = run("missions")
    assert code == 0
    for template in ("marketing.campaign", "browser.research", "ops.self_heal", "shadow.evaluate"):
        assert template in out


def test_plan_mermaid_prints_the_seed_plan(examples: Path) -> None:
    code, out, err = run("plan", str(examples / "missions/back-to-school.json"), "--format", "mermaid")
    assert code == 0, err
    assert out.startswith("flowchart TD\n")
    assert out.count('["mission-001-seed-') == 3
    assert "s1_mission_001_seed_1 --> s3_mission_001_seed_3" in out
    assert "s2_mission_001_seed_2 --> s3_mission_001_seed_3" in out
    assert err == "source: template\n"  # the brand is found beside the mission folder: no issues


def test_plan_json_loads_back(examples: Path) -> None:
    code, out, _ = run("plan", str(examples / "missions/back-to-school.json"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["missionId"] == "mission-001" and data["subtasks"][2]["dependsOn"]
    plan = MissionPlan.model_validate(data)
    assert plan.source == "template" and len(plan.subtasks) == 3


def test_plan_table_shows_subtasks_and_source(examples: Path) -> None:
    code, out, _ = run("plan", str(examples / "missions/back-to-school.json"))
    assert code == 0
    assert all(f"mission-001-seed-{i}" in out for i in (1, 2, 3))
    assert "marketing.compile_brief" in out
    assert "source: template" in out


def test_negative_budget_prints_the_budget_issue(tmp_path: Path, examples: Path) -> None:
    data = json.loads((examples / "missions/back-to-school.json").read_text())
    data["constraints"]["budget"] = -5
    path = tmp_path / "neg.json"
    path.write_text(json.dumps(data))
    code, out, err = run("plan", str(path), "--format", "mermaid", "--brands", str(examples / "brands"))
    assert code == 1
    assert "constraint.budget_not_positive" in err and "-5" in err
    assert out.startswith("flowchart TD")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "mission file not found"),
        ('{"id": "m", ', "invalid JSON in"),
        ('{"id": "m", "type": "marketing.campaign", "goal": "g", "budgett": 1}', "budgett: Extra inputs"),
        ('{"id": "m", "type": "marketing.campaign"}', "goal: Field required"),
        ('{"id": "m", "type": "no.such", "goal": "g"}', "unknown mission type 'no.such'"),
        (
            '{"id": "m", "type": "marketing.campaign", "goal": "g", "brandId": "ghost"}',
            "unknown brand 'ghost'",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    path = tmp_path / "mission.json"
    if content is not None:
        path.write_text(content)
    code, out, err = run_main(capsys, "plan", str(path), "--brands", str(tmp_path))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and expected in lines[0]
    assert "Traceback" not in err


def test_user_templates_option(tmp_path: Path) -> None:
    (tmp_path / "flyer.yaml").write_text(
        "id: custom.cli_flyer\ntitle: Flyer\nsubtasks:\n"
        "  - {agent: marketing, tool: marketing.draft_copy, description: 'Flyer for {goal}'}\n"
    )
    mission = tmp_path / "m.json"
    mission.write_text('{"id": "f", "type": "custom.cli_flyer", "goal": "the fair"}')
    code, out, _ = run("plan", str(mission), "--templates", str(tmp_path / "flyer.yaml"), "--format", "json")
    assert code == 0
    assert json.loads(out)["subtasks"][0]["description"] == "Flyer for the fair"


def test_plan_with_a_model_shows_source_and_tokens(examples: Path) -> None:
    code, out, _ = run("plan", str(examples / "missions/back-to-school.json"), "--model", "echo")
    assert code == 0
    # the echo model never answers JSON: three attempts, then the template plan
    assert "source: fallback, 3 model call(s)" in out
    assert "plan.fallback" in out


def test_unknown_model_is_exit_2(capsys: pytest.CaptureFixture[str], examples: Path) -> None:
    code, _, err = run_main(capsys, "plan", str(examples / "missions/back-to-school.json"), "--model", "gpt4")
    assert code == 2 and err.startswith("error: unknown model 'gpt4'")
