"""A run as one self-contained HTML page: plan graph, timeline, results and issues.

`render_html(result, plan)` (also `MissionResult.to_html()`, `orchestrator report THREAD
--html FILE`) writes a page that needs nothing but a browser, offline:

- the plan graph, rendered in the page by Mermaid (its minified JS is vendored in
  `global_orchestrator/vendor/mermaid/` and inlined), the critical path highlighted;
- a Gantt timeline of the subtasks (start, end, agent, status), drawn as inline SVG by
  `timeline_svg`, with the critical path (by measured latency) highlighted;
- every subtask's result, the issues and the usage.

Redacted like every other surface (`global_orchestrator.redaction`): outputs labelled
`phi` are withheld, error text, issues and descriptions redacted, plan inputs withheld,
unless `show_phi=True`.
"""

from __future__ import annotations

import html
import json
from datetime import datetime
from functools import cache
from importlib.resources import files
from typing import Any

from global_orchestrator.models import AgentFamily, MissionPlan, MissionResult, SubtaskResult
from global_orchestrator.redaction import redact_plan, redact_result

MERMAID_VERSION = "11.17.2"
"""The vendored Mermaid (`vendor/mermaid/`, MIT)."""

_STATUS_COLOURS = {
    "succeeded": "#2e7d32",
    "failed": "#c62828",
    "blocked": "#8e24aa",
    "skipped": "#f9a825",
    "shadow": "#1565c0",
    "pending": "#9e9e9e",
}


@cache
def mermaid_js() -> str:
    """The vendored `mermaid.min.js`, safe to inline in a `<script>` element."""
    text = files("global_orchestrator").joinpath("vendor/mermaid/mermaid.min.js").read_text("utf-8")
    return text.replace("</script", "<\\/script")


def _redacted(
    result: MissionResult, plan: MissionPlan | None, show_phi: bool
) -> tuple[MissionResult, MissionPlan | None]:
    result = redact_result(result, show_phi)
    if plan is not None and not show_phi:
        plan = MissionPlan.model_validate(redact_plan(plan.to_dict()))
    return result, plan


def _seconds(r: SubtaskResult) -> float | None:
    if r.started_at is None or r.finished_at is None:
        return None
    return max(0.0, (r.finished_at - r.started_at).total_seconds())


def critical_ids(result: MissionResult, plan: MissionPlan | None) -> list[str]:
    """The plan's critical path by measured latency (subtasks that did not run count 0)."""
    if plan is None:
        return []
    latencies = {sid: _seconds(r) or 0.0 for sid, r in result.results.items()}
    latencies = {s.id: latencies.get(s.id, 0.0) for s in plan.subtasks}
    try:
        return plan.critical_path(latencies).subtask_ids
    except ValueError:  # a cycle: the plan never ran
        return []


def _agent(sid: str, result: MissionResult, plan: MissionPlan | None) -> str:
    r = result.results.get(sid)
    if r is not None and r.agent:
        return r.agent
    if plan is not None:
        for s in plan.subtasks:
            if s.id == sid:
                return s.agent
    return "?"


def _row_ids(result: MissionResult, plan: MissionPlan | None) -> list[str]:
    ids = [s.id for s in plan.subtasks] if plan is not None else []
    ids += [sid for sid in result.results if sid not in ids]
    return ids


