"""Codes after labels in other languages, CSV exports, and camera photos sent (ninth build, probe4's classes).

- **Labelled codes**: a hospital number, passport, driving licence, plate or card number after
  its label in English or the local language (`UR No.: 238061705`, `Hospital No. 20/855106`,
  `NHC 2023-194255`, `N° de dossier`, `Fallnummer`, `pasaporte AXB123456`,
  `Rijbewijsnummer: G12-345-678`, `passport no. CK8GJKUG6`, `credit card? 4929...`, `DEA No.`,
  `Board Certification No. - ...`, `MR No. ........ ...`), after `:`, `#`, a dash or leader dots.
- **CSV exports**: a header line naming personal columns (`mrn,patient,dob,...`); the cells of
  those columns on the lines below are what the header says.
- **Camera photos sent**: a phone camera's file name (`IMG_20240312_101500.jpg`, `PXL_...`,
  `DSC_0042.JPG`, `WhatsApp Image ... .jpeg`) that someone sends (`sent it, file is ...`) in a
  text about a photo, or that is a message's attachment or an upload (`Attachment: IMG_...`,
  `POST /upload?file=IMG_...`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    digit_runs,
    has_any,
    list_keys,
    prefix_table,
    scan_words,
)

_MRN_LABELS = (
    r"ur\s+(?:no\.?|number|nr\.?)|unit\s+record(?:\s+(?:no\.?|number))?|hosp(?:ital)?\.?\s+(?:no\.?|nr\.?|number)|"
    r"nhc|n[ºo°]\.?\s+(?:de\s+)?historia(?:\s+cl[ií]nica)?|historia\s+cl[ií]nica|"
    r"n[°º]\s*(?:de\s+)?dossier|num[ée]ro\s+de\s+dossier|ipp|fallnummer|fall-nr\.?|patientennummer|"
    r"patienten-?id|pat\.?-nr\.?|n\.\s*cartella|cartella(?:\s+clinica)?|nosologico|prontu[áa]rio|"
    r"n[ºo°]\.?\s+(?:de\s+)?processo|processo\s+cl[ií]nico|pati[ëe]ntnummer|nhs\s+(?:no\.?|number)|"
    r"nhi(?:\s+(?:no\.?|number))?|chi\s+(?:no\.?|number)|mr(?=[^\S\n]+no\b)"
)
_LICENCE_LABELS = (
    r"pasaporte|passeport|reisepass(?:nummer)?|passaporto|passaporte|paspoort(?:nummer)?|passport|"
    r"rijbewijs(?:nummer)?|permis\s+de\s+conduire|f[üu]hrerschein(?:nummer)?|carnet\s+de\s+conducir|"
    r"licencia\s+de\s+conducir|patente\s+di\s+guida|carta\s+de\s+condu[çc][ãa]o|"
    r"driving\s+licen[cs]e|driver'?s\s+licen[cs]e|kenteken|matr[ií]cula|immatriculation|kennzeichen|targa|"
    r"(?:state|medical|professional|nursing|pharmacy|dental)\s+lic(?:en[cs]e)?|"
    r"dea(?:\s+(?:registration|reg\.?))?|board\s+cert(?:ification)?"
)
_ACCOUNT_LABELS = r"(?:credit|debit)\s+card|card\s+number|n[úu]mero\s+de\s+(?:tarjeta|cuenta)|kontonummer"
_LABELLED = re.compile(
    rf"(?i:\b(?:(?P<mrn>{_MRN_LABELS})|(?P<licence>{_LICENCE_LABELS})|(?P<account>{_ACCOUNT_LABELS}))(?!\w))"
    r"(?:[^\S\n]+(?i:no\.?|n[°º]\.?|n\.|nr\.?|number|nummer|número|numero|num\.?)(?!\w))?"
    r"[^\S\n]*(?:[:#?]|\.+|\u2026|-(?=[^\S\n]))?[^\S\n]*"  # `:`, `#`, a dash, leader dots
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
        "pati",
        "pat.",
        "cartella",
    ),
    *("nosologico", "prontu", "processo", "nhs", "nhi", "chi ", "pasaporte", "passeport", "reisepass"),
    *("passaport", "paspoort", "passport", "rijbewijs", "permis", "hrerschein", "carnet", "licencia"),
    *("patente", "carta de condu", "licen", "kenteken", "matr", "immatriculation", "kennzeichen", "targa"),
    *("card", "tarjeta", "cuenta", "kontonummer", "state lic", "medical lic", "professional lic"),
    *("nursing lic", "pharmacy lic", "dental lic", "dea", "board cert", "mr no"),
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
        *("numero", "kontonummer", "state", "medical", "professional"),
        *("nursing", "pharmacy", "dental", "dea", "board", "mr"),
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


_NAME_AND_ID = re.compile(
    r"(?i:\bname[^\S\n]*/[^\S\n]*(?:mrn|mr[^\S\n]*\#|patient[^\S\n]+id|id|record[^\S\n]+(?:no\.?|number)))"
    r"[^\S\n]*:[^\S\n]*([^\W\d][^/\n]{1,60}?)[^\S\n]/"  # the name, then the code
    r"[^\S\n]*([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,22})(?![\w-])"
)
"""A name and a record number under one label, in its order (`Name/MRN: Ada Lovell / K4471902`)."""
_ID_ANSWER = re.compile(
    r"(?i:\b(?:(?:patient|member|chart|record)[^\S\n]+(?:id|number|no\.?|\#)|mrn|medical[^\S\n]+record"
    r"(?:[^\S\n]+(?:number|no\.?|\#))?))(?![\w-])[^\n?.]{0,40}[?.:]?[^\S\n]*\n"  # a turn asking for it ...
    r"[^\S\n]*(?:\[[\d:]+\][^\S\n]*)?[A-Za-z][A-Za-z0-9 .()]{0,24}:[^\S\n]*"  # ... the next turn's speaker
    r"(?i:(?:it'?s|it[^\S\n]+is|sure|yes|yeah|ok(?:ay)?|that'?s)[,.]?[^\S\n]+){0,2}"
    r"([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,22})(?=[^\S\n]*[.,!]?[^\S\n]*(?:\n|\Z))"  # ... the code alone
)
_ID_ANSWER_KEYS = list_keys(_ID_ANSWER.pattern)
"""A record number given as the whole answer to the turn before asking for it (`Please enter your
patient ID.\nVisitor: HX-2020-551907`)."""


def labelled_codes(text: str) -> list[Span]:
    """Codes after a hospital-number, passport, licence, plate or card label (see the module)."""
    found: list[Span] = []
    if "/" in text and "name" in text.lower():
        for m in _NAME_AND_ID.finditer(text):
            if sum(c.isdigit() for c in m.group(2)) >= 4:
                found.append(Span("medical_record_number", m.start(2), m.end(2), 0.9))
                if _NAME_VALUE.fullmatch(m.group(1)) is not None and m.group(1)[:1].isupper():
                    found.append(Span("name", m.start(1), m.end(1), 0.85))
    if "\n" in text and has_any(text, ("patient", "member", "chart", "record", "mrn")):
        found += [
            Span("medical_record_number", m.start(1), m.end(1), 0.85)
            for m in scan_words(_ID_ANSWER, text, _ID_ANSWER_KEYS)
            if sum(c.isdigit() for c in m.group(1)) >= 4
        ]
    if not has_any(text, _LABEL_GATES) or digit_runs(text)[0] < 2:
        return found
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
    **dict.fromkeys(
        (
            *("given", "family", "given_name", "family_name", "firstname", "lastname", "middle_name"),
            *("insured_name", "member_name", "subscriber_name", "guarantor_name", "contact_name"),
        ),
        "name",
    ),
    **dict.fromkeys(
        (
            *("device_serial", "device_serial_number", "serial", "serial_no", "serial_number", "device_id"),
            *("udi", "imei", "mac_address", "implant_serial"),
        ),
        "device_identifier",
    ),
    **dict.fromkeys(
        (
            *("drivers_license", "driver_license", "drivers_licence", "driving_licence", "license_number"),
            *("license_no", "licence_number", "licence_no", "dl_number", "dl_no", "drivers_license_number"),
        ),
        "certificate_license_number",
    ),
    **dict.fromkeys(
        ("vin", "vehicle_vin", "vehicle_id", "plate", "license_plate", "plate_number", "licence_plate"),
        "vehicle_identifier",
    ),
    **dict.fromkeys(
        ("medical_record_number", "mrn_number", "chart_number", "chart_no"), "medical_record_number"
    ),
    **dict.fromkeys(("social_security_number", "ssn_number"), "ssn"),
    **dict.fromkeys(
        (
            "biometric",
            "fingerprint",
            "fingerprint_template",
            "biometric_template",
            "thumbprint",
            "iris_template",
        ),
        "biometric_identifier",
    ),
    **dict.fromkeys(("card_no", "card_number", "iban", "routing_number", "bank_account"), "account_number"),
    **dict.fromkeys(("social_profile", "social_url", "linkedin", "blog", "personal_website"), "url"),
    **dict.fromkeys(
        ("address_line", "address_line1", "address1", "street1", "zip_code", "zipcode"),
        "address",
    ),
    **dict.fromkeys(("postal",), "address"),
    **dict.fromkeys(("phone", "mobile", "telephone", "tel", "phone_number"), "phone"),
    **dict.fromkeys(("email", "e-mail", "email_address"), "email"),
    **dict.fromkeys(
        ("address", "street", "street_address", "city", "town", "zip", "postcode", "postal_code"), "address"
    ),
    **dict.fromkeys(("ssn", "national_id", "nin", "passport", "passport_no", "licence", "license"), "ssn"),
    **dict.fromkeys(("profile_url", "profile", "website", "homepage", "url"), "url"),
    **dict.fromkeys(
        (
            *("member_id", "member_no", "member_number", "subscriber_id", "policy_number", "policy_no"),
            *("insurance_id", "mbi"),
        ),
        "health_plan_number",
    ),
    **dict.fromkeys(
        (
            *("account", "account_no", "account_number", "acct", "acct_no", "guarantor_id"),
            *("bank_acct", "bank_acct_no", "bank_account_no", "bank_account_number"),
        ),
        "account_number",
    ),
}
_ID_COLUMN = re.compile(r"[a-z]+(?:_[a-z]+)*_(?:id|no|num|number|nbr|nr)")
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


_KIND_WORDS = (
    (
        frozenset(
            (
                *("fingerprint", "fingerprints", "retina", "retinal", "iris", "voiceprint", "palmprint"),
                *("biometric", "biometrics", "face_template", "facial", "voice_print", "palm_print"),
            )
        ),
        "biometric_identifier",
    ),
    (
        frozenset(
            ("mrn", "mr", "med_rec", "medical_record", "health_record", "hospital", "hosp", "chart", "empi")
        ),
        "medical_record_number",
    ),
    (frozenset(("license", "licence", "dea", "certification", "board_cert")), "certificate_license_number"),
    (frozenset(("account", "acct", "billing_account", "guarantor_account")), "account_number"),
    (
        frozenset(
            (
                *(
                    "ssn",
                    "national",
                    "national_identity",
                    "social_security",
                    "social_insurance",
                    "dni",
                    "nie",
                ),
                *("bsn", "pesel", "nir", "cpf", "aadhaar", "aadhar", "sin", "ni", "national_insurance"),
                *("citizen", "codice_fiscale"),
            )
        ),
        "ssn",
    ),
)
"""What an identifier's column is by a word or a two words' phrase of its name (`fingerprint_template_id`,
`med_rec_no`, `state_license_no`, `guarantor_account_nbr`, `pesel_number`), a closed set: biometric
templates and scans, medical records, licences, accounts, national ids."""
_BARE_ID = {
    **dict.fromkeys(("dni", "nie", "bsn", "pesel", "codice_fiscale", "cpf", "aadhaar", "nir"), "ssn"),
    **dict.fromkeys(("empi", "med_rec_no", "medical_record_no", "mr_no"), "medical_record_number"),
    **dict.fromkeys(("dea",), "certificate_license_number"),
}
"""Names of national ids (and an enterprise MRN, a DEA number) that are their column's whole name."""


