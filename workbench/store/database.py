"""The database: engine, transactions, the URL rule's use, and schema upgrades.

SQLite by default (one file ``workbench.db`` under ``WORKBENCH_DATA_DIR``; WAL mode and
a busy timeout so several reviewers can save at once; ``synchronous=FULL``, so a save
acknowledged is on disk even if the machine loses power right after: with NORMAL an OS
crash can roll back the last acknowledged saves), or any URL in
``WORKBENCH_DB_URL`` (the rule is :meth:`workbench.config.Settings.database_url`).
Only :mod:`workbench.service` uses the store; nothing above it writes SQL.

When the server is unreachable or restarts, every transaction (:meth:`Store.session`,
:meth:`Store.read`) is rolled back and raises
:class:`~workbench.errors.ServiceUnavailable` saying nothing was saved; a new
connection gives up after :data:`CONNECT_TIMEOUT_S` and pooled connections are
pinged on checkout, so the first save after the server is back works without
restarting the app (tests/test_db_faults.py, bench/bench_db_faults.py).  A write a
constraint refuses (a version a concurrent writer took first) raises
:class:`ConstraintViolation`, which the service turns into a conflict.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import create_engine, event, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.config import Settings
from workbench.errors import ServiceUnavailable
from workbench.store.schema import metadata

#: A transaction as the query modules receive it (the service passes it along and
#: never calls it itself).
Transaction = Session
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Seconds a new server connection may take: past it the reviewer is told the database
#: is unreachable instead of watching a spinner (a dead host drops SYNs for minutes).
CONNECT_TIMEOUT_S = 3
#: What the driver raises when the server is gone, restarting, or (SQLite) locked past
#: the busy timeout.  IntegrityError is not here: it is a refusal the service handles.
UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError)
#: SQLite's ``synchronous``: FULL syncs the WAL at every commit (see the docstring;
#: bench/load_reviewers.py --synchronous NORMAL measures what it costs).
SQLITE_SYNCHRONOUS = "FULL"
# What the database says when it could write nothing: the disk is full or read-only.
_NO_SPACE = ("disk is full", "no space left", "could not extend file", "quota exceeded")
_READ_ONLY = ("readonly database", "read-only", "read only file system")


class ConstraintViolation(Exception):
    """The database refused a write by one of its constraints (e.g. the unique
    (document, link, version) when a concurrent writer took that version first).

    The transaction has been rolled back; the service decides what it means."""


# --------------------------------------------------------------------------- engine


def database_url(url: str | None = None, settings: Settings | None = None) -> str:
    """The URL to use: the argument, else the configured one
    (:meth:`workbench.config.Settings.database_url`, from the environment by default)."""
    if url:
        return url
    return (settings or Settings.from_env()).database_url()


def _sqlite_pragmas(synchronous: str):
    def set_pragmas(dbapi_connection, connection_record) -> None:
        # WAL lets readers go on while one writer commits; the busy timeout makes a
        # second writer wait for the lock instead of failing at once; foreign keys are
        # off by default in SQLite; synchronous: see SQLITE_SYNCHRONOUS.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    return set_pragmas


READ_ONLY = "workbench_read_only"


def _sqlite_begin(conn) -> None:
    # pysqlite starts transactions lazily and as DEFERRED: two writers that both read
    # first would deadlock on lock upgrade.  A writing transaction therefore takes the
    # write lock up front (BEGIN IMMEDIATE) and others queue on busy_timeout; a
    # read-only one (Store.read) stays DEFERRED and, with WAL, never waits.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str | None = None, settings: Settings | None = None,
                synchronous: str | None = None) -> Engine:
    """An engine for ``url`` (default: the configured database) with the SQLite
    settings several reviewers need (``synchronous``: FULL, or NORMAL to measure)."""
    url = database_url(url, settings)
    if url.startswith("sqlite"):
        synchronous = synchronous or SQLITE_SYNCHRONOUS  # read now: a benchmark sets it
        if synchronous.upper() not in ("FULL", "NORMAL", "EXTRA", "OFF"):
            raise ValueError(f"synchronous={synchronous!r}: use FULL, NORMAL, EXTRA or OFF")
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "isolation_level": None},
        )
        event.listen(engine, "connect", _sqlite_pragmas(synchronous.upper()))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    parsed = make_url(url)
    libpq = parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in (
        "psycopg", "psycopg2")
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if libpq else {}
    # pool_pre_ping: a pooled connection that died with a server restart is noticed on
    # checkout and replaced, so the first save after the restart works instead of
    # failing once on a stale socket.
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


class Store:
    """The database: an engine and a session factory.

    ``session()`` is a context manager that commits on success and rolls back on
    error; the commit has returned before the caller acknowledges anything.
    """

    def __init__(self, url: str | None = None, engine: Engine | None = None,
                 settings: Settings | None = None) -> None:
        self.engine = engine or make_engine(url, settings)
        self.url = self.engine.url.render_as_string(hide_password=False)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._readers = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}),
                                     expire_on_commit=False)
        # SQLite has one writer at a time and its busy handler polls with sleeps, so
        # threads of one process starve each other; a lock queues them instead
        # (other processes still wait on busy_timeout).
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A writing transaction: committed when the block ends without error."""
        with self._write_lock or nullcontext(), self._transaction(self._sessions) as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (on SQLite it never waits for writers)."""
        with self._transaction(self._readers) as session:
            yield session

    @contextmanager
    def _transaction(self, factory) -> Iterator[Session]:
        session = factory()
        try:
            yield session
            session.commit()
        except UNREACHABLE as exc:
            _quietly(session.rollback)
            raise self._unavailable(exc, writing=factory is self._sessions) from exc
        except IntegrityError as exc:
            _quietly(session.rollback)
            raise ConstraintViolation(" ".join(str(exc.orig).split())[:200]) from exc
        except BaseException:
            _quietly(session.rollback)
            raise
        finally:
            _quietly(session.close)

    def _unavailable(self, exc: Exception, writing: bool) -> ServiceUnavailable:
        """The message a reviewer sees when the database is gone: what happened to what
        they did (nothing was half-written: the transaction was rolled back) and what to do."""
        where = self.engine.url.render_as_string(hide_password=True)
        cause = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
        lower = cause.lower()
        if self.is_sqlite and "locked" in lower:
            what = (f"the database {where} stayed locked by another process for more than "
                    f"{SQLITE_BUSY_TIMEOUT_MS / 1000:g} s ({cause})")
        elif any(sign in lower for sign in _NO_SPACE):
            what = (f"the disk of the database {where} is full, so nothing could be written "
                    f"({cause}); an admin must free space")
        elif any(sign in lower for sign in _READ_ONLY):
            what = (f"the database {where} is read-only (a read-only disk or file), so nothing "
                    f"could be written ({cause}); an admin must make it writable")
        else:
            what = f"the database cannot be reached ({where}: {cause})"
        if writing:
            return ServiceUnavailable(
                f"{what}: your text has not been saved and is still in the form; "
                "try again when it is back (tell an admin if it persists)")
        return ServiceUnavailable(
            f"{what}: nothing could be read; try again when it is back "
            "(tell an admin if it persists)")

    def backup(self, path: str | Path) -> str:
        """Write a consistent copy of the database to ``path`` (:mod:`.backup`)."""
        from workbench.store import backup

        return backup.backup(self, path)

    def backup_bytes(self) -> bytes:
        """A consistent copy of the database as bytes (:mod:`.backup`)."""
        from workbench.store import backup

        return backup.backup_bytes(self)

    def restore(self, path: str | Path) -> str:
        """Replace the database's content by the backup at ``path`` (:mod:`.backup`)."""
        from workbench.store import backup

        return backup.restore(self, path)

    def create_all(self) -> None:
        """Create the tables directly (tests); the app uses :func:`upgrade`."""
        metadata.create_all(self.engine)

    def upgrade(self) -> None:
        """Bring the schema to the latest Alembic revision."""
        upgrade(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def _quietly(step) -> None:
    # Rolling back or closing on a connection that just died can raise again; the
    # error that matters is the first one, already being raised.
    try:
        step()
    except UNREACHABLE:
        pass


def alembic_config(url: str):
    """An Alembic config for ``url`` using the migrations shipped with the code."""
    from alembic.config import Config

    root = Path(__file__).resolve().parents[2]
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logger"] = False
    return config


def upgrade(url: str | None = None) -> None:
    """``alembic upgrade head`` on ``url``: the app runs this on start."""
    from alembic import command

    url = database_url(url)
    try:
        command.upgrade(alembic_config(url), "head")
    except OperationalError as exc:
        shown = make_url(url).render_as_string(hide_password=True)
        raise ServiceUnavailable(
            f"cannot open the database {shown}: {exc.orig}; check WORKBENCH_DB_URL "
            "(or WORKBENCH_DATA_DIR) and that the server is running") from exc
