"""Use cases of background jobs: queue a document's analysis, follow it, cancel it, and
(on a worker) run it.

Creating a review stores the two files in a job row and announces the job on the
queue (:mod:`workbench.service.queue`); it returns at once.  A worker claims the row
(only one can), analyses with a progress callback that writes the stage, percentage and
ETA and stops at the next stage when the job is cancelled, while a heartbeat thread
says it is alive.  The document, its links and findings and the job's ``done`` are
written in ONE transaction at the end, guarded by the claim: a worker that was
cancelled, or presumed dead and replaced, stores nothing.  A worker that dies leaves
only a silent job, which :meth:`JobCases.reap` requeues (or fails after
:data:`MAX_ATTEMPTS`).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.config import Settings
from workbench.errors import NotFound, WorkbenchError
from workbench.service.documents import DocumentCases
from workbench.service.outage import Outage
from workbench.service.users import UserCases
from workbench.service.views import User
from workbench.store import JobRow, Store
from workbench.store import jobs as job_rows

log = logging.getLogger(__name__)
#: Starts of a job before a worker that keeps dying on it gives up.
MAX_ATTEMPTS = 3
#: Least time between two progress writes of one job.
PROGRESS_EVERY_S = 0.5


@dataclass(frozen=True)
class JobView:
    """A job as the Documents page shows it."""

    id: int
    kind: str
    state: str  # queued, running, done, failed, cancelled
    title: str
    source_name: str
    target_name: str
    created_at: datetime
    stage: str
    percent: float  # 0..1
    eta_s: float | None
    error: str
    attempts: int
    worker: str
    doc_id: int | None
    notes: tuple[str, ...]

    @property
    def active(self) -> bool:
        return self.state in job_rows.ACTIVE


class JobStopped(Exception):
    """Raised into the analysis when its job was cancelled or given to another worker."""


def worker_name() -> str:
    """Who runs a job: host, process and thread."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


def _view(row: JobRow) -> JobView:
    return JobView(row.id, row.kind, row.state, row.title or row.source_name, row.source_name,
                   row.target_name, row.created_at, row.stage, float(row.percent or 0.0),
                   row.eta_s, row.error, row.attempts, row.worker, row.doc_id,
                   tuple(row.notes or ()))


