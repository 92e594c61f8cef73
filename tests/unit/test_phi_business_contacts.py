"""A business's own contact details in copy about no person, by class (issue 12, branch `ph`).

An address, a phone number or a firm's name in a text whose words are trade copy (opening
hours, prices, reservations, a store locator, a venue ...) and that names and points at
nobody is the business's; any personal cue (a name, a recipient label, a first person, a
relative, a private home, a patient) keeps it found.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in detect_phi(text)]


def _covered(text: str, value: str) -> bool:
    i = text.index(value)
    return any(f.start < i + len(value) and f.end > i for f in detect_phi(text))


@pytest.mark.parametrize(
    "text",
    [
        "Store locator: Fenwick Outdoor — 88 Harbor Blvd, Portland, OR 97205. Open Mon\u2013Sat 10\u20137. Call (503) 555-0142.",
        "Find a store near you\n1520 Elm Street, Austin, TX 78701\nHours: 9am\u20139pm daily\nPhone: 415.555.0100",
        "You're invited! Join us for our autumn wine tasting.\nWhere: 19 Kings Road, Denver, CO 80202\n"
        "When: Friday 6\u20139 pm\nRSVP: (512) 555-0177",
        "Pick-up point: 950 Lakeshore Drive, Madison, WI 53703 (loading dock). Orders ready after 2 pm. "
        "Questions? (503) 555-0142",
        "Showroom hours & address\nMon\u2013Fri 10:00\u201318:00\n233 W. 14th Street\nMadison, WI 53703\nTel. 415.555.0100",
        "Reservations: 415.555.0100 · 400 Oak Ave, Denver, CO 80202 · Tue\u2013Sun from 5 pm",
        "Downtown — 1520 Elm Street | Uptown — 233 W. 14th Street | Airport — Terminal B, Gate 12",
        "Menu prices include tax. Corvo Trattoria · 19 Kings Road · Columbus, OH 43215 · 415.555.0100",
        "OPEN HOUSE Sunday 1\u20134 pm! 41 Bridge Road, Columbus, OH 43215. 3 bed / 2 bath, $489,000.",
        "Free flu shots at our pharmacy! 7 Market Square, Madison, WI 53703. No appointment needed. "
        "Info: 415.555.0100.",
        "Locations:\n• 41 Bridge Road, Columbus, OH 43215\n• 7 Market Square\nCall ahead: (503) 555-0142",
        "The Miller Bros. workshop is held at our studio, 1520 Elm Street, Austin, TX 78701. Tickets $35. "
        "Call (512) 555-0177 to reserve a spot.",
        "Come work out with us — first class free. Harlan Pruitt Fitness, 41 Bridge Road. "
        "Sign up at the front desk or call (303) 555-0188.",
        "Vieni a trovarci: Corso Buenos Aires 33, 20124 Milano. Aperto tutti i giorni. Tel. 02 2040 1234",
        "Service center: 5150 Industrial Pkwy, Hayward, CA 94545 \u00b7 Mon-Fri 7-4 \u00b7 510-555-0191",
        "Nuestra tienda — Calle Mayor 8, 28013 Madrid — +34 91 123 45 67",
        "Il nostro negozio: Via Roma 22, 20121 Milano. Tel. 02 1234 5678. Orari 10\u201319.",
    ],
)
def test_a_businesss_own_contact_details_in_copy_about_no_one_are_not_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a recipient label, a first person, a relative, a private home, a patient: the person's
        (
            "Order confirmation #4471\nShip to: Maria Gonzalez, 88 Harbor Blvd, Austin, TX 78701\n"
            "Thanks for shopping with us! Free delivery on your next order.",
            "88 Harbor Blvd",
        ),
        (
            "Delivery address: Studio 3, 41 Bridge Road, Madison, WI 53703. Store hours 9\u20135.",
            "41 Bridge Road",
        ),
        (
            "Come celebrate at my place, 7 Market Square, Denver, CO 80202! Tickets not needed, "
            "free parking. Text me at (303) 555-0188.",
            "7 Market Square",
        ),
        (
            "We're having a BBQ at our home, 233 W. 14th Street — free food, happy hour from 4! "
            "Call on (503) 555-0142 if you get lost.",
            "233 W. 14th Street",
        ),
        (
            "Hi Linda, your pharmacy order is ready for pick-up. We have your number as (512) 555-0177.",
            "(512) 555-0177",
        ),
        (
            "Reminder: your appointment at our clinic. Patient phone on file: (415) 555-0166. Hours 9\u20135.",
            "(415) 555-0166",
        ),
        ("Aisha Khan, Realtor | cell (512) 555-0177 | open house Sunday 1\u20134 pm", "(512) 555-0177"),
        (
            "My mom lives at 19 Kings Road, Madison, WI 53703 near the mall; the store hours changed.",
            "19 Kings Road",
        ),
        ("Let's meet at Café Rouge, 18 Rue Lepic, Paris", "18 Rue Lepic"),
        ("The restaurant is at 01192 Tiigi 34", "01192 Tiigi"),
    ],
)
def test_a_persons_contact_details_beside_trade_words_are_still_found(text: str, value: str) -> None:
    assert _covered(text, value), _found(text)


def test_a_person_named_in_trade_copy_keeps_its_address() -> None:
    text = "Thanks for your purchase, Dana Whitfield! Store hours 9\u20139. Your receipt: 88 Harbor Blvd."
    assert ("name", "Dana Whitfield") in _found(text)
