"""Use cases of reviewing a document: the review view and document summaries, review
states, findings dismissed or reopened, MQM tags."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from workbench.errors import NotFound, WorkbenchError
from workbench.model.mqm import MQM_CATEGORIES, MQM_SEVERITIES
from workbench.service.base import (
    PARAGRAPH_JOINER, STATUSES, find_document, find_link, finding_view, joined,
)
from workbench.service.hygiene import clean_text
from workbench.service.users import UserCases
from workbench.service.views import (
    DocumentSummary, FindingView, MqmTag, Review, ReviewRow, User, split_text,
)
from workbench.store import DocumentRow, FindingRow, LinkRow, RevisionRow, Store, Transaction
from workbench.store import documents as document_rows
from workbench.store import findings as finding_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows
from workbench.store import users as user_rows


def _with_fix(finding: FindingView, text: str, indexes: tuple[int, ...]) -> FindingView:
    """An open finding that knows the right rendering, with its one-click fix: the
    flagged words of ``text`` (the link's current text) and what replaces them."""
    if (finding.status != "open" or not finding.expected or finding.found is None
            or len(finding.target_spans) != 1):
        return finding
    from workbench.checks.fixes import known_forms, rewrite
    from workbench.pipeline import shipped_glossary

    span = finding.target_spans[0]
    offset = 0
    for index, paragraph in split_text(indexes, text).items():
        if index == span.paragraph:
            break
        offset += len(paragraph) + len(PARAGRAPH_JOINER)
    else:
        return finding
    start, end = offset + span.start, offset + span.end
    flagged = text[start:end]
    if not flagged.strip() or end > len(text):
        return finding
    fix = rewrite(flagged, finding.expected[0], known_forms(shipped_glossary()))
    if fix == flagged:
        return finding
    return replace(finding, flagged=flagged, fix=fix, fix_span=(start, end))


def _row(link: LinkRow, source: dict[int, str], target: dict[int, str],
         latest: RevisionRow | None, names: dict[int, str],
         findings: list[FindingView], tags: list[MqmTag]) -> ReviewRow:
    mt = joined(target, link.target_idx)
    current = latest.text if latest else mt
    findings = [_with_fix(f, current, tuple(link.target_idx)) for f in findings]
    return ReviewRow(
        link.id, link.ordinal, tuple(link.source_idx), tuple(link.target_idx),
        joined(source, link.source_idx), mt, current,
        latest.version if latest else 0, link.status,
        names.get(link.status_by) if link.status_by else None, link.status_at,
        link.score, link_rows.components(link.components), link.signature,
        tuple(findings), tuple(tags), bool(link.furniture),
        names.get(link.furniture_by) if link.furniture_by else None)


def _summary(doc: DocumentRow, names: dict[int, str], rows: list[ReviewRow]) -> DocumentSummary:
    """The summary from the rows just loaded: one snapshot, no further queries (page
    furniture is not counted as work)."""
    work = [r for r in rows if not r.furniture]
    return DocumentSummary(
        doc.id, doc.title, names.get(doc.created_by, "?"), doc.created_at,
        doc.source_name, doc.target_name, doc.signature, len(work),
        sum(r.status in ("reviewed", "approved") for r in work),
        sum(r.status == "approved" for r in work), sum(r.corrected for r in rows),
        sum(f.status == "open" for r in work for f in r.findings),
        furniture=len(rows) - len(work))


class ReviewCases:
    """Reading documents for review, and the review state of links and findings."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases) -> None:
        self.store = store
        self.clock = clock
        self.users = users

    def summaries(self, doc_id: int | None = None) -> list[DocumentSummary]:
        """Summaries with progress in four grouped queries, whatever the number of
        documents (no permission check: callers check first)."""
        with self.store.read() as s:
            documents = document_rows.newest_first(s, doc_id)
            status = document_rows.status_counts(s)
            corrected = document_rows.corrected_counts(s)
            open_findings = document_rows.open_finding_counts(s)
            names = user_rows.names(s)
        out = []
        for doc in documents:
            counts = dict(status.get(doc.id, {}))
            furniture = counts.pop("furniture", 0)
            out.append(DocumentSummary(
                doc.id, doc.title, names.get(doc.created_by, "?"), doc.created_at,
                doc.source_name, doc.target_name, doc.signature, sum(counts.values()),
                counts.get("reviewed", 0) + counts.get("approved", 0), counts.get("approved", 0),
                corrected.get(doc.id, 0), open_findings.get(doc.id, 0), furniture=furniture))
        return out

    def get_review(self, actor: User, doc_id: int) -> Review:
        """The review view of a document, loaded with a fixed number of queries
        (paragraphs, links, latest revisions, findings, tags), not one per link."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            doc = find_document(s, doc_id)
            paragraphs = document_rows.paragraphs(s, doc_id)
            links = link_rows.current(s, doc_id)
            latest = revision_rows.latest_of_document(s, doc_id)
            findings = finding_rows.of_document(s, doc_id)
            tags = finding_rows.tags_of_document(s, doc_id)
            names = user_rows.names(s)
        source = {i: t for side, i, t in paragraphs if side == "source"}
        target = {i: t for side, i, t in paragraphs if side == "target"}
        by_link: dict[int, list[FindingView]] = {}
        for f in findings:
            by_link.setdefault(f.link_id, []).append(finding_view(f, names))
        tags_by_link: dict[int, list[MqmTag]] = {}
        for t in tags:
            tags_by_link.setdefault(t.link_id, []).append(MqmTag(
                t.id, t.link_id, t.category, t.severity, t.note, names.get(t.author_id, "?"),
                t.created_at))
        rows = [_row(link, source, target, latest.get(link.id), names,
                     by_link.get(link.id, []), tags_by_link.get(link.id, []))
                for link in links]
        return Review(_summary(doc, names, rows), tuple(rows),
                      tuple(source[i] for i in sorted(source)),
                      tuple(target[i] for i in sorted(target)))

    def set_status(self, actor: User, doc_id: int, link_ordinal: int, status: str) -> ReviewRow:
        """Mark a link new/reviewed (translator) or approved (editor); taking back an
        approval also needs the editor role."""
        if status not in STATUSES:
            raise WorkbenchError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
        with self.store.session() as s:
            link = find_link(s, doc_id, link_ordinal, lock=True)
            needs_approve = status == "approved" or link.status == "approved"
            user = self.users.authorize(s, actor, "approve" if needs_approve else "review")
            if link.status != status:
                link_rows.set_status(s, link, status, user.id, self.clock())
        review = self.get_review(actor, doc_id)
        return review.rows[link_ordinal]

    def set_furniture(self, actor: User, doc_id: int, link_ordinal: int,
                      furniture: bool) -> ReviewRow:
        """Move a link into page furniture (chrome: not work, left out of progress and
        post-edit figures, marked in exports) or back out of it."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "review")
            link = find_link(s, doc_id, link_ordinal, lock=True)
            link_rows.set_furniture(link, furniture, user.id)
        return self.get_review(actor, doc_id).rows[link_ordinal]

    @staticmethod
    def _finding(s: Transaction, finding_id: int) -> FindingRow:
        row = finding_rows.get(s, finding_id)
        if row is None:
            raise NotFound(f"finding {finding_id} does not exist: reload the document")
        return row

    def dismiss_finding(self, actor: User, finding_id: int, reason: str) -> FindingView:
        """Dismiss a finding with a reason (kept with who and when)."""
        reason = clean_text(reason or "")[0].strip()  # no controls or bidi overrides
        if not reason:
            raise WorkbenchError(f"finding {finding_id}: say why it is dismissed")
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "dismiss")
            row = self._finding(s, finding_id)
            finding_rows.dismiss(s, row, reason, user.id, self.clock())
            return finding_view(row, {user.id: user.name})

    def reopen_finding(self, actor: User, finding_id: int) -> FindingView:
        """Undo a dismissal."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "dismiss")
            row = self._finding(s, finding_id)
            finding_rows.reopen(s, row)
            return finding_view(row, {user.id: user.name})

    def tag_mqm(self, actor: User, doc_id: int, link_ordinal: int, category: str,
                severity: str, note: str = "") -> MqmTag:
        """Attach an MQM error tag to a link."""
        if category not in MQM_CATEGORIES:
            raise WorkbenchError(
                f"unknown MQM category {category!r}: use one of {', '.join(MQM_CATEGORIES)}")
        if severity not in MQM_SEVERITIES:
            raise WorkbenchError(
                f"unknown MQM severity {severity!r}: use one of {', '.join(MQM_SEVERITIES)}")
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "tag_mqm")
            link = find_link(s, doc_id, link_ordinal)
            row = finding_rows.add_tag(s, doc_id, link.id, category, severity,
                                       clean_text(note or "")[0],
                                       user.id, self.clock())
            return MqmTag(row.id, link.id, category, severity, row.note, user.name,
                          row.created_at)
