"""Geography smaller than a state: addresses, PO boxes, ZIP and postal codes, cities, counties.

- shaped: a number and a street type (`42 Maple Street`, `221B Baker Street`, `12 rue de
  la Paix`, `Calle Mayor 5`, `Hauptstraße 12`, `ul. Długa 5`), a PO box, a ZIP code after a
  state or a cue, a UK postcode, a European postal code before a city (`10115 Berlin`);
- labelled: the rest of the line after "Address:", "City:", "County:", "Hometown:" ...;
- a city or county from the gazetteer after "in", "from", "lives in" ..., or before a state:
  `weak` (a finding only when the text is about a person), since "now open in Austin" is
  not PHI; "<Name> County" likewise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

from global_orchestrator.policies._phi_lexicon import (
    LOWER,
    UPPER,
    UPPER_CHAR,
    english,
    is_continent,
    is_country,
    is_us_state,
    places,
)
from global_orchestrator.policies._phi_spans import (
    DIGIT,
    Span,
    by_first_letter,
    digit_runs,
    digit_shape,
    ends_with,
    folded,
    grouped,
    has_any,
    literal_prefixes,
    match_at,
    number_positions,
    ours,
    prefix_table,
    scan_words,
    word_keys,
    word_positions,
)

STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)
_CAP = rf"[{UPPER}][{LOWER}'\u2019]{{1,30}}+"
_STREET_TYPE = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|"
    r"parkway|pkwy|circle|cir|highway|hwy|trail|trl|close|crescent|grove|gardens|mews|row|square|sq|"
    r"walk|rise|wharf|loop|pike|run|path|alley|plaza|heights|crossing|xing|ridge|point|pass|"
    # more of the USPS street suffixes (`030 Ryan Overpass`, `8076 Darin Glens`, `456 Walters Vista`);
    # not those that are names or places as well (`Glen`, `Brooks`, `Harbor`)
    r"overpass|underpass|trafficway|skyway|expressway|freeway|turnpike|causeway|vista|glens|divide|inlet|"
    r"hills|lodge|meadows|knolls"
)
_NEWER_TYPE = (
    # more street types, read on one line only (`_ADDRESS_NUMBERS`' last branch): the other USPS ones
    # that are no name (`32 Brown Pines`, `12 Oak Stravenue`)
    r"pines|manor|island|mountain|center|estate|spring|shore|junction|orchard|prairie|ranch|rapid|shoal|"
    r"stravenue|throughway|viaduct|village|valley|plain|cliff|creek|crest|curve|dale|extension|flat|forge|"
    r"ford|gateway|green|harbors|hollow|isle|lock|loaf|meadow|motorway|neck|oval|passage|radial|ramp|route|"
    r"spur|stream|trace|tunnel|burg|bypass|canyon|cape|commons|corner|cove|crossroad|ferry|fields|forks|"
    # the Australian ones no other word is (`289 Wilson Deviation`)
    r"deviation|esplanade|parade|promenade|concourse|colonnade|courtyard|driveway|glade|grange|laneway|"
    r"meander|parklands|pathway|quadrant|quay|ridgeway|riverway|roadway|thoroughfare|tollway|walkway|wynd|"
    r"amble|brae|byway|firetrail|foreshore|frontage"
)
_TAIL = (
    rf"(?:,?\s{{0,3}}(?:apt\.?|apartment|suite|ste\.?|unit|flat|\#)\s{{0,3}}\w{{1,8}})?"
    rf"(?:,\s{{0,3}}{_CAP}(?:\s{_CAP}){{0,2}})?(?:,?\s{{0,3}}(?:{STATES})\b)?(?:,?\s{{0,3}}\d{{5}}(?:-\d{{4}})?\b)?"
)
# led by a class (the first character; see _phi_shapes): \b\d{1,6}... | \b\d{1,6}... | \bp.o. box ...
# (no blank line between the house number and the street's name: `DOB 6/8/82\n\nDear Dr.` is no street)
_ADDRESS_NUMBERS = (
    rf"(?<=\d)\d{{0,5}}[A-Za-z]?(?:[^\S\n]{{1,3}}|[^\S\n]?\n[^\S\n]?)(?:[NSEW]\.?\s{{1,3}})?(?:(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))\s{{1,3}}){{1,4}}"
    rf"(?i:(?:{_STREET_TYPE})s?)\b\.?{_TAIL}|"
    r"(?<=\d)\d{0,5}(?:[^\S\n]{1,3}|[^\S\n]?\n[^\S\n]?)(?:[a-z]{2,20}\s{1,3}){1,2}(?:(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|"
    r"terrace|circle|cir|place|court|ct)\b\.?|dr\.)|"
    rf"(?<=\d)(?<![-/.:]\d)\d{{0,5}}[A-Za-z]?(?:[^\S\n]{{1,3}}|[^\S\n]?\n[^\S\n]?)(?:[NSEW]\.?[^\S\n]{{1,3}})?"
    rf"(?:(?:(?!(?:And|Of|The|At|To|In|On|For|Or)\b){_CAP}|\d{{1,3}}(?:st|nd|rd|th))[^\S\n]{{1,3}}){{1,4}}"
    rf"(?i:(?:{_NEWER_TYPE})s?)\b{_TAIL}"
)
_ADDRESS = re.compile(
    rf"[\dpP](?<!\w.)(?:{_ADDRESS_NUMBERS}|(?<=[pP])(?i:\.?\s?o\.?\s{{0,2}}box)\s{{0,3}}\d{{1,8}}{_TAIL})"
)
_ADDRESS_NO_BOX = re.compile(rf"\d(?<!\w.)(?:{_ADDRESS_NUMBERS})")
"""`_ADDRESS` without its PO box branch: the same matches in a text without "box" (any case)."""
# European street forms: type first (number after or before), or a glued German/Dutch type
_EU_TYPE = (
    r"rue|avenue|av\.|boulevard|bd|chemin|allée|allee|impasse|quai|route|calle|c/|avenida|avda\.?|paseo|"
    r"plaza|camino|carrer|via|viale|piazza|corso|largo|vicolo|rua|travessa|praça|praca|alameda|estrada|"
    r"ul\.|ulica|al\.|aleja|plac|pl\.|os\.|osiedle|strada|borgo|contrada|piazzale|cuesta|ronda|rambla|"
    r"glorieta|callejón|callejon|pasaje|travesía|travesia|urbanización|urbanizacion|vía|via|carretera|ruelle|"
    r"cours|passage|square"
)
_EU_WORD = (
    rf"(?:{_CAP}|(?:de|del|della|di|da|do|dos|das|la|le|les|du|des|el|los|las|van|von|der|d')|"
    r"\d{1,2}(?:er|e)?\b)"
)
_EU_TYPE_KEYS = word_keys(_EU_TYPE.split("|"))
"""Index keys of the street types (see `scan_words`)."""
_EU_TYPE_PREFIXES = prefix_table(literal_prefixes(_EU_TYPE.split("|")))
_EU_SUFFIX = (
    "straße|strasse|boulevard|dreef|hof|pad|str\\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein|kade|"
    "dijk|steeg|singel|markt|v[äa]gen|gatan"
)
# the word lists grouped by first letter (`by_first_letter`): the same matches, fewer tests
_EU_TYPE_FIRST = (
    rf"(?:\b\d{{1,5}}[a-zA-Z]?,?\s{{1,3}})?\b(?i:{by_first_letter(_EU_TYPE.split('|'))})\s{{1,3}}{_EU_WORD}"
    rf"(?:[\s-]{{1,3}}{_EU_WORD}){{0,4}}"
    rf"(?:,?\s{{1,3}}(?:n[º°o]\.?\s{{0,2}})?\d{{1,4}}[a-zA-Z]?(?:/\d{{1,4}})?\b(?![\d-]))?"
)
_EU_GLUED = (
    rf"\b[{UPPER}][\w-]{{1,40}}?(?i:{by_first_letter(_EU_SUFFIX.split('|'))})\s{{1,3}}\d{{1,5}}[a-zA-Z]?"
)
_EU_ADDRESS = re.compile(f"{_EU_TYPE_FIRST}|{_EU_GLUED}")
# the glued types as text (lower case; `v[äa]gen` both ways), and what follows one (`_may_glue`)
_EU_SUFFIX_WORDS = tuple(
    w
    for x in _EU_SUFFIX.replace("\\.", ".").split("|")
    for w in ([x] if "[" not in x else ["vägen", "vagen"])
)
_SPACE_DIGIT = re.compile(r"\d(?<=\s\d)")  # a digit after white space, led by its class
# its two branches apart (see `_eu_addresses`); the glued one led by its capital (\b[A-Z] ...)
_EU_ADDRESS_TYPE_FIRST = re.compile(_EU_TYPE_FIRST)
_EU_ADDRESS_GLUED = re.compile(f"[{UPPER}](?<!\\w.)" + _EU_GLUED.removeprefix(f"\\b[{UPPER}]"))
# (?<![\w/.-])(\d{5}|\d{4}\s?[A-Z]{2}|\d{2}-\d{3}|\d{4}),?\s{1,3}(CITY)|
# \b[A-Z]{1,2}\d[A-Z\d]?\s{0,2}\d[AB...]{2}\b|\b\d{5}-\d{3}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b, led by a
# class (the first character; see _phi_shapes): the code is the match from its start to the
# end of group 1, the city group 2 (a whole word: `2024 BrightPath` is no code before `Bright`)
_POSTCODE_CITY = (
    r"(?<![\w/.-].)(?<=\d)(\d{4}|\d{3}\s?[A-Z]{2}|\d-\d{3}|\d{3}),?\s{1,3}"
    rf"({_CAP}(?:[\s-]{_CAP}){{0,2}})(?![{UPPER}])"
)
_POSTCODE_UK_CA = (
    r"(?<!\w.)(?<=[A-Z])[A-Z]?\d[A-Z\d]?\s{0,2}\d[ABD-HJLNP-UW-Z]{2}\b|"
    r"(?<!\w.)(?<=[A-Z])\d[A-Z]\s?\d[A-Z]\d\b"
)
_POSTCODE = re.compile(rf"[\dA-Z](?:{_POSTCODE_CITY}|(?<!\w.)(?<=\d)\d{{4}}-\d{{3}}\b|{_POSTCODE_UK_CA})")
_POSTCODE_DIGITS = re.compile(rf"\d(?:{_POSTCODE_CITY}|(?<!\w.)(?<=\d)\d{{4}}-\d{{3}}\b)")
"""`_POSTCODE`'s branches led by a digit (a code before a city, Portuguese)."""
_POSTCODE_CAPITALS = re.compile(rf"[A-Z](?:{_POSTCODE_UK_CA})")
r"""`_POSTCODE`'s branches led by a capital (UK, Canadian): each holds `[A-Z]\d` at its start or one after."""
_ZIP = re.compile(
    rf"\b(?:(?i:zip(?:\s*code)?|postal\s+code|post\s?code|plz|cep|pin(?:\s*code)?)\s*[:\#]?\s*|(?:{STATES})\s+)(\d{{5}}(?:-\d{{4}})?|\d{{6}}|\d{{5}}-\d{{3}})\b"
)
_ZIP_KEYS = word_keys(
    ["zip", "postal", "post", "plz", "cep", "pin", *(rf"{st}\s+" for st in STATES.split("|"))]
)
_UPPER_DIGIT = re.compile(r"[A-Z]\d")  # a gate: a UK or Canadian postcode has one
_PIN_SLASH = re.compile(r"/\d{1,4},\s")  # a gate: _PIN's first branch holds one
# the rest of the sentence after "I live at", "lives at", "ship it to <name>," ...
_LIVES_AT = re.compile(
    r"(?i:\b(?:i\s+live|lives|living|lived|resides?|residing|located|address\s+is|home\s+address)"
    r"(?:\s+(?:at|in|on)\b\s*|\s*:\s*|[^\S\n]+))"  # (no connector: the place is on the same line)
    r"((?:[^\n;.!?]|\.(?![ \t]+[A-Z]|\s*$)){3,90}+)"
)
_LIVES_KEYS = word_keys([r"i\s+live", "lives", "resides", "located", "address", "home"])
# Indian and similar: "60/622, Murty Marg, Motihari-217071", "Sagar 954539"
# (?<![\d/.-])\d{1,4}/\d{1,4},\s(?!\d)|\b{_CAP}[- ]\d{6}\b, led by a class (the first character)
_PIN = re.compile(
    rf"[\d{UPPER}](?:(?<![\d/.-].)(?<=\d)\d{{0,3}}/\d{{1,4}},\s(?!\d)|"
    rf"(?<!\w.)(?<=[{UPPER}])[{LOWER}'\u2019]{{1,30}}+[- ]\d{{6}}\b)"
)
_PIN_SLASH_CODE = re.compile(r"\d(?<![\d/.-]\d)\d{0,3}/\d{1,4},\s(?!\d)")  # _PIN's first branch
_PIN_WORD = re.compile(rf"[{UPPER}](?<!\w.)[{LOWER}'\u2019]{{1,30}}+[- ]\d{{6}}\b")  # _PIN's second branch
# where _PIN_WORD can end: 6 digits after a lower-case letter (or apostrophe) and "-" or " "
_PIN_WORD_SIX = re.compile(rf"[- ](?<=[{LOWER}'\u2019][- ])\d{{6}}\b")
_PIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz" + LOWER.removeprefix("a-z") + "'\u2019")
_BARE_VERBS = ("live", "lives", "living", "lived", "reside", "resides", "residing", "located")
"""The verbs of `_LIVES_AT` that may stand right before a place without at, in or on (capitalised and
with no house number after them, a word of a title: `Martha Stewart Living`)."""
_NO_PLACE_AFTER = re.compile(
    r"(?i:with|without|alone|together|independently|well|longer|healthier|for|through|under|like|beyond)\b"
)
"""What follows a bare verb of living when no place does (`living with asthma`, `living well`)."""
_AT_HOUSE = re.compile(r"\bat[^\S\n]+(?=\d)")
"""`at` before a house number, in what follows `lives with` (`lives with his wife at 12 Elm St`)."""
_LABEL = re.compile(
    r"(?im:(?:^|\|)[ \t]*(?:home\s+|mailing\s+|street\s+|permanent\s+)?"
    r"(?:address|addr\.?|residence|city|town|county|"
    r"hometown|place\s+of\s+birth|birthplace|location|"
    # the same labels in Portuguese, Spanish, French, German, Italian
    r"endere[çc]o|direcci[óo]n|domicilio|adresse|adres|anschrift|wohnort|indirizzo|cidade|ciudad|ville|stadt|"
    r"citt[àa]|woonplaats|plaats)"
    r"\s*[:\-]\s*)([^\n;|]{3,80}+)"
)
_LABEL_WORDS = (
    *("addr", "residence", "city", "town", "county", "place", "location", "endere", "direcci", "domicil"),
    *("adresse", "adres", "anschrift", "wohnort", "indirizzo", "cidade", "ciudad", "ville", "stadt", "citt"),
    "plaats",
)
# (?<![\w-])({_CAP}...), led by its capital: the engine skips to capitals in C (same matches)
_PLACE_RUN = re.compile(rf"([{UPPER}](?<![\w-].)[{LOWER}'\u2019]{{1,30}}+(?:[\s-]{_CAP}){{0,3}})")
_COUNTY = re.compile(r"\s(?:County|Parish|Borough)$")
_PLACE_BEFORE = re.compile(
    r"(?i:\b(?:in|from|at|near|to|of|lives\s+in|living\s+in|resides\s+in|residing\s+in|moved\s+to|born\s+in|"
    r"relocated\s+to|native\s+of|hometown\s+(?:is|of))\s+(?:the\s+)?)$"
)
_PLACE_BEFORE = re.compile(grouped(_PLACE_BEFORE.pattern), _PLACE_BEFORE.flags)  # same matches, fewer tests
_KIN = (
    r"(?:wife|husband|partner|spouse|fianc[ée]e?|girlfriend|boyfriend|mother|father|mom|mum|dad|parents?|"
    r"sons?|daughters?|child|children|kids|roommates?|housemates?|family|sisters?|brothers?|siblings|"
    r"grand(?:children|sons?|daughters?|mother|father|parents)|aunt|uncle|niece|nephew|friends?|caregivers?)"
)
"""Whom a person lives with (a kin or household word)."""
_HOME_BEFORE = re.compile(
    rf"(?i:\b(?:(?:lives|living|lived|resides|residing|resided|moved|relocated|native|hometown)\s+"
    r"(?:alone\s+|independently\s+|with\s+(?:his|her|their|a)\s+\w+\s+|"
    # `Lives with partner in`, `with two adult sons in`, `with a housemate in`
    rf"with\s+(?:\w+\s+){{0,2}}?{_KIN}\s+)?(?:in|to|of|is|at)|"
    r"(?:staying|returning\s+home)\s+(?:in|to)|"
    # the same in Portuguese, Spanish, French, German, Italian, Tagalog, Nigerian Pidgin
    r"(?:reside|mora|vive|vivo|vivimos|moramos|estamos)\s+(?:em|en|no|na)|habite\s+(?:à|a|au)|"
    r"habitons\s+(?:à|a|au)|wohnt\s+in|wohne\s+in|wohnen\s+in|abita\s+a|vive\s+a|nasa|we\s+dey|born\b[^;\n!?]{0,40}\bin)\s+(?:the\s+)?)$"
)
_HOME_BEFORE = re.compile(grouped(_HOME_BEFORE.pattern), _HOME_BEFORE.flags)  # same matches, fewer tests
# gates (`ends_with`): the last word of every match of _PLACE_BEFORE and _HOME_BEFORE
_PLACE_ENDS = ("in", "from", "at", "near", "to", "of", "is", "the")
_HOME_WORDS = (
    *("lives", "living", "lived", "resid", "moved", "relocated", "native", "hometown", "born", "staying"),
    *("returning", "reside", "mora", "vive", "vivo", "estamos", "habit", "wohn", "abita", "nasa", "dey"),
)
"""A gate: every match of _HOME_BEFORE holds one of these."""
_HOME_ENDS = ("in", "to", "of", "is", "at", "the", "em", "en", "no", "na", "à", "a", "au", "nasa", "dey")
_SCRIPT_HOME = re.compile(
    r"(?i:\b(?:lives|living|lived|resides|residing|moved|relocated)[^\S\n]+(?:alone[^\S\n]+|independently[^\S\n]+)?"
    r"(?:in|to)[^\S\n]+)([\u0900-\u097f]{2,20}|[\u4e00-\u9fff]{2,8})(?![\u0900-\u097f\u4e00-\u9fff])"
)
"""A town in Devanagari or Han after a verb of living (`lives alone in देवगढ़`, `LIVES ALONE IN 华县`)."""
_PLACE_AFTER = re.compile(rf"^,\s{{0,3}}(?:(?:{STATES})\b|{_CAP})")


