"""PHI detector: names that probe10 showed missed, by class, and their look-alikes.

- Han and Devanagari names written the Latin way (given name, space, family name; an initial, a
  comma, a hyphen, a Latin word of the name) inside text of another script;
- one word of those scripts after a greeting, a sign-off or a role (`hey <name>!`, `-- agent <name>`);
- a name after more person labels (staff, signers, payees, drivers, users), `Surname, Given` too;
- a capitalised name after a subscriber, an officer, a relative, or after a dash ending its line;
- one first name after a greeting of another language, a support agent, a post's author, `ask for`.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import findings


def _names(text: str) -> set[str]:
    return {value for category, value in findings(text) if category == "name"}


# -- Han and Devanagari names inside Latin-script text ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("| metformin 500 mg BID | as directed | 伟 周-孙 |", "伟 周-孙"),
        ("Consult request -- Cardiology\nRequesting: 芳 K. 何\nPatient seen today.", "芳 K. 何"),
        ("Results for पाठक, अनिल R. (MRN 55120) collected today.", "पाठक, अनिल R."),
        ("OPERATIVE NOTE\nPatient: Walsh, सुनीता     Hospital #: 7781", "Walsh, सुनीता"),
        ("Insurance verified. -- Marcus 周, MSW", "Marcus 周"),
        ("Surgeon: Amy Ross   Assistant: गीता मेहरा\nProcedure: appendectomy", "गीता मेहरा"),
        ("Bed 4\n王, Oliver (71M) MRN 4410021\nDx: CAP", "王, Oliver"),
    ],
)
def test_a_han_or_devanagari_name_written_the_latin_way_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Please send it to 12 नेहरू मार्ग, Pune 411001.", "नेहरू मार्ग"),
        ("Ship to 88 Baker Street, 杭州市 310000 please.", "杭州市"),
        ("Patient 芳 K. 何 was seen.", "Patient 芳 K. 何"),
    ],
)
def test_a_street_a_town_or_a_role_word_beside_such_a_name_is_no_part_of_one(
    text: str, not_name: str
) -> None:
    assert not_name not in _names(text)


def test_text_written_in_that_script_is_not_read_as_names() -> None:
    assert _names("今天 天气 很好 我们 去 公园") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hey सुरेश! are we meeting at six?", "सुरेश"),
        ("Ticket closed, password reset done. -- agent 军", "军"),
        ("Forum post by प्रिया:\nhas anyone renewed a passport lately?", "प्रिया"),
    ],
)
def test_one_word_of_those_scripts_after_a_greeting_a_role_or_a_dash_is_a_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_japanese_name_before_sama_keeps_its_own_span() -> None:
    assert "石田" in _names("Dear 石田様, your check-up is on 令和7年1月9日 at 10:00.")


# -- names after person labels ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("FLEET LOG\nDriver: Okafor, Chidinma  (emp 88123)\nVehicle: Ford Transit", "Okafor, Chidinma"),
        (
            "Payroll change\nEmployee: GRETA LINDQVIST-BERG (E55123)\nNew bank details: on file",
            "GRETA LINDQVIST-BERG",
        ),
        ("Cosigned: TERRY P MARSH, resident", "TERRY P MARSH"),
        ("Signed electronically: TERRY P MARSH, M.D. | NPI 1234567890", "TERRY P MARSH"),
        ("Policyholder: IBÁÑEZ-ROMERO, LUCÍA    Policy no.: 88213", "IBÁÑEZ-ROMERO, LUCÍA"),
        ("export\nuser=ANNA TRƯƠNG; badge=4412; last_login=2024-01-01", "ANNA TRƯƠNG"),
        ("Payee: BAKER, JUNE / Staff #77812", "BAKER, JUNE"),
        ("ENROLMENT\nNom / Name: ODILE M. FOURNIER\nDOB: 02/02/2010", "ODILE M. FOURNIER"),
    ],
)
def test_a_name_after_a_person_label_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Name: NEW YORK", "NEW YORK"),
        ("date: 2024\nname: Spring Promo\nurl: https://shop.example.com/spring", "Spring Promo"),
        ("Attending: Halvorsen, MD\n\nHistory: a 70-year-old man.", "Halvorsen, MD"),
        ("Assistant: Google Home", "Google Home"),
    ],
)
def test_a_place_a_campaign_or_a_credential_after_a_label_is_no_name(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


# -- capitalised names after a subscriber, an officer, a relative, a dash ---------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Insurance enrolment: subscriber JOHN TRƯƠNG, SSN 123-45-6789", "JOHN TRƯƠNG"),
        ("Spoke with the patient's son JOHN ĐỖ by telephone.", "JOHN ĐỖ"),
        ("DAUGHTER TO ASSIST AT HOME. -- JOHN HOÀNG", "JOHN HOÀNG"),
        ("Approved 2021-02-03 - Lindholm, Gunilla", "Lindholm, Gunilla"),
        ("Chers collègues, Paul Roy remplace MAXIME VALLIER à partir du lundi.", "MAXIME VALLIER"),
    ],
)
def test_a_capitalised_name_after_a_relative_an_officer_or_a_closing_dash_is_found(
    text: str, name: str
) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("HEY TEAM - REACH HIM ON 1-678-821-7102 IF THE PARCEL BOUNCES", "REACH HIM"),
        ("HEY TEAM - PRESCRIBER DEA FL6762466 FOR THE CO-BRANDED MAILER", "PRESCRIBER DEA"),
        ("Our new range -- FREE SHIPPING", "FREE SHIPPING"),
    ],
)
def test_capitalised_words_after_a_dash_mid_line_are_no_name(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


# -- one first name after a greeting of another language, an agent, a post's author -----------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SMS: Hola Benedikt, te escribo luego.", "Benedikt"),
        ("Refund issued on the order. -- agent Priscilla", "Priscilla"),
        ("Forum post by Ottilie:\nmy renewal got rejected", "Ottilie"),
        ("Viewing at Ortmannweg 62/84, Berlin. Ask for Desmond, +44(0)909 879 0222.", "Desmond"),
    ],
)
def test_a_first_name_after_a_greeting_an_agent_or_an_author_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Ask for Details, then call us.", "Details"),
        ("Posted by Admin: welcome to the forum", "Admin"),
        ("Ciao Bella, nuova collezione in negozio!", "Bella"),
    ],
)
def test_an_everyday_word_after_such_a_cue_is_no_name(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


# -- SURNAME, GIVEN in capitals after a strong cue; a handoff's patient line; `Patient <Surname> is 90` --


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Guten Tag OSTERHAGEN, FRIEDERIKE,\nanbei meine Unterlagen.", "OSTERHAGEN, FRIEDERIKE"),
        ("SMS: soy CARRASCAL-MENA, ADOLFO. Mi correo nuevo es otro.", "CARRASCAL-MENA, ADOLFO"),
        ("Welcome our new teammate DALRYMPLE, FENELLA! Cake at three.", "DALRYMPLE, FENELLA"),
        ("Background check summary -- ĐOÀN, JOHN\nPassport on file", "ĐOÀN, JOHN"),
    ],
)
def test_surname_given_in_capitals_after_a_strong_cue_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("PT STACY ROE, DOB 05/03/1971, SEEN TODAY.", "STACY ROE, DOB"),
        ("THEY HAD 6: ICHITA, HAYLEY, TYLER AND BONNIE.", "ICHITA, HAYLEY"),
        ("LIVES IN WEST KATHERINEPORT, VI.", "KATHERINEPORT, VI"),
        ("INCLUDING MR. RYAN BERGSTROM, ANDREW VORONOV OF ACME", "RYAN BERGSTROM, ANDREW VORONOV"),
    ],
)
def test_capitals_before_a_comma_that_are_no_surname_given_are_not_read_so(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nursing handoff -- Bed 7\nMoss, Victor (60M) MRN 5512009\nDx: sepsis", "Moss, Victor"),
        ("Bed 9\nOyelaran, Tobias (58male) MRN 4410\nDx: CAP", "Oyelaran, Tobias"),
    ],
)
def test_a_handoff_line_of_surname_given_age_and_sex_is_a_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_a_year_in_brackets_after_a_citation_is_no_handoff_line() -> None:
    assert "Smith, Jones" not in _names("References\nSmith, Jones (2019) Heart failure review.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Spoke with the son. Patient Hill is 101 and now needs nursing care.", "Hill"),
        ("Patient Okonkwo-Reyes is 97 and lives alone.", "Okonkwo-Reyes"),
    ],
)
def test_a_patient_called_by_the_surname_before_an_age_is_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text", ["Patient Portal is now live for all clinics.", "Patient Safety is a priority for the ward."]
)
def test_a_patient_service_is_no_surname(text: str) -> None:
    assert _names(text) == set()


# -- a new colleague, a birthday mention, a Han surname after `surname` ----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hi all, welcome our new teammate Ama Boateng! Perpetua joins us from Leeds on 03/04/2024.",
            "Perpetua",
        ),
        ("@Ottoline happy birthday!! born on 2/3/12, can't believe it - love, Sam Reid", "Ottoline"),
        ("Licence application -- surname 郑, forenames Maria, DOB 06/23/1990", "郑"),
    ],
)
def test_a_new_colleague_a_birthday_mention_and_a_han_surname_are_found(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [("New Feature joins the team next sprint", "Feature"), ("@Nike congrats on the launch", "Nike")],
)
def test_a_feature_or_a_brand_is_no_colleague_or_friend(text: str, not_name: str) -> None:
    assert not_name not in _names(text)


def test_an_acronym_and_a_role_after_a_label_is_no_name() -> None:
    assert "QA Lead" not in _names("Approved by: QA Lead")
