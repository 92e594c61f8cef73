"""`browser.fetch`: get a web page safely and extract its title, text and links.

Limits: connect/read timeouts and a total deadline, a response size cap (the body is
streamed and reading stops at the cap), a redirect limit, http(s) only, HTML or plain text
only. Every failure is a `FetchError` with a machine-readable `kind` and `transient`
(timeouts, connection errors, 429 and 5xx may succeed on retry), which the self-healing
agent classifies.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal
from urllib.parse import urljoin, urlparse

import httpx
from pydantic import Field

from global_orchestrator.errors import RunError, TransientError
from global_orchestrator.models import WireModel

FetchErrorKind = Literal[
    "invalid_url", "dns", "connect", "timeout", "http_status", "content_type", "too_large", "redirects"
]
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
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


async def fetch_page(
    url: str, *, client: httpx.AsyncClient | None = None, limits: FetchLimits | None = None
) -> PageResult:
    """Fetch one page within `limits` and extract it.

    Raises:
        FetchError: invalid URL, DNS or connection failure, timeout, HTTP error status,
            binary content, a body over the size cap, or too many redirects.
    """
    limits = limits or FetchLimits()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise _error("invalid_url", url, "only http and https URLs with a host can be fetched")
    own = client is None
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
            return await _fetch(client, url, limits, start)
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
        if own:
            await client.aclose()


async def _fetch(client: httpx.AsyncClient, url: str, limits: FetchLimits, start: float) -> PageResult:
    async with client.stream("GET", url) as response:
        status = response.status_code
        if status >= 400:
            transient = status == 429 or status >= 500
            raise _error("http_status", url, f"HTTP {status}", transient=transient)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
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
        encoding = response.encoding or "utf-8"
        final_url = str(response.url)
    text = body.decode(encoding, errors="replace")
    links: list[str] = []
    if content_type == "text/plain":
        title, page_text = "", text.strip()
    else:
        title, page_text, links = extract(text, final_url)
    truncated = len(page_text) > limits.max_text_chars
    return PageResult(
        url=url,
        final_url=final_url,
        status=status,
        content_type=content_type,
        title=title,
        text=page_text[: limits.max_text_chars],
        links=links[: limits.max_links],
        bytes_read=len(body),
        elapsed_ms=(time.perf_counter() - start) * 1000,
        truncated=truncated,
    )


async def fetch_pages(
    urls: list[str], *, limits: FetchLimits | None = None, concurrency: int = 4
) -> list[PageResult | FetchError]:
    """Fetch several pages concurrently (at most `concurrency` at once); never raises."""
    limits = limits or FetchLimits()
    gate = asyncio.Semaphore(concurrency)
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    async with httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": limits.user_agent},
    ) as client:

        async def one(url: str) -> PageResult | FetchError:
            async with gate:
                try:
                    return await fetch_page(url, client=client, limits=limits)
                except FetchError as exc:
                    return exc

        return list(await asyncio.gather(*(one(u) for u in urls)))
