r"""Identifiers said in words, as a call or a dictation transcript writes them.

- a number read digit by digit (`five five five, one two three four`, `oh` for zero,
  `double seven`, `triple two`): an identifier by itself when it is long (nine digits or
  more, not a count `one, two, three, four ...`), or from four digits after a cue in the
  sentence or the turn before it (`callback number`, `social`, `member ID`, `card`, `zip`);
  the cue names its category;
- an e-mail address said aloud (`jdoe at gmail dot com`, `mary dot lee at outlook dot com`):
  a mail provider's domain, or any domain after an e-mail cue;
- a date said as numbers (`eleven seven nineteen forty-five`: month, day, year in words;
  `two one two thousand`): strong after a date cue (`date of birth`, `born`, `appointment`),
  weak (a person's only in a text about one) otherwise;
- a name spelled letter by letter (`J-O-H-N`, `j o h n`, `C as in cat, A, T, H, Y`) after
  a spelling or name cue (`can you spell`, `last name`);
- a name, in any case, that is the whole answer to the turn before asking for one (`And
  the name on the card?\nCaller: dawn reyes`).

Counting in words (`five tips`, `one to two tablets`, `twenty-four hours`, `one, two,
three, go`) is no identifier: a short run needs its cue, a long one is no count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from global_orchestrator.policies._phi_lexicon import census, english
from global_orchestrator.policies._phi_messages import name_ok
from global_orchestrator.policies._phi_spans import (
    Span,
    scan_words,
    split_alternatives,
    word_keys,
    word_positions,
)

_DIGIT_VALUE = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_ONE = rf"(?:(?:double|triple)[^\S\n]+)?{_DIGIT}"
_SEP = r"(?:[^\S\n]*[,\-][^\S\n]*|[^\S\n]+)"
_DIGIT_RUN = re.compile(rf"(?i:\b(?:{_ONE})(?:{_SEP}{_ONE}\b){{2,}})(?!-\w)")
"""Three or more digit words in a row (a repeat word counts its digits)."""
_DIGIT_KEYS = word_keys([*split_alternatives(_DIGIT[3:-1]), "double", "triple"])
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD = re.compile(r"[a-z]+")

_THREE_WORDS = 36
"""The most characters from the first of three digit words in a run to the third (`triple
seven, double eight` is 24)."""
_LONG = 9
"""Digits that make a run an identifier with no cue (an SSN has nine, a phone number ten)."""
_CUED = 4
"""Digits that make a run an identifier after a cue (a ZIP code has five, a last-four four)."""
_CUE_REACH = 120
"""How far before a run its cue may be (the question of the turn before: `What's your
member ID on the insurance card?\\nCaller: three oh one ...`)."""

# the nearest cue before a run names it; (category, words) in no particular order
_CUES = re.compile(
    r"(?i:\b(?:(?P<ssn>social(?:\s+security)?|ssn|ss\s+number)|"
    r"(?P<card>(?:credit|debit|bank)\s+card|card\s+(?:number|no)|card|account|acct|routing|iban|"
    r"billing|invoice)|"
    r"(?P<plan>member(?:ship)?(?:\s+(?:id|number|no))?|subscriber|policy|insurance|medicaid|medicare|"
    r"group\s+number|plan\s+(?:id|number))|"
    r"(?P<mrn>prescription|rx|refill|record|mrn|chart|patient\s+(?:id|number)|case|claim|confirmation|"
    r"reference|order|ticket|license|licence|badge|employee\s+(?:id|number)|id)|"
    r"(?P<zip>zip(?:\s+code)?|postal\s+code|postcode)|"
    r"(?P<phone>phone|telephone|cell|mobile|callback|call\s+(?:me|us|back)|reach\s+(?:me|you)|"
    r"number|fax|extension|ext|pager|text\s+me))\b)"
)
_CUE_KEYS = word_keys(
    [
        "social",
        "ssn",
        r"ss\s",
        "credit",
        "debit",
        "bank",
        "card",
        "account",
        "acct",
        "routing",
        "iban",
        "billing",
        "invoice",
        "member",
        "subscriber",
        "policy",
        "insurance",
        "medicaid",
        "medicare",
        "group",
        "plan",
        "prescription",
        r"rx\b",
        "refill",
        "record",
        "mrn",
        "chart",
        "patient",
        "case",
        "claim",
        "confirmation",
        "reference",
        "order",
        "ticket",
        "license",
        "licence",
        "badge",
        "employee",
        r"id\b",
        "zip",
        "postal",
        "postcode",
        "phone",
        "telephone",
        "cell",
        "mobile",
        "callback",
        "call",
        "reach",
        "number",
        "fax",
        r"ext\b",
        "extension",
        "pager",
        "text",
    ]
)
_CATEGORY = {
    "ssn": "ssn",
    "card": "account_number",
    "plan": "health_plan_number",
    "mrn": "medical_record_number",
    "zip": "address",
    "phone": "phone",
}
_NOT_AN_ID_AFTER = re.compile(
    r"[^\S\n]*(?i:times|days?|weeks?|months?|years?|hours?|minutes?|mins?|seconds?|percent|tablets?|"
    r"pills?|steps?|tips|ways|things|people|of\s+(?:us|them|you))\b"
)
"""What a count names (`two three four times`): no identifier after it."""


def _digits(run: str) -> list[int]:
    """The digits a run of digit words says (`double seven` is two sevens)."""
    out: list[int] = []
    repeat = 1
    for word in _WORD.findall(run.lower()):
        if word == "double":
            repeat = 2
        elif word == "triple":
            repeat = 3
        else:
            out += [_DIGIT_VALUE[word]] * repeat
            repeat = 1
    return out


def _counting(digits: list[int]) -> bool:
    """`one, two, three, four`: each digit one up (or down) from the last, a count."""
    steps = {b - a for a, b in pairwise(digits)}
    return steps in ({1}, {-1})


def _cue_before(text: str, cues: list[int] | None, start: int) -> str | None:
    """The category the nearest cue within `_CUE_REACH` before `start` names, if any.

    `cues`: the offsets of the words that may start one (`word_positions`), None to search.
    """
    lo = max(0, start - _CUE_REACH)
    if cues is None:
        last = None
        for m in _CUES.finditer(text, lo, start):
            last = m
    else:
        last = None
        for q in cues[bisect_left(cues, lo) : bisect_left(cues, start)][::-1]:
            last = _CUES.match(text, q, start)
            if last is not None:
                break
    if last is None:
        return None
    return _CATEGORY[next(k for k, v in last.groupdict().items() if v)]


def digit_runs(text: str) -> list[Span]:
    """Numbers read digit by digit: long ones alone, shorter ones after a cue."""
    found: list[Span] = []
    starts = word_positions(text, _DIGIT_KEYS)
    if starts is not None and not any(b - a < _THREE_WORDS for a, b in zip(starts, starts[2:], strict=False)):
        return found  # a gate: no three words with a digit word's key close together
    cues: list[int] | None = []
    for m in scan_words(_DIGIT_RUN, text, _DIGIT_KEYS):
        digits = _digits(m.group())
        n = len(digits)
        if n < _CUED or _counting(digits) or _NOT_AN_ID_AFTER.match(text, m.end()):
            continue
        words = _WORD.findall(m.group().lower())
        if sum(w in _DIGIT_WORDS for w in words) < 3:
            continue  # `oh, oh, oh two`: interjections
        if cues == []:
            cues = word_positions(text, _CUE_KEYS)
        category = _cue_before(text, cues, m.start())
        if category is None:
            if n < _LONG:
                continue
            groups = [len(_digits(g)) for g in re.split(r"[,-]", m.group())]
            category = "phone" if groups == [3, 3, 4] else "ssn" if groups == [3, 2, 4] else "account_number"
        elif category == "phone" and n not in (7, 10, 11) and n < _LONG:
            category = "other_unique_identifier"  # `number` cues a short code too
        elif category == "address" and n not in (5, 9):
            continue  # a ZIP code has five digits (or nine)
        found.append(Span(category, m.start(), m.end(), 0.85))
    return found


_MAIL_PROVIDERS = (
    "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|comcast|verizon|att|"
    "sbcglobal|bellsouth|charter|cox|earthlink|protonmail|proton|gmx|mail|zoho|yandex|fastmail|hey"
)
_TLD = r"(?:com|net|org|edu|gov|us|co|io|uk|ca|info|biz|me|mail)"
_SPOKEN_EMAIL = re.compile(
    r"(?i:(?<![\w.@-])(?P<local>[a-z0-9][a-z0-9_.+-]*(?:[^\S\n]+(?:dot|underscore|dash)[^\S\n]+[a-z0-9_-]+){0,3})"
    r"[^\S\n]+at[^\S\n]+(?P<host>[a-z0-9-]+)(?:[^\S\n]+dot[^\S\n]+[a-z0-9-]+){0,3}?[^\S\n]+dot[^\S\n]+"
    rf"{_TLD}\b)"
)
_HOSTS = frozenset(_MAIL_PROVIDERS.split("|"))
_EMAIL_CUE = re.compile(r"(?i:e-?mail|email\s+address|mail\s+(?:me|it|them))")
_NOT_LOCAL = frozenset(
    {"me", "us", "you", "him", "her", "them", "it", "we", "look", "is", "was", "email", "mail"}
)


def spoken_emails(text: str) -> list[Span]:
    """E-mail addresses said aloud (`jdoe at gmail dot com`)."""
    if " dot " not in text and " DOT " not in text and " Dot " not in text:
        return []  # a gate: every spoken address says `dot` (in one case: `at` may differ)
    found = []
    for m in _SPOKEN_EMAIL.finditer(text):
        local = m.group("local").lower()
        if local.split()[0] in _NOT_LOCAL:
            continue
        if m.group("host").lower() not in _HOSTS and not _EMAIL_CUE.search(
            text, max(0, m.start() - _CUE_REACH), m.start()
        ):
            continue
        found.append(Span("email", m.start(), m.end(), 0.85))
    return found


_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_MONTH_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DAY_NUMBER = (
    r"(?:(?:twenty|thirty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|twenty|thirty|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|"
    r"seven|eight|nine)"
)
_YEAR_NUMBER = (
    rf"(?:nineteen[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:{_UNITS}))?|"
    rf"oh[- ](?:{_UNITS})|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
    rf"twenty[- ](?:oh[- ](?:{_UNITS})|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|twenty(?:[- ](?:{_UNITS}))?)|"
    rf"two[- ]thousand(?:[- ](?:and[- ])?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|twenty(?:[- ](?:{_UNITS}))?|{_UNITS}))?)"
)
_NUMBER_DATE = re.compile(
    rf"(?i:\b{_MONTH_NUMBER}[,/]?[^\S\n]+{_DAY_NUMBER}[,/]?[^\S\n]+{_YEAR_NUMBER})\b"
    rf"(?![- ](?:{_UNITS}|hundred))"
    r"(?![^\S\n]+(?i:dollars|bucks|steps|people|units|mg|milligrams|miles|calories|times|hours|minutes|"
    r"years|days|members|patients|stores|items|words)\b)"
)
"""Month, day and year in number words (`eleven seven nineteen forty-five`), not a count of something."""
_YEAR_KEYS = word_keys(["nineteen", "twenty", "thousand"])
_MONTH_KEYS = word_keys(split_alternatives(_MONTH_NUMBER[3:-1]))
_SPOKEN_DATE_CUE = re.compile(
    r"(?i:\b(?:date\s+of\s+birth|dob|birth\s*day|birth\s*date|born|appointment|appt|seen|saw\s+you|"
    r"visit|admitted|discharged|surgery|since|on)\b)"
)


def number_dates(text: str) -> list[Span]:
    """Dates said as three numbers (`four eight twenty twenty-four`)."""
    if word_positions(text, _YEAR_KEYS) == []:
        return []  # a gate: the year of each holds one of these words
    found = []
    for m in scan_words(_NUMBER_DATE, text, _MONTH_KEYS):
        cued = _SPOKEN_DATE_CUE.search(text, max(0, m.start() - _CUE_REACH), m.start()) is not None
        found.append(Span("date", m.start(), m.end(), 0.85 if cued else 0.7, weak=not cued))
    return found


_LETTER = r"(?:[A-Za-z](?:[^\S\n]+as[^\S\n]+in[^\S\n]+[A-Za-z]+\b)?)"
_SPELLED = re.compile(rf"(?<![\w'\u2019]){_LETTER}(?:(?:-|,?[^\S\n]+|,){_LETTER}\b(?![.'\u2019]\w))+")
"""Two letters or more said one by one (`J-O-H-N`, `j o h n`, `C as in cat, A, T`): a name
spelled has three, or two when one is told apart by a word (`H as in apple, O`)."""
_SPELL_CUE = re.compile(
    r"(?i:\b(?:spell(?:ed|ing|s)?|surname|"
    r"(?:(?<=first\s)|(?<=last\s)|(?<=middle\s)|(?<=maiden\s)|(?<=family\s)|(?<=given\s)|(?<=full\s))name|"
    r"name\s+is|name's)\b)"
)
"""A spelling's cue (`spell`, `last name`, `my name is`): each starts with `spell`, `surname` or `name`."""
_SPELL_KEYS = word_keys(["spell", "surname", "name"])
_SPELL_REACH = 80
"""How far after its cue a spelling may start (`Can you spell your last name?\nCaller: Sure, it's ...`)."""
_SPELLING_MAX = 160
"""How long a spelling may run past that reach (`C as in boy, H, R, I, S, T, O, P, H, E, R`)."""
_AS_IN = re.compile(r"(?i:\bas\s+in\s+[a-z]+)")


