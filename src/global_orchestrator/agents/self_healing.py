"""Self-healing: classify a failure, choose a recovery, remember what worked.

Two users: the `self_healing` agent family (`self_healing.diagnose` / `recover` subtasks
for a failed automation named in a mission), and the engine, which heals any failed
subtask with `strategy_order` and keeps what worked in the LangGraph store
(`recall_healing` / `remember_healing`), so the next mission tries it first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent
from global_orchestrator.agents.facts import check_prose
from global_orchestrator.models import AgentFamily, HealingMemoryEntry, Subtask

if TYPE_CHECKING:
    from langgraph.store.base import BaseStore

FailureKind = Literal["timeout", "rate_limit", "upstream_5xx", "bad_input", "policy_block", "unknown"]
Strategy = Literal["retry", "fallback", "replan", "give_up"]

_RULES: tuple[tuple[FailureKind, re.Pattern[str]], ...] = (
    (
        "policy_block",
        re.compile(r"\b(phi|permission|blocked|forbidden by policy|not granted|rejected)\b", re.I),
    ),
    ("rate_limit", re.compile(r"\b(429|rate.?limit\w*|too many requests|quota|throttl\w*)\b", re.I)),
    ("timeout", re.compile(r"\b(timed? ?out|timeout|deadline exceeded|took too long)\b", re.I)),
    (
        "upstream_5xx",
        re.compile(r"\b(5\d\d|internal server error|bad gateway|service unavailable|upstream)\b", re.I),
    ),
    (
        "bad_input",
        re.compile(r"\b(4\d\d|invalid|validation|malformed|missing|bad request|not found|schema)\b", re.I),
    ),
)
DEFAULT_STRATEGY: dict[FailureKind, Strategy] = {
    "timeout": "retry",
    "rate_limit": "retry",
    "upstream_5xx": "fallback",
    "bad_input": "replan",
    "policy_block": "give_up",
    "unknown": "give_up",
}


def classify_failure(error: str) -> FailureKind:
    """The kind of a failure, from its message (policy blocks first: they are never healed)."""
    for kind, pattern in _RULES:
        if pattern.search(error):
            return kind
    return "unknown"


def choose_strategy(kind: FailureKind, remembered: str | None = None) -> Strategy:
    """What to do: a remembered strategy first, except that policy blocks always give up."""
    if kind == "policy_block":
        return "give_up"
    if remembered in ("retry", "fallback", "replan", "give_up"):
        return remembered  # type: ignore[return-value]
    return DEFAULT_STRATEGY[kind]


class SelfHealingAgent(ModelAgent):
    """`self_healing.diagnose` (rules + memory) and `self_healing.recover` (a recovery plan).

    The failure kind, the strategy and the health check are facts (rules, memory, the
    probe); the model only explains them, and its explanation is checked against them.
    """

    def __init__(self) -> None:
        super().__init__(AgentFamily.SELF_HEALING)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Run the subtask's tool."""
        if subtask.tool == "self_healing.diagnose":
            error = " ".join(str(subtask.inputs.get(k, "")) for k in ("error", "logs"))
            kind = classify_failure(error)
            memory = [m for m in ctx.context.healing_memory if m.failure_kind == kind]
            remembered = max(memory, key=lambda m: m.successes).strategy if memory else None
            strategy = choose_strategy(kind, remembered)
            explanation, usage = await self.ask(
                subtask,
                ctx,
                task=f"Explain in two sentences why this failed ({kind}) and how {strategy} helps.",
            )
            facts = {
                "automation": subtask.inputs.get("automation"),
                "failure_kind": kind,
                "strategy": strategy,
                "from_memory": remembered is not None and strategy == remembered,
            }
            checked = check_prose(
                explanation,
                facts,
                also=[error, ctx.mission.goal],
                restated=[ctx.mission.goal],
                max_sentences=2,
            )
            output: dict[str, Any] = {
                **facts,
                "facts": facts,
                "explanation": checked.text,
                "prose": checked.text,
                "removed": checked.removed,
            }
            return AgentOutput(output=output, usage=usage)
        if subtask.tool == "self_healing.recover":
            diagnosis = next(
                (v for v in ctx.upstream.values() if isinstance(v, dict) and "strategy" in v), None
            )
            probe = next((v for v in ctx.upstream.values() if isinstance(v, dict) and "status" in v), None)
            strategy = diagnosis["strategy"] if diagnosis else "give_up"
            healthy = bool(probe and probe.get("status") == 200)
            steps = {
                "retry": "re-run the automation with exponential backoff, honouring Retry-After",
                "fallback": "switch the automation to its fallback endpoint or tool",
                "replan": "fix the input and re-plan the failing step",
                "give_up": "stop and hand over to a person with the diagnosis",
            }
            ready = healthy or strategy == "give_up"
            health = (
                {"url": probe.get("url"), "status": probe.get("status"), "healthy": healthy}
                if probe
                else None
            )
            return AgentOutput(
                output={
                    "strategy": strategy,
                    "action": steps[strategy],
                    "target_healthy": healthy,
                    "status": "ready to recover" if ready else "waiting for the target to recover",
                    "facts": {"health_check": health, "strategy": strategy},
                }
            )
        return await super().run(subtask, ctx)


