"""Clinical generator A: discharge-summary fragments with labelled headers (the dev set).

Written separately from generator B (clinical_b.py): different sections, phrasings, value
formats and name sources, so that tuning on A says little about B.
"""

from __future__ import annotations

import random

from faker import Faker

from .doc import Doc

CONDITIONS = [
    "type 2 diabetes",
    "CHF",
    "COPD",
    "hypertension",
    "atrial fibrillation",
    "CKD stage 3",
    "pneumonia",
    "cellulitis",
]
MEDS = [
    "metformin 500 mg PO BID",
    "lisinopril 10 mg daily",
    "furosemide 40 mg daily",
    "atorvastatin 40 mg qhs",
    "apixaban 5 mg BID",
    "insulin glargine 20 units qhs",
]
HOSPITALS = [
    "Mercy General Hospital",
    "St. Luke's Medical Center",
    "Riverside Regional",
    "Bayview Hospital",
    "Northgate Medical Center",
]


def _date(rng: random.Random, style: str) -> str:
    y, m, d = rng.randint(1930, 2090), rng.randint(1, 12), rng.randint(1, 28)
    months = [
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
    return {
        "iso": f"{y:04d}-{m:02d}-{d:02d}",
        "us": f"{m:02d}/{d:02d}/{y:04d}",
        "us2": f"{m}/{d}/{y % 100:02d}",
        "long": f"{months[m - 1]} {d}, {y}",
        "md": f"{m}/{d}",
        "monthday": f"{months[m - 1]} {d}",
    }[style]


def generate(n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    fake = Faker(["en_US"])
    fake.seed_instance(seed)
    docs = []
    for _ in range(n):
        first, last = fake.first_name(), fake.last_name()
        mi = rng.choice("ABCDEFGHJKLMNPRSTW")
        doc_first, doc_last = fake.first_name(), fake.last_name()
        mrn = str(rng.randint(10**6, 10**8 - 1))
        phone = rng.choice(
            [fake.numerify("(###) ###-####"), fake.numerify("###-###-####"), fake.numerify("### ####")]
        )
        street = fake.street_address()
        city, state, zipc = fake.city(), fake.state_abbr(), fake.zipcode()
        d = Doc()
        kind = rng.randrange(6)
        if kind == 0:
            d.add("Record date: ").add(_date(rng, "iso"), "date").add("\n")
            d.add(rng.choice(HOSPITALS).upper() + " DISCHARGE SUMMARY\n")
            d.add("Patient: ").add(f"{last}, {first} {mi}.", "name").add("   MRN: ").add(
                mrn, "medical_record_number"
            ).add("\n")
            d.add("Admission Date: ").add(_date(rng, "us"), "date").add("   Discharge Date: ").add(
                _date(rng, "us"), "date"
            ).add("\n")
        elif kind == 1:
            d.add("HPI: ").add(first, "name").add(
                f" is a {rng.randint(40, 88)} y/o with h/o {rng.choice(CONDITIONS)} who presented on "
            )
            d.add(_date(rng, "monthday"), "date").add(" with worsening dyspnea. Seen in clinic ").add(
                _date(rng, "us2"), "date"
            ).add(".\n")
            d.add(f"Discharge meds: {rng.choice(MEDS)}; {rng.choice(MEDS)}.\n")
        elif kind == 2:
            d.add("Follow-up with Dr. ").add(doc_last, "name").add(" in 2 weeks (").add(
                _date(rng, "md"), "date"
            ).add(") ")
            d.add("Call ").add(phone, "phone").add(" with questions.\n")
            d.add(
                f"Vitals: BP {rng.randint(100, 160)}/{rng.randint(60, 95)}, HR {rng.randint(55, 110)}, SpO2 {rng.randint(90, 100)}%.\n"
            )
        elif kind == 3:
            d.add("Address: ").add(f"{street}, {city}, {state} {zipc}", "address").add("\n")
            d.add("Emergency contact: ").add(fake.name(), "name").add(" (daughter) ").add(
                fake.numerify("###-###-####"), "phone"
            ).add("\n")
        elif kind == 4:
            d.add(f"Assessment/Plan: {rng.choice(CONDITIONS)}, stable. Continue {rng.choice(MEDS)}.\n")
            d.add("Dictated by: ").add(f"{doc_first} {rng.choice('ABCDEFGHJKLM')}. {doc_last}", "name").add(
                ", MD  "
            )
            d.add(_date(rng, "us"), "date").add("\n")
            d.add("Transcribed: ").add(_date(rng, "us2"), "date").add("\n")
        else:
            d.add("Pt ").add(f"{first} {last}", "name").add(", DOB ").add(_date(rng, "us"), "date")
            d.add(", SSN ").add(fake.ssn(), "ssn").add(", seen ").add(_date(rng, "long"), "date").add(
                f" for {rng.choice(CONDITIONS)}.\n"
            )
            d.add("Lives in ").add(city, "address").add(", ").add(state).add(".\n")
        docs.append(d)
    return docs
