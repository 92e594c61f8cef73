"""Information-flow control: scanning what agents read and write, and the one run-time guard.

Two halves, used by the engine wherever work is bound or re-bound to an agent:

- **Scanning** (`scan_value`, `ascan_value`): the PHI categories in a JSON-like value. A
  value is read the ways an attacker could hide PHI in it: every string and dict key,
  `key: value` pairs (so `{"mrn": 7730142}` reads as a keyed identifier), all values
  joined (a name split across two fields), a URL's query parameters read the same way
  (`?first=Maria&last=Garcia`), and decoded variants of base64-, percent- and
  entity-encoded blobs. A value larger than `MAX_SCAN_CHARS` is not scanned: it counts as
  PHI (fail closed). Large values are scanned in a worker thread, off the event loop.
- **The guard** (`guard_call`): may this agent family run this subtask now, reading what
  it reads? Permissions of the family it runs as, the mission's allowed agents, approval
  of clinical work, and the PHI flow rule. It returns a `GuardDecision`; the engine calls
  it before the first attempt, a retry with changed inputs, a re-plan, a fallback to
  another family, and a shadow candidate.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import html
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qsl, unquote

from global_orchestrator.agents.catalog import ToolCatalog
from global_orchestrator.models import AgentFamily, BrandProfile, Issue, Mission, Severity, Subtask
from global_orchestrator.policies.permissions import SKIP_APPROVAL, missing_permissions, permissions_for
from global_orchestrator.policies.phi import DETECTED_CHARS, check_phi_related, detected

PHI = "phi"
"""The label of data that carries (or may carry) protected health information."""
EXTERNAL = "external"
"""The label of data that came from outside the mission (fetched pages, MCP tool answers)."""
UNSCANNABLE = "unscannable"
"""The label of data too large to scan; it is treated as PHI (fail closed)."""

MAX_SCAN_CHARS = 2_000_000
"""The largest text (in characters, all renderings of a value together) the guard scans.
Anything larger is treated as PHI: labelled `phi`, and blocked for marketing and publishing."""
OFF_LOOP_CHARS = 20_000
"""Values at least this large are scanned in a worker thread, not on the event loop."""
_CACHED_CHARS = 4_096
_MAX_DEPTH = 50
_PAIR_CHARS = 256  # keyed identifiers are short: longer values are read once, not twice
_PAIR_ITEMS = 20  # a list under a key: its first items are read after the key too
_CHUNK_CHARS = 16_384
_OVERLAP_CHARS = 1_024

_BLOB = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")
_QUERY = re.compile(r"\?([^\s#\"'<>]{3,2000})")
_PRINTABLE = re.compile(r"[\x20-\x7e\t\r\n\u00a0-\uffff]")


@dataclass(frozen=True)
class ContentScan:
    """What a scan of a value found: categories only, never the matched text."""

    categories: tuple[str, ...] = ()
    unscannable: bool = False
    """The value was larger than `MAX_SCAN_CHARS` and was not scanned (counts as PHI)."""

    @property
    def phi(self) -> bool:
        """Whether the value counts as PHI."""
        return self.unscannable or bool(self.categories)


def renderings(value: Any) -> list[str]:
    """The texts a value is scanned as (see the module docstring)."""
    return _with_decoded(_read(value))


def _read(value: Any) -> list[str]:
    """A value's texts before decoding: its values joined, then its keys and pairs if any."""
    values: list[str] = []
    keys: list[str] = []
    pairs: list[str] = []
    _walk(value, values, keys, pairs, 0)
    texts = [" ".join(values)]
    if keys:
        texts.append(" ".join(keys))
    if pairs:
        texts.append("\n".join(pairs))
    return texts


def _with_decoded(texts: list[str]) -> list[str]:
    """`texts` and, when it has any, the decoded variants of their encoded blobs."""
    decoded = _decoded("\n".join(texts))
    return [*texts, decoded] if decoded else texts


def _walk(value: Any, values: list[str], keys: list[str], pairs: list[str], depth: int) -> None:
    if depth > _MAX_DEPTH:  # a deeper value is still read, flat, as its repr
        values.append(repr(value))
        return
    kind = type(value)  # exact JSON types first: they skip the ABC checks below
    if kind is str:
        values.append(value)
    elif kind is dict:
        _walk_mapping(value, values, keys, pairs, depth)
    elif kind is list:
        for item in value:
            _walk(item, values, keys, pairs, depth + 1)
    elif isinstance(value, str):
        values.append(value)
    elif isinstance(value, Mapping):
        _walk_mapping(value, values, keys, pairs, depth)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _walk(item, values, keys, pairs, depth + 1)
    elif value is not None and kind is not bool:  # numbers, dates ...
        values.append(str(value))