class JobCases:
    """Queue, follow, cancel and run jobs; ``settings`` says how they run
    (:data:`workbench.config.JOB_MODES`) and where the queue is."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 documents: DocumentCases, settings: Settings) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.documents = documents
        self.settings = settings
        self._queue = None
        self._queue_lock = threading.Lock()
        self.outage = Outage()  # this process's view of the database, for the worker log

    @property
    def queue(self):
        """The engine's queue (:class:`workbench.service.queue.JobQueue`), opened on use."""
        with self._queue_lock:
            if self._queue is None:
                from workbench.service.queue import JobQueue

                self._queue = JobQueue(self.settings.queue_location(self.store.url))
            return self._queue

    # ------------------------------------------------------------------ reviewers

    def submit_document(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                        target_bytes: bytes, target_name: str,
                        article: bool = False) -> JobView:
        """Queue the analysis of a new document and return at once (in ``immediate``
        mode, once it ran).  The files are read and their languages checked first, so
        unreadable or swapped files are refused here, before anything is queued.
        ``article``: of a saved web page (.html) keep only the article
        (:func:`workbench.service.pages.article_file`)."""
        from workbench.service.pages import article_file

        self.users.check(actor, "import")
        extra: list[str] = []
        if article:
            source_bytes, source_name, note_s = article_file(source_bytes, source_name)
            target_bytes, target_name, note_t = article_file(target_bytes, target_name)
            extra = [n for n in (note_s, note_t) if n]
        _, _, notes = self.documents.read_pair(source_bytes, source_name,
                                               target_bytes, target_name)
        notes = (*extra, *notes)
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "import")
            job = job_rows.add(s, "analyse", title.strip(), user.id, self.clock(),
                               source_name, target_name, source_bytes, target_bytes, notes)
            job_id = job.id
        self.announce(job_id)
        return self.job(actor, job_id)

    def submit_urls(self, actor: User, title: str, source_url: str,
                    target_url: str) -> JobView:
        """Fetch the Vietnamese article and the Arabic page, keep each page's article and
        queue the analysis; an address that cannot be fetched raises a clear
        :class:`~workbench.errors.DocumentError` and queues nothing."""
        from workbench.service.pages import fetch, page_name

        self.users.check(actor, "import")
        source, target = fetch(source_url.strip()), fetch(target_url.strip())
        return self.submit_document(actor, title, source, page_name(source_url), target,
                                    page_name(target_url), article=True)

    def announce(self, job_id: int) -> None:
        """Hand the job to a worker: now, in this thread (``immediate``), or on the queue."""
        if self.settings.jobs == "immediate":
            self.run_job(job_id)
        else:
            self.queue.notify(job_id)

    def job(self, actor: User, job_id: int) -> JobView:
        self.users.check(actor, "view")
        with self.store.read() as s:
            row = job_rows.get(s, job_id)
            if row is None:
                raise NotFound(f"job {job_id} does not exist: reload the page")
            return _view(row)

    def list_jobs(self, actor: User, limit: int = 20) -> list[JobView]:
        """The newest jobs, every user's (a desk sees what is being prepared)."""
        self.users.check(actor, "view")
        with self.store.read() as s:
            return [_view(row) for row in job_rows.recent(s, limit)]

    def cancel_job(self, actor: User, job_id: int) -> JobView:
        """Cancel a queued job now; a running one stops at its next stage and stores
        nothing.  Needs the import right."""
        with self.store.session() as s:
            self.users.authorize(s, actor, "import")
            if job_rows.request_cancel(s, job_id, self.clock()) is None:
                raise NotFound(f"job {job_id} does not exist: reload the page")
        return self.job(actor, job_id)

    # ------------------------------------------------------------------ workers

    def run_job(self, job_id: int, worker: str | None = None) -> str:
        """Claim and run one job; its state afterwards.  Does nothing (and returns the
        state) when the job is not queued: another worker took it, or it was cancelled."""
        worker = worker or worker_name()
        with self.store.session() as s:
            if not job_rows.claim(s, job_id, worker, self.clock()):
                row = job_rows.get(s, job_id)
                return row.state if row else "missing"
            row = job_rows.get(s, job_id)
            job = (row.attempts, row.created_by, row.title, row.source_name, row.target_name,
                   row.source_bytes, row.target_bytes)
        attempt, user_id, title, source_name, target_name, source_bytes, target_bytes = job
        run = _Run(self, job_id, worker)
        try:
            with run:
                run.progress(0.0, f"Reading {source_name} and {target_name}…")
                source, target, _ = self.documents.read_pair(source_bytes, source_name,
                                                             target_bytes, target_name)
                analysis = self.documents.analyse_pair(
                    source, target, lambda f, m: run.progress(0.02 + 0.93 * f, m))
                run.progress(0.96, "Saving…", force=True)
            with self.store.session() as s:
                if not job_rows.finish(s, job_id, worker, attempt, self.clock()):
                    raise JobStopped("cancelled or taken over before it was saved")
                doc_id = self.documents.store_analysis(s, user_id, title, source_name,
                                                       target_name, source, target, analysis)
                job_rows.set_doc(s, job_id, doc_id)
            return "done"
        except JobStopped:
            return self._end(job_id, worker, "cancelled", "")
        except WorkbenchError as exc:
            return self._end(job_id, worker, "failed", str(exc))
        except Exception as exc:  # a bug: say so on the job, keep the worker alive
            log.exception("job %s failed", job_id)
            return self._end(job_id, worker, "failed",
                             f"the analysis crashed ({type(exc).__name__}: {exc}); "
                             "tell an admin, the worker log has the details")

    def _end(self, job_id: int, worker: str, state: str, error: str) -> str:
        with self.store.session() as s:
            job_rows.end(s, job_id, worker, state, self.clock(), error)
            row = job_rows.get(s, job_id)
            return row.state if row else "missing"

    def reap(self) -> list[int]:
        """Requeue the jobs of workers that stopped answering (or fail them after
        :data:`MAX_ATTEMPTS` starts) and announce again the queued jobs nobody took for
        a while (a message lost with a dead worker); the jobs announced."""
        now = self.clock()
        silent = now - timedelta(seconds=self.settings.job_stale_s)
        with self.store.session() as s:
            requeued, failed = job_rows.reap(s, silent, MAX_ATTEMPTS, now)
            forgotten = job_rows.next_queued(s, silent)
            job_rows.touch(s, forgotten, now)
        for job_id in failed:
            log.warning("job %s failed: its worker stopped answering %d times",
                        job_id, MAX_ATTEMPTS)
        announced = sorted(set(requeued) | set(forgotten))
        for job_id in announced:
            self.queue.notify(job_id)
        return announced


class _Run:
    """One job on this worker: the heartbeat thread and the progress callback."""

    def __init__(self, cases: JobCases, job_id: int, worker: str) -> None:
        self.cases = cases
        self.job_id = job_id
        self.worker = worker
        self.stopped = threading.Event()
        self._done = threading.Event()
        self._started = time.monotonic()
        self._last_write = 0.0
        self._thread = threading.Thread(target=self._beat, daemon=True,
                                        name=f"job-{job_id}-heartbeat")

    def __enter__(self) -> _Run:
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
