"""The HTML run report's content: redaction, timeline bars, critical path (the browser test renders it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from global_orchestrator.models import MissionPlan, MissionResult, Subtask, SubtaskResult
from global_orchestrator.redaction import REDACTED
from global_orchestrator.report import MERMAID_VERSION, critical_ids, mermaid_js, render_html, timeline_svg

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SECRET = "Jane Doe, MRN 12345678, diagnosed with asthma"


def plan() -> MissionPlan:
    return MissionPlan(
        mission_id="m",
        subtasks=[
            Subtask(
                id="a",
                agent="clinical",
                description="Summarise the note of Jane Doe",
                inputs={"note": SECRET},
            ),
            Subtask(id="b", agent="browser", description="Read pages"),
            Subtask(id="c", agent="marketing", description="Brief", depends_on=["a", "b"]),
            Subtask(id="d", agent="marketing", description="Later", depends_on=["c"]),
        ],
    )


def result() -> MissionResult:
    def ran(
        sid: str, agent: str, start: float, end: float, output: object, labels: list[str]
    ) -> SubtaskResult:
        return SubtaskResult(
            subtask_id=sid,
            status="succeeded",
            agent=agent,
            output=output,
            labels=labels,
            started_at=T0 + timedelta(seconds=start),
            finished_at=T0 + timedelta(seconds=end),
        )

    return MissionResult(
        mission_id="m",
        success=False,
        status="incomplete",
        results={
            "a": ran("a", "clinical", 0, 5, {"summary": SECRET}, ["phi"]),
            "b": ran("b", "browser", 0, 1, {"text": "pages read"}, ["external"]),
            "c": ran("c", "marketing", 5, 7, {"text": "the brief"}, []),
        },
    )


def test_critical_path_follows_measured_time() -> None:
    assert critical_ids(result(), plan()) == ["a", "c"]  # d never ran: it adds nothing


def test_timeline_has_a_bar_per_subtask_that_ran() -> None:
    svg = timeline_svg(result(), plan())
    bars = re.findall(r'<rect class="(bar[^"]*)"[^>]*data-subtask="(\w)"', svg)
    assert sorted(bars) == [("bar", "b"), ("bar critical", "a"), ("bar critical", "c")]
    assert 'data-subtask="d" data-status="not_started"' in svg
    assert 'data-start="5.000" data-end="7.000"' in svg


def test_page_is_redacted_unless_show_phi() -> None:
    page = render_html(result(), plan()).split("<script>")[0]  # (the digits also occur in mermaid.min.js)
    assert "Jane" not in page and "12345678" not in page and "asthma" not in page
    assert REDACTED in page and "[NAME]" in page  # the description, redacted by the detector
    assert "the brief" in page and "pages read" in page
    shown = render_html(result(), plan(), show_phi=True)
    assert SECRET in shown


def test_page_is_self_contained_with_mermaid_inlined() -> None:
    page = render_html(result(), plan())
    assert '<pre class="mermaid" id="plan-graph">' in page
    assert "class n1,n3,n4 critical" in page or re.search(r"class [\w,]+ critical", page)
    assert mermaid_js()[:2000] in page and "</script" not in mermaid_js()
    assert "<link" not in page and 'src="http' not in page
    assert MERMAID_VERSION.count(".") == 2


def test_notebook_display_without_a_plan_skips_the_graph() -> None:
    page = result()._repr_html_()
    assert "No plan to draw." in page and "mermaid.initialize" not in page
    assert page.count('<rect class="bar') == 3
