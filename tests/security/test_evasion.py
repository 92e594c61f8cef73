"""PHI in disguise: Unicode and encoding evasions of the detector (the guard and redaction).

Each variant changes how an identifier is written, not what a person reads: full-width
digits, zero-width characters inside an SSN, a name or an email, no-break and thin spaces,
Cyrillic homoglyphs, odd case, en dashes, percent-encoding, a URL query string, a soft
hyphen, a name in a Python repr. Every one must block a marketing step that reads it (in
its inputs, description, upstream or the mission's goal) and must be redacted where a
surface shows text (error messages, issues, events).
"""

from __future__ import annotations

from typing import Any

import pytest

from global_orchestrator import AgentContext, AgentOutput, Subtask, arun_mission, astream_mission
from global_orchestrator.redaction import redact_text
from tests.security.helpers import (
    CLINICAL_GRANTS,
    FAST,
    Spy,
    assert_blocked,
    dump,
    marketing_reads,
    mission,
    plan,
    returns,
    step,
)

ZW = "\u200b"
DISGUISED: dict[str, str] = {
    "fullwidth-ssn": "２１９-０９-９９９９",
    "zero-width-ssn": f"219{ZW}-09{ZW}-9999",
    "en-dash-ssn": "219\u201309\u20139999",
    "fullwidth-mrn": "MRN ７７３０１４２",
    "zero-width-name": f"Ma{ZW}ria Gar{ZW}cia",
    "soft-hyphen-name": "Ma\u00adria Gar\u00adcia",
    "nbsp-name": "Maria\u00a0Garcia",
    "thin-space-name": "Maria\u2009Garcia",
    "homoglyph-name": "M\u0430ria G\u0430rci\u0430",  # Cyrillic а
    "fullwidth-name": "Ｍａｒｉａ Ｇａｒｃｉａ",
    "alternating-case-name": "MaRiA gArCiA",
    "upper-case-name": "MARIA GARCIA",
    "zero-width-email": f"maria.garcia{ZW}@gmail.com",
    "fullwidth-at-email": "maria.garcia＠gmail.com",
    "percent-encoded-email": "maria.garcia%40gmail.com",
    "query-string-name": "https://shop.example/track?name=Maria+Garcia&src=mail",
    "percent-encoded-ssn": "https://shop.example/t?ssn=219%2D09%2D9999",
    "zero-width-phone": f"call 555-201{ZW}-7788",
    "repr-quoted-name": "{'name': 'Maria Garcia'}",
}
"""Each value is PHI a person reads at once; the detector reads it only after folding."""

CONTEXT = " was diagnosed with HIV and takes Truvada"
"""Health information after each variant, so names count as PHI by any reading."""


def _text(variant: str) -> str:
    return f"{DISGUISED[variant]}{CONTEXT}"


def _core(variant: str) -> str:
    """The disguised identifier itself: a surface must not show it."""
    value = DISGUISED[variant]
    return value.split("=", 1)[1].split("&")[0] if "?" in value else value.removeprefix("call ")


@pytest.mark.parametrize("variant", DISGUISED)
async def test_disguised_phi_in_marketing_inputs_is_blocked(variant: str) -> None:
    """Attack: a disguised identifier in a marketing subtask's inputs."""
    spy = Spy("marketing")
    m = mission("ev-inputs")
    subtask = step(
        "m", "marketing", "marketing.draft_copy", "Write the email", inputs={"copy": _text(variant)}
    )
    result = await arun_mission(m, plan=plan(m, subtask), agents={"marketing": spy})
    assert spy.calls == []
    assert_blocked(result, "m")


@pytest.mark.parametrize("variant", DISGUISED)
async def test_disguised_phi_from_a_custom_agent_is_labelled_and_blocks_marketing(variant: str) -> None:
    """Attack: a non-clinical custom agent returns a disguised identifier; marketing reads it."""
    result, spy = await marketing_reads("ev-upstream", {"row": _text(variant)})
    assert "phi" in result.results["u"].labels
    assert spy.calls == []
    assert_blocked(result, "m")


