"""The marketing agent: campaign options (structured), budget split (exact), brief, copy.

The brief is assembled from tool facts with the model's checked prose around them
(`agents.brief`, `agents.facts`).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.brief import (
    BrandFact,
    BriefOutput,
    CampaignFacts,
    ChannelFact,
    fallback_summary,
    render_brief,
)
from global_orchestrator.agents.defaults import ModelAgent, _usage
from global_orchestrator.agents.facts import FactIndex, Removed, check_prose, sentences
from global_orchestrator.models import AgentFamily, ChannelPolicy, Subtask, Usage
from global_orchestrator.tools.budget import allocate_budget
from global_orchestrator.tools.page_facts import PageFacts

DEFAULT_CHANNELS = {
    "social": ChannelPolicy(weight=2),
    "email": ChannelPolicy(weight=1),
    "search": ChannelPolicy(weight=1),
}


FORMATS = ("short video", "carousel", "story", "static post", "newsletter", "search ad", "creator collab")
"""Ad formats an option may use (a closed set, so that a small model answers in range)."""


class CreativeOption(BaseModel):
    """One campaign idea (the model's words; its spend comes from the budget split, not the model)."""

    hook: str = Field(min_length=3, max_length=200, description="The line that grabs attention.")
    channel: str = Field(min_length=2, max_length=40, description="Where it runs (tiktok, email ...).")
    format: str = Field(min_length=2, max_length=60, description="Short video, carousel, newsletter ...")


class CreativeOptions(BaseModel):
    """Campaign ideas, best first."""

    options: list[CreativeOption] = Field(min_length=1, max_length=4)


def options_schema(channels: list[str]) -> type[BaseModel]:
    """`CreativeOptions` narrowed to the brand's channels and the known formats.

    A constrained decoder (llama.cpp turns the schema into a grammar) then cannot answer
    a channel the brand does not use. No cost is asked for: spend comes from the budget
    split, which is exact.
    """
    option = create_model(
        "CampaignOption",
        __doc__="One campaign idea.",
        hook=(str, Field(min_length=3, max_length=200, description="The line that grabs attention.")),
        channel=(Literal[tuple(channels)], Field(description="Where it runs.")),  # type: ignore[arg-type]
        format=(Literal[FORMATS], Field(description="The ad format.")),  # type: ignore[arg-type]
    )
    return create_model(
        "CampaignOptions",
        __doc__="Campaign ideas, best first.",
        options=(list[option], Field(min_length=1, max_length=4)),
    )


def channels_for(ctx: AgentContext) -> dict[str, ChannelPolicy]:
    """The brand's channels, else those the mission names (equal weights), else defaults."""
    return {c["channel"]: ChannelPolicy(weight=c["weight"], minimum=c["minimum"]) for c in channel_facts(ctx)}


def channel_facts(ctx: AgentContext) -> list[ChannelFact]:
    """The channels a campaign may use, each with its weight, minimum and source."""
    brand = ctx.context.brand
    if brand and brand.channels:
        policies, source = dict(brand.channels), f"brand {brand.id}"
    else:
        named = ctx.mission.context.get("channels")
        if isinstance(named, list) and named:
            policies = {str(c): ChannelPolicy(weight=1) for c in named}
            source = "mission context.channels"
        else:
            policies, source = dict(DEFAULT_CHANNELS), "defaults"
    return [
        ChannelFact(channel=name, weight=p.weight, minimum=p.minimum, source=source)
        for name, p in policies.items()
    ]


def split_budget(ctx: AgentContext) -> dict[str, Any] | None:
    """The mission budget split across channels, or None without a budget."""
    budget = ctx.mission.constraints.budget
    if budget is None or budget <= 0:
        return None
    allocation = allocate_budget(budget, channels_for(ctx), currency=ctx.mission.constraints.currency)
    return allocation.to_dict()


_PAGE_KEYS = frozenset(PageFacts.__annotations__)


def campaign_facts(ctx: AgentContext) -> CampaignFacts:
    """The facts of this mission: goal, brand, channels, budget split, pages read upstream."""
    brand = ctx.context.brand
    pages: list[PageFacts] = []
    unread: dict[str, str] = {}
    for value in ctx.upstream.values():
        facts = value.get("facts") if isinstance(value, dict) else None
        if not isinstance(facts, dict):
            continue
        for page in facts.get("pages") or []:
            # any agent may report facts: take only well-formed pages, each once
            well_formed = isinstance(page, dict) and page.keys() >= _PAGE_KEYS
            if well_formed and page["url"] not in {q["url"] for q in pages}:
                pages.append(page)
        if isinstance(facts.get("unread"), dict):
            unread.update({str(k): str(v) for k, v in facts["unread"].items()})
    return CampaignFacts(
        mission=ctx.mission.id,
        goal=ctx.mission.goal,
        brand=BrandFact(id=brand.id, name=brand.name, voice=brand.voice, audience=brand.audience)
        if brand
        else None,
        channels=channel_facts(ctx),
        budget=split_budget(ctx),
        pages=pages,
        unread=unread,
    )


def _compact(facts: CampaignFacts) -> dict[str, Any]:
    """The facts as the model is shown them (short: small models have small contexts)."""
    budget = facts["budget"]
    return {
        "channels": [c["channel"] for c in facts["channels"]],
        "budget": {"total": budget["total"], "amounts": budget["amounts"]} if budget else None,
        "pages": [{"url": p["url"], "title": p["title"], "quotes": p["quotes"][:3]} for p in facts["pages"]],
    }


def _goal_option(ctx: AgentContext, channel: str) -> dict[str, Any]:
    """The mission's own goal as the one option (when the model gave none usable)."""
    return {"hook": ctx.mission.goal[:200].ljust(3, "."), "channel": channel, "format": "short video"}


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
            return AgentOutput(
                output={"budget": split, "facts": {"budget": split, "channels": channel_facts(ctx)}}
            )
        if subtask.tool == "marketing.compile_brief":
            return await self._brief(subtask, ctx)
        return await super().run(subtask, ctx)

    async def _campaign(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        facts = campaign_facts(ctx)
        channels = sorted(c["channel"] for c in facts["channels"])
        task = (
            f"{subtask.description}. Give 2 to 4 campaign options as JSON: hook, channel (one of "
            f"{', '.join(channels)}), format. No prices or figures in the hooks."
        )
        usage = Usage()
        options: list[dict[str, Any]] = []
        structured_ok = False
        try:
            structured = ctx.model.with_structured_output(options_schema(channels), include_raw=True)
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
                    options = [o.model_dump() for o in CreativeOptions.model_validate(data).options]
                    structured_ok = True
                except ValidationError:
                    pass
        removed: list[Removed] = []
        if not structured_ok:
            # no structured output (or an unusable answer): one option from free text
            text, more = await self.ask(subtask, ctx, task=task)
            usage = usage + more
            checked = check_prose(text, facts, also=[subtask.description], restated=[subtask.description])
            removed += checked.removed
            hook = next(iter(sentences(checked.text)), "")
            options = [{**_goal_option(ctx, channels[0]), **({"hook": hook[:200]} if len(hook) >= 3 else {})}]
        index = FactIndex.of(facts, subtask.description)
        kept = []
        for option in options:
            reason = index.unsupported(option["hook"])
            if reason is None:
                kept.append(option)
            else:
                removed.append(Removed(sentence=option["hook"], reason=reason))
        if not kept:  # every hook claimed something unsupported: fall back on the goal itself
            kept = [_goal_option(ctx, channels[0])]
        output: dict[str, Any] = {
            "options": kept,
            "facts": {"channels": facts["channels"], "budget": facts["budget"]},
            "removed": removed,
        }
        if not structured_ok:
            output["structured"] = False
        return AgentOutput(output=output, usage=usage)

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
        notes: list[str] = []
        earlier: list[Removed] = []
        for value in ctx.upstream.values():
            if isinstance(value, dict) and isinstance(value.get("removed"), list):
                earlier.extend(value["removed"])
            if isinstance(value, dict) and "options" in value:
                options.extend(value["options"])
            elif value is not None:
                research.append(value)
                if isinstance(value, dict) and isinstance(value.get("prose"), str):
                    notes.append(value["prose"])
        facts = campaign_facts(ctx)
        task = (
            f"{subtask.description}. Write two or three sentences that open the brief: why these "
            "channels fit the audience and what the research suggests. Do not write any numbers, "
            "prices or URLs: the brief adds them from the facts."
        )
        shown = {
            **_compact(facts),
            "options": [o.get("hook") for o in options if isinstance(o, dict)],
            "research": notes,
        }
        text, usage = await self.ask(subtask, ctx, task=task, upstream=shown)
        task_given = [ctx.mission.goal, subtask.description]
        intro = check_prose(text, facts, also=task_given, restated=task_given, max_sentences=3)
        removed = [*earlier, *intro.removed]
        research_notes: list[str] = []
        for note in notes:  # already checked by their agent; checked again against every fact
            checked = check_prose(note, facts)
            removed += checked.removed
            research_notes.append(checked.text)
        index = FactIndex.of(facts)
        usable = [o for o in options if index.unsupported(str(o.get("hook", ""))) is None]
        brief = BriefOutput(
            brief=render_brief(facts, intro=intro.text, options=usable, research_notes=research_notes),
            facts=facts,
            prose=intro.text,
            removed=removed,
            summary=intro.text or fallback_summary(facts),
            creative_options=options,
            research=research,
        )
        split = facts["budget"]
        if split is not None:
            brief["budget"] = split
            total = Decimal(split["total"])
            brief["budget_note"] = f"{total} {split['currency']} across {len(split['amounts'])} channels"
        return AgentOutput(output=dict(brief), usage=usage)
