"""The PHI detector's fast paths find what the plain patterns and checks find.

Capitalised runs and MAC addresses are led by a class of their first character, dates and
ages are matched only at the words they can start with, and a capitalised run's own facts
decide (cached) whether it needs its context at all. Each is compared here with the plain
form on random strings of the characters and words that matter.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from global_orchestrator.policies import (
    _phi_context,
    _phi_dates,
    _phi_health,
    _phi_keyed,
    _phi_lexicon,
    _phi_messages,
    _phi_names,
    _phi_notes,
    _phi_places,
    _phi_shapes,
)
from global_orchestrator.policies._phi_spans import WordGate, match_at, scan_at_words, scan_words

N = _phi_names
PLAIN_RUN = re.compile(
    rf"(?<![\w'\u2019-])(?:{N._TOKEN}|{N._INITIAL})(?:{N._SEP}(?:{N._TOKEN}|{N._INITIAL}|{N._NICK}|{N._PARTICLE})){{0,5}}+"
)
PLAIN_SURNAME_FIRST = re.compile(
    rf"(?<![\w'\u2019-])({N._TOKEN}),[ \t]{{1,3}}({N._TOKEN})(?:[ \t]{{1,3}}{N._INITIAL})?"
)
PLAIN_PLACE_RUN = re.compile(rf"(?<![\w-])({_phi_places._CAP}(?:[\s-]{_phi_places._CAP}){{0,3}})")
PLAIN_WORD_BEFORE = re.compile(rf"(?<![\w'\u2019-])({_phi_context._BARE_WORD})\Z")
PLAIN_MAC = re.compile(r"\b[0-9A-F]{2}(?:([:-])[0-9A-F]{2})(?:\1[0-9A-F]{2}){4}\b", re.IGNORECASE)

NAME_PIECES = [
    *"OMDLVAacionevdlé'\u2019-. \t\n,\"(_1",
    *["Mac", "Mc", "O'", "Van", "Von", "De", "Di", "La", "Le", "D\u2019", "Ann", "ab", " van ", "Dr. "],
]
DATE_PIECES = [
    *["3", "12", "1961", "2024", "'98", "/", "-", ".", " ", ",", "\n", "x", "_", "9", "95", "101", "%"],
    *["March", "may", "May", "MAY", "the", "The", "of", "de", "third", "twenty-first", "Oct.", "\u017fep"],
    *["years old", "yo", "y/o", "aged", "age:", "who", "she's", "he", "He is", "they", "turned", "now"],
    *["ninety-two", "one hundred", "1st", "thirtieth", "nineteen eighty-two", "3/4", "2069-04-07", "\u0130"],
]


def _texts(pieces: list[str], seed: int, n: int = 2500, most: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def _found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("plain", "fast"),
    [
        (PLAIN_RUN, N._RUN),
        (PLAIN_SURNAME_FIRST, N._SURNAME_FIRST),
        (PLAIN_PLACE_RUN, _phi_places._PLACE_RUN),
        (PLAIN_WORD_BEFORE, _phi_context._WORD_BEFORE),
    ],
    ids=["run", "surname-first", "place-run", "word-before"],
)
def test_capital_led_patterns_match_like_the_plain_ones(
    plain: re.Pattern[str], fast: re.Pattern[str]
) -> None:
    texts = [*_texts(NAME_PIECES, 1), "Dr. Mary-Jane O'Neill", "MacDonald, Ann B.", "van der Berg", "DeLuca"]
    for text in texts:
        assert _found(fast.finditer(text)) == _found(plain.finditer(text)), text


def test_hex_led_mac_matches_like_the_plain_one() -> None:
    texts = _texts([*"0aAfF9g:- _.\n", "ab:", "12-", "Cd:", "x", "ab", "9F"], 2, most=30)
    for text in [*texts, "MAC 00:1A:2b:3C:4d:5E", "x00-1A-2B-3C-4D-5E", "00:1A:2B:3C:4D:5E:6F"]:
        assert _found(_phi_shapes._MAC.finditer(text)) == _found(PLAIN_MAC.finditer(text)), text


@pytest.mark.parametrize(
    ("pattern", "keys", "number_starts"),
    [
        (_phi_dates._DATE, _phi_dates._DATE_KEYS, None),
        (_phi_dates._AGE, _phi_dates._AGE_KEYS, _phi_dates._AGE_NUMBER_STARTS),
    ],
    ids=["date", "age"],
)
def test_dates_and_ages_at_their_words_match_like_finditer(
    pattern: re.Pattern[str], keys: tuple[str, ...], number_starts: tuple[str, ...] | None
) -> None:
    texts = [*_texts(DATE_PIECES, 3), "DOB 03/14/1961, seen May 3, the third of July, she is 95"]
    texts += _texts([*DATE_PIECES, "100", "110", "119", "90", "99 ", "1", "0"], 5)
    for text in texts:
        fast = scan_at_words(pattern, text, keys, numbers=True, number_starts=number_starts)
        assert _found(fast) == _found(pattern.finditer(text)), text


def test_health_terms_at_their_prefixed_words_match_like_finditer() -> None:
    """Health terms are tried only at words that start with a term's literal start (`_HEALTH_PREFIXES`)."""
    from global_orchestrator.policies import _phi_health as H
    from global_orchestrator.policies._phi_spans import scan_words

    pieces = [
        *"aZ1 -.'\n\u017f\u212a",
        "diabetes",
        "Diabetic",
        "pre",
        "prescribed",
        "present",
        "MS",
        "Ms",
        "ms",
    ]
    pieces += [
        "er visit",
        "ER",
        "on oxygen",
        "on",
        "is high",
        "ct scan",
        "x-ray",
        "check-up",
        "checkup",
        "SKIN",
    ]
    pieces += [
        "insulin",
        "insurance",
        "heart attack",
        "heart",
        "hiv",
        "\u017ftatins",
        "\u212aidney stones",
        "the",
    ]
    for text in _texts(pieces, 61, n=8000, most=10):
        fast = scan_words(H._HEALTH, text, H._HEALTH_KEYS, H._HEALTH_PREFIXES)
        assert _found(fast) == _found(H._HEALTH.finditer(text)), text


