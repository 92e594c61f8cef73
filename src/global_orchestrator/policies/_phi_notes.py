"""Identifiers in the shapes of US clinical notes and Safe Harbor forms (probe5's classes).

Each recogniser is one bounded regular expression behind a cheap gate (a word the match
must hold), so texts without the word cost one substring test:

- names after a clinical cue, in any case and in `Last, First M` order (`PCP soykan eraslan`,
  `Dr. Pham, Bich`, `HCP May King (wife)`, `dictated by L. van der Berg md`), before a
  credential (`hedi trupp, MD`), a patient header line (`Volkov, Gabriel 44273564  ADM ...`)
  and a first name before `is a 54-year-old`;
- dates a note writes beside a stamp or a label (`D: 2/22/15  T: 05/24/64`, `ADM 2/15/2020`,
  `Date of transfer: 9-25-2017`) or after `mid-` / `early-` / `late-` (`mid-March 2011`);
- counties (`Essex Co.`, `Bristol county`, `County of residence: Erie County`) and the city
  before one (`from Jacobstown, Cuyahoga county`), a home town (`at his home in Lake
  Christopher`), the city and ZIP ending a street address that has no state;
- bed and room codes on a patient's line (`Bed 287-1`, `Room 10B-28`);
- Safe Harbor codes by their cue: an insurance group number, a device serial and a HIBCC UDI,
  a voiceprint id, a photo's file or id, a link a person shared.

Places, dates and bed codes are weak (PHI only in a text about a person) unless a label makes
them a record's; names need a cue, and a lower-case word that is an English word (and no
Census name) ends one, so `dr on call`, `son was` are no names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, census, english
from global_orchestrator.policies._phi_lexicon import places as known_places
from global_orchestrator.policies._phi_places import facility_line
from global_orchestrator.policies._phi_shapes import toll_free
from global_orchestrator.policies._phi_spans import (
    MONTH_DAY,
    Span,
    digit_runs,
    digit_shape,
    folded,
    line_starts,
    match_at,
    scan_words,
    word_keys,
)

_L = f"{UPPER}{LOWER}"
_WORD = rf"[{_L}](?:[{_L}]|['\u2019-](?=[{_L}]))*"
"""A word of a name in any case, with inner hyphens and apostrophes (`pierre-louis`, `O'Neil`)."""
_NICK = r"[\"\u201c][^\"\u201d\n]{1,20}[\"\u201d]"
_PIECE = re.compile(rf"{_NICK}|[{UPPER}]\.(?![{_L}])|{_WORD}")
_PARTICLES_WORDS = (
    "van von der den de del della da das dos di du la le bin ibn al el ter ten mac mc ó o ní ni an "
    "na y e st st."
)
_PARTICLES = frozenset(_PARTICLES_WORDS.split())
_STOP_WORDS = (
    "md rn do np pa dds phd mba msn bsn lpn cnp aprn pgy dr mr mrs ms who whom on in at to for of "
    "the a an and or is was be been by with from as per re cc pt patient pcp hcp call cell tel phone "
    "pager ph note notes notified regarding about via home today tomorrow yesterday will would has "
    "had have said states confirmed agrees aware present dob mrn ssn npi dea acct dos dod adm dis ed "
    "er icu id no"
)
_STOP = frozenset(_STOP_WORDS.split())
_CREDENTIAL = re.compile(r",?[ \t]{1,2}(?:M\.?D\.?|md|R\.?N\.?|D\.?O\.?|NP|PA-C|PhD|DDS|MBBS|FACP)\b")

# a cue a name follows: a clinician's role or title, a relative, a signature
_NAME_CUE = re.compile(
    r"(?i:(?:dr\.?|doctor|pcp|hcp|attending|accepting\s+physician|referring\s+physician|physician|"
    r"surgeon|nurse|son|daughter|wife|husband|brother|sister|mother|father|niece|nephew|grandson|"
    r"granddaughter|aunt|uncle|spouse|partner|caregiver|guardian|kin|prescriber|ordering(?:\s+provider)?|"
    r"subscriber|guarantor|insured|"
    r"(?:dictated|signed|entered|reviewed|cosigned|seen|examined|transcribed)\s+by|signed|cc|"
    r"(?P<loose>member|refills\s+for|enrol(?:l?ment)?\s+for|request\s+for|implanted\s+in|"
    r"message\s+from|please\s+see|intake|security\s+log|caller|subject\s+[\w-]+\s+|patient|pt))"
    r"(?:\s*:[ \t]{1,2}|[ \t]?\(|\.?[ \t]{1,2})(?:\(?(?i:dr\.?|doctor)[ \t]{1,2})?)"
)
_NAME_CUE_WORDS = (
    r"dr\b doctor pcp hcp attending accepting referring physician surgeon nurse son\b daughter wife "
    r"husband brother sister mother father niece nephew grandson granddaughter aunt uncle spouse partner "
    r"caregiver guardian kin prescriber ordering subscriber guarantor insured dictated signed entered "
    r"reviewed cosigned seen examined transcribed cc\b "
    r"member refills enrol request implanted message please intake security caller subject patient pt\b"
)
_NAME_CUE_KEYS = word_keys(_NAME_CUE_WORDS.split())
"""The words a `_NAME_CUE` match starts with (`scan_words`: the regex runs at those only)."""
_CREDENTIAL_AFTER = re.compile(
    r"[ \t](M\.?D\b\.?|md\b|R\.?N\b\.?|D\.?O\b\.?|NP\b|PA-C\b|PhD\b|DDS\b|MBBS\b|FACP\b)"
)
"""A credential after white space (group 1; led by the white space's class, not a look-behind: the engine
skips ahead to it; the matches of the look-behind form `(?<=[ \t])(?:...)` are its groups)."""
_CREDENTIAL_GATE = ("MD", "M.D", " md", "RN", "R.N", "DO", "D.O", "NP", "PA-C", "PhD", "DDS", "MBBS", "FACP")
_AGE_BEFORE = re.compile(rf"(?<![{_L}])([{UPPER}][{LOWER}]{{2,20}})\s+is\s+an?\s+\d{{1,3}}[- ]\Z")
_HEADER = re.compile(
    rf"[ \t]*({_WORD}(?:[ \t]{_WORD}){{0,2}},[ \t]{_WORD}(?:[ \t]{_WORD})?(?:[ \t][{UPPER}]\.?)?)"
    r"[ \t]{1,4}(?:(MRN[ \t:#]*)?([A-Z]{0,2}\d[\d -]{4,10}\d[A-Z]?|\d{6,10}[A-Z]?)(?=[ \t]{2})"
    r"|MRN\b|DOB\b|D\.O\.B)"
)
"""A patient header line: `Volkov, Gabriel 44273564  ADM ...`, `Svensson, Esperanza    MRN 1789812`."""


def _name_word(word: str, after_first: bool = False) -> bool:
    """A word that can be part of a name.

    An English word is one only as a common Census first name (`may`, `john`) or, capitalised,
    as a Census surname right after one (`Max Morris`); an upper-case word (an acronym
    otherwise: `HIPAA`, `NPO`) only as a Census name.
    """
    low = word.lower()
    if low in _STOP or len(low) < 2:
        return False
    common, _, surnames = census()
    if word.isupper():
        return low in common or (after_first and low in surnames)
    if low not in english():
        return True
    if low in common:
        return not (word.islower() and low in _COMMON_LOWER)
    return after_first and word[0].isupper() and low in surnames


def _first_name(word: str) -> bool:
    return word.lower() in census()[0]


def _all_names(words: list[str], after_first: bool = False) -> bool:
    """Every word can be part of a name.

    A surname that is an English word counts after a first name or an initial (`R. Stone`).
    """
    for word in words:
        if not _name_word(word, after_first):
            return False
        after_first = _first_name(word)
    return True


_COMMON_LOWER_WORDS = (
    "will may grant mark bill rose joy faith hope young long little brown white black green gray "
    "grey king rich price page hall hill wood stone mason cook miller bell lane ward rice"
)
_COMMON_LOWER = frozenset(_COMMON_LOWER_WORDS.split())
"""Census names that, written in lower case, are everyday words first."""


def _pieces(text: str, pos: int, limit: int = 5) -> Iterator[tuple[int, int, str]]:
    """The name pieces from `pos` on, one or two spaces apart, on one line."""
    for _ in range(limit):
        m = _PIECE.match(text, pos)
        if m is None:
            return
        yield m.start(), m.end(), m.group(0)
        gap = pos = m.end()
        while pos < len(text) and pos - gap < 2 and text[pos] in " \t":
            pos += 1
        if pos == gap or (pos < len(text) and text[pos] in " \t"):
            return


_INNER_PARTICLES = "|".join(sorted(_PARTICLES - {"y", "e", "st", "st."}, key=len, reverse=True))
_COMMA_NAME = re.compile(
    rf"((?:(?i:{_INNER_PARTICLES})[ \t]|[{UPPER}]'|[{UPPER}]\u2019)*"
    rf"{_WORD}(?:[ \t]{_WORD})?),[ \t]({_WORD})(?:[ \t]({_WORD}))?"
)
"""`Last, First [Middle]` (`Dorje, Tenzin U`, `Mac Conaonaigh, Therese`, `ZHANG, WEI`)."""
_INITIAL_AFTER = re.compile(rf"[ \t][{UPPER}]\.?(?![{_L}])")


def _comma_name(text: str, pos: int) -> int | None:
    """The end of a `Last, First [M]` name at `pos`, or None.

    The order itself marks a name, so a surname may be a Census surname that is an English
    word (`Smith, Joris`) and, in upper case, any word that is no English one (`OZA, NETRA`);
    the words after the comma are in the surname's case (not `Smith, DOB`).
    """
    m = _COMMA_NAME.match(text, pos)
    if m is None or _CREDENTIAL.match(text, m.end(1)) is not None or MONTH_DAY.match(text, m.start(2)):
        return None
    last = [w for w in m.group(1).split() if w.lower() not in _PARTICLES and w[-1] not in "'\u2019"]
    if not last:
        return None
    shape = _shape(last[-1])
    if _shape(m.group(2)) != shape or not (_name_word(m.group(2)) or _caps_word(m.group(2))):
        return None
    surnames = census()[2]
    if not all(_name_word(w) or w.lower() in surnames or _caps_word(w) for w in last):
        return None
    end = m.end(2)
    second = m.group(3)
    if second and len(second) > 1 and _shape(second) == shape and (_name_word(second) or _caps_word(second)):
        end = m.end(3)
    initial = _INITIAL_AFTER.match(text, end)
    return initial.end() if initial is not None and _CREDENTIAL.match(text, end) is None else end


def _shape(word: str) -> int:
    return 2 if word.isupper() else 0 if word.islower() else 1


def _caps_word(word: str) -> bool:
    """An upper-case word that is no English one nor a label (`NETRA`, not `DOB`)."""
    low = word.lower()
    return word.isupper() and len(low) > 1 and low not in _STOP and low not in english()


_LOWER_HEAD = re.compile(rf"[{LOWER}]+(?![{_L}'\u2019-])")


def _name_at(text: str, pos: int, words: int = 1) -> tuple[int, int] | None:
    """The name starting at `pos` (after a cue), or None: `Last, First [M]` or up to 5 pieces.

    `words`: how many words it needs (a loose cue, `patient`, wants two: not `pt font`).
    """
    head = _LOWER_HEAD.match(text, pos)
    if head is not None and head.group(0) not in _PARTICLES and not _name_word(head.group(0)):
        return None  # `son was`, `patient education`: the cheap answer for most cues
    comma = _comma_name(text, pos)
    if comma is not None:
        return pos, comma
    end = None
    count = 0
    after_first = particle = personal = nick = initial = False
    for _, e, piece in _pieces(text, pos):
        if piece[0] in '"\u201c' or (len(piece) == 2 and piece.endswith(".")):
            after_first = True  # a nickname or an initial: a word must follow
            if piece[0] in '"\u201c':
                nick = personal = True  # `First "Nick" Last`: a name's shape
            elif end is None and piece[0].isupper():
                initial = True  # `R. Okonkwo`: the initial counts as a word once one follows
            continue
        if piece.lower() in _PARTICLES:
            after_first = particle = True  # `van der`, `Mac an`: a word must follow
            continue
        if not (
            _name_word(piece, after_first)
            or (particle and piece.lower() in census()[2])
            or (nick and end is not None and piece[0].isupper() and piece[1:].islower())
        ):
            break  # (a surname after a particle in any case, `luis van der berg`; any after a nickname)
        particle = False
        after_first = _first_name(piece)
        end = e
        count += 1
        personal = (
            personal
            or after_first
            or piece.islower()
            or not piece.isascii()
            or "-" in piece
            or _census_word(piece)
        )
        if text.startswith(",", e):
            break
    if initial and end is not None and text[pos].isupper() and text[pos + 1 : pos + 2] == ".":
        count += 1  # `Patient R. Okonkwo`: an initial and a capitalised surname
        personal = personal or text[end - 1].islower()
    if end is None or count < words or (words > 1 and not personal):
        return (
            None  # after a loose cue, a Census name, lower case or a letter beyond ASCII: not `MyChart Login`
        )
    return pos, end


def _census_word(word: str) -> bool:
    _, first, surnames = census()
    low = word.lower()
    return low in first or low in surnames


_TRAILING_INITIAL = re.compile(rf"[ \t][{UPPER}]\.?(?![{_L}])")


_KIN_GATE = (
    *("wife, ", "husband, ", "partner, ", "spouse, ", "mother, ", "father, ", "son, ", "daughter, "),
    *("sister, ", "brother, ", "niece, ", "nephew, ", "guardian, ", "caregiver, "),
)
_KIN_APPOSITION = re.compile(
    r"(?i:\b(?:patient's|patient\u2019s|pt's|his|her|their)[ \t]+"
    r"(?:wife|husband|partner|spouse|mother|father|son|"
    r"daughter|sister|brother|niece|nephew|guardian|caregiver)),[ \t]{1,2}"
)
"""A relative named between commas (`The patient's husband, Orrin Velasquez, can be reached at`)."""


def _cued_names(text: str) -> list[Span]:
    found: list[Span] = []
    for m in scan_words(_NAME_CUE, text, _NAME_CUE_KEYS):
        got = _name_at(text, m.end(), 2 if m.group("loose") else 1)
        if got is not None and got[1] - got[0] > 1:
            found.append(Span("name", got[0], got[1], 0.7))
    for m in _CREDENTIAL_AFTER.finditer(text) if any(c in text for c in _CREDENTIAL_GATE) else ():
        at = m.start(1)
        cut = at
        while cut > 0 and at - cut < 3 and text[cut - 1] in " \t":
            cut -= 1
        if cut == at or at - cut > 2:
            continue  # a credential after one or two spaces (and maybe a comma)
        if text.startswith(",", cut - 1):
            cut -= 1
        start = _name_back(text, cut)
        if start is not None:
            found.append(Span("name", start, cut, 0.7))
    if ", " in text and any(w in text for w in _KIN_GATE):
        for m in _KIN_APPOSITION.finditer(text):
            got = _name_at(text, m.end(), 1)
            if got is not None and got[1] - got[0] > 1 and text.startswith((",", " (", ";"), got[1]):
                found.append(Span("name", got[0], got[1], 0.75))
    at = text.find("year", 8)
    while at != -1:  # `Oyelaran is a 47-year-old`
        if text.startswith(("-old", " old"), at + 4):
            age = _AGE_BEFORE.search(text, max(0, at - 40), at)
            word = age.group(1) if age is not None else ""
            if age is not None and _name_word(word) and (word.lower() not in english() or _first_name(word)):
                found.append(Span("name", age.start(1), age.end(1), 0.7))
        at = text.find("year", at + 4)
    if ", " in text and (
        "  " in text or "MRN" in text or "DOB" in text
    ):  # (an id, then a column gap; or `MRN`)
        for m in match_at(_HEADER, text, line_starts(text)):
            if _comma_name(text, m.start(1)) is not None:
                found.append(Span("name", m.start(1), m.end(1), 0.75))
                if m.group(3) and not m.group(2):
                    found.append(Span("medical_record_number", m.start(3), m.end(3), 0.7))
    return found


_LINE_START_NAME = re.compile(
    rf"(?m:^|(?<=[:;(]))[ \t]*((?:{_WORD}|[{UPPER}]\.)(?:[ \t]{{1,2}}(?:{_WORD}|[{UPPER}]\.)){{0,4}}"
    rf"(?:,[ \t]{_WORD}(?:[ \t][{UPPER}]\.?)?)?)\Z"
)


def _name_back(text: str, end: int) -> int | None:
    """The start of a name that ends at `end`, before a credential: a line's or a label's first words."""
    line = max(text.rfind("\n", 0, end) + 1, end - 60)
    m = _LINE_START_NAME.search(text, line, end)
    if m is None:
        return None
    run = m.group(1)
    words = [w for w in re.split(r"[ \t,]+", run) if w]
    real = [w for w in words if w.lower() not in _PARTICLES and not (len(w) <= 2 and w.endswith("."))]
    initial = len(words[0]) == 2 and words[0].endswith(".") and words[0][0].isupper()
    if not real:
        return None
    if (
        len(real) == 1
        and len(words) == 1
        and "," in text[m.end(1) : end + 1]
        and _lone_surname(text, m, real[0])
    ):
        return m.start(1)  # `Okafor, M.D.` alone on a signature line, `Attending: Halvorsen, MD`
    if not _all_names(real, initial):
        return None
    if len(real) < 2 and not any(w.endswith(".") for w in words):
        return None
    return m.start(1)


_SIGNATURE_LABEL = re.compile(
    r"(?i:attending|physician|provider|surgeon|signed|dictated)[^\n:]{0,12}:[ \t]*\Z"
)


def _lone_surname(text: str, m: re.Match[str], word: str) -> bool:
    """A Census surname (no stop word) alone before a credential.

    On a line of its own under a signature rule, or after a clinician's label (`Attending: Halvorsen, MD`).
    """
    if word.lower() in _STOP or word.lower() not in census()[2] or not word[:1].isupper():
        return False
    line = text.rfind("\n", 0, m.start(1)) + 1
    if _SIGNATURE_LABEL.search(text, line, m.start(1)) is not None:
        return True
    if text[line : m.start(1)].strip():
        return False
    return text[max(0, line - 80) : line].rstrip().endswith(("__", "--"))


# -- dates ------------------------------------------------------------------------------------

_NUM_DATE = r"\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?![\d/])"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_STAMP = re.compile(
    rf"[dD](?:(?<![^\n][dD])|(?<=[ \t]{{2}}[dD])):?[ \t]{{1,2}}({_NUM_DATE})"
    rf"[ \t]{{1,3}}(?i:t):?[ \t]{{1,2}}({_NUM_DATE})"
)
r"""A transcription stamp: dictated and typed dates (`D: 12/20/87  T: 05/05/23`, `d 7/2/20 t 3/25/08`).

