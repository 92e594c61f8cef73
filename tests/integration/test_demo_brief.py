"""The demo mission (examples/missions/back-to-school.json) with a model that invents numbers.

Real SQLite checkpoints, the real browser tool reading the example site over HTTP on
127.0.0.1, the real budget tool; only the model is the shipped scripted fake. The brief
must cite the brand's channels, the exact budget split and the pages read, and keep no
number the tools did not produce.
"""

import json
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from global_orchestrator import Mission, run_mission
from global_orchestrator.agents.facts import FactIndex, numbers_in
from global_orchestrator.testing import ScriptedChatModel

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def demo(site: str | None) -> Mission:
    text = (EXAMPLES / "missions/back-to-school.json").read_text()
    if site:
        text = text.replace("http://127.0.0.1:8765", site)
    else:  # a port nothing listens on: the pages cannot be read
        text = text.replace("http://127.0.0.1:8765", "http://127.0.0.1:9")
    return Mission.model_validate(json.loads(text))


def inventive(messages: list[BaseMessage]) -> Any:
    """A model that makes figures up, whatever it is asked."""
    text = "\n".join(str(m.content) for m in messages)
    if "campaign options as JSON" in text:
        return {
            "options": [
                {"hook": "Save 40% on 12 notebooks", "channel": "tiktok", "format": "short video"},
                {"hook": "Notebooks that last the whole year", "channel": "instagram", "format": "carousel"},
            ]
        }
    if "Research competitor positioning" in text:
        return (
            "Rival A sells bundles from $19 and promotes them on Instagram. Rival B charges $99 for kits. "
            "Both court parents on Facebook."
        )
    return (
        "Spend $5,984 on TikTok first. Inkwell Supply Co. meets students on TikTok and Instagram, "
        "where rivals compete on price and free shipping."
    )


def run_demo(site: str | None, tmp_path: Path) -> tuple[dict[str, Any], ScriptedChatModel, Any]:
    model = ScriptedChatModel(responses=[inventive, inventive, inventive])
    result = run_mission(
        demo(site), model=model, db=f"sqlite:///{tmp_path}/state.db", brands_dir=EXAMPLES / "brands"
    )
    model.assert_complete()
    assert result.success, [i.to_dict() for i in result.issues]
    return result.results["mission-001-seed-3"].output, model, result


def test_the_brief_keeps_tool_facts_and_drops_invented_numbers(site: str, tmp_path: Path) -> None:
    brief, _, result = run_demo(site, tmp_path)
    md = brief["brief"]
    # the brand's channels and the exact split (examples/brands/brand-789.yaml: 5/3/2, minimums)
    assert "## Budget: 5,000.00 USD" in md
    for row in (
        "| tiktok | 2,500.00 USD | 50.0% | 500 |",
        "| instagram | 1,500.00 USD | 30.0% | 300 |",
        "| email | 1,000.00 USD | 20.0% | 100 |",
    ):
        assert row in md
    assert "**tiktok**: weight 5, minimum 500 (brand brand-789)" in md
    # the research sources, with titles, quotes and prices read off the pages
    for page, title in (
        ("rival-a.html", "Rival A | Back-to-school bundles"),
        ("rival-b.html", "Rival B | Ready for school"),
    ):
        assert f"[{title}]({site}/{page})" in md and f"- {site}/{page}: {title}" in md
    assert "prices on the page: $19, $29, $4.99" in md
    assert "> Bundles start at $24." in md
    # nothing the model invented survives: not the figures, not the platform
    for invented in ("5,984", "$99", "40%", "12 notebooks", "Facebook"):
        assert invented not in md, invented
    assert "Rival A sells bundles from $19 and promotes them on Instagram." in md  # supported: kept
    assert "Inkwell Supply Co. meets students on TikTok and Instagram" in brief["prose"]
    assert numbers_in(md) <= FactIndex.of(brief["facts"]).numbers
    reasons = {r["sentence"]: r["reason"] for r in brief["removed"]}
    assert reasons["Spend $5,984 on TikTok first."] == "the number 5,984 is not in the tool facts"
    assert reasons["Rival B charges $99 for kits."] == "the number 99 is not in the tool facts"
    creative = result.results["mission-001-seed-1"].output
    assert [o["hook"] for o in creative["options"]] == ["Notebooks that last the whole year"]
    assert creative["removed"][0]["sentence"] == "Save 40% on 12 notebooks"
    research = result.results["mission-001-seed-2"].output
    assert [p["url"] for p in research["facts"]["pages"]] == [f"{site}/rival-a.html", f"{site}/rival-b.html"]
    assert "phi" not in result.results["mission-001-seed-3"].labels


def test_unreadable_pages_are_named_not_invented(tmp_path: Path) -> None:
    brief, model, _ = run_demo(None, tmp_path)
    md = brief["brief"]
    assert (
        "not read: http://127.0.0.1:9/rival-a.html" in md
        and "not read: http://127.0.0.1:9/rival-b.html" in md
    )
    assert "$19" not in md  # no page was read, so no page's price may appear
    assert "| tiktok | 2,500.00 USD | 50.0% | 500 |" in md
    assert numbers_in(md) <= FactIndex.of(brief["facts"]).numbers
    # the brief's model call saw the facts it was to write around
    assert "2500.00" in model.calls[-1].text
