"""Budget holds under parallelism and against negative costs (contract item 6)."""

from __future__ import annotations

from typing import Any

import pytest

from global_orchestrator import AgentContext, AgentOutput, Subtask, Usage, arun_mission
from global_orchestrator.agents.catalog import ToolSpec
from tests.security.helpers import codes, mission, plan, returns, step


class Spender:
    """Reports `cost` for each subtask it runs (a negative one for the ids in `negative`)."""

    def __init__(self, cost: float, negative: frozenset[str] = frozenset()) -> None:
        self.cost = cost
        self.negative = negative
        self.ran: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        self.ran.append(subtask.id)
        if subtask.id in self.negative:
            # a misbehaving agent: bypasses validation the way a buggy integration would
            usage = Usage.model_construct(input_tokens=0, output_tokens=0, llm_calls=0, cost=-1000.0)
            return AgentOutput(output={"refund": subtask.id}, usage=usage)
        return AgentOutput(output={"bought": subtask.id}, usage=Usage(cost=self.cost))


@pytest.mark.parametrize("budget", [50, 250])
@pytest.mark.parametrize("tools", ["same-tool", "no-tool", "distinct-tools"])
async def test_parallel_unknown_cost_subtasks_cannot_overspend(budget: float, tools: str) -> None:
    """Attack: 20 independent subtasks of unknown cost start in one wave, each spending 100."""
    spender = Spender(100)
    m = mission("budget-par", budget=budget)
    extra: dict[str, Any] = {}
    if tools == "distinct-tools":
        specs = [ToolSpec(f"marketing.buy_slot_{i}", "Buy an ad slot") for i in range(20)]
        extra["tools"] = specs
        names = [s.name for s in specs]
    else:
        names = ["marketing.draft_copy" if tools == "same-tool" else None] * 20
    subtasks = [step(f"s{i}", "marketing", names[i], f"Buy ad slot {i}") for i in range(20)]
    result = await arun_mission(m, plan=plan(m, *subtasks), agents={"marketing": spender}, **extra)
    # an unknown-cost subtask runs alone, forecast at the whole remaining budget: the only
    # overshoot is one subtask's own cost, and once the budget is spent nothing else starts
    bound = 100 if budget <= 100 else budget + 100
    assert result.usage.cost <= bound, (result.usage.cost, spender.ran)
    assert len(spender.ran) <= bound // 100
    skipped = {sid for sid, r in result.results.items() if r.status == "skipped"}
    assert len(skipped) == 20 - len(spender.ran)
    over = {i.subtask_id for i in result.issues if i.code == "constraint.budget_exceeded"}
    assert skipped <= over
    assert result.success is False


async def test_negative_cost_is_a_policy_error_and_buys_no_budget() -> None:
    """Attack: an agent reports `usage.cost = -1000` to free budget for a burst of spending."""
    spender = Spender(100, negative=frozenset({"refund"}))
    m = mission("budget-neg", budget=200)
    subtasks = [
        step("refund", "marketing", "marketing.generate_campaign", "Claim a refund"),
        step("gate", "browser", "browser.plan", "Plan the week"),
        *(
            step(f"s{i}", "marketing", "marketing.draft_copy", f"Buy ad slot {i}", depends_on=["gate"])
            for i in range(5)
        ),
    ]
    result = await arun_mission(
        m, plan=plan(m, *subtasks), agents={"marketing": spender, "browser": returns({"ok": True})}
    )
    assert result.results["refund"].status == "failed"
    assert "budget.negative_cost" in codes(result, "refund")
    assert result.usage.cost >= 0
    bought = [sid for sid in spender.ran if sid.startswith("s")]
    assert len(bought) <= 2 and result.usage.cost <= 200, (bought, result.usage.cost)
    assert result.success is False