def _plain_judge(
    text: str, words: list[N._Word], near_starts: set[int], near_ends: set[int]
) -> tuple[int, int, float] | None:
    """`_judge` as it read before its run facts were cached (`_cut`): the reference."""
    from global_orchestrator.policies._phi_lexicon import census, places
    from global_orchestrator.policies._phi_spans import ends_with

    if not any(w.kind == "word" for w in words):
        return None
    if (
        len(words) > 2
        and words[0].key not in N._TITLES
        and words[0].text.isalpha()
        and words[1].key in N._TITLES
    ):
        rest = words[1:]
        lead = next((i for i, w in enumerate(rest) if w.key not in N._TITLES), len(rest))
        if lead < len(rest) and any(w.kind == "word" for w in rest):
            words = rest  # "Dear Dr Rautenbach": a title opens the rest
    before = text[max(0, words[0].start - 40) : words[0].start]
    titled = N._titled(before)
    while words and words[0].key in N._TITLES:
        words = words[1:]
        titled = True
    if not words:
        return None
    labelled = titled or N._labelled(before)
    run_text = text[words[0].start : words[-1].end]
    if (
        not titled
        and labelled
        and run_text.lower() in N._SPEAKER_TAGS
        and text.startswith(":", words[-1].end)
    ):
        return None  # "What's your name? User: ...": the speaker's tag
    if not titled and labelled and len(words) == 1 and N._opens_turn(words[0].text):
        return None  # "Patient: No.": the turn's first word
    role = False
    if not labelled:  # "Ante Jukić from Acme Corp. is the keynote speaker": a place only a person takes
        run = text[words[0].start : words[-1].end]
        role = labelled = N._role_run(run) and N._role_after(text, words[-1].end)
    if not labelled and not any(N._namey(w) for w in words):
        return None
    if not titled and (
        any(w.key in N._ORG for w in words)
        or any(w.kind == "word" and N._legal_after(text, w.end) for w in words)
    ):
        return None
    while words and (words[0].kind != "word" or not N._namey(words[0])):
        if (
            labelled
            and words[0].kind == "word"
            and not (words[0].key in N._COMMON or words[0].key in N._TITLES)
        ):
            break
        if (labelled and N._given_before_initial(words)) or N._given_before_name(words):  # "April G. Woods"
            break
        if labelled and words[0].kind == "initial" and len(words) > 1 and words[1].kind == "word":
            break  # "Provider: S. Zorlu"
        words = words[1:]
        labelled = False
    run_end = words[-1].end if words else 0
    while words and (
        words[-1].kind != "word"
        or not N._keep_last(words[-1], labelled, titled)
        or (len(words) > 1 and not N._namey(words[-1]) and "\n" in text[words[-2].end : words[-1].start])
    ):
        if labelled and N._surname_after_given(words):  # "Emergency contact: Eric Lane"
            break
        if (
            N._given_and_word_surname(words)
            and words[-1].end == run_end
            and "\n" not in text[words[-2].end : run_end]
        ):
            break
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    proper = [w for w in words if w.kind == "word"]
    after = text[end : end + 24]
    if titled or labelled:
        return start, end, 0.9 if titled else 0.6 if role else 0.85
    if N._POST_NOMINAL.match(after):
        return start, end, 0.85
    if len(proper) < 2:
        single = proper[0] if proper else None
        namey = (
            single is not None
            and (N._first(single) or N._last(single))
            and not N._everyday(single)
            and not N._possessive(single.text)
        )
        return (start, end, 0.6) if namey and N._CUE_AFTER.match(after) else None
    if " ".join(w.key for w in proper) in places():
        return None
    known_first, known_last = N._first(proper[0]), N._last(proper[-1])
    every = all(N._first(w) or N._last(w) or not N._everyday(w) for w in proper)
    if known_first and known_last:
        return start, end, 0.85
    if N._given_and_word_surname(words) or (
        len(proper) == 2
        and N._given_before_name(words)
        and proper[0].key in census()[0]
        and proper[0].key not in N._NOT_GIVEN
        and N._unknown_surname(proper[-1])
        and "\n" not in text[proper[0].end : proper[1].start]
    ):
        return start, end, 0.7
    if (known_first or known_last or any(N._first(w) or N._last(w) for w in proper)) and every:
        return start, end, 0.7
    if N._cued(text, start, end, near_starts, near_ends):
        return start, end, 0.6
    window = N.before_run(text, start)
    if (
        every
        and not any(w.key in places() for w in proper)
        and not (ends_with(window, N._PLACE_ENDS) and N._PLACE_BEFORE.search(window))
    ):
        return start, end, 0.55
    return None


JUDGE_PIECES = [
    *NAME_PIECES,
    *["Patient: ", "Mr ", "Dr. ", "The ", "Smith", "Clinic", "Maria", "Garcia", "GmbH", " Ltd", ", MD", "'s"],
    *[
        "Springfield",
        "Paris",
        "Zorblax",
        "Quentin",
        "in ",
        "lives in ",
        " was seen",
        " (DOB",
        "Dictated by: ",
    ],
    *["Labs", "Summer", "Jordan", "Will", "Park", " 555-1234", ", 88 "],
    *["\n", "\nAcme Corp", "Brown", "Frank", "Lindholm", " NV", " Growth Acquisition", "Corp.", " (Inc)"],
]


def _plain_splits(text: str, words: list[N._Word], i: int) -> bool:
    """A new run after `words[i]`: a possessive ("Acme Ltd's Maryam"), a new line ("John Smith\nAcme Corp").

    A new line whose text, past the run too, holds an organisation word (`Jane Roe\nBelreca NV`).
    """
    if N._possessive(words[i].text):
        return True
    gap = text[words[i].end : words[i + 1].start]
    if "\n" not in gap:
        return False
    line_start = words[i].end + gap.index("\n") + 1
    line_end = text.find("\n", line_start)
    line_text = text[line_start : line_end if line_end != -1 else len(text)][: N._FIRM_LINE_REACH]
    if any(word.strip(".,;:()").lower() in N._ORG for word in line_text.split()):
        return True
    line = [words[i + 1]]
    for w in words[i + 2 :]:
        if "\n" in text[line[-1].end : w.start]:
            break
        line.append(w)
    return (line[0].kind == "word" and not N._namey(line[0])) or any(w.key in N._ORG for w in line)


def test_names_judge_like_the_plain_judge() -> None:
    """`names` (a run dropped on its cached facts, `_cut`, `_judge`) finds what the plain `_judge` finds."""
    rng = random.Random(6)
    for text in _texts(JUDGE_PIECES, 4, n=6000, most=12):
        near = sorted(
            {(s, s + rng.randint(1, 5)) for s in rng.sample(range(len(text) + 1), min(3, len(text) + 1))}
        )
        expected = []
        for match in N._RUN.finditer(text):
            run = N._run(match.group(0))
            words = [N._Word(piece, match.start() + offset) for piece, offset in run.pieces]
            cuts = [i + 1 for i in range(len(words) - 1) if _plain_splits(text, words, i)]
            for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True):
                part = words[a:b]
                found = _plain_judge(text, part, {s for s, _ in near}, {e for _, e in near}) if part else None
                if found is not None:
                    expected.append(found)
        assert list(N._capitalised(text, {s for s, _ in near}, {e for _, e in near})) == expected, text


PLAIN_UNIT = re.compile(
    r"[^\x00-\x7f]+|%[2-7][0-9A-Fa-f]|(?<=[A-Za-z])\+(?=[A-Za-z])|(?<![A-Za-z])'(?=[A-Za-z])"
)
PLAIN_CAPITALS = re.compile(r"(?<!\[)\b[A-Za-z][a-z]*[A-Z][A-Za-z]*\b")
FOLD_PIECES = [
    *"aAzZmM+'%2F40 _[]-.\n\u00e9\u00c9\u0430\u200b\uff21",
    *["GARCIA", "MaRiA", "TikTok", "DEA", "ABCD", "aB", "[NAME]", "%40", "x+y", "'Maria'", "Gar\u00e7IA"],
]


