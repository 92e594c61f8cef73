"""The `orchestrator` command.

Exit codes: 0 success; 1 the plan (or, later, the mission) is not runnable/successful;
2 bad input, printed as one line on stderr.
"""

from __future__ import annotations

import functools
import http.server
import itertools
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import typer
from langchain_core.language_models import BaseChatModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from global_orchestrator.cli_view import (
    ICONS,
    finish,
    one_line,
    print_issues,
    print_report,
    stderr_console,
    stdout_console,
)
from global_orchestrator.context import build_mission_context, load_brand
from global_orchestrator.engine import astream_mission, astream_resume, prune_runs, run_sync
from global_orchestrator.errors import UserError
from global_orchestrator.llm import SPECS_HELP, ModelSettings, make_chat_model
from global_orchestrator.loading import load_mission
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import Mission, MissionPlan, MissionResult
from global_orchestrator.persistence import DEFAULT_DB_URL
from global_orchestrator.planner.plan import plan_mission
from global_orchestrator.redaction import error_text, exception_text, redact_plan, redact_text
from global_orchestrator.runtime import Orchestrator
from global_orchestrator.settings import get_settings

app = typer.Typer(
    name="orchestrator",
    help="Plan and run missions with specialist LLM agents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class PlanFormat(StrEnum):
    """How `orchestrator plan` prints the plan."""

    table = "table"
    json = "json"
    mermaid = "mermaid"


TemplatesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--templates",
        help="Extra mission template file or folder (repeatable). Env: ORCHESTRATOR_TEMPLATES_DIR.",
    ),
]


def _register_templates(paths: list[Path] | None) -> None:
    registry = default_registry()
    extra = list(paths or [])
    configured = get_settings().templates_dir
    if configured is not None:
        extra.insert(0, configured)
    for path in extra:
        registry.load(path, replace=True)


def _brands_dir(option: Path | None, mission_file: Path) -> Path:
    """`--brands`, else ORCHESTRATOR_BRANDS_DIR, else `./brands`, else `brands/` beside the mission folder."""
    if option is not None:
        return option
    configured = get_settings().brands_dir
    if configured is not None:
        return configured
    local = Path("brands")
    sibling = mission_file.resolve().parent.parent / "brands"
    return local if local.is_dir() or not sibling.is_dir() else sibling


def _print_plan(console: Console, plan: MissionPlan) -> None:
    """A numbered list: it stays readable in a narrow terminal, unlike a wide table."""
    console.print(f"[bold]Plan for {escape(plan.mission_id)}[/]: {escape(plan.summary)}")
    number = {s.id: i for i, s in enumerate(plan.subtasks, start=1)}
    for i, s in enumerate(plan.subtasks, start=1):
        after = ", ".join(str(number.get(d, d)) for d in s.depends_on)
        extras = [f"after {after}" if after else "", "needs approval" if s.requires_approval else ""]
        tail = "".join(f"  [dim]{e}[/]" for e in extras if e)
        console.print(f"{i:>3}. [cyan]{escape(s.id)}[/]  {escape(s.agent)} · {escape(s.tool or '-')}{tail}")
        console.print(f"     {escape(s.description)}")


def _source_line(plan: MissionPlan) -> str:
    usage = plan.usage
    tokens = (
        f", {usage.llm_calls} model call(s), {usage.input_tokens} input + {usage.output_tokens} output tokens"
        if usage.llm_calls
        else ""
    )
    return f"source: {plan.source}{tokens}"


def _load_and_plan(
    mission_file: Path, brands: Path | None, templates: list[Path] | None, model_spec: str | None = None
) -> tuple[Mission, MissionPlan]:
    _register_templates(templates)
    mission = load_mission(mission_file)
    default_registry().get(mission.type)  # unknown type: a UserError before anything else
    brands_dir = _brands_dir(brands, mission_file)
    if mission.brand_id:
        load_brand(mission.brand_id, brands_dir)
    context = build_mission_context(mission, brands_dir=brands_dir)
    model = make_chat_model(model_spec) if model_spec else None
    if model is None:
        return mission, plan_mission(mission, context=context)
    with stderr_console().status(f"planning with {model_spec} ..."):
        return mission, plan_mission(mission, context=context, model=model)


