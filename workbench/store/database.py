"""Persistence: the SQLAlchemy schema and the database connection.

SQLite by default (one file ``workbench.db`` under ``WORKBENCH_DATA_DIR``, default
``./data``; WAL mode and a busy timeout so several reviewers can save at once), or any
URL in ``WORKBENCH_DB_URL`` (e.g. ``postgresql+psycopg://postgres@127.0.0.1:5432/db``).
Only :mod:`workbench.service` uses this module; nothing above it writes SQL.

Integrity that must hold across processes lives in the schema, not in Python: one
revision per (document, link, version) is a unique constraint, so two reviewers who
both start from version 3 cannot both become version 4.

When the server is unreachable or restarts, every transaction (:meth:`Store.session`,
:meth:`Store.read`) is rolled back and raises
:class:`~workbench.errors.ServiceUnavailable` saying nothing was saved; a new
connection gives up after :data:`CONNECT_TIMEOUT_S` and pooled connections are
pinged on checkout, so the first save after the server is back works without
restarting the app (tests/test_db_faults.py, bench/bench_db_faults.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text,
    TypeDecorator, UniqueConstraint, create_engine, event, make_url,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from workbench.errors import ServiceUnavailable

DEFAULT_DATA_DIR = "data"
DB_FILE = "workbench.db"
SQLITE_BUSY_TIMEOUT_MS = 30_000
#: Seconds a new server connection may take: past it the reviewer is told the database
#: is unreachable instead of watching a spinner (a dead host drops SYNs for minutes).
CONNECT_TIMEOUT_S = 3
#: What the driver raises when the server is gone, restarting, or (SQLite) locked past
#: the busy timeout.  IntegrityError is not here: it is a refusal the service handles.
UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError)

# Stable constraint names, so Alembic migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        # SQLite keeps the wall-clock time and drops the offset: store UTC.
        return value.astimezone(timezone.utc)

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(200))  # space separated, see roles.py
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SessionRow(Base):
    """A login; only the SHA-256 of the token is stored."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_name: Mapped[str] = mapped_column(String(500))
    target_name: Mapped[str] = mapped_column(String(500))
    signature: Mapped[str] = mapped_column(Text, default="")


class ParagraphRow(Base):
    """A paragraph exactly as read (``side`` is ``source`` or ``target``)."""

    __tablename__ = "paragraphs"
    __table_args__ = (UniqueConstraint("doc_id", "side", "idx"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(String(6))
    idx: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class LinkRow(Base):
    """A link of the current alignment (``ordinal`` set) or a replaced one (NULL).

    ``status`` is the current review state; ``signature`` and ``components`` record
    how the score was made.
    """

    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("doc_id", "ordinal"), Index("ix_links_doc", "doc_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_idx: Mapped[list] = mapped_column(JSON)
    target_idx: Mapped[list] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    components: Mapped[list] = mapped_column(JSON, default=list)
    signature: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="new")
    status_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    replaced_by: Mapped[list | None] = mapped_column(JSON, nullable=True)


class FindingRow(Base):
    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_doc", "doc_id"), Index("ix_findings_link", "link_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    term: Mapped[str] = mapped_column(Text, default="")
    expected: Mapped[list] = mapped_column(JSON, default=list)
    found: Mapped[str | None] = mapped_column(Text, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")
    check: Mapped[str] = mapped_column(String(80), default="")
    spans: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="open")
    dismiss_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    dismissed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RevisionRow(Base):
    """A target text of a link.  ``version`` 1, 2, ... (0 is the machine text, never
    stored); a refused save is kept with ``kind='conflict'`` and no version."""

    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("doc_id", "link_id", "version"),
        Index("ix_revisions_link", "link_id"),
        Index("ix_revisions_doc", "doc_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete="CASCADE"))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(10), default="edit")
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("revisions.id", ondelete="SET NULL"), nullable=True
    )


class StatusEventRow(Base):
    """Every review-state change (who marked what, when), for activity figures."""

    __tablename__ = "status_events"
    __table_args__ = (Index("ix_status_events_doc", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MqmTagRow(Base):
    __tablename__ = "mqm_tags"
    __table_args__ = (Index("ix_mqm_tags_doc", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    link_id: Mapped[int] = mapped_column(ForeignKey("links.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(80))
    severity: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class GlossaryTermRow(Base):
    __tablename__ = "glossary_terms"
    __table_args__ = (Index("ix_glossary_terms_source", "source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(300))
    target: Mapped[str] = mapped_column(String(300))
    variants: Mapped[list] = mapped_column(JSON, default=list)
    forbidden: Mapped[list] = mapped_column(JSON, default=list)
    category: Mapped[str] = mapped_column(String(40), default="term")
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="approved")
    suggested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


metadata = Base.metadata


# --------------------------------------------------------------------------- engine


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, ``WORKBENCH_DB_URL``, or the SQLite default."""
    if url:
        return url
    env = os.environ.get("WORKBENCH_DB_URL", "").strip()
    if env:
        return env
    data_dir = Path(os.environ.get("WORKBENCH_DATA_DIR", DEFAULT_DATA_DIR))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data_dir / DB_FILE).resolve()}"


def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    # WAL lets readers go on while one writer commits; the busy timeout makes a second
    # writer wait for the lock instead of failing at once; foreign keys are off by
    # default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY = "workbench_read_only"


def _sqlite_begin(conn) -> None:
    # pysqlite starts transactions lazily and as DEFERRED: two writers that both read
    # first would deadlock on lock upgrade.  A writing transaction therefore takes the
    # write lock up front (BEGIN IMMEDIATE) and others queue on busy_timeout; a
    # read-only one (Store.read) stays DEFERRED and, with WAL, never waits.
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` with the SQLite settings several reviewers need."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "isolation_level": None},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
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

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.engine = engine or make_engine(url)
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
        if self.is_sqlite and "locked" in cause:
            what = (f"the database {where} stayed locked by another process for more than "
                    f"{SQLITE_BUSY_TIMEOUT_MS / 1000:g} s ({cause})")
        else:
            what = f"the database cannot be reached ({where}: {cause})"
        if writing:
            return ServiceUnavailable(
                f"{what}: your text has not been saved and is still in the form; "
                "try again when it is back (tell an admin if it persists)")
        return ServiceUnavailable(
            f"{what}: nothing could be read; try again when it is back "
            "(tell an admin if it persists)")

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
