"""PHI detection: HIPAA Safe Harbor identifiers in free text, offline, with typed spans.

Recognisers are compiled regular expressions with validators (SSN area/group rules, Luhn
for card-like numbers, the VIN check digit) and context words for numbers that are only
identifiers in context (MRN, plan, account, licence, device serial). `detect_phi` returns
non-overlapping findings, longest and most specific first. Placeholders written by
`deidentify` (`[NAME]`, `[DATE]` ...) are never findings, so de-identified text re-scans
clean.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NAME = r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
_STREET = (
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|"
    r"terrace|parkway|pkwy|circle|cir|highway|hwy)\.?"
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)


@dataclass(frozen=True)
class PhiFinding:
    """A span of text that is (or carries) protected health information."""

    category: str
    start: int
    end: int
    text: str
    score: float = 1.0


@dataclass(frozen=True)
class _Recognizer:
    category: str
    pattern: re.Pattern[str]
    score: float = 0.9
    group: int = 0
    """Which regex group is the identifier (0: the whole match)."""
    needs_context: bool = False
    """Counts only in text about a person's care (a bare date in an ad is a campaign date)."""


def _r(
    category: str,
    pattern: str,
    score: float = 0.9,
    group: int = 0,
    flags: int = re.IGNORECASE,
    needs_context: bool = False,
) -> _Recognizer:
    return _Recognizer(category, re.compile(pattern, flags), score, group, needs_context)


