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
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

from sqlalchemy import and_, delete, func, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from workbench import auth, roles
from workbench.errors import (
    ConflictError, GlossaryFormatError, NotFound, PermissionDenied, WorkbenchError,
)
from workbench.finding import Finding, Span
from workbench.link import Link, ScoreComponent
from workbench.mqm import MQM_CATEGORIES, MQM_SEVERITIES
from workbench.paragraph import Paragraph
from workbench.postedit import PostEdit, measure
from workbench.posteditstats import EffortStats
from workbench.roles import ADMIN, parse_roles
from workbench.store import (
    DocumentRow, FindingRow, GlossaryTermRow, LinkRow, MqmTagRow, ParagraphRow, RevisionRow,
    SessionRow, StatusEventRow, Store, UserRow, utcnow,
)

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
    :func:`workbench.suggest.suggest_terms` learns from)."""

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
    #: scope but page noise (:func:`workbench.postedit.measure_document`, the QA
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


# --------------------------------------------------------------------------- service

PARAGRAPH_JOINER = "\n\n"  # a link's text: its target paragraphs separated by a blank line
TERM_CATEGORIES = ("person", "place", "admin_level", "organization", "title", "term")
TERM_STATUSES = ("approved", "suggested", "rejected")
_SCORE_BINS = tuple(round(0.1 * k, 1) for k in range(1, 11))


def _same_save_again(latest: RevisionRow | None, user_id: int, base_version: int,
                     kind: str, text: str) -> bool:
    """Whether the current revision is this very save, already committed."""
    return (latest is not None and latest.author_id == user_id and latest.kind == kind
            and latest.base_version == base_version and latest.text == text)


def _joined(texts: dict[int, str], indexes: Sequence[int]) -> str:
    return PARAGRAPH_JOINER.join(texts[i] for i in indexes)


def _components_json(components: Sequence[ScoreComponent]) -> list[dict]:
    return [{"name": c.name, "value": float(c.value), "explanation": c.explanation}
            for c in components]


def _components(data: list | None) -> tuple[ScoreComponent, ...]:
    return tuple(ScoreComponent(d["name"], float(d["value"]), d.get("explanation", ""))
                 for d in data or ())


def _spans_json(finding: Finding) -> dict:
    return {
        "source": [[s.paragraph, s.start, s.end] for s in finding.source_spans],
        "target": [[s.paragraph, s.start, s.end] for s in finding.target_spans],
    }


def _spans(data: list | None) -> tuple[Span, ...]:
    return tuple(Span(int(p), int(s), int(e)) for p, s, e in data or ())


def _default_analyser(*args, **kwargs):
    from workbench.pipeline import analyse

    return analyse(*args, **kwargs)


def _default_rescorer(source: Sequence[Paragraph], target: Sequence[Paragraph],
                      links: Sequence[Link]) -> list[Link]:
    """Scores for links a reviewer made by hand, by the same fidelity scorer as the
    aligner (paragraphs joined by a newline, as the aligner joins them); the signature
    says the link was made by hand."""
    try:
        from workbench.pipeline import score_links
    except ImportError:
        score_links = None
    if score_links is not None:
        return list(score_links(source, target, links))
    from workbench.score import get_scorer

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


class Service:
    """The use cases over one database.

    ``analyser`` defaults to :func:`workbench.pipeline.analyse` (imported lazily);
    tests inject a fast fake.  ``rescorer(source, target, links) -> links`` scores the
    links a reviewer made by hand (default: ``workbench.pipeline.score_links``).
    ``clock`` returns the current UTC time (tests move it to expire sessions);
    ``bcrypt_rounds`` is lowered only by tests.
    """

    def __init__(
        self,
        store: Store,
        analyser: Callable | None = None,
        session_ttl: timedelta = DEFAULT_SESSION_TTL,
        clock: Callable[[], datetime] | None = None,
        rescorer: Callable | None = None,
        bcrypt_rounds: int = auth.BCRYPT_ROUNDS,
        glossary: object | None = None,
    ) -> None:
        self.store = store
        self.analyser = analyser or _default_analyser
        self.rescorer = rescorer or _default_rescorer
        self.session_ttl = session_ttl
        self.clock = clock or utcnow
        self.bcrypt_rounds = bcrypt_rounds
        self.glossary = glossary
        self.effort = EffortStats()  # post-edit statistics, re-scored only when texts change

    # helpers ------------------------------------------------------------------

    def _actor(self, s: OrmSession, actor: User, action: str) -> UserRow:
        """The acting user as stored now (roles re-read: a stale or forged User object
        grants nothing), after checking ``action`` is allowed."""
        row = s.get(UserRow, actor.id) if actor is not None else None
        if row is None or row.name != actor.name:
            raise PermissionDenied("unknown user: log in again")
        if row.disabled:
            raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
        roles.require(row.name, row.roles.split(), action)
        return row

    @staticmethod
    def _user_view(row: UserRow) -> User:
        return User(row.id, row.name, frozenset(row.roles.split()), row.disabled, row.created_at)

    @staticmethod
    def _document(s: OrmSession, doc_id: int) -> DocumentRow:
        doc = s.get(DocumentRow, doc_id)
        if doc is None:
            raise NotFound(f"document {doc_id} does not exist: pick one from the document list")
        return doc

    @staticmethod
    def _link(s: OrmSession, doc_id: int, ordinal: int, lock: bool = False) -> LinkRow:
        query = select(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal == ordinal)
        if lock:
            query = query.with_for_update()
        link = s.scalars(query).first()
        if link is None:
            Service._document(s, doc_id)
            raise NotFound(
                f"document {doc_id} has no paragraph link {ordinal}: reload the document"
            )
        return link

    @staticmethod
    def _latest(s: OrmSession, link_id: int) -> RevisionRow | None:
        return s.scalars(
            select(RevisionRow)
            .where(RevisionRow.link_id == link_id, RevisionRow.version.is_not(None))
            .order_by(RevisionRow.version.desc()).limit(1)
        ).first()

    @staticmethod
    def _texts(s: OrmSession, doc_id: int, side: str,
               indexes: Sequence[int] | None = None) -> dict[int, str]:
        query = select(ParagraphRow.idx, ParagraphRow.text).where(
            ParagraphRow.doc_id == doc_id, ParagraphRow.side == side)
        if indexes is not None:
            query = query.where(ParagraphRow.idx.in_(list(indexes)))
        return dict(s.execute(query).all())

    def _names(self, s: OrmSession) -> dict[int, str]:
        return dict(s.execute(select(UserRow.id, UserRow.name)).all())

    @staticmethod
    def _revision_view(row: RevisionRow, names: dict[int, str]) -> RevisionView:
        return RevisionView(row.id, row.link_id, row.version, row.kind, row.text,
                            names.get(row.author_id, "?"), row.created_at, row.parent_id,
                            row.base_version)

    @staticmethod
    def _finding_view(row: FindingRow, names: dict[int, str]) -> FindingView:
        spans = row.spans or {}
        return FindingView(
            row.id, row.link_id, row.kind, row.severity, row.term, tuple(row.expected or ()),
            row.found, row.message, row.check, _spans(spans.get("source")),
            _spans(spans.get("target")), row.status, row.dismiss_reason,
            names.get(row.dismissed_by) if row.dismissed_by else None,
        )

    # users and sessions ---------------------------------------------------------

    def create_user(self, actor: User | None, name: str, password: str,
                    roles: Sequence[str] | str) -> User:
        """Create a user (admin only).

        ``actor=None`` (the first-run command, no sign-in) is allowed while no user
        exists, or to create the first admin of a database that has none yet (the app
        made the demo account, which is no admin, on its first start)."""
        name = name.strip()
        if not name:
            raise PermissionDenied("a user needs a name")
        role_set = parse_roles(roles)
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        with self.store.session() as s:
            if actor is None:
                first_admin = ADMIN in role_set and not self._has_admin(s)
                if s.scalar(select(func.count(UserRow.id))) and not first_admin:
                    raise PermissionDenied(
                        "users already exist: sign in as an admin to create more users"
                    )
            else:
                self._actor(s, actor, "manage_users")
            if s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise ConflictError(f"user {name!r} already exists: choose another name")
            row = UserRow(name=name, password_hash=password_hash,
                          roles=" ".join(sorted(role_set)), disabled=False,
                          created_at=self.clock())
            s.add(row)
            try:
                s.flush()
            except IntegrityError as exc:
                raise ConflictError(f"user {name!r} already exists: choose another name") from exc
            return self._user_view(row)

    def authenticate(self, name: str, password: str) -> Session:
        """Check a password and open a session; PermissionDenied if wrong or disabled."""
        with self.store.session() as s:
            row = s.scalars(select(UserRow).where(UserRow.name == name.strip())).first()
            if row is None:
                auth.verify_password(password, _DUMMY_HASH)  # same time as a real check
                raise PermissionDenied("wrong user name or password")
            if not auth.verify_password(password, row.password_hash):
                raise PermissionDenied("wrong user name or password")
            if row.disabled:
                raise PermissionDenied(f"user {row.name!r} is disabled: ask an admin")
            token = auth.new_token()
            now = self.clock()
            expires = now + self.session_ttl
            # Forgotten sessions (closed tabs) are swept at the next login.
            s.execute(delete(SessionRow).where(SessionRow.user_id == row.id,
                                               SessionRow.expires_at <= now))
            s.add(SessionRow(token_hash=auth.token_digest(token), user_id=row.id,
                             created_at=now, expires_at=expires))
            return Session(token, self._user_view(row), expires)

    def user_for_token(self, token: str) -> User:
        """The user of a live session; PermissionDenied ("log in again") if expired."""
        with self.store.read() as s:
            found = s.execute(
                select(SessionRow, UserRow).join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == auth.token_digest(token or ""))
            ).first()
            if found is None:
                raise PermissionDenied("not signed in (or the session was ended): log in again")
            session_row, user_row = found
        if session_row.expires_at <= self.clock():
            with self.store.session() as s:
                s.execute(delete(SessionRow).where(SessionRow.id == session_row.id))
            raise PermissionDenied(
                f"session expired at {session_row.expires_at:%Y-%m-%d %H:%M} UTC: "
                "log in again"
            )
        if user_row.disabled:
            raise PermissionDenied(f"user {user_row.name!r} is disabled: ask an admin")
        return self._user_view(user_row)

    def logout(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        with self.store.session() as s:
            s.execute(delete(SessionRow).where(
                SessionRow.token_hash == auth.token_digest(token or "")))

    def _target_user(self, s: OrmSession, name: str) -> UserRow:
        row = s.scalars(select(UserRow).where(UserRow.name == name)).first()
        if row is None:
            raise NotFound(f"no user named {name!r}: check the spelling in the user list")
        return row

    def disable_user(self, actor: User, name: str, disabled: bool = True) -> User:
        """Disable (or re-enable) a user and end their sessions (admin only)."""
        with self.store.session() as s:
            me = self._actor(s, actor, "manage_users")
            row = self._target_user(s, name)
            if disabled and row.id == me.id:
                raise PermissionDenied("you cannot disable your own account")
            row.disabled = disabled
            if disabled:
                s.execute(delete(SessionRow).where(SessionRow.user_id == row.id))
            s.flush()
            return self._user_view(row)

    def set_roles(self, actor: User, name: str, roles: Sequence[str] | str) -> User:
        """Replace a user's roles (admin only)."""
        role_set = parse_roles(roles)
        with self.store.session() as s:
            self._actor(s, actor, "manage_users")
            row = self._target_user(s, name)
            row.roles = " ".join(sorted(role_set))
            s.flush()
            return self._user_view(row)

    def set_password(self, actor: User, name: str, password: str) -> None:
        """Change a password (admin, or the user themself); ends the user's sessions."""
        password_hash = auth.hash_password(password, self.bcrypt_rounds)
        with self.store.session() as s:
            if actor is None or actor.name != name:
                self._actor(s, actor, "manage_users")
            else:
                self._actor(s, actor, "view")
            row = self._target_user(s, name)
            row.password_hash = password_hash
            s.execute(delete(SessionRow).where(SessionRow.user_id == row.id))

    @staticmethod
    def _has_admin(s: OrmSession) -> bool:
        return any(ADMIN in r.split() for r in s.scalars(
            select(UserRow.roles).where(UserRow.disabled.is_(False))))

    def has_admin(self) -> bool:
        """Whether an enabled admin exists (else the first one may be created without
        signing in, see :meth:`create_user`)."""
        with self.store.read() as s:
            return self._has_admin(s)

    def count_users(self) -> int:
        """How many users exist (first-run checks; reveals nothing else)."""
        with self.store.read() as s:
            return s.scalar(select(func.count(UserRow.id))) or 0

    def count_documents(self) -> int:
        """How many documents exist (first-run checks)."""
        with self.store.read() as s:
            return s.scalar(select(func.count(DocumentRow.id))) or 0

    def has_user(self, name: str) -> bool:
        with self.store.read() as s:
            return s.scalar(select(UserRow.id).where(UserRow.name == name)) is not None

    def list_users(self, actor: User) -> list[User]:
        """All users (admin only)."""
        with self.store.read() as s:
            self._actor(s, actor, "manage_users")
            return [self._user_view(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]

    # documents ------------------------------------------------------------------

    def import_document(self, actor: User, title: str, source_bytes: bytes, source_name: str,
                        target_bytes: bytes, target_name: str,
                        progress: Progress | None = None) -> DocumentSummary:
        """Read both files, check their languages, analyse them (align, score, check) and
        store everything; the summary returned carries the reading notes.

        The analysis runs outside any database transaction (it can take a minute);
        the document is then stored in one transaction, so a crash leaves either the
        whole document or nothing.
        """
        from workbench.document import display_name, read_document_with_notes
        from workbench.language import check_pair_languages

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

    def get_review(self, actor: User, doc_id: int) -> Review:
        """The review view of a document, loaded with a fixed number of queries
        (paragraphs, links, latest revisions, findings, tags), not one per link."""
        with self.store.read() as s:
            self._actor(s, actor, "view")
            doc = self._document(s, doc_id)
            paragraphs = s.execute(select(ParagraphRow.side, ParagraphRow.idx, ParagraphRow.text)
                                   .where(ParagraphRow.doc_id == doc_id)).all()
            links = list(s.scalars(select(LinkRow).where(
                LinkRow.doc_id == doc_id, LinkRow.ordinal.is_not(None)).order_by(LinkRow.ordinal)))
            latest_version = (
                select(RevisionRow.link_id, func.max(RevisionRow.version).label("v"))
                .where(RevisionRow.doc_id == doc_id, RevisionRow.version.is_not(None))
                .group_by(RevisionRow.link_id).subquery())
            latest = {r.link_id: r for r in s.scalars(
                select(RevisionRow).join(latest_version, and_(
                    RevisionRow.link_id == latest_version.c.link_id,
                    RevisionRow.version == latest_version.c.v)))}
            findings = list(s.scalars(
                select(FindingRow).join(LinkRow, LinkRow.id == FindingRow.link_id)
                .where(FindingRow.doc_id == doc_id, LinkRow.ordinal.is_not(None))
                .order_by(FindingRow.id)))
            tags = list(s.scalars(select(MqmTagRow).where(MqmTagRow.doc_id == doc_id)
                                  .order_by(MqmTagRow.id)))
            names = self._names(s)
        source = {i: t for side, i, t in paragraphs if side == "source"}
        target = {i: t for side, i, t in paragraphs if side == "target"}
        by_link: dict[int, list[FindingView]] = {}
        for f in findings:
            by_link.setdefault(f.link_id, []).append(self._finding_view(f, names))
        tags_by_link: dict[int, list[MqmTag]] = {}
        for t in tags:
            tags_by_link.setdefault(t.link_id, []).append(MqmTag(
                t.id, t.link_id, t.category, t.severity, t.note, names.get(t.author_id, "?"),
                t.created_at))
        rows = []
        for link in links:
            mt = _joined(target, link.target_idx)
            rev = latest.get(link.id)
            rows.append(ReviewRow(
                link.id, link.ordinal, tuple(link.source_idx), tuple(link.target_idx),
                _joined(source, link.source_idx), mt, rev.text if rev else mt,
                rev.version if rev else 0, link.status,
                names.get(link.status_by) if link.status_by else None, link.status_at,
                link.score, _components(link.components), link.signature,
                tuple(by_link.get(link.id, ())), tuple(tags_by_link.get(link.id, ()))))
        # The summary from the rows just loaded: one snapshot, no further queries.
        summary = DocumentSummary(
            doc.id, doc.title, names.get(doc.created_by, "?"), doc.created_at,
            doc.source_name, doc.target_name, doc.signature, len(rows),
            sum(r.status in ("reviewed", "approved") for r in rows),
            sum(r.status == "approved" for r in rows), sum(r.corrected for r in rows),
            sum(f.status == "open" for r in rows for f in r.findings))
        return Review(summary, tuple(rows),
                      tuple(source[i] for i in sorted(source)),
                      tuple(target[i] for i in sorted(target)))

    def reviewed_document(self, actor: User, doc_id: int):
        """The document as exporters read it (:class:`workbench.reviewed.ReviewedDocument`):
        one unit per link with its current text and state.  Needs the export right."""
        from workbench.reviewed import (
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

    # corrections ---------------------------------------------------------------

    def save_correction(self, actor: User, doc_id: int, link_ordinal: int, text: str,
                        base_version: int, link_id: int | None = None) -> RevisionView:
        """Save a new target text for a link, based on ``base_version``.

        Raises :class:`SaveConflict` (text kept as a conflict revision) if the link is
        no longer at ``base_version`` or, when ``link_id`` is given, the alignment
        changed so that another link now has this ordinal.  The returned revision has
        been committed: it survives a crash right after.
        """
        return self._save(actor, doc_id, text, base_version, "edit",
                          lambda s: self._link(s, doc_id, link_ordinal, lock=True),
                          expected_link_id=link_id, label=f"link {link_ordinal}")

    def _save(self, actor: User, doc_id: int, text: str, base_version: int, kind: str,
              locate: Callable[[OrmSession], LinkRow], expected_link_id: int | None,
              label: str) -> RevisionView:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        try:
            with self.store.session() as s:
                user = self._actor(s, actor, "correct")
                link = locate(s)
                latest = self._latest(s, link.id)
                current = latest.version if latest else 0
                stale = current != base_version or (
                    expected_link_id is not None and expected_link_id != link.id)
                if stale and _same_save_again(latest, user.id, base_version, kind, text) \
                        and expected_link_id in (None, link.id):
                    # Its commit went through but the answer was lost (the connection
                    # was cut during COMMIT) and the reviewer pressed save again:
                    # acknowledge it rather than a conflict with their own text.
                    return self._revision_view(latest, {user.id: user.name})
                if not stale:
                    if latest is not None and latest.text == text and kind != "restore":
                        return self._revision_view(latest, {user.id: user.name})
                    row = RevisionRow(doc_id=doc_id, link_id=link.id, version=current + 1,
                                      base_version=base_version, kind=kind, text=text,
                                      author_id=user.id, created_at=self.clock(),
                                      parent_id=latest.id if latest else None)
                    s.add(row)
                    s.flush()  # the unique (doc, link, version) refuses a concurrent twin
                    view = self._revision_view(row, {user.id: user.name})
                    ordinal = link.ordinal
            if not stale:
                return view
        except IntegrityError:
            pass  # someone else took this version between our read and our insert
        return self._refuse(actor, doc_id, text, base_version, locate, expected_link_id, label)

    def _refuse(self, actor: User, doc_id: int, text: str, base_version: int,
                locate: Callable[[OrmSession], LinkRow], expected_link_id: int | None,
                label: str) -> RevisionView:
        """Keep the refused text as a conflict revision, then raise SaveConflict."""
        with self.store.session() as s:
            user = self._actor(s, actor, "correct")
            link = locate(s)
            target_link = link
            if expected_link_id is not None and expected_link_id != link.id:
                # The reviewer's link was replaced by realignment: keep the text on it.
                target_link = s.get(LinkRow, expected_link_id) or link
            latest = self._latest(s, link.id)
            mine_latest = self._latest(s, target_link.id) if target_link is not link else latest
            row = RevisionRow(doc_id=doc_id, link_id=target_link.id, version=None,
                              base_version=base_version, kind="conflict", text=text,
                              author_id=user.id, created_at=self.clock(),
                              parent_id=mine_latest.id if mine_latest else None)
            s.add(row)
            s.flush()
            names = self._names(s)
            their_version = latest.version if latest else 0
            their_text = latest.text if latest else _joined(
                self._texts(s, doc_id, "target", link.target_idx), link.target_idx)
            their_author = names.get(latest.author_id) if latest else None
            conflict_id, link_id, ordinal = row.id, link.id, link.ordinal
        if expected_link_id is not None and expected_link_id != link_id:
            why = (f"the alignment of {label} changed since you opened it "
                   "(links were merged, split or unlinked)")
        else:
            why = (f"{label} was saved by {their_author or 'someone'} as version "
                   f"{their_version} after you opened version {base_version}")
        raise SaveConflict(
            f"Not saved: {why}. Your text is kept (conflict revision {conflict_id}); "
            "compare it with the current text, merge, and save again.",
            doc_id=doc_id, link_id=link_id, link_ordinal=ordinal, your_text=text,
            base_version=base_version, their_text=their_text, their_version=their_version,
            their_author=their_author, conflict_revision_id=conflict_id)

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
        from workbench.document import display_name
        from workbench.export.xliff import apply_imported, import_xliff
        from workbench.reviewed import STATE_OF_STATUS

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

    def history(self, actor: User, doc_id: int, link_ordinal: int) -> list[RevisionView]:
        """All revisions of a link, oldest first, conflict revisions included, and those
        of the links it replaced by realignment (their ``link_id`` differs), so texts
        typed before a merge or split stay reachable."""
        with self.store.read() as s:
            self._actor(s, actor, "view")
            link = self._link(s, doc_id, link_ordinal)
            ids = {link.id} | self._ancestors(s, doc_id, link.id)
            rows = list(s.scalars(select(RevisionRow).where(RevisionRow.link_id.in_(ids))
                                  .order_by(RevisionRow.created_at, RevisionRow.id)))
            names = self._names(s)
            return [self._revision_view(r, names) for r in rows]

    @staticmethod
    def _ancestors(s: OrmSession, doc_id: int, link_id: int) -> set[int]:
        """Ids of the retired links that realignment replaced, directly or not, by
        ``link_id`` (and that share a paragraph with it)."""
        retired = s.execute(select(LinkRow.id, LinkRow.replaced_by, LinkRow.source_idx,
                                   LinkRow.target_idx)
                            .where(LinkRow.doc_id == doc_id, LinkRow.ordinal.is_(None))).all()
        if not retired:
            return set()
        here = s.get(LinkRow, link_id)
        paragraphs = {("s", i) for i in here.source_idx} | {("t", i) for i in here.target_idx}
        found: set[int] = set()
        frontier = {link_id}
        while frontier:
            step = {r.id for r in retired if r.id not in found
                    and frontier & set(r.replaced_by or ())
                    and paragraphs & ({("s", i) for i in r.source_idx}
                                      | {("t", i) for i in r.target_idx})}
            found |= step
            frontier = step
        return found

    @staticmethod
    def _successor(s: OrmSession, link: LinkRow) -> LinkRow | None:
        """The current link holding a retired link's paragraphs (its first target
        paragraph, else its first source paragraph)."""
        side, index = ("t", link.target_idx[0]) if link.target_idx else ("s", link.source_idx[0])
        for row in s.scalars(select(LinkRow).where(LinkRow.doc_id == link.doc_id,
                                                   LinkRow.ordinal.is_not(None))):
            if index in (row.target_idx if side == "t" else row.source_idx):
                return row
        return None

    def restore_revision(self, actor: User, doc_id: int, revision_id: int,
                         base_version: int) -> RevisionView:
        """Make an old revision's text (or a conflict's) current again, as a new version
        of the link that now holds its paragraphs; ``base_version`` is that link's
        current version (as the review shows it).

        To go back to the machine translation use :meth:`restore_machine_text`.
        """
        with self.store.read() as s:
            self._actor(s, actor, "correct")
            rev = s.get(RevisionRow, revision_id)
            if rev is None or rev.doc_id != doc_id:
                raise NotFound(f"document {doc_id} has no revision {revision_id}: reload history")
            link = s.get(LinkRow, rev.link_id)
            if link.ordinal is None:
                link = self._successor(s, link)
                if link is None:
                    raise NotFound(f"revision {revision_id}: its paragraphs are in no link")
            link_id, text, version = link.id, rev.text, rev.version
        label = f"revision {version if version is not None else revision_id}"
        return self._save(actor, doc_id, text, base_version, "restore",
                          lambda s: self._link_by_id(s, doc_id, link_id),
                          expected_link_id=None, label=f"the link of {label}")

    def restore_machine_text(self, actor: User, doc_id: int, link_ordinal: int,
                             base_version: int) -> RevisionView:
        """Make the machine translation current again (as a new version)."""
        with self.store.read() as s:
            self._actor(s, actor, "correct")
            link = self._link(s, doc_id, link_ordinal)
            mt = _joined(self._texts(s, doc_id, "target", link.target_idx), link.target_idx)
        return self._save(actor, doc_id, mt, base_version, "restore",
                          lambda s: self._link(s, doc_id, link_ordinal, lock=True),
                          expected_link_id=link.id, label=f"link {link_ordinal}")

    @staticmethod
    def _link_by_id(s: OrmSession, doc_id: int, link_id: int) -> LinkRow:
        link = s.scalars(select(LinkRow).where(LinkRow.id == link_id).with_for_update()).first()
        if link is None or link.doc_id != doc_id or link.ordinal is None:
            raise NotFound(f"the link was replaced by realignment in document {doc_id}: reload")
        return link

    def set_status(self, actor: User, doc_id: int, link_ordinal: int, status: str) -> ReviewRow:
        """Mark a link new/reviewed (translator) or approved (editor); taking back an
        approval also needs the editor role."""
        if status not in STATUSES:
            raise WorkbenchError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
        with self.store.session() as s:
            link = self._link(s, doc_id, link_ordinal, lock=True)
            needs_approve = status == "approved" or link.status == "approved"
            user = self._actor(s, actor, "approve" if needs_approve else "review")
            if link.status != status:
                now = self.clock()
                link.status, link.status_by, link.status_at = status, user.id, now
                s.add(StatusEventRow(doc_id=doc_id, link_id=link.id, status=status,
                                     user_id=user.id, created_at=now))
        review = self.get_review(actor, doc_id)
        return review.rows[link_ordinal]

    def _finding(self, s: OrmSession, finding_id: int) -> FindingRow:
        row = s.get(FindingRow, finding_id)
        if row is None:
            raise NotFound(f"finding {finding_id} does not exist: reload the document")
        return row

    def dismiss_finding(self, actor: User, finding_id: int, reason: str) -> FindingView:
        """Dismiss a finding with a reason (kept with who and when)."""
        reason = (reason or "").strip()
        if not reason:
            raise WorkbenchError(f"finding {finding_id}: say why it is dismissed")
        with self.store.session() as s:
            user = self._actor(s, actor, "dismiss")
            row = self._finding(s, finding_id)
            row.status, row.dismiss_reason = "dismissed", reason
            row.dismissed_by, row.dismissed_at = user.id, self.clock()
            s.flush()
            return self._finding_view(row, {user.id: user.name})

    def reopen_finding(self, actor: User, finding_id: int) -> FindingView:
        """Undo a dismissal."""
        with self.store.session() as s:
            user = self._actor(s, actor, "dismiss")
            row = self._finding(s, finding_id)
            row.status, row.dismiss_reason, row.dismissed_by, row.dismissed_at = (
                "open", None, None, None)
            s.flush()
            return self._finding_view(row, {user.id: user.name})

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
            user = self._actor(s, actor, "tag_mqm")
            link = self._link(s, doc_id, link_ordinal)
            row = MqmTagRow(doc_id=doc_id, link_id=link.id, category=category,
                            severity=severity, note=note or "", author_id=user.id,
                            created_at=self.clock())
            s.add(row)
            s.flush()
            return MqmTag(row.id, link.id, category, severity, row.note, user.name,
                          row.created_at)

    def remove_mqm(self, actor: User, tag_id: int) -> None:
        """Remove an MQM tag."""
        with self.store.session() as s:
            self._actor(s, actor, "tag_mqm")
            row = s.get(MqmTagRow, tag_id)
            if row is None:
                raise NotFound(f"MQM tag {tag_id} does not exist: reload the document")
            s.delete(row)

    # alignment -----------------------------------------------------------------

    def realign(self, actor: User, doc_id: int, ordinals: Sequence[int],
                new_links: Sequence[tuple[Sequence[int], Sequence[int]]]) -> Review:
        """Replace consecutive links by ``new_links`` covering the same paragraphs.

        Scores and findings are recomputed for the new links through the pipeline;
        corrections of replaced links are carried over as a ``realign`` revision (the
        replaced links and their history stay in the database).
        """
        ordinals = sorted(set(ordinals))
        if not ordinals or ordinals != list(range(ordinals[0], ordinals[-1] + 1)):
            raise WorkbenchError(f"links {ordinals} are not consecutive: pick neighbouring rows")
        wanted = [(tuple(int(i) for i in a), tuple(int(i) for i in b)) for a, b in new_links]
        with self.store.read() as s:
            self._actor(s, actor, "realign")
            self._document(s, doc_id)
            old = list(s.scalars(select(LinkRow).where(
                LinkRow.doc_id == doc_id, LinkRow.ordinal.in_(ordinals))
                .order_by(LinkRow.ordinal)))
            if len(old) != len(ordinals):
                raise NotFound(f"document {doc_id} has no links {ordinals}: reload the document")
            _check_cover(old, wanted)
            old_covers = [_cover_of(r) for r in old]
            source = [Paragraph(i, t) for i, t in sorted(self._texts(s, doc_id, "source").items())]
            target = [Paragraph(i, t) for i, t in sorted(self._texts(s, doc_id, "target").items())]
            others = [Link(tuple(r.source_idx), tuple(r.target_idx)) for r in s.scalars(
                select(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal.is_not(None),
                                      LinkRow.ordinal.not_in(ordinals))
                .order_by(LinkRow.ordinal))]
        # Score and check outside the transaction (embedding takes time).
        scored = self.rescorer(source, target, [Link(a, b) for a, b in wanted])
        scored = [link if link.source and link.target else
                  Link(link.source, link.target, 0.0, (), link.signature) for link in scored]
        first = ordinals[0]
        whole = others[:first] + list(scored) + others[first:]
        analysis = self.analyser(source, target, glossary=self._analysis_glossary(),
                                 links=whole)
        with self.store.session() as s:
            user = self._actor(s, actor, "realign")
            old = list(s.scalars(select(LinkRow).where(
                LinkRow.doc_id == doc_id, LinkRow.ordinal.in_(ordinals))
                .order_by(LinkRow.ordinal).with_for_update()))
            if [_cover_of(r) for r in old] != old_covers:
                raise ConflictError(
                    f"links {ordinals} of document {doc_id} were changed by someone else "
                    "meanwhile: reload the document and try again")
            carried, orphans = self._carried_texts(s, doc_id, old)
            dismissed = {(f.kind, f.term, f.found): f for f in s.scalars(
                select(FindingRow).where(FindingRow.link_id.in_([r.id for r in old]),
                                         FindingRow.status == "dismissed"))}
            now = self.clock()
            for r in old:
                r.ordinal, r.retired_at = None, now
            s.flush()
            delta = len(scored) - len(old)
            if delta:
                # Two steps through negative numbers: the unique (doc, ordinal) is
                # checked row by row, so a plain "+ delta" could collide mid-update.
                s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id,
                                                LinkRow.ordinal > ordinals[-1])
                          .values(ordinal=-(LinkRow.ordinal + delta) - 1))
                s.execute(update(LinkRow).where(LinkRow.doc_id == doc_id, LinkRow.ordinal < 0)
                          .values(ordinal=-LinkRow.ordinal - 1))
            rows = self._add_links(s, doc_id, scored, start=first)
            for r in old:
                r.replaced_by = [n.id for n in rows]
            self._add_findings(s, doc_id, rows, [
                f for f in analysis.findings
                if (tuple(f.source), tuple(f.target)) in {(a, b) for a, b in wanted}])
            s.flush()
            # A finding someone dismissed stays dismissed when the check reports it again.
            for f in s.scalars(select(FindingRow).where(
                    FindingRow.link_id.in_([r.id for r in rows]))):
                before = dismissed.get((f.kind, f.term, f.found))
                if before is not None:
                    f.status, f.dismiss_reason = "dismissed", before.dismiss_reason
                    f.dismissed_by, f.dismissed_at = before.dismissed_by, before.dismissed_at
            target_texts = self._texts(s, doc_id, "target")
            for row in rows:
                pieces = [carried[i] for i in row.target_idx if carried.get(i)]
                pieces += [orphans.pop(i) for i in row.source_idx if i in orphans]
                text = PARAGRAPH_JOINER.join(pieces)
                if text != _joined(target_texts, row.target_idx):
                    s.add(RevisionRow(doc_id=doc_id, link_id=row.id, version=1,
                                      base_version=0, kind="realign", text=text,
                                      author_id=user.id, created_at=now))
        return self.get_review(actor, doc_id)

    def _carried_texts(self, s: OrmSession, doc_id: int, old: Sequence[LinkRow]
                       ) -> tuple[dict[int, str], dict[int, str]]:
        """What the replaced links' current texts become, so no correction is lost.

        Per target paragraph, the current text of the link that held it: a corrected
        text is split back by blank lines when it still has one block per paragraph,
        else it stays whole on the link's first paragraph.  A translation typed into a
        source-only link (an omission) is returned per its first source paragraph.
        """
        texts = self._texts(s, doc_id, "target")
        out: dict[int, str] = {}
        orphans: dict[int, str] = {}
        for link in old:
            latest = self._latest(s, link.id)
            idx = list(link.target_idx)
            if not idx:
                if latest is not None and latest.text.strip() and link.source_idx:
                    orphans[link.source_idx[0]] = latest.text
                continue
            if latest is None:
                out.update({i: texts[i] for i in idx})
                continue
            blocks = latest.text.split(PARAGRAPH_JOINER)
            if len(blocks) == len(idx):
                out.update(zip(idx, blocks))
            else:
                out.update({i: "" for i in idx})
                out[idx[0]] = latest.text
        return out, orphans

    def merge_links(self, actor: User, doc_id: int, ordinals: Sequence[int]) -> Review:
        """Merge consecutive links into one."""
        review = self.get_review(actor, doc_id)
        rows = [review.rows[o] for o in sorted(ordinals) if 0 <= o < len(review.rows)]
        if len(rows) < 2:
            raise WorkbenchError("pick at least two neighbouring links to merge")
        merged = (tuple(i for r in rows for i in r.source), tuple(i for r in rows for i in r.target))
        return self.realign(actor, doc_id, ordinals, [merged])

    def split_link(self, actor: User, doc_id: int, link_ordinal: int,
                   source_cut: int, target_cut: int) -> Review:
        """Split a link after its first ``source_cut`` source and ``target_cut`` target
        paragraphs into two links."""
        review = self.get_review(actor, doc_id)
        if not 0 <= link_ordinal < len(review.rows):
            raise NotFound(f"document {doc_id} has no link {link_ordinal}: reload the document")
        row = review.rows[link_ordinal]
        if not (0 <= source_cut <= len(row.source) and 0 <= target_cut <= len(row.target)):
            raise WorkbenchError(
                f"link {link_ordinal} has {len(row.source)} source and {len(row.target)} target "
                "paragraphs: cut inside those")
        parts = [(row.source[:source_cut], row.target[:target_cut]),
                 (row.source[source_cut:], row.target[target_cut:])]
        if not all(a or b for a, b in parts):
            raise WorkbenchError(f"splitting link {link_ordinal} there leaves an empty link")
        return self.realign(actor, doc_id, [link_ordinal], parts)

    def unlink(self, actor: User, doc_id: int, link_ordinal: int) -> Review:
        """Turn a link into one-sided links (its source alone, its target alone)."""
        review = self.get_review(actor, doc_id)
        if not 0 <= link_ordinal < len(review.rows):
            raise NotFound(f"document {doc_id} has no link {link_ordinal}: reload the document")
        row = review.rows[link_ordinal]
        parts = [(a, b) for a, b in ((row.source, ()), ((), row.target)) if a or b]
        if len(parts) < 2:
            raise WorkbenchError(f"link {link_ordinal} is already one-sided")
        return self.realign(actor, doc_id, [link_ordinal], parts)

    # glossary ------------------------------------------------------------------

    @staticmethod
    def _term_view(row: GlossaryTermRow, names: dict[int, str]) -> GlossaryTerm:
        return GlossaryTerm(row.id, row.source, row.target, tuple(row.variants or ()),
                            tuple(row.forbidden or ()), row.category, row.note, row.status,
                            names.get(row.suggested_by) if row.suggested_by else None,
                            names.get(row.decided_by) if row.decided_by else None)

    def list_terms(self, actor: User, status: str | None = None) -> list[GlossaryTerm]:
        """Glossary terms, optionally only one status, sorted by source term."""
        with self.store.read() as s:
            self._actor(s, actor, "view")
            query = select(GlossaryTermRow).order_by(GlossaryTermRow.source, GlossaryTermRow.id)
            if status is not None:
                query = query.where(GlossaryTermRow.status == status)
            names = self._names(s)
            return [self._term_view(r, names) for r in s.scalars(query)]

    def _new_term(self, actor: User, action: str, status: str, source: str, target: str,
                  variants: Sequence[str], forbidden: Sequence[str], category: str,
                  note: str) -> GlossaryTerm:
        fields = _term_fields(source=source, target=target, variants=variants,
                              forbidden=forbidden, category=category, note=note)
        with self.store.session() as s:
            user = self._actor(s, actor, action)
            now = self.clock()
            row = GlossaryTermRow(**fields, status=status, created_at=now, updated_at=now,
                                  suggested_by=user.id if status == "suggested" else None,
                                  decided_by=user.id if status == "approved" else None)
            s.add(row)
            s.flush()
            return self._term_view(row, {user.id: user.name})

    def add_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                 forbidden: Sequence[str] = (), category: str = "term",
                 note: str = "") -> GlossaryTerm:
        """Add an approved term (glossary maintainer)."""
        return self._new_term(actor, "edit_glossary", "approved", source, target, variants,
                              forbidden, category, note)

    def suggest_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                     forbidden: Sequence[str] = (), category: str = "term",
                     note: str = "") -> GlossaryTerm:
        """Suggest a term (translator); a maintainer approves or rejects it."""
        return self._new_term(actor, "suggest_term", "suggested", source, target, variants,
                              forbidden, category, note)

    def update_term(self, actor: User, term_id: int, **fields) -> GlossaryTerm:
        """Change fields of a term (glossary maintainer): source, target, variants,
        forbidden, category, note."""
        unknown = set(fields) - {"source", "target", "variants", "forbidden", "category", "note"}
        if unknown:
            raise WorkbenchError(f"glossary terms have no field {', '.join(sorted(unknown))}")
        with self.store.session() as s:
            user = self._actor(s, actor, "edit_glossary")
            row = self._term(s, term_id)
            current = {k: getattr(row, k) for k in
                       ("source", "target", "variants", "forbidden", "category", "note")}
            current.update(fields)
            for key, value in _term_fields(**current).items():
                setattr(row, key, value)
            row.updated_at = self.clock()
            s.flush()
            return self._term_view(row, self._names(s) | {user.id: user.name})

    @staticmethod
    def _term(s: OrmSession, term_id: int) -> GlossaryTermRow:
        row = s.get(GlossaryTermRow, term_id)
        if row is None:
            raise NotFound(f"glossary term {term_id} does not exist: reload the glossary")
        return row

    def delete_term(self, actor: User, term_id: int) -> None:
        """Delete a term (glossary maintainer)."""
        with self.store.session() as s:
            self._actor(s, actor, "edit_glossary")
            s.delete(self._term(s, term_id))

    def decide_term(self, actor: User, term_id: int, approve: bool) -> GlossaryTerm:
        """Approve or reject a suggestion (glossary maintainer)."""
        with self.store.session() as s:
            user = self._actor(s, actor, "approve_term")
            row = self._term(s, term_id)
            if row.status != "suggested":
                raise ConflictError(
                    f"glossary term {term_id} ({row.source}) is already {row.status}")
            row.status = "approved" if approve else "rejected"
            row.decided_by, row.updated_at = user.id, self.clock()
            s.flush()
            return self._term_view(row, self._names(s))

    def corrections(self, actor: User) -> list[CorrectedLink]:
        """Every link, in every document, whose current text differs from its machine
        translation: what reviewers changed, for learning glossary terms."""
        with self.store.read() as s:
            self._actor(s, actor, "view")
        found = []
        for doc in self._summaries():
            if not doc.corrected:
                continue
            found += [CorrectedLink(doc.id, r.ordinal, r.source_text, r.mt_text, r.current_text)
                      for r in self.get_review(actor, doc.id).rows
                      if r.corrected and r.current_text.strip() != r.mt_text.strip()]
        return found

    def term_suggestions(self, actor: User, min_count: int = 1) -> list:
        """Term replacements reviewers made in their corrections
        (:func:`workbench.suggest.suggest_terms`), most frequent first, each credited to a
        Vietnamese term of the glossary the checks use (or a name in the source); e.g.
        "reviewers changed مجلس تنظيم to اللجنة التنظيمية 3 times for Ban Tổ chức"."""
        from workbench.suggest import suggest_terms

        corrections = self.corrections(actor)
        if not corrections:
            return []
        return [t for t in suggest_terms(corrections, self._effective_glossary(),
                                         min_count=min_count) if t.source_term]

    def adopt_suggestion(self, actor: User, suggestion) -> GlossaryTerm:
        """Approve a learned suggestion (glossary maintainer): the term's Arabic becomes
        what reviewers wrote and what they replaced becomes forbidden.  A stored term is
        updated; a term only in the shipped glossary is copied with its variants and
        category, so approving never loses what the checks already accepted."""
        source, to_text = suggestion.source_term.strip(), suggestion.to_text.strip()
        from_text = suggestion.from_text.strip()
        if not source or not to_text:
            raise GlossaryFormatError("this suggestion names no Vietnamese term: add it by hand")
        with self.store.read() as s:
            self._actor(s, actor, "edit_glossary")
            stored = s.scalars(select(GlossaryTermRow).where(
                GlossaryTermRow.status == "approved",
                func.lower(GlossaryTermRow.source) == source.lower())).first()
            stored_id = stored.id if stored is not None else None
        entry = self._effective_glossary().lookup(source)
        target = to_text
        if entry is not None:
            # The rendering reviewers replaced goes, with or without its article.
            replaced = {from_text, "ال" + from_text, from_text.removeprefix("ال")}
            variants = [v for v in (entry.target, *entry.variants)
                        if v not in replaced and v != target]
            forbidden = [f for f in entry.forbidden if f != target]
            category, note = entry.category, entry.note
        else:
            variants, forbidden, category, note = [], [], "term", ""
        if from_text and from_text not in forbidden and from_text != target:
            forbidden.append(from_text)
        note = "; ".join(n for n in (note, suggestion.message) if n)
        fields = {"source": entry.source if entry else source, "target": target,
                  "variants": list(dict.fromkeys(variants)), "forbidden": forbidden,
                  "category": category, "note": note}
        if stored_id is not None:
            return self.update_term(actor, stored_id, **fields)
        return self.add_term(actor, **fields)

    def _effective_glossary(self):
        """The glossary the checks use: configured (default: shipped) plus stored terms."""
        glossary = self._analysis_glossary()
        if glossary is None:
            from workbench.pipeline import shipped_glossary

            glossary = shipped_glossary()
        return glossary

    def _db_glossary(self, status: str = "approved"):
        """The stored terms of one status as a :class:`workbench.glossary.Glossary`."""
        from workbench.glossary import Glossary, GlossaryEntry

        with self.store.read() as s:
            rows = list(s.scalars(select(GlossaryTermRow).where(GlossaryTermRow.status == status)
                                  .order_by(GlossaryTermRow.id)))
        return Glossary([GlossaryEntry(r.source, r.target, tuple(r.variants or ()),
                                       tuple(r.forbidden or ()), r.category, r.note,
                                       origin_file=f"workbench glossary term {r.id}")
                         for r in rows], name="workbench")

    def _analysis_glossary(self):
        """What the checks use: the configured (default: shipped) glossary with the
        approved terms of the database on top (a stored term wins).  None when the
        database has none, so the pipeline uses its own default."""
        stored = self._db_glossary()
        if not len(stored):
            return self.glossary
        base = self.glossary
        if base is None:
            from workbench.pipeline import shipped_glossary

            base = shipped_glossary()
        from workbench.glossary import Glossary

        return Glossary.merge(base, stored)

    def export_glossary(self, actor: User) -> bytes:
        """The approved stored terms as glossary CSV (the CLI contract's columns)."""
        from workbench.glossary import dump_csv

        with self.store.read() as s:
            self._actor(s, actor, "view")
        return dump_csv(self._db_glossary())

    # dashboard -----------------------------------------------------------------

    def dashboard(self, actor: User, doc_id: int | None = None) -> Dashboard:
        """Score distribution, findings by kind, effort placeholder, reviewer activity."""
        from rapidfuzz.distance import Levenshtein

        with self.store.read() as s:
            self._actor(s, actor, "view")
            doc_filter = (lambda col: col == doc_id) if doc_id is not None else (lambda col: true())
            active = and_(LinkRow.ordinal.is_not(None), doc_filter(LinkRow.doc_id))
            documents = (1 if doc_id is not None else
                         s.scalar(select(func.count(DocumentRow.id))))
            links = s.execute(select(LinkRow.id, LinkRow.doc_id, LinkRow.score, LinkRow.status,
                                     LinkRow.source_idx, LinkRow.target_idx)
                              .where(active)).all()
            findings = s.execute(select(FindingRow.kind, FindingRow.severity, FindingRow.status)
                                 .join(LinkRow, LinkRow.id == FindingRow.link_id)
                                 .where(active)).all()
            latest_version = (select(RevisionRow.link_id, func.max(RevisionRow.version).label("v"))
                              .where(RevisionRow.version.is_not(None),
                                     doc_filter(RevisionRow.doc_id))
                              .group_by(RevisionRow.link_id).subquery())
            latest = dict(s.execute(select(RevisionRow.link_id, RevisionRow.text).join(
                latest_version, and_(RevisionRow.link_id == latest_version.c.link_id,
                                     RevisionRow.version == latest_version.c.v))).all())
            scope_docs = {d for _, d, *_ in links}
            targets = {(d, i): t for d, i, t in s.execute(
                select(ParagraphRow.doc_id, ParagraphRow.idx, ParagraphRow.text).where(
                    ParagraphRow.side == "target", ParagraphRow.doc_id.in_(scope_docs)))}
            titles = dict(s.execute(select(DocumentRow.id, DocumentRow.title)
                                    .where(DocumentRow.id.in_(scope_docs))).all())
            revisions = s.execute(select(RevisionRow.author_id, RevisionRow.kind,
                                         func.count(), func.max(RevisionRow.created_at))
                                  .where(doc_filter(RevisionRow.doc_id))
                                  .group_by(RevisionRow.author_id, RevisionRow.kind)).all()
            events = s.execute(select(StatusEventRow.user_id, StatusEventRow.status, func.count(),
                                      func.max(StatusEventRow.created_at))
                               .where(doc_filter(StatusEventRow.doc_id))
                               .group_by(StatusEventRow.user_id, StatusEventRow.status)).all()
            dismissals = s.execute(select(FindingRow.dismissed_by, func.count(),
                                          func.max(FindingRow.dismissed_at))
                                   .where(FindingRow.status == "dismissed",
                                          doc_filter(FindingRow.doc_id))
                                   .group_by(FindingRow.dismissed_by)).all()
            names = self._names(s)
        counts = [0] * len(_SCORE_BINS)
        status_counts = {st: 0 for st in STATUSES}
        efforts = []
        pairs: dict[int, list[tuple[str, str]]] = {}
        corrected: dict[int, int] = {}
        for link_id, d, score, status, src, tgt in links:
            status_counts[status] = status_counts.get(status, 0) + 1
            if src and tgt:
                counts[min(int(float(score) * 10), 9)] += 1
            mt = PARAGRAPH_JOINER.join(targets.get((d, i), "") for i in tgt)
            final = latest.get(link_id, mt)
            if link_id in latest:
                efforts.append(Levenshtein.normalized_distance(mt, final))
            if not _is_noise_link(src, mt):
                pairs.setdefault(d, []).append((mt, final))
                corrected[d] = corrected.get(d, 0) + (mt.strip() != final.strip())
        by_document = tuple(DocumentEffort(d, titles.get(d, "?"), len(pairs[d]),
                                           corrected.get(d, 0), self.effort.measure(pairs[d]))
                            for d in sorted(pairs))
        if len(by_document) == 1:
            overall = by_document[0].effort
        else:
            overall = self.effort.measure(p for d in sorted(pairs) for p in pairs[d]) \
                if pairs else None
        by_kind: dict[str, int] = {}
        open_by_kind: dict[str, int] = {}
        by_severity: dict[str, int] = {}
        for kind, severity, status in findings:
            by_kind[kind] = by_kind.get(kind, 0) + 1
            by_severity[severity] = by_severity.get(severity, 0) + 1
            if status == "open":
                open_by_kind[kind] = open_by_kind.get(kind, 0) + 1
        activity: dict[int, dict] = {}

        def bump(user_id, key, n, when):
            entry = activity.setdefault(user_id, {"last": None})
            entry[key] = entry.get(key, 0) + n
            if when is not None and (entry["last"] is None or when > entry["last"]):
                entry["last"] = when

        for user_id, kind, n, when in revisions:
            if kind in ("edit", "restore", "import", "conflict"):  # realign carries, not edits
                bump(user_id, "conflicts" if kind == "conflict" else "corrections", n, when)
        for user_id, status, n, when in events:
            if status in ("reviewed", "approved"):
                bump(user_id, status, n, when)
        for user_id, n, when in dismissals:
            bump(user_id, "dismissed", n, when)
        people = tuple(sorted((ReviewerActivity(
            names.get(uid, "?"), e.get("corrections", 0), e.get("conflicts", 0),
            e.get("reviewed", 0), e.get("approved", 0), e.get("dismissed", 0),
            _aware(e["last"])) for uid, e in activity.items() if uid is not None),
            key=lambda a: a.user))
        return Dashboard(documents or 0, len(links), _SCORE_BINS, tuple(counts), by_kind,
                         open_by_kind, by_severity, status_counts,
                         sum(efforts) / len(efforts) if efforts else None, people,
                         overall, by_document)

    def post_edit(self, actor: User, doc_id: int) -> PostEditReport:
        """chrF++ and TER of the machine text against the current text, for the document
        (noise left out, the QA report's figure) and for each link."""
        review = self.get_review(actor, doc_id)
        links = tuple(LinkEffort(r.ordinal, measure(r.mt_text, r.current_text),
                                 _is_noise_link(r.source, r.mt_text)) for r in review.rows)
        document = self.effort.measure((r.mt_text, r.current_text) for r, link
                                       in zip(review.rows, links) if not link.is_noise)
        return PostEditReport(doc_id, document, links)


