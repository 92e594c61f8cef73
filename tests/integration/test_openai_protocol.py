"""The real openai client path: ChatOpenAI and the planner against a loopback server."""

import json
import socket

import pytest

from global_orchestrator import Mission, plan_mission
from global_orchestrator.errors import UserError
from global_orchestrator.llm import ModelSettings, make_chat_model

from .fake_openai_server import Reply, fake_openai_server

pytestmark = pytest.mark.real_model

PLAN = {
    "summary": "TikTok blitz",
    "subtasks": [
        {
            "id": "creative",
            "agent": "marketing",
            "tool": "marketing.generate_campaign",
            "description": "Draft TikTok hooks",
            "depends_on": [],
        },
        {
            "id": "research",
            "agent": "browser",
            "tool": "browser.plan",
            "description": "Plan rival research",
            "depends_on": [],
        },
        {
            "id": "brief",
            "agent": "marketing",
            "tool": "marketing.compile_brief",
            "description": "Write the brief",
            "depends_on": ["creative", "research"],
        },
    ],
}
MISSION = Mission(
    id="m1", type="marketing.campaign", goal="Back-to-school TikTok blitz", constraints={"budget": 5000}
)


def model_for(url: str, retries: int = 2):  # type: ignore[no-untyped-def]
    return make_chat_model(
        "openai:test-model", settings=ModelSettings(openai_base_url=url, timeout=10, max_retries=retries)
    )


def test_plain_chat_completion_with_usage() -> None:
    with fake_openai_server([Reply(content="Hello there")]) as server:
        message = model_for(server.url).invoke("Say hello")
    assert message.content == "Hello there"
    assert message.usage_metadata is not None and message.usage_metadata["output_tokens"] == 2
    assert server.requests[0]["body"]["model"] == "test-model"


def test_planner_uses_json_schema_response_format() -> None:
    with fake_openai_server([Reply(content=json.dumps(PLAN))]) as server:
        plan = plan_mission(MISSION, model=model_for(server.url))
    assert plan.source == "llm"
    assert [s.id for s in plan.subtasks] == ["creative", "research", "brief"]
    assert plan.usage.llm_calls == 1 and plan.usage.input_tokens > 0
    body = server.requests[0]["body"]
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]["schema"]
    families = [v["properties"]["agent"]["enum"] for v in schema["properties"]["subtasks"]["items"]["anyOf"]]
    assert ["marketing"] in families and ["clinical"] not in families


def test_429_then_success_is_retried_by_the_client() -> None:
    script = [Reply(429, "slow down", {"retry-after-ms": "10"}), Reply(content=json.dumps(PLAN))]
    with fake_openai_server(script) as server:
        plan = plan_mission(MISSION, model=model_for(server.url))
    assert plan.source == "llm"
    assert len(server.requests) == 2


def test_invalid_then_valid_answer_is_repaired_over_http() -> None:
    with fake_openai_server(
        [Reply(content="Sure! Here is a plan: step one..."), Reply(content=json.dumps(PLAN))]
    ) as server:
        plan = plan_mission(MISSION, model=model_for(server.url))
    assert plan.source == "repaired"
    last = server.requests[1]["body"]["messages"][-1]["content"]
    assert "not valid JSON" in last


def test_persistent_500_falls_back_to_the_template() -> None:
    with fake_openai_server([Reply(500, "boom")], repeat_last=True) as server:
        plan = plan_mission(MISSION, model=model_for(server.url, retries=0), max_repairs=1)
    assert plan.source == "fallback"
    assert len(server.requests) == 2
    [issue] = [i for i in plan.issues if i.code == "plan.fallback"]
    assert "Error code: 500" in issue.message and "boom" in issue.message


def test_unreachable_server_is_one_clear_user_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(
        UserError, match=rf"cannot use the model 'test-model' at http://127.0.0.1:{port}/v1: Connection error"
    ):
        plan_mission(MISSION, model=model_for(f"http://127.0.0.1:{port}/v1", retries=0))


@pytest.mark.parametrize(
    ("prefix", "variable"),
    [("ollama", "OLLAMA_BASE_URL"), ("llamacpp", "LLAMACPP_BASE_URL"), ("vllm", "VLLM_BASE_URL")],
)
def test_local_server_specs_talk_to_the_server_their_variable_names(
    monkeypatch: pytest.MonkeyPatch, prefix: str, variable: str
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with fake_openai_server([Reply(content="Hello from a laptop")]) as server:
        monkeypatch.setenv(variable, server.url)
        message = make_chat_model(f"{prefix}:qwen2.5:1.5b").invoke("Say hello")
    assert message.content == "Hello from a laptop"
    assert server.requests[0]["body"]["model"] == "qwen2.5:1.5b"