def _walk_mapping(
    value: Mapping[Any, Any], values: list[str], keys: list[str], pairs: list[str], depth: int
) -> None:
    inline = depth < _MAX_DEPTH  # a str item is read as itself one level down
    for key, item in value.items():
        name = key if type(key) is str else str(key)
        keys.append(name)
        # a key names what a short value is: `ssn: 219099999`, also for `{"ssn": [...]}`,
        # a date object or `social_security_number` (read as words)
        kind = type(item)
        if kind is str:
            if len(item) <= _PAIR_CHARS:
                pairs.append(f"{_key_words(name)}: {item}")
            if inline:
                values.append(item)
                continue
        elif kind is dict or kind is bool or item is None:
            pass  # nothing to read after the key (see `_pair_text`)
        else:
            items = item[:_PAIR_ITEMS] if isinstance(item, list | tuple) else (item,)
            paired = [_pair_text(i) for i in items]
            if paired and None not in paired:
                label = _key_words(name)
                pairs.extend(f"{label}: {text}" for text in paired)
        _walk(item, values, keys, pairs, depth + 1)


def _pair_text(item: Any) -> str | None:
    """A value short and plain enough to be read after its key (None: it is not)."""
    if type(item) is str:
        return item if len(item) <= _PAIR_CHARS else None
    if item is None or isinstance(item, bool | Mapping | list | tuple | set | frozenset | bytes):
        return None
    text = item if isinstance(item, str) else str(item)
    return text if len(text) <= _PAIR_CHARS else None


_KEY_SPLIT = re.compile(r"[_\-.]+|(?<=[a-z])(?=[A-Z])")


def _key_words(key: str) -> str:
    """A key as words: `social_security_number`, `dateOfBirth` → `social security number`, `date Of Birth`.

    A key ending in a bare `id` stays as written: `productId`, `campaign_id` are the
    business's own ids, and the detector reads "... id: 7730142" as someone's identifier.
    """
    return key if len(key) > _PAIR_CHARS else _short_key_words(key)


@lru_cache(maxsize=4096)
def _short_key_words(key: str) -> str:
    words = _KEY_SPLIT.sub(" ", key)
    return key if words.rsplit(" ", 1)[-1].lower() == "id" else words


def _decoded(text: str) -> str:
    """Decoded variants of encoded blobs in `text` (base64, percent-encoding, HTML entities)."""
    found: list[str] = []
    for match in _BLOB.finditer(text):
        blob = match.group(0)
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                raw = decode(blob + "=" * (-len(blob) % 4))
                plain = raw.decode("utf-8")
            except (binascii.Error, ValueError):
                continue
            if plain and len(_PRINTABLE.findall(plain)) >= 0.9 * len(plain):
                found.append(plain)
                inner = _decoded(plain) if len(plain) >= 16 else ""
                if inner:
                    found.append(inner)
                break
    for match in _QUERY.finditer(text):  # a URL's query: read like a dict (values joined, key: value)
        params = parse_qsl(match.group(1))
        if params:
            found.append(" ".join(v for _, v in params))
            found.extend(f"{_key_words(k)}: {v}" for k, v in params)
    if "%" in text:
        unquoted = unquote(text)
        if unquoted != text:
            found.append(unquoted)
    if "&" in text:
        unescaped = html.unescape(text)
        if unescaped != text:
            found.append(unescaped)
    return "\n".join(found)


def _size(texts: Iterable[str]) -> int:
    return sum(len(t) for t in texts)


def scan_value(value: Any, *, wording: bool = False) -> ContentScan:
    """The PHI categories in a value, read every way `renderings` lists.

    Args:
        value: A string or JSON-like value (an output, a subtask's inputs ...).
        wording: Also flag PHI-related wording ("patient records", "MRN"), as the
            marketing rule does for a subtask's own text (`check_phi_related`); without
            it, only identifiers and patient health information (`detect_phi`).
    """
    read = _read(value)
    # one look-up for the whole value: what is decoded from the texts and what is found in
    # them depend on the texts alone (a tool's answer, a subtask's joined read recur)
    key = _scan_key(read, wording)
    hit = _SCANS.get(key)
    if hit is not None:
        return hit
    texts = _with_decoded(read)
    if _size(texts) > MAX_SCAN_CHARS:
        scan = ContentScan(unscannable=True)
    else:
        found: set[str] = set()
        for text in texts:
            found.update(_categories(text, wording))
        scan = ContentScan(categories=tuple(sorted(found))) if found else _CLEAN
    _SCANS.put((key, scan))
    return scan


