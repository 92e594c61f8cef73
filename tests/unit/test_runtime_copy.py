"""graph/runtime_copy.py: LangGraph's per-task `Runtime` copies, made without `dataclasses.replace`."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from langgraph.runtime import DEFAULT_RUNTIME, ExecutionInfo, Runtime

from global_orchestrator.graph import runtime_copy


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


INFO = ExecutionInfo(checkpoint_id="c1", checkpoint_ns="ns", task_id="t1", thread_id="th", run_id="r1")
BASE = DEFAULT_RUNTIME.override(execution_info=INFO, context={"k": 1}, previous=[1, 2])


@pytest.mark.parametrize(
    "overrides",
    [{}, {"previous": None}, {"context": "ctx", "store": None}, {"execution_info": None, "control": None}],
)
def test_override_equals_langgraphs_replace(overrides: dict[str, Any]) -> None:
    assert runtime_copy.install()
    assert getattr(Runtime.override, "_go_fast", False)
    fast = BASE.override(**overrides)
    with runtime_copy.stock():
        assert not getattr(Runtime.override, "_go_fast", False)
        stock = BASE.override(**overrides)
    assert type(fast) is Runtime and fast is not BASE
    assert _fields(fast) == _fields(stock)
    assert fast == stock
    for name, value in overrides.items():
        assert getattr(fast, name) is value
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.previous = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    "overrides", [{}, {"node_attempt": 2}, {"node_attempt": 3, "node_first_attempt_time": 1.5}]
)
def test_patch_execution_info_equals_langgraphs(overrides: dict[str, Any]) -> None:
    assert runtime_copy.install()
    fast = BASE.patch_execution_info(**overrides)
    with runtime_copy.stock():
        stock = BASE.patch_execution_info(**overrides)
    assert fast == stock and fast.execution_info == stock.execution_info
    assert type(fast.execution_info) is ExecutionInfo
    assert fast.execution_info is not INFO
    assert INFO.node_attempt == 1  # the original is untouched
    assert _fields(fast) | {"execution_info": None} == _fields(BASE) | {"execution_info": None}


def test_other_calls_go_to_langgraph() -> None:
    assert runtime_copy.install()
    with pytest.raises(TypeError):  # not a field: dataclasses.replace's own error
        BASE.override(nonsense=1)  # type: ignore[call-arg]
    with pytest.raises(RuntimeError, match="before it has been set"):
        DEFAULT_RUNTIME.override(execution_info=None).patch_execution_info(node_attempt=2)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Mine(Runtime):  # type: ignore[type-arg]
        extra: int = 0

        def __post_init__(self) -> None:
            object.__setattr__(self, "extra", self.extra + 1)

    mine = Mine(extra=1)
    copied = mine.override(previous=5)  # a subclass: LangGraph's replace, which runs __post_init__
    assert type(copied) is Mine and copied.extra == 3 and copied.previous == 5


async def test_a_graph_sees_its_attempt_and_task_through_the_copies() -> None:
    from langgraph.graph import END, START, StateGraph
    from langgraph.runtime import get_runtime
    from langgraph.types import RetryPolicy
    from typing_extensions import TypedDict

    class State(TypedDict, total=False):
        seen: list[Any]

    attempts: list[int] = []

    def node(state: State) -> State:
        info = get_runtime().execution_info
        assert info is not None
        attempts.append(info.node_attempt)
        if info.node_attempt < 2:
            raise ValueError("once more")
        return {"seen": [info.node_attempt, info.task_id is not None]}

    assert runtime_copy.install()
    graph: Any = StateGraph(State)
    graph.add_node(
        "node", node, retry_policy=RetryPolicy(initial_interval=0.0, jitter=False, retry_on=ValueError)
    )
    graph.add_edge(START, "node")
    graph.add_edge("node", END)
    out = await graph.compile().ainvoke({})
    assert attempts == [1, 2] and out["seen"] == [2, True]