def test_fold_fast_paths_find_what_the_plain_patterns_find() -> None:
    """The class-led `_UNIT`, the words found from `_ODD_HINT`, and `fold`'s skip of units that stay."""
    from global_orchestrator.policies import _phi_fold as F

    for text in _texts(FOLD_PIECES, 11, n=6000):
        assert [m.span() for m in F._UNIT.finditer(text)] == [m.span() for m in PLAIN_UNIT.finditer(text)]
        hinted = [
            m.group(0) for m in PLAIN_CAPITALS.finditer(text) if re.search("[a-z][A-Z]|[A-Z]{4}", m.group(0))
        ]
        assert list(F._hinted_words(text)) == hinted, text
        folded = F.fold(text)
        units = [m.group(0) for m in PLAIN_UNIT.finditer(text)]
        if folded is None or folded.starts is None:  # no unit changed: the case alone, or nothing
            assert all(F._fold_run(u) == u and u[0] not in "%+'" for u in units), text


KEYWORD_PIECES = [
    *"aBx1_ #:/-.\n\t\u017f",
    *["acct", " acct", "Acct.", "account no", "MRN", "mr#", "ss #", "SSN", "id", "ID", "s/n", "sn", "dl"],
    *[
        "member",
        "plate",
        "tag #",
        "visa",
        "card",
        "bank acct",
        "paid with",
        "xacct",
        "id1",
        "mrx",
        "K",
        "\u212a",
    ],
]


def test_keywords_at_their_words_match_like_finditer() -> None:
    """`_keywords` tries the keyword regex at indexed words only; same matches as on the whole window."""
    K = _phi_keyed
    for text in _texts(KEYWORD_PIECES, 13, n=3000, most=20):
        positions = WordGate(text, K._KEYWORD_KEYS).positions
        for start in range(len(text) + 1):
            lo = max(0, start - 48)
            window = text[lo:start]
            fast = [(m.span(), m.lastgroup) for m in K._keywords(text, window, lo, positions)]
            assert fast == [(m.span(), m.lastgroup) for m in K._KEYWORD.finditer(window)], (text, start)


PLAIN_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']{1,2000}", re.IGNORECASE)
SHAPE_PIECES = [
    *"hHwWtTpPsS:/. a_1+-@\u017f\u00e9x\n",
    *[
        "http://",
        "HTTPS://",
        "www.",
        "WWW.",
        "xwww.",
        "ahttp://",
        "wWw.",
        "jo.doe",
        "@mail.com",
        "@x",
        ".org",
    ],
    *["maria_g+1", "a" * 70, "@@", "-@b.co", "info@shop.com"],
]


def test_url_and_email_fast_paths_match_like_the_plain_scans() -> None:
    """`_URL` led by a class of its first letter; `_EMAIL` tried only where an `@`'s local part starts."""
    S = _phi_shapes
    for text in _texts(SHAPE_PIECES, 17, n=8000, most=12):
        assert [m.span() for m in S._URL.finditer(text)] == [m.span() for m in PLAIN_URL.finditer(text)], text
        fast = [m.span() for m in match_at(S._EMAIL, text, S._email_starts(text))]
        assert fast == [m.span() for m in S._EMAIL.finditer(text)], text


ADDRESS_PIECES = [
    *"12 5aA,.\n\t-P\u00c4\u00e4\u017f",
    *[
        "Main",
        "Street",
        "st",
        "Ave",
        "PO",
        "P.O.",
        " Box ",
        "box",
        "bOx",
        "Apt 4",
        "NY",
        "10115",
        "oak rd",
        "Dr.",
    ],
    *[
        "Hauptstra\u00dfe",
        "Hauptstrasse",
        "STRASSE",
        "Kerkstraat",
        "Dorpsweg",
        "Storgatan",
        "V\u00c4GEN",
        "str.",
    ],
    *["Ring", "during", "Hof", "ufer", "  ", "   ", "    ", "Berlin"],
]


def test_address_gates_keep_what_the_full_patterns_find() -> None:
    """Without "box" `_ADDRESS_NO_BOX` finds what `_ADDRESS` does; `_may_glue` holds wherever a glued street is."""
    P = _phi_places
    for text in _texts(ADDRESS_PIECES, 19, n=8000, most=10):
        if "box" not in text.lower():
            assert _found(P._ADDRESS_NO_BOX.finditer(text)) == _found(P._ADDRESS.finditer(text)), text
        if not P._may_glue(text):
            assert P._EU_ADDRESS_GLUED.search(text) is None, text


UNIT_PIECES = [
    *"AUSF .#1x\n_-",
    *["Apt", "Apartment", "Suite", "Ste", "Unit", "Flat", "apt", "Apt. 12", "Suite 4B", "Unit #7", "Flat  3"],
    *["Ste.\t9", "xApt 1", ".Unit 2", "Apt 123456", "12", "4B", " 7 "],
]


def test_unit_mark_led_by_its_capital_matches_like_the_plain_one() -> None:
    """`_UNIT_MARK` led by a class of its capital (a look-behind picks the word) is the plain pattern."""
    plain = re.compile(
        r"(?<![\w.])(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[^\S\n]{1,2}#?\d{1,5}[A-Za-z]?(?![\w])"
    )
    for text in _texts(UNIT_PIECES, 37, n=8000, most=8):
        assert _found(_phi_context._UNIT_MARK.finditer(text)) == _found(plain.finditer(text)), text


SPEAKER_PIECES = [
    *"\n :\t.x-",
    "Jerry",
    "Ann",
    "Mr",
    "ANNA",
    "said",
    "Ole's",
    "\n\n",
    ": hi",
    "Bo :",
    "\u00c9mile",
]


def test_speakers_found_from_line_breaks_are_the_multiline_pattern() -> None:
    """`_speakers` (the first line, then a regex led by a line break) finds the groups `_SPEAKER` does."""
    C = _phi_context
    for text in _texts(SPEAKER_PIECES, 41, n=8000, most=10):
        found = [(m.span(1), m.group(1)) for m in C._speakers(text)]
        assert found == [(m.span(1), m.group(1)) for m in C._SPEAKER.finditer(text)], text


CODE_LINE_PIECES = [*"1A9Z \t\n.,;?!x-a\u00a0\u0663", "12", "AB", "\n\n", " . ", "SW1A 1AA", "Oslo 0150"]


def test_code_lines_read_backwards_are_the_ones_the_pattern_ends() -> None:
    """`_code_line_ends` (each line read back from its end) holds the lines `_CODE_LINE_END` ends."""
    C = _phi_context
    for text in _texts(CODE_LINE_PIECES, 43, n=8000, most=12):
        plain = tuple((C._line_start(text, m.end(), 120), m.end()) for m in C._CODE_LINE_END.finditer(text))
        assert C._code_line_ends(text) == plain, text


