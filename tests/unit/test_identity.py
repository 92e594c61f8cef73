"""Principals and tokens: constant-time lookups, secrets never shown, config from the environment."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from global_orchestrator import APPROVER, Forbidden, Principal, TokenMap, UserError, load_tokens
from global_orchestrator.identity import check_owner

ALICE = "alice-token-0123456789"
BOB = "bob-token-abcdefghijkl"


def tokens() -> TokenMap:
    return TokenMap(
        [
            {"token": ALICE, "id": "alice"},
            {"sha256": hashlib.sha256(BOB.encode()).hexdigest(), "id": "bob", "roles": [APPROVER]},
        ]
    )


def test_a_principal_is_frozen_and_its_roles_a_frozenset() -> None:
    p = Principal("alice", {"approver"})  # type: ignore[arg-type]
    assert p.roles == frozenset({"approver"}) and p.has_role(APPROVER)
    assert not Principal("bob").has_role(APPROVER)
    with pytest.raises(AttributeError):
        p.id = "mallory"  # type: ignore[misc]
    with pytest.raises(ValueError, match="non-empty id"):
        Principal(" ")


def test_tokens_map_to_principals_plain_or_hashed() -> None:
    m = tokens()
    assert m.authenticate(ALICE) == Principal("alice")
    assert m.authenticate(BOB) == Principal("bob", frozenset({APPROVER}))
    assert m.authenticate(ALICE + "x") is None
    assert m.authenticate("") is None and m.authenticate(None) is None
    assert len(m) == 2 and {p.id for p in m.principals} == {"alice", "bob"}


def test_headers_bearer_or_api_key() -> None:
    m = tokens()
    assert m.authenticate_headers({"Authorization": f"Bearer {ALICE}"}) == Principal("alice")
    assert m.authenticate_headers({"authorization": f"bearer {BOB}"}) == Principal(
        "bob", frozenset({APPROVER})
    )
    assert m.authenticate_headers({"X-API-Key": ALICE}) == Principal("alice")
    assert m.authenticate_headers({"Authorization": f"Basic {ALICE}"}) is None
    assert m.authenticate_headers({"Authorization": "Bearer wrong-token-0000000000"}) is None
    assert m.authenticate_headers({}) is None


def test_secrets_never_appear_in_reprs_or_errors() -> None:
    m = tokens()
    assert ALICE not in repr(m) and "2 tokens" in repr(m)
    with pytest.raises(UserError) as short:
        TokenMap([{"token": "short-secret", "id": "carol"}])
    assert "short-secret" not in str(short.value) and "entry 0" in str(short.value)
    with pytest.raises(UserError, match="exactly one of") as both:
        TokenMap([{"token": ALICE, "sha256": "0" * 64, "id": "carol"}])
    assert ALICE not in str(both.value)
    with pytest.raises(UserError, match="repeats another entry") as twice:
        TokenMap(
            [{"token": ALICE, "id": "a"}, {"sha256": hashlib.sha256(ALICE.encode()).hexdigest(), "id": "b"}]
        )
    assert ALICE not in str(twice.value)


def test_load_tokens_from_the_environment_inline_or_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ORCHESTRATOR_TOKENS", raising=False)
    assert load_tokens() is None
    monkeypatch.setenv("ORCHESTRATOR_TOKENS", json.dumps([{"token": ALICE, "id": "alice"}]))
    loaded = load_tokens()
    assert loaded is not None and loaded.authenticate(ALICE) == Principal("alice")

    yaml_file = tmp_path / "tokens.yaml"
    yaml_file.write_text(f"tokens:\n  - token: {BOB}\n    id: bob\n    roles: [approver]\n")
    monkeypatch.setenv("ORCHESTRATOR_TOKENS", str(yaml_file))
    loaded = load_tokens()
    assert loaded is not None and loaded.authenticate(BOB) == Principal("bob", frozenset({APPROVER}))

    with pytest.raises(UserError, match="cannot read"):
        load_tokens(tmp_path / "missing.json")
    with pytest.raises(UserError, match="no entries"):
        load_tokens("[]")
    with pytest.raises(UserError, match="inline JSON is invalid") as bad:
        load_tokens(f'[{{"token": "{ALICE}"')
    assert ALICE not in str(bad.value)


def test_check_owner_words_a_foreign_run_like_a_missing_one() -> None:
    check_owner(None, "alice", "t1")  # a trusted caller sees every run
    check_owner(Principal("alice"), "alice", "t1")
    with pytest.raises(Forbidden) as foreign:
        check_owner(Principal("bob"), "alice", "t1")
    assert str(foreign.value) == "no mission run in thread 't1'"
    with pytest.raises(Forbidden):
        check_owner(Principal("bob"), None, "t1")  # a run without an owner is the trusted callers'
