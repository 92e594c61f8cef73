"""The shadow agent: compare outputs and report (the shadow runs themselves are the engine's)."""

from __future__ import annotations

import json
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
    """`shadow.report`: the shadow comparisons of the mission's upstream subtasks."""

    def __init__(self) -> None:
        super().__init__(AgentFamily.SHADOW)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Summarise the comparisons recorded for upstream subtasks."""
        if subtask.tool in ("shadow.report", "shadow.compare"):
            shadows = ctx.mission.context.get("shadow") or {}
            return AgentOutput(
                output={
                    "candidates": shadows,
                    "compared": sorted(ctx.upstream),
                    "note": "shadow results are recorded per subtask as '<id>#shadow' in the mission result",
                }
            )
        return await super().run(subtask, ctx)
