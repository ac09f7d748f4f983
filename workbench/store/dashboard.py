"""Queries of the dashboard: the rows its figures are computed from, in one snapshot."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from workbench.store import documents, findings, links, revisions
from workbench.store.database import Transaction
from workbench.store.schema import StatusEventRow


@dataclass(frozen=True)
class DashboardRows:
    """What the dashboard reads, for one document or all (``doc_id`` None)."""

    documents: int
    #: (id, doc_id, score, status, source_idx, target_idx) of every current link.
    links: list
    #: (kind, severity, status) of every finding of a current link.
    findings: list
    #: The current text of every corrected link, by link id.
    latest: dict[int, str]
    #: Target paragraphs by (document, index).
    targets: dict[tuple[int, int], str]
    titles: dict[int, str]
    #: (author_id, kind, count, last time) of revisions.
    revisions: list
    #: (user_id, status, count, last time) of review-state changes.
    events: list
    #: (user_id, count, last time) of dismissed findings.
    dismissals: list


def status_events(s: Transaction, doc_id: int | None) -> list:
    """(user_id, status, count, last created_at) of review-state changes."""
    query = select(StatusEventRow.user_id, StatusEventRow.status, func.count(),
                   func.max(StatusEventRow.created_at))
    if doc_id is not None:
        query = query.where(StatusEventRow.doc_id == doc_id)
    return list(s.execute(query.group_by(StatusEventRow.user_id, StatusEventRow.status)).all())


def dashboard_rows(s: Transaction, doc_id: int | None) -> DashboardRows:
    """Everything the dashboard needs in a fixed number of queries."""
    current = links.active_of(s, doc_id)
    scope = {d for _, d, *_ in current}
    return DashboardRows(
        documents=1 if doc_id is not None else documents.count(s),
        links=current,
        findings=findings.kinds(s, doc_id),
        latest=revisions.latest_texts(s, doc_id),
        targets=documents.target_texts(s, scope),
        titles=documents.titles(s, scope),
        revisions=revisions.activity(s, doc_id),
        events=status_events(s, doc_id),
        dismissals=findings.dismissals(s, doc_id),
    )
