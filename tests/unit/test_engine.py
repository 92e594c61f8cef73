"""The engine through the public API, with user-supplied agents (plain async functions)."""

import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import (
    AgentContext,
    AgentOutput,
    Mission,
    MissionPlan,
    RetrySettings,
    Subtask,
    TransientError,
    UserError,
    arun_mission,
    astream_mission,
    build_graph,
    execute_mission_plan,
    get_mission_status,
    resume_mission,
    run_mission,
)
from global_orchestrator.testing import ScriptedChatModel

FAST_RETRY = RetrySettings(max_attempts=3, initial_delay=0.01, jitter=0.0)
SNAPSHOT = Path(__file__).parent / "snapshots" / "mission_graph.mmd"


def mission(mid: str, **kw: Any) -> Mission:
    data: dict[str, Any] = {
        "id": mid,
        "type": "marketing.campaign",
        "goal": "Spring sale",
        "constraints": {"budget": 100},
    }
    data.update(kw)
    return Mission.model_validate(data)


def plan_of(mid: str, *specs: tuple[str, str, list[str]], tool: dict[str, str] | None = None) -> MissionPlan:
    tools = {
        "marketing": "marketing.draft_copy",
        "browser": "browser.fetch",
        "clinical": "clinical.deidentify",
        "self_healing": "self_healing.diagnose",
        "shadow": "shadow.compare",
        **(tool or {}),
    }
    return MissionPlan(
        mission_id=mid,
        subtasks=[
            Subtask(id=sid, agent=agent, tool=tools[agent], description=f"Do {sid}", depends_on=deps)
            for sid, agent, deps in specs
        ],
    )


class Recorder:
    """An agent that sleeps, records start/finish times, and can fail on demand."""

    def __init__(
        self, delay: float = 0.05, fail: dict[str, Exception] | None = None, fail_times: int = 1
    ) -> None:
        self.delay = delay
        self.fail = fail or {}
        self.fail_times = fail_times
        self.calls: dict[str, int] = {}
        self.spans: dict[str, tuple[float, float]] = {}
        self.seen_upstream: dict[str, list[str]] = {}

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.calls[subtask.id] = self.calls.get(subtask.id, 0) + 1
        self.seen_upstream[subtask.id] = sorted(ctx.upstream)
        start = time.monotonic()
        await asyncio.sleep(self.delay)
        if subtask.id in self.fail and self.calls[subtask.id] <= self.fail_times:
            raise self.fail[subtask.id]
        self.spans[subtask.id] = (start, time.monotonic())
        return {"id": subtask.id, "key": ctx.idempotency_key}


def agents_for(recorder: Recorder) -> dict[str, Any]:
    return {f: recorder for f in ("browser", "marketing", "clinical", "self_healing", "shadow")}


async def test_independent_subtasks_overlap_and_dependants_wait() -> None:
    rec = Recorder(delay=0.2)
    plan = plan_of(
        "m-order",
        ("a", "marketing", []),
        ("b", "browser", []),
        ("c", "marketing", ["a", "b"]),
        ("d", "browser", ["c"]),
    )
    # no budget: with one, subtasks of unknown cost run one at a time (test_budget_enforcement)
    m = mission("m-order", constraints={})
    result = await arun_mission(m, plan=plan, agents=agents_for(rec))
    assert result.success and result.status == "completed"
    (a0, a1), (b0, b1), (c0, c1), (d0, _d1) = (rec.spans[k] for k in "abcd")
    assert a0 < b1 and b0 < a1  # a and b ran at the same time
    assert c0 >= max(a1, b1)  # c started after both of its dependencies finished
    assert d0 >= c1
    assert rec.seen_upstream["c"] == ["a", "b"] and rec.seen_upstream["a"] == []
    assert result.results["c"].output == {"id": "c", "key": "m-order:c:1"}
    assert result.results["a"].started_at is not None and result.results["a"].finished_at is not None
    assert all(result.results[k].attempts == 1 for k in "abcd")
    # the seed's log lines, in the order the subtasks finished
    executed = [line for line in result.logs if line.startswith("Executed")]
    assert executed[2:] == ["Executed c with agent marketing", "Executed d with agent browser"]
    assert sorted(executed[:2]) == ["Executed a with agent marketing", "Executed b with agent browser"]


