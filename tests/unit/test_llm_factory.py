import socket
from typing import Any

import pytest
from langchain_openai import ChatOpenAI

from global_orchestrator.errors import UserError
from global_orchestrator.llm import LocalChatModel, ModelSettings, local_model_path, make_chat_model
from global_orchestrator.testing import EchoChatModel, ScriptedChatModel


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("network access during construction")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_openai_spec_builds_chat_openai_without_network(no_network: None) -> None:
    model = make_chat_model(
        "openai:gpt-4o-mini", settings=ModelSettings(openai_api_key="sk-test", timeout=5, max_retries=1)
    )
    assert isinstance(model, ChatOpenAI)
    assert model.model_name == "gpt-4o-mini"
    assert model.max_retries == 1


def test_openai_compatible_server_needs_no_key(no_network: None) -> None:
    model = make_chat_model("openai:qwen", settings=ModelSettings(openai_base_url="http://127.0.0.1:8000/v1"))
    assert isinstance(model, ChatOpenAI)
    assert str(model.openai_api_base) == "http://127.0.0.1:8000/v1"


def test_missing_key_is_a_user_error() -> None:
    with pytest.raises(UserError, match="OPENAI_API_KEY"):
        make_chat_model("openai:gpt-4o-mini", settings=ModelSettings())


@pytest.mark.parametrize("spec", ["gpt-4", "openai:", "anthropic:claude"])
def test_unknown_spec_is_a_user_error(spec: str) -> None:
    with pytest.raises(UserError, match="unknown model"):
        make_chat_model(spec, settings=ModelSettings())


def test_spec_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCHESTRATOR_MODEL", "echo")
    assert isinstance(make_chat_model(), EchoChatModel)


def test_local_spec_finds_the_shipped_weights(no_network: None) -> None:
    model = make_chat_model("local", settings=ModelSettings())
    assert isinstance(model, LocalChatModel)
    assert local_model_path().name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert local_model_path().stat().st_size > 50_000_000


def test_scripted_model_replays_and_records() -> None:
    model = ScriptedChatModel(responses=["hello", ValueError("boom")])
    assert model.invoke("hi").content == "hello"
    with pytest.raises(ValueError, match="boom"):
        model.invoke("again")
    assert [c.text for c in model.calls] == ["hi", "again"]
    model.assert_complete()
    with pytest.raises(AssertionError, match="ran out"):
        model.invoke("more")


def test_scripted_model_assert_complete_fails_on_leftovers() -> None:
    model = ScriptedChatModel(responses=["a", "b"])
    model.invoke("x")
    with pytest.raises(AssertionError, match="1 of 2 responses were not used"):
        model.assert_complete()


def test_scripted_model_structured_output_and_tools() -> None:
    from pydantic import BaseModel

    class Colour(BaseModel):
        name: str

    model = ScriptedChatModel(responses=[{"name": "red"}, {"q": "x"}])
    assert model.with_structured_output(Colour).invoke("pick") == Colour(name="red")

    def search(q: str) -> str:
        """Search."""
        return q

    message = model.bind_tools([search]).invoke("find")
    assert message.tool_calls[0]["name"] == "search" and message.tool_calls[0]["args"] == {"q": "x"}
    assert model.calls[1].tools[0]["function"]["name"] == "search"


def test_real_models_are_refused_without_the_marker() -> None:
    model = make_chat_model("openai:gpt-4o-mini", settings=ModelSettings(openai_api_key="sk-test"))
    with pytest.raises(AssertionError, match="real_model"):
        model.invoke("hi")


def test_local_path_spec_runs_any_gguf_file(no_network: None, tmp_path: Any) -> None:
    copy = tmp_path / "my model.gguf"
    copy.symlink_to(local_model_path())
    model = make_chat_model(f"local:{copy}", settings=ModelSettings())
    assert isinstance(model, LocalChatModel)
    assert model.model_path == str(local_model_path().resolve())


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "model file not found"), (b"PK\x03\x04 not a model", "is not a GGUF model file")],
)
def test_local_path_spec_checks_the_file(tmp_path: Any, content: bytes | None, message: str) -> None:
    path = tmp_path / "model.gguf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        make_chat_model(f"local:{path}", settings=ModelSettings())


@pytest.mark.parametrize(
    ("spec", "variable", "default"),
    [
        ("ollama:llama3.2", "OLLAMA_BASE_URL", "http://127.0.0.1:11434/v1"),
        ("llamacpp:qwen2.5-1.5b", "LLAMACPP_BASE_URL", "http://127.0.0.1:8080/v1"),
        ("vllm:Qwen/Qwen2.5-7B-Instruct", "VLLM_BASE_URL", "http://127.0.0.1:8000/v1"),
    ],
)
def test_local_server_specs_need_one_variable_at_most(
    no_network: None, monkeypatch: pytest.MonkeyPatch, spec: str, variable: str, default: str
) -> None:
    monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    model = make_chat_model(spec)
    assert isinstance(model, ChatOpenAI)
    assert model.model_name == spec.split(":", 1)[1]
    assert str(model.openai_api_base) == default
    monkeypatch.setenv(variable, "http://10.0.0.5:9999/v1")
    assert str(make_chat_model(spec).openai_api_base) == "http://10.0.0.5:9999/v1"  # type: ignore[attr-defined]


@pytest.mark.parametrize("spec", ["ollama:", "local:", "vllm: "])
def test_server_and_path_specs_need_a_name(spec: str) -> None:
    with pytest.raises(UserError, match="unknown model"):
        make_chat_model(spec, settings=ModelSettings())
