"""Worker processes (``python -m workbench worker``) on a shared queue: a worker
SIGKILLed mid-job leaves no half document and another worker completes the job; two
workers on PostgreSQL never run one job twice; a worker whose database goes away logs
one line for the outage (not a traceback per poll) and resumes when it is back.

The PostgreSQL tests run whenever the server at 127.0.0.1:5432 answers
(``WORKBENCH_TEST_PG_URL`` names another): each run makes its own database."""

from __future__ import annotations

from dataclasses import replace

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from corpus import news_document
from db_fixtures import _pg_url, clock, db_url, pg_database, sqlite_template  # noqa: F401
from fake_pipeline import fake_analyse
from workbench.config import Settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _worker(url: str, tmp_path: Path, name: str, **env) -> subprocess.Popen:
    """A worker process with the slow fake analyser; returns once it says it is ready."""
    log = open(tmp_path / f"{name}.log", "w+", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, "-m", "workbench", "worker", "--db", url, "--no-warm-up"],
        cwd=ROOT, stdout=log, stderr=log, text=True,
        env={**os.environ, "PYTHONPATH": f"{HERE}{os.pathsep}{ROOT}",
             "WORKBENCH_ANALYSER": "slow_pipeline:analyse", "WORKBENCH_JOBS": "external",
             "WORKBENCH_JOB_HEARTBEAT_S": "0.2", "WORKBENCH_JOB_STALE_S": "1.5",
             "OMP_NUM_THREADS": "1", **env})
    deadline = time.monotonic() + 60
    while "ready" not in (tmp_path / f"{name}.log").read_text(encoding="utf-8"):
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"worker {name} did not start: "
                        f"{(tmp_path / f'{name}.log').read_text(encoding='utf-8')[-2000:]}")
        time.sleep(0.05)
    return child


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(10)


def _queue_service(url: str):
    """The app's side: queues jobs, runs none (its clock is the real one)."""
    from workbench.service import Service
    from workbench.store import Store

    service = Service(Store(url), analyser=fake_analyse, bcrypt_rounds=4,
                      settings=replace(Settings.from_env(), jobs="external"))
    service.create_user(None, "root", "root-pass", ["admin"])
    return service, service.authenticate("root", "root-pass").user


@pytest.fixture
def queue_service(db_url):
    service, user = _queue_service(db_url)
    yield service, user, db_url
    service.store.dispose()


@pytest.fixture
def pg_queue_service(pg_database):
    """The app's side on PostgreSQL only (the desk set-up)."""
    from db_fixtures import _pg_empty

    name, reason = pg_database
    if name is None:
        pytest.skip(reason)
    _pg_empty(name)
    service, user = _queue_service(_pg_url(name))
    yield service, user, _pg_url(name)
    service.store.dispose()


def _wait(service, user, job_ids, until, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = [service.job(user, k) for k in job_ids]
        if all(until(j) for j in jobs):
            return jobs
        time.sleep(0.05)
    pytest.fail(f"jobs never got there: {[service.job(user, k) for k in job_ids]}")


def test_a_worker_killed_mid_job_leaves_no_half_document_and_another_completes_it(
        queue_service, tmp_path):
    service, user, url = queue_service
    vi, ar = news_document(0, 12)
    job = service.submit_document(user, "Voters", vi, "v.vi.txt", ar, "v.ar.txt")
    first = _worker(url, tmp_path, "a", SLOW_STEPS="40", SLOW_STEP_S="0.1")
    try:
        [running] = _wait(service, user, [job.id],
                          lambda j: j.state == "running" and j.percent > 0.2, 60)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        assert service.job(user, job.id).state == "running"
        assert service.list_documents(user) == []
    finally:
        _stop(first)
    second = _worker(url, tmp_path, "b", SLOW_STEPS="5", SLOW_STEP_S="0.02")
    try:
        [done] = _wait(service, user, [job.id], lambda j: not j.active, 60)
    finally:
        _stop(second)
    assert done.state == "done", done.error
    assert done.attempts == 2 and f":{second.pid}:" in done.worker
    assert str(first.pid) in running.worker
    [doc] = service.list_documents(user)
    assert (doc.id, doc.links) == (done.doc_id, 12)
    assert len(service.get_review(user, doc.id).rows) == 12


def test_two_workers_share_a_postgresql_queue_without_running_a_job_twice(
        pg_queue_service, tmp_path):
    service, user, url = pg_queue_service
    runs = tmp_path / "runs.tsv"
    jobs = []
    for k in range(8):
        vi, ar = news_document(k * 5, 4)
        jobs.append(service.submit_document(user, f"doc {k}", vi, f"d{k}.vi.txt", ar,
                                            f"d{k}.ar.txt").id)
    env = {"SLOW_STEPS": "4", "SLOW_STEP_S": "0.1", "SLOW_LOG": str(runs)}
    workers = [_worker(url, tmp_path, name, **env) for name in ("a", "b")]
    try:
        done = _wait(service, user, jobs, lambda j: not j.active, 120)
    finally:
        for w in workers:
            _stop(w)
    assert [j.state for j in done] == ["done"] * 8
    assert [j.attempts for j in done] == [1] * 8
    lines = [line.split("\t") for line in runs.read_text(encoding="utf-8").splitlines()]
    assert max(Counter(text for _, text in lines).values()) == 1  # no job ran twice
    assert len(lines) == 8
    assert {int(pid) for pid, _ in lines} == {w.pid for w in workers}  # both took work
    assert len(service.list_documents(user)) == 8


def test_a_worker_logs_one_line_per_database_outage_and_resumes(pg_queue_service, tmp_path):
    from sqlalchemy.engine import make_url

    from tcp_proxy import TcpProxy

    service, user, url = pg_queue_service
    real = make_url(url)
    relay = TcpProxy((real.host, real.port or 5432)).start()
    through = real.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False)
    worker = _worker(through, tmp_path, "w", SLOW_STEPS="2", SLOW_STEP_S="0.05")
    log = tmp_path / "w.log"
    try:
        relay.stop()
        deadline = time.monotonic() + 30
        while "cannot be reached" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.1)
        time.sleep(5)  # ten polls of the queue and a few reaper rounds, all failing
        relay.start()
        vi, ar = news_document(0, 4)
        job = service.submit_document(user, "After", vi, "a.vi.txt", ar, "a.ar.txt")
        [done] = _wait(service, user, [job.id], lambda j: not j.active, 60)
    finally:
        _stop(worker)
        relay.stop()
    text = log.read_text(encoding="utf-8")
    assert done.state == "done", (done.error, text)
    assert text.count("cannot be reached") == 1, text
    assert "retrying every" in text and text.count("answers again") == 1, text
    assert "Traceback" not in text, text
