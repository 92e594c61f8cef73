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
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import typer
from rich.console import Console, Group
from rich.live import Live
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress_bar import ProgressBar
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from global_orchestrator.engine import run_sync
from global_orchestrator.events import EVENT_STATUSES, MissionEvent
from global_orchestrator.models import AgentFamily, Issue, MissionPlan, MissionResult, Severity, SubtaskResult
from global_orchestrator.persistence import DEFAULT_DB_URL

_TEXT_KEYS = ("brief", "markdown", "text", "summary", "content")
"""Where an output dict keeps its prose, in the order the report looks."""

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


def _prose_key(output: dict[str, Any]) -> str | None:
    return next((k for k in _TEXT_KEYS if isinstance(output.get(k), str) and output[k].strip()), None)


def _short(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return f"{len(value)} item(s)"
    if isinstance(value, list):
        return ", ".join(_short(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_short(v)}" for k, v in value.items())
    return json.dumps(value, default=str, ensure_ascii=False)


def output_text(output: Any) -> str:
    """An output as text: its prose (`brief`, `markdown`, `text` ... key), else `key: value; ...`."""
    if isinstance(output, str):
        return output
    if isinstance(output, dict):
        key = _prose_key(output)
        if key is not None:
            return str(output[key])
        return "; ".join(f"{k}: {_short(v)}" for k, v in output.items())
    if isinstance(output, list):
        return _short(output)
    return json.dumps(output, default=str, ensure_ascii=False)


def output_markdown(output: Any) -> str:
    """An output as Markdown: its prose first, then each other field (lists as bullets).

    A `brief` is the whole document (the default agents assemble it from the tools' facts
    with the model's checked prose around them): it is shown alone; `status --json` has
    the fields it was built from.
    """
    if not isinstance(output, dict):
        return (
            output
            if isinstance(output, str)
            else f"```json\n{json.dumps(output, indent=2, default=str)}\n```"
        )
    key = _prose_key(output)
    if key == "brief":
        return str(output[key])
    parts = [str(output[key])] if key else []
    for name, value in output.items():
        if name == key or value in (None, "", [], {}):
            continue
        title = name.replace("_", " ")
        if isinstance(value, list):
            items = [
                "; ".join(f"{k}: {_short(x)}" for k, x in v.items()) if isinstance(v, dict) else _short(v)
                for v in value
            ]
            parts.append(f"**{title}**\n\n" + "\n".join(f"- {item}" for item in items))
        elif isinstance(value, dict):
            parts.append(f"**{title}**\n\n" + "\n".join(f"- {k}: {_short(v)}" for k, v in value.items()))
        else:
            parts.append(f"**{title}**: {_short(value)}")
    return "\n\n".join(parts)


def one_line(output: Any, width: int) -> str:
    """An output (or error) on one line of at most `width` characters, cut at a word with `…`."""
    text = " ".join(output_text(output).split())
    width = max(width, 10)
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " ":  # the cut falls inside a word: drop that word
        space = cut.rfind(" ")
        if space > 0:  # (a first word longer than the line is cut hard)
            cut = cut[:space]
    return cut.rstrip() + "…"


class _Progress:
    """One line per subtask (status, agent, time), live in a terminal, appended otherwise.

    Above the lines, a progress bar: subtasks finished / planned and the elapsed time
    (in a terminal); appended lines carry the same count and time.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.lines: dict[str, _Line] = {}
        self.begun = time.monotonic()
        self.plan: dict[str, Any] | None = None
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

    def counts(self) -> tuple[int, int]:
        """(finished, planned) primary subtasks."""
        primary = [line for sid, line in self.lines.items() if "#" not in sid]
        done = sum(line.status not in ("pending", "running", "waiting") for line in primary)
        return done, len(primary)

    def _bar(self) -> Table:
        done, total = self.counts()
        row = Table.grid(padding=(0, 1))
        row.add_row(
            ProgressBar(total=max(total, 1), completed=done, width=30),
            Text(f"{done}/{total} subtasks  {time.monotonic() - self.begun:5.1f}s elapsed"),
        )
        return row

    def _render(self) -> Group:
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
        return Group(self._bar(), table)

    def _print(self, sid: str) -> None:
        line = self.lines[sid]
        seconds = f" {line.elapsed:.1f}s" if line.elapsed is not None else ""
        note = f"  {line.note}" if line.note else ""
        done, total = self.counts()
        elapsed = time.monotonic() - self.begun
        self.console.print(
            f"[dim][{done}/{total} {elapsed:.0f}s][/] {ICONS.get(line.status, line.status)} {escape(sid)} "
            f"({escape(line.agent)}) {line.status}{seconds}{escape(note)}"
        )

    def handle(self, event: MissionEvent) -> None:
        """Update the view with one event."""
        if event.type == "plan_ready":
            self.plan = event.data["plan"]
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


def stream(events: AsyncIterator[MissionEvent]) -> tuple[MissionResult, MissionPlan | None]:
    """Show a run's events; return its final result and its plan (when this run planned)."""

    async def consume() -> tuple[MissionResult, MissionPlan | None]:
        final: MissionResult | None = None
        with _Progress(stderr_console()) as progress:
            async for event in events:
                progress.handle(event)
                if event.type == "mission_finished":
                    final = event.result
        assert final is not None
        plan = MissionPlan.model_validate(progress.plan) if progress.plan else None
        return final, plan

    return run_sync(consume())


def finish(
    events: AsyncIterator[MissionEvent],
    thread: str,
    db: str,
    *,
    as_json: bool,
    plan: MissionPlan | None = None,
) -> None:
    """Show a run (or resume) as it happens, then its outcome; Ctrl-C says how to resume.

    The events come redacted from the engine unless the caller asked for `--show-phi`.
    `plan` is the run's plan when the caller read it (a resume: its events carry none).
    """
    try:
        result, planned = stream(events)
    except KeyboardInterrupt:
        raise interrupted(thread, db) from None
    report(result, as_json, db, planned or plan)


def _final_results(result: MissionResult, plan: MissionPlan | None) -> list[SubtaskResult]:
    """The outputs that make the mission's result: the succeeded subtasks nothing else read.

    None when those did not succeed (the subtask lines say why). Without the plan: the
    primary subtask that finished last.
    """
    done = [
        r
        for r in result.results.values()
        if r.status == "succeeded" and r.output is not None and "#" not in r.subtask_id
    ]
    if plan is not None:
        read = {d for s in plan.subtasks for d in s.depends_on}
        shadow = {s.id for s in plan.subtasks if s.family is AgentFamily.SHADOW}
        return [r for r in done if r.subtask_id not in read and r.subtask_id not in shadow]
    finished = [r for r in done if r.finished_at is not None]
    return [max(finished, key=lambda r: r.finished_at)] if finished else done[-1:]  # type: ignore[arg-type, return-value]


def print_report(result: MissionResult, plan: MissionPlan | None, db: str) -> None:
    """A run's report on stdout: the result as Markdown, one line per subtask, issues, usage.

    Nothing is cut mid-word: the brief is rendered whole (wrapped at words), the
    per-subtask lines are cut at a word with `…`, and the last line says where the full
    output is.
    """
    out = Console(highlight=False)  # wraps at words (stdout_console leaves lines to the terminal)
    thread = result.thread_id or result.mission_id
    for final in _final_results(result, plan):
        out.print(Rule(f"{final.subtask_id} ({final.agent or '?'})", style="dim"))
        out.print(Markdown(output_markdown(final.output)))
    out.print(Rule("subtasks", style="dim"))
    width = out.width
    waiting = {a.subtask_id for a in result.pending_approvals}
    planned = [(s.id, s.agent) for s in plan.subtasks] if plan is not None else []
    known = {sid for sid, _agent in planned}
    rows = planned + [(sid, r.agent or "?") for sid, r in result.results.items() if sid not in known]
    for sid, agent in rows:
        r = result.results.get(sid)
        if r is None:
            icon, state = (
                (ICONS["waiting"], "waiting for approval")
                if sid in waiting
                else (ICONS["pending"], "not started")
            )
            out.print(f"{icon} {escape(f'{sid} ({agent}) {state}')}")
            continue
        seconds = ""
        if r.started_at is not None and r.finished_at is not None:
            seconds = f" {(r.finished_at - r.started_at).total_seconds():.1f}s"
        head = f"{sid} ({r.agent or agent}) {r.status}{seconds}"
        shown = r.error or (r.output if r.status in ("succeeded", "shadow") else None)
        tail = f": {one_line(shown, width - len(head) - 4)}" if shown is not None else ""
        out.print(f"{ICONS.get(r.status, r.status)} {escape(head)}{escape(tail)}")
    for sid in sorted(waiting - {row[0] for row in rows}):
        out.print(f"{ICONS['waiting']} {escape(sid)} waiting for approval")
    print_issues(out, [i for i in result.issues if i.severity is not Severity.INFO])
    usage = result.usage
    tokens = f"{usage.input_tokens} input + {usage.output_tokens} output tokens"
    out.print(f"usage: {usage.llm_calls} model call(s), {tokens}")
    where = "" if db == DEFAULT_DB_URL else f" --db {shown_db(db)}"
    out.print(f"full output: orchestrator status {thread} --json{where}", markup=False)
    out.print(f"as a page:   orchestrator report {thread} --html report.html{where}", markup=False)


def shown_db(db: str) -> str:
    """A database URL as the CLI prints it in hints: a password becomes `***`."""
    parts = urlsplit(db)
    if not parts.password:
        return db
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def report(result: MissionResult, as_json: bool, db: str, plan: MissionPlan | None = None) -> None:
    """Print a run's outcome and exit 1 unless it succeeded (the message says why)."""
    if as_json:
        typer.echo(result.to_json())
    else:
        print_report(result, plan, db)
    err = stderr_console()
    thread = result.thread_id or result.mission_id
    if result.status == "waiting_approval":
        ids = " ".join(f"--approve {a.subtask_id}" for a in result.pending_approvals)
        for a in result.pending_approvals:
            err.print(f"waiting for approval: {escape(a.subtask_id)}: {escape(a.question)}")
        err.print(
            f"mission {result.mission_id} is waiting for approval; continue with: "
            f"orchestrator resume {thread} {ids} --db {shown_db(db)}",
            markup=False,
        )
        raise typer.Exit(1)
    if result.status == "incomplete":
        err.print(
            f"mission {result.mission_id} is incomplete; continue with: "
            f"orchestrator resume {thread} --db {shown_db(db)}",
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
        "interrupted; finished subtasks are saved. Continue with: "
        f"orchestrator resume {thread} --db {shown_db(db)}",
        markup=False,
    )
    return typer.Exit(130)
