import itertools
import json
from pathlib import Path

import pytest

from global_orchestrator.policies import contains_phi, deidentify, detect_phi, redact
from global_orchestrator.policies.phi_detector import CATEGORIES

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

CASES = [
    ("Send the promo to Dolores Whitfield at the address on file", "name", "Dolores Whitfield"),
    ("Write a thank-you note to Mrs. Alvarez for the review", "name", "Alvarez"),
    ("Meet Carol Singer at the market", "name", "Carol Singer"),
    ("Lead captured at the booth: Oluwaseun Adeyemi <oa1990@proton.me>", "name", "Oluwaseun Adeyemi"),
    ("Lives at 9 Oak Avenue, Salem, OR 97301", "address", "9 Oak Avenue, Salem, OR 97301"),
    ("Ship the replacement to PO Box 4412, Tulsa, OK 74101", "address", "PO Box 4412"),
    ("The complaint came from a customer in zip code 62704", "address", "62704"),
    ("DOB: 1961-03-14", "date", "1961-03-14"),
    ("He had knee surgery on Oct. 12, 2025, send the recovery kit", "date", "Oct. 12, 2025"),
    ("the patient, age 94, fell", "age_over_89", "94"),
    ("The 97-year-old resident loves the walker", "age_over_89", "97"),
    ("call (312) 555-0199 today", "phone", "(312) 555-0199"),
    ("Call her at (312) 555-0199 today", "phone", "(312) 555-0199"),
    ("WhatsApp her on +1 646 555 0142 with the catalog", "phone", "+1 646 555 0142"),
    ("Fax: 312-555-0100", "fax", "312-555-0100"),
    ("write to ana.lopez@gmail.com", "email", "ana.lopez@gmail.com"),
    ("SSN 219-09-9999 on file", "ssn", "219-09-9999"),
    ("Her SSN: 219099999", "ssn", "219099999"),
    ("MRN: 00482913", "medical_record_number", "00482913"),
    ("Chart number A0093312 should get the coupon", "medical_record_number", "A0093312"),
    ("Medicaid ID MCD8823401", "health_plan_number", "MCD8823401"),
    ("Her Medicare number is 1EG4-TE5-MK73", "health_plan_number", "1EG4-TE5-MK73"),
    ("account number 4420-1187-22", "account_number", "4420-1187-22"),
    ("Card on file: 4111 1111 1111 1111", "account_number", "4111 1111 1111 1111"),
    ("license number D1234567", "certificate_license_number", "D1234567"),
    ("Prescriber DEA AB1234563 for the mailer", "certificate_license_number", "AB1234563"),
    ("VIN 1HGCM82633A004352 on the claim", "vehicle_identifier", "1HGCM82633A004352"),
    ("The car with plate 7ABC123 parked in the VIP spot", "vehicle_identifier", "7ABC123"),
    ("Plate PQS 5289, blue sedan, was at the event", "vehicle_identifier", "PQS 5289"),
    ("device serial X77-220-19A", "device_identifier", "X77-220-19A"),
    ("IMEI 356938035643809 is the phone she registered with", "device_identifier", "356938035643809"),
    ("MAC address 00:1A:2B:3C:4D:5E keeps hitting the portal", "device_identifier", "00:1A:2B:3C:4D:5E"),
    (
        "record at https://portal.example.com/patient/88213",
        "url",
        "https://portal.example.com/patient/88213",
    ),
    (
        "Her profile: https://www.facebook.com/dolores.whitfield",
        "url",
        "https://www.facebook.com/dolores.whitfield",
    ),
    ("her TikTok (https://www.tiktok.com/@dolores.w) is public", "url", "https://www.tiktok.com/@dolores.w"),
    ("logged in from 10.20.30.40", "ip_address", "10.20.30.40"),
    ("sessions from 2001:db8:85a3:0:0:8a2e:370:7334", "ip_address", "2001:db8:85a3:0:0:8a2e:370:7334"),
    ("fingerprint on file", "biometric_identifier", "fingerprint"),
    ("Store the member's voiceprint with the profile", "biometric_identifier", "voiceprint"),
    ("attach a full-face photo of the patient", "full_face_photo", "full-face photo"),
    ("Use her headshot in the testimonial ad", "full_face_photo", "headshot"),
    ("Employee ID E-44812 wins the wellness challenge", "other_unique_identifier", "E-44812"),
    ("Claim number CLM-2025-448812 is attached", "other_unique_identifier", "CLM-2025-448812"),
    ("Our patient Mr. Okafor's A1C came back 9.2", "patient_health_info", "A1C"),
    ("Re-engage everyone on Dr. Patel's diabetic patient list", "patient_health_info", "patient list"),
    ("Target customers who filled a metformin prescription last month", "patient_health_info", "metformin"),
    ("She's been treated for lupus since March 3, 2019", "patient_health_info", "lupus"),
]


