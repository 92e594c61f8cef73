"""The PHI detector's work grows linearly with its input, counted, not timed.

Every regular expression of the detector is wrapped by a counter. For an input of n and of
2n copies of the same text, the detector must make at most twice the calls (plus a
constant: gates and whole-text scans), hand the whole text to a fixed number of scans
(not one per finding), and give look-back windows of a bounded size. Each call is itself
bounded (patterns with bounded repetitions and possessive runs; `benchmarks/phi/run.py`
prints the throughput at 1 KB, 100 KB and 1 MB).
"""

from __future__ import annotations

import re
from collections import Counter
from types import ModuleType
from typing import Any

import pytest

from global_orchestrator.policies import (
    _phi_context,
    _phi_dates,
    _phi_health,
    _phi_keyed,
    _phi_lexicon,
    _phi_names,
    _phi_places,
    _phi_shapes,
    _phi_spans,
    _phi_spoken,
    phi_detector,
)

MODULES: tuple[ModuleType, ...] = (
    phi_detector,
    _phi_context,
    _phi_dates,
    _phi_health,
    _phi_keyed,
    _phi_lexicon,
    _phi_names,
    _phi_places,
    _phi_shapes,
    _phi_spans,
    _phi_spoken,
)
UNITS = {
    "clinical note": (
        "Record date: 2069-04-07\nPatient: Dolores Whitfield, MRN 4471023, DOB 03/14/1961. Lives in "
        "Springfield, IL. Call 462 9506. She has type 2 diabetes on metformin 500 mg BID; BP 132/84. "
        "Dictated by: John A. Smith, MD\n"
    ),
    "international": (
        "Kontakt: Herr Jürgen Müller, Hauptstraße 12, 10115 Berlin, +49 30 1234567. Forwarding the form "
        "of Aristides Angulo, Calle Mayor 5, 28013 Madrid; emergency contact maria garcia 612 345 678.\n"
    ),
    "marketing": (
        "Spring sale: 20% off all serums through Sunday, March 3! Visit our flagship at 200 Main Street "
        "or call us at 1-800-555-0100. Leap Therapeutics and Unichem Laboratories join our webinar.\n"
    ),
    "adversarial": "Mr. Mr. [A] +1 +1 7777 Alpha Bravo, Charlie 12/12 ",
    "letters and cues": (
        "Billing address: Maret Akhtakhanov\n    1 Avenue d'Ouchy Flat 9\n   Plons\n    SJ\n    8889\n"
        "I'm in Oslo, at the conference. Sometimes people call me Khazani; said Cody to Katie. They had "
        "4: Ichita, Hayley, Debra and Bonnie. Mobile: 84 23 30. Meet me at Fogd Drejers gate 93, TROMSØ, "
        "9008 - 062 439 31 49-Office\nPSC 8443, Box 1802\nAPO AA 31448\n543 Lyngveien\n Puerta 5\n BODØ"
        "\n Norway 8004\nClara Dickson\n\nLyon\nFrance\nCalfucir, can I speak to Olav's kid?\n"
    ),
    "call transcript": (
        "Agent: Can you spell your last name?\nCaller: sure, K as in kite, O-W-A-L\nAgent: And the name "
        "on the card?\nCaller: lena ortiz\nAgent: callback number?\nCaller: three one two, eight oh six, "
        "double four one nine\nAgent: email?\nCaller: l dot ortiz at gmail dot com\nAgent: date of birth?"
        "\nCaller: nine three nineteen eighty-one. No problem, Lena. one, two, three, go\n"
    ),
    "one long line": "Main 5, Oslo, 1234 Anna, Ben and Carla said Cody to Katie, can you 1234 office ",
}


class _Counting:
    """A compiled pattern that counts its calls and the characters it is handed."""

    def __init__(self, pattern: re.Pattern[str], stats: Counter[str]) -> None:
        self._pattern = pattern
        self._stats = stats

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _call(self, method: str, string: str, *args: Any, **kwargs: Any) -> Any:
        self._stats["calls"] += 1
        if args or kwargs:  # from a position: a bounded match there (counted as a call)
            self._stats["positioned"] += 1
        else:
            self._stats["whole" if len(string) == self._stats["length"] else "window"] += 1
            self._stats["window_chars" if len(string) != self._stats["length"] else "whole_chars"] += len(
                string
            )
            self._stats["longest_window"] = max(
                self._stats["longest_window"], 0 if len(string) == self._stats["length"] else len(string)
            )
        return getattr(self._pattern, method)(string, *args, **kwargs)

    def search(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("search", string, *args, **kwargs)

    def match(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("match", string, *args, **kwargs)

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("fullmatch", string, *args, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("finditer", string, *args, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("findall", string, *args, **kwargs)

    def split(self, string: str, *args: Any, **kwargs: Any) -> Any:
        return self._call("split", string, *args, **kwargs)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        self._stats["calls"] += 1
        return self._pattern.sub(repl, string, *args, **kwargs)


def _clear_caches() -> None:
    for fn in (
        _phi_context._code_line_ends,
        _phi_spans.folded,
        _phi_spans._digit_facts,
        _phi_spans._word_index,
    ):
        fn.cache_clear()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    stats: Counter[str] = Counter()
    for module in MODULES:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _Counting(value, stats))
    return stats


def _work(stats: Counter[str], text: str) -> Counter[str]:
    _clear_caches()
    stats.clear()
    stats["length"] = len(text)
    phi_detector.detect_phi(text)
    out = Counter(stats)
    del out["length"]
    return out


@pytest.mark.parametrize("unit", list(UNITS))
def test_regex_work_is_linear_in_the_length(counted: Counter[str], unit: str) -> None:
    n = 8
    small = _work(counted, UNITS[unit] * n)
    large = _work(counted, UNITS[unit] * 2 * n)
    huge = _work(counted, UNITS[unit] * 4 * n)
    assert small["calls"] > 0
    # twice the text: at most twice the calls, but for a constant (gates, whole-text scans)
    assert large["calls"] <= 2 * small["calls"] + 60, (small, large)
    assert huge["calls"] <= 2 * large["calls"] + 60, (large, huge)
    # the whole text goes to a fixed number of scans, not to one per finding
    assert large["whole"] <= small["whole"] + 3 and huge["whole"] <= small["whole"] + 3, (small, huge)
    # look-back and look-ahead windows are bounded, and their characters grow with the calls
    assert huge["longest_window"] <= 200
    assert huge["window_chars"] <= 4 * small["window_chars"] + 200 * 60


def test_the_counter_sees_the_recognisers(counted: Counter[str]) -> None:
    """Guard for the test above: the wrapped patterns are the ones the detector calls."""
    work = _work(counted, UNITS["clinical note"] * 4)
    assert work["whole"] >= 10 and work["positioned"] >= 10 and work["window"] >= 10


def test_text_with_written_out_line_breaks_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Written-out line breaks (`\\n`) cost no second reading: the text is read once, as lines."""
    reads: list[int] = []
    real = phi_detector._detect_phi

    def counted(text: str) -> Any:
        reads.append(len(text))
        return real(text)

    monkeypatch.setattr(phi_detector, "_detect_phi", counted)
    for unit in (
        "543 Lyngveien\\n Puerta 5\\n BOD\u00d8\\n Norway 8004\\n",
        "x" * 300 + "\\n",
        "word " * 200 + "\\n",
    ):
        for copies in (1, 10, 100):
            text = unit * copies
            reads.clear()
            phi_detector.detect_phi(text)
            folds = phi_detector.fold(phi_detector._lines(text)) is not None
            assert reads == [len(text)] * (2 if folds else 1), (unit[:20], copies, reads)
