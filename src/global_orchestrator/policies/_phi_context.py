"""Identifiers known by their context rather than their shape: postal blocks, cues, repeats.

International text (letters, CVs, chat) writes identifiers in shapes no pattern lists: a
street with no street type (`Lyngveien 12`), a city in capitals on a line of its own, a
phone number in a national format (`84 23 30`), a first name alone. What gives them away is
where they stand. Recognisers here, each on a class of context:

- **postal blocks**: a line ending in a country and a postal code (`Norway 8004`,
  `Czech Republic 544 01`, `Netherlands 4105 GX`) closes an address; the short lines
  above it (street, unit, city) up to a blank line or a line that reads as prose are the
  rest of it; likewise the lines after an `Address:` label;
- **inline postal addresses**: `<street> <number>, <city>, <postal code>` and
  `<number> <street>, <city>, <postal code>`, in any script;
- **cued values**: a phone number in any national format after a phone label or verb
  (`Mobile:`, `call`, `registered`), a postal code in any national format after `ZIP` or
  `postal code`, a street after `lives on`, `address:`, `is at <number>`, a city after
  `originally from`, `moved here from`, `based in` ... (a place cue: `weak`, a finding only
  in text about a person), a personal web address (`my website is`, `posted a photo`);
- **person cues for a single word**: a capitalised word that is no everyday word after
  `call me`, `said`, `my son`, `maiden name is`, `starring` ..., or before `said`, `is a
  kind person` ...; a dialogue's speakers (`Jerry: ...` on two lines or more). After a cue
  the surname that follows is taken too (`commenter Antonina Rozhkova`), and after `call
  me` or `my name is` a Census first name that is also a word (`call me Viva`);
- **repeats**: every other occurrence, in the same text, of a word of a name found there
  ("said Katsuko to Cody ... Cody:").

Every recogniser is gated on a cheap test of the text and is a bounded regular expression
scan, so the cost stays linear in the length of the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from global_orchestrator.policies._phi_lexicon import (
    LOWER,
    PARTICLES,
    STATUS_NOUNS,
    UPPER,
    census,
    english,
    is_country,
    is_us_state,
    other_word,
    places,
)
from global_orchestrator.policies._phi_names import NOT_NAMES as _NOT_NAMES_LOWER
from global_orchestrator.policies._phi_names import ORG_WORDS, ROLE_AND_FIELD_WORDS
from global_orchestrator.policies._phi_shapes import phone_kind, toll_free
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    grouped,
    has_any,
    line_starts,
    list_keys,
    match_at,
    ours,
    scan_words,
    word_positions,
)


def _cue_pattern(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    r"""A pattern led by a list of cue words (`\b(?:a|b|...)`), compiled, and the keys of its cues.

    The list is grouped by first letter (`grouped`: the same matches, fewer tests); the keys
    are the word-index keys of its cue words (`list_keys`: `scan_words` tries it only there).
    """
    return re.compile(grouped(pattern)), list_keys(pattern)


# -- words ---------------------------------------------------------------------------------

_WORD = rf"[{UPPER}][{LOWER}'\u2019]{{1,30}}+(?:-[{UPPER}]?[{LOWER}]{{1,30}}+)?"
"""A capitalised word (any Latin, Greek or Cyrillic letters), with a hyphenated part."""
_BARE_WORD = rf"[{UPPER}][{LOWER}]{{1,30}}+(?:-[{UPPER}]?[{LOWER}]{{1,30}}+)?"
"""A capitalised word without an apostrophe (a possessive `'s` may follow it)."""
_ANY_WORD = r"[^\W\d_][^\W\d_'\u2019.-]{0,30}+(?:['\u2019.-][^\W\d_]{1,30}+)*\.?"
"""A word in any script and any case (`ul.`, `d'Ouchy`, `ΦΑΡΜΑΚΑΣ`)."""

_NOT_A_NAME = (
    frozenset(
        """the a an this that these those it its he she they we you i me my our your his her their
    there here what who why how when where which yes no ok okay hi hello hey dear thanks thank
    please sorry well oh wow so and but or if then also just not now today tomorrow yesterday
    mr mrs ms miss dr sir madam team customer support service sales admin manager user guest
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thurs fri sat
    january february march april may june july august september october november december god lord
    on in at to of for from by with as up out off over back about into onto is are was be
    nurse doctor surgeon patient driver officer client parent husband student tenant neighbor
    guardian cousin nephew niece courier nanny mechanic plumber lawyer sheriff deputy""".split()  # noqa: SIM905
    )
    | frozenset(ROLE_AND_FIELD_WORDS)
    | STATUS_NOUNS
)
"""Never a single name: function words, greetings, titles, days and months, and the roles that are
also Census surnames (`Nurse said ...`, `Patient lives in ...`, `Driver said ...` name no one)."""


@lru_cache(maxsize=16384)
def _person_word(word: str) -> bool:
    """A capitalised word that can be a person's name: a Census name, or no everyday word (`other_word`)."""
    key = word.replace("\u2019", "'").split("'")[0].lower()
    if len(key) < 2 or key in _NOT_A_NAME:
        return False
    common, _, surnames = census()
    return key in common or key in surnames or not (key in english() or other_word(key))


# -- postal blocks ---------------------------------------------------------------------------


_POSTAL = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[^\S\n]{0,2}\d[A-Z]{2}|[A-Z]\d[A-Z][^\S\n]?\d[A-Z]\d|"
    r"\d{4}[^\S\n]?[A-Z]{2}|\d{3}[^\S\n]\d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3}|\d{3,6}(?:-\d{4})?)"
)
"""A postal code in one of the national formats (UK, Canadian, Dutch, Czech, Polish, Portuguese,
Brazilian, plain digits)."""
_PLACE_CODE_LINE = re.compile(rf"[^\S\n]{{1,3}}(?:\([^()\n]{{1,30}}\)[^\S\n]{{1,3}})?({_POSTAL})[^\S\n]*\Z")
"""A postal code ending a line (`Norway 8004`, `Cyprus (Λευκωσία) 2620`); the place before it is checked."""
_LINE_LEAD = re.compile(r"[^\S\n]*[^\w\n(]{0,4}[^\S\n]*")
_BLOCK_LINE = re.compile(r"[^\S\n]*[^\w\n]{0,4}[^\S\n]*(\S[^\n]{0,60})$")
_PROSE = re.compile(r"\b(?:is|are|was|were|the|and|to|of|please|can|will|you|we|i|my|your)\b", re.IGNORECASE)
_UNIT = re.compile(
    r"(?i:\b(?:apt|apartment|appartamento|suite|ste|unit|flat|studio|piso|piano|puerta|floor|room|"
    r"wohnung|etage|bus|boîte|porta|dpto|depto)\b\.?\s*\w{1,6}$)"
)


def _line_start(text: str, pos: int, reach: int = 240) -> int:
    """The start of the line holding `pos`, looked for at most `reach` characters back.

    Bounded, so a long text without line breaks is not searched back from every candidate
    (quadratic); a line longer than that starts, for these rules, `reach` characters back.
    """
    low = max(0, pos - reach)
    i = text.rfind("\n", low, pos)
    return i + 1 if i != -1 else low


def _block_lines(text: str, end: int) -> int:
    r"""The start of the address block whose last line ends at `end`: up to 3 lines above it that read as one.

    One blank line may sit inside a block ("Monaco\n\n New Zealand 7011").
    """
    start = _line_start(text, end)  # the country line itself
    taken, blanks = 0, 0
    pos = start
    while taken < 3 and pos > 0:
        line_start = _line_start(text, pos - 1)
        line = text[line_start : pos - 1]
        if not line.strip():
            blanks += 1
            if blanks > 1:
                break
            pos = line_start
            continue
        if not _address_line(line):
            break
        start = pos = line_start
        taken += 1
    return start


def _first_char(text: str, start: int, end: int) -> int:
    """Where a block starting at `start` begins, past its first line's indent and bullet."""
    lead = _BLOCK_LINE.match(text, start, end)
    return lead.start(1) if lead is not None else start


_LINE_CHARS = 80
"""The longest line read as part of an address block."""


def _address_line(line: str) -> bool:
    """A short line that can be part of a postal address (a street, a unit, a city), not prose."""
    if len(line) > _LINE_CHARS:
        return False
    m = _BLOCK_LINE.match(line)
    if m is None:
        return False
    body = m.group(1).strip()
    if _UNIT.search(body):
        return True
    if "@" in body or "://" in body or _PROSE.search(body):
        return False
    words = body.split()
    if len(words) > 6:
        return False
    if len(words) == 1 and len(body) <= 3 and body.isalpha():  # a region code ("SJ"), or a missing value
        return True
    if any(c.isdigit() for c in body):  # a street line: a house number and words
        return any(w[0].isalpha() for w in words)
    # a city line: capitalised words (or one in capitals), at least one of them a known place
    if not all(
        w[0].isupper() or w.lower() in ("de", "di", "del", "la", "le", "van", "nad", "am", "an")
        for w in words
    ):
        return False
    return _place(body) or body.isupper() or len(words) <= 4


def _place(words: str) -> bool:
    return " ".join(words.lower().replace("-", " ").split()) in places()


_LABEL = re.compile(
    r"(?im)^[^\S\n]*(?:billing|shipping|mailing|home|postal|delivery)?[^\S\n]*address[^\S\n]*:[^\S\n]*"
)


def _country_blocks(text: str) -> list[Span]:
    r"""`Name\n\nLyon\nFrance`: a country alone on a line, under a city (weak: a person's, or a firm's)."""
    found: list[Span] = []
    pos = 0
    while True:
        end = text.find("\n", pos)
        stop = len(text) if end == -1 else end
        line = text[pos:stop].strip(" \t\u2022*>-?")
        if 3 <= len(line) <= 40 and line[:1].isupper() and is_country(line.split(" (")[0]):
            start = _block_lines(text, stop)
            if start < pos:  # some lines above it read as an address
                end = pos + len(text[pos:stop].rstrip())
                found.append(Span("address", _first_char(text, start, stop), end, 0.7, weak=True))
        if end == -1:
            return found
        pos = end + 1