_NOT_BY_ID = frozenset(("account", "hospital", "hosp"))
"""Words that say their kind before a number's suffix only (`account_no`, `hospital_number`): an
`account_id` is a service's account, a `hospital_id` the hospital's own."""


def _kind_by_words(name: str) -> str | None:
    """The kind a word or two-word phrase of an `_ID_COLUMN` name says (`_KIND_WORDS`), or None."""
    words = name.split("_")[:-1]
    phrases = {*words, *(f"{a}_{b}" for a, b in pairwise(words))}
    if name.endswith("_id"):
        phrases -= _NOT_BY_ID
    for vocab, kind in _KIND_WORDS:
        if not vocab.isdisjoint(phrases):
            return kind
    return None


_PLAN_COLUMN = (
    *("health_plan", "member", "subscriber", "beneficiary"),
    *("insurance", "insured", "medicaid", "medicare"),
)
"""A health plan's member number's column names one of these (`health_plan_id`, `beneficiary_no`,
`medicaid_number`); not a plan's, a group's, a claim's or a provider's own code (`insurance_plan_id`,
`member_group_no`, `insurance_claim_id`, `medicare_provider_no`)."""
_NOT_PLAN_COLUMN = ("plan", "group", "payer", "claim", "provider", "npi", "tax")


def _column(name: str) -> str | None:
    """The category of a personal CSV's column `name` (None: not an identifier)."""
    known = _COLUMNS.get(name) or _BARE_ID.get(name)
    if known is not None or _ID_COLUMN.fullmatch(name) is None:
        return known
    if any(w in name for w in _PLAN_COLUMN) and (
        "health_plan" in name or not any(w in name for w in _NOT_PLAN_COLUMN)
    ):
        return "health_plan_number"
    if any(w in name for w in _NO_ID_COLUMN):
        return None
    return _kind_by_words(name) or "other_unique_identifier"


