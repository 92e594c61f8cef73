"""The shadow agent: compare outputs and report (the shadow runs themselves are the engine's)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import Any

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent
from global_orchestrator.models import AgentFamily, Subtask


def as_text(value: Any) -> str:
    """A stable text form of an output, for comparison."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return str(value["text"])
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def similarity(a: Any, b: Any) -> float:
    """Text similarity of two outputs in [0, 1] (difflib ratio)."""
    return round(SequenceMatcher(None, as_text(a), as_text(b)).ratio(), 4)


class ShadowAgent(ModelAgent):
    """`shadow.report` / `shadow.compare`: the shadow comparisons of the upstream subtasks.

    The engine runs candidates beside their primaries and records each comparison as a
    `<id>#shadow` result; a shadow subtask reads those of its dependencies.
    """

    def __init__(self) -> None:
        super().__init__(AgentFamily.SHADOW)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Summarise the comparisons recorded for upstream subtasks."""
        if subtask.tool in ("shadow.report", "shadow.compare"):
            return AgentOutput(output=report(ctx.upstream, ctx.mission.context.get("shadow") or {}))
        return await super().run(subtask, ctx)


def report(upstream: Mapping[str, Any], candidates: Any) -> dict[str, Any]:
    """Per-subtask comparison and totals from `<id>#shadow` records."""
    rows: dict[str, Any] = {}
    for key, record in upstream.items():
        if not key.endswith("#shadow") or not isinstance(record, Mapping):
            continue
        rows[key.removesuffix("#shadow")] = {
            "candidate": record.get("candidate"),
            "exactMatch": record.get("exactMatch"),
            "similarity": record.get("similarity"),
            "latencyMs": record.get("latencyMs"),
            "tokens": record.get("tokens"),
            "ran": "output" in record,
        }
    scores = [r["similarity"] for r in rows.values() if isinstance(r["similarity"], int | float)]
    return {
        "candidates": candidates,
        "compared": len(rows),
        "subtasks": rows,
        "exactMatches": sum(1 for r in rows.values() if r["exactMatch"] is True),
        "candidateFailures": sum(1 for r in rows.values() if not r["ran"]),
        "meanSimilarity": round(sum(scores) / len(scores), 4) if scores else None,
    }
