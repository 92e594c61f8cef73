"""Fakes for users' own tests: a scripted chat model and an echo model.

`ScriptedChatModel` replays the responses you give it, in order, and records every
call; `with_structured_output` and `bind_tools` work (structured answers are returned
as tool calls, the way OpenAI's function calling does). Call `assert_complete()` at
the end of a test to prove every scripted response was used::

    model = ScriptedChatModel(responses=['{"summary": "..."}', TimeoutError("slow")])
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, PrivateAttr

from global_orchestrator.agents.base import AgentContext
from global_orchestrator.models import Mission, MissionPlan, Subtask

Response = str | AIMessage | dict[str, Any] | BaseModel | BaseException | Callable[[list[BaseMessage]], Any]
"""One scripted answer: text, a message, a structured value (dict or model), an error to
raise, or a function of the call's messages returning any of these."""


@dataclass(frozen=True)
class RecordedCall:
    """One call the scripted model received."""

    messages: list[BaseMessage]
    tools: list[dict[str, Any]]
    kwargs: dict[str, Any]

    @property
    def text(self) -> str:
        """All message contents joined, for asserting on what the model was shown."""
        return "\n".join(str(m.content) for m in self.messages)


def _count_tokens(text: str) -> int:
    # A stable stand-in for a tokenizer: good enough for usage accounting tests.
    return max(1, len(text.split()))


class ScriptedChatModel(BaseChatModel):
    """A chat model that replays scripted responses and records its calls."""

    responses: list[Any]
    """The script, consumed in order (see `Response`)."""

    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _next: int = PrivateAttr(default=0)
    _calls: list[RecordedCall] = PrivateAttr(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    @property
    def calls(self) -> list[RecordedCall]:
        """Every call received so far."""
        return list(self._calls)

    @property
    def remaining(self) -> int:
        """Scripted responses not used yet."""
        return len(self.responses) - self._next

    def assert_complete(self) -> None:
        """Fail unless every scripted response was used.

        Raises:
            AssertionError: some responses were never requested.
        """
        if self.remaining:
            raise AssertionError(
                f"ScriptedChatModel: {self.remaining} of {len(self.responses)} responses were not used"
            )

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """Bind tools; scripted dicts/models are then answered as calls of the first tool."""
        formatted = [convert_to_openai_tool(tool) for tool in tools]
        return self.bind(tools=formatted, tool_choice=tool_choice, **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,  # noqa: ARG002 (the interface's signature)
        run_manager: CallbackManagerForLLMRun | None = None,  # noqa: ARG002 (the interface's signature)
        **kwargs: Any,
    ) -> ChatResult:
        tools: list[dict[str, Any]] = list(kwargs.pop("tools", None) or [])
        with self._lock:
            self._calls.append(RecordedCall(list(messages), tools, dict(kwargs)))
            if self._next >= len(self.responses):
                raise AssertionError(
                    f"ScriptedChatModel ran out of responses after {len(self.responses)} calls"
                )
            response = self.responses[self._next]
            self._next += 1
        if callable(response) and not isinstance(response, type | BaseModel | BaseException):
            response = response(list(messages))
        if isinstance(response, BaseException):
            raise response
        message = self._to_message(response, tools)
        prompt_tokens = sum(_count_tokens(str(m.content)) for m in messages)
        if message.usage_metadata is None:
            completion = str(message.content) or json.dumps([c["args"] for c in message.tool_calls])
            out = _count_tokens(completion)
            message.usage_metadata = {
                "input_tokens": prompt_tokens,
                "output_tokens": out,
                "total_tokens": prompt_tokens + out,
            }
        return ChatResult(generations=[ChatGeneration(message=message)])

    @staticmethod
    def _to_message(response: Any, tools: list[dict[str, Any]]) -> AIMessage:
        if isinstance(response, AIMessage):
            return response.model_copy(deep=True)
        if isinstance(response, str):
            return AIMessage(content=response)
        if isinstance(response, BaseModel):
            response = response.model_dump(mode="json")
        if isinstance(response, dict):
            if tools:
                name = tools[0]["function"]["name"]
                return AIMessage(
                    content="",
                    tool_calls=[{"name": name, "args": response, "id": "call_scripted", "type": "tool_call"}],
                )
            return AIMessage(content=json.dumps(response))
        raise TypeError(f"ScriptedChatModel cannot replay a {type(response).__name__}")


class EchoChatModel(BaseChatModel):
    """A deterministic offline model: answers with the start of the last message.

    Useful for demos and CLI tests that need a model but no particular answer. It has
    no structured output, so the planner falls back to the template with an issue.
    """

    prefix: str = "[echo] "
    max_chars: int = 200

    @property
    def _llm_type(self) -> str:
        return "echo-fake"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,  # noqa: ARG002 (the interface's signature)
        run_manager: CallbackManagerForLLMRun | None = None,  # noqa: ARG002 (the interface's signature)
        **kwargs: Any,  # noqa: ARG002 (the interface's signature)
    ) -> ChatResult:
        last = str(messages[-1].content) if messages else ""
        text = self.prefix + " ".join(last.split())[: self.max_chars]
        inp = sum(_count_tokens(str(m.content)) for m in messages)
        out = _count_tokens(text)
        message = AIMessage(
            content=text,
            usage_metadata={"input_tokens": inp, "output_tokens": out, "total_tokens": inp + out},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])


def fan_out_mission(prefix: str, width: int = 7) -> tuple[Mission, MissionPlan]:
    """A mission with a ready plan: one start, `width` parallel steps, one end (`width + 2` subtasks).

    The id is `<prefix>-<random>`; marketing and browser agents run it. For load tests of
    your own deployment with `echo_agent`.
    """
    mid = f"{prefix}-{uuid.uuid4().hex[:10]}"
    subtasks = [Subtask(id="a", agent="marketing", tool="marketing.draft_copy", description="start")]
    subtasks += [
        Subtask(id=f"b{i}", agent="browser", tool="browser.fetch", description=f"work {i}", depends_on=["a"])
        for i in range(width)
    ]
    subtasks.append(
        Subtask(
            id="z",
            agent="marketing",
            tool="marketing.compile_brief",
            description="end",
            depends_on=[f"b{i}" for i in range(width)],
        )
    )
    return (
        Mission(id=mid, type="marketing.campaign", goal="Spring sale"),
        MissionPlan(mission_id=mid, subtasks=subtasks),
    )


async def echo_agent(subtask: Subtask, ctx: AgentContext) -> dict[str, Any]:
    """An agent that does no work: returns the subtask id, mission id and idempotency key.

    A result handed to the wrong mission shows in its output.
    """
    return {"id": subtask.id, "mission": ctx.mission.id, "key": ctx.idempotency_key}
