"""Queries of the stored glossary: terms approved, suggested, rejected or deleted (a
deleted term is kept, with its history, so a shipped file does not bring it back), and
the history of every change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy import update as sql_update

from workbench.store.database import Transaction
from workbench.store.schema_glossary import GlossaryChangeRow, GlossaryTermRow

#: The columns a user edits (the rest records who decided what, when).
FIELDS = ("source", "target", "variants", "forbidden", "category", "note")


def get(s: Transaction, term_id: int) -> GlossaryTermRow | None:
    return s.get(GlossaryTermRow, term_id)


def by_source(s: Transaction, status: str | None = None) -> list[GlossaryTermRow]:
    """Terms (of one status, or all but the deleted and the suggestions merged into a
    term) sorted by source term."""
    query = select(GlossaryTermRow).order_by(GlossaryTermRow.source, GlossaryTermRow.id)
    if status is not None:
        query = query.where(GlossaryTermRow.status == status)
    else:
        query = query.where(GlossaryTermRow.status.not_in(("deleted", "merged")))
    return list(s.scalars(query))


def lock_terms(s: Transaction) -> None:
    """Take the glossary for this transaction, so two processes opening one new database
    at once do not both load the shipped files: PostgreSQL's advisory lock; on SQLite a
    write, which makes the transaction the only writer."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(7207263)"))
    else:
        s.execute(sql_update(GlossaryTermRow).where(GlossaryTermRow.id < 0).values(note=""))


def from_files(s: Transaction) -> list[GlossaryTermRow]:
    """Every term a shipped file gave (deleted ones too), by id."""
    return list(s.scalars(select(GlossaryTermRow).where(GlossaryTermRow.origin != "")
                          .order_by(GlossaryTermRow.id)))


def any_from_files(s: Transaction) -> bool:
    """Whether the shipped glossaries were ever loaded into this database."""
    return s.scalar(select(GlossaryTermRow.id).where(GlossaryTermRow.origin != "")
                    .limit(1)) is not None


def stamp(s: Transaction) -> tuple:
    """Changes whenever a term is added, changed or deleted (a cache key): every such
    change is recorded in the history, whose ids only grow."""
    return (s.scalar(select(func.count(GlossaryTermRow.id))),
            s.scalar(select(func.max(GlossaryChangeRow.id))))


def in_order(s: Transaction, status: str) -> list[GlossaryTermRow]:
    """Terms of one status in the order they were added."""
    return list(s.scalars(select(GlossaryTermRow).where(GlossaryTermRow.status == status)
                          .order_by(GlossaryTermRow.id)))


def approved(s: Transaction, source: str) -> GlossaryTermRow | None:
    """The approved term for ``source`` (case-insensitive), if any."""
    return s.scalars(select(GlossaryTermRow).where(
        GlossaryTermRow.status == "approved",
        func.lower(GlossaryTermRow.source) == source.lower())).first()


def add(s: Transaction, fields: dict, status: str, created_at: datetime,
        suggested_by: int | None, decided_by: int | None, origin: str = "",
        match: str = "exact", extra: dict | None = None,
        shipped: dict | None = None) -> GlossaryTermRow:
    row = GlossaryTermRow(**fields, status=status, created_at=created_at,
                          updated_at=created_at, suggested_by=suggested_by,
                          decided_by=decided_by, origin=origin, match=match,
                          extra=dict(extra or {}), shipped=shipped)
    s.add(row)
    s.flush()
    return row


def fields_of(row: GlossaryTermRow) -> dict:
    """The editable fields of a term."""
    return {k: getattr(row, k) for k in FIELDS}


def update(s: Transaction, row: GlossaryTermRow, fields: dict, updated_at: datetime) -> None:
    for key, value in fields.items():
        setattr(row, key, value)
    row.updated_at = updated_at
    s.flush()


def decide(s: Transaction, row: GlossaryTermRow, status: str, decided_by: int,
           at_time: datetime) -> None:
    row.status, row.decided_by, row.updated_at = status, decided_by, at_time
    s.flush()


def set_from_file(s: Transaction, row: GlossaryTermRow, origin: str, match: str,
                  extra: dict, shipped: dict | None) -> None:
    """Record which file gave the term and how (``shipped``: as the file has it now)."""
    row.origin, row.match, row.extra, row.shipped = origin, match, dict(extra), shipped
    s.flush()


def record(s: Transaction, term_id: int, user_id: int | None, at_time: datetime, action: str,
           before: dict | None, after: dict | None, note: str = "") -> None:
    """Keep one change of a term in its history."""
    s.add(GlossaryChangeRow(term_id=term_id, user_id=user_id, created_at=at_time,
                            action=action, before=before, after=after, note=note))
    s.flush()


def changes(s: Transaction, term_id: int | None = None,
            limit: int = 200) -> list[tuple[GlossaryChangeRow, str]]:
    """Changes, newest first (of one term, or of all), each with its term's source."""
    query = (select(GlossaryChangeRow, GlossaryTermRow.source)
             .join(GlossaryTermRow, GlossaryTermRow.id == GlossaryChangeRow.term_id)
             .order_by(GlossaryChangeRow.id.desc()).limit(limit))
    if term_id is not None:
        query = query.where(GlossaryChangeRow.term_id == term_id)
    return [(row, source) for row, source in s.execute(query).all()]
