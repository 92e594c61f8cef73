"""Authentication of the MCP server over HTTP: bearer tokens to principals, per request.

The MCP SDK's bearer middleware (FastMCP's `token_verifier`) answers 401 to a request
without a valid `Authorization: Bearer` token; `TokenVerifier` maps a token to its
principal through a `TokenMap`, and `request_principal` reads that principal back in a
tool call, from the call's own HTTP request. `check_http_exposure` decides whether the
HTTP transport may start without tokens.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from mcp.server.auth.provider import AccessToken
from mcp.server.fastmcp import Context

from global_orchestrator.errors import UserError
from global_orchestrator.identity import Principal, TokenMap

__all__ = ["TokenVerifier", "check_http_exposure", "is_loopback", "request_principal"]

logger = logging.getLogger(__name__)


class TokenVerifier:
    """The MCP SDK's token verifier over a `TokenMap`: the principal rides in the access token."""

    def __init__(self, tokens: TokenMap) -> None:
        self.tokens = tokens

    async def verify_token(self, token: str) -> AccessToken | None:
        """An access token for the token's principal (client id = principal id, scopes = roles)."""
        principal = self.tokens.authenticate(token)
        if principal is None:
            return None
        return AccessToken(token="[withheld]", client_id=principal.id, scopes=sorted(principal.roles))


def request_principal(ctx: Context[Any, Any, Any]) -> Principal | None:
    """The authenticated principal of this tool call; None over stdio (the trusted local user).

    Read from this call's own HTTP request (the bearer middleware's user), not from the
    session: each request is authenticated on its own.
    """
    try:
        request = ctx.request_context.request
    except (LookupError, ValueError):
        return None
    scope = getattr(request, "scope", None)
    user = scope.get("user") if isinstance(scope, dict) else None
    access: AccessToken | None = getattr(user, "access_token", None)
    if access is None:
        return None
    return Principal(access.client_id, frozenset(access.scopes))


def is_loopback(host: str) -> bool:
    """Whether binding `host` serves this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_http_exposure(host: str, tokens: TokenMap | None, *, allow_anonymous: bool) -> None:
    """Refuse streamable HTTP without tokens unless asked for; warn loudly when that is exposed.

    Raises:
        UserError: no tokens and `allow_anonymous` not set.
    """
    if tokens is not None:
        return
    if not allow_anonymous:
        raise UserError(
            "the HTTP transport needs bearer tokens: set ORCHESTRATOR_TOKENS (or --tokens) to a "
            "JSON/YAML token file, or pass --no-auth to serve without authentication"
        )
    if is_loopback(host):
        logger.warning("MCP over HTTP without authentication on %s: any local process can call it", host)
        return
    banner = "!" * 78
    logger.warning(
        "\n%s\nMCP over HTTP WITHOUT AUTHENTICATION, bound to %s (not loopback): anyone who can reach "
        "this port can read every run's results and approve clinical steps. Set ORCHESTRATOR_TOKENS.\n%s",
        banner,
        host,
        banner,
    )
