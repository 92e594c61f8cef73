"""Security tests: PHI must never reach marketing agents, publishing tools or shadow candidates,
and is never shown on any surface unless the caller opts in."""