Its groups are those of `(?m)(?:^|[ \t]{2})(?i:d):?...`, led by the `d` (the engine skips to one in C)
and the line start or the two spaces before it read behind it."""
_STAMP_GATE = re.compile(r"[dD]:?[ \t]{1,2}\d")
"""A gate: every `_STAMP` match holds one (led by a class: the engine skips to a `d` in C)."""
_ADM_DIS = re.compile(rf"\b(?:ADM|DIS|DISCH|D/C)[ \t:]{{1,3}}({_NUM_DATE})")
_DATE_OF = re.compile(
    r"(?i:\bdate\s+of\s+(?:transfer|arrival|injury|onset|consult(?:ation)?|exam(?:ination)?|encounter|"
    r"referral|operation|delivery|transport|evaluation|assessment|dictation|transcription|report|"
    r"transfusion|accident|incident|enrol(?:l?ment)|intake)\s*:?[ \t]{0,3})"
    rf"({_NUM_DATE}|{_MONTHS}\.?[ \t]\d{{1,2}},?[ \t](?:19|20|21)\d\d)"
)
_MID = re.compile(
    rf"(?i:\b(?:mid|early|late)-)({_MONTHS}\.?[ \t](?:19|20|21)\d\d\b|"
    rf"(?:0?[1-9]|1[0-2])/(?:19|20|21)\d\d(?![\d/])|{_MONTHS}\b)"
)


def _dates(text: str, low: str, record: bool) -> list[Span]:
    found: list[Span] = []
    if "/" in text or "-" in text:
        if " t" in low and _STAMP_GATE.search(text) is not None:
            for m in _STAMP.finditer(text):
                found += [Span("date", m.start(g), m.end(g), 0.85) for g in (1, 2)]
        if "ADM" in text or "DIS" in text or "D/C" in text:
            found += [Span("date", m.start(1), m.end(1), 0.85) for m in _ADM_DIS.finditer(text)]
    if "date of" in low:
        found += [Span("date", m.start(1), m.end(1), 0.85) for m in _DATE_OF.finditer(text)]
    if "mid-" in low or "early-" in low or "late-" in low:
        found += [Span("date", m.start(1), m.end(1), 0.7, weak=not record) for m in _MID.finditer(text)]
    return found


# -- places -----------------------------------------------------------------------------------

_PLACE = rf"[{UPPER}][{LOWER}]+(?:[ \t][{UPPER}][{LOWER}]+){{0,2}}"
_COUNTY = re.compile(
    rf"(?:(?<![{_L}])({_PLACE}),[ \t])?"
    rf"(?<![{_L}])((?:St\.[ \t])?[{UPPER}][{LOWER}]+(?:[ \t-][{UPPER}][{LOWER}]+)?"
    r"[ \t](?:County|county|Co\.|Parish|parish))"
    r"(?![ \t]+(?:Hospital|Medical|Health|General|Board|Court|Jail|Fair|Commission|Department|Sheriff|"
    r"Public|School|Schools|Library|Clerk|Line|Road|Rd|Park|Airport|Council|Government|Office))"
)
_COUNTY_LABEL = re.compile(r"(?i:\bcounty(?:\s+of\s+residence)?\s*:[ \t]*)$")
_NOT_COUNTY = frozenset({"The", "This", "That", "Each", "Every", "Our", "Your", "Any", "Per", "Which", "One"})
_HOME_IN = re.compile(
    rf"(?i:\b(?:at|from|to)\s+(?:(?:his|her|their|the\s+patient's|my)\s+)?home\s+in)[ \t]+({_PLACE})\b"
)
_CITY_ZIP = re.compile(rf",[ \t]({_PLACE}),?[ \t](\d{{5}}(?:-\d{{4}})?)(?![\d-])")
_HOUSE = re.compile(r"(?<![\w/.-])\d{1,6}[ \t]+[A-Z]")


_COUNTY_WORD = re.compile(r"[ \t](?:County|county|Co\.|Parish|parish)(?!\w)")


def _counties(text: str) -> Iterator[re.Match[str]]:
    """`_COUNTY`'s matches, tried only in the 100 characters before each county word."""
    for word in _COUNTY_WORD.finditer(text):
        for m in _COUNTY.finditer(text, max(0, word.start() - 100), word.end() + 120):
            if m.end(2) == word.end():
                yield m
                break


