"""Running one subtask: the agent call with retries and healing, and its shadow candidate.

Healing (DESIGN: "failures go to the self-healing agent"): the first failure of a subtask
is classified (`classify_exception`) and gives an order of strategies
(`strategy_order`), a remembered one first. Retry calls the same agent again with
backoff; fallback switches to the family's configured fallback agents; replan asks the
model to rewrite the step's description; when nothing is left the subtask fails with the
error. Policy blocks are never healed. What healed a failure is remembered in the store.

Every re-binding passes the run-time guard again (`policies.flow.guard_call`): a fallback
runs as another family with that family's grants and PHI rule; a re-planned description
is scanned like the original. Error text is redacted before anything keeps it (and
withheld whole when the subtask read PHI): it reaches the re-plan prompt, events, issues
and the checkpoint only in that form.

A shadow candidate runs concurrently with the primary on the same inputs, in its own
task, with `ctx.shadow` set (side-effecting tools off) and under a timeout measured from
its own start; its output and the difference are recorded as a separate `<id>#shadow`
result once both have finished. It can never change or delay the primary's result: its
errors, hangs and blocks end up in that record only.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langgraph.store.base import BaseStore

from global_orchestrator.agents.base import AgentContext, AgentLike, AgentOutput, as_function, call_agent
from global_orchestrator.agents.router import AgentRouter, Route
from global_orchestrator.agents.self_healing import (
    FailureKind,
    Strategy,
    classify_exception,
    remember_healing,
    remembered_strategy,
    strategy_order,
)
from global_orchestrator.agents.shadow import similarity
from global_orchestrator.errors import TransientError
from global_orchestrator.models import HealingMemoryEntry, Subtask, Usage, normalize_agent_name
from global_orchestrator.policies.flow import GuardDecision
from global_orchestrator.prompts import render_prompt
from global_orchestrator.redaction import error_text, withheld_error

SHADOW_SUFFIX = "#shadow"
"""A shadow record's key in `results`: `<subtask id>#shadow`."""
MODEL_CANDIDATE = "model:"
"""A candidate named `model:<spec>` (e.g. `model:openai:gpt-4o-mini`) is the family's own
agent run with that model: a new model evaluated in shadow before it replaces the old."""

ContextFactory = Callable[[int, Route, bool], AgentContext]
"""Builds the agent context for (attempt, route, shadow)."""
Guard = Callable[[Subtask, Route], Awaitable[GuardDecision]]
"""The run-time guard for (the subtask as it would run, the route it would run on)."""


def describe(exc: BaseException, *, withhold: bool = False) -> str:
    """`Type: message` of an exception for results and issues, PHI redacted.

    Args:
        exc: The exception.
        withhold: The subtask read PHI: keep only the exception's type.
    """
    return withheld_error(exc) if withhold else error_text(exc)


@dataclass
class RetrySettings:
    """Retries of transient agent errors inside one subtask task."""

    max_attempts: int = 3
    initial_delay: float = 0.2
    backoff: float = 2.0
    max_delay: float = 5.0
    jitter: float = 0.1

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        base = min(self.max_delay, self.initial_delay * self.backoff ** (attempt - 1))
        return base * (1 + random.uniform(-self.jitter, self.jitter))


@dataclass
class Outcome:
    """How a subtask's run ended."""

    output: AgentOutput | None
    """The agent's output; None when it failed."""
    error: str | None
    attempts: int
    family: str
    """The family whose agent ran last (a fallback's when healing switched)."""
    healed: tuple[FailureKind, Strategy] | None = None
    """The failure kind and the strategy that healed it, when a failure was healed."""
    steps: list[str] = field(default_factory=list)
    """What healing did, as log lines."""
    blocked: GuardDecision | None = None
    """The guard refused a re-bound call (fallback, re-plan): nothing more ran."""


