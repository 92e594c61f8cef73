"""Prompt templates: Markdown files in this package, rendered by one strict loader.

A prompt file holds one or more messages, each opened by a line `<!-- role: system -->`
(or `user`, `assistant`). Variables are written `{{ name }}`. Rendering fails on a
missing variable and on a variable the prompt does not use, so a prompt and its caller
cannot drift apart. Values are data, never instructions: prompts put them inside
`<data name="...">` blocks or triple-quoted sections, and a value cannot close either
(a closing tag's `</` and triple quotes are escaped).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from global_orchestrator.errors import RunError

Role = Literal["system", "user", "assistant"]

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_ROLE_MARKER = re.compile(r"^<!--\s*role:\s*(system|user|assistant)\s*-->\s*$", re.MULTILINE)


class PromptError(RunError):
    """A prompt is missing, malformed, or rendered with the wrong variables."""


@dataclass(frozen=True)
class PromptMessage:
    """One rendered message of a prompt."""

    role: Role
    content: str


@dataclass(frozen=True)
class Prompt:
    """A parsed prompt file."""

    name: str
    parts: tuple[tuple[Role, str], ...]

    @property
    def variables(self) -> frozenset[str]:
        """Every variable the prompt uses."""
        return frozenset(v for _, text in self.parts for v in _VARIABLE.findall(text))

    def render(self, **values: Any) -> list[PromptMessage]:
        """Fill the variables.

        Raises:
            PromptError: a variable is missing or a value is not used by the prompt.
        """
        missing = self.variables - values.keys()
        unused = values.keys() - self.variables
        if missing or unused:
            problems = []
            if missing:
                problems.append("missing " + ", ".join(sorted(missing)))
            if unused:
                problems.append("unused " + ", ".join(sorted(unused)))
            raise PromptError(f"prompt '{self.name}': {'; '.join(problems)}")
        rendered = {k: _as_data(v) for k, v in values.items()}
        return [
            PromptMessage(role, _VARIABLE.sub(lambda m: rendered[m.group(1)], text).strip())
            for role, text in self.parts
        ]


def _as_data(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2, default=str)
    return text.replace("</", "<\\/").replace('"""', '\\"\\"\\"')


def parse_prompt(name: str, text: str) -> Prompt:
    """Split prompt text into role-tagged parts.

    Raises:
        PromptError: the text has no role marker or content before the first marker.
    """
    markers = list(_ROLE_MARKER.finditer(text))
    if not markers or text[: markers[0].start()].strip():
        raise PromptError(f"prompt '{name}' must start with a '<!-- role: system|user -->' line")
    parts: list[tuple[Role, str]] = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        role: Role = marker.group(1)  # type: ignore[assignment]
        parts.append((role, text[marker.end() : end]))
    return Prompt(name=name, parts=tuple(parts))


@cache
def load_prompt(name: str) -> Prompt:
    """Load `prompts/<name>.md` from the package.

    Raises:
        PromptError: no such prompt, or it is malformed.
    """
    resource = resources.files(__name__) / f"{name}.md"
    if not resource.is_file():
        raise PromptError(f"no prompt named '{name}'")
    return parse_prompt(name, resource.read_text(encoding="utf-8"))


def render_prompt(name: str, **values: Any) -> list[PromptMessage]:
    """Load and render a prompt; see `Prompt.render`."""
    return load_prompt(name).render(**values)


def list_prompts() -> list[str]:
    """Names of every prompt file in the package."""
    folder = resources.files(__name__)
    return sorted(entry.name[:-3] for entry in folder.iterdir() if entry.name.endswith(".md"))