def _postal_blocks(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _line_ends(_PLACE_CODE_LINE, text):
        line_start = _line_start(text, m.start())
        lead = _LINE_LEAD.match(text, line_start, m.start())
        place = text[lead.end() if lead is not None else line_start : m.start()]
        if not place or not (_place(place) or is_country(place)):
            continue
        if _RANGE_CODE.fullmatch(m.group(1)) and all(w in english() for w in place.lower().split()):
            continue  # a label and a range of values (`NORMAL 60-100`), no Polish town and code
        start = _block_lines(text, m.end())
        found.append(Span("address", _first_char(text, start, m.end()), m.end(), 0.85))
    labels = _LABEL.finditer(text) if has_any(text, ("address",)) else ()  # (every label holds it)
    for m in labels:  # "Billing address: <name>\n <street>\n <city>\n <code>"
        pos, end = m.end(), m.end()
        lines = 0
        while lines < 6 and pos < len(text):
            stop = text.find("\n", pos)
            stop = len(text) if stop == -1 else stop
            line = text[pos:stop]
            if line.strip():
                if len(line) > _LINE_CHARS or not (
                    _address_line(line) or _POSTAL_ONLY.fullmatch(line.strip())
                ):
                    break
                end = pos + len(line.rstrip())
            elif lines and text[stop + 1 : stop + 2] == "\n":
                break
            pos, lines = stop + 1, lines + 1
        if end > m.end():
            found.append(Span("address", m.end(), end, 0.8))
    return found


_RANGE_CODE = re.compile(r"\d{2}-\d{3}")
"""A Polish postal code's shape, which a range of values has too (`60-100`)."""
_POSTAL_ONLY = re.compile(rf"(?:[A-Z]{{2}}[^\S\n]+)?{_POSTAL}")

# -- inline postal addresses -----------------------------------------------------------------

_STREET_PART = (
    rf"(?:[{UPPER}][^\W\d_]{{0,30}}+(?:['\u2019.-][^\W\d_]{{1,30}}+)*\.?|[a-z]{{1,3}}\.|"
    r"de|del|della|di|da|do|dos|das|la|le|les|du|des|van|von|der|den|rue|via|calle|rua|ulica)"
)
"""A word of a street's name: capitalised (any script), an abbreviation (`ul.`, `u.`) or a particle."""
_INLINE_TAIL = re.compile(rf",[^\S\n]{{1,3}}(?:[A-Z]{{2}}[^\S\n]+)?{_POSTAL}(?![\w-])")
_LAB_VALUE = re.compile(
    r"(?i:(?:ldl|hdl|tg|trig|bp|hr|rr|inr|a1c|hba1c|hgb|hb|wbc|plt|bun|cr|na|k|cl|co2|glu|tsh|alt|ast|alp|"
    r"spo2|temp|wt|ht|bmi|egfr|ck|crp|esr|mcv|hct|lact|sbp|dbp|map|pulse|sats?|o2|fio2|gcs|uop|peep|"
    r"glucose|bg|qtc|lvef|ef|cvp|pco2|po2|hco3|lactate|trop|mg|phos|alb|p|r|t|pr)[^\S\n]+\d)"
)
"""A lab or vital value (`LDL 98, HDL 52`, `HR 60-100`, `P 88, R 18`): no street, city and postcode (no
state's code among them: `PA 19104` is one)."""
_INLINE = re.compile(
    rf"(?<![\w@/.-])(?:\d{{1,5}}[A-Za-z]?[^\S\n]{{1,3}}(?:{_ANY_WORD}[^\S\n]{{1,3}}){{0,4}}{_ANY_WORD}|"
    rf"(?:{_STREET_PART}[^\S\n]{{1,3}}){{0,3}}(?:{_STREET_PART}|[^\W\d_]{{1,12}}\.?)[^\S\n]{{1,3}}\d{{1,5}}[A-Za-z]?\.?|"
    rf"P\.?\s?O\.?\s?Box\s\d{{1,6}})"
    rf",[^\S\n]{{1,3}}(?:{_ANY_WORD}[^\S\n]{{1,3}}){{0,3}}{_ANY_WORD}(?:[^\S\n]\d{{1,2}})?,[^\S\n]{{1,3}}"
    rf"(?:[A-Z]{{2}}[^\S\n]+)?{_POSTAL}(?![\w-])\Z"
)
_DATE_TAIL = re.compile(
    r",[^\S\n]{1,3}(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[^\S\n]{1,3}\d{1,2},"
    r"[^\S\n]{1,3}(?:19|20)\d\d\Z"
)
"""`..., May 3, 2026` ends an `_INLINE` match: a date, no city and postcode (`the Harbor 5K, May 3, 2026`)."""

_NUMBER_STREET_CITY = re.compile(
    rf"\d(?<![\w@/.$#%-]\d)\d{{0,4}}[A-Za-z]?[^\S\n]{{1,3}}(?:{_STREET_PART}[^\S\n]{{1,3}}){{0,4}}{_STREET_PART},[^\S\n]{{1,3}}"
    rf"({_WORD}(?:[ -]{_WORD}){{0,2}}|[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}})(?![\w-])"
)

# (`[A-Z][A-Z]+`, not `[A-Z]{2,}`: every branch opens with a capital, a class the engine skips to)
_CITY_REGION_CODE = re.compile(
    rf"((?:{_WORD}|[{UPPER}][{UPPER}]+)(?:[ -](?:{_WORD}|[{UPPER}][{UPPER}]+|C)){{0,3}}?),?[^\S\n]+"
    rf"(?:(?:[A-Z]{{2,3}}|nan|null|none|n/a)[^\S\n]+)?"
    rf"({_POSTAL})[^\S\n]*[.,;?!]?[^\S\n]*\Z"
)
"""`Frederiksberg C SJ 1908`, `BRUAY-LA-BUISSIÈRE NP 62700`: a city and its code, ending a line."""


_CODE_LINE_END = re.compile(r"\d[A-Z\d]{0,3}[^\S\n]*[.,;?!]?[^\S\n]*(?=\n|\Z)")
"""The end of a line that ends in a postal code: a digit, perhaps 1-3 capitals or digits after it."""


@lru_cache(maxsize=8)
def _code_line_ends(text: str) -> tuple[tuple[int, int], ...]:
    """The last 120 characters (at most) of each line ending in a code, as (start, end).

    The end is the newline or the end of the text; `_line_ends` tries two patterns there.
    Each line is read back from its end (`_ends_in_code`), not `_CODE_LINE_END` tried at
    every digit: the same lines.
    """
    found = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        if _ends_in_code(text, start, end):
            found.append((_line_start(text, end, 120), end))
        start = end + 1
    return tuple(found)


def _ends_in_code(text: str, start: int, end: int) -> bool:
    """`_CODE_LINE_END` matches up to `end` (a line end) within `text[start:end]`, read backwards."""
    j = _blanks_back(text, start, end)  # [^\S\n]*
    if j > start and text[j - 1] in ".,;?!":  # [.,;?!]? and [^\S\n]* again
        j = _blanks_back(text, start, j - 1)
    for k in range(j - 1, max(start, j - 4) - 1, -1):  # \d[A-Z\d]{0,3}: a digit, at most 3 after it
        c = text[k]
        if c.isdecimal():
            return True
        if not ("A" <= c <= "Z"):
            return False
    return False


def _blanks_back(text: str, start: int, j: int) -> int:
    r"""`j` moved back over white space other than line breaks (`[^\S\n]*`), not before `start`."""
    while j > start and text[j - 1] != "\n" and text[j - 1].isspace():
        j -= 1
    return j


def _line_ends(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    r"""Matches of `pattern` (anchored with `\Z`) ending a line that ends in a code (`_code_line_ends`).

    At most the last 120 characters of a line are tried.
    """
    found = []
    for start, end in _code_line_ends(text):
        m = pattern.search(text, start, end)
        if m is not None:
            found.append(m)
    return found


_YEAR = re.compile(r"(?:19|20)\d\d")
_IN_CITY_CODE = re.compile(
    rf"\bin\s+({_WORD}(?:[ -]{_WORD}){{0,2}})[^\S\n]+({_POSTAL})(?![\w-])(?:[^\S\n]+([a-z]+))?"
)
"""`in Wien 1010`, `in Stuttgart 70173 in its mission`: a known city and its postal code."""
_IN_CITY_CODE_KEYS = ("in",)
_FUNCTION_WORDS = frozenset(["in", "on", "at", "and", "to", "for", "with", "by", "of", "or", "as", "from"])

# -- cued values -----------------------------------------------------------------------------

_PHONE_CUE, _PHONE_CUE_KEYS = _cue_pattern(
    r"(?i:\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|desk|fax|landline|whatsapp|sms|"
    r"call(?:\s+me)?(?:\s+(?:at|on))?|text\s+me(?:\s+at)?|reach\s+(?:me|us)\s+(?:at|on)|registered|"
    r"messages\s+to|answering\s+at|number\s+is|(?:phone|mobile|cell)\s+number(?:\s+is)?)"
    r"\b[^\S\n]*[:.#]?[^\S\n]*\n?[^\S\n]*)"
    r"(\+?\(?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){1,6})(?![\d\w])"
)
_PHONE_LABEL, _PHONE_LABEL_KEYS = _cue_pattern(
    r"(?i:\b(?:office|fax|mobile|cell|home|work|tel|phone|landline)\b)"
)
_PHONE_BEFORE_LABEL = re.compile(r"(?<![\w+])(\+?\(?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){1,6})\Z")
_ZIP_CUE, _ZIP_CUE_KEYS = _cue_pattern(
    rf"(?i:\b(?:zip|postal|post|postcode|postleitzahl|plz|cep|c\.p\.|code\s+postal)"
    rf"(?:\s*code)?(?:\s+is)?\s*[:#]?\s*)(\d{{8}}|{_POSTAL})(?![\w-])"  # (a Brazilian CEP without its dash)
)
_STREET_CUE, _STREET_CUE_KEYS = _cue_pattern(
    rf"(?i:\b(?:(?:lives|living|lived|live|resides|resided)\s+on\s+(?:the\s+\w+\s+side\s+of\s+)?|"
    rf"address(?:\s+is)?\s*:\s*|(?:home|residence)\s*:\s*(?=\d)|(?:is|we're|we\s+are|i'm|i\s+am)\s+at\s+(?=\d)|"
    rf"enter\s+on\s+|"
    rf"(?:is|are|was)\s+on\s+(?=[{UPPER}])))"
    rf"((?:\d{{1,5}}[A-Za-z]?\s+)?{_WORD}(?:[^\S\n]{{1,3}}(?:{_WORD}|\d{{1,4}}\.?|[a-z]{{1,3}}\.)){{0,4}}"
    rf"(?:,[^\S\n]{{1,3}}(?:{_WORD}(?:[ -]{_WORD}){{0,2}}|[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}})"
    rf"(?![\w-]))?)"
)
_ON_STREET = re.compile(r"(?i:is|are|was)\s")
"""The `is on <street> <number>` branch of `_STREET_CUE` (`The bus station is on Pagari 18`)."""
_PLACE_SUBJECT = re.compile(
    r"(?i:\b(?:station|stop|terminal|shop|store|office|school|hotel|hostel|museum|hospital|church|library|"
    r"bank|house|home|building|entrance|venue|bar|pub|cafe|club|gym|apartment|flat|garage|theatre|theater|"
    r"cinema|market|embassy|consulate|campus|warehouse|depot|address)(?:es|s)?[^\S\n]{1,3}\Z)"
)
"""What stands on a street (`The bus station is on ...`): a person is on a drug, a diet, a team."""
_HOUSE_AFTER_WORD = re.compile(r"([^\W\d_]{2,})\.?[^\S\n]{1,3}\d{1,5}[A-Za-z]?\.?(?:[^\S\n]|\Z)")
"""A street's name and its house number (`Aðalgata 37 St`, `Pagari 18`; not `Nintendo Switch 2`)."""


def _numbered_street(value: str) -> bool:
    """`value` holds a street's own name (no everyday word: `_street_like`) right before a house number."""
    return any(_street_like(m.group(1)) for m in _HOUSE_AFTER_WORD.finditer(value))


_NUMBERED_STREET_TYPE = re.compile(
    rf"(?<![\w'\u2019-])({_WORD}(?:[^\S\n]{{1,3}}{_WORD}){{0,2}}[^\S\n]{{1,3}}\d{{1,5}}[A-Za-z]?)"
    r"[^\S\n]{1,3}(?i:street|road|avenue)\b"
)
"""A street's name and house number, then `street` (`refers to Tavcarjeva 103 street in Ruše`)."""
_MEETING_PLACE, _MEETING_PLACE_KEYS = _cue_pattern(
    r"(?i:\b(?:meet|meeting)(?:[^\S\n]{1,3}(?:me|you|them|him|her))?"
    r"(?:[^\S\n]{1,3}(?:on[^\S\n]{1,3})?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"tomorrow|tonight|today))?[^\S\n]{1,3}at[^\S\n]{1,3})(?=[^,\n]{0,60}[A-Z])[^,\n]{2,60}?,[^\S\n]{1,3}"
    rf"(\d{{1,5}}[A-Za-z]?(?:[^\S\n]{{1,3}}\d{{1,5}})?[^\S\n]{{1,3}}{_STREET_PART}"
    rf"(?:[^\S\n]{{1,3}}(?:{_STREET_PART}|"
    rf"[{LOWER}]{{2,12}}(?=(?:[^\S\n]{{1,3}}[{LOWER}]{{2,12}}){{0,2}}[^\S\n]{{1,3}}\d))){{0,4}}"
    rf"(?:[^\S\n]{{1,3}}\d{{1,5}}[A-Za-z]?\.?)?"
    rf"(?:,[^\S\n]{{1,3}}(?:{_WORD}(?:[ -]{_WORD}){{0,2}}|"
    rf"[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}})(?![\w-]))?)"
)
"""Where people meet, a venue and its street address (`We'll meet Monday at Acme Inc., 524
Westdorp 346, Tintange`): a house number, a street, maybe a house number and a town."""
_MEETING_ADDRESS = re.compile(
    r"[^\W\d_][^\S\n]{1,3}\d|,[^\S\n]{1,3}\S|\b(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|place|pl)\.?\Z"
)
"""What makes the value after a venue an address: a house number after the street, a town, a street type."""
_CLAUSE_END = re.compile(r"[^\S\n]*(?:[.,;:!?)\n]|\Z)")
_STREET_GATE = ("live", "resid", "address", " at ", "enter on", "is on ", "are on ", "was on ")
"""What a text with a match of `_STREET_CUE` holds (but `Home:`, `_HOME_COLON`): a gate."""
_HOME_COLON = re.compile(r"(?i:home)\s*:")
"""The gate of `_STREET_CUE`'s `Home:` branch: any white space before the colon, as there."""
_DELIVERY_CUE, _DELIVERY_CUE_KEYS = _cue_pattern(
    rf"(?i:\b(?:meet\s+(?:me|you|us)\s+at|drops?\s+(?:you|me|us)\s+off\s+at|return\s+(?:it\s+|them\s+)?to|"
    rf"sen[dt]\s+(?:it\s+|them\s+|this\s+|a\s+new\s+one\s+)?to|ship(?:ped)?\s+(?:it\s+)?to|deliver(?:ed)?\s+(?:it\s+)?to|"
    rf"taxi\s+to|address\s+(?:with|is|to)|it\s+is|arrived\s+at|"
    rf"(?:change|update)\s+(?:my|the|your|our)\s+(?:[\w']+\s+){{0,3}}?address(?:es)?\s+(?:[\w']+\s+){{0,6}}?to"
    rf"(?:\s+the\s+same\s*:)?)[^\S\n]{{1,3}})"
    rf"((?:\d{{1,5}}[A-Za-z]?[^\S\n]{{1,3}})?(?:{_STREET_PART}[^\S\n]{{1,3}}){{0,4}}{_STREET_PART}"
    rf"(?:[^\S\n]{{1,3}}\d{{1,5}}[A-Za-z]?\.?)?(?:,?[^\S\n]{{1,3}}(?i:apt|apartment|suite|ste|unit|flat|studio|piso|"
    rf"piano|puerta)\.?[^\S\n]{{0,2}}\w{{1,6}})?)"
)
_MILITARY = re.compile(
    r"\b(?:(?:PSC|Unit|CMR)\s\d{1,5}(?:,?\s?Box\s\d{1,5})?|US[A-Z]{0,3}\s[^\n,]{2,30})\s*\n?\s*(?:APO|FPO|DPO)\s(?:AA|AE|AP)\s\d{5}\b"
)
"""A US military address: `PSC 8443, Box 1802 APO AA 31448`, `USNV Štitić FPO AE 30286`."""
_STREET_WORD = re.compile(r"[^\S\n]+(?:street|st\.|road|rd\.)", re.IGNORECASE)
_CITY_CUE, _CITY_CUE_KEYS = _cue_pattern(
    rf"(?i:\b(?:originally\s+from|moved\s+(?:here\s+)?from|grew\s+up\s+in|born\s+in|based\s+in|"
    rf"returned\s+to|arrived\s+(?:at|in)|university\s+of|hometown\s+(?:of\s+|is\s+)?|home\s+(?:city|town)(?:\s+of)?|"
    rf"(?:i|we)\s+(?:am|are)\s+(?:in|from)|i'm\s+(?:in|from)|we're\s+(?:in|from)|(?:lives?|lived|living)\s+in|"
    rf"flew\s+to|flying\s+to|drove\s+to|moved\s+to|relocated\s+to|trip\s+to|travel(?:l?ing)?\s+to|"
    rf"(?:the|your)\s+(?:city|town)\s+(?:is|was))\s+)"
    rf"({_WORD}(?:[^\S\n](?:{_WORD}|(?:nad|am|an|de|del|la|le|sur|upon)(?![\w-]))){{0,3}}|"
    rf"[{UPPER}]{{2,}}(?:[ -][{UPPER}]{{2,}}){{0,2}})"
)
_CITY_SUBJECT = re.compile(r"(?i:\b(?:i|i'm|we|we're|my|our|he|she|they|his|her|their|mr|mrs|ms|dr)\b)")
_URL_CUE, _URL_CUE_KEYS = _cue_pattern(
    r"(?i:\b(?:(?:my|his|her|their)\s+(?:website|web\s*site|site|blog|homepage|home\s+page|portfolio|profile|page)"
    r"(?:\s+is)?\s*:?\s*|posted\s+a\s+(?:photo|picture|pic|video)\s+|shared\s+(?:files?|photos?|a\s+link)\s+with\s+you\s+))"
    r"((?:https?://|www\.)[^\s<>\"']{3,200})"
)