_HEADER = re.compile(
    r"(?m)^[A-Za-z][\w-]{1,29}(?:(?:,[A-Za-z][\w-]{1,29})+|(?:\t[A-Za-z][\w-]{1,29})+)[^\S\n]*$"
)
"""A line of column names (a gate: a CSV header)."""
_HEADER_AFTER_BREAK = re.compile("(?m)\n" + _HEADER.pattern.removeprefix("(?m)^"))
"""`_HEADER` after a line break (led by it: the engine skips to line breaks; the first line apart)."""
_CSV_CELL = re.compile(r'"[^"\n]*"|[^,\n]*')


def _cells(line: str, offset: int, tab: bool = False) -> list[tuple[int, int]]:
    """The cells of a CSV line as (start, end) in the text (quotes stripped); a TSV line's by its tabs."""
    if tab:
        cells = []
        for cell in line.split("\t"):
            cells.append((offset, offset + len(cell)))
            offset += len(cell) + 1
        return cells
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


_SPLIT_DATE_HEAD = re.compile(r"[A-Za-z]{3,9}\.?[ ]\d{1,2}")
_SPLIT_DATE_TAIL = re.compile(r"[ ]?\d{4}")


def _joined_dates(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A row's cells with a date that an unquoted comma split joined again (`...,October 12, 2011,...`)."""
    joined: list[tuple[int, int]] = []
    for start, end in cells:
        if (
            joined
            and _SPLIT_DATE_TAIL.fullmatch(text, start, end)
            and _SPLIT_DATE_HEAD.fullmatch(text, joined[-1][0], joined[-1][1])
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_STRONG = frozenset({"medical_record_number", "date", "phone", "email", "ssn"})


def _personal_header(names: list[str]) -> bool:
    """A CSV header with two personal columns, one of them an identifier or the patient's name.

    (`name,price,url` is a product list: no column of it is anyone's identifier.)
    """
    if len(names) < 2 or any(len(n) > 30 or " " in n for n in names):
        return False
    kinds = [_column(n) for n in names]
    strong = (
        any(k in _STRONG for k in kinds)
        or any(n.startswith("patient") for n in names)
        or any(k == "other_unique_identifier" and _specific(k, n) for k, n in zip(kinds, names, strict=True))
    )
    return strong and sum(k is not None for k in kinds) >= 2


def csv_columns(text: str) -> list[Span]:
    """The cells under a CSV header's personal columns (`mrn,patient,dob`), up to 200 lines below it."""
    found: list[Span] = []
    if ("," not in text and "\t" not in text) or "\n" not in text:
        return found
    if _HEADER.match(text) is None and _HEADER_AFTER_BREAK.search(text) is None:  # (`_HEADER.search`)
        return found
    lines = text.split("\n")
    offset = 0
    header: list[str | None] | None = None
    rows = 0
    tab = False
    for line in lines:
        if header is None:
            tab = "\t" in line and "," not in line  # a TSV export (tab-separated)
            names = [c.strip().lower() for c in line.split("\t" if tab else ",")]
            if _personal_header(names):
                header = [_column(n) for n in names]
                rows = 0
        elif line.count("\t" if tab else ",") >= 1 and rows < 200:
            rows += 1
            cells = _cells(line, offset, tab)
            # (a date's comma unquoted, `October 12, 2011`: more cells than names)
            if len(cells) > len(header):
                cells = _joined_dates(text, cells)
            for category, (start, end) in zip(header, cells, strict=False):
                if category is not None and end - start >= 2:
                    if category == "other_unique_identifier" and DIGIT.search(text, start, end) is None:
                        continue  # an id column's cell holds a digit
                    found.append(Span(category, start, end, 0.85))
        else:
            header = None
        offset += len(line) + 1
    return found


_PIPE_ROW = re.compile(r"(?m)^[^\n|]*+(?:\|[^\n|]*+){2,}$")
"""A line of three cells or more split by `|` (a printed table's row)."""
_PERSON_CELL = re.compile(
    r"[A-Z][a-z'\u2019-]+(?:[ -][A-Z][a-z'\u2019-]+)?,[ ][A-Z][a-z'\u2019-]+(?:[ ][A-Z]\.?)?"
)
"""A person's name as a table writes it, surname first (`Kennedy, Kyle`)."""
_DATE_CELL = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_ID_CELL = re.compile(r"(?=(?:[A-Z-]*\d){5})[A-Z0-9]+(?:-[A-Z0-9]+)*")
"""A code of five digits or more, letters and dashes allowed (`M1743713`, `PT-2021-387144`)."""


def person_rows(text: str) -> list[Span]:
    """The record number in a printed table's row about a person.

    A row split by `|` with a cell that is a name surname first (`Kennedy, Kyle`) and a cell
    that is a date: a cell of it that is a code of five digits or more (and no date) is that
    person's record number (`M1743713 | Kennedy, Kyle | 04/15/2003 | LDL | 162 mg/dL`).
    """
    if "|" not in text or ", " not in text:
        return []
    found = []
    for row in _PIPE_ROW.finditer(text):
        cells = []
        at = row.start()
        for cell in row.group(0).split("|"):
            stripped = cell.strip()
            cells.append((stripped, at + cell.find(stripped) if stripped else at))
            at += len(cell) + 1
        values = [c for c, _ in cells]
        if not any(_PERSON_CELL.fullmatch(v) for v in values) or not any(
            _DATE_CELL.fullmatch(v) for v in values
        ):
            continue
        found += [
            Span("medical_record_number", start, start + len(value), 0.8)
            for value, start in cells
            if len(value) <= 24
            and _ID_CELL.fullmatch(value) is not None
            and _DATE_CELL.fullmatch(value) is None
        ]
    return found


# -- fields of machine formats ------------------------------------------------------------------

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_FIELD_ONLY = {
    **dict.fromkeys(("line", "line1", "address_line_1"), "address"),
    **dict.fromkeys(("license", "licence"), "certificate_license_number"),
    "street_address_line": "address",
    "birth_time": "date",
    "identifier": None,
}
"""Keys read otherwise in a field than in a CSV header: a person's street only as a field of a
record (`"line": ["12 Oak St"]` in a FHIR address; a CSV column `line` is a claim's line number),
and a licence as a licence (a CSV export counts it with the SSNs)."""
_SPECIFIC = frozenset(
    {
        "medical_record_number",
        "ssn",
        "health_plan_number",
        "account_number",
        "device_identifier",
        "certificate_license_number",
        "vehicle_identifier",
        "biometric_identifier",
    }
)
"""Kinds whose key alone says the value is a person's identifier (`"deviceSerial"`, `member_id:`);
the others (`name`, `city`, `claim_id`) only in a record with a personal field."""
_STAFF_WORDS = frozenset(("employee", "emp", "staff", "personnel", "payroll", "badge", "worker"))
"""A staff member's own number's column (`employee_id`, `badgeNumber`, `personnel_no`): a person's
identifier by its key alone, like `_SPECIFIC` kinds."""


def _specific(kind: str | None, name: str) -> bool:
    """A key that alone says its value is a person's identifier (`_SPECIFIC`, or a staff number's)."""
    return kind in _SPECIFIC or (
        kind == "other_unique_identifier" and not _STAFF_WORDS.isdisjoint(name.split("_"))
    )


_JSON_FIELD = re.compile(
    r"""(["'])([A-Za-z_][\w.-]{0,40})\1[^\S\n]*:\s*(?:\[\s*)?"""
    r"""(?:"([^"\n]{1,120})"|'([^'\n]{1,120})'|(\d[\d.-]{2,40}+)(?![\w"']))"""
)
"""A JSON field, or a Python dict's (`'ssn': '402117733'`)."""
_NAMED_VALUE = re.compile(
    r'"(?:field|name|key|type|label|attribute|attr|property)"\s*:\s*"([A-Za-z_][\w .-]{0,40})"\s*,\s*'
    r'"(?:value|val)"\s*:\s*(?:"([^"\n]{1,120})"|(\d[\d.-]{2,40}+)(?![\w"]))|'
    r'"(?:value|val)"\s*:\s*(?:"([^"\n]{1,120})"|(\d[\d.-]{2,40}+)(?![\w"]))\s*,\s*'
    r'"(?:field|name|key|type|label|attribute|attr|property)"\s*:\s*"([A-Za-z_][\w .-]{0,40})"'
)
"""A field given as a name and a value (`{"field": "ssn", "value": "..."}`, `{"value": ..., "key":
"member_id"}`): the name is the field's key."""
_XML_FIELD = re.compile(r"<([A-Za-z_][\w.-]{0,40})(?:[^\S\n][^<>\n]{0,200})?>([^<>\n]{1,120})</\1>")
_XML_NAMED = re.compile(
    r"<([A-Za-z_][\w.-]{0,40})[^\S\n][^<>\n]{0,100}?\b(?:name|key|field|type)="
    r"[\"']([A-Za-z_][\w .-]{0,40})[\"'][^<>\n]{0,100}>([^<>\n]{1,120})</\1>"
)
"""An XML element named by an attribute (`<field name="mrn">4412093</field>`): the attribute is the key."""
_XML_VALUE = re.compile(r"<([A-Za-z_][\w.-]{0,40})[^\S\n][^<>\n]{0,200}?\bvalue=\"([^\"<>\n]{1,120})\"")
"""An XML element whose value is its `value` attribute (`<birthTime value="19720415"/>` in a CDA
document): the element's name is the key."""
_CDA_PATIENT_IDS = re.compile(r"<patientRole\b[^<>]{0,200}>((?:\s*<id\b[^<>]{0,300}>){1,4})")
_CDA_EXTENSION = re.compile(r"\bextension=\"([^\"<>\n]{3,60})\"")
"""A CDA document's patient identifiers: the `extension` of each `<id>` that opens its `<patientRole>`
(`<patientRole><id root="2.16..." extension="4410982213"/>`)."""
_COMPACT_DATE = re.compile(
    r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}(?:\d\d)?)?(?:[+-]\d{4})?"
)
"""A date in the compact machine form (`19720415`, HL7 and CDA `TS` with its time): no date shape reads it."""
_YAML_FIELD = re.compile(
    r"(?m)^[^\S\n]*(?:-[^\S\n]+)?([a-z_][a-z0-9_]{0,40}|[a-z]+(?:[A-Z][a-z0-9]+)+):[^\S\n]+"
    r"(?:\"([^\"\n]{1,120})\"|'([^'\n]{1,120})'|([^\s\"'#][^\n#]{0,119}?))[^\S\n]*$"
)
"""A YAML or log field (`  member_id: XEH24417805`, `ssn: "123456789"`): a machine key, lower case
(snake case or camel case), at a line start; `Name: ...` is a form's label (the labels' own)."""
_TABLE_ROW = re.compile(
    r"(?m)^\|[^\S\n]*([A-Za-z][\w ./-]{0,30}?)[^\S\n]*\|[^\S\n]*([^|\n]{1,120}?)[^\S\n]*\|[^\S\n]*$"
)
"""A row of a two-column Markdown table of fields (`| MRN | PT-2016-741918 |`)."""
_QUERY_KEY = re.compile(r"[A-Za-z_][\w.-]{0,40}$")
_QUERY_VALUE = re.compile(r"(\"|')?([^\s&\"',;<>]{1,120})(?(1)\1)")
_SQL_INSERT = re.compile(
    r"(?i:\binsert[^\S\n]+into)[^\S\n]+[\w.\"`\[\]]{1,60}\s*\(([^()]{1,600})\)\s*(?i:values)\s*\(([^()]{1,2000})\)"
)
_SQL_VALUE = re.compile(r"'((?:[^'\n]|'')*)'|([^,\s)][^,)]*)")
_FHIR_IDENTIFIER = re.compile(r'"identifier"\s*:\s*\[\s*\{[^{}\[\]]{0,300}?"value"\s*:\s*"([^"\n]{3,60})"')
"""A FHIR resource's identifier (`"identifier": [{"system": "urn:oid:...", "value": "MRN1735219"}]`)."""
_CODE_VALUE = re.compile(r"[A-Za-z0-9]+(?:[-./][A-Za-z0-9]+)*(?:[ ][A-Z0-9]+(?:[-./][A-Z0-9]+)*){0,3}")
"""An identifier's value: a code, or groups of capitals and digits (`CRU 475`, `4040 8783 4901 4905`);
what follows it on the line is no part of it (`license: w199-871-73-489-0 thanks!`)."""
_NAME_VALUE = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:[-'\u2019. ]{1,2}[^\W\d_]+){0,4}\.?")
_CITY_VALUE = re.compile(r"[^\W\d_]+(?:[- '][^\W\d_]+){0,3}")
_STREET_VALUE = re.compile(r"\d{1,6}[A-Za-z]?[ ,]+[^\W\d_].{2,80}")
_POSTAL_VALUE = re.compile(r"[A-Z0-9]{3,6}(?:[ -][A-Z0-9]{2,5})?")
"""A postal code of any country (`SW1A 1AA`, `9489 BF`, `322640`, `00143-81571`): 3 digits or more."""


def key_name(key: str) -> str:
    """A machine key as a CSV column name: snake case, lower case.

    (`deviceSerial`, `DriversLicense`, `postal-code`, `Member ID` -> `device_serial`,
    `drivers_license`, `postal_code`, `member_id`)
    """
    return _CAMEL.sub("_", key).replace("-", "_").replace(".", "_").replace(" ", "_").lower()


_WHOSE = (
    "patient_",
    "pt_",
    "member_",
    "subscriber_",
    "insured_",
    "guarantor_",
    "customer_",
    "client_",
    "user_",
)
"""A person a key names first (`patientSSN`, `member_first_name`): the rest of the key is the field."""


def _field_kind(key: str) -> str | None:
    """The kind of a field's key: as a column, after a person's word, or a specific id's key at its end.

    (`patientSSN` is an `ssn`, `vehicle_plate` a plate; `product_name` is no one's name.)
    """
    name = key_name(key)
    if name in _FIELD_ONLY:
        return _FIELD_ONLY[name]
    kind = _column(name)
    if kind is not None:
        return kind
    for whose in _WHOSE:
        if name.startswith(whose):
            rest = name[len(whose) :]
            return _FIELD_ONLY[rest] if rest in _FIELD_ONLY else _column(rest)
    at = name.find("_")
    while at != -1:
        kind = _COLUMNS.get(name[at + 1 :])
        if kind in _SPECIFIC:
            return kind
        at = name.find("_", at + 1)
    return None


_NOT_KEY = re.compile(r"[^a-z0-9]+")


def header_kind(cell: str) -> str | None:
    """The specific identifier a table's header cell names, the cell read as a column name.

    (`Med Rec No.`, `Fingerprint ID`, `Medicare #`, `DEA No.` -> `med_rec_no` ...: a medical
    record, a biometric template, a plan's member number, a licence; `Order No.`, `Unit No.`,
    `Plan ID` name none.)
    """
    name = _NOT_KEY.sub("_", key_name(cell.replace("#", " no ").strip())).strip("_")
    kind = _field_kind(name) if name else None
    return kind if _specific(kind, name) else None


def _fits(kind: str, name: str, value: str) -> bool:
    """A value of the shape its key's kind has (a name of letters, a code with digits ...)."""
    digits = sum(c.isdigit() for c in value)
    if kind == "name":
        return value[:1].isupper() and _NAME_VALUE.fullmatch(value) is not None
    if kind == "address":
        if name in ("city", "town"):
            return value[:1].isupper() and _CITY_VALUE.fullmatch(value) is not None
        if "zip" in name or "post" in name:
            return digits >= 3 and _POSTAL_VALUE.fullmatch(value) is not None
        return _STREET_VALUE.fullmatch(value) is not None
    if kind == "url":
        return value.startswith(("http://", "https://", "www."))
    if kind == "date":
        return _COMPACT_DATE.fullmatch(value) is not None  # the others are found by their shapes
    if kind in ("phone", "email"):
        return False  # found by their shapes
    if kind == "vehicle_identifier":
        return digits >= 2 and len(value) >= 5
    return digits >= 4 and len(value) <= 40


_DECIMAL = re.compile(r"[\d,]+\.\d+")


def _personal_value(kind: str, fits: bool, value: str) -> bool:
    """The value of a personal key has its kind's shape (what makes the record a person's).

    Phones, e-mails and dates are found by their shapes elsewhere (`_fits` leaves them), so
    here they need only look like one: an `@`, seven digits, four digits that are no amount.
    """
    digits = sum(c.isdigit() for c in value)
    if kind == "email":
        return "@" in value
    if kind in ("phone", "fax"):
        return digits >= 7 and _DECIMAL.fullmatch(value) is None
    if kind == "date":
        return digits >= 4 and _DECIMAL.fullmatch(value) is None
    return fits


def _value(kind: str, value: str) -> str:
    """The part of a field's value that is the value.

    An identifier's code without what follows it, any value without a full stop or a comma
    closing the sentence it ends.
    """
    if kind in _SPECIFIC or kind == "other_unique_identifier":
        m = _CODE_VALUE.match(value)
        return m.group(0) if m is not None else ""
    return value.rstrip(".,;:!?") if kind != "name" else value.rstrip(",;:!?")


def _pairs(text: str) -> list[tuple[str, int, int]]:
    """(key, value start, value end) of the JSON, XML, YAML, Markdown-table, query-string and SQL fields."""
    pairs: list[tuple[str, int, int]] = []
    if '":' in text or '" :' in text or "':" in text:
        for m in _JSON_FIELD.finditer(text):
            g = next(i for i in (3, 4, 5) if m.group(i) is not None)
            pairs.append((m.group(2), m.start(g), m.end(g)))
        if '"value"' in text or '"val"' in text:
            for m in _NAMED_VALUE.finditer(text):
                key = m.group(1) or m.group(6)
                g = next(i for i in (2, 3, 4, 5) if m.group(i) is not None)
                pairs.append((key, m.start(g), m.end(g)))
    if "</" in text:
        pairs += [(m.group(1), m.start(2), m.end(2)) for m in _XML_FIELD.finditer(text)]
        if "=" in text:
            pairs += [(m.group(2), m.start(3), m.end(3)) for m in _XML_NAMED.finditer(text)]
    if 'value="' in text:
        pairs += [(m.group(1), m.start(2), m.end(2)) for m in _XML_VALUE.finditer(text)]
    if ": " in text:
        for m in _YAML_FIELD.finditer(text):
            g = next(i for i in (2, 3, 4) if m.group(i) is not None)
            pairs.append((m.group(1), m.start(g), m.end(g)))
    if "|\n" in text or text.endswith("|"):
        pairs += [(m.group(1), m.start(2), m.end(2)) for m in _TABLE_ROW.finditer(text)]
    at = text.find("=")
    while at != -1:
        key = _QUERY_KEY.search(text, max(0, at - 41), at)
        if key is not None and (
            key.start() == 0 or not (text[key.start() - 1].isalnum() or text[key.start() - 1] in "_.-")
        ):
            value = _QUERY_VALUE.match(text, at + 1)
            if value is not None:
                pairs.append((key.group(0), value.start(2), value.end(2)))
        at = text.find("=", at + 1)
    if "insert" in text.lower():
        for m in _SQL_INSERT.finditer(text):
            columns = [c.strip().strip('"`[]') for c in m.group(1).split(",")]
            values = [
                (v.start(1), v.end(1))
                if v.group(1) is not None
                else (v.start(2), v.start(2) + len(v.group(2).rstrip()))
                for v in _SQL_VALUE.finditer(text, m.start(2), m.end(2))
            ]
            pairs += [(c, s, e) for c, (s, e) in zip(columns, values, strict=False)]
    return pairs


def fields(text: str) -> list[Span]:
    """Values under a person's keys in JSON, XML, YAML, logs, Markdown tables, query strings, SQL.

    The key is read as a column name (`deviceSerial`, `DriversLicense`, `member_id` ->
    `device_serial` ...): a specific identifier's key (serial, licence, plate, member id, MRN,
    SSN, card) marks its value when the value has its shape (digits); a name, a city, a street,
    a postal code, a profile URL or a generic `*_id` only in a record with a personal field too
    (an MRN, an SSN, a birth date, a phone, an e-mail, a `patient...` key). A key unknown as a
    whole is read by its words (`_KIND_WORDS`: `fingerprint_template_id`, `med_rec_no`,
    `stateLicenseNo`, `pesel_number`); a staff member's number's key counts alone (`_STAFF_WORDS`).
    """
    if not any(map(text.__contains__, (":", "=", "</", "(", "|"))):  # a field's mark
        return []
    pairs = _pairs(text)
    if not pairs:
        return []
    kinds = [(_field_kind(k), key_name(k), s, e) for k, s, e in pairs]
    values = [_value(kind, text[s:e].strip()) if kind is not None else "" for kind, _, s, e in kinds]
    fit = [
        kind is not None and bool(value) and _fits(kind, name, value)
        for (kind, name, _, _), value in zip(kinds, values, strict=True)
    ]
    # a personal field is one whose value has its key's shape: `email: 1000.00` (a channel's
    # budget in a flattened plan) or `phone: ask at the desk` make no record personal
    personal = any(
        (kind is None and name.startswith(("patient", "dob", "birth")))
        or (
            kind is not None
            and (kind in _STRONG or _specific(kind, name) or name.startswith(("patient", "dob", "birth")))
            and _personal_value(kind, ok, text[start:end].strip())
        )
        for (kind, name, start, end), ok in zip(kinds, fit, strict=True)
    )
    found: list[Span] = []
    for (kind, _name, start, _end), value, ok in zip(kinds, values, fit, strict=True):
        if kind is None or (not personal and not _specific(kind, _name)):
            continue
        if ok:
            start = text.index(value, start)
            found.append(Span(kind, start, start + len(value), 0.85))
    if personal and "<patientRole" in text:
        for ids in _CDA_PATIENT_IDS.finditer(text):
            found += [
                Span("medical_record_number", m.start(1), m.end(1), 0.85)
                for m in _CDA_EXTENSION.finditer(text, ids.start(1), ids.end(1))
                if sum(c.isdigit() for c in m.group(1)) >= 4
            ]
    if personal and '"identifier"' in text:
        found += [
            Span("medical_record_number", m.start(1), m.end(1), 0.85)
            for m in _FHIR_IDENTIFIER.finditer(text)
            if sum(c.isdigit() for c in m.group(1)) >= 4
        ]
    return found


# -- camera photos sent ------------------------------------------------------------------------

_CAMERA_FILE = re.compile(
    r"(?<![\w-])(?:(?:IMG|PXL|DSC|DSCN|DCIM|VID|MVIMG|Screenshot|photo|foto|selfie)[_ -][\w -]{1,40}?|"
    r"WhatsApp[ ]Image[ ][\d-]{10}[ ]at[ ][\d.]{5,8}(?:[ ]\(\d\))?)\.(?i:jpe?g|png|heic|webp)\b"
)
_PHOTO_CUE = re.compile(r"(?i:\b(?:photos?|pictures?|pics?|images?|fotos?|selfies?)\b)")
_SENT = re.compile(
    r"(?i:\b(?:sent|sending|attached|attaching|attachments?|uploaded|upload(?=[/?])|here(?:'s|\s+is)|file\s+is|adjunto|ci-joint|anbei|"
    r"envi[ée]|enviei|inviato|verstuurd|geschickt)\b)"
)
"""Someone sending the file (`sent it, file is ...`), a message's attachment or an upload endpoint's
file (`/upload?file=`), not an example in instructions (`Upload a photo, e.g. IMG_1234.jpg`)."""
_CAMERA_GATES = ("img", "pxl", "dsc", "dcim", "vid", "screenshot", "photo", "foto", "selfie", "whatsapp")


def camera_photos(text: str) -> list[Span]:
    """A phone camera's file name in a text that asks for or sends a photo (`sent it, file is IMG_...jpg`)."""
    if "." not in text or not has_any(text, _CAMERA_GATES):
        return []
    cue = _PHOTO_CUE.search(text) is not None
    found = []
    for m in _CAMERA_FILE.finditer(text):
        sent = _SENT.search(text, max(0, m.start() - 60), m.start())
        if sent is not None and (cue or sent.group(0).lower().startswith(("upload", "attachment"))):
            found.append(Span("full_face_photo", m.start(), m.end(), 0.8))
    return found