@app.command("missions")
def missions_command(templates: TemplatesOption = None) -> None:
    """List the mission templates."""
    _register_templates(templates)
    # Two columns: the type, then what it does with its agents and permissions below. Rich
    # wraps the second at spaces only, so it fits 80 columns without splitting a word.
    table = Table(title="Mission templates", title_justify="left", box=None, padding=(0, 2, 1, 0))
    table.add_column("type", no_wrap=True, style="cyan")
    table.add_column("what it does", overflow="ellipsis")
    for template in default_registry().list():
        needs = ", ".join(template.required_permissions) or "-"
        table.add_row(
            escape(template.id),
            f"{escape(template.title)}\n[dim]{len(template.subtasks)} subtask(s)\n"
            f"agents: {escape(', '.join(f.value for f in template.families))}\nneeds: {escape(needs)}[/]",
        )
    stdout_console().print(table)


@app.command("plan")
def plan_command(
    mission_file: Annotated[Path, typer.Argument(metavar="MISSION.json", help="Mission JSON file.")],
    output_format: Annotated[
        PlanFormat, typer.Option("--format", "-f", help="Output: table, json or mermaid.")
    ] = PlanFormat.table,
    brands: Annotated[
        Path | None,
        typer.Option("--brands", help="Folder of brand profiles. Env: ORCHESTRATOR_BRANDS_DIR."),
    ] = None,
    templates: TemplatesOption = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            "-m",
            help=f"Plan with a model: {SPECS_HELP}. Default: ORCHESTRATOR_MODEL "
            "when set, else the template plan.",
        ),
    ] = None,
) -> None:
    """Plan a mission and print the plan with its issues.

    Exits 1 when an `error` issue makes the plan unrunnable.
    """
    spec = model or (ModelSettings().model if os.environ.get("ORCHESTRATOR_MODEL") else None)
    _mission, plan = _load_and_plan(mission_file, brands, templates, spec)
    if output_format is PlanFormat.json:
        typer.echo(plan.to_json())
    elif output_format is PlanFormat.mermaid:
        typer.echo(plan.to_mermaid(), nl=False)
        print_issues(stderr_console(), plan.issues)
        stderr_console().print(_source_line(plan))
    else:
        console = stdout_console()
        _print_plan(console, plan)
        print_issues(console, plan.issues)
        console.print(_source_line(plan))
    if plan.has_errors:
        raise typer.Exit(1)


DbOption = Annotated[
    str,
    typer.Option(
        "--db", envvar="ORCHESTRATOR_DB", help="Checkpoints: sqlite:///path, postgresql://... or memory."
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        "-m",
        help=f"Model for the agents: {SPECS_HELP}. Default: ORCHESTRATOR_MODEL, else local (embedded).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the MissionResult as JSON on stdout.")]
ShowPhiOption = Annotated[
    bool,
    typer.Option(
        "--show-phi",
        help="Print outputs labelled phi and approval inputs as stored (withheld by default).",
    ),
]


def _lazy_model(spec: str) -> Callable[[], BaseChatModel]:
    """Build the model on first use: a mission whose agents need none never loads it."""
    return cache(lambda: make_chat_model(spec))


def _model_spec(option: str | None) -> str:
    """`--model`, else ORCHESTRATOR_MODEL, else `local`; checked before anything runs.

    Building the client checks the spec and its configuration (an API key, the local
    extra) without loading a model or touching the network.

    Raises:
        UserError: an unknown spec or a missing setting, as one line.
    """
    spec = (option or ModelSettings().model).strip()
    make_chat_model(spec)
    return spec


def _fresh_thread(base: str, db: str, *, only: bool = False) -> tuple[str, MissionResult | None]:
    """`base` if no run holds it, else the first free `base-2`, `base-3` ... (and the old run).

    With `only`, `base` is the one candidate (the caller named it).
    """

    async def find() -> tuple[str, MissionResult | None]:
        orchestrator = Orchestrator(db=db)
        await orchestrator.open(tools=False)
        try:
            existing: MissionResult | None = None
            for n in itertools.count(1):
                candidate = base if n == 1 else f"{base}-{n}"
                state = await orchestrator.graph.aget_state({"configurable": {"thread_id": candidate}})
                if not state.values:
                    return candidate, existing
                if n == 1:
                    existing = await orchestrator.status(candidate)
                    if only:
                        return candidate, existing
            raise AssertionError("unreachable")
        finally:
            await orchestrator.aclose()

    return run_sync(find())


