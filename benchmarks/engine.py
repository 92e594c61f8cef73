"""Engine benchmark: overhead vs a bare LangGraph Send wavefront, checkpoint bytes, makespan.

    python benchmarks/engine.py [--quick] [--out benchmarks/results/engine.json]

1. Per-subtask overhead ratio to bare LangGraph at 10, 100 and 1,000 subtasks, in memory
   and on SQLite (same DAG, same no-op work, same durability). Target <= 1.5x.
2. Checkpoint bytes per mission at 100 and 1,000 subtasks (SQLite). Target: 10x the
   subtasks costs <= 12x the bytes.
3. Makespan / critical path with sleeping agents: uniform latencies of 50 ms (target
   <= 1.05) and 0.5 s (closer to real model calls: fixed start-up costs amortise), and
   mixed latencies (reported; supersteps are barriers, see DESIGN-NOTES.md).

The DAG: `depth` layers (default 5) of n/depth subtasks; each subtask past the first
layer depends on two random subtasks of the layer before (seeded). Prints a table and
writes JSON. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import operator
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypedDict

from langgraph.graph import END, START, StateGraph
from langgraph.types import Send

from global_orchestrator import Mission, MissionPlan, RetrySettings, Subtask, aexecute_mission_plan
from global_orchestrator.persistence import open_checkpointer

FAMILIES = ("browser", "marketing", "clinical", "self_healing", "shadow")


def make_dag(n: int, depth: int = 5, seed: int = 7) -> dict[str, list[str]]:
    """Subtask id → dependencies, in layers."""
    rng = random.Random(seed)
    depth = max(1, min(depth, n))
    layers: list[list[str]] = [[] for _ in range(depth)]
    for i in range(n):
        layers[i * depth // n].append(f"t{i}")
    deps: dict[str, list[str]] = {}
    for level, layer in enumerate(layers):
        for sid in layer:
            prev = layers[level - 1] if level else []
            deps[sid] = sorted(rng.sample(prev, min(2, len(prev)))) if prev else []
    return deps


def make_plan(mission_id: str, deps: dict[str, list[str]]) -> MissionPlan:
    return MissionPlan(
        mission_id=mission_id,
        subtasks=[
            Subtask(
                id=sid,
                agent="marketing",
                tool="marketing.draft_copy",
                description=f"step {sid}",
                depends_on=d,
            )
            for sid, d in deps.items()
        ],
    )


def make_mission(mission_id: str) -> Mission:
    return Mission(id=mission_id, type="marketing.campaign", goal="benchmark", constraints={"budget": 10})


# -- the bare baseline ------------------------------------------------------------------------


def _merge(left: dict[str, Any] | None, right: dict[str, Any] | None) -> dict[str, Any]:
    return {**(left or {}), **(right or {})}


class BareState(TypedDict, total=False):
    done: Annotated[dict[str, Any], _merge]
    log: Annotated[list[str], operator.add]


def bare_graph(deps: dict[str, list[str]], work: Callable[[str], Awaitable[Any]], checkpointer: Any) -> Any:
    """The minimal Send wavefront: dispatch sends every ready subtask, workers loop back."""
    ids = list(deps)

    def dispatch(state: BareState) -> dict[str, Any]:
        return {}

    def route(state: BareState) -> Any:
        done = state.get("done") or {}
        ready = [i for i in ids if i not in done and all(d in done for d in deps[i])]
        return [Send("worker", {"id": i}) for i in ready] or END

    async def worker(payload: dict[str, Any]) -> dict[str, Any]:
        out = await work(payload["id"])
        return {"done": {payload["id"]: out}}

    graph: Any = StateGraph(BareState)
    graph.add_node("dispatch", dispatch)
    graph.add_node("worker", worker)
    graph.add_edge(START, "dispatch")
    graph.add_conditional_edges("dispatch", route, ["worker", END])
    graph.add_edge("worker", "dispatch")
    return graph.compile(checkpointer=checkpointer)


async def run_bare(
    deps: dict[str, list[str]], work: Callable[[str], Awaitable[Any]], db: str, thread: str
) -> float:
    async with open_checkpointer(db) as saver:
        graph = bare_graph(deps, work, saver)
        config = {"configurable": {"thread_id": thread}, "recursion_limit": 100_000}
        start = time.perf_counter()
        await graph.ainvoke({"done": {}}, config, durability="sync")
        return time.perf_counter() - start


async def run_ours(
    deps: dict[str, list[str]], work: Callable[[str], Awaitable[Any]], db: str, thread: str
) -> float:
    async def agent(subtask: Subtask, ctx: Any) -> Any:
        return await work(subtask.id)

    plan = make_plan(thread, deps)
    mission = make_mission(thread)
    agents = dict.fromkeys(FAMILIES, agent)
    start = time.perf_counter()
    result = await aexecute_mission_plan(
        plan, mission, agents=agents, db=db, retry=RetrySettings(max_attempts=1)
    )
    elapsed = time.perf_counter() - start
    assert result.success, [str(i) for i in result.issues][:3]
    return elapsed


async def noop(_sid: str) -> dict[str, bool]:
    return {"ok": True}


def sqlite_bytes(path: Path) -> int:
    """Bytes of checkpoints and pending writes stored in a SQLite checkpoint file."""
    with sqlite3.connect(path) as conn:
        cp = conn.execute(
            "select coalesce(sum(length(checkpoint) + length(metadata)), 0) from checkpoints"
        ).fetchone()[0]
        wr = conn.execute("select coalesce(sum(length(value)), 0) from writes").fetchone()[0]
    return int(cp) + int(wr)


# -- the three figures ---------------------------------------------------------------------------


async def overhead(sizes: list[int], repeats: int, tmp: Path) -> list[dict[str, Any]]:
    rows = []
    for backend in ("memory", "sqlite"):
        for n in sizes:
            deps = make_dag(n)
            ours, bare = [], []
            for r in range(repeats):
                db = "memory" if backend == "memory" else f"sqlite:///{tmp}/ovh-{backend}-{n}-{r}.db"
                # alternate the order so neither side always runs on a warmer process
                if r % 2 == 0:
                    bare.append(await run_bare(deps, noop, db, f"bare-{backend}-{n}-{r}"))
                    ours.append(await run_ours(deps, noop, db, f"ours-{backend}-{n}-{r}"))
                else:
                    ours.append(await run_ours(deps, noop, db, f"ours-{backend}-{n}-{r}"))
                    bare.append(await run_bare(deps, noop, db, f"bare-{backend}-{n}-{r}"))
            o, b = statistics.median(ours), statistics.median(bare)
            rows.append(
                {
                    "backend": backend,
                    "subtasks": n,
                    "ours_ms_per_subtask": 1000 * o / n,
                    "bare_ms_per_subtask": 1000 * b / n,
                    "ratio": o / b,
                }
            )
    return rows


async def checkpoint_bytes(sizes: list[int], tmp: Path) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        deps = make_dag(n)
        ours_path, bare_path = tmp / f"bytes-ours-{n}.db", tmp / f"bytes-bare-{n}.db"
        await run_ours(deps, noop, f"sqlite:///{ours_path}", f"bytes-{n}")
        await run_bare(deps, noop, f"sqlite:///{bare_path}", f"bytes-{n}")
        rows.append(
            {"subtasks": n, "ours_bytes": sqlite_bytes(ours_path), "bare_bytes": sqlite_bytes(bare_path)}
        )
    return rows


async def makespan(n: int, tmp: Path) -> list[dict[str, Any]]:
    rows = []
    rng = random.Random(11)
    deps = make_dag(n, depth=4)
    for kind in ("uniform", "uniform-0.5s", "mixed"):
        if kind == "mixed":
            latency = {sid: rng.choice([0.01, 0.02, 0.05, 0.1, 0.2]) for sid in deps}
        else:
            latency = dict.fromkeys(deps, 0.5 if kind == "uniform-0.5s" else 0.05)

        async def sleepy(sid: str, latency: dict[str, float] = latency) -> dict[str, bool]:
            await asyncio.sleep(latency[sid])
            return {"ok": True}

        critical = make_plan("cp", deps).critical_path(latency).duration
        elapsed = await run_ours(deps, sleepy, "memory", f"makespan-{kind}")
        bare = await run_bare(deps, sleepy, "memory", f"makespan-bare-{kind}")
        rows.append(
            {
                "latencies": kind,
                "subtasks": n,
                "critical_path_s": critical,
                "ours_makespan_s": elapsed,
                "ours_ratio": elapsed / critical,
                "bare_ratio": bare / critical,
            }
        )
    return rows


def print_table(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    if not rows:
        return
    keys = list(rows[0])
    print("  ".join(f"{k:>20}" for k in keys))
    for row in rows:
        print("  ".join(f"{v:>20.3f}" if isinstance(v, float) else f"{v!s:>20}" for v in row.values()))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repeat (a smoke run)")
    parser.add_argument("--out", default="benchmarks/results/engine.json")
    args = parser.parse_args()
    sizes = [10, 100] if args.quick else [10, 100, 1000]
    repeats = 1 if args.quick else 3
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        report: dict[str, Any] = {
            "machine": {"python": platform.python_version(), "processor": platform.machine()},
            "overhead": await overhead(sizes, repeats, tmp),
            "checkpoint_bytes": await checkpoint_bytes([100, 1000] if not args.quick else [10, 100], tmp),
            "makespan": await makespan(40 if args.quick else 100, tmp),
        }
    small, large = report["checkpoint_bytes"][0], report["checkpoint_bytes"][-1]
    report["checkpoint_growth_ratio"] = large["ours_bytes"] / small["ours_bytes"]
    print_table(
        "Per-subtask overhead vs bare LangGraph Send wavefront (target ratio <= 1.5)", report["overhead"]
    )
    print_table("Checkpoint bytes per mission, SQLite", report["checkpoint_bytes"])
    print(
        f"  growth for {large['subtasks'] // small['subtasks']}x subtasks: {report['checkpoint_growth_ratio']:.2f}x (target <= 12)"
    )
    print_table("Makespan / critical path (target uniform <= 1.05)", report["makespan"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(f"\nwrote {out}")


if __name__ == "__main__":
    asyncio.run(main())
