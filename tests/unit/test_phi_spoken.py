"""Identifiers said in words, as call and dictation transcripts write them (`_phi_spoken`)."""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers, touched


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a phone number read digit by digit after a phone cue, in the turn before or the same one
        (
            "Rep: What number can we reach you at?\nMember: sure, three one two, eight oh six, four four one nine",
            "three one two, eight oh six, four four one nine",
        ),
        ("You can text me on seven oh two double five three one eight eight six.", "seven oh two double"),
        ("Leave a message at my cell, nine one seven - two two two - triple eight one", "nine one seven"),
        # long enough to be an identifier by itself (no cue)
        (
            "Okay go ahead.\nPatient: six one four, seven seven, two nine oh three",
            "six one four, seven seven",
        ),
        ("uh it's eight eight two oh one four seven seven three five two", "eight eight two oh one four"),
        # an SSN, a card, a member id, a prescription number after their cues
        ("Agent: And the last four of your social?\nCaller: nine two oh six", "nine two oh six"),
        (
            "the card is four one one one, two two two two, three three three three, four four four four",
            "four one one one",
        ),
        (
            "Nurse: Do you have your member ID handy?\nMom: yes it's five oh oh seven one two nine",
            "five oh oh seven",
        ),
        ("I'm calling for a refill, the Rx is two nine nine one four seven", "two nine nine one four seven"),
        ("my zip is four eight one oh nine", "four eight one oh nine"),
    ],
)
def test_digit_words(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Caller: sure, it's k dot brennan at gmail dot com", "k dot brennan at gmail dot com"),
        ("send it to lucy_ng88 at yahoo dot com please", "lucy_ng88 at yahoo dot com"),
        ("Agent: best email?\nCaller: drmoss at mossfamily dot net", "drmoss at mossfamily dot net"),
    ],
)
def test_spoken_emails(text: str, value: str) -> None:
    assert touched(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agent: Date of birth?\nCaller: nine three nineteen eighty-one", "nine three nineteen eighty-one"),
        ("Patient: Ruth Ames, born four twenty-two nineteen thirty", "four twenty-two nineteen thirty"),
        ("My appointment was six one two thousand nine.", "six one two thousand nine"),
        ("Can you confirm the DOB? ten thirty-one twenty oh five", "ten thirty-one twenty oh five"),
    ],
)
def test_number_dates(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Agent: Could you spell the last name?\nCaller: yes, K-O-W-A-L-S-K-I", "K-O-W-A-L-S-K-I"),
        ("Rep: first name?\nCaller: d a n i e l", "d a n i e l"),
        ("Agent: Spell that for me?\nCaller: P as in Paul, R, I, T, T", "P as in Paul, R, I, T, T"),
        ("my surname is spelled O N E I L L", "O N E I L L"),
        ("Agent: And the last name?\nCaller: it's T as in Tom, U", "T as in Tom, U"),
    ],
)
def test_spelled_names(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Caller: hi, my name's rebecca, calling about my dad", "rebecca"),
        ("ok that worked. this is anthony by the way", "anthony"),
        ("I'm calling about my mother, she's ninety-four and can't walk", "ninety-four"),
        ("he turned a hundred and two last week", "a hundred and two"),
    ],
)
def test_lower_case_names_and_ages_in_words(text: str, value: str) -> None:
    assert covered(text, value)


_CALL = "Agent: Thanks for calling.\nCaller: Hi there.\nAgent: How can I help?\n"


@pytest.mark.parametrize(
    ("turn", "value"),
    [
        ("Agent: No problem, Stan. One moment.", "Stan"),
        ("Rep: Okay, Frank, your order ships today.", "Frank"),
        ("Nurse: Sorry, Rose, the doctor is running late.", "Rose"),
        ("Rep: And the name on the policy?\nCaller: lena ortiz", "lena ortiz"),
        ("Agent: the patient's full name?\nCaller: uh, omar haddad.\nAgent: thank you.", "omar haddad"),
    ],
)
def test_first_name_answered_in_a_call(turn: str, value: str) -> None:
    assert covered(_CALL + turn, value)


@pytest.mark.parametrize(
    "turn",
    [
        "Agent: Okay, May is our busiest month.",
        "Agent: No problem, great question.",
        "Agent: Okay, Monday works.",
        "Caller: ok, will do.",
        "Agent: And the name of the pharmacy?\nCaller: corner drug store",
        "Agent: your name?\nCaller: not sure why you need it",
    ],
)
def test_answers_without_a_name_stay_clean(turn: str) -> None:
    assert identifiers(_CALL + turn) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Five tips for a better night's sleep, plus one two-minute stretch.",
        "Take one to two tablets every four to six hours.",
        "Count it out loud: one, two, three, four, five, six, seven, eight, nine, ten.",
        "Ready? Three, two, one, go!",
        "Symptoms usually last twenty-four to forty-eight hours.",
        "Do three sets of ten, two or three times a week.",
        "Press one for billing, two for appointments, or zero for the operator.",
        "Oh, oh, oh! I forgot the number one rule.",
        "Meet me at the cafe, we can look at the dot matrix printer there.",
        "We are open nine to five, seven days a week, since nineteen ninety-two.",
        "Grab two for one deals at nine stores this weekend.",
        "this is great, thanks so much",
        "it's june already, can you believe it",
        "He's ninety percent sure the results are fine.",
        "Our name is spelled with a capital A and B.",
        "We raised three, five two thousand dollars at a time.",
        "Name the vitamins: A, B, C and D.",
    ],
)
def test_counting_in_words_stays_clean(text: str) -> None:
    assert identifiers(text) == set()
