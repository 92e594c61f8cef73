"""A chat product's backend and page: run missions and stream their events over Server-Sent Events.

A pattern to copy, not a product. Endpoints:

    GET  /                               the page: type a mission, watch it run, answer approvals
    POST /missions                       start a mission; the response is its event stream
    GET  /missions/{thread_id}           where a run stands (results, pending approvals)
    POST /missions/{thread_id}/approvals decide pending approvals; streams the rest of the run

Run it (from the repository root)::

    pip install -e ".[local,chat]"
    export ORCHESTRATOR_TOKENS='[{"token": "alice-secret-token-1", "id": "alice", "roles": ["approver"]}]'
    python examples/chat_app/app.py --port 8000      # or: uvicorn app:app --app-dir examples/chat_app

Settings come from the environment: `CHAT_APP_DB` (default
`sqlite:///.orchestrator/chat.db`), `ORCHESTRATOR_MODEL` (default `local`),
`ORCHESTRATOR_BRANDS_DIR` (default `examples/brands`), `CHAT_APP_CORS_ORIGINS`
(comma-separated origins whose pages may call the API) and `ORCHESTRATOR_TOKENS` (the
bearer tokens / API keys and the principals they stand for, see
`global_orchestrator.identity`; `CHAT_APP_NO_AUTH=1` serves one trusted user without
them). Or build your own app with
`create_app(db=..., model=..., agents=..., tokens=..., cors_origins=...)`.

Who may do what: every API call needs `Authorization: Bearer <token>` (or `X-API-Key:
<token>`), else 401; a principal sees, resumes and approves only the runs it started
(another's run is a 404, as if it did not exist), and approving a clinical subtask needs
the `approver` role (403). With no tokens configured every call is a 401 that says how
to configure them, unless authentication is switched off (`anonymous=True`,
`CHAT_APP_NO_AUTH=1`, `python app.py --no-auth`): then the app serves one trusted user
and warns, loudly when it is bound to or reached through an address that is not loopback.

Everything the app sends is redacted (`global_orchestrator.redaction`): the runtime
redacts events, results and approval inputs; the app redacts the error text it adds.
"""

import argparse
import contextlib
import functools
import ipaddress
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from global_orchestrator import Mission, MissionEvent, Orchestrator, UserError
from global_orchestrator.agents.base import AgentLike
from global_orchestrator.errors import Forbidden, MissionFileError, TemplateError, UnknownMissionTypeError
from global_orchestrator.identity import Principal, TokenMap, load_tokens
from global_orchestrator.llm import make_chat_model
from global_orchestrator.redaction import error_text, redact_text

