"""The `orchestrator` command.

Exit codes: 0 success; 1 the plan (or, later, the mission) is not runnable/successful;
2 bad input, printed as one line on stderr.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from global_orchestrator.context import build_mission_context, load_brand
from global_orchestrator.errors import UserError
from global_orchestrator.llm import make_chat_model
from global_orchestrator.loading import load_mission
from global_orchestrator.missions.registry import default_registry
from global_orchestrator.models import Issue, Mission, MissionPlan, Severity
from global_orchestrator.planner.plan import plan_mission
from global_orchestrator.settings import get_settings

app = typer.Typer(
    name="orchestrator",
    help="Plan and run missions with specialist LLM agents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_SEVERITY_STYLE = {
    Severity.INFO: "dim",
    Severity.WARNING: "yellow",
    Severity.ERROR: "bold red",
    Severity.BLOCKED: "magenta",
}


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


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


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


def _print_issues(console: Console, issues: list[Issue]) -> None:
    for issue in issues:
        style = _SEVERITY_STYLE[issue.severity]
        where = f" [{issue.subtask_id}]" if issue.subtask_id else ""
        console.print(
            f"[{style}]{issue.severity.value}[/] {issue.code}{escape(where)}: {escape(issue.message)}"
        )


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
    with _err().status(f"planning with {model_spec} ..."):
        return mission, plan_mission(mission, context=context, model=model)


@app.command("missions")
def missions_command(templates: TemplatesOption = None) -> None:
    """List the mission templates."""
    _register_templates(templates)
    table = Table(title="Mission templates", title_justify="left")
    table.add_column("type", no_wrap=True)
    for column in ("title", "agents", "permissions", "subtasks"):
        table.add_column(column, overflow="fold")
    for template in default_registry().list():
        table.add_row(
            template.id,
            template.title,
            ", ".join(f.value for f in template.families),
            ", ".join(template.required_permissions) or "-",
            str(len(template.subtasks)),
        )
    _out().print(table)


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
            help="Plan with a model: local, echo or openai:<model>. Default: the template plan.",
        ),
    ] = None,
) -> None:
    """Plan a mission and print the plan with its issues.

    Exits 1 when an `error` issue makes the plan unrunnable.
    """
    _mission, plan = _load_and_plan(mission_file, brands, templates, model)
    if output_format is PlanFormat.json:
        typer.echo(plan.to_json())
    elif output_format is PlanFormat.mermaid:
        typer.echo(plan.to_mermaid(), nl=False)
        _print_issues(_err(), plan.issues)
        _err().print(_source_line(plan))
    else:
        console = _out()
        _print_plan(console, plan)
        _print_issues(console, plan.issues)
        console.print(_source_line(plan))
    if plan.has_errors:
        raise typer.Exit(1)


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
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Default model for orchestrator.plan.")
    ] = None,
    brands: Annotated[Path | None, typer.Option("--brands", help="Folder of brand profiles.")] = None,
    templates: TemplatesOption = None,
) -> None:
    """Serve the orchestrator's MCP tools (stdio by default; `--transport http` on HOST:PORT/mcp)."""
    try:
        from global_orchestrator.mcp_server import create_server
    except ImportError as exc:
        raise UserError(
            "the MCP server needs the `mcp` extra: pip install 'global-orchestrator[mcp]'"
        ) from exc
    _register_templates(templates)
    server = create_server(default_model=model, brands_dir=brands, host=host, port=port)
    server.run("stdio" if transport is Transport.stdio else "streamable-http")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `orchestrator` command: user errors become one line and exit 2."""
    try:
        app(args=argv, standalone_mode=False)
    except UserError as exc:
        _err().print(f"error: {exc}", markup=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            _err().print("aborted", markup=False)
            sys.exit(130)
        raise
