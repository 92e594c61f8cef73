"""PHI in exception text: reprs, a failing `__str__`, groups, chains and notes, and the
surfaces that print errors (results, the MCP server's tool errors and log, the CLI line).

The engine shows an exception as `Type: message`, redacted; a message it cannot even turn
into text shows as the type alone. Chained exceptions, notes and group members are never
shown, and the MCP server logs a bug's traceback only at DEBUG level.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import arun_mission
from tests.security.helpers import (
    FAST,
    MRN,
    NAME,
    NOTE,
    SSN,
    assert_clean,
    mission,
    plan,
    raises,
    step,
    uid,
)


class UnprintableError(Exception):
    """An exception whose `__str__` fails with the patient's note."""

    def __str__(self) -> str:
        raise RuntimeError(NOTE)


def _chained() -> Exception:
    try:
        try:
            raise LookupError(NOTE)
        except LookupError as inner:
            raise RuntimeError("lookup failed") from inner
    except RuntimeError as outer:
        outer.add_note(f"while reading the chart of {NAME}, MRN {MRN}")
        return outer


ERRORS: dict[str, Any] = {
    "key-error-repr": lambda: KeyError(f"{NAME} (MRN {MRN})"),
    "repr-of-a-record": lambda: ValueError(f"bad row {{'name': '{NAME}', 'ssn': '{SSN}'}}"),
    "unprintable": UnprintableError,
    "group": lambda: ExceptionGroup("several lookups failed", [ValueError(NOTE), KeyError(NAME)]),
    "cause-and-note": _chained,
}


@pytest.mark.parametrize("kind", ERRORS)
async def test_exception_text_never_shows_phi_and_never_crashes_the_run(kind: str) -> None:
    """Attack: an agent fails with PHI in a repr, in a failing `__str__`, a group, a chain or a note."""
    m = mission("exc-text")
    result = await arun_mission(
        m,
        plan=plan(m, step("b", "browser", "browser.plan", "Look the clinic up")),
        agents={"browser": raises(ERRORS[kind]())},
        retry=FAST,
    )
    failed = result.results["b"]
    assert failed.status == "failed" and failed.error
    assert failed.error.split(":")[0] in {
        "KeyError",
        "ValueError",
        "UnprintableError",
        "ExceptionGroup",
        "RuntimeError",
    }
    assert_clean(result, where=f"result of a {kind} failure")


def _mcp_session(server: Any) -> Any:
    from mcp.shared.memory import create_connected_server_and_client_session

    return create_connected_server_and_client_session(server)


async def test_mcp_tool_errors_do_not_echo_phi_from_the_callers_input() -> None:
    """Attack: a client sends PHI where an id, a type, a brand or a field name goes; the error echoes it."""
    pytest.importorskip("mcp", reason="the `mcp` extra is not installed")
    from global_orchestrator.mcp_server import create_server
    from global_orchestrator.testing import ScriptedChatModel

    server = create_server(db="memory", model=ScriptedChatModel(responses=[]))
    who = f"{NAME} SSN {SSN}"
    calls = [
        ("orchestrator.run", {"mission": {"id": uid("m"), "type": who, "goal": "g"}}),
        (
            "orchestrator.run",
            {"mission": {"id": uid("m"), "type": "marketing.campaign", "goal": "g", "brandId": who}},
        ),
        (
            "orchestrator.run",
            {"mission": {"id": uid("m"), "type": "marketing.campaign", "goal": "g", who: 1}},
        ),
        ("orchestrator.status", {"thread_id": who}),
        ("orchestrator.plan", {"mission": {"id": uid("m"), "type": who, "goal": "g"}}),
    ]
    async with _mcp_session(server) as session:
        for tool, arguments in calls:
            answer = await session.call_tool(tool, arguments)
            assert answer.isError, (tool, answer.content)
            assert_clean(answer.content[0].text, where=f"{tool} error text")


async def test_mcp_unexpected_error_is_redacted_for_the_client_and_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Attack: a bug's exception carries PHI (message, cause, note); the MCP host shows and logs it."""
    pytest.importorskip("mcp", reason="the `mcp` extra is not installed")
    from global_orchestrator.mcp_server import create_server
    from global_orchestrator.testing import ScriptedChatModel

    server = create_server(db="memory", model=ScriptedChatModel(responses=[]))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"state corrupt near {NOTE}") from _chained()

    server.runtime.stream = broken  # type: ignore[method-assign]
    m = {"id": uid("m"), "type": "marketing.campaign", "goal": "Spring sale", "constraints": {"budget": 10}}
    with caplog.at_level(logging.INFO):
        async with _mcp_session(server) as session:
            answer = await session.call_tool("orchestrator.run", {"mission": m})
    assert answer.isError and "RuntimeError" in answer.content[0].text
    assert_clean(answer.content[0].text, where="tool error text")
    logged = [logging.Formatter("%(message)s").format(r) for r in caplog.records if r.levelno >= logging.INFO]
    assert any("failed unexpectedly" in line for line in logged), logged
    assert_clean("\n".join(logged), where="server log at INFO and above")


def test_cli_error_line_does_not_echo_phi_from_the_mission_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Attack: a mission file puts PHI where the template type goes; the CLI's one-line error echoes it."""
    from global_orchestrator import cli

    file = tmp_path / "m.json"
    file.write_text(json.dumps({"id": "cli-exc", "type": f"{NAME} SSN {SSN}", "goal": "g"}))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["run", str(file), "--db", f"sqlite:///{tmp_path}/s.db", "--model", "echo"])
    assert exit_info.value.code == 2
    shown = capsys.readouterr()
    assert "unknown mission type" in shown.err
    assert_clean(shown.out + shown.err, where="orchestrator run error line")


async def test_chat_example_http_errors_do_not_echo_phi(tmp_path: Path) -> None:
    """Attack: a browser client sends PHI as a field name and as a thread id; the HTTP error bodies echo it."""
    import httpx

    from global_orchestrator.identity import TokenMap
    from global_orchestrator.testing import ScriptedChatModel
    from tests.security.test_surfaces import _load_chat_app

    token = "sec-exc-token-0123"
    app = _load_chat_app().create_app(
        db=f"sqlite:///{tmp_path}/chat.db",
        model=ScriptedChatModel(responses=[]),
        tokens=TokenMap([{"token": token, "id": "sec-user", "roles": ["approver"]}]),
    )
    who = f"{NAME} SSN {SSN}"
    bad_mission = {"id": uid("chat-exc"), "type": "marketing.campaign", "goal": "g", who: 1}
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://chat.test",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    ) as client:
        answers = [
            await client.post("/missions", json={"mission": bad_mission}),
            await client.post("/missions", json={"mission": {**bad_mission, who: None, "type": who}}),
            await client.get(f"/missions/{who}"),
            await client.post(f"/missions/{who}/approvals", json={"approvals": {"x": True}}),
        ]
    for answer in answers:
        assert answer.status_code in (404, 409, 422), (answer.status_code, answer.text)
        assert_clean(answer.text, where=f"HTTP {answer.status_code} body")