def spelled_names(text: str) -> list[Span]:
    """A name spelled letter by letter within `_SPELL_REACH` after a spelling or name cue.

    Searched only in those windows (and the spelling's own length past them: bounded), so
    the scan is linear in the text.
    """
    found: list[Span] = []
    end = 0
    for cue in scan_words(_SPELL_CUE, text, _SPELL_KEYS):
        reach = cue.end() + _SPELL_REACH
        for m in _SPELLED.finditer(text, max(cue.end(), end), min(len(text), reach + _SPELLING_MAX)):
            if m.start() >= reach:
                break
            end = m.end()
            letters = sum(c.isalpha() for c in _AS_IN.sub("", m.group()))
            if letters >= 3 or (letters == 2 and _AS_IN.search(m.group())):  # `H as in apple, O`
                found.append(Span("name", m.start(), m.end(), 0.8))
    return found


_ANY_KEYS = tuple(dict.fromkeys((*_DIGIT_KEYS, *_YEAR_KEYS, *_SPELL_KEYS)))
"""What a spoken number, date or spelling starts with (a gate for them all)."""


def spoken(text: str) -> list[Span]:
    """Every identifier said in words (see the module docstring).

    `spoken_emails`, `digit_runs`, `number_dates`, `spelled_names` and `answered_names`.
    """
    found = spoken_emails(text) + answered_names(text) + answered_addresses(text)
    if word_positions(text, _ANY_KEYS) == []:
        return found  # a gate: no digit word, year word or spelling cue
    return found + digit_runs(text) + number_dates(text) + spelled_names(text)


