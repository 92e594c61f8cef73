"""Person names in ordinary sentences (`policies/_phi_names.py`, `_phi_context.py`).

Each case is a class of name the detector missed in running text (presidio-evaluator's
sentences): a full name whose surname is an everyday word, a first name that is a word
before a surname that is not, an owner's possessive before a name, a place only a person
takes. Every class has controls of the same shape with no person in them: companies,
brands, colours, titles and Title Case copy.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def names(text: str) -> list[str]:
    return [f.text for f in detect_phi(text) if f.category == "name"]


def _case(text: str, value: str, name: str) -> object:
    return pytest.param(text, value, id=name)


FOUND_WHOLE = [
    # a Census first name, then a Census surname that is an everyday word
    _case("Gary Young logged in twice from a new phone", "Gary Young", "given-word-surname"),
    _case(
        "The package was left with Ellis P. Grant on Monday", "Ellis P. Grant", "given-initial-word-surname"
    ),
    _case("Kimberly White's lab results came back", "Kimberly White", "given-word-surname-possessive"),
    _case("Tomasz King's passport photo is blurry", "Tomasz King", "unknown-given-word-surname-possessive"),
    # a first name that is also a word, then a surname that is no English word
    _case("Amber Tisserand joined the call late", "Amber Tisserand", "word-given-unknown-surname"),
    _case(
        "an early mix (also features Frank Lindholm on bass)", "Frank Lindholm", "word-given-census-surname"
    ),
    # an owner's possessive, then a name: two runs
    _case("Please file Michael Smith's refill request", "Michael Smith", "possessive-full-name"),
    _case(
        "Northwind Holdings Ltd's Maryam Arsanukayev joined the panel",
        "Maryam Arsanukayev",
        "firm-possessive",
    ),
    _case("Robin Rossi, Donna Mikulić and others attended", "Robin Rossi", "list-of-full-names"),
    # a place only a person takes
    _case("Ante Jukić from Borealis Shipping Ltd. was the keynote speaker", "Ante Jukić", "from-firm-role"),
    _case("Savannah Beet of Northwind Corp is the new CEO", "Savannah Beet", "of-firm-role"),
    # a name that a cue opens, surname and all
    _case("as one critic says Borna Jerković sings it better", "Borna Jerković", "cue-full-name"),
    _case("Sometimes people call me Viva", "Viva", "self-naming-word"),
    _case("Please forward it to Babette L'Heureux", "Babette L'Heureux", "l-apostrophe-surname"),
    _case("Costa and Morales were close friends", "Morales", "people-surname-that-is-a-place"),
    # a name's line, then a line with a firm or a job title (a signature): two runs
    _case("Thanks,\nMaria Garcia\nSales Manager\nNorthwind Therapeutics", "Maria Garcia", "signature"),
    _case("John Smith\nAcme Corp", "John Smith", "name-line-firm-line"),
    # a question for a name, then its answer (after a speaker's tag)
    _case("Agent: What is the name on the card?\nCaller: Amber Tisserand", "Amber Tisserand", "name-on-card"),
    _case("What is your full name? Szonja Tot", "Szonja Tot", "full-name-question"),
    # a role spelt out as a title, in either case
    _case("Doctor Smith called re labs", "Smith", "doctor-title"),
    _case("Nurse Patel will call back after lunch", "Patel", "nurse-title"),
    _case("the note says doctor Nguyen wants a repeat panel", "Nguyen", "lower-case-doctor-title"),
    _case("Officer Diaz took the report", "Diaz", "officer-title"),
]


@pytest.mark.parametrize(("text", "value"), FOUND_WHOLE)
def test_a_name_in_a_sentence_is_found(text: str, value: str) -> None:
    found = names(text)
    assert any(value in f for f in found), found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Robin Rossi, Donna Mikulić and others attended", "Donna Mikulić"),
        ("Costa and Morales were close friends", "Costa"),
        ("GI Engineering Solutions Ltd's Robin Rossi, Donna Mikulić of Evadix", "Robin Rossi"),
    ],
)
def test_names_side_by_side_are_each_found(text: str, value: str) -> None:
    assert value in names(text), names(text)


def test_a_firm_before_a_possessive_is_not_part_of_the_name() -> None:
    assert names("Towerdata's Tara Nordström spoke first") == ["Tara Nordström"]


# The same shapes with no person in them: no name.
CLEAN = [
    "Shop Kelly Green Dresses this week",
    "Will Samsung Ship Early?",
    "Wendy's is hiring now",
    "Macy's is having a sale",
    "Sarah's Kitchen Supplies is open",
    "Burger King's new menu is here",
    "Microsoft Teams is the winner of our review",
    "Santa Clara is the host city",
    "Grant Thornton audited the accounts",
    "Rose Gold Watches From Acme Ltd. Are The Best",
    "Amber Won't Last Long",
    "Call Me Maybe is a song",
    "Summer Savings from Acme Inc. is the best deal",
    "Our Team from Acme Corp is the host",
    "Golden Goose from Italy is the brand",
    "My Iban Is Listed Below",
    "Want to save? Customer: Best Buy has deals",
    "Northwind\nPharmaceuticals Ltd",
    "Summer Sale\nAcme Corp",
    "Golden Harvest\nFamily Farms",
    "Is this the best deal? Summer Savings Start Now",
    # a role before an everyday word, or before a function word
    "Doctor Recommended formula, now 20% off",
    "Book a Nurse Practitioner visit online",
    "Talk to your Pharmacist Today about flu shots",
    "Doctor Who marathon this weekend",
]


def test_a_lower_case_first_name_before_a_function_word_is_the_first_name_alone() -> None:
    # `from`, `but`, `in` are Census surnames; the name is the first name, and what follows it
    # stays in a de-identified text
    assert names("i would like to remove my kid rafaela from the will") == ["rafaela"]
    assert names("I am scot but I live in Spain") == ["scot"]
    assert names("spoke with maria garcia today") == ["maria garcia"]


def test_the_speakers_tag_after_a_name_question_is_no_name() -> None:
    assert names("Bot: What's the name on the account? User: Savannah Beet") == ["Savannah Beet"]


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_shapes_with_no_person_are_no_name(text: str) -> None:
    assert names(text) == [], names(text)