def _places(text: str, low: str) -> list[Span]:
    found: list[Span] = []
    if "county" in low or "co." in low or "parish" in low:
        for m in _counties(text):
            name = m.group(2).split()[0]
            if name in _NOT_COUNTY:
                continue
            line = max(text.rfind("\n", 0, m.start(2)) + 1, m.start(2) - 40)
            labelled = _COUNTY_LABEL.search(text, line, m.start(2)) is not None
            if m.group(2).endswith("Co.") and not (labelled or m.group(1)):
                continue  # `Totenko Co.`: a company, unless a label or a city before it makes it a county
            found.append(Span("address", m.start(2), m.end(2), 0.7, weak=not labelled))
            if m.group(1) and m.group(1).split()[0] not in _NOT_COUNTY:
                found.append(Span("address", m.start(1), m.end(1), 0.6, weak=True))
    if "home in" in low:
        found += [Span("address", m.start(1), m.end(1), 0.6, weak=True) for m in _HOME_IN.finditer(text)]
    if "," in text and "\x05" in digit_shape(text):  # (five digits in a row)
        for m in _CITY_ZIP.finditer(text):
            if _HOUSE.search(text, max(0, m.start() - 60), m.start()) is None:
                continue
            found.append(Span("address", m.start(1), m.end(1), 0.6, weak=True))
            found.append(Span("address", m.start(2), m.end(2), 0.6, weak=True))
    return found


