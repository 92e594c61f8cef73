"""Over-blocking must not happen (contract item 8, and the converse of items 1 and 4).

Aggregate health topics, clinic names and campaign dates are not PHI; `external` data is
not PHI; a de-identified newsletter goes through; an MCP tool declared `internal` is not
publishing.
"""

from __future__ import annotations

import pytest

from global_orchestrator import aresume_mission, arun_mission
from tests.security.conftest import McpServer
from tests.security.helpers import (
    CLINICAL_GRANTS,
    NOTE,
    Spy,
    assert_not_seen,
    found_markers,
    mission,
    plan,
    raw_clinical,
    returns,
    step,
)

NEWSLETTER_SOURCE = (
    "Dr. Lee's clinic notes: John Smith, 42, seen on 04/02/2026 for type 2 diabetes; metformin "
    "500 mg helped his A1c. General advice: walk after meals, check your feet daily, keep "
    "follow-up appointments."
)


async def test_patient_newsletter_template_with_an_aggregate_goal_succeeds() -> None:
    """Control: the built-in newsletter template, a realistic goal, de-identifiable clinical content."""
    spy = Spy("marketing", answer={"text": "Spring newsletter: small steps for diabetes care"})
    m = mission(
        "over-newsletter",
        type="marketing.patient_newsletter",
        goal="Turn this month's diabetes clinic outcomes into a patient newsletter",
        permissions=["agent:clinical", "phi:read"],
        context={
            "clinical_content": NEWSLETTER_SOURCE,
            "audience": "families in our clinic's newsletter list",
        },
        budget=None,
    )
    result = await arun_mission(m, agents={"marketing": spy})
    for _ in range(3):  # approve what waits (the de-identify step), as a person would
        if result.status != "waiting_approval":
            break
        decisions = {a.subtask_id: True for a in result.pending_approvals}
        result = await aresume_mission(m.id, approvals=decisions, agents={"marketing": spy})
    assert result.status == "completed" and result.success, [str(i) for i in result.issues]
    assert len(spy.calls) == 1
    assert not found_markers(spy.seen(), [r"john\s+smith", r"04/02/2026"])


@pytest.mark.parametrize(
    "goal",
    [
        "Diabetes awareness month: free glucose screening for everyone this November",
        "Open house at the Lakeside Family Clinic for new families",
        "Spring sale on blood pressure monitors, sale ends March 3",
        "Lakeside Family Clinic flu-shot reminder for all customers; sale ends March 3",
    ],
)
async def test_marketing_campaign_with_aggregate_health_topics_runs(goal: str) -> None:
    """Control: a marketing campaign about a health topic, a clinic's name and a campaign date."""
    spy = Spy("marketing")
    m = mission("over-campaign", goal=goal)
    result = await arun_mission(m, agents={"marketing": spy, "browser": returns({"plan": "compare rivals"})})
    assert result.success, [str(i) for i in result.issues]
    assert len(spy.calls) == 2


async def test_marketing_inputs_with_aggregate_facts_run() -> None:
    """Control: a user plan's marketing step with a topic, a clinic, a date and an aggregate count."""
    spy = Spy("marketing")
    m = mission("over-inputs")
    inputs = {
        "topic": "diabetes awareness month",
        "clinic": "Lakeside Family Clinic",
        "deadline": "sale ends March 3",
        "stat": "1,240 visits to our screening days this spring",
    }
    result = await arun_mission(
        m,
        plan=plan(
            m, step("m", "marketing", "marketing.draft_copy", "Write the awareness email", inputs=inputs)
        ),
        agents={"marketing": spy},
    )
    assert result.success, [str(i) for i in result.issues]
    assert spy.ids == ["m"]


async def test_an_external_but_public_page_does_not_block_marketing(website: str) -> None:
    """Control: a fetched public page is labelled `external`, not `phi`; marketing may read it."""
    spy = Spy("marketing")
    m = mission("over-fetch")
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step(
                "f", "browser", "browser.fetch", "Fetch the event page", inputs={"url": f"{website}/public"}
            ),
            step("m", "marketing", "marketing.draft_copy", "Write a post about it", depends_on=["f"]),
        ),
        agents={"marketing": spy},
    )
    assert "external" in result.results["f"].labels and "phi" not in result.results["f"].labels
    assert result.success, [str(i) for i in result.issues]
    assert spy.ids == ["m"]


async def test_an_mcp_answer_without_phi_does_not_block_marketing(mcp_server: McpServer) -> None:
    """Control: an MCP tool answers with aggregate statistics; marketing may read them."""
    spy = Spy("marketing")
    m = mission("over-mcp")
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("q", "browser", "browser.clinic_stats", "Get the stats", inputs={"query": "spring"}),
            step("m", "marketing", "marketing.draft_copy", "Write copy", depends_on=["q"]),
        ),
        agents={"marketing": spy},
        mcp_servers=[mcp_server.spec()],
    )
    assert "external" in result.results["q"].labels and "phi" not in result.results["q"].labels
    assert result.success, [str(i) for i in result.issues]
    assert spy.ids == ["m"]


async def test_an_mcp_tool_declared_internal_may_read_phi(mcp_server: McpServer) -> None:
    """Control: `send_digest` looks like publishing, but the spec lists it in `internal`."""
    m = mission("over-internal", permissions=CLINICAL_GRANTS)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
            step(
                "d",
                "browser",
                "browser.send_digest",
                "Store the digest on the wiki",
                inputs={"text": "weekly digest"},
                depends_on=["c"],
            ),
        ),
        agents={"clinical": raw_clinical},
        mcp_servers=[mcp_server.spec(internal=["send_digest"])],
    )
    assert result.results["d"].status == "succeeded", result.results["d"].error
    assert mcp_server.called("send_digest")


async def test_deidentified_content_reaches_marketing_without_identifiers() -> None:
    """Control: the built-in de-identify step's clean output may feed marketing, identifiers gone."""
    spy = Spy("marketing")
    m = mission("over-deid", permissions=CLINICAL_GRANTS)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.deidentify", "De-identify the note", inputs={"text": NOTE}),
            step("m", "marketing", "marketing.draft_copy", "Write the newsletter", depends_on=["c"]),
        ),
        agents={"marketing": spy},
    )
    assert result.success, [str(i) for i in result.issues]
    assert spy.ids == ["m"]
    assert_not_seen(spy, [r"maria\s+garcia", r"\bgarcia\b", r"7730142", r"219\W?09\W?9999", r"april\s+12"])