@pytest.mark.parametrize(("text", "category", "value"), CASES)
def test_each_category(text: str, category: str, value: str) -> None:
    findings = detect_phi(text)
    assert any(f.category == category and value in f.text for f in findings), findings
    for f in findings:
        assert text[f.start : f.end] == f.text and 0 < f.score <= 1 and f.category in CATEGORIES


def test_every_category_has_a_case() -> None:
    assert {category for _, category, _ in CASES} == set(CATEGORIES)
    assert len(CATEGORIES) == 20  # 18 identifiers (geography as `address`) ... plus health information
    assert "patient_health_info" in CATEGORIES


@pytest.mark.parametrize(
    "text",
    [
        "Draft campaign creative options",
        "Promote our diabetes awareness webinar for the public on May 3",
        "Diabetes awareness webinar for the public on March 3, 2026",
        "Flu shot reminder for everyone this fall",
        "Flu-shot reminder for everyone: our clinic is open 10/12/2026",
        "Book a free skin check in our Springfield clinic",
        "Back-to-school bundles from $19, sale ends 12/31/2026",
        "Visit https://inkwell.example.com/sale for details",
        "Shop https://northwind.example/shop/12345 before Friday",
        "Call 1-800-FLOWERS or follow @inkwell",
        "Questions? Call 1-800-555-0199 or email support@inkwell.example.com",
        "Use promo code 555-0199 at checkout",
        "De-identify the clinical content before marketing sees it",
        "Our VIP plan costs 49.99 per month",
        "Summer Sale at Inkwell Supply",
        "Grant Park concert this Friday",
        "Write the spring newsletter about managing seasonal allergies",
        "Over 12,480 orders shipped last month, 95% on time",
        "Version 2.4.1 of the app is live",
        "We're accepting new patients at all locations",
        "Celebrating 95 years in business",
        "Our fingerprint-resistant phone case is back",
        "Visit our flagship at 200 Market Street, Seattle",
        "Call us at (312) 555-0100 to book",
        "Follow us on https://www.instagram.com/inkwell.supply for new drops",
        "New posts featuring Back To School Bundles and Rose Gold pens",
        "Black Friday deals on 11/28",
        # an everyday word that merely ends like a glued street type (-ring, -weg), then a number
        "Shop our Spring 2025 collection today",
        "During 2004, the company invested heavily in new designs",
        "Catering 50 guests is easy with us",
        # a country or a state alone points at no one
        "I am Nigerian but I live in Finland.",
        "She lives in Ohio and loves our serum",
        # a role that is also a Census surname names no one
        "Nurse said the patient is stable.",
        "Surgeon says recovery is on track.",
        "Patient says she is walking with her son every day.",
        # where a business is: a town named like a person is no one's name there
        "Now open in Serrara Fontana! Visit us for 20% off.",
        "Join us at our La Coruña store on May 18 for demos.",
        "A design agency based in Franco da Rocha.",
    ],
)
def test_benign_texts_are_clean(text: str) -> None:
    assert detect_phi(text) == [] and not contains_phi(text)


def test_invalid_ssns_vins_and_cards_are_not_identifiers() -> None:
    assert detect_phi("code 000-12-3456 and 666-12-3456 and 912-12-3456") == []
    assert not any(
        f.category == "vehicle_identifier" for f in detect_phi("1HGCM82633A004353")
    )  # bad check digit
    assert detect_phi("ref 4111 1111 1111 1112") == []  # fails Luhn