def run_state(thread: str, db: str, show_phi: bool) -> tuple[MissionResult, MissionPlan | None]:
    """A run's status and the plan it runs (descriptions redacted, inputs withheld unless `show_phi`).

    Raises:
        UserError: no run in that thread, or the database cannot be opened.
    """

    async def read() -> tuple[MissionResult, MissionPlan | None]:
        orchestrator = Orchestrator(db=db)
        await orchestrator.open(tools=False)
        try:
            result = await orchestrator.status(thread, show_phi=show_phi)
            state = await orchestrator.graph.aget_state({"configurable": {"thread_id": thread}})
        finally:
            await orchestrator.aclose()
        raw = state.values.get("plan")
        if not raw:
            return result, None
        return result, MissionPlan.model_validate(raw if show_phi else redact_plan(raw))

    return run_sync(read())


def describe_state(result: MissionResult) -> str:
    """A run's state in words: `completed (succeeded)`, `waiting for approval` ..."""
    if result.status == "completed":
        return "completed (succeeded)" if result.success else "completed (did not succeed)"
    if result.status == "waiting_approval":
        return "waiting for approval"
    return "incomplete (running elsewhere, or interrupted)"


SITE_PORT = 8765
"""The loopback port `run --site` serves on: the one the example missions' pages name."""


@contextmanager
def _served(site: Path | None) -> Iterator[None]:
    """Serve `site` (a folder of pages) on 127.0.0.1:SITE_PORT for the duration, if given.

    A real HTTP server (the standard library's, one thread per request), loopback only.

    Raises:
        UserError: the folder does not exist, or the port is taken.
    """
    if site is None:
        yield
        return
    if not site.is_dir():
        raise UserError(f"--site: {site} is not a folder")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Keep the run's view clean: no access log."""

    try:
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", SITE_PORT), functools.partial(Quiet, directory=str(site))
        )
    except OSError as exc:
        raise UserError(
            f"--site: cannot serve on 127.0.0.1:{SITE_PORT} ({exc.strerror or exc}); "
            "if the pages are already served there, leave out --site"
        ) from None
    thread = threading.Thread(target=server.serve_forever, name="site", daemon=True)
    thread.start()
    stderr_console().print(f"serving {site} on http://127.0.0.1:{SITE_PORT}/", markup=False)
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@app.command("run")
def run_command(
    mission_file: Annotated[Path, typer.Argument(metavar="MISSION.json", help="Mission JSON file.")],
    thread: Annotated[
        str | None, typer.Option("--thread", help="Checkpoint thread id (default: the mission id).")
    ] = None,
    db: DbOption = DEFAULT_DB_URL,
    model: ModelOption = None,
    plan_with_model: Annotated[
        bool, typer.Option("--plan-with-model", help="Let the model expand the template (LLM planner).")
    ] = False,
    as_json: JsonOption = False,
    show_phi: ShowPhiOption = False,
    brands: Annotated[Path | None, typer.Option("--brands", help="Folder of brand profiles.")] = None,
    templates: TemplatesOption = None,
    site: Annotated[
        Path | None,
        typer.Option(
            "--site",
            help=f"Serve this folder on http://127.0.0.1:{SITE_PORT}/ while the mission runs "
            "(the example missions read their pages there: --site examples/site).",
        ),
    ] = None,
) -> None:
    """Plan and run a mission with a live progress view, then print its report.

    Without `--thread` the run gets a thread of its own: the mission id, or `<id>-2`,
    `<id>-3` ... when earlier runs hold it. `--thread` naming a thread that holds a run is
    an error (resume that one instead). Exits 0 when it succeeded, 1 when it did not or
    waits for approval, 2 on bad input (checked before anything runs).
    """
    _register_templates(templates)
    mission = load_mission(mission_file)
    default_registry().get(mission.type)
    brands_dir = _brands_dir(brands, mission_file)
    if mission.brand_id:
        load_brand(mission.brand_id, brands_dir)
    spec = _model_spec(model)
    if thread:
        thread_id, held = _fresh_thread(thread, db, only=True)
        if held is not None:
            raise UserError(
                f"thread '{thread}' already holds a run of mission '{held.mission_id}', "
                f"{describe_state(held)}: continue it with `orchestrator resume {thread}`, "
                "or leave out --thread to start a new run"
            )
    else:
        thread_id, earlier = _fresh_thread(mission.id, db)
        if earlier is not None:
            stderr_console().print(
                f"thread {mission.id} holds an earlier run, {describe_state(earlier)}; "
                f"this run is thread {thread_id}",
                markup=False,
            )
    with _served(site):
        stderr_console().print(f"running mission {mission.id} in thread {thread_id}", markup=False)
        events = astream_mission(
            mission,
            thread_id=thread_id,
            db=db,
            model=_lazy_model(spec),
            plan_with_model=plan_with_model,
            brands_dir=brands_dir,
            show_phi=show_phi,
        )
        finish(events, thread_id, db, as_json=as_json)


