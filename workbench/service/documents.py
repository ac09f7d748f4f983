"""Use cases of documents: import (files and reviewed XLIFF), list, delete, export view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from workbench.service import roles
from workbench.errors import ConflictError
from workbench.model.finding import Finding
from workbench.model.link import Link, ScoreComponent
from workbench.service.base import STATUSES, ServiceBase, _is_noise_link
from workbench.service.views import DocumentSummary, Progress, User
from workbench.store import (
    DocumentRow, FindingRow, LinkRow, MqmTagRow, ParagraphRow, RevisionRow, StatusEventRow,
)


def _components_json(components: Sequence[ScoreComponent]) -> list[dict]:
    return [{"name": c.name, "value": float(c.value), "explanation": c.explanation}
            for c in components]


def _spans_json(finding: Finding) -> dict:
    return {
        "source": [[s.paragraph, s.start, s.end] for s in finding.source_spans],
        "target": [[s.paragraph, s.start, s.end] for s in finding.target_spans],
    }


class DocumentCases(ServiceBase):
    """Documents: import and analyse, list with progress, delete, read for export."""

    def count_documents(self) -> int:
        """How many documents exist (first-run checks)."""
        with self.store.read() as s:
            return s.scalar(select(func.count(DocumentRow.id))) or 0

    def import_document(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                        target_bytes: bytes, target_name: str,
                        progress: Progress | None = None) -> DocumentSummary:
        """Read both files, check their languages, analyse them (align, score, check) and
        store everything; the summary returned carries the reading notes.

        The analysis runs outside any database transaction (it can take a minute);
        the document is then stored in one transaction, so a crash leaves either the
        whole document or nothing.
        """
        from workbench.reading.document import display_name, read_document_with_notes
        from workbench.reading.language import check_pair_languages

        report = progress or (lambda fraction, message: None)
        with self.store.read() as s:
            self._actor(s, actor, "import")
        report(0.0, f"Reading {source_name} and {target_name}…")
        source_reading = read_document_with_notes(source_bytes, source_name)
        target_reading = read_document_with_notes(target_bytes, target_name)
        source = list(source_reading.paragraphs)
        target = list(target_reading.paragraphs)
        # Wrong language (swapped files, the same file twice): refused before anything
        # is analysed or stored.
        check_pair_languages(source, target, source_name, target_name)
        notes = tuple(f"{display_name(name)}: {note}"
                      for name, reading in ((source_name, source_reading),
                                            (target_name, target_reading))
                      for note in reading.notes)
        analysis = self.analyser(
            source, target, glossary=self._analysis_glossary(),
            progress=lambda f, m: report(0.05 + 0.85 * f, m),
        )
        report(0.92, "Saving…")
        title = title.strip() or source_name
        with self.store.session() as s:
            user = self._actor(s, actor, "import")
            doc = DocumentRow(title=title, created_by=user.id, created_at=self.clock(),
                              source_name=source_name, target_name=target_name,
                              signature=analysis.signature or "")
            s.add(doc)
            s.flush()
            s.add_all(ParagraphRow(doc_id=doc.id, side=side, idx=p.index, text=p.text)
                      for side, paragraphs in (("source", source), ("target", target))
                      for p in paragraphs)
            rows = self._add_links(s, doc.id, analysis.links, start=0)
            self._add_findings(s, doc.id, rows, analysis.findings)
            doc_id = doc.id
        report(1.0, "Done")
        return replace(self._summaries(doc_id)[0], notes=notes)

    def _add_links(self, s: OrmSession, doc_id: int, links: Sequence[Link],
                   start: int) -> list[LinkRow]:
        now = self.clock()
        rows = [LinkRow(doc_id=doc_id, ordinal=start + k, source_idx=list(link.source),
                        target_idx=list(link.target), score=float(link.score),
                        components=_components_json(link.components),
                        signature=link.signature or "", status="new", created_at=now)
                for k, link in enumerate(links)]
        s.add_all(rows)
        s.flush()
        return rows

    @staticmethod
    def _add_findings(s: OrmSession, doc_id: int, rows: Sequence[LinkRow],
                      findings: Sequence[Finding]) -> int:
        """Attach each finding to its link: by exact paragraphs, else by the link that
        holds its first paragraph (a finding is never dropped silently)."""
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
                             message=f.message, check=f.check or "", spans=_spans_json(f),
                             status="open"))
            added += 1
        return added

    def _summaries(self, doc_id: int | None = None) -> list[DocumentSummary]:
        """Summaries with progress in four grouped queries, whatever the number of
        documents."""
        with self.store.read() as s:
            docs = select(DocumentRow).order_by(DocumentRow.created_at.desc(),
                                                DocumentRow.id.desc())
            if doc_id is not None:
                docs = docs.where(DocumentRow.id == doc_id)
            documents = list(s.scalars(docs))
            active = LinkRow.ordinal.is_not(None)
            status = {}
            for d, st, n in s.execute(select(LinkRow.doc_id, LinkRow.status, func.count())
                                      .where(active).group_by(LinkRow.doc_id, LinkRow.status)):
                status.setdefault(d, {})[st] = n
            corrected = dict(s.execute(
                select(LinkRow.doc_id, func.count(func.distinct(RevisionRow.link_id)))
                .join(RevisionRow, RevisionRow.link_id == LinkRow.id)
                .where(active, RevisionRow.version.is_not(None)).group_by(LinkRow.doc_id)).all())
            open_findings = dict(s.execute(
                select(FindingRow.doc_id, func.count())
                .join(LinkRow, LinkRow.id == FindingRow.link_id)
                .where(active, FindingRow.status == "open").group_by(FindingRow.doc_id)).all())
            names = self._names(s)
        out = []
        for doc in documents:
            counts = status.get(doc.id, {})
            out.append(DocumentSummary(
                doc.id, doc.title, names.get(doc.created_by, "?"), doc.created_at,
                doc.source_name, doc.target_name, doc.signature, sum(counts.values()),
                counts.get("reviewed", 0) + counts.get("approved", 0), counts.get("approved", 0),
                corrected.get(doc.id, 0), open_findings.get(doc.id, 0)))
        return out

    def list_documents(self, actor: User) -> list[DocumentSummary]:
        """Every document with its review progress, newest first."""
        with self.store.read() as s:
            self._actor(s, actor, "view")
        return self._summaries()

    def delete_document(self, actor: User, doc_id: int) -> None:
        """Remove a document and everything attached to it (admin only)."""
        with self.store.session() as s:
            self._actor(s, actor, "manage_users")
            doc = self._document(s, doc_id)
            for table in (FindingRow, MqmTagRow, StatusEventRow, RevisionRow, LinkRow,
                          ParagraphRow):
                s.execute(delete(table).where(table.doc_id == doc_id))
            s.delete(doc)

    def reviewed_document(self, actor: User, doc_id: int):
        """The document as exporters read it (:class:`workbench.model.reviewed_document.ReviewedDocument`):
        one unit per link with its current text and state.  Needs the export right."""
        from workbench.model.reviewed_document import (
            ReviewedDocument, ReviewedFinding, ReviewedUnit, state_of_status,
        )

        with self.store.read() as s:
            self._actor(s, actor, "export")
        review = self.get_review(actor, doc_id)
        units = []
        for row in review.rows:
            findings = tuple(ReviewedFinding(Finding(
                f.kind, f.severity, row.source, row.target, f.term, f.expected, f.found,
                f.message, f.source_spans, f.target_spans, f.check),
                "dismissed" if f.status == "dismissed" else "open") for f in row.findings)
            note = "; ".join(f"MQM {t.category} ({t.severity}){': ' + t.note if t.note else ''}"
                             for t in row.mqm)
            units.append(ReviewedUnit(
                ordinal=row.ordinal, source_indexes=row.source, target_indexes=row.target,
                source_text=row.source_text, mt_text=row.mt_text, final_text=row.current_text,
                state=state_of_status(row.status), score=float(row.score), findings=findings,
                reviewer=row.status_by, note=note,
                is_noise=_is_noise_link(row.source, row.mt_text)))
        return ReviewedDocument(review.document.title, units=tuple(units))

    def import_xliff(self, actor: User, doc_id: int, data: bytes, name: str) -> list[int]:
        """Bring corrections back from a reviewed XLIFF (1.2 or 2.0) exported by the
        workbench; returns the ordinals of the links that changed.

        Each changed target becomes a revision of kind ``import`` (author ``actor``,
        based on the link's current version).  A unit the file marks reviewed or final
        moves the link forward to reviewed/approved when ``actor``'s roles allow it
        (approving needs the editor role); a file never moves a link back, so a stale
        file cannot undo an approval.  The whole file is checked first (well-formed,
        same document, same sources) and saved in one transaction: a bad file, or a link
        someone changed in the meantime, saves nothing.
        """
        from workbench.reading.document import display_name
        from workbench.export.xliff import apply_imported, import_xliff
        from workbench.model.reviewed_document import STATE_OF_STATUS

        name = display_name(name)
        imported = import_xliff(data, name)
        before = self.reviewed_document(actor, doc_id)  # checks the export right
        after, changed = apply_imported(before, imported, name)
        if not changed:
            return []
        old = {u.ordinal: u for u in before.units}
        new = {u.ordinal: u for u in after.units}
        status_of_state = {state: status for status, state in STATE_OF_STATUS.items()}
        rank = {status: k for k, status in enumerate(STATUSES)}
        done: list[int] = []
        try:
            with self.store.session() as s:
                user = self._actor(s, actor, "correct")
                granted = {a for a in ("review", "approve")
                           if roles.allows(user.roles.split(), a)}
                now = self.clock()
                for ordinal in changed:
                    link = self._link(s, doc_id, ordinal, lock=True)
                    latest = self._latest(s, link.id)
                    current = latest.text if latest else old[ordinal].mt_text
                    if current != old[ordinal].final_text:
                        raise ConflictError(
                            f"{name}: link {ordinal} of document {doc_id} was changed by someone "
                            "while the file was imported; nothing was imported — import it again")
                    touched = False
                    text = new[ordinal].final_text
                    # A blank target is a CAT tool's empty cell, not a wish to delete.
                    if text != current and (text.strip() or not current.strip()):
                        s.add(RevisionRow(doc_id=doc_id, link_id=link.id,
                                          version=(latest.version if latest else 0) + 1,
                                          base_version=latest.version if latest else 0,
                                          kind="import", text=text, author_id=user.id,
                                          created_at=now, parent_id=latest.id if latest else None))
                        touched = True
                    status = status_of_state[new[ordinal].state]
                    needed = "approve" if status == "approved" else "review"
                    if (status != "new" and rank[status] > rank[link.status] and needed in granted):
                        link.status, link.status_by, link.status_at = status, user.id, now
                        s.add(StatusEventRow(doc_id=doc_id, link_id=link.id, status=status,
                                             user_id=user.id, created_at=now))
                        touched = True
                    if touched:
                        done.append(ordinal)
                s.flush()  # the unique (doc, link, version) refuses a concurrent twin here
        except IntegrityError:
            raise ConflictError(
                f"{name}: someone saved a link of document {doc_id} while the file was "
                "imported; nothing was imported — import it again") from None
        return done
