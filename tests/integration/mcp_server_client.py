"""Connect the official MCP SDK client to a real `orchestrator mcp` process, over stdio or HTTP.

Over HTTP the server requires bearer tokens (`TOKENS`: alice, an approver, and bob, who
is not); the client sends alice's unless told otherwise.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

import httpx
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import get_default_environment, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult, InitializeResult

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = ROOT / "examples/missions"


def mission(name: str) -> dict[str, Any]:
    """An example mission file as a tool argument."""
    data: dict[str, Any] = json.loads((MISSIONS / name).read_text())
    return data


def ok(result: CallToolResult) -> dict[str, Any]:
    """A tool call's JSON answer; it must not be an error."""
    assert not result.isError, result.content
    data: dict[str, Any] = json.loads(result.content[0].text)  # type: ignore[union-attr]
    return data


def error(result: CallToolResult) -> str:
    """A tool call's error text: one clear line, no traceback."""
    assert result.isError, result.content
    text: str = result.content[0].text  # type: ignore[union-attr]
    assert "\n" not in text and "Traceback" not in text  # one clear line
    return text


Transport = Literal["stdio", "http"]
TRANSPORTS: list[Transport] = ["stdio", "http"]

ALICE_TOKEN = "alice-approver-token-0001"
BOB_TOKEN = "bob-plain-token-000000002"
TOKENS = [
    {"token": ALICE_TOKEN, "id": "alice", "roles": ["approver"]},
    {"token": BOB_TOKEN, "id": "bob"},
]


def command(db: str, *extra: str) -> list[str]:
    """`orchestrator mcp` with the echo model (no real model) and the example brands."""
    return [
        sys.executable,
        "-c",
        "from global_orchestrator.cli import main; main()",
        "mcp",
        "--db",
        db,
        "--model",
        "echo",
        "--brands",
        str(ROOT / "examples/brands"),
        *extra,
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"orchestrator mcp exited with {process.returncode}:\n{log.read_text()}")
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError(f"orchestrator mcp did not listen on port {port}:\n{log.read_text()}")


@asynccontextmanager
async def http_server(db: str, log: Path, *extra: str) -> AsyncIterator[str]:
    """Run `orchestrator mcp --transport http` (alice's and bob's tokens) on a free loopback port; yield its URL."""
    port = free_port()
    tokens = log.parent / "tokens.json"
    tokens.write_text(json.dumps(TOKENS))
    with log.open("wb") as out:
        process = subprocess.Popen(
            command(db, "--transport", "http", "--port", str(port), "--tokens", str(tokens), *extra),
            cwd=ROOT,
            stdout=out,
            stderr=out,
        )
    try:
        await _wait_for_port(port, process, log)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@asynccontextmanager
async def http_session(
    url: str, token: str | None = ALICE_TOKEN, init: list[InitializeResult] | None = None
) -> AsyncIterator[ClientSession]:
    """An initialised client session on a running HTTP server, sending `token` as its bearer.

    `init`, when given, receives the server's answer to `initialize` (serverInfo ...).
    """
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with (
        httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(60, read=300)) as http,
        streamable_http_client(url, http_client=http) as (read, write, _session_id),
        ClientSession(read, write) as session,
    ):
        result = await session.initialize()
        if init is not None:
            init.append(result)
        yield session


@asynccontextmanager
async def connect(
    transport: Transport, db: str, workdir: Path, *extra: str, init: list[InitializeResult] | None = None
) -> AsyncIterator[ClientSession]:
    """An initialised client session with a fresh server process on `transport` (HTTP: as alice)."""
    if transport == "stdio":
        argv = command(db, *extra)
        # the SDK passes a minimal environment; keep PYTHONPATH so a worktree's code is the one served
        env = get_default_environment()
        if "PYTHONPATH" in os.environ:
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        params = StdioServerParameters(command=argv[0], args=argv[1:], cwd=str(ROOT), env=env)
        with (workdir / "stdio-server.log").open("w") as errlog:
            async with (
                stdio_client(params, errlog=errlog) as (read, write),
                ClientSession(read, write) as session,
            ):
                result = await session.initialize()
                if init is not None:
                    init.append(result)
                yield session
    else:
        async with (
            http_server(db, workdir / "http-server.log", *extra) as url,
            http_session(url, init=init) as session,
        ):
            yield session
