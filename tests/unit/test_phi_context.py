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


@pytest.mark.parametrize(
    "text",
    [
        "Hysni Njivar\\nPICO Holdings Inc.\\nMobile: 66 17 89\\nFax: +41 44 583 23 60\\n",
        "Personal Info:\\nPhone:\\n9180 9248\\n\\nE-mail:\\nnorma.vik@example.com\\nWebsite:\\nhttp://x.ee/",
        "Name: Jane Roe\\nDOB: 03/14/1961\\nnotes: \\\\n is not a break here",
    ],
)
def test_written_out_line_breaks_read_as_the_lines_they_stand_for(text: str) -> None:
    """A text with `\\n` written out is found as the same text with real line breaks (offsets kept)."""
    lined = text.replace("\\n", " \n")
    assert [(f.category, f.start, f.end) for f in detect_phi(text)] == [
        (f.category, f.start, f.end) for f in detect_phi(lined)
    ]


def test_written_out_line_breaks_leave_no_n_in_a_finding() -> None:
    """`\\nFax:` is a fax label and `\\njane@...` an address without the escape's `n`."""
    text = "Hysni Njivar\\nPICO Holdings Inc.\\nFax: +41 44 583 23 60\\nE-mail:\\nhysni.njivar@example.com\\n"
    found = {(f.category, f.text) for f in detect_phi(text)}
    assert ("fax", "+41 44 583 23 60") in found, found
    assert ("email", "hysni.njivar@example.com") in found, found
    assert ("name", "Hysni Njivar") in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Yukiyo Hakugi\nEuropean Sustainable Growth Acquisition Corp.\n270 Main St\nMobile: 032 625 76 89\n",
            "Yukiyo Hakugi",
        ),
        ("Alexandre Chouinard\nBelreca NV\nMobile: 040 760 0107\n", "Alexandre Chouinard"),
        ("Antu Valencia\nEramet SA\n650 2896 office\n", "Antu Valencia"),
    ],
)
def test_a_name_above_its_firm_line_is_a_name(text: str, name: str) -> None:
    """A contact card's first line is the person even when the firm's line is long or ends in `NV`/`SA`."""
    assert ("name", name) in {(f.category, f.text) for f in detect_phi(text)}


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


def _case(text: str, category: str, value: str, name: str) -> object:
    return pytest.param(text, category, value, id=name)