_NAME_ANSWER = re.compile(
    # a turn that asks for a name (`And the name on the card?`, `what's your last name`, `name please`),
    # or for the other half of it (`and first?`) ...
    r"(?i:\bname(?![^\S\n]+of\b)(?:[^\n?]{0,40}\?|[^\S\n]+please[.?]?|[.]?(?=[^\S\n]*\n))"
    r"|\band[^\S\n]+(?:the[^\S\n]+)?(?:first|last|given|family|sur)(?:[^\S\n]*name)?\??)[^\S\n]*\n"
    r"[^\S\n]*(?:\[[\d:]+\][^\S\n]*)?[A-Za-z][A-Za-z0-9 .]{0,24}:[^\S\n]*"  # ... the next turn's speaker
    r"(?i:(?:it'?s|it[^\S\n]+is|sure|yes|yeah|yep|uh|um|that'?s)[,.]?[^\S\n]+){0,3}"
    r"([^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,2})(?=[^\S\n]*(?:[.,]|\n|\Z))"  # ... and the name, the whole answer
)
"""A name given as the answer to a name question (`And the name on the card?\\nCaller: dawn gilbert`,
`what's your last name\\nB: Morton. M-O-R-T-O-N`, `and first\\nB: Vincent`). One word alone answers
for a first or a last name only, and is a Census name of that kind or no everyday word."""
_NAME_ANSWER_KEYS = word_keys(["name", "and"])
_HALF_NAME = re.compile(
    r"(?i:\b(?:first|given|last|family|sur)[^\S\n]*name\b|\band[^\S\n]+(?:the[^\S\n]+)?\w+)"
)


