"""probe8's record classes: discharge summaries and clinic letters, administrative records
(claims, EOBs, pharmacy labels, specimen labels, eligibility checks, insurance tables),
international tickets and Safe Harbor sentences.

Each class: made-up text where the shape belongs to a person and must be found, and made-up
text of the same shape that names no one and must stay clean.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, findings, identifiers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a home after `lives with <kin>` (any one to three words before the kin word)
        (
            "SOCIAL HISTORY: Retired welder. Lives with her husband in Port Ellery. Quit in 2010.",
            "Port Ellery",
        ),
        ("Lives with two adult sons in Brackenford. Denies alcohol.", "Brackenford"),
        ("Mr. Ibsen is a 70 year old man. Lives with partner in Lake Orvin.", "Lake Orvin"),
        # a bare ten-digit number after `call ... office at`
        ("Please call Dr. Okafor's office at 6175550148 to schedule a follow-up visit.", "6175550148"),
        # a hospital named `<Place> General`, `St. X's General`, `New <Place> Memorial`
        (
            "Ms. Varga is a 61 year old woman who presented to the St. Agatha's General emergency "
            "department on 3/4/2021.",
            "St. Agatha's General",
        ),
        (
            "Seen at OSH (New Harlow Memorial) and transferred. Mr. Ibsen is a 70 year old man.",
            "New Harlow Memorial",
        ),
        # a record's number alone on its first line, the hospital's name under it
        ("5512034\nRiverbend Community Hospital\nADMISSION DATE: 03/02/2021\n", "5512034"),
        ("88-1203345\nSt. Oswin's General\nADMISSION DATE: 03/02/2021\n", "88-1203345"),
        ("402 118 907\nHarlow Infirmary\nADMISSION DATE: 03/02/2021\n", "402 118 907"),
        # the street under a letterhead's facility
        (
            "Lakeshore Medical Center\n1420 Quarry Bend\n\nRE: Tomas Ubeda\nDOB: 04/11/1950\n",
            "1420 Quarry Bend",
        ),
        # a relative named between commas
        (
            "The patient's husband, Orrin Velasquez, can be reached at 555-201-7788 and is the proxy.",
            "Orrin Velasquez",
        ),
        ("Her son, D. Abernathy, can be reached at 555-201-7788.", "D. Abernathy"),
        # a signature: an initial and a surname, or a surname alone, before a credential
        ("Exam unremarkable.\n\n____________________\nR. Lindqvist, M.D.\n", "R. Lindqvist"),
        ("Exam unremarkable.\n\n____________________\nOkafor, M.D.\nPager #40312\n", "Okafor"),
        ("Attending: Halvorsen, MD\n\nHistory: the patient is a 70-year-old man.", "Halvorsen"),
    ],
)
def test_discharge_summary_classes_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an identifier in a two-column table after its keyword's cell
        (
            "| Field | Value |\n|---|---|\n| Policy no. | KQZ550182734 |\n| Home phone | 555-201-7788 |",
            "KQZ550182734",
        ),
        ("| Member ID | W55012345 |\n| Name | Ines Halloran |", "W55012345"),
        # a card's `Grp` shorthand
        ("Insurance: Acme Health  ID 88120034411  Grp GRP-55120\n", "GRP-55120"),
        # an account number of six digits and three: no town's PIN code
        ("EOB  Claim CLM-55012377  Patient R. Okonkwo  Acct 204511-318  DOS 2022-03-04", "204511-318"),
        # an initial and a surname after `Patient`
        ("EOB  Claim CLM-55012377  Patient R. Okonkwo  Acct 204511-318  DOS 2022-03-04", "R. Okonkwo"),
        # names after prescriber, ordering and subscriber labels
        ("Prescriber: T. Nakamura  DEA BN5512033\n", "T. Nakamura"),
        ("Collected 03/02/2020 | Ordering: Halvorsen, NPI 1234567893 | Collected", "Halvorsen"),
        ("Eligibility check 03/02/2020: subscriber V. Castellanos, member W55012345", "V. Castellanos"),
        # a pharmacy label's number opening a line before its drug and dose, and its patient
        ("RX LABEL\nOrtega, Lucia  DOB:03-12-1961\n#5523901  lisinopril 10 mg daily\n", "5523901"),
        ("RX LABEL\nOrtega, Lucia  DOB:03-12-1961\n#RX550193  metformin 500 mg BID\n", "RX550193"),
        ("RX LABEL\nOrtega, Lucia  DOB:03-12-1961\n#5523901  lisinopril 10 mg daily\n", "Ortega, Lucia"),
        # a record on one line between ` / `: a name, a date and codes
        ("Specimen label: Lindqvist, Maja / 03/14/1977 / 55-0192837 / 4401928374", "55-0192837"),
        ("Specimen label: Lindqvist, Maja / 03/14/1977 / 55-0192837 / 4401928374", "4401928374"),
        ("Tube: Okoro, Bede / 3 May 1950 / LS551203 / V12-55012", "LS551203"),
        # a first name spoken to at a message's start
        ("Appointment reminder: Marcus, you are scheduled with Dr. Lee on 3/4.", "Marcus"),
    ],
)
def test_administrative_record_classes_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # `Last, First` after a line's label, and a town after a home-town label mid-line
        (
            "Late checkout: Okwuosa, Ilse. Card holder phone +45 3312 4455. Home city: Varberg.",
            "Okwuosa, Ilse",
        ),
        ("Late checkout: Okwuosa, Ilse. Card holder phone +45 3312 4455. Home city: Varberg.", "Varberg"),
        # one address over the street, its postal code and its town
        ("The parcel never arrived at Kastanjevej 12, 4100 Ringsted.", "Kastanjevej 12, 4100 Ringsted"),
        ("Deliver to ul. Lipowa 14, 31-552 Kraków, please.", "ul. Lipowa 14, 31-552 Kraków"),
        ("Delivery to Alameda Cruz, 44, 4700-123 Braga today.", "Alameda Cruz, 44, 4700-123 Braga"),
        # a Brazilian home after `mora em`, up to its town and state
        (
            "O paciente Caio Nunes, nascido em 03/02/1980, mora em Rua das Flores, 12, Centro, 01234-567 "
            "Campinas / SP. Telefone 11 5555-0101.",
            "Rua das Flores, 12, Centro, 01234-567 Campinas / SP",
        ),
    ],
)
def test_international_record_classes_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a photo's file with its folders, and a file described as a face after it
        ("The ID photo was saved as scans/intake/maria_07.jpg today.", "scans/intake/maria_07.jpg"),
        ("Attached: IMG_20230101_4411.JPG (full-face photograph for the badge).", "IMG_20230101_4411.JPG"),
        # a person's own page their photos were uploaded to
        (
            "Patient uploaded his rash photos to https://okonkwofamily.net/pics and asked for advice.",
            "https://okonkwofamily.net/pics",
        ),
        # a plate in three groups
        ("He parked in lot B; plate KD 22 XMR, a blue sedan.", "KD 22 XMR"),
    ],
)
def test_safe_harbor_classes_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # kin and living words with no place, a condition, a manner
        "Many people living with diabetes in rural areas lack access to care.",
        "Her daughter, a nurse, visits daily.",
        # an office that is no number to call
        "Our office is open Monday to Friday, 9 to 5.",
        # `General` after a title or a brand
        "Shop the sale at Dollar General this weekend.",
        # a first line of digits under which no hospital is named
        "2024\nAnnual Report\nRevenue grew in every region.",
        "1234567\nQuarterly sales summary\nRevenue grew.",
        # a lab result's range in an HL7 segment after `mg/dL|`: no driver's licence
        "OBX|3|NM|GLU^Glucose||105|mg/dL|70-99|H|||F\n",
        # a hash tag and a number that opens no pharmacy line
        "#2024001 release notes: faster sync and new themes.",
        # fields between slashes with no person's name among them
        "Quarterly figures / 12/05/2024 / 1234567 / 7654321",
        # a word, not a name, before `, you`
        "Note: Great, you did it.",
        # an image that is no face, and a brand's gallery
        "Attached: banner_spring.jpg (hero image for the homepage).",
        "We uploaded the product photos to https://brand.example.com/gallery for the launch.",
    ],
)
def test_record_shapes_that_name_no_one_stay_clean(text: str) -> None:
    assert not identifiers(text), identifiers(text)


def test_a_place_after_a_label_is_no_comma_name() -> None:
    text = "Location: Boston, Massachusetts."
    assert ("name", "Boston, Massachusetts") not in findings(text)
