"""Identifiers in HL7 v2 messages, by segment and field.

An HL7 v2 message is lines of `|`-separated fields (`PID|1||8566884^^^MGH^MR||SMITH^WILLIAM^A||
19610314|M|||123 MAIN ST^^BOSTON^MA^02114||(617)555-0142|...`), components split by `^` and
repeats by `~`. The field's position says what it holds, so a name in upper case with no
label, a compact birth date or a bare record number are found by where they stand: the
patient (`PID`), next of kin (`NK1`), guarantor (`GT1`), insured (`IN1`), visit (`PV1`:
clinicians, visit number, admission and discharge times), merged record (`MRG`), and the
ordering or entering clinician (`ORC`, `OBR`); and an observation (`OBX`) whose identifier
names a photo of the patient or a biometric (`OBX|1|ED|PHOTO^Patient photo||face_0231.jpg`):
its value is the photo or the template.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_spans import Span

_FIELDS: dict[str, dict[int, str]] = {
    "PID": {
        2: "medical_record_number",
        3: "medical_record_number",
        4: "medical_record_number",
        5: "name",
        6: "name",
        7: "date",
        9: "name",
        11: "address",
        13: "phone",
        14: "phone",
        18: "account_number",
        19: "ssn",
        20: "certificate_license_number",
        21: "other_unique_identifier",
        23: "address",
        29: "date",
    },
    "NK1": {
        2: "name",
        4: "address",
        5: "phone",
        6: "phone",
        16: "date",
        30: "name",
        32: "address",
        33: "phone",
    },
    "GT1": {
        2: "other_unique_identifier",
        3: "name",
        5: "address",
        6: "phone",
        7: "phone",
        8: "date",
        12: "ssn",
    },
    "IN1": {16: "name", 18: "date", 19: "address", 36: "health_plan_number", 49: "other_unique_identifier"},
    "IN2": {1: "other_unique_identifier", 2: "ssn", 8: "health_plan_number"},
    "PV1": {7: "name", 8: "name", 9: "name", 17: "name", 19: "account_number", 44: "date", 45: "date"},
    "MRG": {1: "medical_record_number", 3: "account_number", 7: "name"},
    "ORC": {9: "date", 10: "name", 11: "name", 12: "name"},
    "OBR": {
        6: "date",
        7: "date",
        8: "date",
        14: "date",
        16: "name",
        22: "date",
        28: "name",
        32: "name",
        33: "name",
        34: "name",
    },
}
"""The fields of each segment that hold an identifier, by field number (HL7 v2.5)."""
_SEGMENT = re.compile(r"(?m)^(PID|NK1|GT1|IN1|IN2|PV1|MRG|ORC|OBR|OBX)\|[^\n]*")
_PHOTO_OBSERVATION = re.compile(r"(?i:\b(?:photo(?:graph)?|headshot|face|facial)\b)")
_BIOMETRIC_OBSERVATION = re.compile(
    r"(?i:\b(?:finger(?:print)?|thumbprint|iris|retina|voice\s*print|palm(?:print)?|biometric|dna)\b)"
)


def hl7_fields(text: str) -> list[Span]:
    """The identifying fields of the HL7 v2 segments in `text` (none without a segment header)."""
    if "|" not in text or not any(f"{name}|" in text for name in (*_FIELDS, "OBX")):
        return []
    found: list[Span] = []
    for m in _SEGMENT.finditer(text):
        if m.group(1) == "OBX":
            found += _observed(m.group(0), m.start())
            continue
        fields = _FIELDS[m.group(1)]
        start = m.start()
        for number, value in enumerate(m.group(0).split("|")):
            category = fields.get(number)
            if category is not None:
                found += _value_spans(category, value, start)
            start += len(value) + 1
    return found


def _observed(segment: str, at: int) -> list[Span]:
    """An `OBX` value (field 5) that is a photo of the patient or a biometric, by its identifier (field 3)."""
    fields = segment.split("|")
    if len(fields) < 6:
        return []
    category = (
        "full_face_photo"
        if _PHOTO_OBSERVATION.search(fields[3])
        else "biometric_identifier"
        if _BIOMETRIC_OBSERVATION.search(fields[3])
        else None
    )
    if category is None:
        return []
    return _value_spans(category, fields[5], at + sum(len(f) + 1 for f in fields[:5]))


def _value_spans(category: str, value: str, at: int) -> list[Span]:
    """Spans of a field's repeats (`~`), each without its empty trailing components."""
    spans = []
    offset = at
    for repeat in value.split("~"):
        stripped = repeat.rstrip("^")
        lead = len(stripped) - len(stripped.lstrip("^"))
        if category == "medical_record_number" or category == "account_number":
            stripped = stripped.lstrip("^").split("^", 1)[0]  # the id, not its authority (`^^^MGH^MR`)
        else:
            stripped = stripped.lstrip("^")
        if any(c.isalnum() for c in stripped):
            spans.append(Span(category, offset + lead, offset + lead + len(stripped), 0.9))
        offset += len(repeat) + 1
    return spans
