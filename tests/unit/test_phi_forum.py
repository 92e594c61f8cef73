"""Identifiers in forum posts, chats and text messages: lower case, nicknames, handles (`_phi_forum`)."""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a user's handle: thanked, greeted, opening a reply in a first-person post, before a verb of saying
        ("finally off the waitlist for my hip!! ty @marisol_k for the clinic tip", "@marisol_k"),
        ("hey @dkline04 how long did ur recovery take after the ablation?", "@dkline04"),
        ("@bex.runs me too, my a1c went up after the holidays", "@bex.runs"),
        ("like @toddp55 said, my rheumatologist switched me to humira", "@toddp55"),
        # a poster naming themself before `here`, a name told, a text's sender
        ("marisol here - my mammogram came back clear", "marisol"),
        ("Hi all, Teodor here, new to the group, my dad has copd", "Teodor"),
        ("the new nurse is lovely, his name is anselm and he knows my gran's meds", "anselm"),
        ("my granddaughter's name is zoe and she just got her cast off", "zoe"),
        ("we have a daughter named Priya, she has type 1", "Priya"),
        ("msg from kenji: running late, the infusion center is backed up", "kenji"),
        ("Text from Rosalind: pick up my refill pls", "Rosalind"),
        # a first name's possessive standing for a thing named before
        ("did ur daughter have the echo yet? marisol's was on monday", "marisol"),
        # someone greeted or thanked at a line's start, lower case
        ("hi marisol, hope ur scan went ok", "marisol"),
        ("thanks teodor! my biopsy was clear", "teodor"),
    ],
)
def test_forum_names(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        # brands' handles, group handles, e-mail addresses are no users
        "Follow us @brightsmile for weekly tips on gum health",
        "New flavours drop Friday, tag @acmecoffee in your photos!",
        "@everyone the clinic newsletter is out, read about flu season",
        # everyday words after the cues, relatives and forum self-descriptions
        "same here - my doctor said the same thing about statins",
        "newbie here, what does a1c even mean?",
        "Hi there, we are open late on Thursdays for flu shots.",
        "hi all, what time does the pharmacy open?",
        "thanks again, the webinar on diabetes was great",
        "Text from Acme: your order has shipped",
        # a disease named after a person
        "Addison's is rare; my doctor said it is treatable",
    ],
)
def test_forum_names_not_flagged(text: str) -> None:
    assert not any(cat == "name" for cat, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a town tied to the writer (lower case too)
        ("i live in fairhope and my son has asthma, any allergists around?", "fairhope"),
        ("I moved to Shoreview last year and need a new endo", "Shoreview"),
        ("anyone from east dunmore?? my mom needs a ride to dialysis", "east dunmore"),
        ("is there a good cardiologist near Harlow Bay? my dad had a heart attack", "Harlow Bay"),
    ],
)
def test_forum_places(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "I am from Portugal and I live in Finland.",
        "We moved to our new location on the corner, come visit!",
        "Find a dentist near Austin with our online tool.",
        "i live in hope that the new season is better",
    ],
)
def test_forum_places_not_flagged(text: str) -> None:
    assert not any(cat == "address" for cat, _ in identifiers(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # dates of someone's event in forum style
        ("my appt got moved to 6-12, so nervous", "6-12"),
        ("my surgery is on 14.10. and im scared", "14.10."),
        ("went to urgent care on 9-2 bc my daughter lina had croup, my name is Wendell", "9-2"),
        ("i was diagnosed in october and started metformin, my name is Wendell", "october"),
        # a phone written with slashes after a phone cue
        ("text me 312/555/0199 if u want to talk about ivf", "312/555/0199"),
    ],
)
def test_forum_dates_phones(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "Take 2-3 tablets on 3-4 days a week as directed.",
        "Release notes for version 5.3. are online.",
        "Scores were 212/345/1200 across the three arms.",
        "The new store opens in June in Denver.",
    ],
)
def test_forum_dates_not_flagged(text: str) -> None:
    assert identifiers(text) == set()
