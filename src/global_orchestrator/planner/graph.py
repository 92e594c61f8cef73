"""The plan as a graph: nodes and edges, cycles, topological order, Mermaid, critical path."""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from global_orchestrator.models import CriticalPath, GraphEdge, GraphNode, OrchestrationGraph

if TYPE_CHECKING:
    from global_orchestrator.models import MissionPlan, Subtask


def orchestration_graph(plan: MissionPlan) -> OrchestrationGraph:
    """Subtasks as nodes, known dependencies as edges (dependency → dependant)."""
    ids = {s.id for s in plan.subtasks}
    nodes = [GraphNode(id=s.id, agent=s.agent, label=s.description) for s in plan.subtasks]
    edges = [
        GraphEdge(source=dep, target=s.id)
        for s in plan.subtasks
        for dep in dict.fromkeys(s.depends_on)
        if dep in ids
    ]
    return OrchestrationGraph(nodes=nodes, edges=edges)


def find_cycle(subtasks: Sequence[Subtask]) -> list[str] | None:
    """Return one dependency cycle as `[a, b, ..., a]`, or None if the graph is acyclic.

    Unknown dependencies are ignored (validation reports them separately).
    """
    deps = {s.id: list(s.depends_on) for s in subtasks}
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(deps, white)
    for root in deps:
        if colour[root] != white:
            continue
        # Iterative DFS: a deep chain must not hit Python's recursion limit.
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = [root]
        colour[root] = grey
        while stack:
            node, index = stack[-1]
            children = [d for d in deps[node] if d in deps]
            if index < len(children):
                stack[-1] = (node, index + 1)
                child = children[index]
                if colour[child] == grey:
                    start = path.index(child)
                    return [*path[start:], child]
                if colour[child] == white:
                    colour[child] = grey
                    stack.append((child, 0))
                    path.append(child)
            else:
                colour[node] = black
                stack.pop()
                path.pop()
    return None


def topological_order(subtasks: Sequence[Subtask]) -> list[str]:
    """Subtask ids with every dependency before its dependants; ties keep plan order.

    Raises:
        ValueError: the dependencies form a cycle.
    """
    ids = [s.id for s in subtasks]
    position: dict[str, int] = {}
    for i, sid in enumerate(ids):
        position.setdefault(sid, i)
    dependants: dict[str, list[str]] = {sid: [] for sid in position}
    waiting = dict.fromkeys(position, 0)
    for i, s in enumerate(subtasks):
        if position[s.id] != i:
            continue  # a duplicate id: validation reports it; order the first one only
        for dep in set(s.depends_on):
            if dep in position:
                dependants[dep].append(s.id)
                waiting[s.id] += 1
    ready = [position[sid] for sid, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        sid = ids[heapq.heappop(ready)]
        order.append(sid)
        for child in dependants[sid]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, position[child])
    if len(order) < len(position):
        cycle = find_cycle(subtasks) or sorted(set(position) - set(order))
        raise ValueError("dependency cycle: " + " -> ".join(cycle))
    return order


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_]")


def _mermaid_id(subtask_id: str, index: int) -> str:
    return f"s{index}_{_UNSAFE_ID.sub('_', subtask_id)}"


def _mermaid_label(text: str) -> str:
    escaped = text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
    return escaped.replace("\n", " ")


def to_mermaid(plan: MissionPlan) -> str:
    """Render the plan as a Mermaid `flowchart TD`: one node per subtask, an edge per dependency."""
    names = {s.id: _mermaid_id(s.id, i) for i, s in enumerate(plan.subtasks, start=1)}
    lines = ["flowchart TD"]
    for s in plan.subtasks:
        tool = f" ({s.tool})" if s.tool else ""
        label = _mermaid_label(f"{s.id}<br/>{s.agent}{tool}: {s.description}")
        label = label.replace("#lt;br/#gt;", "<br/>")
        lines.append(f'    {names[s.id]}["{label}"]')
    for edge in orchestration_graph(plan).edges:
        lines.append(f"    {names[edge.source]} --> {names[edge.target]}")
    return "\n".join(lines) + "\n"


def critical_path(plan: MissionPlan, latencies: Mapping[str, float] | None = None) -> CriticalPath:
    """The chain of dependent subtasks with the largest summed latency (default 1 each).

    Raises:
        ValueError: the plan has a dependency cycle, or a latency is negative.
    """
    latency = dict(latencies or {})
    if any(v < 0 for v in latency.values()):
        raise ValueError("latencies must not be negative")
    by_id = {s.id: s for s in plan.subtasks}
    finish: dict[str, float] = {}
    previous: dict[str, str | None] = {}
    for sid in topological_order(plan.subtasks):
        deps = [d for d in by_id[sid].depends_on if d in by_id]
        best = max(deps, key=lambda d: finish[d], default=None)
        start = finish[best] if best is not None else 0.0
        finish[sid] = start + float(latency.get(sid, 1.0))
        previous[sid] = best
    if not finish:
        return CriticalPath(subtask_ids=[], duration=0.0)
    end: str | None = max(finish, key=lambda k: finish[k])
    total = finish[end] if end is not None else 0.0
    chain: list[str] = []
    while end is not None:
        chain.append(end)
        end = previous[end]
    return CriticalPath(subtask_ids=chain[::-1], duration=total)
