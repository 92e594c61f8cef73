"""The regex helpers behind the PHI detector's speed: same matches as the plain patterns."""

from __future__ import annotations

import re

import pytest

from global_orchestrator.policies._phi_spans import (
    by_first_letter,
    digit_runs,
    ends_with,
    folded,
    grouped,
    has_any,
    literal_prefixes,
    scan_words,
    split_alternatives,
    word_before,
    word_in,
    word_keys,
)

WORDS = r"diabet\w*|dialysis|ms\b|(?:multiple\s+)?sclerosis|kidney\s+(?:disease|stones?)|k9|insulin|(?:was|is)\s+high"
TEXTS = [
    "Diabetes and DIALYSIS; ms and MS; multiple sclerosis or sclerosis",
    "kidney stones, KIDNEY DISEASE, k9 unit, Insulin was high, it is high",
    "\u017fclerosis \u212aidney disease \u0130nsulin \u0131nsulin",  # what re.IGNORECASE folds to s, k, i
    "undiabetic xms sclerosisx",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_by_first_letter_matches_like_the_plain_alternation(text: str) -> None:
    plain = re.compile(rf"\b(?:{WORDS})\b", re.IGNORECASE)
    fast = re.compile(rf"\b{by_first_letter(split_alternatives(WORDS))}\b", re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_by_first_letter_names_each_alternative() -> None:
    pattern = re.compile(by_first_letter(["mrn", r"member\s+id", r"\s\s*acct"], names=["a", "b", "c"]), re.I)
    assert [(m.lastgroup, m.group(0)) for m in pattern.finditer("MRN member ID  acct")] == [
        ("a", "MRN"),
        ("b", "member ID"),
        ("c", "  acct"),
    ]


def test_by_first_letter_refuses_what_it_cannot_group() -> None:
    with pytest.raises(ValueError):
        by_first_letter([r"\w+\s+patient"])
    with pytest.raises(ValueError):
        by_first_letter(["ss)e"])  # split inside a group


def test_grouped_keeps_the_rest_of_the_pattern() -> None:
    source = r"(?i:\b(?:dictated\s+by|(?:the|our)\s+patient|pt)\s*[:,-]?[ \t]{0,3})$"
    plain, fast = re.compile(source), re.compile(grouped(source))
    for text in ("Dictated by: ", "see OUR patient ", "x pt:", "apt:", "the patient"):
        assert bool(fast.search(text)) == bool(plain.search(text))


def test_split_and_prefixes() -> None:
    assert split_alternatives(r"a|b(?:c|d)|[|]x|\|y") == ["a", "b(?:c|d)", "[|]x", r"\|y"]
    assert literal_prefixes([r"av\.", "tumou?r", "v[ií]a", "c/", "rue"]) == ("av.", "tumo", "v", "c/", "rue")


def test_gate_helpers() -> None:
    assert digit_runs("MRN 4471023, 3/14") == (10, 7)
    assert folded("\u017fSN \u212aIT") == "ssn kit"
    assert has_any("Retinal \u017fCAN", ("scan",)) and not has_any("retina", ("scan",))


def test_word_keys() -> None:
    assert word_keys(["diabet\\w*", r"pt\s+is", "y/o", r"ms\b", r"d\.o\.b", "c-section", "allée"]) == (
        "dia",
        "pt",
        "y",
        "ms",
        "d",
        "c",
        "all",
    )
    assert len(word_keys(["id(?:x)?"])) == 1 + 37  # "id" and every word it may begin ("ida" ...)
    with pytest.raises(ValueError):
        word_keys([r"x-?rays?"])  # one letter, then anything: no bounded key
    with pytest.raises(ValueError):
        word_keys([r"\w+\s+patient"])


@pytest.mark.parametrize("text", [*TEXTS, "He was seen; MRN 12. pt is here (ms) x-ray d.o.b \u017fclerosis"])
def test_scan_words_finds_what_finditer_finds(text: str) -> None:
    alternatives = [*split_alternatives(WORDS), r"pt\s+is", r"d\.o\.b", "x-ray"]
    pattern = re.compile(rf"\b{by_first_letter(alternatives)}\b", re.IGNORECASE)
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in scan_words(pattern, text, word_keys(alternatives))] == expected
    # a key left out: its words are not searched (the keys are what makes it exact)
    partial = word_keys([a for a in alternatives if not a.startswith("d")])
    assert [m.span() for m in scan_words(pattern, text, partial)] == [
        span for span in expected if text[span[0]].lower() != "d"
    ]


def test_window_gates() -> None:
    text = "Record date: 2069-04-07, seen by Dr. Okafor; patient notes"
    keys = word_keys(["record", "seen"])
    assert word_in(text, keys, 0, 10) and word_in(text, keys, 20, 30) and not word_in(text, keys, 30, 45)
    assert word_in(text, keys, 2, 3)  # a window that starts inside a word may see a word start there
    assert ends_with("Dictated by:\n ", ("by",)) and ends_with("Dear ", ("dear",))
    assert not ends_with("Dictated by: Dr", ("by",)) and not ends_with("", ("by",))
    assert word_before(text, text.index("notes")) == text.index("patient")
    assert word_before(text, text.index("patient")) is None  # "; " is no white space alone
