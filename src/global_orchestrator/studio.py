"""The graph factory for LangGraph Studio and `langgraph dev` (named in `langgraph.json`).

The server calls `make_graph(config)` whenever it needs the graph (to draw it, to start or
resume a run, to read a thread's state) and brings its own checkpointer and store, so the
graph is compiled without either. The input is `{"mission": <mission JSON>}` (optionally
`"plan"`: a ready plan to validate and run instead of planning).

The model for the default agents is built on first use, so loading the graph (drawing it
in Studio, or running a mission whose agents need no model) loads nothing. Its spec comes
from the run's `configurable.model`, else `ORCHESTRATOR_MODEL`, else `local` (the
embedded SmolLM2 model of the `local` extra). `configurable.plan_with_model` (bool) plans
with that model instead of the mission's template.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from langchain_core.language_models import BaseChatModel

from global_orchestrator.llm import ModelSettings, make_chat_model
from global_orchestrator.runtime import RunOptions, compile_graph

GRAPH_ID = "orchestrator"
"""The graph's id in `langgraph.json` (the assistant Studio creates for it has this graph id)."""

_models: dict[str, BaseChatModel] = {}
_models_lock = threading.Lock()


def lazy_model(spec: str) -> Callable[[], BaseChatModel]:
    """A zero-argument factory building the model for `spec` on first call, once per process.

    The server compiles the graph per request; sharing the model keeps one client (or one
    loaded local model) for all of them.
    """

    def factory() -> BaseChatModel:
        with _models_lock:
            model = _models.get(spec)
            if model is None:
                model = _models[spec] = make_chat_model(spec)
            return model

    return factory


def make_graph(config: Mapping[str, Any] | None = None) -> Any:
    """Compile the mission graph for LangGraph Studio / Server: no checkpointer, no store.

    Args:
        config: The run's config; `configurable.model` (a model spec: `local`, `echo`,
            `openai:<model>`) and `configurable.plan_with_model` (bool) are read from it.

    Returns:
        The compiled graph (`CompiledStateGraph`), input `{"mission": ...}`, output `{"result": ...}`.
    """
    configurable: Mapping[str, Any] = (config or {}).get("configurable") or {}
    spec = str(configurable.get("model") or ModelSettings().model).strip()
    options = RunOptions(model=lazy_model(spec), plan_with_model=_flag(configurable.get("plan_with_model")))
    return compile_graph(options)


def _flag(value: Any) -> bool:
    """A boolean from config: Studio's configuration form may send `"true"` as text."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
