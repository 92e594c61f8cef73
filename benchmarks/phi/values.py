"""Realistic fake values for the PHI evaluation set: names, numbers with valid check digits.

Every generator takes a `random.Random` and the split ("dev" or "test"); the two splits
draw names, domains and number formats from different pools, so that the test split is
not the dev split with new digits.
"""

from __future__ import annotations

import random
import string

# --- names: dev and test pools do not overlap; both mix common US names with names the
# Census top lists do not hold (the detector must not rely on a gazetteer alone)
FIRST = {
    "dev": [
        "Dolores",
        "Margaret",
        "Linda",
        "Patricia",
        "Susan",
        "Karen",
        "Nancy",
        "Betty",
        "Helen",
        "Sandra",
        "Donna",
        "Carol",
        "Ruth",
        "Sharon",
        "Michelle",
        "Laura",
        "Kimberly",
        "Deborah",
        "Jessica",
        "Shirley",
        "Cynthia",
        "Angela",
        "Melissa",
        "Brenda",
        "James",
        "Robert",
        "Michael",
        "William",
        "David",
        "Richard",
        "Joseph",
        "Thomas",
        "Charles",
        "Christopher",
        "Daniel",
        "Matthew",
        "Anthony",
        "Donald",
        "Steven",
        "Paul",
        "Andrew",
        "Joshua",
        "Kenneth",
        "Kevin",
        "Brian",
        "George",
        "Edward",
        "Ronald",
        "Timothy",
        "Jason",
        "Jeffrey",
        "Ryan",
        "Jacob",
        "Gary",
        "Nicholas",
        "Eric",
        "Stephen",
        "Jonathan",
        "Larry",
        "Chidi",
        "Anjali",
        "Wei",
        "Mateo",
        "Aisha",
        "Tomasz",
        "Yuki",
        "Ngozi",
        "Rahul",
        "Fatima",
    ],
    "test": [
        "Gloria",
        "Evelyn",
        "Judith",
        "Frances",
        "Marilyn",
        "Theresa",
        "Beverly",
        "Denise",
        "Tammy",
        "Irene",
        "Jane",
        "Lori",
        "Rachel",
        "Marie",
        "Kathryn",
        "Julie",
        "Joyce",
        "Victoria",
        "Kelly",
        "Christina",
        "Joan",
        "Lauren",
        "Doris",
        "Heather",
        "Walter",
        "Harold",
        "Douglas",
        "Henry",
        "Carl",
        "Arthur",
        "Gerald",
        "Roger",
        "Keith",
        "Jeremy",
        "Terry",
        "Lawrence",
        "Sean",
        "Christian",
        "Albert",
        "Joe",
        "Ethan",
        "Austin",
        "Jesse",
        "Willie",
        "Billy",
        "Bryan",
        "Bruce",
        "Jordan",
        "Ralph",
        "Roy",
        "Noah",
        "Dylan",
        "Eugene",
        "Wayne",
        "Alan",
        "Juan",
        "Louis",
        "Russell",
        "Gabriel",
        "Randy",
        "Philip",
        "Harry",
        "Vincent",
        "Oluwaseun",
        "Priya",
        "Thanh",
        "Siobhan",
        "Giorgos",
        "Mehmet",
        "Ingrid",
        "Kwame",
        "Leilani",
        "Dmitri",
        "Esperanza",
    ],
}
LAST = {
    "dev": [
        "Whitfield",
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Gonzalez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Thompson",
        "White",
        "Harris",
        "Sanchez",
        "Clark",
        "Ramirez",
        "Lewis",
        "Robinson",
        "Walker",
        "Young",
        "Allen",
        "King",
        "Wright",
        "Scott",
        "Torres",
        "Nguyen",
        "Hill",
        "Flores",
        "Green",
        "Adams",
        "Nelson",
        "Baker",
        "Hall",
        "Rivera",
        "Campbell",
        "Mitchell",
        "Carter",
        "Roberts",
        "Okafor",
        "Patel",
        "Kowalski",
        "Haddad",
        "Takahashi",
        "Abernathy",
        "Lindqvist",
    ],
    "test": [
        "Gomez",
        "Phillips",
        "Evans",
        "Turner",
        "Diaz",
        "Parker",
        "Cruz",
        "Edwards",
        "Collins",
        "Reyes",
        "Stewart",
        "Morris",
        "Morales",
        "Murphy",
        "Cook",
        "Rogers",
        "Gutierrez",
        "Ortiz",
        "Morgan",
        "Cooper",
        "Peterson",
        "Bailey",
        "Reed",
        "Kelly",
        "Howard",
        "Ramos",
        "Kim",
        "Cox",
        "Ward",
        "Richardson",
        "Watson",
        "Brooks",
        "Chavez",
        "Wood",
        "James",
        "Bennett",
        "Gray",
        "Mendoza",
        "Ruiz",
        "Hughes",
        "Price",
        "Alvarez",
        "Castillo",
        "Sanders",
        "Myers",
        "Long",
        "Ross",
        "Foster",
        "Jimenez",
        "Adeyemi",
        "Banerjee",
        "Tran",
        "Papadopoulos",
        "Yilmaz",
        "Sorensen",
        "Mensah",
        "Kahananui",
        "Volkov",
        "Villanueva",
        "Okonkwo",
        "Szymanski",
        "Achterberg",
        "Fairweather",
        "O'Donnell",
        "McAllister",
    ],
}

