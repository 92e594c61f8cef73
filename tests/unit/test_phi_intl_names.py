"""Names and handles of everyday and international text (`_phi_intl`, Latin Extended Additional letters)."""

from __future__ import annotations

import pytest

from global_orchestrator.policies.phi_detector import detect_phi
from tests.unit.phi_checks import covered, identifiers


def _category(text: str, value: str) -> str | None:
    start = text.index(value)
    end = start + len(value)
    return next((f.category for f in detect_phi(text) if f.start <= start and end <= f.end), None)


# --- Vietnamese letters (Latin Extended Additional) are letters of a name ------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kính gửi Dr Lưu Thị Nhàn,\n\nKết quả xét nghiệm của bà đã có.", "Lưu Thị Nhàn"),
        ("Patient: Bạch Văn Tuấn, DOB 4/9/1958", "Bạch Văn Tuấn"),
    ],
)
def test_vietnamese_letters_in_names(text: str, value: str) -> None:
    assert covered(text, value)


# --- SURNAME, Given and Surname, Given ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Insured driver OYELARAN, Temitope, licence D-77120, renews in May.", "OYELARAN, Temitope"),
        ("Keyholder KOWALCZYK, Bożena will collect the parcel.", "KOWALCZYK, Bożena"),
        ("Card holder Albescu, Ioana — card ending 4471.", "Albescu, Ioana"),
        ("Lindqvarn, Torbjörn was born on 02.05.1961 in Umeå.", "Lindqvarn, Torbjörn"),
        ("Kind regards,\nMbeki-Osei, Adwoa", "Mbeki-Osei, Adwoa"),
    ],
)
def test_surname_first(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Shipping to Lisbon, Portugal and Porto, Portugal is free this week.",
        "Tickets for Glastonbury, Somerset go on sale Friday.",
        "Please ship the order to Ilse Brandvold, Storgata 18, 0184 Oslo.",  # a full name, then a street
        "FREE, Fast delivery on every order over $40.",
    ],
)
def test_surname_first_look_alikes(text: str) -> None:
    assert not {v for c, v in identifiers(text) if c == "name" and "," in v}


# --- full names in capitals and in lower case --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Our new lodger, RADOSŁAW WIŚNIEWICZ, aged 41, starts on Monday.", "RADOSŁAW WIŚNIEWICZ"),
        ("Please help OKECHUKWU ADEYEMI-BELLO of Enugu, who was hurt in a fall.", "OKECHUKWU ADEYEMI-BELLO"),
        ("Dear ingrid van der welle,\n\nYour contract is attached.", "ingrid van der welle"),
        ("Contact: tomasz wierzbicki, tel. 601 220 918", "tomasz wierzbicki"),
    ],
)
def test_caps_and_lower_names(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Contact: customer service, open 9-5 on weekdays.",
        "Dear valued member, your loyalty points are waiting.",
        "FREE SHIPPING for ORDERS OVER $50 this weekend only!",
        "THE TITLE REFERS TO KRÁSNÁ VYHLÍDKA 12 STREET IN ZLÍN.",
    ],
)
def test_caps_and_lower_look_alikes(text: str) -> None:
    assert not {v for c, v in identifiers(text) if c == "name"}


# --- East Asian full names by their family names ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Forms were signed by Ji-hoon Baek at the front desk.", "Ji-hoon Baek"),
        ("Cho Eun-ji registered for the flu clinic yesterday.", "Cho Eun-ji"),
        ("Please help Huỳnh Thanh Tùng of Đà Nẵng, who lost his home.", "Huỳnh Thanh Tùng"),
    ],
)
def test_east_asian_names(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Our Lee Valley walking tour starts at the car park.",
        "Watch the Song Dynasty exhibition tour at the museum this Sunday.",
        "Flights to Ho Chi Minh City from $499.",
    ],
)
def test_east_asian_look_alikes(text: str) -> None:
    assert not {v for c, v in identifiers(text) if c == "name"}


# --- initials and first names alone ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hi Oriane, it's T. Okonjo from number 12 again.", "T. Okonjo"),
        ("my grandad Ebenezer turned 97 last week and still drives", "Ebenezer"),
        ("Aunty Folasade is home from hospital now", "Folasade"),
        ("hey its Oyelaran 😊 this is my new number", "Oyelaran"),
        ("This is Radomir from the dental practice, please call us back.", "Radomir"),
        ("We still need Thandiwe's passport before the booking goes through.", "Thandiwe"),
    ],
)
def test_single_names_and_initials(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Subject: Re: Mum's appointment on Tuesday",
        "Hello, this is Brightwave. Your order has shipped.",
        "Get B. Dalton's bestsellers and Amazon's picks delivered.",
        "my nan Hope is doing much better",  # a first name that is an everyday word: left alone
    ],
)
def test_single_name_look_alikes(text: str) -> None:
    assert not {v for c, v in identifiers(text) if c == "name"}


# --- a user's own handle --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Posted by @quietheron77 · Leeds\nMy dad has COPD and I'm struggling.", "@quietheron77"),
        ("Has anyone had this after chemo? (posting as @bluefinch_12)", "@bluefinch_12"),
        ("Lost: a blue rucksack with my inhaler. DM me u/mossy_trail58", "u/mossy_trail58"),
        ("found a bank card by the bus stop, msg me @kettle_drum4", "@kettle_drum4"),
    ],
)
def test_own_handles(text: str, value: str) -> None:
    assert covered(text, value)
    assert _category(text, value) == "other_unique_identifier"


@pytest.mark.parametrize(
    "text",
    [
        "Follow us @brightwave_shop for weekly deals!",
        "Insulin infusion at 0.1 u/kg/hr, titrate to glucose.",
        "Join the discussion on r/running this weekend.",
        "Email us at hello@brightwave.com for help.",
    ],
)
def test_handle_look_alikes(text: str) -> None:
    assert not {v for c, v in identifiers(text) if c == "other_unique_identifier"}


# --- a name's word in capitals or lower case recurs capitalised --------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Please wire the deposit to KOVALENKO, Dmytro, IBAN UA21 3223 1300 0002 6007 2335 6600 1, and put "
            '"Kovalenko deposit" as the reference.',
            "Kovalenko deposit",
        ),
        ("Dear wiktor zabłocki,\n\nZabłocki family members may join the tour.", "Zabłocki family"),
    ],
)
def test_cased_name_repeated(text: str, value: str) -> None:
    assert covered(text, value.split()[0])


def test_cased_name_everyday_word_not_repeated() -> None:
    text = "Signed dean king (parent), tel 07725 982341. Dean Street Market opens at 9."
    assert covered(text, "dean king")
    assert ("name", "Dean") not in identifiers(text)
