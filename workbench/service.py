"""Use cases of the workbench, shared by the Streamlit UI and the CLI.

Every public method takes the acting :class:`User` first and checks its roles
(:mod:`workbench.roles`) before anything else, so the rules hold whatever calls the
service.  Methods return frozen view dataclasses, never ORM objects, so the UI cannot
write to the database behind the service's back.

The unit a reviewer corrects is a LINK's target text (the Arabic of one link).  Its
current text is the latest revision; version 0 means the machine translation (no
revision yet).  Saving a correction names the version the reviewer started from; if
someone saved in between, :class:`SaveConflict` is raised and the refused text is kept
as a ``conflict`` revision, so nothing a reviewer typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from workbench.errors import ConflictError
from workbench.link import ScoreComponent
from workbench.finding import Span

Progress = Callable[[float, str], None]

STATUSES = ("new", "reviewed", "approved")
DEFAULT_SESSION_TTL = timedelta(hours=12)


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class User:
    """A signed-in (or listed) user: what the service needs to check permissions."""

    id: int
    name: str
    roles: frozenset[str]
    disabled: bool = False
    created_at: datetime | None = None


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

    ``kind`` is ``edit``, ``restore``, ``realign`` or ``conflict``; a conflict revision
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
class Dashboard:
    """Figures across documents (or one document when ``doc_id`` is given).

    ``score_bins`` are the upper edges of ten equal bins over [0, 1];
    ``post_edit_effort`` is the mean character edit ratio between machine and current
    text over corrected links (a placeholder for a real effort metric), None if nothing
    was corrected.
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


# --------------------------------------------------------------------------- service


