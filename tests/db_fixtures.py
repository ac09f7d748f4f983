"""Database fixtures shared by the store, service, auth, load and kill tests.

``db_url`` is parametrised over SQLite (a file in ``tmp_path``) and PostgreSQL
(127.0.0.1:5432, user postgres, database ``test``): for each test a fresh database is
one database is migrated per run, emptied before each test and dropped at the end.  PostgreSQL
tests are skipped, with the reason, only when the server cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import uuid
from datetime import datetime, timedelta, timezone

import pytest

from corpus import news_document  # noqa: F401  (re-exported for the tests)
from fake_pipeline import fake_analyse, fake_score

PG_ADMIN_URL = os.environ.get(
    "WORKBENCH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _pg_admin_dsn() -> str:
    return PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")


def _pg_reachable() -> None:
    """Connect to the admin database; a server without it (a fresh PostgreSQL has no
    ``test`` database) is administered through ``postgres`` instead."""
    global PG_ADMIN_URL
    import psycopg

    try:
        psycopg.connect(_pg_admin_dsn(), connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        if "does not exist" not in str(exc):
            raise
        PG_ADMIN_URL = _pg_url("postgres")
        psycopg.connect(_pg_admin_dsn(), connect_timeout=3).close()


def _pg_url(name: str) -> str:
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


def _pg_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(_pg_admin_dsn(), autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


@pytest.fixture(scope="session")
def pg_database():
    """A migrated database for the run (dropped at the end), or a skip reason."""
    try:
        _pg_reachable()
    except Exception as exc:  # noqa: BLE001 - any failure means "unreachable"
        yield None, f"PostgreSQL at {PG_ADMIN_URL} is unreachable: {exc}"
        return
    from workbench.store import upgrade

    name = f"wb_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    _pg_execute(f'CREATE DATABASE "{name}"')
    # Unit tests only: commits need not wait for the disk (the load and kill tests
    # make their own databases with the server's normal durability).
    _pg_execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    upgrade(_pg_url(name))
    try:
        yield name, None
    finally:
        _pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_empty(name: str) -> None:
    """Empty every table of the run's database (DELETE: TRUNCATE costs ~0.5 s here)."""
    import psycopg

    from workbench.store import metadata

    with psycopg.connect(_pg_admin_dsn().rpartition("/")[0] + f"/{name}") as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(f'DELETE FROM "{table.name}"')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from workbench.store import upgrade

    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, sqlite_template, pg_database):
    """A URL to a migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "workbench.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    name, reason = pg_database
    if name is None:
        pytest.skip(reason)
    _pg_empty(name)
    return _pg_url(name)


class Clock:
    """A clock tests can move forward (session expiry)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(db_url, clock):
    from workbench.service import Service
    from workbench.store import Store

    store = Store(db_url)
    yield Service(store, analyser=fake_analyse, rescorer=fake_rescore, clock=clock,
                  bcrypt_rounds=4)
    store.dispose()


def fake_rescore(source, target, links):
    return [fake_score(source, target, link) for link in links]


def make_user(service, admin, name: str, *roles: str):
    service.create_user(admin, name, f"{name}-pass", list(roles))
    return service.authenticate(name, f"{name}-pass").user


@pytest.fixture
def admin(service):
    service.create_user(None, "root", "root-pass", ["admin"])
    return service.authenticate("root", "root-pass").user


@pytest.fixture
def doc(service, admin):
    """A stored 12-paragraph news story (deputies meet voters: corpus lines 0-11)."""
    vi, ar = news_document(0, 12)
    return service.import_document(admin, "Voters meeting", vi, "voters.vi.txt", ar,
                                   "voters.ar.txt")