# -- bed and room codes -----------------------------------------------------------------------

_ROOM_CODE = r"((?:[A-Z]{1,2}-?)?\d{1,4}[A-Z]?(?:-\d{1,3}[A-Z]?)?|\d{1,3}[A-Z]-?\d{1,3})(?![\w/.%-]|\.\d)"
_BED = re.compile(
    r"\b(?:(?:Bed|Room|Rm\.?|BED|ROOM|RM|rm)(?:[ \t]{0,2}:[ \t]{0,3}|[ \t]{1,3})#?[ \t]?"
    r"|(?:BED|ROOM|RM)#?(?=[A-Z]?\d))" + _ROOM_CODE
)
"""A bed or room code after its label: `Room 4B`, `ROOM:\t209-1`, `rm 612B`, glued `RM829B`."""
_PATIENT_LINE = re.compile(
    r"(?i:\b(?:triage|esi\s+\d|attending|service|disposition|admit\w*|mrn|pt|patient|dob|arrival)\b"
    r"(?!\s+(?:guides?|education|handouts?|safety|experience|portals?|materials?|resources?|information|"
    r"satisfaction|population|leaflets?|brochures?)\b)\s*:?)"  # (`patient guides`: no one's line)
)


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line (or lines) of `text` holding `text[start:end]`."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end != -1 else len(text)]


