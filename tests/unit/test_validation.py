from typing import Any

import pytest

from global_orchestrator import Mission, MissionContext, MissionPlan, Severity, Subtask, validate_plan


def mission(**overrides: Any) -> Mission:
    data: dict[str, Any] = {
        "id": "m1",
        "type": "marketing.campaign",
        "goal": "Spring promotion",
        "constraints": {"budget": 1000},
    }
    data.update(overrides)
    return Mission.model_validate(data)


def plan(*subtasks: dict[str, Any], mission_id: str = "m1") -> MissionPlan:
    return MissionPlan(mission_id=mission_id, subtasks=[Subtask.model_validate(s) for s in subtasks])


def task(
    sid: str, agent: str = "marketing", tool: str | None = "marketing.draft_copy", **kw: Any
) -> dict[str, Any]:
    return {"id": sid, "agent": agent, "tool": tool, "description": kw.pop("description", f"Do {sid}"), **kw}


def codes(p: MissionPlan, m: Mission | None = None, **kw: Any) -> dict[str, Severity]:
    return {i.code: i.severity for i in validate_plan(p, m or mission(), **kw)}


def test_a_clean_plan_has_no_issues() -> None:
    assert validate_plan(plan(task("a"), task("b", depends_on=["a"])), mission()) == []


@pytest.mark.parametrize(
    ("the_plan", "the_mission", "code", "severity"),
    [
        (plan(task("a"), task("a")), mission(), "plan.duplicate_id", Severity.ERROR),
        (plan(task("a", depends_on=["ghost"])), mission(), "plan.unknown_dependency", Severity.ERROR),
        (
            plan(task("a", depends_on=["b"]), task("b", depends_on=["a"])),
            mission(),
            "plan.cycle",
            Severity.ERROR,
        ),
        (plan(task("a", depends_on=["a"])), mission(), "plan.cycle", Severity.ERROR),
        (plan(task("a", agent="pilot", tool=None)), mission(), "plan.unknown_agent", Severity.ERROR),
        (plan(task("a", tool="marketing.teleport")), mission(), "plan.unknown_tool", Severity.ERROR),
        (
            plan(task("a", agent="browser", tool="marketing.draft_copy")),
            mission(),
            "plan.unknown_tool",
            Severity.ERROR,
        ),
        (
            plan(task("a", agent="clinical", tool="clinical.summarize")),
            mission(),
            "permission.denied",
            Severity.BLOCKED,
        ),
        (plan(task("a")), mission(constraints={}), "constraint.budget_missing", Severity.WARNING),
        (
            plan(task("a")),
            mission(constraints={"budget": -5}),
            "constraint.budget_not_positive",
            Severity.ERROR,
        ),
        (
            plan(task("a")),
            mission(constraints={"budget": 0}),
            "constraint.budget_not_positive",
            Severity.ERROR,
        ),
        (
            plan(task("a")),
            mission(constraints={"budget": 5e9}),
            "constraint.budget_over_limit",
            Severity.WARNING,
        ),
        (
            plan(task("a"), task("b")),
            mission(constraints={"budget": 10, "maxSubtasks": 1}),
            "constraint.max_subtasks",
            Severity.WARNING,
        ),
        (
            plan(task("a", agent="browser", tool="browser.fetch")),
            mission(constraints={"budget": 10, "allowedAgents": ["marketing"]}),
            "constraint.agent_not_allowed",
            Severity.BLOCKED,
        ),
        (
            plan(task("a")),
            mission(constraints={"budget": 10, "allowedAgents": ["marketing", "wizard"]}),
            "constraint.unknown_allowed_agent",
            Severity.WARNING,
        ),
        (
            plan(task("a", description="Email the patient list their lab results")),
            mission(),
            "phi.blocked",
            Severity.BLOCKED,
        ),
        (
            plan(task("a", inputs={"note": "Include MRN 4471023 in the header"})),
            mission(),
            "phi.blocked",
            Severity.BLOCKED,
        ),
        (
            plan(
                task("c", agent="clinical", tool="clinical.summarize"),
                task("m", depends_on=["c"]),
            ),
            mission(permissions=["agent:clinical", "phi:read"]),
            "phi.flow",
            Severity.BLOCKED,
        ),
        (plan(task("a"), mission_id="other"), mission(), "plan.mission_mismatch", Severity.ERROR),
        (plan(), mission(), "plan.empty", Severity.ERROR),
        (plan(task("a")), mission(type="nope"), "mission.unknown_type", Severity.ERROR),
        (
            plan(task("a")),
            mission(type="browser.research", context={"urls": "not-a-list"}),
            "mission.invalid_input",
            Severity.ERROR,
        ),
    ],
)
def test_each_finding_has_its_code(
    the_plan: MissionPlan, the_mission: Mission, code: str, severity: Severity
) -> None:
    found = codes(the_plan, the_mission)
    assert found.get(code) is severity, found


def test_cycle_message_names_the_cycle() -> None:
    issues = validate_plan(
        plan(
            task("a", depends_on=["c"]), task("b", depends_on=["a"]), task("c", depends_on=["b"]), task("d")
        ),
        mission(),
    )
    [cycle] = [i for i in issues if i.code == "plan.cycle"]
    names = cycle.message.removeprefix("dependency cycle: ").split(" -> ")
    assert names[0] == names[-1] and set(names) == {"a", "b", "c"}


def test_deidentified_clinical_output_may_reach_marketing() -> None:
    p = plan(
        task("c", agent="clinical", tool="clinical.summarize"),
        task("d", agent="clinical", tool="clinical.deidentify", depends_on=["c"]),
        task("m", depends_on=["d"]),
    )
    found = codes(p, mission(permissions=["agent:clinical", "phi:read"]))
    assert "phi.flow" not in found and "permission.denied" not in found


def test_raw_clinical_output_leaking_around_deidentification_is_caught() -> None:
    p = plan(
        task("c", agent="clinical", tool="clinical.summarize"),
        task("d", agent="clinical", tool="clinical.deidentify", depends_on=["c"]),
        task("m", depends_on=["d", "c"]),
    )
    assert codes(p, mission(permissions=["agent:clinical", "phi:read"]))["phi.flow"] is Severity.BLOCKED


def test_health_topics_without_patient_data_are_not_phi() -> None:
    p = plan(task("a", description="Promote our diabetes awareness webinar for the public"))
    assert "phi.blocked" not in codes(p)


def test_permission_wildcards_and_messages() -> None:
    p = plan(task("a", agent="clinical", tool="clinical.summarize"))
    [denied] = [
        i for i in validate_plan(p, mission(permissions=["agent:clinical"])) if i.code == "permission.denied"
    ]
    assert "'phi:read'" in denied.message and denied.subtask_id == "a"
    assert "permission.denied" not in codes(p, mission(permissions=["agent:*", "phi:*"]))


def test_tools_available_in_the_context_count_as_known() -> None:
    p = plan(task("a", agent="browser", tool="browser.screenshot"))
    assert "plan.unknown_tool" in codes(p)
    context = MissionContext(mission_id="m1", tools={"browser": ["browser.screenshot"]})
    assert "plan.unknown_tool" not in codes(p, context=context)
