"""A small OpenAI-compatible chat-completions server on 127.0.0.1 for tests.

It answers from a script of (status, content) entries and records every request body,
so tests drive the real `openai` client (retries, JSON-schema requests) end to end.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: an HTTP status and, for 200, the assistant's content."""

    status: int = 200
    content: str = ""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeOpenAI:
    """Script and recorded requests of a running fake server."""

    url: str
    script: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)
    repeat_last: bool = False


def _completion(content: str, body: dict[str, Any]) -> dict[str, Any]:
    prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
    completion_tokens = max(1, len(content.split()))
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "test-model"),
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


@contextmanager
def fake_openai_server(script: list[Reply], *, repeat_last: bool = False) -> Iterator[FakeOpenAI]:
    """Run the server in a thread for the duration of the block."""
    state = FakeOpenAI(url="", script=list(script), repeat_last=repeat_last)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            with lock:
                state.requests.append({"path": self.path, "body": body})
                if not state.script:
                    reply = Reply(500, "script exhausted")
                elif state.repeat_last and len(state.script) == 1:
                    reply = state.script[0]
                else:
                    reply = state.script.pop(0)
            if self.path.rstrip("/") != "/v1/chat/completions":
                reply = Reply(404, "not found")
            payload = (
                _completion(reply.content, body)
                if reply.status == 200
                else {"error": {"message": reply.content or f"status {reply.status}", "type": "test"}}
            )
            data = json.dumps(payload).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
