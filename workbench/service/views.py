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
# the figures' views, kept with them (re-exported: callers import them from here)
from workbench.service.figure_views import (  # noqa: F401
    CorrectedLink, Dashboard, DocumentEffort, LinkEffort, PostEditReport, ReviewerActivity,
)


Progress = Callable[[float, str], None]


def split_text(indexes: tuple[int, ...], text: str) -> dict[int, str]:
    """A link's text back into its target paragraphs: one block per paragraph when the
    blank lines (``PARAGRAPH_JOINER``) still match, else the whole text on the first."""
    blocks = text.split("\n\n")
    if len(blocks) == len(indexes):
        return dict(zip(indexes, blocks))
    return {i: (text if k == 0 else "") for k, i in enumerate(indexes)}


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
    open_findings: int  # ``links``, ``reviewed``, … leave page furniture out

    #: What reading the files changed ("a.txt: converted from Windows-1256 …"); only
    #: filled in by :meth:`Service.import_document`, for the user who just imported.
    notes: tuple[str, ...] = ()
    #: links that are page furniture (chrome: menus, ads, bylines), not counted above
    furniture: int = 0

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
    status: str  # "open", "dismissed" or "fixed" (no longer found in the current text)
    dismiss_reason: str | None = None
    dismissed_by: str | None = None
    fixed_version: int | None = None  # the version of the text that fixed it
    #: a one-click fix of an open finding: ``flagged`` (the words as they stand at
    #: ``fix_span`` of the link's current text) becomes ``fix`` (clitics kept)
    flagged: str | None = None
    fix: str | None = None
    fix_span: tuple[int, int] | None = None
    #: how sure the check is (1: certain; the fidelity score weighs a finding by it)
    confidence: float = 1.0


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
    #: page furniture, not work (classified at import, or set by ``furniture_by``)
    furniture: bool = False
    furniture_by: str | None = None

    @property
    def corrected(self) -> bool:
        return self.version > 0

    @property
    def current_paragraphs(self) -> dict[int, str]:
        """The current text by target paragraph (what the findings' spans point into):
        one block per paragraph when the blank lines still match, else the whole text
        on the first paragraph."""
        return split_text(self.target, self.current_text)


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
    removed_characters: int = 0  # how many characters that was (controls, bidi overrides)
    #: what re-checking the saved text changed (:mod:`workbench.service.recheck`): findings
    #: closed as fixed, findings opened, the link's new fidelity (None: not re-scored)
    findings_fixed: int = 0
    findings_opened: int = 0
    score: float | None = None


@dataclass(frozen=True)
class GlossaryTerm:
    """A glossary term as stored (status approved/suggested/rejected/deleted)."""

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
    #: the shipped file it came from ("" for a term made here), and whether someone
    #: changed it since (a new version of the file then leaves it alone)
    origin: str = ""
    edited: bool = False


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
