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

from global_orchestrator.group_commit import GroupCommitSaver
from global_orchestrator.persistence import open_checkpointer


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
    """Counts the commits of a saver's connection."""

    def __init__(self, saver: AsyncSqliteSaver) -> None:
        self.commits = 0
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


async def test_a_failing_write_fails_alone(tmp_path: Path) -> None:
    async with aiosqlite.connect(tmp_path / "s.db") as conn:
        saver = GroupCommitSaver(conn)
        await saver.setup()
        await conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON writes WHEN NEW.task_id = 'bad' "
            "BEGIN SELECT RAISE(ABORT, 'refused by trigger'); END"
        )
        await conn.commit()

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
