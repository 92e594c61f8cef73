"""Person names for the PHI detector: titles, a Census gazetteer and person cues.

A pair of capitalised words is a name when both halves are in the gazetteer, when one
half is and the other is no everyday word, or when a person cue (a title, "customer",
"to", a possessive, an identifier next to it) says so. Everyday capitalised words
(brands, products, places, holidays) never make a name on their own.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

_NAME = r"(?:O'|Mc|Mac)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?"
_TITLED = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+({_NAME}(?:\s+{_NAME})?)")
# a lookahead, so that pairs overlap: in "Meet Carol Singer" both "Meet Carol" and "Carol Singer"
_PAIR = re.compile(rf"\b(?=({_NAME})(\s+(?:[A-Z]\.\s+)?)({_NAME})\b)")
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:patient|pt|client|customer|member|resident|reviewer|winner|shopper|guest|caller|"
    r"name|son|daughter|wife|husband|mother|father|mom|dad|to|for|cc|dm|ping|thank|thanks|"
    r"greets|text|call|email|message|contact|from|by|is|was|with|spotlight|mail|remind|"
    r"reach|loop\s+in|meet|notify|invite|congratulate|welcome|tell|ask|reply\s+to)"
    r"\s*[:,-]?\s*)$"
)
_CUE_AFTER = re.compile(
    r"^(?:'s?\b|\u2019s\b|\s*\((?:born|DOB|MRN|age|\d)|,\s*(?:DOB|born|age|aged|ZIP|MRN|\d)|\s+<)"
)
_ADJACENT = re.compile(r"[\s,:;(<>-]{1,3}|\s+(?:at|on|is|was|-)\s+")

# Everyday words that are also census first names or surnames: never a name on their own.
_NOT_NAMES = frozenset(
    """may june april august will mark grant rose summer autumn winter spring art bill hope joy
    faith page ray dawn gene pat max dean guy norm sunny star iris ivy holly robin jack frank drew
    earl gray grey wade chase lane reed hunter brand don bob sale christian major king young long
    black white brown green rich price early love golden sterling miles candy cherry ginger honey
    lily daisy amber crystal destiny harmony melody mercy precious monday tuesday wednesday
    thursday friday saturday sunday virginia georgia carolina dakota florida paris london sydney
    austin dallas houston jordan chelsea brooklyn madison lincoln washington jersey china india
    tiktok instagram email search social school back new free best more our your the this that
    rival general care team clinic health patient doctor nurse""".split()  # noqa: SIM905
)
# Capitalised words of brand copy: a pair holding one is no name unless a title says so.
_COMMON = frozenset(
    """park street st avenue ave road rd lane drive way place court boulevard square plaza mall
    sale sales day days week weekend month year years season holiday holidays christmas easter
    halloween thanksgiving valentine valentines new spring summer fall autumn winter black cyber
    friday monday tuesday wednesday thursday saturday sunday january february march april may june
    july august september october november december health healthy care center centre clinic
    hospital medical dental vision eye heart brain cancer diabetes awareness wellness fitness
    supply supplies theory coffee tea juice skin optics bakery kitchen expo marathon run walk
    race festival fair show summit conference webinar live online digital social media news
    times post journal magazine radio app apps cloud tech systems solutions services partners
    ventures capital outdoors outdoor sports apparel beauty cosmetics foods food farms farm
    brewing wine spirits burger pizza grill cafe bar lounge airlines air express logistics energy
    motors auto cars rewards reward points loyalty members member vip store stores shop shops
    market markets company co inc llc labs lab group studio studios house home garden gardens
    beach lake river hills valley mountain bay harbor harbour point pointe university
    college school academy institute bank insurance pharmacy collection edition series plus pro
    max mini gold silver rose bundle box kit club team foundation world national global
    international american north south east west central city county state coast bridge tower
    gallery museum theater theatre cinema hotel resort spa inn lodge village town island
    gift card cards guide tips faq blog newsletter launch restock recap story stories spotlight
    program plan plans month's mother's father's wednesday's serum glasses shoes mats bars
    socks bottles gummies glow luma bluebird northwind contoso acme inkwell riverside maple
    patient patients doctor nurse customer customers client clients member resident dear hi hello
    hey thanks""".split()  # noqa: SIM905
)


@cache
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """Common first names and surnames (US Census lists shipped by the `names` package)."""
    spec = importlib.util.find_spec("names")
    if spec is None or spec.origin is None:
        return frozenset(), frozenset()
    folder = Path(spec.origin).parent

    def read(name: str, top: int | None = None) -> set[str]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()[:top]
        return {line.split()[0].lower() for line in lines if line.strip()}

    first = (read("dist.male.first", 1000) | read("dist.female.first", 1500)) - _NOT_NAMES
    last = read("dist.all.last") - _NOT_NAMES - _COMMON
    return frozenset(first), frozenset(last)


def _key(word: str) -> str:
    return word.split("-")[0].replace("'", "").lower()


def titled_names(text: str) -> Iterator[tuple[int, int, float]]:
    """`Mr. Okafor`, `Dr Alan Smith`: the name after a title."""
    for match in _TITLED.finditer(text):
        yield match.start(1), match.end(1), 0.9


def name_pairs(text: str, near: list[tuple[int, int]]) -> Iterator[tuple[int, int, float]]:
    """Capitalised pairs that are names; `near` holds spans of identifiers already found."""
    first, last = gazetteer()
    for match in _PAIR.finditer(text):
        given, gap, family = match.group(1), match.group(2), match.group(3)
        g, f = _key(given), _key(family)
        if g in _COMMON or f in _COMMON:
            continue
        start = match.start()
        end = start + len(given) + len(gap) + len(family)
        known_first, known_last = g in first, f in last
        if known_first and known_last:
            yield start, end, 0.85
        elif (known_first or known_last) and g not in _NOT_NAMES:
            yield start, end, 0.7
        elif _cued(text, start, end, near):
            yield start, end, 0.6


def _cued(text: str, start: int, end: int, near: list[tuple[int, int]]) -> bool:
    if _CUE_BEFORE.search(text[max(0, start - 24) : start]) or _CUE_AFTER.match(text[end : end + 12]):
        return True
    return any(_ADJACENT.fullmatch(text[end:s]) or _ADJACENT.fullmatch(text[e:start]) for s, e in near)
