"""group_commit.py: concurrent writes share commits, and the database ends as LangGraph's saver leaves it."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from langgraph.checkpoint.base import empty_checkpoint
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

from global_orchestrator import Mission, MissionPlan, Orchestrator, Subtask
from global_orchestrator.group_commit import GroupCommitSaver
from global_orchestrator.persistence import open_checkpointer


@pytest.fixture(autouse=True, params=["one hop", "statement by statement"])
def _hops(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test on both ways of running a transaction (`group_commit._ONE_HOP`)."""
    from global_orchestrator import group_commit

    if request.param != "one hop":
        monkeypatch.setattr(group_commit, "_ONE_HOP", False)


def _config(checkpoint_id: str = "c1", thread: str = "t") -> dict[str, Any]:
    return {"configurable": {"thread_id": thread, "checkpoint_ns": "", "checkpoint_id": checkpoint_id}}


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {
            "writes": sorted(conn.execute("SELECT * FROM writes").fetchall()),
            "checkpoints": sorted(
                conn.execute(
                    "SELECT thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, type FROM checkpoints"
                )
            ),
        }


class _Counting:
    """Counts the commits of a saver's connection (ours: its transactions, each one call on the
    connection's thread that ends in a commit; LangGraph's: its connection's `commit` calls)."""

    def __init__(self, saver: AsyncSqliteSaver) -> None:
        self.commits = 0
        if isinstance(saver, GroupCommitSaver):
            execute = saver._execute

            async def transaction(entries: list[Any]) -> None:
                await execute(entries)
                self.commits += 1

            saver._execute = transaction  # type: ignore[method-assign]
            return
        original = saver.conn.commit

        async def commit() -> None:
            self.commits += 1
            await original()

        saver.conn.commit = commit  # type: ignore[method-assign]


async def _workload(saver: AsyncSqliteSaver, tasks: int) -> None:
    """A checkpoint, then `tasks` tasks writing at once (one writing twice, as a resumed task does)."""
    checkpoint = empty_checkpoint()
    config = await saver.aput(_config(""), {**checkpoint, "id": "c1"}, {"step": 1}, {})
    assert config["configurable"]["checkpoint_id"] == "c1"

    async def task(i: int) -> None:
        await saver.aput_writes(
            _config(), [("results", {f"s{i}": {"n": i}}), ("logs", [f"done {i}"])], f"task{i}"
        )

    await asyncio.gather(*(task(i) for i in range(tasks)))
    # the same task again: LangGraph's REPLACE for special channels, IGNORE for the rest
    await asyncio.gather(
        saver.aput_writes(_config(), [("__error__", "first")], "task0"),
        saver.aput_writes(_config(), [("__error__", "second")], "task0"),
        saver.aput_writes(_config(), [("results", {"s1": "again"})], "task1"),
    )


async def test_same_rows_as_langgraphs_saver_with_fewer_commits(tmp_path: Path) -> None:
    ours_path, stock_path = tmp_path / "ours.db", tmp_path / "stock.db"
    async with aiosqlite.connect(ours_path) as conn:
        ours = GroupCommitSaver(conn)
        await ours.setup()
        counted = _Counting(ours)
        await _workload(ours, 40)
    async with AsyncSqliteSaver.from_conn_string(str(stock_path)) as stock:
        await stock.setup()
        stock_counted = _Counting(stock)
        await _workload(stock, 40)
    assert _rows(ours_path) == _rows(stock_path)
    assert len(_rows(ours_path)["writes"]) == 40 * 2 + 1
    assert stock_counted.commits == 1 + 40 + 3
    assert counted.commits <= 4  # the checkpoint, then the 40 writes in one or two groups, then the 3


async def test_reads_see_what_was_written(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await _workload(saver, 5)
        found = await saver.aget_tuple(_config())
        assert found is not None
        pending = {(task, channel): value for task, channel, value in found.pending_writes or []}
        assert pending[("task3", "results")] == {"s3": {"n": 3}}
        assert pending[("task0", "__error__")] == "second"  # arrival order kept inside a group
        assert pending[("task1", "results")] == {"s1": {"n": 1}}  # ignored, as LangGraph's saver does


async def _refuse_bad_writes(conn: aiosqlite.Connection) -> None:
    """A trigger that makes every write of task `bad` fail (the others go in)."""
    await conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON writes WHEN NEW.task_id = 'bad' "
        "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END"
    )
    await conn.commit()