def _is_noise_link(source: Sequence[int], mt_text: str) -> bool:
    """Page furniture (an ad, a menu) with no source: left out of post-edit figures,
    as :func:`Service.reviewed_document` marks it for the QA report."""
    if source or not mt_text:
        return False
    from workbench.noise import is_noise

    return is_noise(mt_text)


def _aware(when: datetime | None) -> datetime | None:
    # Aggregates (max) bypass the column type on SQLite: put the zone back.
    if when is None:
        return None
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _cover_of(link: LinkRow) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return tuple(link.source_idx), tuple(link.target_idx)


def _check_cover(old: Sequence[LinkRow], wanted: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    """New links must cover exactly the old links' paragraphs, in order, each link
    non-empty and each side of a link consecutive."""
    old_source = [i for r in old for i in r.source_idx]
    old_target = [i for r in old for i in r.target_idx]
    new_source = [i for a, _ in wanted for i in a]
    new_target = [i for _, b in wanted for i in b]
    if new_source != old_source or new_target != old_target:
        raise WorkbenchError(
            f"the new links must cover source paragraphs {old_source} and target paragraphs "
            f"{old_target} exactly once, in order")
    for a, b in wanted:
        if not a and not b:
            raise WorkbenchError("a link needs at least one paragraph")
        for side in (a, b):
            if side and list(side) != list(range(side[0], side[0] + len(side))):
                raise WorkbenchError(f"paragraphs {list(side)} of a link must be consecutive")


def _term_fields(source: str, target: str, variants: Sequence[str] | str,
                 forbidden: Sequence[str] | str, category: str, note: str) -> dict:
    """Validated, stripped glossary fields (variants may be given ``a|b``)."""

    def split(value):
        if isinstance(value, str):
            value = value.split("|")
        return [v.strip() for v in value or () if v and v.strip()]

    source, target = (source or "").strip(), (target or "").strip()
    if not source or not target:
        raise GlossaryFormatError("a glossary term needs a Vietnamese source and an Arabic target")
    category = (category or "term").strip()
    if category not in TERM_CATEGORIES:
        raise GlossaryFormatError(
            f"term {source!r}: unknown category {category!r}; use one of "
            f"{', '.join(TERM_CATEGORIES)}")
    variants, forbidden = split(variants), split(forbidden)
    clash = set(forbidden) & ({target} | set(variants))
    if clash:
        raise GlossaryFormatError(
            f"term {source!r}: {', '.join(sorted(clash))} is both accepted and forbidden")
    return {"source": source, "target": target, "variants": variants, "forbidden": forbidden,
            "category": category, "note": (note or "").strip()}


_DUMMY_HASH = "$2b$04$" + "C" * 53


def open_service(url: str | None = None, analyser: Callable | None = None,
                 upgrade: bool = True, **options) -> Service:
    """A service on the configured database (``WORKBENCH_DB_URL`` or SQLite under
    ``WORKBENCH_DATA_DIR``), migrated to the latest schema first."""
    store = Store(url)
    if upgrade:
        store.upgrade()
    return Service(store, analyser=analyser, **options)
