"""Recall on patient-portal messages, insurance claims and clinical reports (`_phi_x12`, `_phi_messages`).

Classes found with the probe's development half, each tested with examples written here:
X12 EDI segments (names, ids, addresses and dates by position), self-introductions and
sign-offs in lower case, chat transcripts' speakers, names before a relative in brackets,
weekday dates, six-digit birth dates, plates, `Surname, Given` in report headers and
labels, specimen and reference numbers after their labels; and, the other way, texts of the
same shapes that hold no one's identifier.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi
from tests.unit.phi_checks import covered


def found(text: str) -> list[str]:
    return [f.text for f in detect_phi(text)]


_X12 = (
    "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *240101*1200*^*00501*1*0*P*:~\n"
    "NM1*IL*1*KOWALCZYK*TERESA*M***MI*XQW889210374~\n"
    "N3*77 HAWTHORNE BLVD*APT 5~\n"
    "N4*GREEN BAY*WI*543010000~\n"
    "DMG*D8*19480612*F~\n"
    "CLM*PCN4471093*185.00***11:B:1*Y*A*Y*Y~\n"
    "REF*G1*AUTH7734102~\n"
    "DTP*472*RD8*20240301-20240305~\n"
    "NM1*DN*1*ABERNATHY*COLE****XX*1548873320~\n"
    "NM1*85*2*LAKESHORE ORTHOPEDICS*****XX*1669950012~\n"
    "PER*IC*MARGO FELDMAN*TE*4145550188~\n"
)


@pytest.mark.parametrize(
    "value",
    [
        "KOWALCZYK",
        "TERESA",
        "XQW889210374",
        "77 HAWTHORNE BLVD",
        "APT 5",
        "GREEN BAY",
        "543010000",
        "19480612",
        "PCN4471093",
        "AUTH7734102",
        "20240301-20240305",
        "ABERNATHY",
        "1548873320",
        "MARGO FELDMAN",
        "4145550188",
    ],
)
def test_x12_segments_by_position(value: str) -> None:
    assert covered(_X12, value)


def test_x12_organisations_and_codes_are_no_one() -> None:
    assert not covered(_X12, "LAKESHORE ORTHOPEDICS")
    assert not covered(_X12, "WI")
    # prose with stars, and segment-like words outside a segment
    assert found("Rated 5*****! Best N3* fertilizer ever, NM1 grade") == []
    assert found("SV1*HC:99213*150*UN*1***1~\nHI*ABK:J449~") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hi, this is rosalind okafor. my refill never came", "rosalind okafor"),
        ("It's bartholomew j. quist, I saw the dentist on friday", "bartholomew j. quist"),
        ("my name is Imogen Falk and my date of birth is 4/2/71", "Imogen Falk"),
        ("This message is regarding ludmila ferreira-nunes, date of birth 1/9/60.", "ludmila ferreira-nunes"),
        ("This is hollis brandt's wife writing on his behalf.", "hollis brandt"),
        ("im writing for my grandpa teodor wyszynski, he is 94", "teodor wyszynski"),
        ("i'm a patient of dr okafor, grace leland, birthday 3/3/33.", "grace leland"),
    ],
)
def test_a_self_introduction_in_any_case(text: str, name: str) -> None:
    assert covered(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the pharmacy is closed again.\n\nthx in advance,\nwinifred obi", "winifred obi"),
        ("see you tuesday.\nKind regards,\nLeopold Vance, 555-0143", "Leopold Vance"),
        ("the forms are signed.  Sinceerely,\n- Augustin", "Augustin"),
        ("please call back.\n-\nmarisol quintero-diaz", "marisol quintero-diaz"),
        ("ok thanks for the help.\nthanks,\nignatius (son)", "ignatius"),
    ],
)
def test_a_sign_off_then_the_writers_name(text: str, name: str) -> None:
    assert name in found(text)


def test_a_phone_number_under_a_signature() -> None:
    text = "my bill is wrong.\nBest regards,\nperpetua lindqvist\n4145550188"
    assert "4145550188" in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks,\nThe Billing Team",
        "Kind regards,\nCustomer Service",
        "Best,\nEveryone at the clinic",
        "This is a reminder. Your appointment is confirmed.",
        "It's been a long week, and I'm feeling better.",
        "my name is on the list and my date of birth is on file",
    ],
)
def test_sign_offs_and_introductions_without_a_name(text: str) -> None:
    assert [f.text for f in detect_phi(text) if f.category == "name"] == []


def test_a_chat_transcripts_speakers_and_who_they_thank() -> None:
    chat = (
        "[14:02] Agent Wren: Hi! Thanks for contacting Northside Clinic.\n"
        "[14:03] zofia: hi i need my results\n"
        "[14:05] Agent Wren: Thanks zofia. I see your visit on 6/2.\n"
        "[14:06] Patient: ok\n"
    )
    names = [f.text for f in detect_phi(chat) if f.category == "name"]
    assert names.count("Wren") == 2 and names.count("zofia") == 2
    assert "Patient" not in names and "Agent" not in names


def test_a_chat_with_roles_only_names_no_one() -> None:
    chat = "[09:00] Agent: How can I help?\n[09:01] Visitor: what are your hours\n[09:02] Bot: 9 to 5"
    assert [f.text for f in detect_phi(chat) if f.category == "name"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fenna (sister) is my emergency contact.", "Fenna"),
        ("My date of birth is 3/4/55. Oluwaseun (husband) can pick it up.", "Oluwaseun"),
        ("u can text my aunt delphine at 414-555-0101", "delphine"),
        ("My grandma Ottilie Varga (96) fell again", "Ottilie Varga"),
    ],
)
def test_a_name_beside_a_relative(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("I saw Dr. Ruiz last week; can we do thurs 11/14 instead?", "thurs 11/14"),
        ("Ana Ruiz here, is friday (9/6) still open?", "friday (9/6)"),
        ("patient: lorna vail / dob: 071259 / needs refill", "071259"),
        ("I am Tobias Rehn and I was born on 110302.", "110302"),
    ],
)
def test_weekday_dates_and_six_digit_birth_dates(text: str, date: str) -> None:
    assert date in found(text)


def test_weekday_dates_that_are_no_one_s() -> None:
    assert found("Store hours: sat 10-4, sun 12-5") == []
    assert found("Deploy window is thurs 11/14 for the billing service") == []
    # a log line keeps its readings apart from the date
    assert "Mon 2/5" not in found("BP log: Mon 2/5 148/90")
    assert found("Order 130599 ships in 2 days") == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("my son will pick me up, his plate is 7KQ 441", "7KQ 441"),
        ("Visitor parking: plate number HZT-9021 for Dana Cole", "HZT-9021"),
    ],
)
def test_a_plate_of_two_groups(text: str, plate: str) -> None:
    assert plate in found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ADDENDUM: Req #: QX31-550912 reviewed", "QX31-550912"),
        ("Lab No: 19:HE30417R\nSource: urine", "19:HE30417R"),
        ("Patient Name: Ida Sorensen   PID: 55-31-07-92", "55-31-07-92"),
        ("Auth no.: PA-7730941 approved through 6/30", "PA-7730941"),
        ("Call ref #: CR2209981431 for Hal Ng", "CR2209981431"),
        ("Reference number ENC-4410293. Questions? Call 1-800-555-0100.", "ENC-4410293"),
    ],
)
def test_record_numbers_after_their_labels(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Use case: 2024 planning",
        "Lab hours: 7-5 weekdays",
        "Case #: 12 of 40 reviewed in the audit",
        "Reference range: 3.5-5.0",
    ],
)
def test_labels_without_a_record_number(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Note - 2024-02-11\nAbernathy, Quentin (MRN: 5520391) is on warfarin", "Abernathy, Quentin"),
        (
            "Rx# 4471002   Filled: 3/3/24\nSORENSEN, IDA M\n41 Birch Hollow Rd\nLITHIUM 300MG",
            "SORENSEN, IDA M",
        ),
        ("Results for Odalys Ferro (Hosp #: 7719002) are final.", "Odalys Ferro"),
        ("COB update: KWIATKOWSKI, ALINA has secondary coverage", "KWIATKOWSKI, ALINA"),
        ("Discussed with R. Thistlewood, DPM by phone.", "R. Thistlewood"),
    ],
)
def test_names_in_report_headers_and_labels(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Patient: NEGATIVE, NORMAL",
        "Name: ACME, INC",
        "Results for Vitamin D (MRN pending)",
    ],
)
def test_header_shapes_that_are_no_name(text: str) -> None:
    assert [f.text for f in detect_phi(text) if f.category == "name"] == []


def test_a_birth_date_before_a_letters_greeting_stays_a_date() -> None:
    text = "Re: Ivo Lund, DOB 6/8/82\n\nDear Dr. Pike,\n\nThank you for seeing my patient."
    assert "6/8/82" in found(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Hi, Nell Ortiz here. We live at 4418 quarry hollow apt. 9 now.", ["4418 quarry hollow apt. 9"]),
        ("dob 2/2/52. pls mail the forms to 61 e birch lane.\nthx, ray pell", ["61 e birch lane"]),
        ("my new address is 12 fern rd, unit 3\nduluth, mn 55802 thanks, opal finch", ["duluth", "55802"]),
        ("Ines Roy, 88 Pike St\nAlbany, NY 12207", ["Albany", "12207"]),
        ("Patient: Omar Hale, 1402 Martin Luther King Jr Blvd, Macon", ["1402 Martin Luther King Jr Blvd"]),
    ],
)
def test_a_persons_street_city_and_zip_in_any_case(text: str, values: list[str]) -> None:
    for value in values:
        assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "please mail the forms to our billing office by friday.",
        "our clinic moved to 3 new locations this spring",
        "Prices in or near 97201 may vary, see store for details",
        "we moved to 2 shifts and mail it to 3 offices now",
    ],
)
def test_addresses_in_text_about_no_one(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hi, the last 4 of my social is 4821, can you check", "4821"),
        ("Caller verified the last four digits of her SSN: 0917", "0917"),
        ("member gave SSN ending in 3344 on the call", "3344"),
        ("my social security number ends with 5512", "5512"),
    ],
)
def test_the_last_four_of_a_social_security_number(text: str, value: str) -> None:
    assert value in [f.text for f in detect_phi(text) if f.category == "ssn"]


@pytest.mark.parametrize(
    "text",
    [
        "Social hour ends at 1800 on Fridays",
        "the last 4 of 10 patients recovered in 2024",
    ],
)
def test_numbers_near_social_words_that_are_no_ssn(text: str) -> None:
    assert [f.text for f in detect_phi(text) if f.category == "ssn"] == []


def test_a_card_on_file_ending() -> None:
    assert "1941" in found("Questions? call us. Card on file ending 1941.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Agent Wren: your claim was reprocessed\nMember: ok thx", "Wren"),
        ("RN Tobias: pt called back\nspouse confirmed", "Tobias"),
        ("i'll be late to the visit.\nthx, gwendolyn", "gwendolyn"),
        ("the portal is down again.\nThanks - Isolde", "Isolde"),
    ],
)
def test_role_speakers_and_one_line_sign_offs(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nurse Practitioner: see the order set below",
        "Agent Support: replies within a day",
        "thanks lolz hahaha",
        "thanks, everyone!",
    ],
)
def test_roles_and_sign_offs_without_a_name(text: str) -> None:
    assert [f.text for f in detect_phi(text) if f.category == "name"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Re: Appeal of claim 4410\nPatient: Lan Đặng, DOB 2/2/1950", "Lan Đặng"),
        ("Member: Sky Okonjo | Member ID: 44X9120 | Group: 77", "Sky Okonjo"),
        ("Ordering Provider: Minh T. Nguyễn, PA-C", "Minh T. Nguyễn"),
        ("Pt Name: TRẦN, HOA   BD: 1/2/60", "TRẦN, HOA"),
    ],
)
def test_names_in_any_script_after_a_persons_label(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Name: Cedar Desk Lamp\nSKU: LM-4410",
        "Insured: Self Pay, see notes",
        "Member: Gold Plan | Tier: 2",
    ],
)
def test_labels_before_things_that_are_no_name(text: str) -> None:
    assert [f.text for f in detect_phi(text) if f.category == "name"] == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Rx# 5512009   Filled: 2/2/24\nHALVORSEN, INGRID\n88 Quill Commons Dover DE 19901\nAMOXICILLIN",
            ["88 Quill Commons"],
        ),
        (
            "Filled: 3/3/23\nOkoro, Ada\n12 Wren Pass, apt 4 in East Lomax\nMETFORMIN 500MG",
            ["12 Wren Pass, apt 4", "East Lomax"],
        ),
        (
            "STATEMENT\nGuarantor: Lise Haugen\n4410 Quarry Spur\nNorwich, CT 06360",
            ["4410 Quarry Spur", "Norwich"],
        ),
    ],
)
def test_address_lines_under_a_name_line(text: str, values: list[str]) -> None:
    for value in values:
        assert covered(text, value)


def test_a_line_under_a_heading_is_no_address() -> None:
    assert found("PRICE LIST, SPRING\n40 W bulbs included") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(9:14 AM) Agent Wren: hello\n(9:15 AM) kasia: hi i need help\n(9:16 AM) Agent Wren: sure", "kasia"),
        ("09:14 - Patient: hi\n09:15 - Mireille: hello there", "Mireille"),
        ("writing on behalf of my mother ottilie brandt, she is 91", "ottilie brandt"),
        ("the lab never called.\nbe well,\nTamsin Oyelaran", "Tamsin Oyelaran"),
    ],
)
def test_other_stamps_intros_and_closings(text: str, name: str) -> None:
    assert name in found(text)


def test_an_agenda_is_no_transcript() -> None:
    assert found("10:30 Meeting: budget review\n11:45 Lunch: cafeteria\n13:00 Workshop: triage") == []


def test_id_columns_of_a_personal_csv_are_identifiers() -> None:
    text = (
        "claim_id,member_id,patient,dob,dos,cpt,icd10,billed\n"
        "4410-552301-117,QX7731200,Nora Quinn,1950-02-11,2024-03-04,99213,E11.9,120\n"
        "C5521190032,HPL88120301,Theo Brandt,1961-07-30,2024-05-06,97140,I10,85\n"
    )
    found = {(f.category, f.text) for f in detect_phi(text)}
    for value in ("4410-552301-117", "QX7731200", "C5521190032", "HPL88120301"):
        assert any(v == value for _, v in found), (value, found)
    assert not any(v in ("99213", "97140", "E11.9", "I10") for _, v in found), found
    encounters = "encounter_no,patient_name,visit_date\nE-2231-77,Ida Moss,2024-01-09\n"
    assert any(f.text == "E-2231-77" for f in detect_phi(encounters))


def test_id_columns_of_a_product_csv_are_no_identifiers() -> None:
    assert (
        detect_phi("sku,product_id,name,price\nA-100,4411,Blue mug,12.00\nA-101,4412,Red mug,12.00\n") == []
    )
    assert detect_phi("plan_id,group_no,payer_id,premium\nP-77,G-1200,PY-3,410.00\n") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Clm 7653-390546-623 denied CO-97 for DOS 2023-09-11 -- pt KONDO, AIKO", "7653-390546-623"),
        ("Clm# C7232160753 pended for records", "C7232160753"),
        ("pt DOE, JANE mbr W593740155. Resubmit w/ auth #4613124.", "W593740155"),
        ("mbr # ZGP307418441 eligible through 12/31", "ZGP307418441"),
    ],
)
def test_claim_and_member_shorthand_labels(text: str, value: str) -> None:
    assert any(f.text == value for f in detect_phi(text)), detect_phi(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("can u call me back?\n\nthx\nJade\n719-4185", "Jade"),
        ("Many thanks,\nWill\nSent from my iPhone", "Will"),
        ("see you then\nBlessings,\nDestiny\ncell: 312-555-0144", "Destiny"),
    ],
)
def test_a_first_name_alone_under_a_closing_above_a_phone_or_mail_signature(text: str, name: str) -> None:
    assert any(f.category == "name" and f.text == name for f in detect_phi(text)), detect_phi(text)


def test_an_everyday_word_under_a_closing_alone_is_no_name() -> None:
    assert detect_phi("Cheers,\nSummer") == []
    assert detect_phi("Thanks!\nNorthwind\n1-800-555-0100") == []


def test_a_chat_answer_to_the_last_four_of_the_ssn() -> None:
    text = "[09:05] Agent Ray: please confirm the last 4 of your SSN.\n[09:07] Visitor: 4587\n"
    assert any(f.category == "ssn" and f.text == "4587" for f in detect_phi(text))
    assert detect_phi("Never share the last 4 of your SSN by email.\nOffice: room 1234") == []
