"""`deidentify` (issue 12, item 4): every identifier found is replaced by a typed placeholder and the output re-scans clean."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from global_orchestrator.policies import deidentify, detect_phi
from global_orchestrator.policies.phi_detector import CATEGORIES

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "phi" / "data" / "sets"
PLACEHOLDERS = {c.upper() for c in CATEGORIES}


def _texts(name: str) -> list[str]:
    lines = (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


@pytest.mark.parametrize("name", ["clinical_a.dev", "clinical_b.test", "intl.dev", "intl.test"])
def test_deidentify_leaves_no_identifier_in_the_benchmark_sets(name: str) -> None:
    """Clinical notes and international PII sentences: nothing the detector finds survives."""
    replaced = 0
    for text in _texts(name):
        clean, found = deidentify(text)
        left = detect_phi(clean)
        assert [f.category for f in left if f.category != "patient_health_info"] == [], (text, clean)
        if found:  # with identifiers gone, health information is tied to no one
            replaced += 1
            assert left == [], (text, clean)
        written = set(re.findall(r"\[([A-Z_]+)\]", clean)) - set(re.findall(r"\[([A-Z_]+)\]", text))
        assert written <= PLACEHOLDERS, written  # typed placeholders only
        assert {f.category.upper() for f in found} >= written
        assert all(f.category != "patient_health_info" for f in found)
    assert replaced >= 0.95 * len(_texts(name))


def test_deidentify_scans_again_when_replacing_brings_an_identifier_into_reach() -> None:
    # the long name keeps "contact" out of reach of the number; "[NAME]" brings it close
    text = "Emergency contact for the trip: Bartholomew Featherstonehaugh-Smythe, 77 4821-3390"
    assert [f.category for f in detect_phi(text)] == ["name"]
    clean, found = deidentify(text)
    assert clean == "Emergency contact for the trip: [NAME], [PHONE]"
    assert [f.category for f in found] == ["name", "phone"]
    assert detect_phi(clean) == []


def test_deidentify_keeps_clinical_content_and_benign_text() -> None:
    clean, found = deidentify("Ms. Okafor (MRN 4471023) returns for follow-up of her asthma on albuterol.")
    assert (
        clean == "Ms. [NAME] (MRN [MEDICAL_RECORD_NUMBER]) returns for follow-up of her asthma on albuterol."
    )
    assert [f.category for f in found] == ["name", "medical_record_number"]
    assert detect_phi(clean) == []
    benign = "Spring sale: 20% off all serums through Sunday at our flagship store."
    assert deidentify(benign) == (benign, [])


def test_the_title_ms_is_not_multiple_sclerosis() -> None:
    assert "Ms" not in [f.text for f in detect_phi("Ms. Okafor returns for follow-up of her asthma.")]
    assert "MS" in [f.text for f in detect_phi("Diagnosed with MS last year, Mr. Okafor is on Ocrevus.")]
