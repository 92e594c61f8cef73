"""Every edge PHI can travel along toward a marketing agent, a publishing tool or a shadow candidate.

Contract items 1 (labels from content and provenance), 2 (one guard before every agent
call) and 4 (publishing is a tool property). Each test is an attack through the public API;
a spy records what the agent that must not see PHI was shown.
"""

from __future__ import annotations

from typing import Any

import pytest

from global_orchestrator import (
    AgentOutput,
    Subtask,
    aresume_mission,
    arun_mission,
)
from global_orchestrator.agents.catalog import ToolSpec
from global_orchestrator.testing import ScriptedChatModel
from tests.security.conftest import McpServer
from tests.security.helpers import (
    CLINICAL_GRANTS,
    DIAGNOSIS,
    DRUG,
    FAST,
    MRN,
    NAME,
    NOTE,
    NOTE_B64,
    Spy,
    assert_blocked,
    assert_clean,
    assert_not_seen,
    llm_campaign,
    marketing_reads,
    mission,
    plan,
    raises,
    raw_clinical,
    returns,
    step,
)

# -- outputs of any family are scanned ---------------------------------------------------------


@pytest.mark.parametrize(
    ("family", "tool"),
    [("browser", "browser.plan"), ("self_healing", "self_healing.diagnose")],
)
@pytest.mark.parametrize(
    "output",
    [
        pytest.param(NOTE, id="text"),
        pytest.param({"rows": [{"visit": {"note": NOTE}}]}, id="nested"),
        pytest.param(AgentOutput(output={"text": NOTE}, deidentified=True), id="claims-deidentified"),
        pytest.param(AgentOutput(output={"text": NOTE}, labels=frozenset({"public"})), id="own-labels"),
    ],
)
async def test_custom_agent_output_with_phi_blocks_its_marketing_dependant(
    family: str, tool: str, output: Any
) -> None:
    """Attack: a custom (non-clinical) agent returns patient data unlabelled; marketing reads it."""
    result, spy = await marketing_reads(
        "edge-custom",
        output,
        family=family,
        tool=tool,
        source="Summarise this week's support tickets",
        writes="Write the newsletter",
    )
    assert result.results["u"].status == "succeeded"
    assert "phi" in result.results["u"].labels
    assert_blocked(result, "m")
    assert spy.calls == []
    assert_not_seen(spy)


async def test_browser_fetch_of_a_patient_page_blocks_marketing(website: str) -> None:
    """Attack: the built-in browser fetches a page showing a patient's visit; marketing drafts from it."""
    spy = Spy("marketing")
    m = mission("edge-fetch")
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("f", "browser", "browser.fetch", "Fetch the page", inputs={"url": f"{website}/patient"}),
            step("m", "marketing", "marketing.draft_copy", "Write a post from it", depends_on=["f"]),
        ),
        agents={"marketing": spy},
    )
    fetched = result.results["f"]
    assert fetched.status == "succeeded", fetched.error
    assert {"phi", "external"} <= set(fetched.labels)
    assert_blocked(result, "m")
    assert_not_seen(spy)


async def test_mcp_tool_answer_with_phi_blocks_marketing(mcp_server: McpServer) -> None:
    """Attack: an MCP tool answers with a patient record; a marketing step reads the answer."""
    spy = Spy("marketing")
    m = mission("edge-mcp")
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("q", "browser", "browser.patient_lookup", "Look up the record", inputs={"query": "x"}),
            step("m", "marketing", "marketing.draft_copy", "Write copy", depends_on=["q"]),
        ),
        agents={"marketing": spy},
        mcp_servers=[mcp_server.spec()],
    )
    answer = result.results["q"]
    assert answer.status == "succeeded", answer.error
    assert {"phi", "external"} <= set(answer.labels)
    assert_blocked(result, "m")
    assert_not_seen(spy)


