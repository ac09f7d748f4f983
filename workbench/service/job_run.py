"""One job running on a worker: its heartbeat thread and its progress callback,
which stops the work (:class:`JobStopped`) once the job was cancelled or given to
another worker."""

from __future__ import annotations

import os
import socket
import threading
import time

from workbench.errors import WorkbenchError
from workbench.store import jobs as job_rows

#: Least time between two progress writes of one job.
PROGRESS_EVERY_S = 0.5


class JobStopped(Exception):
    """Raised into the analysis when its job was cancelled or given to another worker."""


def worker_name() -> str:
    """Who runs a job: host, process and thread."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


class JobRun:
    """One job on this worker: the heartbeat thread and the progress callback."""

    def __init__(self, cases, job_id: int, worker: str) -> None:  # cases: JobCases
        self.cases = cases
        self.job_id = job_id
        self.worker = worker
        self.stopped = threading.Event()
        self._done = threading.Event()
        self._started = time.monotonic()
        self._last_write = 0.0
        self._thread = threading.Thread(target=self._beat, daemon=True,
                                        name=f"job-{job_id}-heartbeat")

    def __enter__(self) -> JobRun:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join(timeout=5)

    def _write(self, **progress) -> None:
        try:
            with self.cases.store.session() as s:
                alive = job_rows.beat(s, self.job_id, self.worker, self.cases.clock(),
                                      **progress)
        except WorkbenchError as exc:  # database away for a moment: try again later
            self.cases.outage.failed(exc, f"job {self.job_id}'s heartbeat")
            return
        self.cases.outage.ok()
        if not alive:
            self.stopped.set()

    def _beat(self) -> None:
        while not self._done.wait(self.cases.settings.job_heartbeat_s):
            self._write()

    def progress(self, fraction: float, message: str, force: bool = False) -> None:
        """The analysis's progress callback: raises :class:`JobStopped` when the job
        was cancelled, so the analysis ends at its next stage."""
        if self.stopped.is_set():
            raise JobStopped(message)
        now = time.monotonic()
        if not force and now - self._last_write < PROGRESS_EVERY_S:
            return
        self._last_write = now
        fraction = min(max(fraction, 0.0), 1.0)
        elapsed = now - self._started
        eta = elapsed * (1 - fraction) / fraction if fraction >= 0.05 else None
        self._write(stage=message, percent=fraction, eta_s=eta)
        if self.stopped.is_set():
            raise JobStopped(message)
