"""`browser.fetch` renders pages in a real headless Chromium (Debian's `chromium`, through Playwright).

Every page is served on 127.0.0.1 (`tests/site_server.py`). Rendering must read what
scripts write, keep every limit of the static fetch, close its browser, and leave PHI
flow control and the demo mission's facts as they were. `.ci/run` installs Chromium;
outside CI these tests skip without it, under CI they fail.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from global_orchestrator import arun_mission
from global_orchestrator.errors import TransientError, UserError
from global_orchestrator.tools import _chromium
from global_orchestrator.tools.browser import FetchError, FetchLimits, fetch_page, fetch_pages
from tests.integration.test_demo_brief import run_demo
from tests.security.helpers import NAME, Spy, assert_blocked, assert_not_seen, mission, plan, step
from tests.site_server import DATA, Handler, site

if os.environ.get("CI") != "true":
    pytest.importorskip("playwright.async_api", reason="rendering needs playwright (the browser extra)")

CHROMIUM = os.environ.get("ORCHESTRATOR_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# a page renders in ~0.3 s on an idle machine and in 2-4 s on two loaded cores: deadlines leave room
RENDER = FetchLimits(
    connect_timeout=1,
    read_timeout=0.4,
    total_timeout=15.0,
    max_bytes=50_000,
    max_redirects=3,
    render="always",
)
BUSY = FetchLimits(**{**RENDER.__dict__, "total_timeout": 3.0})
"""For pages that end in a timeout: they take the whole deadline."""
STATIC = FetchLimits(**{**RENDER.__dict__, "render": "never"})
MARK = "HBR_RENDER_TEST_MARK"


def _marked_processes(mark: str) -> list[str]:
    """Live processes whose environment carries `mark` (the browser inherits it), as 'pid name'."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if f"{MARK}={mark}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(f"{entry.name} {(entry / 'comm').read_text().strip()}")
        except OSError:  # gone, or not ours to read
            continue
    return found