@pytest.mark.parametrize(
    "variant", ["zero-width-ssn", "homoglyph-name", "alternating-case-name", "percent-encoded-email"]
)
@pytest.mark.parametrize("where", ["description", "goal"])
async def test_disguised_phi_in_a_description_or_the_goal_blocks_marketing(variant: str, where: str) -> None:
    """Attack: the disguise in the marketing step's description, or in the mission's goal."""
    spy = Spy("marketing")
    text = f"Write the email to {_text(variant)}"
    m = mission("ev-text", goal=text if where == "goal" else "Spring sale on reusable water bottles")
    description = text if where == "description" else "Write the email"
    result = await arun_mission(
        m,
        plan=plan(m, step("m", "marketing", "marketing.draft_copy", description)),
        agents={"marketing": spy},
    )
    assert spy.calls == []
    assert_blocked(result, "m")


@pytest.mark.parametrize("variant", DISGUISED)
async def test_disguised_phi_in_error_text_is_redacted_on_results_and_events(variant: str) -> None:
    """Attack: an agent fails with a disguised identifier in its message; a chat UI shows the events."""

    async def failing(subtask: Subtask, ctx: AgentContext) -> Any:
        raise ValueError(f"no record for {_text(variant)}")

    m = mission("ev-error")
    events = [
        e
        async for e in astream_mission(
            m,
            plan=plan(m, step("b", "browser", "browser.plan", "Look up")),
            agents={"browser": failing},
            retry=FAST,
        )
    ]
    result = events[-1].result
    assert result is not None and result.results["b"].status == "failed"
    core = _core(variant)
    for event in events:
        assert core not in dump(event), f"{event.type} event shows {core!r}"
    assert core not in redact_text(f"ValueError: no record for {_text(variant)}")


def test_redaction_replaces_the_disguised_characters_themselves() -> None:
    """Redaction covers the original characters (the zero-width space, the `%40`), not a cleaned copy."""
    assert redact_text(f"SSN 219{ZW}-09{ZW}-9999 on file") == "SSN [SSN] on file"
    assert redact_text("mail maria.garcia%40gmail.com now") == "mail [EMAIL] now"
    assert redact_text("Patient Ｍａｒｉａ Ｇａｒｃｉａ") == "Patient [NAME]"


@pytest.mark.parametrize(
    "text",
    [
        "Draft TikTok hooks for the BACK TO SCHOOL SALE",
        "Speer Tröst KGaA sponsors the marathon – join us on March 3",
        "Our iPhone and LinkedIn campaign runs 20% off until Sunday",
        "Café Müller’s new menu: crème brûlée for €5",
        "Q3 results: NASA-style HIPAA training for all staff",
    ],
)
async def test_folding_does_not_block_ordinary_marketing_copy(text: str) -> None:
    """Control: CamelCase brands, shouting headlines, dashes, accents and curly quotes are not PHI."""
    spy = Spy("marketing")
    m = mission("ev-control")
    result = await arun_mission(
        m,
        plan=plan(
            m, step("m", "marketing", "marketing.draft_copy", "Write the email", inputs={"copy": text})
        ),
        agents={"marketing": spy},
    )
    assert result.success, [i.message for i in result.issues]
    assert len(spy.calls) == 1


@pytest.mark.parametrize("variant", ["zero-width-ssn", "homoglyph-name", "upper-case-name", "fullwidth-mrn"])
async def test_a_deidentified_claim_over_disguised_phi_does_not_drop_the_label(variant: str) -> None:
    """Attack: a custom clinical agent says its output is de-identified; the output keeps a disguised identifier."""
    spy = Spy("marketing")
    m = mission("ev-deid", permissions=CLINICAL_GRANTS)
    result = await arun_mission(
        m,
        plan=plan(
            m,
            step("d", "clinical", "clinical.deidentify", "De-identify the note"),
            step("m", "marketing", "marketing.draft_copy", "Write the newsletter", depends_on=["d"]),
        ),
        agents={
            "clinical": returns(AgentOutput(output={"text": _text(variant)}, deidentified=True)),
            "marketing": spy,
        },
    )
    assert "phi" in result.results["d"].labels
    assert spy.calls == []
    assert_blocked(result, "m")
