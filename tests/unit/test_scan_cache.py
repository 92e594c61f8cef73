"""The guard's scan caches give what a cold scan gives, whatever was scanned before."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import pytest

from global_orchestrator.policies import flow, phi
from global_orchestrator.policies.phi_detector import detect_phi

VALUES: list[Any] = [
    "Jane Doe",
    ["Jane", "Doe"],
    {"first": "Maria", "last": "Garcia"},
    {"note": "Maria Garcia has HIV"},
    {"ssn": [219099999]},
    {"dob": date(1958, 4, 12)},
    {"mrn": 7730142},
    {"medicalRecordNumber": "7730142"},
    {"campaignId": 7730142},
    {"link": "https://example.com/p?first=Maria&last=Garcia"},
    {"blob": base64.b64encode(b"Patient Maria Garcia, MRN 7730142").decode()},
    {"budget": 5000, "channels": ["email", "tiktok"], "launch_date": "2026-09-01"},
    {"description": "step t3", "inputs": {}},
    {"description": "step t3", "inputs": {}, "upstream": {"t1": {"ok": True}}},
    {"t1": {"ok": True}, "t2": {"ok": True}},
    {"Jane Doe": "has HIV"},
    "Maria\nGarcia",
    {"a": "Maria", "b": "Garcia, HIV"},
    "",
    None,
]


def _cold(value: Any, wording: bool) -> flow.ContentScan:
    flow._SCANS.clear()
    flow._SCANNED.clear()
    return flow.scan_value(value, wording=wording)


@pytest.mark.parametrize("wording", [False, True])
def test_a_warm_scan_is_the_cold_scan(wording: bool) -> None:
    cold = [_cold(v, wording) for v in VALUES]
    assert any(scan.phi for scan in cold) and not all(scan.phi for scan in cold)  # the set has both
    for _ in range(2):  # every value scanned after every other, twice (the second from the caches)
        warm = [flow.scan_value(v, wording=wording) for v in VALUES]
        assert warm == cold


def test_wording_is_part_of_the_key() -> None:
    text = "Send the MRN list to marketing"
    assert not _cold(text, False).phi
    assert flow.scan_value(text, wording=True).phi
    assert not flow.scan_value(text, wording=False).phi


def test_texts_that_run_together_the_same_way_are_two_keys() -> None:
    assert flow._scan_key(["ab", "c"], False) != flow._scan_key(["a", "bc"], False)
    assert flow._scan_key(["a", ""], False) != flow._scan_key(["a"], False)
    assert flow._scan_key(["a"], False) != flow._scan_key(["a"], True)
    assert flow._scan_key(["a", "b"], False) == flow._scan_key(["a", "b"], False)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Garcia, MRN 7730142, has HIV",
        "step t3",
        "",
        "Call 555-201-7788 " * 150,
    ],  # the last is past the cache
)
def test_the_shared_detector_pass_is_detect_phi(text: str) -> None:
    assert phi.detected(text) == tuple(detect_phi(text))
    assert phi.detected(text) == tuple(detect_phi(text))  # cached or not, the same


def test_a_text_checked_for_wording_is_not_scanned_again_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plan validation checks a subtask's texts for wording; the guard reads them plainly later."""
    text = "description: step t3 of run 9"
    expected = _cold(text, False)
    flow._SCANS.clear()
    flow._SCANNED.clear()
    flow.scan_value(text, wording=True)
    phi._detected.cache_clear()

    def no_detector(_text: str) -> list[Any]:
        raise AssertionError("the detector ran again")

    monkeypatch.setattr(phi, "detect_phi", no_detector)
    assert flow._categories(text, False) == expected.categories
