"""Run `langgraph dev` (the LangGraph Studio server) on a free loopback port, offline."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "langgraph.json"
READY_TIMEOUT = 90.0

# Environment variables that would reach a real provider or a hosted service.
_DROPPED = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "LANGSMITH_API_KEY",
    "LANGCHAIN_API_KEY",
    "LANGGRAPH_API_KEY",
)


@dataclass(frozen=True)
class StudioServer:
    """A running `langgraph dev` server."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def log_text(self) -> str:
        """The server's output so far (stdout and stderr)."""
        return self.log.read_text(errors="replace")


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def langgraph_command() -> Path:
    """The `langgraph` console script of this interpreter's environment (the `studio` extra)."""
    script = Path(sys.executable).with_name("langgraph")
    if not script.is_file():
        raise AssertionError(f"{script} is missing: install the studio extra (pip install -e '.[studio]')")
    return script


def server_env(model: str) -> dict[str, str]:
    """The server's environment: offline, no telemetry, no tracing, the given model spec."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env |= {
        "ORCHESTRATOR_MODEL": model,
        "LANGGRAPH_CLI_NO_ANALYTICS": "1",
        "LANGGRAPH_NO_VERSION_CHECK": "true",
        "LANGSMITH_TRACING": "false",
        "LANGCHAIN_TRACING_V2": "false",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    return env


@contextmanager
def studio_server(workdir: Path, *, model: str = "echo") -> Iterator[StudioServer]:
    """Start `langgraph dev --no-browser --no-reload` on a free port; stop its process group after.

    The server runs in `workdir` (its in-memory persistence writes `.langgraph_api/` there)
    with the repository's `langgraph.json`.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / "langgraph-dev.log"
    cmd = [
        str(langgraph_command()),
        "dev",
        "--no-browser",
        "--no-reload",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--config",
        str(CONFIG),
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            cmd,
            cwd=workdir,
            env=server_env(model),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = StudioServer(url=url, log=log, process=process)
    try:
        _wait_ready(server)
        yield server
    finally:
        _stop(process)


def _wait_ready(server: StudioServer) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(
                f"langgraph dev exited with {server.process.returncode}:\n{server.log_text()[-4000:]}"
            )
        try:
            if httpx.get(f"{server.url}/ok", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"langgraph dev not ready after {READY_TIMEOUT:.0f} s:\n{server.log_text()[-4000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