POSTCODE_PIECES = [
    *"A1B2Z9 -,\n.x/",
    *["SW1A", "1AA", "K1A", "0B1", "M5V 3L9", "EC1", "10115", "1017 GC", "1000-100", "02-495", "4105"],
    *["Berlin", "Lisboa", " Amsterdam", "New York", "x7", "GmbH", "\u00c9vry", "B2B"],
]


def test_postcodes_in_two_parts_match_like_the_whole_pattern() -> None:
    """`_postcodes` (digit branches in one scan, UK and Canadian codes at `[A-Z]\\d` only) is `_POSTCODE`."""
    P = _phi_places

    def spans(matches: object) -> list[tuple[int, int, int, str | None]]:
        out = []
        for m in matches:  # type: ignore[attr-defined]
            city = m.group(2) if m.re.groups else None
            out.append((m.start(), m.end(), m.end(1) if city is not None else -1, city))
        return out

    for text in _texts(POSTCODE_PIECES, 31, n=8000, most=10):
        upper_digit = P._UPPER_DIGIT.search(text) is not None
        assert spans(P._postcodes(text, upper_digit)) == spans(P._POSTCODE.finditer(text)), text


FILE_PIECES = [
    *"aZ1_-. /\u00e9",
    *["finger", "face", "iris", "selfie", "passport", "id_photo", "portrait", "template", "x" * 45],
    *[".jpg", ".JPEG", ".png", ".wsq", ".dat", ".data", ".tiff", ".bin", ".bio", "print_0231", "scan"],
]


def test_file_names_at_their_runs_match_like_finditer() -> None:
    """Biometric and photo file names are tried only where the run before an extension starts."""
    K = _phi_keyed
    for text in _texts(FILE_PIECES, 23, n=8000, most=10):
        starts = K._file_starts(text)
        for pattern in (K._BIOMETRIC_FILE, K._PHOTO_FILE):
            assert _found(match_at(pattern, text, starts)) == _found(pattern.finditer(text)), text


CODE_PIECES = [
    *"aA1 :#=-/,'\n\u017f",
    *[
        "MRN",
        "mrn",
        "Mr#",
        "medrec",
        "ACCT",
        "acct",
        "SSN",
        "\u017f\u017fn",
        "chart",
        "0048",
        "123456",
        "AB12",
    ],
    *["Sagar", "Motihari", "O'neil", "60/622", "12/3, ", "-217071", " 954539", "8/8,\t"],
    *["0A:1b:22:C3:44:d5", "00-1A-2B-3C-4D-5E", ":ab:", "-12-", "a1", "Z"],
]


def test_glued_codes_pins_and_macs_find_what_the_full_scans_find() -> None:
    """`_glued` at keyword occurrences, `_pins` by its possible branch, the MAC gate."""
    K, P, S = _phi_keyed, _phi_places, _phi_shapes
    for text in _texts(CODE_PIECES, 29, n=10000, most=10):
        assert _found(K._glued(text)) == _found(K._GLUED.finditer(text)), text
        assert _found(P._pins(text, True)) == _found(P._PIN.finditer(text)), text
        if not S._MAC_PART.search(text):
            assert S._MAC.search(text) is None, text


CUE_PIECES = [
    *"aB1 :./\n;\u017f",
    *[
        "DOB",
        "dob:",
        "born",
        "Admitted",
        "admit",
        "seen",
        "visit on",
        "d/c date",
        "follow-up on",
        "signed",
        "xdob",
    ],
    *["3/14/1961", "March 3", "the", "report date", "died", "onset", "unborn", "d.o.b", "date of birth"],
]


def _assert_cue_search_is_the_window_search(
    pattern: re.Pattern[str],
    keys: tuple[str, ...],
    texts: list[str],
    reaches: tuple[int, ...],
    cued: Callable[[WordGate, int, int], bool] | None = None,
) -> None:
    """`cued(gate, start, end)` (default: `WordGate.search` of `pattern`) at every window end and
    each reach back is what `pattern.search` finds in the window's text."""
    for text in texts:
        gate = WordGate(text, keys)
        for end in range(len(text) + 1):
            for start in (max(0, end - reach) for reach in reaches):
                expected = pattern.search(text[start:end]) is not None
                got = cued(gate, start, end) if cued else gate.search(pattern, start, end)
                assert got == expected, (text, start, end)


def test_a_cue_searched_at_its_words_is_the_cue_the_window_search_finds() -> None:
    """`WordGate.search` tries the date-cue regex at the window's cue words only."""
    D = _phi_dates
    texts = _texts(CUE_PIECES, 31, n=3000, most=12)
    _assert_cue_search_is_the_window_search(D._DATE_CUE, D._DATE_CUE_KEYS, texts, (60, 7))


def test_ip_gates_hold_wherever_an_address_is() -> None:
    S = _phi_shapes
    pieces = [*"0123456789.:abcdefABx ", "192.168.", "fe80:", "::", "10.0.0.", "1:2:3:4:5:6:7:8", ":ab:"]
    for text in _texts(pieces, 37, n=20000, most=12):
        if S._IPV4.search(text):
            assert S._IPV4_PART.search(text), text
        if "::" not in text and S._IPV6.search(text):
            assert S._HEX_COLONS.search(text), text


def test_surname_first_at_its_runs_matches_like_finditer() -> None:
    """`_SURNAME_FIRST` is tried only at the run before each comma that a capital follows."""
    pieces = [
        ", ",
        ",\t",
        ",    ",
        "Mahoney",
        "Lisa",
        "O'Brien-Smith",
        " E.",
        "Mc",
        "De",
        "x",
        "-",
        "'",
        "3",
        "\u2019",
    ]
    for text in _texts([*NAME_PIECES, *pieces], 41, n=4000, most=10) + _texts(pieces, 43, n=8000, most=8):
        fast = _found(match_at(N._SURNAME_FIRST, text, N._surname_starts(text)))
        assert fast == _found(N._SURNAME_FIRST.finditer(text)), text


EU_PIECES = [
    *"12 5a,-\n\u00e9A",
    *[
        "rue",
        "Rue",
        "de la",
        "Paix",
        "Calle",
        "Mayor",
        "via",
        "Via",
        "Roma",
        "ul.",
        "D\u0142uga",
        "n\u00ba",
        "Hauptstra\u00dfe",
    ],
    *["Kerkstraat", "12b", "1/3", "avenida", "could", "place", "bd", "x1", "route", "  ", "\u0130"],
]


def test_european_addresses_at_their_words_match_like_finditer() -> None:
    """`_eu_addresses` tries the type-first branch at street types and the numbers before them only."""
    P = _phi_places
    for text in _texts(EU_PIECES, 47, n=8000, most=10):
        assert _found(P._eu_addresses(text)) == _found(P._EU_ADDRESS.finditer(text)), text


