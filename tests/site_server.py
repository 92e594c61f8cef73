"""A small website on 127.0.0.1 for browser tests: good pages, errors, slow, binary, huge, redirects,
and pages whose scripts write the text, fetch it, hang, bloat the DOM, leave, or load assets."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

PAGES = {
    "/good": (
        "<html><head><title>Rival A | Back to school</title><script>var secret = 'hidden';</script>"
        "<style>.x{color:red}</style></head><body><h1>Bundles from $19</h1>"
        "<p>Notebooks, pens   and\n planners.</p><a href='/pricing'>Pricing</a>"
        "<a href='https://example.org/about'>About</a><a href='#top'>Top</a>"
        "<a href='mailto:x@example.org'>Mail</a><a href='/pricing'>Pricing again</a></body></html>"
    ),
    "/rival-a.html": "<html><head><title>Rival A</title></head><body><p>Rival A sells notebook bundles at $19 on Instagram.</p></body></html>",
    "/rival-b.html": "<html><head><title>Rival B</title></head><body><p>Rival B leads with free shipping and TikTok creators.</p></body></html>",
    "/health": "<html><head><title>ok</title></head><body>status: ok</body></html>",
    # the text below exists only once scripts have run
    "/js": (
        "<html><head><title>Loading</title></head><body><h1>Rival C</h1><div id='now'></div><div id='later'></div>"
        "<script>document.title = 'Rival C | Rendered';"
        "document.getElementById('now').textContent = 'Kits from $27, written by a script.';"
        "addEventListener('load', () => fetch('/data.json').then(r => r.json()).then(d => {"
        "  document.getElementById('later').innerHTML = `<p>${d.offer}</p><a href='/deals'>Deals</a>`; }));"
        "</script></body></html>"
    ),
    "/js-busy": (
        "<html><head><title>Busy</title></head><body><p>Before the loop.</p>"
        "<script>setTimeout(() => { for (;;) {} }, 0);</script></body></html>"
    ),
    "/js-bloat": (
        "<html><head><title>Bloat</title></head><body><div id='x'></div><script>"
        "const block = 'y'.repeat(10000); let html = '';"
        "for (let i = 0; i < 500; i++) { html += '<p>' + block + '</p>'; }"
        "document.getElementById('x').innerHTML = html;</script></body></html>"
    ),
    "/js-leave": (
        "<html><head><title>Stay</title></head><body><p>The page that was checked.</p>"
        "<iframe src='/good'></iframe><script>location.href = '/rival-b.html';</script></body></html>"
    ),
    "/js-poll": (
        "<html><head><title>Poll</title></head><body><p id='p'>Polling.</p><script>"
        "setInterval(() => fetch('/data.json'), 100);</script></body></html>"
    ),
    "/js-loop": "<html><body><script>location.href = '/js-loop?n=' + Math.random();</script></body></html>",
    "/js-assets": (
        "<html><head><title>Assets</title><link rel='stylesheet' href='/asset.css'>"
        "<style>@font-face { font-family: f; src: url('/asset.woff2'); } body { font-family: f; }</style>"
        "</head><body><img src='/asset.png'><video src='/asset.mp4' autoplay></video>"
        "<p id='p'>Assets page.</p><script src='/asset.js'></script></body></html>"
    ),
}
DATA = {"offer": "Free shipping over $35, fetched by a script."}
ASSETS = {
    "/asset.css": ("text/css", b"p { color: black; }"),
    "/asset.js": ("text/javascript", b"document.getElementById('p').textContent += ' Script ran.';"),
    "/asset.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    "/asset.woff2": ("font/woff2", bytes(100)),
    "/asset.mp4": ("video/mp4", bytes(100)),
}


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    """Requests per path, over every server of this handler (tests compare before and after)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        # the client may have given up (timeout tests): nothing to answer then
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        Handler.hits[path] += 1
        if path in PAGES:
            self._send(200, PAGES[path].encode())
        elif path == "/data.json":
            self._send(200, json.dumps(DATA).encode(), "application/json")
        elif path in ASSETS:
            self._send(200, ASSETS[path][1], ASSETS[path][0])
        elif path == "/plain":
            self._send(200, b"just text", "text/plain")
        elif path == "/404":
            self._send(404, b"<p>missing</p>")
        elif path == "/500":
            self._send(500, b"<p>boom</p>")
        elif path == "/slow":
            time.sleep(1.5)  # beyond the tests' timeout; the handler still ends by itself
            self._send(200, b"<p>late</p>")
        elif path == "/binary":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/huge":
            # no Content-Length: the client must stop reading at its cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/loop":
            self._send(302, b"", Location="/loop")
        elif path == "/moved":
            self._send(301, b"", Location="/good")
        else:
            self._send(404, b"<p>unknown</p>")


@contextmanager
def site(handler: Callable[..., BaseHTTPRequestHandler] = Handler) -> Iterator[str]:
    """Serve the site (or what `handler` serves) on a free loopback port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def example_site() -> Iterator[str]:
    """The repository's `examples/site` folder served on a free loopback port; yields its base URL."""
    folder = Path(__file__).resolve().parents[1] / "examples" / "site"
    with site(partial(_QuietFiles, directory=str(folder))) as url:
        yield url
