"""Exceptions, split by who is at fault.

The whole tree::

    OrchestratorError                 base of everything this package raises on purpose
    ├── UserError                     the caller's input is wrong: a bad mission file,
    │   │                             an unknown template, a missing brand, a bad URL
    │   ├── MissionFileError          a mission/plan file cannot be read or parsed
    │   ├── UnknownMissionTypeError   no template is registered for `Mission.type`
    │   ├── TemplateError             a mission template (YAML) is malformed
    │   └── UnknownBrandError         the mission names a brand that no file describes
    ├── PlanningError                 the planner could not produce a plan
    ├── PolicyViolation               a guard refused to let something run
    ├── McpToolError                  an MCP tool call failed or its server is unreachable
    │                                 (agents/mcp_tools.py; not retried)
    └── TransientError                raised by an agent: a retry may succeed (timeouts,
                                      rate limits, upstream 5xx); the engine retries it

Run failures of a mission never surface as exceptions: they land in the
`MissionResult` as issues. The CLI prints a `UserError` as one line and exits 2.
"""

from __future__ import annotations


class OrchestratorError(Exception):
    """Base class of every error this package raises on purpose."""


class UserError(OrchestratorError):
    """The caller's input is wrong; the message says what to fix."""


class MissionFileError(UserError):
    """A mission or plan file is missing, is not JSON, or does not match the schema."""


class UnknownMissionTypeError(UserError):
    """No mission template is registered under the requested type."""


class TemplateError(UserError):
    """A mission template definition is malformed."""


class UnknownBrandError(UserError):
    """A mission names a brand that has no profile file."""


class PlanningError(OrchestratorError):
    """The planner could not produce a plan at all (not even the template fallback)."""


class PolicyViolation(OrchestratorError):
    """A guard refused to let something run."""


class TransientError(OrchestratorError):
    """An agent failed in a way a retry may fix; the engine retries with backoff."""
