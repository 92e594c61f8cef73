import pytest

from global_orchestrator import MissionPlan, Subtask
from global_orchestrator.planner import topological_order


def make(*edges: tuple[str, list[str]]) -> MissionPlan:
    return MissionPlan(
        mission_id="m",
        subtasks=[
            Subtask(id=sid, agent="marketing", description=f"do {sid}", depends_on=deps)
            for sid, deps in edges
        ],
    )


def test_mermaid_has_a_node_per_subtask_and_an_edge_per_dependency() -> None:
    plan = make(("a", []), ("b", []), ("c", ["a", "b"]))
    text = plan.to_mermaid()
    lines = text.strip().splitlines()
    assert lines[0] == "flowchart TD"
    assert sum('["' in line for line in lines) == 3
    assert "    s1_a --> s3_c" in lines and "    s2_b --> s3_c" in lines
    assert len([line for line in lines if "-->" in line]) == 2


def test_mermaid_escapes_labels() -> None:
    plan = MissionPlan(
        mission_id="m", subtasks=[Subtask(id="x-1", agent="browser", description='Say "hi" <b>')]
    )
    text = plan.to_mermaid()
    assert '"hi"' not in text and "#quot;hi#quot;" in text and "<b>" not in text


def test_critical_path_uses_latencies() -> None:
    plan = make(("a", []), ("b", []), ("c", ["a", "b"]), ("d", ["c"]))
    path = plan.critical_path({"a": 1, "b": 5, "c": 2, "d": 1})
    assert path.subtask_ids == ["b", "c", "d"]
    assert path.duration == 8
    assert plan.critical_path().duration == 3  # default latency 1


def test_critical_path_of_a_cycle_raises() -> None:
    with pytest.raises(ValueError, match="cycle"):
        make(("a", ["b"]), ("b", ["a"])).critical_path()


def test_topological_order_picks_the_earliest_ready_subtask_in_plan_order() -> None:
    plan = make(("d", ["b"]), ("a", []), ("b", ["a"]), ("c", []))
    # ready first: a and c -> a (earlier); then b and c -> b; then d (position 0) before c
    assert topological_order(plan.subtasks) == ["a", "b", "d", "c"]


def test_long_chains_do_not_hit_the_recursion_limit() -> None:
    n = 5000
    plan = make(*((f"t{i}", [f"t{i - 1}"] if i else []) for i in range(n)))
    assert plan.critical_path().duration == n
    assert plan.orchestration_graph.edges[-1].target == f"t{n - 1}"
