"""`browser.fetch`: get a web page safely, render it in headless Chromium, extract its title, text and links.

A page is fetched once, with httpx, inside every limit: connect/read timeouts and a total
deadline, a response size cap (the body is streamed and reading stops at the cap), a
redirect limit, http(s) only, HTML or plain text only. An HTML page is then rendered in
headless Chromium (`FetchLimits.render`, `ORCHESTRATOR_BROWSER`; the browser is one per
batch, `tools/_chromium.py`): Chromium is handed exactly the bytes that passed those
checks as the document, runs its scripts with the rest of the deadline, and the rendered
DOM goes through the same `extract` as a static page. Images, media, fonts, non-http(s)
URLs, frames, popups and requests past `FetchLimits.max_requests` are aborted; a script
sending the page elsewhere is followed like a redirect (fetched by httpx, within the
limits); the rendered DOM is held to the size cap too. `PageResult.rendered` says which
way it was read.

Every failure is a `FetchError` with a machine-readable `kind` and `transient`
(timeouts, connection errors, 429 and 5xx may succeed on retry), which the self-healing
agent classifies.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlparse

import httpx
from pydantic import Field

from global_orchestrator.errors import RunError, TransientError
from global_orchestrator.models import WireModel
from global_orchestrator.settings import RenderMode
from global_orchestrator.tools._chromium import Chromium

if TYPE_CHECKING:
    from playwright.async_api import Browser, Route

FetchErrorKind = Literal[
    "invalid_url", "dns", "connect", "timeout", "http_status", "content_type", "too_large", "redirects"
]
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = (*_HTML_TYPES, "text/plain")
_BLOCKED_RESOURCES = frozenset({"image", "media", "font"})  # text needs none of them
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_BREAK = "\x00"  # block boundary marker while collecting text
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
)


@dataclass(frozen=True)
class FetchLimits:
    """How far a fetch may go."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 20.0
    max_bytes: int = 2_000_000
    max_redirects: int = 5
    max_text_chars: int = 20_000
    max_links: int = 200
    user_agent: str = "global-orchestrator/0.1 (+browser.fetch)"
    render: RenderMode | None = None
    """Render HTML in headless Chromium: `auto`, `always`, `never`; None: `ORCHESTRATOR_BROWSER`."""
    settle_timeout: float = 2.0
    """After the DOM is parsed, wait at most this long (within the total deadline) for the
    page's network to go idle (500 ms without requests), so content its scripts fetch is
    there to read; 0 reads the DOM as soon as it is parsed."""
    max_requests: int = 100
    """Requests a rendered page's scripts and styles may make; more are aborted."""


class FetchError(RunError):
    """A page could not be fetched; `kind` says why, `transient` if a retry may help."""

    def __init__(self, kind: FetchErrorKind, url: str, message: str, *, transient: bool = False) -> None:
        super().__init__(f"{message} ({url})")
        self.kind = kind
        self.url = url
        self.transient = transient


class TransientFetchError(FetchError, TransientError):
    """A fetch failure worth retrying (timeouts, connection errors, 429, 5xx)."""


class PageResult(WireModel):
    """A fetched page."""

    url: str
    final_url: str
    status: int
    content_type: str
    title: str = ""
    text: str = ""
    links: list[str] = Field(default_factory=list)
    bytes_read: int = 0
    elapsed_ms: float = 0.0
    truncated: bool = False
    """The text was cut at `FetchLimits.max_text_chars`."""
    rendered: bool = False
    """Read from the DOM headless Chromium built (scripts ran), not from the static HTML."""


def _error(kind: FetchErrorKind, url: str, message: str, *, transient: bool = False) -> FetchError:
    cls = TransientFetchError if transient else FetchError
    return cls(kind, url, message, transient=transient)


