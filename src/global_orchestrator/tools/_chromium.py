"""Which headless Chromium renders pages, launched once per batch and closed reliably.

`Chromium` is one browser process shared by the pages of a `fetch_pages` batch (or one
`fetch_page` call): launched on the first HTML page that needs it, under a lock so
concurrent pages share it, and closed (browser, then Playwright's driver) when the batch
ends, whatever happened. Launching costs ~0.5-1 s; a page costs a fresh browser context.

The executable: `ORCHESTRATOR_CHROMIUM` (`Settings.chromium`), else `chromium`,
`chromium-browser` or `google-chrome` on PATH, else the browser `playwright install
chromium` downloaded, if any. Nothing is downloaded at run time.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from pydantic import ValidationError

from global_orchestrator.errors import UserError
from global_orchestrator.settings import RenderMode, get_settings

if TYPE_CHECKING:
    from playwright.async_api import Browser, Playwright

log = logging.getLogger("global_orchestrator.tools.browser")

EXECUTABLES = ("chromium", "chromium-browser", "google-chrome")
"""Names looked up on PATH, in order, when `ORCHESTRATOR_CHROMIUM` is not set."""
LAUNCH_TIMEOUT_S = 30.0
_warned: set[str] = set()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Unavailable(Exception):
    """No browser can be started; the message says why and what to do."""


def find_chromium(configured: Path | None = None) -> str | None:
    """The Chromium executable to launch: `configured`, else the first of `EXECUTABLES` on PATH.

    None when nothing is configured or on PATH (Playwright's own browser is tried at launch).

    Raises:
        _Unavailable: `configured` does not exist.
    """
    if configured is not None:
        if not configured.exists():
            raise _Unavailable(f"ORCHESTRATOR_CHROMIUM={configured} does not exist")
        return str(configured)
    return next((path for name in EXECUTABLES if (path := shutil.which(name))), None)


def render_mode(render: RenderMode | None) -> RenderMode:
    """`render` if given, else the `ORCHESTRATOR_BROWSER` setting (default `auto`).

    Raises:
        UserError: `ORCHESTRATOR_BROWSER` is not `auto`, `always` or `never`.
    """
    if render is not None:
        return render
    try:
        return get_settings().browser
    except ValidationError:
        raise UserError("ORCHESTRATOR_BROWSER must be auto, always or never") from None


class Chromium:
    """One headless Chromium for a batch of pages: launched on first need, closed by `aclose`.

    With mode `never` it never launches; with `auto` a browser that cannot be started
    means static HTML (logged once per reason and process); with `always` it is a
    `UserError` naming what is missing.
    """

    def __init__(self, mode: RenderMode, executable: Path | None = None) -> None:
        self.mode = mode
        self.executable = executable
        self._lock = asyncio.Lock()
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._unavailable: str | None = None
        self._launching: asyncio.Future[None] | None = None

    @classmethod
    def configured(cls, render: RenderMode | None) -> Chromium:
        """A browser for `render` (None: the `ORCHESTRATOR_BROWSER` setting) and the configured executable."""
        mode = render_mode(render)
        return cls(mode, get_settings().chromium if mode != "never" else None)

    async def browser(self) -> Browser | None:
        """The running browser, launched on the first call; None when pages are read statically.

        Raises:
            UserError: mode `always` and no browser can be started.
        """
        if self.mode == "never":
            return None
        async with self._lock:
            if self._browser is None and self._unavailable is None:
                # shielded: a caller cancelled mid-launch must not leave the driver or the
                # browser half started; `aclose` waits for the launch and closes what it made
                self._launching = asyncio.ensure_future(self._launch())
                try:
                    await asyncio.shield(self._launching)
                except _Unavailable as exc:
                    self._unavailable = str(exc)
                    if self.mode == "auto" and self._unavailable not in _warned:
                        _warned.add(self._unavailable)
                        log.warning("pages are read as static HTML (scripts do not run): %s", exc)
        if self._unavailable is not None and self.mode == "always":
            raise UserError(f"pages must be rendered (ORCHESTRATOR_BROWSER=always) but {self._unavailable}")
        return self._browser

    async def _launch(self) -> None:
        """Start Playwright's driver and the browser, keeping each on `self` as soon as it runs."""
        try:
            from playwright.async_api import Error, async_playwright
        except ImportError:
            raise _Unavailable(
                "playwright is not installed: pip install 'global-orchestrator[browser]'"
            ) from None
        executable = find_chromium(self.executable)
        try:
            self._playwright = playwright = await async_playwright().start()
        except Exception as exc:  # the driver did not start (a broken install)
            raise _Unavailable(f"Playwright's driver did not start: {_first_line(exc)}") from None
        try:
            if executable is None and not Path(playwright.chromium.executable_path).exists():
                raise _Unavailable(
                    f"no Chromium: none of {', '.join(EXECUTABLES)} is on PATH, ORCHESTRATOR_CHROMIUM is "
                    "not set and Playwright has no browser of its own (apt-get install chromium)"
                )
            self._browser = await playwright.chromium.launch(
                executable_path=executable, headless=True, timeout=LAUNCH_TIMEOUT_S * 1000
            )
        except Error as exc:
            await self.aclose()
            raise _Unavailable(
                f"Chromium at {executable or 'Playwright'} did not start: {_first_line(exc)}"
            ) from None
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        """Close the browser and Playwright's driver (no Chromium process outlives this)."""
        launching, self._launching = self._launching, None
        if launching is not None and launching is not asyncio.current_task():
            await asyncio.wait([launching])  # a launch whose caller was cancelled: let it finish
            if not launching.cancelled():
                launching.exception()  # seen here; its caller is gone
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = None
        try:
            if browser is not None:
                await browser.close()
        finally:
            if playwright is not None:
                await playwright.stop()

    async def __aenter__(self) -> Chromium:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
