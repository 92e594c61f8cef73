"""Shared fixtures. An autouse guard makes any real model call fail unless the test is
marked `real_model` (local llama.cpp or an OpenAI-compatible HTTP server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


class RealModelCallError(AssertionError):
    """A test reached a real model provider without the `real_model` marker."""


@pytest.fixture(autouse=True)
def _no_real_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if request.node.get_closest_marker("real_model") is None:
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)
        monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
        monkeypatch.delenv("ORCHESTRATOR_MODEL", raising=False)

        def refuse(self: Any, *args: Any, **kwargs: Any) -> Any:
            raise RealModelCallError(
                f"{type(self).__name__} called a real model; mark the test with @pytest.mark.real_model"
            )

        from langchain_openai import ChatOpenAI

        from global_orchestrator.llm import LocalChatModel

        for cls in (ChatOpenAI, LocalChatModel):
            monkeypatch.setattr(cls, "_generate", refuse)
            monkeypatch.setattr(cls, "_agenerate", refuse)
            monkeypatch.setattr(cls, "_stream", refuse, raising=False)
            monkeypatch.setattr(cls, "_astream", refuse, raising=False)
    yield


@pytest.fixture
def examples() -> Path:
    """The repository's examples/ folder."""
    return EXAMPLES
