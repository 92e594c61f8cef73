"""Marketing copy's house-titled shops, venues, role mailboxes and numbers to call (issue 12, probe9b).

Classes (each made-up copy that must stay clean, and the nearest text about a person that must
still be found):
- a shop named for a house-titled person (`Papa <Name>'s`, `Se\u00f1or <Name>'s`, `Oma <Name>'s`) in
  trade copy with no personal cue;
- a venue: `<Name> Hall` (a venue word that is a surname too) after `the` or a preposition of
  place in trade or event copy; a venue word of another language opening a name (`Fiera <City>`);
- a surname alone as a brand in trade copy (a greeting to no one in particular, `Dear friends`, is
  no personal cue), `Mr <Surname>` as a brand, and a media word ending a brand (`<Brand> Newsletter`);
- a business's own address and number after `visit us` / `call us` in other languages;
- a business's own contact details with a role mailbox (`bonjour@`, `orders@`) and a brand's name;
- a nine-digit number after a cue to call or book is a phone number, not a national id.
"""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, findings


@pytest.mark.parametrize(
    "text",
    [
        # a house-titled shop
        "Nonno Carlo's is back! Fresh gnocchi every Thursday, 15% off with code GNOCCHI15.",
        "Craving empanadas? Order from Se\u00f1ora Lupe's tonight and get free delivery.",
        "Opa Dieter's pretzels are back in stock. Order online today.",
        "Tia Carmen's opens its doors this Saturday with live music and a new menu.",
        # a venue
        "Join us at the Douglas Hall on 14 March 2027 for our spring showcase.",
        "Old Forester presents a tasting night at Vernon Hall. Tickets \u00a315, doors 7pm.",
        "Bourbon and blues: Old Forester presents a night of tasting at Dunmore Hall on 8 May 2027.",
        "Find our new range at Fiera Bologna, 12-15 October 2026, stand B14.",
        "We'll be at Feria Sevilla from 2 to 5 February 2027 with the whole collection.",
        # a surname alone as a brand, a media word ending a brand
        "Pemberton is giving away 50 scarves this week, shop now!",
        "Welcome to the Pemberton Bulletin! New arrivals, shop now.",
        "Dear friends, Pemberton is giving away 50 scarves this week \u2014 shop now!",
        "Hi everyone! Pemberton has new scarves in store, 20% off.",
        "Mrs Pennywhistle's shortbread tins are back \u2014 3 for \u00a310 this week.",
        "New from Mr Featherstonehaugh: lemon drizzle slices. Shop now.",
        "You're invited: Old Forester at the Vernon Hall, 8 May 2027.",
        "Bourbon fair \u2014 Vernon Hall \u2014 8 May 2027",
        "\U0001f4cd Vernon Hall, Leeds \U0001f4c5 8 May 2027 \u00b7 bourbon tasting",
        # `visit us` and `call us` in other languages
        "Vieni a trovarci in Corso Vittorio 18, 10121 Torino! Chiamaci al 347 112 2345.",
        "Besuchen Sie uns in der Hauptstra\u00dfe 5, 10115 Berlin. Tel. 030 1234567.",
        # Italian's plural article `I` is no first person; bookings and orders in other languages
        "I nostri orari: lun-sab 9-19. Vieni in Corso Cavour 92, 10121 Torino, tel. 367 213 2814.",
        "Siamo in Corso Cavour 92, 10121 Torino. Per prenotazioni: 367 213 2814.",
        "Encomendas: 253 438 761 \u00b7 Avenida da Liberdade, 5, 1250-096 Lisboa",
        # a business's own contact details with a role mailbox and a brand's name
        "Reserve your table at Papa Enzo's: +44 20 7946 0321 or ciao@trattoriaenzo.co.uk",
        "Fresh croissants daily at our bakery! bonjour@maisonlune.fr \u00b7 01910 278858 \u00b7 54 Ashgrove Road, Brighton",
        "Visit our store, 14 Calle Mayor, 28013 Madrid. Orders: orders@lunaverde.es, open daily 10-8.",
        # a number to call or book
        "Call us on 913 456 703 to book your table.",
        "Ll\u00e1manos al 913 456 703 para reservar tu mesa.",
    ],
)
def test_house_brands_venues_and_the_firms_contacts_are_no_ones(text: str) -> None:
    assert not findings(text), findings(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a house-titled possessive in a personal text (no trade) or with a personal cue
        ("We spent Sunday at Nonno Carlo's house, he cooked for everyone.", "Carlo"),
        ("Dinner at Tante Rosa's on Sunday: she made her famous strudel.", "Rosa"),
        ("Nonno Carlo's is back from hospital after his stroke, send him cards at our shop.", "Carlo"),
        # a hall that is a person's name
        ("Douglas Hall called me yesterday about the invoice.", "Douglas Hall"),
        ("Join me at Douglas Hall's place on 14 March 2027 for the showcase.", "Douglas Hall"),
        ("Patient Douglas Hall was admitted on 3 March 2027.", "Douglas Hall"),
        ("Hi, Douglas Hall here: tickets for the gala are on me.", "Douglas Hall"),
        # a surname alone beside a person's identifier, or in a personal message
        ("Pemberton called me about the sale, his number is 07700 900461.", "Pemberton"),
        ("Pemberton has 20% off the sale for me.", "Pemberton"),
        # a greeting to someone, a title before a surname in a personal message
        ("Hi Pemberton, your scarves ship today, 20% off next time.", "Pemberton"),
        ("Dear Mrs Pennywhistle, your shortbread order ships today, 3 for \u00a310.", "Pennywhistle"),
        ("Mrs Pennywhistle called me about the sale; her number is 07700 900461.", "Pennywhistle"),
        ("Dear Mario Rossi, vieni a trovarci in Corso Vittorio 18, 10121 Torino!", "Corso Vittorio 18"),
        (
            "I moved to Via Roma 5, 50123 Firenze, prenotazioni for dinner at 8pm, call 367 213 2814.",
            "Via Roma 5",
        ),
        # a role mailbox beside a person's name in a message is kept with the name
        (
            "Dear Maria Okonkwo, your order ships to 14 Calle Mayor, 28013 Madrid. orders@lunaverde.es",
            "14 Calle Mayor",
        ),
        # a person's mailbox is no role's
        (
            "Visit our store, 14 Calle Mayor, 28013 Madrid, open daily. Contact: m.okonkwo@lunaverde.es",
            "m.okonkwo@lunaverde.es",
        ),
        # a number to call that is a person's, and a labelled national id
        ("Call me on 913 456 703 tonight.", "913 456 703"),
        ("My SIN is 046 454 286, please update my file.", "046 454 286"),
    ],
)
def test_the_same_shapes_about_a_person_are_found(text: str, value: str) -> None:
    assert covered(text, value), findings(text)
