"""Identifiers under label wordings and layouts the rules were not written from (branch `qe`).

- a machine key read by the words it is made of (`fingerprintTemplateId`, `med_rec_no`,
  `stateLicenseNo`, `guarantor_account_nbr`, `pesel_number`, a bare `dni`) in JSON, YAML, XML;
- a printed table whose header cell is such a column name (`MRN`, `Iris Template ID`);
- a national id's label with a dash or leader dots before its value (`DNI - ...`);
- a staff member's own number (`Personnel No.`, `Payroll Number`, `badgeNumber`, `staff_id`);
- biometric, licence and hospital-number labels with a dash or leader dots, and more licence
  wordings (`DEA No.`, `Board Certification No.`, `Nursing License No.`, `MR No.`);
- a code followed by its label in brackets (`40917733 (Member ID)`, `BK2291037 (DEA #)`).

Each class: the identifier found with its category, and the nearest shop, stock or helpdesk
number in the same layout left clean.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import findings, touched


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # keys read by their words
        (
            '{"fingerprintTemplateId": "FT-7730194", "status": "enrolled"}',
            "biometric_identifier",
            "FT-7730194",
        ),
        ('{"retina_scan_no": "RS 40918273", "eye": "left"}', "biometric_identifier", "RS 40918273"),
        ("patient:\n  med_rec_no: 55019283\n  status: admitted", "medical_record_number", "55019283"),
        ('{"empi": "900418273", "source": "adt"}', "medical_record_number", "900418273"),
        ('{"health_record_number": "HR-6620193", "ward": 4}', "medical_record_number", "HR-6620193"),
        ("insured:\n  policy_no: PN40918833\n  tier: gold", "health_plan_number", "PN40918833"),
        (
            "<provider><stateLicenseNo>MD-0448217</stateLicenseNo></provider>",
            "certificate_license_number",
            "MD-0448217",
        ),
        ('{"dea_number": "BK7730194", "schedule": "II"}', "certificate_license_number", "BK7730194"),
        ('{"guarantor_account_nbr": "3302918475", "balance": 120}', "account_number", "3302918475"),
        ('{"pesel_number": "7308114", "city_code": 4}', "ssn", "7308114"),
        ('{"dni": "30918274", "active": true}', "ssn", "30918274"),
        ('<person codiceFiscale="RSSMRA80A01H501U" active="1"/>', "ssn", "RSSMRA80A01H501U"),
        # a table's header cell read as a column name
        (
            "| Name | MRN | Ward |\n|---|---|---|\n| Carla Mendez | 66102938 | East |",
            "medical_record_number",
            "66102938",
        ),
        (
            "| Name | Iris Template ID | Site |\n|---|---|---|\n| Ana Ruiz | IR-5520193 | Lab 2 |",
            "biometric_identifier",
            "IR-5520193",
        ),
        (
            "| Name | Guarantor Acct # | Due |\n|---|---|---|\n| Lee Park | 7301928846 | 40.00 |",
            "account_number",
            "7301928846",
        ),
        # national ids after a dash or leader dots
        ("DNI - 48291735", "ssn", "48291735"),
        ("PESEL ........ 85031204567", "ssn", "85031204567"),
        ("BSN - 204817339", "ssn", "204817339"),
        # staff numbers
        ("Personnel No. - 00482917", "other_unique_identifier", "00482917"),
        ("Payroll Number ........ 7730-1942", "other_unique_identifier", "7730-1942"),
        ("Staff # 55102938", "other_unique_identifier", "55102938"),
        ('{"badgeNumber": "B-204817", "shift": "night"}', "other_unique_identifier", "B-204817"),
        ("employees:\n  - staff_id: 55102938\n    team: radiology", "other_unique_identifier", "55102938"),
        # dashes and leader dots after biometric, licence and hospital-number labels
        ("Iris Scan No. - IRS-40917", "biometric_identifier", "IRS-40917"),
        ("Voiceprint Ref ........ VP88120934", "biometric_identifier", "VP88120934"),
        ("DEA No. BK2291037", "certificate_license_number", "BK2291037"),
        ("Board Certification No. - 88120934", "certificate_license_number", "88120934"),
        ("Nursing License No. ........ RN-4409127", "certificate_license_number", "RN-4409127"),
        ("MR No. 66201938", "medical_record_number", "66201938"),
        ("Hospital No. - 77120493", "medical_record_number", "77120493"),
        # the label in brackets after the code
        ("Coverage: 40917733 (Member ID), primary", "health_plan_number", "40917733"),
        ("Prescriber BK2291037 (DEA #) signed", "certificate_license_number", "BK2291037"),
        ("Chart pulled: 66201938 (MRN)", "medical_record_number", "66201938"),
        ("Enrolled H-5520193 (Fingerprint ID)", "biometric_identifier", "H-5520193"),
        ("Billed to 7730194012 (Guarantor Account)", "account_number", "7730194012"),
        ("Identity checked: 48291735 (DNI)", "ssn", "48291735"),
        ("Signed in as 55102938 (Badge No.)", "other_unique_identifier", "55102938"),
        # a staff number's column makes a CSV export personal
        (
            "emp_id,last_name,first_name,dept\n730418,Achebe,Nkem,Pharmacy",
            "other_unique_identifier",
            "730418",
        ),
        ("emp_id,last_name,first_name,dept\n730418,Achebe,Nkem,Pharmacy", "name", "Achebe"),
    ],
)
def test_identifier_under_a_new_wording_is_found(text: str, category: str, value: str) -> None:
    assert (category, value) in findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"order_no": "30918274", "status": "shipped"}', "30918274"),
        ('{"lot_number": "30918274", "expiry": "2027-01"}', "30918274"),
        ('{"tracking_number": "30918274", "carrier": "ups"}', "30918274"),
        ('{"unit_no": "30918274", "floor": 3}', "30918274"),
        ('{"productCode": "B-204817", "shift": "night"}', "B-204817"),
        ('{"cpt_code": "99213", "icd10": "E11.9"}', "99213"),
        ("| Name | Order No. | Date |\n|---|---|---|\n| Carla Mendez | 66102938 | Monday |", "66102938"),
        ("| Item | Lot No. | Qty |\n|---|---|---|\n| Gauze | 66102938 | 12 |", "66102938"),
        ("| Name | Plan ID | Tier |\n|---|---|---|\n| Ana Ruiz | 55201938 | Gold |", "55201938"),
        ("CPT - 99213", "99213"),
        ("Batch - 48291735", "48291735"),
        ("Version ........ 4.12.2038", "4.12.2038"),
        ("Order No. - 00482917", "00482917"),
        ("Invoice No. ........ 7730-1942", "7730-1942"),
        ("Room # 55102938", "55102938"),
        ("SKU ........ 7730-1942", "7730-1942"),
        ("Fingerprint reader - 2024 model", "2024"),
        ("Board meeting - 20240117", "20240117"),
        ("Cert. No. 448120 for SSL", "448120"),
        ("Shipped 55019283 (Order No.) today", "55019283"),
        ("Restock ABC-44812 (SKU)", "ABC-44812"),
        ("Recalled 20240117 (Lot No.)", "20240117"),
        ("Sent 1Z999AA10123456784 (Tracking #)", "1Z999AA10123456784"),
        ("Enrolling NCT04412345 (Protocol)", "NCT04412345"),
        ("Billed 99213 (CPT)", "99213"),
        ("Running 4.12.2038 (Version)", "4.12.2038"),
        # a service's account and a hospital's own id are no one's
        ('{"account_id": "310294857716", "region": "eu-west-2"}', "310294857716"),
        ('{"hospital_id": "60418", "beds": 240}', "60418"),
        ('{"policy_id": "ANPA40918833", "effect": "Allow"}', "ANPA40918833"),
        ("sku_id,name,price\n730418,Gauze roll,2.40", "730418"),
    ],
)
def test_look_alike_stays_clean(text: str, value: str) -> None:
    assert not touched(text, value)