async def test_failure_is_recorded_and_dependants_are_skipped() -> None:
    rec = Recorder(fail={"a": ValueError("bad input")}, fail_times=99)
    plan = plan_of(
        "m-fail",
        ("a", "marketing", []),
        ("b", "browser", []),
        ("c", "marketing", ["a"]),
        ("d", "marketing", ["c", "b"]),
    )
    result = await arun_mission(mission("m-fail"), plan=plan, agents=agents_for(rec), retry=FAST_RETRY)
    assert not result.success and result.status == "completed"
    assert result.results["a"].status == "failed" and "ValueError: bad input" in (
        result.results["a"].error or ""
    )
    assert result.results["a"].attempts == 1  # not transient: no retry
    assert result.results["b"].status == "succeeded"
    assert result.results["c"].status == "skipped" and "'a' failed" in (result.results["c"].error or "")
    assert result.results["d"].status == "skipped" and "'c' was skipped" in (result.results["d"].error or "")
    codes = [(i.code, i.subtask_id) for i in result.issues]
    assert ("subtask.failed", "a") in codes and ("dependency.not_succeeded", "c") in codes
    assert "c" not in rec.calls and "d" not in rec.calls


async def test_transient_error_is_retried_then_succeeds() -> None:
    rec = Recorder(delay=0.0, fail={"a": TransientError("rate limited")}, fail_times=1)
    result = await arun_mission(
        mission("m-retry"),
        plan=plan_of("m-retry", ("a", "marketing", [])),
        agents=agents_for(rec),
        retry=FAST_RETRY,
    )
    assert result.success
    assert result.results["a"].attempts == 2 and rec.calls["a"] == 2
    assert result.results["a"].output["key"] == "m-retry:a:2"  # the idempotency key names the attempt


async def test_transient_error_gives_up_after_max_attempts() -> None:
    rec = Recorder(delay=0.0, fail={"a": TimeoutError("slow upstream")}, fail_times=99)
    result = await arun_mission(
        mission("m-giveup"),
        plan=plan_of("m-giveup", ("a", "marketing", [])),
        agents=agents_for(rec),
        retry=FAST_RETRY,
    )
    assert not result.success
    assert result.results["a"].status == "failed" and result.results["a"].attempts == 3


async def test_blocked_plan_issue_short_circuits_the_subtask_and_its_dependants() -> None:
    rec = Recorder(delay=0.0)
    m = Mission(
        id="m-block", type="clinical.intake_summary", goal="Summarise", context={"note": "Patient note"}
    )
    result = await arun_mission(m, agents=agents_for(rec))  # no agent:clinical / phi:read grants
    assert not result.success
    assert result.results["m-block-seed-1"].status == "blocked"
    assert "permission.denied" in (result.results["m-block-seed-1"].error or "")
    assert result.results["m-block-seed-2"].status in ("blocked", "skipped")
    assert rec.calls == {}  # no agent ran, and no approval was asked for blocked work
    assert result.pending_approvals == []


async def test_plan_with_errors_runs_nothing() -> None:
    rec = Recorder()
    plan = plan_of("m-cycle", ("a", "marketing", ["b"]), ("b", "marketing", ["a"]))
    result = await arun_mission(mission("m-cycle"), plan=plan, agents=agents_for(rec))
    assert not result.success and rec.calls == {}
    assert any(i.code == "plan.cycle" for i in result.issues)


