"""Exceptions, split by who is at fault.

The whole tree (every exception the package raises on purpose is under the root)::

    OrchestratorError                 base of everything this package raises on purpose
    ├── UserError                     the caller's input is wrong: a bad mission file,
    │   │                             an unknown template, a missing brand, a bad URL,
    │   │                             a run saved after a database failure (resume it)
    │   ├── MissionFileError          a mission/plan file cannot be read or parsed
    │   ├── UnknownMissionTypeError   no template is registered for `Mission.type`
    │   ├── TemplateError             a mission template (YAML) is malformed
    │   ├── UnknownBrandError         the mission names a brand that no file describes
    │   └── Forbidden                 the caller's principal may not read, resume or
    │                                 approve that run (worded like "no such run")
    ├── RunError                      something failed while running, not the caller's input
    │   ├── PlanningError             the planner could not produce a plan
    │   ├── PromptError               a prompt file is missing or misses a variable
    │   ├── McpToolError              an MCP tool call failed or its server is unreachable
    │   └── FetchError                a web page could not be fetched (tools/browser.py)
    └── AgentSignal                   raised by an agent to tell the engine what to do
        ├── TransientError            a retry may succeed (timeouts, rate limits, 5xx);
        │                             the engine retries it (TransientFetchError too)
        └── PolicyViolation           a guard refused to let something run; carries the
                                      guard's decision (never healed, never retried)

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


class Forbidden(UserError):
    """The caller's principal may not read, resume or approve this run (see `identity`).

    For a run the principal does not own, the message is the one a missing run gets, so
    it does not reveal that another user's thread exists.
    """


class RunError(OrchestratorError):
    """Something failed while running; not the caller's input (it lands in the result as an issue)."""


class PlanningError(RunError):
    """The planner could not produce a plan at all (not even the template fallback)."""


class AgentSignal(OrchestratorError):
    """Raised by an agent to tell the engine what to do with its failure."""


class PolicyViolation(AgentSignal):
    """A guard refused to let something run; `decision` is the guard's decision object."""

    def __init__(self, message: str, decision: object | None = None) -> None:
        super().__init__(message)
        self.decision = decision
        """The policy's decision (e.g. a `GuardDecision`), when the guard gave one."""


class TransientError(AgentSignal):
    """An agent failed in a way a retry may fix; the engine retries with backoff."""
