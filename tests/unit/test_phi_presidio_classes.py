"""PHI detector: classes read off presidio-evaluator's sentences that had no finding at all.

Each positive case states a class (what ties the value to a person, or makes it an address
whoever's it is); the negatives are marketing copy and clinical text of the same shape that
the same rule must leave clean. Values are made up for the tests, not taken from the sets.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi
from tests.unit.phi_checks import findings

# -- a name after what only a person has -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The true gender of Oksana has been under debate for years.", "Oksana"),
        ("Nobody knows the nationality of Teodor Brankovic.", "Teodor Brankovic"),
        ("The gender of Dirk was never settled.", "Dirk"),
        ("What are the pronouns of Ximena?", "Ximena"),
    ],
)
def test_a_name_after_a_persons_attribute(text: str, name: str) -> None:
    assert ("name", name) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gender of Things is a new exhibition at the museum.",
        "Explore the nationality of France through its cheeses.",
        "Gender of nouns in German: a free workshop for learners.",
        "Patient education: the gender of Sickle cell carriers does not matter.",
    ],
)
def test_an_attribute_of_a_word_or_a_country_is_no_name(text: str) -> None:
    assert not any(f.category == "name" for f in detect_phi(text)), detect_phi(text)


# -- a surname before a work one person writes ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Unlike the Hartmann novel, it is not about the war.", "Hartmann"),
        ("I finished the Kowalczyk memoir last night.", "Kowalczyk"),
        ("Her favourite is the Szabó poem about rivers.", "Szabó"),
    ],
)
def test_a_surname_before_a_novel_or_memoir(text: str, name: str) -> None:
    assert ("name", name) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shop the Discworld novels at 20% off this weekend!",
        "Our Classic Novel collection is back in stock.",
        "Join the Graphic Novel club: new titles every month.",
        "The Kindle memoir deals end Sunday.",
        "Watch the Netflix film and the Pixar album tonight.",
    ],
)
def test_a_series_or_a_genre_before_a_novel_is_no_name(text: str) -> None:
    assert not any(f.category == "name" for f in detect_phi(text)), detect_phi(text)


# -- a former member named after the group ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This song by ex-Zombie Novotná is a perfect example.", "Novotná"),
        ("A new album from ex-Wolfpack Radovan Ilic is out.", "Radovan Ilic"),
    ],
)
def test_a_former_member_after_the_group(text: str, name: str) -> None:
    assert ("name", name) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ex-Google Engineers Launch a New Budgeting App",
        "Meet our ex-Apple designers at the booth.",
        "ex-Goldman Sachs analysts share their picks for 2025",
        "Ex-Smokers Support Group meets every Tuesday at the clinic.",
    ],
)
def test_a_former_employer_before_a_role_or_a_firm_is_no_name(text: str) -> None:
    assert not any(f.category == "name" for f in detect_phi(text)), detect_phi(text)


# -- a booking under a person's name ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maybe it's under Radka Horvat", "Radka Horvat"),
        ("The reservation under Okonkwo was cancelled.", "Okonkwo"),
        ("Table for four, booked under Ingeborg.", "Ingeborg"),
    ],
)
def test_a_name_a_booking_is_under(text: str, name: str) -> None:
    assert ("name", name) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's under Review: expect an update within 24 hours.",
        "Your order is under Processing and ships soon.",
        "Find it under Settings, then Notifications.",
        "It's Under Armour week: 30% off running gear.",
        "The wound is under Tegaderm; change the dressing daily.",
    ],
)
def test_a_state_or_a_menu_after_under_is_no_name(text: str) -> None:
    assert not any(f.category == "name" for f in detect_phi(text)), detect_phi(text)


# -- a street and its house number after `is on` / `enter on` ---------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The bus station is on Vaikne 41", "Vaikne 41"),
        ("The bus station is on Lindtveien 12.", "Lindtveien 12"),
        ("Pedestrians must enter on Hringbraut 27 St. the first three months", "Hringbraut 27 St"),
    ],
)
def test_a_street_and_its_house_number_is_an_address(text: str, address: str) -> None:
    assert ("address", address) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "The game is on Nintendo Switch 2, PS5 and Xbox.",
        "Our new show is on Netflix 24/7.",
        "The sale is on Day 3 of the festival.",
        "Our store is on Hofweg 12.",
        "The patient is on Lasix 40 mg daily.",
        "The patient is on Keppra 500, seizure free.",
        "Everything is on Sale 50 percent off.",
        "Pedestrians must enter on Main Street during the parade.",
    ],
)
def test_a_product_a_dose_or_a_street_without_a_number_is_no_address(text: str) -> None:
    assert not any(f.category == "address" for f in detect_phi(text)), detect_phi(text)


# -- a street's name and house number before `street`, a venue's street address -------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("The title refers to Vodnikova 12 street in Ptuj.", "Vodnikova 12 street"),
        ("The song is set on Pod Lipami 31 street, near the river.", "Pod Lipami 31 street"),
        ("We'll meet Friday at Nordlys AS, 12 Storgata 4, Tromsø", "12 Storgata 4, Tromsø"),
        ("Let's meet at Café Rouge, 18 Rue Lepic, Paris", "18 Rue Lepic, Paris"),
        ("We'll meet Sunday at Acme Kft., 02100 Kossuth utca 45., Pomáz", "02100 Kossuth utca 45., Pomáz"),
    ],
)
def test_a_street_before_street_or_after_a_venue_is_an_address(text: str, address: str) -> None:
    assert ("address", address) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Route 66 road trip deals: 20% off all luggage.",
        "Windows 11 street team launch party on Friday.",
        "Meeting at 10, 2 Breakout Rooms are booked.",
        "Meet me at the gym, 3 sets of 10 reps.",
        "Meet the team at Expo West, 3 Halls of brands.",
        "Meet our pharmacist at Wellness Day, 2 free checks per person.",
    ],
)
def test_a_product_a_count_or_a_room_after_a_venue_is_no_address(text: str) -> None:
    assert not any(f.category == "address" for f in detect_phi(text)), detect_phi(text)


# -- a unit-led address whose place lines follow written-out line breaks ------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Ms. Ana Ruiz Suite 12 909 Constitución 71\\nZamayón SA 37112",
            "Suite 12 909 Constitución 71\\nZamayón SA 37112",
        ),
        ("Apt. 5 14 Lyngveien 3 \nBODØ 8004", "Apt. 5 14 Lyngveien 3 \nBODØ 8004"),
    ],
)
def test_the_place_lines_under_a_unit_after_an_escaped_line_break(text: str, address: str) -> None:
    assert ("address", address) in findings(text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        (
            "Ole Hansen\\n2068 Villandveien 121\\n Suite 659\\n KRISTIANSAND S\\n952 45 809-Office",
            "952 45 809",
        ),
        (
            "23605 Vicolo Calcirelli 13\\n Suite 872\\n Valderice\\n Italy 36472\\n0328 0350851",
            "0328 0350851",
        ),
        ("149 1599 Elm Drive\\n Suite 576\\n New York\\n United States 75821\\n646-489-8219", "646-489-8219"),
    ],
)
def test_a_phone_line_under_an_address_stays_a_phone(text: str, phone: str) -> None:
    found = {f.text for f in detect_phi(text) if f.category in ("phone", "fax")}
    assert phone in found, detect_phi(text)


# -- a town and its postal code after `in` ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Looking to support Northwind Ltd in Rotterdam 3011 AB in its mission to grow.",
            "Rotterdam 3011 AB",
        ),
        ("Looking to support Acme SA in Vetschau 3552 in its mission to grow.", "Vetschau 3552"),
        ("Our partner in Wien 1010 and in Graz 8010 opens soon.", "Wien 1010"),
    ],
)
def test_a_town_and_its_postal_code_is_an_address(text: str, address: str) -> None:
    assert ("address", address) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Join 3000 runners in Chicago 3000 runners strong!",
        "Now in Berlin 2026 for the summit.",
        "Ranked first in Sales 4000 in a row.",
        "Tested in Phase 1200 patients? No: in 1,200 patients across 40 sites.",
        "Top 10 in Europe 1500 metres final.",
    ],
)
def test_a_year_a_count_or_a_word_before_a_number_is_no_address(text: str) -> None:
    assert not any(f.category == "address" for f in detect_phi(text)), detect_phi(text)


# -- how long a complaint has lasted ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("It's like that since 6/14/1987", "6/14/1987"),
        ("It's been like this ever since 2/3/2021, the knee keeps clicking.", "2/3/2021"),
        ("my wrist hurts since 03/04/2024", "03/04/2024"),
    ],
)
def test_a_date_a_complaint_has_lasted_since(text: str, date: str) -> None:
    assert ("date", date) in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Prices like that since 1/1/2020? Only at our store!",
        "Serving the community since 3/1/1985.",
        "Our clinic has been open since 9/1/2019 and is hiring.",
        "No fees like this since 1/1/2020 anywhere else.",
        "Knee pain clinic: open since 2/3/2021, walk-ins welcome.",
    ],
)
def test_a_business_since_a_date_is_no_date_of_a_person(text: str) -> None:
    assert not any(f.category == "date" for f in detect_phi(text)), detect_phi(text)
