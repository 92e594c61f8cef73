"""Who is asking: principals, their roles, and the tokens that authenticate them.

A `Principal` is the authenticated caller of a surface (the MCP server over HTTP, the
chat example). Every run records its owner: the principal that started it, or, for a
trusted caller, the mission's `userId`. With a principal, `Orchestrator.run/stream/
resume/stream_resume/status` only see and resume runs that principal owns, and approving
a clinical subtask also needs the `APPROVER` role. `principal=None` means a trusted local
caller (the Python API, the CLI, the stdio MCP server: whoever can start the process can
read its database anyway) and sees every run.

HTTP surfaces map a bearer token or API key to a principal with a `TokenMap`, loaded
from `ORCHESTRATOR_TOKENS` (inline JSON, or the path of a JSON/YAML file)::

    [
      {"token": "alice-secret", "id": "alice"},
      {"sha256": "9f86d081884c7d65...", "id": "dr-bob", "roles": ["approver"]}
    ]

An entry names its token as stored (`token`) or as the hex SHA-256 of it (`sha256`, so
the file need not hold the secret). Lookups compare in constant time against every
entry (`hmac.compare_digest`); tokens never appear in reprs, errors or logs.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from global_orchestrator.errors import Forbidden, UserError

__all__ = [
    "APPROVER",
    "TOKENS_ENV",
    "Forbidden",
    "Principal",
    "TokenEntry",
    "TokenMap",
    "check_owner",
    "load_tokens",
]

APPROVER = "approver"
"""The role that may approve clinical subtasks (rejecting one needs no role)."""

TOKENS_ENV = "ORCHESTRATOR_TOKENS"
"""The environment variable `load_tokens` reads: inline JSON, or a JSON/YAML file's path."""


@dataclass(frozen=True)
class Principal:
    """An authenticated caller: an id (the owner recorded on its runs) and its roles."""

    id: str
    """Who it is; runs it starts are owned by this id (the mission's `userId` is set to it)."""
    roles: frozenset[str] = field(default_factory=frozenset)
    """What it may do beyond its own runs' basics, e.g. `APPROVER`."""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValueError("a principal needs a non-empty id")
        if not isinstance(self.roles, frozenset):
            object.__setattr__(self, "roles", frozenset(self.roles))

    def has_role(self, role: str) -> bool:
        """Whether the principal holds `role`."""
        return role in self.roles


