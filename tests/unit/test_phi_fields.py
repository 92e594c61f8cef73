"""Identifiers under keys of machine formats, in e-mails, and in other languages (probe7's classes).

Each class with positive variants (written here, not copied from the probe) and benign look-alikes.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, findings, identifiers, touched

# -- identifiers under keys of machine formats ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"evt":"pair","deviceSerialNumber":"KQ7731029X","user":"r.ames@mail.com"}', "KQ7731029X"),
        ('{"implant_serial": "4471-MD-90211", "side": "left"}', "4471-MD-90211"),
        ("<Record>\n  <DriverLicense>T4410-2291-07</DriverLicense>\n</Record>", "T4410-2291-07"),
        ("subscriber:\n  member_id: QX55120934\n  plan: HMO Silver\n", "QX55120934"),
        ('person:\n  ssn: "702118845"\n', "702118845"),
        ("GET /api/lookup?licenseNumber=D771-0042-913&state=OR HTTP/1.1", "D771-0042-913"),
        ("ts=2024-03-01T10:00Z level=info device_serial=AB9920113 msg=synced", "AB9920113"),
        ('{"vehicle": {"vin": "2HGFC2F59JH512233", "licensePlate": "8KTR 221"}}', "8KTR 221"),
        (
            "INSERT INTO visits (visit_no, member_id, full_name) VALUES ('V-88123', 'HX7710023', 'Rosa Imhof');",
            "HX7710023",
        ),
        ("| Field | Value |\n|---|---|\n| MRN | 00417763 |\n| Ward | 4B |\n", "00417763"),
    ],
)
def test_identifier_under_its_key(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"mrn": "A0091123", "name": {"family": "Okonkwo", "given": ["Adaeze"]}}', "Okonkwo"),
        ('{"mrn": "A0091123", "name": {"family": "Okonkwo", "given": ["Adaeze"]}}', "Adaeze"),
        (
            '{"birthDate": "1950-02-11", "address": {"city": "Port Meriden", "postalCode": "60514"}}',
            "Port Meriden",
        ),
        ('{"birthDate": "1950-02-11", "address": {"city": "Port Meriden", "postalCode": "60514"}}', "60514"),
        (
            '{"birthDate": "1950-02-11", "address": [{"line": ["418 Quarry Hollow Rd"]}]}',
            "418 Quarry Hollow Rd",
        ),
        (
            '{"identifier": [{"system": "urn:oid:2.16.840", "value": "HN-2290117"}], "birthDate": "1944-01-09"}',
            "HN-2290117",
        ),
        (
            "<Patient><Id>PT-551203</Id><GivenName>Marisol</GivenName><BirthDate>1961-04-02</BirthDate></Patient>",
            "Marisol",
        ),
        ("mrn,full_name,social_profile\n4410023,Ines Varga,https://inesvarga.net\n", "https://inesvarga.net"),
    ],
)
def test_name_and_place_under_a_personal_record_key(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        '{"name": "Starter Plan", "price": 1200, "city": "Denver", "version": "2.4.1"}',
        '{"license": "Apache-2.0", "serial": "none", "line": ["Add a widget"]}',
        "build:\n  version: 3.12.0\n  line: 42\n",
        "GET /search?q=winter+boots&page=2&sort=price HTTP/1.1",
        "| Item | Price |\n|---|---|\n| Notebook | 4.99 |\n",
        '{"order_id": "ORD-99120", "sku": "KB-2231", "qty": 2}',
    ],
)
def test_benign_fields_stay_clean(text: str) -> None:
    assert not identifiers(text), findings(text)


def test_value_ends_where_the_code_ends() -> None:
    text = "license: w804-113-72-981-0 thanks!"
    assert covered(text, "w804-113-72-981-0")
    assert not touched(text, "thanks")


# -- e-mails --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My car (KTX-4410) was blocked in the garage after my appointment.", "KTX-4410"),
        ("Her truck, plate 5RBN 772, was towed from the visitor lot.", "5RBN 772"),
        ("Our van: 6PQL903 was parked in the ambulance bay by mistake.", "6PQL903"),
        ("My SSN for the insurance paperwork is 402117733, please update it.", "402117733"),
        ("Social security number, as asked on the phone: 518224409.", "518224409"),
        (
            "Subject: Your biopsy\n\nMarguerite,\nThe pathology came back benign, see you Monday.",
            "Marguerite",
        ),
    ],
)
def test_email_identifiers(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Our car park (Level 2) closes at 22:00.",
        "The car seat model CS 2020 was recalled.",
        "Love,\nMom",
        "Hello,\nThank you for your interest in our spring catalogue.",
        "Your SSN is never stored on our servers; 256-bit encryption protects you.",
    ],
)
def test_email_look_alikes_stay_clean(text: str) -> None:
    assert not identifiers(text), findings(text)


def test_month_after_a_surname_comma_is_a_date() -> None:
    text = "[10:02] Patient: Ruth Okafor, Mar 9, 1948\n[10:03] Agent: Thanks."
    assert ("date", "Mar 9, 1948") in findings(text)
    assert not any(c == "name" and "Mar" in t for c, t in findings(text))


# -- other languages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patiente \u00e2g\u00e9e de 96 ans, admise pour chute.", "96"),
        ("La paziente di 92 anni vive sola.", "92"),
        ("Paciente de 101 a\u00f1os con neumon\u00eda.", "101"),
        ("Die Patientin ist 94 Jahre alt.", "94"),
        ("Mevrouw is 97 jaar oud en woont zelfstandig.", "97"),
        ("Doente com 93 anos de idade, internada.", "93"),
    ],
)
def test_age_over_89_in_other_languages(text: str, value: str) -> None:
    assert ("age_over_89", value) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Notre maison f\u00eate ses 100 ans d'exp\u00e9rience.",
        "La ricetta nasce 100 anni fa.",
        "Hace 95 a\u00f1os abrimos la primera tienda.",
        "Das Krankenhaus wird 100 Jahre alt.",
    ],
)
def test_years_of_a_firm_or_ago_are_no_age(text: str) -> None:
    assert not any(c == "age_over_89" for c, _ in findings(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Paziente: BRAMBILLA Ottavio  Cartella n. RM-220914\nRicovero: 03/02/2024", "RM-220914"),
        ("Pati\u00ebnt: DE WIT Anouk   Pati\u00ebntnummer: 77120394\n", "77120394"),
        ("Paziente: BRAMBILLA Ottavio  Cartella n. RM-220914\nRicovero: 03/02/2024", "BRAMBILLA Ottavio"),
        ("Paciente: ORTEGA DEL RIO Lucia   N\u00ba historia: 55102931\n", "ORTEGA DEL RIO Lucia"),
        ("Patientendaten\nName: KREMSER Hannelore\nGeburtsdatum: 02.03.1940", "KREMSER Hannelore"),
        ("Diagnose: COPD. Contactpersoon: Wim Hagedoorn, 06 1234 5678.", "Wim Hagedoorn"),
        ("Beste dokter Floor Maassen,\n\nHierbij verwijs ik ...", "Floor Maassen"),
        ("Gentile dottoressa Chiara Bellucci,\nle invio la paziente ...", "Chiara Bellucci"),
        ("Per urgenze il recapito: 0331 552190.", "0331 552190"),
        ("Pueden llamarme al 0612 334 567.", "0612 334 567"),
        ("mevrouw Jansen, wonende Dorpsdijk 14, 3181 AB Rozenburg.", "Dorpsdijk 14"),
    ],
)
def test_labels_of_other_languages(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour \u00e0 tous, notre boutique ouvre lundi.",
        "Name: SUPPORT Package",
        "Paziente: vedere allegato.",
    ],
)
def test_other_language_look_alikes_stay_clean(text: str) -> None:
    assert not identifiers(text), findings(text)


# -- more street suffixes, HL7 observations, signature phones ------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "RX LABEL\nMARTA ILVES\n218 Quinn Overpass, Lake Dora OH 44120\nTake 1 tablet daily",
            "218 Quinn Overpass",
        ),
        ("Ship to: 77 Alder Glens, Fairmont WV 26554", "77 Alder Glens"),
        ("Mail to 16 Ostrow Trafficway, Dunmore PA 18512", "16 Ostrow Trafficway"),
        ("Home: 9021 Sable Vista, Apt 4, Reno NV 89501", "9021 Sable Vista"),
    ],
)
def test_street_with_a_usps_suffix(text: str, value: str) -> None:
    assert touched(text, value)


def test_hl7_observation_of_a_photo_or_fingerprint() -> None:
    text = (
        "MSH|^~\\&|LAB|HOSP|||202401011200||ORU^R01|1|P|2.5\n"
        "OBX|1|ED|PHOTO^Patient photo||pt_88121_front.png||||||F\n"
        "OBX|2|ST|FP^Fingerprint template||tmpl-55A9102||||||F\n"
        "OBX|3|NM|GLU^Glucose||105|mg/dL|70-99|H|||F\n"
    )
    assert covered(text, "pt_88121_front.png")
    assert covered(text, "tmpl-55A9102")
    assert not touched(text, "105|mg")


def test_phone_under_a_signature_line_with_a_birth_date() -> None:
    text = "Can I switch to the evening dose?\n\nThanks,\nOrla Brennan\nDOB 02/14/1979\n5094417263"
    assert covered(text, "5094417263")


@pytest.mark.parametrize(
    "text",
    [
        "Metformin Is Now Available In A 500 Mg Tablet At All Harbor Community Health Center Locations.",
        "Bot: Where should it go? User: The Corner Of Spordi 89 And Eric Glen",
    ],
)
def test_suffix_words_that_are_names_or_places_make_no_street(text: str) -> None:
    assert not any(c == "address" for c, _ in findings(text)), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "LETTERA DI DIMISSIONE\nPaziente: ROSSI Marco  Cartella n. 44120938\nRicovero: 02/02/2024",
            "ROSSI Marco",
        ),
        ("Patientendaten\nName: KRAUSE Martin\nGeburtsdatum: 01.02.1960", "KRAUSE Martin"),
    ],
)
def test_label_name_is_not_cut_by_a_run_into_the_next_label(text: str, value: str) -> None:
    assert ("name", value) in findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("{'ssn': '402117733', 'member_id': 'QX5512093'}", "QX5512093"),
        ('{"patientSSN": "511204487", "visit": 3}', "511204487"),
        ('{"vehicle_plate": "7ABC123", "color": "blue"}', "7ABC123"),
        ('{"patient_first_name": "Oriane", "dob": "1950-01-01"}', "Oriane"),
    ],
)
def test_key_with_a_person_word_or_an_id_word_at_its_end(text: str, value: str) -> None:
    assert covered(text, value)


def test_a_product_key_names_no_one() -> None:
    text = '{"product_name": "Aspirin Plus", "dob": "1950-01-01", "product_code": "AB12345"}'
    assert not touched(text, "Aspirin Plus")
    assert not touched(text, "AB12345")


# -- a record is a person's only when a personal key's value has that key's shape -------------


@pytest.mark.parametrize(
    "text",
    [
        # a plan flattened to `key: value` lines: `email` is a channel, its value a budget
        "brand: Northwind Goods\nname: Northwind Goods Co.\nchannel: email\nemail: 1000.00\n"
        "source: http://127.0.0.1:8765/rival-a.html\n",
        '{"channels": {"email": 250.5, "phone": 120.0}, "name": "Harbor Tea Co.", "url": "https://example.com/a"}',
        "phone: ask at the front desk\nname: Spring Promo\nurl: https://shop.example.com/a\n",
        "date: 1500.00\nname: Spring Promo\nurl: https://shop.example.com/spring\n",
    ],
)
def test_a_key_without_its_shape_makes_no_record_personal(text: str) -> None:
    assert not findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("name: Marta Okafor\nemail: m.okafor@mail.example\ncity: Tacoma\n", "Marta Okafor"),
        ('{"phone": "(503) 555-0182", "name": "Rolf Haagen", "city": "Bergen"}', "Rolf Haagen"),
        ("dob: 1961-04-09\nname: Ines Valcourt\n", "Ines Valcourt"),
    ],
)
def test_a_key_with_its_shape_still_makes_the_record_personal(text: str, value: str) -> None:
    assert covered(text, value)
