"""Codes after labels in other languages, CSV exports, and camera photos sent (ninth build, probe4's classes).

- **Labelled codes**: a hospital number, passport, driving licence, plate or card number after
  its label in English or the local language (`UR No.: 238061705`, `Hospital No. 20/855106`,
  `NHC 2023-194255`, `N° de dossier`, `Fallnummer`, `pasaporte AXB123456`,
  `Rijbewijsnummer: G12-345-678`, `passport no. CK8GJKUG6`, `credit card? 4929...`).
- **CSV exports**: a header line naming personal columns (`mrn,patient,dob,...`); the cells of
  those columns on the lines below are what the header says.
- **Camera photos sent**: a phone camera's file name (`IMG_20240312_101500.jpg`, `PXL_...`,
  `DSC_0042.JPG`, `WhatsApp Image ... .jpeg`) that someone sends (`sent it, file is ...`) in a
  text about a photo.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import DIGIT, Span, digit_runs, has_any, prefix_table, scan_words

_MRN_LABELS = (
    r"ur\s+(?:no\.?|number|nr\.?)|unit\s+record(?:\s+(?:no\.?|number))?|hosp(?:ital)?\.?\s+(?:no\.?|nr\.?|number)|"
    r"nhc|n[ºo°]\.?\s+(?:de\s+)?historia(?:\s+cl[ií]nica)?|historia\s+cl[ií]nica|"
    r"n[°º]\s*(?:de\s+)?dossier|num[ée]ro\s+de\s+dossier|ipp|fallnummer|fall-nr\.?|patientennummer|"
    r"patienten-?id|pat\.?-nr\.?|n\.\s*cartella|cartella(?:\s+clinica)?|nosologico|prontu[áa]rio|"
    r"n[ºo°]\.?\s+(?:de\s+)?processo|processo\s+cl[ií]nico|pati[ëe]ntnummer|nhs\s+(?:no\.?|number)|"
    r"nhi(?:\s+(?:no\.?|number))?|chi\s+(?:no\.?|number)"
)
_LICENCE_LABELS = (
    r"pasaporte|passeport|reisepass(?:nummer)?|passaporto|passaporte|paspoort(?:nummer)?|passport|"
    r"rijbewijs(?:nummer)?|permis\s+de\s+conduire|f[üu]hrerschein(?:nummer)?|carnet\s+de\s+conducir|"
    r"licencia\s+de\s+conducir|patente\s+di\s+guida|carta\s+de\s+condu[çc][ãa]o|"
    r"driving\s+licen[cs]e|driver'?s\s+licen[cs]e|kenteken|matr[ií]cula|immatriculation|kennzeichen|targa"
)
_ACCOUNT_LABELS = r"(?:credit|debit)\s+card|card\s+number|n[úu]mero\s+de\s+(?:tarjeta|cuenta)|kontonummer"
_LABELLED = re.compile(
    rf"(?i:\b(?:(?P<mrn>{_MRN_LABELS})|(?P<licence>{_LICENCE_LABELS})|(?P<account>{_ACCOUNT_LABELS}))(?!\w))"
    r"(?:[^\S\n]+(?i:no\.?|n[°º]\.?|nr\.?|number|nummer|número|numero|num\.?)(?!\w))?"
    r"[^\S\n]*[:#?.]?[^\S\n]*"
    r"([A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])|[^\S\n](?=\d{2,}\b)){3,22})(?![\w-])"
)
_LABEL_GATES = (
    *(
        "ur ",
        "unit record",
        "hosp",
        "nhc",
        "historia",
        "dossier",
        "ipp",
        "fall",
        "patient",
        "pat.",
        "cartella",
    ),
    *("nosologico", "prontu", "processo", "nhs", "nhi", "chi ", "pasaporte", "passeport", "reisepass"),
    *("passaport", "paspoort", "passport", "rijbewijs", "permis", "hrerschein", "carnet", "licencia"),
    *("patente", "carta de condu", "licen", "kenteken", "matr", "immatriculation", "kennzeichen", "targa"),
    *("card", "tarjeta", "cuenta", "kontonummer"),
)
_LABEL_PREFIXES = prefix_table(
    (
        *("ur ", "ur\t", "unit record", "hosp", "nhc", "n°", "nº", "no", "historia", "num", "ipp", "fall"),
        *("patienten", "pat.", "pat-", "n.", "cartella", "nosologico", "prontu", "processo", "pati", "nhs"),
        *(
            "nhi",
            "chi",
            "pasaporte",
            "passeport",
            "reisepass",
            "passaport",
            "paspoort",
            "passport",
            "rijbewijs",
        ),
        *(
            "permis",
            "führerschein",
            "fuhrerschein",
            "carnet",
            "licencia",
            "patente",
            "carta",
            "driving",
            "driver",
        ),
        *("kenteken", "matr", "immatriculation", "kennzeichen", "targa", "credit", "debit", "card", "número"),
        *("numero", "kontonummer"),
    )
)
"""What every label starts with, lower-cased (`scan_words`)."""
_LABEL_KEYS = tuple(
    dict.fromkeys(
        word.group(0)[:3]
        for prefixes in _LABEL_PREFIXES.values()
        for word in (re.match(r"\w+", p) for p in prefixes)
        if word is not None
    )
)
"""Index keys of the words a label starts with."""
_CATEGORY = {
    "mrn": "medical_record_number",
    "licence": "certificate_license_number",
    "account": "account_number",
}


def labelled_codes(text: str) -> list[Span]:
    """Codes after a hospital-number, passport, licence, plate or card label (see the module)."""
    if not has_any(text, _LABEL_GATES) or digit_runs(text)[0] < 2:
        return []
    found = []
    for m in scan_words(_LABELLED, text, _LABEL_KEYS, _LABEL_PREFIXES):
        value = m.group(4).rstrip(".-/")
        digits = sum(c.isdigit() for c in value)
        kind = next(k for k in ("mrn", "licence", "account") if m.group(k) is not None)
        if digits < 2 or (kind == "account" and digits < 8) or (kind == "mrn" and digits < 4):
            continue
        found.append(Span(_CATEGORY[kind], m.start(4), m.start(4) + len(value), 0.9))
    return found


# -- CSV exports -----------------------------------------------------------------------------

_COLUMNS = {
    **dict.fromkeys(
        (
            "mrn",
            "patient_id",
            "patientid",
            "hospital_no",
            "hospital_number",
            "nhs_number",
            "nhs_no",
            "nhi",
            "ur_number",
        ),
        "medical_record_number",
    ),
    **dict.fromkeys(("dob", "birth_date", "birthdate", "date_of_birth"), "date"),
    **dict.fromkeys(
        ("name", "patient", "patient_name", "full_name", "fullname", "first_name", "last_name", "surname"),
        "name",
    ),
    **dict.fromkeys(("phone", "mobile", "telephone", "tel", "phone_number"), "phone"),
    **dict.fromkeys(("email", "e-mail", "email_address"), "email"),
    **dict.fromkeys(
        ("address", "street", "street_address", "city", "town", "zip", "postcode", "postal_code"), "address"
    ),
    **dict.fromkeys(
        ("ssn", "national_id", "nin", "passport", "passport_no", "licence", "license", "plate"), "ssn"
    ),
    **dict.fromkeys(("profile_url", "profile", "website", "homepage", "url"), "url"),
    **dict.fromkeys(
        ("member_id", "member_no", "member_number", "subscriber_id", "policy_number", "insurance_id", "mbi"),
        "health_plan_number",
    ),
    **dict.fromkeys(
        ("account", "account_no", "account_number", "acct", "acct_no", "guarantor_id"), "account_number"
    ),
}
_ID_COLUMN = re.compile(r"[a-z]+(?:_[a-z]+)*_(?:id|no|num|number|nbr)")
"""Any other identifier's column in a personal CSV (`claim_id`, `encounter_no`): its cells with a digit."""
_NO_ID_COLUMN = (
    "cpt",
    "icd",
    "code",
    "sku",
    "product",
    "item",
    "npi",
    "tax",
    "group",
    "plan",
    "payer",
    "line",
)
"""Columns of codes, goods and organisations: no one's identifier (`cpt_code`, `group_no`, `payer_id`)."""


