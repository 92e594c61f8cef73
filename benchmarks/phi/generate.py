"""Generate the labelled PHI evaluation set (deterministic: fixed seeds).

    python benchmarks/phi/generate.py            # writes benchmarks/phi/data/{dev,test}.jsonl

Each line: {"id", "split", "text", "labels": [categories], "values": {category: [values]}}.
Benign texts have no labels. The dev split is for tuning the detector; the test split
uses other templates, other names and other number formats (see templates.py, values.py).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import values as v
from templates import BENIGN, BENIGN_VOCAB, FIELD_CATEGORY, HEALTH_VOCAB, PHI

DATA = Path(__file__).resolve().parent / "data"
SEEDS = {"dev": 20260301, "test": 99173}
PHI_PER_CATEGORY = 85  # x 19 categories = 1,615 PHI texts per split
BENIGN_PER_SPLIT = 700

FIELD_CATEGORY = {**FIELD_CATEGORY, "name_last": "name"}
WRAPPERS = {
    "dev": ["{}", "{}", "{}", "Task: {}", "{}.", "Note for the copy team: {}"],
    "test": ["{}", "{}", "{}", "Hey team - {}", "{} Thanks!", "TODO: {}", "Quick one: {}"],
}

Filler = Callable[[random.Random, str], str]
FILLERS: dict[str, Filler] = {
    "name": v.full_name,
    "title_name": v.title_name,
    "name_last": lambda rng, split: rng.choice(v.LAST[split]),
    "phone": v.phone,
    "fax": v.phone,
    "ssn": v.ssn,
    "mrn": v.mrn,
    "plan": v.plan_id,
    "account": v.account,
    "card": v.card,
    "license": v.license_number,
    "vin": v.vin,
    "plate": v.plate,
    "serial": v.serial,
    "ip": v.ip,
    "biometric": lambda rng, split: rng.choice(v.BIOMETRICS[split]),
    "photo": lambda rng, split: rng.choice(v.PHOTOS[split]),
    "other_id": v.other_id,
    "address": v.street_address,
    "zip": v.zip_code,
    "dob": v.birth_date,
    "date": v.event_date,
    "age": v.age,
    "campaign_date": lambda rng, split: rng.choice(
        ["March 3, 2026", "10/12/2026", "next Friday", "June 1", "Nov. 28", "2026-05-15", "this Saturday"]
        if split == "dev"
        else [
            "April 22",
            "12/1/2026",
            "Black Friday",
            "the first week of May",
            "Sept. 9, 2026",
            "tomorrow",
            "2026-07-04",
        ]
    ),
    "pct": lambda rng, split: str(rng.choice([10, 15, 20, 25, 30, 40, 50, 70, 85, 92, 95, 98])),
    "count": lambda rng, split: rng.choice(
        ["10,000", "2,500", "1.2 million", "500", "37", "12,480", "250,000", "93"]
    ),
    "price": lambda rng, split: rng.choice(["19", "49.99", "9.95", "120", "299", "35"]),
    "promo": lambda rng, split: rng.choice(
        ["SPRING25", "555-0199", "GLOW-2026", "8675309", "WELCOME10", "2026-1225"]
        if split == "dev"
        else ["FALL-30-OFF", "212-555", "BOGO2026", "4455-7788", "VIP100", "SAVE-15-NOW"]
    ),
    "brand_url": lambda rng, split: rng.choice(
        [
            "https://inkwell.example.com/sale",
            "www.glowtheory.com/spring",
            "https://northwind.example/shop/12345",
            "https://bluebird.coffee/menu?utm_source=email",
        ]
        if split == "dev"
        else [
            "https://harborandpine.com/collections/new",
            "lumaskin.co/pages/about",
            "https://contoso.fit/blog/2026/03/stretching",
            "https://shop.riverside-optics.com/p/88213?ref=ig",
        ]
    ),
    "tollfree": lambda rng, split: rng.choice(
        ["1-800-555-0199", "(888) 555-0123", "877-555-0142", "1 (866) 555 0100"]
    ),
    "role_email": lambda rng, split: rng.choice(
        ["hello@inkwellsupply.com", "support@glowtheory.com", "info@northwind.example"]
        if split == "dev"
        else ["care@lumaskin.co", "press@harborandpine.com", "team@contoso.fit"]
    ),
    "shortcode": lambda rng, split: rng.choice(["55512", "78910", "33733", "4FREE"]),
}
_FIELD = re.compile(r"\{(\w+)\}")


def _fill(
    template: str, rng: random.Random, split: str, vocab_benign: bool
) -> tuple[str, dict[str, list[str]]]:
    chosen: dict[str, str] = {}
    found: dict[str, list[str]] = {}

    def value(field: str) -> str:
        if field in chosen:
            return chosen[field]
        if field == "email":
            val = v.email(rng, split, chosen.get("name"))
        elif field == "url":
            val = v.person_url(rng, split, chosen.get("name"))
        elif field in FILLERS:
            val = FILLERS[field](rng, split)
        else:
            pool = (BENIGN_VOCAB if vocab_benign else HEALTH_VOCAB).get(field) or HEALTH_VOCAB[field]
            val = rng.choice(pool[split])
        chosen[field] = val
        if field in FIELD_CATEGORY:
            found.setdefault(FIELD_CATEGORY[field], []).append(val)
        return val

    # names first, so that an email or profile URL in the same text can be built from the name
    for field in sorted(_FIELD.findall(template), key=lambda f: f != "name"):
        value(field)
    text = _FIELD.sub(lambda m: value(m.group(1)), template)
    text = rng.choice(WRAPPERS[split]).format(text)
    return text[0].upper() + text[1:], found


def generate(split: str) -> list[dict[str, object]]:
    """The examples of one split ("dev" or "test"), always the same for the same split."""
    rng = random.Random(SEEDS[split])
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for category, by_split in PHI.items():
        templates = by_split[split]
        made = attempts = 0
        while made < PHI_PER_CATEGORY and attempts < PHI_PER_CATEGORY * 20:
            attempts += 1
            text, found = _fill(templates[attempts % len(templates)], rng, split, vocab_benign=False)
            if text in seen:
                continue
            seen.add(text)
            labels = sorted({category, *found})
            out.append(
                {
                    "id": f"{split}-{len(out):05d}",
                    "split": split,
                    "text": text,
                    "labels": labels,
                    "values": found,
                }
            )
            made += 1
    templates = BENIGN[split]
    made = attempts = 0
    while made < BENIGN_PER_SPLIT and attempts < BENIGN_PER_SPLIT * 50:
        attempts += 1
        text, _ = _fill(templates[attempts % len(templates)], rng, split, vocab_benign=True)
        if text in seen:
            continue
        seen.add(text)
        out.append(
            {"id": f"{split}-{len(out):05d}", "split": split, "text": text, "labels": [], "values": {}}
        )
        made += 1
    return out


def write(folder: Path = DATA) -> dict[str, int]:
    """Write `dev.jsonl` and `test.jsonl`; returns the number of lines of each."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split in SEEDS:
        rows = generate(split)
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts[split] = len(rows)
    return counts


if __name__ == "__main__":
    for split, n in write().items():
        print(f"{split}: {n} texts")