@dataclass
class SubtaskRunner:
    """Runs subtasks with their agents; see the module docstring."""

    router: AgentRouter
    max_attempts: int
    delay: Callable[[int], float]
    model_factory: Callable[[], BaseChatModel] | None = None

    async def run(
        self,
        subtask: Subtask,
        route: Route,
        make_ctx: ContextFactory,
        memory: list[HealingMemoryEntry],
        store: BaseStore | None,
        write: Callable[[Any], None],
        guard: Guard,
        *,
        tainted: bool = False,
    ) -> Outcome:
        """Run the subtask, healing failures; never raises for an agent's error.

        Args:
            subtask: The subtask (the guard already passed it on `route`).
            route: The agent that runs it first.
            make_ctx: Builds the agent context per attempt.
            memory: Healing memory (remembered strategies are tried first).
            store: Where healing memory is saved.
            write: Stream writer for retry events.
            guard: Asked again whenever the call is re-bound (another family or text).
            tainted: The subtask reads PHI: error text is withheld, not just redacted.
        """
        attempt = 0
        current, task = route, subtask
        kind: FailureKind | None = None
        order: list[Strategy] = []
        step = 0
        retries = 0
        replanned = False
        fallbacks: Iterator[Route] = iter(self.router.fallback_routes(subtask.agent))
        chosen: Strategy | None = None
        steps: list[str] = []
        bound = (route.family, subtask)
        while True:
            attempt += 1
            if (current.family, task) != bound:
                decision = await guard(task, current)
                if not decision.allowed:
                    steps.append(f"{subtask.id}: guard refused {chosen} ({current.family}): {decision.code}")
                    return Outcome(
                        None, decision.reason, attempt - 1, current.family, steps=steps, blocked=decision
                    )
                bound = (current.family, task)
            try:
                out = await call_agent(current.call, task, make_ctx(attempt, current, False))
            except Exception as exc:
                error = describe(exc, withhold=tainted)
                if kind is None:
                    kind = classify_exception(exc)
                    remembered = remembered_strategy(memory, subtask.agent, subtask.tool, kind)
                    # timeouts, rate limits, 5xx and dropped connections are classified by
                    # type and their order retries already; TransientError asks for it too
                    transient = isinstance(exc, TransientError)
                    order = strategy_order(kind, transient=transient, remembered=remembered)
                    if remembered and order and order[0] == remembered:
                        steps.append(f"{subtask.id}: {kind}; trying remembered strategy '{remembered}' first")
                if classify_exception(exc) == "policy_block":
                    order = []  # a policy block is never healed, whenever it happens
                chosen = None
                while step < len(order) and chosen is None:
                    strategy = order[step]
                    if strategy == "retry" and retries < self.max_attempts - 1:
                        retries += 1
                        chosen = "retry"
                        await asyncio.sleep(self.delay(retries))
                    elif strategy == "fallback":
                        fallback = next(fallbacks, None)
                        if fallback is not None:
                            current, chosen = fallback, "fallback"
                        else:
                            step += 1
                    elif strategy == "replan" and not replanned and self.model_factory is not None:
                        replanned, chosen = True, "replan"
                        task = await self._replan(task, error)
                    else:
                        step += 1
                if chosen is None:
                    steps.append(f"{subtask.id}: gave up after {attempt} attempt(s) ({kind})")
                    return Outcome(None, error, attempt, current.family, steps=steps)
                steps.append(f"{subtask.id}: {kind} on attempt {attempt}; {chosen} ({current.family})")
                write(
                    {
                        "event": "subtask_retry",
                        "subtaskId": subtask.id,
                        "attempt": attempt,
                        "error": error,
                        "strategy": chosen,
                        "agent": current.family,
                    }
                )
                continue
            healed: tuple[FailureKind, Strategy] | None = None
            if kind is not None and chosen is not None:
                healed = (kind, chosen)
                await remember_healing(store, subtask.agent, subtask.tool, kind, chosen)
            return Outcome(out, None, attempt, current.family, healed=healed, steps=steps)

    async def _replan(self, subtask: Subtask, error: str) -> Subtask:
        """Ask the model for a new description of the step (inputs stay: user data never passes)."""
        assert self.model_factory is not None
        parts = render_prompt("replan", family=subtask.agent, task=subtask.description, error=error)
        messages = [
            SystemMessage(p.content) if p.role == "system" else HumanMessage(p.content) for p in parts
        ]
        answer = await self.model_factory().ainvoke(messages)
        text = answer.content if isinstance(answer, AIMessage) and isinstance(answer.content, str) else ""
        text = text.strip().strip('"').strip()
        return subtask.model_copy(update={"description": text[:500]}) if text else subtask