EMAIL_DOMAINS = {
    "dev": ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com"],
    "test": ["icloud.com", "comcast.net", "proton.me", "verizon.net", "me.com", "att.net"],
}
AREA_CODES = {
    "dev": ["212", "312", "415", "617", "713", "404", "206", "305", "702", "503", "215", "602"],
    "test": ["646", "773", "510", "857", "832", "678", "425", "786", "725", "971", "267", "480"],
}
STREETS = {
    "dev": ["Maple", "Oak", "Cedar", "Pine", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset"],
    "test": ["Willow", "Birch", "Magnolia", "Chestnut", "Jefferson", "Riverside", "Highland", "Dogwood"],
}
STREET_TYPES = {
    "dev": ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Court"],
    "test": ["Blvd", "Boulevard", "Way", "Place", "Terrace", "Circle", "Pkwy", "Dr.", "St."],
}
CITIES = {
    "dev": [
        ("Springfield", "IL", "627"),
        ("Columbus", "OH", "432"),
        ("Austin", "TX", "787"),
        ("Portland", "OR", "972"),
        ("Denver", "CO", "802"),
        ("Madison", "WI", "537"),
    ],
    "test": [
        ("Tucson", "AZ", "857"),
        ("Raleigh", "NC", "276"),
        ("Boise", "ID", "837"),
        ("Albany", "NY", "122"),
        ("Tulsa", "OK", "741"),
        ("Savannah", "GA", "314"),
    ],
}
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


def full_name(rng: random.Random, split: str) -> str:
    return f"{rng.choice(FIRST[split])} {rng.choice(LAST[split])}"


def title_name(rng: random.Random, split: str) -> str:
    titles = ["Mr.", "Mrs.", "Ms.", "Dr."] if split == "dev" else ["Mr", "Mrs", "Ms.", "Miss", "Dr"]
    return f"{rng.choice(titles)} {rng.choice(LAST[split])}"


def email(rng: random.Random, split: str, name: str | None = None) -> str:
    first, last = (name or full_name(rng, split)).split(" ", 1)
    first, last = first.lower(), last.lower().replace("'", "").replace(" ", "")
    shapes = (
        [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}"]
        if split == "dev"
        else [f"{first}_{last}", f"{last}.{first}", f"{first}{rng.randint(1950, 2005)}", f"{first[0]}.{last}"]
    )
    return f"{rng.choice(shapes)}@{rng.choice(EMAIL_DOMAINS[split])}"


def phone(rng: random.Random, split: str) -> str:
    area = rng.choice(AREA_CODES[split])
    exchange = str(rng.randint(201, 989))
    line = f"{rng.randint(0, 9999):04d}"
    shapes = (
        [f"({area}) {exchange}-{line}", f"{area}-{exchange}-{line}"]
        if split == "dev"
        else [
            f"{area}.{exchange}.{line}",
            f"+1 {area} {exchange} {line}",
            f"1-{area}-{exchange}-{line}",
            f"({area}){exchange}-{line}",
        ]
    )
    return rng.choice(shapes)


def ssn(rng: random.Random, split: str) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    digits = f"{area:03d}{group:02d}{serial:04d}"
    if split == "dev":
        return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    return rng.choice(
        [f"{digits[:3]} {digits[3:5]} {digits[5:]}", f"{digits[:3]}-{digits[3:5]}-{digits[5:]}", digits]
    )


def mrn(rng: random.Random, split: str) -> str:
    if split == "dev":
        return rng.choice([f"{rng.randint(10**6, 10**8 - 1)}", f"00{rng.randint(100000, 999999)}"])
    return rng.choice(
        [
            f"MR{rng.randint(100000, 9999999)}",
            f"{rng.randint(10**7, 10**9 - 1)}",
            f"A{rng.randint(1000000, 9999999)}",
        ]
    )


_MBI_LETTERS = [c for c in string.ascii_uppercase if c not in "SLOIBZ"]


def mbi(rng: random.Random) -> str:
    """A Medicare Beneficiary Identifier shape: C A AN N A AN N A A N N."""
    a = lambda: rng.choice(_MBI_LETTERS)  # noqa: E731
    an = lambda: rng.choice(_MBI_LETTERS + list(string.digits))  # noqa: E731
    n = lambda: rng.choice(string.digits)  # noqa: E731
    return f"{rng.randint(1, 9)}{a()}{an()}{n()}-{a()}{an()}{n()}-{a()}{a()}{n()}{n()}"


def plan_id(rng: random.Random, split: str) -> str:
    letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
    if split == "dev":
        return rng.choice(
            [
                f"{letters}{rng.randint(10**8, 10**9 - 1)}",
                f"W{rng.randint(10**8, 10**9 - 1)}",
                f"{letters}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
            ]
        )
    return rng.choice(
        [
            mbi(rng),
            f"{letters[:2]}{rng.randint(10**7, 10**8 - 1)}",
            f"{rng.randint(10**8, 10**9 - 1)}{rng.choice('ABCD')}",
        ]
    )


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return body + str((10 - total % 10) % 10)


def card(rng: random.Random, split: str) -> str:
    prefix = rng.choice(["4", "51", "55", "37", "6011"])
    length = 15 if prefix == "37" else 16
    digits = luhn_complete(prefix, length, rng)
    if length == 15:
        return f"{digits[:4]} {digits[4:10]} {digits[10:]}"
    sep = " " if split == "dev" else rng.choice(["-", " ", ""])
    return sep.join(digits[i : i + 4] for i in range(0, 16, 4))


def account(rng: random.Random, split: str) -> str:
    if split == "dev":
        return rng.choice(
            [
                f"{rng.randint(10**7, 10**10 - 1)}",
                f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
            ]
        )
    return rng.choice(
        [
            f"00{rng.randint(10**8, 10**9 - 1)}",
            f"{rng.randint(100, 999)}-{rng.randint(100000, 999999)}",
            f"AC{rng.randint(10**6, 10**7 - 1)}",
        ]
    )


def npi(rng: random.Random) -> str:
    """A 10-digit NPI whose Luhn check (with the 80840 prefix) passes."""
    return luhn_complete("80840" + str(rng.choice([1, 2])), 15, rng)[5:]


def dea(rng: random.Random) -> str:
    letters = rng.choice("ABFGM") + rng.choice(string.ascii_uppercase)
    d = [rng.randint(0, 9) for _ in range(6)]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return letters + "".join(map(str, d)) + str(check)


def license_number(rng: random.Random, split: str) -> str:
    if split == "dev":
        return rng.choice(
            [
                f"D{rng.randint(10**6, 10**7 - 1)}",
                f"{rng.randint(10**8, 10**9 - 1)}",
                f"RN{rng.randint(100000, 999999)}",
                npi(rng),
            ]
        )
    return rng.choice(
        [
            f"W{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(100, 999)}-0",
            f"S{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
            dea(rng),
            f"LPN-{rng.randint(10000, 99999)}",
            f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(100000, 999999)}",
        ]
    )


