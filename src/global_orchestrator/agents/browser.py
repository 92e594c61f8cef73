"""The browser agent: fetch pages, research them with citations, plan research.

Facts (titles, verbatim quotes, prices, platforms, each with its URL) come from the
pages (`tools.page_facts`); the model's summary is checked against them.
"""

from __future__ import annotations

from typing import Any

from global_orchestrator.agents.base import AgentContext, AgentOutput
from global_orchestrator.agents.defaults import ModelAgent
from global_orchestrator.agents.facts import check_prose
from global_orchestrator.errors import UserError
from global_orchestrator.models import AgentFamily, Subtask
from global_orchestrator.tools.browser import FetchError, FetchLimits, PageResult, fetch_page, fetch_pages
from global_orchestrator.tools.page_facts import PageFacts, page_facts

_EXCERPT = 1500


def _urls(subtask: Subtask, ctx: AgentContext, *keys: str) -> list[str]:
    value: Any = next((subtask.inputs.get(k) for k in keys if subtask.inputs.get(k)), None)
    if value is None and "urls" in keys:
        value = ctx.mission.context.get("urls")
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
    """`browser.fetch`, `browser.research` and `browser.plan`.

    `fetch` uses no model; `research` fetches and has the model summarise (checked);
    `plan` writes a research plan after reading the competitor pages it is given. Pages
    are rendered in headless Chromium per `limits.render` (`tools.browser`); `fetch`
    reports whether its page was (`rendered`).
    """

    def __init__(self, limits: FetchLimits | None = None) -> None:
        super().__init__(AgentFamily.BROWSER)
        self.limits = limits or FetchLimits()

    async def run(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """Run the subtask's tool."""
        if subtask.tool == "browser.fetch":
            urls = _urls(subtask, ctx, "url", "urls")
            if not urls:
                raise UserError(f"'{subtask.id}' has no url to fetch (inputs.url)")
            page = await fetch_page(urls[0], limits=self.limits)
            return AgentOutput(
                output={
                    **_page_summary(page),
                    "rendered": page.rendered,
                    "facts": {"pages": [page_facts(page)]},
                }
            )
        if subtask.tool == "browser.research":
            return await self._research(subtask, ctx)
        if subtask.tool == "browser.plan":
            return await self._plan(subtask, ctx)
        return await super().run(subtask, ctx)

    async def _plan(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        """A research plan, after reading `inputs.competitors` / `inputs.urls`.

        A page that cannot be read is noted in `facts.unread`, not fatal: this is a plan.
        """
        urls = _urls(subtask, ctx, "competitors", "urls")
        outcomes = await fetch_pages(urls, limits=self.limits) if urls else []
        pages = [page_facts(o) for o in outcomes if isinstance(o, PageResult)]
        unread = {o.url: f"{o.kind}: {o}" for o in outcomes if isinstance(o, FetchError)}
        questions = subtask.inputs.get("questions")
        facts: dict[str, Any] = {"pages": pages, "unread": unread}
        if isinstance(questions, list) and questions:
            facts["questions"] = [str(q) for q in questions]
        task = (
            f"{subtask.description}. In three to five short sentences, say what to find out and "
            + ("what the pages shown already answer." if pages else "which kinds of sources to read.")
            + " Do not invent prices or figures."
        )
        shown = {"pages": [_shown(p) for p in pages]} if pages else None
        text, usage = await self.ask(subtask, ctx, task=task, upstream=shown)
        read = [o.text for o in outcomes if isinstance(o, PageResult)]  # all a page says, not only quotes
        task_given = [ctx.mission.goal, subtask.description]
        checked = check_prose(text, facts, also=[*task_given, *read], restated=task_given, max_sentences=5)
        return AgentOutput(
            output={
                "prose": checked.text,
                "text": checked.text,
                "facts": facts,
                "removed": checked.removed,
                "tool": subtask.tool,
            },
            usage=usage,
        )

    async def _research(self, subtask: Subtask, ctx: AgentContext) -> AgentOutput:
        urls = _urls(subtask, ctx, "urls", "url")
        if not urls:
            raise UserError(f"'{subtask.id}' has no pages to research (inputs.urls or context.urls)")
        outcomes = await fetch_pages(urls, limits=self.limits)
        pages = [o for o in outcomes if isinstance(o, PageResult)]
        failures = {o.url: f"{o.kind}: {o}" for o in outcomes if isinstance(o, FetchError)}
        if not pages:
            first = next(o for o in outcomes if isinstance(o, FetchError))
            raise first  # typed: the engine retries transient fetch errors
        sources = [_page_summary(p) for p in pages]
        facts = [page_facts(p) for p in pages]
        task = (
            f"{subtask.description}. Summarise what the pages say that matters for the mission goal, "
            "and cite each claim with its page URL in brackets. Use only prices the pages print."
        )
        text, usage = await self.ask(subtask, ctx, task=task, upstream={"pages": sources})
        also = [ctx.mission.goal, subtask.description, *(p.text for p in pages)]
        checked = check_prose(text, {"pages": facts}, also=also, restated=also[:2])
        return AgentOutput(
            output={
                "prose": checked.text,
                "summary": checked.text,
                "sources": [{"url": s["url"], "title": s["title"]} for s in sources],
                "failed": failures,
                "facts": {"pages": facts, "unread": failures},
                "removed": checked.removed,
            },
            usage=usage,
        )


def _shown(page: PageFacts) -> dict[str, Any]:
    return {"url": page["url"], "title": page["title"], "quotes": page["quotes"][:3]}