ApproveOption = Annotated[
    list[str] | None, typer.Option("--approve", help="Approve this subtask (repeatable).")
]
RejectOption = Annotated[list[str] | None, typer.Option("--reject", help="Reject this subtask (repeatable).")]


def _decisions(approve: list[str] | None, reject: list[str] | None) -> dict[str, bool]:
    """`--approve` / `--reject` as approval decisions.

    Raises:
        UserError: a subtask both approved and rejected.
    """
    decisions = dict.fromkeys(approve or [], True)
    for sid in reject or []:
        if sid in decisions:
            raise UserError(f"subtask '{sid}' is both approved and rejected")
        decisions[sid] = False
    return decisions


@app.command("resume")
def resume_command(
    thread: Annotated[
        str, typer.Argument(metavar="THREAD", help="Thread id of the run (default: the mission id).")
    ],
    approve: ApproveOption = None,
    reject: RejectOption = None,
    db: DbOption = DEFAULT_DB_URL,
    model: ModelOption = None,
    as_json: JsonOption = False,
    show_phi: ShowPhiOption = False,
    brands: Annotated[Path | None, typer.Option("--brands", help="Folder of brand profiles.")] = None,
) -> None:
    """Continue a paused (approval) or interrupted run; finished subtasks are not re-run.

    Deciding (`--approve`/`--reject`) on a run that is not waiting for approval is an
    error naming its state (exit 2).
    """
    spec = _model_spec(model)
    decisions = _decisions(approve, reject)
    current, plan = run_state(thread, db, show_phi=False)
    if decisions and current.status != "waiting_approval":
        raise UserError(
            f"thread '{thread}' is {describe_state(current)}, not waiting for approval: "
            "there is nothing to approve or reject"
        )
    events = astream_resume(
        thread,
        approvals=decisions or None,
        db=db,
        model=_lazy_model(spec),
        brands_dir=brands,
        show_phi=show_phi,
    )
    finish(events, thread, db, as_json=as_json, plan=plan)


@app.command("status")
def status_command(
    thread: Annotated[str, typer.Argument(metavar="THREAD", help="Thread id of the run.")],
    db: DbOption = DEFAULT_DB_URL,
    as_json: JsonOption = False,
    show_phi: ShowPhiOption = False,
) -> None:
    """Show a run's state: every subtask (done, running, waiting for approval, not started).

    Finished subtasks show a one-line output (outputs labelled phi withheld unless
    `--show-phi`) or their error; then the pending approvals and the issues.
    """
    result, plan = run_state(thread, db, show_phi)
    if as_json:
        typer.echo(result.to_json())
        return
    out = stdout_console()
    outcome = ""
    if result.status == "completed":
        outcome = ", succeeded" if result.success else ", did not succeed"
    out.print(f"[bold]{escape(result.mission_id)}[/] (thread {escape(thread)}): {result.status}{outcome}")
    if result.status == "incomplete":
        out.print(f"  running elsewhere, or interrupted: orchestrator resume {escape(thread)} finishes it")
    waiting = {a.subtask_id: a for a in result.pending_approvals}
    rows = [(s.id, s.agent, s.depends_on) for s in plan.subtasks] if plan else []
    known = {row[0] for row in rows}
    rows += [(sid, r.agent or "?", []) for sid, r in result.results.items() if sid not in known]
    width = out.width
    for sid, agent, deps in rows:
        r = result.results.get(sid)
        state: str
        if r is not None:
            state, icon = r.status, ICONS.get(r.status, r.status)
        elif sid in waiting:
            state, icon = "waiting for approval", ICONS["waiting"]
        elif result.status == "incomplete" and all(d in result.results for d in deps):
            state, icon = "running", ICONS["running"]
        else:
            state, icon = "not started", ICONS["pending"]
        out.print(f"  {icon} {escape(sid)} ({escape(agent)}) {state}")
        if r is not None and (r.error or r.output is not None):
            out.print(f"      {escape(one_line(r.error or r.output, width - 6))}")
    for a in result.pending_approvals:
        out.print(f"  {ICONS['waiting']} {escape(a.subtask_id)} asks: {escape(a.question)}")
    print_issues(out, result.issues)