log = logging.getLogger("chat_app")

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
"""No caching, and no buffering by nginx-style proxies: events must reach the browser as they happen."""
PAGE_HEADERS = {
    # the page loads its own script and style only, and talks to its own origin only
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
BAD_MISSION = (UnknownMissionTypeError, TemplateError, MissionFileError)
"""Refusals that mean the mission itself is wrong (422), not the thread's state (409)."""


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


def http_error(exc: UserError, forbidden: int = 409) -> HTTPException:
    """A refusal before any event, as a plain HTTP error with a redacted message.

    Args:
        exc: What the engine refused.
        forbidden: The status for `Forbidden`: 403 where only a missing role can raise it
            (deciding approvals), 409 where it is another owner's thread (starting a run:
            the message says only that the thread cannot be used).
    """
    status = 422 if isinstance(exc, BAD_MISSION) else 409
    if isinstance(exc, Forbidden):
        status = forbidden
    return HTTPException(status_code=status, detail=redact_text(str(exc)))


def is_loopback(host: str) -> bool:
    """Whether `host` (an address or `localhost`) is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


NO_TOKENS = (
    "no tokens are configured: set ORCHESTRATOR_TOKENS (bearer tokens / API keys -> principals), "
    "or serve one trusted user without authentication with CHAT_APP_NO_AUTH=1"
)


def warn_if_exposed(host: str, tokens: TokenMap | None) -> bool:
    """Log a loud warning when the app serves `host`, not loopback, without authentication.

    Returns:
        Whether it warned.
    """
    if tokens is not None or is_loopback(host):
        return False
    log.warning(
        "\n%s\nWARNING: the chat app is serving %s WITHOUT AUTHENTICATION: anyone who can reach it\n"
        "can start missions and read and approve every run. Set ORCHESTRATOR_TOKENS (bearer\n"
        "tokens / API keys -> principals) or bind to 127.0.0.1.\n%s",
        "!" * 78,
        host,
        "!" * 78,
    )
    return True


def _log_failure(what: str, exc: Exception) -> str:
    """Log a failure redacted (its text may quote a note); the traceback only at DEBUG level."""
    message = error_text(exc)
    log.error("%s: %s", what, message)
    log.debug("%s", what, exc_info=exc)
    return message


async def _close(events: AsyncIterator[MissionEvent]) -> None:
    """Close an event stream now: it holds the run's database connection until closed."""
    aclose = getattr(events, "aclose", None)
    if aclose is not None:
        await aclose()


async def _event_stream(events: AsyncIterator[MissionEvent], forbidden: int = 409) -> StreamingResponse:
    """Answer with the events as SSE, once the run has got past its start.

    The app pulls events before it answers: the first one, and after `mission_started`
    the next one too (the plan). What the engine refuses before anything runs (the
    thread already holds a run, an approval names a subtask that is not waiting, the
    mission cannot be planned) is then an HTTP error instead of a stream that breaks
    after its 200 header.
    """
    head: list[MissionEvent] = []
    try:
        head.append(await anext(events))
        if head[0].type == "mission_started":
            head.extend([e] if (e := await anext(events, None)) is not None else [])
    except UserError as exc:
        await _close(events)
        raise http_error(exc, forbidden) from exc
    except Exception as exc:
        await _close(events)
        _log_failure("mission failed before its first event", exc)
        raise HTTPException(status_code=500, detail=f"the run failed: {type(exc).__name__}") from exc

    async def body() -> AsyncIterator[str]:
        seq = 0
        try:
            for event in head:
                seq += 1
                yield sse_frame(event.type, event.to_json(indent=None), seq)
            while (event := await anext(events, None)) is not None:
                seq += 1
                yield sse_frame(event.type, event.to_json(indent=None), seq)
        except Exception as exc:
            # The 200 header is gone: report the failure in-band, as the stream's last event.
            message = _log_failure("mission stream failed", exc)
            yield sse_frame("error", json.dumps({"message": message}), seq + 1)
        finally:
            await _close(events)

    return StreamingResponse(body(), media_type="text/event-stream", headers=SSE_HEADERS)


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad field, without echoing the submitted values (they may be PHI)."""
    assert isinstance(exc, RequestValidationError)
    detail = [
        {
            "loc": [redact_text(p) if isinstance(p, str) else p for p in e.get("loc", ())],  # keys can be PHI
            "msg": redact_text(str(e.get("msg", ""))),
            "type": e.get("type"),
        }
        for e in exc.errors()
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def load_examples(folder: Path | None) -> dict[str, Any]:
    """The example missions the page offers (`<folder>/*.json` that are missions), by file name."""
    examples: dict[str, Any] = {}
    for path in sorted(folder.glob("*.json")) if folder else ():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            Mission.model_validate(data)
        except (OSError, ValueError, ValidationError):
            continue  # plans and other files that are not missions
        examples[path.stem] = data
    return examples


def create_app(
    *,
    db: str = "sqlite:///.orchestrator/chat.db",
    model: str | BaseChatModel = "local",
    brands_dir: str | Path | None = None,
    agents: Mapping[str, AgentLike | None] | None = None,
    tokens: TokenMap | None = None,
    anonymous: bool = False,
    cors_origins: Sequence[str] = (),
    examples_dir: str | Path | None = None,
) -> FastAPI:
    """Build the app.

    Args:
        db: Checkpoint database (`sqlite:///path` or `postgresql://...`; several app
            processes need PostgreSQL to share runs).
        model: A model spec for `make_chat_model` (`local`, `echo`, `openai:<model>`) or a
            chat model.
        brands_dir: Folder of brand profiles.
        agents: Your own agents by family (see the README's Python API).
        tokens: Bearer tokens / API keys and their principals (`identity.load_tokens()`);
            without them every API call is refused (401), unless `anonymous`.
        anonymous: With no `tokens`, serve one trusted user without authentication (every
            run visible to every caller: keep it on loopback).
        cors_origins: Origins (`https://chat.example.com`) whose pages may call the API;
            default none (the app's own page needs none).
        examples_dir: Folder of mission JSON files the page offers as examples.
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
    examples = load_examples(Path(examples_dir) if examples_dir else None)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if tokens is None:
            if anonymous:
                log.warning("serving without authentication: every caller sees and approves every run")
            else:
                log.error("every API call will be refused: %s", NO_TOKENS)
        await orchestrator.open()
        try:
            yield
        finally:
            await orchestrator.aclose()

    app = FastAPI(title="Global Orchestrator chat example", lifespan=lifespan)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(cors_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "X-API-Key", "Last-Event-ID"],
        max_age=600,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.tokens = tokens
    app.state.anonymous = anonymous
    warned: set[str] = set()

    async def caller(request: Request) -> Principal | None:
        """The request's principal (401 without a known token); None when auth is off."""
        if tokens is None and anonymous:
            host = (request.scope.get("server") or ("127.0.0.1", 0))[0]
            if host not in warned and warn_if_exposed(host, tokens):
                warned.add(host)  # once per address, not per request
            return None
        principal = tokens.authenticate_headers(request.headers) if tokens is not None else None
        if principal is None:
            raise HTTPException(
                status_code=401,
                detail=NO_TOKENS if tokens is None else "a bearer token or API key is required",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return principal

    Caller = Annotated[Principal | None, Depends(caller)]

    @app.options("/missions", include_in_schema=False)
    @app.options("/missions/{_thread_id}", include_in_schema=False)
    @app.options("/missions/{_thread_id}/approvals", include_in_schema=False)
    async def options(request: Request) -> Response:
        """What a plain OPTIONS asks (a CORS preflight is answered by the middleware first)."""
        allow = "POST, OPTIONS" if request.url.path.endswith(("/missions", "/approvals")) else "GET, OPTIONS"
        return Response(status_code=204, headers={"Allow": allow})

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        """The chat page (plain HTML and JavaScript, no third-party code)."""
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    @app.get("/examples")
    async def example_missions() -> dict[str, Any]:
        """Example missions by name, for the page's picker."""
        return examples

    @app.post("/missions")
    async def start_mission(body: StartMission, principal: Caller) -> StreamingResponse:
        """Start a mission owned by the caller; the response streams its events until `mission_finished`."""
        await orchestrator.open()  # no-op once open (servers without lifespan events open it here)
        events = orchestrator.stream(body.mission, thread_id=body.thread_id, principal=principal)
        return await _event_stream(events)

    @app.get("/missions/{thread_id}")
    async def mission_status(thread_id: str, principal: Caller) -> dict[str, Any]:
        """The run's `MissionResult` so far (`status`: completed, waiting_approval, incomplete)."""
        await orchestrator.open()
        try:
            result = await orchestrator.status(thread_id, principal=principal)
        except UserError as exc:  # no run, or another owner's (the same answer)
            raise HTTPException(status_code=404, detail=redact_text(str(exc))) from exc
        return result.to_dict()

    @app.post("/missions/{thread_id}/approvals")
    async def decide(thread_id: str, body: Approvals, principal: Caller) -> StreamingResponse:
        """Approve or reject pending subtasks; the response streams the rest of the run."""
        status = await mission_status(thread_id, principal)  # 404: no run, or another owner's
        if status["status"] != "waiting_approval":
            raise HTTPException(
                status_code=409, detail=redact_text(f"thread '{thread_id}' is not waiting for approval")
            )
        decisions: dict[str, bool | dict[str, Any]] = {
            sid: d if isinstance(d, bool) else d.model_dump() for sid, d in body.approvals.items()
        }
        events = orchestrator.stream_resume(thread_id, approvals=decisions, principal=principal)
        return await _event_stream(events, forbidden=403)  # approving clinical work needs the role

    return app


def from_environment(*, anonymous: bool = False) -> FastAPI:
    """The app as the environment configures it (see the module docstring)."""
    return create_app(
        db=os.environ.get("CHAT_APP_DB", "sqlite:///.orchestrator/chat.db"),
        model=os.environ.get("ORCHESTRATOR_MODEL", "local"),
        brands_dir=os.environ.get("ORCHESTRATOR_BRANDS_DIR", "examples/brands"),
        tokens=load_tokens(),  # ORCHESTRATOR_TOKENS
        anonymous=anonymous or os.environ.get("CHAT_APP_NO_AUTH", "") not in ("", "0", "false"),
        cors_origins=[o.strip() for o in os.environ.get("CHAT_APP_CORS_ORIGINS", "").split(",") if o.strip()],
        examples_dir=HERE.parent / "missions",
    )


app = from_environment()


def main(argv: Sequence[str] | None = None) -> None:
    """Serve the app with uvicorn: `python app.py [--host 127.0.0.1] [--port 8000] [--no-auth]`."""
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--no-auth", action="store_true", help="without tokens: one trusted user, no authentication"
    )
    args = parser.parse_args(argv)
    served = from_environment(anonymous=True) if args.no_auth else app
    if served.state.tokens is None and not served.state.anonymous:
        parser.exit(2, f"error: {NO_TOKENS} (or pass --no-auth)\n")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    warn_if_exposed(args.host, served.state.tokens)
    uvicorn.run(served, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
