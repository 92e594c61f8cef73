"""A stdio MCP server for the security tests (official SDK, `FastMCP`).

    python phi_mcp_server.py CALLS_FILE

Every tool call is appended to CALLS_FILE as one JSON line before the tool answers, so a
test can prove a publishing tool was never called. `patient_lookup` answers with PHI.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mcp.server.fastmcp import FastMCP

PATIENT = (
    "Patient Maria Garcia, MRN 7730142, born April 12, 1958: tested positive for HIV, started on Truvada."
)


def build_server(calls: Path) -> FastMCP:
    """The tools: a PHI lookup, an aggregate lookup and several publishing-looking tools."""
    server = FastMCP("phi-tools", log_level="WARNING")

    def record(tool: str, **args: str) -> None:
        with calls.open("a", encoding="utf-8") as f:
            f.write(json.dumps({"tool": tool, "args": args}) + "\n")

    @server.tool()
    def patient_lookup(query: str) -> str:
        """Look a patient up in the clinic's records."""
        record("patient_lookup", query=query)
        return PATIENT

    @server.tool()
    def clinic_stats(query: str) -> str:
        """Aggregate, de-identified clinic statistics."""
        record("clinic_stats", query=query)
        return "Lakeside Family Clinic ran 14 diabetes awareness workshops this spring."

    @server.tool()
    def send_email(to: str, body: str) -> str:
        """Send an email outside the organisation."""
        record("send_email", to=to, body=body)
        return f"sent to {to}"

    @server.tool()
    def notify_team(message: str) -> str:
        """Notify a chat channel."""
        record("notify_team", message=message)
        return "notified"

    @server.tool()
    def tweet(text: str) -> str:
        """Post a tweet."""
        record("tweet", text=text)
        return "tweeted"

    @server.tool()
    def archive_note(text: str) -> str:
        """Copy a note to a partner's archive (declared publishing by the spec)."""
        record("archive_note", text=text)
        return "archived"

    @server.tool()
    def send_digest(text: str) -> str:
        """Store a digest on the internal wiki (declared internal by the spec)."""
        record("send_digest", text=text)
        return "stored internally"

    return server


def main() -> None:
    """Serve over stdio."""
    build_server(Path(sys.argv[1])).run("stdio")


if __name__ == "__main__":
    main()
