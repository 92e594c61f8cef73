from pathlib import Path

import pytest

from global_orchestrator import Mission, build_mission_context, load_brand
from global_orchestrator.errors import UnknownBrandError, UserError


def test_brand_profile_safety_flags_and_tools(examples: Path) -> None:
    mission = Mission(id="m", type="marketing.campaign", goal="g", brand_id="brand-789")
    context = build_mission_context(mission, brands_dir=examples / "brands")
    assert context.brand is not None and context.brand.name == "Inkwell Supply Co."
    assert context.brand.channels["tiktok"].weight == 5
    assert not context.safety.phi_allowed and not context.safety.clinical_allowed
    assert "clinical" not in context.tools  # not granted
    assert "browser.fetch" in context.tools["browser"]
    assert context.issues == []
    assert context.healing_memory == []


def test_permissions_open_clinical_tools() -> None:
    mission = Mission(id="m", type="t", goal="g", permissions=["agent:clinical", "phi:read"])
    context = build_mission_context(mission)
    assert context.safety.phi_allowed and context.safety.clinical_allowed
    assert context.tools["clinical"] == ["clinical.deidentify", "clinical.summarize"]
    only_clinical_agent = build_mission_context(
        Mission(id="m", type="t", goal="g", permissions=["agent:clinical"])
    )
    assert "clinical" not in only_clinical_agent.tools  # every clinical tool needs phi:read


def test_allowed_agents_limit_tools() -> None:
    mission = Mission(id="m", type="t", goal="g", constraints={"allowedAgents": ["browser"]})
    assert list(build_mission_context(mission).tools) == ["browser"]


def test_missing_brand_is_an_issue_not_a_crash(tmp_path: Path) -> None:
    mission = Mission(id="m", type="t", goal="g", brand_id="ghost")
    context = build_mission_context(mission, brands_dir=tmp_path)
    assert context.brand is None
    [issue] = context.issues
    assert issue.code == "context.brand_missing" and "ghost" in issue.message


def test_load_brand_rejects_bad_ids_and_files(tmp_path: Path) -> None:
    with pytest.raises(UnknownBrandError, match="invalid brand id"):
        load_brand("../etc/passwd", tmp_path)
    (tmp_path / "b1.json").write_text('{"name": "B", "channels": {"tv": {"weight": -1}}}')
    with pytest.raises(UserError, match=r"channels\.tv\.weight"):
        load_brand("b1", tmp_path)
    (tmp_path / "b2.yaml").write_text("id: other\nname: B\n")
    with pytest.raises(UserError, match="has id 'other'"):
        load_brand("b2", tmp_path)
