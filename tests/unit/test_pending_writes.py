"""graph/pending.py: LangGraph's pending writes in linear time, with LangGraph's own results.

Each scenario runs once with the wrapper and once with LangGraph's own `put_writes`, and
what LangGraph saved (pending writes of a failed superstep, the state after a resume, which
tasks ran again) must be the same.
"""

from __future__ import annotations

import asyncio
import operator
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypedDict

import pytest
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.pregel._loop import AsyncPregelLoop
from langgraph.types import Command, Send, interrupt

from global_orchestrator.graph import pending


def _merge(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any]:
    return {**(left or {}), **(right or {})}


class State(TypedDict, total=False):
    done: Annotated[dict[str, Any], _merge]
    log: Annotated[list[str], operator.add]


def _canon(channel: str, value: Any) -> tuple[str, str]:
    """A write as text; an interrupt by its value (its id is new in every run)."""
    if channel == "__interrupt__":
        return channel, repr([i.value for i in value])
    return channel, repr(value)


Snapshot = tuple[tuple[tuple[str, str], ...], tuple[int, ...]]


@contextmanager
def linear(enabled: bool) -> Iterator[list[Snapshot]]:
    """The wrapper installed (enabled) or LangGraph's own `put_writes` (not), for one scenario.

    Yields the loop's pending-write list as it is after every `put_writes` call: its writes
    (channel, value) and how many each task has (task ids are new in every run).
    """
    assert pending.install()
    wrapped = AsyncPregelLoop.put_writes
    if not enabled:
        with pending.stock():
            assert not pending.install()  # paused: a graph built meanwhile runs on stock LangGraph
            assert AsyncPregelLoop.put_writes is wrapped.__wrapped__  # type: ignore[attr-defined]
        assert AsyncPregelLoop.put_writes is wrapped
    inner = wrapped if enabled else wrapped.__wrapped__  # type: ignore[attr-defined]
    seen: list[Snapshot] = []

    def spy(self: Any, task_id: str, writes: Any, *, cached: bool = False) -> None:
        inner(self, task_id, writes, cached=cached)
        now = self.checkpoint_pending_writes
        per_task = Counter(task for task, _channel, _value in now)
        seen.append((tuple(sorted(_canon(c, v) for _t, c, v in now)), tuple(sorted(per_task.values()))))

    AsyncPregelLoop.put_writes = spy  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        AsyncPregelLoop.put_writes = wrapped  # type: ignore[method-assign]


def fan_out(n: int, behaviour: dict[str, str], runs: Counter[str]) -> Any:
    """START sends `n` workers in one superstep; `behaviour[id]` is "fail", "ask" or absent (ok)."""
    ids = [f"w{i}" for i in range(n)]
    others_done = asyncio.Event()
    finished: set[str] = set()

    def route(_state: State) -> list[Send]:
        return [Send("worker", {"id": i}) for i in ids]

    async def worker(payload: dict[str, Any]) -> dict[str, Any]:
        sid = payload["id"]
        runs[sid] += 1
        kind = behaviour.get(sid)
        if kind == "fail":
            await asyncio.wait_for(others_done.wait(), 5)  # fail once every other task finished
            raise RuntimeError(f"{sid} failed")
        if kind == "ask":
            answer = interrupt(f"{sid}?")
            return {"done": {sid: answer}, "log": [f"{sid} asked"]}
        finished.add(sid)
        if len(finished) == len([i for i in ids if behaviour.get(i) != "fail"]):
            others_done.set()
        return {"done": {sid: sid.upper()}, "log": [sid]}

    graph: Any = StateGraph(State)
    graph.add_node("start", lambda _s: {})
    graph.add_node("worker", worker)
    graph.add_edge(START, "start")
    graph.add_conditional_edges("start", route, ["worker"])
    graph.add_edge("worker", END)
    return graph.compile(checkpointer=InMemorySaver())


