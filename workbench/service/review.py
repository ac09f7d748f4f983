"""Use cases of reviewing a link: the review view, corrections with conflict detection,
history and restore, status, findings dismissed or reopened, MQM tags.

The unit a reviewer corrects is a LINK's target text (the Arabic of one link).  Its
current text is the latest revision; version 0 means the machine translation (no
revision yet).  Saving a correction names the version the reviewer started from; if
someone saved in between, :class:`SaveConflict` is raised and the refused text is kept
as a ``conflict`` revision, so nothing a reviewer typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from workbench.errors import NotFound, WorkbenchError
from workbench.model.link import ScoreComponent
from workbench.model.mqm import MQM_CATEGORIES, MQM_SEVERITIES
from workbench.service.base import STATUSES, ServiceBase, _joined
from workbench.service.views import (
    DocumentSummary, FindingView, MqmTag, Review, ReviewRow, RevisionView, SaveConflict,
    User,
)
from workbench.store import (
    FindingRow, LinkRow, MqmTagRow, ParagraphRow, RevisionRow, StatusEventRow,
)


def _same_save_again(latest: RevisionRow | None, user_id: int, base_version: int,
                     kind: str, text: str) -> bool:
    """Whether the current revision is this very save, already committed."""
    return (latest is not None and latest.author_id == user_id and latest.kind == kind
            and latest.base_version == base_version and latest.text == text)


def _components(data: list | None) -> tuple[ScoreComponent, ...]:
    return tuple(ScoreComponent(d["name"], float(d["value"]), d.get("explanation", ""))
                 for d in data or ())


class ReviewCases(ServiceBase):
    """Review of links: corrections, history, restore, status, findings, MQM."""

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
