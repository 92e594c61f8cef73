"""Texts too large to scan fail closed (contract item 7)."""

from __future__ import annotations

from global_orchestrator import arun_mission
from global_orchestrator.policies.flow import MAX_SCAN_CHARS
from tests.security.helpers import Spy, assert_blocked, marketing_reads, mission, plan, step

FILLER = "All customers love our spring sale. "
HUGE = FILLER * (MAX_SCAN_CHARS // len(FILLER) + 10)
"""Benign, but over the scan limit: whatever hides inside it cannot be known."""


async def test_an_unscannable_upstream_output_is_labelled_phi_and_blocks_marketing() -> None:
    """Attack: hide a patient in an output too large for the scanner to read."""
    result, spy = await marketing_reads("size-upstream", {"text": HUGE}, source="Export the mailing list")
    assert len(HUGE) > MAX_SCAN_CHARS
    assert "phi" in result.results["u"].labels
    assert spy.calls == []
    assert_blocked(result, "m", ["phi.unscannable"])


async def test_unscannable_marketing_inputs_are_blocked() -> None:
    """Attack: give a marketing step inputs too large for the scanner to read."""
    spy = Spy("marketing")
    m = mission("size-inputs")
    result = await arun_mission(
        m,
        plan=plan(
            m, step("m", "marketing", "marketing.draft_copy", "Write the email", inputs={"list": HUGE})
        ),
        agents={"marketing": spy},
    )
    assert spy.calls == []
    # the contract names `phi.unscannable` for reading unscannable output; a plan-time block of
    # the step's own oversized inputs may report it as `phi.blocked`
    assert_blocked(result, "m", ["phi.unscannable", "phi.blocked"])