def _beds(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _BED.finditer(text):
        code = m.group(1)
        if code.isdigit() and len(code) == 1:
            continue
        strong = _PATIENT_LINE.search(_line_of(text, m.start(), m.end())) is not None
        found.append(Span("other_unique_identifier", m.start(1), m.end(1), 0.6, weak=not strong))
    return found


# -- Safe Harbor codes by their cue -----------------------------------------------------------

_CODE = r"[A-Za-z0-9](?:[A-Za-z0-9]|[-_](?=[A-Za-z0-9])){3,30}"
_GROUP = re.compile(rf"(?i:\bgroup(?:\s+(?:number|no\.?|id|#))?\s*[:#]?\s*)(?<!age group )({_CODE})\b")
_INSURANCE = re.compile(
    r"(?i:\b(?:member|subscriber|insur\w*|health\s+plan|policy|payer|medicaid|medicare|claim))"
)
_SERIAL = re.compile(
    r"(?i:\b(?:serial(?:\s+(?:number|no\.?|#))?|seriennummer|serien-?nr\.?|serienummer|"
    r"(?:num[ée]ro|n[°º]|n\.|nr\.?)\s+(?:de\s+|di\s+)?s[ée]rie)\s*[:#]?\s*)"
    r"([A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){5,24})\b"
)
"""A serial number after its label, in English and the languages of implant cards."""
_HIBCC = re.compile(r"(?<![\w+])\+[A-Z]\d{3}[A-Z0-9]{1,18}/\$\$?[0-9A-Z+]{3,30}")
_VOICEPRINT = re.compile(
    rf"(?i:\b(?:voice\s*print|voice\s+sample|speaker\s+template|faceprint|face\s+template|palm\s*print)"
    rf"(?:\s+(?:id|template|#|no\.?))?\s*[:#]?\s*)({_CODE})\b"
)
_PHOTO = re.compile(
    r"(?i:\b(?:photo(?:graph)?|picture|image|selfie|headshot|portrait|mugshot)s?(?:\s+(?:id|file|#|no\.?))?"
    r"(?:\s+(?:taken|saved|stored|filed|captured|on\s+file)(?:\s+(?:as|to|in))?)?\s*[:#]?\s*)"
    r"([\w-]{1,60}\.(?i:jpe?g|png|heic|heif|gif|tiff?|bmp|webp|dcm)\b|[A-Z]{2,8}[-_]\d{4,12}(?:[-_][A-Z0-9]{1,8})?\b)"
)
_NOT_PERSONAL = re.compile(
    r"(?i:\b(?:product|stock|cover|banner|hero|catalog(?:ue)?|menu|logo|item)\W{1,3}\w*\s*)$"
)
_SHARED_LINK = re.compile(
    r"(?i:\b(?:(?:shared|sent|posted|forwarded|emailed|texted)\s+(?:me\s+|us\s+)?(?:the|a|this|her|his|my)?\s*link\s+|"
    # `uploaded her wound photos to https://...`: a person's own page
    r"(?:uploaded|posted)\s+(?:his|her|their|my)\s+(?:\w+\s+){0,2}(?:photos?|pictures?|images?|files?)\s+(?:to|at|on)\s+))"
    r"(https?://[^\s<>\"')]+[^\s<>\"').,;:!?])"
)


def _codes(text: str, low: str) -> list[Span]:
    found: list[Span] = []
    if "group" in low and _INSURANCE.search(text):
        for m in _GROUP.finditer(text):
            if any(c.isdigit() for c in m.group(1)):
                found.append(Span("health_plan_number", m.start(1), m.end(1), 0.7))
    if "seri" in low or "séri" in low:  # serial, Seriennummer, numéro de série, numero di serie
        for m in _SERIAL.finditer(text):
            code = m.group(1)
            if any(c.isdigit() for c in code):
                found.append(Span("device_identifier", m.start(1), m.end(1), 0.75))
    if "+" in text and "/$" in text:
        found += [Span("device_identifier", m.start(), m.end(), 0.85) for m in _HIBCC.finditer(text)]
    if "print" in low or "voice" in low or "template" in low:
        for m in _VOICEPRINT.finditer(text):
            if any(c.isdigit() for c in m.group(1)):
                found.append(Span("biometric_identifier", m.start(1), m.end(1), 0.75))
    if (
        "photo" in low
        or "picture" in low
        or "image" in low
        or "selfie" in low
        or "portrait" in low
        or "shot" in low
    ):
        for m in _PHOTO.finditer(text):
            # a person's photo: weak (a text about a person), and no product's or stock image
            if _NOT_PERSONAL.search(text, max(0, m.start() - 20), m.start()) is None:
                found.append(Span("full_face_photo", m.start(1), m.end(1), 0.7, weak=True))
    if ("link" in low or "load" in low or "post" in low) and "http" in low:
        found += [  # (a person's own photos uploaded to it: theirs, strong)
            Span("url", m.start(1), m.end(1), 0.7, weak="link" in m.group(0).lower())
            for m in _SHARED_LINK.finditer(text)
        ]
    return found


_EXTENSION = re.compile(
    r"(?<![\w+()-])(?:(?:\(?\d{3}\)?[-. ]?)?\d{3}[-. ]\d{4}|\d{10})"
    r"[ \t]{0,2}(?i:ext\.?|x)[ \t]{0,2}\d{1,5}(?!\w)"
)
"""A local number and its extension (`576-5555 ext. 671`): the extension makes it a phone."""


_OPENING_NUMBER = re.compile(
    r"[ \t]*((?:[A-Z]{1,3}-?)?\d(?:[ -]?\d){5,11}|[A-Z]{2,3}\d{5,10})[ \t]*\n[ \t]*([^\n]{4,80})"
)
"""A record's number alone on its first line (`5512034`, `88-1203345`, `402 118 907`, `QX550192`)."""


_HEAD_STREET = re.compile(
    rf"[ \t]*(\d{{1,6}}[ \t][{UPPER}][{LOWER}]+(?:[ \t][{UPPER}][{LOWER}]+){{1,3}}"
    r"(?:[ \t](?:Apt\.|Suite|Unit|Ste\.?)[ \t]\w{1,6})?)[ \t]*(?:\n|\Z)"
)
"""A street line (`1420 Quarry Bend`, `77 Orchard Rise Apt. 4`) under a letterhead's facility."""


def _opening_number(text: str) -> list[Span]:
    """A letterhead's identifiers.

    The number a hospital's record opens with, when the line under it names the hospital; the
    street under a letterhead's facility name in the record's first lines.
    """
    found: list[Span] = []
    m = _OPENING_NUMBER.match(text)
    if m is not None and facility_line(m.group(2)):
        found.append(Span("medical_record_number", m.start(1), m.end(1), 0.8))
    start = 0
    for _ in range(4):  # a letterhead: the record's first lines
        end = text.find("\n", start, start + 120)
        if end == -1:
            break
        if facility_line(text[start:end]):
            street = _HEAD_STREET.match(text, end + 1)
            if street is not None:
                found.append(Span("address", street.start(1), street.end(1), 0.75, weak=True))
            break
        start = end + 1
    return found


_RX_LINE = re.compile(
    r"(?m:^)[ \t]*#[ \t]?((?:RX|Rx)?\d{6,10}|RX[A-Z]?\d{5,10})[ \t]{1,3}(?=[^\n]{0,60}?\d[ \t]?"
    r"(?i:mg|mcg|g|ml|units?|tabs?|tablets?|caps?|puffs?|drops?)\b)"
)
"""A pharmacy label's prescription number opening a line before its drug and dose
(`#5523901  lisinopril 10 mg daily`, `#RX550193  metformin 500 mg BID`)."""
_SLASH_CODE = re.compile(r"(?:[A-Z]{1,3}-?)?\d(?:[ -]?\d){4,13}|[A-Z]{1,3}\d{5,12}")
_SLASH_DATE = re.compile(
    rf"\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}[ -]{_MONTHS}\w*[ -,]+\d{{4}}|"
    rf"{_MONTHS}\w*\.?[ ]\d{{1,2}},?[ ]\d{{4}}"
    r"|\d{1,2}-[A-Z]{3}-\d{4}"
)


def _slash_records(text: str) -> list[Span]:
    """A record written on one line in fields between ` / `.

    `Specimen label: Lindqvist, Maja / 03/14/1977 / 55-0192837 / 4401928374`: with a `Last, First`
    name and a date among its fields, its codes are the person's identifiers (and the name theirs).
    """
    found: list[Span] = []
    at = text.find(" / ")
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        fields: list[tuple[int, int]] = []
        pos = line
        for part in text[line:end].split(" / "):
            lead = len(part) - len(part.lstrip())
            fields.append((pos + lead, pos + len(part.rstrip())))
            pos += len(part) + 3
        values = [text[a:b] for a, b in fields]
        if len(fields) >= 3 and any(_SLASH_DATE.fullmatch(v) for v in values):
            named = None
            for a, b in fields:
                head = text.rfind(":", a, b) + 1 or a  # `Specimen label: Lindqvist, Maja`
                while head < b and text[head] in " \t":
                    head += 1
                comma = _comma_name(text, head)
                if comma is not None and comma == b:
                    named = (head, b)
                    break
            if named is not None:
                found.append(Span("name", named[0], named[1], 0.8))
                found += [
                    Span("other_unique_identifier", a, b, 0.8)
                    for (a, b), v in zip(fields, values, strict=True)
                    if _SLASH_CODE.fullmatch(v)
                    and sum(c.isdigit() for c in v) >= 5
                    and not _SLASH_DATE.fullmatch(v)
                ]
        at = text.find(" / ", end)
    return found


_REMINDED = re.compile(rf"(?:^|(?<=:)[ \t]{{1,2}}|(?<=\n))([{UPPER}][{LOWER}]{{1,20}}),[ \t]+(?:you|your)\b")
"""A first name spoken to at a message's start (`Appointment reminder: Marcus, you are scheduled`)."""


def _reminded(text: str) -> list[Span]:
    first = census()[0]
    return [
        Span("name", m.start(1), m.end(1), 0.75)
        for m in _REMINDED.finditer(text)
        if m.group(1).lower() in first and m.group(1).lower() not in _STOP
    ]


_LABEL_HEAD = re.compile(r"(?m:^)[ \t]*[A-Za-z][^\n:]{1,40}:[ \t]{1,2}(?=[A-Z\u00c0-\u00de])")
"""A line's label (`Late checkout: `): a `Last, First` name may follow it."""


def _labelled_comma_names(text: str) -> list[Span]:
    """`Last, First` right after a line's label, ending the clause (`Late checkout: Okwuosa, Ilse.`).

    No place (`Location: Boston, Massachusetts`).
    """
    found: list[Span] = []
    known = known_places()
    for m in _LABEL_HEAD.finditer(text):
        end = _comma_name(text, m.end())
        if end is None or not (end == len(text) or text[end] in ".;\n("):
            continue
        words = [w.strip(" ,").lower() for w in text[m.end() : end].split(",")]
        if any(w in known for w in words):
            continue
        found.append(Span("name", m.end(), end, 0.75))
    return found


def notes(text: str, record: bool) -> list[Span]:
    """probe5's classes in `text` (see the module's docstring); `record`: the text is a patient record."""
    low = folded(text)
    spans = _cued_names(text) + _dates(text, low, record) + _places(text, low) + _codes(text, low)
    if text[:1].isalnum() or text[:1] in " \t":
        spans += _opening_number(text)
    if "#" in text and "\n" in text:
        spans += [Span("other_unique_identifier", m.start(1), m.end(1), 0.8) for m in _RX_LINE.finditer(text)]
    if " / " in text:
        spans += _slash_records(text)
    if ", you" in text:
        spans += _reminded(text)
    if ": " in text and ", " in text:
        spans += _labelled_comma_names(text)
    if "x" in low and digit_runs(text)[1] >= 3 and _EXTENSION_GATE.search(text) is not None:
        spans += [Span("phone", m.start(), m.end(), 0.7, weak=True) for m in _EXTENSION.finditer(text)]
    if ", " in text and (")" in text or "]" in text or "#" in text) and digit_runs(text)[0] >= 6:
        spans += _numbers_after_names(text, record)
    if (")" in text or "@" in text) and "\x0a" in digit_shape(text):  # (a run of exactly ten digits)
        # a bare ten-digit number after a relative in brackets or as an e-mail's alternative
        spans += [
            Span("phone", m.start(1), m.end(1), 0.8)
            for m in _BARE_PHONE_AFTER.finditer(text)
            if not toll_free(m.group(1))
        ]
    if any(label in text for label in _BED_GATE):
        spans += _beds(text)
    if "MR" in text or "hart" in text or "HART" in text:
        # weak: in a text about no one, `MR: 45213` is as likely a merge request, and a
        # pager a department's (`page neurology at pager 55123`)
        spans += [
            Span("medical_record_number", m.start(1), m.end(1), 0.8, weak=True)
            for m in _CHART_NUMBER.finditer(text)
        ]
    if "y" in low and _AGE_Y_GATE.search(text) is not None:
        # `(100y, female)`, `101 yo`: an age over 89 in a note's shorthand (weak: a person in the text)
        spans += [Span("age_over_89", m.start(1), m.end(1), 0.7, weak=True) for m in _AGE_Y.finditer(text)]
    if "versicher" in low or "tessera" in low or "assur" in low:
        spans += [Span("health_plan_number", m.start(1), m.end(1), 0.8) for m in _INSURED.finditer(text)]
    if "pager" in low or "beeper" in low or "pgr" in low:
        spans += [Span("phone", m.start(1), m.end(1), 0.75, weak=True) for m in _PAGER.finditer(text)]
    if ("|" in text or "  " in text or "\t" in text) and any(w in low for w in _HEADER_GATE):
        spans += _header_names(text)
    return spans


_NAME_THEN_NUMBER = re.compile(
    rf"(?<![\w'\u2019-])(?:[{LOWER}]{{1,3}}[ ]){{0,2}}[{UPPER}][{_L}'\u2019-]{{1,30}}"
    rf"(?:[ ][{UPPER}][{_L}'\u2019-]{{1,30}})?,"
    rf"[ ][{UPPER}][{_L}'\u2019-]{{1,30}}(?:[ ][{UPPER}][{_L}'\u2019-]{{1,30}})?(?:[ ][{UPPER}]\.?)?"
    r"[ ]{1,2}(?:\(|\[|\#[ ]?)(\d{6,10}|\d{2,4}(?:-\d{2,4}){1,3}|[A-Z]{1,3}-?\d{5,9})(?:\)|\]|(?![\w-]))"
)
"""A person written surname first and their number in brackets or after `#` (`Okafor, Ngozi B (00412873)`,
`de la Vega, Ana [512-77-03]`, `ROE, JAN #4417720`): a record's number (the name is the names' rule's)."""
_NOT_A_RECORD_NUMBER = re.compile(
    r"(?:19|20)\d\d-(?:19|20)\d\d|\d{1,2}-\d{1,2}-(?:\d\d)?\d\d|(?:19|20)\d\d-\d{1,2}-\d{1,2}|\d{3}-\d{4}"
)
"""A span of years (`1931-2019`), a date (`04-11-2021`) or a local phone number (`555-0134`) in brackets."""


def _numbers_after_names(text: str, record: bool) -> list[Span]:
    found = []
    _, first_names, _ = census()
    words = english()
    for m in _NAME_THEN_NUMBER.finditer(text):
        code = m.group(1)
        digits = sum(c.isdigit() for c in code)
        if digits < 6 or ("-" in code and _NOT_A_RECORD_NUMBER.fullmatch(code)):
            continue
        given = text[m.start() : m.start(1)].split(",", 1)[1].split()[0].lower()
        if given in words and given not in first_names:
            continue  # `Pharmacy, Order #4412093`: a department and an order, no person
        kind = "medical_record_number" if record else "other_unique_identifier"
        found.append(Span(kind, m.start(1), m.end(1), 0.8))
    return found


_BARE_PHONE_AFTER = re.compile(
    r"(?:\((?i:son|daughter|wife|husband|spouse|partner|mother|father|mom|mum|dad|sister|brother|niece|nephew|"
    r"aunt|uncle|grand(?:son|daughter|mother|father)|friend|neighbou?r|guardian|caregiver|hcp|poa|"
    r"health\s+care\s+proxy|emergency\s+contact)\)[^\S\n]{1,3}(?:[:-][^\S\n]{0,2})?|"
    r"[\w.+-]@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}[^\S\n]+(?:or|/)[^\S\n]+(?:at[^\S\n]+)?)"
    r"([2-9]\d{2}[2-9]\d{6})(?!\d)"
)
"""A ten-digit number written bare after a relative in brackets (`Contact: Ana Ruiz (daughter) 6175550148`)
or as the other way to reach the writer of an e-mail address (`reach me at a@b.org or 6175550148`)."""

_BED_GATE = ("Bed", "Room", "Rm", "BED", "ROOM", "RM", " rm ")
_AGE_Y_GATE = re.compile(r"[91](?<![\w.,][91])(?:(?<=9)\d|(?<=1)[01]\d)[ \t]?y")
r"""A gate: `(?<![\w.,])(?:9\d|1[01]\d)[ \t]?y` led by its first character's class (the same matches)."""
_AGE_Y = re.compile(r"(?<![\w.,])(9\d|1[01]\d)[ \t]?(?:y|yo|y/o|yrs?)(?![\w/])")
"""An age over 89 written `100y`, `95 yo`, `101 yrs` (`y.o.` and `years old` are `_phi_shapes`')."""
_INSURED = re.compile(
    r"(?i:\b(?:versicherten-?(?:nr\.?|nummer)|versicherungsnummer|krankenversicherungsnummer|"
    r"tessera\s+sanitaria(?:\s+(?:n\.|nr\.?|numero|no\.?))?|"
    r"(?:num[ée]ro|n[°º])\s+d[\u2019']assur[ée](?:\s+social)?)\s*[:#]?\s*)"
    r"([A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){5,24})\b"
)
"""A health-insurance number after its label in German, Italian and French."""
_EXTENSION_GATE = re.compile(r"[xX](?:(?<=[eE][xX])[tT]\.?[ \t]{0,2}\d|[ \t]{0,2}\d)")
r"""A gate: an extension mark before a digit (most texts hold an `x`): `(?i:ext\.?|x)[ \t]{0,2}\d` led by
its `x` (found wherever that is found)."""
_HEADER_GATE = ("mrn", "dob", "d.o.b", "old", "y.o", "yo ", "med rec", "medical rec")
_CHART_NUMBER = re.compile(
    r"(?<![\w-])(?:MR[ \t]{0,2}[:#][ \t]{0,3}"
    r"|(?:chart|Chart|CHART)(?:[ \t]{0,2}[:#][ \t]{0,3}|[ \t]?(?:no\.?|number|#)[ \t]{0,3}|(?=\d)))"
    r"((?:[A-Z]{1,2}-?)?\d(?:[ -]?\d){4,13})(?![\w-])"
)
"""A record number after `MR:` (a chart's own label; `MR: moderate` has no digits) or
`chart` (also glued: `chart85-725835`)."""
_PAGER = re.compile(
    r"(?i:\b(?:pager|beeper|pgr)\.?)(?:[ \t]{0,2}(?:#|no\.?|number|:)[ \t]{0,3}|[ \t]{0,2})"
    r"(\d{3}[-. ]\d{4}|\d{4,7})(?![\w-])"
)
"""A pager number after its word (`pager 772-9323`, `pager35206`, `pgr #12345`)."""
_HEADER_NAME = re.compile(
    r"(?:^|(?<=\|))[ \t]*([A-Z][A-Z'\u2019-]+(?:[ \t][A-Z][A-Z'\u2019-]+)?,"
    r"[ \t]?[A-Z][A-Z'\u2019-]+(?:[ \t][A-Z]\.?)?)"
    r"[ \t]*(?=\||[ \t]{2}|\t|$)",
    re.MULTILINE,
)
"""`LAST, FIRST [M]` as a cell of a record's header line (between pipes, or at the line's
start before a column gap): `|VELASCO, ALONSO|MRN…`, `BAKER, FAITH   97 years old   MRN …`."""
_HEADER_LINE = re.compile(
    r"(?i:\bMRN|\bDOB\b|\bD\.O\.B|years?[ \t-]old|\by\.?o\.?(?!\w)|\bmed(?:ical)?\s+rec)"
)


def _header_names(text: str) -> list[Span]:
    found: list[Span] = []
    for m in _HEADER_NAME.finditer(text):
        if _HEADER_LINE.search(_line_of(text, m.start(), m.end())) is None:
            continue  # a header line of a patient record only (a table of contents has caps too)
        _, first, surnames = census()
        words = [w.lower() for w in re.split(r"[ \t,]+", m.group(1)) if len(w) > 2]
        if any(w in english() and w not in first and w not in surnames for w in words):
            continue  # `SERVICE, CARDIOLOGY`: words, not a name
        found.append(Span("name", m.start(1), m.end(1), 0.8))
    return found
