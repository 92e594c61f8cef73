"""The chat example (examples/chat_app): a real uvicorn server on 127.0.0.1, read with httpx.

Missions run on the echo model with SQLite checkpoints in tmp_path; the tests read each
SSE stream to its end and drive an approval round trip through the app's endpoint.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from global_orchestrator import MissionEvent
from tests.integration.chat_server import ROOT, load_example, mission_json, serve

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


def stream(client: httpx.Client, url: str, body: dict[str, Any]) -> list[MissionEvent]:
    """POST and read the whole SSE answer; check the framing; return the parsed events."""
    with client.stream("POST", url, json=body) as response:
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
    app = load_example().create_app(db=f"sqlite:///{tmp_path}/chat.db", model="echo", cors_origins=[allowed])
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
