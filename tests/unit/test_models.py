import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from global_orchestrator import (
    AgentFamily,
    Issue,
    Mission,
    MissionPlan,
    MissionResult,
    Severity,
    Subtask,
    SubtaskResult,
    Usage,
    load_mission,
    load_plan,
)
from global_orchestrator.errors import MissionFileError


def test_seed_example_mission_loads_unchanged(examples: Path) -> None:
    raw = json.loads((examples / "missions/back-to-school.json").read_text())
    mission = Mission.model_validate(raw)
    assert mission.id == "mission-001"
    assert mission.user_id == "user-123"
    assert mission.brand_id == "brand-789"
    assert mission.constraints.budget == 5000
    assert mission.constraints.currency == "USD"
    assert json.loads(mission.to_json())["userId"] == "user-123"


def test_seed_example_plan_loads_unchanged(examples: Path) -> None:
    plan = load_plan(examples / "missions/back-to-school.plan.json")
    assert [s.id for s in plan.subtasks] == [f"mission-001-seed-{i}" for i in (1, 2, 3)]
    assert plan.subtasks[2].depends_on == ["mission-001-seed-1", "mission-001-seed-2"]
    # the seed ships an empty graph; ours is derived from the subtasks
    graph = plan.orchestration_graph
    assert [n.id for n in graph.nodes] == [s.id for s in plan.subtasks]
    assert {(e.source, e.target) for e in graph.edges} == {
        ("mission-001-seed-1", "mission-001-seed-3"),
        ("mission-001-seed-2", "mission-001-seed-3"),
    }


def test_plan_json_round_trip_is_camel_case(examples: Path) -> None:
    plan = load_plan(examples / "missions/back-to-school.plan.json")
    data = json.loads(plan.to_json())
    assert "missionId" in data and "mission_id" not in data
    assert data["subtasks"][2]["dependsOn"] == ["mission-001-seed-1", "mission-001-seed-2"]
    assert "orchestrationGraph" in data
    assert MissionPlan.model_validate(data) == plan
    # the state's form: everything but the derived graph, and it loads back the same
    state = plan.state_dict()
    assert state == {k: v for k, v in plan.to_dict().items() if k != "orchestrationGraph"}
    assert MissionPlan.model_validate(state) == plan


def test_snake_case_and_camel_case_both_load() -> None:
    camel = Mission.model_validate(
        {"id": "m", "userId": "u", "type": "marketing.campaign", "goal": "g", "brandId": "b"}
    )
    snake = Mission.model_validate(
        {"id": "m", "user_id": "u", "type": "marketing.campaign", "goal": "g", "brand_id": "b"}
    )
    assert camel == snake
    sub = Subtask.model_validate({"id": "a", "agent": "browser", "description": "d", "depends_on": ["x"]})
    assert sub.depends_on == ["x"]


def test_unknown_field_is_rejected_with_its_name() -> None:
    with pytest.raises(ValidationError) as exc:
        Mission.model_validate({"id": "m", "type": "t", "goal": "g", "budgett": 5})
    assert "budgett" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        Subtask.model_validate({"id": "a", "agent": "browser", "description": "d", "tools": "x"})
    assert "tools" in str(exc.value)


def test_constraints_keep_extra_keys() -> None:
    mission = Mission.model_validate(
        {"id": "m", "type": "t", "goal": "g", "constraints": {"budget": 10, "regions": ["EU"]}}
    )
    assert mission.constraints.model_extra == {"regions": ["EU"]}
    assert json.loads(mission.to_json())["constraints"]["regions"] == ["EU"]


def test_agent_names_are_normalised() -> None:
    sub = Subtask(id="a", agent="Self-Healing", description="d")
    assert sub.agent == "self_healing"
    assert sub.family is AgentFamily.SELF_HEALING
    assert Subtask(id="b", agent="pilot", description="d").family is None


def test_result_models_round_trip() -> None:
    result = MissionResult(
        mission_id="m",
        success=False,
        results={
            "a": SubtaskResult(subtask_id="a", status="blocked", error="phi", labels=["phi"], attempts=0)
        },
        issues=[Issue(code="phi.blocked", severity=Severity.BLOCKED, message="no", subtask_id="a")],
        logs=["Executed a"],
        usage=Usage(input_tokens=3, output_tokens=4, llm_calls=1),
    )
    data = json.loads(result.to_json())
    assert data["results"]["a"]["subtaskId"] == "a"
    assert data["usage"]["totalTokens"] == 7
    assert MissionResult.model_validate(data) == result


def test_usage_adds_up() -> None:
    total = Usage(input_tokens=1, output_tokens=2, llm_calls=1, cost=0.5) + Usage(
        input_tokens=10, output_tokens=20, llm_calls=2, cost=1.0
    )
    assert (total.input_tokens, total.output_tokens, total.total_tokens) == (11, 22, 33)
    assert (total.llm_calls, total.cost) == (3, 1.5)


def test_load_mission_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(MissionFileError, match="not found"):
        load_mission(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "m",')
    with pytest.raises(MissionFileError, match=r"invalid JSON in .*bad.json: line 1"):
        load_mission(bad)
    extra = tmp_path / "extra.json"
    extra.write_text('{"id": "m", "type": "t", "goal": "g", "colour": "red"}')
    with pytest.raises(MissionFileError, match="colour: Extra inputs are not permitted"):
        load_mission(extra)
