import pytest

from global_orchestrator.policies.phi_detector import contains_phi, deidentify, detect_phi

INTAKE = (
    "Patient Jane Roe (DOB 03/14/1961, MRN 4471023) reports three weeks of fatigue. "
    "Type 2 diabetes, on metformin 500 mg twice daily. Call back at 555-201-7788 or "
    "jane.roe@example.com. Lives at 42 Maple Street, Springfield, IL 62704. SSN 123-45-6789. "
    "Member ID XKJ-4471-22. Seen on March 3, 2026 by Dr. Alan Smith. Fax: (555) 201-7799. "
    "Pacemaker serial SN-88213-AB. Portal login from 192.168.10.24. Her father, aged 93, lives with her."
)
IDENTIFIERS = [
    "Jane Roe",
    "03/14/1961",
    "4471023",
    "555-201-7788",
    "jane.roe@example.com",
    "42 Maple Street",
    "123-45-6789",
    "XKJ-4471-22",
    "March 3, 2026",
    "Alan Smith",
    "201-7799",
    "SN-88213-AB",
    "192.168.10.24",
    "93",
]


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("Patient John Smith was admitted", "name", "John Smith"),
        ("Clinic notes: Maria Garcia, 42, allergic rhinitis", "name", "Maria Garcia"),
        ("Meet Carol Singer at the market", "name", "Carol Singer"),
        ("Follow up with Mrs. Alvarez next week", "name", "Alvarez"),
        ("DOB: 1961-03-14", "date", "1961-03-14"),
        ("the patient, age 94, fell", "age_over_89", "94"),
        ("call (312) 555-0199 today", "phone", "(312) 555-0199"),
        ("Fax: 312-555-0100", "fax", "Fax: 312-555-0100"),
        ("write to ana@clinic.org", "email", "ana@clinic.org"),
        ("SSN 219-09-9999 on file", "ssn", "219-09-9999"),
        ("MRN: 00482913", "medical_record_number", "00482913"),
        ("Medicaid ID MCD8823401", "health_plan_number", "MCD8823401"),
        ("account number 4420-1187-22", "account_number", "4420-1187-22"),
        ("license number D1234567", "certificate_license_number", "D1234567"),
        ("VIN 1HGCM82633A004352 on the claim", "vehicle_identifier", "1HGCM82633A004352"),
        ("device serial X77-220-19A", "device_identifier", "X77-220-19A"),
        (
            "record at https://portal.example.com/patient/88213",
            "url",
            "https://portal.example.com/patient/88213",
        ),
        ("logged in from 10.20.30.40", "ip_address", "10.20.30.40"),
        ("fingerprint on file", "biometric_identifier", "fingerprint on file"),
        ("attach a full-face photo of the patient", "full_face_photo", "full-face photo"),
        ("Lives at 9 Oak Avenue, Salem, OR 97301", "address", "9 Oak Avenue, Salem, OR 97301"),
    ],
)
def test_each_category(text: str, category: str, value: str) -> None:
    findings = detect_phi(text)
    assert any(f.category == category and value in f.text for f in findings), findings
    for f in findings:
        assert text[f.start : f.end] == f.text and 0 < f.score <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Draft campaign creative options",
        "Promote our diabetes awareness webinar for the public on May 3",
        "Flu-shot reminder for everyone: our clinic is open 10/12/2026",
        "Back-to-school bundles from $19, sale ends 12/31/2026",
        "Visit https://inkwell.example.com/sale for details",
        "Call 1-800-FLOWERS or follow @inkwell",
        "De-identify the clinical content before marketing sees it",
        "Our VIP plan costs 49.99 per month",
        "Summer Sale at Inkwell Supply",
        "Grant Park concert this Friday",
        "Write the spring newsletter about managing seasonal allergies",
    ],
)
def test_benign_texts_are_clean(text: str) -> None:
    assert detect_phi(text) == [] and not contains_phi(text)


def test_invalid_ssns_and_vins_are_not_identifiers() -> None:
    assert detect_phi("code 000-12-3456 and 666-12-3456") == []
    assert not any(
        f.category == "vehicle_identifier" for f in detect_phi("1HGCM82633A004353")
    )  # bad check digit


def test_deidentify_removes_every_identifier_and_rescans_clean() -> None:
    clean, found = deidentify(INTAKE)
    for value in IDENTIFIERS:
        assert value not in clean, value
    assert detect_phi(clean) == []
    assert "[NAME]" in clean and "[MEDICAL_RECORD_NUMBER]" in clean and "[SSN]" in clean
    assert "metformin 500 mg" in clean  # clinical content without identifiers stays
    assert len(found) >= len(IDENTIFIERS) - 1
