"""The chat example (examples/chat_app): a real uvicorn server on 127.0.0.1, read with httpx.

Missions run on the echo model with SQLite checkpoints in tmp_path; the tests read each
SSE stream to its end and drive an approval round trip through the app's endpoint.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from global_orchestrator import MissionEvent
from tests.integration.chat_server import APP_FILE, ROOT, load_example, mission_json, serve

pytest.importorskip("fastapi", reason="the chat example needs fastapi")
pytest.importorskip("uvicorn", reason="the chat example needs uvicorn")


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The example app on a free port of 127.0.0.1, in a server thread."""
    app = load_example().create_app(
        db=f"sqlite:///{tmp_path}/chat.db",
        model="echo",
        brands_dir=ROOT / "examples" / "brands",
        examples_dir=ROOT / "examples" / "missions",
        anonymous=True,  # one trusted user: these tests are about the API, not about who calls it
    )
    with serve(app) as url:
        yield url


def read_sse(response: httpx.Response) -> list[dict[str, Any]]:
    """Parse a text/event-stream body into frames ({"id", "event", "data"}), to its end."""
    frames: list[dict[str, Any]] = []
    frame: dict[str, Any] = {}
    for line in response.iter_lines():
        if not line:
            if frame:
                frames.append(frame)
                frame = {}
            continue
        field, _, value = line.partition(":")
        frame[field] = value.removeprefix(" ")
    assert not frame, f"stream ended inside a frame: {frame}"
    return frames


