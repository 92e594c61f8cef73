"""National identity numbers that carry their own check: found by shape and check, no label needed.

Each shape below is a finding only when its check digit or letter holds (and, where the
number encodes a birth date, when that date exists), so a random number of the same shape
passes rarely (1 in 10 to 1 in 97): Spanish DNI and NIE (`12345678Z`), French NIR
(`1 63 12 30 189 919 35`), Finnish HETU (`140487-4806` style with its check character),
Swedish personnummer (`540120-8847`: a date and the Luhn check), Singapore NRIC and FIN
(`S8191446Z`), Chinese resident identity numbers (18 digits, ISO 7064 check) and Korean
resident registration numbers (`520319-2514868`: a real birth date before the dash and the
sex-and-century digit after it; numbers issued since 2020 carry no check digit). Numbers with
no check of their own (Danish CPR, Turkish and Dutch numbers without a label) are left to
the labelled recogniser (`_phi_keyed._NATIONAL_ID`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from global_orchestrator.policies._phi_shapes import luhn_ok
from global_orchestrator.policies._phi_spans import Span, digit_runs, digit_shape

# Each pattern but `_DNI` is led by a class of its first character (the engine skips to it in
# C), the look-behind after it (`\d(?<![\w-]\d)\d{5}` is `(?<![\w-])\d{6}`): same matches as the
# look-behind-first forms (`tests/unit/test_phi_fast_paths.py`).
_DNI = re.compile(r"(?<![\w-])([XYZ]?)(\d{7,8})-?([A-Z])(?![\w-])")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_NIR = re.compile(
    r"([12])(?<![\w-].)[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})"
    r"(?![\w-])"
)
_HETU = re.compile(r"(\d(?<![\w-]\d)\d{5})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\w-])")
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_CENTURY = {"+": 1800, "-": 1900, "U": 1900, "V": 1900, "W": 1900, "X": 1900, "Y": 1900}
_SIX_FOUR = re.compile(r"(\d(?<![\w-]\d)\d{5})[-+](\d{4})(?![\w-])")
_NRIC = re.compile(r"([STFG])(?<![\w-].)(\d{7})([A-Z])(?![\w-])")
_NRIC_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_CN_ID = re.compile(r"(\d(?<![0-9]\d)\d{16})([0-9Xx])(?![0-9A-Za-z])")
_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_KR_RRN = re.compile(r"(\d(?<![0-9-]\d)\d{5})-([1-8]\d{6})(?![0-9-])")


def real_date(year: int, month: int, day: int) -> bool:
    """`year-month-day` is a calendar date (a birth date inside an id)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _dni(m: re.Match[str]) -> bool:
    return dni_ok(m.group(1), m.group(2), m.group(3))


def dni_ok(prefix: str | None, number: str, letter: str) -> bool:
    """A Spanish DNI (8 digits) or NIE (`X`, `Y` or `Z` and 7 digits) and its check letter."""
    if prefix:  # NIE: X, Y, Z stand for 0, 1, 2 before 7 digits
        if len(number) != 7:
            return False
        number = str("XYZ".index(prefix)) + number
    elif len(number) != 8:
        return False
    return _DNI_LETTERS[int(number) % 23] == letter


def _nir(m: re.Match[str]) -> bool:
    sex, year, month, dept, commune, order, key = m.groups()
    if not (1 <= int(month) <= 12 or 20 <= int(month) <= 42 or 50 <= int(month) <= 99):
        return False
    dept_number = {"2A": "19", "2B": "18"}.get(dept, dept)
    number = int(sex + year + month + dept_number + commune + order)
    if dept in ("2A", "2B"):
        number -= 1_000_000 if dept == "2A" else 2_000_000
    return 97 - number % 97 == int(key)


def _hetu(m: re.Match[str]) -> bool:
    birth, sign, serial, check = m.groups()
    century = 2000 if sign in "ABCDEF" else _HETU_CENTURY.get(sign, 1900)
    day, month, year = int(birth[:2]), int(birth[2:4]), century + int(birth[4:])
    return real_date(year, month, day) and _HETU_CHECK[int(birth + serial) % 31] == check


def personnummer_ok(birth: str, rest: str, century: int | None = None) -> bool:
    """A Swedish personnummer: `birth` a real date, and the Luhn check over `birth + rest`.

    `birth` is YYMMDD (the day plus 60 in a coordination number), in `century` (1900 or 2000
    when None: either).
    """
    year, month, day = int(birth[:2]), int(birth[2:4]), int(birth[4:])
    if day > 60:
        day -= 60  # a coordination number
    centuries = (2000, 1900) if century is None else (century,)
    return any(real_date(c + year, month, day) for c in centuries) and luhn_ok(birth + rest)


def _personnummer(m: re.Match[str]) -> bool:
    birth, rest = m.groups()
    return personnummer_ok(birth, rest)


def _nric(m: re.Match[str]) -> bool:
    prefix, digits, letter = m.groups()
    total = sum(int(d) * w for d, w in zip(digits, _NRIC_WEIGHTS, strict=True))
    if prefix in "TG":
        total += 4
    letters = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
    return letters[total % 11] == letter


def _cn_id(m: re.Match[str]) -> bool:
    body, check = m.group(1), m.group(2).upper()
    if not real_date(int(body[6:10]), int(body[10:12]), int(body[12:14])):
        return False
    total = sum(int(d) * w for d, w in zip(body, _CN_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == check


def _kr_rrn(m: re.Match[str]) -> bool:
    """A birth date and the sex-and-century digit (numbers issued since 2020 carry no check digit)."""
    birth, rest = m.groups()
    century = 2000 if rest[0] in "3478" else 1900
    return real_date(century + int(birth[:2]), int(birth[2:4]), int(birth[4:]))


_CHECKED: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], bool], tuple[str, ...]], ...] = (
    (_DNI, _dni, ("\x07", "\x08")),
    (_HETU, _hetu, ("\x06\x03", "\x06\x04")),
    (_SIX_FOUR, _personnummer, ("\x06\x04",)),
    (_NRIC, _nric, ("\x07",)),
    (_CN_ID, _cn_id, ("\x11", "\x12")),
    (_KR_RRN, _kr_rrn, ("\x06\x07",)),
)
"""Each shape, its check, and the runs of digits (`digit_shape`) one of which every match holds:
a gate (a DNI holds a run of 7 or 8 digits, a HETU one of 6 then one of 3 or 4 ...)."""
_NIR_GATE = re.compile(r"[12][ .]?\d\d[ .]?\d\d[ .]?(?:\d\d|2[AB])[ .]?\d{3}")


def checked_ids(text: str) -> list[Span]:
    """National identity numbers in `text` whose own check holds (see the module)."""
    total, longest = digit_runs(text)
    if longest < 3:
        return []
    shape = digit_shape(text)
    found = [
        Span("other_unique_identifier", m.start(), m.end(), 0.9)
        for pattern, check, runs in _CHECKED
        if any(run in shape for run in runs)
        for m in pattern.finditer(text)
        if check(m)
    ]
    if total >= 15 and _NIR_GATE.search(text):
        found += [
            Span("other_unique_identifier", m.start(), m.end(), 0.9) for m in _NIR.finditer(text) if _nir(m)
        ]
    return found
