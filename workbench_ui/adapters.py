"""Views of the service turned into the core's models, for exports.

Composes public service calls only (no SQL).  ``reviewed_document`` is used when the
service has no ``reviewed_document`` of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench import roles
from workbench.finding import Finding
from workbench.glossary import Glossary, GlossaryEntry
from workbench.noise import is_noise
from workbench.reviewed import ReviewedDocument, ReviewedFinding, ReviewedUnit
from workbench.service import GlossaryTerm, Service, User

_STATES = {"new": "machine", "reviewed": "reviewed", "approved": "final"}


def reviewed_document(service: Service, user: User, doc_id: int) -> ReviewedDocument:
    """The document as exporters read it: one unit per link, current texts, states."""
    if hasattr(service, "reviewed_document"):
        return service.reviewed_document(user, doc_id)
    roles.require(user.name, user.roles, "export")
    review = service.get_review(user, doc_id)
    units = []
    for row in review.rows:
        findings = tuple(ReviewedFinding(Finding(
            f.kind, f.severity, row.source, row.target, f.term, f.expected, f.found, f.message,
            f.source_spans, f.target_spans, f.check),
            "dismissed" if f.status == "dismissed" else "open") for f in row.findings)
        units.append(ReviewedUnit(
            ordinal=row.ordinal, source_indexes=row.source, target_indexes=row.target,
            source_text=row.source_text, mt_text=row.mt_text, final_text=row.current_text,
            state=_STATES.get(row.status, "machine"), score=float(row.score),
            findings=findings, reviewer=row.status_by,
            is_noise=not row.source and bool(row.mt_text) and is_noise(row.mt_text)))
    return ReviewedDocument(review.document.title, units=tuple(units))


def glossary_of(terms: Iterable[GlossaryTerm], name: str = "workbench") -> Glossary:
    """Stored terms as a :class:`Glossary`, for the CSV/TBX writers."""
    return Glossary((GlossaryEntry(t.source, t.target, tuple(t.variants), tuple(t.forbidden),
                                   t.category, t.note) for t in terms), name=name)
