from pathlib import Path

import pytest

from global_orchestrator import (
    Mission,
    MissionRegistry,
    Severity,
    get_mission_template,
    list_mission_templates,
    register_mission_template,
    seed_plan_from_template,
    validate_plan,
)
from global_orchestrator.errors import TemplateError, UnknownMissionTypeError
from global_orchestrator.missions import default_registry, parse_template

REQUIRED = {
    "marketing.campaign",
    "browser.research",
    "clinical.intake_summary",
    "marketing.patient_newsletter",
    "ops.self_heal",
    "shadow.evaluate",
}

# Context that satisfies each template's input schema.
CONTEXTS = {
    "browser.research": {"urls": ["https://example.com/a"]},
    "clinical.intake_summary": {"note": "Patient reports fatigue."},
    "marketing.patient_newsletter": {"clinical_content": "General allergy advice."},
    "ops.self_heal": {"automation": "feed-sync", "error": "HTTP 429"},
}


def mission_for(template_id: str) -> Mission:
    template = get_mission_template(template_id)
    return Mission(
        id=f"m-{template_id}",
        type=template_id,
        goal="Launch a spring promotion",
        permissions=template.required_permissions,
        constraints={"budget": 1000},
        context=CONTEXTS.get(template_id, {}),
    )


def test_builtin_templates_cover_the_five_families() -> None:
    ids = {t.id for t in list_mission_templates()}
    assert ids >= REQUIRED
    families = {f.value for t in list_mission_templates() for f in t.families}
    assert families == {"browser", "marketing", "clinical", "self_healing", "shadow"}


@pytest.mark.parametrize("template_id", sorted(REQUIRED))
def test_every_template_renders_a_valid_plan(template_id: str) -> None:
    mission = mission_for(template_id)
    plan = seed_plan_from_template(mission)
    assert plan.source == "template"
    assert [s.id for s in plan.subtasks] == [
        f"{mission.id}-seed-{i}" for i in range(1, len(plan.subtasks) + 1)
    ]
    issues = validate_plan(plan, mission)
    assert [i for i in issues if i.severity in (Severity.ERROR, Severity.BLOCKED)] == []


def test_seed_plan_matches_the_seed_example() -> None:
    mission = Mission(
        id="mission-001",
        type="marketing.campaign",
        goal="Launch a back-to-school TikTok blitz",
        constraints={"budget": 5000},
    )
    plan = seed_plan_from_template(mission)
    assert plan.summary == "Launch a back-to-school TikTok blitz"
    assert [(s.agent, s.tool, s.description, s.depends_on) for s in plan.subtasks] == [
        ("marketing", "marketing.generate_campaign", "Draft campaign creative options", []),
        ("browser", "browser.plan", "Research competitor positioning", []),
        (
            "marketing",
            "marketing.compile_brief",
            "Assemble final campaign brief",
            ["mission-001-seed-1", "mission-001-seed-2"],
        ),
    ]
    # placeholders are filled, and a whole-value placeholder keeps its type
    assert plan.subtasks[0].inputs["goal"] == "Launch a back-to-school TikTok blitz"
    assert plan.subtasks[0].inputs["budget"] == 5000
    assert "channels" not in plan.subtasks[0].inputs  # not given: dropped, not "None"


def test_clinical_subtasks_wait_for_approval_by_default() -> None:
    plan = seed_plan_from_template(mission_for("clinical.intake_summary"))
    assert all(s.requires_approval for s in plan.subtasks)
    assert plan.subtasks[0].inputs == {"text": "Patient reports fatigue."}


def test_unknown_mission_type_lists_the_known_ones() -> None:
    with pytest.raises(UnknownMissionTypeError, match=r"unknown mission type 'nope'.*marketing\.campaign"):
        get_mission_template("nope")


TEMPLATE = """
id: custom.flyer
title: Flyer
subtasks:
  - key: draft
    agent: marketing
    tool: marketing.draft_copy
    description: "Draft a flyer: {goal}"
  - agent: marketing
    tool: marketing.compile_brief
    description: Review for {context.region}
    depends_on: [draft]
"""


def test_user_registers_a_template_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "flyer.yaml"
    path.write_text(TEMPLATE)
    registry = MissionRegistry()
    [template] = registry.load(path)
    assert template.id == "custom.flyer"
    mission = Mission(id="f1", type="custom.flyer", goal="summer sale", context={"region": "EU"})
    plan = seed_plan_from_template(mission, registry=registry)
    assert plan.subtasks[0].description == "Draft a flyer: summer sale"
    assert plan.subtasks[1].description == "Review for EU"
    assert plan.subtasks[1].depends_on == ["f1-seed-1"]
    with pytest.raises(TemplateError, match="already registered"):
        registry.load(path)


def test_user_registers_a_directory_into_the_default_registry(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(TEMPLATE.replace("custom.flyer", "custom.dir_a"))
    (tmp_path / "b.yml").write_text(TEMPLATE.replace("custom.flyer", "custom.dir_b"))
    (tmp_path / "notes.txt").write_text("ignored")
    loaded = register_mission_template(tmp_path)
    assert sorted(t.id for t in loaded) == ["custom.dir_a", "custom.dir_b"]
    assert "custom.dir_a" in default_registry()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: x\ntitle: t\nsubtasks: []", "subtasks"),
        (
            "id: x\ntitle: t\nsubtasks:\n  - {agent: marketing, description: d, depends_on: [zz]}",
            "unknown key 'zz'",
        ),
        (
            "id: x\ntitle: t\nsubtasks:\n  - {agent: marketing, description: '{secret}'}",
            "unknown placeholder",
        ),
        ("id: x\ntitle: t\ncolour: red\nsubtasks:\n  - {agent: marketing, description: d}", "colour"),
        (
            "id: x\ntitle: t\ninput_schema: {context: {type: 12}}\nsubtasks:\n  - {agent: marketing, description: d}",
            "JSON Schema",
        ),
        ("- just a list", "must be a mapping"),
        ("id: [unclosed", "not valid YAML"),
    ],
)
def test_malformed_templates_are_rejected_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)
