"""Identifiers in X12 EDI health-care transactions (837 claims, 835 remittances, 270/271, 278), by segment.

An X12 transaction is segments ended by `~` (often one a line), elements split by `*` and
components by `:` (`NM1*IL*1*DOE*JOHN*A***MI*W123456789~`, `N3*12 MAIN ST~`,
`N4*BOSTON*MA*02114~`, `DMG*D8*19610314*M~`). The element's position says what it holds, so a
name in upper case with no label, a compact birth date or a bare claim number are found by
where they stand:

- `NM1` (a party): for a person (entity type `1`) the last, first and middle names; its id
  (element 9) by its qualifier: `MI`/`II`/`N` a member id, `34` an SSN, `XX` an NPI, any
  other a person's id (an organisation's id, entity type `2`, is no finding);
- `N3` (street lines), `N4` (city and postal code; the state is left out);
- `DMG` (birth date), `DTP` (a dated event: `D8` one date, `RD8` a range), `PER` (a
  contact's name and numbers), `REF` (a reference id: prior authorisation, original claim,
  SSN, member or patient account number ...), `CLM`/`CLP` (the claim's own number), `PAT`
  (date of death).

Nothing is found without a segment of this kind ended by `~` or a line end, so prose with
stars in it is left alone.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import Span

_SEGMENT = re.compile(
    r"(?:^|(?<=~))[^\S\n]*(NM1|N3|N4|DMG|DTP|REF|CLM|CLP|PER|PAT)\*([^~\n]*)(?=~|[^\S\n]*$)", re.MULTILINE
)
_GATES = ("NM1*", "N3*", "N4*", "DMG*", "DTP*", "REF*", "CLM*", "CLP*", "PER*", "PAT*")

_ID_CATEGORY = {
    "MI": "health_plan_number",  # member identification number
    "II": "health_plan_number",  # standard unique health identifier
    "N": "health_plan_number",  # insured's unique identification number
    "34": "ssn",
    "XX": "certificate_license_number",  # NPI (as the `npi` keyword finds it)
}
_REF_CATEGORY = {
    "SY": "ssn",
    "EA": "medical_record_number",
    "1W": "health_plan_number",
    "0F": "health_plan_number",
    "IG": "health_plan_number",
    "Y4": "other_unique_identifier",
    "EJ": "account_number",
}
_ORGANISATION_REFS = frozenset({"EI", "TJ", "G2", "LU", "2U", "FY", "NF", "0B", "1G", "HPI", "BB", "6R"})
"""REF qualifiers of a provider's or payer's own number (tax id, provider id, line item control ...)."""
_CONTACT_NUMBERS = frozenset({"TE", "FX", "EX", "CP", "EM"})
_PHONE = re.compile(r"\d{10,11}")


def x12_segments(text: str) -> list[Span]:
    """The identifying elements of the X12 segments in `text` (none without a segment of the kinds above)."""
    if "*" not in text or not any(g in text for g in _GATES):
        return []
    found: list[Span] = []
    for m in _SEGMENT.finditer(text):
        elements = m.group(2).split("*")
        starts = []
        at = m.start(2)
        for e in elements:
            starts.append(at)
            at += len(e) + 1
        found += _segment_spans(m.group(1), elements, starts)
    return found


def _element(elements: list[str], starts: list[int], i: int, category: str, score: float = 0.9) -> list[Span]:
    """The span of element `i` (1-based, as X12 numbers them), stripped; none when empty or absent."""
    if i > len(elements):
        return []
    value = elements[i - 1]
    stripped = value.strip()
    if not stripped or not any(c.isalnum() for c in stripped):
        return []
    lead = len(value) - len(value.lstrip())
    start = starts[i - 1] + lead
    return [Span(category, start, start + len(stripped), score)]


def _segment_spans(segment: str, elements: list[str], starts: list[int]) -> list[Span]:
    def get(i: int) -> str:
        return elements[i - 1].strip() if i <= len(elements) else ""

    spans: list[Span] = []
    if segment == "NM1":
        person = get(2) == "1"
        if person:
            for i in (3, 4, 5):
                spans += _element(elements, starts, i, "name")
            if len(get(9)) >= 4 and any(c.isdigit() for c in get(9)):
                spans += _element(elements, starts, 9, _ID_CATEGORY.get(get(8), "other_unique_identifier"))
    elif segment == "N3":
        spans += _element(elements, starts, 1, "address")
        spans += _element(elements, starts, 2, "address")
    elif segment == "N4":
        if get(1).replace(" ", "").isalpha():
            spans += _element(elements, starts, 1, "address")
        if any(c.isdigit() for c in get(3)):
            spans += _element(elements, starts, 3, "address")
    elif segment == "DMG":
        if get(1) == "D8" and get(2).isdigit() and len(get(2)) == 8:
            spans += _element(elements, starts, 2, "date")
    elif segment == "PAT":
        if get(5) == "D8" and get(6).isdigit() and len(get(6)) == 8:
            spans += _element(elements, starts, 6, "date")
    elif segment == "DTP":
        if get(2) in ("D8", "RD8", "DT") and get(3)[:8].isdigit():
            spans += _element(elements, starts, 3, "date")
    elif segment == "REF":
        if get(1) not in _ORGANISATION_REFS and len(get(2)) >= 4 and any(c.isdigit() for c in get(2)):
            spans += _element(elements, starts, 2, _REF_CATEGORY.get(get(1), "other_unique_identifier"))
    elif segment in ("CLM", "CLP"):
        if len(get(1)) >= 4 and any(c.isdigit() for c in get(1)):
            spans += _element(elements, starts, 1, "other_unique_identifier")
    elif segment == "PER":
        if get(2) and not any(c.isdigit() for c in get(2)) and " " in get(2):
            spans += _element(elements, starts, 2, "name", 0.8)
        for i in (4, 6, 8):
            if get(i - 1) in _CONTACT_NUMBERS:
                value = get(i)
                if "@" in value:
                    spans += _element(elements, starts, i, "email")
                elif _PHONE.fullmatch(value):
                    spans += _element(elements, starts, i, "phone")
    return spans
