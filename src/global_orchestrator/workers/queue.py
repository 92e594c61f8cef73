"""The task queue: Dramatiq on RabbitMQ, configured once here for submitters and workers.

One queue (`QUEUE`, or `ORCHESTRATOR_QUEUE`) and one actor (`ACTOR`) carry every mission
message; a message is a JSON payload naming the thread, a submission id (unique per
`submit_*` call, kept across redeliveries and retries) and what to do: start the mission
(with its plan, if given) or resume it (with approval decisions). RabbitMQ keeps a
message until the worker that runs it acknowledges it, which Dramatiq does after the
actor returns; a worker that dies (SIGKILL, a lost machine) closes its connection and
RabbitMQ hands its unacknowledged messages to another worker.
"""

from __future__ import annotations

import os
import threading
import uuid
from typing import Any, Literal, TypedDict

from global_orchestrator.errors import UserError

QUEUE = "orchestrator.missions"
"""The default RabbitMQ queue of mission messages (`ORCHESTRATOR_QUEUE` names another: one
queue per deployment, or per test)."""
QUEUE_ENV = "ORCHESTRATOR_QUEUE"
ACTOR = "orchestrator.run_thread"
"""The Dramatiq actor that runs them (declared by `orchestrator worker`)."""
DEFAULT_BROKER_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"
BROKER_ENV = "ORCHESTRATOR_BROKER_URL"


class Payload(TypedDict, total=False):
    """A mission message: what a worker does for one thread."""

    kind: Literal["run", "resume"]
    thread: str
    submission: str
    mission: dict[str, Any]
    plan: dict[str, Any] | None
    approvals: dict[str, Any] | None


def broker_url(url: str | None = None) -> str:
    """`url`, else `ORCHESTRATOR_BROKER_URL`, else the local RabbitMQ."""
    return url or os.environ.get(BROKER_ENV) or DEFAULT_BROKER_URL


def queue_name(name: str | None = None) -> str:
    """`name`, else `ORCHESTRATOR_QUEUE`, else `QUEUE`."""
    return name or os.environ.get(QUEUE_ENV) or QUEUE


def new_submission() -> str:
    """A fresh submission id."""
    return uuid.uuid4().hex


_brokers: dict[str, Any] = {}
_brokers_lock = threading.Lock()


def submitting_broker(url: str | None = None) -> Any:
    """The process's broker for `url`, for enqueueing.

    Publisher confirms are on: an enqueue returns once RabbitMQ holds the message durably.
    """
    key = broker_url(url)
    with _brokers_lock:
        broker = _brokers.get(key)
        if broker is None:
            broker = _brokers[key] = make_broker(key, middleware=[])
        return broker


def make_broker(url: str, middleware: list[Any]) -> Any:
    """A Dramatiq RabbitMQ broker on `url` with exactly `middleware`.

    Raises:
        UserError: the `workers` extra is not installed.
    """
    try:
        from dramatiq.brokers.rabbitmq import RabbitmqBroker
    except ImportError as exc:
        raise UserError(
            "workers need the `workers` extra: pip install 'global-orchestrator[workers]'"
        ) from exc
    broker = RabbitmqBroker(url=url, confirm_delivery=True, middleware=middleware)
    return broker


def enqueue(
    payload: Payload, *, url: str | None = None, queue: str | None = None, delay_ms: int | None = None
) -> None:
    """Put a mission message on the queue (blocking until RabbitMQ confirms it).

    Raises:
        UserError: RabbitMQ cannot be reached.
    """
    from dramatiq import Message
    from dramatiq.errors import BrokerConnectionError

    broker = submitting_broker(url)
    message: Message[Any] = Message(
        queue_name=queue_name(queue), actor_name=ACTOR, args=(dict(payload),), kwargs={}, options={}
    )
    try:
        broker.enqueue(message, delay=delay_ms)
    except BrokerConnectionError as exc:
        raise UserError(f"cannot enqueue on the broker at {_redact(broker_url(url))}: {exc}") from exc


def _redact(url: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    return url.replace(f":{parsed.password}@", ":***@", 1) if parsed.password else url