# Classes of context of the fourth build, one or more cases each: found whole.
FOUND_WHOLE = [
    _case(
        "Ms. Sarah Pereira Suite 823 909 Constitución 71\nZamayón SA 37112",
        "address",
        "Suite 823 909 Constitución 71\nZamayón SA 37112",
        "unit-before-house",
    ),
    _case(
        "send it to Unit 2982 Box 5525\nDPO AA 62792",
        "address",
        "Unit 2982 Box 5525\nDPO AA 62792",
        "military",
    ),
    _case(
        "change my address to 101 Välja 95\nRuda Śląska, nan 58918?",
        "address",
        "Ruda Śląska, nan 58918",
        "city-code-line-before-question-mark",
    ),
    _case("Pt David Green, DOB 07/11/1983, seen for CHF.", "name", "David Green", "pt-label-in-run"),
    _case("Pt Jimmy May, DOB 12/04/1969", "name", "Jimmy May", "surname-that-is-a-month"),
    _case("Patient: Green, Laura P.   MRN: 27037696", "name", "Green, Laura P.", "labelled-surname-first"),
    _case("Dictated by: April G. Woods, MD  08/26/2080", "name", "April G. Woods", "given-name-a-month"),
    _case(
        "Emergency contact: Eric Lane (daughter) 160-044-9373", "name", "Eric Lane", "surname-a-street-word"
    ),
    _case(
        "calogero johnson called re prednisone refill, lives in Lugo.", "name", "calogero johnson", "lower"
    ),
    _case("Refill request. linda day called twice about it.", "name", "linda day", "lower-after-sentence"),
    _case(
        "rebecca dussen van reports dizziness since Monday.", "name", "rebecca dussen van", "lower-particle"
    ),
    _case("Seen by Dr Abatantuono. Home: 6 Mary Islands.", "address", "6 Mary Islands", "home-label"),
    _case("Home\t: 12 Lyngveien", "address", "12 Lyngveien", "home-label-tab-before-colon"),
    _case("HOME  :12 Lyngveien", "address", "12 Lyngveien", "home-label-spaces-before-colon"),
    _case("Meet Sarah Jones, Our New Stylist", "name", "Sarah Jones", "title-case-name"),
    _case("Sometimes People Call Me Tyler", "name", "Tyler", "title-case-cue"),
    _case(
        "Where should we send it? 3966 Klímova 702 Suite 799 Vlastejovice Stredoceský kraj",
        "address",
        "3966 Klímova 702 Suite 799 Vlastejovice Stredoceský",
        "unit-then-place-words",
    ),
    _case(
        "Please return to 4864 Csabai kapu 38.\n Suite 485\n Budapest\n Hungary 33914 in case of an issue.",
        "address",
        "4864 Csabai kapu 38.\n Suite 485\n Budapest\n Hungary 33914",
        "unit-then-place-lines",
    ),
    _case(
        "Meet at 8901 109 Xanthou Street Apt. 397 Lakatameia Nicosia. Please be on time.",
        "address",
        "8901 109 Xanthou Street Apt. 397 Lakatameia Nicosia",
        "unit-ends-at-sentence",
    ),
    _case(
        "What is your address? it is the corner of Kongshøj Allé 70 and Angelique Drive",
        "address",
        "the corner of Kongshøj Allé 70 and Angelique Drive",
        "intersection",
    ),
    _case(
        "send it to the corner of Spordi 89 and Eric Glen. I moved",
        "address",
        "the corner of Spordi 89 and Eric Glen",
        "intersection-ends-at-sentence",
    ),
    _case(
        "What is your address? it is 434 Brogade 68, Celldömölk, Hungary",
        "address",
        "434 Brogade 68, Celldömölk, Hungary",
        "street-place-country",
    ),
    _case(
        "Please return to 416 Ctra. de Siles 1, VISSEFJÄRDA, Sweden in case of an issue.",
        "address",
        "416 Ctra. de Siles 1, VISSEFJÄRDA, Sweden",
        "street-place-country-caps",
    ),
    _case("Why is Teodor so impulsive?", "name", "Teodor", "trait-of-character"),
    _case("Olli-Pekka is very shy around new people.", "name", "Olli-Pekka", "trait-after-is"),
    _case("What's your name? Tore Arvidsson", "name", "Tore Arvidsson", "name-question"),
    _case(
        "What's your name? Kristian Vollen\nTask: send the invoice", "name", "Kristian Vollen", "ends-at-line"
    ),
    _case(
        "I want to add Frank N Strauser as a beneficiary", "name", "Frank N Strauser", "given-initial-surname"
    ),
    _case("My great great grandmother was called Dawn Kolar", "name", "Dawn Kolar", "given-a-word-after-cue"),
    _case(
        "Name:    Valentine Solomina\nAddress: 12 Kankaanpääntie",
        "name",
        "Valentine Solomina",
        "label-spaces",
    ),
    _case(
        "Is there a better song? Peoples and Davis were precision engineers.",
        "name",
        "Davis",
        "surnames-as-people",
    ),
]


@pytest.mark.parametrize(("text", "category", "value"), FOUND_WHOLE)
def test_a_class_of_context_finds_its_identifier_whole(text: str, category: str, value: str) -> None:
    assert (category, value) in found(text), found(text)


# The same shapes with no one in them: no finding at all.
CLEAN = [
    "Patient Care Team meeting on Friday",
    "Pt Education Series starts in May",
    "the pharmacy called back about the order.",
    "Great news. our team called every winner today.",
    "front desk called to confirm.",
    "Home: 12 Days of Deals",
    "Sorry We Missed You. Call Me Back At The Store, Thanks!",
    "Meet Your New Favorite Running Shoe",
    "Why Mason Jars Are Back",
    "Call Us Today For A Free Quote",
    "Tell Me More About Your Skin Goals",
    "Visit us at 500 Main Street Suite 200, Austin",
    "Suite 200 is on the second floor.",
    "Our Suite 12 Harbour Room seats 40",
    "Visit us at the corner of Main and 5th for the sale.",
    "In 2026 Lumora opened, Berlin, Germany and Paris, France followed.",
    "Our 2026 tour: Paris, Berlin, Spain and more.",
    "Why is Slack so quiet today?",
    "Why is Paris so expensive?",
    "Webinar on 07/26/2027: how Young, Mitchell and Clark grew subscriptions by 40%.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_shapes_with_no_one_in_them_are_clean(text: str) -> None:
    assert found(text) == [], found(text)


def test_a_number_after_a_home_label_is_still_a_phone() -> None:
    assert found("Home: 555-0100") == [("phone", "555-0100")]
