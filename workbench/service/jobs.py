"""Use cases of background jobs: queue a document's analysis (or a long document's
re-alignment, :mod:`workbench.service.job_kinds`), follow it, cancel it, and (on a
worker) run it.

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
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from workbench.config import Settings
from workbench.errors import DuplicateDocument, NotFound, WorkbenchError
from workbench.service.alignment import AlignmentCases, RealignPlan
from workbench.service.documents import DocumentCases
from workbench.service.job_kinds import (AnalyseWork, ClaimedJob, KindWork, RealignWork,
                                        realign_request)
from workbench.service.job_run import JobRun as _Run, JobStopped, worker_name
from workbench.service.outage import Outage
from workbench.service.users import UserCases
from workbench.service.views import User
from workbench.store import JobRow, Store
from workbench.store import jobs as job_rows

log = logging.getLogger(__name__)
#: Starts of a job before a worker that keeps dying on it gives up.
MAX_ATTEMPTS = 3


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


def _view(row: JobRow) -> JobView:
    return JobView(row.id, row.kind, row.state, row.title or row.source_name, row.source_name,
                   row.target_name, row.created_at, row.stage, float(row.percent or 0.0),
                   row.eta_s, row.error, row.attempts, row.worker, row.doc_id,
                   tuple(row.notes or ()))


class JobCases:
    """Queue, follow, cancel and run jobs; ``settings`` says how they run
    (:data:`workbench.config.JOB_MODES`) and where the queue is."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 documents: DocumentCases, settings: Settings,
                 alignment: AlignmentCases | None = None) -> None:
        self.store = store
        self.alignment = alignment
        self.clock = clock
        self.users = users
        self.documents = documents
        self.settings = settings
        self._queue = None
        self._queue_lock = threading.Lock()
        #: other kinds of job: kind -> ``run(progress) -> summary`` (set by the service)
        self.kinds: dict[str, Callable[[Callable[..., None]], str]] = {}
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
                        article: bool = False, if_new: bool = False) -> JobView:
        """Queue the analysis of a new document and return at once (in ``immediate``
        mode, once it ran).  The files are read and their languages checked first, so
        unreadable or swapped files are refused here, before anything is queued.
        ``article``: of a saved web page (.html) keep only the article
        (:func:`workbench.service.pages.article_file`).  ``if_new``: refuse, with
        :class:`~workbench.errors.DuplicateDocument`, files already imported or being
        analysed (the page asks before it makes a second review of them)."""
        from workbench.service.pages import article_file

        self.users.check(actor, "import")
        extra: list[str] = []
        if article:
            source_bytes, source_name, note_s = article_file(source_bytes, source_name)
            target_bytes, target_name, note_t = article_file(target_bytes, target_name)
            extra = [n for n in (note_s, note_t) if n]
        source, target, notes = self.documents.read_pair(source_bytes, source_name,
                                                         target_bytes, target_name)
        notes = (*extra, *notes)
        if if_new:
            self._refuse_duplicate(source, target, source_bytes, target_bytes)
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "import")
            job = job_rows.add(s, "analyse", title.strip(), user.id, self.clock(),
                               source_name, target_name, source_bytes, target_bytes, notes)
            job_id = job.id
        self.announce(job_id)
        return self.job(actor, job_id)

    def _refuse_duplicate(self, source: list, target: list, source_bytes: bytes,
                          target_bytes: bytes) -> None:
        same = self.documents.duplicate_of(source, target)
        if same is not None:
            raise DuplicateDocument(
                f"These two files were already imported: “{same.title}” (document {same.id}, "
                f"{same.created_at:%Y-%m-%d %H:%M}, by {same.created_by}).", same.id)
        with self.store.read() as s:
            job = job_rows.active_with_files(s, source_bytes, target_bytes)
            if job is not None:
                raise DuplicateDocument(f"These two files are being analysed now: "
                                        f"“{job.title or job.source_name}” (job {job.id}).")

    def submit_urls(self, actor: User, title: str, source_url: str, target_url: str,
                    if_new: bool = False) -> JobView:
        """Fetch the Vietnamese article and the Arabic page, keep each page's article and
        queue the analysis; an address that cannot be fetched raises a clear
        :class:`~workbench.errors.DocumentError` and queues nothing."""
        from workbench.service.pages import fetch, page_name

        self.users.check(actor, "import")
        source, target = fetch(source_url.strip()), fetch(target_url.strip())
        return self.submit_document(actor, title, source, page_name(source_url), target,
                                    page_name(target_url), article=True, if_new=if_new)

    def submit_realign(self, actor: User, plan: RealignPlan) -> JobView:
        """Queue a checked re-alignment (:meth:`AlignmentCases.plan`) of a document."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "realign")
            first, last = plan.ordinals[0] + 1, plan.ordinals[-1] + 1
            where = f"link {first}" if first == last else f"links {first}–{last}"
            job = job_rows.add(s, "realign", f"Re-align {where} of document {plan.doc_id}",
                               user.id, self.clock(), "", "", realign_request(plan), b"",
                               doc_id=plan.doc_id)
            job_id = job.id
        self.announce(job_id)
        return self.job(actor, job_id)

    def _work(self, job_id: int, job: ClaimedJob):
        """What a claimed job does: analyse, re-align, or a kind the service registered."""
        if job.kind in self.kinds:  # e.g. glossary_recheck: a summary as its stage
            return KindWork(job_id, self.kinds[job.kind])
        if job.kind == "realign":
            return RealignWork(self.alignment, job)
        return AnalyseWork(self.documents, job)

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
            job = ClaimedJob.of(job_rows.get(s, job_id))
        run = _Run(self, job_id, worker)
        try:
            work = self._work(job_id, job)
            with run:
                work.compute(run.progress)
                run.progress(0.96, "Saving…", force=True)
            with self.store.session() as s:
                if not job_rows.finish(s, job_id, worker, job.attempt, self.clock()):
                    raise JobStopped("cancelled or taken over before it was saved")
                doc_id = work.save(s)
                if doc_id is not None:
                    job_rows.set_doc(s, job_id, doc_id)
            return "done"
        except JobStopped:
            return self._end(job_id, worker, "cancelled", "")
        except WorkbenchError as exc:
            return self._end(job_id, worker, "failed", str(exc))
        except Exception as exc:  # a bug: say so on the job, keep the worker alive
            log.exception("job %s failed", job_id)
            return self._end(job_id, worker, "failed",
                             f"the job crashed ({type(exc).__name__}: {exc}); "
                             "tell an admin, the worker log has the details")

    def _analyse(self, run: Run, user_id: int | None, title: str, source_name: str,
                 target_name: str, source_bytes: bytes, target_bytes: bytes):
        """Analyse a new document; what stores it (in the transaction that ends the job)."""
        run.progress(0.0, f"Reading {source_name} and {target_name}…")
        source, target, _ = self.documents.read_pair(source_bytes, source_name,
                                                     target_bytes, target_name)
        analysis = self.documents.analyse_pair(
            source, target, lambda f, m: run.progress(0.02 + 0.93 * f, m))

        def keep(s) -> None:
            doc_id = self.documents.store_analysis(s, user_id, title, source_name,
                                                   target_name, source, target, analysis)
            job_rows.set_doc(s, run.job_id, doc_id)
        return keep

    def queue_recheck(self, kind: str, title: str, user_id: int | None) -> int:
        """Queue a job of a registered ``kind`` (:attr:`kinds`) unless one is already
        waiting (it will see the latest state anyway); its id."""
        with self.store.session() as s:
            waiting = job_rows.queued_of_kind(s, kind)
            if waiting is not None:
                return waiting
            job_id = job_rows.add(s, kind, title, user_id, self.clock(), "", "", b"", b"").id
        self.announce(job_id)
        return job_id

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
