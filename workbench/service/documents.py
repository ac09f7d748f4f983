"""Use cases of documents: import (files and reviewed XLIFF), list, delete, export view."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime

from workbench.errors import ConflictError, PermissionDenied
from workbench.reading.limits import ReadingLimits
from workbench.model.finding import Finding
from workbench.service import roles
from workbench.service.base import (
    STATUSES, find_document, find_link, is_noise_link, joined,
)
from workbench.service.glossary import GlossaryCases
from workbench.service.hygiene import clean_name
from workbench.service.quality import QualityGateCases
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import DocumentSummary, Progress, User
from workbench.store import ConstraintViolation, Store, Transaction, UserRow
from workbench.store import documents as document_rows
from workbench.store import findings as finding_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows

_RANK = {status: k for k, status in enumerate(STATUSES)}


class DocumentCases:
    """Documents: import and analyse, list with progress, delete, read for export.

    ``analyser`` aligns, scores and checks a new document with the glossary of
    ``glossary``; ``review`` gives the summaries and the review view."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 review: ReviewCases, glossary: GlossaryCases, analyser: Callable,
                 limits: ReadingLimits | None = None, max_analyses: int = 2,
                 quality: QualityGateCases | None = None) -> None:
        self.limits = limits  # caps on an import (Settings), checked before any work
        self.max_analyses = max_analyses  # analyses one user may run at once
        self._running: Counter[int] = Counter()
        self._running_lock = threading.Lock()
        self.store = store
        self.clock = clock
        self.users = users
        self.review = review
        self.glossary = glossary
        self.analyser = analyser
        self.quality = quality  # the quality gate: its overrides go into the QA report

    @contextmanager
    def _analysis_slot(self, actor: User):
        """At most :attr:`max_analyses` imports of one user at once (each can hold a
        core for minutes): the next is refused at once, before any work."""
        with self._running_lock:
            if self._running[actor.id] >= self.max_analyses:
                raise PermissionDenied(
                    f"{actor.name!r} already has {self._running[actor.id]} documents being "
                    "analysed: wait for one to finish, then import again")
            self._running[actor.id] += 1
        try:
            yield
        finally:
            with self._running_lock:
                self._running[actor.id] -= 1

    def count_documents(self) -> int:
        """How many documents exist (first-run checks)."""
        with self.store.read() as s:
            return document_rows.count(s)

    def import_document(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                        target_bytes: bytes, target_name: str,
                        progress: Progress | None = None) -> DocumentSummary:
        """Read both files, check their languages, analyse them (align, score, check) and
        store everything, inside this call; the summary returned carries the reading
        notes.  (The app queues the same work as a job instead:
        :meth:`workbench.service.jobs.JobCases.submit_document`.)

        The analysis runs outside any database transaction (it can take a minute);
        the document is then stored in one transaction, so a crash leaves either the
        whole document or nothing.  The caps of :attr:`limits` are checked first, and
        a user runs at most :attr:`max_analyses` imports at once.
        """
        report = progress or (lambda fraction, message: None)
        self.users.check(actor, "import")
        with self._analysis_slot(actor):
            return self._import(actor, title, source_bytes, source_name, target_bytes,
                                target_name, report)

    def _import(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                target_bytes: bytes, target_name: str, report: Progress) -> DocumentSummary:
        report(0.0, f"Reading {source_name} and {target_name}…")
        source, target, notes = self.read_pair(source_bytes, source_name,
                                               target_bytes, target_name)
        analysis = self.analyse_pair(source, target,
                                     progress=lambda f, m: report(0.05 + 0.85 * f, m))
        report(0.92, "Saving…")
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "import")
            doc_id = self.store_analysis(s, user.id, title, source_name, target_name,
                                         source, target, analysis)
        report(1.0, "Done")
        return replace(self.review.summaries(doc_id)[0], notes=notes)

    def duplicate_of(self, source: list, target: list) -> DocumentSummary | None:
        """A stored document read from the same two files (the same paragraphs on both
        sides), the newest if several; None if there is none."""
        texts = ([p.text for p in source], [p.text for p in target])
        with self.store.read() as s:
            for doc_id in document_rows.same_size(s, len(texts[0]), len(texts[1])):
                stored = tuple([t for _, t in sorted(document_rows.texts(s, doc_id, side)
                                                     .items())] for side in ("source", "target"))
                if stored == texts:
                    break
            else:
                return None
        return self.review.summaries(doc_id)[0]

    def read_pair(self, source_bytes: bytes, source_name: str, target_bytes: bytes,
                  target_name: str) -> tuple[list, list, tuple[str, ...]]:
        """Both documents' paragraphs and the reading notes; a wrong language (swapped
        files, the same file twice) is refused before anything is analysed or stored."""
        from workbench.reading.document import display_name, read_document_with_notes
        from workbench.reading.language import check_pair_languages
        from workbench.service.pages import ARTICLE_SUFFIX, read_page

        def read(data: bytes, name: str):
            if name.lower().endswith(ARTICLE_SUFFIX):  # a saved page: article and furniture
                return read_page(data, name, self.limits)
            return read_document_with_notes(data, name, self.limits)

        source_reading, target_reading = read(source_bytes, source_name), read(target_bytes,
                                                                                target_name)
        source = list(source_reading.paragraphs)
        target = list(target_reading.paragraphs)
        check_pair_languages([p for p in source if not p.furniture] or source,
                             [p for p in target if not p.furniture] or target,
                             source_name, target_name)
        notes = tuple(f"{display_name(name)}: {note}"
                      for name, reading in ((source_name, source_reading),
                                            (target_name, target_reading))
                      for note in reading.notes)
        return source, target, notes

    def analyse_pair(self, source: list, target: list, progress: Progress):
        """Align, score and check with the current glossary (no transaction open)."""
        return self.analyser(source, target, glossary=self.glossary.analysis_glossary(),
                             progress=progress)

    def store_analysis(self, s: Transaction, user_id: int | None, title: str,
                       source_name: str, target_name: str, source: list, target: list,
                       analysis) -> int:
        """Store a new document with its links and findings in the caller's
        transaction; its id."""
        now = self.clock()
        title = clean_name(title) or clean_name(source_name)  # no controls, no bidi overrides
        doc = document_rows.add(s, title, user_id, now, source_name,
                                target_name, analysis.signature or "", source, target)
        mt = {p.index: p.text for p in target}
        marked = ({p.index for p in source if p.furniture}, {p.index for p in target if p.furniture})
        rows = link_rows.add(s, doc.id, analysis.links, start=0, created_at=now, furniture=[
            is_noise_link(link.source, joined(mt, link.target))
            or (bool(link.source or link.target) and set(link.source) <= marked[0]
                and set(link.target) <= marked[1]) for link in analysis.links])
        finding_rows.add(s, doc.id, rows, analysis.findings)
        return doc.id

    def list_documents(self, actor: User) -> list[DocumentSummary]:
        """Every document with its review progress, newest first."""
        self.users.check(actor, "view")
        return self.review.summaries()

    def delete_document(self, actor: User, doc_id: int) -> None:
        """Remove a document and everything attached to it (admin only)."""
        with self.store.session() as s:
            self.users.authorize(s, actor, "manage_users")
            document_rows.delete_with_parts(s, find_document(s, doc_id))

    def reviewed_document(self, actor: User, doc_id: int):
        """The document as exporters read it (:class:`workbench.model.reviewed_document.ReviewedDocument`):
        one unit per link with its current text and state.  Needs the export right."""
        from workbench.model.reviewed_document import (
            ReviewedDocument, ReviewedFinding, ReviewedUnit, state_of_status,
        )

        self.users.check(actor, "export")
        review = self.review.get_review(actor, doc_id)
        units = []
        for row in review.rows:
            findings = tuple(ReviewedFinding(Finding(
                f.kind, f.severity, row.source, row.target, f.term, f.expected, f.found,
                f.message, f.source_spans, f.target_spans, f.check, confidence=f.confidence),
                "dismissed" if f.status == "dismissed" else "open")
                for f in row.findings if f.status != "fixed")  # a fixed one is no problem
            notes = [f"MQM {t.category} ({t.severity}){': ' + t.note if t.note else ''}"
                     for t in row.mqm]
            if row.furniture_by:  # a reviewer's choice, not the classifier's
                notes.append(f"{'page furniture' if row.furniture else 'not page furniture'}"
                             f" (set by {row.furniture_by})")
            note = "; ".join(notes)
            units.append(ReviewedUnit(
                ordinal=row.ordinal, source_indexes=row.source, target_indexes=row.target,
                source_text=row.source_text, mt_text=row.mt_text, final_text=row.current_text,
                state=state_of_status(row.status), score=float(row.score), findings=findings,
                reviewer=row.status_by, note=note,
                is_noise=row.furniture))
        overrides = self.quality.overrides(doc_id) if self.quality is not None else ()
        return ReviewedDocument(review.document.title, units=tuple(units), overrides=overrides)

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
        from workbench.export.xliff import apply_imported, import_xliff
        from workbench.reading.document import display_name

        name = display_name(name)
        imported = import_xliff(data, name)
        before = self.reviewed_document(actor, doc_id)  # checks the export right
        after, changed = apply_imported(before, imported, name)
        if not changed:
            return []
        old = {u.ordinal: u for u in before.units}
        new = {u.ordinal: u for u in after.units}
        try:
            with self.store.session() as s:
                user = self.users.authorize(s, actor, "correct")
                granted = {a for a in ("review", "approve")
                           if roles.allows(user.roles.split(), a)}
                now = self.clock()
                return [ordinal for ordinal in changed
                        if self._apply_unit(s, doc_id, ordinal, old[ordinal], new[ordinal],
                                            user, granted, now, name)]
        except ConstraintViolation:
            raise ConflictError(
                f"{name}: someone saved a link of document {doc_id} while the file was "
                "imported; nothing was imported — import it again") from None

    @staticmethod
    def _apply_unit(s: Transaction, doc_id: int, ordinal: int, old, new, user: UserRow,
                    granted: set[str], now: datetime, name: str) -> bool:
        """Save one imported unit's text and state; whether the link changed."""
        from workbench.model.reviewed_document import STATE_OF_STATUS

        link = find_link(s, doc_id, ordinal, lock=True)
        latest = revision_rows.latest(s, link.id)
        current = latest.text if latest else old.mt_text
        if current != old.final_text:
            raise ConflictError(
                f"{name}: link {ordinal} of document {doc_id} was changed by someone "
                "while the file was imported; nothing was imported — import it again")
        touched = False
        text = new.final_text
        # A blank target is a CAT tool's empty cell, not a wish to delete.
        if text != current and (text.strip() or not current.strip()):
            revision_rows.add(s, doc_id, link.id, (latest.version if latest else 0) + 1,
                              latest.version if latest else 0, "import", text, user.id, now,
                              parent_id=latest.id if latest else None)
            touched = True
        status = {state: st for st, state in STATE_OF_STATUS.items()}[new.state]
        needed = "approve" if status == "approved" else "review"
        if status != "new" and _RANK[status] > _RANK[link.status] and needed in granted:
            link_rows.set_status(s, link, status, user.id, now)
            touched = True
        return touched