@lru_cache(maxsize=16384)
def _place_key(words: str) -> str:
    return " ".join(words.lower().replace("-", " ").split())


_PERSON_HOME = re.compile(
    r"(?i:\b(?:the\s+patient|patient|pt|he|she|he's|she's|(?:(?:his|her|my|their)\s+)?(?:mom|mum|mother|dad|"
    r"father|son|daughter|wife|husband|brother|sister|grandmother|grandfather|partner))\s+(?:\w+\s+){0,2}?"
    r"(?:lives|lived|resides|resided|moved|relocated|is\s+staying|has\s+been\s+staying|is\s+returning\s+home|"
    # where else a patient's life happens: "Pt recently traveled to Lagos", "works in Revere"
    r"traveled|travelled|works|worked|attends|attended|grew\s+up|is\s+from|was\s+born|is\s+moving|"
    r"(?:was\s+)?(?:transferred|discharged|admitted|brought|taken)))\b|"
    r"(?:^|[.;!?]\s+|\n\s*)(?:Lives|Resides)\s+(?:alone\s+|independently\s+|with\s+(?:\w+\s+){1,3}?)?(?:in|at)\b"
)
_PERSON_HOME_WORDS = (
    *("lives", "lived", "resid", "moved", "relocated", "staying", "returning", "travel", "work"),
    *("attend", "grew", "from", "born", "moving", "transferred", "discharged", "admitted", "brought"),
    "taken",
)


