"""Clinical generator B: progress notes, SOAP lines and messages (the test set).

Written apart from generator A: other sections, narrative phrasing, dates in words and
day-month order, nicknames, hyphenated and non-Anglo names (Faker en_GB, es_ES, de_DE,
it_IT, pl_PL), seven-digit phones, dotted SSNs, glued MRNs, photo and biometric files.
"""

from __future__ import annotations

import random

from faker import Faker

from .doc import Doc

ORD = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "fifteenth",
    "twentieth",
    "twenty-first",
    "thirtieth",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PROBLEMS = [
    "migraine",
    "asthma exacerbation",
    "low back pain",
    "GERD",
    "major depressive disorder",
    "hypothyroidism",
    "gout flare",
    "UTI",
]
DRUGS = [
    "sumatriptan",
    "albuterol",
    "omeprazole",
    "sertraline",
    "levothyroxine",
    "colchicine",
    "nitrofurantoin",
    "prednisone",
]


def _year_words(y: int) -> str:
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    t, u = (y % 100) // 10, y % 10
    rest = tens[t] + (f"-{units[u]}" if u else "") if t >= 2 else str(y % 100)
    return f"nineteen {rest}"


def generate(n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    fake = Faker(["en_US", "en_GB", "es_ES", "de_DE", "it_IT", "pl_PL"])
    fake.seed_instance(seed)
    docs = []
    for _ in range(n):
        first, last = fake.first_name(), fake.last_name()
        if rng.random() < 0.2:
            last = f"{last}-{fake.last_name()}"
        y, m, dd = rng.randint(1935, 1999), rng.randint(1, 12), rng.randint(1, 28)
        d = Doc()
        kind = rng.randrange(7)
        if kind == 0:
            d.add("PROGRESS NOTE - ").add(f"{dd} {MONTHS[m - 1]} {rng.randint(2060, 2099)}", "date").add("\n")
            d.add("S: Ms. ").add(last, "name").add(
                f" returns for f/u of {rng.choice(PROBLEMS)}, better on {rng.choice(DRUGS)}.\n"
            )
            d.add(f"O: afebrile, BP {rng.randint(100, 150)}/{rng.randint(60, 90)}.\n")
        elif kind == 1:
            nick = fake.first_name()
            d.add(f'{first} "{nick}" {last}', "name").add(" was born on the ").add(
                f"{ORD[rng.randrange(len(ORD))]} of {MONTHS[m - 1]}, {_year_words(y)}", "date"
            ).add(f"; hx of {rng.choice(PROBLEMS)}.")
        elif kind == 2:
            d.add("Signed: ").add(f"{fake.first_name()} {fake.last_name()}", "name").add(", NP  ").add(
                f"{dd}.{m:02d}.{rng.randint(2060, 2099)}", "date"
            )
            d.add("\ncc: ").add(f"{fake.first_name()} {fake.last_name()}", "name").add(" (PCP)")
        elif kind == 3:
            d.add("Pt phone ").add(f"{rng.randint(200, 999)} {rng.randint(1000, 9999)}", "phone").add(
                " / cell "
            )
            d.add(fake.numerify("###.###.####"), "phone").add("; email ").add(fake.free_email(), "email")
            d.add("\nSSN ").add(
                f"{rng.randint(100, 665)}.{rng.randint(10, 99)}.{rng.randint(1000, 9999)}", "ssn"
            ).add("; chart")
            d.add(f"MRN{rng.randint(10**7, 10**8 - 1)}", "medical_record_number").add(" reviewed")
        elif kind == 4:
            d.add(f"{first.lower()} {last.lower().split('-')[0]}", "name").add(
                f" called re {rng.choice(DRUGS)} refill, lives in "
            )
            d.add(fake.city(), "address").add(". Seen ").add(
                f"{MONTHS[m - 1]} {ORD[rng.randrange(10)]}", "date"
            ).add(".")
        elif kind == 5:
            d.add("Photo ID on file: ").add(f"face_{rng.randint(1, 9999):04d}.jpg", "full_face_photo").add(
                "; fingerprint template "
            )
            d.add(f"FT-{rng.randint(10000, 99999)}", "biometric_identifier").add(" enrolled ").add(
                f"{m}/{dd}/{y % 100:02d}", "date"
            ).add(".")
        else:
            d.add("Seen at clinic on ").add(f"{m:02d}/{dd:02d}/{rng.randint(60, 99)}", "date").add(" by Dr ")
            d.add(f"{fake.first_name()} {rng.choice('ABCDEFGH')}. {fake.last_name()}", "name").add(". Home: ")
            d.add(fake.street_address(), "address").add(".")
        docs.append(d)
    return docs
