"""Grants and approvals come from the mission, never the plan (contract items 2 and 3)."""

from __future__ import annotations

from typing import Any

import pytest

from global_orchestrator import (
    MissionPlan,
    MissionResult,
    Subtask,
    aexecute_mission_plan,
    arun_mission,
    astream_mission,
)
from global_orchestrator.testing import ScriptedChatModel
from tests.security.helpers import (
    FAST,
    NOTE,
    Spy,
    assert_blocked,
    llm_campaign,
    mission,
    plan,
    raises,
    returns,
    step,
)

# -- the clinical family needs both grants, whatever the tool ---------------------------------


@pytest.mark.parametrize("tool", [None, "clinical.deidentify", "clinical.summarize"])
@pytest.mark.parametrize(
    "permissions",
    [
        pytest.param(["agent:clinical", "approval:skip"], id="no-phi-read"),
        pytest.param(["phi:read", "approval:skip"], id="no-agent-clinical"),
        pytest.param(["approval:skip"], id="neither"),
    ],
)
async def test_clinical_step_without_both_grants_is_blocked(tool: str | None, permissions: list[str]) -> None:
    """Attack: a plan names a clinical step with `tool: null` (or any tool) under a mission missing a grant."""
    clinical = Spy("clinical")
    m = mission("grant-clinical", permissions=permissions)
    result = await arun_mission(
        m,
        plan=plan(m, step("c", "clinical", tool, "Summarise the chart", inputs={"text": NOTE})),
        agents={"clinical": clinical},
    )
    assert clinical.calls == []
    assert_blocked(result, "c", ["permission.denied"])


# -- approvals: the plan cannot switch them off ------------------------------------------------


async def _start(entry: str, m: Any, p: MissionPlan, **options: Any) -> MissionResult:
    if entry == "execute_mission_plan":
        return await aexecute_mission_plan(p, m, **options)
    if entry == "run_mission":
        return await arun_mission(m, plan=p, **options)
    final = None
    async for event in astream_mission(m, plan=p, **options):
        if event.type == "mission_finished":
            final = event.result
    assert final is not None
    return final


def _unapproved_clinical_plan(m: Any) -> MissionPlan:
    # the camelCase JSON a user would write, `requiresApproval: false` on a clinical step
    return MissionPlan.model_validate(
        {
            "missionId": m.id,
            "subtasks": [
                {
                    "id": "c",
                    "agent": "clinical",
                    "tool": "clinical.summarize",
                    "description": "Summarise the chart",
                    "inputs": {"text": NOTE},
                    "requiresApproval": False,
                }
            ],
        }
    )


@pytest.mark.parametrize("entry", ["execute_mission_plan", "run_mission", "astream_mission"])
async def test_user_plan_cannot_switch_off_clinical_approval(entry: str) -> None:
    """Attack: a user plan says `requiresApproval: false` on a clinical step."""
    clinical = Spy("clinical")
    m = mission("grant-approval", permissions=["agent:clinical", "phi:read"])
    result = await _start(entry, m, _unapproved_clinical_plan(m), agents={"clinical": clinical})
    assert result.status == "waiting_approval"
    assert [a.subtask_id for a in result.pending_approvals] == ["c"]
    assert clinical.calls == []


async def test_template_clinical_step_pauses_even_when_the_template_says_no_approval() -> None:
    """Attack: the patient-newsletter template's de-identify step has `requires_approval: false`."""
    clinical = Spy("clinical")
    m = mission(
        "grant-template",
        type="marketing.patient_newsletter",
        goal="Turn this month's diabetes clinic outcomes into a patient newsletter",
        permissions=["agent:clinical", "phi:read"],
        context={"clinical_content": NOTE},
    )
    result = await arun_mission(m, agents={"clinical": clinical, "marketing": Spy("marketing")})
    assert result.status == "waiting_approval"
    assert [a.agent for a in result.pending_approvals] == ["clinical"]
    assert clinical.calls == []


