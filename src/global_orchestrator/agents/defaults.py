"""Default agents: one per family, each asking the configured chat model with a prompt.

They give every family something sensible to do with any model; the specialist tools of
each family (fetching pages, budget allocation, de-identification ...) build on them.
Tools establish the facts and the model writes the prose around them; every answer is
checked against its facts (`agents.facts.check_prose`) before it is returned.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from global_orchestrator.agents.base import AgentContext, AgentLike, AgentOutput
from global_orchestrator.agents.facts import check_prose
from global_orchestrator.models import AgentFamily, Subtask, Usage
from global_orchestrator.prompts import render_prompt

ROLES: dict[AgentFamily, str] = {
    AgentFamily.BROWSER: "You research the web: plan questions and sources, read pages, cite URLs.",
    AgentFamily.MARKETING: (
        "You write marketing work: campaign ideas, budgets, briefs and copy in the brand's voice."
    ),
    AgentFamily.CLINICAL: "You handle clinical text for a care team: accurate, neutral, no speculation.",
    AgentFamily.SELF_HEALING: (
        "You diagnose failed automations: classify the failure and recommend retry, fallback, "
        "re-plan or give up."
    ),
    AgentFamily.SHADOW: "You compare a primary and a candidate agent's outputs and report differences.",
}

_MAX_UPSTREAM_CHARS = 4000


def _usage(message: AIMessage) -> Usage:
    meta: Mapping[str, Any] = message.usage_metadata or {}
    return Usage(
        input_tokens=int(meta.get("input_tokens", 0)),
        output_tokens=int(meta.get("output_tokens", 0)),
        llm_calls=1,
    )


def _text(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)


class ModelAgent:
    """An agent that answers its subtask with one model call; family agents build on it."""

    tokens_only = True
    """Its only spend is model tokens (the budget knows a built-in tool run by it is free
    when the model has no price)."""

    def __init__(self, family: AgentFamily) -> None:
        self.family = family.value

    async def ask(
        self, subtask: Subtask, ctx: AgentContext, *, task: str | None = None, upstream: Any = None
    ) -> tuple[str, Usage]:
        """Ask the model about the subtask (or `task`), showing `upstream` (default: ctx.upstream)."""
        brand = ctx.context.brand
        shown = dict(ctx.upstream) if upstream is None else upstream
        parts = render_prompt(
            "agent",
            family=self.family,
            role=ROLES[AgentFamily(self.family)],
            task=task or subtask.description,
            goal=ctx.mission.goal,
            brand=f"{brand.name}. Voice: {brand.voice}. Audience: {brand.audience}." if brand else "none",
            inputs=json.dumps(subtask.inputs, ensure_ascii=False, default=str) if subtask.inputs else "none",
            upstream=json.dumps(shown, ensure_ascii=False, default=str)[:_MAX_UPSTREAM_CHARS]
            if shown
            else "none",
        )
        messages: list[Any] = [
            SystemMessage(p.content) if p.role == "system" else HumanMessage(p.content) for p in parts
        ]
        answer = await ctx.model.ainvoke(messages)
        assert isinstance(answer, AIMessage)
        return _text(answer).strip(), _usage(answer)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Answer the subtask with the model, its prose checked against what it was given."""
        text, usage = await self.ask(subtask, ctx)
        return AgentOutput(output=checked_answer(text, subtask, ctx), usage=usage)


def checked_answer(text: str, subtask: Subtask, ctx: AgentContext, *facts: Any) -> dict[str, Any]:
    """A model answer held to its facts: the upstream outputs, the subtask's inputs, the goal.

    Returns `{"text", "prose", "removed", "checked_against", "tool"}`: `text` and `prose`
    are the same checked prose (`text` is what clinical and shadow steps read);
    `checked_against` names the upstream subtasks whose outputs were the facts.
    """
    task_given = [ctx.mission.goal, subtask.description]
    checked = check_prose(
        text, dict(ctx.upstream), subtask.inputs, *facts, also=task_given, restated=task_given
    )
    return {
        "text": checked.text,
        "prose": checked.text,
        "removed": checked.removed,
        "checked_against": sorted(ctx.upstream),
        "tool": subtask.tool,
    }


def default_agents() -> dict[str, AgentLike]:
    """The built-in agent of each family (tools first, the model where judgement is needed)."""
    from global_orchestrator.agents.browser import BrowserAgent
    from global_orchestrator.agents.clinical import ClinicalAgent
    from global_orchestrator.agents.marketing import MarketingAgent
    from global_orchestrator.agents.self_healing import SelfHealingAgent
    from global_orchestrator.agents.shadow import ShadowAgent

    agents: list[AgentLike] = [
        BrowserAgent(),
        MarketingAgent(),
        ClinicalAgent(),
        SelfHealingAgent(),
        ShadowAgent(),
    ]
    return {agent.family: agent for agent in agents}  # type: ignore[union-attr]