def person_home(text: str) -> bool:
    """Where a person lives is told (`The patient resides in`, `she moved to`, `Lives alone in`).

    The text is about that person: its places and dates are theirs, as in a patient record.
    """
    return has_any(text, _PERSON_HOME_WORDS) and _PERSON_HOME.search(text) is not None


_WHEN_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight next last
    january february march april may june july august september october november december""".split()  # noqa: SIM905
)
"""Where a home cue is followed by a time, not a place (`moved to Thursday`)."""
_SIGN_OFF_WORDS = frozenset(("best", "love", "cheers", "regards", "thanks", "sincerely", "warmly"))
"""Places that are also a letter's sign-off (`Best, Ingrid`: not the Dutch town)."""


def _places(text: str) -> list[Span]:
    found: list[Span] = []
    known = places()
    common = english()
    # gates for the whole text: a county word, a cue for where someone lives
    county = "County" in text or "Parish" in text or "Borough" in text
    home = has_any(text, _HOME_WORDS)
    if home and not text.isascii():
        found += [Span("address", m.start(1), m.end(1), 0.75, weak=True) for m in _SCRIPT_HOME.finditer(text)]
    for m in _PLACE_RUN.finditer(text):
        run = m.group(1)
        if county and _COUNTY.search(run):
            found.append(Span("address", m.start(), m.end(), 0.8, weak=True))
            continue
        key = _place_key(run)
        window = text[max(0, m.start() - 24) : m.start()]
        # "lives in East Sheilaborough": any place, known or not
        if (
            home
            and key.split()[0] not in _WHEN_WORDS  # `moved to Thursday the 14th`
            and ends_with(window, _HOME_ENDS)
            and _HOME_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        ):
            found.append(Span("address", m.start(), m.end(), 0.75, weak=True))
            continue
        if key not in known or key in _SIGN_OFF_WORDS or key in _WHEN_WORDS:
            continue
        before = ends_with(window, _PLACE_ENDS) and _PLACE_BEFORE.search(window) is not None
        after = _PLACE_AFTER.match(text[m.end() : m.end() + 30]) is not None
        if (before or after) and not (key in common and not after):
            found.append(Span("address", m.start(), m.end(), 0.7, weak=True))
    return found


