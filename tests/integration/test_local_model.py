"""The embedded SmolLM2 model through the factory and the planner (runs in CI: the
`local` extra is installed by the README's set-up command)."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from global_orchestrator import Severity, load_mission, plan_mission
from global_orchestrator.cli import app
from global_orchestrator.llm import make_chat_model

pytestmark = [pytest.mark.real_model, pytest.mark.slow]


@pytest.fixture(scope="module")
def local_model():  # type: ignore[no-untyped-def]
    pytest.importorskip("llama_cpp", reason="the `local` extra is not installed")
    return make_chat_model("local")


def test_local_model_produces_text(local_model) -> None:  # type: ignore[no-untyped-def]
    message = local_model.invoke([("system", "You are concise."), ("human", "Name one colour.")])
    assert isinstance(message.content, str) and message.content.strip()
    assert message.usage_metadata["input_tokens"] > 0 and message.usage_metadata["output_tokens"] > 0


def test_two_chat_model_objects_share_the_loaded_model_one_call_at_a_time() -> None:
    """Two objects of one model file, called from two threads at once, answer as each alone would.

    They share the loaded llama.cpp model (one per file and process), whose context is not
    thread-safe: the lock is the loaded model's. With a lock per object the two calls
    decoded in one context at once.
    """
    pytest.importorskip("llama_cpp", reason="the `local` extra is not installed")
    first, second = make_chat_model("local"), make_chat_model("local")
    assert first is not second
    prompts = [
        [("system", "You are concise."), ("human", "Name three fruits.")],
        [("system", "You write slogans."), ("human", "A slogan for a bakery that opens at dawn.")],
    ]
    alone = [first.invoke(p).content for p in prompts]
    for _ in range(3):
        with ThreadPoolExecutor(max_workers=2) as pool:
            both = list(
                pool.map(
                    lambda pair: pair[0].invoke(pair[1]).content, zip((first, second), prompts, strict=True)
                )
            )
        assert both == alone


@pytest.mark.parametrize("example", ["back-to-school", "self-heal"])
def test_planner_with_the_local_model_returns_a_valid_plan(local_model, examples: Path, example: str) -> None:  # type: ignore[no-untyped-def]
    mission = load_mission(examples / f"missions/{example}.json")
    plan = plan_mission(mission, model=local_model)
    assert plan.source in ("llm", "repaired", "fallback")
    assert plan.usage.llm_calls >= 1 and plan.usage.output_tokens > 0
    assert not [i for i in plan.issues if i.severity in (Severity.ERROR, Severity.BLOCKED)]
    if plan.source == "fallback":
        assert any(i.code == "plan.fallback" for i in plan.issues)
    else:  # an accepted model plan keeps all of the template's work
        template_tools = {s.tool for s in plan_mission(mission).subtasks}
        assert template_tools <= {s.tool for s in plan.subtasks}


def test_cli_plan_with_the_local_model(examples: Path) -> None:
    pytest.importorskip("llama_cpp", reason="the `local` extra is not installed")
    result = CliRunner().invoke(
        app, ["plan", str(examples / "missions/back-to-school.json"), "--model", "local"]
    )
    assert result.exit_code == 0, result.output
    assert "source: " in result.stdout and "model call(s)" in result.stdout