class Service:
    """The use cases over one database.

    ``analyser`` defaults to :func:`workbench.pipeline.analyse` (imported lazily);
    tests inject a fast fake.  ``clock`` returns the current UTC time (tests move it to
    expire sessions).
    """

    def __init__(
        self,
        store,
        analyser: Callable | None = None,
        session_ttl: timedelta = DEFAULT_SESSION_TTL,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        raise NotImplementedError

    # users and sessions ---------------------------------------------------------

    def create_user(self, actor: User | None, name: str, password: str,
                    roles: Sequence[str] | str) -> User:
        """Create a user (admin only; ``actor=None`` allowed only while no user exists)."""
        raise NotImplementedError

    def authenticate(self, name: str, password: str) -> Session:
        """Check a password and open a session; PermissionDenied if wrong or disabled."""
        raise NotImplementedError

    def user_for_token(self, token: str) -> User:
        """The user of a live session; PermissionDenied ("log in again") if expired."""
        raise NotImplementedError

    def logout(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        raise NotImplementedError

    def disable_user(self, actor: User, name: str, disabled: bool = True) -> User:
        """Disable (or re-enable) a user and end their sessions (admin only)."""
        raise NotImplementedError

    def set_roles(self, actor: User, name: str, roles: Sequence[str] | str) -> User:
        """Replace a user's roles (admin only)."""
        raise NotImplementedError

    def set_password(self, actor: User, name: str, password: str) -> None:
        """Change a password (admin, or the user themself)."""
        raise NotImplementedError

    def list_users(self, actor: User) -> list[User]:
        """All users (admin only)."""
        raise NotImplementedError

    # documents ------------------------------------------------------------------

    def import_document(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                        target_bytes: bytes, target_name: str,
                        progress: Progress | None = None) -> DocumentSummary:
        """Read both files, analyse them (align, score, check) and store everything."""
        raise NotImplementedError

    def list_documents(self, actor: User) -> list[DocumentSummary]:
        """Every document with its review progress, newest first."""
        raise NotImplementedError

    def delete_document(self, actor: User, doc_id: int) -> None:
        """Remove a document and everything attached to it (admin only)."""
        raise NotImplementedError

    def get_review(self, actor: User, doc_id: int) -> Review:
        """The review view of a document, loaded with a fixed number of queries."""
        raise NotImplementedError

    # corrections ---------------------------------------------------------------

    def save_correction(self, actor: User, doc_id: int, link_ordinal: int, text: str,
                        base_version: int, link_id: int | None = None) -> RevisionView:
        """Save a new target text for a link, based on ``base_version``.

        Raises :class:`SaveConflict` (text kept) if the link is no longer at
        ``base_version`` or, when ``link_id`` is given, the alignment changed.
        """
        raise NotImplementedError

    def history(self, actor: User, doc_id: int, link_ordinal: int) -> list[RevisionView]:
        """All revisions of a link, oldest first, conflict revisions included."""
        raise NotImplementedError

    def restore_revision(self, actor: User, doc_id: int, revision_id: int,
                         base_version: int) -> RevisionView:
        """Make an old revision's text (or a conflict's) current again, as a new version."""
        raise NotImplementedError

    def set_status(self, actor: User, doc_id: int, link_ordinal: int, status: str) -> ReviewRow:
        """Mark a link new/reviewed (translator) or approved (editor)."""
        raise NotImplementedError

    def dismiss_finding(self, actor: User, finding_id: int, reason: str) -> FindingView:
        """Dismiss a finding with a reason (kept with who and when)."""
        raise NotImplementedError

    def reopen_finding(self, actor: User, finding_id: int) -> FindingView:
        """Undo a dismissal."""
        raise NotImplementedError

    def tag_mqm(self, actor: User, doc_id: int, link_ordinal: int, category: str,
                severity: str, note: str = "") -> MqmTag:
        """Attach an MQM error tag to a link."""
        raise NotImplementedError

    def remove_mqm(self, actor: User, tag_id: int) -> None:
        """Remove an MQM tag."""
        raise NotImplementedError

    # alignment -----------------------------------------------------------------

    def realign(self, actor: User, doc_id: int, ordinals: Sequence[int],
                new_links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> Review:
        """Replace consecutive links by ``new_links`` covering the same paragraphs.

        Scores and findings are recomputed for the new links through the pipeline;
        corrections of replaced links are carried over as a ``realign`` revision.
        """
        raise NotImplementedError

    def merge_links(self, actor: User, doc_id: int, ordinals: Sequence[int]) -> Review:
        """Merge consecutive links into one."""
        raise NotImplementedError

    def split_link(self, actor: User, doc_id: int, link_ordinal: int,
                   source_cut: int, target_cut: int) -> Review:
        """Split a link after its first ``source_cut`` source and ``target_cut`` target
        paragraphs into two links."""
        raise NotImplementedError

    def unlink(self, actor: User, doc_id: int, link_ordinal: int) -> Review:
        """Turn a link into one-sided links (its source alone, its target alone)."""
        raise NotImplementedError

    # glossary ------------------------------------------------------------------

    def list_terms(self, actor: User, status: str | None = None) -> list[GlossaryTerm]:
        """Glossary terms, optionally only one status."""
        raise NotImplementedError

    def add_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                 forbidden: Sequence[str] = (), category: str = "term",
                 note: str = "") -> GlossaryTerm:
        """Add an approved term (glossary maintainer)."""
        raise NotImplementedError

    def update_term(self, actor: User, term_id: int, **fields) -> GlossaryTerm:
        """Change fields of a term (glossary maintainer)."""
        raise NotImplementedError

    def delete_term(self, actor: User, term_id: int) -> None:
        """Delete a term (glossary maintainer)."""
        raise NotImplementedError

    def suggest_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                     forbidden: Sequence[str] = (), category: str = "term",
                     note: str = "") -> GlossaryTerm:
        """Suggest a term (translator); a maintainer approves or rejects it."""
        raise NotImplementedError

    def decide_term(self, actor: User, term_id: int, approve: bool) -> GlossaryTerm:
        """Approve or reject a suggestion (glossary maintainer)."""
        raise NotImplementedError

    # dashboard -----------------------------------------------------------------

    def dashboard(self, actor: User, doc_id: int | None = None) -> Dashboard:
        """Score distribution, findings by kind, effort placeholder, reviewer activity."""
        raise NotImplementedError


def open_service(url: str | None = None, analyser: Callable | None = None,
                 upgrade: bool = True) -> Service:
    """A service on the configured database (``WORKBENCH_DB_URL`` or SQLite under
    ``WORKBENCH_DATA_DIR``), migrated to the latest schema first."""
    raise NotImplementedError
