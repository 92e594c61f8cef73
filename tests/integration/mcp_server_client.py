"""Connect the official MCP SDK client to a real `orchestrator mcp` process, over stdio or HTTP."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

ROOT = Path(__file__).resolve().parents[2]
Transport = Literal["stdio", "http"]
TRANSPORTS: list[Transport] = ["stdio", "http"]


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
async def http_server(db: str, log: Path) -> AsyncIterator[str]:
    """Run `orchestrator mcp --transport http` on a free loopback port; yield its MCP URL."""
    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            command(db, "--transport", "http", "--port", str(port)), cwd=ROOT, stdout=out, stderr=out
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
async def connect(transport: Transport, db: str, workdir: Path) -> AsyncIterator[ClientSession]:
    """An initialised client session with a fresh server process on `transport`."""
    if transport == "stdio":
        params = StdioServerParameters(command=command(db)[0], args=command(db)[1:], cwd=str(ROOT))
        with (workdir / "stdio-server.log").open("w") as errlog:
            async with (
                stdio_client(params, errlog=errlog) as (read, write),
                ClientSession(read, write) as session,
            ):
                await session.initialize()
                yield session
    else:
        async with (
            http_server(db, workdir / "http-server.log") as url,
            streamable_http_client(url) as (read, write, _session_id),
            ClientSession(read, write) as session,
        ):
            await session.initialize()
            yield session
