"""What the PHI recognisers return, and the checks they share."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter
from typing import NamedTuple


class Span(NamedTuple):
    """A candidate finding: category, offsets, score; `weak` ones need a person in the text."""

    category: str
    start: int
    end: int
    score: float
    weak: bool = False
    """A date, place or bare number that is PHI only when the text is about a person (an
    identifier found elsewhere in it, or a patient record): "sale ends March 3" is not."""


# an address or phone number of the business itself ("our flagship at", "call us at") is no PHI
_OURS = re.compile(
    r"\b(?:(?:our|the)\s+(?:\w+\s+)?(?:store|flagship|shop|office|clinic|location|showroom|studio|pharmacy|"
    r"booth|headquarters|hq|bakery|cafe|restaurant|gym|spa|hotline|helpline|line|services|team|support|staff|desk|concierge|"
    r"experts|specialists|front\s+desk|customer\s+service|service\s+desk)|us|"
    # a job advert's place of work (`store associates wanted at 401 N Michigan Ave`)
    r"(?:wanted|hiring|openings?|positions?|vacanc(?:y|ies))(?:\s+(?:now|today))?)\s+(?:is\s+|are\s+)?(?:at|on)\s+$",
    re.IGNORECASE,
)


DIGIT = re.compile(r"\d")
MONTH_DAY = re.compile(
    r"[^\S\n]?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december)\.?[^\S\n]{1,2}\d"
)
"""A month and a day (`Apr 15`, `March 3`): after `Todd,` a date, not a given name (`.match` there)."""
"""A decimal digit (what `\\d` matches): recognisers whose every match holds one skip texts without."""

_DIGIT_RUN = re.compile(r"\d\d*")  # (`\d+` led by `\d`: the engine skips to digits in C)
ASCII_UPPER = re.compile(r"[A-Z]")
"""An ASCII capital: VINs, MBIs, DEA numbers and UK or Canadian postcodes need one."""


def digit_runs(text: str) -> tuple[int, int]:
    r"""How many digits (`\d`) `text` holds, and the longest run of them (for gates)."""
    total, longest, _ = _digit_facts(text)
    return total, longest


def digit_shape(text: str) -> str:
    r"""The lengths of the runs of digits (`\d+`) of `text` in order, each as one character (`chr`).

    For gates: an SSN is three runs of 3, 2 and 4 digits one after the other, so
    `"\x03\x02\x04" in digit_shape(text)` holds wherever one is (a run over 999 digits
    counts as 999).
    """
    return _digit_facts(text)[2]


@lru_cache(maxsize=8)
def _digit_facts(text: str) -> tuple[int, int, str]:
    runs = list(map(len, _DIGIT_RUN.findall(text)))
    longest = max(runs, default=0)
    shape = "".join(map(chr, runs)) if longest <= 999 else "".join([chr(min(n, 999)) for n in runs])
    return sum(runs), longest, shape


# what re.IGNORECASE matches to an ASCII letter but str.lower() does not map to it
_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})
_FOLDED_AWAY = ("\u017f", "\u212a", "\u0130", "\u0131")


@lru_cache(maxsize=8)
def folded(text: str) -> str:
    """`text` lower-cased so that a case-insensitive match of an ASCII word in it is a substring.

    For cheap gates: a recogniser whose every match holds one of a few words runs only if
    one of them is in `folded(text)`.
    """
    if text.isascii() or not any(c in text for c in _FOLDED_AWAY):  # translating changes nothing
        return text.lower()
    return text.translate(_FOLD).lower()


def ends_with(window: str, words: tuple[str, ...], strip: str = " \t\n\r\f\v:,-") -> bool:
    """The last word of `window` (past `strip` characters) ends with one of `words` (lower-case), any case.

    A gate for the look-back patterns anchored at the end of their window ("Patient: ",
    "lives in the "): they match only when it holds. `words` hold no white space, so the
    last word ends with one exactly when the window, past `strip` and then white space,
    does (a few calls in C, no split).
    """
    rest = window.rstrip(strip).rstrip()
    return (rest.lower() if rest.isascii() else rest.translate(_FOLD).lower()).endswith(words)


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """One of `words` (lower-case ASCII) occurs in `text`, case-insensitively (a gate)."""
    return any(map(folded(text).__contains__, words))  # (the loop in C)


_WORD = re.compile(r"\w+")
_FIRST_THREE = itemgetter(slice(3))
_FIRST = itemgetter(0)
_START = re.Match.start
_GROUP = re.Match.group
_END = re.Match.end
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


class _Index:
    """The words of one text (`_word_index`): their keys and offsets, and the offsets by key list."""

    __slots__ = ("by_list", "keys", "late", "numbers", "starts")

    def __init__(self, keys: list[str], starts: list[int]) -> None:
        self.keys = keys
        """The key of each word, in text order."""
        self.starts = starts
        """The offset of each word."""
        lists_of_key, count = _REGISTRY  # (one snapshot: every number in it is below its count)
        self.by_list: list[list[int]] = [[] for _ in range(count)]
        """The sorted offsets of the words with a key of each key list numbered so far (`_LISTS`)."""
        self.late: dict[tuple[str, ...], list[int]] = {}
        """Those of a key list numbered after the index was made (looked up as asked)."""
        self.numbers: list[int] | None = None
        """The offsets of the words that start with a digit (`number_positions`)."""
        by_list = self.by_list
        # the words with a key of some list, picked in C; appended in text order, so sorted
        for start, numbers in compress(
            zip(starts, map(lists_of_key.get, keys, repeat(())), strict=True),
            map(lists_of_key.__contains__, keys),
        ):
            for n in numbers:
                by_list[n].append(start)

    def positions(self, keys: tuple[str, ...]) -> list[int]:
        """The sorted offsets of the words with one of `keys` (the slow way: a key list new to the index)."""
        found = self.late.get(keys)
        if found is None:
            found = self.late[keys] = list(
                compress(self.starts, map(frozenset(keys).__contains__, self.keys))
            )
        return found


_LISTS: dict[tuple[str, ...], int] = {}
"""The key lists `word_positions` was asked about, numbered in turn: each index lists their words."""
_LIST_IDS: dict[int, int] = {}
"""`_LISTS` by the `id` of the very tuple numbered (kept alive there): a look-up that hashes no tuple."""
_REGISTRY: tuple[dict[str, tuple[int, ...]], int] = ({}, 0)
"""The numbers of the key lists that hold each key, and how many lists there are: replaced
as a whole when a list is numbered, so that an index made meanwhile reads a consistent pair."""
_NUMBERING = threading.Lock()


def _list_number(keys: tuple[str, ...]) -> int:
    """The number of the key list `keys` in `_LISTS` (numbered now if new)."""
    global _REGISTRY  # (replaced whole, read without a lock)
    n = _LISTS.get(keys)
    if n is None:
        with _NUMBERING:
            n = _LISTS.get(keys)
            if n is None:
                lists_of_key, n = _REGISTRY
                lists_of_key = dict(lists_of_key)
                for key in dict.fromkeys(keys):
                    lists_of_key[key] = (*lists_of_key.get(key, ()), n)
                _REGISTRY = (lists_of_key, n + 1)
                _LISTS[keys] = n  # (after the registry: an index with fewer lists asks `positions`)
                _LIST_IDS[id(keys)] = n
    return n


@lru_cache(maxsize=8)
def _word_index(text: str) -> _Index | None:
    r"""The offsets of the words (`\w+`) of `text`, keyed by their first three characters lower-cased.

    Made once per text, with the offsets for each key list (`word_keys`) asked about before,
    so that `word_positions` is a look-up. None when lower-casing changes the length of
    the text (the callers then scan it whole).
    """
    low = folded(text)
    if len(low) != len(text):
        return None
    words = list(_WORD.finditer(low))
    return _Index(list(map(_FIRST_THREE, map(_GROUP, words))), list(map(_START, words)))  # (in C)


def word_keys(alternatives: Iterable[str]) -> tuple[str, ...]:
    r"""Index keys (see `scan_words`) of the words that the regex `alternatives` can start with.

    Each alternative (a leading group expanded: `(?:a|b)c` is `ac` and `bc`) must open with
    a plain word character; its leading word characters are the key (the first three of
    them), or, when fewer than three, the whole word if a white space, a word end or a
    punctuation mark follows (`pt\s+is`, `y/o`, `ms\b`), else that word and every
    three-character key it begins (`id(?![\w/])` -> `id`, `ida` ...).
    """
    keys: list[str] = []
    for alt in (x for a in alternatives for x in _expand(a)):  # "(?:multiple\\s+)?sclerosis": both
        i = 0
        while i < len(alt) and (alt[i].isalnum() or alt[i] == "_"):
            i += 1
        word = alt[:i].lower()
        if not word:
            raise ValueError(f"alternative must start with a plain word character: {alt!r}")
        rest = alt[i:]
        if len(word) >= 3:
            keys.append(word[:3])
            continue
        keys.append(word)
        ends = rest.startswith((r"\s+", r"\b", r"\.", r"\#", "/", "'", "#", ":", ",")) or (
            rest.startswith(r"\s") and rest[2:3] not in ("?", "*", "{")
        )
        if rest[:1] == "-" and rest[1:2] not in ("?", "*", "{"):
            ends = True
        if not ends:
            if len(word) == 1:
                raise ValueError(f"one-letter word with an open end: {alt!r}")
            keys += [word + c for c in _WORD_CHARS]
    return tuple(dict.fromkeys(keys))


def word_positions(text: str, keys: tuple[str, ...]) -> list[int] | None:
    """The sorted offsets of the words of `text` that have one of `keys` (see `word_keys`).

    None when the text cannot be indexed (the caller scans it whole). The list is shared:
    do not change it.
    """
    index = _word_index(text)
    if index is None:
        return None
    n = _LIST_IDS.get(id(keys))
    if n is None:
        n = _list_number(keys)
    if n < len(index.by_list):
        return index.by_list[n]
    return index.positions(keys)


def number_positions(text: str) -> list[int] | None:
    r"""The sorted offsets of the words (`\w+`) of `text` that start with a decimal digit (`\d`).

    None when the text cannot be indexed (see `word_positions`).
    """
    index = _word_index(text)
    if index is None:
        return None
    if index.numbers is None:
        index.numbers = list(compress(index.starts, map(str.isdecimal, map(_FIRST, index.keys))))
    return index.numbers


def scan_at_words(
    pattern: re.Pattern[str],
    text: str,
    keys: tuple[str, ...],
    numbers: bool = False,
    number_starts: tuple[str, ...] | None = None,
) -> Iterator[re.Match[str]]:
    r"""What `pattern.finditer(text)` yields when every match starts a word with a key or a digit.

    Like `scan_words` (`keys`), and with `numbers` a word that starts with a digit may start
    a match too: for patterns with branches for numbers and for words ("3 March", "March 3");
    with `number_starts`, only a number that starts with one of them ("9", "10": what the
    pattern's number branches start with). Matches must not be empty.
    """
    words = word_positions(text, keys)
    digits = number_positions(text) if numbers else []
    if words is None or digits is None:
        yield from pattern.finditer(text)
        return
    if digits and number_starts is not None:
        digits = [q for q in digits if text.startswith(number_starts, q)]
    yield from match_at(pattern, text, sorted({*words, *digits}) if digits else words)


def prefix_table(prefixes: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """`prefixes` (lower case, two characters or more) by their first two characters (for `scan_words`)."""
    table: dict[str, list[str]] = {}
    for prefix in prefixes:
        if len(prefix) < 2:
            raise ValueError(f"prefix shorter than two characters: {prefix!r}")
        table.setdefault(prefix[:2], []).append(prefix)
    return {head: tuple(found) for head, found in table.items()}


def word_in(text: str, keys: tuple[str, ...], start: int, end: int) -> bool:
    """A word with one of `keys` starts in `text[start:end]`, or that window starts inside a word.

    A gate for a pattern searched in that window whose every match starts a word with one
    of `keys` (a word cut by the window's start begins a word there too).
    """
    return WordGate(text, keys)(start, end)


def _word_char(c: str) -> bool:
    r"""`c` is a character `\w` matches (False for "")."""
    return c.isalnum() or c == "_"


class WordGate:
    """`word_in` for one text and one key list, the words looked up once (for a gate in a loop)."""

    __slots__ = ("positions", "text")

    def __init__(self, text: str, keys: tuple[str, ...]) -> None:
        self.text = text
        self.positions = word_positions(text, keys)

    def __call__(self, start: int, end: int) -> bool:
        """`word_in(text, keys, start, end)`."""
        positions = self.positions
        if positions is None:
            return True
        text = self.text
        if 0 < start < len(text) and _word_char(text[start - 1]) and _word_char(text[start]):  # cut word
            return True
        i = bisect_left(positions, start)
        return i < len(positions) and positions[i] < end

    def search(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """`pattern.search(text[start:end]) is not None` when every match starts a word with a key.

        The regex is tried only at those words of the window, at its start (a word may be
        cut there), and at its last two characters when it ends inside a word (what is
        left of that word in the window may be too short for its key); a match found at
        any position is one `search` finds, and no other position can start one.
        """
        window = self.text[start:end]
        positions = self.positions
        if positions is None:
            return pattern.search(window) is not None
        tries = [0] if _word_char(window[:1]) else []
        i = bisect_left(positions, start)
        while i < len(positions) and positions[i] < end:
            tries.append(positions[i] - start)
            i += 1
        if end < len(self.text) and _word_char(self.text[end]) and _word_char(window[-1:]):
            tries += [max(0, len(window) - 2), len(window) - 1]
        return any(pattern.match(window, p) is not None for p in tries)


def list_keys(pattern: str) -> tuple[str, ...]:
    r"""`word_keys` of the first `\b(?:a|b|...)` word list of `pattern` (what its matches start with)."""
    start = pattern.index(r"\b(?:") + 2
    end = _group_end(pattern, start)
    return word_keys(split_alternatives(pattern[start + 3 : end]))


def scan_words(
    pattern: re.Pattern[str],
    text: str,
    keys: tuple[str, ...],
    prefixes: dict[str, tuple[str, ...]] | None = None,
) -> Iterator[re.Match[str]]:
    r"""What `pattern.finditer(text)` yields when every match starts a word with one of `keys`.

    The regex runs only at those words (found by a dictionary look-up), not at every
    position of the text: for a word list that opens with `\b`, several times faster.
    With `prefixes` (`prefix_table` of what every match starts with, any case: the word
    list's `literal_prefixes`), only at the words that start with one of them.
    Matches must not be empty.
    """
    starts = word_positions(text, keys)
    if starts is None:
        yield from pattern.finditer(text)
        return
    if prefixes is not None:
        low = folded(text)  # as long as `text` (`word_positions` is not None)
        starts = [q for q in starts if low.startswith(prefixes.get(low[q : q + 2], ()), q)]
    yield from match_at(pattern, text, starts)


@lru_cache(maxsize=8)
def _line_or(marks: str) -> re.Pattern[str]:
    return re.compile(r"\n|(?=[" + re.escape(marks) + "])") if marks else re.compile(r"\n")


def line_starts(text: str, marks: str = "") -> list[int]:
    r"""Where a multiline `^` matches in `text` (0, after each `\n`) and where one of `marks` is, in order.

    For `match_at`: a pattern that opens with `^` (multiline) or with one of `marks` is tried
    there only, not at every position (where the engine cannot skip ahead). An offset may
    come twice (`\n[`); `match_at` tries it once more at most.
    """
    return [0, *map(_END, _line_or(marks).finditer(text))]


def match_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, for a pattern whose every match starts at one of `starts`.

    `starts` must be sorted; matches must not be empty.
    """
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


def word_before(text: str, start: int) -> int | None:
    """The start of the word that white space alone separates from `start`, if there is one."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):  # what \w matches
        k -= 1
    return k if k < j < start else None


# a line that gives the business's own address: "Headquarters: ...", "Store address: ...",
# "Now open at ...", "Find us at ...", a line opening "Located at ...", a footer
# "\u00a9 2025 Brand, 12 Main St, ..." (what follows the label or the mark on its line is the business's);
# a product label's company: "Manufactured for ...", "Distributed by ...", "Distributor: ..." (the
# firm that puts the product on the market, whose name and address a label or a sell sheet must give)
_OUR_LABELS = (
    r"headquarters|head\s+office|hq|corporate\s+(?:office|offices|headquarters)|registered\s+office|"
    r"main\s+office|home\s+office|(?:store|shop|showroom|boutique|flagship|business|company|event)\s+"
    r"(?:address|location|venue)|venue|returns(?:\s+address)?|our\s+(?:new\s+)?(?:location|store|flagship|showroom|"
    r"shop|warehouse)|manufacturer|distributor|distribution|marketer|importer|packager|labeler"
)
_OUR_LABEL_END = r"\s*(?::|-\s)"
_OUR_MADE = r"manufactured|distributed|marketed|packaged|packed|imported"
_OUR_MADE_END = r"(?:\s+(?:and|&)\s+\w+)?\s+(?:for|by)\b"
_OUR_OPEN = (
    r"(?:now|newly)\s+open(?:ed)?|opens|opening|grand\s+opening|pop-?up(?:\s+shop)?|"
    r"(?:find|visit|see|join|meet)\s+us"
)
_OUR_OPEN_END = r"\s+at\b"
# a place's office or branch as a label (`Lisbon office:`, not `my office:`), and "our store" in other
# languages (`a nossa loja fica na`, `unsere Filiale in`)
_OUR_PLACE_OFFICE = (
    r"\b(?<![\w'\u2019])(?!(?:my|his|her|their|your|patient)\b)[A-Z][\w-]*\s+"
    r"(?:office|branch|store|showroom|warehouse)\s*(?::|-\s)"
)
_OUR_FOREIGN = (
    r"\b(?:nossa|nosso|nuestra|nuestro|notre|nos|la\s+nostra|il\s+nostro|onze|ons|unsere?|unserem)\s+"
    r"(?:\w+\s+)?(?:loja|lojas|escrit\u00f3rio|tienda|tiendas|oficina|oficinas|boutique|magasin|bureaux?|negozio|"
    r"sede|ufficio|winkel|kantoor|filiale|praxis|gesch\u00e4ft|laden|b\u00fcro)\b"
)
_OUR_MARKS = r"\A[^\S\n]*(?:conveniently\s+)?located\s+at\b|\u00a9|\(c\)\s*(?:19|20)\d\d"
_OUR_LINE = re.compile(
    rf"(?:\b(?:{_OUR_LABELS}){_OUR_LABEL_END}|\b(?:{_OUR_MADE}){_OUR_MADE_END}|\b(?:{_OUR_OPEN}){_OUR_OPEN_END}|"
    rf"{_OUR_PLACE_OFFICE}|{_OUR_FOREIGN}|{_OUR_MARKS}|\bcopyright\b)",
    re.IGNORECASE,
)
_OUR_LINE_REACH = 120
"""How far back on its line a business-address label or a copyright mark reaches (characters)."""


_OUR_OWN = re.compile(
    r"\b(?:our\s+(?:\w+\s+){0,3}(?:store|flagship|shop|office|clinic|location|showroom|studio|pharmacy|booth|"
    r"headquarters|hq|bakery|cafe|restaurant|gym|spa|warehouse|factory|plant|distribution\s+center|outlet|"
    r"boutique|brewery|winery|taproom|kitchen)|us)\s+(?:is\s+|are\s+)?at\s+$",
    re.IGNORECASE,
)


TOLL_FREE = frozenset({"800", "888", "877", "866", "855", "844", "833"})
"""The North American toll-free area codes: a business's number, no one's own."""
_TOLL_FREE_CELL = re.compile(
    rf"\|[^\S\n]*(?:\+?1[-.\s]?)?\(?(?:{'|'.join(sorted(TOLL_FREE))})\)?[-.\s]?"
    r"(?:[A-Za-z0-9][-.\s]?){6}[A-Za-z0-9]\b"
)
"""A toll-free number in a cell of a `|` line: the line is a business's contact line."""


def _contact_line(text: str, start: int) -> bool:
    """`start`'s line is a business's contact line: `Brand | 12 Main St, Austin | 1-800-555-0100`."""
    head = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    line = text[head : len(text) if end == -1 else end]
    return "|" in line and _TOLL_FREE_CELL.search(line) is not None


def our_own(text: str, start: int) -> bool:
    """The business's own address, said so: "visit us at", "our store at", a label on its line.

    A headquarters or store label, a contact line with a toll-free number, a copyright footer
    (`ours` without "the restaurant is at", which may be anyone's).
    """
    window = text[max(0, start - 40) : start]
    if window.rstrip()[-2:].lower() == "at" and _OUR_OWN.search(window) is not None:
        return True
    return _our_line(text, start) or _contact_line(text, start)


def ours(text: str, start: int) -> bool:
    """The business's own address or number: "visit our flagship at ...", "call us at ...".

    Also whatever follows, on its line, a headquarters label (`Headquarters:`, `HQ:`) or a
    copyright mark (a footer `\u00a9 2025 Brand, 12 Main St, Austin, TX 78701`).
    """
    window = text[max(0, start - 40) : start]
    rest = window.rstrip()
    if len(rest) != len(window) and rest[-2:].lower() in ("at", "on") and _OURS.search(window) is not None:
        return True
    return _our_line(text, start)


def _our_line(text: str, start: int) -> bool:
    """A headquarters label or a copyright mark before `start` on its line (within `_OUR_LINE_REACH`)."""
    reach = max(0, start - _OUR_LINE_REACH)
    head = text[text.rfind("\n", reach, start) + 1 or reach : start]
    low = head.lower()
    return any(w in low for w in _OUR_LINE_WORDS) and _OUR_LINE_FOUND.search(head) is not None


_OUR_LINE_WORDS = (
    *("headquarters", "office", "hq", "address", "location", "venue", "returns", "our ", "open"),
    *("pop", " us ", "located", "\u00a9", "(c)", "copyright"),
    *("manufactur", "distribut", "markete", "import", "packa", "packed", "labeler", "branch", "store"),
    *("showroom", "warehouse", "nossa", "nosso", "nuestr", "notre", "nos ", "nostr", "onze", "ons ", "unser"),
)
"""A gate: every match of `_OUR_LINE` holds one of these (lower case)."""


# what a letter matches under re.IGNORECASE besides its two ASCII cases
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def by_first_letter(alternatives: Iterable[str], names: Sequence[str] | None = None) -> str:
    r"""A case-insensitive alternation of regex `alternatives`, grouped by first character.

    Matches exactly what `(?:a1|a2|...)` matches under `re.IGNORECASE` (the order of the
    alternatives that share a first character is kept; alternatives with different first
    characters cannot match at the same place), but the regex engine skips a whole group on
    one case-sensitive character test instead of trying every alternative at every word.
    Each alternative must start with a plain letter or digit, or with `\s`.

    With `names`, each alternative (but its first character) is a named group of that name,
    so `match.lastgroup` tells which one matched.
    """
    groups: dict[str, list[str]] = {}
    if names is None:
        alternatives = [x for alt in alternatives for x in _expand(alt)]
    for i, alt in enumerate(alternatives):
        head, rest = (alt[:2], alt[2:]) if alt.startswith("\\s") else (alt[0].lower(), alt[1:])
        if not (head == "\\s" or (head.isascii() and head.isalnum())) or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"alternative must start with a plain letter or digit: {alt!r}")
        if not _balanced(rest):
            raise ValueError(f"unbalanced alternative (split inside a group?): {alt!r}")
        groups.setdefault(head, []).append(rest if names is None else f"(?P<{names[i]}>{rest})")
    parts = []
    for head, rests in groups.items():
        chars = head + head.upper() + _FOLDS.get(head, "") if head.isalpha() else head
        parts.append(f"(?-i:[{chars}])(?:{'|'.join(rests)})")
    return "(?:" + "|".join(parts) + ")"


def _structure(pattern: str) -> tuple[list[tuple[int, str, int]], bool]:
    """The regex's `(`, `)` and `|` outside escapes and character classes.

    Returns:
        (index, character, nesting depth after it) for each, and whether a character
        class is still open at the end.
    """
    marks: list[tuple[int, str, int]] = []
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if pattern.startswith("]", i + 1) else 2 if pattern.startswith("^]", i + 1) else 0
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            marks.append((i, c, depth))
        i += 1
    return marks, in_class


def _balanced(pattern: str) -> bool:
    """Its parentheses pair up (escapes and character classes aside)."""
    marks, open_class = _structure(pattern)
    return not open_class and all(d >= 0 for _, _, d in marks) and (not marks or marks[-1][2] == 0)


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (`a|b(?:c|d)` -> `a`, `b(?:c|d)`)."""
    parts, start = [], 0
    for i, c, depth in _structure(pattern)[0]:
        if c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def literal_prefixes(alternatives: Iterable[str]) -> tuple[str, ...]:
    r"""Each alternative's plain-text start, lower-cased: every match of it holds that text.

    For gates with `has_any` (`av\.` -> `av`, `tumou?r` -> `tumo`, `v[ií]a` -> `v`).
    """
    out = []
    for alt in alternatives:
        chars: list[str] = []
        i = 0
        while i < len(alt):
            if alt[i] == "\\" and alt[i + 1 : i + 2] in (".", "/", "-", "#"):  # an escaped literal
                chars.append(alt[i + 1])
                i += 2
            elif alt[i] in "\\[](){}?*+|.^$":
                break
            else:
                chars.append(alt[i])
                i += 1
            if alt[i : i + 1] in ("?", "*", "{"):  # the character before is optional
                chars.pop()
                break
        if not chars:
            raise ValueError(f"no literal start: {alt!r}")
        out.append("".join(chars).lower())
    return tuple(dict.fromkeys(out))


def _expand(alt: str) -> list[str]:
    """`(?:x|y)z` -> `xz`, `yz`; `(?:x)?z` -> `xz`, `z` (the order the regex engine tries them)."""
    if not alt.startswith("(?:"):
        return [alt]
    end = _group_end(alt, 0)
    options, rest = split_alternatives(alt[3:end]), alt[end + 1 :]
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        out = [o + rest[1:] for o in options] + [rest[1:]]
    elif rest[:1] in ("*", "+", "{", "?"):
        return [alt]
    else:
        out = [o + rest for o in options]
    if "" in out:  # an empty alternative matches anywhere: leave it to the regex engine
        return [alt]
    return [y for x in out for y in _expand(x)]


def _group_end(pattern: str, start: int) -> int:
    """The index of the `)` that closes the group opening at `start`."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 if pattern.startswith("]", i + 1) else 2 if pattern.startswith("^]", i + 1) else 0
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unclosed group: {pattern!r}")


def grouped(pattern: str) -> str:
    r"""`pattern` with its first `\b(?:a|b|...)` word list grouped by first letter.

    Only for case-insensitive patterns (see `by_first_letter`); the matches are the same.
    """
    start = pattern.index(r"\b(?:") + 2
    end = _group_end(pattern, start)
    return (
        pattern[:start] + by_first_letter(split_alternatives(pattern[start + 3 : end])) + pattern[end + 1 :]
    )


_OUR_LINE_FOUND = re.compile(
    r"(?:\b"
    + by_first_letter(
        [
            *(a + _OUR_LABEL_END for a in split_alternatives(_OUR_LABELS)),
            *(a + _OUR_MADE_END for a in split_alternatives(_OUR_MADE)),
            *(a + _OUR_OPEN_END for a in split_alternatives(_OUR_OPEN)),
            r"copyright\b",
        ]
    )
    + f"|{_OUR_PLACE_OFFICE}|{_OUR_FOREIGN}|{_OUR_MARKS})",
    re.IGNORECASE,
)
"""Found in a text where `_OUR_LINE` is (for `_our_line`, which asks only whether it is): its word
branches as one list grouped by first letter (`by_first_letter`), so that a word start that opens
none of them costs one character test, not one per alternative."""