_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(rng: random.Random, split: str) -> str:
    wmi = rng.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "JTD", "WBA", "1G1", "KMH", "4T1"])
    body = (
        wmi
        + "".join(rng.choice(_VIN_CHARS) for _ in range(5))
        + "0"
        + rng.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
        + rng.choice(_VIN_CHARS)
        + "".join(str(rng.randint(0, 9)) for _ in range(6))
    )
    total = sum(_VIN_VALUES[c] * w for c, w in zip(body, _VIN_WEIGHTS, strict=True))
    check = total % 11
    return body[:8] + ("X" if check == 10 else str(check)) + body[9:]


def plate(rng: random.Random, split: str) -> str:
    up = string.ascii_uppercase
    if split == "dev":
        return rng.choice(
            [
                f"{rng.randint(1, 9)}{''.join(rng.choices(up, k=3))}{rng.randint(100, 999)}",
                f"{''.join(rng.choices(up, k=3))}-{rng.randint(1000, 9999)}",
            ]
        )
    return rng.choice(
        [
            f"{''.join(rng.choices(up, k=3))} {rng.randint(1000, 9999)}",
            f"{''.join(rng.choices(up, k=2))}{rng.randint(10, 99)}{''.join(rng.choices(up, k=2))}",
        ]
    )


def imei(rng: random.Random) -> str:
    return luhn_complete(rng.choice(["35", "86", "01"]), 15, rng)


