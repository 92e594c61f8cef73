"""Probe10 precision: a business's own details in marketing copy are no findings (branch pm).

Each class both ways: the copy about no one is clean; a look-alike about a person keeps its finding.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in detect_phi(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a street read as a name right after its house number, in a store's own copy
        "Visit our store at 2760 Harrison Pines, Amyfort 70750! Grand reopening Friday, June 14. "
        "Parking available on site. Customer service: 1-800-965-2517.",
        "Franchise opportunity: Brennan's Butchers is expanding to 40 new locations. Existing branches include "
        "29 Billy Lakes, Hunttown S6F 7TS and 968 Matthew Isle, Jennyshire 28218. Call +1 855 351-9322.",
        # a role mailbox `hello@` is no greeting
        "Now hiring! Chen & Morales Design is looking for baristas at our 657 Wright Flat, Rogersmouth SR6 4HN "
        "location. Apply in store or email hello@example.com. Competitive pay, staff discount 32%.",
        # a title that is the brand's (`Mrs. <Surname>'s Bakery`) and a shop's own move
        "Thank you for shopping with Mrs. Patterson's Bakery. Refer a friend with code SAVE48. Unsubscribe "
        "anytime. Mrs. Patterson's Bakery, 12 Harbor Road, Austin, TX 78701.",
        "Thank you for shopping with Grandpa Joe's Diner. Refer a friend with code SAVE48. Unsubscribe anytime. "
        "Grandpa Joe's Diner, Kitzmanngasse 55, 13617 Lobenstein.",
        "Brennan's Butchers NEWSLETTER\nJoin us on July 4th for tastings and live music. Our flagship store "
        "has moved to 12 Harbor Road, Austin, TX 78701. Opening hours: Mon-Sat 9am-6pm.",
        "Franchise opportunity: Grandpa Joe's Diner is expanding to 39 new locations. Existing branches include "
        "0722 Richard Circle, Port Jamestown 76024. Information evenings on March 3. Call 1-800-969-3135.",
        # a recall notice, a firm of two partners
        "Product recall notice: Whitaker & Doyle is voluntarily recalling kettle units with SKU 99886 sold "
        "before Saturday 9 May. Customers should call 0800 673-9615 for a full refund.",
        # a shop named after its founder with a trade word (`<Given> <Surname> Gelato`)
        "Lucia Rossi Gelato loyalty club: members get early access on the weekend of 20-21 April. Sign up in "
        "store. Helpline 0800 650-8711 (Mon-Fri).",
        # a product read as a name: a lower-case goods word ends it
        "PRESS RELEASE -- FOR IMMEDIATE RELEASE\nMarlowe Studio today announced the launch of its UrbanGlide "
        "e-scooter, priced from $347.49. Media enquiries: press@example.com",
        "PRESS RELEASE\nMarlowe Studio today announced the launch of its Lumen desk lamp, priced from A$57.99.",
        # a venue read as a name
        "Join O'Malley's Pub at booth 793 at the Old Mill Events Space (July 4th). We'll be giving away "
        "samples. Can't make it? Email info@example.com for a virtual tour.",
        # a named product range before its launch date (`collection on` is no specimen's cue)
        "Harper & Finch loyalty club: members get early access to the Evergreen tea collection on Nov. 28. "
        "Helpline +1 855 283-6003 (Mon-Fri).",
        # more trade words: a shop named after its founder in other trades and languages
        "Sofia Bianchi Pasticceria NEWSLETTER\nJoin us at Riverside Hall on Dec. 5 for tastings. Our bakery "
        "has moved to 12 Albert Road, Hove BN3 4AB. Opening hours: Tue-Sun 8am-4pm.",
        "Summer sale! Up to 50% off at all Harold Finch Outdoors stores from 6/14 to 6/30. Shop online.",
        # a word between the name and the company word, after the brand's title
        "Dr. Green's Smoothie Co. loyalty club: double stamps every Tuesday in March. Questions? "
        "hello@example.com or 0800 808 5500.",
        # a footer after `Offer valid until` / `Terms apply`
        "Offer valid until 31/12. Terms apply. Brennan's Butchers, Unit 4, 22 Olivia Way, Lake Sharon 77120. "
        "Tel 1300 555 210.",
    ],
)
def test_marketing_copy_is_clean(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a person in the copy stays a person
        (
            "Contact our customer Maria Lopez at 12 Main Street, Austin, TX 78701. Free delivery on all orders!",
            ("name", "Maria Lopez"),
        ),
        (
            "Our customer Maria Lopez loves the UrbanGlide e-scooter, priced from $347.49.",
            ("name", "Maria Lopez"),
        ),
        # a title before a person, no firm's name after it; someone's own move
        (
            "Our store is open daily. Mrs. Okafor moved to 14 Harbor Road, Austin, TX 78701 last week.",
            ("address", "14 Harbor Road, Austin, TX 78701"),
        ),
        # `Tom & <Surname>`: two people, not a firm
        (
            "Product recall notice: Tom & Doyle is voluntarily recalling kettle units. Customers should call "
            "0800 673-9615 for a full refund.",
            ("name", "Doyle"),
        ),
        # a greeting is still a greeting
        (
            "Hello Maria, your order ships from our store at 12 Main Street, Austin, TX 78701. 20% off today!",
            ("name", "Maria"),
        ),
        # a person's name before a capitalised word that is no company word
        (
            "Offer valid until 31/12. Terms apply. Call Harold Finch Tuesday at 0161 496 0000 about the order.",
            ("name", "Harold Finch"),
        ),
        # a specimen's collection date stays a date
        ("Jane Roe, MRN 448812. Specimen collection on Nov. 28.", ("date", "Nov. 28")),
    ],
)
def test_person_in_copy_is_kept(text: str, kept: tuple[str, str]) -> None:
    assert kept in _found(text)


def test_case_said_de_identified_after_its_noun() -> None:
    text = (
        "Case description (de-identified): A patient in their sixties presented with fever and cough. "
        "The patient was treated with oral antibiotics and recovered fully."
    )
    assert _found(text) == []
    # an identifier still in it keeps the health information beside it
    assert ("name", "Jane Roe") in _found(
        "Case description (de-identified): Jane Roe was treated with oral antibiotics and recovered fully."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ring 0800 761 5016 today.",
        "Phone (0800) 123 4567 for a brochure.",
        "Bookings: 1300 699 530 or 1800 555 019. Overseas: +44 800 123 4567.",
    ],
)
def test_freephone_numbers_of_other_countries(text: str) -> None:
    assert [c for c, _ in _found(text)] == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Emergency contact: Tracy Davila (daughter) 180-016-5678", ("phone", "180-016-5678")),
        ("Hi, this is Toby. Call me back at 0808 1570923, thanks!", ("phone", "0808 1570923")),
    ],
)
def test_freephone_look_alikes_stay(text: str, kept: tuple[str, str]) -> None:
    assert kept in _found(text)


def test_footer_cells_after_a_firm() -> None:
    assert _found("Harper & Finch Ltd \u00b7 12 Kevin Road \u00b7 Leeds LS2 7AB \u00b7 0800 055 6000") == []
    # a person's cells keep the address
    found = _found("Jane Roe | 12 Kevin Road | Leeds LS2 7AB | 07700 900123")
    assert ("address", "12 Kevin Road") in found
    found = _found("Patient: Jane Roe \u00b7 Acme Ltd \u00b7 12 Kevin Road \u00b7 Leeds LS2 7AB")
    assert ("address", "12 Kevin Road") in found


def test_prize_draw_copy() -> None:
    text = (
        "Win a weekend for two! Enter by Nov. 30 at www.example.com. Winner announced Dec. 5. "
        "Ritchie & Blake Travel, 101 Paul Gardens, Jackson 39201."
    )
    assert _found(text) == []
