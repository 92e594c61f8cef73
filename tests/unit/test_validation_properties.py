from hypothesis import given, settings
from hypothesis import strategies as st

from global_orchestrator import Mission, MissionPlan, Severity, Subtask, validate_plan
from global_orchestrator.planner import find_cycle

IDS = st.sampled_from(["a", "b", "c", "d", "e", "f"])
AGENTS = st.sampled_from(
    ["browser", "marketing", "clinical", "self_healing", "shadow", "pilot", "Self-Healing"]
)
TOOLS = st.one_of(
    st.none(),
    st.sampled_from(
        ["browser.fetch", "marketing.draft_copy", "clinical.summarize", "clinical.deidentify", "x.y"]
    ),
    st.text(max_size=12),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["Email patient records", "Promote the webinar", "MRN 1234567", "Draft copy"]),
)
SUBTASKS = st.builds(
    Subtask,
    id=IDS,
    agent=AGENTS,
    description=TEXT,
    tool=TOOLS,
    depends_on=st.lists(st.one_of(IDS, st.text(min_size=1, max_size=3)), max_size=3),
    inputs=st.dictionaries(st.text(max_size=5), TEXT, max_size=2),
    requires_approval=st.booleans(),
)
MISSIONS = st.builds(
    Mission,
    id=st.sampled_from(["m", "n"]),
    type=st.sampled_from(["marketing.campaign", "ops.self_heal", "unknown.type"]),
    goal=st.text(min_size=1, max_size=20),
    permissions=st.lists(st.sampled_from(["agent:clinical", "phi:read", "agent:*", "x"]), max_size=3),
    constraints=st.fixed_dictionaries(
        {},
        optional={
            "budget": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10, 10**7)),
            "max_subtasks": st.integers(-1, 10),
            "allowed_agents": st.lists(AGENTS, max_size=3),
        },
    ),
)


@settings(max_examples=300, deadline=None)
@given(mission=MISSIONS, subtasks=st.lists(SUBTASKS, max_size=7), mission_id=st.sampled_from(["m", "n"]))
def test_validate_plan_never_raises_and_accepted_plans_are_sound(
    mission: Mission, subtasks: list[Subtask], mission_id: str
) -> None:
    plan = MissionPlan(mission_id=mission_id, subtasks=subtasks)
    issues = validate_plan(plan, mission)
    assert all(i.code and i.message for i in issues)
    if not any(i.severity in (Severity.ERROR, Severity.BLOCKED) for i in issues):
        ids = [s.id for s in subtasks]
        assert len(ids) == len(set(ids))
        assert all(dep in ids for s in subtasks for dep in s.depends_on)
        assert find_cycle(subtasks) is None
        assert all(s.family is not None for s in subtasks)
        plan.critical_path()  # acyclic: does not raise
