"""Scale out: missions queued on RabbitMQ (Dramatiq) and run by a pool of worker processes.

Needs the `workers` extra and PostgreSQL (checkpoints, store, and the queue's own
records: submissions, deliveries, events). See `client` for submitting and following,
`worker` for what a worker does with a message (leases, poison missions, approvals),
and DESIGN-NOTES.md for why Dramatiq on RabbitMQ.
"""

from global_orchestrator.workers.client import (
    aget_submission,
    alist_submissions,
    asubmit_mission,
    asubmit_resume,
    await_mission,
    follow_events,
    follow_mission,
    get_submission,
    submit_mission,
    submit_resume,
    wait_for_mission,
)
from global_orchestrator.workers.queue import BROKER_ENV, DEFAULT_BROKER_URL
from global_orchestrator.workers.records import QueuedEvent, Submission, SubmissionState

__all__ = [
    "BROKER_ENV",
    "DEFAULT_BROKER_URL",
    "QueuedEvent",
    "Submission",
    "SubmissionState",
    "aget_submission",
    "alist_submissions",
    "asubmit_mission",
    "asubmit_resume",
    "await_mission",
    "follow_events",
    "follow_mission",
    "get_submission",
    "submit_mission",
    "submit_resume",
    "wait_for_mission",
]
