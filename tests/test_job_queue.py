"""Where job messages wait (:meth:`Settings.queue_location`) and the Redis storage: a
job announced on Redis is run by a worker of another service on the same Redis."""

from __future__ import annotations

from dataclasses import replace

import shutil
import socket
import subprocess
import time

import pytest

from corpus import news_document
from fake_pipeline import fake_analyse
from workbench.config import Settings


@pytest.mark.parametrize("settings, db, expected", [
    (Settings(), "sqlite:////srv/wb/workbench.db", "sqlite:////srv/wb/workbench-queue.db"),
    (Settings(), "postgresql+psycopg://u@h:5432/wb", "postgresql+psycopg://u@h:5432/wb"),
    (Settings(queue_url="redis://q:6379/0"), "sqlite:////srv/wb/workbench.db",
     "redis://q:6379/0"),
])
def test_the_queue_sits_beside_the_database_unless_told(settings, db, expected):
    assert settings.queue_location(db) == expected


def test_the_job_settings_come_from_the_environment():
    s = Settings.from_env({"WORKBENCH_JOBS": "external", "WORKBENCH_JOB_STALE_S": "9",
                           "WORKBENCH_QUEUE_URL": "redis://q/1"})
    assert (s.jobs, s.job_stale_s, s.queue_url, s.job_heartbeat_s) == (
        "external", 9.0, "redis://q/1", 2.0)


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def test_a_job_travels_through_redis(tmp_path, redis_url):
    from workbench.service import open_service

    url = f"sqlite:///{tmp_path / 'workbench.db'}"
    app = open_service(url, analyser=fake_analyse, bcrypt_rounds=4,
                       settings=replace(Settings.from_env(), jobs="external", queue_url=redis_url))
    worker = open_service(url, analyser=fake_analyse, bcrypt_rounds=4,
                          settings=replace(Settings.from_env(), jobs="external", queue_url=redis_url))
    app.create_user(None, "root", "root-pass", ["admin"])
    user = app.authenticate("root", "root-pass").user
    vi, ar = news_document(0, 6)
    job = app.submit_document(user, "", vi, "v.vi.txt", ar, "v.ar.txt")
    assert app.jobs.queue.pending() == 1
    worker.start_worker()
    try:
        deadline = time.monotonic() + 20
        while app.job(user, job.id).active and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.stop_worker()
    assert app.job(user, job.id).state == "done"
    assert not (tmp_path / "workbench-queue.db").exists()  # nothing went to SQLite