class _Extractor(HTMLParser):
    """Title, visible text and links of an HTML document."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.title = ""
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href)
        elif tag == "a":
            href = dict(attrs).get("href")
            if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
                absolute = urljoin(self.base, href.strip())
                if urlparse(absolute).scheme in ("http", "https"):
                    self.links.append(absolute)
        if tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)
        elif tag == "a":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append(_BREAK)
        elif tag == "a":
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        """Visible text: whitespace collapsed as a browser does, one line per block."""
        blocks = (" ".join(block.split()) for block in "".join(self.parts).split(_BREAK))
        return "\n".join(block for block in blocks if block)


def extract(html: str, base_url: str) -> tuple[str, str, list[str]]:
    """Title, visible text and absolute, de-duplicated links of an HTML page."""
    parser = _Extractor(base_url)
    parser.feed(html)
    parser.close()
    return " ".join(parser.title.split()), parser.text(), list(dict.fromkeys(parser.links))


@dataclass(frozen=True)
class _Document:
    """A response that passed every check: what the static path reads and Chromium is given."""

    status: int
    content_type: str
    header: str
    """The Content-Type header as sent (with its charset)."""
    body: bytes
    encoding: str
    final_url: str


async def fetch_page(
    url: str,
    *,
    client: httpx.AsyncClient | None = None,
    limits: FetchLimits | None = None,
    chromium: Chromium | None = None,
) -> PageResult:
    """Fetch one page within `limits`, render it if HTML (see the module docstring), extract it.

    Args:
        url: an http(s) URL.
        client: an httpx client to reuse (`fetch_pages` shares one).
        limits: timeouts, caps and the render mode.
        chromium: a browser to reuse (`fetch_pages` shares one); without it, one is launched
            for this page when it needs rendering and closed before returning.

    Raises:
        FetchError: invalid URL, DNS or connection failure, timeout, HTTP error status,
            binary content, a body (or rendered DOM) over the size cap, or too many redirects.
        UserError: rendering is `always` and no browser can be started, or
            `ORCHESTRATOR_BROWSER` is not a render mode.
    """
    limits = limits or FetchLimits()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise _error("invalid_url", url, "only http and https URLs with a host can be fetched")
    own_client, own_chromium = client is None, chromium is None
    chromium = chromium or Chromium.configured(limits.render)  # (may raise: before the client exists)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    client = client or httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": limits.user_agent, "Accept": "text/html, text/plain;q=0.9"},
    )
    start = time.perf_counter()
    try:
        async with asyncio.timeout(limits.total_timeout):
            document = await _get(client, url, limits)
        spent = time.perf_counter() - start
        # launching (once per batch) is not counted against the page's deadline
        browser = await chromium.browser() if document.content_type in _HTML_TYPES else None
        if browser is None:
            text = document.body.decode(document.encoding, errors="replace")
            return _result(url, document, text, document.final_url, limits, start, rendered=False)
        async with asyncio.timeout(limits.total_timeout - spent):
            html, final_url, shown = await _render(
                browser, client, url, document, limits, limits.total_timeout - spent
            )
        return _result(url, shown, html, final_url, limits, start, rendered=True)
    except TimeoutError:
        raise _error(
            "timeout", url, f"no complete answer within {limits.total_timeout:g} s", transient=True
        ) from None
    except httpx.TooManyRedirects:
        raise _error("redirects", url, f"more than {limits.max_redirects} redirects") from None
    except httpx.TimeoutException as exc:
        raise _error("timeout", url, f"timed out ({type(exc).__name__})", transient=True) from None
    except httpx.ConnectError as exc:
        text = str(exc).lower()
        if (
            "name or service not known" in text
            or "nodename nor servname" in text
            or "name resolution" in text
        ):
            raise _error("dns", url, "the host name does not resolve") from None
        raise _error("connect", url, f"cannot connect: {exc}", transient=True) from None
    except httpx.TransportError as exc:
        raise _error("connect", url, f"connection failed: {exc}", transient=True) from None
    finally:
        try:
            if own_chromium:
                await chromium.aclose()
        finally:
            if own_client:
                await client.aclose()


async def _get(client: httpx.AsyncClient, url: str, limits: FetchLimits) -> _Document:
    async with client.stream("GET", url) as response:
        status = response.status_code
        if status >= 400:
            transient = status == 429 or status >= 500
            raise _error("http_status", url, f"HTTP {status}", transient=transient)
        header = response.headers.get("content-type", "")
        content_type = header.split(";")[0].strip().lower()
        if content_type not in _TEXT_TYPES:
            raise _error("content_type", url, f"not a web page: content type '{content_type or 'unknown'}'")
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limits.max_bytes:
            raise _error("too_large", url, f"{declared} bytes is over the {limits.max_bytes}-byte cap")
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body.extend(chunk)
            if len(body) > limits.max_bytes:
                raise _error("too_large", url, f"over the {limits.max_bytes}-byte cap")
        return _Document(
            status, content_type, header, bytes(body), response.encoding or "utf-8", str(response.url)
        )


async def _render(
    browser: Browser,
    client: httpx.AsyncClient,
    url: str,
    document: _Document,
    limits: FetchLimits,
    seconds: float,
) -> tuple[str, str, _Document]:
    """The DOM Chromium builds from `document` (scripts run), its URL, and the document read.

    Every document Chromium shows is fetched by `_get` within the limits and handed over
    whole, so Chromium never fetches a page itself: what is read is what passed the checks.
    A script sending the page elsewhere (`location.href = ...`) is followed that way too,
    counted as a redirect; frames, popups and non-GET navigations are dropped. `seconds`
    bounds the whole render.
    """
    from playwright.async_api import Error as BrowserError
    from playwright.async_api import TimeoutError as BrowserTimeout

    deadline = time.monotonic() + seconds
    shown: list[_Document] = []
    failure: BaseException | None = None
    fetches: set[asyncio.Future[_Document]] = set()
    requests = 0

    def left() -> float:
        return max(0.001, deadline - time.monotonic())

    async def follow(target: str) -> _Document | None:
        """The document a script navigates to, fetched like a redirect; None if the render ended."""
        if len(shown) > limits.max_redirects:
            raise _error("redirects", url, f"more than {limits.max_redirects} redirects (by script)")
        fetching = asyncio.ensure_future(_get(client, target, limits))
        fetches.add(fetching)  # ours to cancel when the render ends first
        if not (await asyncio.wait({fetching}, timeout=left()))[0]:
            fetching.cancel()
            raise TimeoutError
        return None if fetching.cancelled() else fetching.result()

    async def navigate(route: Route) -> None:
        nonlocal failure
        request = route.request
        if request.frame != page.main_frame or request.method != "GET" or failure is not None:
            await route.abort("aborted")  # ERR_ABORTED: dropped, no error page replaces the page
            return
        try:
            next_document = await follow(request.url) if shown else document
        except Exception as exc:  # raised by _render, typed by fetch_page like any fetch failure
            failure = exc
            await route.abort("aborted")
            await page.close()  # ends the wait for the page at once
            return
        if next_document is None:
            return
        shown.append(next_document)
        headers = {"content-type": next_document.header}
        await route.fulfill(status=next_document.status, headers=headers, body=next_document.body)

    async def route(route: Route) -> None:
        nonlocal requests
        request = route.request
        with contextlib.suppress(BrowserError):  # the page may be closing
            if request.is_navigation_request():
                await navigate(route)
                return
            requests += 1
            if (
                urlparse(request.url).scheme not in ("http", "https")
                or request.resource_type in _BLOCKED_RESOURCES
                or requests > limits.max_requests
            ):
                await route.abort()
            else:
                await route.continue_()

    try:
        context = await browser.new_context(
            user_agent=limits.user_agent, accept_downloads=False, service_workers="block"
        )
    except BrowserError as exc:  # the browser died (crashed, killed) since the batch started
        raise _browser_failed(url, exc) from None
    try:
        page = await context.new_page()
        await context.route("**/*", route)
        await page.goto(document.final_url, wait_until="domcontentloaded", timeout=left() * 1000)
        settle = min(left(), limits.settle_timeout)
        if settle > 0:  # (Playwright reads a timeout of 0 as no timeout)
            with contextlib.suppress(BrowserTimeout):  # a page that keeps polling is read as it stands
                await page.wait_for_load_state("networkidle", timeout=settle * 1000)
        if failure is not None:
            raise failure
        size = await page.evaluate(
            "() => document.documentElement ? document.documentElement.outerHTML.length : 0"
        )
        html = await page.content() if size <= limits.max_bytes else ""
        if size > limits.max_bytes or len(html.encode()) > limits.max_bytes:
            raise _error("too_large", url, f"the rendered page is over the {limits.max_bytes}-byte cap")
        return html, page.url, shown[-1]
    except BrowserTimeout:
        if failure is not None:
            raise failure from None
        raise _error(
            "timeout", url, f"not rendered within {limits.total_timeout:g} s", transient=True
        ) from None
    except BrowserError as exc:
        if failure is not None:  # the page went away because a script's navigation failed
            raise failure from None
        raise _browser_failed(url, exc) from None
    finally:
        for fetching in fetches:
            fetching.cancel()
        await asyncio.gather(*fetches, return_exceptions=True)
        # not unroute_all(): it waits on a renderer a script keeps busy; close() does not
        await context.close()


def _browser_failed(url: str, exc: Exception) -> FetchError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return _error("connect", url, f"the browser could not render the page: {first}", transient=True)


def _result(
    url: str,
    document: _Document,
    text: str,
    final_url: str,
    limits: FetchLimits,
    start: float,
    *,
    rendered: bool,
) -> PageResult:
    links: list[str] = []
    if document.content_type == "text/plain":
        title, page_text = "", text.strip()
    else:
        title, page_text, links = extract(text, final_url)
    return PageResult(
        url=url,
        final_url=final_url,
        status=document.status,
        content_type=document.content_type,
        title=title,
        text=page_text[: limits.max_text_chars],
        links=links[: limits.max_links],
        bytes_read=len(document.body),
        elapsed_ms=(time.perf_counter() - start) * 1000,
        truncated=len(page_text) > limits.max_text_chars,
        rendered=rendered,
    )


async def fetch_pages(
    urls: list[str], *, limits: FetchLimits | None = None, concurrency: int = 4
) -> list[PageResult | FetchError]:
    """Fetch several pages concurrently (at most `concurrency` at once) with one browser.

    Never raises for a page (each outcome is a `PageResult` or a `FetchError`).

    Raises:
        UserError: rendering is `always` and no browser can be started.
    """
    limits = limits or FetchLimits()
    gate = asyncio.Semaphore(concurrency)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    async with (
        httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            headers={"User-Agent": limits.user_agent},
        ) as client,
        Chromium.configured(limits.render) as chromium,
    ):
        if chromium.mode == "always":
            await chromium.browser()  # no browser is the caller's setting: one UserError, not one per page

        async def one(url: str) -> PageResult | FetchError:
            async with gate:
                try:
                    return await fetch_page(url, client=client, limits=limits, chromium=chromium)
                except FetchError as exc:
                    return exc

        return list(await asyncio.gather(*(one(u) for u in urls)))
