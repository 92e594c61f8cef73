"""The tool catalog: which tools each agent family offers and what they require.

Tool names are `family.name`; they are the values plans put in `Subtask.tool`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from global_orchestrator.models import AgentFamily

FAMILY_PERMISSIONS: dict[AgentFamily, tuple[str, ...]] = {
    AgentFamily.BROWSER: (),
    AgentFamily.MARKETING: (),
    AgentFamily.CLINICAL: ("agent:clinical", "phi:read"),
    AgentFamily.SELF_HEALING: (),
    AgentFamily.SHADOW: (),
}
"""Permissions a mission must grant before any subtask of the family may run, whatever its
tool: every clinical call reads PHI, so the clinical family always needs `phi:read`."""


@dataclass(frozen=True)
class ToolSpec:
    """A tool an agent family can use."""

    name: str
    """`family.name`, e.g. `browser.fetch`."""
    description: str
    permissions: tuple[str, ...] = ()
    """Grants the mission needs for this tool, besides its family's."""
    side_effects: bool = False
    """Changes the world outside (disabled in shadow mode)."""
    publishes: bool = False
    """Sends data outside the organisation (e-mail, posts, uploads): a subtask with this tool
    is blocked when anything it reads is labelled `phi`, like a marketing subtask."""
    cost: float | None = None
    """Fixed spend per call in the mission's currency: the least a call costs (the budget
    forecast starts from it). None (or 0) says nothing about the spend: until a call of the
    tool has been observed, the forecast is pessimistic (see `policies.budget.admit`)."""

    @property
    def family(self) -> str:
        """The family part of the name."""
        return self.name.split(".", 1)[0]


BUILTIN_TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec("browser.fetch", "Fetch a web page over HTTP and extract its title, text and links."),
    ToolSpec("browser.research", "Fetch the named pages and summarise them, citing URLs."),
    ToolSpec("browser.plan", "Write a research plan: questions, sources, what to compare."),
    ToolSpec(
        "marketing.generate_campaign",
        "Creative options with hook, channel, format and estimated cost.",
    ),
    ToolSpec(
        "marketing.allocate_budget",
        "Split the mission budget across the brand's channels by weight.",
    ),
    ToolSpec("marketing.compile_brief", "Compile a brief from upstream results."),
    ToolSpec("marketing.draft_copy", "Write copy (newsletter, post, email) from upstream results."),
    ToolSpec(
        "clinical.deidentify",
        "Replace PHI in clinical text with typed placeholders; the output is re-scanned.",
        permissions=("phi:read",),
    ),
    ToolSpec(
        "clinical.summarize",
        "Summarise clinical text (reads PHI).",
        permissions=("phi:read",),
    ),
    ToolSpec(
        "self_healing.diagnose",
        "Classify a failure and pick a recovery strategy.",
    ),
    ToolSpec(
        "self_healing.recover",
        "Apply a recovery strategy: retry, fallback agent or tool, re-plan, or give up.",
        side_effects=True,
    ),
    ToolSpec("shadow.compare", "Compare a primary and a candidate agent's outputs."),
    ToolSpec("shadow.report", "Report shadow comparisons across the mission's subtasks."),
)


@dataclass
class ToolCatalog:
    """A set of tools by name; users may register their own (e.g. from MCP servers)."""

    tools: dict[str, ToolSpec] = field(default_factory=dict)

    @classmethod
    def of(cls, tools: Iterable[ToolSpec]) -> ToolCatalog:
        """Build a catalog from tool specs."""
        return cls({tool.name: tool for tool in tools})

    def register(self, tool: ToolSpec) -> None:
        """Add or replace a tool."""
        self.tools[tool.name] = tool

    def get(self, name: str) -> ToolSpec | None:
        """Return the tool called `name`, or None."""
        return self.tools.get(name)

    def for_family(self, family: str) -> list[ToolSpec]:
        """Tools of one family, in registration order."""
        return [tool for tool in self.tools.values() if tool.family == family]

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self.tools.values())

    def __contains__(self, name: object) -> bool:
        return name in self.tools


def default_catalog() -> ToolCatalog:
    """A fresh catalog holding the built-in tools."""
    return ToolCatalog.of(BUILTIN_TOOLS)
