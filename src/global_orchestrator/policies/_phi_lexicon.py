"""Word lists of the PHI detector, all offline: Census names, English words, places.

- first names and surnames: the US Census lists shipped by the `names` package;
- English words: lower-case dictionary entries (`_phi_lexicon_data`), so that a name that
  is also an everyday word ("will", "rose", "park") needs more evidence;
- places: cities, US counties, countries and US states (`_phi_lexicon_data`).

Also the letter classes the recognisers share: Latin letters with diacritics count, so
that "Müller", "Łukasz" and "Sébastien" are words like "Miller".
"""

from __future__ import annotations

import base64
import importlib.util
import re
import zlib
from functools import cache
from pathlib import Path

from global_orchestrator.policies import _phi_lexicon_data

_LATIN = [chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
"""Upper-case Latin letters (a character-class body)."""
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())
"""Lower-case Latin letters (a character-class body)."""
UPPER_CHAR = re.compile(f"[{UPPER}]")
"""An upper-case Latin letter: capitalised names and places need one."""


def _unpack(chunks: tuple[str, ...] | str) -> frozenset[str]:
    data = "".join(chunks) if isinstance(chunks, tuple) else chunks
    return frozenset(zlib.decompress(base64.b85decode(data)).decode("utf-8").split("\n"))


@cache
def english() -> frozenset[str]:
    """Lower-case English dictionary words."""
    return _unpack(_phi_lexicon_data.ENGLISH)


@cache
def places() -> frozenset[str]:
    """Lower-cased place names: cities, US counties (with and without "County"), countries, states."""
    return _unpack(_phi_lexicon_data.PLACES)


@cache
def census() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Census first names (common), first names (all) and surnames, lower-cased."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset(), frozenset()
    folder = Path(spec.origin).parent

    def read(name: str, top: int | None = None) -> set[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[:top]
        return {line.split()[0].lower() for line in lines if line.strip()}

    common = read("dist.male.first", 1000) | read("dist.female.first", 1500)
    every = read("dist.male.first") | read("dist.female.first")
    return frozenset(common), frozenset(every), frozenset(read("dist.all.last"))
