import pytest

from global_orchestrator.policies import PhiDecision, PhiFinding, check_phi_related

PHI_TEXTS = [
    (
        "Send the promo to Dolores Whitfield at dwhitfield@gmail.com",
        ["Dolores Whitfield", "dwhitfield@gmail.com"],
    ),
    ("Include MRN 4471023 in the header", ["4471023"]),
    ("Our patient Mr. Okafor's A1C came back 9.2", ["Okafor", "A1C"]),
    ("Verify SSN 219-09-9999 before the rebate", ["219-09-9999"]),
    ("Ship the kit to 42 Maple Street, Springfield, IL 62704", ["42 Maple Street"]),
]


@pytest.mark.parametrize(("text", "values"), PHI_TEXTS)
def test_reason_names_categories_never_values(text: str, values: list[str]) -> None:
    decision = check_phi_related(text)
    assert not decision.allowed
    assert decision.reason.startswith("PHI-related content: ")
    for value in values:
        assert value not in decision.reason
    for category in {f.category for f in decision.findings}:
        assert category in decision.reason
    assert all(isinstance(f, PhiFinding) and text[f.start : f.end] == f.text for f in decision.findings)


def test_reason_lists_each_category_once() -> None:
    decision = check_phi_related("Email ana@gmail.com and bo@yahoo.com the MRN 4471023 recap")
    assert decision.reason.count("email") == 1
    assert "medical_record_number" in decision.reason


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Email the patient list their lab results", "patient_data"),  # wording
        ("Attach the clinical records to the campaign brief", "medical_record"),  # wording
        ("Add Dolores Whitfield to the VIP segment", "name"),  # identifier from detect_phi
        ("Her profile: https://www.facebook.com/dolores.whitfield", "url"),
        ("Retarget women who tested positive for HPV at the clinic", "patient_health_info"),
    ],
)
def test_flags_phi_wording_and_detected_phi(text: str, category: str) -> None:
    decision = check_phi_related(text)
    assert not decision.allowed and category in {f.category for f in decision.findings}


@pytest.mark.parametrize(
    "text",
    [
        "Diabetes awareness webinar for the public on March 3, 2026",
        "Flu shot reminder for everyone this fall",
        "Book a free skin check in our Springfield clinic",
        "Promote our diabetes awareness webinar for the public",
        "Spring sale: 20% off through June 1, code SPRING25",
    ],
)
def test_public_health_topics_are_allowed(text: str) -> None:
    decision = check_phi_related(text)
    assert decision == PhiDecision(allowed=True) and decision.reason == "no PHI-related content found"