def _wide(place: str) -> bool:
    """A country, a continent or a US state: no Safe Harbor identifier alone (`I live in Hungary`)."""
    return is_country(place) or is_continent(place) or is_us_state(place)


wide_place = _wide


# `\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[^\S\n]{1,2}\d{4}(?![\d-])`, led by a class of its first
# capital (the engine skips to those in C); look-behinds after it are the `\b` and pick the state
# (in the same order), same matches
_AU_POSTCODE = re.compile(
    r"[NVQWSTA](?<!\w.)(?:(?<=N)SW|(?<=V)IC|(?<=Q)LD|(?<=W)A|(?<=S)A|(?<=T)AS|(?<=A)CT|(?<=N)T)"
    r"[^\S\n]{1,2}\d{4}(?![\d-])"
)
"""An Australian state and postcode (`Fitzroy VIC 3065`): a place in a text about a person."""


_FACILITY_HEAD = (
    r"Hospital|Medical\s+Cent(?:er|re)|Health\s+Cent(?:er|re)|Clinic|Nursing\s+Home|Rehabilitation\s+"
    r"(?:Center|Centre|Hospital)|Hospice|Infirmary|Health\s+System|Healthcare|Imaging(?:\s+Cent(?:er|re))?|"
    r"Surg(?:ery|ical)\s+Cent(?:er|re)|Care\s+Cent(?:er|re)|Senior\s*Living|SeniorLife|Assisted\s+Living|"
    r"Urgent\s+Care|Medical\s+Group|Sanatorium|Psychiatric\s+(?:Center|Hospital)|Memorial|Institute|"
    r"Dialysis\s+Cent(?:er|re)|Cancer\s+Cent(?:er|re)|Skilled\s+Nursing(?:\s+Facility)?|SNF|General"
)
_CAPS = rf"{_CAP}(?:-{_CAP})?"  # a capitalised word, or two joined by a hyphen (`Karge-Lloyd`)
_FACILITY = re.compile(
    rf"(?<![\w'\u2019-])((?:{_CAPS}|St\.|Mt\.)(?:[ \t](?:{_CAPS}|of|the|and|&|St\.|Mt\.)){{0,4}}"
    rf"[ \t](?:{_FACILITY_HEAD})"
    rf"|[{UPPER}]{{2,20}}(?:[ \t][{UPPER}]{{2,20}}){{0,3}}[ \t]"
    r"(?:HOSPITAL|MEDICAL CENTER|CLINIC|NURSING HOME|HOSPICE))\b"
)
"""A hospital, clinic, nursing home or hospice by its name (`Cape Cod Hospital`, `Hebrew SeniorLife`)."""
_FACILITY_GATE = re.compile(
    r"(?:Hospital|HOSPITAL|Cent(?:er|re)|CENTER|Clinic|CLINIC|Home|HOME|Hospice|HOSPICE|Infirmary|System|"
    r"Healthcare|Imaging|Living|SeniorLife|Care|Group|Sanatorium|Memorial|Institute|Nursing|Facility|SNF|"
    r"General)\b"
)
"""A gate: the last word of every facility's name, as written (capitalised)."""


