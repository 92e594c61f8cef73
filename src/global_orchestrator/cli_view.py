"""What the `orchestrator` command prints: the live progress view, results, issues.

Everything shown comes redacted from the engine (`global_orchestrator.redaction`): outputs
labelled `phi` and approval inputs are withheld, messages redacted, unless the user asks
for `--show-phi`.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import typer
from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from global_orchestrator.engine import run_sync
from global_orchestrator.events import EVENT_STATUSES, MissionEvent
from global_orchestrator.models import Issue, MissionResult, Severity

_SEVERITY_STYLE = {
    Severity.INFO: "dim",
    Severity.WARNING: "yellow",
    Severity.ERROR: "bold red",
    Severity.BLOCKED: "magenta",
}


def stdout_console() -> Console:
    """Where results go."""
    return Console(highlight=False, soft_wrap=True)


def stderr_console() -> Console:
    """Where progress, hints and errors go."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_issues(console: Console, issues: list[Issue]) -> None:
    """One line per issue, styled by severity."""
    for issue in issues:
        style = _SEVERITY_STYLE[issue.severity]
        where = f" [{issue.subtask_id}]" if issue.subtask_id else ""
        console.print(
            f"[{style}]{issue.severity.value}[/] {issue.code}{escape(where)}: {escape(issue.message)}"
        )


ICONS = {
    "pending": "[dim]·[/]",
    "running": "[cyan]▶[/]",
    "succeeded": "[green]✓[/]",
    "failed": "[red]✗[/]",
    "blocked": "[magenta]⊘[/]",
    "skipped": "[yellow]↷[/]",
    "waiting": "[yellow]?[/]",
    "shadow": "[blue]≈[/]",
}


@dataclass
class _Line:
    agent: str
    status: str = "pending"
    started: float | None = None
    elapsed: float | None = None
    note: str = ""


class _Progress:
    """One line per subtask (status, agent, time), live in a terminal, appended otherwise."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.lines: dict[str, _Line] = {}
        self.live: Live | None = None
        if console.is_terminal:
            self.live = Live(self._render(), console=console, refresh_per_second=8, transient=False)

    def __enter__(self) -> _Progress:
        if self.live:
            self.live.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.live:
            self.live.update(self._render())
            self.live.stop()

    def _render(self) -> Table:
        table = Table.grid(padding=(0, 1))
        for sid, line in self.lines.items():
            seconds = (
                line.elapsed
                if line.elapsed is not None
                else (time.monotonic() - line.started if line.started else None)
            )
            shown = f"{seconds:5.1f}s" if seconds is not None else "      "
            table.add_row(
                ICONS.get(line.status, line.status),
                escape(sid),
                escape(line.agent),
                shown,
                f"[dim]{escape(line.note)}[/]",
            )
        return table

    def _print(self, sid: str) -> None:
        line = self.lines[sid]
        seconds = f" {line.elapsed:.1f}s" if line.elapsed is not None else ""
        note = f"  {line.note}" if line.note else ""
        self.console.print(
            f"{ICONS.get(line.status, line.status)} {escape(sid)} ({escape(line.agent)}) "
            f"{line.status}{seconds}{escape(note)}"
        )

    def handle(self, event: MissionEvent) -> None:
        """Update the view with one event."""
        if event.type == "plan_ready":
            for s in event.data["plan"]["subtasks"]:
                self.lines.setdefault(s["id"], _Line(agent=s["agent"]))
            if not self.live:
                self.console.print(f"plan: {escape(event.message or '')}")
        elif event.subtask_id:
            line = self.lines.setdefault(event.subtask_id, _Line(agent=event.agent or "?"))
            if event.type == "subtask_started":
                line.status, line.started = "running", time.monotonic()
            elif event.type == "subtask_retry":
                line.note = f"retry after {event.message or ''}"
            elif event.type == "approval_needed":
                line.status, line.note = "waiting", "needs approval"
            else:
                line.status = EVENT_STATUSES.get(event.type, line.status)
                if line.started is not None:
                    line.elapsed = time.monotonic() - line.started
                line.note = event.message or ""
            if not self.live and event.type != "subtask_started":
                self._print(event.subtask_id)
        if self.live:
            self.live.update(self._render())


def stream(events: AsyncIterator[MissionEvent]) -> MissionResult:
    """Show a run's events; return its final result."""

    async def consume() -> MissionResult:
        final: MissionResult | None = None
        with _Progress(stderr_console()) as progress:
            async for event in events:
                progress.handle(event)
                if event.type == "mission_finished":
                    final = event.result
        assert final is not None
        return final

    return run_sync(consume())


def finish(events: AsyncIterator[MissionEvent], thread: str, db: str, *, as_json: bool) -> None:
    """Show a run (or resume) as it happens, then its outcome; Ctrl-C says how to resume.

    The events come redacted from the engine unless the caller asked for `--show-phi`.
    """
    try:
        result = stream(events)
    except KeyboardInterrupt:
        raise interrupted(thread, db) from None
    report(result, as_json, db)


def report(result: MissionResult, as_json: bool, db: str) -> None:
    """Print a run's outcome and exit 1 unless it succeeded (the message says why)."""
    if as_json:
        typer.echo(result.to_json())
    else:
        out = stdout_console()
        for sid, r in result.results.items():
            if r.status == "succeeded" and r.output is not None:
                text = r.output.get("text") if isinstance(r.output, dict) else None
                shown = text if isinstance(text, str) else json.dumps(r.output, default=str)
                out.print(f"[bold]{escape(sid)}[/] ({escape(r.agent or '')}): {escape(shown[:300])}")
        print_issues(out, [i for i in result.issues if i.severity is not Severity.INFO])
        usage = result.usage
        tokens = f"{usage.input_tokens} input + {usage.output_tokens} output tokens"
        out.print(f"usage: {usage.llm_calls} model call(s), {tokens}")
    err = stderr_console()
    thread = result.thread_id or result.mission_id
    if result.status == "waiting_approval":
        ids = " ".join(f"--approve {a.subtask_id}" for a in result.pending_approvals)
        for a in result.pending_approvals:
            err.print(f"waiting for approval: {escape(a.subtask_id)}: {escape(a.question)}")
        err.print(
            f"mission {result.mission_id} is waiting for approval; continue with: "
            f"orchestrator resume {thread} {ids} --db {db}",
            markup=False,
        )
        raise typer.Exit(1)
    if result.status == "incomplete":
        err.print(
            f"mission {result.mission_id} is incomplete; continue with: "
            f"orchestrator resume {thread} --db {db}",
            markup=False,
        )
        raise typer.Exit(1)
    if not result.success:
        err.print(f"mission {result.mission_id} did not succeed (see the issues above)", markup=False)
        raise typer.Exit(1)
    err.print(f"mission {result.mission_id} succeeded", markup=False)


def interrupted(thread: str, db: str) -> typer.Exit:
    """Say how to resume after Ctrl-C; exit 130."""
    stderr_console().print(
        f"interrupted; finished subtasks are saved. Continue with: orchestrator resume {thread} --db {db}",
        markup=False,
    )
    return typer.Exit(130)
