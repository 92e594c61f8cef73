"""What the PHI class tests ask of `detect_phi`: its findings, and whether one covers a value."""

from __future__ import annotations

from global_orchestrator.policies.phi_detector import detect_phi


def findings(text: str) -> set[tuple[str, str]]:
    """(category, matched text) of every finding."""
    return {(f.category, f.text) for f in detect_phi(text)}


def identifiers(text: str) -> set[tuple[str, str]]:
    """`findings` but health information (a topic is no identifier)."""
    return {(f.category, f.text) for f in detect_phi(text) if f.category != "patient_health_info"}


def covered(text: str, value: str) -> bool:
    """One finding covers `value` (its first occurrence in `text`)."""
    start = text.index(value)
    end = start + len(value)
    return any(f.start <= start and end <= f.end for f in detect_phi(text))


def touched(text: str, value: str) -> bool:
    """A finding overlaps `value` (its first occurrence in `text`)."""
    start = text.index(value)
    end = start + len(value)
    return any(f.start < end and f.end > start for f in detect_phi(text))