def test_digit_shape_gates_hold_wherever_an_ssn_or_phone_is() -> None:
    """An SSN is runs of 3, 2 and 4 digits; a North American phone ends with runs of 3 and 4."""
    from global_orchestrator.policies._phi_spans import digit_shape

    S = _phi_shapes
    pieces = [
        *"0123456789 -.()+/x\n",
        "123",
        "45",
        "6789",
        "+1 ",
        "1-",
        "(555) ",
        "555-",
        "219-09-",
        "\u0663\u0664",
        "201-7788",
        "201.7788 ",
        "(555)201-7788",
    ]
    for text in _texts(pieces, 53, n=30000, most=10):
        shape = digit_shape(text)
        if S._SSN.search(text):
            assert "\x03\x02\x04" in shape, text
        if S._PHONE.search(text):
            assert "\x03\x04" in shape, text


PHONE_CUE_PIECES = [
    *"aB1 :./\n;\u017f\u00e9",
    *[
        "Tel",
        "tel.",
        "T\u00e9l\u00e9phone",
        "ph",
        "PH:",
        "phone",
        "Cell",
        "mob",
        "called",
        "dialled",
        "fax",
        "reach",
    ],
    *[
        "M\u00f3vil",
        "movil",
        "whatsapp",
        "SMS",
        "text",
        "home",
        "work",
        "Number",
        "numero",
        "xcall",
        "graph",
        "55",
    ],
]


def test_a_phone_cue_searched_at_its_words_is_the_cue_the_window_search_finds() -> None:
    """`_cued` tries the phone-cue regex at the window's cue words only (`_PHONE_CUE_KEYS`)."""
    S = _phi_shapes
    texts = _texts(PHONE_CUE_PIECES, 59, n=3000, most=12)
    _assert_cue_search_is_the_window_search(
        S._PHONE_CUE, S._PHONE_CUE_KEYS, texts, (40,), lambda gate, _start, end: S._cued(gate, end)
    )


def test_ends_with_reads_the_last_word_as_a_split_would() -> None:
    """`ends_with` without a split: the same answer as the last word of `rsplit` for white-space-free words."""
    from global_orchestrator.policies import _phi_spans as SP

    def plain(window: str, words: tuple[str, ...], strip: str = " \t\n\r\f\v:,-") -> bool:
        parts = window.rstrip(strip).rsplit(None, 1)
        if not parts:
            return False
        last = parts[-1]
        return (last.lower() if last.isascii() else last.translate(SP._FOLD).lower()).endswith(words)

    lists = [
        N._TITLE_ENDS,
        N._LABEL_ENDS,
        N._CUE_ENDS,
        N._PLACE_ENDS,
        _phi_places._HOME_ENDS,
        _phi_places._PLACE_ENDS,
    ]
    assert not any(c.isspace() for words in lists for w in words for c in w)
    pieces = [
        *" \t\n.:,-xI\u0130\u017f\u03a3",
        "Dr",
        "Mrs.",
        "patient",
        "Patient's",
        "in",
        "of the",
        "IN",
        "by",
        "\u212a",
    ]
    for window in _texts(pieces, 67, n=20000, most=8):
        for words, strip in (
            (N._TITLE_ENDS, " \t."),
            (N._LABEL_ENDS, " \t\n\r\f\v:,-"),
            (N._PLACE_ENDS, " \t\n\r\f\v:,-"),
        ):
            assert SP.ends_with(window, words, strip) == plain(window, words, strip), (window, strip)


def test_biometric_and_photo_phrases_at_their_prefixed_words_match_like_finditer() -> None:
    from global_orchestrator.policies._phi_spans import scan_words

    K = _phi_keyed
    pieces = [
        *"aZ ,-'\n",
        "finger print",
        "Fingerprints",
        "thumbprint",
        "palm vein scan",
        "iris scans",
        "face",
        "facial",
    ]
    pieces += [
        "recognition data",
        "hand geometry",
        "gait data",
        "DNA samples",
        "genetic test results",
        "general",
        "handle",
    ]
    pieces += [
        "template ID",
        "IR-88213",
        "voiceprint hash",
        "headshot",
        "head shots",
        "health",
        "mug shot",
        "passport photo",
    ]
    pieces += [
        "photos of her face",
        "picture",
        "image",
        "selfie of the patient",
        "unblurred photo",
        "full-face photo",
    ]
    patterns = (
        (K._BIOMETRIC, K._BIOMETRIC_KEYS, K._BIOMETRIC_PREFIXES),
        (K._BIOMETRIC_ID, K._BIOMETRIC_ID_KEYS, K._BIOMETRIC_ID_PREFIXES),
        (K._PHOTO, K._PHOTO_KEYS, K._PHOTO_PREFIXES),
    )
    for text in _texts(pieces, 71, n=6000, most=8):
        for pattern, keys, prefixes in patterns:
            assert _found(scan_words(pattern, text, keys, prefixes)) == _found(pattern.finditer(text)), text


def test_dea_and_pin_digit_shape_gates_hold() -> None:
    from global_orchestrator.policies._phi_spans import digit_shape

    pieces = [
        *"0123456789 -,AFBMx9",
        "AB1234563",
        "A91234563",
        "Sagar 954539",
        "Motihari-217071",
        "1234567",
        "12345678",
    ]
    for text in _texts(pieces, 73, n=20000, most=8):
        shape = digit_shape(text)
        if _phi_shapes._DEA.search(text):
            assert "\x07" in shape or "\x08" in shape, text
        if _phi_places._PIN_WORD.search(text):
            assert "\x06" in shape, text


def test_unstable_characters_are_the_ones_folding_changes() -> None:
    """`_UNSTABLE` (a fold gate) matches every character `_fold_char` changes, and no ASCII character."""
    from global_orchestrator.policies import _phi_fold as F

    for code in range(0x250):
        char = chr(code)
        if code < 0x80:
            assert F._UNSTABLE.match(char) is None, hex(code)
        else:
            assert (F._UNSTABLE.match(char) is None) == (F._fold_char(char) == char), hex(code)
    for char in "\u0430\u03bf\u200b\uff21\u2013\u00a0\u2028\U0001d40c\ufe0f":  # beyond Latin: always checked
        assert F._UNSTABLE.match(char) is not None, hex(ord(char))


def test_ours_and_fax_gates_answer_like_the_plain_searches() -> None:
    from global_orchestrator.policies import _phi_spans as SP

    S = _phi_shapes
    pieces = [
        *" \t\nxA.;",
        "our store",
        "the flagship",
        "Our Clinic",
        "call us",
        "us",
        "is",
        "are",
        "at",
        "AT",
        "on",
    ]
    pieces += [
        "On",
        "ât",
        "fax",
        "FAX",
        "Fax:",
        "tel",
        "\u017f",
        "our store ",
        "call us ",
        "at ",
        "on\n",
        "is ",
        "the old shop ",
    ]
    for text in _texts(pieces, 79, n=6000, most=10):
        for start in range(len(text) + 1):
            assert SP.ours(text, start) == (SP._OURS.search(text[max(0, start - 40) : start]) is not None), (
                text
            )
            before = text[max(0, start - 50) : start]
            plain = "fax" if S._FAX_CUE.search(S._SENTENCE_BREAK.split(before)[-1]) else "phone"
            assert S.phone_kind(text, start) == plain, text