def gtin14(rng: random.Random) -> str:
    body = "0" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def serial(rng: random.Random, split: str) -> str:
    up = string.ascii_uppercase
    if split == "dev":
        return rng.choice(
            [
                f"SN-{rng.randint(10000, 99999)}-{''.join(rng.choices(up, k=2))}",
                f"PX{rng.randint(1000, 9999)}-{rng.randint(10, 99)}",
                imei(rng),
            ]
        )
    return rng.choice(
        [
            f"{''.join(rng.choices(up, k=3))}{rng.randint(100000, 999999)}",
            ":".join(f"{rng.randint(0, 255):02X}" for _ in range(6)),
            f"(01){gtin14(rng)}(21){''.join(rng.choices(up + string.digits, k=6))}",
            f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
        ]
    )


def person_url(rng: random.Random, split: str, name: str | None = None) -> str:
    first, last = (name or full_name(rng, split)).lower().replace("'", "").split(" ", 1)
    n = rng.randint(10000, 999999)
    if split == "dev":
        return rng.choice(
            [
                f"https://portal.northside-health.com/patients/{n}",
                f"https://www.facebook.com/{first}.{last}",
                f"https://mychart.example.org/records?mrn={n}",
                f"https://www.linkedin.com/in/{first}-{last}-{rng.randint(10, 99)}",
            ]
        )
    return rng.choice(
        [
            f"https://ehr.valleyclinic.net/chart/{n}/summary",
            f"http://crm.acme-pharmacy.com/customers/{n}",
            f"https://instagram.com/{first}.{last}{rng.randint(1, 99)}",
            f"https://members.bluecrest-health.com/profile?id={n}",
            f"https://twitter.com/{first}{last}",
        ]
    )


