"""Marketing copy's brands, venues and store addresses, which name no one (issue 12, precision).

Brands that look like people (`Sir <Surname> Teas`, `Aunt <Name>'s Bakery`, `<Surname> & Sons`,
`Dr. <Word>` drinks), the town a business is coming to, the room of a store named after its
town, and a store's address after `our <words> store at`. With the brand gone, the sale's
or the event's date in the same copy is about no one either (a weak date counts only in a text
about a person). Each class: made-up copy that must stay clean, and made-up text where the
same shape belongs to a person and must still be found.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, findings


@pytest.mark.parametrize(
    "text",
    [
        # a business coming to a town, a store named after its town
        "Whitcombe & Sons is coming to Port Ellery! Doors open 11/2 with a ribbon cutting at noon.",
        "Caldwell Motors is coming to Fort Wren! Test drives on Saturday, May 9.",
        "Ostrander & Sons pours its new stout at our Port Halsey taproom all weekend.",
        # a store's address after `our <words> store at`, a street type no list knows
        "Come by our new flagship store at 58 Orchard Light Apt. 3, Brennerton, WI 53012 for the opening.",
        "Browse our redesigned downtown store at 16 Kessler Burg Suite 2, East Marlow, WA 98001 from Monday.",
        "Shop our brand new outlet store at 318 Maple Bypass, Cedar Falls, IA 50613 this Saturday.",
    ],
)
def test_marketing_brands_venues_and_store_addresses_are_no_ones(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # someone coming to a person's home: the run opens with a common first name
        ("Grandma is coming to Mary Whitfield's house on Sunday.", "Mary Whitfield"),
        # a person's address after `our patient at`, and after `lives at`
        ("Send the records to our patient at 58 Orchard Light Apt. 3, Brennerton, WI 53012.", "Brennerton"),
        ("Patient John Meyers lives at 220 Canal Street, Dayton, OH 45402.", "220 Canal Street"),
    ],
)
def test_the_same_shapes_about_a_person_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
