"""One log line per outage of the database (or queue) a worker polls, not one per poll.

A worker asks the queue for work twice a second and the reaper and heartbeats write
every few seconds; while the database is down each of those fails.  :class:`Outage`
is told of every failure and every success and logs only the changes: the first
failure of an outage (what failed, why, that the worker retries) and the first success
after it (how long it lasted).
"""

from __future__ import annotations

import logging
import threading
import time

log = logging.getLogger("workbench.worker")
#: Seconds between two tries while the database is away.
RETRY_S = 2.0


def reason(exc: BaseException) -> str:
    """The cause of ``exc`` in one short line (the driver's message, not the sentence
    a reviewer would read)."""
    cause = exc.__cause__ or exc
    cause = getattr(cause, "orig", None) or cause
    text = " ".join(str(cause).split()) or type(cause).__name__
    return text[:200]


class Outage:
    """Whether the database answers, as seen by one worker process (thread-safe)."""

    def __init__(self, what: str = "the database", retry_s: float = RETRY_S,
                 logger: logging.Logger = log) -> None:
        self.what = what
        self.retry_s = retry_s
        self.log = logger
        self._since: float | None = None
        self._lock = threading.Lock()

    @property
    def down(self) -> bool:
        return self._since is not None

    def failed(self, exc: BaseException, doing: str = "") -> None:
        """A try failed: logs the first failure of an outage only."""
        with self._lock:
            if self._since is not None:
                return
            self._since = time.monotonic()
        doing = f" ({doing})" if doing else ""
        self.log.error("%s cannot be reached%s: %s; jobs wait, retrying every %g s",
                       self.what, doing, reason(exc), self.retry_s)

    def ok(self) -> None:
        """A try succeeded: logs the end of an outage."""
        with self._lock:
            since, self._since = self._since, None
        if since is not None:
            self.log.warning("%s answers again after %.0f s: jobs resume", self.what,
                             time.monotonic() - since)
