"""The campaign / research brief: assembled from tool facts, with the model's checked prose around them.

Every figure in a brief comes from a fact (the budget split, the brand profile, a
fetched page); the model contributes the introduction and the research notes, both
passed through `facts.check_prose` first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NotRequired, TypedDict

from global_orchestrator.agents.facts import Removed
from global_orchestrator.tools.page_facts import PageFacts


class ChannelFact(TypedDict):
    """One channel the campaign may use, and where that came from."""

    channel: str
    weight: float
    minimum: float
    """Smallest spend worth making on it (the brand's; 0 when none is set)."""
    source: str
    """`brand <id>`, `mission context.channels` or `defaults`."""


class BrandFact(TypedDict):
    """The brand profile's own words."""

    id: str
    name: str
    voice: str
    audience: str


class CampaignFacts(TypedDict):
    """What the tools established for a brief."""

    mission: str
    goal: str
    brand: BrandFact | None
    channels: list[ChannelFact]
    budget: dict[str, Any] | None
    """`BudgetAllocation.to_dict()` (`total`, `currency`, `amounts`, `shares`, `dropped`)."""
    pages: list[PageFacts]
    """Pages the research steps read (title, quotes, prices, platforms, URL)."""
    unread: dict[str, str]
    """Pages that could not be read, with the reason."""


class BriefOutput(TypedDict):
    """`marketing.compile_brief`'s output."""

    brief: str
    """The brief as Markdown: facts in tables and lists, prose around them, sources last."""
    facts: CampaignFacts
    prose: str
    """The model's introduction, unsupported sentences removed."""
    removed: list[Removed]
    """Sentences taken out of the model's prose, by the earlier steps and by this one."""
    summary: str
    """The introduction, or a one-line summary built from the facts when none survived."""
    creative_options: list[dict[str, Any]]
    """The creative options whose hooks passed the check."""
    research: list[Any]
    """The research steps' outputs, as they were."""
    budget: NotRequired[dict[str, Any]]
    budget_note: NotRequired[str]


def _money(amount: Any, currency: str) -> str:
    return f"{Decimal(str(amount)):,.2f} {currency}"


def _minimum(value: float) -> str:
    return f"{value:g}" if value else "none"


def fallback_summary(facts: CampaignFacts) -> str:
    """One sentence from the facts alone: what, for whom, and (campaigns) where, with how much."""
    brand = facts["brand"]
    who = f" for {brand['name'].rstrip('.')}" if brand else ""
    budget = facts["budget"]
    channels = list(budget["amounts"]) if budget else []
    listed = ", ".join(channels[:-1]) + f" and {channels[-1]}" if len(channels) > 1 else "".join(channels)
    where = f" on {listed}" if channels else ""
    money = f" with {_money(budget['total'], budget['currency'])}" if budget else ""
    return f"{facts['goal'].rstrip('.')}{who}{where}{money}."


def render_brief(
    facts: CampaignFacts,
    *,
    intro: str,
    options: Sequence[Mapping[str, Any]],
    research_notes: Sequence[str],
) -> str:
    """The brief as Markdown (no numbered lists: every digit in it comes from a fact).

    It opens with a summary sentence built from the facts, then the model's `intro`.
    """
    brand = facts["brand"]
    campaign = bool(facts["budget"] or options)
    title = "Campaign brief" if campaign else "Research brief"
    out = [f"# {title}: {facts['goal'].rstrip('.')}", ""]
    if brand:
        name = brand["name"].rstrip(".")
        out += [f"**Brand:** {name}. Voice: {brand['voice']}. Audience: {brand['audience']}.", ""]
    out += [fallback_summary(facts), ""]  # the facts first, whatever the model wrote
    if intro:
        out += [intro, ""]
    budget = facts["budget"]
    if budget:
        currency = budget["currency"]
        minimums = {c["channel"]: c["minimum"] for c in facts["channels"]}
        out += [
            f"## Budget: {_money(budget['total'], currency)}",
            "",
            "| channel | amount | share | brand minimum |",
            "| --- | ---: | ---: | ---: |",
        ]
        for channel, amount in budget["amounts"].items():
            share = budget.get("shares", {}).get(channel)
            out.append(
                f"| {channel} | {_money(amount, currency)} | {f'{share}%' if share is not None else ''} "
                f"| {_minimum(minimums.get(channel, 0))} |"
            )
        for dropped in budget.get("dropped", []):
            out.append(f"\nNot funded: {dropped['channel']} ({dropped['reason']}).")
        out += ["", "Split exactly by `marketing.allocate_budget` (weights and minimums below).", ""]
    if campaign and facts["channels"]:
        out += ["## Channels", ""]
        for c in facts["channels"]:
            weight, minimum = f"{c['weight']:g}", _minimum(c["minimum"])
            out.append(f"- **{c['channel']}**: weight {weight}, minimum {minimum} ({c['source']})")
        out.append("")
    if options:
        amounts = budget["amounts"] if budget else {}
        out += ["## Creative options", ""]
        for o in options:
            line = f"- **{o['hook']}**: {o['channel']}, {o['format']}"
            if o["channel"] in amounts and budget:
                line += f" (channel budget {_money(amounts[o['channel']], budget['currency'])})"
            out.append(line)
        out.append("")
    if facts["pages"] or facts["unread"] or research_notes:
        out += ["## Research", ""]
        for page in facts["pages"]:
            out.append(f"- [{page['title'] or page['url']}]({page['url']})")
            out += [f"  > {quote}" for quote in page["quotes"]]
            if page["prices"]:
                prices = ", ".join(dict.fromkeys(p["text"] for p in page["prices"]))
                out.append(f"  - prices on the page: {prices}")
            if page["platforms"]:
                out.append(f"  - platforms named: {', '.join(page['platforms'])}")
        for url, reason in facts["unread"].items():
            out.append(f"- not read: {url} ({reason})")
        notes = [n for n in research_notes if n.strip()]
        if notes:
            out += ["", *notes]
        out.append("")
    what = "goal and budget" if budget else "goal"
    out += ["## Sources", "", f"- mission `{facts['mission']}`: {what}"]
    if brand:
        uses = "voice, audience, channel weights and minimums" if campaign else "voice and audience"
        out.append(f"- brand profile `{brand['id']}`: {uses}")
    out += [f"- {page['url']}: {page['title'] or 'untitled page'}" for page in facts["pages"]]
    return "\n".join(out).rstrip() + "\n"
