"""Evasion folding for the PHI detector: disguised text as the recognisers expect to read it.

The recognisers read ASCII punctuation, ASCII digits and Latin letters in ordinary case.
`fold` writes a second rendering of a text that undoes the disguises an attacker can put
on an identifier without changing what a person reads:

- invisible characters (format characters such as zero-width spaces and joiners, the soft
  hyphen, bidi controls; variation selectors) are removed;
- every Unicode space (no-break, thin, ideographic ...) becomes a space, line and paragraph
  separators a line break, every dash and the minus sign `-`;
- compatibility forms become their ASCII letters and digits (NFKC: full-width `２１９`,
  `＠`, mathematical `𝐌𝐚𝐫𝐢𝐚`, circled letters, ligatures);
- Cyrillic, Greek and Armenian letters that look like Latin ones (Unicode's confusables,
  UTS #39) become those Latin letters (`Mаria` with a Cyrillic `а`);
- percent-encoded printable ASCII (`%40`, `%2D`) is decoded, a `+` between letters (a
  URL query's space) becomes a space, and a single quote opening a word a double quote
  (Python's `repr` in error text: `KeyError: 'Maria Garcia'`; names never start after `'`);
- in a text with a word in odd case (`GARCIA`: a name in capitals that is no English word;
  `MaRiA`, `gArCiA`: case alternating letter by letter), odd-case and all-capital words are
  lower-cased, as the lower-case name recogniser reads them (CamelCase such as `TikTok`
  or `GmbH` is kept; capitals in headings such as `DISCHARGE SUMMARY` start nothing).

`detect_phi` scans the text and, when `fold` changed it, its folding too; findings in the
folding are mapped back to the characters of the original they came from (`Folded.span`),
so redaction and de-identification replace the disguised text itself. Accented Latin
letters are kept (the recognisers read them). Other scripts are not transliterated.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from global_orchestrator.policies._phi_lexicon import census, english

# Unicode confusables (UTS #39 confusables.txt) of Cyrillic, Greek and Armenian letters
# whose prototype is one ASCII letter.
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ү": "Y",
        "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c",
        "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q",
        "ԝ": "w", "ү": "y", "ӏ": "l", "ɡ": "g",
        # Greek
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
        "ι": "i", "α": "a", "ρ": "p", "υ": "u", "κ": "k", "χ": "x", "ϲ": "c", "ϳ": "j",
        "Ϲ": "C", "Ϳ": "J",
        # Armenian
        "օ": "o", "ս": "u", "հ": "h", "ո": "n", "ց": "g", "զ": "q", "Օ": "O", "Ս": "U",
        # Latin without a dot, and similar
        "ı": "i", "ȷ": "j",
    }
)  # fmt: skip
_INVISIBLE = frozenset(
    "\u034f\u180e\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c\ufe0d\ufe0e\ufe0f"
)

# What `fold` rewrites; a text with none of it is read as it is (most texts: one C-level search).
# Each alternative opens with a character or a class (its look-behind after it), so the regex
# engine skips to candidates in C: `(?<=[A-Za-z])\+` is `\+(?<=[A-Za-z]\+)`, 3x faster, same
# matches; `[^\x00-\x7f]+` is written `[^\x00-\x7f][^\x00-\x7f]*` for the same reason.
_UNIT = re.compile(
    r"[^\x00-\x7f][^\x00-\x7f]*|%[2-7][0-9A-Fa-f]|\+(?<=[A-Za-z]\+)(?=[A-Za-z])|'(?<![A-Za-z]')(?=[A-Za-z])"
)
# Placeholders (`[NAME]`) keep their case: de-identified text must still read as such.
_CAPITALS = re.compile(r"(?<!\[)\b[A-Za-z][a-z]*[A-Z][A-Za-z]*\b")
"""A word with a capital after its first letter (neither lower case nor capitalised)."""
_ODD_HINT = re.compile(r"[A-Z](?:(?<=[a-z].)|[A-Z]{3})")
"""Where an odd-case word may be (every one holds `[a-z][A-Z]` or `[A-Z]{4}`; led by the capital,
so the regex engine skips to capitals in C); `_odd` decides."""
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4096)
def _odd(word: str) -> bool:
    """A word in odd case: a name in capitals, or case alternating letter by letter.

    `GARCIA` is a Census name of four letters or more and no English word (the lower-case
    name recogniser reads such names); headings in capitals (`DISCHARGE SUMMARY`, `MERCY
    GENERAL`) and abbreviations (`DEA`, `EHR`) are not. `MaRiA` and `gArCiA` change case
    four times or more in runs of one or two letters; CamelCase (`TikTok`, `RunWithUs`,
    `McDonald`, `GmbH`) has longer runs.
    """
    if word.isupper():
        low = word.lower()
        _, first, last = census()
        return len(word) >= 4 and (low in first or low in last) and low not in english()
    runs = [len(list(group)) for _, group in itertools.groupby(word, str.isupper)]
    return len(runs) >= 5 and max(runs) <= 2


def _case_folded(text: str) -> str | None:
    """`text` with odd-case and all-capital words lower-cased, once it has an odd-case word."""
    if not any(_odd(word) for word in _hinted_words(text)):
        return None
    words = list(_CAPITALS.finditer(text))
    out = list(text)
    for m in words:
        word = m.group(0)
        if word.isupper() or _odd(word):
            out[m.start() : m.end()] = word.lower()
    return "".join(out)


def _hinted_words(text: str) -> Iterator[str]:
    r"""The words `_CAPITALS` finds in `text` that hold an `_ODD_HINT` (every odd-case word does).

    A `_CAPITALS` word is a whole run of ASCII letters with no word character (`\w`) on
    either side and no `[` before it, holding a capital after its first letter (a hint
    does). Found from the hints (a few per text) instead of trying the regex at every letter.
    """
    end = 0
    for hint in _ODD_HINT.finditer(text):
        i = hint.start()
        if i < end:  # in the run already seen
            continue
        start = i
        while start > 0 and text[start - 1] in _ASCII_LETTERS:
            start -= 1
        end = hint.end()
        while end < len(text) and text[end] in _ASCII_LETTERS:
            end += 1
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if (
            before != "["
            and not (before.isalnum() or before == "_")
            and not (after.isalnum() or after == "_")
        ):
            yield text[start:end]


@dataclass(frozen=True)
class Folded:
    """A text's folding and where each of its characters came from in the original."""

    text: str
    starts: array[int] | None
    """Original offset of each folded character (and the original length last); None when
    offsets are the same in both (only the case changed)."""
    ends: array[int] | None
    """Original end offset of the unit (character, `%XX`) each folded character came from."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the folded text's `[start, end)`."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start]
            return at, at
        return self.starts[start], self.ends[end - 1]


def _fold_char(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cf" or char in _INVISIBLE or "\U000e0100" <= char <= "\U000e01ef":
        return ""
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Pd" or char == "\u2212":
        return "-"
    mapped = char.translate(_HOMOGLYPHS)
    if mapped != char:
        return mapped
    compat = unicodedata.normalize("NFKC", char)
    if compat != char and compat.isascii():
        return compat
    return char


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    return "".join(_fold_char(c) for c in run)


# a character `_fold_char` may change: anything outside ASCII but the Latin-1 and Latin
# Extended characters it keeps as they are (accented letters: "é", "ł", "ß")
_UNSTABLE = re.compile(
    "[^\\x00-\\x7f" + "".join(chr(c) for c in range(0x80, 0x250) if _fold_char(chr(c)) == chr(c)) + "]"
)


def _lower(match: re.Match[str]) -> str:
    return match.group(0).lower()


def fold(text: str) -> Folded | None:
    """The folding of `text` (see the module docstring), or None when it has nothing to fold."""
    starts: array[int] | None = None  # 8 bytes an entry: a 1 MB text's table is 16 MB, not 60
    ends: array[int] | None = None
    folded = text
    # a unit to rewrite: `%XX`, `+`, `'` (only where those are), a character folding changes
    # (only where one outside ASCII and the Latin letters it keeps is: one search in C)
    units = "%" in text or "+" in text or "'" in text or _UNSTABLE.search(text) is not None
    if units and any(
        match.group(0)[0] in "%+'" or _fold_run(match.group(0)) != match.group(0)  # a unit that changes
        for match in _UNIT.finditer(text)
    ):
        pieces: list[str] = []
        starts, ends = array("q"), array("q")
        cursor = 0
        for match in _UNIT.finditer(text):
            begin, stop = match.span()
            if begin > cursor:
                pieces.append(text[cursor:begin])
                starts.extend(range(cursor, begin))
                ends.extend(range(cursor + 1, begin + 1))
            unit = match.group(0)
            if unit[0] == "%":
                pieces.append(chr(int(unit[1:], 16)))
                starts.append(begin)
                ends.append(stop)
            elif unit in "+'":  # a URL query's space; an opening quote (a repr: `'Maria Garcia'`)
                pieces.append(" " if unit == "+" else '"')
                starts.append(begin)
                ends.append(stop)
            else:
                for offset, char in enumerate(unit):
                    out = _fold_run(char)
                    pieces.append(out)
                    starts.extend([begin + offset] * len(out))
                    ends.extend([begin + offset + 1] * len(out))
            cursor = stop
        pieces.append(text[cursor:])
        starts.extend(range(cursor, len(text)))
        ends.extend(range(cursor + 1, len(text) + 1))
        starts.append(len(text))
        folded = "".join(pieces)
    folded = _case_folded(folded) or folded  # same length: offsets stay
    if folded == text:
        return None
    return Folded(folded, starts, ends)
