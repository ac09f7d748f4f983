"""The service's shared constants and helpers: row lookups that raise NotFound, views of
rows, and the default analyser and rescorer."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import timedelta

from workbench.config import Settings
from workbench.errors import NotFound
from workbench.model.finding import Span
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.reading.limits import ReadingLimits
from workbench.service.views import FindingView, RevisionView, User
from workbench.store import DocumentRow, FindingRow, LinkRow, RevisionRow, Transaction, UserRow
from workbench.store import documents as document_rows
from workbench.store import links as link_rows

STATUSES = ("new", "reviewed", "approved")
DEFAULT_SESSION_TTL = timedelta(hours=12)
PARAGRAPH_JOINER = "\n\n"  # a link's text: its target paragraphs separated by a blank line


def joined(texts: dict[int, str], indexes: Sequence[int]) -> str:
    """A link's text: its paragraphs' texts joined by :data:`PARAGRAPH_JOINER`."""
    return PARAGRAPH_JOINER.join(texts[i] for i in indexes)


def spans(data: list | None) -> tuple[Span, ...]:
    return tuple(Span(int(p), int(s), int(e)) for p, s, e in data or ())


def stored_confidence(row: FindingRow) -> float:
    """A stored finding's confidence (kept with its spans; 1 when none was stored)."""
    return float((row.spans or {}).get("confidence", 1.0))


def is_noise_link(source: Sequence[int], mt_text: str) -> bool:
    """Page furniture (an ad, a menu) with no source: left out of post-edit figures,
    as :meth:`DocumentCases.reviewed_document` marks it for the QA report."""
    if source or not mt_text:
        return False
    from workbench.reading.furniture import is_noise

    return is_noise(mt_text)


def default_analyser(*args, **kwargs):
    """:func:`workbench.pipeline.analyse`, imported when first needed (it is heavy)."""
    from workbench.pipeline import analyse

    return analyse(*args, **kwargs)


def default_coverage(source: Sequence[Paragraph], target: Sequence[Paragraph],
                     links: Sequence[Link]) -> dict:
    """The clause coverage gaps of links (:func:`workbench.pipeline.clause_coverage`),
    which the default scoring weighs with the findings after a re-check."""
    from workbench.pipeline import clause_coverage

    return clause_coverage(source, target, links)


def default_rescorer(source: Sequence[Paragraph], target: Sequence[Paragraph],
                     links: Sequence[Link]) -> list[Link]:
    """Scores for links a reviewer made by hand, by the same fidelity scorer as the
    aligner (paragraphs joined by a newline, as the aligner joins them); the signature
    says the link was made by hand."""
    from workbench.align.fidelity import get_scorer

    scorer = get_scorer()
    src = {p.index: p.text for p in source}
    tgt = {p.index: p.text for p in target}
    two_sided = [link for link in links if link.source and link.target]
    scores = iter(scorer.score_pairs([
        ("\n".join(src[i] for i in link.source), "\n".join(tgt[i] for i in link.target))
        for link in two_sided]))
    out = []
    for link in links:
        if link.source and link.target:
            fid = next(scores)
            out.append(Link(link.source, link.target, fid.score, fid.components,
                            f"{fid.signature}|link:manual"))
        else:
            out.append(Link(link.source, link.target, 0.0, (), f"{scorer.signature}|link:manual"))
    return out


def find_document(s: Transaction, doc_id: int) -> DocumentRow:
    doc = document_rows.get(s, doc_id)
    if doc is None:
        raise NotFound(f"document {doc_id} does not exist: pick one from the document list")
    return doc


def find_link(s: Transaction, doc_id: int, ordinal: int, lock: bool = False) -> LinkRow:
    """The current link at ``ordinal``; NotFound names the document or the link."""
    link = link_rows.at(s, doc_id, ordinal, lock=lock)
    if link is None:
        find_document(s, doc_id)
        raise NotFound(f"document {doc_id} has no paragraph link {ordinal}: reload the document")
    return link


def user_view(row: UserRow, session: str = "") -> User:
    return User(row.id, row.name, frozenset(row.roles.split()), row.disabled, row.created_at,
                row.locked_at is not None, session)


def revision_view(row: RevisionRow, names: dict[int, str]) -> RevisionView:
    return RevisionView(row.id, row.link_id, row.version, row.kind, row.text,
                        names.get(row.author_id, "?"), row.created_at, row.parent_id,
                        row.base_version)


def finding_view(row: FindingRow, names: dict[int, str]) -> FindingView:
    found = row.spans or {}
    return FindingView(
        row.id, row.link_id, row.kind, row.severity, row.term, tuple(row.expected or ()),
        row.found, row.message, row.check, spans(found.get("source")),
        spans(found.get("target")), row.status, row.dismiss_reason,
        names.get(row.dismissed_by) if row.dismissed_by else None, row.fixed_version,
        confidence=stored_confidence(row),
    )


def forward(group: str, method: Callable) -> Callable:
    """A method of :class:`Service` that calls ``method`` on the group ``group``."""
    name = method.__name__

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        return getattr(getattr(self, group), name)(*args, **kwargs)

    return call


def reading_limits(settings: Settings) -> ReadingLimits:
    """The caps on an import, from the settings (:mod:`workbench.reading.limits`)."""
    mb = 1024 * 1024
    return ReadingLimits(settings.max_upload_mb * mb, settings.max_unpacked_mb * mb,
                         settings.max_paragraphs, settings.max_paragraph_chars)
