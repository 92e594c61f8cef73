"""The scheduler through the public API: eager starts, concurrency bound, budget in flight, shadows."""

import asyncio
import contextlib
import gc
import time
from typing import Any

from langgraph.checkpoint.memory import InMemorySaver

from global_orchestrator import (
    AgentContext,
    AgentOutput,
    Mission,
    MissionPlan,
    Subtask,
    Usage,
    arun_mission,
    build_graph,
)
from global_orchestrator.agents.catalog import ToolSpec
from global_orchestrator.graph.board import DEFERRED_FULL, FREEZE_MIN_TASKS, HOLD_MIN_TASKS
from global_orchestrator.graph.nodes import Engine
from global_orchestrator.redaction import REDACTED


def mission(mid: str, **kw: Any) -> Mission:
    return Mission.model_validate({"id": mid, "type": "marketing.campaign", "goal": "Spring sale", **kw})


def plan(mid: str, deps: dict[str, list[str]], tool: str = "marketing.draft_copy") -> MissionPlan:
    return MissionPlan(
        mission_id=mid,
        subtasks=[
            Subtask(id=sid, agent="marketing", tool=tool, description=f"Do {sid}", depends_on=d)
            for sid, d in deps.items()
        ],
    )


class Sleeper:
    """Sleeps `delays[id]`, records (start, end) per subtask and the most agents running at once."""

    def __init__(self, delays: dict[str, float], cost: float = 0.0) -> None:
        self.delays, self.cost = delays, cost
        self.spans: dict[str, tuple[float, float]] = {}
        self.running = 0
        self.most = 0

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        start = time.monotonic()
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(self.delays.get(subtask.id, 0.01))
        finally:
            self.running -= 1
        self.spans[subtask.id] = (start, time.monotonic())
        return AgentOutput(output={"id": subtask.id}, usage=Usage(cost=self.cost))


async def test_a_dependant_starts_before_an_unrelated_slower_task_of_its_wave_finishes() -> None:
    # waves would be [a, slow] then [b]: b would wait for slow; here it waits for a only
    agent = Sleeper({"a": 0.05, "slow": 0.6, "b": 0.05})
    result = await arun_mission(
        mission("sch-eager"),
        plan=plan("sch-eager", {"a": [], "slow": [], "b": ["a"]}),
        agents={"marketing": agent},
    )
    assert result.success
    (a0, a1), (s0, s1), (b0, b1) = agent.spans["a"], agent.spans["slow"], agent.spans["b"]
    assert a0 < s1 and s0 < a1  # a and slow overlap (one "wave")
    assert b0 >= a1  # b started after its dependency finished ...
    assert b1 < s1  # ... and finished before the slower, unrelated task of that wave
    saved = result.results
    assert saved["b"].started_at < saved["slow"].finished_at  # the saved timestamps say the same


async def test_zig_zag_chains_never_wait_for_the_other_chains_slow_step() -> None:
    # two chains, slow (0.5 s) and fast steps out of phase: in waves every step k would wait
    # for the slower of x_k and y_k; here each slow step starts while the other chain's slow
    # step of the previous "wave" is still running (order of spans, no wall-clock budget)
    deps: dict[str, list[str]] = {}
    delays: dict[str, float] = {}
    for chain in "xy":
        for step in range(4):
            deps[f"{chain}{step}"] = [f"{chain}{step - 1}"] if step else []
            delays[f"{chain}{step}"] = 0.5 if (step % 2 == 0) == (chain == "x") else 0.01
    agent = Sleeper(delays)
    result = await arun_mission(mission("sch-zz"), plan=plan("sch-zz", deps), agents={"marketing": agent})
    assert result.success
    spans = agent.spans
    assert spans["y1"][0] < spans["x0"][1]  # y1 (slow) started while x0 (slow, wave 0) ran
    assert spans["y3"][0] < spans["x2"][1]  # y3 (slow) started while x2 (slow, wave 2) ran
    for sid, needs in deps.items():  # and never before its own dependency finished
        assert all(spans[sid][0] >= spans[d][1] for d in needs)


