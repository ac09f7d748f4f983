"""Queries of revisions: the texts reviewers saved for a link, and refused saves.

Version 1, 2, … of a link are its saved texts (0, the machine text, is never stored);
a refused save is kept with ``kind='conflict'`` and no version.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, func, select

from workbench.store.database import Transaction
from workbench.store.schema import RevisionRow


def get(s: Transaction, revision_id: int) -> RevisionRow | None:
    return s.get(RevisionRow, revision_id)


def latest(s: Transaction, link_id: int) -> RevisionRow | None:
    """The current text of a link (its highest version), None while it is the machine's."""
    return s.scalars(
        select(RevisionRow)
        .where(RevisionRow.link_id == link_id, RevisionRow.version.is_not(None))
        .order_by(RevisionRow.version.desc()).limit(1)
    ).first()


def _latest_versions(doc_id: int | None):
    query = (select(RevisionRow.link_id, func.max(RevisionRow.version).label("v"))
             .where(RevisionRow.version.is_not(None)))
    if doc_id is not None:
        query = query.where(RevisionRow.doc_id == doc_id)
    return query.group_by(RevisionRow.link_id).subquery()


def latest_of_document(s: Transaction, doc_id: int) -> dict[int, RevisionRow]:
    """The latest revision of every link of a document that has one, by link id."""
    versions = _latest_versions(doc_id)
    return {r.link_id: r for r in s.scalars(select(RevisionRow).join(versions, and_(
        RevisionRow.link_id == versions.c.link_id, RevisionRow.version == versions.c.v)))}


def latest_texts(s: Transaction, doc_id: int | None) -> dict[int, str]:
    """The current text of every corrected link (of one document, or all), by link id."""
    versions = _latest_versions(doc_id)
    return dict(s.execute(select(RevisionRow.link_id, RevisionRow.text).join(versions, and_(
        RevisionRow.link_id == versions.c.link_id, RevisionRow.version == versions.c.v))).all())


def of_links(s: Transaction, link_ids: Iterable[int]) -> list[RevisionRow]:
    """Every revision of these links, conflicts included, oldest first."""
    return list(s.scalars(select(RevisionRow).where(RevisionRow.link_id.in_(list(link_ids)))
                          .order_by(RevisionRow.created_at, RevisionRow.id)))


def add(s: Transaction, doc_id: int, link_id: int, version: int | None,
        base_version: int | None, kind: str, text: str, author_id: int,
        created_at: datetime, parent_id: int | None = None) -> RevisionRow:
    """A new revision, flushed: a version a concurrent writer took first is refused
    here (:class:`workbench.store.ConstraintViolation` when the transaction ends)."""
    row = RevisionRow(doc_id=doc_id, link_id=link_id, version=version,
                      base_version=base_version, kind=kind, text=text, author_id=author_id,
                      created_at=created_at, parent_id=parent_id)
    s.add(row)
    s.flush()
    return row


def activity(s: Transaction, doc_id: int | None) -> list:
    """(author_id, kind, count, last created_at) of revisions, of one document or all."""
    query = select(RevisionRow.author_id, RevisionRow.kind, func.count(),
                   func.max(RevisionRow.created_at))
    if doc_id is not None:
        query = query.where(RevisionRow.doc_id == doc_id)
    return list(s.execute(query.group_by(RevisionRow.author_id, RevisionRow.kind)).all())
