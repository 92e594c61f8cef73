"""PHI never reaches a marketing agent: leak tests through the public API.

Each leak must be blocked before the marketing agent runs, with an issue that names the
category or the source and never the PHI value. (The crash-and-resume case is in
tests/integration/test_crash.py; the shadow candidate case in test_shadow.py.)
"""

import json
from typing import Any

from global_orchestrator import (
    AgentContext,
    AgentOutput,
    Mission,
    MissionPlan,
    MissionResult,
    Subtask,
    arun_mission,
)

NOTE = "Patient Maria Garcia (DOB 04/12/1958, MRN 7730142) was seen for type 2 diabetes."
VALUES = ("Maria Garcia", "04/12/1958", "7730142")


def mission(mid: str) -> Mission:
    return Mission.model_validate(
        {
            "id": mid,
            "type": "marketing.patient_newsletter",
            "goal": "Spring wellness newsletter",
            # approval:skip: these tests are about the flow rule, not the approval pause
            "permissions": ["agent:clinical", "phi:read", "approval:skip"],
            "context": {"clinical_content": NOTE},
        }
    )


class Marketing:
    def __init__(self) -> None:
        self.ran: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.ran.append(subtask.id)
        return {"text": "newsletter", "read": sorted(ctx.upstream)}


async def raw_clinical(subtask: Subtask, ctx: AgentContext) -> Any:
    return {"text": NOTE}


async def rewriter(subtask: Subtask, ctx: AgentContext) -> Any:
    # an intermediate browser/LLM step that rewrites its input into clean-looking text
    return {"text": "Tips for a healthy spring."}


def step(sid: str, agent: str, tool: str, description: str = "Do it", **kw: Any) -> Subtask:
    return Subtask(id=sid, agent=agent, tool=tool, description=description, **kw)


def assert_no_phi_values(result: MissionResult) -> None:
    shown = json.dumps([i.to_dict() for i in result.issues]) + json.dumps(result.logs)
    shown += json.dumps({k: r.error for k, r in result.results.items()})
    for value in VALUES:
        assert value not in shown, value


async def run(mid: str, subtasks: list[Subtask], marketing: Marketing, **agents: Any) -> MissionResult:
    return await arun_mission(
        mission(mid),
        plan=MissionPlan(mission_id=mid, subtasks=subtasks),
        agents={"marketing": marketing, **agents},
    )


async def test_phi_in_a_marketing_description_is_blocked() -> None:
    marketing = Marketing()
    result = await run(
        "f1",
        [step("m", "marketing", "marketing.draft_copy", f"Email {VALUES[0]} about her diabetes results")],
        marketing,
    )
    assert marketing.ran == [] and result.results["m"].status == "blocked" and not result.success
    issue = next(i for i in result.issues if i.code == "phi.blocked")
    assert "name" in issue.message
    assert_no_phi_values(result)


async def test_phi_in_marketing_inputs_is_blocked() -> None:
    marketing = Marketing()
    result = await run(
        "f2",
        [step("m", "marketing", "marketing.draft_copy", "Write a newsletter", inputs={"source": NOTE})],
        marketing,
    )
    assert marketing.ran == [] and result.results["m"].status == "blocked"
    assert any(i.code == "phi.blocked" for i in result.issues)
    assert_no_phi_values(result)


async def test_raw_clinical_output_never_reaches_marketing_directly() -> None:
    marketing = Marketing()
    result = await run(
        "f3",
        [
            step("c", "clinical", "clinical.summarize", "Summarise the note", inputs={"text": NOTE}),
            step("m", "marketing", "marketing.draft_copy", "Write a newsletter", depends_on=["c"]),
        ],
        marketing,
        clinical=raw_clinical,
    )
    assert marketing.ran == [] and result.results["m"].status == "blocked"
    assert result.results["c"].labels == ["phi"]
    assert {i.code for i in result.issues} & {"phi.flow", "phi.blocked"}
    assert_no_phi_values(result)