async def test_max_concurrency_bounds_agent_work_without_deadlock() -> None:
    # a wide layer and a chain behind it: waiting tasks must not hold the slots
    deps = {f"w{i}": [] for i in range(8)} | {"c1": ["w7"], "c2": ["c1"], "c3": ["c2", "w0"]}
    agent = Sleeper(dict.fromkeys(deps, 0.03))
    result = await asyncio.wait_for(
        arun_mission(
            mission("sch-conc"), plan=plan("sch-conc", deps), agents={"marketing": agent}, max_concurrency=2
        ),
        timeout=30,
    )
    assert result.success and len(agent.spans) == len(deps)
    assert agent.most == 2


async def test_budget_counts_what_is_in_flight_and_defers_what_does_not_fit_beside_it() -> None:
    # declared cost 4 per call, budget 10: two fit at once; the third waits (it fits alone),
    # and once one finished (actual spend 1) it is admitted instead of being skipped
    tool = ToolSpec("marketing.buy_slot", "Buy an ad slot", cost=4)
    deps: dict[str, list[str]] = {"s1": [], "s2": [], "s3": []}
    agent = Sleeper({"s1": 0.1, "s2": 0.3, "s3": 0.05}, cost=1)
    result = await arun_mission(
        mission("sch-budget", constraints={"budget": 10}),
        plan=plan("sch-budget", deps, tool="marketing.buy_slot"),
        agents={"marketing": agent},
        tools=[tool],
    )
    assert result.success, [str(i) for i in result.issues]
    assert agent.most == 2
    assert agent.spans["s3"][0] >= agent.spans["s1"][1]  # deferred until s1 finished
    assert agent.spans["s3"][0] < agent.spans["s2"][1]  # not until the whole "wave" finished


async def test_a_slow_shadow_candidate_delays_neither_the_primary_nor_its_dependants() -> None:
    async def candidate(subtask: Subtask, ctx: AgentContext) -> Any:
        await asyncio.sleep(0.8)
        return {"text": "slow candidate"}

    agent = Sleeper({"copy": 0.05, "next": 0.05})
    m = mission("sch-shadow", context={"shadow": {"marketing": "candidate"}})
    result = await arun_mission(
        m,
        plan=plan("sch-shadow", {"copy": [], "next": ["copy"]}),
        agents={"marketing": agent},
        shadow_agents={"candidate": candidate},
        shadow_timeout=5,
    )
    assert result.success
    copy_end, next_start = agent.spans["copy"][1], agent.spans["next"][0]
    assert next_start - copy_end < 0.3  # the dependant did not wait for the 0.8 s candidate
    shadow = result.results["copy#shadow"].output
    assert shadow["output"] == {"text": "slow candidate"}
    # each latency from its own start: the candidate is not charged the primary's time, nor the reverse
    assert shadow["latencyMs"]["primary"] < 400 <= shadow["latencyMs"]["candidate"] < 1500
    assert result.results["next#shadow"].output["latencyMs"]["candidate"] >= 700


async def test_a_large_plan_runs() -> None:
    deps = {f"t{i}": ([f"t{i - 1000}"] if i >= 1000 else []) for i in range(3000)}
    agent = Sleeper({})
    result = await arun_mission(
        mission("sch-large"), plan=plan("sch-large", deps), agents={"marketing": agent}
    )
    assert result.success and len(result.results) == 3000