# -- seventh speed pass ---------------------------------------------------------------------------

PLAIN_OWNER = re.compile(r"\b([A-Z][a-z]{1,20})['\u2019]s\b")
PLAIN_GLUED_PHONE = re.compile(r"(?<=[A-Za-z])\+?\d{10,13}(?![\w/-])")
PLAIN_ED_HIS = re.compile(r"(?<=[a-z]{2})ed\s+(?:his|her)\b")
PLAIN_AU_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[^\S\n]{1,2}\d{4}(?![\d-])")


@pytest.mark.parametrize(
    ("plain", "fast", "pieces"),
    [
        (
            PLAIN_OWNER,
            _phi_health._OWNER,
            [*"MaAz'\u2019s _-1\n.", "Maria", "maria", "'s", "\u2019s", "S", "\u00c9"],
        ),
        (PLAIN_GLUED_PHONE, _phi_shapes._GLUED, [*"a+Z1 -/_9\u0663", "12345", "0123456789", "tel", "+", "é"]),
        (
            PLAIN_ED_HIS,
            _phi_context._ED_HIS,
            [*"aZ \n_.", "ed", "ed ", "his", "her", "list", "Ed", "\u00e9d", "herb"],
        ),
        (
            PLAIN_AU_POSTCODE,
            _phi_places._AU_POSTCODE,
            [
                "NSW",
                "VIC",
                "QLD",
                "WA",
                "SA",
                "TAS",
                "ACT",
                "NT",
                "N",
                "A",
                "S",
                " ",
                "\n",
                "\t",
                "2000",
                "1",
                "-",
                "x",
            ],
        ),
    ],
    ids=["owner", "glued-phone", "ed-his", "au-postcode"],
)
def test_led_rewrites_of_the_seventh_pass_match_like_the_plain_ones(
    plain: re.Pattern[str], fast: re.Pattern[str], pieces: list[str]
) -> None:
    for text in _texts(pieces, 97, n=6000, most=16):
        assert _found(fast.finditer(text)) == _found(plain.finditer(text)), text


def test_handles_at_their_words_match_like_finditer() -> None:
    pieces = [
        *"aB1_.@- \t\n:=",
        "user",
        "User name",
        "username",
        "userid",
        "login",
        "login id",
        "screen name",
    ]
    pieces += [
        "handle",
        "Twitter",
        "insta",
        "IG",
        "ig",
        "x",
        "X",
        "tiktok",
        "threads",
        "telegram",
        "snapchat",
    ]
    pieces += [
        "discord",
        "Portal user",
        "is",
        "was",
        "@leslie78_",
        "gval",
        "pj_2291",
        "name ",
        "and",
        "\u017fnapchat",
    ]
    pieces += ["\u0130G", "\u0131nsta", "box", "fax "]
    for text in _texts(pieces, 98, n=6000, most=12):
        fast = scan_words(_phi_keyed._HANDLE, text, _phi_keyed._HANDLE_KEYS)
        assert _found(fast) == _found(_phi_keyed._HANDLE.finditer(text)), text


def test_dash_sign_offs_in_the_tail_are_the_whole_text_matches() -> None:
    C = _phi_context
    pieces = [
        *"-\u2013\u2014 \t\n.!,x",
        "Kels",
        "Serena",
        "Wu",
        "Mary-Jane",
        "kieran",
        "ab",
        "M" + "a" * 30,
        "-Ma" + "a" * 29,
        "a" * 20,
    ]
    for text in _texts(pieces, 99, n=6000, most=14):
        whole = _found(C._DASH_SIGN.finditer(text))
        assert _found(C._DASH_SIGN.finditer(text, max(0, len(text) - C._DASH_SIGN_REACH))) == whole, text
        lower = C._DASH_SIGN_LOWER.search(text)
        tail = C._DASH_SIGN_LOWER.search(text, max(0, len(text) - C._DASH_SIGN_LOWER_REACH))
        assert (None if lower is None else lower.span()) == (None if tail is None else tail.span()), text


NATIONAL_PIECES = [
    *["850101-1234", "850101-1234567", "1 85 01 2A 123 456 78", "S1234567D", "12345678901234567"],
    *["131052-308T", "850101+1234", "x850101-1234567", "T1234567J"],
    *"0123456789 -+.xXAFUYSTG_\n",
    "12345678",
    "123456",
    "1234",
    "2A",
    "19",
    "\u0663",
    "Z",
    "T",
]
PLAIN_NATIONAL = {
    "_NIR": r"(?<![\w-])([12])[ .]?(\d{2})[ .]?(\d{2})[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})[ .]?(\d{2})(?![\w-])",
    "_HETU": r"(?<![\w-])(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\w-])",
    "_SIX_FOUR": r"(?<![\w-])(\d{6})[-+](\d{4})(?![\w-])",
    "_NRIC": r"(?<![\w-])([STFG])(\d{7})([A-Z])(?![\w-])",
    "_CN_ID": r"(?<![0-9])(\d{17})([0-9Xx])(?![0-9A-Za-z])",
    "_KR_RRN": r"(?<![0-9-])(\d{6})-([1-8]\d{6})(?![0-9-])",
}


@pytest.mark.parametrize("name", sorted(PLAIN_NATIONAL))
def test_digit_led_national_ids_match_like_the_plain_ones(name: str) -> None:
    from global_orchestrator.policies import _phi_national

    plain, fast = re.compile(PLAIN_NATIONAL[name]), getattr(_phi_national, name)
    for text in _texts(NATIONAL_PIECES, 101, n=6000, most=14):
        assert _found(fast.finditer(text)) == _found(plain.finditer(text)), text


PLAIN_CAPS_NAME = re.compile(
    rf"(?<![\w'-])({N._CAPS_WORD})(,?)[^\S\n]{{1,2}}({N._CAPS_WORD})(?:[^\S\n]{{1,2}}[A-Z]\.?)?(?![\w'-])"
)
PLAIN_HOUSE = re.compile(
    rf"(?<![\w.,/:-])\d{{1,6}}[A-Za-z]?[^\S\n]{{1,3}}(?:\d{{1,5}}[^\S\n]{{1,3}})?(?=[{_phi_places.UPPER}])"
)


