"""Queries of documents: the document rows, their paragraphs and the progress counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, func, select

from workbench.model.paragraph import Paragraph
from workbench.store.database import Transaction
from workbench.store.schema import (
    DocumentRow, FindingRow, LinkRow, MqmTagRow, ParagraphRow, QualityOverrideRow, RevisionRow,
    StatusEventRow,
)

#: What belongs to a document, children first (deleted in this order).
_PARTS = (FindingRow, MqmTagRow, StatusEventRow, RevisionRow, QualityOverrideRow, LinkRow,
          ParagraphRow)


def get(s: Transaction, doc_id: int) -> DocumentRow | None:
    return s.get(DocumentRow, doc_id)


def count(s: Transaction) -> int:
    return s.scalar(select(func.count(DocumentRow.id))) or 0


def newest_first(s: Transaction, doc_id: int | None = None) -> list[DocumentRow]:
    """Every document (or only ``doc_id``), newest first."""
    query = select(DocumentRow).order_by(DocumentRow.created_at.desc(), DocumentRow.id.desc())
    if doc_id is not None:
        query = query.where(DocumentRow.id == doc_id)
    return list(s.scalars(query))


def titles(s: Transaction, doc_ids: Iterable[int]) -> dict[int, str]:
    return dict(s.execute(select(DocumentRow.id, DocumentRow.title)
                          .where(DocumentRow.id.in_(list(doc_ids)))).all())


def add(s: Transaction, title: str, created_by: int, created_at: datetime, source_name: str,
        target_name: str, signature: str, source: Sequence[Paragraph],
        target: Sequence[Paragraph]) -> DocumentRow:
    """A new document with its paragraphs exactly as read, flushed (its id is set)."""
    doc = DocumentRow(title=title, created_by=created_by, created_at=created_at,
                      source_name=source_name, target_name=target_name, signature=signature)
    s.add(doc)
    s.flush()
    s.add_all(ParagraphRow(doc_id=doc.id, side=side, idx=p.index, text=p.text)
              for side, paragraphs in (("source", source), ("target", target))
              for p in paragraphs)
    return doc


def delete_with_parts(s: Transaction, doc: DocumentRow) -> None:
    """Remove a document and everything attached to it."""
    for table in _PARTS:
        s.execute(delete(table).where(table.doc_id == doc.id))
    s.delete(doc)


def texts(s: Transaction, doc_id: int, side: str,
          indexes: Sequence[int] | None = None) -> dict[int, str]:
    """The paragraphs of one side (``source`` or ``target``), by index."""
    query = select(ParagraphRow.idx, ParagraphRow.text).where(
        ParagraphRow.doc_id == doc_id, ParagraphRow.side == side)
    if indexes is not None:
        query = query.where(ParagraphRow.idx.in_(list(indexes)))
    return dict(s.execute(query).all())


def paragraphs(s: Transaction, doc_id: int) -> list[tuple[str, int, str]]:
    """Every paragraph of a document as (side, index, text)."""
    return [tuple(r) for r in s.execute(
        select(ParagraphRow.side, ParagraphRow.idx, ParagraphRow.text)
        .where(ParagraphRow.doc_id == doc_id)).all()]


def target_texts(s: Transaction, doc_ids: Iterable[int]) -> dict[tuple[int, int], str]:
    """The target paragraphs of several documents, by (document, index)."""
    return {(d, i): t for d, i, t in s.execute(
        select(ParagraphRow.doc_id, ParagraphRow.idx, ParagraphRow.text).where(
            ParagraphRow.side == "target", ParagraphRow.doc_id.in_(list(doc_ids))))}


def status_counts(s: Transaction) -> dict[int, dict[str, int]]:
    """Per document, how many current links (page furniture aside) are in each review
    state; page furniture is counted under ``"furniture"``."""
    out: dict[int, dict[str, int]] = {}
    for d, furniture, status, n in s.execute(
            select(LinkRow.doc_id, LinkRow.furniture, LinkRow.status, func.count())
            .where(LinkRow.ordinal.is_not(None))
            .group_by(LinkRow.doc_id, LinkRow.furniture, LinkRow.status)):
        key = "furniture" if furniture else status
        out.setdefault(d, {})[key] = out.get(d, {}).get(key, 0) + n
    return out


def same_size(s: Transaction, sources: int, targets: int) -> list[int]:
    """Documents with that many source and target paragraphs (candidates for the same
    two files), newest first."""
    counts: dict[int, dict[str, int]] = {}
    for doc_id, side, n in s.execute(select(ParagraphRow.doc_id, ParagraphRow.side, func.count())
                                     .group_by(ParagraphRow.doc_id, ParagraphRow.side)):
        counts.setdefault(doc_id, {})[side] = n
    return sorted((d for d, c in counts.items()
                   if c.get("source", 0) == sources and c.get("target", 0) == targets),
                  reverse=True)


def open_ids(s: Transaction) -> list[int]:
    """Documents still open: some current work link (page furniture aside) is not
    approved."""
    return list(s.scalars(
        select(LinkRow.doc_id).where(LinkRow.ordinal.is_not(None), LinkRow.furniture.is_(False),
                                     LinkRow.status != "approved")
        .group_by(LinkRow.doc_id).order_by(LinkRow.doc_id)))


def corrected_counts(s: Transaction) -> dict[int, int]:
    """Per document, how many current links have a saved revision."""
    return dict(s.execute(
        select(LinkRow.doc_id, func.count(func.distinct(RevisionRow.link_id)))
        .join(RevisionRow, RevisionRow.link_id == LinkRow.id)
        .where(LinkRow.ordinal.is_not(None), RevisionRow.version.is_not(None))
        .group_by(LinkRow.doc_id)).all())


def open_finding_counts(s: Transaction) -> dict[int, int]:
    """Per document, how many findings of current links (page furniture aside) are open."""
    return dict(s.execute(
        select(FindingRow.doc_id, func.count())
        .join(LinkRow, LinkRow.id == FindingRow.link_id)
        .where(LinkRow.ordinal.is_not(None), FindingRow.status == "open",
               LinkRow.furniture.is_(False))
        .group_by(FindingRow.doc_id)).all())


def open_critical(s: Transaction, doc_id: int) -> int:
    """How many critical findings of the document's current work links are open."""
    return s.scalar(
        select(func.count()).select_from(FindingRow)
        .join(LinkRow, LinkRow.id == FindingRow.link_id)
        .where(FindingRow.doc_id == doc_id, LinkRow.ordinal.is_not(None),
               LinkRow.furniture.is_(False), FindingRow.status == "open",
               FindingRow.severity == "critical")) or 0


def add_override(s: Transaction, doc_id: int, action: str, reason: str, open_critical: int,
                 user_id: int, created_at: datetime) -> QualityOverrideRow:
    row = QualityOverrideRow(doc_id=doc_id, action=action, reason=reason,
                             open_critical=open_critical, user_id=user_id,
                             created_at=created_at)
    s.add(row)
    s.flush()
    return row


def overrides(s: Transaction, doc_id: int) -> list[QualityOverrideRow]:
    """The quality-gate overrides of a document, oldest first."""
    return list(s.scalars(select(QualityOverrideRow).where(QualityOverrideRow.doc_id == doc_id)
                          .order_by(QualityOverrideRow.id)))