async def test_phi_label_flows_through_a_rewriting_step() -> None:
    """Clinical → browser (rewrites into clean text) → marketing: the label, not the content, blocks."""
    marketing = Marketing()

    async def leaky_deidentify(subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        # claims de-identification but leaves the name: the engine's re-scan catches it
        return AgentOutput(output={"text": NOTE}, deidentified=True)

    result = await run(
        "f4",
        [
            step("c", "clinical", "clinical.deidentify", "De-identify", inputs={"text": NOTE}),
            step("b", "browser", "browser.plan", "Rewrite it for the web", depends_on=["c"]),
            step("m", "marketing", "marketing.draft_copy", "Write a newsletter", depends_on=["b"]),
        ],
        marketing,
        clinical=leaky_deidentify,
        browser=rewriter,
    )
    assert result.results["c"].labels == ["phi"]  # re-scan found PHI despite the claim
    assert result.results["b"].status == "succeeded" and result.results["b"].labels == ["external", "phi"]
    assert marketing.ran == [] and result.results["m"].status == "blocked"
    block = next(i for i in result.issues if i.code == "phi.blocked")
    assert "'b'" in block.message
    assert_no_phi_values(result)


async def test_deidentified_path_is_allowed_when_the_rescan_is_clean() -> None:
    """The real clinical.deidentify → marketing: allowed, and marketing reads placeholders only."""
    marketing = Marketing()
    result = await run(
        "f5",
        [
            step("c", "clinical", "clinical.deidentify", "De-identify", inputs={"text": NOTE}),
            step("b", "browser", "browser.plan", "Rewrite it for the web", depends_on=["c"]),
            step("m", "marketing", "marketing.draft_copy", "Write a newsletter", depends_on=["b"]),
        ],
        marketing,
        browser=rewriter,
    )
    assert result.success, result.issues
    assert result.results["c"].labels == [] and result.results["c"].output["rescan_clean"] is True
    assert all(v not in json.dumps(result.results["c"].output) for v in VALUES)
    assert marketing.ran == ["m"]


async def test_publishing_tools_are_guarded_like_marketing() -> None:
    from global_orchestrator.agents.catalog import ToolSpec, default_catalog
    from global_orchestrator.policies.flow import guard_call

    catalog = default_catalog()
    catalog.register(ToolSpec("browser.post", "Post to a public forum", publishes=True))
    read = {"c": ["phi"]}
    post = step("p", "browser", "browser.post", "Post the update", depends_on=["c"])
    plain = step("q", "browser", "browser.plan", "Plan research", depends_on=["c"])
    m = mission("f6")
    refused = await guard_call(post, "browser", m, read, catalog)
    assert not refused.allowed and refused.code == "phi.blocked" and refused.source == "c"
    assert (await guard_call(plain, "browser", m, read, catalog)).allowed  # browser may read PHI


async def test_a_user_plan_cannot_escalate_permissions() -> None:
    """A hand-written plan asking for a clinical step the mission does not grant: blocked, never run."""
    ran: list[str] = []

    async def clinical(subtask: Subtask, ctx: AgentContext) -> Any:
        ran.append(subtask.id)
        return {"text": "summary"}

    no_grants = Mission.model_validate(
        {"id": "f7", "type": "marketing.campaign", "goal": "Spring sale", "constraints": {"budget": 10}}
    )
    result = await arun_mission(
        no_grants,
        plan=MissionPlan(
            mission_id="f7",
            subtasks=[step("c", "clinical", "clinical.summarize", "Summarise", inputs={"text": "x"})],
        ),
        agents={"clinical": clinical},
    )
    assert ran == [] and result.results["c"].status == "blocked" and not result.success
    denied = [i for i in result.issues if i.code == "permission.denied"]
    assert denied and "agent:clinical" in denied[0].message and "phi:read" in denied[0].message