def test_caps_names_and_house_numbers_led_by_a_class_match_like_the_plain_ones() -> None:
    caps = [*"AB ,-'\n\tx_1.", "JOHN", "SMITH", "A" * 21, "O'NEIL", "DIALLO, ", "AMINATA", "Q."]
    for text in _texts(caps, 102, n=6000, most=12):
        assert _found(N._CAPS_NAME.finditer(text)) == _found(PLAIN_CAPS_NAME.finditer(text)), text
    house = [*"0123456789 \t\nAaZ.,/:-_", "1234567", "12 ", "Main", "\u00c9", "\u0663"]
    for text in _texts(house, 103, n=6000, most=14):
        fast = _phi_context._HOUSE
        assert _found(fast.finditer(text)) == _found(PLAIN_HOUSE.finditer(text)), text
        assert _found(fast.finditer(text, 2, max(2, len(text) - 1))) == _found(
            PLAIN_HOUSE.finditer(text, 2, max(2, len(text) - 1))
        ), text


def test_line_led_patterns_at_line_starts_match_like_finditer() -> None:
    from global_orchestrator.policies._phi_spans import line_starts

    C, P = _phi_context, _phi_places
    pieces = [*" \t\n|[]:;-x", "[10:14] ", "[10:42]", "maria", "Mariana", "Trevor", "http://", "agent"]
    pieces += [
        "Address",
        "home address",
        "City",
        "Wohnort",
        "ADDR.",
        "12 Main St",
        "\u017f",
        "place of birth",
    ]
    for text in _texts(pieces, 104, n=8000, most=12):
        for pattern, marks in (
            (C._LOWER_SPEAKER, ""),
            (C._SPEAKER_CAP, "["),
            (P._LABEL, "|"),
        ):  # (the helper)
            fast = match_at(pattern, text, line_starts(text, marks))
            assert _found(fast) == _found(pattern.finditer(text)), (pattern.pattern[:20], text)


# -- ninth speed pass -----------------------------------------------------------------------------

PLAIN_FIVE_DIGITS = re.compile(r"\d{5}(?![\d-]|-\d{4})|\d{5}-\d{4}(?!\d)")
PLAIN_EXTENSION_GATE = re.compile(r"(?i:ext\.?|x)[ \t]{0,2}\d")
PLAIN_AGE_Y_GATE = re.compile(r"(?<![\w.,])(?:9\d|1[01]\d)[ \t]?y")
PLAIN_COMMA_LINE = re.compile(rf"(?:\A|\n)((?=[{_phi_lexicon.UPPER}][^\n,]{{0,44}},))")


def test_led_rewrites_of_the_ninth_pass_match_like_the_plain_ones() -> None:
    digits = [*"0123456789- \n\t.x\u0663", "12345", "1234", "-6789", "9"]
    for text in _texts(digits, 105, n=6000, most=12):
        fast = _phi_messages._FIVE_DIGITS
        assert _found(fast.finditer(text)) == _found(PLAIN_FIVE_DIGITS.finditer(text)), text
    ext = [*"eExXtT. \t1234a_", "ext", "EXT.", "Ext", "x", "X", "\u0130", "\u212a", "next", "box"]
    for text in _texts(ext, 106, n=6000, most=10):
        fast = _phi_notes._EXTENSION_GATE.search(text)
        assert (fast is None) == (PLAIN_EXTENSION_GATE.search(text) is None), text
    ages = [*"0123456789 \t.,_ayY\n", "9", "1", "10", "11", "95", "101", "y", "yo", "\u0663", "\u00e9"]
    for text in _texts(ages, 107, n=8000, most=10):
        fast = _phi_notes._AGE_Y_GATE.search(text)
        assert (fast is None) == (PLAIN_AGE_Y_GATE.search(text) is None), text


def test_comma_lines_are_the_plain_line_starts() -> None:
    pieces = [*"Aa ,\n\t.\u00c9", "Maria", "Smith, ", "\n\n", "x" * 44, "x" * 45, ", ", "Dr "]
    for text in _texts(pieces, 108, n=8000, most=14):
        plain = [m.start(1) for m in PLAIN_COMMA_LINE.finditer(text)]
        assert _phi_messages._comma_lines(text) == plain, text


def test_stamp_gate_holds_wherever_a_stamp_is() -> None:
    pieces = [*"dDtT: \t\n/-0123456789", "12/20/87", "5/5/2023", "  D: ", "d ", " T: ", "t "]
    pieces += ["D: 12/20/87", " T: 05/05/23", "\nd 7/2/20 t 3/25/08", "  d: 1/2/03 "]
    for text in _texts(pieces, 109, n=8000, most=8):
        if _phi_notes._STAMP.search(text) is not None:
            assert _phi_notes._STAMP_GATE.search(text) is not None, text


def test_cues_of_the_ninth_pass_at_their_words_match_like_finditer() -> None:
    from global_orchestrator.policies import _phi_cued, _phi_labels, _phi_streets

    weak = [*"aZ \n\t.,_1", "is at", "Is  at", "sent to", "send it to", "delivery to", "shipped to"]
    weak += ["moved to", "lives on", "his flat is at", "Their home in", "my house on", "this", "\u0131s at"]
    weak += ["\u017fent to", "heir", "amy"]
    for text in _texts(weak, 110, n=6000, most=10):
        fast = scan_words(_phi_streets._WEAK_CUE, text, _phi_streets._WEAK_KEYS)
        assert _found(fast) == _found(_phi_streets._WEAK_CUE.finditer(text)), text
    press = [*"aZ \n\t.,:_", "for immediate release", "For  Immediate Release", "today announced"]
    press += ["announced today", "Media contact:", "press inquiries :", "investor relations:", "xfor"]
    press += ["pre\u017fs contacts:", "\u0130nvestor relations:", "today"]
    for text in _texts(press, 111, n=6000, most=8):
        fast = scan_words(_phi_cued._PRESS_RELEASE, text, _phi_cued._PRESS_KEYS)
        assert _found(fast) == _found(_phi_cued._PRESS_RELEASE.finditer(text)), text
    answer = [*"aZ \n\t.:?_-", "patient ID", "Member number", "chart #", "MRN", "medical record no.", "?\n"]
    answer += ["Visitor: ", "Caller: ", "it's ", "HX-2020-551907", "A1234", "record", "\u017fure "]
    answer += [
        "patient ID?\nVisitor: HX-2020-551907\n",
        "MRN:\n[10:02] Caller: it's A12345",
        "\nAgent: 7781-22\n",
    ]
    for text in _texts(answer, 112, n=8000, most=10):
        fast = scan_words(_phi_labels._ID_ANSWER, text, _phi_labels._ID_ANSWER_KEYS)
        assert _found(fast) == _found(_phi_labels._ID_ANSWER.finditer(text)), text


PLAIN_GATES = {
    "pan": re.compile(r"\d(?<=P[A-Z]\d)\d{3}[A-Z](?![\w-])"),
    "nino": re.compile(r"\d(?<=\d\d)[^\S\n]?[A-D](?![\w-])"),
    "hkid": re.compile(r"\d(?<=[A-Z]\d)\d{5}(?:\([0-9A]\)|[0-9A])(?![\w-])"),
}
PLAIN_CREDENTIAL_AFTER = re.compile(
    r"(?<=[ \t])(?:M\.?D\b\.?|md\b|R\.?N\b\.?|D\.?O\b\.?|NP\b|PA-C\b|PhD\b|DDS\b|MBBS\b|FACP\b)"
)
PLAIN_CSV_HEADER = re.compile(
    r"(?m)^[A-Za-z][\w-]{1,29}(?:(?:,[A-Za-z][\w-]{1,29})+|(?:\t[A-Za-z][\w-]{1,29})+)[^\S\n]*$"
)