def timeline_svg(
    result: MissionResult, plan: MissionPlan | None = None, *, width: int = 960, show_phi: bool = False
) -> str:
    """The subtasks as a Gantt chart in SVG: one row each, a bar from start to end.

    Bars are coloured by status and carry `data-start`, `data-end`, `data-agent`,
    `data-status` and a tooltip; the critical path's bars have the class `critical`.
    Subtasks that did not run show their state instead of a bar.
    """
    result, plan = _redacted(result, plan, show_phi)
    ids = _row_ids(result, plan)
    critical = set(critical_ids(result, plan))
    times = [
        (r.started_at, r.finished_at)
        for r in result.results.values()
        if r.started_at is not None and r.finished_at is not None
    ]
    origin: datetime | None = min((t[0] for t in times), default=None)
    span = max(((t[1] - origin).total_seconds() for t in times), default=0.0) if origin else 0.0
    span = span or 1.0
    label_w, row_h, top = 300, 26, 30
    plot_w = max(200, width - label_w - 20)
    height = top + row_h * len(ids) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
        f'aria-label="Timeline of the subtasks" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
    ]
    for tick in range(5):
        x = label_w + plot_w * tick / 4
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 10}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" fill="#555">'
            f"{span * tick / 4:.{2 if span < 10 else 1}f}s</text>"
        )
    for row, sid in enumerate(ids):
        y = top + row * row_h
        r = result.results.get(sid)
        agent = _agent(sid, result, plan)
        status = r.status if r is not None else _not_run_state(result, sid)
        label = f"{sid} · {agent}"
        parts.append(
            f'<text class="row-label" x="{label_w - 8}" y="{y + 17}" text-anchor="end">'
            f"{html.escape(_clip(label, 44))}</text>"
        )
        if r is None or r.started_at is None or r.finished_at is None or origin is None:
            parts.append(
                f'<text class="not-run" x="{label_w + 4}" y="{y + 17}" fill="#777" '
                f'data-subtask="{html.escape(sid)}" data-status="{html.escape(status)}">'
                f"{html.escape(status.replace('_', ' '))}</text>"
            )
            continue
        start = (r.started_at - origin).total_seconds()
        end = (r.finished_at - origin).total_seconds()
        x = label_w + plot_w * start / span
        w = max(2.0, plot_w * (end - start) / span)
        classes = "bar critical" if sid in critical else "bar"
        colour = _STATUS_COLOURS.get(r.status, "#607d8b")
        stroke = ' stroke="#000" stroke-width="2"' if sid in critical else ""
        tip = f"{sid} ({agent}) {r.status}: {start:.2f}s → {end:.2f}s ({end - start:.2f}s)"
        parts.append(
            f'<rect class="{classes}" x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
            f'rx="3" fill="{colour}"{stroke} data-subtask="{html.escape(sid)}" '
            f'data-agent="{html.escape(agent)}" data-status="{r.status}" '
            f'data-start="{start:.3f}" data-end="{end:.3f}"><title>{html.escape(tip)}</title></rect>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _not_run_state(result: MissionResult, sid: str) -> str:
    if any(a.subtask_id == sid for a in result.pending_approvals):
        return "waiting_approval"
    return "not_started"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _graph_source(plan: MissionPlan, critical: list[str]) -> str:
    from global_orchestrator.planner.graph import _mermaid_id

    source = plan.to_mermaid()
    if critical:
        names = {s.id: _mermaid_id(s.id, i) for i, s in enumerate(plan.subtasks, start=1)}
        source += "    classDef critical stroke:#d84315,stroke-width:3px\n"
        source += f"    class {','.join(names[s] for s in critical if s in names)} critical\n"
    return source


def _output_html(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return f"<pre>{html.escape(value)}</pre>"
    return f"<pre>{html.escape(json.dumps(value, indent=2, default=str, ensure_ascii=False))}</pre>"


def render_html(
    result: MissionResult,
    plan: MissionPlan | None = None,
    *,
    show_phi: bool = False,
    title: str | None = None,
) -> str:
    """The whole report page (self-contained: Mermaid inlined, no network).

    Args:
        result: The run (from `run_mission`, `get_mission_status` ...).
        plan: The plan it ran; without it the page has no graph and no critical path.
        show_phi: Show outputs labelled `phi` and plan inputs as stored.
        title: The page title (default: the mission id and its status).
    """
    result, plan = _redacted(result, plan, show_phi)
    critical = critical_ids(result, plan)
    outcome = "succeeded" if result.success else result.status.replace("_", " ")
    if result.status == "completed" and not result.success:
        outcome = "did not succeed"
    heading = title or f"Mission {result.mission_id}: {outcome}"
    usage = result.usage
    graph = (
        f'<pre class="mermaid" id="plan-graph">{html.escape(_graph_source(plan, critical))}</pre>'
        if plan is not None and plan.subtasks
        else "<p>No plan to draw.</p>"
    )
    rows = []
    for sid in _row_ids(result, plan):
        r = result.results.get(sid)
        seconds = _seconds(r) if r is not None else None
        status = r.status if r is not None else _not_run_state(result, sid)
        rows.append(
            f'<tr class="subtask" data-status="{html.escape(status)}">'
            f"<td><code>{html.escape(sid)}</code>{' ★' if sid in critical else ''}</td>"
            f"<td>{html.escape(_agent(sid, result, plan))}</td><td>{html.escape(status)}</td>"
            f"<td>{'' if seconds is None else f'{seconds:.2f}s'}</td>"
            f"<td>{_output_html(r.output) if r is not None else ''}"
            f"{f'<p class=error>{html.escape(r.error)}</p>' if r is not None and r.error else ''}</td></tr>"
        )
    issues = "".join(
        f'<li class="issue {i.severity.value}"><b>{i.severity.value}</b> <code>{html.escape(i.code)}</code>'
        f"{f' [{html.escape(i.subtask_id)}]' if i.subtask_id else ''}: {html.escape(i.message)}</li>"
        for i in result.issues
    )
    waiting = "".join(
        f"<li><code>{html.escape(a.subtask_id)}</code> ({html.escape(a.agent)}): "
        f"{html.escape(a.question)}</li>"
        for a in result.pending_approvals
    )
    primary = [s for s in plan.subtasks if s.family is not AgentFamily.SHADOW] if plan else []
    path = " → ".join(html.escape(s) for s in critical) or "-"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1000px; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }}
pre {{ white-space: pre-wrap; word-break: normal; overflow-wrap: anywhere; margin: 0; font-size: .85rem; }}
.error {{ color: #c62828; margin: .2rem 0 0; }}
.issue.error b {{ color: #c62828; }} .issue.blocked b {{ color: #8e24aa; }}
.issue.warning b {{ color: #ef6c00; }}
svg.timeline {{ max-width: 100%; height: auto; }}
</style></head>
<body>
<h1>{html.escape(heading)}</h1>
<p>Thread <code>{html.escape(result.thread_id or result.mission_id)}</code> ·
{len([r for r in result.results.values() if r.status != "shadow"])} of {len(primary) or len(result.results)}
subtasks finished · {usage.llm_calls} model call(s), {usage.input_tokens} input +
{usage.output_tokens} output tokens · critical path: {path}</p>
{f"<h2>Waiting for approval</h2><ul>{waiting}</ul>" if waiting else ""}
<h2>Plan</h2>
<div id="graph">{graph}</div>
<h2>Timeline</h2>
<div id="timeline">{timeline_svg(result, plan, show_phi=True)}</div>
<h2>Results</h2>
<table id="results"><thead><tr><th>subtask</th><th>agent</th><th>status</th><th>time</th>
<th>output</th></tr></thead><tbody>{"".join(rows)}</tbody></table>
<h2>Issues</h2>
{f'<ul id="issues">{issues}</ul>' if issues else "<p>None.</p>"}
{_MERMAID_BOOT.format(js=mermaid_js()) if plan is not None and plan.subtasks else ""}
</body></html>
"""


_MERMAID_BOOT = """<script>{js}</script>
<script>
mermaid.initialize({{ startOnLoad: true, securityLevel: "strict", flowchart: {{ wrappingWidth: 320 }} }});
</script>"""
