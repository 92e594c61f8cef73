"""Facts from tools, words from the model.

A default agent's output keeps what its tools established (`facts`: the budget split,
the brand's channels and minimums, page titles, quotes and prices with their URLs,
de-identified text, health checks) apart from what the model wrote (`prose`).
`check_prose` holds the prose to the facts: a sentence stating a number, a URL or an
ad platform that no fact contains is removed and listed in `removed` with the reason, so
a small model can add words to a result, never figures. Sentences that restate the
task instead of doing it, stray quote fences and a sentence cut off by the token limit
are dropped the same way.

Limits (see DESIGN-NOTES.md): numbers written as words ("five thousand") are not
checked; a number is accepted when the same value appears anywhere in the facts, not
only beside the same subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from global_orchestrator.tools.page_facts import PLATFORMS

_URL = re.compile(r"https?://[^\s<>()\[\]\"']+")
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s?(k|m|bn|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_SCALE = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 10**9, "billion": 10**9}
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•])\s+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
_TERMINAL = re.compile(r"[.!?:;)\]\"'*]$")
_META = re.compile(
    r"^(?:the task (?:is|involves|requires|asks)|your task|task:|as an ai|"
    r"here is|here's|here are|sure[,!.]|certainly[,!.]|"
    r"the mission is about to|the (?:mission(?:'s)? )?goal is|mission goal:|results of earlier steps|"
    r"i am the|i'm the)\b",
    re.IGNORECASE,
)
# a quotation: text between paired quote marks, hugging them (so `""" fences """` are not)
_QUOTED = re.compile(r"(?<![\"“])[\"“](?=[^\s\"])([^\"“”\n]{3,}?)(?<=[^\s\"])[\"”](?![\"”])")
_PLATFORM = re.compile(r"\b(" + "|".join(PLATFORMS) + r")\b", re.IGNORECASE)


class Removed(TypedDict):
    """A sentence taken out of the model's prose, and why."""

    sentence: str
    reason: str


@dataclass(frozen=True)
class CheckedProse:
    """The model's prose with every unsupported sentence removed."""

    text: str
    removed: list[Removed] = field(default_factory=list)


def numbers_in(text: str) -> set[Decimal]:
    """Every number written in `text` (URLs skipped): `$5,000` and `5k` are both 5000."""
    found: set[Decimal] = set()
    for match in _NUMBER.finditer(_URL.sub(" ", text)):
        found.update(_values(match))
    return found


def _values(match: re.Match[str]) -> set[Decimal]:
    whole, fraction, scale = match.group(1), match.group(2) or "", match.group(3)
    try:
        value = Decimal(whole.replace(",", "") + fraction)
    except InvalidOperation:  # pragma: no cover - the pattern only matches digits
        return set()
    if scale:
        # "5k" is 5000; "5 m" may be five metres as well as five million: both count
        return {value * _SCALE[scale.lower()], value}
    return {value}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


@dataclass(frozen=True)
class FactIndex:
    """What the facts contain, for checking prose: numbers, URLs and words."""

    numbers: frozenset[Decimal]
    urls: frozenset[str]
    text: str
    """Every fact string, lower case, for the platform check."""

    @classmethod
    def of(cls, *facts: Any) -> FactIndex:
        """Index any JSON-like values (dict keys count: `{"tiktok": ...}` names tiktok)."""
        strings = [s for fact in facts for s in _strings(fact)]
        numbers: set[Decimal] = set()
        urls: set[str] = set()
        for s in strings:
            numbers |= numbers_in(s)
            urls.update(u.rstrip(".,;:") for u in _URL.findall(s))
        return cls(
            frozenset(numbers), frozenset(urls), "\n".join(" ".join(s.split()) for s in strings).lower()
        )

    def unsupported(self, sentence: str) -> str | None:
        """Why `sentence` claims something the facts do not hold, or None."""
        for url in _URL.findall(sentence):
            if url.rstrip(".,;:") not in self.urls:
                return f"the URL {url.rstrip('.,;:')} is not a source the tools read"
        bare = _URL.sub(" ", _LIST_MARKER.sub("", sentence))
        for match in _NUMBER.finditer(bare):
            if not _values(match) & self.numbers:
                return f"the number {match.group(0).strip()} is not in the tool facts"
        for match in _PLATFORM.finditer(bare):
            if not re.search(rf"\b{match.group(1).lower()}\b", self.text):
                return f"{match.group(1)} is not a channel or source in the tool facts"
        for quoted in _QUOTED.findall(sentence):
            if " ".join(quoted.lower().split()) not in self.text:
                return f'the quotation "{quoted}" is not in the tool facts'
        return None


