"""Shadow mode: a candidate runs beside the primary, is compared, and never changes it."""

import asyncio
from typing import Any

from global_orchestrator import (
    AgentContext,
    Mission,
    MissionPlan,
    Subtask,
    arun_mission,
    astream_mission,
)


def mission(mid: str, shadow: dict[str, str] | None = None, **context: Any) -> Mission:
    return Mission.model_validate(
        {
            "id": mid,
            "type": "shadow.evaluate",
            "goal": "Compare copywriters",
            "context": {"shadow": shadow if shadow is not None else {"marketing": "candidate"}, **context},
        }
    )


def plan(mid: str, description: str = "Write a spring sale headline") -> MissionPlan:
    return MissionPlan(
        mission_id=mid,
        subtasks=[
            Subtask(id="copy", agent="marketing", tool="marketing.draft_copy", description=description),
            Subtask(
                id="report",
                agent="shadow",
                tool="shadow.report",
                description="Compare primary and candidate",
                depends_on=["copy"],
            ),
        ],
    )


async def primary(subtask: Subtask, ctx: AgentContext) -> Any:
    return {"text": "Spring into savings: 20% off everything"}


class Candidate:
    def __init__(self, answer: Any = None, error: Exception | None = None, hang: bool = False) -> None:
        self.answer = answer if answer is not None else {"text": "Spring into savings: 25% off all"}
        self.error, self.hang = error, hang
        self.shadow_flags: list[bool] = []
        self.cancelled = False

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.shadow_flags.append(ctx.shadow)
        if self.hang:
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                self.cancelled = True
                raise
        if self.error:
            raise self.error
        return self.answer


async def test_candidate_is_recorded_with_its_difference_and_reported() -> None:
    candidate = Candidate()
    result = await arun_mission(
        mission("sh1"),
        plan=plan("sh1"),
        agents={"marketing": primary},
        shadow_agents={"candidate": candidate},
    )
    assert result.success
    assert result.results["copy"].output == {"text": "Spring into savings: 20% off everything"}
    shadow = result.results["copy#shadow"]
    assert shadow.status == "shadow" and shadow.agent == "candidate" and shadow.error is None
    assert shadow.output["output"] == {"text": "Spring into savings: 25% off all"}
    assert shadow.output["exactMatch"] is False
    assert 0.5 < shadow.output["similarity"] < 1.0
    assert set(shadow.output["latencyMs"]) == {"primary", "candidate"}
    assert candidate.shadow_flags == [True]  # side-effecting tools are off for the candidate
    report = result.results["report"].output
    assert report["compared"] == 1 and report["subtasks"]["copy"]["similarity"] == shadow.output["similarity"]
    assert report["exactMatches"] == 0 and report["candidateFailures"] == 0


async def test_identical_candidate_is_an_exact_match() -> None:
    same = Candidate(answer={"text": "Spring into savings: 20% off everything"})
    result = await arun_mission(
        mission("sh2"), plan=plan("sh2"), agents={"marketing": primary}, shadow_agents={"candidate": same}
    )
    shadow = result.results["copy#shadow"].output
    assert shadow["exactMatch"] is True and shadow["similarity"] == 1.0


async def test_failing_candidate_leaves_the_primary_untouched() -> None:
    broken = Candidate(error=RuntimeError("candidate crashed"))
    result = await arun_mission(
        mission("sh3"), plan=plan("sh3"), agents={"marketing": primary}, shadow_agents={"candidate": broken}
    )
    assert result.success and result.results["copy"].status == "succeeded"
    assert result.results["copy"].output == {"text": "Spring into savings: 20% off everything"}
    assert result.results["copy#shadow"].error == "RuntimeError: candidate crashed"
    assert result.results["report"].output["candidateFailures"] == 1


