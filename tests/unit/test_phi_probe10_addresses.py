"""PHI detector: address layouts read off probe10's misses (tenth probe).

Each positive states a layout (a cue, a country's order of parts); each negative is a near
look-alike the same rule must leave alone. Values are made up for the tests, not taken from the probe.
"""

from __future__ import annotations

import pytest

from global_orchestrator.policies import detect_phi


def _covered(text: str, value: str) -> bool:
    """Some finding covers at least half of `value` (its first occurrence in `text`)."""
    start = text.index(value)
    end = start + len(value)
    overlap = sum(max(0, min(end, f.end) - max(start, f.start)) for f in detect_phi(text))
    return overlap * 2 >= len(value)


def _addresses(text: str) -> list[str]:
    return [f.text for f in detect_phi(text) if f.category == "address"]


POSITIVES = [
    # a kind of address without a colon, a bare `address` after a comma, and several after `;`
    (
        "Enrolment: member W1234567. Mailing address 14 Alder Estate Brookfield, TX 75001. Email a@b.com",
        "Brookfield",
    ),
    (
        "Licence application -- surname Hart, DOB 2 Mar 1990, address 18 Keel Street Mary Ville H12 AB34. Done.",
        "H12 AB34",
    ),
    (
        "Previous addresses: 60 Holt Station East Marbury SK3 6XG; 9 Reed Lane, Oxton OX1 2AB\nCourt ref",
        "Oxton",
    ),
    # Chinese written road first, its postal code and city after it
    ("[18:03] Jane: 杨路K座, 216430 海门市\n[18:04] Jane: and her cell", "216430"),
    ("Mailing address 沈阳路v座, 646160 海燕县. Contact email a@b.com", "海燕县"),
    # an Indian house number and locality, a comma, the PIN code and the town
    ("Re: Joan Hart, DOB 07.09.2014, 83/76 ज्योत्स्ना हजारिका, 630337 बचेली\nThank you for seeing her", "बचेली"),
    # a Vietnamese street by its type, a postal code and the city
    (
        "[09:15] Agnès: Số 5/42 phố Lê Duẩn, 97760 thành phố Hải Phòng\n[09:15] Agnès: her cell",
        "thành phố Hải Phòng",
    ),
    ("Bernt: 968 Ngõ 90 Võ Văn Kiệt 92142 TP. Hải Phòng\n", "92142"),
    # where a thing goes back to or is viewed
    (
        "My passport is inside. Please send it back to Flat 2, Price Common, Oxton 27089.\nThanks,\nEli",
        "Price Common",
    ),
    ("Selling my bike. Viewing at 447 Oliver Curve, Dale Ville. Ask for Tom.", "447 Oliver Curve"),
    # an address after the birth date on a person's identifying line
    ("Re: Ana Roe, DOB 08.04.1966, 21, boulevard de Baron 51261 Roger\nThank you for seeing her", "Roger"),
    ("Re: Li Wei, DOB 4/3/59, Studio 74, Jayne Haven, Garrymouth, HR1 1BD\nThank you", "Garrymouth"),
    # a Vietnamese city with its postal code after it
    ("Please send it back to 34, avenue de Lecoq, thành phố Đà Nẵng 185840.\nThanks", "185840"),
    # a unit-first address after a chat export's time and speaker; a flat's `Apt.` inside the address
    (
        "[18:02] Em: can u send me Kara's address?\n[18:03] Li: Studio 77, Nicole Pike, East Jayne, IG7 3FW\n",
        "East Jayne",
    ),
    ("Please send it back to 625 Bridget Crossing Apt. 932, 辉市 20790.\nThanks,\nMalcolm", "20790"),
    # a town in another script after a verb of living
    ("Patient (93 years old) lives alone in देवगढ़; daughter to assist.", "देवगढ़"),
    ("PATIENT (95 YEARS OLD) LIVES ALONE IN 华县; DAUGHTER TO ASSIST.", "华县"),
]


@pytest.mark.parametrize(("text", "value"), POSITIVES)
def test_found(text: str, value: str) -> None:
    assert _covered(text, value)


NEGATIVES = [
    # `address` as a verb, an IP's address
    "Please address 3 questions to the front desk before Friday.",
    "Your IP address 10.0.0.1 was logged for security.",
    "Please, address 5 issues before the launch.",
    # a return policy and an opening time: no address opens after the cue
    "Please send it back to us within 30 days, unused, for a full refund.",
    "Viewing at 10 am, Saturday, in the main hall.",
    # a business's own address after the cue
    "Please send it back to our store at 12 Mill Road, Oxton, for a refund.",
    # an age or a record number after the birth date: no address opens
    "Jane Roe, DOB 01/02/1950, 45 years old, presents with a cough.",
    "Jane Roe, DOB 01/02/1950, MRN 1234567, admitted overnight.",
    # a ward's room and bed on a chat line
    "[10:00] Ward: Room 12, bed B turned q2h overnight",
    # a Chinese road in running text, with no building or postal code
    "我住在北京路上\uff0c每天走路3公里。",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_found(text: str) -> None:
    assert _addresses(text) == []
