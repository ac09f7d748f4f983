"""The service's shared state and helpers: constants, the store, row loaders and view makers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from workbench.service import passwords as auth
from workbench.service import roles
from workbench.errors import NotFound, PermissionDenied
from workbench.model.finding import Span
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph
from workbench.postedit.corpus_stats import EffortStats
from workbench.service.views import FindingView, RevisionView, User
from workbench.store import (
    DocumentRow, FindingRow, LinkRow, ParagraphRow, RevisionRow, Store, UserRow, utcnow,
)


STATUSES = ("new", "reviewed", "approved")
DEFAULT_SESSION_TTL = timedelta(hours=12)
PARAGRAPH_JOINER = "\n\n"  # a link's text: its target paragraphs separated by a blank line


def _joined(texts: dict[int, str], indexes: Sequence[int]) -> str:
    return PARAGRAPH_JOINER.join(texts[i] for i in indexes)


def _spans(data: list | None) -> tuple[Span, ...]:
    return tuple(Span(int(p), int(s), int(e)) for p, s, e in data or ())


def _is_noise_link(source: Sequence[int], mt_text: str) -> bool:
    """Page furniture (an ad, a menu) with no source: left out of post-edit figures,
    as :func:`Service.reviewed_document` marks it for the QA report."""
    if source or not mt_text:
        return False
    from workbench.reading.furniture import is_noise

    return is_noise(mt_text)


def _default_analyser(*args, **kwargs):
    from workbench.pipeline import analyse

    return analyse(*args, **kwargs)


def _default_rescorer(source: Sequence[Paragraph], target: Sequence[Paragraph],
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


class ServiceBase:
    """What every group of use cases shares: the store, the injected analyser,
    rescorer and clock, and the helpers that load rows and turn them into views.

    :class:`workbench.service.Service` composes the groups; a group may call another's
    methods through ``self`` (importing a document asks the glossary group for the
    glossary the checks use).
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
            ServiceBase._document(s, doc_id)
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
