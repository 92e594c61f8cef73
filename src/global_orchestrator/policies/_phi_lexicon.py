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
PARTICLES = tuple("van von der den de del della da das dos di du la le bin ibn al el ter ten y e".split())  # noqa: SIM905
"""Lower-case words inside a name (`Ludwig van Beethoven`, `Rebecca Dussen van`), in this order."""


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


# -- geography that is no Safe Harbor identifier: countries, continents, US states --------------


def is_country(words: str) -> bool:
    """`words` name a country (`Norway`, `New Zealand`, `Czech Republic`), any case and spacing."""
    key = " ".join(words.lower().split())
    return key in _COUNTRY_NAMES or key in _COUNTRY_WORDS


def is_continent(words: str) -> bool:
    """`words` name a continent or a region of several countries (`Africa`, `Latin America`)."""
    return " ".join(words.lower().split()) in _CONTINENTS


def is_us_state(words: str) -> bool:
    """`words` name a US state (`Ohio`, `New York`), any case and spacing."""
    return " ".join(words.lower().split()) in _US_STATES


_REGION_PARTS = ("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western")
_CONTINENTS = frozenset(
    ["africa", "europe", "asia", "america", "antarctica", "oceania", "scandinavia", "americas"]
    + ["the americas", "latin america", "middle east", "the middle east"]
    + [f"{part} {whole}" for part in _REGION_PARTS for whole in ("africa", "europe", "asia", "america")]
    + ["southeast asia", "south-east asia", "northeast asia"]
    + ["far east", "the far east", "sub-saharan africa", "asia pacific", "asia-pacific", "the caribbean"]
    + ["caribbean", "the balkans", "balkans", "the baltics", "baltics", "the nordics", "nordics", "benelux"]
    + ["iberia", "the gulf", "emea", "apac", "latam", "mena", "dach"]
)
"""Continents and regions of several countries: geography no one lives at as an address."""

_COUNTRY_NAMES = frozenset(
    [
        "south africa",
        "new zealand",
        "united kingdom",
        "united arab emirates",
        "saudi arabia",
        "south korea",
        "north macedonia",
        "sri lanka",
        "costa rica",
        "el salvador",
        "dominican republic",
        "puerto rico",
        "papua new guinea",
        "ivory coast",
        "slovak republic",
        "russian federation",
        "netherlands",
        "the netherlands",
        "czech republic",
        "czechia",
        "usa",
        "u.s.a.",
        "uk",
        "u.k.",
        "united states",
        "united states of america",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
    ]
)

_COUNTRY_WORDS = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana
    brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo
    croatia cuba cyprus denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia
    fiji finland france gabon gambia georgia germany ghana greece greenland grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
    japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
    liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
    myanmar namibia nauru nepal nicaragua niger nigeria norway oman pakistan palau panama paraguay
    peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
    tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe""".split()  # noqa: SIM905
)
"""Countries named in one word (`_COUNTRY_NAMES` holds those of several words)."""

_US_STATES = frozenset(
    [
        "alabama",
        "alaska",
        "arizona",
        "arkansas",
        "california",
        "colorado",
        "connecticut",
        "delaware",
        "florida",
        "georgia",
        "hawaii",
        "idaho",
        "illinois",
        "indiana",
        "iowa",
        "kansas",
        "kentucky",
        "louisiana",
        "maine",
        "maryland",
        "massachusetts",
        "michigan",
        "minnesota",
        "mississippi",
        "missouri",
        "montana",
        "nebraska",
        "nevada",
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "ohio",
        "oklahoma",
        "oregon",
        "pennsylvania",
        "rhode island",
        "south carolina",
        "south dakota",
        "tennessee",
        "texas",
        "utah",
        "vermont",
        "virginia",
        "washington",
        "west virginia",
        "wisconsin",
        "wyoming",
    ]
)
