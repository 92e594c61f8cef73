"""LangGraph's pending writes kept in linear time when every subtask runs in one superstep.

Each time a task finishes, LangGraph's loop (`PregelLoop.put_writes`) first drops the
task's earlier writes from the superstep's pending-write list: it rebuilds the whole list
(`[w for w in pending if w[0] != task_id]`) before appending the new writes. The scheduler
sends every subtask of a mission in one superstep (`graph/scheduler.py`), so that list
holds the writes of every task finished so far, and the rebuilds add up to a quadratic
cost: at 10,000 subtasks they took 1.5 s of a 10.5 s run (DESIGN-NOTES, "Engine overhead,
seventh pass").

A task's first writes have nothing to drop, so the rebuild is the identity. `install`
wraps the asynchronous loop's `put_writes` (the engine runs graphs asynchronously; the
sync loop is left as it is): the loop keeps the set of task ids that have pending writes;
for a task with none, LangGraph's own `put_writes` runs against an empty list (the rebuild
is then free) and its new writes are appended to the real list afterwards. Everything else
(saving the writes to the checkpointer, streaming them, the cache) is LangGraph's code,
unchanged. A task that writes again, the null task, or a list that changed in any other
way (another identity or length than the loop last saw: a new superstep, a resume) go
through LangGraph's `put_writes` as they are, and the set is rebuilt from the list.

Installed only on the LangGraph versions it was written and tested against
(`_TESTED`); on any other the loop is LangGraph's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import wraps
from importlib.metadata import version
from typing import Any

from .patches import Patch

_TESTED = ("1.2.",)
"""LangGraph versions (prefixes) whose `PregelLoop.put_writes` this was checked against."""
_KNOWN = "_go_pending_tasks"
"""The loop attribute holding its `_Known` (set by the wrapper)."""


def _loop_class() -> Any:
    from langgraph.pregel._loop import AsyncPregelLoop

    return AsyncPregelLoop


_PATCH = Patch(_loop_class, "put_writes")
stock = _PATCH.stock
"""LangGraph's own `put_writes` inside the block (benchmarks: the bare graph is stock LangGraph)."""


@dataclass
class _Known:
    """The task ids that have writes in one pending-write list, as of its last length."""

    writes: list[Any]
    size: int
    tasks: set[str] = field(default_factory=set)


def _known(loop: Any, pending: list[Any]) -> _Known:
    known: _Known | None = loop.__dict__.get(_KNOWN)
    if known is None or known.writes is not pending or known.size != len(pending):
        known = _Known(pending, len(pending), {w[0] for w in pending})
        loop.__dict__[_KNOWN] = known
    return known


def install() -> bool:
    """Wrap `AsyncPregelLoop.put_writes` (once); False when this LangGraph version is not a tested one."""
    try:
        from langgraph._internal._constants import NULL_TASK_ID
        from langgraph.pregel._loop import AsyncPregelLoop
    except ImportError:  # pragma: no cover - another LangGraph layout
        return False
    if _PATCH.paused or not version("langgraph").startswith(_TESTED):
        return False
    original = AsyncPregelLoop.put_writes
    if getattr(original, "_go_linear", False):
        return True

    @wraps(original)  # (`__wrapped__`: LangGraph's own)
    def put_writes(self: Any, task_id: str, writes: Any, *, cached: bool = False) -> None:
        pending = self.checkpoint_pending_writes
        if not writes or task_id == NULL_TASK_ID or type(pending) is not list:
            original(self, task_id, writes, cached=cached)
            return
        known = _known(self, pending)
        if task_id in known.tasks:  # writing again: LangGraph drops its earlier writes
            original(self, task_id, writes, cached=cached)
            return
        self.checkpoint_pending_writes = []  # nothing of this task's to drop: an empty list to rebuild
        try:
            original(self, task_id, writes, cached=cached)
        finally:
            pending.extend(self.checkpoint_pending_writes)  # the new writes, as LangGraph appended them
            self.checkpoint_pending_writes = pending
            known.size = len(pending)
            known.tasks.add(task_id)

    put_writes._go_linear = True  # type: ignore[attr-defined]
    AsyncPregelLoop.put_writes = put_writes  # type: ignore[method-assign]
    return True
