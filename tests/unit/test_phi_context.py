"""Identifiers known by their context (`policies/_phi_context.py`): postal blocks, cues, lists, repeats.

Each case is a class of international text the shape recognisers missed (issue 12), with a
benign control of the same shape where one exists.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import deidentify, detect_phi


def found(text: str) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in detect_phi(text)]


def covered(text: str, value: str) -> bool:
    """Some finding overlaps `value` (its first occurrence) in `text`."""
    start = text.index(value)
    end = start + len(value)
    return any(f.start < end and start < f.end for f in detect_phi(text))


@pytest.mark.parametrize(
    "text",
    [
        "Elise Pearson\n\n790 Andrew Street\n Apt. 461\n Monaco\n\n New Zealand 7011",
        "543 Lyngveien\n Puerta 5\n BODØ\n Norway 8004",
        "\u2022 Kieran Crawford\n\u2022 425 ul. Jesionowa\n\u2022 Apt. 472\n\u2022 Bytom\n\u2022 Poland 41-923",
        "783 Pod Strání\n Studio 47d\n Dvur Králové nad Labem\n Czech Republic 544 01",
    ],
)
def test_a_postal_block_is_one_address_street_to_postal_code(text: str) -> None:
    """The street, the unit, the city in capitals and the country line with its code are all covered."""
    lines = [line.strip(" \u2022") for line in text.splitlines() if line.strip(" \u2022")]
    for line in lines[-4:]:
        assert covered(text, line), (line, found(text))


def test_escaped_line_breaks_read_as_lines() -> None:
    """A template or JSON string shown raw (`\\n` written out) is read line by line, same offsets."""
    text = "543 Lyngveien\\n Puerta 5\\n BODØ\\n Norway 8004"
    findings = detect_phi(text)
    assert findings and findings[0].start == 0 and findings[-1].end == len(text)
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_the_lines_after_an_address_label_are_the_address() -> None:
    text = "Billing address: Maret Akhtakhanov\n    1 Avenue d'Ouchy Flat 9\n   Plons\n    SJ\n    8889\n"
    for value in ("1 Avenue d'Ouchy Flat 9", "Plons", "8889"):
        assert covered(text, value), (value, found(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "The letter arrived at Fogd Drejers gate 93, TROMSØ, 9008 last night.",
            "Fogd Drejers gate 93, TROMSØ, 9008",
        ),
        ("Meet me at Merineitsi põik 55, Melliste, 62318", "Merineitsi põik 55, Melliste, 62318"),
        ("It is at Σοφοκλέους 265, ΦΥΛΛΙΑ, 2684 now.", "Σοφοκλέους 265, ΦΥΛΛΙΑ, 2684"),
        ("Send it to Plattebaan 178, Schijf, 4721 PB please", "Plattebaan 178, Schijf, 4721 PB"),
        ("PSC 8443, Box 1802\nAPO AA 31448", "PSC 8443, Box 1802\nAPO AA 31448"),
    ],
)
def test_an_inline_international_address_is_found_whole(text: str, address: str) -> None:
    spans = [f for f in detect_phi(text) if f.category == "address"]
    assert any(f.text == address for f in spans), found(text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Mobile: 84 23 30\nDesk: 84 23 31", "84 23 30"),
        ("I didn't get any message on my registered 21 259 903 5696.", "21 259 903 5696"),
        ("062 439 31 49-Office", "062 439 31 49"),
        ("Phone:\n(11) 8725-8832", "(11) 8725-8832"),
    ],
)
def test_a_phone_number_in_a_national_format_after_its_cue(text: str, phone: str) -> None:
    assert any(f.text == phone and f.category in ("phone", "fax") for f in detect_phi(text)), found(text)


def test_a_toll_free_number_after_call_is_the_business_not_a_person() -> None:
    assert found("Questions? Email hello@brightlane.co or call 1-800-555-0199.") == []


@pytest.mark.parametrize("text", ["My zip code is 90-158", "ZIP: 8643", "Postal code: 4105 GX"])
def test_a_postal_code_in_any_national_format_after_its_cue(text: str) -> None:
    assert [c for c, _ in found(text)] == ["address"], found(text)


def test_an_iban_is_found_by_its_check_digits() -> None:
    valid = "Any charges for a transfer from GB33BUKB20201555555555 to other accounts?"
    assert ("account_number", "GB33BUKB20201555555555") in found(valid)
    broken = "Any charges for a transfer from GB34BUKB20201555555555 to other accounts?"
    assert ("account_number", "GB34BUKB20201555555555") not in found(broken)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sometimes people call me Khazani", "Khazani"),
        ("I would like to remove my kid Vidica from the will.", "Vidica"),
        ("Her maiden name is Rutkowski", "Rutkowski"),
        ("Joža is a very sympathetic person.", "Joža"),
        ("It was a done thing between him and Olav's kid.", "Olav"),
        ("Calfucir, can I please speak to your boss?", "Calfucir"),
        ("Don't go to town, Andrea!", "Andrea"),
        ("Chatham is the brainchild of our 3 founders: Gawler, Ylönen and Timayev.", "Ylönen"),
        ("They had 4: Ichita, Hayley, Debra and Bonnie.", "Ichita"),
        ("The new spot is featuring Ngozi on vocals.", "Ngozi"),
        ("I went with my friend Rose Gold to the clinic.", "Rose"),
        ("Dear Summer, your results are in.", "Summer"),
        ("My daughters Ella and Ava love it.", "Ava"),
    ],
)
def test_a_single_name_after_or_before_a_person_cue(text: str, name: str) -> None:
    assert ("name", name) in found(text), found(text)


def test_every_other_occurrence_of_a_name_found_in_the_text_is_a_name() -> None:
    text = 'Katsuko Shimoda: "Who are you?"\nKatsuko: "I\'m Katsuko\'s daughter".'
    names = [f for f in detect_phi(text) if f.category == "name"]
    assert sum(f.text.startswith("Katsuko") for f in names) == 3, names


def test_a_dialogue_names_its_speakers() -> None:
    text = "Jerry: What a wife.\nKatsuko: Remember me?\nJerry: You saved my life!"
    assert [t for c, t in found(text) if c == "name"] == ["Jerry", "Katsuko", "Jerry"]


@pytest.mark.parametrize(
    "text",
    [
        "Our linen duvet was rated #1 by readers of Thomas, Sweeney and Vasquez Magazine.",
        "Partner spotlight: Craig, Wu and Vang joins our rewards program.",
        "Webinar on 07/26/2027: how Young, Mitchell and Clark grew subscriptions by 40%.",
        "Free shipping on orders over $75 until Thursday, March 25 - shop now.",
        "Questions? Call us at 312-555-0100 or write to Support: we answer within a day.",
        "Our store is at 12 Harbour Street, Brighton.",
        "Note: Subject: Warning: the sale ends Friday.",
        "Why is Lumora so popular? Meet me at Level 3 after the keynote.",
        "Return it to Gate 12 by noon, or meet us at Court 5.",
        "She moved here from Sweden and travels to Portugal next week.",
        "Spain was super fun to visit! South Africa was even better.",
        "Two posts: one featuring a Back-to-School Pack, another featuring Back To School Bundles.",
        "New drop featuring Rose Gold frames and featuring Summer colors.",
        "Shop the Ella and Ava lines for kids.",
        "Call our team at (312) 555-0100 with questions.",
    ],
)
def test_marketing_copy_of_the_same_shapes_is_no_finding(text: str) -> None:
    """Firms named after surnames, prices before a weekday, the business's own address, labels."""
    assert found(text) == [], found(text)


