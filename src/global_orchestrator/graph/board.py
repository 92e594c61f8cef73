"""The completion board: where the subtasks of one mission wait for each other in one superstep.

The scheduler sends every subtask of a mission in one LangGraph superstep. Each task waits
on this board for its own dependencies, then runs: a subtask starts the moment its
dependencies finish, not when the slowest task of a "wave" does. LangGraph still saves
each task's writes the moment it finishes (pending writes), so a resumed superstep skips
finished tasks; the board of a resumed superstep is seeded from those pending writes
(`seed`), so the tasks that run again read their dependencies' saved outputs.

A dependant can start before its dependency's write is saved, so each task's write also
carries the records it read that were published in this process (`carried`): a saved
dependant never stands on a dependency output that a crash lost.

The board also holds what the tasks share: the spend and the subtasks in flight (budget
admission, `admit`), the semaphore that bounds agent work (`max_concurrency`:
LangGraph's own limit would deadlock here, since waiting tasks would hold its slots), and
the collector's freeze while its many live tasks last (`freeze_heap`).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.models import (
    AgentFamily,
    Mission,
    MissionContext,
    MissionPlan,
    Subtask,
    SubtaskResult,
)
from global_orchestrator.policies.budget import InFlight, Spend, admit
from global_orchestrator.policies.flow import ContentScan, ascan_value

FREEZE_MIN_TASKS = 100
"""A run superstep with at least this many tasks freezes the collector's view of the heap,
from dispatch on (`route_after_dispatch`; `freeze_heap` for a resumed superstep)."""
_freezes = 0
"""Holds on the freeze in this process (run supersteps, and dispatches about to start one)."""
_defers = 0
"""Holds among them that also defer full collections (large supersteps, from dispatch)."""
_thresholds: tuple[int, int, int] | None = None
"""The collector's thresholds before the first deferring hold (restored by the last release)."""
HOLD_MIN_TASKS = 2_000
"""A run superstep of at least this many tasks also defers full collections while it runs
(`route_after_dispatch`): below it, one full collection per run happens either way and the
deferred one, walking the unfrozen heap, cost more (1,000 subtasks: ~0.1 ms each)."""
DEFERRED_FULL = 1_000_000
"""The collector's third threshold while a deferring hold lasts: no full collection."""


def hold_heap(*, defer: bool = False) -> None:
    """Take a hold on the freeze (`gc.freeze()`); `defer`: no full collection until released.

    `route_after_dispatch` takes a deferring one before LangGraph makes a large run
    superstep's tasks (~90 objects each, all made before any of them runs) and hands it to
    the board; see `Board.freeze_heap`.
    """
    global _freezes, _defers, _thresholds
    _freezes += 1
    if _freezes == 1:
        gc.freeze()
    if defer:
        _defers += 1
        if _defers == 1:
            _thresholds = gc.get_threshold()
            gc.set_threshold(_thresholds[0], _thresholds[1], DEFERRED_FULL)


def release_heap(*, defer: bool = False) -> None:
    """Release a hold taken with the same `defer` (the last one unfreezes, or restores the thresholds)."""
    global _freezes, _defers
    if defer:
        _defers -= 1
        if _defers == 0 and _thresholds is not None:
            gc.set_threshold(*_thresholds)
    _freezes -= 1
    if _freezes == 0:
        gc.unfreeze()


RESULTS = "results"
"""The state channel whose pending writes hold finished subtasks' results."""
SHADOW = "#shadow"
"""Suffix of a shadow record's key (`running.SHADOW_SUFFIX`)."""