def _scan_key(texts: list[str], wording: bool) -> tuple[bytes, bool]:
    """The cache key of a value's texts: a digest of each text after its length.

    Lengths first, so no two lists of texts share a digest input (`["ab", "c"]` and
    `["a", "bc"]` are two keys).
    """
    digest = hashlib.blake2b(digest_size=16)
    for text in texts:
        encoded = text.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.digest(), wording


async def ascan_value(value: Any, *, wording: bool = False) -> ContentScan:
    """`scan_value`, in a worker thread when the value is large (keeps the event loop free)."""
    if _quick_size(value) < OFF_LOOP_CHARS:
        return scan_value(value, wording=wording)
    return await asyncio.to_thread(scan_value, value, wording=wording)


def _quick_size(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    return len(repr(value)) if value is not None else 0


def _categories(text: str, wording: bool) -> tuple[str, ...]:
    if len(text) > _CACHED_CHARS:
        return _scan_text(text, wording)
    key = _scan_key([text], wording)
    found = _SCANNED.get(key)
    if found is not None:
        return found
    found = _scan_text(text, wording)
    if wording and len(text) <= DETECTED_CHARS:
        # the wording check ran the detector on the text (`phi.detected`, still cached):
        # its plain scan comes with it, for the guard's read of the same text at run time
        _SCANNED.put((key, found), ((key[0], False), _scan_text(text, False)))
    else:
        _SCANNED.put((key, found))
    return found


V = TypeVar("V")


class _Recent(Generic[V]):
    """Values by key, the least recently used dropped past `size`.

    Scans may run in worker threads (large values), hence the lock.
    """

    def __init__(self, size: int) -> None:
        self._items: OrderedDict[tuple[bytes, bool], V] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: tuple[bytes, bool]) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, *entries: tuple[tuple[bytes, bool], V]) -> None:
        with self._lock:
            for key, value in entries:
                self._items[key] = value
                self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_SCANNED_SIZE = 65_536
_SCANNED: _Recent[tuple[str, ...]] = _Recent(_SCANNED_SIZE)
"""Categories of the short texts scanned lately, by a 128-bit BLAKE2b digest of the text.

Keyed by digest, not by the text: an entry costs ~150 bytes whatever the text's length, so
the cache holds every text of a 10,000-subtask plan (validated, then scanned again at run
time as a subtask's own text and as part of what its call reads) in a few MB."""
_SCANS: _Recent[ContentScan] = _Recent(_SCANNED_SIZE)
"""Scans of whole values lately scanned, by a BLAKE2b digest of their texts before decoding
(length-prefixed)."""
_CLEAN = ContentScan()
"""The scan of every clean value (one object for the cache's many clean entries)."""


def _scan_text(text: str, wording: bool) -> tuple[str, ...]:
    """Categories in `text`, scanned in overlapping chunks when it is long.

    Chunks keep every regex call short, so a scan in a worker thread hands the GIL back
    to the event loop often; the overlap is far longer than any identifier and its cue.
    """
    found: set[str] = set()
    step = _CHUNK_CHARS - _OVERLAP_CHARS
    for start in range(0, max(len(text) - _OVERLAP_CHARS, 1), step):
        chunk = text[start : start + _CHUNK_CHARS]
        if not chunk.strip():
            continue
        findings = check_phi_related(chunk).findings if wording else detected(chunk)
        found.update(f.category for f in findings)
    return tuple(sorted(found))


def subtask_scan(subtask: Subtask) -> ContentScan:
    """PHI (and PHI-related wording) in a subtask's own description and inputs."""
    return scan_value({"description": subtask.description, "inputs": subtask.inputs}, wording=True)


async def asubtask_scan(subtask: Subtask) -> ContentScan:
    """`subtask_scan`, off the event loop for large subtasks."""
    return await ascan_value({"description": subtask.description, "inputs": subtask.inputs}, wording=True)