def stream(
    client: httpx.Client, url: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> list[MissionEvent]:
    """POST and read the whole SSE answer; check the framing; return the parsed events."""
    with client.stream("POST", url, json=body, headers=headers) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        frames = read_sse(response)
    assert [int(f["id"]) for f in frames] == list(range(1, len(frames) + 1))
    events = []
    for frame in frames:
        data = json.loads(frame["data"])
        assert data["type"] == frame["event"]
        events.append(MissionEvent.model_validate(data))
    return events


def test_start_streams_a_mission_to_the_end_then_status_and_conflict(base_url: str) -> None:
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    body = {"mission": mission_json("back-to-school.json"), "threadId": thread}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        events = stream(client, "/missions", body)

        kinds = [e.type for e in events]
        assert kinds[:2] == ["mission_started", "plan_ready"]
        assert kinds[-1] == "mission_finished" and kinds.count("mission_finished") == 1
        assert all(e.thread_id == thread and e.mission_id == "mission-001" for e in events)
        planned = [s["id"] for s in events[1].data["plan"]["subtasks"]]
        assert len(planned) == 3
        done = [e.subtask_id for e in events if e.type == "subtask_succeeded"]
        assert sorted(done) == sorted(planned)
        for sid in planned:  # every subtask is announced before it finishes
            started = next(
                i for i, e in enumerate(events) if e.type == "subtask_started" and e.subtask_id == sid
            )
            finished = next(
                i for i, e in enumerate(events) if e.type == "subtask_succeeded" and e.subtask_id == sid
            )
            assert started < finished
        final = events[-1].result
        assert final is not None and final.success and final.status == "completed"
        assert "[echo]" in json.dumps(final.results["mission-001-seed-3"].output)

        status = client.get(f"/missions/{thread}")
        assert status.status_code == 200
        assert status.json()["status"] == "completed"
        assert set(status.json()["results"]) == set(planned)

        again = client.post("/missions", json=body)
        assert again.status_code == 409
        assert "already holds a completed run" in again.json()["detail"]


NOTE_PHI = ("Jane Roe", "4471023", "555-201-7788", "03/14/1961")
"""What the intake note holds: the app sends none of it."""


def leaked(events: list[MissionEvent]) -> list[str]:
    wire = "".join(e.to_json(indent=None) for e in events)
    return [p for p in NOTE_PHI if p in wire]


def test_approval_round_trip_through_the_app(base_url: str) -> None:
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    mission = mission_json("intake-summary.json")
    first, second = "mission-intake-01-seed-1", "mission-intake-01-seed-2"
    with httpx.Client(base_url=base_url, timeout=30) as client:
        events = stream(client, "/missions", {"mission": mission, "threadId": thread})
        asked = [e for e in events if e.type == "approval_needed"]
        assert [e.subtask_id for e in asked] == [first, second]
        assert asked[0].approval is not None and asked[0].approval.tool == "clinical.deidentify"
        assert not any(e.type.startswith("subtask_") for e in events)  # nothing ran before approval
        assert not leaked(events)
        paused = events[-1].result
        assert events[-1].type == "mission_finished"
        assert paused is not None and paused.status == "waiting_approval" and not paused.success

        waiting = client.get(f"/missions/{thread}").json()
        assert waiting["status"] == "waiting_approval"
        assert [a["subtaskId"] for a in waiting["pendingApprovals"]] == [first, second]

        wrong = client.post(f"/missions/{thread}/approvals", json={"approvals": {"nope": True}})
        assert wrong.status_code == 409 and "not waiting for approval: nope" in wrong.json()["detail"]
        assert client.get(f"/missions/{thread}").json()["status"] == "waiting_approval"

        decisions = {"approvals": {first: True, second: {"approved": False, "reason": "not today"}}}
        rest = stream(client, f"/missions/{thread}/approvals", decisions)
        by_subtask = {
            e.subtask_id: e.type
            for e in rest
            if e.type.startswith("subtask_") and e.type != "subtask_started"
        }
        assert by_subtask == {first: "subtask_succeeded", second: "subtask_blocked"}
        assert not leaked(rest)
        assert rest[-1].type == "mission_finished"
        final = rest[-1].result
        assert final is not None and final.status == "completed" and not final.success
        assert final.results[first].output["rescan_clean"] is True
        assert "Jane Roe" not in json.dumps(final.results[first].output)  # the de-identified note
        rejected = [i for i in final.issues if i.code == "approval.rejected"]
        assert len(rejected) == 1 and rejected[0].subtask_id == second and "not today" in rejected[0].message

        after = client.post(f"/missions/{thread}/approvals", json={"approvals": {second: True}})
        assert after.status_code == 409 and "not waiting for approval" in after.json()["detail"]


def test_unknown_threads_and_bad_bodies_are_http_errors(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        missing = client.get("/missions/ghost")
        assert missing.status_code == 404 and "no mission run in thread 'ghost'" in missing.json()["detail"]
        assert client.post("/missions/ghost/approvals", json={"approvals": {"a": True}}).status_code == 404

        bad = {"mission": {**mission_json("back-to-school.json"), "budgett": 5}}
        rejected = client.post("/missions", json=bad)
        assert rejected.status_code == 422 and "budgett" in rejected.text

        empty = client.post("/missions/ghost/approvals", json={"approvals": {}})
        assert empty.status_code == 422


def test_the_page_its_assets_and_examples_are_served(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        page = client.get("/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert '<svg id="plan-graph"' in page.text and 'src="/static/app.js"' in page.text
        # no third-party code: the page may load from its own origin only
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
        assert "http://" not in page.text and "https://" not in page.text
        script = client.get("/static/app.js")
        assert script.status_code == 200 and "javascript" in script.headers["content-type"]
        assert "innerHTML" not in script.text  # data is written as text, never parsed as HTML
        assert client.get("/static/app.css").status_code == 200

        examples = client.get("/examples").json()
        assert examples["intake-summary"] == mission_json("intake-summary.json")
        assert (
            "back-to-school" in examples and "back-to-school.plan" not in examples
        )  # plans are not missions


def test_cors_origins_are_configurable(tmp_path: Path) -> None:
    allowed, other = "http://chat.example.test", "http://evil.example.test"
    app = load_example().create_app(
        db=f"sqlite:///{tmp_path}/chat.db", model="echo", cors_origins=[allowed], anonymous=True
    )
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    with serve(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        ok = client.options("/missions", headers={"Origin": allowed, **preflight})
        assert ok.status_code == 200
        assert ok.headers["access-control-allow-origin"] == allowed
        assert "POST" in ok.headers["access-control-allow-methods"]
        assert "authorization" in ok.headers["access-control-allow-headers"].lower()

        plain = client.options("/missions")  # not a preflight: the methods the path allows
        assert plain.status_code == 204 and plain.headers["allow"] == "POST, OPTIONS"
        assert client.options("/missions/t-1").headers["allow"] == "GET, OPTIONS"

        refused = client.options("/missions", headers={"Origin": other, **preflight})
        assert refused.status_code == 400 and "access-control-allow-origin" not in refused.headers

        status = client.get("/missions/ghost", headers={"Origin": allowed})
        assert status.status_code == 404 and status.headers["access-control-allow-origin"] == allowed
        assert (
            "access-control-allow-origin"
            not in client.get("/missions/ghost", headers={"Origin": other}).headers
        )


def test_an_unknown_mission_type_is_an_http_error_before_any_event(
    base_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    mission = {**mission_json("back-to-school.json"), "type": "marketing.nope"}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        with client.stream("POST", "/missions", json={"mission": mission, "threadId": thread}) as response:
            body = response.read().decode()
            assert response.status_code == 422
            assert response.headers["content-type"] == "application/json"
        assert "mission_started" not in body and "event:" not in body
        assert "unknown mission type 'marketing.nope'" in json.loads(body)["detail"]
        assert client.get(f"/missions/{thread}").status_code == 404  # nothing was stored
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]  # no traceback logged


def test_validation_errors_name_the_field_without_echoing_values(base_url: str) -> None:
    note = "Patient Jane Roe, MRN 4471023"
    bad = {"mission": {**mission_json("intake-summary.json"), "notes": note}}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        rejected = client.post("/missions", json=bad)
        assert rejected.status_code == 422
        [error] = rejected.json()["detail"]
        assert error["loc"] == ["body", "mission", "notes"] and error["type"] == "extra_forbidden"
        assert "Jane Roe" not in rejected.text and "4471023" not in rejected.text


TOKENS = {
    "alice": "alice-token-0123456789",  # an approver
    "bob": "bob-token-0123456789ab",
    "carol": "carol-token-0123456789",
}


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[name]}"}


@pytest.fixture
def auth_url(tmp_path: Path) -> Iterator[str]:
    """The example app with three principals: alice (approver), bob and carol."""
    from global_orchestrator.identity import TokenMap

    tokens = TokenMap(
        [
            {"token": TOKENS["alice"], "id": "alice", "roles": ["approver"]},
            {"token": TOKENS["bob"], "id": "bob"},
            {"token": TOKENS["carol"], "id": "carol"},
        ]
    )
    app = load_example().create_app(
        db=f"sqlite:///{tmp_path}/chat.db",
        model="echo",
        brands_dir=ROOT / "examples" / "brands",
        tokens=tokens,
        cors_origins=["http://chat.example.test"],
    )
    with serve(app) as url:
        yield url


def test_requests_without_a_known_token_get_401(auth_url: str) -> None:
    body = {"mission": mission_json("back-to-school.json"), "threadId": "t-401"}
    with httpx.Client(base_url=auth_url, timeout=30) as client:
        for headers in ({}, {"Authorization": "Bearer not-a-known-token"}, {"Authorization": "Basic eDp5"}):
            for response in (
                client.post("/missions", json=body, headers=headers),
                client.get("/missions/t-401", headers=headers),
                client.post("/missions/t-401/approvals", json={"approvals": {"a": True}}, headers=headers),
            ):
                assert response.status_code == 401, (headers, response.request.url, response.text)
                assert response.headers["www-authenticate"] == "Bearer"
                assert "event:" not in response.text
        # authentication comes first: an unauthenticated caller learns nothing from validation
        assert client.post("/missions", json={"mission": {"nope": 1}}).status_code == 401
        # the API key header works as well as the bearer token
        assert client.get("/missions/t-401", headers={"X-API-Key": TOKENS["bob"]}).status_code == 404
        # nothing was started by the refused requests
        assert client.get("/missions/t-401", headers=bearer("alice")).status_code == 404
        # the page and a CORS preflight need no token (a browser sends none with a preflight)
        assert client.get("/").status_code == 200
        preflight = client.options(
            "/missions",
            headers={
                "Origin": "http://chat.example.test",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization,content-type",
            },
        )
        assert preflight.status_code == 200


def test_a_second_principal_cannot_read_resume_or_approve_the_first_ones_run(auth_url: str) -> None:
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    first, second = "mission-intake-01-seed-1", "mission-intake-01-seed-2"
    mission = mission_json("intake-summary.json")
    with httpx.Client(base_url=auth_url, timeout=30) as client:
        with client.stream(
            "POST", "/missions", json={"mission": mission, "threadId": thread}, headers=bearer("alice")
        ) as r:
            assert r.status_code == 200
            r.read()
        assert (
            client.get(f"/missions/{thread}", headers=bearer("alice")).json()["status"] == "waiting_approval"
        )

        # bob gets exactly what a thread with no run gets
        ghost = client.get("/missions/ghost", headers=bearer("bob"))
        read = client.get(f"/missions/{thread}", headers=bearer("bob"))
        assert read.status_code == 404 == ghost.status_code
        assert read.json()["detail"] == f"no mission run in thread '{thread}'"
        for decisions in ({first: True}, {first: False, second: False}):
            approve = client.post(
                f"/missions/{thread}/approvals", json={"approvals": decisions}, headers=bearer("bob")
            )
            assert approve.status_code == 404 and "event:" not in approve.text
        # nor can he start a run of his own in alice's thread, or learn what it holds
        taken = client.post("/missions", json={"mission": mission, "threadId": thread}, headers=bearer("bob"))
        assert taken.status_code == 409 and "event:" not in taken.text
        assert "mission-intake-01" not in taken.json()["detail"] and "waiting" not in taken.json()["detail"]

        # alice's run is untouched, and she decides it
        status = client.get(f"/missions/{thread}", headers=bearer("alice")).json()
        assert status["status"] == "waiting_approval" and not status["results"]
        assert [a["subtaskId"] for a in status["pendingApprovals"]] == [first, second]
        rest = stream(
            client,
            f"/missions/{thread}/approvals",
            {"approvals": {first: True, second: True}},
            bearer("alice"),
        )
        assert (
            rest[-1].result is not None and rest[-1].result.status == "completed" and rest[-1].result.success
        )
        assert client.get(f"/missions/{thread}", headers=bearer("bob")).status_code == 404


def test_approving_clinical_work_needs_the_approver_role(auth_url: str) -> None:
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    first, second = "mission-intake-01-seed-1", "mission-intake-01-seed-2"
    with httpx.Client(base_url=auth_url, timeout=30) as client:
        events = stream(
            client,
            "/missions",
            {"mission": mission_json("intake-summary.json"), "threadId": thread},
            bearer("carol"),
        )
        assert events[-1].result is not None and events[-1].result.status == "waiting_approval"

        refused = client.post(
            f"/missions/{thread}/approvals", json={"approvals": {first: True}}, headers=bearer("carol")
        )
        assert refused.status_code == 403 and "event:" not in refused.text
        assert refused.json()["detail"] == f"approving clinical subtask '{first}' needs the 'approver' role"
        assert (
            client.get(f"/missions/{thread}", headers=bearer("carol")).json()["status"] == "waiting_approval"
        )

        # rejecting needs no role: her own run, both steps turned down
        rest = stream(
            client,
            f"/missions/{thread}/approvals",
            {"approvals": {first: {"approved": False, "reason": "wrong patient"}, second: False}},
            bearer("carol"),
        )
        final = rest[-1].result
        assert final is not None and final.status == "completed" and not final.success
        assert {sid: r.status for sid, r in final.results.items()} == {first: "blocked", second: "blocked"}


def own_address() -> str | None:
    """This machine's address on its default route (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def start_script(host: str, tmp_path: Path, tokens: str | None) -> str:
    """Run `python app.py --host <host>` (`--no-auth` without tokens) until uvicorn is up; return its log."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = {**os.environ, "CHAT_APP_DB": f"sqlite:///{tmp_path}/script.db", "ORCHESTRATOR_MODEL": "echo"}
    env.pop("ORCHESTRATOR_TOKENS", None)
    if tokens:
        env["ORCHESTRATOR_TOKENS"] = tokens
    command = [
        sys.executable,
        str(APP_FILE),
        "--host",
        host,
        "--port",
        str(port),
        *([] if tokens else ["--no-auth"]),
    ]
    lines: list[str] = []
    up = threading.Event()
    with subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True) as process:

        def read() -> None:
            assert process.stderr is not None
            for line in process.stderr:
                lines.append(line)
                if "Uvicorn running on" in line:
                    up.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            assert up.wait(90), "".join(lines)
        finally:
            process.terminate()
            process.wait(timeout=30)
            reader.join(timeout=10)
    return "".join(lines)


def test_bound_beyond_loopback_without_tokens_it_warns_loudly(tmp_path: Path) -> None:
    warn_if_exposed = load_example().warn_if_exposed
    for host in ("127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost"):
        assert not warn_if_exposed(host, None), host
    for host in ("0.0.0.0", "::", "192.0.2.2", "chat.example.test"):
        assert warn_if_exposed(host, None), host
    tokens = json.dumps([{"token": TOKENS["alice"], "id": "alice"}])
    exposed = start_script("0.0.0.0", tmp_path, tokens=None)
    assert "WITHOUT AUTHENTICATION" in exposed and "0.0.0.0" in exposed and "!" * 78 in exposed
    assert "WITHOUT AUTHENTICATION" not in start_script("0.0.0.0", tmp_path, tokens=tokens)


def test_without_tokens_the_app_refuses_every_call_unless_told_to_serve_anonymously(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("ORCHESTRATOR_TOKENS", "CHAT_APP_NO_AUTH")}
    env["CHAT_APP_DB"] = f"sqlite:///{tmp_path}/script.db"
    script = subprocess.run(
        [sys.executable, str(APP_FILE), "--port", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (
        script.returncode == 2
        and "no tokens are configured" in script.stderr
        and "--no-auth" in script.stderr
    )
    assert "Traceback" not in script.stderr

    app = load_example().create_app(db=f"sqlite:///{tmp_path}/chat.db", model="echo")
    with serve(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        body = {"mission": mission_json("back-to-school.json")}
        for response in (
            client.post("/missions", json=body),
            client.post("/missions", json=body, headers=bearer("alice")),
            client.get("/missions/mission-001"),
        ):
            assert response.status_code == 401
            assert "set ORCHESTRATOR_TOKENS" in response.json()["detail"]
        assert client.get("/").status_code == 200


def test_a_request_through_a_public_address_without_tokens_is_warned_about(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    address = own_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback")
    app = load_example().create_app(db=f"sqlite:///{tmp_path}/chat.db", model="echo", anonymous=True)
    caplog.set_level(logging.WARNING, logger="chat_app")
    with serve(app, host="0.0.0.0") as url, httpx.Client(timeout=30) as client:
        port = url.rsplit(":", 1)[1]
        assert client.get(f"http://127.0.0.1:{port}/missions/ghost").status_code == 404
        assert not [r for r in caplog.records if "WITHOUT AUTHENTICATION" in r.getMessage()]
        for _ in range(2):
            assert client.get(f"http://{address}:{port}/missions/ghost").status_code == 404
    warnings = [r for r in caplog.records if "WITHOUT AUTHENTICATION" in r.getMessage()]
    assert len(warnings) == 1 and address in warnings[0].getMessage()  # once per address
