"""Queries of what is wrong with a link: check findings (open or dismissed) and MQM tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select

from workbench.model.finding import Finding
from workbench.store.database import Transaction
from workbench.store.schema import FindingRow, LinkRow, MqmTagRow


def spans_json(finding: Finding) -> dict:
    """A finding's spans as stored (JSON): [paragraph, start, end] per side, and its
    confidence when it is below 1 (a check unsure of itself)."""
    return {
        "source": [[s.paragraph, s.start, s.end] for s in finding.source_spans],
        "target": [[s.paragraph, s.start, s.end] for s in finding.target_spans],
    } | ({"confidence": finding.confidence} if finding.confidence < 1.0 else {})


def add(s: Transaction, doc_id: int, rows: Sequence[LinkRow],
        findings: Sequence[Finding]) -> int:
    """Attach each finding to its link: by exact paragraphs, else by the link that
    holds its first paragraph (a finding is never dropped silently).  Returns how many
    were stored (a finding of a link outside ``rows`` belongs to another part)."""
    exact = {(tuple(r.source_idx), tuple(r.target_idx)): r for r in rows}
    by_source = {i: r for r in rows for i in r.source_idx}
    by_target = {i: r for r in rows for i in r.target_idx}
    added = 0
    for f in findings:
        row = exact.get((tuple(f.source), tuple(f.target)))
        if row is None:
            row = next((by_source[i] for i in f.source if i in by_source), None) or next(
                (by_target[i] for i in f.target if i in by_target), None)
        if row is None:
            continue  # belongs to a link outside ``rows`` (realign of a part)
        s.add(FindingRow(doc_id=doc_id, link_id=row.id, kind=f.kind, severity=f.severity,
                         term=f.term or "", expected=list(f.expected), found=f.found,
                         message=f.message, check=f.check or "", spans=spans_json(f),
                         status="open"))
        added += 1
    s.flush()
    return added


def refresh(s: Transaction, row: FindingRow, finding: Finding) -> None:
    """Bring a stored finding up to date with the same problem found again in a new
    text (its words moved, its message or severity changed); its status stays."""
    row.severity, row.message = finding.severity, finding.message
    row.expected, row.found = list(finding.expected), finding.found
    row.spans = spans_json(finding)


def fix(s: Transaction, row: FindingRow, version: int | None) -> None:
    """Close a finding that no longer holds: the text of ``version`` fixed it."""
    row.status, row.fixed_version = "fixed", version


def get(s: Transaction, finding_id: int) -> FindingRow | None:
    return s.get(FindingRow, finding_id)


def of_document(s: Transaction, doc_id: int) -> list[FindingRow]:
    """The findings of a document's current links, in the order they were found."""
    return list(s.scalars(
        select(FindingRow).join(LinkRow, LinkRow.id == FindingRow.link_id)
        .where(FindingRow.doc_id == doc_id, LinkRow.ordinal.is_not(None))
        .order_by(FindingRow.id)))


def of_links(s: Transaction, link_ids: Iterable[int],
             status: str | None = None) -> list[FindingRow]:
    query = select(FindingRow).where(FindingRow.link_id.in_(list(link_ids)))
    if status is not None:
        query = query.where(FindingRow.status == status)
    return list(s.scalars(query))


def dismiss(s: Transaction, row: FindingRow, reason: str | None, user_id: int | None,
            at_time: datetime | None) -> None:
    """Dismiss a finding, recording why, who and when."""
    row.status = "dismissed"
    row.dismiss_reason, row.dismissed_by, row.dismissed_at = reason, user_id, at_time
    s.flush()


def reopen(s: Transaction, row: FindingRow) -> None:
    """Undo a dismissal."""
    row.status, row.fixed_version = "open", None
    row.dismiss_reason, row.dismissed_by, row.dismissed_at = None, None, None
    s.flush()


def kinds(s: Transaction, doc_id: int | None) -> list:
    """(kind, severity, status) of every finding of current links (one document or all)."""
    query = (select(FindingRow.kind, FindingRow.severity, FindingRow.status)
             .join(LinkRow, LinkRow.id == FindingRow.link_id)
             .where(LinkRow.ordinal.is_not(None)))
    if doc_id is not None:
        query = query.where(LinkRow.doc_id == doc_id)
    return list(s.execute(query).all())


def dismissals(s: Transaction, doc_id: int | None) -> list:
    """(dismissed_by, count, last dismissed_at) per user, of one document or all."""
    query = (select(FindingRow.dismissed_by, func.count(), func.max(FindingRow.dismissed_at))
             .where(FindingRow.status == "dismissed"))
    if doc_id is not None:
        query = query.where(FindingRow.doc_id == doc_id)
    return list(s.execute(query.group_by(FindingRow.dismissed_by)).all())


# --------------------------------------------------------------------------- MQM tags


def tags_of_document(s: Transaction, doc_id: int) -> list[MqmTagRow]:
    return list(s.scalars(select(MqmTagRow).where(MqmTagRow.doc_id == doc_id)
                          .order_by(MqmTagRow.id)))


def add_tag(s: Transaction, doc_id: int, link_id: int, category: str, severity: str,
            note: str, author_id: int, created_at: datetime) -> MqmTagRow:
    row = MqmTagRow(doc_id=doc_id, link_id=link_id, category=category, severity=severity,
                    note=note, author_id=author_id, created_at=created_at)
    s.add(row)
    s.flush()
    return row
