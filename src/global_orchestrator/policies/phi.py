"""The PHI check of marketing subtasks: PHI-related wording and actual PHI.

The seed's rule is "marketing subtasks block PHI-related descriptions". `check_phi_related`
flags text that talks about individual patients' data (records, diagnoses tied to a
patient, "MRN", "date of birth") and everything `detect_phi` finds (the 18 HIPAA
identifiers and patient health information). Health topics without person-level data
("a diabetes awareness webinar for the public") are not flagged. The decision's reason
names categories only, never the matched text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from global_orchestrator.policies._phi_fold import fold
from global_orchestrator.policies.phi_detector import PhiFinding, detect_phi

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(pattern, re.IGNORECASE))
    for category, pattern in (
        ("phi_term", r"\b(PHI|protected health information|ePHI)\b"),
        ("medical_record", r"\b(medical|health|clinical|patient|EHR|EMR)\s+records?\b"),
        ("medical_record_number", r"\b(MRN|medical record (number|no\.?|#))\b"),
        ("ssn", r"\b(SSN|social security (number|no\.?|#))\b|\b\d{3}-\d{2}-\d{4}\b"),
        ("date_of_birth", r"\b(DOB|D\.O\.B|date of birth|birth ?date)\b"),
        (
            "patient_data",
            r"\bpatients?'?s?\b[^.;\n]{0,40}\b(names?|lists?|data|details|charts?|files?|"
            r"histor(y|ies)|diagnos[ie]s|conditions?|medications?|prescriptions?|"
            r"lab results?|test results?|visits?|notes?|addresses|emails?|phone numbers?|"
            r"contacts?|information|info)\b",
        ),
        (
            "patient_data",
            r"\b(diagnos[ie]s|medications?|prescriptions?|lab results?|test results?|"
            r"treatment history|intake notes?|clinical notes?|discharge summar(y|ies))\b"
            r"[^.;\n]{0,40}\b(of|for|from)\b[^.;\n]{0,20}\b(patients?|clients?|members?|"
            r"Mr\.?|Mrs\.?|Ms\.?|individuals?)\b",
        ),
        ("health_plan_number", r"\b(member|beneficiary|policy|health plan) (id|number)\b"),
    )
)


@dataclass(frozen=True)
class PhiDecision:
    """Whether text may go to an agent that must not see PHI."""

    allowed: bool
    findings: tuple[PhiFinding, ...] = ()

    @property
    def reason(self) -> str:
        """A sentence for the issue message: the categories found, never the values."""
        if self.allowed:
            return "no PHI-related content found"
        categories = dict.fromkeys(f.category for f in self.findings)
        return f"PHI-related content: {', '.join(categories)}"


@lru_cache(maxsize=4096)
def check_phi_related(text: str) -> PhiDecision:
    """Flag text that refers to individual patients' health data or holds identifiers.

    Cached (the decision is immutable): plan validation, the run-time guard and the
    labels ask about the same subtask texts.
    """
    findings = [
        PhiFinding(category, match.start(), match.end(), match.group(0))
        for category, pattern in _PATTERNS
        for match in pattern.finditer(text)
    ]
    folded = fold(text)  # disguised wording (a zero-width space in "patient records"), as detect_phi reads it
    if folded is not None:
        for category, pattern in _PATTERNS:
            for match in pattern.finditer(folded.text):
                start, end = folded.span(match.start(), match.end())
                findings.append(PhiFinding(category, start, end, text[start:end]))
    seen = {(f.start, f.end) for f in findings}
    findings += [f for f in detected(text) if (f.start, f.end) not in seen]
    findings.sort(key=lambda f: (f.start, f.end))
    return PhiDecision(allowed=not findings, findings=tuple(findings))


DETECTED_CHARS = 2_048
"""The longest text whose detector pass `detected` keeps."""


def detected(text: str) -> tuple[PhiFinding, ...]:
    """`detect_phi(text)` as a tuple, cached for texts up to `DETECTED_CHARS` characters.

    The wording check of a text and a plain scan of it share one detector pass: plan
    validation checks a subtask's texts for wording, and the guard reads its `description:
    ...` pair plainly again with what its call reads (`flow` keeps both results).
    """
    if len(text) > DETECTED_CHARS:
        return tuple(detect_phi(text))
    return _detected(text)


@lru_cache(maxsize=1024)
def _detected(text: str) -> tuple[PhiFinding, ...]:
    return tuple(detect_phi(text))
