"""A chat product's backend: run missions and stream their events over Server-Sent Events.

A pattern to copy, not a product. Three endpoints:

    POST /missions                       start a mission; the response is its event stream
    GET  /missions/{thread_id}           where a run stands (results, pending approvals)
    POST /missions/{thread_id}/approvals decide pending approvals; streams the rest of the run

Run it (from the repository root)::

    pip install -e ".[local]" fastapi uvicorn
    uvicorn app:app --app-dir examples/chat_app --port 8000

Settings come from the environment: `CHAT_APP_DB` (default
`sqlite:///.orchestrator/chat.db`), `ORCHESTRATOR_MODEL` (default `local`) and
`ORCHESTRATOR_BRANDS_DIR` (default `examples/brands`). Or build your own app with
`create_app(db=..., model=..., agents=...)`.
"""

import contextlib
import functools
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import StreamingResponse
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from global_orchestrator import Mission, MissionEvent, Orchestrator, UserError
from global_orchestrator.agents.base import AgentLike
from global_orchestrator.llm import make_chat_model

log = logging.getLogger("chat_app")

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
"""No caching, and no buffering by nginx-style proxies: events must reach the browser as they happen."""


class _Body(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class StartMission(_Body):
    """`POST /missions`: the mission and, optionally, the thread to run it in."""

    mission: Mission
    thread_id: str | None = Field(default=None, min_length=1, max_length=200)
    """Checkpoint thread (e.g. the chat conversation's id); default: the mission id."""


class Decision(_Body):
    """An approval decision with a reason for the record."""

    approved: bool
    reason: str | None = None


class Approvals(_Body):
    """`POST /missions/{thread_id}/approvals`: decisions by subtask id."""

    approvals: dict[str, bool | Decision] = Field(min_length=1)


def sse_frame(event: str, data: str, event_id: int | None = None) -> str:
    """One Server-Sent Event; `data` must be one line (compact JSON is)."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {data}\n\n"


async def _close(events: AsyncIterator[MissionEvent]) -> None:
    """Close an event stream now: it holds the run's database connection until closed."""
    aclose = getattr(events, "aclose", None)
    if aclose is not None:
        await aclose()


async def _event_stream(events: AsyncIterator[MissionEvent]) -> StreamingResponse:
    """Answer with the events as SSE, after pulling the first one.

    Pulling first means that what the engine refuses before anything runs (the thread
    already holds a run, an approval names a subtask that is not waiting) becomes an
    HTTP 409 instead of a stream that breaks after its 200 header.
    """
    try:
        first = await anext(events)
    except UserError as exc:
        await _close(events)
        raise HTTPException(status_code=409, detail=str(exc)) from exc

    async def body() -> AsyncIterator[str]:
        seq = 0
        try:
            event: MissionEvent | None = first
            while event is not None:
                seq += 1
                yield sse_frame(event.type, event.to_json(indent=None), seq)
                event = await anext(events, None)
        except Exception as exc:
            # The 200 header is gone: report the failure in-band, as the stream's last event.
            log.exception("mission stream failed")
            yield sse_frame("error", json.dumps({"message": f"{type(exc).__name__}: {exc}"}), seq + 1)
        finally:
            await _close(events)

    return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)


def create_app(
    *,
    db: str = "sqlite:///.orchestrator/chat.db",
    model: str | BaseChatModel = "local",
    brands_dir: str | Path | None = None,
    agents: Mapping[str, AgentLike | None] | None = None,
) -> FastAPI:
    """Build the app.

    Args:
        db: Checkpoint database (`sqlite:///path` or `postgresql://...`; several app
            processes need PostgreSQL to share runs).
        model: A model spec for `make_chat_model` (`local`, `echo`, `openai:<model>`) or a
            chat model.
        brands_dir: Folder of brand profiles.
        agents: Your own agents by family (see the README's Python API).
    """
    factory: Callable[[], BaseChatModel]
    if isinstance(model, BaseChatModel):
        chat_model = model

        def factory() -> BaseChatModel:
            return chat_model
    else:
        # Built on first use and shared: one local model (one llama.cpp context) per process.
        factory = functools.cache(functools.partial(make_chat_model, model))
    # one long-lived runtime for the app: the graph compiled once, one database pool
    orchestrator = Orchestrator(db=db, model=factory, brands_dir=brands_dir, agents=agents)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await orchestrator.open()
        try:
            yield
        finally:
            await orchestrator.aclose()

    app = FastAPI(title="Global Orchestrator chat example", lifespan=lifespan)

    @app.post("/missions")
    async def start_mission(body: StartMission) -> StreamingResponse:
        """Start a mission; the response streams its events until `mission_finished`."""
        await orchestrator.open()  # no-op once open (servers without lifespan events open it here)
        return await _event_stream(orchestrator.stream(body.mission, thread_id=body.thread_id))

    @app.get("/missions/{thread_id}")
    async def mission_status(thread_id: str) -> dict[str, Any]:
        """The run's `MissionResult` so far (`status`: completed, waiting_approval, incomplete)."""
        await orchestrator.open()
        try:
            result = await orchestrator.status(thread_id)
        except UserError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from exc
        return result.to_dict()

    @app.post("/missions/{thread_id}/approvals")
    async def decide(thread_id: str, body: Approvals) -> StreamingResponse:
        """Approve or reject pending subtasks; the response streams the rest of the run."""
        status = await mission_status(thread_id)  # 404 for a thread with no run
        if status["status"] != "waiting_approval":
            raise HTTPException(status_code=409, detail=f"thread '{thread_id}' is not waiting for approval")
        decisions: dict[str, bool | dict[str, Any]] = {
            sid: d if isinstance(d, bool) else d.model_dump() for sid, d in body.approvals.items()
        }
        return await _event_stream(orchestrator.stream_resume(thread_id, approvals=decisions))

    return app


app = create_app(
    db=os.environ.get("CHAT_APP_DB", "sqlite:///.orchestrator/chat.db"),
    model=os.environ.get("ORCHESTRATOR_MODEL", "local"),
    brands_dir=os.environ.get("ORCHESTRATOR_BRANDS_DIR", "examples/brands"),
)
