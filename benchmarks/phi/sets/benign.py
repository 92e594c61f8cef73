"""Benign texts: marketing copy and clinical lines without identifiers (two template lists each).

Marketing: products, prices, campaign dates, brand URLs, role mailboxes, toll-free numbers,
company names (Faker, several locales) and cities of stores. Clinical: aggregate outcomes,
drug and dosing facts, vitals with no person, clinic names, service hours and dates.
"""

from __future__ import annotations

import random

from faker import Faker

from .doc import Doc

MARKETING = {
    "dev": [
        "Spring sale: {pct}% off all {product} through {date}.",
        "{company} and our team are proud to launch the new {product} line.",
        "Free shipping on orders over ${price} until {date} - shop now at {url}.",
        "Join us at our {city} store on {date} for live demos of the {product}.",
        "Questions? Email {role}@{domain} or call {tollfree}.",
        "Our {product} was rated #1 by readers of {company} Magazine.",
        "New arrivals every Friday. Use code {code} at checkout.",
        "Thanks to {company} for sponsoring the {city} marathon this year.",
    ],
    "test": [
        "Limited drop: the {product} is back in stock, only while supplies last!",
        "Webinar on {date}: how {company} grew subscriptions by {pct}%.",
        "Now open in {city}! Visit us for {pct}% off your first order.",
        "Save the date - our anniversary sale starts {date}.",
        "Partner spotlight: {company} joins our rewards program.",
        "Tag us with #{tag} for a chance to win a {product}.",
        "Black Friday doorbusters from ${price}; doors open at 6am on {date}.",
        "Download the app at {url} and get {pct}% off.",
    ],
}
CLINICAL = {
    "dev": [
        "Our clinic saw {pct}% fewer {condition} admissions this {season}.",
        "{drug} is now available in a {dose} tablet at all {clinic} locations.",
        "Flu shots are available at {clinic} from {date}, no appointment needed.",
        "Adults with {condition} should discuss {drug} with their doctor.",
        "Average wait time at {clinic} dropped to {n} minutes in {month}.",
        "Turn this month's {condition} clinic outcomes into a patient newsletter.",
        "Normal adult resting heart rate is 60 to 100 bpm; BP target is below 130/80.",
        "{clinic} will be closed on {date} for staff training.",
    ],
    "test": [
        "A patient newsletter about {condition} and {season} triggers.",
        "Screening rates for {condition} rose to {pct}% across our network in {month}.",
        "Reminder: {drug} {dose} should be taken with food.",
        "{clinic} welcomes new patients starting {date}.",
        "Vitals station checklist: BP, HR, SpO2, temperature, weight.",
        "Community talk on {condition} prevention at {clinic}, {date}, 6 pm.",
        "{n} residents completed the {condition} self-management course this year.",
        "Our pharmacists answer questions about {drug} every weekday.",
    ],
}
PRODUCTS = [
    "vitamin C serum",
    "trail runner",
    "espresso grinder",
    "yoga mat",
    "smart water bottle",
    "linen duvet",
    "noise-cancelling headphones",
]
CONDITIONS = ["asthma", "diabetes", "heart failure", "COPD", "hypertension", "seasonal allergies", "migraine"]
DRUGS = ["Metformin", "Atorvastatin", "Ozempic", "Albuterol", "Lisinopril", "Ibuprofen", "Amoxicillin"]
CLINICS = [
    "Lakeside Family Clinic",
    "Northside Urgent Care",
    "Mercy Health Partners",
    "Bayview Pediatrics",
    "Summit Orthopedics",
    "Harbor Community Health Center",
]


def generate(kind: str, n: int, seed: int, split: str) -> list[Doc]:
    rng = random.Random(seed)
    fake = Faker(["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT"])
    fake.seed_instance(seed)
    templates = (MARKETING if kind == "marketing" else CLINICAL)[split]
    docs = []
    for _ in range(n):
        when = fake.date_between("+1d", "+300d")
        values = {
            "pct": str(rng.choice([10, 15, 20, 25, 30, 40, 50])),
            "product": rng.choice(PRODUCTS),
            "date": rng.choice(
                [
                    when.strftime("%B %d"),
                    when.strftime("%m/%d/%Y"),
                    when.strftime("%b. %d"),
                    when.strftime("%A, %B %d"),
                ]
            ),
            "company": fake.company(),
            "price": str(rng.choice([25, 49, 75, 99, 150])),
            "url": rng.choice(
                ["https://shop.example.com/new", "www.brightlane.co/sale", "https://app.example.org"]
            ),
            "city": fake.city(),
            "role": rng.choice(["hello", "support", "care", "team"]),
            "domain": fake.domain_name(),
            "tollfree": rng.choice(["1-800-555-0199", "(888) 555-0123", "877-555-0142"]),
            "code": rng.choice(["SPRING25", "WELCOME10", "VIP-2026"]),
            "tag": rng.choice(["SummerGlow", "RunWithUs", "BrewBetter"]),
            "condition": rng.choice(CONDITIONS),
            "drug": rng.choice(DRUGS),
            "dose": rng.choice(["10 mg", "500 mg", "20 mg", "0.5 mg"]),
            "clinic": rng.choice(CLINICS),
            "season": rng.choice(["spring", "summer", "fall", "winter"]),
            "n": str(rng.randint(5, 400)),
            "month": when.strftime("%B"),
        }
        text = rng.choice(templates).format(**values)
        docs.append(Doc().add(text))
    return docs