def _half_answer(question: str, word: str) -> bool:
    """One word answering a question for a first or a last name: a Census name of that kind, or no word."""
    half = _HALF_NAME.search(question)
    if half is None:
        return False
    common, first, surnames = census()
    english_words = english()
    w = word.lower()
    kind = common | first if re.search(r"(?i:first|given)", half.group(0)) else surnames
    return w in kind or (w not in english_words and w not in _NOT_AN_ANSWER)


_NOT_AN_ANSWER = frozenset(
    ("yes", "no", "yeah", "yep", "nope", "sure", "okay", "ok", "sorry", "what", "hello")
)


_ADDRESS_ANSWER = re.compile(
    r"(?<!mail[ ])(?<!\bip[ ])(?<!web[ ])(?i:\baddress)[^\n?]{0,30}\?[^\S\n]*\n"  # a turn asking for one
    r"[^\S\n]*[A-Za-z][A-Za-z0-9 .]{0,24}:[^\S\n]*"  # ... the next turn's speaker
    r"(\d{1,6}[^\S\n]+[A-Z][a-z]+(?:[^\S\n]+(?:[A-Z][a-z]*\.?|\d{1,5}|#\d{1,5})){1,6})[^\S\n]*(?=\n|\Z)"
)
"""A street address that is the whole answer to a turn asking for one (`street address?\\nCaller: 12 Oak
Lane`): a house number, then capitalised words (a unit number may follow)."""
_ADDRESS_ANSWER_KEYS = word_keys(["address"])


def answered_addresses(text: str) -> list[Span]:
    """A street address answering the turn before it that asks for one."""
    if "?" not in text:
        return []
    return [
        Span("address", m.start(1), m.end(1), 0.75)
        for m in scan_words(_ADDRESS_ANSWER, text, _ADDRESS_ANSWER_KEYS)
    ]


def answered_names(text: str) -> list[Span]:
    """A name, in any case, answering the turn before it that asks for one."""
    if "\n" not in text:
        return []  # a gate: the next turn
    found = []
    for m in scan_words(_NAME_ANSWER, text, _NAME_ANSWER_KEYS):
        words = m.group(1).split()
        if len(words) == 1:
            if _half_answer(text[max(0, m.start() - 20) : m.start(1)], words[0]):
                found.append(Span("name", m.start(1), m.end(1), 0.7))
        elif name_ok(words, single=False):
            found.append(Span("name", m.start(1), m.end(1), 0.7))
    return found
