"""MCP server specs: how a user describes a server whose tools a family may call.

Specs come from `run_mission(..., mcp_servers=[...])` or the `ORCHESTRATOR_MCP_SERVERS`
setting (a JSON list, a `{name: spec}` map, or the path of a JSON/YAML file holding one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from global_orchestrator.errors import UserError
from global_orchestrator.loading import describe_validation_error
from global_orchestrator.models import AgentFamily, WireModel

McpTransport = Literal["stdio", "streamable_http"]

_TRANSPORTS: dict[str, McpTransport] = {
    "stdio": "stdio",
    "streamable_http": "streamable_http",
    "streamable-http": "streamable_http",
    "http": "streamable_http",
}


class McpServerSpec(WireModel):
    """One MCP server whose tools an agent family may call."""

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
    """Unique name of the server, used in messages."""
    family: AgentFamily
    """The agent family the tools are attached to (`browser`, `marketing`, ...)."""
    transport: McpTransport
    """`stdio` (a command the orchestrator starts) or `streamable_http` (a URL)."""
    command: str | None = None
    """stdio: the program to start."""
    args: list[str] = Field(default_factory=list)
    """stdio: its arguments."""
    env: dict[str, str] | None = None
    """stdio: its environment (default: a safe subset of the current one)."""
    cwd: str | None = None
    """stdio: its working directory."""
    url: str | None = None
    """streamable_http: the endpoint, e.g. `http://127.0.0.1:8000/mcp`."""
    headers: dict[str, str] | None = None
    """streamable_http: extra HTTP headers (e.g. authorization)."""
    tools: list[str] | None = None
    """Only these tools are attached (default: all the server lists). Declared tools stay
    known when the server is down, so their calls fail with the reason."""
    side_effects: list[str] = Field(default_factory=list)
    """Tools that change the world outside; shadow runs must not call them."""
    publishes: list[str] = Field(default_factory=list)
    """Tools that send data outside the organisation (e-mail, posts, uploads): blocked when
    anything they read is labelled `phi`. Tools named like `send_*`, `post_*`, `publish_*`,
    `email_*`, `share_*`, `upload_*`, `notify_*`, `sms_*`, `message_*` or `tweet*` publish
    unless listed in `internal` (see `publishes_by_name`)."""
    internal: list[str] = Field(default_factory=list)
    """Tools declared not to publish, whatever their name says."""
    timeout: float = Field(default=30.0, gt=0)
    """Seconds allowed for connecting and for each tool call."""

    @field_validator("family", mode="before")
    @classmethod
    def _family(cls, value: Any) -> Any:
        if isinstance(value, str):
            family = AgentFamily.parse(value)
            if family is None:
                known = ", ".join(f.value for f in AgentFamily)
                raise ValueError(f"unknown agent family '{value}' (known: {known})")
            return family
        return value

    @field_validator("transport", mode="before")
    @classmethod
    def _transport(cls, value: Any) -> Any:
        return _TRANSPORTS.get(value.strip().lower(), value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _check(self) -> McpServerSpec:
        if self.transport == "stdio":
            if not self.command:
                raise ValueError("command: a stdio server needs the command that starts it")
            if self.url is not None:
                raise ValueError("url: a stdio server takes a command, not a url")
        else:
            if not self.url:
                raise ValueError("url: a streamable_http server needs its endpoint URL")
            parsed = urlparse(self.url)
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise ValueError(f"url: '{self.url}' is not an http(s) URL")
            if self.command is not None:
                raise ValueError("command: a streamable_http server takes a url, not a command")
        if self.tools is not None:
            for field_name, names in (
                ("sideEffects", self.side_effects),
                ("publishes", self.publishes),
                ("internal", self.internal),
            ):
                undeclared = sorted(set(names) - set(self.tools))
                if undeclared:
                    raise ValueError(f"{field_name}: {', '.join(undeclared)} not in tools")
        both = sorted(set(self.publishes) & set(self.internal))
        if both:
            raise ValueError(f"publishes and internal both list {', '.join(both)}")
        return self

    def tool_publishes(self, tool: str) -> bool:
        """Whether `tool` sends data outside: declared, or named so (and not declared internal)."""
        if tool in self.publishes:
            return True
        return tool not in self.internal and publishes_by_name(tool)

    def catalog_name(self, tool: str) -> str:
        """The catalog name of one of this server's tools: `<family>.<tool>`."""
        return f"{self.family.value}.{tool}"

    def connection(self) -> dict[str, Any]:
        """The connection config `langchain-mcp-adapters` takes."""
        if self.transport == "stdio":
            conn: dict[str, Any] = {"transport": "stdio", "command": self.command, "args": list(self.args)}
            if self.env is not None:
                conn["env"] = dict(self.env)
            if self.cwd is not None:
                conn["cwd"] = self.cwd
            return conn
        conn = {"transport": "streamable_http", "url": self.url, "timeout": self.timeout}
        if self.headers:
            conn["headers"] = dict(self.headers)
        return conn


