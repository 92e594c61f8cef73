"""PHI detector: identifier and age classes read off probe10's misses (tenth probe).

Each positive states a class (a layout or a label family); each negative is a near look-alike
that the same rule must leave alone. Values are made up for the tests, not taken from the probe.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def _categories(text: str, value: str) -> set[str]:
    start = text.index(value)
    return {f.category for f in detect_phi(text) if f.start < start + len(value) and start < f.end}


POSITIVES = [
    # a CSV export's bank account column
    (
        'emp_id,full_name,dob,ssn,bank_acct\nE100200,"Rosa Ibarra",1961-02-03,312-44-5512,ACC-5512093\n',
        "ACC-5512093",
        "account_number",
    ),
    # a date's unquoted comma in a CSV row: the columns after it keep their names
    (
        'emp_id,full_name,dob,ssn,bank_acct,hire_date\nE100200,"Rosa Ibarra",October 12, 1961,312-44-5512,'
        "ACC-5512093,2020-01-02\n",
        "ACC-5512093",
        "account_number",
    ),
    (
        "selling my car, VIN 1HGCM82633A004352, reg 新U-69279. Viewing at 4 Elm Road",
        "新U-69279",
        "vehicle_identifier",
    ),
    # a staff number in brackets after `staff` / `emp`, and after a name on an employee line
    ("Registered by security officer Ana Ruiz (staff E552019).", "E552019", "other_unique_identifier"),
    ("Driver: Ortega, Luis  (emp EMP-40417)\nVehicle: Ford Transit", "EMP-40417", "other_unique_identifier"),
    (
        "Payroll change\nEmployee: Okafor, Chidi (E774102)\nEffective: 2024-01-02",
        "E774102",
        "other_unique_identifier",
    ),
    # a plate after `registration` once a vehicle is named, in national groupings
    (
        "Vehicle: VIN 1HGCM82633A004352, registration KD62XWB\nDriver licence: D5512034",
        "KD62XWB",
        "vehicle_identifier",
    ),
    ("Vehicle: VIN 1HGCM82633A004352, registration RC09 QIE\n", "RC09 QIE", "vehicle_identifier"),
    ("Vehicle: VIN 1HGCM82633A004352, registration 71B-40228\n", "71B-40228", "vehicle_identifier"),
    ("Vehicle: VW Caddy  Plate MÜ-K-4412\nTelematics", "MÜ-K-4412", "vehicle_identifier"),
    ("Visitor John Hart\nVehicle reg: 粤B-40271\nBadge photo on file", "粤B-40271", "vehicle_identifier"),
    (
        "selling my car, VIN 1HGCM82633A004352, reg 52KX8. Viewing at 4 Elm Road",
        "52KX8",
        "vehicle_identifier",
    ),
    # a biometric template's code under its key
    (
        "user=Mara Lind; badge=E441203; biometric=FPT-40417733; enrolled=2021-03-04",
        "FPT-40417733",
        "biometric_identifier",
    ),
    # an ID photo's file under a French label
    (
        "Nom / Name: Paul Girard\nNé(e) le / DOB: 1990-02-03\nPhoto d'identité: IMG_4471.JPG",
        "IMG_4471.JPG",
        "full_face_photo",
    ),
    # a licence number given as `mine`
    (
        "Trouble with my driving licence renewal? Mine (KX4471203) got rejected again.",
        "KX4471203",
        "certificate_license_number",
    ),
    # an age over 89 after the patient's surname, and in capitals
    ("Patient Okafor is 97 and now requires nursing home placement.", "97", "age_over_89"),
    ("Patient खन्ना is 101 and lives with her son.", "101", "age_over_89"),
    ("RESULTS REVIEWED. PATIENT (93 YEARS OLD) LIVES ALONE.", "93", "age_over_89"),
]


@pytest.mark.parametrize(("text", "value", "category"), POSITIVES)
def test_found(text: str, value: str, category: str) -> None:
    assert category in _categories(text, value)


NEGATIVES = [
    # a staff word with other words before the number: a phone to call, no staff number
    ("Our staff will call you back on 5550134 tomorrow.", "5550134", "other_unique_identifier"),
    ("Employee: Jane Doe (2019)", "2019", "other_unique_identifier"),
    # a firm's registration: no vehicle named before it
    ("Company registration KD62XWB is listed with the chamber.", "KD62XWB", "vehicle_identifier"),
    # a measure or a rating after `Patient ...`
    ("Patient Weight is 95 kg on arrival.", "95", "age_over_89"),
    ("Patient Room is 95 degrees this afternoon.", "95", "age_over_89"),
    ("Patient Satisfaction Score is 95 out of 100 this quarter.", "95", "age_over_89"),
    # a licence talked about with no number given as mine
    ("My licence expired in 2019 and mine is 20 years old.", "2019", "certificate_license_number"),
]


@pytest.mark.parametrize(("text", "value", "category"), NEGATIVES)
def test_not_found(text: str, value: str, category: str) -> None:
    assert category not in _categories(text, value)