async def test_a_large_superstep_holds_the_collector_while_it_runs_and_releases_it(monkeypatch: Any) -> None:
    before = gc.get_threshold()
    # the hold is taken as dispatch's router returns, before LangGraph makes the tasks: a
    # full collection while it makes them must not walk the heap that was there before
    routed: list[int] = []
    route = Engine.route_after_dispatch

    async def spy(self: Engine, state: Any) -> Any:
        sends = await route(self, state)
        routed.append(gc.get_freeze_count())
        return sends

    monkeypatch.setattr(Engine, "route_after_dispatch", spy)

    def seen_by(seen: list[tuple[int, int]]) -> Any:
        async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
            seen.append((gc.get_threshold()[2], gc.get_freeze_count()))
            return {"id": subtask.id}

        return agent

    # at least HOLD_MIN_TASKS: held from dispatch on, full collections deferred
    large: list[tuple[int, int]] = []
    deps = {
        f"t{i}": ([f"t{i - HOLD_MIN_TASKS // 2}"] if i >= HOLD_MIN_TASKS // 2 else [])
        for i in range(HOLD_MIN_TASKS)
    }
    result = await arun_mission(
        mission("sch-gc"), plan=plan("sch-gc", deps), agents={"marketing": seen_by(large)}
    )
    assert result.success
    assert {third for third, _ in large} == {DEFERRED_FULL}
    assert all(frozen > 0 for _, frozen in large)
    assert routed.pop() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    # FREEZE_MIN_TASKS up to HOLD_MIN_TASKS: held from dispatch on, full collections as usual
    middle: list[tuple[int, int]] = []
    deps = {f"t{i}": [] for i in range(FREEZE_MIN_TASKS)}
    await arun_mission(
        mission("sch-gc-mid"), plan=plan("sch-gc-mid", deps), agents={"marketing": seen_by(middle)}
    )
    assert {third for third, _ in middle} == {before[2]}
    assert all(frozen > 0 for _, frozen in middle)
    assert routed.pop() > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0

    few: list[tuple[int, int]] = []
    await arun_mission(
        mission("sch-gc-few"),
        plan=plan("sch-gc-few", {"a": [], "b": ["a"]}),
        agents={"marketing": seen_by(few)},
    )
    assert few == [(before[2], 0)] * 2  # nothing held
    assert routed.pop() == 0


async def test_one_compiled_graph_resumes_a_cancelled_run_from_its_saved_results() -> None:
    """The same graph object (same engine) resumes: its board is re-seeded from the checkpoint."""
    calls: list[str] = []

    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        calls.append(subtask.id)
        await asyncio.sleep({"slow": 1.0}.get(subtask.id, 0.01))
        return {"id": subtask.id, "saw": sorted(ctx.upstream)}

    deps = {"a": [], "b": ["a"], "slow": [], "c": ["b", "slow"]}
    p = plan("sch-cancel", deps).to_dict()
    p.pop("orchestrationGraph", None)
    graph = build_graph(agents={"marketing": agent}, checkpointer=InMemorySaver())
    config: dict[str, Any] = {"configurable": {"thread_id": "sch-cancel"}}
    run = asyncio.ensure_future(
        graph.ainvoke({"mission": mission("sch-cancel").to_dict(), "plan": p}, config, durability="sync")
    )
    while calls.count("b") == 0 or len(calls) < 3:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)  # b's write is saved; slow is still running
    run.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await run
    assert sorted(calls) == ["a", "b", "slow"]

    calls.clear()
    out = await asyncio.wait_for(graph.ainvoke(None, config, durability="sync"), timeout=30)
    result = out["result"]
    assert result["success"], result
    assert sorted(calls) == ["c", "slow"]  # a and b were saved: not run again
    assert result["results"]["c"]["output"] == {"id": "c", "saw": ["b", "slow"]}


class LosingSaver(InMemorySaver):
    """An in-memory saver whose save of one task's write (the one holding only `lost`) never lands.

    A crash between a dependency's publish and its save, made deterministic: the dependant
    starts from the published record and its own write is saved first.
    """

    def __init__(self, lost: str) -> None:
        super().__init__()
        self.lost = lost
        self.dropped = False
        self.saved: list[set[str]] = []

    async def aput_writes(self, config: Any, writes: Any, task_id: str, task_path: str = "") -> None:
        keys = {k for channel, value in writes if channel == "results" for k in value}
        if keys == {self.lost} and not self.dropped:
            self.dropped = True  # the process "died" before this save
            return
        self.saved.append(keys)
        await super().aput_writes(config, writes, task_id, task_path)


