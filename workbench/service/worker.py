"""A worker: runs the queue's jobs in this process and keeps the queue honest.

The same class serves ``python -m workbench worker`` (:meth:`Worker.run`, in the main
thread, stopped by Ctrl-C or SIGTERM) and the app on one machine (:meth:`Worker.start`,
threads in the Streamlit process).  Besides Huey's consumer it runs a reaper that,
every heartbeat, requeues the jobs of dead workers (:meth:`JobCases.reap`); any number
of workers may reap at once, since each change is one conditional UPDATE.
"""

from __future__ import annotations

import logging
import threading

from workbench.errors import WorkbenchError
from workbench.service.jobs import JobCases, worker_name

log = logging.getLogger(__name__)


class Worker:
    """Runs jobs of ``jobs`` (``threads`` at once) and reaps silent ones."""

    def __init__(self, jobs: JobCases, threads: int | None = None) -> None:
        self.jobs = jobs
        self.threads = threads or jobs.settings.job_threads
        self.name = worker_name()
        self._stop = threading.Event()
        self._consumer = jobs.queue.consumer(self._run, self.threads, jobs.outage)
        self._reaper = threading.Thread(target=self._reap_loop, daemon=True,
                                        name="workbench-job-reaper")

    def _run(self, job_id: int) -> None:
        self.jobs.run_job(job_id, f"{self.name}:{threading.get_ident() % 100000}")

    def _reap_loop(self) -> None:
        period = max(0.2, min(self.jobs.settings.job_heartbeat_s,
                              self.jobs.settings.job_stale_s / 3))
        while True:
            try:
                self.jobs.reap()
            except WorkbenchError as exc:  # database away: said once, tried next round
                self.jobs.outage.failed(exc, "looking for stalled jobs")
            else:
                self.jobs.outage.ok()
            if self._stop.wait(period):
                return

    def start(self) -> Worker:
        """Run in background threads (the app's in-process worker)."""
        self._reaper.start()
        self._consumer.start()
        return self

    def stop(self) -> None:
        """Stop taking jobs; wait for the running ones."""
        self._stop.set()
        self.jobs.queue.stop_polling()
        self._consumer.stop(graceful=True)

    def run(self) -> None:
        """Run in the foreground until interrupted (``python -m workbench worker``)."""
        self._reaper.start()
        try:
            self._consumer.run()
        finally:
            self._stop.set()
            self.jobs.queue.stop_polling()