_URL_LABEL = re.compile(
    r"(?im:^[^\S\n]*(?:website|web|homepage|blog|portfolio)[^\S\n]*:[^\S\n]*\n?[^\S\n]*)((?:https?://|www\.)[^\s<>\"']{3,200})"
)

_IBAN = re.compile(r"([A-Z](?<!\w.)[A-Z]\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)(?![\w])")


def _iban_ok(value: str) -> bool:
    """The ISO 13616 check (mod 97 of the rearranged number is 1)."""
    code = value.replace(" ", "")
    if not 15 <= len(code) <= 34:
        return False
    digits = "".join(str(int(c, 36)) for c in code[4:] + code[:4])
    return int(digits) % 97 == 1


# -- person cues for a single word ----------------------------------------------------------

_NAME_BEFORE, _NAME_BEFORE_KEYS = _cue_pattern(
    rf"(?i:\b(?:calls?\s+me|you\s+must\s+be|known\s+as|said|says|asked|replied|told|starring|featuring|"
    rf"(?:my|his|her|their|your)\s+(?:(?:first|last|full|given|family|sur)\s*)?name\s*(?:is|was|:|\?)|name's|"
    rf"named\s+(?:him|her|them|it)|dear|hi|hello|hey|shouted\s+at|yelled\s+at|smiled\s+at|looked\s+at|"
    rf"talked\s+to|spoke\s+(?:to|with)|met|married|hugged|kissed|thanked|who\s+(?:is|was)|"
    rf"(?:had|has)\s+given|gave|commenter|user|author|writer|director|actor|actress|singer|songwriter|artist|poet|"
    rf"editor|professor|coach|teacher|student|colleague|reporter|journalist|chef|captain|"
    # a role spelt out as a title: "Doctor Smith called", "Nurse Patel", "Officer Diaz"
    rf"doctor|nurse|surgeon|therapist|physiotherapist|pharmacist|dentist|midwife|paramedic|"
    rf"counsell?or|chaplain|pastor|rabbi|imam|officer|detective|sergeant|deputy|sheriff|judge|attorney|nanny|"
    rf"maiden\s+name\s+(?:is|was)|speak\s+(?:to|with)|remember\s+me,|sing\s+it\s+with\s+me|leave\s+me|"
    rf"(?:mr|mrs|ms|miss|mx|dr)\.?|my\s+(?:kid|child|son|daughter|wife|husband|brother|sister|friend|boss|"
    rf"mom|mum|dad|mother|father|partner|cousin|uncle|aunt|niece|nephew|grandson|granddaughter|grandma|"
    rf"grandpa|grandmother|grandfather|neighbou?r|colleague|roommate|fianc[eé]e?|boyfriend|girlfriend))"
    rf"[^\S\n]{{1,3}})({_WORD})"
)
_SAID_TO = re.compile(rf"\bsaid[^\S\n]{{1,3}}\S{{1,30}}[^\S\n]{{1,3}}to[^\S\n]{{1,3}}({_WORD})")
"""`said Cody to Katie`: the one spoken to."""
_POSSESSED = (
    "address|phone|number|email|e-mail|birthday|house|home|kid|kids|child|children|son|daughter|wife|husband|"
    "mother|father|mom|dad|sister|brother|friend|boyfriend|girlfriend|family|parents|grandmother|grandfather|"
    "song|songs|book|novel|album|film|poem|career|life"
)
"""What a person's possessive holds (`Olav's kid`, `Bell's song`)."""
_PERSONALITY = (
    "impulsive|shy|rude|grumpy|stubborn|jealous|arrogant|lazy|moody|selfish|nervous|anxious|angry|upset|"
    "sad|lonely|bossy|clumsy|cheerful|impatient|insecure|naive|talkative|introverted|extroverted|cowardly"
)
"""Traits of a person's character (`Why is Teodor so impulsive?`), not of a brand or a place."""
_NAME_AFTER = re.compile(
    rf"(?:(?:'s|\u2019s)[^\S\n]{{1,3}}(?i:{_POSSESSED})\b|"
    r"[^\S\n]{1,3}(?i:(?:said|says|asked|replied|told|wrote|shouted|whispered|had\s+given|has\s+given|"
    r"just\s+(?:has|had|wants|wanted)|lives\s+(?:on|in|at)|lived\s+(?:on|in|at)|is\s+from|was\s+from|"
    r"began\s+(?:writing|singing|working|studying)|flew\s+to|is\s+very\s+\w+|was\s+very\s+\w+|"
    rf"(?:(?:is|was)\s+)?(?:so|very|too|such\s+an?)\s+(?:{_PERSONALITY})|"
    r"can\s+always|graduated|married|died|was\s+married|got\s+married|[a-z]{2,20}ed\s+(?:his|her)|"
    r"spent\s+a\s+year|was\s+born|was\s+influenced|is\s+a\s+(?:very\s+)?\w+\s+(?:person|guy|girl|man|woman|"
    r"lady|kid|child|listener|friend)|"
    # what happens to a patient: "Kofi was admitted to the ICU", "Ana presented with fever"
    r"(?:was|has\s+been|is\s+being)\s+(?:re)?(?:admitted|discharged|diagnosed|intubated|transferred)|"
    r"presented\s+(?:to|with)|presents\s+with|tested\s+(?:positive|negative)|denies|complains\s+of|"
    r"ambulated|ambulating|ambulates|tolerated|tolerating|tolerates|verbalized|verbalizes|voided|"
    r"doing\s+well|resting\s+comfortably|(?:is|was|remains)\s+afebrile)\b))"
)
_NAME_AFTER_CUE, _NAME_AFTER_KEYS = _cue_pattern(
    rf"(?i:\b(?:{_POSSESSED}|"
    r"said|says|asked|replied|told|wrote|shouted|whispered|had|has|just|lives|lived|is|was|began|flew|can|"
    r"graduated|married|died|got|spent|so|very|too|such|presented|presents|tested|denies|complains|"
    r"ambulated|ambulating|ambulates|tolerated|tolerating|tolerates|verbalized|verbalizes|voided|doing|"
    r"resting|remains)\b)"
)
# (?<![\w'\u2019-])({_BARE_WORD})\Z, led by its capital (the engine skips to capitals in C)
_WORD_BEFORE = re.compile(rf"([{UPPER}](?<![\w'\u2019-].){_BARE_WORD.removeprefix(f'[{UPPER}]')})\Z")
_VOCATIVE = re.compile(rf"(?:^|[.!?\n][^\S\n]*)({_WORD}),[^\S\n]+\Z")
_VOCATIVE_CUE, _VOCATIVE_CUE_KEYS = _cue_pattern(
    r"(?i:\b(?:can|could|would|will|please|i\b|we|you|do|did|are|have|let|thanks|thank|how|where|when|what|why)\b)"
)
_VOCATIVE_END = re.compile(rf",[^\S\n]+({_WORD})[!?]+")
_PEOPLE_LIST, _PEOPLE_LIST_KEYS = _cue_pattern(
    rf"(?i:\b(?:founders|co-founders|children|kids|sons|daughters|friends|siblings|brothers|sisters|guests|"
    rf"grandchildren|cousins|roommates|classmates)\b[^\S\n]*:?[^\S\n]*)"
    rf"((?-i:{_WORD})(?:,[^\S\n]+(?-i:{_WORD})){{0,8}}(?:,?[^\S\n]+and[^\S\n]+(?-i:{_WORD}))?)"
)
_LAST_IN_LIST = re.compile(rf"({_BARE_WORD})(?![\w'\u2019-]|[^\S\n]+[{UPPER}])")
_BARE = re.compile(_BARE_WORD)
"""`Khazani, Emeka and Vidica`, `Batukayev and Jan`: words joined as a list."""
_SPEAKER_LINE = rf"[^\S\n]*({_WORD})[^\S\n]*:[^\S\n]*\S"
_SPEAKER = re.compile(rf"(?m)^{_SPEAKER_LINE}")
"""`Jerry: ...`: a speaker opening a line (found by `_speakers`)."""
_SPEAKER_FIRST = re.compile(_SPEAKER_LINE)
_SPEAKER_NEXT = re.compile(rf"\n{_SPEAKER_LINE}")