@pytest.mark.parametrize(
    "text",
    [
        "543 Lyngveien\n Puerta 5\n BODØ\n Norway 8004",
        "Fogd Drejers gate 93, TROMSØ, 9008",
        "Mobile: 84 23 30",
        "Sometimes people call me Khazani",
        "They had 4: Ichita, Hayley, Debra and Bonnie.",
    ],
)
def test_deidentified_text_rescans_clean(text: str) -> None:
    clean, replaced = deidentify(text)
    assert replaced and detect_phi(clean) == [], (clean, detect_phi(clean))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pt David Green, DOB 07/11/1983, seen for CHF.", "David Green"),
        ("Pt Jimmy May, DOB 12/04/1969", "Jimmy May"),
        ("Patient: Green, Laura P.   MRN: 27037696", "Green, Laura P."),
        ("Dictated by: April G. Woods, MD  08/26/2080", "April G. Woods"),
        ("Emergency contact: Eric Lane (daughter) 160-044-9373", "Eric Lane"),
    ],
)
def test_a_labelled_name_whose_words_are_also_everyday_words_is_found_whole(text: str, name: str) -> None:
    """Green, May, April, Lane: Census names that are also words, after `Pt`, a label or a first name."""
    assert ("name", name) in found(text), found(text)


@pytest.mark.parametrize("text", ["Patient Care Team meeting on Friday", "Pt Education Series starts in May"])
def test_pt_before_words_that_are_no_census_names_is_no_name(text: str) -> None:
    assert found(text) == [], found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("calogero johnson called re prednisone refill, lives in Lugo.", "calogero johnson"),
        ("Refill request. linda day called twice about it.", "linda day"),
        ("rebecca dussen van reports dizziness since Monday.", "rebecca dussen van"),
    ],
)
def test_a_lower_case_full_name_before_a_reporting_verb(text: str, name: str) -> None:
    assert ("name", name) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the pharmacy called back about the order.",
        "Great news. our team called every winner today.",
        "front desk called to confirm.",
    ],
)
def test_lower_case_words_before_a_reporting_verb_that_are_no_name(text: str) -> None:
    assert not [f for f in found(text) if f[0] == "name"], found(text)


