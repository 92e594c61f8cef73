"""The marketing agent: campaign options (structured), budget split (exact), brief, copy."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent, _usage
from global_orchestrator.models import AgentFamily, ChannelPolicy, Subtask, Usage
from global_orchestrator.tools.budget import allocate_budget

DEFAULT_CHANNELS = {
    "social": ChannelPolicy(weight=2),
    "email": ChannelPolicy(weight=1),
    "search": ChannelPolicy(weight=1),
}


FORMATS = ("short video", "carousel", "story", "static post", "newsletter", "search ad", "creator collab")
"""Ad formats an option may use (a closed set, so that a small model answers in range)."""


class CreativeOption(BaseModel):
    """One campaign idea."""

    hook: str = Field(min_length=3, max_length=200, description="The line that grabs attention.")
    channel: str = Field(min_length=2, max_length=40, description="Where it runs (tiktok, email ...).")
    format: str = Field(min_length=2, max_length=60, description="Short video, carousel, newsletter ...")
    estimated_cost: float = Field(ge=0, le=10_000_000, description="Estimated spend in the mission currency.")


class CreativeOptions(BaseModel):
    """Campaign ideas, best first."""

    options: list[CreativeOption] = Field(min_length=1, max_length=4)


def options_schema(channels: list[str], budget: float | None) -> type[BaseModel]:
    """`CreativeOptions` narrowed to the brand's channels, known formats and the budget.

    A constrained decoder (llama.cpp turns the schema into a grammar) then cannot answer
    a channel the brand does not use or a cost above the budget.
    """
    option = create_model(
        "CampaignOption",
        __doc__="One campaign idea.",
        hook=(str, Field(min_length=3, max_length=200, description="The line that grabs attention.")),
        channel=(Literal[tuple(channels)], Field(description="Where it runs.")),  # type: ignore[arg-type]
        format=(Literal[FORMATS], Field(description="The ad format.")),  # type: ignore[arg-type]
        estimated_cost=(float, Field(ge=0, le=budget or 10_000_000, description="Estimated spend.")),
    )
    return create_model(
        "CampaignOptions",
        __doc__="Campaign ideas, best first.",
        options=(list[option], Field(min_length=1, max_length=4)),
    )


def channels_for(ctx: AgentContext) -> dict[str, ChannelPolicy]:
    """The brand's channels, else those the mission names (equal weights), else defaults."""
    brand = ctx.context.brand
    if brand and brand.channels:
        return dict(brand.channels)
    named = ctx.mission.context.get("channels")
    if isinstance(named, list) and named:
        return {str(c): ChannelPolicy(weight=1) for c in named}
    return dict(DEFAULT_CHANNELS)


def split_budget(ctx: AgentContext) -> dict[str, Any] | None:
    """The mission budget split across channels, or None without a budget."""
    budget = ctx.mission.constraints.budget
    if budget is None or budget <= 0:
        return None
    allocation = allocate_budget(budget, channels_for(ctx), currency=ctx.mission.constraints.currency)
    return allocation.to_dict()


class MarketingAgent(ModelAgent):
    """`marketing.generate_campaign`, `allocate_budget`, `compile_brief`, `draft_copy`."""

    def __init__(self) -> None:
        super().__init__(AgentFamily.MARKETING)

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Run the subtask's tool."""
        if subtask.tool == "marketing.generate_campaign":
            return await self._campaign(subtask, ctx)
        if subtask.tool == "marketing.allocate_budget":
            split = split_budget(ctx)
            if split is None:
                raise ValueError("the mission sets no budget to allocate (constraints.budget)")
            return AgentOutput(output={"budget": split})
        if subtask.tool == "marketing.compile_brief":
            return await self._brief(subtask, ctx)
        return await super().run(subtask, ctx)

    async def _campaign(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        channels = sorted(channels_for(ctx))
        task = (
            f"{subtask.description}. Give 2 to 4 campaign options as JSON: hook, channel (one of "
            f"{', '.join(channels)}), format, estimated_cost."
        )
        usage = Usage()
        schema = options_schema(channels, ctx.mission.constraints.budget)
        try:
            structured = ctx.model.with_structured_output(schema, include_raw=True)
        except NotImplementedError:
            structured = None
        if structured is not None:
            messages = await self._messages(subtask, ctx, task)
            result = await structured.ainvoke(messages)
            raw = result.get("raw") if isinstance(result, dict) else None
            usage = _usage(raw) if raw is not None else Usage(llm_calls=1)
            parsed = result.get("parsed") if isinstance(result, dict) else None
            data = parsed.model_dump() if isinstance(parsed, BaseModel) else parsed
            if isinstance(data, dict):
                try:
                    options = CreativeOptions.model_validate(data)
                    return AgentOutput(
                        output={"options": [o.model_dump() for o in options.options]}, usage=usage
                    )
                except ValidationError:
                    pass
        # no structured output (or an unusable answer): one option from free text
        text, more = await self.ask(subtask, ctx, task=task)
        budget = ctx.mission.constraints.budget or 0
        option = CreativeOption(
            hook=(text or subtask.description)[:200].ljust(3, "."),
            channel=channels[0],
            format="short video",
            estimated_cost=round(budget / 3, 2),
        )
        return AgentOutput(output={"options": [option.model_dump()], "structured": False}, usage=usage + more)

    async def _messages(self, subtask: Subtask, ctx: AgentContext, task: str) -> list[Any]:
        from langchain_core.messages import HumanMessage, SystemMessage

        from global_orchestrator.agents.defaults import ROLES
        from global_orchestrator.prompts import render_prompt

        brand = ctx.context.brand
        parts = render_prompt(
            "agent",
            family=self.family,
            role=ROLES[AgentFamily.MARKETING],
            task=task,
            goal=ctx.mission.goal,
            brand=f"{brand.name}. Voice: {brand.voice}. Audience: {brand.audience}." if brand else "none",
            inputs=json.dumps(subtask.inputs, ensure_ascii=False, default=str) if subtask.inputs else "none",
            upstream="none",
        )
        return [SystemMessage(p.content) if p.role == "system" else HumanMessage(p.content) for p in parts]

    async def _brief(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        options: list[Any] = []
        research: list[Any] = []
        for value in ctx.upstream.values():
            if isinstance(value, dict) and "options" in value:
                options.extend(value["options"])
            elif value is not None:
                research.append(value)
        split = split_budget(ctx)
        text, usage = await self.ask(subtask, ctx)
        brief: dict[str, Any] = {"summary": text, "creative_options": options, "research": research}
        if split is not None:
            brief["budget"] = split
            total = Decimal(split["total"])
            brief["budget_note"] = f"{total} {split['currency']} across {len(split['amounts'])} channels"
        return AgentOutput(output=brief, usage=usage)
