"""Budget: spend is tracked per subtask and dispatch stops before the budget is exceeded."""

from typing import Any

import pytest

from global_orchestrator import (
    AgentContext,
    AgentOutput,
    Mission,
    MissionPlan,
    Subtask,
    Usage,
    UserError,
    arun_mission,
)
from global_orchestrator.policies.budget import PriceTable
from global_orchestrator.testing import ScriptedChatModel


def mission(mid: str, budget: float) -> Mission:
    return Mission.model_validate(
        {"id": mid, "type": "marketing.campaign", "goal": "Spring sale", "constraints": {"budget": budget}}
    )


def chain(mid: str, n: int) -> MissionPlan:
    return MissionPlan(
        mission_id=mid,
        subtasks=[
            Subtask(
                id=f"s{i}",
                agent="marketing",
                tool="marketing.draft_copy",
                description=f"Buy ad slot {i}",
                depends_on=[f"s{i - 1}"] if i > 1 else [],
            )
            for i in range(1, n + 1)
        ],
    )


class Spender:
    def __init__(self, cost: float) -> None:
        self.cost = cost
        self.ran: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        self.ran.append(subtask.id)
        return AgentOutput(output={"bought": subtask.id}, usage=Usage(cost=self.cost))


async def test_budget_exhaustion_mid_mission_stops_dispatch() -> None:
    spender = Spender(400)
    result = await arun_mission(mission("b1", 1000), plan=chain("b1", 4), agents={"marketing": spender})
    # s1 and s2 spend 800; s3's forecast (what s2 cost) would take it to 1,200
    assert spender.ran == ["s1", "s2"]
    assert [result.results[f"s{i}"].status for i in range(1, 5)] == [
        "succeeded",
        "succeeded",
        "skipped",
        "skipped",
    ]
    assert not result.success and result.usage.cost == 800
    over = [i for i in result.issues if i.code == "constraint.budget_exceeded"]
    assert [i.subtask_id for i in over] == ["s3"]
    assert "1000" in over[0].message and "800.00" in over[0].message
    assert any(i.code == "dependency.not_succeeded" and i.subtask_id == "s4" for i in result.issues)


async def test_within_budget_everything_runs() -> None:
    spender = Spender(100)
    result = await arun_mission(mission("b2", 1000), plan=chain("b2", 4), agents={"marketing": spender})
    assert result.success and result.usage.cost == 400 and len(spender.ran) == 4


async def test_tokens_are_priced_and_count_against_the_budget() -> None:
    class PricedModel(ScriptedChatModel):
        model_name: str = "gpt-4o-mini"

    async def writer(subtask: Subtask, ctx: AgentContext) -> Any:
        answer = await ctx.model.ainvoke("write")
        return AgentOutput(
            output={"text": answer.content},
            usage=Usage(input_tokens=1_000_000, output_tokens=1_000_000, llm_calls=1),
        )

    result = await arun_mission(
        mission("b3", 1.5),
        plan=chain("b3", 2),
        agents={"marketing": writer},
        model=PricedModel(responses=["one", "two"]),
        prices={"gpt-4o-mini": {"input": 0.5, "output": 0.5}},
    )
    # one million tokens each way at 0.5 per million: s1 costs 1.0; s2 (forecast 1.0) would exceed 1.5
    assert result.results["s1"].usage.cost == pytest.approx(1.0)
    assert result.results["s2"].status == "skipped"
    assert [i.code for i in result.issues if i.subtask_id == "s2"] == ["constraint.budget_exceeded"]


def test_price_table_defaults_and_parsing() -> None:
    table = PriceTable()
    assert table.cost("gpt-4o-mini", Usage(input_tokens=1_000_000)) == pytest.approx(0.15)
    assert table.cost("openai:gpt-4o-mini-2024-07-18", Usage(output_tokens=1_000_000)) == pytest.approx(0.6)
    assert table.cost("smollm2", Usage(input_tokens=10**9)) == 0.0
    assert PriceTable.parse('{"mine": [1, 2]}').cost("mine", Usage(output_tokens=500_000)) == 1.0
    with pytest.raises(UserError, match=r"prices\.bad"):
        PriceTable.parse({"bad": {"input": "x"}})
    with pytest.raises(UserError, match="negative"):
        PriceTable.parse({"neg": [-1, 0]})


async def test_prices_come_from_the_environment_too(monkeypatch: pytest.MonkeyPatch) -> None:
    class PricedModel(ScriptedChatModel):
        model_name: str = "house-model"

    async def writer(subtask: Subtask, ctx: AgentContext) -> Any:
        await ctx.model.ainvoke("write")
        return AgentOutput(output={"ok": True}, usage=Usage(input_tokens=2_000_000, llm_calls=1))

    monkeypatch.setenv("ORCHESTRATOR_PRICES", '{"house-model": {"input": 1, "output": 1}}')
    result = await arun_mission(
        mission("b4", 100),
        plan=chain("b4", 1),
        agents={"marketing": writer},
        model=PricedModel(responses=["x"]),
    )
    assert result.usage.cost == pytest.approx(2.0)
