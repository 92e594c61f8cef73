"""The HTML run report, written by the real `orchestrator report` and opened in a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "missions"
EXE = shutil.which("orchestrator", path=str(Path(sys.executable).parent))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":  # CI installs it (.ci/run)
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


def orchestrator(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert EXE, "the orchestrator console script is not installed next to this python"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORCHESTRATOR_")}
    return subprocess.run([EXE, *args], cwd=cwd, capture_output=True, text=True, timeout=180, env=env)


def test_report_page_renders_graph_and_timeline_in_chromium(tmp_path: Path) -> None:
    ran = orchestrator("run", str(EXAMPLES / "back-to-school.json"), "--model", "echo", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    page_file = tmp_path / "report.html"
    wrote = orchestrator("report", "mission-001", "--html", str(page_file), cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    text = page_file.read_text()
    assert "<link" not in text and 'src="http' not in text  # nothing to fetch (checked again below)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            requests: list[str] = []
            page.on("request", lambda req: requests.append(req.url))
            page.goto(page_file.as_uri())
            # Mermaid replaces the graph's source with an SVG: one node per subtask
            page.wait_for_selector("#graph svg", timeout=30_000)
            assert page.locator("#graph svg g.node").count() == 3
            assert page.locator("#graph svg .edgePaths path, #graph svg path.flowchart-link").count() >= 2
            assert page.locator("#graph svg g.node.critical").count() >= 2
            # the timeline: a bar per subtask with its times, the critical path highlighted
            bars = page.locator("#timeline svg.timeline rect.bar")
            assert bars.count() == 3
            for i in range(3):
                bar = bars.nth(i)
                assert float(bar.get_attribute("data-end") or -1) >= float(
                    bar.get_attribute("data-start") or 0
                )
                assert bar.get_attribute("data-status") == "succeeded"
                assert bar.bounding_box() is not None and bar.bounding_box()["width"] > 0  # type: ignore[index]
            assert page.locator("#timeline rect.bar.critical").count() >= 2
            assert page.locator("#results tr.subtask").count() == 3
            assert errors == []
            assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests), requests
        finally:
            browser.close()