def _column(name: str) -> str | None:
    """The category of a personal CSV's column `name` (None: not an identifier)."""
    known = _COLUMNS.get(name)
    if known is not None or _ID_COLUMN.fullmatch(name) is None or any(w in name for w in _NO_ID_COLUMN):
        return known
    return "other_unique_identifier"


_HEADER = re.compile(r"(?m)^[A-Za-z][\w-]{1,29}(?:,[A-Za-z][\w-]{1,29})+[^\S\n]*$")
"""A line of column names (a gate: a CSV header)."""
_CSV_CELL = re.compile(r'"[^"\n]*"|[^,\n]*')


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """The cells of a CSV line as (start, end) in the text (quotes stripped)."""
    cells = []
    pos = 0
    while pos <= len(line):
        m = _CSV_CELL.match(line, pos)
        if m is None:
            break
        start, end = m.start(), m.end()
        if line.startswith('"', start) and end - start >= 2:
            start, end = start + 1, end - 1
        cells.append((offset + start, offset + end))
        pos = m.end() + 1
    return cells


_STRONG = frozenset({"medical_record_number", "date", "phone", "email", "ssn"})


def _personal_header(names: list[str]) -> bool:
    """A CSV header with two personal columns, one of them an identifier or the patient's name.

    (`name,price,url` is a product list: no column of it is anyone's identifier.)
    """
    if len(names) < 2 or any(len(n) > 30 or " " in n for n in names):
        return False
    kinds = [_column(n) for n in names]
    strong = any(k in _STRONG for k in kinds) or any(n.startswith("patient") for n in names)
    return strong and sum(k is not None for k in kinds) >= 2


