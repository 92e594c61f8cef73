"""Facts from tools, words from the model: the prose check, page facts and the brief."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator.agents.base import AgentContext
from global_orchestrator.agents.brief import CampaignFacts, ChannelFact, render_brief
from global_orchestrator.agents.clinical import ClinicalAgent
from global_orchestrator.agents.facts import FactIndex, check_prose, numbers_in
from global_orchestrator.agents.marketing import MarketingAgent
from global_orchestrator.agents.self_healing import SelfHealingAgent
from global_orchestrator.models import ChannelPolicy, Mission, MissionContext, Subtask
from global_orchestrator.testing import ScriptedChatModel
from global_orchestrator.tools.browser import PageResult, extract
from global_orchestrator.tools.budget import allocate_budget
from global_orchestrator.tools.page_facts import page_facts

SITE = Path(__file__).resolve().parents[2] / "examples" / "site"
BRAND = {
    "tiktok": ChannelPolicy(weight=5, minimum=500),
    "instagram": ChannelPolicy(weight=3, minimum=300),
    "email": ChannelPolicy(weight=2, minimum=100),
}
SPLIT = allocate_budget(5000, BRAND).to_dict()
FACTS = {"budget": SPLIT, "channels": list(BRAND)}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("$5,000 in total", {Decimal(5000)}),
        ("about 5k", {Decimal(5000), Decimal(5)}),
        ("2,500.00 USD", {Decimal(2500)}),
        ("50.0% of it", {Decimal(50)}),
        ("shipping from $4.99.", {Decimal("4.99")}),
        ("SmolLM2 and mp4 are words, not numbers", set()),
        ("see http://127.0.0.1:8765/a.html", set()),
    ],
)
def test_numbers_in_reads_every_way_a_figure_is_written(text: str, values: set[Decimal]) -> None:
    assert numbers_in(text) == values


def test_budget_shares_are_exact_percentages_of_the_split() -> None:
    assert SPLIT["amounts"] == {"tiktok": "2500.00", "instagram": "1500.00", "email": "1000.00"}
    assert SPLIT["shares"] == {"tiktok": "50.0", "instagram": "30.0", "email": "20.0"}


def test_invented_numbers_are_removed_and_supported_ones_kept() -> None:
    prose = (
        "Spend $5,984 on TikTok for the blitz. Put 2,500 into tiktok, half of the 5k. "
        "Email gets 20% of the money."
    )
    checked = check_prose(prose, FACTS)
    assert checked.text == "Put 2,500 into tiktok, half of the 5k. Email gets 20% of the money."
    assert checked.removed == [
        {
            "sentence": "Spend $5,984 on TikTok for the blitz.",
            "reason": "the number 5,984 is not in the tool facts",
        }
    ]


def test_unknown_urls_platforms_task_echoes_and_cut_off_endings_are_removed() -> None:
    facts = {**FACTS, "pages": [{"url": "http://127.0.0.1:8765/rival-a.html", "title": "Rival A"}]}
    prose = (
        "The mission is about to begin.\n"
        '"""\n'
        "Rival A leads on price (http://127.0.0.1:8765/rival-a.html).\n"
        "See http://evil.example/x for more. Add Facebook ads too.\n"
        "- Students want durable notebooks.\n"
        "The brief is for their children's upco"
    )
    checked = check_prose(prose, facts)
    assert checked.text == (
        "Rival A leads on price (http://127.0.0.1:8765/rival-a.html).\n- Students want durable notebooks."
    )
    reasons = [r["reason"] for r in checked.removed]
    assert reasons == [
        "restates the task instead of doing it",
        "the URL http://evil.example/x is not a source the tools read",
        "Facebook is not a channel or source in the tool facts",
        "cut off by the model's token limit",
    ]


def test_also_texts_support_prose_without_being_facts() -> None:
    assert check_prose("Error 429 means slow down.", {"kind": "rate_limit"}).text == ""
    assert check_prose("Error 429 means slow down.", {"kind": "rate_limit"}, also=["HTTP 429"]).text


def test_fact_index_reads_keys_and_nested_values() -> None:
    index = FactIndex.of({"tiktok": {"amount": "2500.00"}})
    assert index.unsupported("TikTok gets 2500.") is None
    assert index.unsupported("Instagram gets 2500.") is not None


def _page(name: str) -> PageResult:
    html = (SITE / name).read_text()
    url = f"http://127.0.0.1:8765/{name}"
    title, text, links = extract(html, url)
    return PageResult(
        url=url, final_url=url, status=200, content_type="text/html", title=title, text=text, links=links
    )


def test_page_facts_quote_the_page_with_its_prices_and_platforms() -> None:
    facts = page_facts(_page("rival-a.html"))
    assert facts["url"] == "http://127.0.0.1:8765/rival-a.html"
    assert facts["title"] == "Rival A | Back-to-school bundles"
    assert [(p["text"], p["amount"], p["currency"]) for p in facts["prices"]] == [
        ("$19", "19", "USD"),
        ("$19", "19", "USD"),
        ("$29", "29", "USD"),
        ("$4.99", "4.99", "USD"),
    ]
    assert facts["platforms"] == ["instagram"]
    text = _page("rival-a.html").text
    assert facts["quotes"] and all(q in text for q in facts["quotes"])  # verbatim
    assert all(p["quote"] in text and p["text"] in p["quote"] for p in facts["prices"])