@app.command("report")
def report_command(
    thread: Annotated[str, typer.Argument(metavar="THREAD", help="Thread id of the run.")],
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Write the run as one self-contained HTML page (graph, timeline)."),
    ] = None,
    db: DbOption = DEFAULT_DB_URL,
    show_phi: ShowPhiOption = False,
) -> None:
    """Print a run's report; `--html FILE` writes it as a page with the plan graph and a timeline."""
    result, plan = run_state(thread, db, show_phi)
    if html is None:
        print_report(result, plan, db)
        return
    from global_orchestrator.report import render_html

    try:
        html.write_text(render_html(result, plan, show_phi=show_phi), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot write {html}: {exc.strerror or exc}") from None
    stderr_console().print(f"wrote {html}", markup=False)


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dhm]?)\s*$")


def _duration(text: str) -> timedelta:
    """`30d`, `12h`, `90m` or a plain number of days."""
    match = _DURATION.match(text)
    if not match:
        raise UserError(f"--older-than: '{text}' is not a duration such as 30d, 12h or 90m")
    amount, unit = float(match.group(1)), match.group(2) or "d"
    unit_name = {"d": "days", "h": "hours", "m": "minutes"}[unit]
    return timedelta(**{unit_name: amount})


@app.command("prune")
def prune_command(
    older_than: Annotated[
        str, typer.Option("--older-than", help="Delete runs last saved longer ago than this: 30d, 12h, 90m.")
    ],
    db: DbOption = DEFAULT_DB_URL,
    prefix: Annotated[str, typer.Option("--prefix", help="Only threads whose id starts with this.")] = "",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be deleted.")] = False,
) -> None:
    """Delete old runs (their checkpoints); healing memory is kept."""
    threads = prune_runs(_duration(older_than), db=db, prefix=prefix, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for thread in threads:
        typer.echo(thread)
    stderr_console().print(f"{verb} {len(threads)} run(s) older than {older_than}", markup=False)


class Transport(StrEnum):
    """MCP transports `orchestrator mcp` can serve."""

    stdio = "stdio"
    http = "http"


@app.command("mcp")
def mcp_command(
    transport: Annotated[Transport, typer.Option("--transport", help="stdio or http (streamable HTTP).")] = (
        Transport.stdio
    ),
    host: Annotated[str, typer.Option("--host", help="HTTP bind address.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="HTTP port.")] = 8000,
    db: DbOption = DEFAULT_DB_URL,
    model: ModelOption = None,
    plan_with_model: Annotated[
        bool, typer.Option("--plan-with-model", help="Plan runs with the model instead of the template.")
    ] = False,
    brands: Annotated[
        Path | None,
        typer.Option("--brands", help="Folder of brand profiles. Env: ORCHESTRATOR_BRANDS_DIR."),
    ] = None,
    templates: TemplatesOption = None,
    show_phi: Annotated[
        bool,
        typer.Option(
            "--show-phi",
            help="Return outputs labelled phi and approval inputs to MCP clients (withheld by default).",
        ),
    ] = False,
    tokens: Annotated[
        str | None,
        typer.Option(
            "--tokens",
            help="HTTP bearer tokens: a JSON/YAML file or inline JSON. Env: ORCHESTRATOR_TOKENS.",
        ),
    ] = None,
    no_auth: Annotated[
        bool,
        typer.Option("--no-auth", help="Serve HTTP without authentication (every caller sees every run)."),
    ] = False,
    tool_names: Annotated[
        str,
        typer.Option(
            "--tool-names",
            help="dotted (orchestrator.plan), underscore (orchestrator_plan: hosts that need it) or both.",
        ),
    ] = "dotted",
) -> None:
    """Serve the orchestrator's MCP tools (stdio by default; `--transport http` on HOST:PORT/mcp).

    Runs are saved in `--db`: orchestrator.status and orchestrator.resume find them after a restart.
    Stdio serves one user, whoever started it; HTTP needs bearer tokens (`--tokens`) unless `--no-auth`.
    """
    try:
        from global_orchestrator.mcp_server import create_server
    except ImportError as exc:
        raise UserError(
            "the MCP server needs the `mcp` extra: pip install 'global-orchestrator[mcp]'"
        ) from exc
    from global_orchestrator.identity import load_tokens
    from global_orchestrator.mcp_server import check_http_exposure

    if tool_names not in ("dotted", "underscore", "both"):
        raise UserError(f"--tool-names: expected dotted, underscore or both, got '{tool_names}'")
    _register_templates(templates)
    if brands is not None and not brands.is_dir():
        raise UserError(f"--brands: {brands} is not a folder")
    token_map = None
    if transport is Transport.http:
        token_map = None if no_auth else load_tokens(tokens)
        check_http_exposure(host, token_map, allow_anonymous=no_auth)
    server = create_server(
        db=db,
        model=_model_spec(model),
        plan_with_model=plan_with_model,
        brands_dir=brands,
        host=host,
        port=port,
        show_phi=show_phi,
        tokens=token_map,
        tool_names=tool_names,  # type: ignore[arg-type]  # checked above
    )
    server.run("stdio" if transport is Transport.stdio else "streamable-http")


# -- scale out: workers on a task queue (the `workers` extra) ------------------------------

QueueDbOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="ORCHESTRATOR_DB", help="The PostgreSQL database workers share (postgresql://...)."
    ),
]
BrokerOption = Annotated[
    str | None,
    typer.Option(
        "--broker",
        envvar="ORCHESTRATOR_BROKER_URL",
        help="RabbitMQ URL (default: amqp://guest:guest@127.0.0.1:5672/%2F).",
    ),
]
QueueOption = Annotated[
    str | None,
    typer.Option("--queue", envvar="ORCHESTRATOR_QUEUE", help="Queue name (default: orchestrator.missions)."),
]


def _load_object(spec: str) -> object:
    """`module:attribute` imported; a zero-argument callable is called."""
    import importlib

    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise UserError(f"--agents: expected module:attribute, got '{spec}'")
    try:
        value = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as exc:
        raise UserError(f"--agents: cannot import '{spec}': {exc}") from exc
    return value() if callable(value) and not isinstance(value, dict) else value


@app.command("worker")
def worker_command(
    db: QueueDbOption = None,
    broker: BrokerOption = None,
    queue: QueueOption = None,
    agents: Annotated[
        str | None,
        typer.Option(
            "--agents",
            help="Your agents, importable by the worker: module:attribute, a mapping of family to agent "
            "(or a function returning one).",
        ),
    ] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", help="Missions run at once.")] = 8,
    max_deliveries: Annotated[
        int, typer.Option("--max-deliveries", help="Starts of a mission before it is given up as poison.")
    ] = 3,
    model: ModelOption = None,
    plan_with_model: Annotated[
        bool, typer.Option("--plan-with-model", help="Plan runs with the model instead of the template.")
    ] = False,
    brands: Annotated[Path | None, typer.Option("--brands", help="Folder of brand profiles.")] = None,
    templates: TemplatesOption = None,
) -> None:
    """Run submitted missions from the queue until stopped (SIGTERM / Ctrl-C lets running ones finish)."""
    import logging

    from global_orchestrator.runtime import RunOptions
    from global_orchestrator.workers.client import queue_db
    from global_orchestrator.workers.worker import WorkerSettings, run_worker

    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    _register_templates(templates)
    spec = _model_spec(model)
    loaded = _load_object(agents) if agents else None
    if loaded is not None and not isinstance(loaded, dict):
        raise UserError(f"--agents: '{agents}' is not a mapping of family to agent")
    options = RunOptions(
        db=queue_db(db),
        model=_lazy_model(spec),
        agents=loaded,
        plan_with_model=plan_with_model,
        brands_dir=brands,
    )
    run_worker(
        options,
        WorkerSettings(broker=broker, queue=queue, concurrency=concurrency, max_deliveries=max_deliveries),
    )


@app.command("submit")
def submit_command(
    mission_file: Annotated[Path, typer.Argument(metavar="MISSION.json", help="Mission JSON file.")],
    plan_file: Annotated[
        Path | None, typer.Option("--plan", help="A ready plan (JSON) to run instead of planning.")
    ] = None,
    thread: Annotated[
        str | None, typer.Option("--thread", help="Checkpoint thread id (default: the mission id).")
    ] = None,
    db: QueueDbOption = None,
    broker: BrokerOption = None,
    queue: QueueOption = None,
    watch: Annotated[
        bool, typer.Option("--watch", help="Follow the mission until it finishes or pauses.")
    ] = False,
    templates: TemplatesOption = None,
) -> None:
    """Queue a mission for the workers; print its thread id."""
    from global_orchestrator.loading import load_plan
    from global_orchestrator.workers.client import submit_mission

    _register_templates(templates)
    mission = load_mission(mission_file)
    default_registry().get(mission.type)
    plan = load_plan(plan_file) if plan_file else None
    thread_id = submit_mission(mission, plan=plan, thread_id=thread, db=db, broker=broker, queue=queue)
    typer.echo(thread_id)
    if watch:
        watch_command(thread_id, db=db)


@app.command("approve")
def approve_command(
    thread: Annotated[str, typer.Argument(metavar="THREAD", help="Thread id of the submitted run.")],
    approve: ApproveOption = None,
    reject: RejectOption = None,
    db: QueueDbOption = None,
    broker: BrokerOption = None,
    queue: QueueOption = None,
) -> None:
    """Queue approval decisions for a mission on the workers (a worker continues it)."""
    from global_orchestrator.workers.client import submit_resume

    decisions = _decisions(approve, reject)
    submit_resume(thread, approvals=decisions or None, db=db, broker=broker, queue=queue)
    stderr_console().print(f"queued: {thread}", markup=False)


@app.command("watch")
def watch_command(
    thread: Annotated[str, typer.Argument(metavar="THREAD", help="Thread id of the submitted run.")],
    db: QueueDbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Follow a submitted mission's events until it finishes or pauses; exit as `run` does."""
    from global_orchestrator.cli_view import report, stream
    from global_orchestrator.workers.client import follow_events

    result, plan = stream(follow_events(thread, db=db))
    if result.status == "waiting_approval":
        ids = " ".join(f"--approve {a.subtask_id}" for a in result.pending_approvals)
        stderr_console().print(
            f"approve on the workers with: orchestrator approve {thread} {ids}", markup=False
        )
    report(result, as_json, "$ORCHESTRATOR_DB", plan)  # hints name the variable, never a password


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `orchestrator` command: user errors become one line and exit 2.

    Every error line is redacted (`redaction`): a user error can echo the mission file, and
    an unexpected error (exit 1) is shown as its redacted `Type: message`, no traceback.
    """
    try:
        # standalone_mode=False lets UserError reach us; click then *returns* the exit code
        # of a typer.Exit instead of raising it, so it must be passed on here.
        code = app(args=argv, standalone_mode=False)
    except UserError as exc:  # redacted: the message can echo a mission file's content
        stderr_console().print(f"error: {redact_text(exception_text(exc))}", markup=False)
        sys.exit(2)
    except RecursionError:  # input nested past what any step can walk: still one line
        stderr_console().print("error: the input is nested too deeply", markup=False)
        sys.exit(2)
    except typer.Abort:
        stderr_console().print("aborted", markup=False)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: bad option values, no command
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        sys.exit(int(getattr(exc, "exit_code", 2)))
    except Exception as exc:  # a bug: one redacted line, not a traceback that may quote PHI
        stderr_console().print(f"error: unexpected {error_text(exc)}", markup=False)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