_FIELD_VALUE = re.compile(
    r"[^\S\n]*(?:[£$€¥₹]|[A-Z]{3}[^\S\n]?\d|\d|(?:[A-Z][a-z]+[^\S\n]?){1,3}$)", re.MULTILINE
)
"""What follows a field's label on a spec sheet: a price, a number, or one to three capitalised words
(`Price: £129`, `In stock: 230`, `Colour: Midnight Blue`)."""


def _field_line(text: str, speaker: re.Match[str]) -> bool:
    """A speaker line that is a spec sheet's field (`Price: £129`, `Colour: Graphite`), not a turn.

    A line of speech is words; a field's value is a price, a number or a name of a colour or
    material. One of them in capitals is still a name when it is no everyday word
    (`Jerry: Tom`); the label must be an everyday word too (`Price`, not `Jerry`).
    """
    value = _FIELD_VALUE.match(text, text.index(":", speaker.end(1)) + 1)
    label = speaker.group(1).lower()
    if value is None or (label not in english() and label not in _COLOURS):
        return False
    words = value.group(0).split()
    return not words[-1][:1].isupper() or all(w.lower() in english() or w.lower() in _COLOURS for w in words)


_COLOURS = frozenset(["colour", "grey", "graphite", "charcoal", "ivory", "beige", "navy", "teal"])


def _speakers(text: str) -> list[re.Match[str]]:
    """What `_SPEAKER.finditer(text)` yields, as far as its group goes (a match holds no line break).

    The first line is matched at its start and every other one from the line break before
    it: a regex led by a line break, which the engine skips to in C (a `^` it tries at every
    position).
    """
    first = _SPEAKER_FIRST.match(text)
    return [*([first] if first is not None else []), *_SPEAKER_NEXT.finditer(text)]


def _vocatives(text: str) -> list[re.Match[str]]:
    """`Calfucir, can I please speak to your boss?`: a capitalised word opening a sentence, then a comma."""
    found: list[re.Match[str]] = []
    if ", " not in text:
        return found
    words = word_positions(text, _VOCATIVE_CUE_KEYS)
    # a cue matches one word (letters only): the cue words after ", " are tried alone, none
    # of the others could have covered one of them
    cues = (
        _VOCATIVE_CUE.finditer(text)
        if words is None
        else match_at(_VOCATIVE_CUE, text, [j for j in words if j >= 3 and text.startswith(", ", j - 2)])
    )
    for m in cues:
        j = m.start()
        if j >= 3 and text[j - 1] == " " and text[j - 2] == ",":
            v = _VOCATIVE.search(text, max(0, j - 36), j)
            if v is not None:
                found.append(v)
    return found


def _names_after(text: str) -> list[re.Match[str]]:
    """Capitalised words before an after-cue (`X said`, `X's kid`, `X is a kind person`)."""
    found = []
    for start in _after_cue_starts(text):
        j = start
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == start or j < 2 or not text[j - 1].isalpha():
            continue
        if text[j - 1] == "s" and text[j - 2] in "'\u2019":  # "Olav's kid"
            j -= 2
        if text[j - 1].isupper():  # a capital just before: an initial or an acronym
            continue
        before = _WORD_BEFORE.search(text, max(0, j - 62), j)
        if before is not None and _NAME_AFTER.match(text, before.end(1)):
            found.append(before)
    return found


def _after_cue_starts(text: str) -> list[int]:
    """Where an after-cue word may start: the indexed cue words, and words ending in `ed`."""
    starts = [m.start() for m in scan_words(_NAME_AFTER_CUE, text, _NAME_AFTER_KEYS)]
    if "ed h" in text:
        for m in _ED_HIS.finditer(text):  # "<X> listed his", found from "ed his" back to its word's start
            k = m.start()
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            starts.append(k)
    return sorted(set(starts))


# `(?<=[a-z]{2})ed\s+(?:his|her)\b`, led by its literal (the engine skips to "ed" in C), same matches
_ED_HIS = re.compile(r"ed(?<=[a-z]{2}ed)\s+(?:his|her)\b")


_KIN = (
    r"wife|husband|son|daughter|mother|father|mom|mum|dad|brother|sister|partner|grandson|granddaughter|"
    r"grandmother|grandfather|niece|nephew|aunt|uncle|cousin|friend|caregiver|carer|guardian|fianc[eé]e?"
)
_SIGN_OFF, _SIGN_OFF_KEYS = _cue_pattern(
    r"(?i:\b(?:thanks|thank\s+you|regards|kind\s+regards|best|best\s+wishes|cheers|sincerely|warmly|"
    r"love|xoxo|take\s+care|thx|ta|yours))[,!.]?[^\S\n]*\n?[^\S\n]*"
    rf"({_BARE_WORD})[^\S\n]*(?:x{{1,3}}\b|xo+\b)?[^\w\n]{{0,4}}(?:\n|\Z)"
)
"""A sign-off, then a single word ending its line (`Thanks, Tomasz`, `Best,\nIngrid`)."""
_KIN_BRACKET, _KIN_BRACKET_KEYS = _cue_pattern(
    rf"(?i:\b(?:{_KIN}))[^\S\n]*\([^\S\n]*({_BARE_WORD})[^\S\n]*\)"
)
"""A relative, then a name in brackets (`accompanied by wife (Ingrid) and son (Lars)`)."""
_KIN_NAME, _KIN_NAME_KEYS = _cue_pattern(
    r"(?i:\b(?:my|his|her|their|our|mi|su|ma|mon|mein|meine)[^\S\n]{1,2}(?:baby|kid|child|son|daughter|wife|"
    r"husband|partner|boyfriend|girlfriend|fianc[eé]e?|mom|mum|mother|dad|father|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|esposo|esposa|hijo|hija|marido|novio|novia|mari|femme|fils|fille|"
    r"mann|frau|sohn|tochter))"
    rf"[^\S\n]{{1,3}}({_BARE_WORD})"
)
"""A relative after a possessive, in four languages (`her husband Earl`, `mi esposo Chuy`)."""
_KIN_BARE, _KIN_BARE_KEYS = _cue_pattern(
    r"(?i:\b(?:daughter|son|sons|daughters|husband|wife|partner|dad|mom|mum|mother|father|brother|sister|"
    r"grandson|granddaughter|ex-husband|ex-wife|boyfriend|girlfriend|fianc[eé]e?))"
    rf",?[^\S\n]{{1,3}}({_BARE_WORD})"
)
"""A relative with no possessive (`daughter Tamsin checks on her`, `Partner Andre aware`,
`daughter, Brenda,`)."""
_DASH_SIGN = re.compile(
    rf"(?:^|\s)[-\u2013\u2014][^\S\n]?({_BARE_WORD}(?:[^\S\n]{_BARE_WORD})?)[^\w\n]{{0,6}}\Z"
)
"""A dash signature ending the text (`... can i try the nurtec? -Kels`, `- Serena Wu`)."""
_DASH_SIGN_LOWER = re.compile(r"(?:^|\s)[-\u2013\u2014][^\S\n]?([a-z]{2,20})[^\w\n]{0,6}\Z")
"""The same in lower case: a Census first name that is no everyday word (`- kieran`)."""
_DASH_SIGN_REACH = 140
"""The longest `_DASH_SIGN` match: a space, a dash and a space (3), two words of at most 63 and a
space between them (127), six closing characters (136)."""
_DASH_SIGN_LOWER_REACH = 40
"""The longest `_DASH_SIGN_LOWER` match: 3, a word of at most 20 characters, 6 (29)."""
_SELF_INTRO, _SELF_INTRO_KEYS = _cue_pattern(
    r"(?i:\b(?:hi|hello|hey|hola|bonjour|hallo|good\s+(?:morning|afternoon|evening))\b[^\n.?]{0,24}?"
    r"\b(?:i\s+am|i'm|im|this\s+is|it's|its|soy|je\s+suis|ich\s+bin|me\s+llamo|je\s+m'appelle|mi\s+chiamo))"
    rf"[^\S\n]{{1,3}}({_BARE_WORD})"
)
"""Who greets introduces themselves (`hello doctor I am Ngozi`, `hola soy Lupita`)."""
_THIS_IS = re.compile(r"(?i:\b(?:this\s+is|it's|its)\s+\S+\Z)")
_AFTER_SELF = re.compile(
    r"[^\S\n]*(?:[,.!:;\n]|\Z)|[^\S\n]+(?i:from|here|my|mi|ma|mon|and\s+i|y\s+|calling|speaking|again)\b"
)
_PARTICLE_WORDS = r"(?:de|da|do|dos|das|van|von|der|den|di|del|della|la|le|du|al|el|bin|ibn|ter|ten)"
_LOWER_CUED, _LOWER_CUED_KEYS = _cue_pattern(
    rf"(?i:\b(?:{_KIN}|dr|mr|mrs|ms|doctor|nurse|thanks|thank\s+you|thx|ty|this\s+is|it's|its|i'm|im|i\s+am|"
    r"my\s+name\s+is|pt)"
    rf"(?:\s+so\s+much)?\.?,?)[^\S\n]{{1,3}}(?!(?i:dr|mr|mrs|ms|doctor|nurse)\b)([{LOWER}]{{3,15}})\b"
)
"""A name in lower case after a relative, a title or thanks (`husband jim`, `dr patel`, `thanks dana`)."""
_INTRO_CUES = ("i am", "i'm", "im ", "my name", "this is", "pt ")
"""The cues of `_LOWER_CUED` that introduce a person by their full name (`i am farhan banerjee`)."""
_NEXT_LOWER = re.compile(rf"[^\S\n]{{1,2}}(?:(?:le|la|de|del|da|van|von|di|du)[^\S\n])?([{LOWER}]{{3,20}})\b")
"""The lower-case word after a cued one (its surname, maybe after a particle)."""
_TITLED_PARTICLE, _TITLED_PARTICLE_KEYS = _cue_pattern(
    rf"(?i:\b(?:dr|mr|mrs|ms|prof|doctor|professor)\.?)[^\S\n]{{1,3}}({_PARTICLE_WORDS}[^\S\n]{_BARE_WORD})"
)
"""A surname opening with a lower-case particle after a title (`Per Dr. de Souza`)."""
_LOWER_SPEAKER = re.compile(
    rf"^[^\S\n]*(?:\[[\d:. apmAPM]{{3,12}}\][^\S\n]*)?([{LOWER}]{{2,15}}):", re.MULTILINE
)
"""A chat line's speaker in lower case (`[10:42] maria: is there any update`)."""
_SPEAKER_CAP = re.compile(
    rf"(?:^|\[[\d:. apmAPM]{{3,12}}\])[^\S\n]*([{UPPER}][{LOWER}]{{1,15}}):(?!//)", re.MULTILINE
)
"""A chat line's speaker that is a Census first name (`Trevor: Dr. said ...`, `[10:14] Mariana: hi`)."""
_HERE = re.compile(rf"(?:^|[.!?,][^\S\n]+|\n[^\S\n]*)({_BARE_WORD})[^\S\n]+here\b[^\S\n]*[.,!-]")
"""Someone naming themselves (`Good morning, Harold here.`)."""
_CONTACT, _CONTACT_KEYS = _cue_pattern(
    r"(?i:\b(?:called|call|calling|text|texted|email|emailed|message|messaged|remind|reminded|ping|pinged|"
    r"loop\s+in|looped\s+in|cc|cc'd|page|paged)[^\S\n]{1,3})"
    rf"({_BARE_WORD})(?![\w'\u2019-])"
)
"""A Census first name after a verb of contacting someone (`Called Stefan back`, `loop in Jim`)."""
_GREETING_LINE = re.compile(
    rf"(?:\A|\n[^\S\n]*\n)[^\S\n]*({_BARE_WORD}),[^\S\n]*\n[^\S\n]*(?=[{UPPER}][^\n]{{19}})"
)
"""A first name alone greeting the reader on the line that opens a message or a paragraph after a
blank line (`Subject: Your results\n\nTiffany,\nYour A1c came back ...`); a line of a sentence or
more follows (a sign-off, `Love,\nMom`, has a name after it, not a message)."""
_DASH_OPENING = re.compile(
    rf"(?:\A|\n[^\S\n]*\n)[^\S\n]*({_BARE_WORD})[^\S\n]+[-\u2013\u2014][^\S\n]+(?=[A-Za-z][a-z' ])"
)
"""A first name alone opening a message or a paragraph, a dash after it and the message on
(`Laura - we saw you in the ED ...`, `Sam \u2014 quick update:`): the reader greeted."""
_LAST_WORD = re.compile(rf"(?:[.!?][^\S\n]+|\n[^\S\n]*)({_BARE_WORD})[^\S\n]*(?:x{{1,3}})?[^\w\n]{{0,4}}\Z")
"""A single word ending a message after its last sentence (`... Please update. Sharon`, `\n\nDenise`)."""


