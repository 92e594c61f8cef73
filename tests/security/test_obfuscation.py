"""Obfuscated PHI reaching a marketing subtask or a publishing tool (contract items 1, 2 and 4).

Each variant hides the patient in a form a per-string scan can miss: dict keys, a name split
across fields, base64, a dotted SSN, a date of birth in words, a fake placeholder, lower
case. Each reaches the guarded step through its inputs, its description or its upstream.
"""

from __future__ import annotations

from typing import Any

import pytest

from global_orchestrator import arun_mission
from global_orchestrator.agents.catalog import ToolSpec
from tests.security.helpers import (
    DIAGNOSIS,
    DOB_WORDS,
    DRUG,
    MRN,
    NAME,
    NOTE_B64,
    SSN_DOTS,
    Spy,
    assert_blocked,
    assert_not_seen,
    marketing_reads,
    mission,
    plan,
    step,
)

VARIANTS: dict[str, dict[str, Any]] = {
    "dict-key": {f"{NAME} (MRN {MRN})": "vip subscriber"},
    "split-name": {
        "first_name": "Maria",
        "last_name": "Garcia",
        "status": f"{DIAGNOSIS} positive, on {DRUG}",
    },
    "base64": {"attachment": NOTE_B64},
    "ssn-dots": {"reference": f"Her social is {SSN_DOTS}"},
    "dob-words": {"about": f"The patient was born on {DOB_WORDS}"},
    "fake-placeholder": {"copy": "[PROMO] maria garcia asked about her hiv refill; she is on truvada"},
    "lowercase": {"copy": "maria garcia was diagnosed with hiv and takes truvada"},
}
TEXT_VARIANTS = {
    k: next(iter(v.values())) for k, v in VARIANTS.items() if k not in ("dict-key", "split-name")
}


@pytest.mark.parametrize("variant", VARIANTS)
async def test_obfuscated_phi_in_marketing_inputs_is_blocked(variant: str) -> None:
    """Attack: obfuscated PHI in a marketing subtask's inputs."""
    spy = Spy("marketing")
    m = mission("obf-inputs")
    result = await arun_mission(
        m,
        plan=plan(
            m, step("m", "marketing", "marketing.draft_copy", "Write the email", inputs=VARIANTS[variant])
        ),
        agents={"marketing": spy},
    )
    assert spy.calls == []
    assert_not_seen(spy)
    assert_blocked(result, "m")


@pytest.mark.parametrize("variant", VARIANTS)
async def test_obfuscated_phi_in_an_upstream_output_is_labelled_and_blocks_marketing(variant: str) -> None:
    """Attack: a custom browser agent returns obfuscated PHI; a marketing step reads it as upstream."""
    result, spy = await marketing_reads("obf-upstream", VARIANTS[variant])
    assert "phi" in result.results["u"].labels
    assert spy.calls == []
    assert_not_seen(spy)
    assert_blocked(result, "m")


@pytest.mark.parametrize("variant", TEXT_VARIANTS)
async def test_obfuscated_phi_in_a_marketing_description_is_blocked(variant: str) -> None:
    """Attack: obfuscated PHI written into a marketing subtask's description."""
    spy = Spy("marketing")
    m = mission("obf-description")
    result = await arun_mission(
        m,
        plan=plan(
            m, step("m", "marketing", "marketing.draft_copy", f"Write the email: {TEXT_VARIANTS[variant]}")
        ),
        agents={"marketing": spy},
    )
    assert spy.calls == []
    assert_not_seen(spy)
    assert_blocked(result, "m")


@pytest.mark.parametrize("variant", VARIANTS)
async def test_obfuscated_phi_in_a_publishing_tool_input_is_blocked(variant: str) -> None:
    """Attack: obfuscated PHI in the inputs of a browser step whose tool publishes (`ToolSpec(publishes=True)`)."""
    poster = Spy("browser.post_forum")
    m = mission("obf-publish")
    result = await arun_mission(
        m,
        plan=plan(m, step("p", "browser", "browser.post_forum", "Post the update", inputs=VARIANTS[variant])),
        agents={"browser": poster},
        tools=[ToolSpec("browser.post_forum", "Post to a public forum", publishes=True)],
    )
    assert poster.calls == []
    assert_blocked(result, "p")