def csv_columns(text: str) -> list[Span]:
    """The cells under a CSV header's personal columns (`mrn,patient,dob`), up to 200 lines below it."""
    found: list[Span] = []
    if "," not in text or "\n" not in text:
        return found
    if _HEADER.search(text) is None:
        return found
    lines = text.split("\n")
    offset = 0
    header: list[str | None] | None = None
    rows = 0
    for line in lines:
        if header is None:
            names = [c.strip().lower() for c in line.split(",")]
            if _personal_header(names):
                header = [_column(n) for n in names]
                rows = 0
        elif line.count(",") >= 1 and rows < 200:
            rows += 1
            for category, (start, end) in zip(header, _cells(line, offset), strict=False):
                if category is not None and end - start >= 2:
                    if category == "other_unique_identifier" and DIGIT.search(text, start, end) is None:
                        continue  # an id column's cell holds a digit
                    found.append(Span(category, start, end, 0.85))
        else:
            header = None
        offset += len(line) + 1
    return found


# -- camera photos sent ------------------------------------------------------------------------

_CAMERA_FILE = re.compile(
    r"(?<![\w-])(?:(?:IMG|PXL|DSC|DSCN|DCIM|VID|MVIMG|Screenshot|photo|foto|selfie)[_ -][\w -]{1,40}?|"
    r"WhatsApp[ ]Image[ ][\d-]{10}[ ]at[ ][\d.]{5,8}(?:[ ]\(\d\))?)\.(?i:jpe?g|png|heic|webp)\b"
)
_PHOTO_CUE = re.compile(r"(?i:\b(?:photos?|pictures?|pics?|images?|fotos?|selfies?)\b)")
_SENT = re.compile(
    r"(?i:\b(?:sent|sending|attached|attaching|uploaded|here(?:'s|\s+is)|file\s+is|adjunto|ci-joint|anbei|"
    r"envi[ée]|enviei|inviato|verstuurd|geschickt)\b)"
)
"""Someone sending the file (`sent it, file is ...`), not an example in instructions (`e.g. IMG_1234.jpg`)."""
_CAMERA_GATES = ("img", "pxl", "dsc", "dcim", "vid", "screenshot", "photo", "foto", "selfie", "whatsapp")


def camera_photos(text: str) -> list[Span]:
    """A phone camera's file name in a text that asks for or sends a photo (`sent it, file is IMG_...jpg`)."""
    if "." not in text or not has_any(text, _CAMERA_GATES) or _PHOTO_CUE.search(text) is None:
        return []
    return [
        Span("full_face_photo", m.start(), m.end(), 0.8)
        for m in _CAMERA_FILE.finditer(text)
        if _SENT.search(text, max(0, m.start() - 60), m.start()) is not None
    ]
