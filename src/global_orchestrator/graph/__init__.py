"""The LangGraph mission graph: state, nodes and the builder."""

from global_orchestrator.graph.builder import build_graph
from global_orchestrator.graph.running import RetrySettings

__all__ = ["RetrySettings", "build_graph"]
