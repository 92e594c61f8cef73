"""A form's fields known by the CLASS of their label, in any layout (issue 12, branch `pg`).

A label names a person's identifier when it is built of an identity noun (insured, member,
subscriber, beneficiary, patient, policyholder, account, claim, case, chart, record, cardholder,
guarantor, employee, enrollee, participant, client, visit, encounter, authorization, identification,
staff, personnel, payroll, badge, worker ...) and an identifier word (id, no., num, number, #, code,
ref, ident.), up to two words apart (`Insured's ID No.`, `Claim Control #`, `Resp. Party Acct`,
`Insured Member Code`); in German, French and Spanish by their compounds and phrases
(`Versichertennummer`, `N° de sécurité sociale`, `Nº de afiliación`). Its value is taken by its
shape (a code of four digits or more, no date or phone) after `:`, `=`, a tab, leader dots, a `|`, a
dash, spaces, or alone on the next line. A person's name likewise after a role label (`Name of
Insured`, `Policy Holder`, `Resp. Party`, `Guarantor`, `Prescriber`, `Ordering Clinician`, `Nom de
l'assuré`), at a line's or a cell's start. Tables (CSV, `|`, tabs, fixed-width columns) whose header
names such columns (`Insured ID`, `Last`, `First`, `DOB/Age`, `Addr 1`, `City`, `Zip`, `Home Ph`),
or a specific identifier's column name read as a machine key (`MRN`, `Iris Template ID`, `Guarantor
Acct #`: `_phi_labels.header_kind`): the cells under them. A code with such a label in brackets
after it (`40917733 (Member ID)`, `BK2291037 (DEA #)`).

Not a person's: `RxBIN`, `PCN`, `Lot No.`, `Catalog #`, `SKU`, `Model No.`, `Ref range`,
`Vendor No.`, `Contract #` (a plan's routing numbers, goods and businesses): no identity noun.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_labels import header_kind
from global_orchestrator.policies._phi_spans import Span, digit_runs, has_any

_HOLDER = (
    r"insured(?:'s)?|member(?:ship)?|mbr|subscriber(?:'s)?|beneficiary(?:'s)?|patient(?:'s)?|pt|"
    r"policy[- ]?holder(?:'s)?|policy|account|acct|claim|clm|case|chart|record|card[- ]?holder(?:'s)?|"
    r"guarantor(?:'s)?|employee|emp|enrollee|participant|client|visit|encounter|"
    r"auth(?:orization)?|identification|certificate|resp(?:onsible)?\.?[^\S\n]+party|"
    r"staff|personnel|payroll|badge|worker"
)
_IDWORD = (
    r"(?:acc(?:oun)?t|id|i\.d\.|no|nr|num|nbr|number|code|ref(?:erence)?|ident(?:ifier)?)"
    r"\.?(?:[^\S\n]*\#)?|\#"
)
_FOREIGN_ID = (
    r"(?:versicherten|mitglieds?|fall|patienten|kassen)-?(?:nummer|nr\.?)|"
    r"(?:n[°º]|num[ée]ro|n[úu]mero)\.?[^\S\n]*d[e'\u2019][^\S\n]*(?:la[^\S\n]+)?"
    r"(?:s[ée]curit[ée][^\S\n]+sociale|adh[ée]rent|assur[ée]e?|dossier|afiliaci[óo]n|"
    r"historia(?:[^\S\n]+cl[íi]nica)?|p[óo]liza|asegurado|socio|expediente|affiliation)"
)
_STOP = (
    r"(?i:has|had|was|were|is|are|the|an|of|for|to|and|or|with|in|on|at|by|not|her|his|their|our|your|my|"
    r"this|that)"
)
"""Words that make a phrase of prose, not a label (`the patient has no ...`)."""
_ID_LABEL = (
    rf"(?:\b(?:{_HOLDER})\.?(?:[^\S\n]+(?!(?:{_STOP})\b)[A-Za-z]{{2,12}}\.?){{0,2}}?"  # words between
    rf"[^\S\n]*(?:{_IDWORD})(?!\w)|\b(?:{_FOREIGN_ID}))"
)
_SEP = (
    r"(?:[^\S\n]*(?:[:=|\t]|-(?=[^\S\n])|\.{2,}|\u2026)[^\S\n]*(?:[.:\u2026]{2,}[^\S\n]*)?"  # `:`, dots
    r"|[^\S\n]+|[^\S\n]*:?[^\S\n]*\n[^\S\n]*)"  # spaces; the next line
)
_CODE = re.compile(r"[A-Z0-9](?<![\w-].)(?<=(?=(?:[A-Z-]*\d){4}).)(?:[A-Z0-9]|-(?=[A-Z0-9])){3,24}(?![\w-])")
"""A code of four digits or more (the value's shape; found first: few texts hold one)."""
_LABEL_BEFORE = re.compile(rf"(?i:{_ID_LABEL}){_SEP}\Z")
"""An identifier's label and its separator right before a code (searched in a window before it)."""
_DATE_OR_PHONE = re.compile(r"\d{1,4}-\d{1,2}-\d{1,4}|\d{3}-\d{3}-\d{4}|(?:19|20)\d{6}")
_ID_GATES = (
    *("insured", "member", "mbr", "subscri", "benefic", "patient", "pt", "holder", "policy", "acc"),
    *("claim", "clm", "case", "chart", "record", "guarant", "employ", "emp", "enrol", "particip"),
    *("client", "visit", "encounter", "auth", "identification", "certif", "resp"),
    *("staff", "personnel", "payroll", "badge", "worker"),
    *("nummer", "n°", "nº", "numéro", "número", "numero"),
)

_ROLE = (
    r"insured(?:[^\S\n]+person)?|patient|pt|subscriber|guarantor|policy[- ]?holder|card[- ]?holder|"
    r"beneficiary|enrollee|resp(?:onsible)?\.?[^\S\n]+party|prescriber|"
    r"(?:referring|ordering|attending|treating|primary)[^\S\n]+(?:provider|physician|clinician|doctor|md|dr\.?)|"
    r"emergency[^\S\n]+contact|next[^\S\n]+of[^\S\n]+kin|guardian"
)
_NAME_LABEL = (
    rf"(?:name[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?:{_ROLE})|(?:{_ROLE})(?:'s)?(?:[^\S\n]+(?:full[^\S\n]+)?name)?|"
    r"name[^\S\n]+des[^\S\n]+(?:versicherten|patienten)|"
    r"nom[^\S\n]+(?:de[^\S\n]+l['\u2019]assur[ée]e?|du[^\S\n]+patient)|"
    r"nombre[^\S\n]+del?[^\S\n]+(?:asegurado|paciente|titular))"
    r"(?:[^\S\n]*\((?:last|surname)[^)\n]{0,20}\))?"
)
_NAME_WORD = r"[A-Z][A-Za-z'\u2019-]+"
_LABELLED_NAME = re.compile(
    rf"(?m)(?:^|(?<=\|))[^\S\n]*(?i:{_NAME_LABEL})"
    r"(?:[^\S\n]*(?:[:=|\t]|-(?=[^\S\n])|\.{2,})[^\S\n]*(?:[.:]{2,}[^\S\n]*)?"
    r"|[^\S\n]{2,}|[^\S\n]*:?[^\S\n]*\n[^\S\n]*)"
    rf"({_NAME_WORD}(?:,?[^\S\n]{_NAME_WORD}|[^\S\n][A-Z]\.){{1,3}})(?=[^\S\n]*(?:\||\n|\Z|[^\S\n]{{2}}))"
)
_NAME_GATES = (
    *("insured", "patient", "pt", "subscriber", "guarantor", "holder", "beneficiary", "enrollee", "party"),
    *("prescriber", "referring", "ordering", "attending", "treating", "primary", "contact", "kin"),
    *("guardian", "versicherten", "patienten", "assur", "asegurado", "paciente", "titular"),
)
_NOT_A_PERSON = re.compile(
    r"(?i:\b(?:health|plan|insurance|mutual|inc|llc|ltd|hospital|clinic|center|centre|group|services|"
    r"same|self|see|none|unknown|n/a|medicare|medicaid|pharmacy|labs?|laboratory)\b)"
)

_CREDENTIAL = re.compile(r"(?:,?[^\S\n](?:MD|DO|RN|NP|PA|PA-C|PhD|DDS|DMD|PharmD|RPh|APRN|FNP|DPM|OD)\.?)+\Z")
"""A clinician's credentials after the name (`Ann Fry, MD`): no part of it."""
_KINDS = (
    ("acc", "account_number"),
    ("insured", "health_plan_number"),
    ("member", "health_plan_number"),
    ("mbr", "health_plan_number"),
    ("subscri", "health_plan_number"),
    ("benefic", "health_plan_number"),
    ("polic", "health_plan_number"),
    ("holder", "health_plan_number"),
    ("enrol", "health_plan_number"),
    ("particip", "health_plan_number"),
    ("patient", "medical_record_number"),
    ("pt", "medical_record_number"),
    ("chart", "medical_record_number"),
    ("record", "medical_record_number"),
    ("visit", "medical_record_number"),
    ("encounter", "medical_record_number"),
    ("case", "medical_record_number"),
)


def _category(label: str) -> str:
    """The category of a labelled identifier by its label's words (`Pt acct`: an account)."""
    label = label.lower()
    return next((kind for word, kind in _KINDS if word in label), "other_unique_identifier")


# -- tables: a header of columns known by class --------------------------------------------------
_ID_HEAD = re.compile(rf"(?i:{_ID_LABEL}[^\S\n]*[.#]?)")
_NAME_HEAD = re.compile(
    rf"(?i:(?:last|first|middle|given|family|sur)[^\S\n]*name|last|first|surname|given|family|"
    rf"(?:patient|member|insured|subscriber|pt)(?:[^\S\n]+name)?|name|{_NAME_LABEL})"
)
_DATE_HEAD = re.compile(
    r"(?i:(?:(?:pt|patient|insured|member)[^\S\n]+)?(?:dob(?:[^\S\n]*/[^\S\n]*age)?|d\.o\.b\.?|birth[^\S\n]*date|"
    r"date[^\S\n]+of[^\S\n]+birth))"
)
_PLACE_HEAD = re.compile(
    r"(?i:addr(?:ess)?\.?(?:[^\S\n]*(?:line[^\S\n]*)?[12])?|street|city|town|zip(?:[^\S\n]*code)?|postal[^\S\n]*code|postcode)"
)
_PHONE_HEAD = re.compile(
    r"(?i:(?:home|cell|mobile|wk|work|daytime|evening)(?:[^\S\n]*(?:ph(?:one)?\.?|\#|tel))?|phone|tel(?:ephone)?|"
    r"tel[^\S\n]*\((?:home|cell|work)\)|contact[^\S\n]+no\.?|mobile[^\S\n]*\#)"
)
_HEADS = (
    ("id", _ID_HEAD),
    ("name", _NAME_HEAD),
    ("date", _DATE_HEAD),
    ("address", _PLACE_HEAD),
    ("phone", _PHONE_HEAD),
)
_NOT_ID_HEADS = ("name", "date", "address", "phone")
_RULE = re.compile(r"[-=+|\s]+")
_WIDE = re.compile(r"[^\S\n]{2,}")
_DIGIT4 = re.compile(r"(?:\D*\d){4}")


def _kind(cell: str) -> str | None:
    """The class of a header cell (None: not a person's column).

    `id` is an identifier by its label's class (`Insured ID No.`: its category by `_category`);
    otherwise a specific identifier's column name (`MRN`, `Medicare ID`, `Iris Template ID`).
    """
    cell = cell.strip()
    if not cell or len(cell) > 40:
        return None
    for kind, head in _HEADS:
        if head.fullmatch(cell) is not None:
            return kind
    return header_kind(cell)


def _split(line: str, sep: str | None) -> list[tuple[int, str]]:
    """A row's cells as (offset in the line, stripped text); `sep` None: fixed-width columns."""
    cells = []
    if sep is None:
        at = 0
        for m in _WIDE.finditer(line + "  "):
            raw = line[at : m.start()]
            if raw.strip():
                cells.append((at + len(raw) - len(raw.lstrip()), raw.strip()))
            at = m.end()
        return cells
    at = 0
    for raw in line.split(sep):
        stripped = raw.strip().strip('"')
        cells.append((at + raw.find(stripped) if stripped else at, stripped))
        at += len(raw) + 1
    return cells


def _cell_ok(kind: str, value: str) -> bool:
    if kind not in ("name", "date", "phone", "address"):  # an identifier
        return _DIGIT4.match(value) is not None and " " not in value and len(value) <= 25
    if kind == "name":
        return value[:1].isupper() and not any(c.isdigit() for c in value) and len(value) <= 40
    if kind in ("date", "phone"):
        return any(c.isdigit() for c in value)
    return len(value) >= 2


def _tables(text: str) -> list[Span]:
    found: list[Span] = []
    lines = text.split("\n")
    offset = 0
    header: list[str | None] | None = None
    sep: str | None = None
    for line in lines:
        start = offset
        offset += len(line) + 1
        if header is not None:
            if _RULE.fullmatch(line) is not None and line.strip():
                continue
            cells = _split(line, sep)
            if len(cells) != len(header):
                header = None
            else:
                for kind, (at, value) in zip(header, cells, strict=True):
                    if kind is not None and value and _cell_ok(kind, value):
                        found.append(Span(kind, start + at, start + at + len(value), 0.8))
                continue
        for candidate in (",", "|", "\t", None):
            if candidate is not None and line.count(candidate) < 2:
                continue
            if candidate is None and len(_WIDE.findall(line.strip())) < 2:
                continue
            names = [c for _, c in _split(line, candidate)]
            kinds = [_kind(c) for c in names]
            known = [k for k in kinds if k is not None]
            ids = any(k not in _NOT_ID_HEADS for k in known)
            if len(known) >= 2 and (ids or ("name" in known and "date" in known)):
                header = [_category(n) if k == "id" else k for k, n in zip(kinds, names, strict=True)]
                sep = candidate
                break
            if candidate is not None:
                break  # a line of `,` or `|` cells is no fixed-width header
    return found


_LABEL_AFTER = re.compile(r"[^\S\n]*\(([A-Za-z][^()\n]{1,38}?)[^\S\n]*\)")
"""A label in brackets right after a code (`40917733 (Member ID)`, `BK2291037 (DEA #)`)."""


def _bracket_label(label: str) -> str | None:
    """The category an identifier's label in brackets after a code names (None: none)."""
    if _ID_HEAD.fullmatch(label) is not None:
        return _category(label)
    return header_kind(label)


def form_fields(text: str) -> list[Span]:
    """Identifiers and names after labels known by their class, and the cells under such columns."""
    found: list[Span] = []
    if not any(c.isdigit() for c in text[:4000]) and "\n" not in text:
        return found
    codes = list(_CODE.finditer(text)) if digit_runs(text)[0] >= 4 else []
    if codes and "(" in text:
        for m in codes:
            after = _LABEL_AFTER.match(text, m.end())
            kind = _bracket_label(after.group(1)) if after is not None else None
            if kind is not None and _DATE_OR_PHONE.fullmatch(m.group(0)) is None:
                found.append(Span(kind, m.start(), m.end(), 0.8))
    if codes and has_any(text, _ID_GATES):
        for m in codes:
            value = m.group(0)
            if _DATE_OR_PHONE.fullmatch(value) is not None or (len(value) == 4 and value[:2] in ("19", "20")):
                continue  # a date, a phone number, a year
            label = _LABEL_BEFORE.search(text, max(0, m.start() - 120), m.start())
            if label is not None:
                found.append(Span(_category(label.group(0)), m.start(), m.end(), 0.8))
    if has_any(text, _NAME_GATES):
        for m in _LABELLED_NAME.finditer(text):
            if _NOT_A_PERSON.search(m.group(1)) is None:
                end = m.start(1) + len(_CREDENTIAL.sub("", m.group(1)))
                found.append(Span("name", m.start(1), end, 0.8))
    if "\n" in text and (text.count(",") >= 2 or "|" in text or "\t" in text or "   " in text):
        found += _tables(text)
    return found
