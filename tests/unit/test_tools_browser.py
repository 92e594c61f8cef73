import logging
import socket
import sys
from collections.abc import Iterator

import pytest

from global_orchestrator.errors import TransientError, UserError
from global_orchestrator.tools import _chromium
from global_orchestrator.tools.browser import FetchError, FetchLimits, fetch_page, fetch_pages
from tests.site_server import site

# the static path; tests/integration/test_browser_render.py runs these cases rendered in Chromium
LIMITS = FetchLimits(
    connect_timeout=1, read_timeout=0.4, total_timeout=1.0, max_bytes=50_000, max_redirects=3, render="never"
)


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with site() as url:
        yield url


async def test_good_page_is_extracted(base: str) -> None:
    page = await fetch_page(f"{base}/good", limits=LIMITS)
    assert page.status == 200 and page.content_type == "text/html"
    assert page.title == "Rival A | Back to school"
    assert page.text.splitlines()[:2] == ["Bundles from $19", "Notebooks, pens and planners."]
    assert "Pricing About Top Mail Pricing again" in page.text
    assert "secret" not in page.text and "color:red" not in page.text
    assert page.links == [f"{base}/pricing", "https://example.org/about"]  # absolute, de-duplicated
    assert page.bytes_read > 0 and page.elapsed_ms > 0
    assert not page.rendered


async def test_redirect_is_followed(base: str) -> None:
    page = await fetch_page(f"{base}/moved", limits=LIMITS)
    assert page.final_url == f"{base}/good" and page.title.startswith("Rival A")


async def test_plain_text(base: str) -> None:
    page = await fetch_page(f"{base}/plain", limits=LIMITS)
    assert page.text == "just text" and page.links == []


@pytest.mark.parametrize(
    ("path", "kind", "transient"),
    [
        ("/404", "http_status", False),
        ("/500", "http_status", True),
        ("/slow", "timeout", True),
        ("/binary", "content_type", False),
        ("/huge", "too_large", False),
        ("/loop", "redirects", False),
    ],
)
async def test_failures_are_typed(base: str, path: str, kind: str, transient: bool) -> None:
    with pytest.raises(FetchError) as exc:
        await fetch_page(f"{base}{path}", limits=LIMITS)
    assert exc.value.kind == kind and exc.value.transient is transient
    assert isinstance(exc.value, TransientError) is transient  # the engine retries these
    assert path in str(exc.value)


async def test_refused_connection_and_bad_scheme() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as exc:
        await fetch_page(f"http://127.0.0.1:{port}/", limits=LIMITS)
    assert exc.value.kind == "connect" and exc.value.transient
    for url in ("ftp://example.org/x", "file:///etc/passwd", "not a url"):
        with pytest.raises(FetchError) as bad:
            await fetch_page(url, limits=LIMITS)
        assert bad.value.kind == "invalid_url"


async def test_fetch_pages_returns_each_outcome(base: str) -> None:
    results = await fetch_pages([f"{base}/good", f"{base}/404", f"{base}/plain"], limits=LIMITS)
    assert [type(r).__name__ for r in results] == ["PageResult", "FetchError", "PageResult"]


async def test_without_playwright_auto_reads_static_html_and_always_is_a_user_error(
    base: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(
        sys.modules, "playwright.async_api", None
    )  # as if the browser extra were not installed
    monkeypatch.setattr(_chromium, "_warned", set())
    auto = FetchLimits(**{**LIMITS.__dict__, "render": "auto"})
    with caplog.at_level(logging.WARNING, logger="global_orchestrator.tools.browser"):
        pages = [await fetch_page(f"{base}/good", limits=auto) for _ in range(2)]
    assert [p.rendered for p in pages] == [False, False] and pages[0].title == "Rival A | Back to school"
    [warning] = [r.getMessage() for r in caplog.records]
    assert "static HTML" in warning and "global-orchestrator[browser]" in warning
    always = FetchLimits(**{**LIMITS.__dict__, "render": "always"})
    with pytest.raises(UserError, match="playwright is not installed"):
        await fetch_page(f"{base}/good", limits=always)
    assert (await fetch_page(f"{base}/plain", limits=always)).text == "just text"  # nothing to render


async def test_the_render_mode_comes_from_the_setting(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.async_api", None)
    unset = FetchLimits(**{**LIMITS.__dict__, "render": None})
    monkeypatch.setenv("ORCHESTRATOR_BROWSER", "always")
    with pytest.raises(UserError, match="ORCHESTRATOR_BROWSER=always"):
        await fetch_page(f"{base}/good", limits=unset)
    monkeypatch.setenv("ORCHESTRATOR_BROWSER", "never")
    assert not (await fetch_page(f"{base}/good", limits=unset)).rendered
    monkeypatch.setenv("ORCHESTRATOR_BROWSER", "sometimes")
    with pytest.raises(UserError, match="ORCHESTRATOR_BROWSER must be auto, always or never"):
        await fetch_page(f"{base}/good", limits=unset)
