"""Fixtures of the security tests: a website with patient data, an MCP server that logs calls."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from tests.security.helpers import DIAGNOSIS, DOB, DRUG, MRN, NAME
from tests.site_server import site

MCP_SERVER = Path(__file__).with_name("phi_mcp_server.py")

PATIENT_PAGE = (
    "<html><head><title>Clinic portal</title></head><body><h1>Visit summary</h1>"
    f"<p>Patient: {NAME}</p><p>MRN {MRN}, born {DOB}.</p>"
    f"<p>Diagnosis: {DIAGNOSIS}. She was prescribed {DRUG} at this visit.</p></body></html>"
)
PUBLIC_PAGE = (
    "<html><head><title>Lakeside Family Clinic</title></head><body>"
    "<p>Join the diabetes awareness month walk on Saturday. Sale ends March 3.</p></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        page = {"/patient": PATIENT_PAGE, "/public": PUBLIC_PAGE}.get(path)
        body = (page or "<p>unknown</p>").encode()
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def website() -> Iterator[str]:
    """A site on 127.0.0.1: `/patient` shows a patient's visit, `/public` a clinic's event."""
    with site(_Handler) as url:
        yield url


class McpServer:
    """Spec factory and call log of the PHI MCP test server."""

    def __init__(self, calls: Path) -> None:
        self.calls_file = calls

    def spec(self, **kw: Any) -> dict[str, Any]:
        """A stdio spec attaching the server's tools to the browser family (unless overridden)."""
        return {
            "name": "phitools",
            "family": "browser",
            "transport": "stdio",
            "command": sys.executable,
            "args": [str(MCP_SERVER), str(self.calls_file)],
            **kw,
        }

    def calls(self) -> list[dict[str, Any]]:
        """Every tool call the server received."""
        if not self.calls_file.exists():
            return []
        return [json.loads(line) for line in self.calls_file.read_text().splitlines() if line]

    def called(self, tool: str) -> bool:
        """Whether `tool` was ever called."""
        return any(c["tool"] == tool for c in self.calls())


@pytest.fixture
def mcp_server(tmp_path: Path) -> McpServer:
    """The PHI MCP server (needs the `mcp` extra)."""
    pytest.importorskip("langchain_mcp_adapters", reason="the `mcp` extra is not installed")
    return McpServer(tmp_path / "calls.jsonl")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite checkpoint database."""
    return f"sqlite:///{tmp_path}/state.db"


def db_bytes(url: str) -> bytes:
    """Every byte SQLite wrote for `url` (the database and its journal files)."""
    path = Path(url.removeprefix("sqlite:///"))
    data = b""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal"), Path(f"{path}-shm")):
        if candidate.exists():
            data += candidate.read_bytes()
    return data


@pytest.fixture
def read_db() -> Callable[[str], bytes]:
    """Read the raw bytes of a SQLite checkpoint database."""
    return db_bytes
