"""The glossary's tables: terms (with the shipped file they came from) and the history
of every change of a term.  Part of :mod:`workbench.store.schema` (same metadata)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from workbench.store.schema import Base, UTCDateTime, utcnow


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
    #: the shipped file the term came from (``terms.csv``), "" for a term made here
    origin: Mapped[str] = mapped_column(String(200), default="", server_default="")
    match: Mapped[str] = mapped_column(String(10), default="exact", server_default="exact")
    #: columns beyond the contract's (gender, style, optional, ...), as in the file
    extra: Mapped[dict | None] = mapped_column(JSON, nullable=True, default=dict)
    #: the term as its file last gave it (None: made here); equal to the term's own
    #: fields while no user changed it, so a new version of the file may update it
    shipped: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class GlossaryChangeRow(Base):
    """One change of a glossary term: who (None: the shipped file), when, what it was
    before and after (the editable fields; None before an addition, after a deletion)."""

    __tablename__ = "glossary_changes"
    __table_args__ = (Index("ix_glossary_changes_term", "term_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("glossary_terms.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
