"""Probe7's recall classes in calls and in other languages (branch `pb`).

- an age over 89 after a relative in another language (`mi padre ... tiene 93 años`, `Mutter X (95 Jahre)`);
- `SURNAME Given` after a name or patient label of another language (`Nom :`, `Pat.:`, `Paciente:`, `Naam:`);
- a greeting, then someone presenting themselves in another language (`Hallo, hier ist Sofie.`),
  or writing (`les escribe Ana por ...`);
- a one-word answer to a first or last name turn of a call (`what's your last name` / `B: Nguyen`,
  `and first` / `B: Thomas`), or to `name please`;
- `you must be X?`, `everybody calls me X`;
- the city asked back (`and the city is Ashbourne?`);
- a phone number before `the best number`.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hola. Mi padre Jorge Ruiz tiene 93 años y sigue ingresado.", "93"),
        ("Hola, mi abuela Rosa tiene 101 años.", "101"),
        ("Guten Tag. Meine Mutter Erika Lang (95 Jahre) liegt auf Station 4.", "95"),
        ("Ma m\u00e8re a 92 ans et vit seule.", "92"),
        ("A minha m\u00e3e Ana tem 97 anos.", "97"),
    ],
)
def test_age_after_a_relative(text: str, value: str) -> None:
    assert ("age_over_89", value) in identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Firma (100 Jahre Erfahrung) sucht Pflegekr\u00e4fte.",
        "Unser Haus feiert 100 Jahre Tradition.",
        "Mi padre trabaj\u00f3 en una empresa de 100 a\u00f1os de historia.",
    ],
)
def test_no_age_for_a_firm(text: str) -> None:
    assert not any(c == "age_over_89" for c, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dossier patient\nNom : DUPONT Camille\nDate : 12/03/2021", "DUPONT Camille"),
        ("Arztbrief\nPat.: MEYER Jonas, * 01.02.1960", "MEYER Jonas"),
        ("Paciente: COSTA Beatriz - CPF: 123.456.789-09", "COSTA Beatriz"),
        ("Naam: VAN DER BERG Anna\nGeboortedatum: 01-02-1980", "VAN DER BERG Anna"),
        ("Paziente: ROSSI Giulia \u2013 nata il 3/4/1950", "ROSSI Giulia"),
    ],
)
def test_caps_surname_after_a_label(text: str, value: str) -> None:
    assert covered(text, value)


def test_no_name_for_a_labelled_product() -> None:
    assert identifiers("Name: ACME Widget\n") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hallo, hier ist Sofie. Ich rufe wegen meines Vaters an.", "Sofie"),
        ("Buongiorno, sono Vittoria Piccio. Volevo prenotare una visita.", "Vittoria Piccio"),
        ("Hola, buenas. Les escribe Prudencia por el WhatsApp de la cl\u00ednica.", "Prudencia"),
        ("Bonjour, vous \u00e9crit Amandine du 3e \u00e9tage.", "Amandine"),
    ],
)
def test_presenting_in_another_language(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Hier ist Vorsicht geboten.",
        "Hallo, hier ist alles in Ordnung.",
    ],
)
def test_no_name_presented(text: str) -> None:
    assert not any(c == "name" for c, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A: ok so what's your last name\nB: Nguyen. N-G-U-Y-E-N\nA: and first\nB: Thomas\n", "Nguyen"),
        ("A: ok so what's your last name\nB: Nguyen. N-G-U-Y-E-N\nA: and first\nB: Thomas\n", "Thomas"),
        ("Rep: and last name?\nCust: Baker\nRep: thanks", "Baker"),
        ("agent: name please\ncaller: maria lopez\nagent: and birthday", "maria lopez"),
    ],
)
def test_name_answered_in_a_call(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Agent: can I get your first name?\nCaller: Yes",
        "Agent: what's your last name\nCaller: sorry?",
        "Q: and then?\nA: Nothing",
        "Agent: what's the name of the pharmacy?\nCaller: Walgreens",
    ],
)
def test_no_name_answered(text: str) -> None:
    assert not any(c == "name" and v not in ("Caller",) for c, v in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DOCTOR: Hi. You must be Kelly?\nPATIENT: Yes.", "Kelly"),
        ("PATIENT: That's right. Everybody calls me Daisy.", "Daisy"),
    ],
)
def test_name_greeted_or_called(text: str, value: str) -> None:
    assert covered(text, value)


def test_no_name_for_a_state() -> None:
    text = "You must be Tired after the trip. They call me Crazy sometimes. He calls me Monday."
    assert not any(c == "name" for c, _ in identifiers(text))


def test_city_asked_back() -> None:
    text = "Agent: street address?\nCaller: 12 Oak Street\nAgent: and the city is Ashbourne?\nCaller: yes"
    assert covered(text, "Ashbourne")


def test_no_city_in_a_statement() -> None:
    assert identifiers("The city is Beautiful in spring. The town was Quiet.") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agent: Thanks. Is 4155550142 still the best number?\nCaller: yes.", "4155550142"),
        ("So 415-555-0142 is the right number for you?", "415-555-0142"),
    ],
)
def test_phone_before_best_number(text: str, value: str) -> None:
    assert ("phone", value) in identifiers(text)


def test_no_phone_for_an_order_number() -> None:
    assert identifiers("Order 1234567890 is the same number as before.") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cognome e nome: VERDI Anna\nNata il: 2 marzo 1950   C.F.: VRDNNA50C42F205Q", "VRDNNA50C42F205Q"),
        ("Paziente: BIANCHI Luca, C.F. BNCLCU70A01F205X, nato a Milano", "BNCLCU70A01F205X"),
    ],
)
def test_italian_fiscal_code_after_cf(text: str, value: str) -> None:
    assert covered(text, value)


def test_no_id_after_initials() -> None:
    assert identifiers("See also C.F. Smith, 2001 edition.") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Courriel : x@y.fr \u2014 Portable : 0612345678\nRendez-vous : 06/06/2024", "0612345678"),
        ("Bitte rufen Sie mich unter 0301234567 zur\u00fcck.", "0301234567"),
        ("Ich bin erreichbar unter 0171 2345678.", "0171 2345678"),
        ("Handy: 0171 2345678", "0171 2345678"),
    ],
)
def test_phone_after_a_mobile_label(text: str, value: str) -> None:
    assert ("phone", value) in identifiers(text)


@pytest.mark.parametrize(
    "text",
    ["Le portable co\u00fbte 1 299 000 euros.", "Un portable de 15,6 pouces, r\u00e9f. 1234567890."],
)
def test_no_phone_for_a_laptop(text: str) -> None:
    assert not any(c == "phone" for c, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "A paciente, residente na Rua das Flores, 81, da Serra, CEP 53390179, para avalia\u00e7\u00e3o.",
            "da Serra",
        ),
        (
            "A paciente, residente na Rua das Flores, 81, da Serra, CEP 53390179, para avalia\u00e7\u00e3o.",
            "53390179",
        ),
        (
            "O paciente, residente no Largo Sá, 9, Vila do Norte, CEP 23254-935, para consulta.",
            "Vila do Norte",
        ),
    ],
)
def test_brazilian_home_after_residente(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Ele \u00e9 residente no Brasil h\u00e1 10 anos, de modo geral bem.",
        "Es residente en Espa\u00f1a hace 10 a\u00f1os.",
    ],
)
def test_no_home_for_a_country_and_years(text: str) -> None:
    assert not any(c == "address" for c, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agent: street address?\nCaller: 2887 Walnut Forks\nAgent: and the city?", "2887 Walnut Forks"),
        ("Agent: street address?\nCaller: 14 Harbor View Suite 210\n", "14 Harbor View Suite 210"),
        ("Caller: my wife has chest pain. we're at 512 Lark Dale, Lake Orin.\nNurse: call 911.", "Lake Orin"),
    ],
)
def test_address_answered_in_a_call(text: str, value: str) -> None:
    assert covered(text, value)


def test_no_address_for_an_email_question() -> None:
    assert not any(
        c == "address" for c, _ in identifiers("Agent: which email address?\nCaller: 3 Different Ones")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hallo, hier ist Anna-Lena. Ich rufe an wegen meiner Mutter.", "Anna-Lena"),
        ("Je m'appelle Marie-Claire Dubois, merci.", "Marie-Claire Dubois"),
    ],
)
def test_hyphenated_given_name_presented(text: str, value: str) -> None:
    assert covered(text, value)