async def test_a_dependants_write_carries_what_it_read_so_a_lost_dependency_write_is_not_run_again() -> None:
    runs: list[str] = []
    tokens: dict[str, list[str]] = {}

    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        runs.append(subtask.id)
        await asyncio.sleep({"slow": 1.0}.get(subtask.id, 0.01))
        token = f"{subtask.id}-{len(runs)}"
        tokens.setdefault(subtask.id, []).append(token)
        return {"token": token, "saw": {d: out["token"] for d, out in ctx.upstream.items()}}

    deps = {"a": [], "b": ["a"], "slow": [], "c": ["b", "slow"]}
    p = plan("sch-lost", deps).to_dict()
    p.pop("orchestrationGraph", None)
    saver = LosingSaver("a")
    graph = build_graph(agents={"marketing": agent}, checkpointer=saver)
    config: dict[str, Any] = {"configurable": {"thread_id": "sch-lost"}}
    run = asyncio.ensure_future(
        graph.ainvoke({"mission": mission("sch-lost").to_dict(), "plan": p}, config, durability="sync")
    )
    while not any("b" in keys for keys in saver.saved):
        await asyncio.sleep(0.01)
    run.cancel()  # the crash: a's write was never saved, b's was
    with contextlib.suppress(asyncio.CancelledError):
        await run
    assert saver.dropped and sorted(runs) == ["a", "b", "slow"]

    out = await asyncio.wait_for(graph.ainvoke(None, config, durability="sync"), timeout=30)
    result = out["result"]["results"]
    assert sorted(runs) == ["a", "b", "c", "slow", "slow"]  # a is not run again: b's write held it
    assert result["a"]["output"]["token"] == tokens["a"][0]
    assert result["b"]["output"]["saw"] == {"a": tokens["a"][0]}  # b read the a that was kept
    assert result["c"]["output"]["saw"] == {"b": result["b"]["output"]["token"], "slow": tokens["slow"][-1]}


async def test_served_graph_streams_each_subtask_result_redacted_in_the_output_channel() -> None:
    # LangGraph Server streams `updates` filtered to the output channels (`result`)
    async def agent(subtask: Subtask, ctx: AgentContext) -> Any:
        if subtask.id == "note":
            return {"text": "Patient Jane Roe, MRN 7730142, DOB 03/04/1961"}
        return {"id": subtask.id}

    p = plan("sch-progress", {"a": [], "b": ["a"]}).to_dict()
    p.pop("orchestrationGraph", None)
    p["subtasks"].append(
        {"id": "note", "agent": "browser", "tool": "browser.fetch", "description": "Fetch the page"}
    )
    graph = build_graph(agents={"marketing": agent, "browser": agent})  # no saver: as served
    seen: dict[str, dict[str, Any]] = {}
    final: dict[str, Any] = {}
    async for chunk in graph.astream(
        {"mission": mission("sch-progress").to_dict(), "plan": p},
        stream_mode="updates",
        output_keys=graph.output_channels,
    ):
        for node, update in chunk.items():
            if node.startswith("agent_"):
                assert update is not None, chunk
                (sid, record), *_ = update["result"]["results"].items()
                seen[sid] = record
            elif node == "aggregate":
                final = update["result"]
    assert set(seen) == {"a", "b", "note"}
    assert seen["a"]["status"] == "succeeded" and seen["a"]["output"] == {"id": "a"}
    assert "phi" in seen["note"]["labels"] and seen["note"]["output"] == REDACTED
    assert final["success"] is True and set(final["results"]) == {"a", "b", "note"}