def sentences(line: str) -> list[str]:
    """One line of text split into sentences (a quote mark left unpaired at either end dropped)."""
    out = []
    for part in _SENTENCE_END.split(line):
        s = part.strip() if part else ""
        if s.count('"') % 2:
            s = s.strip('"').strip()
        if s:
            out.append(s)
    return out


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def check_prose(
    prose: str,
    *facts: Any,
    also: Iterable[str] = (),
    restated: Iterable[str] = (),
    max_sentences: int | None = None,
) -> CheckedProse:
    """Keep the sentences of `prose` that the facts support.

    Args:
        prose: What the model wrote.
        *facts: The tool facts the prose may draw on (any JSON-like values).
        also: Further texts the prose may quote (e.g. the mission goal, an error message)
            that are not stored with the facts.
        restated: The task as the model was given it (goal, description): a sentence
            that only repeats one of them is removed.
        max_sentences: Keep at most this many sentences (the length the model was asked for).

    Returns:
        The supported sentences (lines kept as lines, list items as items), and every
        removed sentence with its reason.
    """
    also = list(also)
    index = FactIndex.of(*facts, *also)
    echoes = [plain for plain in (_plain(t) for t in restated) if plain]
    markers: list[str] = []
    lines: list[list[str]] = []
    for raw in prose.splitlines():
        marker = _LIST_MARKER.match(raw)
        markers.append(marker.group(0).strip() + " " if marker else "")
        lines.append(sentences(raw[marker.end() :] if marker else raw))
    last = max((n for n, parts in enumerate(lines) if parts), default=-1)
    kept_lines: list[str] = []
    removed: list[Removed] = []
    total = 0
    for number, parts in enumerate(lines):
        kept: list[str] = []
        for position, sentence in enumerate(parts):
            if not re.search(r"[A-Za-z]", sentence):
                continue  # quote fences, separators: noise, not a claim
            reason = index.unsupported(sentence)
            plain = _plain(sentence)
            if reason is None and (_META.match(sentence.lstrip("\"'*_ ")) or any(plain in e for e in echoes)):
                reason = "restates the task instead of doing it"
            final = number == last and position == len(parts) - 1
            if reason is None and final and (kept or kept_lines) and not _TERMINAL.search(sentence):
                reason = "cut off by the model's token limit"
            if reason is None and any(plain == _plain(k) for k in [*kept, *kept_lines]):
                reason = "repeats an earlier sentence"
            if reason is None and max_sentences is not None and len(kept) + total >= max_sentences:
                reason = f"beyond the {max_sentences} sentences asked for"
            if reason is None:
                kept.append(sentence)
            else:
                removed.append(Removed(sentence=sentence, reason=reason))
        if kept:
            total += len(kept)
            kept_lines.append(markers[number] + " ".join(kept))
    # a heading line ("Acknowledgments:") with no list under it is left over from removals
    lines_out: list[str] = []
    for n, line in enumerate(kept_lines):
        following = kept_lines[n + 1] if n + 1 < len(kept_lines) else ""
        if line.endswith(":") and len(line.split()) <= 4 and not _LIST_MARKER.match(following):
            removed.append(Removed(sentence=line, reason="a heading with nothing under it"))
        else:
            lines_out.append(line)
    return CheckedProse(text="\n".join(lines_out), removed=removed)
