"""LangGraph's SQLite saver with group commit: writes that arrive together share one commit.

Every subtask of a mission is one LangGraph task, and LangGraph saves each task's writes
the moment it finishes (`aput_writes`), one transaction each. In WAL mode with SQLite's
default `synchronous=FULL` every commit syncs the log to disk: ~3.4 ms on this project's
VM against ~0.07 ms for the insert itself, so a 100-subtask mission queued ~0.35 s of
commits, one after the other on the saver's one connection, and a wide layer of subtasks
finishing together waited for all of them (DESIGN-NOTES, "Engine overhead, eighth pass").

`GroupCommitSaver` keeps LangGraph's rows, queries and durability: a write or checkpoint
returns only after the transaction holding it has committed (and synced, as before). What
changes is how many share a transaction: a write that arrives while another transaction
is being committed waits for the next one, with everything else that arrived meanwhile
(classic group commit). Arrival order is kept inside a transaction, so `INSERT OR
REPLACE` rows end as they would one by one. A transaction that fails is rolled back and
its entries are retried one transaction each, so a failing entry fails alone, with its
own error, as it would have on LangGraph's saver. Reads go through LangGraph's code under
the same lock, so they never see half a group. Used on the `langgraph-checkpoint-sqlite`
versions it was checked against (`sqlite_saver`).

Steps that do no work: with `effect_free` node names (the mission graph's preparation:
`build_context`, `plan`, `guard_plan`, and `aggregate`), a checkpoint whose next step is one of
those nodes (or the run's input checkpoint), and the writes of a task that hands over to one
of them, are committed with `synchronous=NORMAL`: written to the log (a killed process loses
nothing: the operating system holds the write), not synced to the disk on their own. Every
other commit syncs as before, and in WAL mode a sync covers every earlier frame of the log:
the checkpoint before the agents run (after `guard_plan`), an agent task's writes, an
approval's, and the final checkpoint are synced, each with everything committed before it.
So what a power loss can take back is only preparation that no agent's work or answer
depends on (the resumed run prepares again), never finished work; and the database stays
consistent (WAL with `NORMAL`). A mission saves 4-5 synced commits fewer (DESIGN-NOTES).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import (
    WRITES_IDX_MAP,
    ChannelVersions,
    Checkpoint,
    CheckpointMetadata,
    get_checkpoint_metadata,
)
from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver
from langgraph.constants import START

__all__ = ["GroupCommitSaver", "sqlite_saver"]

_TESTED = ("3.",)
"""`langgraph-checkpoint-sqlite` versions (prefixes) whose tables and queries this repeats."""
_ONE_HOP = version("aiosqlite").startswith(("0.20.", "0.21.", "0.22."))
"""Run a transaction as one call on aiosqlite's connection thread (its `_execute` and `_conn`,
which these versions have); other versions go statement by statement through its public API."""

_WRITE_REPLACE = (
    "INSERT OR REPLACE INTO writes (thread_id, checkpoint_ns, checkpoint_id, task_id, task_path, "
    "idx, channel, type, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_WRITE_IGNORE = _WRITE_REPLACE.replace("OR REPLACE", "OR IGNORE", 1)
_NORMAL = 1
"""SQLite's `synchronous=NORMAL` (`FULL` is 2)."""
_BRANCH = "branch:to:"
"""Prefix of the channel that triggers a node (LangGraph's edges)."""
_TASKS = "__pregel_tasks"
"""The channel of `Send`s (LangGraph's `TASKS`)."""
_PULL = "~__pregel_pull, "
"""Prefix of the task path of a node triggered by an edge (not a `Send`)."""
_CHECKPOINT = (
    "INSERT OR REPLACE INTO checkpoints (thread_id, checkpoint_ns, checkpoint_id, "
    "parent_checkpoint_id, type, checkpoint, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


@dataclass
class _Entry:
    query: str
    rows: list[tuple[Any, ...]]
    done: asyncio.Future[None]
    synced: bool = True
    """Its commit must be synced to the disk (False: only a step that does no work follows it)."""


class GroupCommitSaver(AsyncSqliteSaver):
    """`AsyncSqliteSaver` whose concurrent `aput`/`aput_writes` share commits (see the module)."""

    def __init__(self, *args: Any, effect_free: Collection[str] = (), **kwargs: Any) -> None:
        """LangGraph's saver's arguments; `effect_free`: nodes whose steps do no work (see the module)."""
        super().__init__(*args, **kwargs)
        self._group: list[_Entry] | None = None
        """The entries of the group new entries join (None: the next entry opens one)."""
        self._flushes: set[asyncio.Task[None]] = set()
        self._handing_over = frozenset(f"{_BRANCH}{node}" for node in effect_free)
        """The trigger channels of the effect-free nodes."""

    async def aput_writes(
        self,
        config: RunnableConfig,
        writes: Sequence[tuple[str, Any]],
        task_id: str,
        task_path: str = "",
    ) -> None:
        """LangGraph's `aput_writes` (same rows, same query), committed with its group."""
        query = _WRITE_REPLACE if all(w[0] in WRITES_IDX_MAP for w in writes) else _WRITE_IGNORE
        configurable = config["configurable"]
        rows = [
            (
                str(configurable["thread_id"]),
                str(configurable["checkpoint_ns"]),
                str(configurable["checkpoint_id"]),
                task_id,
                task_path,
                WRITES_IDX_MAP.get(channel, idx),
                channel,
                *self.serde.dumps_typed(value),
            )
            for idx, (channel, value) in enumerate(writes)
        ]
        synced = not (task_path.startswith(_PULL) and self._hands_over({w[0] for w in writes}))
        await self.setup()
        await self._committed(query, rows, synced=synced)

    async def aput(
        self,
        config: RunnableConfig,
        checkpoint: Checkpoint,
        metadata: CheckpointMetadata,
        new_versions: ChannelVersions,  # noqa: ARG002 - LangGraph's signature; its saver ignores them too
    ) -> RunnableConfig:
        """LangGraph's `aput` (same row), committed with its group."""
        await self.setup()
        thread_id = config["configurable"]["thread_id"]
        checkpoint_ns = config["configurable"]["checkpoint_ns"]
        type_, serialized_checkpoint = self.serde.dumps_typed(checkpoint)
        metadata_json = json.dumps(get_checkpoint_metadata(config, metadata), ensure_ascii=False)
        serialized_metadata = metadata_json.encode("utf-8", "ignore")
        row = (
            str(thread_id),
            checkpoint_ns,
            checkpoint["id"],
            config["configurable"].get("checkpoint_id"),
            type_,
            serialized_checkpoint,
            serialized_metadata,
        )
        updated = checkpoint.get("updated_channels")
        # the input checkpoint: the next step is START's, which only copies the input over
        relaxed = updated is not None and (
            (START in updated and bool(self._handing_over)) or self._hands_over(set(updated))
        )
        synced = not relaxed
        await self._committed(_CHECKPOINT, [row], synced=synced)
        return {
            "configurable": {
                "thread_id": thread_id,
                "checkpoint_ns": checkpoint_ns,
                "checkpoint_id": checkpoint["id"],
            }
        }

    async def drain(self) -> None:
        """Until every group opened so far has committed (or failed): before closing the connection."""
        while self._flushes:
            await asyncio.gather(*self._flushes, return_exceptions=True)

    def _hands_over(self, channels: set[str]) -> bool:
        """Whether what wrote `channels` hands over to effect-free steps only (no `Send`, no other node)."""
        triggers = {c for c in channels if c.startswith(_BRANCH) or c == _TASKS}
        return bool(triggers) and triggers <= self._handing_over

    async def _committed(self, query: str, rows: list[tuple[Any, ...]], *, synced: bool = True) -> None:
        """Join the open group (or open one) and wait until its transaction commits."""
        loop = asyncio.get_running_loop()
        entry = _Entry(query, rows, loop.create_future(), synced)
        group = self._group
        if group is None:
            group = self._group = []
            flush = loop.create_task(self._flush(group))
            self._flushes.add(flush)
            flush.add_done_callback(self._flushes.discard)
        group.append(entry)
        # shielded: a writer cancelled while waiting leaves its entry to be committed
        await asyncio.shield(entry.done)

    async def _flush(self, entries: list[_Entry]) -> None:
        async with self.lock:
            if self._group is entries:
                self._group = None  # entries arriving from now on wait for the next commit
            try:
                await self._execute(entries)
            except Exception as exc:
                with contextlib.suppress(Exception):
                    await self.conn.rollback()
                if len(entries) == 1:
                    _settle(entries[0], exc)
                    return
                for entry in entries:  # one at a time: each fails (or not) on its own
                    try:
                        await self._execute([entry])
                    except Exception as one:
                        with contextlib.suppress(Exception):
                            await self.conn.rollback()
                        _settle(entry, one)
                    else:
                        _settle(entry, None)
                return
            except BaseException as exc:  # cancelled (the loop is closing): nothing committed
                for entry in entries:
                    _settle(entry, exc)
                raise
            for entry in entries:
                _settle(entry, None)

    async def _execute(self, entries: list[_Entry]) -> None:
        """Run the entries' statements in order, in one transaction, and commit it.

        Synced as the connection is set (`synchronous=FULL`, SQLite's default) if any entry
        must be; else with `NORMAL` for this transaction only (the mode is set back before
        the lock is let go, so LangGraph's own writes, e.g. a thread's deletion, sync as before).
        On the aiosqlite versions it was checked against, the whole transaction is one call
        on the connection's thread (`_ONE_HOP`): each call there is a hop to that thread
        and back through the event loop (~0.05-0.5 ms, more on a busy machine), and a
        transaction took four or more (cursor, statements, close, commit).
        """
        relaxed = not any(entry.synced for entry in entries)
        batches = _batches(entries)
        if _ONE_HOP:
            await self.conn._execute(_transaction, self.conn._conn, batches, relaxed)  # type: ignore[no-untyped-call]
            return
        before = None
        if relaxed:
            if self.conn.in_transaction:  # the mode cannot change inside one: commit it first
                await self.conn.commit()
            async with self.conn.execute("PRAGMA synchronous") as cur:
                row = await cur.fetchone()
            if row is not None and int(row[0]) > _NORMAL:
                before = int(row[0])
                await (await self.conn.execute(f"PRAGMA synchronous = {_NORMAL}")).close()
        try:
            async with self.conn.cursor() as cur:
                for query, rows in batches:
                    await cur.executemany(query, rows)
            await self.conn.commit()
        except BaseException:
            if before is not None:
                with contextlib.suppress(Exception):
                    await self.conn.rollback()
                    await (await self.conn.execute(f"PRAGMA synchronous = {before}")).close()
            raise
        if before is not None:
            await (await self.conn.execute(f"PRAGMA synchronous = {before}")).close()


def _batches(entries: list[_Entry]) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """The entries' rows in order, consecutive entries of one query in one batch."""
    batches: list[tuple[str, list[tuple[Any, ...]]]] = []
    for entry in entries:
        if batches and batches[-1][0] == entry.query:
            batches[-1][1].extend(entry.rows)
        else:
            batches.append((entry.query, list(entry.rows)))
    return batches


def _transaction(
    conn: sqlite3.Connection, batches: list[tuple[str, list[tuple[Any, ...]]]], relaxed: bool
) -> None:
    """On the connection's thread: run the batches and commit (`relaxed`: with `NORMAL`, then set back)."""
    before = None
    if relaxed:
        if conn.in_transaction:  # the mode cannot change inside one: commit it first
            conn.commit()
        before = int(conn.execute("PRAGMA synchronous").fetchone()[0])
        if before > _NORMAL:
            conn.execute(f"PRAGMA synchronous = {_NORMAL}").close()
        else:
            before = None  # not syncing each commit already: nothing to relax
    try:
        cur = conn.cursor()
        try:
            for query, rows in batches:
                cur.executemany(query, rows)
        finally:
            cur.close()
        conn.commit()
    except BaseException:
        if before is not None:
            with contextlib.suppress(Exception):
                conn.rollback()
                conn.execute(f"PRAGMA synchronous = {before}").close()
        raise
    if before is not None:
        conn.execute(f"PRAGMA synchronous = {before}").close()


def sqlite_saver(conn: Any, effect_free: Collection[str] = ()) -> AsyncSqliteSaver:
    """A `GroupCommitSaver` on `conn`; LangGraph's own saver on an untested `langgraph-checkpoint-sqlite`.

    The override repeats LangGraph's rows and queries, so it is used only on the versions it
    was checked against (`_TESTED`).
    """
    if version("langgraph-checkpoint-sqlite").startswith(_TESTED):
        return GroupCommitSaver(conn, effect_free=effect_free)
    return AsyncSqliteSaver(conn)


def _settle(entry: _Entry, exc: BaseException | None) -> None:
    if entry.done.done():
        return
    if exc is None:
        entry.done.set_result(None)
    elif isinstance(exc, asyncio.CancelledError):
        entry.done.cancel()
    else:
        entry.done.set_exception(exc)
        entry.done.exception()  # retrieved: a writer that stopped waiting is no unhandled error