@pytest.mark.parametrize(
    "permissions",
    [
        pytest.param(["*"], id="star"),
        pytest.param(["agent:clinical", "phi:read", "approval:*"], id="approval-star"),
        pytest.param(["agent:*", "phi:*", "approval:*"], id="all-kinds-star"),
        pytest.param(["agent:clinical", "phi:read", "approval:skip:c"], id="longer-grant"),
        pytest.param(["agent:clinical", "phi:read", "Approval:Skip "], id="spelling"),
    ],
)
async def test_wildcards_do_not_skip_clinical_approval(permissions: list[str]) -> None:
    """Attack: a mission grants `*` or `approval:*` (or a look-alike) hoping to skip the clinical approval."""
    clinical = Spy("clinical")
    m = mission("grant-wildcard", permissions=permissions)
    result = await arun_mission(
        m,
        plan=plan(
            m, step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE})
        ),
        agents={"clinical": clinical},
    )
    assert clinical.calls == []
    # it waits for a person, or (should a wildcard not grant the clinical family either) is blocked
    waiting = result.status == "waiting_approval" and [a.subtask_id for a in result.pending_approvals] == [
        "c"
    ]
    assert waiting or result.results["c"].status == "blocked", result.status


async def test_approval_skip_in_the_mission_context_is_not_a_grant() -> None:
    """Attack: `approval:skip` is put in the mission's free-form context (or the step's inputs) instead of its grants."""
    clinical = Spy("clinical")
    m = mission(
        "grant-context",
        permissions=["agent:clinical", "phi:read"],
        context={"permissions": ["approval:skip"], "approval": "skip"},
    )
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step(
                "c",
                "clinical",
                "clinical.summarize",
                "Summarise the chart",
                inputs={"text": NOTE, "permissions": ["approval:skip"]},
            ),
        ),
        agents={"clinical": clinical},
    )
    assert result.status == "waiting_approval"
    assert clinical.calls == []


async def test_the_exact_approval_skip_grant_runs_without_pausing() -> None:
    """Control: the mission grants exactly `approval:skip`, so the clinical step runs at once."""
    clinical = Spy("clinical", answer={"text": "Care-team summary"})
    m = mission("grant-skip", permissions=["agent:clinical", "phi:read", "approval:skip"])
    result = await arun_mission(
        m,
        plan=plan(
            m, step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE})
        ),
        agents={"clinical": clinical},
    )
    assert result.status == "completed" and result.success, result.issues
    assert clinical.ids == ["c"]


# -- subtask ids cannot impersonate shadow records ----------------------------------------------


@pytest.mark.parametrize("sid", ["x#shadow", "#", "copy#", "a#b"])
def test_subtask_ids_with_a_hash_are_rejected(sid: str) -> None:
    """Attack: a subtask named like a shadow record (`<id>#shadow`) to overwrite or fake one."""
    with pytest.raises(ValueError):
        Subtask(id=sid, agent="marketing", tool="marketing.draft_copy", description="Write")
    with pytest.raises(ValueError):
        MissionPlan.model_validate(
            {"missionId": "m", "subtasks": [{"id": sid, "agent": "browser", "description": "Plan"}]}
        )


async def test_llm_plan_with_a_hash_id_never_runs_under_that_id() -> None:
    """Attack: the LLM planner answers with a subtask id `creative#shadow`."""
    answer = llm_campaign("creative#shadow")
    spy = Spy("marketing")
    m = mission("grant-hash-llm")
    result = await arun_mission(
        m,
        agents={"marketing": spy, "browser": returns({"plan": "rivals"})},
        model=ScriptedChatModel(responses=[answer, answer, answer]),
        plan_with_model=True,
    )
    assert result.status == "completed"
    assert not [k for k in result.results if "#" in k]
    assert not [sid for sid in spy.ids if "#" in sid]


# -- a fallback runs as another family: that family's grants and allowedAgents apply -------------


async def test_fallback_into_clinical_needs_the_clinical_grants() -> None:
    """Attack: a marketing step fails over (`fallbacks={"marketing": "clinical"}`) to the clinical agent."""
    clinical = Spy("clinical")
    m = mission("grant-fallback")
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the spring email")),
        agents={"marketing": raises(ConnectionError("upstream down")), "clinical": clinical},
        fallbacks={"marketing": "clinical"},
        retry=FAST,
    )
    assert clinical.calls == []
    assert_blocked(result, "m", ["permission.denied"])


async def test_fallback_outside_allowed_agents_is_blocked() -> None:
    """Attack: `allowedAgents: [marketing]`, but marketing fails over to the browser family."""
    browser = Spy("browser")
    m = mission("grant-allowed", allowedAgents=["marketing"])
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the spring email")),
        agents={"marketing": raises(ConnectionError("upstream down")), "browser": browser},
        fallbacks={"marketing": "browser"},
        retry=FAST,
    )
    assert browser.calls == []
    assert_blocked(result, "m", ["constraint.agent_not_allowed"])
