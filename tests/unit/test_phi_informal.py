"""Ages, dates and hospitals as informal writing gives them (`_phi_dates`, `_phi_places`)."""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered, identifiers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # ages over 89 as posts and texts write them: `shes`, `im`, `(hes 100 btw)`, an age at an event
        ("my nan (shes 97 btw) is in rehab after her fall", "97"),
        ("im 91 and still gardening, my doctor is amazed", "91"),
        ("hes 100 and sharp as a tack", "100"),
        ("im 93f and my knees are shot", "93"),
        ("my uncle was diagnosed with parkinsons at 92", "92"),
        ("grandpa passed away at 101 last spring", "101"),
        # someone's own test or procedure before a date: the date is theirs
        ("had my mri march 3 and they found a cyst", "march 3"),
        ("just got my biopsy results back on the 14th!!", "the 14th"),
        ("ur son's scan on the 9th went ok?", "the 9th"),
        # a hospital called by its name and `General` or `Memorial`, a town's `New` opening it
        ("my wife had her c-section at Birchwood General, the nurses were great", "Birchwood General"),
        ("my mom had her hip surgery at New Haverford Memorial", "New Haverford Memorial"),
    ],
)
def test_informal_found(text: str, value: str) -> None:
    assert covered(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "im 100 percent sure the clinic is closed today",
        "hes 90 lbs soaking wet",
        "im 95 days sober",
        "she died at 9:45 pm, the report says",
        "Book your colonoscopy by March 3 and save.",
    ],
)
def test_informal_not_flagged(text: str) -> None:
    assert identifiers(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Attorney General announced new rules for clinics, my doctor said.",
        "Grab snacks at Dollar General before my physical therapy.",
        "The Surgeon General warns about vaping; my son has asthma.",
    ],
)
def test_titles_and_firms_are_no_hospital(text: str) -> None:
    assert not any(cat == "address" for cat, _ in identifiers(text))