async def test_hanging_candidate_times_out_without_holding_the_primary() -> None:
    hanging = Candidate(hang=True)
    result = await arun_mission(
        mission("sh4"),
        plan=plan("sh4"),
        agents={"marketing": primary},
        shadow_agents={"candidate": hanging},
        shadow_timeout=0.2,
    )
    assert result.success and result.results["copy"].status == "succeeded"
    assert result.results["copy#shadow"].error == "timed out after 0.2s"
    assert hanging.cancelled


async def test_candidate_never_sees_phi() -> None:
    candidate = Candidate()
    result = await arun_mission(
        mission("sh5", shadow={"browser": "candidate"}),
        plan=MissionPlan(
            mission_id="sh5",
            subtasks=[
                Subtask(
                    id="look",
                    agent="browser",
                    tool="browser.plan",
                    description="Research follow-up options for patient Maria Garcia, MRN 4471023",
                )
            ],
        ),
        agents={"browser": primary},
        shadow_agents={"candidate": candidate},
    )
    assert result.results["look"].status == "succeeded"
    assert candidate.shadow_flags == []  # never called
    shadow = result.results["look#shadow"]
    assert shadow.error and "PHI" in shadow.error
    assert "Maria" not in shadow.error and "4471023" not in shadow.error
    assert any(i.code == "phi.blocked" and i.subtask_id == "look#shadow" for i in result.issues)


async def test_unknown_candidate_is_recorded_not_fatal() -> None:
    result = await arun_mission(
        mission("sh6", shadow={"marketing": "nobody"}), plan=plan("sh6"), agents={"marketing": primary}
    )
    assert result.success
    assert "no agent named 'nobody'" in (result.results["copy#shadow"].error or "")


async def test_shadow_results_are_streamed_as_their_own_event() -> None:
    events = [
        e
        async for e in astream_mission(
            mission("sh7"),
            plan=plan("sh7"),
            agents={"marketing": primary},
            shadow_agents={"candidate": Candidate()},
        )
    ]
    shadow_events = [e for e in events if e.type == "shadow_recorded"]
    assert [e.subtask_id for e in shadow_events] == ["copy#shadow"]
    assert not [e for e in events if e.type == "subtask_failed"]


async def test_model_candidate_runs_the_family_agent_with_another_model() -> None:
    from global_orchestrator.testing import ScriptedChatModel

    primary_model = ScriptedChatModel(
        responses=["Spring savings for everyone"]
    )  # no figure: prose is held to facts
    result = await arun_mission(
        mission("sh8", shadow={"marketing": "model:echo"}), plan=plan("sh8"), model=primary_model
    )
    primary_model.assert_complete()  # the candidate did not use the primary's model
    assert result.success and result.results["copy"].output["text"] == "Spring savings for everyone"
    shadow = result.results["copy#shadow"]
    assert shadow.agent == "model:echo" and shadow.error is None
    assert shadow.output["output"]["text"].startswith("[echo]")
    assert shadow.output["exactMatch"] is False

    bad = await arun_mission(
        mission("sh9", shadow={"marketing": "model:nonsense"}),
        plan=plan("sh9"),
        model=ScriptedChatModel(responses=["ok"]),
    )
    assert bad.success and "unknown model 'nonsense'" in (bad.results["copy#shadow"].error or "")


async def test_a_model_candidate_is_priced_at_its_own_model_rates() -> None:
    from global_orchestrator.testing import ScriptedChatModel

    class Priced(ScriptedChatModel):
        model_name: str = "gpt-4o-mini"

    result = await arun_mission(
        mission("sh10", shadow={"marketing": "model:echo"}),
        plan=plan("sh10"),
        model=Priced(responses=["Spring savings, 20% off"]),
        prices={"gpt-4o-mini": {"input": 1_000_000, "output": 1_000_000}},  # 1 per token
    )
    primary, shadow = result.results["copy"].usage, result.results["copy#shadow"].usage
    assert primary.cost == primary.total_tokens > 0
    assert shadow.total_tokens > 0 and shadow.cost == 0  # the echo model is free