async def asafe_mission(mission: Mission) -> Mission:
    """The mission as a call that must not see PHI reads it (`ctx.mission`).

    Entries of `mission.context` that scan as PHI (a clinical note a de-identification
    step reads), and the template's own constraint entries (`constraints` beyond budget,
    currency, deadline, limits) that do, are withheld: the entry is kept, its value becomes
    `WITHHELD` (a key that carries PHI becomes `WITHHELD` too, numbered). The goal is
    checked by the guard itself.
    """
    context = await _withheld(mission.context)
    extra = mission.constraints.model_extra or {}
    constraints = await _withheld(extra)
    if context == mission.context and constraints == extra:
        return mission
    safe_constraints = mission.constraints
    if constraints != extra:
        safe_constraints = type(mission.constraints).model_validate(
            {**mission.constraints.model_dump(exclude=set(extra)), **constraints}
        )
    return mission.model_copy(update={"context": context, "constraints": safe_constraints})


async def _withheld(entries: Mapping[str, Any]) -> dict[str, Any]:
    """`entries` with every entry that scans as PHI withheld (see `asafe_mission`)."""
    out: dict[str, Any] = {}
    for number, (key, value) in enumerate(entries.items()):
        if not (await ascan_value({key: value}, wording=True)).phi:
            out[key] = value
        elif (await ascan_value(key, wording=True)).phi:
            out[f"{WITHHELD} {number}"] = WITHHELD
        else:
            out[key] = WITHHELD
    return out


def safe_brand(brand: BrandProfile) -> tuple[BrandProfile, list[str]]:
    """The brand profile without PHI, and the fields withheld.

    A profile is marketing data every agent reads (`ctx.context.brand`): a text field that
    scans as PHI (a patient named in `audience`) becomes `WITHHELD`; a channel or banned
    term that does is dropped.
    """
    update: dict[str, Any] = {}
    for field in ("name", "description", "voice", "audience"):
        value = getattr(brand, field)
        if value and scan_value(value).phi:
            update[field] = WITHHELD
    terms = [t for t in brand.banned_terms if not scan_value(t).phi]
    if len(terms) != len(brand.banned_terms):
        update["banned_terms"] = terms
    channels = {k: v for k, v in brand.channels.items() if not scan_value(k).phi}
    if len(channels) != len(brand.channels):
        update["channels"] = channels
    return (brand.model_copy(update=update), sorted(update)) if update else (brand, [])


WITHHELD = "[withheld: carries PHI]"
"""What a marketing, publishing or shadow call reads in place of a mission context entry with PHI."""


# -- the guard ---------------------------------------------------------------------------

GuardCode = str
"""`permission.denied`, `constraint.agent_not_allowed`, `approval.required`, `phi.blocked`
or `phi.unscannable`."""


@dataclass(frozen=True)
class GuardDecision:
    """Whether an agent family may run a subtask now, reading what it reads, and why not."""

    allowed: bool
    code: GuardCode = ""
    reason: str = ""
    family: str = ""
    """The family the call would run as."""
    categories: tuple[str, ...] = ()
    """PHI categories found in the subtask's own text (never the values)."""
    source: str | None = None
    """The dependency whose `phi`-labelled output it would read."""
    missing: tuple[str, ...] = ()
    """Grants the mission lacks."""

    def issue(self, subtask_id: str) -> Issue:
        """The blocking issue for the result (categories and ids, never PHI values)."""
        return Issue(code=self.code, severity=Severity.BLOCKED, message=self.reason, subtask_id=subtask_id)


ALLOWED = GuardDecision(allowed=True)


def must_not_see_phi(family: str, tool: str | None, catalog: ToolCatalog) -> bool:
    """Marketing calls, and calls of a publishing tool, must never read PHI."""
    if AgentFamily.parse(family) is AgentFamily.MARKETING:
        return True
    spec = catalog.get(tool) if tool else None
    return spec is not None and spec.publishes


