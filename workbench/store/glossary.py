"""Queries of the stored glossary: terms approved, suggested or rejected."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from workbench.store.database import Transaction
from workbench.store.schema import GlossaryTermRow

#: The columns a user edits (the rest records who decided what, when).
FIELDS = ("source", "target", "variants", "forbidden", "category", "note")


def get(s: Transaction, term_id: int) -> GlossaryTermRow | None:
    return s.get(GlossaryTermRow, term_id)


def by_source(s: Transaction, status: str | None = None) -> list[GlossaryTermRow]:
    """Terms (of one status, or all) sorted by source term."""
    query = select(GlossaryTermRow).order_by(GlossaryTermRow.source, GlossaryTermRow.id)
    if status is not None:
        query = query.where(GlossaryTermRow.status == status)
    return list(s.scalars(query))


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
        suggested_by: int | None, decided_by: int | None) -> GlossaryTermRow:
    row = GlossaryTermRow(**fields, status=status, created_at=created_at,
                          updated_at=created_at, suggested_by=suggested_by,
                          decided_by=decided_by)
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


def delete(s: Transaction, row: GlossaryTermRow) -> None:
    s.delete(row)
