"""International PII sentences: Faker names, addresses, phones, emails and dates in many locales.

Two template lists: "dev" for tuning, "test" written apart, with other phrasings.
Addresses are Faker's whole postal address of the locale, on one line.
"""

from __future__ import annotations

import random

from faker import Faker

from .doc import Doc

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "pl_PL", "en_IN"]
TEMPLATES = {
    "dev": [
        "My name is {name} and I live at {address}.",
        "Please ship the order to {name}, {address}.",
        "You can reach {name} on {phone} or at {email}.",
        "{name} was born on {dob} in {city}.",
        "Contact person: {name}, phone {phone}.",
        "The account holder {name} moved to {city} last year.",
        "Send the invoice to {email}; the customer is {name}.",
        "Customer {name} (DOB {dob}) called from {phone}.",
    ],
    "test": [
        "Hi, this is {name}. Call me back at {phone}, thanks!",
        "Delivery address: {address}",
        "{name} ({email}) signed up for the trial yesterday.",
        "Our new member {name} lives in {city} and was born {dob}.",
        "Emergency contact for the trip: {name}, {phone}",
        "Forwarding the form filled in by {name}, home address {address}.",
        "I spoke to {name} this morning; her mobile is {phone}.",
        "Birthday on file for {name}: {dob}.",
    ],
}


def generate(n: int, seed: int, split: str) -> list[Doc]:
    rng = random.Random(seed)
    fakers = {loc: Faker(loc) for loc in LOCALES}
    for i, f in enumerate(fakers.values()):
        f.seed_instance(seed + i)
    docs = []
    for i in range(n):
        fake = fakers[LOCALES[i % len(LOCALES)]]
        template = rng.choice(TEMPLATES[split])
        dob = fake.date_of_birth(minimum_age=18, maximum_age=88)
        dob_text = rng.choice(
            [
                dob.strftime("%d/%m/%Y"),
                dob.strftime("%Y-%m-%d"),
                dob.strftime("%B %d, %Y"),
                dob.strftime("%d.%m.%Y"),
            ]
        )
        values = {
            "name": (fake.name(), "name"),
            "address": (fake.address().replace("\n", ", "), "address"),
            "phone": (fake.phone_number(), "phone"),
            "email": (fake.email(), "email"),
            "dob": (dob_text, "date"),
            "city": (fake.city(), "address"),
        }
        docs.append(Doc().fill(template, values))
    return docs