async def test_a_failing_write_fails_alone(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await saver.setup()
        await _refuse_bad_writes(conn)

        async def write(task: str) -> None:
            await saver.aput_writes(_config(), [("results", {task: 1})], task)

        outcomes = await asyncio.gather(
            *(write(t) for t in ["a", "b", "bad", "c", "d"]), return_exceptions=True
        )
        assert [type(o).__name__ for o in outcomes] == [
            "NoneType",
            "NoneType",
            "IntegrityError",
            "NoneType",
            "NoneType",
        ]
        assert "refused by trigger" in str(outcomes[2])
    tasks = {row[3] for row in _rows(tmp_path / "s.db")["writes"]}
    assert tasks == {"a", "b", "c", "d"}


async def test_a_cancelled_writer_still_has_its_write_committed(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await saver.setup()
        writers = [
            asyncio.ensure_future(saver.aput_writes(_config(), [("results", {t: 1})], t)) for t in ("x", "y")
        ]
        await asyncio.sleep(0)  # both joined a group
        writers[0].cancel()
        await asyncio.gather(*writers, return_exceptions=True)
        await saver.drain()
    assert {row[3] for row in _rows(tmp_path / "s.db")["writes"]} == {"x", "y"}


async def test_closing_the_persistence_commits_what_was_handed_over(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    async with open_checkpointer(url) as saver:
        assert isinstance(saver, GroupCommitSaver)
        # handed over and not awaited, as a run aborted mid-superstep leaves LangGraph's writes
        pending = [
            asyncio.ensure_future(saver.aput_writes(_config(), [("results", {t: 1})], t))
            for t in ("p", "q", "r")
        ]
        await asyncio.sleep(0)
    assert {row[3] for row in _rows(tmp_path / "p.db")["writes"]} == {"p", "q", "r"}
    assert all(w.done() and w.exception() is None for w in pending)


@pytest.mark.parametrize("tasks", [1, 7])
async def test_sequential_and_concurrent_missions_end_alike(tmp_path: Path, tasks: int) -> None:
    """Writes awaited one by one commit one by one (nothing waits for a group that never fills)."""
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await saver.setup()
        counted = _Counting(saver)
        for i in range(tasks):
            await saver.aput_writes(_config(), [("results", {str(i): i})], f"task{i}")
        assert counted.commits == tasks
    assert len(_rows(tmp_path / "s.db")["writes"]) == tasks


async def test_an_untested_langgraph_sqlite_version_gets_langgraphs_own_saver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from global_orchestrator import group_commit

    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        assert type(group_commit.sqlite_saver(conn)) is GroupCommitSaver
        monkeypatch.setattr(group_commit, "version", lambda _name: "4.0.0")
        assert type(group_commit.sqlite_saver(conn)) is AsyncSqliteSaver


# -- steps that do no work: commits not synced on their own ----------------------------------


FULL, NORMAL = 2, 1


class _Modes:
    """Records each transaction of a saver: SQLite's `synchronous` mode at its COMMIT, and what it held.

    The mode is followed from the statements the connection runs (SQLite's trace callback), so
    what is recorded is the mode in force when the commit ran, whatever was set back after it.
    """

    def __init__(self, saver: GroupCommitSaver) -> None:
        self.commits: list[tuple[int, list[tuple[str, bool]]]] = []
        self.mode = FULL  # SQLite's default
        self.at_commit: list[int] = []
        self.after: list[int] = []
        self._saver = saver
        original = saver._execute

        async def execute(entries: list[Any]) -> None:
            self.at_commit.clear()
            await original(entries)
            kinds = [("checkpoint" if "checkpoints" in e.query else "writes", e.synced) for e in entries]
            assert len(self.at_commit) == 1, self.at_commit  # one commit per transaction
            self.commits.append((self.at_commit[0], kinds))
            async with saver.conn.execute("PRAGMA synchronous") as cur:
                row = await cur.fetchone()
            assert row is not None
            self.after.append(int(row[0]))

        saver._execute = execute  # type: ignore[method-assign]

    def trace(self, statement: str) -> None:
        """SQLite's trace callback (on the connection's thread)."""
        words = statement.strip().upper().split()
        if words[:2] == ["PRAGMA", "SYNCHRONOUS"] and words[-1].isdigit() and "=" in statement:
            self.mode = int(words[-1])
        elif words[:1] == ["COMMIT"]:
            self.at_commit.append(self.mode)

    async def start(self) -> _Modes:
        await self._saver.conn.set_trace_callback(self.trace)
        return self


def _pull(node: str) -> str:
    return f"~__pregel_pull, {node}"


async def test_writes_handing_over_to_effect_free_steps_are_not_synced_alone(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn, effect_free=("plan", "aggregate"))
        await saver.setup()
        modes = await _Modes(saver).start()
        # a step handing over to `plan` only: written, not synced
        await saver.aput_writes(_config(), [("context", {}), ("branch:to:plan", None)], "t1", _pull("build"))
        # a Send (an agent's task) in the same writes: synced
        await saver.aput_writes(
            _config(), [("branch:to:plan", None), ("__pregel_tasks", {})], "t2", _pull("build")
        )
        # a node that is not effect-free next to one that is: synced
        await saver.aput_writes(
            _config(), [("branch:to:plan", None), ("branch:to:approval", None)], "t3", _pull("build")
        )
        # a pushed task (an agent's) handing over to aggregate: synced (its work is done)
        await saver.aput_writes(
            _config(), [("results", {}), ("branch:to:aggregate", None)], "t4", "~__pregel_push, 0, 0"
        )
        # writes that trigger nothing (an answer, an error): synced
        await saver.aput_writes(_config(), [("__resume__", True)], "t5", "")
        # a group mixing both: synced
        await asyncio.gather(
            saver.aput_writes(_config(), [("branch:to:plan", None)], "t6", _pull("build")),
            saver.aput_writes(_config(), [("results", {})], "t7", "~__pregel_push, 1, 0"),
        )
        checkpoint = empty_checkpoint()
        await saver.aput(
            _config(""), {**checkpoint, "id": "c2", "updated_channels": ["branch:to:plan"]}, {"step": 1}, {}
        )
        await saver.aput(
            _config(""), {**checkpoint, "id": "c3", "updated_channels": ["__pregel_tasks"]}, {"step": 2}, {}
        )
        await saver.aput(_config(""), {**checkpoint, "id": "c4", "updated_channels": ["__start__"]}, {}, {})
        await saver.aput(_config(""), {**checkpoint, "id": "c5", "updated_channels": ["result"]}, {}, {})
        await saver.aput(_config(""), {**checkpoint, "id": "c6"}, {}, {})  # no updated_channels
    assert [m for m, _ in modes.commits] == [
        NORMAL,
        FULL,
        FULL,
        FULL,
        FULL,
        FULL,
        NORMAL,
        FULL,
        NORMAL,
        FULL,
        FULL,
    ]
    assert modes.commits[5][1] == [("writes", False), ("writes", True)]
    # set back after each relaxed transaction: LangGraph's own writes (a deletion) sync as before
    assert set(modes.after) == {FULL}
    # everything was written, as LangGraph's saver writes it
    assert {row[3] for row in _rows(tmp_path / "s.db")["writes"]} == {f"t{i}" for i in range(1, 8)}
    assert {row[2] for row in _rows(tmp_path / "s.db")["checkpoints"]} == {"c2", "c3", "c4", "c5", "c6"}


async def test_without_effect_free_nodes_every_commit_is_synced(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await saver.setup()
        modes = await _Modes(saver).start()
        await saver.aput_writes(_config(), [("branch:to:plan", None)], "t1", _pull("build"))
        await saver.aput(
            _config(""), {**empty_checkpoint(), "id": "c", "updated_channels": ["__start__"]}, {}, {}
        )
    assert [m for m, _ in modes.commits] == [FULL, FULL]


def _mission_fixtures(thread: str, approval: bool) -> tuple[Mission, MissionPlan]:
    mission = Mission(
        id=thread,
        type="marketing.campaign",
        goal="Durability",
        permissions=["agent:clinical", "phi:read"],
    )
    plan = MissionPlan(
        mission_id=thread,
        subtasks=[
            Subtask(id="a", agent="marketing", tool="marketing.draft_copy", description="first"),
            Subtask(
                id="b",
                agent="clinical" if approval else "marketing",
                tool="clinical.deidentify" if approval else "marketing.draft_copy",
                description="second",
                depends_on=["a"],
                requires_approval=approval,
            ),
        ],
    )
    return mission, plan


async def _agent(subtask: Subtask, ctx: Any) -> dict[str, Any]:
    return {"done": subtask.id}


async def test_a_mission_syncs_every_commit_that_work_or_an_answer_follows(tmp_path: Path) -> None:
    """Preparation (context, plan) is written unsynced; agents' results, the checkpoint that starts
    them, approvals and the final result are synced, each with everything committed before it."""
    db = f"sqlite:///{tmp_path / 'm.db'}"
    agents = {"marketing": _agent, "clinical": _agent}
    async with Orchestrator(agents=agents, db=db) as orchestrator:
        assert orchestrator._persistence is not None
        saver = orchestrator._persistence.saver
        assert isinstance(saver, GroupCommitSaver)
        modes = await _Modes(saver).start()
        mission, plan = _mission_fixtures("plain", approval=False)
        result = await orchestrator.run(mission, plan=plan)
        assert result.success
        plain = list(modes.commits)
        modes.commits.clear()
        mission, plan = _mission_fixtures("asks", approval=True)
        paused = await orchestrator.run(mission, plan=plan)
        assert paused.status == "waiting_approval"
        asked = list(modes.commits)
        modes.commits.clear()
        done = await orchestrator.resume("asks", approvals={"b": True})
        assert done.success
        answered = list(modes.commits)
    # every agent's results and the run's last checkpoint are synced
    for commits in (plain, answered):
        assert all(mode == FULL for mode, kinds in commits if any(k == ("writes", True) for k in kinds))
        assert commits[-1][0] == FULL
    # before the first synced commit only preparation was written: no agent ran yet
    first_synced = next(i for i, (mode, _) in enumerate(plain) if mode == FULL)
    assert first_synced >= 3 and all(mode == NORMAL for mode, _ in plain[:first_synced])
    assert sum(mode == FULL for mode, _ in plain) <= 4  # 8 synced commits before: 4 or more fewer
    assert set(modes.after) == {FULL}
    # the question to a human is synced before the run returns it; the answer's writes are synced
    assert asked[-1][0] == FULL
    assert answered[0][0] == FULL


def test_the_effect_free_nodes_are_the_graphs() -> None:
    """A renamed node would silently sync again (or a new one be relaxed): the names must match."""
    from global_orchestrator.graph import build_graph
    from global_orchestrator.graph.state import EFFECT_FREE_NODES

    nodes = set(build_graph().get_graph().nodes)
    assert set(EFFECT_FREE_NODES) <= nodes
    assert not any(n.startswith("agent_") or n in {"approval", "dispatch"} for n in EFFECT_FREE_NODES)


async def test_a_failing_unsynced_write_fails_alone_and_the_mode_is_set_back(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn, effect_free=("plan",))
        await saver.setup()
        await _refuse_bad_writes(conn)

        async def write(task: str) -> None:
            await saver.aput_writes(_config(), [("branch:to:plan", None)], task, _pull("build"))

        outcomes = await asyncio.gather(*(write(t) for t in ["a", "bad", "c"]), return_exceptions=True)
        assert [type(o).__name__ for o in outcomes] == ["NoneType", "IntegrityError", "NoneType"]
        async with conn.execute("PRAGMA synchronous") as cur:
            assert await cur.fetchone() == (FULL,)
        assert not conn.in_transaction
    assert {row[3] for row in _rows(tmp_path / "s.db")["writes"]} == {"a", "c"}
