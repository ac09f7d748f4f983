"""The schema: the tables as SQLAlchemy ORM rows, with the constraints the database enforces.

Integrity that must hold across processes lives here, not in Python: one revision per
(document, link, version) is a unique constraint, so two reviewers who both start from
version 3 cannot both become version 4.  Constraint names are stable (:data:`NAMING`) so
Alembic migrations can refer to them on every backend.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Text,
    TypeDecorator, UniqueConstraint, false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

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
    # Failed sign-ins in a row (reset by a good one or an admin), when the last one
    # was, and when the account was locked for too many (an admin unlocks it).
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


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
    #: page furniture (chrome), not work: set by the classifier at import, changed by a
    #: reviewer (``furniture_by`` then names them)
    furniture: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    furniture_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


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
    #: the version of the link's text that fixed it (``status`` "fixed")
    fixed_version: Mapped[int | None] = mapped_column(Integer, nullable=True)


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


class QualityOverrideRow(Base):
    """A document approved or exported as final while critical findings were open:
    the reason the editor gave (shown in the QA report)."""

    __tablename__ = "quality_overrides"
    __table_args__ = (Index("ix_quality_overrides_doc", "doc_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    open_critical: Mapped[int] = mapped_column(Integer, default=0)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class JobRow(Base):
    """A piece of background work (``kind`` ``analyse``: a new document from two files;
    ``glossary_recheck``: the open documents checked again after a glossary change).

    The row is the truth about the job: ``state`` queued/running/done/failed/cancelled,
    how far it got (``stage``, ``percent``, ``eta_s``), who runs it (``worker``, its
    ``heartbeat_at``), how often it was started (``attempts``) and why it failed
    (``error``).  The queue engine only carries "run job N"; the files wait here.
    """

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_state", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="analyse")
    state: Mapped[str] = mapped_column(String(10), default="queued")
    title: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    target_name: Mapped[str] = mapped_column(String(500), default="")
    source_bytes: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    target_bytes: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    notes: Mapped[list] = mapped_column(JSON, default=list)
    doc_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)
    stage: Mapped[str] = mapped_column(Text, default="")
    percent: Mapped[float] = mapped_column(Float, default=0.0)
    eta_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str] = mapped_column(String(200), default="")
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


#: Every table; the glossary's are in :mod:`workbench.store.schema_glossary`, which the
#: package imports (so they are registered whatever is imported first).
metadata = Base.metadata
