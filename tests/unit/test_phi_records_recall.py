"""Identifiers in clinical documents, labels, printed tables and messages (probe7's held classes).

Each class with positive variants (written here, not copied from the probe) and benign look-alikes.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers

# -- a CDA document's patient: element values, `value` attributes, the patientRole's ids ------

_CDA = (
    "<ClinicalDocument>\n  <recordTarget>\n    <patientRole>\n"
    '      <id root="2.16.840.1.113883.19.5" extension="MR-40291187"/>\n'
    '      <addr use="HP"><streetAddressLine>918 Birchwood Terrace</streetAddressLine>'
    "<city>Lake Arden</city><postalCode>60614</postalCode></addr>\n"
    "      <patient><name><given>Rosalind</given><family>Okafor</family></name>"
    '<birthTime value="19720415"/></patient>\n    </patientRole>\n  </recordTarget>\n</ClinicalDocument>'
)


@pytest.mark.parametrize(
    "value", ["MR-40291187", "918 Birchwood Terrace", "Lake Arden", "60614", "Rosalind", "Okafor", "19720415"]
)
def test_cda_patient(value: str) -> None:
    assert covered(_CDA, value)


def test_cda_one_line_and_birth_time_with_hours() -> None:
    text = (
        '<recordTarget><patientRole><id extension="00917733" root="1.2.3"/><patient>'
        '<name><given>Tomas</given><family>Vrba</family></name><birthTime value="198003140930"/>'
        "</patient></patientRole></recordTarget>"
    )
    for value in ("00917733", "Tomas", "Vrba", "198003140930"):
        assert covered(text, value), value


def test_cda_without_a_patient_stays_clean() -> None:
    text = (
        '<ClinicalDocument><id root="2.16.840" extension="DOC-2024-0001"/><title>Discharge template</title>'
        '<effectiveTime value="20240101"/><code code="34133-9" value="12345"/></ClinicalDocument>'
    )
    assert identifiers(text) == set()


# -- HL7 v2 order dates (OBR-6/7/8/14/22, ORC-9) ---------------------------------------------


def test_hl7_observation_dates() -> None:
    text = (
        "MSH|^~\\&|RIS|GEN|||202401011200||ORU^R01|1|P|2.5\n"
        "PID|1||448812^^^GEN^MR||DOE^JANE||19800101|F\n"
        "ORC|RE|ORD55|||||||202311031400\n"
        "OBR|1|ORD55|RAD998|71046^XR CHEST 2V|||202311031415|202311031430"
    )
    for value in ("202311031400", "202311031415", "202311031430"):
        assert covered(text, value), value


# -- greetings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Good morning Priya,\n\nYour refill was sent to the pharmacy.", "Priya"),
        ("Hello Marcus,\nthe forms are ready for pickup.", "Marcus"),
        ("From: clinic@example.org\nsubj: your visit\n\nDenise - we reviewed your labs today.", "Denise"),
        ("Subject: update\n\nGregory \u2014 quick note about Tuesday.", "Gregory"),
    ],
)
def test_greeted_reader(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Hi team,\nthe deploy is done.",
        "Good afternoon everyone,\n\nThe cafeteria closes early.",
        "Update - we shipped the new release today.",
        "Summary - the trial met its endpoint.",
    ],
)
def test_greetings_without_a_person_stay_clean(text: str) -> None:
    assert not any(c == "name" for c, _ in identifiers(text))


# -- labels: prescription numbers, state licences, Name/MRN, answered ids ------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CORNER DRUG\nMaria Lopez\nRx 6624019   Dr. Hale\namlodipine 5 mg", "6624019"),
        ("Prescriber: Ann Fry, MD | DEA BF1234563 | State lic. K44120", "K44120"),
        ("Signed by Dr. Okoye, medical license 21-448190", "21-448190"),
        ("CT HEAD\nName/MRN: Rosa Diaz / K4471902\nDate: 2024-01-02", "K4471902"),
        ("CT HEAD\nName/MRN: Rosa Diaz / K4471902\nDate: 2024-01-02", "Rosa Diaz"),
        ("Bot: Could you type your member ID?\nUser: XKE448120931\nBot: thanks", "XKE448120931"),
        ("Agent: What is your medical record number?\n[10:02] Caller: it is 00455821.", "00455821"),
    ],
)
def test_labelled_codes(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Rx 1000 mg ibuprofen twice daily",
        "Rx 250000 units heparin",
        "Bot: Please enter your patient ID.\nVisitor: I do not have it, sorry",
        "State licensing board meets on 2024-05-01.",
    ],
)
def test_label_look_alikes_stay_clean(text: str) -> None:
    assert not any(c in ("medical_record_number", "other_unique_identifier") for c, _ in identifiers(text))


# -- printed tables and TSV exports -------------------------------------------------------------


def test_pipe_row_of_a_person() -> None:
    text = "Results\nAB550912 | Moreau, Alain | 2001-07-04 | HbA1c | 6.1 %\n33018842 | Ito, Ken | 3/2/1990 | TSH | 2.2"
    assert covered(text, "AB550912") and covered(text, "33018842")


def test_pipe_row_without_a_person_stays_clean() -> None:
    text = "SKU | Item | Added\n55123 | Blue widget | 2024-01-02\n55124 | Red widget | 2024-01-03"
    assert identifiers(text) <= {("date", "2024-01-02"), ("date", "2024-01-03")}


def test_tsv_export() -> None:
    text = "patient_id\tpatient_name\tdob\tward\nAB448812\tNora Quist\t1971-03-02\t4B\n99120455\tLeo Brandt\t1980-11-30\t2A"
    for value in ("AB448812", "Nora Quist", "99120455"):
        assert covered(text, value), value


def test_tsv_product_list_stays_clean() -> None:
    assert identifiers("product\tprice\tsku\nWidget\t9.99\tAB12345\nGadget\t19.99\tAB12346") == set()


# -- files attached or uploaded; template files --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            '10.0.0.4 - - [01/Feb/2025:09:12:01 +0000] "POST /api/upload?file=PXL_20240301_121314.jpg HTTP/1.1" 200',
            "PXL_20240301_121314.jpg",
        ),
        ("Attachment: IMG_20230918_5521.jpg\nThanks for sending.", "IMG_20230918_5521.jpg"),
        ("enrolled template saved as fp_9ab31c77.bin for the employee", "fp_9ab31c77.bin"),
    ],
)
def test_attached_and_template_files(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    ["e.g. name your files like IMG_1234.jpg", "The fp_config.bin firmware image", "Hx of L wrist fx 2019."],
)
def test_file_look_alikes_stay_clean(text: str) -> None:
    assert identifiers(text) == set()


# -- phones after fax and proxy abbreviations; more street suffixes ---------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Records desk\nPh 617-555-0142 | Fx 6175550199", "6175550199"),
        ("Son Aldo Reyes is health care proxy (6175550142).", "6175550142"),
        ("The nurse will visit 22 Oakmont Hills next week.", "22 Oakmont Hills"),
        ("Mail it to 5 Kestrel Lodge, Brandon, VT 05733", "5 Kestrel Lodge"),
    ],
)
def test_phones_and_streets(text: str, value: str) -> None:
    assert covered(text, value)


def test_proxy_server_port_stays_clean() -> None:
    assert identifiers("Set the proxy to port 8080 and retry.") == set()


# -- a greeting's full name; a date after a clinical visit; no postal code across a blank line ----


def test_greeting_with_a_full_name() -> None:
    assert covered("Hello Dana Whitfield,\n\nWe received your request.", "Dana Whitfield")


def test_greeting_of_a_team_stays_clean() -> None:
    assert not any(v == "Front Desk" for _, v in identifiers("Hello Front Desk,\nThe oven is fixed."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "From: triage@lakeclinic.org\nsubj: follow up from ER visit Mar 3, 2021\n\nAshley - we saw you.",
            "Mar 3, 2021",
        ),
        ("Re: your urgent care visit 11/02/2022 - billing", "11/02/2022"),
    ],
)
def test_date_after_a_clinical_visit(text: str, value: str) -> None:
    assert covered(text, value)


def test_clinic_visit_offer_stays_clean() -> None:
    assert identifiers("Book a clinic visit by March 31, 2025 and save.") == set()


def test_no_postal_code_across_a_blank_line() -> None:
    text = "From: triage@lakeclinic.org\nsubj: ER visit Mar 3, 2021\n\nAshley - we saw you."
    assert not any(c == "address" for c, _ in identifiers(text))
