"""The chat example's page, driven in a real headless Chromium (Debian's `chromium`) with Playwright.

The app runs on a real uvicorn server on 127.0.0.1 with SQLite checkpoints and the
shipped echo agents; the page posts missions and reads their events over SSE exactly as
a person's browser does. `.ci/run` installs Chromium when it is missing; outside CI the
tests skip when there is no browser.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from global_orchestrator.testing import echo_agent
from tests.integration.chat_server import ROOT, load_example, serve

pytest.importorskip("fastapi", reason="the chat example needs fastapi")
pytest.importorskip("uvicorn", reason="the chat example needs uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright")

CHROMIUM = os.environ.get("ORCHESTRATOR_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
TIMEOUT_MS = 30_000
PHI = ("Jane Roe", "4471023", "555-201-7788", "03/14/1961")
"""What the intake note holds: none of it may appear in what the page shows of the run."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"the page raised: {errors}"


def app_for(tmp_path: Path, **kwargs: Any) -> Any:
    """The app on the echo model; one trusted user unless `tokens` are given."""
    return load_example().create_app(
        db=f"sqlite:///{tmp_path}/chat.db",
        model="echo",
        brands_dir=ROOT / "examples" / "brands",
        examples_dir=ROOT / "examples" / "missions",
        anonymous="tokens" not in kwargs,
        **kwargs,
    )


def expect(locator: Any) -> Any:
    return sync_api.expect(locator)


def test_submit_watch_progress_approve_and_see_the_redacted_result(page: Any, tmp_path: Path) -> None:
    from global_orchestrator.identity import TokenMap

    token = "alice-token-0123456789"
    tokens = TokenMap([{"token": token, "id": "alice", "roles": ["approver"]}])
    thread = f"chat-{uuid.uuid4().hex[:8]}"
    first, second = "mission-intake-01-seed-1", "mission-intake-01-seed-2"
    with serve(app_for(tmp_path, tokens=tokens)) as url:
        page.goto(url)
        page.select_option("#examples", "intake-summary")
        assert '"mission-intake-01"' in page.input_value("#mission")
        page.fill("#thread", thread)
        page.click("#run")
        expect(page.locator("#error")).to_contain_text("HTTP 401: a bearer token or API key is required")

        page.fill("#token", token)
        page.click("#run")

        # the plan graph and the approval questions
        expect(page.locator("#run-status")).to_have_text("waiting for approval")
        expect(page.locator("#plan-graph g.node")).to_have_count(2)
        expect(page.locator("#plan-graph g.node.waiting")).to_have_count(2)
        expect(page.locator("#plan-graph path.edge")).to_have_count(
            1
        )  # the summary reads the de-identified note
        cards = page.locator("#approval-list .approval")
        expect(cards).to_have_count(2)
        assert cards.nth(0).get_attribute("data-subtask") == first
        expect(cards.nth(0)).to_contain_text("clinical.deidentify")
        expect(cards.nth(0).locator(".inputs")).to_contain_text("[redacted: labelled phi]")
        expect(page.locator("#run-thread")).to_contain_text(thread)
        shown = page.locator("#progress").inner_text()
        assert not [p for p in PHI if p in shown], shown

        # approve the first, reject the second with a reason
        cards.nth(0).locator("input[value=approve]").check()
        cards.nth(1).locator("input[value=reject]").check()
        cards.nth(1).locator("input.reason").fill("not today")
        page.click("#decide")

        expect(page.locator("#progress")).to_have_attribute("data-status", "completed")
        expect(page.locator("#run-status")).to_have_text("completed with problems")
        expect(page.locator(f'#subtasks tr[data-subtask="{first}"] td.state')).to_have_text("succeeded")
        expect(page.locator(f'#subtasks tr[data-subtask="{second}"] td.state')).to_have_text("blocked")
        expect(page.locator(f'#plan-graph g[data-subtask="{first}"]')).to_have_class("node succeeded")
        expect(page.locator("#approvals")).to_be_hidden()
        expect(page.locator(f'#result-outputs [data-subtask="{first}"] pre')).to_contain_text(
            '"rescan_clean": true'
        )
        expect(page.locator("#result-issues")).to_contain_text("approval.rejected")
        expect(page.locator("#result-issues")).to_contain_text("not today")
        shown = page.locator("#progress").inner_text()
        assert "[NAME]" in shown  # the de-identified note, as the agent wrote it
        assert not [p for p in PHI if p in shown], shown

        # a second visit (the token kept for the tab's session) opens the finished thread
        page.reload()
        assert page.input_value("#token") == token
        page.fill("#thread", thread)
        page.click("#open")
        expect(page.locator("#progress")).to_have_attribute("data-status", "completed")
        expect(page.locator(f'#subtasks tr[data-subtask="{second}"] td.state')).to_have_text("blocked")