def test_install_is_idempotent_and_keeps_langgraphs_function() -> None:
    assert pending.install()
    first = AsyncPregelLoop.put_writes
    assert pending.install()
    assert AsyncPregelLoop.put_writes is first
    assert first.__wrapped__ is not first  # type: ignore[attr-defined]


async def _failed_superstep(enabled: bool, durability: Any) -> tuple[Any, ...]:
    runs: Counter[str] = Counter()
    with linear(enabled) as seen:
        graph = fan_out(40, {"w7": "fail"}, runs)
        config = {"configurable": {"thread_id": "t"}}
        with pytest.raises(RuntimeError, match="w7 failed"):
            await graph.ainvoke({"done": {}}, config, durability=durability)
        saved = await graph.checkpointer.aget_tuple(config)
        writes = Counter((channel, repr(value)) for _task, channel, value in saved.pending_writes)
        graph_fixed = fan_out(40, {}, runs)  # the same graph, the failing task fixed
        graph_fixed.checkpointer = graph.checkpointer
        final = await graph_fixed.ainvoke(None, config, durability=durability)
    return writes, final, runs, seen


@pytest.mark.parametrize("durability", ["sync", "async", "exit"])
async def test_a_failed_superstep_saves_the_same_pending_writes_and_resumes_the_same(durability: Any) -> None:
    ours = await _failed_superstep(True, durability)
    stock = await _failed_superstep(False, durability)
    writes, final, runs, seen = ours
    assert seen == stock[3] and len(seen) > 40  # the loop's list after every call, as LangGraph keeps it
    assert writes == stock[0]
    assert sum(n for (channel, _), n in writes.items() if channel == "done") == 39  # each finished one once
    assert final == stock[1]
    assert final["done"] == {f"w{i}": f"W{i}" for i in range(40)}
    assert runs == stock[2]
    assert runs["w7"] == 2 and all(runs[f"w{i}"] == 1 for i in range(40) if i != 7)  # finished: not run again


async def _interrupted(enabled: bool, durability: Any) -> tuple[Any, ...]:
    runs: Counter[str] = Counter()
    with linear(enabled) as seen:
        graph = fan_out(12, {"w3": "ask"}, runs)
        config = {"configurable": {"thread_id": "t"}}
        first = await graph.ainvoke({"done": {}}, config, durability=durability)
        asked = [i.value for i in first.get("__interrupt__", [])]
        final = await graph.ainvoke(Command(resume="yes"), config, durability=durability)
    return asked, final, runs, seen


@pytest.mark.parametrize("durability", ["sync", "exit"])
async def test_a_task_that_writes_again_after_an_interrupt_is_saved_as_langgraph_saves_it(
    durability: Any,
) -> None:
    ours = await _interrupted(True, durability)
    stock = await _interrupted(False, durability)
    asked, final, runs, seen = ours
    assert seen == stock[3]
    # on the resume the asking task writes again: its interrupt is dropped, its result kept
    assert any(c == "__interrupt__" for c, _ in seen[-2][0])
    assert ("done", repr({"w3": "yes"})) in seen[-1][0]
    assert not any(c == "__interrupt__" for c, _ in seen[-1][0])
    assert asked == stock[0] == ["w3?"]
    assert final == stock[1]
    assert final["done"]["w3"] == "yes" and len(final["done"]) == 12
    assert sorted(final["log"]) == sorted(stock[1]["log"])
    assert runs == stock[2] and runs["w3"] == 2 and runs["w0"] == 1


def test_an_untested_langgraph_version_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    wrapped = AsyncPregelLoop.put_writes
    AsyncPregelLoop.put_writes = wrapped.__wrapped__  # type: ignore[attr-defined, method-assign]
    try:
        monkeypatch.setattr(pending, "version", lambda _name: "9.0.0")
        assert pending.install() is False
        assert AsyncPregelLoop.put_writes is wrapped.__wrapped__  # type: ignore[attr-defined]
    finally:
        AsyncPregelLoop.put_writes = wrapped  # type: ignore[method-assign]
