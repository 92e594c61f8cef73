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
        # a name before a trade word, with a shop's honorific or a relative's word before it
        "Sir Pembroke Teas is now 15% off with code STEEP15. #TeaTime",
        "Aunt Delia's Bakery and Sir Okafor Teas are this year's sponsors of the Riverbend 10K on Oct. 4, 2026.",
        "Uncle Bert's Coffee now ships nationwide. Use code BREW10 for 10% off.",
        "Sir Dana Teas gift tins are back - order by 12/10 for holiday delivery.",
        "Thanks to Whitcombe & Sons and Hartley Brewing for pouring at the Harvest Fair on 9/21.",
        "Caldwell Motors and Brannigan Outfitters present the Spring Trail Ride, May 9, 2026.",
        "Introducing the TrailMix 5 from Chef Amara's Kitchen - now just $24.99!",
        # an honorific and an everyday word: a drink's or a product's brand
        "Dr. Tangy is the lemon soda our regulars keep asking for. Grab a six-pack today.",
        "The Lakeside Fun Run on June 7 is sponsored by Mr. Crunch and Dr. Tangy.",
        "Two for one on Dr. Brisk iced tea until 7/4, only at participating stores.",
        "Stock up on Dr. Brisk gummies: 30% off this week for members.",
        "Introducing the CloudStep sneaker from Dr. Brisk, $79 at launch. #NewArrivals",
        # a business coming to a town, a store named after its town
        "Whitcombe & Sons is coming to Port Ellery! Doors open 11/2 with a ribbon cutting at noon.",
        "Caldwell Motors is coming to Fort Wren! Test drives on Saturday, May 9.",
        "Ostrander & Sons pours its new stout at our Port Halsey taproom all weekend.",
        # a store's address after `our <words> store at`, a street type no list knows
        "Come by our new flagship store at 58 Orchard Light Apt. 3, Brennerton, WI 53012 for the opening.",
        "Browse our redesigned downtown store at 16 Kessler Burg Suite 2, East Marlow, WA 98001 from Monday.",
        "Shop our brand new outlet store at 318 Maple Bypass, Cedar Falls, IA 50613 this Saturday.",
        # a race's distance then the event's date: no street, city and postcode
        "Sign up for the Harbor 5K, May 3, 2026! Every finisher gets a medal.",
        "Join us for the Riverbend 10K, Oct. 4, 2026.",
    ],
)
def test_marketing_brands_venues_and_store_addresses_are_no_ones(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a person beside a brand of the same shape: the text is about someone, nothing is dropped
        (
            "Aunt Greta's Bakery sponsored the fair. Patient Greta Olsen, DOB 03/14/1951, was seen.",
            "Greta Olsen",
        ),
        ("Sir Okafor Teas sponsored the fair. Patient: Ada Okafor, MRN 4471823.", "Ada Okafor"),
        # a relative's business written in lower case is a person's
        ("My aunt Greta's bakery closed after her stroke last spring.", "Greta"),
        ("My uncle Bert Kowalski's coffee habit worries me; he is 67 and has afib.", "Bert Kowalski"),
        # a title before a surname that is also a word, with no goods or sponsors around it: a person
        ("Dr. Brisk saw the patient on 4/5/2024 for chest pain.", "Brisk"),
        ("Dr. Brisk will see you at your follow-up next week.", "Brisk"),
        ("Mrs. Honey was admitted with pneumonia on 2/2/2024.", "Honey"),
        # an honorific brand's word beside a record number: the text is a record, kept
        ("Seen by Dr. Tangy today. MRN 4471823. Discharged home.", "Tangy"),
        # a trade word that is a surname after a title and a first name: a person
        ("Dr. Mary Coffee joins the practice this fall.", "Mary Coffee"),
        # someone coming to a person's home: the run opens with a common first name
        ("Grandma is coming to Mary Whitfield's house on Sunday.", "Mary Whitfield"),
        # a person's address after `our patient at`, and after `lives at`
        ("Send the records to our patient at 58 Orchard Light Apt. 3, Brennerton, WI 53012.", "Brennerton"),
        ("Patient John Meyers lives at 220 Canal Street, Dayton, OH 45402.", "220 Canal Street"),
        # a street, a city and a postcode beside a date are still an address
        (
            "Ship the walker to 12 Harbor Rd, Mystic, CT 06355 by May 3, 2026.",
            "12 Harbor Rd, Mystic, CT 06355",
        ),
        ("Forward to Jonas Berg, Elm Court 5, Dover, 19901, by June 2, 2026.", "Elm Court 5"),
    ],
)
def test_the_same_shapes_about_a_person_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