_RECOGNIZERS: tuple[_Recognizer, ...] = (
    _r("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", 0.99),
    _r("url", r"\bhttps?://[^\s<>\"']*(?:patient|record|chart|mrn|member|user|id=|/\d{3,})[^\s<>\"']*", 0.9),
    _r("ip_address", r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", 0.9),
    _r("ssn", r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b", 0.95),
    _r(
        "fax",
        r"\bfax(?:\s*(?:no\.?|number|#))?\s*[:\-]?\s*(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b",
        0.95,
    ),
    _r("phone", r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b", 0.9),
    _r(
        "medical_record_number",
        r"\b(?:MRN|medical record(?:\s+(?:number|no\.?|#))?|chart\s+(?:number|no\.?|#))\s*[:#]?\s*([A-Z]{0,3}-?\d{5,10})\b",
        0.95,
        group=1,
    ),
    _r(
        "health_plan_number",
        r"\b(?:member|beneficiary|subscriber|policy|insurance|health plan|medicare|medicaid)"
        r"(?:\s+(?:id|number|no\.?|#))+\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{5,19})\b",
        0.9,
        group=1,
    ),
    _r(
        "account_number",
        r"\b(?:account|acct|billing)(?:\s+(?:number|no\.?|#))?\s*[:#]?\s*(\d[\d-]{5,19})\b",
        0.9,
        group=1,
    ),
    _r(
        "certificate_license_number",
        r"\b(?:licen[cs]e|certificate|DEA|NPI)(?:\s+(?:number|no\.?|#))?\s*[:#]?\s*([A-Z]{0,2}\d{5,10})\b",
        0.85,
        group=1,
    ),
    _r(
        "vehicle_identifier",
        r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-HJ-NPR-Z0-9]*\d)[A-HJ-NPR-Z0-9]{17}\b",
        0.8,
        flags=0,
    ),
    _r(
        "vehicle_identifier",
        r"\b(?:licen[cs]e plate|plate(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*([A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})\b",
        0.85,
        group=1,
    ),
    _r(
        "device_identifier",
        r"\b(?:serial(?:\s+(?:number|no\.?|#))?|device(?:\s+(?:id|serial))|UDI|implant\s+id)\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{5,24})\b",
        0.85,
        group=1,
    ),
    _r(
        "biometric_identifier",
        r"\b(?:fingerprint|retina(?:l)? scan|voice ?print|face ?print|iris scan)s?\b(?:\s+(?:id|record|template|on file))?",
        0.7,
    ),
    _r("full_face_photo", r"\b(?:full[- ]face|facial) (?:photo(?:graph)?|image|picture)s?\b", 0.75),
    _r(
        "date",
        rf"\b(?:DOB|date of birth|born|admitted|admission|discharged|discharge|seen|visit(?:ed)?|died|deceased)"
        rf"\s*(?:on\s*)?[:]?\s*((?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})|(?:{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})|(?:\d{{1,2}}\s+{_MONTHS}\.?\s+\d{{4}})|(?:\d{{4}}-\d{{2}}-\d{{2}}))",
        0.9,
        group=1,
    ),
    _r("date", r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)\d{2}\b", 0.8, needs_context=True),
    _r(
        "age_over_89", r"\b(?:(?:aged?|age:?)\s+(9\d|1[01]\d)|(9\d|1[01]\d)[- ](?:years?|yrs?)[- ]old)\b", 0.9
    ),
    _r(
        "address",
        rf"\b\d{{1,6}}\s+(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}(?:\s*(?:#|apt\.?|suite|unit)\s*\w+)?(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?(?:,\s*(?:{_STATES}))?(?:\s+\d{{5}}(?:-\d{{4}})?)?",
        0.9,
        flags=0,
    ),
    _r("zip_code", rf"\b(?:{_STATES})\s+(\d{{5}}(?:-\d{{4}})?)\b", 0.85, group=1, flags=0),
    _r(
        "name",
        rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+({_NAME}(?:\s+{_NAME})?)",
        0.9,
        group=1,
        flags=0,
    ),
    _r(
        "name",
        rf"(?i:\b(?:patient|pt|client|member|resident|name|son|daughter|wife|husband|mother|father))\s*[:,]?\s+({_NAME}\s+(?:[A-Z]\.\s+)?{_NAME})\b",
        0.9,
        group=1,
        flags=0,
    ),
    _r(
        "name",
        rf"\b({_NAME}\s+{_NAME})\s*\((?:DOB|MRN|age|\d{{1,3}}\s*(?:y/?o|yo|years?))",
        0.85,
        group=1,
        flags=0,
    ),
)

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_CARE_CONTEXT = re.compile(
    r"\b(?:patient|pt\.?|diagnos\w*|admitted|discharged|visit|seen|intake|"
    r"prescri\w*|medication|treated|symptom\w*|DOB|MRN|chart|physician|nurse|dr\.)",
    re.IGNORECASE,
)


# Everyday words that are also census first names or surnames: never a name on their own.
_NOT_NAMES = frozenset(
    """may june april august will mark grant rose summer autumn winter spring art bill hope joy
    faith page ray dawn gene pat max dean guy norm sunny star iris ivy holly robin jack frank drew
    earl gray grey wade chase lane reed hunter brand don bob sale christian major king young long
    black white brown green rich price early love golden sterling miles candy cherry ginger honey
    lily daisy amber crystal destiny harmony melody mercy precious monday tuesday wednesday
    thursday friday saturday sunday virginia georgia carolina dakota florida paris london sydney
    austin dallas houston jordan chelsea brooklyn madison lincoln washington jersey china india
    tiktok instagram email search social school back new free best more our your the this that
    rival general care team clinic health patient doctor nurse""".split()  # noqa: SIM905
)
# a lookahead, so that pairs overlap: in "Meet Carol Singer" both "Meet Carol" and "Carol Singer"
_PAIR = re.compile(r"\b(?=([A-Z][a-z]+)(\s+(?:[A-Z]\.\s+)?)([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")


@cache
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """Common first names and surnames (US Census lists shipped by the `names` package)."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset()
    folder = Path(spec.origin).parent

    def read(name: str, top: int | None = None) -> set[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[:top]
        return {line.split()[0].lower() for line in lines if line.strip()}

    first = (read("dist.male.first", 1000) | read("dist.female.first", 1500)) - _NOT_NAMES
    last = read("dist.all.last") - _NOT_NAMES
    return frozenset(first), frozenset(last)


def _gazetteer_names(text: str) -> list[PhiFinding]:
    first, last = _gazetteer()
    found = []
    for match in _PAIR.finditer(text):
        given, gap, family = match.group(1), match.group(2), match.group(3)
        if given.lower() in first and family.split("-")[0].lower() in last:
            start = match.start()
            end = start + len(given) + len(gap) + len(family)
            found.append(PhiFinding("name", start, end, text[start:end], 0.8))
    return found


def detect_phi(text: str) -> list[PhiFinding]:
    """Every identifier in `text`: non-overlapping spans, in text order."""
    candidates: list[PhiFinding] = _gazetteer_names(text)
    about_care = _CARE_CONTEXT.search(text) is not None
    for recognizer in _RECOGNIZERS:
        if recognizer.needs_context and not about_care:
            continue
        for match in recognizer.pattern.finditer(text):
            group = recognizer.group
            if group and match.group(group) is None:
                group = next((g for g in range(1, (match.re.groups or 0) + 1) if match.group(g)), 0)
            start, end = match.span(group)
            found = text[start:end]
            if not found.strip() or _PLACEHOLDER.fullmatch(found.strip()):
                continue
            if recognizer.category == "vehicle_identifier" and len(found) == 17 and not _vin_ok(found):
                continue
            candidates.append(PhiFinding(recognizer.category, start, end, found, recognizer.score))
    # longest first, then most certain: an address beats the ZIP inside it
    candidates.sort(key=lambda f: (-(f.end - f.start), -f.score, f.start))
    taken: list[PhiFinding] = []
    for finding in candidates:
        if all(finding.end <= t.start or finding.start >= t.end for t in taken):
            taken.append(finding)
    return sorted(taken, key=lambda f: f.start)


def contains_phi(text: str) -> bool:
    """True if `text` holds at least one identifier."""
    return bool(detect_phi(text))


_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _vin_ok(vin: str) -> bool:
    """The VIN check digit (position 9) matches."""
    total = sum(_VIN_VALUES.get(c, -100) * w for c, w in zip(vin.upper(), _VIN_WEIGHTS, strict=True))
    if total < 0:
        return False
    check = total % 11
    return vin[8].upper() == ("X" if check == 10 else str(check))


def deidentify(text: str) -> tuple[str, list[PhiFinding]]:
    """Replace every identifier with a typed placeholder (`[NAME]`, `[DATE]`, ...).

    Returns:
        The de-identified text and what was replaced.
    """
    findings = detect_phi(text)
    out: list[str] = []
    cursor = 0
    for f in findings:
        out.append(text[cursor : f.start])
        out.append(f"[{f.category.upper()}]")
        cursor = f.end
    out.append(text[cursor:])
    return "".join(out), findings