def test_brief_holds_only_fact_numbers() -> None:
    page = page_facts(_page("rival-b.html"))
    facts = CampaignFacts(
        mission="m-1",
        goal="Launch a back-to-school TikTok blitz",
        brand=None,
        channels=[
            ChannelFact(channel=c, weight=p.weight, minimum=p.minimum, source="brand b")
            for c, p in BRAND.items()
        ],
        budget=SPLIT,
        pages=[page],
        unread={"http://127.0.0.1:9/x": "connect: refused"},
    )
    options = [{"hook": "Notebooks that survive the year", "channel": "tiktok", "format": "short video"}]
    brief = render_brief(facts, intro="", options=options, research_notes=["Rival B sells on TikTok."])
    assert "| tiktok | 2,500.00 USD | 50.0% | 500 |" in brief
    assert "(channel budget 2,500.00 USD)" in brief
    assert "[Rival B | Ready for school](http://127.0.0.1:8765/rival-b.html)" in brief
    assert "not read: http://127.0.0.1:9/x" in brief
    assert numbers_in(brief) <= FactIndex.of(facts).numbers


def _ctx(upstream: dict[str, Any], answer: str, **mission: Any) -> AgentContext:
    m = Mission(id="m-f", type="marketing.campaign", goal=mission.pop("goal", "Spring sale"), **mission)
    model = ScriptedChatModel(responses=[answer])
    return AgentContext(
        mission=m,
        context=MissionContext(mission_id=m.id),
        subtask_id="s",
        upstream=upstream,
        attempt=1,
        model_factory=lambda: model,
    )


async def test_clinical_summary_keeps_only_the_notes_figures() -> None:
    note = "Patient reports headaches. BP 140/90 at intake. Follow up in 2 weeks."
    ctx = _ctx({}, "BP was 140/90 at intake. Follow up in 6 weeks. Headaches are reported.")
    step = Subtask(
        id="s", agent="clinical", tool="clinical.summarize", description="Summarise", inputs={"text": note}
    )
    out = (await ClinicalAgent().run(step, ctx)).output
    assert out["text"] == out["prose"] == "BP was 140/90 at intake. Headaches are reported."
    assert out["removed"] == [
        {"sentence": "Follow up in 6 weeks.", "reason": "the number 6 is not in the tool facts"}
    ]


async def test_diagnosis_is_facts_and_its_explanation_is_checked() -> None:
    ctx = _ctx({}, "The API answered 429, too many requests. Wait 30 seconds, then retry.")
    step = Subtask(
        id="s",
        agent="self_healing",
        tool="self_healing.diagnose",
        description="Diagnose",
        inputs={"automation": "crm-sync", "error": "HTTP 429 Too Many Requests"},
    )
    out = (await SelfHealingAgent().run(step, ctx)).output
    assert out["facts"] == {
        "automation": "crm-sync",
        "failure_kind": "rate_limit",
        "strategy": "retry",
        "from_memory": False,
    }
    assert out["explanation"] == "The API answered 429, too many requests."
    assert [r["sentence"] for r in out["removed"]] == ["Wait 30 seconds, then retry."]


async def test_copy_is_held_to_its_upstream_facts() -> None:
    upstream = {"deid": {"text": "The clinic opens a flu shot day on Saturday for ages 65 and over."}}
    ctx = _ctx(upstream, "Flu shots on Saturday for ages 65 and over! Only 50 places left.")
    step = Subtask(id="s", agent="marketing", tool="marketing.draft_copy", description="Newsletter")
    out = (await MarketingAgent().run(step, ctx)).output
    assert out["text"] == "Flu shots on Saturday for ages 65 and over!"
    assert out["checked_against"] == ["deid"] and out["removed"][0]["sentence"] == "Only 50 places left."


def test_restating_the_goal_stray_quotes_and_overlong_prose_are_trimmed() -> None:
    goal = "Launch a back-to-school TikTok blitz"
    prose = (
        '"Launch a back-to-school TikTok blitz.\n'
        "The mission goal is to launch a blitz. Students buy in August. Parents compare prices. "
        "Teachers share lists. Creators drive reach."
    )
    checked = check_prose(prose, FACTS, also=[goal], restated=[goal], max_sentences=3)
    assert checked.text == "Students buy in August. Parents compare prices. Teachers share lists."
    assert [r["reason"] for r in checked.removed] == [
        "restates the task instead of doing it",
        "restates the task instead of doing it",
        "beyond the 3 sentences asked for",
    ]


def test_quotations_must_be_verbatim_and_repeats_and_bare_headings_go() -> None:
    facts = {"pages": [{"title": "Rival A | Back-to-school bundles"}]}
    prose = (
        'The brand says "Launch a back-to-school TikToKTZ".\n'
        "Acknowledgments:\n"
        'Rival A calls it "Back-to-school   bundles". Parents like it. Parents like it.'
    )
    checked = check_prose(prose, facts)
    assert checked.text == 'Rival A calls it "Back-to-school   bundles". Parents like it.'
    assert [r["reason"] for r in checked.removed] == [
        'the quotation "Launch a back-to-school TikToKTZ" is not in the tool facts',
        "repeats an earlier sentence",
        "a heading with nothing under it",
    ]