_SPOKEN_TO, _SPOKEN_TO_KEYS = _cue_pattern(
    r"(?i:\b(?:sure|ok|okay|yes|no|sorry|great|perfect|got\s+it|of\s+course|right|alright|welcome|"
    r"bye|goodbye|cheers|congrats|congratulations|morning|evening|noted|understood|done)\b)"
    rf",?[^\S\n]{{1,2}}({_BARE_WORD})(?=[,.!?:;]|[^\S\n]*$)"
)
"""Someone spoken to in a dialogue (`Sure, Cheryl.`, `ok Cody, processing ...`): a Census first
name that is no everyday word (`Sure, Monday works.`, `ok Target,` name no one)."""
_INFORMAL_KEYS = tuple(
    sorted(
        {
            *_SPOKEN_TO_KEYS,
            *_KIN_BRACKET_KEYS,
            *_KIN_NAME_KEYS,
            *_SELF_INTRO_KEYS,
            *_KIN_BARE_KEYS,
            *_SIGN_OFF_KEYS,
            *_LOWER_CUED_KEYS,
            *_TITLED_PARTICLE_KEYS,
            *_CONTACT_KEYS,
        }
    )
)
"""Index keys of every cue pattern `_kin_and_sign_off_names` scans for (one look-up gates them all)."""


def _plain_first_name(key: str) -> bool:
    """A Census first name (lower case) that is no everyday word and no word that is never a name."""
    return (
        key in census()[0] and key not in english() and key not in _NOT_A_NAME and key not in _NOT_NAMES_LOWER
    )


def _kin_and_sign_off_names(text: str) -> list[Span]:
    """Single names after a sign-off, in brackets after a relative; informal names in lower case.

    A lower-case word counts only if it is a Census first name (or a surname after a title)
    and no everyday word: `husband jim`, `dr patel`, `thanks so much dana`, a chat line's
    `maria:`; not `thanks again`, `son will`, `agent:`.
    """
    common, words = census()[0], english()
    positions = word_positions(text, _INFORMAL_KEYS)
    cued = positions is None or bool(positions)  # a cue word of one of the patterns below is in the text
    found = [
        Span("name", m.start(1), m.end(1), 0.65)
        for m in (scan_words(_SPOKEN_TO, text, _SPOKEN_TO_KEYS) if cued else ())
        if _plain_first_name(m.group(1).lower())
    ]
    found += [
        Span("name", m.start(1), m.end(1), 0.7)
        for m in (scan_words(_KIN_BRACKET, text, _KIN_BRACKET_KEYS) if cued else ())
        if _person_word(m.group(1))
        and m.group(1).lower() not in ORG_WORDS
        and (m.group(1).lower() in common or not _place(m.group(1)))
    ]
    # a relative or oneself is no place, though many names are some town's (`Ngozi`): only
    # countries are left out; a self-introduced word that is no Census first name needs the
    # sentence to go on as after a name (`I am Ngozi my baby ...`, not `I am Nigerian and love`)
    for pattern, keys in ((_KIN_NAME, _KIN_NAME_KEYS), (_SELF_INTRO, _SELF_INTRO_KEYS)):
        for m in scan_words(pattern, text, keys) if cued else ():
            word = m.group(1)
            if not _person_word(word) or word.lower() in ORG_WORDS or is_country(word):
                continue
            if len(word) <= 4 and text.startswith(".", m.end(1)):
                continue  # a title's abbreviation (`this is Sr. Souza`, `Ing. Trupp`)
            # `this is Northwind.`: a business introduces itself too; `I am ...` only a person
            if (
                pattern is _SELF_INTRO
                and word.lower() not in common
                and (_THIS_IS.search(m.group(0)) or not _AFTER_SELF.match(text, m.end(1)))
            ):
                continue
            found.append(Span("name", m.start(1), m.end(1), 0.75))
    # a relative with no possessive: a Census first name, or a word that is neither an
    # everyday word nor a place (`Mother Earth`, `Brother Printers`, `Sister Act` name no one)
    for m in scan_words(_KIN_BARE, text, _KIN_BARE_KEYS) if cued else ():
        word = m.group(1)
        key = word.lower()
        if key in _NOT_A_NAME or key in _NOT_NAMES_LOWER or key in ORG_WORDS:
            continue
        if (key in common and key not in words) or (
            key not in words and not _place(word) and _person_word(word)
        ):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    if "-" in text or "\u2013" in text or "\u2014" in text:
        # both end the text (`\Z`) and are at most `_DASH_SIGN_REACH` and `_DASH_SIGN_LOWER_REACH`
        # characters long: searched in that tail only (`^` still matches only at offset 0)
        for m in _DASH_SIGN.finditer(text, max(0, len(text) - _DASH_SIGN_REACH)):
            signed = [w.lower() for w in m.group(1).split()]
            if any(k in _NOT_A_NAME or k in _NOT_NAMES_LOWER or k in ORG_WORDS for k in signed):
                continue  # `- Northwind Team`, `- Love`
            if signed[0] in common or (signed[0] not in words and _person_word(m.group(1).split()[0])):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
        lower = _DASH_SIGN_LOWER.search(  # `... or email k.obrien@outlook.ie - kieran`
            text, max(0, len(text) - _DASH_SIGN_LOWER_REACH)
        )
        if (
            lower is not None
            and (key := lower.group(1)) in common
            and key not in words
            and key not in _NOT_A_NAME
        ):
            found.append(Span("name", lower.start(1), lower.end(1), 0.65))
    for m in scan_words(_SIGN_OFF, text, _SIGN_OFF_KEYS) if cued else ():
        key = m.group(1).lower()
        if key in _NOT_A_NAME or key in words or key in ORG_WORDS:
            continue  # `Cheers, Summer`, `Love, Mom`, `Thanks,\nTeam`
        # on its own line a Census first name (`Best,\nIngrid`; not a firm's `Thanks!\nNorthwind`);
        # on the sign-off's line any word that is no place (`Thanks, Tomasz`)
        if key in common or ("\n" not in text[m.start() : m.start(1)] and not _place(m.group(1))):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    surnames = census()[2]
    for m in scan_words(_LOWER_CUED, text, _LOWER_CUED_KEYS) if cued else ():
        key = m.group(1)
        if key in words or key in _NOT_A_NAME:
            continue
        titled = m.group(0)[:2].lower() in ("dr", "mr", "ms", "do", "nu") or m.group(0)[:3].lower() == "mrs"
        if key in common or (titled and (key in surnames or key not in words)):
            found.append(Span("name", m.start(1), m.end(1), 0.65))
            continue
        if not m.group(0).lower().startswith(_INTRO_CUES):
            continue
        pair = _NEXT_LOWER.match(text, m.end(1))
        if pair is not None and (nxt := pair.group(1)) not in words and nxt not in _NOT_A_NAME:
            # `i am farhan banerjee`, `pt sylvie le marec`: two words that are no everyday words
            found.append(Span("name", m.start(1), pair.end(1), 0.6))
    found += [
        Span("name", m.start(1), m.end(1), 0.75)
        for m in (scan_words(_TITLED_PARTICLE, text, _TITLED_PARTICLE_KEYS) if cued else ())
    ]
    if ":" in text:
        # a Census first name speaking; in a transcript (two speaker lines or more) even one
        # that is also a word (`maria:`); roles (`agent:`, `user:`) are no Census names
        # it opens with a multiline `^`: tried at line starts only
        speakers = list(match_at(_LOWER_SPEAKER, text, line_starts(text)))
        found += [
            Span("name", m.start(1), m.end(1), 0.65)
            for m in speakers
            if (key := m.group(1)) in common
            and key not in _NOT_A_NAME
            and (key not in words or len(speakers) > 1)
        ]
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in _SPEAKER_CAP.finditer(text)
            if _plain_first_name(m.group(1).lower())
        ]
    if " here" in text:
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in _HERE.finditer(text)
            if (key := m.group(1).lower()) in common and key not in words and key not in _NOT_A_NAME
        ]
    if ",\n" in text:
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in _GREETING_LINE.finditer(text)
            if (key := m.group(1).lower()) in common and key not in _NOT_A_NAME
        ]
    if " - " in text or "\u2013" in text or "\u2014" in text:
        found += [
            Span("name", m.start(1), m.end(1), 0.7)
            for m in _DASH_OPENING.finditer(text)
            if _plain_first_name(m.group(1).lower())
        ]
    for m in scan_words(_CONTACT, text, _CONTACT_KEYS) if cued else ():
        if _plain_first_name(m.group(1).lower()):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    # a Census first name alone ending the message: its writer
    tail = text[-40:]
    last = _LAST_WORD.search(text, max(0, len(text) - 40)) if any(map(tail.__contains__, ".!?\n")) else None
    if last is not None and _plain_first_name(last.group(1).lower()):
        found.append(Span("name", last.start(1), last.end(1), 0.7))
    return found


