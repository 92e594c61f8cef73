"""Write presidio-evaluator's PII sentences into benchmarks/phi/data/sets/ (a generator nobody here wrote).

    pip install presidio-evaluator --no-deps && pip install faker pandas numpy tqdm pyyaml requests python-dotenv
    python benchmarks/phi/build_presidio_sets.py

Microsoft's presidio-evaluator (MIT) generates PII sentences from its own 200-odd templates
(chat, letters, CVs, postal blocks in many layouts, song trivia ...) filled with
FakeNameGenerator records (international names, addresses and phones) and its own Faker
providers, lower-casing some names. Its templates are split in halves by line parity:
`presidio_eval.dev` uses the even ones, `presidio_eval.test` the odd ones. Recognisers were
tuned on the dev half first and the test half's misses were read afterwards, so neither half
is held out (what is held out is an evaluator's own draw). Fixed seeds, 1,500 sentences
each. The sets are committed: the benchmark does not need the package.

Labels, mapped to the detector's categories (Safe Harbor identifiers only):
PERSON -> name; STREET_ADDRESS, ZIP_CODE -> address; GPE -> address when it is a city (a
country, a US state or a 2-3 letter region code is no identifier and is dropped);
PHONE_NUMBER -> phone; EMAIL_ADDRESS -> email; CREDIT_CARD, IBAN_CODE -> account_number;
US_SSN -> ssn; IP_ADDRESS -> ip_address; DOMAIN_NAME -> url; US_DRIVER_LICENSE ->
certificate_license_number; DATE_TIME -> date, except a bare year or weekday (Safe Harbor
keeps years); AGE -> age_over_89 above 89, else dropped; ORGANIZATION, NRP (nationality,
religion) and TITLE are not identifiers and are dropped. A city counts even in a sentence
about no one ("songwriters from around the world come to Vienna"), which the detector by
design does not flag: the set measures what an outside evaluator would count.

presidio-evaluator imports spaCy, Presidio and plotly for its evaluation half; its sentence
generator uses none of them, so those that are not installed are stubbed for the import. Its
hospital provider (which fetches a list from Wikipedia) is left out: no template uses it, and
nothing here goes to the network.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

OUT = Path(__file__).resolve().parent / "data" / "sets"
HEAVY = (
    "spacy",
    "spacy.tokens",
    "spacy.language",
    "spacy.training",
    "spacy.training.converters",
    "spacy.util",
    "spacy.lang",
    "spacy.lang.en",
    "spacy.lang.en.stop_words",
    "presidio_analyzer",
    "presidio_analyzer.nlp_engine",
    "presidio_anonymizer",
    "transformers",
    "sklearn",
    "plotly",
    "plotly.express",
    "plotly.graph_objs",
)
CATEGORIES = {
    "PERSON": "name",
    "STREET_ADDRESS": "address",
    "ZIP_CODE": "address",
    "GPE": "address",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "CREDIT_CARD": "account_number",
    "IBAN_CODE": "account_number",
    "US_SSN": "ssn",
    "IP_ADDRESS": "ip_address",
    "DOMAIN_NAME": "url",
    "US_DRIVER_LICENSE": "certificate_license_number",
    "DATE_TIME": "date",
    "AGE": "age_over_89",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _stub_heavy() -> None:
    roots = {name.split(".")[0] for name in HEAVY}
    missing = {r for r in roots if r not in sys.modules and importlib.util.find_spec(r) is None}
    for name in HEAVY:
        if name.split(".")[0] in missing:
            sys.modules[name] = MagicMock()


def _not_places() -> set[str]:
    from faker.providers.address.en_US import Provider

    names = {c.split(" (")[0].lower() for c in Provider.countries}
    names |= {s.lower() for s in Provider.states} | {"united kingdom", "czech republic", "netherlands", "usa"}
    return names


def _category(entity: str, value: str, countries: set[str]) -> str | None:
    category = CATEGORIES.get(entity)
    if category is None:
        return None
    low = value.strip().lower()
    if entity == "GPE" and (low.split(" (")[0] in countries or len(low) <= 3):
        return None
    if entity == "DATE_TIME" and (re.fullmatch(r"\d{4}", low) or low in WEEKDAYS):
        return None
    if entity == "AGE" and not (low.isdigit() and int(low) > 89):
        return None
    return category


def generate(split: str, count: int, seed: int) -> list[dict[str, Any]]:
    _stub_heavy()
    from presidio_evaluator.data_generator import PresidioSentenceFaker
    from presidio_evaluator.data_generator.presidio_sentence_faker import (
        presidio_additional_entity_providers,
        presidio_templates_file_path,
    )

    # its hospital provider fetches a list from Wikipedia; no template here asks for one
    providers = [p for p in presidio_additional_entity_providers if p.__name__ != "HospitalProvider"]

    lines = [line.strip() for line in presidio_templates_file_path.read_text().splitlines()]
    templates = [t for i, t in enumerate(lines) if t and (i % 2 == 0) == (split == "dev")]
    faker = PresidioSentenceFaker(
        "en_US",
        lower_case_ratio=0.05,
        sentence_templates=templates,
        entity_providers=providers,
        random_seed=seed,
    )
    countries = _not_places()
    rows = []
    for i, sample in enumerate(faker.generate_new_fake_sentences(num_samples=count)):
        text = sample.full_text
        spans = []
        for span in sample.spans:
            category = _category(span.entity_type, text[span.start_position : span.end_position], countries)
            if category is not None:
                spans.append({"category": category, "start": span.start_position, "end": span.end_position})
        rows.append(
            {
                "id": f"presidio_eval-{split}-{i:04d}",
                "set": "presidio_eval",
                "split": split,
                "text": text,
                "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
            }
        )
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for split, seed in (("dev", 7), ("test", 8)):
        rows = generate(split, 1500, seed)
        path = OUT / f"presidio_eval.{split}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{path.name}: {len(rows)} texts, {sum(len(r['spans']) for r in rows)} spans")


if __name__ == "__main__":
    main()