_NOT_IN_FACILITY = frozenset(
    (
        *("in", "with", "from", "our", "at", "by", "for", "to", "on", "your", "my", "his", "her", "their"),
        *("seen", "visit", "call", "patients", "patient", "all", "new", "this", "that", "these", "those"),
        *("is", "are", "was"),
    )
)
"""Words a facility's name does not hold: `Seen In Clinic`, `Patients With Asthma From Our Clinic`."""


_NOT_A_GENERAL = frozenset(
    (
        *("attorney", "surgeon", "secretary", "inspector", "major", "brigadier", "lieutenant", "consul"),
        *("director", "postmaster", "solicitor", "governor", "comptroller", "auditor", "adjutant", "vicar"),
        *("receiver", "registrar", "paymaster", "quartermaster", "commissary", "dollar", "advocate"),
        *("accountant", "procurator", "prosecutor", "counsel", "agent", "manager", "treasurer", "state"),
        *("general", "motors", "electric", "mills", "dynamics", "foods", "assembly", "court", "staff"),
        *("superior", "judge"),
    )
)
"""Words before `General` that make no hospital (`Attorney General`, `Dollar General`)."""


def _facility(name: str) -> bool:
    words = name.lower().split()
    if words[0] == "new" and len(words) > 2:
        words = words[1:]  # `New Harlow Memorial`: a town's name (`New Clinic` stays none)
    if not _NOT_IN_FACILITY.isdisjoint(words):
        return False
    return not (words[-1] == "general" and (len(words) < 2 or words[-2] in _NOT_A_GENERAL))


def facility_line(line: str) -> bool:
    """`line` is a facility's name alone (`Riverbend Community Hospital`, `St. Oswin's General`)."""
    m = _FACILITY.match(line.strip())
    return m is not None and m.end() == len(line.strip()) and _facility(m.group(0))


def _facilities(text: str) -> list[Span]:
    """Facility names: weak, as a city is (a patient's stay; `Mercy Hospital opens a wing` is no one's)."""
    if _FACILITY_GATE.search(text) is None:
        return []
    return [
        Span("address", m.start(), m.end(), 0.7, weak=True)
        for m in _FACILITY.finditer(text)
        if _facility(m.group(0))
    ]


def addresses(text: str) -> list[Span]:
    """Street addresses, PO boxes, ZIP and postal codes, labelled places, cities and counties."""
    found = _numbered(text) if DIGIT.search(text) else []
    if found or "VIC" in text or "NSW" in text or "QLD" in text:
        found += [Span("address", m.start(), m.end(), 0.75, weak=True) for m in _AU_POSTCODE.finditer(text)]
    if has_any(text, ("liv", "resid", "located", "address")):
        for m in scan_words(_LIVES_AT, text, _LIVES_KEYS):
            value = m.group(1).rstrip(" .,")
            cue = text[m.start() : m.start(1)].rstrip()
            if cue[:1].isupper() and cue.lower().endswith(_BARE_VERBS) and not value[:1].isdigit():
                continue  # a title's word (`Martha Stewart Living Customer Care - 855 ...`), no verb
            at = m.start(1)
            if cue.lower().endswith(_BARE_VERBS) and _NO_PLACE_AFTER.match(value) is not None:
                # `people living with type 2 diabetes`, `living well`: a condition or a manner, no
                # place, unless a house number follows (`lives with his wife, Ana, at 12 Elm St`)
                house = _AT_HOUSE.search(value)
                if house is None:
                    continue
                at, value = at + house.end(), value[house.end() :]
            numbered = any(c.isdigit() for c in value)
            if numbered or _place_key(value) in places():
                # a country or a state is a place too wide to point at anyone alone: weak, as
                # any other place, it counts in a text about a person ("I live in Hungary" is clean)
                wide = not numbered and _wide(value)
                found.append(Span("address", at, at + len(value), 0.7 if wide else 0.8, weak=wide))
    if (":" in text or "-" in text) and has_any(text, _LABEL_WORDS):
        for m in _LABEL.finditer(text):
            value = m.group(1).rstrip(" .,")
            found.append(Span("address", m.start(1), m.start(1) + len(value), 0.85))
    if "PO A" in text:  # a US military or diplomatic mailing address (`PSC 6908, Box 5327, APO AE 93624`)
        found += [Span("address", m.start(), m.end(), 0.9) for m in _MILITARY.finditer(text)]
    if has_any(text, ("home city", "home town", "hometown")):
        found += [Span("address", m.start(1), m.end(1), 0.85) for m in _HOME_CITY.finditer(text)]
    if "/" in text and has_any(text, ("mora ", "reside", "residente")):
        found += [Span("address", m.start(1), m.end(1), 0.8) for m in _BR_HOME.finditer(text)]
    if UPPER_CHAR.search(text):  # a place name is capitalised
        found += _places(text) + _facilities(text)
    return found