def ip(rng: random.Random, split: str) -> str:
    if split == "test" and rng.random() < 0.3:
        return ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(8))
    first = rng.choice([n for n in range(11, 224) if n != 127])  # 127/8 is loopback: this machine
    return ".".join(str(x) for x in (first, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))


BIOMETRICS = {
    "dev": ["fingerprint scan", "retina scan", "voiceprint", "fingerprints", "iris scan"],
    "test": [
        "palm-vein scan",
        "facial geometry",
        "voice print",
        "thumbprint",
        "DNA profile",
        "gait signature",
    ],
}
PHOTOS = {
    "dev": ["full-face photo", "headshot", "face photo", "passport-style photo"],
    "test": [
        "full face photograph",
        "close-up photo of her face",
        "unblurred selfie",
        "mugshot",
        "facial photo",
    ],
}


def other_id(rng: random.Random, split: str) -> str:
    if split == "dev":
        return rng.choice(
            [
                f"E-{rng.randint(10000, 99999)}",
                f"CUS-{rng.randint(100000, 999999)}",
                f"{rng.randint(10**7, 10**8 - 1)}",
                f"P-{rng.randint(100000, 999999)}",
            ]
        )
    return rng.choice(
        [
            f"CLM-{rng.randint(2023, 2026)}-{rng.randint(100000, 999999)}",
            f"{rng.randint(100000000, 999999999)}",
            f"ST{rng.randint(10**6, 10**7 - 1)}",
            f"BDG{rng.randint(1000, 9999)}",
        ]
    )


def street_address(rng: random.Random, split: str) -> str:
    number = rng.randint(2, 9899)
    street = f"{rng.choice(STREETS[split])} {rng.choice(STREET_TYPES[split])}"
    city, state, zip3 = rng.choice(CITIES[split])
    zipc = f"{zip3}{rng.randint(1, 99):02d}"
    if split == "dev":
        return rng.choice(
            [
                f"{number} {street}",
                f"{number} {street}, {city}, {state} {zipc}",
                f"{number} {street} Apt {rng.randint(1, 30)}{rng.choice('ABC')}, {city}",
            ]
        )
    return rng.choice(
        [
            f"{number} {rng.choice(['N', 'S', 'E', 'W'])}. {street}",
            f"{number} {street} #{rng.randint(2, 400)}, {city} {state}",
            f"PO Box {rng.randint(10, 9999)}, {city}, {state} {zipc}",
            f"{number} {street.lower()}",
            f"Unit {rng.randint(1, 40)}, {number} {street}",
        ]
    )


def zip_code(rng: random.Random, split: str) -> str:
    _, _, zip3 = rng.choice(CITIES[split])
    z = f"{zip3}{rng.randint(1, 99):02d}"
    return z if split == "dev" or rng.random() < 0.6 else f"{z}-{rng.randint(1000, 9999)}"


def birth_date(rng: random.Random, split: str) -> str:
    return _date(rng, split, rng.randint(1930, 2006))


def event_date(rng: random.Random, split: str) -> str:
    return _date(rng, split, rng.choice([2024, 2025, 2026]))


def _date(rng: random.Random, split: str, year: int) -> str:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if split == "dev":
        return rng.choice(
            [
                f"{month:02d}/{day:02d}/{year}",
                f"{MONTHS[month - 1]} {day}, {year}",
                f"{year}-{month:02d}-{day:02d}",
            ]
        )
    return rng.choice(
        [
            f"{month}/{day}/{str(year)[2:]}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{MONTHS[month - 1][:3]}. {day}, {year}",
            f"{MONTHS[month - 1]} {day}",
            f"{month}-{day}-{year}",
        ]
    )


def age(rng: random.Random, split: str) -> str:
    return str(rng.randint(90, 104))
