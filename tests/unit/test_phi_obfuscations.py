"""Issue 11: obfuscated PHI is found, aggregate health copy is not, large adversarial input is handled."""

import itertools

import pytest

from global_orchestrator.policies import check_phi_related, contains_phi, deidentify, detect_phi


def categories(text: str) -> set[str]:
    return {f.category for f in detect_phi(text)}


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        ("send the refill reminder to maria garcia tomorrow", "name", "maria garcia"),
        ("Forward the chart of Dolores\nWhitfield to billing", "name", "Dolores\nWhitfield"),
        ("SSN 123.45.6789 on the intake form", "ssn", "123.45.6789"),
        ("her number 123 45 6789 is the social", "ssn", "123 45 6789"),
        (
            "She was born on the third of July, nineteen eighty-two",
            "date",
            "the third of July, nineteen eighty-two",
        ),
        ("DOB: July third 1982", "date", "July third 1982"),
        ("Dictated by: John A. Smith, MD", "name", "John A. Smith"),
        ('Robert "Bob" Okafor checked in', "name", 'Robert "Bob" Okafor'),
        ("Electronically signed by Maria Lopez-Garcia, RN", "name", "Maria Lopez-Garcia"),
        ("Record date: 2069-04-07\nPatient reports chest pain", "date", "2069-04-07"),
        ("chartMRN04857211 reviewed", "medical_record_number", "04857211"),
        ("Call the patient at 462 9506 after 5pm", "phone", "462 9506"),
        ("Contact: +44 20 7946 0958", "phone", "+44 20 7946 0958"),
        ("Tel. 030 12345678 (Praxis)", "phone", "030 12345678"),
        ("call555-201-7788 today", "phone", "555-201-7788"),
        ("Attach face_0231.jpg to her profile", "full_face_photo", "face_0231.jpg"),
        ("Fingerprint template ID FT-88213 enrolled", "biometric_identifier", "FT-88213"),
        ("Anschrift: Hauptstraße 12, 10115 Berlin", "address", "Hauptstraße 12"),
        ("Mrs. Alvarez lives in Cook County", "address", "Cook County"),
    ],
)
def test_obfuscated_identifiers_are_found(text: str, category: str, value: str) -> None:
    findings = detect_phi(text)
    assert any(f.category == category and value in f.text for f in findings), findings


def test_fake_placeholder_does_not_switch_health_checks_off() -> None:
    text = "[PROMO] maria garcia: her hiv results are back, refill truvada"
    found = categories(text)
    assert {"name", "patient_health_info"} <= found
    assert not check_phi_related(text).allowed


def test_typed_placeholder_does_not_hide_health_tied_to_a_remaining_name() -> None:
    assert "patient_health_info" in categories(
        "[NAME] asked us to email Dolores Whitfield about her HIV test"
    )


def test_deidentified_text_rescans_clean() -> None:
    note = (
        "Record date: 2069-04-07\nPatient: Dolores Whitfield, MRN 4471023, DOB 03/14/1961.\n"
        "She has type 2 diabetes on metformin. Lives in Springfield, IL 62704. Call 462 9506.\n"
        "Dictated by: John A. Smith, MD on 4/8/69"
    )
    clean, found = deidentify(note)
    assert found and detect_phi(clean) == [] and "metformin" in clean
    for value in ("Dolores", "4471023", "03/14/1961", "462 9506", "Smith", "2069-04-07"):
        assert value not in clean


@pytest.mark.parametrize(
    "text",
    [
        "Turn this month's diabetes clinic outcomes into a patient newsletter",
        "Write a patient newsletter about seasonal allergies",
        "Our clinic saw 40% fewer asthma admissions this spring",
        "Lakeside Family Clinic is now open on Saturdays",
        "Spring sale ends March 3",
        "Metformin and Ozempic savings cards are available at the pharmacy counter",
        "Leap Therapeutics and Unichem Laboratories sponsor the diabetes walk",
        "New store now open in Austin, with a grand opening on 4/12/2026",
        "Happy Fourth of July from the team",
        # camel-case brands: "Tik" of TikTok after a capitalised word was read as a name
        "Draft TikTok hooks",
        "Draft YouTube shorts for the launch",
        # ids with a 00 digit run: read as international phone numbers, they labelled
        # agent outputs phi and blocked the marketing steps after them
        "mission: mod-0011882405",
        "key: run-0043981275:b0:1",
        "order 0012345678 shipped today",
    ],
)
def test_aggregate_health_copy_is_not_flagged(text: str) -> None:
    assert detect_phi(text) == [], detect_phi(text)
    assert check_phi_related(text).allowed, check_phi_related(text).reason


@pytest.mark.parametrize(
    "unit",
    ["Mr. ", "1", "Alpha Bravo ", "[A]", "(", "12 ", "+1", "www.", "a.", "Maria Garcia ", "555-201-7788 "],
)
def test_large_adversarial_inputs_are_handled(unit: str) -> None:
    """Correctness on 100 KB of repetition (speed is measured by benchmarks/phi/run.py)."""
    text = unit * (100_000 // len(unit))
    findings = detect_phi(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))
    assert all(text[f.start : f.end] == f.text for f in findings)
    clean, _ = deidentify(text)
    assert not contains_phi(clean)


# A weak date ~300 characters before what a second reading undoes: the first reading finds
# nothing, the second finds an identifier, and with it the text is about a person, so the
# date counts. A second reading of only the characters near what it undoes would lose the
# date (see "PHI detector speed, eighth pass" in DESIGN-NOTES.md).
_FAR = "The open house is 03/14/2024. " + "The newsletter covers events and programs for members. " * 5


@pytest.mark.parametrize(
    ("tail", "category", "value"),
    [
        ("Contact: \u041cRN 4471023", "medical_record_number", "4471023"),  # a Cyrillic capital em: folded
        ("Best,\\nIngrid", "name", "Ingrid"),  # a line break written out: read as one
    ],
)
def test_second_readings_decide_findings_far_from_what_they_undo(
    tail: str, category: str, value: str
) -> None:
    text = _FAR + tail
    assert len(_FAR) > 250
    found = {(f.category, f.text) for f in detect_phi(text)}
    assert found == {("date", "03/14/2024"), (category, value)}, found
    # the same text with nothing to undo is about no one: the date alone is no finding
    assert detect_phi(_FAR + "Best regards, the events team") == []