_MILITARY = re.compile(
    r"(?<![\w-])(?:(?:PSC|CMR|Unit)[ \t]\d{1,5},?[ \t]Box[ \t]\d{1,5}|"
    r"(?:USNS|USS|USNV|USCGC|USNH)[ \t][A-Z][a-zA-Z]{1,20}(?:[ \t][A-Z][a-zA-Z]{1,20})?)"
    r",?[ \t]+[ADF]PO[ \t]+A[AEP][ \t]+\d{5}(?:-\d{4})?(?!\d)"
)
"""An APO, FPO or DPO address: a unit or a ship, the post office, its code (`USCGC Gilbert, FPO AA 77624`)."""
_HOME_CITY = re.compile(
    r"(?<![\w-])(?i:home\s?(?:city|town)|hometown)[ \t]*:[ \t]*"
    rf"({_CAP}(?:[ \t-](?:{_CAP}|de|da|do|di|la|le|sur|am)){{0,3}})(?=[ \t]*(?:[.;,)|]|$))",
    re.MULTILINE,
)
"""A town after a home-town label anywhere in a line (`... phone +45 3312 4455. Home city: Varberg.`)."""
_BR_HOME = re.compile(
    r"(?i:\b(?:mora|reside|residente)\s+(?:em|na|no)\s+)"
    r"([^\n.;]{3,120}?\b\d{5}-?\d{3}\b[^\n.;]{0,60}?/[ \t]?[A-Z]{2})\b"
)
"""A Brazilian home after `mora em` up to its town and state (`..., 01234-567 Campinas / SP`)."""


_Reader = Callable[[int], "re.Match[str] | None"]
"""The next match of some pattern that starts at or after a position (asked with positions that only grow)."""


def _merged(first: _Reader, second: _Reader) -> Iterator[re.Match[str]]:
    """The matches of two readers as one regex with both as branches would take them.

    Leftmost first (at the same start, `first`'s), each next one from the end of the last.
    """
    a, b = first(0), second(0)
    while a is not None or b is not None:
        m = a if b is None or (a is not None and a.start() <= b.start()) else b
        assert m is not None
        yield m
        pos = m.end()
        if a is not None and a.start() < pos:
            a = first(pos)
        if b is not None and b.start() < pos:
            b = second(pos)


def _searcher(pattern: re.Pattern[str], text: str) -> _Reader:
    """A reader of `pattern`'s matches in `text` (`search` from the position)."""
    return lambda pos: pattern.search(text, pos)


def _none(_pos: int) -> re.Match[str] | None:
    """A reader of no matches."""
    return None


def _next_match_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> _Reader:
    """A reader of `pattern`'s matches at `starts` (sorted): starts passed over are not tried again."""
    i = 0

    def next_from(pos: int) -> re.Match[str] | None:
        nonlocal i
        while i < len(starts):
            start = starts[i]
            i += 1
            if start >= pos:
                m = pattern.match(text, start)
                if m is not None:
                    return m
        return None

    return next_from


def _eu_addresses(text: str) -> Iterator[re.Match[str]]:
    """What `_EU_ADDRESS.finditer(text)` yields, each branch run where it can match.

    The type-first branch runs only at street-type words and at numbers just before them
    (`12 rue ...`: at most 10 characters before), the glued one from capital to capital;
    their matches merge as the regex engine would take them (leftmost; at the same start
    the type-first one).
    """
    types = word_positions(text, _EU_TYPE_KEYS)
    if types is None:
        yield from _EU_ADDRESS.finditer(text)
        return
    low = folded(text)  # as long as `text` (`types` is not None)
    # a street type starts with one of their literal starts ("rue", "av."): "could", "average" do not
    types = [q for q in types if low.startswith(_EU_TYPE_PREFIXES.get(low[q : q + 2], ()), q)]
    candidates = set(types)
    numbers = number_positions(text) or []
    for q in types:  # "\b\d{1,5}[a-zA-Z]?,?\s{1,3}" before the type word: a number's word
        j = bisect_left(numbers, q - 10)
        while j < len(numbers) and numbers[j] < q:
            candidates.add(numbers[j])
            j += 1
    typed = _next_match_at(_EU_ADDRESS_TYPE_FIRST, text, sorted(candidates))
    glued = _searcher(_EU_ADDRESS_GLUED, text) if _may_glue(text) else _none
    yield from _merged(typed, glued)


def _may_glue(text: str) -> bool:
    r"""A glued street type (`_EU_SUFFIX`, any case) ends just before `\s{1,3}\d` somewhere in `text`.

    Every match of `_EU_ADDRESS_GLUED` holds one: a gate, so that its lazy scan from every
    capital runs only in the few texts that can hold a glued street ("Hauptstraße 12").
    """
    low = folded(text)
    if len(low) != len(text):
        return True
    for m in _SPACE_DIGIT.finditer(text):
        end = digit = m.start()
        while end > digit - 3 and text[end - 1].isspace():  # what \s matches
            end -= 1
        if low.endswith(_EU_SUFFIX_WORDS, 0, end):
            return True
    return False


def _pins(text: str, six_digits: bool) -> Iterator[re.Match[str]]:
    """What `_PIN.finditer(text)` yields (`six_digits`: a capital and a run of just 6 digits in it, a gate).

    Its two branches start at a digit and at a capital, and neither can start inside the
    other's match: when only one can match (its gate), its own regex finds what `_PIN` does.
    """
    slash = "/" in text and _PIN_SLASH.search(text) is not None
    six = six_digits and _PIN_WORD_SIX.search(text) is not None
    if slash and six:
        yield from _PIN.finditer(text)
    elif slash:
        yield from _PIN_SLASH_CODE.finditer(text)
    elif six:
        yield from _pin_words(text)


def _pin_words(text: str) -> Iterator[re.Match[str]]:
    """What `_PIN_WORD.finditer(text)` yields: tried only at the capital before each `_PIN_WORD_SIX`.

    Its run of lower-case letters (and apostrophes) is possessive, so a match's capital starts the run of
    lower-case letters that ends at the separator.
    """
    starts = []
    for m in _PIN_WORD_SIX.finditer(text):
        start = m.start()
        while start > 0 and start > m.start() - 31 and text[start - 1] in _PIN_LETTERS:
            start -= 1
        starts.append(start - 1)
    yield from match_at(_PIN_WORD, text, [s for s in starts if s >= 0])


def _postcodes(text: str, upper_digit: bool) -> Iterator[re.Match[str]]:
    r"""What `_POSTCODE.finditer(text)` yields (`upper_digit`: `[A-Z]\d` is in the text, a gate).

    Its branches led by a digit run as one regex (the engine skips to digits in C); those led
    by a capital are tried only at a capital `[A-Z]\d` starts or one before it (none without
    one). No position starts both kinds, so their matches merge as the regex engine would
    take them: leftmost first, the next from the end of the last.
    """
    if not upper_digit:
        yield from _POSTCODE_DIGITS.finditer(text)
        return
    capitals = sorted({q for m in _UPPER_DIGIT.finditer(text) for q in (m.start() - 1, m.start()) if q >= 0})
    yield from _merged(_searcher(_POSTCODE_DIGITS, text), _next_match_at(_POSTCODE_CAPITALS, text, capitals))


