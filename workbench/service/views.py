"""The frozen views the service returns, and the conflict it raises.

Methods of :class:`workbench.service.Service` return these, never ORM objects, so the UI
cannot write to the database behind the service's back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from workbench.errors import ConflictError
from workbench.model.finding import Span
from workbench.model.link import ScoreComponent
from workbench.postedit.metrics import PostEdit


Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class User:
    """A user as the service checks it; ``locked`` after failed sign-ins; ``session``:
    the sign-in's digest, checked live before every action ('' for a listed user)."""

    id: int
    name: str
    roles: frozenset[str]
    disabled: bool = False
    created_at: datetime | None = None
    locked: bool = False
    session: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class Session:
    """A login: the opaque token the UI keeps, valid until ``expires_at`` (UTC)."""

    token: str
    user: User
    expires_at: datetime


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list, with review progress."""

    id: int
    title: str
    created_by: str
    created_at: datetime
    source_name: str
    target_name: str
    signature: str
    links: int
    reviewed: int  # links reviewed or approved
    approved: int
    corrected: int  # links with at least one saved revision
    open_findings: int
    #: What reading the files changed ("a.txt: converted from Windows-1256 …"); only
    #: filled in by :meth:`Service.import_document`, for the user who just imported.
    notes: tuple[str, ...] = ()

    @property
    def progress(self) -> float:
        """Share of links reviewed or approved, 0..1."""
        return self.reviewed / self.links if self.links else 0.0


@dataclass(frozen=True)
class FindingView:
    """A stored finding with its review state."""

    id: int
    link_id: int
    kind: str
    severity: str
    term: str
    expected: tuple[str, ...]
    found: str | None
    message: str
    check: str
    source_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    status: str  # "open" or "dismissed"
    dismiss_reason: str | None = None
    dismissed_by: str | None = None


@dataclass(frozen=True)
class MqmTag:
    """An MQM error annotation on a link."""

    id: int
    link_id: int
    category: str
    severity: str
    note: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class ReviewRow:
    """One link as the review screen shows it.

    ``version`` is what the reviewer must send back with a correction
    (:meth:`Service.save_correction`'s ``base_version``); ``link_id`` identifies the link
    across realignments (ordinals shift when links are merged or split).
    """

    link_id: int
    ordinal: int
    source: tuple[int, ...]
    target: tuple[int, ...]
    source_text: str
    mt_text: str
    current_text: str
    version: int
    status: str
    status_by: str | None
    status_at: datetime | None
    score: float
    components: tuple[ScoreComponent, ...]
    signature: str
    findings: tuple[FindingView, ...]
    mqm: tuple[MqmTag, ...] = ()

    @property
    def corrected(self) -> bool:
        return self.version > 0


@dataclass(frozen=True)
class Review:
    """A whole document for review: its summary and one row per link, in order."""

    document: DocumentSummary
    rows: tuple[ReviewRow, ...]
    source_paragraphs: tuple[str, ...]
    target_paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class RevisionView:
    """One entry of a link's history.

    ``kind`` is ``edit``, ``restore``, ``import`` (from an XLIFF), ``realign`` or
    ``conflict``; a conflict revision
    holds a refused save and has no version (it never became the current text).
    ``parent_id`` is the revision it replaced (None: it replaced the machine text).
    """

    id: int
    link_id: int
    version: int | None
    kind: str
    text: str
    author: str
    created_at: datetime
    parent_id: int | None
    base_version: int | None = None
    notes: tuple[str, ...] = ()  # what a save removed from the typed text


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary term as stored (status approved/suggested/rejected)."""

    id: int
    source: str
    target: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    category: str = "term"
    note: str = ""
    status: str = "approved"
    suggested_by: str | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class ReviewerActivity:
    """What one user did, for the dashboard."""

    user: str
    corrections: int
    conflicts: int
    reviewed: int
    approved: int
    dismissed: int
    last_active: datetime | None


@dataclass(frozen=True)
class CorrectedLink:
    """A link whose current text differs from the machine translation (what
    :func:`workbench.glossary.suggestions.suggest_terms` learns from)."""

    doc_id: int
    ordinal: int
    source_text: str
    mt_text: str
    final_text: str


@dataclass(frozen=True)
class DocumentEffort:
    """Post-edit effort of one document (corpus chrF++/TER over its non-noise links)."""

    doc_id: int
    title: str
    links: int
    corrected: int
    effort: PostEdit


@dataclass(frozen=True)
class LinkEffort:
    """Post-edit effort of one link: machine text against its current text."""

    ordinal: int
    effort: PostEdit
    is_noise: bool = False


@dataclass(frozen=True)
class PostEditReport:
    """A document's post-edit figures: the whole document and each link.

    ``document`` leaves page noise out, as the QA report does; every figure carries
    sacrebleu's signature so it can be reproduced.
    """

    doc_id: int
    document: PostEdit
    links: tuple[LinkEffort, ...]


@dataclass(frozen=True)
class Dashboard:
    """Figures across documents (or one document when ``doc_id`` is given).

    ``score_bins`` are the upper edges of ten equal bins over [0, 1];
    ``post_edit_effort`` is the mean character edit ratio between machine and current
    text over corrected links (kept for old callers), None if nothing was corrected;
    ``post_edit`` and ``post_edit_by_document`` are the chrF++/TER figures.
    """

    documents: int
    links: int
    score_bins: tuple[float, ...]
    score_counts: tuple[int, ...]
    findings_by_kind: dict[str, int]
    open_findings_by_kind: dict[str, int]
    findings_by_severity: dict[str, int]
    status_counts: dict[str, int]
    post_edit_effort: float | None
    activity: tuple[ReviewerActivity, ...] = field(default=())
    #: chrF++/TER of the machine text against the current text over every link of the
    #: scope but page noise (:func:`workbench.postedit.metrics.measure_document`, the QA
    #: report's figure), with sacrebleu's signature; None without links.
    post_edit: PostEdit | None = None
    post_edit_by_document: tuple[DocumentEffort, ...] = field(default=())


class SaveConflict(ConflictError):
    """A correction was refused because someone saved the link in the meantime.

    Both texts are kept: ``your_text`` is stored as a conflict revision
    (``conflict_revision_id``) and the UI should keep it in the form next to
    ``their_text`` (version ``their_version``), so the reviewer can merge and save
    again with ``base_version=their_version``.
    """

    def __init__(
        self,
        message: str,
        *,
        doc_id: int,
        link_id: int,
        link_ordinal: int,
        your_text: str,
        base_version: int,
        their_text: str,
        their_version: int,
        their_author: str | None,
        conflict_revision_id: int | None,
    ) -> None:
        super().__init__(message)
        self.doc_id = doc_id
        self.link_id = link_id
        self.link_ordinal = link_ordinal
        self.your_text = your_text
        self.base_version = base_version
        self.their_text = their_text
        self.their_version = their_version
        self.their_author = their_author
        self.conflict_revision_id = conflict_revision_id
