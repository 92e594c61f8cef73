"""The self-healing agent: classify a failure, choose a recovery, remember what worked."""

from __future__ import annotations

import re
from typing import Any, Literal

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent
from global_orchestrator.models import AgentFamily, Subtask

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
    """`self_healing.diagnose` (rules + memory) and `self_healing.recover` (a recovery plan)."""

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
            output: dict[str, Any] = {
                "automation": subtask.inputs.get("automation"),
                "failure_kind": kind,
                "strategy": strategy,
                "from_memory": remembered is not None and strategy == remembered,
                "explanation": explanation,
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
            return AgentOutput(
                output={
                    "strategy": strategy,
                    "action": steps[strategy],
                    "target_healthy": healthy,
                    "status": "ready to recover" if ready else "waiting for the target to recover",
                }
            )
        return await super().run(subtask, ctx)