@pytest.mark.parametrize(
    ("tool", "inputs", "spec"),
    [
        pytest.param("send_email", {"to": "press@example.org", "body": NOTE}, {}, id="send_email"),
        pytest.param("notify_team", {"message": NOTE}, {}, id="notify_prefix"),
        pytest.param("tweet", {"text": NOTE}, {}, id="tweet"),
        pytest.param("archive_note", {"text": NOTE}, {"publishes": ["archive_note"]}, id="declared"),
        pytest.param("send_email", {"to": "press@example.org", "body": NOTE}, {"publishes": []}, id="prefix"),
    ],
)
async def test_publishing_mcp_tool_with_phi_input_is_never_called(
    mcp_server: McpServer, tool: str, inputs: dict[str, Any], spec: dict[str, Any]
) -> None:
    """Attack: a browser step calls a publishing MCP tool (send_*, notify_*, tweet, declared) with PHI."""
    m = mission("edge-publish")
    result = await arun_mission(
        m,
        plan=plan(m, step("p", "browser", f"browser.{tool}", "Share the update", inputs=inputs)),
        mcp_servers=[mcp_server.spec(**spec)],
    )
    assert_blocked(result, "p")
    assert not mcp_server.called(tool), mcp_server.calls()


async def test_publishing_mcp_tool_reading_phi_labelled_upstream_is_never_called(
    mcp_server: McpServer,
) -> None:
    """Attack: send_email's own inputs are clean but it runs after a raw clinical step."""
    m = mission("edge-publish-up", permissions=CLINICAL_GRANTS)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
            step(
                "p",
                "browser",
                "browser.send_email",
                "Email the weekly digest",
                inputs={"to": "press@example.org", "body": "Weekly digest"},
                depends_on=["c"],
            ),
        ),
        agents={"clinical": raw_clinical},
        mcp_servers=[mcp_server.spec()],
    )
    assert result.results["c"].status == "succeeded"
    assert_blocked(result, "p")
    assert not mcp_server.called("send_email")


async def test_custom_publishing_tool_is_guarded_like_marketing() -> None:
    """Attack: a user-registered `ToolSpec(publishes=True)` on the browser family reads raw clinical output."""
    poster = Spy("browser.post_forum")
    m = mission("edge-toolspec", permissions=CLINICAL_GRANTS)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
            step("p", "browser", "browser.post_forum", "Post an update", depends_on=["c"]),
        ),
        agents={"clinical": raw_clinical, "browser": poster},
        tools=[ToolSpec("browser.post_forum", "Post to a public forum", publishes=True)],
    )
    assert_blocked(result, "p")
    assert poster.calls == []


# -- healing and fallbacks re-bind work: the guard runs again ---------------------------------


async def test_replan_with_phi_in_the_failure_text_never_reaches_marketing() -> None:
    """Attack: marketing fails with patient data in the exception; the replanning model echoes it back."""
    spy = Spy("marketing", error=ValueError(f"invalid recipient list: {NOTE}"), fail_times=1)
    model = ScriptedChatModel(responses=[f"Email {NAME} (MRN {MRN}) about her {DIAGNOSIS} and {DRUG} refill"])
    m = mission("edge-replan-echo")
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the spring email")),
        agents={"marketing": spy},
        model=model,
        retry=FAST,
    )
    assert spy.calls[0]["description"] == "Write the spring email"
    assert spy.ids == ["m"]  # the replanned step never reached the agent
    assert_not_seen(spy)
    assert not result.success
    assert_clean(result, where="run_mission result")


async def test_replanned_description_with_phi_is_blocked_before_the_marketing_call() -> None:
    """Attack: a clean failure is replanned by a model that writes patient data into the new description."""
    spy = Spy("marketing", error=ValueError("invalid audience: the step names none"), fail_times=1)
    model = ScriptedChatModel(
        responses=[f"Write to {NAME}, MRN {MRN}, about her {DIAGNOSIS} diagnosis and {DRUG} refill"]
    )
    m = mission("edge-replan-model")
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the spring email")),
        agents={"marketing": spy},
        model=model,
        retry=FAST,
    )
    assert len(model.calls) == 1  # the replan happened
    assert spy.ids == ["m"]  # only the first, clean attempt reached the agent
    assert_not_seen(spy)
    assert_blocked(result, "m")


