"""A small MCP server for the tests, built with the official SDK (`FastMCP`).

Run it over stdio (`python mcp_tool_server.py stdio`) or streamable HTTP on 127.0.0.1
(`python mcp_tool_server.py http --port 8765`, endpoint `/mcp`).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from mcp.server.fastmcp import FastMCP

FACTS = {
    "paris": "Paris is the capital of France.",
    "python": "Python was first released in 1991.",
}


def build_server(port: int = 8000) -> FastMCP:
    """The test server: a lookup, a tool that always fails, a structured answer."""
    server = FastMCP("test-tools", host="127.0.0.1", port=port, log_level="WARNING")

    @server.tool()
    def lookup(query: str) -> str:
        """Look a fact up by keyword."""
        fact = FACTS.get(query.strip().lower())
        if fact is None:
            raise ValueError(f"no fact about '{query}'")
        return f"[{query}] {fact}"

    @server.tool()
    def explode(reason: str = "kaboom") -> str:
        """Always fail with the given reason."""
        raise RuntimeError(f"tool exploded: {reason}")

    @server.tool()
    def word_stats(text: str) -> dict[str, Any]:
        """Count words and characters of a text (structured output)."""
        return {"words": len(text.split()), "chars": len(text)}

    @server.tool()
    def publish(message: str) -> str:
        """Pretend to publish a message (a side-effecting tool)."""
        return f"published: {message}"

    @server.tool()
    def crash() -> str:
        """Kill the server process (a server that dies mid-run)."""
        os._exit(1)

    return server


def main() -> None:
    """Serve over the transport named on the command line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("transport", choices=["stdio", "http"])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--pid-file", help="write this process's id here (to check it is stopped)")
    args = parser.parse_args()
    if args.pid_file:
        Path(args.pid_file).write_text(str(os.getpid()), encoding="utf-8")
    server = build_server(args.port)
    server.run("stdio" if args.transport == "stdio" else "streamable-http")


if __name__ == "__main__":
    main()