@pytest.fixture(autouse=True)
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Debian's Chromium configured as the renderer; afterwards no process it started is left."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium at {CHROMIUM}: .ci/run installs Debian's chromium")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    mark = uuid.uuid4().hex
    monkeypatch.setenv(MARK, mark)
    monkeypatch.setenv("ORCHESTRATOR_CHROMIUM", CHROMIUM)
    monkeypatch.delenv("ORCHESTRATOR_BROWSER", raising=False)
    yield
    deadline = time.monotonic() + 5
    while (left := _marked_processes(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"processes left running after the test: {left}"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with site() as url:
        yield url


async def test_text_written_by_scripts_is_read_only_when_rendered(base: str) -> None:
    rendered = await fetch_page(f"{base}/js", limits=RENDER)
    assert rendered.rendered and rendered.title == "Rival C | Rendered"
    assert rendered.text.splitlines() == [
        "Rival C",
        "Kits from $27, written by a script.",
        DATA["offer"],  # fetched by a script after load: the render waits for the network to settle
        "Deals",
    ]
    assert rendered.links == [f"{base}/deals"]
    assert rendered.final_url == f"{base}/js" and rendered.status == 200
    static = await fetch_page(f"{base}/js", limits=STATIC)
    assert not static.rendered and static.title == "Loading"
    assert static.text == "Rival C" and static.links == []


async def test_a_page_that_keeps_polling_is_read_as_it_stands(base: str) -> None:
    # the network never goes idle: the settle wait ends at `settle_timeout` (0: no wait at all)
    for settle in (1.0, 0.0):
        start = time.perf_counter()
        page = await fetch_page(
            f"{base}/js-poll", limits=FetchLimits(**{**RENDER.__dict__, "settle_timeout": settle})
        )
        assert page.rendered and page.text == "Polling."
        assert time.perf_counter() - start < RENDER.total_timeout - 5  # well before the deadline


async def test_auto_renders_when_a_browser_is_there(base: str) -> None:
    page = await fetch_page(
        f"{base}/js", limits=FetchLimits(total_timeout=10)
    )  # render from the setting: auto
    assert page.rendered and "written by a script" in page.text


async def test_plain_text_and_static_html_read_the_same_rendered(base: str) -> None:
    plain = await fetch_page(f"{base}/plain", limits=RENDER)
    assert plain.text == "just text" and not plain.rendered  # nothing to run in plain text
    rendered, static = (
        await fetch_page(f"{base}/good", limits=RENDER),
        await fetch_page(f"{base}/good", limits=STATIC),
    )
    assert rendered.rendered and not static.rendered
    assert (rendered.title, rendered.text, rendered.links) == (static.title, static.text, static.links)
    moved = await fetch_page(f"{base}/moved", limits=RENDER)
    assert moved.rendered and moved.final_url == f"{base}/good" and moved.links == static.links


@pytest.mark.parametrize(
    ("path", "kind", "transient"),
    [
        ("/404", "http_status", False),
        ("/500", "http_status", True),
        ("/slow", "timeout", True),
        ("/binary", "content_type", False),
        ("/huge", "too_large", False),
        ("/loop", "redirects", False),
        ("/js-busy", "timeout", True),  # a script that never yields: the deadline still holds
        ("/js-bloat", "too_large", False),  # 5 MB of DOM written by a script: the size cap still holds
        ("/js-loop", "redirects", False),  # a script navigating on and on: each one counts as a redirect
    ],
)
async def test_limits_hold_when_rendering(base: str, path: str, kind: str, transient: bool) -> None:
    limits = BUSY if kind == "timeout" else RENDER
    start = time.perf_counter()
    with pytest.raises(FetchError) as exc:
        await fetch_page(f"{base}{path}", limits=limits)
    assert exc.value.kind == kind and exc.value.transient is transient
    assert isinstance(exc.value, TransientError) is transient
    assert path in str(exc.value)
    # the browser launch (once per batch) is not the page's time; closing it is bounded too
    assert time.perf_counter() - start < limits.total_timeout + 10


async def test_a_script_navigation_is_fetched_within_the_limits(base: str) -> None:
    before = Handler.hits.copy()
    page = await fetch_page(f"{base}/js-leave", limits=RENDER)
    assert page.rendered and page.title == "Rival B" and page.final_url == f"{base}/rival-b.html"
    assert page.text == "Rival B leads with free shipping and TikTok creators."
    # each document fetched once, by httpx within the limits; the frame's navigation dropped
    assert Handler.hits - before == {"/js-leave": 1, "/rival-b.html": 1}


async def test_assets_text_does_not_need_are_never_requested(base: str) -> None:
    before = Handler.hits.copy()
    page = await fetch_page(f"{base}/js-assets", limits=RENDER)
    assert page.rendered and page.text == "Assets page. Script ran."
    hits = Handler.hits - before
    assert hits == {"/js-assets": 1, "/asset.css": 1, "/asset.js": 1}  # no image, font or video


async def test_requests_past_the_cap_are_aborted(base: str) -> None:
    before = Handler.hits.copy()
    page = await fetch_page(f"{base}/js-assets", limits=FetchLimits(**{**RENDER.__dict__, "max_requests": 1}))
    assert page.rendered and page.text == "Assets page."  # the script was the second request
    assert Handler.hits - before == {"/js-assets": 1, "/asset.css": 1}


async def test_a_batch_launches_one_browser_and_closes_it(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    launches = 0
    launch = _chromium.Chromium._launch

    async def counted(self: _chromium.Chromium) -> Any:
        nonlocal launches
        launches += 1
        return await launch(self)

    monkeypatch.setattr(_chromium.Chromium, "_launch", counted)
    urls = [f"{base}/js", f"{base}/good", f"{base}/404", f"{base}/rival-a.html", f"{base}/slow"]
    results = await fetch_pages(urls, limits=RENDER)
    assert [getattr(r, "kind", None) or type(r).__name__ for r in results] == [
        "PageResult",
        "PageResult",
        "http_status",
        "PageResult",
        "timeout",
    ]
    assert all(r.rendered for r in results if not isinstance(r, FetchError))
    assert launches == 1
    await fetch_pages([f"{base}/plain", f"{base}/404"], limits=RENDER)
    assert launches == 2  # `always`: the browser is checked up front even when no page is HTML


@pytest.mark.parametrize("after", [0.05, 0.5, 2.0])
async def test_a_cancelled_fetch_closes_its_browser(base: str, after: float) -> None:
    task = asyncio.create_task(fetch_pages([f"{base}/js-busy"], limits=BUSY))
    await asyncio.sleep(after)  # fetching, launching or rendering the page that never yields
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    # the autouse fixture checks that no browser process is left


async def test_always_without_a_browser_is_a_user_error(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCHESTRATOR_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(UserError, match=r"ORCHESTRATOR_BROWSER=always.*/nonexistent/chromium does not exist"):
        await fetch_page(f"{base}/js", limits=RENDER)
    with pytest.raises(UserError, match="/nonexistent/chromium"):
        await fetch_pages([f"{base}/js", f"{base}/good"], limits=RENDER)


async def test_auto_without_a_browser_reads_static_html_and_says_so_once(
    base: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setenv("ORCHESTRATOR_CHROMIUM", str(tmp_path / "no-chromium"))
    auto = FetchLimits(**{**RENDER.__dict__, "render": "auto"})
    with caplog.at_level(logging.WARNING, logger="global_orchestrator.tools.browser"):
        first = await fetch_page(f"{base}/js", limits=auto)
        second = await fetch_pages([f"{base}/js", f"{base}/good"], limits=auto)
    assert not first.rendered and first.text == "Rival C"
    assert [getattr(p, "rendered", None) for p in second] == [False, False]
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "static HTML" in warnings[0] and "no-chromium" in warnings[0]


async def test_browser_fetch_output_says_rendered(base: str) -> None:
    m = mission("render-fetch")
    result = await arun_mission(
        m, plan=plan(m, step("f", "browser", "browser.fetch", "Fetch the page", inputs={"url": f"{base}/js"}))
    )
    fetched = result.results["f"]
    assert fetched.status == "succeeded", fetched.error
    assert fetched.output["rendered"] is True
    assert fetched.output["title"] == "Rival C | Rendered"
    assert DATA["offer"] in fetched.output["excerpt"]
    assert fetched.output["facts"]["pages"][0]["title"] == "Rival C | Rendered"


async def test_patient_data_written_by_a_script_is_labelled_and_blocks_marketing() -> None:
    """Attack: the page's HTML is clean, its script writes a patient's visit; marketing drafts from it."""
    page = (
        "<html><head><title>Portal</title></head><body><div id='v'></div><script>"
        f"document.getElementById('v').innerHTML = '<p>Patient: {NAME}</p><p>MRN 7730142, diagnosis HIV.</p>';"
        "</script></body></html>"
    ).encode()

    class Portal(Handler):
        def do_GET(self) -> None:
            self._send(200, page)

    spy = Spy("marketing")
    m = mission("render-phi")
    with site(Portal) as url:
        result = await arun_mission(
            m,
            plan=plan(
                m,
                step("f", "browser", "browser.fetch", "Fetch the page", inputs={"url": f"{url}/visit"}),
                step("m", "marketing", "marketing.draft_copy", "Write a post from it", depends_on=["f"]),
            ),
            agents={"marketing": spy},
        )
    fetched = result.results["f"]
    assert fetched.status == "succeeded", fetched.error
    assert {"phi", "external"} <= set(fetched.labels)
    assert_blocked(result, "m")
    assert_not_seen(spy)


def test_the_demo_mission_reads_the_same_facts_rendered(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = {}
    for mode in ("always", "never"):
        monkeypatch.setenv("ORCHESTRATOR_BROWSER", mode)
        brief, _, result = run_demo(site, tmp_path / mode)
        outputs[mode] = (brief["brief"], result.results["mission-001-seed-2"].output["facts"])
    assert outputs["always"] == outputs["never"]
    assert "prices on the page: $19, $29, $4.99" in outputs["always"][0]


async def test_a_browser_that_does_not_start_is_no_browser(
    base: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_browser = shutil.which("true") or "/bin/true"  # exists, exits at once
    monkeypatch.setenv("ORCHESTRATOR_CHROMIUM", not_a_browser)
    monkeypatch.setattr(_chromium, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="global_orchestrator.tools.browser"):
        page = await fetch_page(f"{base}/js", limits=FetchLimits(**{**RENDER.__dict__, "render": "auto"}))
    assert not page.rendered and page.text == "Rival C"
    assert f"Chromium at {not_a_browser} did not start" in caplog.records[0].getMessage()
    with pytest.raises(UserError, match="did not start"):
        await fetch_page(f"{base}/js", limits=RENDER)


async def test_a_browser_gone_mid_batch_is_a_transient_connect_error(base: str) -> None:
    async with _chromium.Chromium("always", Path(CHROMIUM)) as chromium:
        browser = await chromium.browser()
        assert browser is not None
        await browser.close()  # as if it had crashed
        with pytest.raises(FetchError) as exc:
            await fetch_page(f"{base}/good", limits=RENDER, chromium=chromium)
    assert exc.value.kind == "connect" and exc.value.transient