def _single_names(text: str) -> list[Span]:
    before = [
        m
        for m in scan_words(_NAME_BEFORE, text, _NAME_BEFORE_KEYS)
        if (_person_word(m.group(1)) or _self_named(m))
        and not _titled(text, m.start(0), m.start(1), m.end(1))
    ]
    found = [Span("name", m.start(1), _surname_end(text, m.end(1)), 0.75) for m in before]
    found += [
        Span("name", m.start(1), m.end(1), 0.75)
        for m in (*scan_words(_SAID_TO, text, ("sai",)), *_names_after(text))
        if _person_word(m.group(1)) and not _titled(text, m.start(0), m.start(1), m.end(1))
    ]
    # a vocative has no person cue but its comma: "..., France!" is a place, "..., Andrea!" a name
    common = census()[0]
    found += [
        Span("name", m.start(1), m.end(1), 0.7)
        for m in (*_vocatives(text), *_VOCATIVE_END.finditer(text))
        if _person_word(m.group(1)) and (m.group(1).lower() in common or not _place(m.group(1)))
    ]
    if " and " in text:
        found += _coordinated(text)
    found += _kin_and_sign_off_names(text)
    found += _names_by_role(text)
    for m in scan_words(
        _PEOPLE_LIST, text, _PEOPLE_LIST_KEYS
    ):  # "our 3 founders: Ylönen, Gawler and Timayev"
        found += [
            Span("name", w.start(), w.end(), 0.7)
            for w in _NAME_TOKEN.finditer(text, m.start(1), m.end(1))
            if w.group(0) != "and" and _person_word(w.group(0))
        ]
    if ":" in text and "\n" in text:
        speakers = [m for m in _speakers(text) if _person_word(m.group(1)) and not _field_line(text, m)]
        if len({m.group(1) for m in speakers}) >= 2 or len(speakers) >= 2:
            found += [Span("name", m.start(1), m.end(1), 0.7) for m in speakers]
    return found


_ATTRIBUTE_OF, _ATTRIBUTE_OF_KEYS = _cue_pattern(
    rf"(?i:\b(?:gender|sexuality|pronouns|nationality|ethnicity)[^\S\n]{{1,3}}of)[^\S\n]{{1,3}}"
    rf"({_BARE_WORD})(?![\w'\u2019-])"
)
"""A name after what only a person has (`the true gender of Adony`, `the nationality of Kamila Nowak`)."""
_AUTHOR_WORK, _AUTHOR_WORK_KEYS = _cue_pattern(
    r"(?i:\b(?:novels?|novellas?|memoirs?|biography|autobiography|poems?|sonnets?)\b)"
)
_AUTHOR_BEFORE = re.compile(rf"(?:^|[^\w'\u2019-])({_BARE_WORD})[^\S\n]{{1,2}}\Z")
"""`the Ritter novel`: a surname before a work that one person writes (not `film` or `album`:
studios and bands make those)."""
_FORMER_MEMBER = re.compile(
    rf"(?<![\w-])[Ee]x-[{UPPER}][\w&.'\u2019]{{1,30}}[^\S\n]{{1,3}}({_BARE_WORD})(?![\w'\u2019-])"
)
"""A former member named after their group (`by ex-Zombie Prošková`, `ex-Beatle Ringo`)."""
_UNDER_NAME = re.compile(rf"\bunder[^\S\n]{{1,3}}({_BARE_WORD})(?![\w'\u2019-])")
_UNDER_WHAT = re.compile(
    r"(?i:\b(?:it's|it\u2019s|it\s+is|it\s+was|booked|reserved|reservation|booking|registered|table|order)[^\S\n]{1,3})\Z"
)
"""A booking under a person's name (`Maybe it's under Szonja Tot`, `Reservation under Payne`)."""


def _surname_like(word: str) -> bool:
    """A person's capitalised word: no everyday or organisation word, and no place unless a Census name."""
    key = word.lower()
    common, _, surnames = census()
    return (
        _person_word(word)
        and key not in english()
        and key not in ORG_WORDS
        and key not in _NOT_NAMES_LOWER
        and (key in common or key in surnames or not _place(word))
    )


def _names_by_role(text: str) -> list[Span]:
    """Names known by what only a person has, writes, was a member of or books under.

    `the true gender of Adony`, `the Ritter novel` (a Census surname, or a word with a
    letter outside ASCII: a series of books named by an invented word, `the Discworld
    novels`, names no one), `ex-Zombie Prošková`, `it's under Szonja Tot`. The name must be
    no everyday word (`the gender of Things`, `a Classic Novel`, `ex-Google Engineers`,
    `it's under Review`) and no place unless a Census first name.
    """
    found: list[Span] = []
    common, _, surnames = census()
    for m in scan_words(_ATTRIBUTE_OF, text, _ATTRIBUTE_OF_KEYS):
        word = m.group(1)  # a Census first name counts even when a word too (`the gender of Poppy`)
        if (_surname_like(word) or (word.lower() in common and _person_word(word))) and not is_country(word):
            found.append(Span("name", m.start(1), _surname_end(text, m.end(1)), 0.75))
    for m in scan_words(_AUTHOR_WORK, text, _AUTHOR_WORK_KEYS):
        before = _AUTHOR_BEFORE.search(text, max(0, m.start() - 34), m.start())
        if before is None:
            continue
        word = before.group(1)
        if _surname_like(word) and (word.lower() in surnames or not word.isascii()):
            found.append(Span("name", before.start(1), before.end(1), 0.7))
    if "x-" in text:
        for m in _FORMER_MEMBER.finditer(text):
            if _surname_like(m.group(1)):
                found.append(Span("name", m.start(1), _surname_end(text, m.end(1)), 0.7))
    if "under " in text:
        for m in _UNDER_NAME.finditer(text):
            if _surname_like(m.group(1)) and _UNDER_WHAT.search(text, max(0, m.start() - 20), m.start()):
                found.append(Span("name", m.start(1), _surname_end(text, m.end(1)), 0.7))
    return found


_SELF_NAMING = re.compile(r"(?i:calls?\s+me|known\s+as|name\s*(?:is|was|:|\?)|name's)\s*\Z")


def _self_named(m: re.Match[str]) -> bool:
    """A Census first name that is also a word after `call me`, `my name is` (`call me Viva`)."""
    word = m.group(1)
    return (
        word.lower() in census()[1]
        and word.lower() not in _NOT_A_NAME
        and _SELF_NAMING.search(m.string, m.start(0), m.start(1)) is not None
    )


_NEXT_WORD = re.compile(rf"[^\S\n]{{1,3}}({_BARE_WORD})(?![\w'\u2019-])")


def _surname_end(text: str, end: int) -> int:
    """The end of the name a cued word opens: up to two more words that are no everyday word.

    `commenter Antonina Rozhkova`, `says Borna Jerković`: no English word (not `featuring
    Ngozi Summer Collection`'s `Summer`), no organisation word (`Dr. Lal Pathlabs Ltd`), no
    place unless it is a Census surname.
    """
    surnames, words = census()[2], english()
    for _ in range(2):
        m = _NEXT_WORD.match(text, end)
        if m is None:
            break
        key = m.group(1).lower()
        if key in _NOT_A_NAME or key in words or key in ORG_WORDS or not (key in surnames or not _place(key)):
            break
        end = m.end(1)
    return end


_TITLE_NEXT = re.compile(
    r"[^\S\n]{1,3}(?:To|Of|The|And|With|For|In|On|At|By|From|Your|Our|My|A|An|&)(?![\w'\u2019-])"
)
_PRODUCT_CUE = re.compile(r"(?i:featuring)\b")


_LOWER_VERB = re.compile(  # (`[ ][ ]*`, not `[ ]+`: led by a space, which the engine skips to in C)
    r"[ ][ ]*(?:called|calls|phoned|reports|reported|presents|presented|states|stated|denies|denied|"
    r"complains|complained)\b"
)
_LOWER_TOKEN = rf"[{LOWER}][{LOWER}'\u2019-]{{1,30}}+"
_LOWER_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?\n])[^\S\n]{{0,3}})({_LOWER_TOKEN}(?:[ ]{{1,2}}{_LOWER_TOKEN}){{1,2}})\Z"
)
_LOWER_VERB_GATE = ("called", "calls", "phoned", "report", "present", "state", "denie", "complain")


def _lower_subjects(text: str) -> list[Span]:
    """`calogero johnson called re his refill`: a lower-case full name opening a sentence, then a verb.

    The first word is a Census first name or no English word, the last a Census surname or no
    English word, no word an everyday word but for a particle (`van`): `the pharmacy called`,
    `her son reports` are no names.
    """
    found: list[Span] = []
    if not has_any(text, _LOWER_VERB_GATE):
        return found
    common, _, surnames = census()
    words = english()
    for m in _LOWER_VERB.finditer(text):
        subject = _LOWER_SUBJECT.search(text, max(0, m.start() - 70), m.start())
        if subject is None:
            continue
        parts = subject.group(1).split()
        first, last = parts[0], parts[-1]
        if not (first in common or first not in words) or not (last in surnames or last not in words):
            continue
        if any(w in words and w not in common and w not in surnames and w not in _PARTICLES for w in parts):
            continue
        found.append(Span("name", subject.start(1), subject.end(1), 0.65))
    return found


_PARTICLES = frozenset(PARTICLES)


def _titled(text: str, cue: int, start: int, end: int) -> bool:
    """An everyday English word after `featuring`, or opening a title (`Back To School`).

    `featuring Back To School Bundles`, `featuring Rose Gold`, `Summer Of Savings`: a
    product, a title or a season, not a person. A word that is no English word (`featuring
    Ngozi`) is still taken, and so is `my friend Rose Gold`.
    """
    if text[start:end].lower() not in english():
        return False
    return _TITLE_NEXT.match(text, end) is not None or _PRODUCT_CUE.match(text, cue) is not None


_PRODUCT_AFTER = re.compile(
    r"[^\S\n]{1,3}(?i:lines?|collections?|ranges?|editions?|series|models?|styles?|bags?|totes?|dresses?|"
    r"shoes?|boots?|sofas?|chairs?|candles?|scents?|bouquets?|sets?|kits?|bundles?|products?|flavou?rs?)\b"
)

_VENUES_AFTER = re.compile(
    r"[^\S\n]{1,3}(?i:locations?|stores?|shops?|branch(?:es)?|offices?|clinics?|showrooms?|outlets?|"
    r"markets?|metros?|areas?|campuses|restaurants?|hotels?|warehouses?|studios?|flagships?)\b"
)
"""`Our Charlotte and Austin locations`: the towns a business is in, no one's names."""


