"""Every example mission (one per template) end to end on the embedded defaults.

SQLite checkpoints and the local SmolLM2 model, as `orchestrator run` uses them; the
browser agent reads the example site (examples/site) from a server on 127.0.0.1.
Clinical missions are approved first. Each must succeed with a non-empty result.
"""

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import Mission, MissionResult, resume_mission, run_mission
from global_orchestrator.agents.facts import FactIndex, numbers_in

pytestmark = [pytest.mark.real_model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def local_model() -> Any:
    pytest.importorskip("llama_cpp", reason="the `local` extra is not installed")
    from global_orchestrator.llm import make_chat_model

    return make_chat_model("local")


def load(name: str, site: str) -> Mission:
    text = (EXAMPLES / "missions" / f"{name}.json").read_text()
    return Mission.model_validate(json.loads(text.replace("http://127.0.0.1:8765", site)))


def run(name: str, site: str, model: Any, tmp_path: Path) -> MissionResult:
    db = f"sqlite:///{tmp_path}/state.db"
    mission = load(name, site)
    result = run_mission(mission, model=model, db=db, brands_dir=EXAMPLES / "brands")
    if result.status == "waiting_approval":
        approvals = {a.subtask_id: True for a in result.pending_approvals}
        result = resume_mission(mission.id, approvals=approvals, model=model, db=db)
    return result


def non_empty(value: Any) -> bool:
    if isinstance(value, dict):
        return any(non_empty(v) for v in value.values())
    if isinstance(value, list):
        return any(non_empty(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


@pytest.mark.parametrize(
    "name",
    [
        "back-to-school",
        "market-research",
        "intake-summary",
        "patient-newsletter",
        "self-heal",
        "shadow-evaluate",
    ],
)
def test_example_mission_runs_end_to_end(name: str, site: str, local_model: Any, tmp_path: Path) -> None:
    result = run(name, site, local_model, tmp_path)
    assert result.status == "completed" and result.success, [i.to_dict() for i in result.issues]
    assert result.results and all(non_empty(r.output) for r in result.results.values())
    assert result.usage.llm_calls >= 1


def test_demo_campaign_has_options_a_budget_split_and_a_brief(
    site: str, local_model: Any, tmp_path: Path
) -> None:
    result = run("back-to-school", site, local_model, tmp_path)
    creative = result.results["mission-001-seed-1"].output
    brief = result.results["mission-001-seed-3"].output
    channels = {"tiktok", "instagram", "email"}  # examples/brands/brand-789.yaml
    assert creative["options"] and all(
        o["channel"] in channels and o["hook"].strip() for o in creative["options"]
    )
    split = brief["budget"]
    assert sum(Decimal(v) for v in split["amounts"].values()) == Decimal("5000")
    assert all(
        Decimal(split["amounts"][c]) >= m for c, m in (("tiktok", 500), ("instagram", 300), ("email", 100))
    )
    assert brief["summary"].strip() and brief["creative_options"] == creative["options"]
    # the brief a newcomer reads: channels, exact split and sources from the tools, and no
    # number the tools did not produce, whatever the 135M model wrote
    md = brief["brief"]
    assert "| tiktok | 2,500.00 USD | 50.0% | 500 |" in md and "| email | 1,000.00 USD | 20.0% | 100 |" in md
    assert "**instagram**: weight 3, minimum 300 (brand brand-789)" in md
    assert f"- {site}/rival-a.html: Rival A | Back-to-school bundles" in md
    assert f"- {site}/rival-b.html: Rival B | Ready for school" in md
    assert numbers_in(md) <= FactIndex.of(brief["facts"]).numbers


def test_research_cites_the_pages_it_read(site: str, local_model: Any, tmp_path: Path) -> None:
    result = run("market-research", site, local_model, tmp_path)
    research = result.results["mission-research-01-seed-2"].output
    assert json.dumps(research).count(site) >= 2  # both rival pages, cited by URL
