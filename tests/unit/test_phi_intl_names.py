"""Names in Vietnamese letters (Latin Extended Additional: `Đặng`, `Huỳnh`, `Trần`)."""

from __future__ import annotations

import pytest

from tests.unit.phi_checks import covered


# --- Vietnamese letters (Latin Extended Additional) are letters of a name ------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kính gửi Dr Lưu Thị Nhàn,\n\nKết quả xét nghiệm của bà đã có.", "Lưu Thị Nhàn"),
        ("Patient: Bạch Văn Tuấn, DOB 4/9/1958", "Bạch Văn Tuấn"),
    ],
)
def test_vietnamese_letters_in_names(text: str, value: str) -> None:
    assert covered(text, value)