_WORD_AND_NUMBER = re.compile(r"([^\W\d_]+)\s{1,3}\d{1,5}[a-zA-Z]?[.,]?")


def _word_and_number(street: str) -> bool:
    """An everyday English word then a number (`Spring 2025`, `During 2004`, `Catering 50`).

    Such a word merely ends like a glued street type (`-ring`, `-weg`): no street, as
    `Hofweg 12` and `Kurfürstendamm 21` are.
    """
    m = _WORD_AND_NUMBER.fullmatch(street)
    return m is not None and m.group(1).lower() in english()


_CAMEL = re.compile(r"(?!Ma?c[A-Z])[A-Z][a-z]+[A-Z]")


def _product_name(street: str) -> bool:
    """A CamelCase word then a number (`PixelPad 11`, `StreamRing 2`): a product and its model.

    A glued street type is written in lower case after its name (`Kerkpad 4`, `Hofweg 12`) or
    after a hyphen (`Konrad-Adenauer-Straße 3`); a capital inside the word is a brand's
    (`McAllisterweg` aside).
    """
    return _CAMEL.match(street) is not None


_EVERYDAY_TYPES = frozenset(
    [
        "estate",
        "green",
        "spring",
        "center",
        "village",
        "valley",
        "corner",
        "route",
        "plain",
        "flat",
        "lock",
        "ford",
        "cape",
        "fields",
        "forks",
        "island",
        "mountain",
        "shore",
        "creek",
        "crest",
        "curve",
        "passage",
        "stream",
        "trace",
        "tunnel",
        "ramp",
        "oval",
        "gateway",
        "harbors",
        "ranch",
        "orchard",
        "junction",
        "commons",
        "cove",
        "ferry",
        "neck",
        "loaf",
        "parade",
        "promenade",
        "concourse",
        "courtyard",
        "glade",
        "grange",
        "quay",
        "amble",
        "frontage",
        "esplanade",
    ]
)
"""Street types that are everyday words too (`Estate`, `Green`, `Village`)."""
_YEAR_LED = re.compile(r"(?:19|20)\d\d[^\S\n]+(?:[A-Za-z]+[^\S\n]+){1,4}([A-Za-z]+?)s?\b")


_NEWER_TYPES = frozenset(_NEWER_TYPE.split("|"))


def _street_end(m: re.Match[str]) -> int:
    """Where a street match ends: before a full stop after one of `_NEWER_TYPES` (`9 Ronald Valley.`)."""
    value = m.group(0)
    if value.endswith(".") and value[:-1].rsplit(None, 1)[-1].lower().rstrip("s") in _NEWER_TYPES:
        return m.end() - 1
    return m.end()


def _titled_year(value: str) -> bool:
    """A year, words, a street type that is an everyday word too: a title (`2025 Wellness Estate`)."""
    m = _YEAR_LED.match(value)
    return m is not None and m.group(1).lower() in _EVERYDAY_TYPES


def _numbered(text: str) -> list[Span]:
    """The shapes that hold a digit: street addresses, PO boxes, ZIP, postal codes, PINs."""
    street = _ADDRESS if has_any(text, ("box",)) else _ADDRESS_NO_BOX  # a PO box needs "box"
    found = [
        Span("address", m.start(), _street_end(m), 0.9)
        for m in street.finditer(text)
        # (not across a blank line: "starts 4/17\n\nSale runs" is two paragraphs)
        if not ours(text, m.start()) and m.group(0).count("\n") < 2 and not _titled_year(m.group(0))
    ]
    found += [
        Span("address", m.start(), m.end(), 0.85)
        for m in _eu_addresses(text)
        if any(c.isdigit() for c in m.group(0))
        and not ours(text, m.start())
        and not _word_and_number(m.group(0))
        and not _product_name(m.group(0))
    ]
    total, longest = digit_runs(text)
    upper = UPPER_CHAR.search(text) is not None
    # a postal code has a capital letter (the city after it, a UK or Canadian code) or 8 digits
    upper_digit = _UPPER_DIGIT.search(text) is not None
    postal = (upper or total >= 8) and (longest >= 3 or upper_digit)
    for m in _postcodes(text, upper_digit) if postal else ():
        if m.group(0).count("\n") >= 2:
            continue  # not across a blank line: `visit Mar 3, 2021\n\nAshley - ...`: a date, a greeting
        city = m.group(2) if m.re.groups else None  # (a UK or Canadian code: no groups, no city)
        if city is not None:
            code = text[m.start() : m.end(1)]
            if _COPYRIGHT_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None:
                continue  # the year of a copyright and its holder (`(c) 2025 Boston Scientific`)
            key = _place_key(city)
            # "10115 Berlin" and "1017 GC Amsterdam"; not "2063   Discharge Date" or "1200 Guests"
            known = key in places()
            everyday = all(word in english() for word in key.split())
            if not known and (everyday or len(code) == 4):
                continue
        found.append(Span("address", m.start(), m.end(), 0.8))
    if longest >= 5:  # at the words a ZIP code can follow only (a keyword or a state: `_ZIP_KEYS`)
        found += [Span("address", m.start(1), m.end(1), 0.85) for m in scan_words(_ZIP, text, _ZIP_KEYS)]
    found += [
        Span("address", m.start(), m.end(), 0.75, weak=True)
        for m in _pins(text, upper and "\x06" in digit_shape(text))
        if not _NOT_A_PIN.match(m.group(0))
        and not _PRESSURE_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ]
    return found


_COPYRIGHT_BEFORE = re.compile(r"(?:\u00a9|\([cC]\)|\b(?i:copyright))[^\S\n]*\Z")
"""A copyright mark right before a number: the number is the copyright's year, no postal code."""
_NOT_A_PIN = re.compile(
    r"(?:0?[1-9]|1[0-2])/(?:19|20)\d\d,|24/7,|24/365,|"
    # an identifier's keyword before six digits (`Acct 204511-318`, `Claim 550193`): no town
    r"(?i:acct|account|claim|clm|member|mbr|policy|order|invoice|ref|case|ticket|batch|lot|grp|group|"
    # a product's style, item or model number (`Style 896119-L`)
    r"style|item|model|sku|art|part|product|article|code|version)[- ]\d"
)
"""A month and its year (`03/2018, normal`), or round the clock (`24/7, free`): not a house number."""
_PRESSURE_BEFORE = re.compile(r"(?i:\b(?:bp|b/p|pressure)\b[^\n\d]{0,12})$")
"""A blood pressure's label before a reading (`BP 132/84, HR 76`), not a house number."""


