"""PHI carried by a value's type and key rather than its text: numbers, dates and lists under
a key that names them (`{"ssn": [219099999]}`, `{"dob": date(1958, 4, 12)}`), and keys
written as identifiers (`social_security_number`, `medicalRecordNumber`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.security.helpers import assert_blocked, marketing_reads

TYPED: dict[str, dict[str, Any]] = {
    "ssn-int-in-a-list": {"ssn": [219099999]},
    "mrn-int-in-a-list": {"mrn": [7730142]},
    "phone-int-in-a-list": {"phone": [5552017788]},
    "dob-date-object": {"dob": date(1958, 4, 12)},
    "dob-camel-case-key": {"dateOfBirth": "1958-04-12"},
    "ssn-snake-case-key": {"social_security_number": 219099999},
    "mrn-camel-case-key": {"medicalRecordNumber": 7730142},
    "ssn-float": {"SSN": 219099999.0},
    "nested-ssn-int": {"patient": {"ids": {"ssn": 219099999}}},
}


@pytest.mark.parametrize("variant", TYPED)
async def test_typed_identifiers_from_a_custom_agent_block_marketing(variant: str) -> None:
    """Attack: a custom agent returns an identifier as a number, a date or a list under its key."""
    result, spy = await marketing_reads("typed-upstream", TYPED[variant])
    assert "phi" in result.results["u"].labels
    assert spy.calls == []
    assert_blocked(result, "m")


@pytest.mark.parametrize(
    "value",
    [
        {"budget": 5000, "channels": ["email", "tiktok"], "launch_date": "2026-09-01", "sku": 12345678},
        {"subscribers": [1200, 3400, 5600], "open_rate": 0.42, "campaignId": 7730142},
    ],
)
async def test_campaign_numbers_and_dates_under_their_keys_do_not_block(value: dict[str, Any]) -> None:
    """Control: budgets, SKUs, campaign dates and counts are not identifiers of a person."""
    result, spy = await marketing_reads("typed-control", value, source="Collect the campaign figures")
    assert result.success, [i.message for i in result.issues]
    assert len(spy.calls) == 1
