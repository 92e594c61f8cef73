"""Korean names in Hangul inside Latin-script text (`_phi_scripts._spaced_names`), both ways."""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def names(text: str) -> set[str]:
    return {f.text for f in detect_phi(text) if f.category == "name"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Contact: 서연 이 (daughter), 010-2345-6789", "서연 이"),
        ("Referred by Dr. Chen. Patient 김 지훈 seen today for asthma.", "김 지훈"),
        ("Tenant: 박 민준\nUnit 4B", "박 민준"),
        ("Driver 지훈 최 | licence K-448120", "지훈 최"),
        ("Emergency contact 남궁 민 (brother)", "남궁 민"),
        ("Signed: 하은 정, RN", "하은 정"),
    ],
)
def test_a_korean_name_among_latin_text_is_a_name(text: str, name: str) -> None:
    assert name in names(text), detect_phi(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our Seoul store at 강남구 테헤란로 152 is open late on Fridays",
        "Try our new 김치 Kit today!",
        "Visit 서울역 Station Mall for holiday deals",
        "Menu: 비빔밥 Bowl and 불고기 Wrap, now in all stores",
    ],
)
def test_hangul_places_and_dishes_are_no_names(text: str) -> None:
    assert not names(text), detect_phi(text)