_PEOPLE_AFTER = re.compile(
    r"[^\S\n]{1,3}(?:were|are)[^\S\n]{1,3}(?:[a-z]{2,20}[^\S\n]{1,3}){0,2}?(?:engineers|doctors|nurses|"
    r"friends|colleagues|classmates|roommates|neighbou?rs|siblings|brothers|sisters|cousins|twins|"
    r"musicians|singers|songwriters|writers|authors|artists|actors|players|teammates|students|"
    r"teachers|lawyers|scientists|researchers|married|dating|engaged|divorced)\b"
)
"""`Costa and Morales were precision engineers`: surnames are people, not a firm's name."""


def _coordinated(text: str) -> list[Span]:
    """Words joined as a list that are all person-like, one of them a Census first name, none a place."""
    found: list[Span] = []
    common, _, surnames = census()
    dictionary = english()
    pos = text.find(" and ")
    while pos != -1:
        last = _LAST_IN_LIST.match(text, pos + 5)
        words = _list_before(text, pos) if last is not None else []
        if words and last is not None:
            words.append((last.start(1), last.end(1)))
            keys = [text[s:e].lower() for s, e in words]
            people = _PEOPLE_AFTER.match(text, last.end(1)) is not None  # "... were precision engineers"
            person = all(  # "Costa and Morales were ...": a surname that is also a place is a person's
                _person_word(text[s:e]) and (k in common or (people and k in surnames) or not _place(k))
                for (s, e), k in zip(words, keys, strict=True)
            )
            everyday = any(
                k in dictionary and k not in common and not (people and k in surnames) for k in keys
            )
            surnames_only = all(k in surnames for k in keys)  # "Young, Mitchell and Clark": a firm's name
            # a firm is named after surnames ("Thomas, Sweeney and Vasquez"); a family lists first names
            if (
                person
                and not everyday
                and (people or (2 * sum(k in common for k in keys) >= len(keys) and not surnames_only))
                and not _PRODUCT_AFTER.match(text, last.end(1))  # "the Ella and Ava lines": products
                and not _VENUES_AFTER.match(text, last.end(1))  # "our Charlotte and Austin stores": towns
            ):
                found += [Span("name", s, e, 0.7) for s, e in words]
        pos = text.find(" and ", pos + 5)
    return found


def _list_before(text: str, end: int) -> list[tuple[int, int]]:
    """The capitalised words listed before `end` (`A, B` of `A, B and C`), first to last; [] if none."""
    words: list[tuple[int, int]] = []
    stop = end - 1 if end > 0 and text[end - 1] == "," else end  # an Oxford comma
    while len(words) < 9:
        start = stop
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        if start == stop or _BARE.fullmatch(text, start, stop) is None:
            break
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'\u2019-"):
            break
        words.append((start, stop))
        if start >= 2 and text[start - 2 : start] == ", ":
            stop = start - 2
            continue
        break
    return words[::-1]


# -- repeats ---------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(rf"[{UPPER}][{LOWER}'\u2019-]{{1,30}}+")
_CASED_TOKEN = re.compile(
    rf"[{UPPER}]{{3,30}}+(?:-[{UPPER}]{{2,30}}+)?|[{LOWER}]{{3,30}}+(?:-[{LOWER}]{{2,30}}+)?"
)
"""A word of a name in capitals or in lower case (`SAITO`, `scholl`, `ABU-ZAHRA`)."""


def _name_word(token: str) -> str:
    """A capitalised token without its possessive or trailing hyphen (`Katsuko's` -> `Katsuko`)."""
    return token.replace("\u2019", "'").split("'")[0].rstrip("-")


def repeats(text: str, names: list[tuple[int, int]]) -> list[Span]:
    """Other occurrences in `text` of a word of a name found in it (`names`: their offsets)."""
    if not names:
        return []
    words = {_name_word(t.group(0)) for start, end in names for t in _NAME_TOKEN.finditer(text, start, end)}
    # a name written in capitals or in lower case (`SAITO, Kenji`, `lukas scholl`) recurs capitalised
    # (`put "Saito deposit" as the reference`)
    words |= {
        "-".join(p.capitalize() for p in t.group(0).split("-"))
        for start, end in names
        if not text[start:end].istitle()
        for t in _CASED_TOKEN.finditer(text, start, end)
        if t.group(0).isupper() or t.group(0).islower()
    }
    words = {
        w
        for w in words
        if len(w) >= 3 and _person_word(w) and w.lower() not in english() and not is_country(w)
    }
    if not words:
        return []
    if len(words) > _FEW_WORDS:  # one pass over the capitalised tokens
        return [
            Span("name", m.start(), m.start() + len(word), 0.75)
            for m in _NAME_TOKEN.finditer(text)
            if (word := _name_word(m.group(0))) in words and _token_start(text, m.start())
        ]
    # A few words: each found by `str.find` (in C) rather than every capitalised token of the
    # text made into a word. Every capital followed by a letter starts a `_NAME_TOKEN` match
    # (a token holds no capital but its first), so where a word occurs, `_NAME_TOKEN.match`
    # reads the token that `finditer` would.
    found: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        while at != -1:
            if (
                _token_start(text, at)
                and (m := _NAME_TOKEN.match(text, at))
                and _name_word(m.group(0)) == word
            ):
                found.append((at, at + len(word)))
            at = text.find(word, at + 1)
    return [Span("name", start, end, 0.75) for start, end in sorted(found)]


_FEW_WORDS = 32
"""Up to this many name words, `repeats` looks for each in turn (at most 32 scans: linear).

A `str.find` scan costs far less than a Python step per capitalised token: 32 of them are
cheaper than the token pass at 1 KB as at 1 MB (the packed 1 KB texts hold 4-25 name words)."""