@pytest.mark.parametrize("carrier", ["upstream", "inputs"])
async def test_fallback_from_browser_to_marketing_is_guarded(carrier: str) -> None:
    """Attack: a browser step reading PHI fails over (`fallbacks={"browser": "marketing"}`) to marketing."""
    spy = Spy("marketing")
    m = mission("edge-fallback", permissions=CLINICAL_GRANTS)
    if carrier == "upstream":
        subtasks = [
            step("c", "clinical", "clinical.summarize", "Summarise the chart", inputs={"text": NOTE}),
            step("b", "browser", "browser.plan", "Plan the follow-up research", depends_on=["c"]),
        ]
    else:
        subtasks = [
            step("b", "browser", "browser.plan", "Plan the follow-up research", inputs={"note": NOTE})
        ]
    result = await arun_mission(
        m,
        plan=plan(m, *subtasks),
        agents={
            "clinical": raw_clinical,
            "browser": raises(ConnectionError("upstream down")),
            "marketing": spy,
        },
        fallbacks={"browser": "marketing"},
        retry=FAST,
    )
    assert spy.calls == []
    assert_not_seen(spy)
    assert_blocked(result, "b")


# -- shadow candidates --------------------------------------------------------------------------


@pytest.mark.parametrize("carrier", ["clinical-upstream", "scanned-upstream", "base64-input", "key-input"])
async def test_shadow_candidate_never_sees_phi(carrier: str) -> None:
    """Attack: a browser step that reads PHI (by label, content, base64 or dict key) is shadowed."""
    candidate = Spy("candidate")
    m = mission("edge-shadow", permissions=CLINICAL_GRANTS, context={"shadow": {"browser": "candidate"}})
    upstream: list[Subtask] = []
    inputs: dict[str, Any] = {}
    if carrier == "clinical-upstream":
        upstream = [step("c", "clinical", "clinical.summarize", "Summarise", inputs={"text": NOTE})]
    elif carrier == "scanned-upstream":
        upstream = [step("c", "self_healing", "self_healing.diagnose", "Diagnose the export job")]
    elif carrier == "base64-input":
        inputs = {"attachment": NOTE_B64}
    else:
        inputs = {NOTE: "row 1"}
    deps = ["c"] if upstream else []
    result = await arun_mission(
        m,
        plan=plan(
            m,
            *upstream,
            step("b", "browser", "browser.plan", "Plan research", inputs=inputs, depends_on=deps),
        ),
        agents={
            "clinical": raw_clinical,
            "self_healing": returns({"log": NOTE}),
            "browser": returns({"ok": 1}),
        },
        shadow_agents={"candidate": candidate},
    )
    assert result.results["b"].status == "succeeded", result.results["b"].error
    assert candidate.calls == []
    assert result.results["b#shadow"].error
    assert_not_seen(candidate)


async def test_shadow_as_clinical_needs_the_clinical_grant() -> None:
    """Attack: `context.shadow = {"browser": "clinical"}` runs the clinical agent without agent:clinical."""
    clinical = Spy("clinical")
    m = mission("edge-shadow-grant", context={"shadow": {"browser": "clinical"}})
    result = await arun_mission(
        m,
        plan=plan(m, step("b", "browser", "browser.plan", "Plan competitor research")),
        agents={"browser": returns({"plan": "look at rivals"}), "clinical": clinical},
    )
    assert clinical.calls == []
    assert result.results["b"].status == "succeeded" and result.success
    assert result.results["b#shadow"].error


# -- persistence: approvals, crashes -----------------------------------------------------------

# claims de-identification but keeps the patient: plan-time checks let it through (it is a
# de-identify step), so only the PHI label on its checkpointed result can stop marketing
LEAKY_DEIDENTIFY = returns(AgentOutput(output={"text": NOTE}, deidentified=True))