def test_findings_do_not_overlap_and_are_in_text_order() -> None:
    findings = detect_phi(INTAKE)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_deidentify_removes_every_identifier_and_rescans_clean() -> None:
    clean, found = deidentify(INTAKE)
    for value in IDENTIFIERS:
        assert value not in clean, value
    assert detect_phi(clean) == []
    assert "[NAME]" in clean and "[MEDICAL_RECORD_NUMBER]" in clean and "[SSN]" in clean
    assert "metformin 500 mg" in clean  # clinical content without identifiers stays
    assert len(found) >= len(IDENTIFIERS) - 1
    assert all(f.category != "patient_health_info" for f in found)


def test_redact_replaces_every_finding_with_its_placeholder() -> None:
    text = "Our patient Mr. Okafor (MRN 4471023) is on metformin; email him at k.okafor@gmail.com"
    out = redact(text)
    for value in ("Okafor", "4471023", "metformin", "k.okafor@gmail.com"):
        assert value not in out
    assert out == (
        "Our patient Mr. [NAME] (MRN [MEDICAL_RECORD_NUMBER]) is on [PATIENT_HEALTH_INFO]; email him at [EMAIL]"
    )
    assert redact("Spring sale: 20% off all serums") == "Spring sale: 20% off all serums"
    assert detect_phi(redact(INTAKE)) == []


def _eval_slice() -> list[dict[str, object]]:
    folder = Path(__file__).resolve().parents[2] / "benchmarks" / "phi" / "data"
    rows = []
    for split in ("dev", "test"):
        lines = (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        rows += [json.loads(line) for line in lines[::8]]
    return rows


def test_eval_slice_meets_recall_and_benign_targets() -> None:
    """A slice of the generated evaluation set (benchmarks/phi); the full run is run.py."""
    descriptive = {"name", "address", "biometric_identifier", "full_face_photo", "patient_health_info"}
    hits = {"structured": [0, 0], "descriptive": [0, 0]}
    benign = flagged = 0
    for row in _eval_slice():
        text = str(row["text"])
        findings = detect_phi(text)
        labels: list[str] = row["labels"]  # type: ignore[assignment]
        if not labels:
            benign += 1
            flagged += bool(findings)
            continue
        values: dict[str, list[str]] = row["values"]  # type: ignore[assignment]
        for category in labels:
            spans = [(text.find(v), text.find(v) + len(v)) for v in values.get(category, [])]
            ok = all(
                any(f.category == category and f.start < e and f.end > s for f in findings) for s, e in spans
            ) and any(f.category == category for f in findings)
            group = hits["descriptive" if category in descriptive else "structured"]
            group[0] += ok
            group[1] += 1
    assert benign >= 150 and hits["structured"][1] >= 300 and hits["descriptive"][1] >= 100
    assert hits["structured"][0] / hits["structured"][1] >= 0.99, hits
    assert hits["descriptive"][0] / hits["descriptive"][1] >= 0.95, hits
    assert flagged / benign <= 0.02


def test_loopback_addresses_are_not_phi() -> None:
    assert not contains_phi("Fetch http://127.0.0.1:8765/rival-a.html and http://0.0.0.0:8000/health")
    assert [f.category for f in detect_phi("Portal login from 10.0.4.17")] == ["ip_address"]


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # beside the false-flag classes (an everyday word before a number, a country alone,
        # the town a business is in): what is an identifier still is one
        ("Meet me at Kurfürstendamm 21 after the visit, Mrs. Jana Wolff", "address", "Kurfürstendamm 21"),
        ("Patient Jana Wolff lives at Hofweg 12, Amsterdam", "address", "Hofweg 12"),
        ("Patient: Jana Wolff, MRN 4471023. She lives in Hungary with her son.", "address", "Hungary"),
        ("Dr. Maria Lopez is now open in the mornings", "name", "Maria Lopez"),
        ("Call Frank Lindholm at our store", "name", "Frank Lindholm"),
        ("The patient is located at John Smith's home since Monday.", "name", "John Smith"),
        ("Maria stays at our John Smith store", "name", "John Smith"),
    ],
)
def test_identifiers_beside_the_false_flag_classes_are_still_found(
    text: str, category: str, value: str
) -> None:
    found = detect_phi(text)
    assert any(value in f.text and f.category == category for f in found), found
