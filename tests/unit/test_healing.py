"""Self-healing through the public API: retry, fallback, replan, memory, policy blocks."""

from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import (
    AgentContext,
    Mission,
    MissionPlan,
    PolicyViolation,
    RetrySettings,
    Subtask,
    arun_mission,
)
from global_orchestrator.agents.self_healing import classify_exception, strategy_order
from global_orchestrator.testing import ScriptedChatModel

FAST = RetrySettings(max_attempts=3, initial_delay=0.001, jitter=0.0)


def mission(mid: str) -> Mission:
    return Mission.model_validate(
        {
            "id": mid,
            "type": "browser.research",
            "goal": "Research rivals",
            "context": {"urls": ["https://rival.example/pricing"]},
        }
    )


def one_step(mid: str, tool: str = "browser.fetch", agent: str = "browser") -> MissionPlan:
    return MissionPlan(
        mission_id=mid,
        subtasks=[Subtask(id="s", agent=agent, tool=tool, description="Fetch the rival's pricing page")],
    )


class Flaky:
    """Fails `times` times with `error`, then answers."""

    def __init__(self, error: Exception, times: int) -> None:
        self.error, self.times, self.calls = error, times, 0
        self.descriptions: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.calls += 1
        self.descriptions.append(subtask.description)
        if self.calls <= self.times:
            raise self.error
        return {"ok": True, "by": "primary", "attempt": ctx.attempt}


class Backup:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.calls += 1
        return {"ok": True, "by": "backup"}


async def test_flaky_tool_heals_by_retry_and_is_remembered(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    flaky = Flaky(TimeoutError("page took too long"), times=2)
    result = await arun_mission(
        mission("h1"), plan=one_step("h1"), agents={"browser": flaky}, retry=FAST, db=db
    )
    assert result.success
    assert result.results["s"].attempts == 3 and flaky.calls == 3
    assert result.results["s"].output == {"ok": True, "by": "primary", "attempt": 3}
    healed = [i for i in result.issues if i.code == "healing.recovered"]
    assert len(healed) == 1 and "timeout" in healed[0].message and "retry" in healed[0].message


async def test_dead_tool_heals_by_fallback_and_memory_survives_a_restart(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/state.db"
    dead = Flaky(TimeoutError("upstream timed out"), times=1_000)
    backup = Backup()
    agents = {"browser": dead, "backup": backup}
    fallbacks = {"browser": "backup"}
    first = await arun_mission(
        mission("h2"), plan=one_step("h2"), agents=agents, fallbacks=fallbacks, retry=FAST, db=db
    )
    assert first.success and first.results["s"].agent == "backup"
    assert first.results["s"].output == {"ok": True, "by": "backup"}
    # timeouts are retried first (3 attempts on the dead agent), then the fallback worked
    assert dead.calls == 3 and backup.calls == 1

    # a second mission, a fresh graph and connection on the same SQLite file (a restart):
    # the remembered strategy (fallback) comes first, so the dead agent is tried only once
    dead2 = Flaky(TimeoutError("upstream timed out"), times=1_000)
    backup2 = Backup()
    second = await arun_mission(
        mission("h3"),
        plan=one_step("h3"),
        agents={"browser": dead2, "backup": backup2},
        fallbacks=fallbacks,
        retry=FAST,
        db=db,
    )
    assert second.success and second.results["s"].agent == "backup"
    assert dead2.calls == 1 and backup2.calls == 1
    assert any("remembered strategy 'fallback'" in line for line in second.logs)

    # without that memory (another database) the dead agent is retried again
    dead3 = Flaky(TimeoutError("upstream timed out"), times=1_000)
    third = await arun_mission(
        mission("h4"),
        plan=one_step("h4"),
        agents={"browser": dead3, "backup": Backup()},
        fallbacks=fallbacks,
        retry=FAST,
        db=f"sqlite:///{tmp_path}/other.db",
    )
    assert third.success and dead3.calls == 3


async def test_policy_block_is_never_healed() -> None:
    blocked = Flaky(PolicyViolation("phi:read is not granted"), times=1_000)
    backup = Backup()
    result = await arun_mission(
        mission("h5"),
        plan=one_step("h5"),
        agents={"browser": blocked, "backup": backup},
        fallbacks={"browser": "backup"},
        retry=FAST,
    )
    assert not result.success
    assert result.results["s"].status == "failed" and blocked.calls == 1 and backup.calls == 0
    assert "PolicyViolation" in (result.results["s"].error or "")
    assert not [i for i in result.issues if i.code == "healing.recovered"]


async def test_bad_input_heals_by_replanning_the_step_with_the_model() -> None:
    agent = Flaky(ValueError("invalid selector: the step names no page"), times=1)
    model = ScriptedChatModel(responses=["Fetch https://rival.example/pricing and extract the prices"])
    result = await arun_mission(
        mission("h6"), plan=one_step("h6"), agents={"browser": agent}, model=model, retry=FAST
    )
    model.assert_complete()
    assert result.success and agent.calls == 2
    assert agent.descriptions == [
        "Fetch the rival's pricing page",
        "Fetch https://rival.example/pricing and extract the prices",
    ]
    assert "invalid selector" in model.calls[0].text
    assert any("bad_input" in i.message and "replan" in i.message for i in result.issues)


async def test_unknown_failure_without_fallback_gives_up_with_the_error() -> None:
    agent = Flaky(RuntimeError("segfault in the parser"), times=1_000)
    result = await arun_mission(mission("h7"), plan=one_step("h7"), agents={"browser": agent}, retry=FAST)
    assert not result.success and agent.calls == 1
    assert result.results["s"].error == "RuntimeError: segfault in the parser"
    assert any(i.code == "subtask.failed" for i in result.issues)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (TimeoutError("x"), "timeout"),
        (ConnectionError("refused"), "upstream_5xx"),
        (RuntimeError("HTTP 429 Too Many Requests"), "rate_limit"),
        (RuntimeError("502 Bad Gateway"), "upstream_5xx"),
        (ValueError("invalid JSON in the answer"), "bad_input"),
        (PolicyViolation("blocked"), "policy_block"),
        (RuntimeError("???"), "unknown"),
    ],
)
def test_failures_are_classified(error: Exception, kind: str) -> None:
    assert classify_exception(error) == kind


def test_remembered_strategy_comes_first_but_never_for_policy_blocks() -> None:
    assert strategy_order("timeout", transient=True) == ["retry", "fallback"]
    assert strategy_order("timeout", transient=True, remembered="fallback") == ["fallback", "retry"]
    assert strategy_order("unknown", transient=False) == ["fallback"]
    assert strategy_order("unknown", transient=True) == ["retry", "fallback"]
    assert strategy_order("policy_block", transient=False, remembered="retry") == []