def _token_start(text: str, at: int) -> bool:
    """No letter, digit, apostrophe or hyphen before `at` (a repeated word is not part of another)."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'\u2019-")


# -- all of them -------------------------------------------------------------------------------


# (?<![\w.])(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?..., led by a class of its first character
# (the engine skips to those capitals in C; a look-behind picks the word), same matches
_UNIT_MARK = re.compile(
    r"[AUSF](?<![\w.].)(?:(?<=A)pt|(?<=A)partment|(?<=S)uite|(?<=S)te|(?<=U)nit|(?<=F)lat)"
    r"\.?[^\S\n]{1,2}#?\d{1,5}[A-Za-z]?(?![\w])"
)
# `(?<![\w.,/:-])\d{1,6}...`, led by its first digit (a class the engine skips to in C; the
# look-behind after it), same matches
_HOUSE = re.compile(
    rf"\d(?<![\w.,/:-]\d)\d{{0,5}}[A-Za-z]?[^\S\n]{{1,3}}(?:\d{{1,5}}[^\S\n]{{1,3}})?(?=[{UPPER}])"
)
_TAIL_TOKEN = re.compile(rf",?[^\S\n]{{1,3}}(?:[{UPPER}][^\s,.;:!?()\[\]]{{0,30}}|nan)(?=[\s,.;:!?)]|\Z)")
_PLACE_TOKEN = rf"(?:[{UPPER}][^\s,.;:!?()]{{0,30}}|nan|\d{{3,6}}(?:-\d{{3,4}})?|\([^()\n]{{1,20}}\))"
_PLACE_LINE = re.compile(
    rf"[^\S\n]*,?[^\S\n]*({_PLACE_TOKEN}(?:[^\S\n]*,?[^\S\n]{{1,3}}{_PLACE_TOKEN}){{0,4}})[^\S\n]*(\n|\Z)?"
)
_CODE_END = re.compile(r"\d{3,6}(?:-\d{3,4})?\Z")
_MORE_DIGITS = re.compile(r"(?:[^\S\n]{1,3}|[-./])\d")
_LETTER = re.compile(r"[^\W\d_]")


_STREET_PIECE = rf"(?:[{UPPER}][^\s,;:!?()]{{0,30}}|\d{{1,5}}[A-Za-z]?\.?|[{LOWER}]{{1,3}}\.)"
_STREET_RUN = re.compile(rf"{_STREET_PIECE}(?:[^\S\n]{{1,3}}{_STREET_PIECE}){{0,5}}")


def _unit_addresses(text: str) -> list[Span]:
    """`3966 Klímova 702 Suite 799 Vlastejovice Stredoceský kraj`: a house number, a street and a unit.

    A unit (`Apt. 957`, `Suite 485`) after a house-number-led street on its line (or alone on
    the line under one) marks an address whatever the language; the place words after it on
    its line and the place lines under it (city, `, UT`, country, postal code) are part of it.
    """
    found: list[Span] = []
    for m in _UNIT_MARK.finditer(text):
        line = _line_start(text, m.start(), 80)
        own_line = not text[line : m.start()].strip(" \t,")
        street_line = _line_start(text, line - 1, 80) if own_line and line > 0 else line
        house = _house(text, street_line, m.start())
        end = m.end()
        if house is None:  # "Ms. Sarah Pereira Suite 823 909 Constitución 71\nZamayón SA 37112"
            after = _HOUSE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            street = _STREET_RUN.match(text, after.end()) if after is not None else None
            if street is None or not _street_like(street.group(0)):
                continue
            house, end = m.start(), street.end()
        if ours(text, house):
            continue
        for _ in range(4):  # place words after the unit, on its line
            tail = _TAIL_TOKEN.match(text, end)
            if tail is None:
                break
            end = tail.end()
        for _ in range(4):  # place lines under it; a line that goes on ends with a code or a country
            brk = end
            while brk < end + 3 and text[brk : brk + 1] in (
                " ",
                "\t",
            ):  # ` \n`: an escaped one read as a break
                brk += 1
            if not text.startswith("\n", brk):
                break
            place = _PLACE_LINE.match(text, brk + 1)
            if place is None:
                break
            words = place.group(1)
            if place.group(2) is None and not (_CODE_END.search(words) or is_country(words)):
                break
            if not _LETTER.search(words) and (" " in words or _MORE_DIGITS.match(text, place.end(1))):
                break  # `432 66 315 office`, `0393 1144137`: a line of numbers is a phone, no postal code
            end = place.end(1)
        while end > house and text[end - 1] in " \t,.":  # (not text[:end].rstrip(): a copy per unit)
            end -= 1
        found.append(Span("address", house, end, 0.85))
    return found


_STREET_WORDS = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?][^\S\n]+[A-Z]|[!?]")


def _house(text: str, start: int, mark: int) -> int | None:
    """Where the street before a unit starts (None: no street).

    The last house number before `mark` with a street word between them and no sentence end
    (`3966 Klímova 702 Suite 799`: 3966, not 702).
    """
    found = None
    for house in _HOUSE.finditer(text, start, mark):
        between = text[house.end() : mark]
        if _STREET_WORDS.search(between) and not _SENTENCE_END.search(between):
            found = house.start()
    return found


_CORNER_TOKEN = rf"(?:[{UPPER}0-9][^\s,;:?!()]{{0,30}}|[{LOWER}]{{1,3}}\.?)"
_CORNER = re.compile(
    rf"\b[Tt]he[^\S\n]+corner[^\S\n]+of[^\S\n]+({_CORNER_TOKEN}(?:[^\S\n]+{_CORNER_TOKEN}){{0,5}}?"
    rf"[^\S\n]+(?:and|&)[^\S\n]+{_CORNER_TOKEN}(?:[^\S\n]+(?![{LOWER}]{{2,}})(?!and\b){_CORNER_TOKEN}){{0,4}})"
)
"""`the corner of <street> and <street>`; group 1: the two streets."""
_COMMA_WORD = re.compile(rf",[^\S\n]{{1,3}}(?=[{UPPER}])")
_COUNTRY_WORDS = re.compile(
    rf"[{UPPER}][^\s,.;:!?()]{{1,30}}(?:[^\S\n][{UPPER}][^\s,.;:!?()]{{1,30}}){{0,2}}"
)
_STREET_CITY_BEFORE = re.compile(
    rf"(?<![\w@/.$#%:-])\d{{1,6}}[A-Za-z]?[^\S\n]{{1,3}}(?:[^\s,]{{1,30}}[^\S\n]{{1,3}}){{0,5}}[^\s,]{{1,30}}\.?,"
    rf"[^\S\n]{{1,3}}[{UPPER}][^\n,]{{1,40}}\Z"
)


_LONG_LOWER = re.compile(rf"(?<![\w.])[{LOWER}]{{4,}}")


def _corners(text: str) -> list[Span]:
    """`it is the corner of Kongshøj Allé 70 and Angelique Drive`: an intersection (not `us at` one)."""
    found: list[Span] = []
    for m in _CORNER.finditer(text):
        value = m.group(0)
        if not (any(c.isdigit() for c in value) or _street_like(m.group(1))) or ours(text, m.start()):
            continue
        joint = max(value.rfind(" and "), value.rfind(" & "))
        stop = _SENTENCE_END.search(value, joint)  # "... and Danilo River. I now live ..."
        end = m.start() + (stop.start() if stop is not None else len(value.rstrip(".")))
        found.append(Span("address", m.start(), end, 0.75))
    return found


def _country_tails(text: str) -> list[Span]:
    """`434 Brogade 68, Celldömölk, Hungary`: a house number and street, a place, then a country."""
    found: list[Span] = []
    for comma in _COMMA_WORD.finditer(text):
        words = _COUNTRY_WORDS.match(text, comma.end())
        if words is None:
            continue
        parts = words.group(0).split()
        country = next((n for n in range(len(parts), 0, -1) if is_country(" ".join(parts[:n]))), 0)
        if not country:
            continue
        end = comma.end() + len(" ".join(parts[:country]))
        line = _line_start(text, comma.start(), 120)
        street = _STREET_CITY_BEFORE.search(text, line, comma.start())
        if street is None or ours(text, street.start()):
            continue
        part = street.group(0).split(",", 1)[0]
        # a street, not a sentence: "In 2026 Lumora opened, Berlin, Germany" has a verb in it
        if _street_like(part) and ":" not in part and not _LONG_LOWER.search(part):
            found.append(Span("address", street.start(), end, 0.8))
    return found


def context(text: str) -> list[Span]:
    """Identifiers known by their context (see the module docstring); repeats are `repeats`."""
    found: list[Span] = []
    digits = DIGIT.search(text) is not None
    if "\n" in text:
        found += _country_blocks(text)
    if digits:
        if "\n" in text or has_any(text, ("address",)):
            found += _postal_blocks(text)
        if has_any(text, ("apt", "suite", "ste", "unit", "flat")):
            found += _unit_addresses(text)
        if "corner of" in text:
            found += _corners(text)
        if text.count(",") >= 2:
            found += _country_tails(text)
        if "," in text:
            for tail in _INLINE_TAIL.finditer(
                text
            ):  # "<street>, <city>, <code>": tried before each ", <code>"
                begin = _line_start(text, tail.start(), 120)
                m = _INLINE.search(text[begin : tail.end()])
                if m is not None and not _LAB_VALUE.match(m.group(0)) and not _DATE_TAIL.search(m.group(0)):
                    found.append(Span("address", begin + m.start(), begin + m.end(), 0.8))
            found += [
                Span("address", m.start(), m.end(), 0.75)
                for m in _NUMBER_STREET_CITY.finditer(text)
                if _place(m.group(1)) and not ours(text, m.start())
            ]
        labelled = []
        for label in scan_words(_PHONE_LABEL, text, _PHONE_LABEL_KEYS):  # "021 259 903 5696 office"
            j = label.start()
            while j > 0 and text[j - 1] in " \t-":
                j -= 1
            if j < label.start() and j > 0 and text[j - 1] in "0123456789)":
                m = _PHONE_BEFORE_LABEL.search(text, max(0, j - 30), j)
                if m is not None:
                    labelled.append(m)
        for m in (*scan_words(_PHONE_CUE, text, _PHONE_CUE_KEYS), *labelled):
            value = m.group(1)
            if _phone(value) and not toll_free(value) and not ours(text, m.start()):
                found.append(Span(phone_kind(text, m.start(1)), m.start(1), m.end(1), 0.8))
        if has_any(text, ("zip", "post", "plz", "cep", "c.p.", "code")):
            found += [
                Span("address", m.start(1), m.end(1), 0.8) for m in scan_words(_ZIP_CUE, text, _ZIP_CUE_KEYS)
            ]
        for m in scan_words(_IN_CITY_CODE, text, _IN_CITY_CODE_KEYS):
            code, after = m.group(2), m.group(3)
            if sum(c.isdigit() for c in code) < 4 or _YEAR.fullmatch(code):
                continue
            if after is not None and after not in _FUNCTION_WORDS:
                continue  # `in Chicago 3000 runners`
            # a town and its postal code is an address, whoever's (as `Austin, TX 78701` is): a
            # known town, or words that are no everyday or organisation words (`in Bärau 3552`)
            keys = m.group(1).lower().split()
            if _place(m.group(1)) or all(
                k not in english() and k not in ORG_WORDS and k not in _NOT_A_NAME for k in keys
            ):
                found.append(Span("address", m.start(1), m.end(2), 0.75))
        for m in _line_ends(_CITY_REGION_CODE, text):
            city = m.group(1)
            if _YEAR.fullmatch(m.group(2)) or _LAB_VALUE.match(m.group(0)):
                continue  # (a vital sign's range is no town and code: `HR 60-100`)
            if _RANGE_CODE.fullmatch(m.group(2)) and all(w in english() for w in city.lower().split()):
                continue  # everyday words and a range are a label and its values (`Target 60-100`)
            if _place(city) or (city.isupper() and len(city) > 3) or _after_street_line(text, m.start()):
                found.append(Span("address", m.start(), m.end(2), 0.75))
        for m in scan_words(_DELIVERY_CUE, text, _DELIVERY_CUE_KEYS):
            value = m.group(1)
            if any(c.isdigit() for c in value) and _street_like(value) and not ours(text, m.start(1)):
                found.append(Span("address", m.start(1), m.end(1), 0.75))
        if "PO " in text:
            found += [Span("address", m.start(), m.end(), 0.9) for m in _MILITARY.finditer(text)]
        if has_any(text, (" street", " road", " avenue")):
            found += [
                Span("address", m.start(1), m.end(), 0.75)
                for m in _NUMBERED_STREET_TYPE.finditer(text)
                if _numbered_street(m.group(1)) and not ours(text, m.start(1))
            ]
        found += [
            Span("address", m.start(1), m.end(1), 0.75)
            for m in scan_words(_MEETING_PLACE, text, _MEETING_PLACE_KEYS)
            if _street_like(m.group(1)) and _MEETING_ADDRESS.search(m.group(1))
        ]
        found += [
            Span("account_number", m.start(), m.end(), 0.95)
            for m in _IBAN.finditer(text)
            if _iban_ok(m.group(1))
        ]
    if has_any(text, _STREET_GATE) or _HOME_COLON.search(text):
        for m in scan_words(_STREET_CUE, text, _STREET_CUE_KEYS):
            if ours(text, m.start(1)):
                continue
            if m.group(0)[:1] in "hH" and not _street_like(m.group(1)):  # "Home: 12 Days of Deals"
                continue
            # a street and its house number (`Aðalgata 37 St`, `Pagari 18`): an address, whoever's
            numbered = _numbered_street(m.group(1))
            if _ON_STREET.match(text, m.start()) and not (
                numbered
                and m.group(1).rstrip(".")[-1].isdigit()
                and _CLAUSE_END.match(text, m.end(1))
                and _PLACE_SUBJECT.search(text, max(0, m.start() - 20), m.start())
            ):
                # a place `is on <street> <number>`, ending its clause: not `is on Netflix 24/7`,
                # not `The patient is on Keppra 500, seizure free`
                continue
            end = m.end(1)
            if text[end - 1] == "." and text[end - 2].isdigit():
                end -= 1  # a sentence's full stop after the house number (`is on Pagari 18.`)
            street = _STREET_WORD.match(text, end)
            if street is not None:
                end = street.end()
            lives = m.group(0)[:1].lower() in "lr"  # someone lives or resides there
            strong = lives or m.group(1)[:1].isdigit() or street is not None or numbered
            found.append(Span("address", m.start(1), end, 0.75, weak=not strong))
    for m in scan_words(_CITY_CUE, text, _CITY_CUE_KEYS):
        if is_country(m.group(1)) or is_us_state(m.group(1)):  # no Safe Harbor identifier
            continue
        if m.group(1).split()[0].lower() in _NOT_A_NAME:  # a day or a month: `moved to Thursday`
            continue
        if m.group(0)[:4].lower() in ("the ", "your") and not text.startswith("?", m.end(1)):
            continue  # `the city is ...?`: a caller's city asked back (`and the city is Lakeside?`)
        personal = m.group(0)[:4].lower() in ("the ", "your") or (
            _CITY_SUBJECT.search(text, max(0, m.start() - 40), m.start(1)) is not None
        )
        if personal or _place(m.group(1)):
            found.append(Span("address", m.start(1), m.end(1), 0.7, weak=not personal))
    if "http" in text or "www." in text:
        found += [Span("url", m.start(1), m.end(1), 0.75) for m in scan_words(_URL_CUE, text, _URL_CUE_KEYS)]
        found += [Span("url", m.start(1), m.end(1), 0.7, weak=True) for m in _URL_LABEL.finditer(text)]
    found += _single_names(text)
    found += _lower_subjects(text)
    return found


_STREET_TYPES = frozenset(
    """rue via calle rua ulica ul u utca gata gatan vej vei veien vegen weg straße strasse str laan straat
    plein allee tie katu""".split()  # noqa: SIM905
)
"""Street types that are no English words (`Kungsgatan` is found as a proper name anyway)."""
_ENGLISH_STREET_TYPES = frozenset(
    "street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place pl square sq".split()  # noqa: SIM905
)


def _street_like(value: str) -> bool:
    """`value` names a street: a proper name, a foreign street type, or `Harbour Lane` (not `Gate 12`).

    A proper name is a capitalised word that is no everyday English word; an English street
    type counts after another capitalised word (`Court 5` is a tennis court).
    """
    words = re.findall(r"[^\W\d_]+", value)
    capitalised = sum(w[0].isupper() for w in words)
    for word in words:
        key = word.lower()
        if key in _STREET_TYPES or (word[0].isupper() and key not in english()):
            return True
        if key in _ENGLISH_STREET_TYPES and capitalised >= 2:
            return True
    return False


def _after_street_line(text: str, start: int) -> bool:
    """The line before the one holding `start` holds a house number and a street (a street line)."""
    line_start = _line_start(text, start) - 1  # the newline before the line
    if line_start <= 0 or text[line_start] != "\n":
        return False
    prev = text[_line_start(text, line_start) : line_start].strip()
    return bool(prev) and any(c.isdigit() for c in prev) and _address_line(prev) and not _MEASURE.search(prev)


_MEASURE = re.compile(
    r"\d(?:[.,]\d+)?[^\S\n]*(?i:mg|mcg|\u00b5g|g|kg|ml|units?|iu|tabs?|tablets?|caps?|capsules?|puffs?|"
    r"drops?|mmhg|bpm|mmol/l|mg/dl|meq/l|%)(?![\w/])"
)
"""A dose or a measurement (`Week 1: 12.5 mg`, `Day 2: 4 units`): its line is no street line."""


def _phone(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return 6 <= digits <= 15