def test_progress_is_live_while_a_subtask_runs(page: Any, tmp_path: Path) -> None:
    gate = threading.Event()

    async def marketing(subtask: Any, ctx: Any) -> Any:
        if subtask.id.endswith("-seed-3"):  # the brief: it waits until the test has looked
            await asyncio.to_thread(gate.wait, TIMEOUT_MS / 1000)
        return await echo_agent(subtask, ctx)

    mission = f"m-{uuid.uuid4().hex[:8]}"
    with serve(app_for(tmp_path, agents={"marketing": marketing})) as url:
        page.goto(url)
        page.select_option("#examples", "back-to-school")
        page.fill("#mission", page.input_value("#mission").replace('"mission-001"', f'"{mission}"'))
        page.click("#run")
        try:
            brief = page.locator(f'#plan-graph g[data-subtask="{mission}-seed-3"]')
            expect(brief).to_have_class("node running")
            expect(page.locator("#plan-graph path.edge")).to_have_count(2)
            for sid in (f"{mission}-seed-1", f"{mission}-seed-2"):
                expect(page.locator(f'#subtasks tr[data-subtask="{sid}"] td.state')).to_have_text("succeeded")
            expect(page.locator("#run-status")).to_contain_text("running: 3 subtasks")
            assert page.locator("#progress").get_attribute("data-status") is None
        finally:
            gate.set()
        expect(page.locator("#progress")).to_have_attribute("data-status", "completed")
        expect(page.locator("#run-status")).to_have_text("completed")
        expect(brief).to_have_class("node succeeded")


def test_errors_before_streaming_are_shown(page: Any, tmp_path: Path) -> None:
    with serve(app_for(tmp_path)) as url:
        page.goto(url)
        page.fill("#mission", "{not json")
        page.click("#run")
        expect(page.locator("#error")).to_contain_text("not valid JSON")

        page.fill("#mission", '{"id": "m-x", "type": "marketing.nope", "goal": "x"}')
        page.click("#run")
        expect(page.locator("#error")).to_contain_text("HTTP 422: unknown mission type 'marketing.nope'")
        expect(page.locator("#log li")).to_have_count(0)  # no event arrived


def test_a_page_on_another_origin_calls_the_api_only_when_its_origin_is_allowed(
    page: Any, tmp_path: Path
) -> None:
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    other = FastAPI()

    @other.get("/")
    async def home() -> HTMLResponse:
        return HTMLResponse("<!doctype html><title>another product</title><p>embedding the orchestrator</p>")

    from global_orchestrator.identity import TokenMap

    token = "bob-token-0123456789ab"
    tokens = TokenMap([{"token": token, "id": "bob"}])
    call = """async ([api, token, mission]) => {
        try {
            const response = await fetch(api + "/missions", {
                method: "POST",
                headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
                body: JSON.stringify({mission}),
            });
            return {status: response.status, text: await response.text()};
        } catch (err) {
            return {error: String(err)};
        }
    }"""
    mission = {"id": f"m-{uuid.uuid4().hex[:8]}", "type": "marketing.campaign", "goal": "Spring sale"}
    with serve(other) as origin:
        with serve(app_for(tmp_path, tokens=tokens, cors_origins=[origin])) as api:
            page.goto(origin)
            answer = page.evaluate(call, [api, token, mission])
            assert answer.get("status") == 200, answer
            assert "event: mission_finished" in answer["text"]  # the browser let the page read the stream
        with serve(app_for(tmp_path / "closed", tokens=tokens)) as api:
            page.goto(origin)
            answer = page.evaluate(call, [api, token, {**mission, "id": "m-refused"}])
            assert "Failed to fetch" in answer.get("error", ""), answer  # the preflight is refused
            status = httpx.get(f"{api}/missions/m-refused", headers={"Authorization": f"Bearer {token}"})
            assert status.status_code == 404  # so the POST itself was never sent


def test_a_user_without_the_approver_role_is_refused_and_can_still_reject(page: Any, tmp_path: Path) -> None:
    from global_orchestrator.identity import TokenMap

    token = "carol-token-0123456789"
    first = "mission-intake-01-seed-1"
    with serve(app_for(tmp_path, tokens=TokenMap([{"token": token, "id": "carol"}]))) as url:
        page.goto(url)
        page.fill("#token", token)
        page.select_option("#examples", "intake-summary")
        page.click("#run")
        cards = page.locator("#approval-list .approval")
        expect(cards).to_have_count(2)

        cards.nth(0).locator("input[value=approve]").check()
        page.click("#decide")
        expect(page.locator("#error")).to_contain_text(
            f"HTTP 403: approving clinical subtask '{first}' needs the 'approver' role"
        )
        expect(cards).to_have_count(2)  # nothing was decided: the questions stay
        expect(page.locator("#run-status")).to_have_text("waiting for approval")

        for n in range(2):
            cards.nth(n).locator("input[value=reject]").check()
        page.click("#decide")
        expect(page.locator("#progress")).to_have_attribute("data-status", "completed")
        expect(page.locator("#error")).to_be_hidden()
        expect(page.locator("#plan-graph g.node.blocked")).to_have_count(2)