async def test_labels_survive_an_approval_pause_and_still_block_marketing(sqlite_url: str) -> None:
    """Attack: the run pauses for approval of a clinical step; after resume the PHI label must still hold."""
    spy = Spy("marketing")
    m = mission("edge-approval", permissions=["agent:clinical", "phi:read"])
    agents = {
        "clinical": LEAKY_DEIDENTIFY,
        "browser": returns({"text": "Tips for a healthy spring."}),
        "marketing": spy,
    }
    paused = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.deidentify", "De-identify the chart", inputs={"text": NOTE}),
            step("b", "browser", "browser.plan", "Rewrite it for the web", depends_on=["c"]),
            step("m", "marketing", "marketing.draft_copy", "Write the newsletter", depends_on=["b"]),
        ),
        agents=agents,
        db=sqlite_url,
    )
    assert paused.status == "waiting_approval"
    assert [a.subtask_id for a in paused.pending_approvals] == ["c"]
    done = await aresume_mission(m.id, approvals={"c": True}, agents=agents, db=sqlite_url)
    assert "phi" in done.results["c"].labels and "phi" in done.results["b"].labels
    assert_blocked(done, "m")
    assert spy.calls == []


class Crash(BaseException):
    """Stands for the process dying in the middle of a run (not an agent error: never healed)."""


async def test_labels_survive_a_crash_and_still_block_marketing(sqlite_url: str) -> None:
    """Attack: the process dies after the clinical step; a fresh process resumes and marketing runs next."""
    spy = Spy("marketing")
    m = mission("edge-crash", permissions=CLINICAL_GRANTS)
    the_plan = plan(
        m,
        step("c", "clinical", "clinical.deidentify", "De-identify the chart", inputs={"text": NOTE}),
        step("b", "browser", "browser.plan", "Rewrite it for the web", depends_on=["c"]),
        step("m", "marketing", "marketing.draft_copy", "Write the newsletter", depends_on=["b"]),
    )
    with pytest.raises(Crash):
        await arun_mission(
            m,
            plan=the_plan,
            agents={"clinical": LEAKY_DEIDENTIFY, "browser": raises(Crash()), "marketing": spy},
            db=sqlite_url,
        )
    done = await aresume_mission(
        m.id,
        agents={
            "clinical": LEAKY_DEIDENTIFY,
            "browser": returns({"text": "Healthy spring tips."}),
            "marketing": spy,
        },
        db=sqlite_url,
    )
    assert done.status == "completed"
    assert "phi" in done.results["c"].labels and "phi" in done.results["b"].labels
    assert_blocked(done, "m")
    assert spy.calls == []


# -- plans written by a user or a model -----------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        pytest.param(f"Draft creative options from this customer record: {NOTE_B64}", id="base64"),
        pytest.param("Draft creative for maria garcia, who has hiv and is on truvada", id="lowercase"),
    ],
)
async def test_llm_plan_cannot_smuggle_phi_into_a_marketing_step(description: str) -> None:
    """Attack: the LLM planner writes patient data (obfuscated) into a marketing subtask's description."""
    answer = llm_campaign(description=description)
    spy = Spy("marketing")
    model = ScriptedChatModel(responses=[answer, answer, answer])
    m = mission("edge-llm")
    result = await arun_mission(
        m,
        agents={"marketing": spy, "browser": returns({"plan": "rivals"})},
        model=model,
        plan_with_model=True,
    )
    assert result.status == "completed"
    assert_not_seen(spy)


async def test_user_plan_marketing_step_reading_a_deidentify_that_leaves_phi() -> None:
    """Attack: a user plan routes raw text through a 'de-identifier' that keeps the patient's name."""
    spy = Spy("marketing")
    m = mission("edge-user-plan", permissions=CLINICAL_GRANTS)
    leaky = returns(
        AgentOutput(output={"text": f"[NAME] asked about {NAME}'s {DIAGNOSIS} care"}, deidentified=True)
    )
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("c", "clinical", "clinical.deidentify", "De-identify", inputs={"text": NOTE}),
            step("m", "marketing", "marketing.draft_copy", "Write the newsletter", depends_on=["c"]),
        ),
        agents={"clinical": leaky, "marketing": spy},
    )
    assert "phi" in result.results["c"].labels
    assert_blocked(result, "m")
    assert_not_seen(spy)
