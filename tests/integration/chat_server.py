"""The chat example (examples/chat_app) on a real uvicorn server on 127.0.0.1, for the tests."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
APP_FILE = ROOT / "examples" / "chat_app" / "app.py"


def load_example() -> ModuleType:
    """Import examples/chat_app/app.py as a module (it is not a package)."""
    spec = importlib.util.spec_from_file_location("chat_app_example", APP_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mission_json(name: str) -> dict[str, Any]:
    """An example mission (examples/missions/<name>) as JSON data."""
    data: dict[str, Any] = json.loads((ROOT / "examples" / "missions" / name).read_text())
    return data


@contextlib.contextmanager
def serve(app: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """Run `app` under uvicorn on a free port of `host` in a thread; yield its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on", ws="none", http="h11"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(1000):
            if server.started or not thread.is_alive():
                break
            threading.Event().wait(0.01)
        assert server.started, "uvicorn did not start"
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