def test_letter_led_id_gates_answer_like_the_digit_led_ones() -> None:
    from global_orchestrator.policies import _phi_ids

    pieces = [*"0123456789PABCDEZ \t\n-_(a)", "PA", "1234", "12", " 34 ", "A", "(A)", "123456", "\u0663"]
    pieces += ["PA1234B", "PZ9876Q", "Q123456(A)", "AB 12 34 56 C"]
    for text in _texts(pieces, 113, n=10000, most=10):
        for name, gate in (
            ("pan", _phi_ids._PAN_GATE),
            ("nino", _phi_ids._NINO_GATE),
            ("hkid", _phi_ids._HKID_GATE),
        ):
            plain = PLAIN_GATES[name].search(text)
            assert (gate.search(text) is None) == (plain is None), (name, text)


def test_credentials_led_by_white_space_are_the_look_behind_matches() -> None:
    pieces = [*" \t\nMDRNOPhAC.-,x", "MD", "M.D.", "md", "R.N.", "DO", "D.O", "NP", "PA-C", "PhD", "DDS"]
    pieces += ["MBBS", "FACP", "Smith", "  "]
    for text in _texts(pieces, 114, n=8000, most=10):
        fast = [(m.span(1), m.group(1)) for m in _phi_notes._CREDENTIAL_AFTER.finditer(text)]
        assert fast == [(m.span(), m.group()) for m in PLAIN_CREDENTIAL_AFTER.finditer(text)], text


def test_csv_header_gate_answers_like_the_multiline_search() -> None:
    from global_orchestrator.policies import _phi_labels

    pieces = [*"aZ1_-,\t\n \r", "mrn", "patient", "dob", ",", "\t", "\n", "x" * 30, "\u00e9"]
    for text in _texts(pieces, 115, n=10000, most=12):
        fast = (
            _phi_labels._HEADER.match(text) is not None
            or _phi_labels._HEADER_AFTER_BREAK.search(text) is not None
        )
        assert fast == (PLAIN_CSV_HEADER.search(text) is not None), text


def test_business_label_lines_are_found_where_the_plain_search_finds_them() -> None:
    from global_orchestrator.policies import _phi_spans

    pieces = [
        *"aZ \t\n:-,.&(c)\u00a9",
        "Headquarters",
        "head office",
        "HQ",
        "corporate offices",
        "Store address",
    ]
    pieces += ["venue", "Returns address", "our new location", "Manufacturer", "distributor", "marketed"]
    pieces += [
        "Manufactured and packed",
        " for ",
        " by ",
        "now open",
        "Newly opened",
        "grand opening",
        "pop-up",
    ]
    pieces += [
        "popup shop",
        "visit us",
        "Meet us",
        " at ",
        "located at",
        "conveniently located",
        "2025",
        "19",
    ]
    pieces += ["copyright", "\u017ftore location", "\u0130mporter", "opens", "shop", "our", "at"]
    for text in _texts(pieces, 116, n=10000, most=8):
        fast = _phi_spans._OUR_LINE_FOUND.search(text) is not None
        assert fast == (_phi_spans._OUR_LINE.search(text) is not None), text


def test_local_ages_at_their_numbers_match_like_finditer() -> None:
    from global_orchestrator.policies._phi_spans import scan_at_words

    pieces = [
        *"91 0.,/-_a\n",
        "95",
        "101",
        "119",
        "9",
        " ans",
        " anni",
        " a\u00f1os",
        " Jahre",
        " jaar",
        " fa",
    ]
    pieces += [" de exp", " d'", " lang", "x9", "\u0669", "\u00e9"]
    for text in _texts(pieces, 117, n=8000, most=10):
        fast = scan_at_words(_phi_dates._AGE_LOCAL, text, (), numbers=True, number_starts=("9", "1"))
        assert _found(fast) == _found(_phi_dates._AGE_LOCAL.finditer(text)), text


PLAIN_STAMP = re.compile(
    rf"(?m)(?:^|[ \t]{{2}})(?i:d):?[ \t]{{1,2}}({_phi_notes._NUM_DATE})[ \t]{{1,3}}(?i:t):?[ \t]{{1,2}}"
    rf"({_phi_notes._NUM_DATE})"
)


def test_stamps_led_by_their_d_have_the_groups_of_the_plain_pattern() -> None:
    pieces = [*"dDtT: \t\n/-0123456789x", "12/20/87", "5/5/2023", "  D: ", "d ", " T: ", "t ", "  ", "\n"]
    pieces += [
        "D: 12/20/87",
        " T: 05/05/23",
        "\nd 7/2/20 t 3/25/08",
        "  d: 1/2/03 ",
        "\tD 1-2-2003  t: 4/5/06",
    ]
    texts = _texts(pieces, 118, n=10000, most=8)
    assert sum(PLAIN_STAMP.search(text) is not None for text in texts) > 500
    for text in texts:
        fast = [m.groups() for m in _phi_notes._STAMP.finditer(text)]
        assert fast == [m.groups() for m in PLAIN_STAMP.finditer(text)], text
        spans = [(m.span(1), m.span(2)) for m in _phi_notes._STAMP.finditer(text)]
        assert spans == [(m.span(1), m.span(2)) for m in PLAIN_STAMP.finditer(text)], text


def test_street_code_town_led_by_its_capital_matches_like_the_look_behind_form() -> None:
    from global_orchestrator.policies import _phi_cued

    w = _phi_cued._W
    plain = re.compile(
        rf"(?<![\w'\u2019-])({w}(?:[^\S\n]+(?:{w}|[a-z]{{1,4}})){{0,2}}\s+\d{{1,4}}[A-Za-z]?)(?:,\s+|\s+)"
        rf"(\d{{3}}\s\d{{2}}|\d{{4,5}}|\d{{2}}-\d{{3}})\s+({w}(?:[ -]{w}){{0,2}})(?![\w'\u2019-])"
    )
    pieces = [*"AaZ 1-,\n'_\u00c9\u2019", "Lyngveien", "gate", "93", "12B", ", ", "9008", "353 20", "00-950"]
    pieces += ["Oslo", "Bod\u00f8", "Sankt-Peter", "x", "Fogd Drejers gate 93, 9008 Troms\u00f8"]
    texts = _texts(pieces, 119, n=8000, most=10)
    assert sum(plain.search(text) is not None for text in texts) > 300
    for text in texts:
        fast = _phi_cued._STREET_CODE_TOWN
        assert _found(fast.finditer(text)) == _found(plain.finditer(text)), text
        assert _found(fast.finditer(text, 3, max(3, len(text) - 2))) == _found(
            plain.finditer(text, 3, max(3, len(text) - 2))
        ), text
