"""Background analysis jobs in one process: a review is queued and returns at once,
its progress moves, a cancel stores nothing, a failure says why, a job runs once, and
a worker presumed dead cannot store a second copy of a document."""

from __future__ import annotations

import threading
import time

import pytest

from corpus import news_document
from db_fixtures import (  # noqa: F401  (fixtures)
    Clock, clock, db_url, pg_database, sqlite_template,
)
from fake_pipeline import fake_analyse
from workbench.config import Settings
from workbench.errors import DocumentError, WorkbenchError

VI, AR = news_document(0, 12)


class Gate:
    """An analyser that reports progress, then waits until the test opens the gate."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.entered = threading.Event()
        self.calls = 0

    def __call__(self, source, target, glossary=None, progress=None, **kwargs):
        self.calls += 1
        self.entered.set()
        k = 0
        while not self.opened.wait(0.02):
            k += 1
            if progress:
                progress(min(0.9, k / 100), f"Step {k}")
        return fake_analyse(source, target, glossary=glossary)


def _service(db_url, clock, analyser, **settings):
    from workbench.service import Service
    from workbench.store import Store

    settings = Settings(**{"jobs": "thread", "job_heartbeat_s": 0.1, "demo": True,
                           "min_password_length": 4, "common_passwords": "none", **settings})
    return Service(Store(db_url), analyser=analyser, clock=clock, bcrypt_rounds=4,
                   settings=settings)


@pytest.fixture
def make(db_url, clock):
    made = []

    def build(analyser=fake_analyse, **settings):
        service = _service(db_url, clock, analyser, **settings)
        if not service.has_user("root"):
            service.create_user(None, "root", "root-pass", ["admin"])
        made.append(service)
        return service, service.authenticate("root", "root-pass").user

    yield build
    for service in made:
        service.stop_worker()
        service.store.dispose()


def _wait(service, user, job_id: int, until, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = service.job(user, job_id)
        if until(job):
            return job
        time.sleep(0.02)
    pytest.fail(f"job {job_id} never got there: {service.job(user, job_id)}")


def test_creating_a_review_returns_before_the_analysis_ends(make):
    gate = Gate()
    service, user = make(gate)
    service.start_worker()
    started = time.monotonic()
    job = service.submit_document(user, "Voters", VI, "v.vi.txt", AR, "v.ar.txt")
    assert time.monotonic() - started < 2.0
    assert job.state in ("queued", "running") and job.doc_id is None
    assert service.list_documents(user) == []
    running = _wait(service, user, job.id, lambda j: j.state == "running" and j.percent > 0.1)
    assert running.stage.startswith("Step")
    gate.opened.set()
    done = _wait(service, user, job.id, lambda j: not j.active)
    assert done.state == "done" and done.percent == 1.0 and done.attempts == 1
    [doc] = service.list_documents(user)
    assert (doc.id, doc.title, doc.links) == (done.doc_id, "Voters", 12)


def test_progress_moves_and_gives_an_eta(make):
    gate = Gate()
    service, user = make(gate)
    service.start_worker()
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    first = _wait(service, user, job.id, lambda j: j.percent > 0.1)
    later = _wait(service, user, job.id, lambda j: j.percent > first.percent + 0.1)
    assert later.stage != first.stage
    assert later.eta_s is not None and later.eta_s > 0
    gate.opened.set()
    _wait(service, user, job.id, lambda j: j.state == "done")


def test_cancel_stops_the_job_and_stores_nothing(make):
    gate = Gate()
    service, user = make(gate)
    service.start_worker()
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    _wait(service, user, job.id, lambda j: j.state == "running" and j.percent > 0.05)
    service.cancel_job(user, job.id)
    ended = _wait(service, user, job.id, lambda j: not j.active, timeout=5)
    assert ended.state == "cancelled" and ended.doc_id is None
    assert service.list_documents(user) == []
    gate.opened.set()


def test_a_queued_job_is_cancelled_at_once_and_never_runs(make):
    gate = Gate()
    service, user = make(gate, jobs="external")  # no worker: it stays queued
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    assert service.cancel_job(user, job.id).state == "cancelled"
    assert service.run_job(job.id) == "cancelled"
    assert gate.calls == 0 and service.list_documents(user) == []


def test_a_failed_job_says_why(make):
    def refuses(*args, **kwargs):
        raise DocumentError("v.vi.txt: paragraph 3 is too long to align; split it")

    service, user = make(refuses, jobs="immediate")
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    assert job.state == "failed" and "paragraph 3 is too long" in job.error
    assert service.list_documents(user) == []


def test_a_crash_fails_the_job_with_its_cause_and_the_worker_goes_on(make):
    calls = []

    def crashes_once(source, target, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ZeroDivisionError("division by zero")
        return fake_analyse(source, target, **kwargs)

    service, user = make(crashes_once)
    service.start_worker()
    first = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    failed = _wait(service, user, first.id, lambda j: not j.active)
    assert failed.state == "failed" and "ZeroDivisionError" in failed.error
    second = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    assert _wait(service, user, second.id, lambda j: not j.active).state == "done"


def test_bad_files_are_refused_before_anything_is_queued(make):
    service, user = make(jobs="external")
    with pytest.raises(WorkbenchError, match="swapped"):
        service.submit_document(user, "", AR, "v.vi.txt", VI, "v.ar.txt")
    assert service.list_jobs(user) == []


def test_a_job_runs_once_however_often_it_is_announced(make):
    service, user = make(jobs="external")
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    assert service.run_job(job.id, "w1") == "done"
    assert service.run_job(job.id, "w2") == "done"
    assert len(service.list_documents(user)) == 1
    assert service.job(user, job.id).attempts == 1


def test_a_worker_presumed_dead_stores_nothing_when_it_wakes_up(make, clock):
    """Worker A stalls; the reaper gives its job to worker B, which stores the
    document; when A resumes, its save is refused: one document, not two."""
    gate = Gate()
    service, user = make(gate, jobs="external", job_heartbeat_s=60, job_stale_s=30)
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    outcome = {}
    slow = threading.Thread(target=lambda: outcome.update(a=service.run_job(job.id, "A")))
    slow.start()
    assert gate.entered.wait(10)
    clock.advance(seconds=31)
    assert service.jobs.reap() == [job.id]
    assert service.job(user, job.id).state == "queued"
    gate.opened.set()  # B does not wait (nor does A any more)
    assert service.run_job(job.id, "B") == "done"
    slow.join(10)
    # A found the job B's (running or done) and stored nothing
    assert outcome["a"] in ("running", "done")
    done = service.job(user, job.id)
    assert (done.worker, done.attempts) == ("B", 2)
    assert len(service.list_documents(user)) == 1


def test_a_job_of_a_worker_that_died_too_often_fails(make, clock):
    service, user = make(jobs="external", job_stale_s=30)
    job = service.submit_document(user, "", VI, "v.vi.txt", AR, "v.ar.txt")
    for attempt in range(3):  # claimed, then the worker vanishes
        from workbench.store import jobs as job_rows

        with service.store.session() as s:
            assert job_rows.claim(s, job.id, f"dead{attempt}", clock())
        clock.advance(seconds=31)
        service.jobs.reap()
    failed = service.job(user, job.id)
    assert failed.state == "failed" and "stopped answering 3 times" in failed.error