# -- healing inside the engine ------------------------------------------------------------

HEALING_NAMESPACE = "healing"
"""Store namespace root: `("healing", family, failure_kind)`, key `<tool or ->|<strategy>`
(store namespace labels cannot contain the dot of tool names)."""

_ORDER: dict[FailureKind, tuple[Strategy, ...]] = {
    "timeout": ("retry", "fallback"),
    "rate_limit": ("retry", "fallback"),
    "upstream_5xx": ("fallback", "retry"),
    "bad_input": ("replan", "fallback"),
    "unknown": ("fallback",),
    "policy_block": (),
}


def classify_exception(exc: BaseException) -> FailureKind:
    """The kind of an agent's failure: by exception type first, then by its message."""
    from global_orchestrator.errors import PolicyViolation
    from global_orchestrator.redaction import exception_text  # its `__str__` may fail

    if isinstance(exc, PolicyViolation):
        return "policy_block"
    try:
        import httpx
        import openai
    except ImportError:  # pragma: no cover - both are dependencies
        return classify_failure(f"{type(exc).__name__}: {exception_text(exc)}")
    if isinstance(exc, TimeoutError | httpx.TimeoutException | openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.RateLimitError):
        return "rate_limit"
    if isinstance(exc, httpx.HTTPStatusError):
        code = exc.response.status_code
        if code == 429:
            return "rate_limit"
        return "upstream_5xx" if code >= 500 else "bad_input"
    if isinstance(
        exc, openai.InternalServerError | openai.APIConnectionError | ConnectionError | httpx.NetworkError
    ):
        return "upstream_5xx"
    return classify_failure(f"{type(exc).__name__}: {exception_text(exc)}")


def strategy_order(kind: FailureKind, *, transient: bool, remembered: str | None = None) -> list[Strategy]:
    """Strategies to try, in order, for a failure of `kind` (policy blocks: none).

    A remembered strategy (one that healed this failure before) comes first; a transient
    error is worth a retry whatever its kind.
    """
    if kind == "policy_block":
        return []
    order: list[Strategy] = list(_ORDER[kind])
    if transient and "retry" not in order:
        order.insert(0, "retry")
    if remembered in ("retry", "fallback", "replan"):
        order = [remembered, *(s for s in order if s != remembered)]  # type: ignore[list-item]
    return order


def remembered_strategy(
    memory: list[HealingMemoryEntry], family: str, tool: str | None, kind: FailureKind
) -> str | None:
    """The strategy that healed this family/tool/failure most often, if any did."""
    hits = [
        m
        for m in memory
        if m.family == family and (m.tool or None) == (tool or None) and m.failure_kind == kind
    ]
    return max(hits, key=lambda m: m.successes).strategy if hits else None


async def recall_healing(store: BaseStore | None, limit: int = 1000) -> list[HealingMemoryEntry]:
    """Every remembered recovery in the store (empty without a store)."""
    if store is None:
        return []
    items = await store.asearch((HEALING_NAMESPACE,), limit=limit)
    return [HealingMemoryEntry.model_validate(item.value) for item in items]


async def remember_healing(
    store: BaseStore | None, family: str, tool: str | None, kind: str, strategy: str
) -> None:
    """Count one more success of `strategy` for this family/tool/failure kind."""
    if store is None:
        return
    namespace = (HEALING_NAMESPACE, family, kind)
    key = f"{tool or '-'}|{strategy}"
    item = await store.aget(namespace, key)
    successes = int(item.value.get("successes", 0)) if item else 0
    entry = HealingMemoryEntry(
        family=family, tool=tool, failure_kind=kind, strategy=strategy, successes=successes + 1
    )
    await store.aput(namespace, key, entry.to_dict())
