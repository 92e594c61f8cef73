"""What the PHI recognisers return, and the checks they share."""

from __future__ import annotations

import re
from typing import NamedTuple


class Span(NamedTuple):
    """A candidate finding: category, offsets, score; `weak` ones need a person in the text."""

    category: str
    start: int
    end: int
    score: float
    weak: bool = False
    """A date, place or bare number that is PHI only when the text is about a person (an
    identifier found elsewhere in it, or a patient record): "sale ends March 3" is not."""


# an address or phone number of the business itself ("our flagship at", "call us at") is no PHI
_OURS = re.compile(
    r"\b(?:(?:our|the)\s+(?:\w+\s+)?(?:store|flagship|shop|office|clinic|location|showroom|studio|pharmacy|"
    r"booth|headquarters|hq|bakery|cafe|restaurant|gym|spa|hotline|helpline)|us)\s+(?:is\s+|are\s+)?(?:at|on)\s+$",
    re.IGNORECASE,
)


def ours(text: str, start: int) -> bool:
    """The business's own address or number: "visit our flagship at ...", "call us at ..."."""
    return _OURS.search(text[max(0, start - 40) : start]) is not None