@dataclass
class Board:
    """Results, completion events, spend and concurrency of one mission's run superstep."""

    mission_data: dict[str, Any]
    """The mission as state JSON (the key of the engine's PHI-safe mission cache)."""
    mission: Mission
    context_data: dict[str, Any]
    context: MissionContext
    plan: MissionPlan
    results: dict[str, dict[str, Any]]
    """Final records by id: the state's, the saved pending writes', and those finished since."""
    approvals: Mapping[str, bool]
    shadows: frozenset[str]
    """Subtask ids with a shadow candidate task in this superstep."""
    slots: asyncio.Semaphore | None = None
    """Bounds concurrent agent work (`max_concurrency`); None: no bound."""
    by_id: dict[str, Subtask] = field(default_factory=dict)
    spend: Spend = field(default_factory=Spend)
    in_flight: InFlight = field(default_factory=InFlight)
    primary_ms: dict[str, float] = field(default_factory=dict)
    """How long each primary ran, from its own start (for its shadow comparison)."""
    dead: bool = False
    """A task of this superstep ended abnormally: a resume must seed a new board."""
    waiting: set[str] = field(default_factory=set)
    """Keys (subtask ids, `<id>#shadow`) whose tasks have not finished yet."""
    closer: str | None = None
    """The task (its checkpoint namespace) that saw the board complete: it triggers aggregate."""
    frozen: bool = False
    """This board holds the heap freeze (`freeze_heap`) until its superstep completes."""
    deferring: bool = False
    """Its hold also defers full collections (taken over from dispatch: `take_hold`)."""
    durable: frozenset[str] = frozenset()
    """Keys whose records were saved before this board was seeded (state or pending writes)."""
    built: dict[str, tuple[dict[str, Any], SubtaskResult]] = field(default_factory=dict)
    """Records built by this process's tasks, with their models (`records.kept`): aggregate
    reads these instead of validating every record again."""
    _goal: ContentScan | None = None
    _done: dict[str, asyncio.Event] = field(default_factory=dict)
    _started: dict[str, asyncio.Event] = field(default_factory=dict)
    _budget: asyncio.Condition = field(default_factory=asyncio.Condition)

    def __post_init__(self) -> None:
        self.by_id = {s.id: s for s in self.plan.subtasks}
        self.spend = Spend.of(self.results, self.plan.usage)
        self.durable = frozenset(self.results)

    @classmethod
    def seed(
        cls,
        values: Mapping[str, Any],
        pending_writes: Iterable[Sequence[Any]],
        parse: Any,
        shadows: Any,
        max_concurrency: int | None,
    ) -> Board:
        """A board from the state the superstep started with plus its saved pending writes.

        Args:
            values: The channel values (mission, context, plan, results, approvals).
            pending_writes: `(task_id, channel, value)` saved by tasks that finished
                before a crash; empty on a fresh superstep.
            parse: `ParseCache.get` (the plan is validated once per change, not per run).
            shadows: `(mission, plan, results) -> set of ids` with a shadow task (decided
                from the state at dispatch, before the pending writes, as dispatch did).
            max_concurrency: Bound on concurrent agent work.
        """
        mission = parse(Mission, values["mission"])
        plan = parse(MissionPlan, values["plan"])
        results = dict(values.get(RESULTS) or {})
        sent_shadows = frozenset(shadows(mission, plan, results))
        waiting = {s.id for s in plan.subtasks if s.id not in results}
        waiting |= {f"{sid}{SHADOW}" for sid in sent_shadows}
        for write in pending_writes:
            if write[1] == RESULTS and isinstance(write[2], Mapping):
                results.update(write[2])
        waiting -= set(results)
        # a shadow task whose primary never ran wrote nothing (and was saved as done)
        waiting -= {
            f"{sid}{SHADOW}" for sid in sent_shadows if sid in results and not results[sid].get("attempts")
        }
        return cls(
            mission_data=values["mission"],
            mission=mission,
            context_data=values["context"],
            context=parse(MissionContext, values["context"]),
            plan=plan,
            results=results,
            approvals=dict(values.get("approvals") or {}),
            shadows=sent_shadows,
            slots=asyncio.Semaphore(max_concurrency) if max_concurrency else None,
            waiting=waiting,
        )

    async def goal_scan(self) -> ContentScan:
        """The scan of the mission's goal the guard asks for (wording included), once per board."""
        if self._goal is None:
            self._goal = await ascan_value(self.mission.goal, wording=True)
        return self._goal

    # -- completion ----------------------------------------------------------------------

    async def wait(self, ids: Iterable[str]) -> None:
        """Until every one of `ids` has a final result (or was declared absent)."""
        for sid in ids:
            if sid not in self.results:
                await self._event(self._done, sid).wait()

    def finish(self, key: str, record: dict[str, Any] | None) -> None:
        """Publish a final result (None: there will be none, e.g. a shadow that did not run).

        Dependants wake now, before the publishing task has returned: so a dependant's
        `subtask_started` event may be streamed before its dependency's update is.
        """
        if record is not None:
            self.results[key] = record
            self.spend.add(record)
        self.waiting.discard(key)
        self._event(self._done, key).set()

    def reads(self, sid: str, *, shadow: bool = False) -> list[str]:
        """The keys whose records the task of `sid` (or of its shadow candidate) reads."""
        subtask = self.by_id[sid]
        keys = [*subtask.depends_on]
        if shadow:
            keys.append(sid)  # the candidate is compared with the primary's result
        elif subtask.family is AgentFamily.SHADOW:
            keys += [f"{d}{SHADOW}" for d in subtask.depends_on]
        return keys

    def carried(self, keys: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Records among `keys` that finished in this process and may not be saved yet.

        A dependant starts from its dependency's record the moment it is published, before
        LangGraph has saved the dependency's write (its save is asynchronous, and on
        PostgreSQL runs on any connection of the pool, so nothing orders two saves). The
        dependant's write carries these records: if it is saved and its dependency's own
        write is not (a crash between the two), the resumed board reads the dependency's
        record from the dependant's write, and the dependency does not run again.
        """
        return {k: self.results[k] for k in keys if k in self.results and k not in self.durable}

    def close(self, task: str) -> None:
        """Claim the trigger of aggregate for `task` if every task has published and none claimed it."""
        if not self.waiting and self.closer is None:
            self.closer = task
            self.thaw_heap()

    # -- the collector -------------------------------------------------------------------

    def freeze_heap(self) -> None:
        """Keep CPython's full collections off the heap that existed when the superstep began.

        Every task of the run superstep lives until the superstep ends (LangGraph's task,
        config and callback objects, ~90 per task, and the waiting coroutines): 1,000
        subtasks hold ~110,000 objects at once, where a wavefront of 5 supersteps holds a
        fifth of that. Each full collection walks the whole heap (imported libraries
        included), and the live tasks trigger them more often: they were most of the
        engine's overhead over a bare wavefront (two full collections per 1,000-subtask
        mission against one; ~0.5 ms of 1 ms per subtask under load). `gc.freeze()` moves
        what exists now to the permanent generation: young collections go on as before,
        full ones walk only objects made since. For a superstep of `FREEZE_MIN_TASKS` or
        more, `route_after_dispatch` takes the hold before LangGraph makes the tasks, and
        the board takes it over (`take_hold`): the one full collection of a 1,000-subtask
        run falls while LangGraph makes and starts its tasks, before any board exists, and
        walked the whole heap (~120 ms, against ~20-40 ms over what was made since the
        hold); the board's own freeze is for a resumed superstep. From `HOLD_MIN_TASKS` on,
        the hold defers full collections too (the third threshold raised): what is made
        since is mostly the live tasks, and every full collection walked all of them again
        (7 in one 5,000-subtask run, 3.8-4.3 s of ~11 s).
        `thaw_heap` releases the hold when the superstep ends (or fails); nothing is lost,
        only collected later (a deferred full collection comes with the next young
        collections, usually within the same run).
        """
        if self.frozen or len(self.waiting) < FREEZE_MIN_TASKS:
            return
        self.frozen = True
        hold_heap()

    def take_hold(self, defers: bool) -> None:
        """Take over the hold dispatch took for this superstep (`hold_heap(defer=defers)`)."""
        self.frozen = True
        self.deferring = defers

    def thaw_heap(self) -> None:
        """Release this board's hold on the freeze (`gc.unfreeze()` when no other holds it)."""
        if not self.frozen:
            return
        self.frozen = False
        release_heap(defer=self.deferring)
        self.deferring = False

    def start(self, sid: str) -> None:
        """The primary's agent work begins (its shadow candidate may start now)."""
        self._event(self._started, sid).set()

    def started(self, sid: str) -> bool:
        """Whether the primary's agent work began in this process."""
        event = self._started.get(sid)
        return event is not None and event.is_set()

    async def wait_started(self, sid: str) -> None:
        """Until the primary starts its agent work or has a final result."""
        if sid in self.results or self.started(sid):
            return
        started = asyncio.ensure_future(self._event(self._started, sid).wait())
        done = asyncio.ensure_future(self._event(self._done, sid).wait())
        try:
            await asyncio.wait((started, done), return_when=asyncio.FIRST_COMPLETED)
        finally:
            started.cancel()
            done.cancel()

    @staticmethod
    def _event(events: dict[str, asyncio.Event], key: str) -> asyncio.Event:
        event = events.get(key)
        if event is None:
            event = events[key] = asyncio.Event()
        return event

    # -- budget and concurrency ----------------------------------------------------------

    async def admit(
        self,
        subtask: Subtask,
        budget: float | None,
        catalog: ToolCatalog,
        free: Callable[[Subtask], bool] | None = None,
    ) -> str | None:
        """Wait until the subtask fits the budget beside what is in flight (`free`: see `budget.admit`).

        Returns:
            None when admitted (call `release` when it finishes), else why it is refused.
        """
        if budget is None:
            return None
        async with self._budget:
            while True:
                admission = admit(
                    [subtask],
                    budget,
                    self.results,
                    catalog,
                    spend=self.spend,
                    in_flight=self.in_flight,
                    free=free,
                )
                if admission.admitted:
                    self.in_flight.add(subtask.id, admission.forecasts[subtask.id])
                    return None
                if subtask.id in admission.refused:
                    return admission.refused[subtask.id]
                # fits alone, not beside what runs: asked again when something finishes
                await self._budget.wait()

    async def release(self, sid: str) -> None:
        """An admitted subtask finished (its result is published): wake the waiting ones."""
        async with self._budget:
            self.in_flight.remove(sid)
            self._budget.notify_all()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of `max_concurrency` slots for agent work."""
        if self.slots is None:
            yield
            return
        async with self.slots:
            yield