async def test_fallback_routing_and_no_agent() -> None:
    rec = Recorder(delay=0.0)
    plan = plan_of("m-fb", ("s", "shadow", []), ("m", "marketing", ["s"]))
    routed = await arun_mission(
        mission("m-fb"),
        plan=plan,
        agents={"marketing": rec, "shadow": None},
        fallbacks={"shadow": "marketing"},
    )
    assert routed.success
    assert routed.results["s"].agent == "marketing"
    assert any("fallback for shadow" in line for line in routed.logs)

    stranded = await arun_mission(
        mission("m-nofb"),
        plan=plan_of("m-nofb", ("s", "shadow", []), ("m", "marketing", ["s"])),
        agents={"marketing": rec, "shadow": None},
    )
    assert not stranded.success
    assert stranded.results["s"].status == "failed"
    assert any(i.code == "routing.no_agent" for i in stranded.issues)
    assert stranded.results["m"].status == "skipped"


async def test_phi_labels_block_marketing_at_run_time() -> None:
    async def leaky_deidentify(subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        return AgentOutput(output={"text": "still has a name"}, deidentified=False)

    rec = Recorder(delay=0.0)
    plan = plan_of("m-phi", ("d", "clinical", []), ("copy", "marketing", ["d"]))
    m = mission("m-phi", permissions=["agent:clinical", "phi:read", "approval:skip"])
    result = await arun_mission(m, plan=plan, agents={"clinical": leaky_deidentify, "marketing": rec})
    assert result.results["d"].labels == ["phi"]
    assert result.results["copy"].status == "blocked"
    assert "PHI-labelled output of 'd'" in (result.results["copy"].error or "")
    assert "copy" not in rec.calls

    async def clean_deidentify(subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        return AgentOutput(output={"text": "[NAME] reports fatigue"}, deidentified=True)

    ok = await arun_mission(
        mission("m-phi2", permissions=["agent:clinical", "phi:read", "approval:skip"]),
        plan=plan_of("m-phi2", ("d", "clinical", []), ("copy", "marketing", ["d"])),
        agents={"clinical": clean_deidentify, "marketing": rec},
    )
    assert ok.success and ok.results["d"].labels == []


async def test_events_stream_in_order_and_are_json() -> None:
    rec = Recorder(delay=0.01)
    plan = plan_of("m-events", ("a", "marketing", []), ("b", "marketing", ["a"]))
    events = [e async for e in astream_mission(mission("m-events"), plan=plan, agents=agents_for(rec))]
    types = [e.type for e in events]
    assert types[0] == "mission_started" and types[1] == "plan_ready" and types[-1] == "mission_finished"
    assert types.count("subtask_started") == 2 and types.count("subtask_succeeded") == 2
    order = [(e.type, e.subtask_id) for e in events if e.subtask_id]
    # b starts the moment a's result is on the board, which can be before LangGraph has
    # streamed a's update: the order holds within each kind of event, and in the times
    assert order.index(("subtask_started", "a")) < order.index(("subtask_started", "b"))
    assert order.index(("subtask_succeeded", "a")) < order.index(("subtask_succeeded", "b"))
    started_b = next(e for e in events if e.type == "subtask_started" and e.subtask_id == "b")
    finished_a = next(e for e in events if e.type == "subtask_succeeded" and e.subtask_id == "a")
    assert finished_a.data["result"]["finishedAt"] <= started_b.at.isoformat()
    for e in events:
        data = json.loads(e.to_json())
        assert data["type"] == e.type and data["missionId"] == "m-events"
    assert events[-1].result is not None and events[-1].result.success


async def test_default_agents_use_the_model_and_usage_is_summed() -> None:
    def answer(messages: list[Any]) -> Any:
        # the two first subtasks run concurrently: answer by what is asked, not by call order
        text = " ".join(str(m.content) for m in messages)
        if "campaign options as JSON" in text:
            return {
                "options": [
                    {
                        "hook": "Back to school, back to you",
                        "channel": "social",
                        "format": "short video",
                        "estimated_cost": 60,
                    }
                ]
            }
        if "competitor" in text.lower():
            return "rival research"
        return "the brief"

    model = ScriptedChatModel(responses=[answer, answer, answer])
    result = await arun_mission(mission("m-model"), model=model)
    model.assert_complete()
    assert result.success
    creative, research, brief = (result.results[f"m-model-seed-{n}"].output for n in (1, 2, 3))
    assert creative["options"][0]["hook"] == "Back to school, back to you"
    assert research["text"] == "rival research"
    assert brief["summary"] == "the brief"
    assert brief["creative_options"] == creative["options"] and research in brief["research"]
    assert result.usage.llm_calls == 3 and result.usage.input_tokens > 0
    # the brief (last) saw both upstream results in its prompt
    assert "Back to school, back to you" in model.calls[2].text and "rival research" in model.calls[2].text


async def test_two_approvals_pending_at_once_approve_and_reject() -> None:
    rec = Recorder(delay=0.0)
    plan = plan_of("m-appr", ("a", "clinical", []), ("b", "clinical", []), ("c", "browser", ["a"]))
    m = mission("m-appr", permissions=["agent:clinical", "phi:read"])
    paused = await arun_mission(m, plan=plan, agents=agents_for(rec))
    assert paused.status == "waiting_approval" and not paused.success
    assert sorted(a.subtask_id for a in paused.pending_approvals) == ["a", "b"]
    assert all(a.interrupt_id for a in paused.pending_approvals)
    assert rec.calls == {}

    with pytest.raises(UserError, match="not waiting for approval: zz"):
        resume_mission("m-appr", approvals={"zz": True}, agents=agents_for(rec))
    done = resume_mission(
        "m-appr",
        approvals={"a": True, "b": {"approved": False, "reason": "not today"}},
        agents=agents_for(rec),
    )
    assert done.status == "completed"
    assert done.results["a"].status == "succeeded" and done.results["c"].status == "succeeded"
    assert done.results["b"].status == "blocked" and "not today" in (done.results["b"].error or "")
    assert any(i.code == "approval.rejected" and i.subtask_id == "b" for i in done.issues)
    assert "b" not in rec.calls


def test_sync_api_status_and_thread_reuse() -> None:
    rec = Recorder(delay=0.0)
    plan = plan_of("m-sync", ("a", "marketing", []))
    result = execute_mission_plan(plan, mission("m-sync"), agents=agents_for(rec))
    assert result.success and result.thread_id == "m-sync"
    status = get_mission_status("m-sync")
    assert status.status == "completed" and status.results["a"].status == "succeeded"
    with pytest.raises(UserError, match="already holds a completed run"):
        run_mission(mission("m-sync"), agents=agents_for(rec))
    other = run_mission(mission("m-sync"), plan=plan, thread_id="m-sync-2", agents=agents_for(rec))
    assert other.success and other.thread_id == "m-sync-2"
    with pytest.raises(UserError, match="no mission run in thread 'nope'"):
        get_mission_status("nope")


async def test_sync_api_works_inside_a_running_loop() -> None:
    rec = Recorder(delay=0.0)
    result = run_mission(
        mission("m-loop"), plan=plan_of("m-loop", ("a", "marketing", [])), agents=agents_for(rec)
    )
    assert result.success


def test_graph_topology_snapshot() -> None:
    text = build_graph().get_graph().draw_mermaid()
    if not SNAPSHOT.exists():  # a developer's first run writes it (review, commit); CI must have it
        assert not os.environ.get("CI"), f"missing graph snapshot {SNAPSHOT}"
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(text)
    assert text == SNAPSHOT.read_text()
    for node in (
        "build_context",
        "plan",
        "guard_plan",
        "approval",
        "dispatch",
        "aggregate",
        "agent_browser",
        "agent_marketing",
        "agent_clinical",
        "agent_self_healing",
        "agent_shadow",
    ):
        assert f"\t{node}(" in text
