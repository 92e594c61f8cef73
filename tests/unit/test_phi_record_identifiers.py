"""Identifiers in clinical notes and Safe Harbor forms, by class (probe9a's identifier classes).

Each class: made-up text where the shape belongs to a person and must be found (with its
category), and the nearest made-up look-alike that names no one and must stay clean.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers


@pytest.mark.parametrize(
    ("text", "value", "category"),
    [
        # an age over 89 after a record's `age at <event>` field, or in words after an age word
        ("Consent obtained from Mr. Ilves, age at enrollment 96.", "96", "age_over_89"),
        ("Age at death: 101. Autopsy declined by family.", "101", "age_over_89"),
        ("Decedent TOMAS ILVES, age ninety-seven, found at home.", "ninety-seven", "age_over_89"),
        ("Resident aged one hundred and two, ambulates with a walker.", "one hundred and two", "age_over_89"),
        ("The decedent was ninety-four years of age.", "ninety-four", "age_over_89"),
        # a web address written without its scheme, with a person's path
        (
            "Your results are at portal.northbay-health.org/u/tk55120 (sign in first).",
            "portal.northbay-health.org/u/tk55120",
            "url",
        ),
        (
            "Patient record: myrecords.example.net/patients?id=88123",
            "myrecords.example.net/patients?id=88123",
            "url",
        ),
        # a photo file: after a face or capture cue, after plural photo labels, named as a patient's
        (
            "Palm vein template stored; face capture stored as IMG_20240311_0042.jpg.",
            "IMG_20240311_0042.jpg",
            "full_face_photo",
        ),
        (
            "DOB: 3/4/1931\nRetinal photos: DSC_0042.jpg\nPlan: recheck in 6 months.",
            "DSC_0042.jpg",
            "full_face_photo",
        ),
        ("DOB: 3/4/1931\nPhotos taken: PXL_20240311_77812.jpg", "PXL_20240311_77812.jpg", "full_face_photo"),
        ("Intake kiosk upload: patient_photo_88412.png", "patient_photo_88412.png", "full_face_photo"),
        # a CSV column of health plan member numbers
        (
            'patient_name,dob,health_plan_id\n"ROE, DANA",1941-02-03,QXR558812044',
            "QXR558812044",
            "health_plan_number",
        ),
        ("mrn,dob,medicaid_number\n4412231,1931-02-03,77120455", "77120455", "health_plan_number"),
        # a field given as a name and a value
        ('[{"field":"ssn","value":"412 77 9021"},{"field":"admit","value":"2/3/24"}]', "412 77 9021", "ssn"),
        ('[{"field":"drivers_license","value":"K7723014"}]', "K7723014", "certificate_license_number"),
        ('{"value": "W2231145", "key": "member_id"}', "W2231145", "health_plan_number"),
        ('<field name="mrn">5512093</field>', "5512093", "medical_record_number"),
        ("<item key='drivers_license'>K7723014</item>", "K7723014", "certificate_license_number"),
        # a person's enrolment in a trial under its code
        ("She was enrolled in trial ZX-88120 in March.", "ZX-88120", "other_unique_identifier"),
        ("Randomized to study arm QT551204; tolerating well.", "QT551204", "other_unique_identifier"),
        # a number in brackets after a person written surname first
        (
            "Critical K+ 6.9 on Okafor, Ngozi B (00412873) called to the NP.",
            "00412873",
            "other_unique_identifier",
        ),
        (
            "Critical K+ 6.9 on de la Vega, Ana (512-77-03) called to the NP.",
            "512-77-03",
            "other_unique_identifier",
        ),
        ("Paged about VALDEZ, RUTH (7751204) at 14:00.", "7751204", "other_unique_identifier"),
        ("Critical Na 118 on Mbeki, Thandi [30077125], read back.", "30077125", "other_unique_identifier"),
        ("Critical Na 118 on Mbeki, Thandi #30077125, read back.", "30077125", "other_unique_identifier"),
        # a date and time written as one run of digits after an event's word
        ("Arrival 202403150912 by private car.", "202403150912", "date"),
        ("Blood cultures drawn 20240315091245, resulted at noon.", "20240315091245", "date"),
        # more of a record's age fields and an age after a name and a comma
        ("Age (yrs): 93\nSex: F", "93", "age_over_89"),
        ("Age at time of death 98; cause pending.", "98", "age_over_89"),
        ("Decedent: Mr. Tomas Ilves, 97 years, found at home.", "97", "age_over_89"),
        ("Age at admission - 95\nSex: M", "95", "age_over_89"),
        ("AGE AT DEATH.......102", "102", "age_over_89"),
        ("Age, years: 91", "91", "age_over_89"),
        # a photo file after a full-face or a patient-image label
        ("Photograph (full face): IMG_5512.HEIC", "IMG_5512.HEIC", "full_face_photo"),
        ("Patient image file name: pt_77120_front.jpg", "pt_77120_front.jpg", "full_face_photo"),
        # label variants: a hospital account record, the enterprise patient index, `lic.`
        ("HAR 5519023318 opened for this encounter.", "5519023318", "account_number"),
        ("EMPI 200512874 linked to the new chart.", "200512874", "medical_record_number"),
        ("Driver's lic. no. T552-771-90-114 on file.", "T552-771-90-114", "certificate_license_number"),
        # a biometric scan's or face geometry's code right after it
        ("Retinal scan QR-551203 stored at enrolment.", "QR-551203", "biometric_identifier"),
        ("Face geometry hash 7c1e9a0b44d2 saved.", "7c1e9a0b44d2", "biometric_identifier"),
        # a bare ten-digit number after a relative in brackets, or as an e-mail's alternative
        ("Emergency contact: Lena Ortiz (daughter) 6175550148", "6175550148", "phone"),
        ("Questions? reach me at l.ortiz@riverclinic.org or 6175550148", "6175550148", "phone"),
    ],
)
def test_record_identifier_classes_are_found(text: str, value: str, category: str) -> None:
    assert covered(text, value)
    assert any(c == category and value in v for c, v in identifiers(text)), identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        # a vital sign's range under a dosing line is no town and postal code
        "Titration table:\nWeek 2: 25 mg\nGoal HR 60-100 at rest.",
        "Step 3: 40 mg\nSBP 90-140",
        "Dose 2: 5 mg\nMAP 65-80",
        # a label that is an everyday word (a town's name too) and a range, under a dose line
        "Week 1: 12.5 mg\nTARGET 60-100",
        "Week 1: 12.5 mg\nNORMAL 60-100",
        "Week 1: 12.5 mg\nBPM 60-100",
        # a population, not a person's age
        "Patients aged ninety-five and older were grouped together.",
        "Eligible: age at least 90 years.",
        "Subjects aged one hundred and one or older are rare.",
        # public web pages without a scheme
        "See cdc.gov/flu/about/index.html for details.",
        "Read more at heart.org/en/health-topics/high-blood-pressure today.",
        # a cohort's age figure, a service's length
        "Median age at diagnosis 92 years in this registry.",
        "Mr. Tomas Ilves, 100 years of service to the clinic.",
        # a product's image, not a person's
        "Product photos: item_2231.jpg",
        "Hero image file: banner_2024.jpg",
        # fields whose name is no identifier's
        '[{"name":"heart_rate","value":"88"},{"field":"order_id","value":"44123321"}]',
        '<field name="heart_rate">88</field><field name="order_id">44123321</field>',
        '<param name="timeout">300000</param>',
        # a trial registry's own number, a protocol's number, a trial's name
        "She was enrolled in trial NCT04411223 last spring.",
        "Protocol 2023-0412 was approved by the IRB.",
        "He was enrolled in the ACCORD-2 trial.",
        # years, dates and local numbers in brackets after a name
        "Smith, John (1931-2019) was a surgeon.",
        # a department and its order or protocol number, written like a surname-first name
        "Pharmacy, Order #4412093 verified.",
        "Oncology, Protocol (5512093) amended.",
        # a date-and-time shape that is an order's number
        "Order 202301150001 placed for CBC.",
        # a ten-digit number after a unit in brackets, a toll-free line after a mailbox
        "Dose (mg) 2125551234 units",
        "Write to support@acme.com or 8005551212",
    ],
)
def test_record_identifier_look_alikes_stay_clean(text: str) -> None:
    assert not {(c, v) for c, v in identifiers(text) if c != "name"}, identifiers(text)


def test_plan_payer_and_group_columns_are_no_members_numbers() -> None:
    text = "mrn,dob,payer_id,insurance_plan_id,member_group_no\n4412231,1931-02-03,P22314,PLN22314,G7781"
    found = {v for _, v in identifiers(text)}
    assert "4412231" in found
    assert not found & {"P22314", "PLN22314", "G7781"}


def test_a_year_after_a_biometric_scan_is_no_template_code() -> None:
    text = "Retina scan 2024 showed no change."
    assert not any("2024" in v for _, v in identifiers(text))


def test_a_polish_town_and_code_under_a_street_is_still_an_address() -> None:
    text = "ul. Lipowa 7\nKRAKOW 31-150"
    assert covered(text, "KRAKOW 31-150")
    assert covered(text, "ul. Lipowa 7")