@dataclass
class ShadowRun:
    """A shadow candidate running beside the primary; `record` builds the shadow result."""

    name: str
    task: asyncio.Task[AgentOutput] | None
    started: float
    timeout: float
    refusal: GuardDecision | None = None
    """Why the candidate was not run (the guard's decision), if it was not."""
    model_factory: Callable[[], BaseChatModel] | None = None
    """The candidate's model (its tokens are priced at that model's rates)."""
    family: str = ""
    """The family the candidate runs as."""
    output: AgentOutput | None = None
    """The candidate's output, once `wait` saw it succeed."""
    error: str | None = None
    latency_ms: float | None = None

    @classmethod
    def start(
        cls,
        name: str,
        agent: AgentLike,
        subtask: Subtask,
        ctx: AgentContext,
        timeout: float,
        *,
        family: str,
    ) -> ShadowRun:
        """Start the candidate now, concurrently with the primary."""
        task = asyncio.ensure_future(call_agent(as_function(agent), subtask, ctx))
        return cls(name, task, time.perf_counter(), timeout, model_factory=ctx.model_factory, family=family)

    @classmethod
    def refused(cls, name: str, decision: GuardDecision) -> ShadowRun:
        """A candidate that must not run (the guard refused it, or it does not exist)."""
        return cls(name, None, time.perf_counter(), 0.0, refusal=decision, family=decision.family)

    async def wait(self) -> None:
        """Wait for the candidate, at most its timeout from its own start; keep how it ended.

        It never waits for the primary (nor the primary for it): the comparison is made
        when both have finished (`record`).
        """
        self.error = self.refusal.reason if self.refusal is not None else None
        if self.task is None:
            return
        left = max(0.0, self.timeout - (time.perf_counter() - self.started))
        try:
            self.output = await asyncio.wait_for(self.task, timeout=left)
        except TimeoutError:
            self.error = f"timed out after {self.timeout:g}s"
        except Exception as exc:
            self.error = describe(exc)  # a candidate never reads PHI (the guard refuses it)
        self.latency_ms = (time.perf_counter() - self.started) * 1000

    def record(
        self, primary_output: Any, primary_succeeded: bool, primary_tokens: int, primary_ms: float
    ) -> dict[str, Any]:
        """The comparison with the primary (after `wait`); latencies each from its own start."""
        data: dict[str, Any] = {"candidate": self.name, "latencyMs": {"primary": round(primary_ms, 1)}}
        usage = Usage()
        if self.output is not None:
            usage = self.output.usage
            data |= {
                "output": self.output.output,
                "exactMatch": primary_output == self.output.output,
                "similarity": similarity(primary_output, self.output.output),
            }
        if self.latency_ms is not None:
            data["latencyMs"]["candidate"] = round(self.latency_ms, 1)
        data["tokens"] = {"primary": primary_tokens, "candidate": usage.total_tokens}
        data["primaryStatus"] = "succeeded" if primary_succeeded else "failed"
        return {"data": data, "error": self.error, "usage": usage}


def shadow_candidate(
    mission_context: Mapping[str, Any], family: str, candidates: Mapping[str, AgentLike], router: AgentRouter
) -> tuple[str, AgentLike | None, str] | None:
    """The candidate named for `family` in the mission's `context.shadow`, if one is named.

    A name is looked up among the run's shadow agents, then among the families' agents;
    `model:<spec>` names the family's own agent (the caller swaps its model).

    Returns:
        (name, agent, the family it runs as), or None when no candidate is named. The agent
        is None when the name resolves to nothing. A candidate that is another family's
        agent runs as that family (and needs its grants); any other runs as `family`.
    """
    names = mission_context.get("shadow")
    if not isinstance(names, Mapping):
        return None
    name = names.get(family)
    if not isinstance(name, str) or not name:
        return None
    if name.startswith(MODEL_CANDIDATE):
        return name, router.agents.get(family), family
    if name in candidates:
        return name, candidates[name], family
    other = normalize_agent_name(name)
    return name, router.agents.get(other), other