_PUBLISHING_NAME = re.compile(
    r"^(?:(?:send|post|publish|email|e_mail|mail|share|upload|notify|sms|message|tweet|broadcast|dm)(?:[_.-]|$)|tweet)",
    re.IGNORECASE,
)


def publishes_by_name(tool: str) -> bool:
    """Conservative default: a tool named like `send_email`, `post_update` or `tweet` publishes."""
    return _PUBLISHING_NAME.match(tool.strip()) is not None


ServersLike = str | Path | Sequence[McpServerSpec | Mapping[str, Any]] | Mapping[str, Any]
"""MCP servers as given by a user: specs, dicts, a JSON list, a `{name: spec}` map, or a file path."""


def parse_mcp_servers(value: ServersLike | None) -> list[McpServerSpec]:
    """Read MCP server specs from objects, dicts, JSON text or a JSON/YAML file.

    Raises:
        UserError: the text or file cannot be read, or a spec is invalid (naming the field).
    """
    if value is None:
        return []
    data: Any = value
    if isinstance(value, Path) or (isinstance(value, str) and not value.lstrip().startswith(("[", "{"))):
        data = _read_file(Path(value))
    elif isinstance(value, str):
        try:
            data = json.loads(value)
        except json.JSONDecodeError as exc:
            raise UserError(f"invalid JSON in MCP server list: {exc.msg} (column {exc.colno})") from None
    if isinstance(data, Mapping):
        # `{name: spec}`, the shape of Claude Desktop's `mcpServers`
        inner = data.get("mcpServers", data)
        if not isinstance(inner, Mapping):
            raise UserError("mcpServers must be a list of server specs or a map of name to spec")
        data = [{"name": name, **spec} if isinstance(spec, Mapping) else spec for name, spec in inner.items()]
    if not isinstance(data, Sequence) or isinstance(data, str):
        raise UserError("mcpServers must be a list of server specs or a map of name to spec")
    specs: list[McpServerSpec] = []
    for i, item in enumerate(data):
        if isinstance(item, McpServerSpec):
            specs.append(item)
            continue
        try:
            specs.append(McpServerSpec.model_validate(item))
        except ValidationError as exc:
            raise UserError(f"invalid MCP server mcpServers[{i}]: {describe_validation_error(exc)}") from None
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise UserError(f"two MCP servers are named '{spec.name}': names must be unique")
        seen.add(spec.name)
    return specs


def configured_mcp_servers(value: ServersLike | None = None) -> list[McpServerSpec]:
    """The servers of a run: `value` if given, else the `ORCHESTRATOR_MCP_SERVERS` setting."""
    if value is not None:
        return parse_mcp_servers(value)
    from global_orchestrator.settings import get_settings

    return parse_mcp_servers(get_settings().mcp_servers)


def _read_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read MCP server file {path}: {exc.strerror or exc}") from None
    try:
        return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise UserError(f"invalid MCP server file {path}: {exc}") from None
