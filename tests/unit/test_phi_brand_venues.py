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
    ],
)
def test_marketing_brands_venues_and_store_addresses_are_no_ones(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # someone coming to a person's home: the run opens with a common first name
        ("Grandma is coming to Mary Whitfield's house on Sunday.", "Mary Whitfield"),
    ],
)
def test_the_same_shapes_about_a_person_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
