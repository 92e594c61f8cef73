"""Identifiers of dictated and transcribed notes (sixteenth build, probe12's classes).

A transcribed note carries its people and numbers in shapes of its own, read here in a patient
record only (`record`: `_detect_phi`'s test of a note's headings and phrases):

- **a caret header** (`EDVISIT^5852418^Harris, Joshua X^2105-01-24^ARO`): the record number, the
  patient's name and the clinician's initials by their fields;
- **dictation marks** after a clinician's credential (`Wendy G. Moore, PA-C  WGM/ed`): the author's
  and the typist's initials;
- **a record number right after the patient's name** in a header (`MCCLURE, NANCY P. 4459874
  09/26/2065`), and the name before a header's label (`Pena, Amber O Unit No: ...`);
- **extensions and pagers** (`pager x6-8795`, `PA-C x4-0729`, `MD ext. 27745`);
- **first names by a note's cues** (`married to Dawn`, `with resident George;`, `Subjective: Chad
  returns for follow-up`), a Census first name only;
- **a home's town** (`lives with partner Scott in an apartment in Flemingview`): weak.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import census
from global_orchestrator.policies._phi_spans import Span

_CARET_HEADER = re.compile(
    r"\b[A-Z]{3,12}\^(\d{5,10})\^([A-Za-z][A-Za-z ,.'-]{2,40})\^[^\^\n]{4,24}\^([A-Z]{2,4})\b"
)
_DICTATION = re.compile(
    # after the credential, on its line or the next ones, or on a line of its own before the job number
    r"(?:(?:M\.?D\.?|PA-C|N\.?P\.?|R\.?N\.?|Ph\.?D\.?|D\.?O\.?|MBBS)\s{1,4}|^[ \t]*)"
    r"([A-Z]{2,4})/([a-z]{2,4})(?![\w/])(?=[ \t]*(?:$|Job\b|DD:|D:|T:))",
    re.MULTILINE,
)
_NAME_BEFORE_LABEL = re.compile(
    r"([A-Z][A-Za-z'-]+,[ ][A-Z][A-Za-z'-]+(?:[ ][A-Z]\.?)?)"
    r"(?=[ \t]+(?:Unit[ ]No|MRN|Med(?:ical)?[ ]Rec|DOB|Admission[ ]Date|Acct|Account)\b)"
)
_NUMBER_AFTER_NAME = re.compile(r"[ \t]{0,2}\n?[ \t]{0,2}(?<=\s)(\d{6,10})(?=\s+\S)")
_NAME_BEFORE_NUMBER = re.compile(
    # a full name, then its record number in brackets (`follow-up SARAH BLACK (3653672)`, `Kenneth X.
    # Valentine (10941717)`)
    r"\b((?:[A-Z][a-z'-]+|[A-Z]{2,}[A-Z'-]*)(?:[ ][A-Z]\.)?(?:[ ](?:[A-Z][a-z'-]+|[A-Z]{2,}[A-Z'-]*)){1,2})"
    r"[ ]\((\d{6,10})\)"
)
_EXTENSION = re.compile(
    r"(?<![\w-])(?:(?:pager|pgr|beeper|bpr)[ ]#?|ext\.?[ ]?)(\d{1,2}-\d{4}|\d{4,5})(?![\w-])"
    r"|(?<=[\s(])(x\d{1,2}-\d{4}|x\d{4,5})(?![\w-])"
)
_FIRST_NAME_CUE = re.compile(
    r"\b(?:married[ ]to|with[ ](?:resident|fellow|intern|student|attending|Dr\.?)|wife,?|husband,?|"
    r"daughter,?|son,?)[ ]([A-Z][a-z]{1,20}(?:[ ][A-Z][a-z'-]{1,20})?)(?=[,;.)]|[ ](?:and|who|at|in|on)\b)"
    r"|(?:Subjective|HPI|Interval[ ]history|S|CC):[ ]+([A-Z][a-z]{1,20})[ ]"
    r"(?=(?:returns|presents|comes|reports|is|was|has|had|states|denies|notes)\b)"
)
_DWELLING_TOWN = re.compile(
    r"\b(?:apartment|house|home|flat|condo|trailer|farm|townhouse)[ ]in[ ]"
    r"([A-Z][a-z]{2,30}(?:[ ][A-Z][a-z]{2,30})?)"
    r"(?=[,;.)]|[ ](?:with|and|since|for)\b)"
)


def dictated(text: str, record: bool, names: list[tuple[int, int]]) -> list[Span]:
    """Identifiers of a transcribed note (see the module docstring); `names`: name spans found."""
    if not record:
        return []
    found: list[Span] = []
    if "^" in text:
        for m in _CARET_HEADER.finditer(text):
            found.append(Span("medical_record_number", m.start(1), m.end(1), 0.85))
            found.append(Span("name", m.start(2), m.end(2), 0.8))
            found.append(Span("name", m.start(3), m.end(3), 0.7))
    if "/" in text:
        for m in _DICTATION.finditer(text):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
            found.append(Span("name", m.start(2), m.end(2), 0.6))
    first_names = census()[1]
    for m in _NAME_BEFORE_LABEL.finditer(text):
        given = m.group(1).split(", ", 1)[1].split()[0].lower()
        if given in first_names:
            found.append(Span("name", m.start(1), m.end(1), 0.8))
    if "(" in text:
        for m in _NAME_BEFORE_NUMBER.finditer(text):
            if m.group(1).split()[0].lower() in first_names:
                found.append(Span("name", m.start(1), m.end(1), 0.75))
                found.append(Span("medical_record_number", m.start(2), m.end(2), 0.75))
    for _, end in names:
        number = _NUMBER_AFTER_NAME.match(text, end)
        if number is not None:
            found.append(Span("medical_record_number", number.start(1), number.end(1), 0.7))
    for m in _EXTENSION.finditer(text):
        group = 1 if m.group(1) else 2
        found.append(Span("phone", m.start(group), m.end(group), 0.7))
    for m in _FIRST_NAME_CUE.finditer(text):
        group = 1 if m.group(1) else 2
        if m.group(group).split()[0].lower() in first_names:
            found.append(Span("name", m.start(group), m.end(group), 0.7))
    found += [Span("address", m.start(1), m.end(1), 0.6, weak=True) for m in _DWELLING_TOWN.finditer(text)]
    return found