class TokenEntry(BaseModel):
    """One configured credential: the token (or its SHA-256) and the principal it stands for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    """The principal's id."""
    roles: list[str] = Field(default_factory=list)
    """The principal's roles (`approver` may approve clinical subtasks)."""
    token: str | None = Field(default=None, min_length=16, repr=False)
    """The bearer token / API key itself (at least 16 characters)."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$", repr=False)
    """Or the hex SHA-256 of the token, so the file need not hold the secret."""

    @model_validator(mode="after")
    def _one_secret(self) -> TokenEntry:
        if (self.token is None) == (self.sha256 is None):
            raise ValueError("give exactly one of `token` or `sha256`")
        return self

    def digest(self) -> bytes:
        """The SHA-256 of the token (what lookups compare)."""
        if self.sha256 is not None:
            return bytes.fromhex(self.sha256)
        assert self.token is not None
        return hashlib.sha256(self.token.encode()).digest()


class TokenMap:
    """Bearer tokens / API keys → principals; lookups in constant time, secrets never shown.

    Args:
        entries: The configured credentials (`TokenEntry`s or dicts of their fields).

    Raises:
        UserError: an entry is malformed, or two entries share a token.
    """

    def __init__(self, entries: Iterable[TokenEntry | Mapping[str, Any]]) -> None:
        self._entries: list[tuple[bytes, Principal]] = []
        for n, raw in enumerate(entries):
            entry = raw if isinstance(raw, TokenEntry) else _entry(raw, n)
            digest = entry.digest()
            if any(hmac.compare_digest(digest, known) for known, _ in self._entries):
                raise UserError(f"tokens: entry {n} ({entry.id}) repeats another entry's token")
            self._entries.append((digest, Principal(entry.id, frozenset(entry.roles))))

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"TokenMap({len(self._entries)} tokens)"

    @property
    def principals(self) -> list[Principal]:
        """Every configured principal (no secrets)."""
        return [principal for _, principal in self._entries]

    def authenticate(self, token: str | None) -> Principal | None:
        """The principal `token` stands for, or None (compared against every entry, in constant time)."""
        if not token:
            return None
        digest = hashlib.sha256(token.encode()).digest()
        found: Principal | None = None
        for known, principal in self._entries:  # no early exit: the time does not depend on the match
            if hmac.compare_digest(digest, known):
                found = principal
        return found

    def authenticate_headers(self, headers: Mapping[str, str]) -> Principal | None:
        """The principal of a request: `Authorization: Bearer <token>`, else `X-API-Key: <token>`.

        Args:
            headers: The request's headers (any mapping; names are matched case-insensitively).
        """
        lower = {k.lower(): v for k, v in headers.items()}
        authorization = lower.get("authorization", "")
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() == "bearer" and credentials.strip():
            return self.authenticate(credentials.strip())
        api_key = lower.get("x-api-key", "").strip()
        return self.authenticate(api_key) if api_key else None


def _entry(raw: Mapping[str, Any], n: int) -> TokenEntry:
    try:
        return TokenEntry.model_validate(raw)
    except ValidationError as exc:
        # never echo the input: it holds the secret
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(entry)'}: {e['msg']}"
            for e in exc.errors(include_url=False, include_input=False, include_context=False)
        )
        raise UserError(f"tokens: entry {n}: {problems}") from None


def load_tokens(source: str | Path | None = None) -> TokenMap | None:
    """The token map configured by `source`, else by `ORCHESTRATOR_TOKENS`; None when neither is set.

    Args:
        source: Inline JSON (a list of entries, or `{"tokens": [...]}`), or the path of a
            JSON or YAML file holding the same.

    Raises:
        UserError: the file is missing or unreadable, or an entry is malformed (the
            message names the entry by position and id, never its token).
    """
    if source is None:
        from global_orchestrator.settings import get_settings

        source = get_settings().tokens
        if not source:
            return None
    text = str(source).strip()
    if isinstance(source, str) and text[:1] in ("[", "{"):
        try:
            data: Any = json.loads(text)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise UserError(f"tokens: inline JSON is invalid ({where})") from None
    else:
        path = Path(text).expanduser()
        try:
            data = yaml.safe_load(path.read_text())
        except OSError as exc:
            raise UserError(f"tokens: cannot read {path}: {exc.strerror or exc}") from None
        except yaml.YAMLError:
            raise UserError(f"tokens: {path} is not valid JSON or YAML") from None
    if isinstance(data, Mapping) and set(data) == {"tokens"}:
        data = data["tokens"]
    if not isinstance(data, list):
        raise UserError(
            'tokens: expected a list of entries ({"token"|"sha256", "id", "roles"}) or {"tokens": [...]}'
        )
    if not data:
        raise UserError("tokens: no entries (an empty map would refuse everyone)")
    return TokenMap(
        entry if isinstance(entry, Mapping) else _not_a_mapping(n) for n, entry in enumerate(data)
    )


def _not_a_mapping(n: int) -> Mapping[str, Any]:
    raise UserError(f"tokens: entry {n} is not an object")


def check_owner(principal: Principal | None, owner: str | None, thread_id: str) -> None:
    """Allow a trusted caller (None) or the run's owner; anyone else gets the "no run" error.

    Raises:
        Forbidden: the principal does not own the run (worded as if the run did not exist).
    """
    if principal is not None and principal.id != owner:
        raise Forbidden(f"no mission run in thread '{thread_id}'")