def test_a_street_after_a_home_label_is_an_address_a_menu_is_not() -> None:
    assert ("address", "6 Mary Islands") in found("Seen by Dr Abatantuono. Home: 6 Mary Islands.")
    assert found("Home: 12 Days of Deals") == [] and found("Home: 555-0100") == [("phone", "555-0100")]


@pytest.mark.parametrize(
    "text",
    [
        "Sorry We Missed You. Call Me Back At The Store, Thanks!",
        "Meet Your New Favorite Running Shoe",
        "Why Mason Jars Are Back",
        "Call Us Today For A Free Quote",
        "Tell Me More About Your Skin Goals",
    ],
)
def test_a_title_case_headline_is_no_name(text: str) -> None:
    """Capitals are no evidence in Title Case: everyday words that are rare surnames (Call, Me) are no name."""
    assert found(text) == [], found(text)


def test_a_title_case_name_is_still_a_name() -> None:
    assert ("name", "Sarah Jones") in found("Meet Sarah Jones, Our New Stylist")
    assert ("name", "Tyler") in found("Sometimes People Call Me Tyler")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Where should we send it? 3966 Klímova 702 Suite 799 Vlastejovice Stredoceský kraj",
            "3966 Klímova 702 Suite 799 Vlastejovice Stredoceský",
        ),
        (
            "Please return to 4864 Csabai kapu 38.\n Suite 485\n Budapest\n Hungary 33914 in case of an issue.",
            "4864 Csabai kapu 38.\n Suite 485\n Budapest\n Hungary 33914",
        ),
        ("Meet at 8901 109 Xanthou Street Apt. 397 Lakatameia Nicosia. Please be on time.", None),
    ],
)
def test_a_house_number_street_and_unit_is_an_address_with_its_place_lines(
    text: str, address: str | None
) -> None:
    want = address or "8901 109 Xanthou Street Apt. 397 Lakatameia Nicosia"
    assert ("address", want) in found(text), found(text)


def test_a_unit_without_a_street_or_behind_our_is_no_address() -> None:
    assert found("Visit us at 500 Main Street Suite 200, Austin") == []
    assert found("Suite 200 is on the second floor.") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "What is your address? it is the corner of Kongshøj Allé 70 and Angelique Drive",
            "the corner of Kongshøj Allé 70 and Angelique Drive",
        ),
        (
            "send it to the corner of Spordi 89 and Eric Glen. I moved",
            "the corner of Spordi 89 and Eric Glen",
        ),
        (
            "What is your address? it is 434 Brogade 68, Celldömölk, Hungary",
            "434 Brogade 68, Celldömölk, Hungary",
        ),
        (
            "Please return to 416 Ctra. de Siles 1, VISSEFJÄRDA, Sweden in case of an issue.",
            "416 Ctra. de Siles 1, VISSEFJÄRDA, Sweden",
        ),
    ],
)
def test_an_intersection_or_a_street_city_and_country_is_an_address(text: str, address: str) -> None:
    assert ("address", address) in found(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Visit us at the corner of Main and 5th for the sale.",
        "In 2026 Lumora opened, Berlin, Germany and Paris, France followed.",
        "Our 2026 tour: Paris, Berlin, Spain and more.",
    ],
)
def test_a_business_corner_or_a_sentence_before_a_country_is_no_address(text: str) -> None:
    assert found(text) == [], found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Why is Teodor so impulsive?", "Teodor"),
        ("Olli-Pekka is very shy around new people.", "Olli-Pekka"),
        ("What's your name? Tore Arvidsson", "Tore Arvidsson"),
    ],
)
def test_a_name_by_a_trait_of_character_or_after_a_name_question(text: str, name: str) -> None:
    assert ("name", name) in found(text), found(text)


def test_a_labelled_name_ends_at_its_line() -> None:
    text = "What's your name? Kristian Vollen\nTask: send the invoice"
    assert ("name", "Kristian Vollen") in found(text), found(text)


@pytest.mark.parametrize("text", ["Why is Slack so quiet today?", "Why is Paris so expensive?"])
def test_a_brand_or_a_place_with_a_trait_of_its_own_is_no_name(text: str) -> None:
    assert found(text) == [], found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I want to add Frank N Strauser as a beneficiary to my account", "Frank N Strauser"),
        ("My great great grandmother was called Dawn Kolar", "Dawn Kolar"),
        ("Name:    Valentine Solomina\nAddress: 12 Kankaanpääntie", "Valentine Solomina"),
    ],
)
def test_a_first_name_that_is_a_word_before_a_surname_that_is_not(text: str, name: str) -> None:
    assert ("name", name) in found(text), found(text)


def test_surnames_joined_as_people_are_names_as_a_firm_are_not() -> None:
    assert ("name", "Davis") in found(
        "Is there a better crafted pop song? Peoples and Davis were precision engineers."
    )
    assert found("Webinar on 07/26/2027: how Young, Mitchell and Clark grew subscriptions by 40%.") == []