async def guard_call(
    subtask: Subtask,
    family: str,
    mission: Mission,
    read_labels: Mapping[str, Iterable[str]],
    catalog: ToolCatalog,
    *,
    approved: bool = False,
    shadow: bool = False,
    own_scan: ContentScan | None = None,
    goal_scan: ContentScan | None = None,
    upstream: Mapping[str, Any] | None = None,
) -> GuardDecision:
    """The run-time guard: may `family`'s agent run `subtask` now?

    A call that must not see PHI is blocked when its upstream outputs are labelled `phi`,
    its own description or inputs carry PHI, or the mission's goal does (such calls read
    `ctx.mission`; see `asafe_mission` for the context).

    Args:
        subtask: The subtask as it would be run (after a re-plan: its new description).
        family: The family the call runs as (a fallback's or a shadow candidate's).
        mission: Grants, allowed agents and approval skipping come from the mission only.
        read_labels: Labels of each upstream output the call reads, by subtask id.
        catalog: Tools and what they need or do.
        approved: A person approved this subtask.
        shadow: The call is a shadow candidate: it never reads PHI, whatever its family.
        own_scan: `asubtask_scan(subtask)` if the caller already has it (the scheduler
            scans each subtask once for the guard and its labels); None scans here.
        goal_scan: `ascan_value(mission.goal, wording=True)` if the caller has it (one
            scan per run); None scans here.
        upstream: The outputs the call reads, by dependency id. For a call that must not
            see PHI they are scanned once more together with its description and inputs:
            PHI split across pieces that are each clean ("Maria" upstream, "Garcia, HIV"
            in another) is found in the joined text.

    Returns:
        The decision; `issue()` turns a refusal into the result's issue.
    """
    who = f"'{subtask.id}' as {family}" + (" shadow candidate" if shadow else "")
    missing = missing_permissions(mission.permissions, permissions_for(family, subtask.tool, catalog))
    if missing:
        grants = ", ".join(f"'{p}'" for p in missing)
        return GuardDecision(
            False,
            "permission.denied",
            f"{who} is blocked at run time: the mission does not grant {grants}",
            family,
            missing=missing,
        )
    allowed_agents = mission.constraints.allowed_agents
    if allowed_agents is not None and family not in allowed_agents:
        return GuardDecision(
            False,
            "constraint.agent_not_allowed",
            f"{who} needs the {family} agent, outside allowed_agents",
            family,
        )
    clinical = AgentFamily.parse(family) is AgentFamily.CLINICAL
    if clinical and not approved and SKIP_APPROVAL not in set(mission.permissions):
        return GuardDecision(
            False,
            "approval.required",
            f"{who} would run clinical work that no person approved",
            family,
        )
    if not (shadow or must_not_see_phi(family, subtask.tool, catalog)):
        return GuardDecision(True, family=family)
    for dep, labels in read_labels.items():
        found = set(labels)
        if UNSCANNABLE in found:
            return GuardDecision(
                False,
                "phi.unscannable",
                f"{who} would read output of '{dep}' too large to scan for PHI",
                family,
                source=dep,
            )
        if PHI in found:
            return GuardDecision(
                False,
                "phi.blocked",
                f"{who} is blocked before its agent ran: it would read PHI-labelled output of '{dep}'",
                family,
                source=dep,
            )
    goal = goal_scan if goal_scan is not None else await ascan_value(mission.goal, wording=True)
    if goal.phi:
        return _refused(
            goal,
            f"{who} is blocked before its agent ran: the mission's goal carries PHI-related content",
            family,
        )
    own = own_scan if own_scan is not None else await asubtask_scan(subtask)
    if own.unscannable:
        return GuardDecision(
            False,
            "phi.unscannable",
            f"{who} is blocked: its description and inputs are too large to scan for PHI "
            f"(over {MAX_SCAN_CHARS:,} characters)",
            family,
        )
    if own.categories:
        return GuardDecision(
            False,
            "phi.blocked",
            f"{who} is blocked before its agent ran: it carries PHI-related content "
            f"({', '.join(own.categories)})",
            family,
            categories=own.categories,
        )
    if upstream:
        joined = await ascan_value(
            {"description": subtask.description, "inputs": subtask.inputs, "upstream": dict(upstream)}
        )
        if joined.phi:
            return _refused(
                joined,
                f"{who} is blocked before its agent ran: what it reads carries PHI when read together",
                family,
            )
    return GuardDecision(True, family=family)


def _refused(scan: ContentScan, reason: str, family: str) -> GuardDecision:
    """A refusal for PHI found by `scan` (or text too large to scan), naming its categories."""
    return GuardDecision(
        False,
        "phi.unscannable" if scan.unscannable else "phi.blocked",
        reason + (f" ({', '.join(scan.categories)})" if scan.categories else " (too large to scan)"),
        family,
        categories=scan.categories,
    )
