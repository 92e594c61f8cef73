"""The browser agent: fetch pages, research them with citations, plan research."""

from __future__ import annotations

from typing import Any

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent
from global_orchestrator.errors import UserError
from global_orchestrator.models import AgentFamily, Subtask
from global_orchestrator.tools.browser import FetchError, FetchLimits, PageResult, fetch_page, fetch_pages

_EXCERPT = 1500


def _urls(subtask: Subtask, ctx: AgentContext) -> list[str]:
    value: Any = subtask.inputs.get("urls") or subtask.inputs.get("url") or ctx.mission.context.get("urls")
    if isinstance(value, str):
        return [value]
    return [str(u) for u in value or []]


def _page_summary(page: PageResult) -> dict[str, Any]:
    return {
        "url": page.final_url,
        "status": page.status,
        "title": page.title,
        "excerpt": page.text[:_EXCERPT],
        "links": page.links[:20],
    }


class BrowserAgent(ModelAgent):
    """`browser.fetch` (no model), `browser.research` (fetch + model summary), `browser.plan`."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        super().__init__(AgentFamily.BROWSER)
        self.limits = limits or FetchLimits()

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Run the subtask's tool."""
        if subtask.tool == "browser.fetch":
            urls = _urls(subtask, ctx)
            if not urls:
                raise UserError(f"'{subtask.id}' has no url to fetch (inputs.url)")
            page = await fetch_page(urls[0], limits=self.limits)
            return AgentOutput(output=_page_summary(page))
        if subtask.tool == "browser.research":
            return await self._research(subtask, ctx)
        return await super().run(subtask, ctx)

    async def _research(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        urls = _urls(subtask, ctx)
        if not urls:
            raise UserError(f"'{subtask.id}' has no pages to research (inputs.urls or context.urls)")
        outcomes = await fetch_pages(urls, limits=self.limits)
        pages = [o for o in outcomes if isinstance(o, PageResult)]
        failures = {o.url: f"{o.kind}: {o}" for o in outcomes if isinstance(o, FetchError)}
        if not pages:
            first = next(o for o in outcomes if isinstance(o, FetchError))
            raise first  # typed: the engine retries transient fetch errors
        sources = [_page_summary(p) for p in pages]
        task = (
            f"{subtask.description}. Summarise what the pages say that matters for the mission goal, "
            "and cite each claim with its page URL in brackets."
        )
        text, usage = await self.ask(subtask, ctx, task=task, upstream={"pages": sources})
        return AgentOutput(
            output={
                "summary": text,
                "sources": [{"url": s["url"], "title": s["title"]} for s in sources],
                "failed": failures,
            },
            usage=usage,
        )