_JOIN_GAP = re.compile(r",?[ \t]{1,2}")
_TOWN_WORD = rf"[{UPPER}][{LOWER}'\u2019]+(?:-[\w'\u2019]+)*"
"""A town's word, with its hyphenated parts (`François-sur-Pascal`)."""
_POSTCODE_TOWN_AFTER = re.compile(
    rf",[ \t]{{1,2}}(?:\d{{4,5}}(?:-\d{{3}})?|\d{{2}}-\d{{3}}|\d{{3}}[ ]\d{{2}}|\d{{4}}[ ]?[A-Z]{{2}}),?"
    rf"[ \t]{{1,2}}"
    rf"{_TOWN_WORD}(?:[ \t](?:{_TOWN_WORD}|de|da|das|do|dos|di|del|la|le|am|an|im)){{0,3}}(?![\w-])"
)
"""A postal code and its town after a street (`Alameda Cruz, 44, 4700-123 Braga`)."""
_NOT_TOWN = r"(?!(?i:and|or|the|to|at|in|on|for|of|by|und|et|en|y|e|i)\b)"
"""Not a joining word read as a town's (`..., And 4567`, `Christian, Kristen And Christopher`)."""
_TOWN_PART = rf"[{UPPER}\u1ea0-\u1ef9][\w'\u2019]+"
"""A capitalised word of a town's name, in Vietnamese too (`Hải Phòng`)."""
_TOWN_POSTCODE_AFTER = re.compile(
    rf"(?:,[ \t]{{1,2}}|[ ]-[ ])"
    rf"(?:(?:Apt|Flat|Unit|Suite|Room|apto|apt|piso|andar|bloco)\.?[ ]\w{{1,6}},[ ])?"
    rf"{_NOT_TOWN}{_TOWN_PART}(?:-[\w'\u2019]+)*(?:[ \t]{_NOT_TOWN}{_TOWN_PART}){{0,2}}"
    rf"(?:/[A-Z]{{2}}|[ ]-[ ][A-Z]{{2}})?,?[ \t]{{1,2}}"
    rf"(?:(?i:postal[ ]code|postcode|cep|pin|zip)[ :]{{1,2}})?"
    rf"(?:\d{{5,6}}|\d{{5}}-\d{{3,5}}|\d{{3}}-\d{{4}}|\d{{4}}[ ]?[A-Z]{{2}}|\d{{4}})(?![\w-])"
)
"""A town and its postal code after a street (`Sejong-daero 12, Daegu 24848`, `..., Yokohama 062-1182`)."""
_TOWN_AFTER = re.compile(
    rf",[ ]({_NOT_TOWN}{_TOWN_PART}(?:-[\w'\u2019]+)*(?:[ ]{_NOT_TOWN}{_TOWN_PART}){{0,2}})"
    r"(?=[ ]*(?:[.!?;]|\n|$))"
)
"""A town alone closing a street's sentence (`Kerkstraat 13, Zwolle.`, `Plot 155, Ring Road, Abeokuta.`)."""
_POSTCODE_AFTER = re.compile(
    r"[ ](?:\d{5,6}|\d{5}-\d{3,5}|\d{3}-\d{4}|\d{4}[ ]?[A-Z]{2})(?![\w-])(?=[ ]*(?:[,.;)\n]|$))"
)
"""A postal code closing a `street, town` span (`9 Bode Thomas Street, Ibadan 245313, Oyo State`)."""


_DIGIT_IN = re.compile(r"\d")


def _town_word(town: str) -> bool:
    """A town's name: a known place or no everyday English word (`..., Thanks.`), no state or country."""
    if is_country(town) or is_us_state(town):
        return False
    return _place_key(town) in places() or town.split()[0].lower() not in english()


def joined_addresses(text: str, spans: list[Span]) -> list[Span]:
    """One address where a street and its postal code and town were found apart.

    `Kastanjevej 12` and `4100 Ringsted`: the span over both, and a street's postal code and town
    after it.
    """
    streets = sorted((s for s in spans if s.category == "address"), key=lambda s: s.start)
    if not streets:
        return []
    found: list[Span] = []
    for a, b in pairwise(streets):
        if (
            a.end < b.start <= a.end + 3
            and (
                (text[b.start].isdigit() and text[a.end - 1].isalnum() and text[a.end] == ",")
                or (text[a.end - 1].isdigit() and text[b.start].isupper())  # `..., 75011` `Paris`
            )
            and _JOIN_GAP.fullmatch(text, a.end, b.start)
        ):
            found.append(Span("address", a.start, b.end, max(a.score, b.score), weak=a.weak and b.weak))
    for a in streets:
        if text.startswith(",", a.end) and text[a.end - 1].isalnum():
            m = _POSTCODE_TOWN_AFTER.match(text, a.end)
            if m is not None:
                found.append(Span("address", a.start, m.end(), a.score, weak=a.weak))
        if text.startswith((",", " - "), a.end) and (text[a.end - 1].isalnum() or text[a.end - 1] == "."):
            m = _TOWN_POSTCODE_AFTER.match(text, a.end)
            if m is None and _DIGIT_IN.search(text, a.start, a.end) is not None:  # (a street, not a town)
                m = _TOWN_AFTER.match(text, a.end)
                if m is not None and (m.group(1).isupper() or not _town_word(m.group(1))):
                    m = None
            if m is not None:
                found.append(Span("address", a.start, m.end(), a.score, weak=a.weak))
        elif text.startswith(" ", a.end) and "," in text[a.start : a.end] and text[a.end - 1].isalpha():
            m = _POSTCODE_AFTER.match(text, a.end)  # `9 Bode Thomas Street, Ibadan` `245313`
            if m is not None:
                found.append(Span("address", a.start, m.end(), a.score, weak=a.weak))
    return found
