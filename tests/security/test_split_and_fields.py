"""PHI a marketing call reads from places other than its own text and a single upstream:
the mission's template constraints, and pieces split across several upstream outputs (or
between an upstream output and the step's own description), each clean on its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import AgentContext, Subtask, arun_mission
from global_orchestrator.policies.flow import WITHHELD
from tests.security.helpers import (
    MRN,
    NAME,
    NOTE,
    Spy,
    assert_blocked,
    assert_not_seen,
    mission,
    plan,
    returns,
    step,
)


class MissionSpy:
    """A marketing agent that records the whole mission it was given (`ctx.mission`)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.seen.append(ctx.mission.model_dump_json(by_alias=True))
        return {"text": "Spring sale copy"}


@pytest.mark.parametrize(
    "constraints",
    [
        {"notes": NOTE},
        {"audience": {"vip": [{"who": NAME, "mrn": MRN}]}},
        {f"{NAME} (MRN {MRN})": "priority"},
    ],
    ids=["value", "nested", "key"],
)
async def test_phi_in_template_constraints_is_withheld_from_marketing(constraints: dict[str, Any]) -> None:
    """Attack: PHI in `mission.constraints` (templates may define their own keys), read via `ctx.mission`."""
    spy = MissionSpy()
    m = mission("fields-constraints", **constraints, tone="playful")
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the email")),
        agents={"marketing": spy},
    )
    assert result.results["m"].status == "succeeded"  # withheld, not blocked: the user's own data
    assert len(spy.seen) == 1
    seen = spy.seen[0]
    for marker in (NAME, MRN, "Truvada"):
        assert marker not in seen, f"marketing read {marker!r} from the constraints"
    assert WITHHELD in seen and '"tone":"playful"' in seen  # control: clean entries stay


@pytest.mark.parametrize(
    "pieces",
    [
        ({"first_name": "Maria"}, {"last_name": "Garcia", "status": "HIV positive, takes Truvada"}),
        ({"v": "Maria"}, {"v": "Garcia, HIV positive, takes Truvada"}),
    ],
    ids=["fields", "values"],
)
async def test_phi_split_across_two_upstream_outputs_blocks_marketing(pieces: tuple[Any, Any]) -> None:
    """Attack: two custom agents each return half of a patient; a marketing step reads both."""
    spy = Spy("marketing")
    m = mission("fields-split")

    async def browser(subtask: Subtask, ctx: AgentContext) -> Any:
        return pieces[0] if subtask.id == "a" else pieces[1]

    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("a", "browser", "browser.plan", "Collect part one"),
            step("b", "browser", "browser.plan", "Collect part two"),
            step("m", "marketing", "marketing.draft_copy", "Write the email", depends_on=["a", "b"]),
        ),
        agents={"browser": browser, "marketing": spy},
    )
    assert spy.calls == []
    assert_not_seen(spy)
    assert_blocked(result, "m")


async def test_phi_split_between_the_description_and_an_upstream_output_blocks_marketing() -> None:
    """Attack: the step's own text names the patient's first name, the upstream the rest."""
    spy = Spy("marketing")
    m = mission("fields-split-desc")
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("a", "browser", "browser.plan", "Collect the record"),
            step("m", "marketing", "marketing.draft_copy", "Write to Maria", depends_on=["a"]),
        ),
        agents={"browser": returns({"v": "Garcia, HIV positive, takes Truvada"}), "marketing": spy},
    )
    assert spy.calls == []
    assert_blocked(result, "m")


async def test_clean_upstream_outputs_read_together_still_run() -> None:
    """Control: two public, person-free outputs read together do not block the marketing step."""
    spy = Spy("marketing")
    m = mission("fields-split-control")

    async def browser(subtask: Subtask, ctx: AgentContext) -> Any:
        if subtask.id == "a":
            return {"v": "Bottles from $12 at Lakeside Family Clinic's shop; sale ends March 3"}
        return {"v": "Join Maria and the diabetes awareness walk on Saturday, May 9"}

    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("a", "browser", "browser.plan", "Collect prices"),
            step("b", "browser", "browser.plan", "Collect dates"),
            step("m", "marketing", "marketing.draft_copy", "Write the email", depends_on=["a", "b"]),
        ),
        agents={"browser": browser, "marketing": spy},
    )
    assert result.success, [i.message for i in result.issues]
    assert len(spy.calls) == 1


class BrandSpy:
    """A marketing agent that records the brand profile it was given (`ctx.context.brand`)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, subtask: Subtask, ctx: AgentContext) -> Any:
        self.seen.append(ctx.context.brand.model_dump_json() if ctx.context.brand else "")
        return {"text": "Spring sale copy"}


async def test_phi_in_a_brand_profile_is_withheld_from_agents(tmp_path: Path) -> None:
    """Attack: a brand profile names a patient (audience, banned terms, a channel); marketing reads the brand."""
    (tmp_path / "clinic.yaml").write_text(
        "name: Lakeside Family Clinic\n"
        "voice: warm, plain\n"
        f"audience: families like {NAME} (MRN {MRN}), HIV positive, on Truvada\n"
        f"bannedTerms: [cheap, '{NAME}']\n"
        f"channels: {{email: {{weight: 1}}, '{NAME} 219-09-9999': {{weight: 1}}}}\n"
    )
    spy = BrandSpy()
    m = mission("fields-brand").model_copy(update={"brand_id": "clinic"})
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", "Write the email")),
        agents={"marketing": spy},
        brands_dir=tmp_path,
    )
    assert result.results["m"].status == "succeeded"
    assert spy.seen and "Lakeside Family Clinic" in spy.seen[0] and "warm, plain" in spy.seen[0]  # control
    for marker in ("Garcia", MRN, "Truvada", "219-09-9999"):
        assert marker not in spy.seen[0], f"marketing read {marker!r} from the brand"
    assert "context.brand_phi" in {i.code for i in result.issues}


@pytest.mark.parametrize(
    ("link", "blocked"),
    [
        ("https://clinic.example/portal?first=Maria&last=Garcia&dx=HIV", True),
        ("https://shop.example/sale?utm_source=mail&utm_campaign=spring&ref=12345", False),
    ],
    ids=["patient-in-query", "control-utm"],
)
async def test_a_patient_split_across_url_query_parameters_blocks_marketing(link: str, blocked: bool) -> None:
    """Attack: first and last name in separate query parameters of a link a marketing step reads."""
    spy = Spy("marketing")
    m = mission("fields-query")
    subtask = step("m", "marketing", "marketing.draft_copy", "Write the email", inputs={"link": link})
    result = await arun_mission(m, plan=plan(m, subtask), agents={"marketing": spy})
    if blocked:
        assert spy.calls == []
        assert_blocked(result, "m")
    else:
        assert result.success, [i.message for i in result.issues]
