"""The clinical agent: de-identification (no model) and summaries (model; reads PHI)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent, checked_answer
from global_orchestrator.models import AgentFamily, Subtask
from global_orchestrator.policies.phi_detector import deidentify, detect_phi


def _text_of(subtask: Subtask, ctx: AgentContext) -> str:
    text = subtask.inputs.get("text")
    if isinstance(text, str) and text.strip():
        return text
    for value in ctx.upstream.values():
        if isinstance(value, dict) and isinstance(value.get("text"), str):
            return str(value["text"])
    raise ValueError(f"'{subtask.id}' has no text to work on (inputs.text or an upstream text)")


class ClinicalAgent(ModelAgent):
    """`clinical.deidentify` and `clinical.summarize`.

    De-identified output that re-scans clean is reported as such (it carries no `phi`
    label); everything else a clinical agent returns is labelled `phi` by the engine.
    `deidentify` is a tool (its `text` is the fact); a summary is the model's prose,
    checked against the note it summarises (a number not in the note is removed).
    """

    def __init__(self) -> None:
        super().__init__(AgentFamily.CLINICAL)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Run the subtask's tool."""
        if subtask.tool == "clinical.deidentify":
            clean, found = deidentify(_text_of(subtask, ctx))
            leftovers = detect_phi(clean)
            output: dict[str, Any] = {
                "text": clean,
                "replaced": dict(Counter(f.category for f in found)),
                "rescan_clean": not leftovers,
            }
            return AgentOutput(output=output, deidentified=not leftovers)
        if subtask.tool == "clinical.summarize":
            source = _text_of(subtask, ctx)
            text, usage = await self.ask(
                subtask,
                ctx,
                task=f"{subtask.description}. Summarise for the care team in three to five sentences, "
                "using only what the note says.",
                upstream={"note": source},
            )
            return AgentOutput(output=checked_answer(text, subtask, ctx, source), usage=usage)
        return await super().run(subtask, ctx)
