"""Use cases of a link's text: corrections with conflict detection, history and restore.

The unit a reviewer corrects is a LINK's target text (the Arabic of one link).  Its
current text is the latest revision; version 0 means the machine translation (no
revision yet).  Saving a correction names the version the reviewer started from; if
someone saved in between, :class:`SaveConflict` is raised and the refused text is kept
as a ``conflict`` revision, so nothing a reviewer typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from dataclasses import replace

from workbench.errors import NotFound, PermissionDenied
from workbench.service.hygiene import clean_text_counted
from workbench.service.roles import allows
from workbench.service.base import find_link, joined, revision_view
from workbench.service.recheck import LinkRechecker
from workbench.service.users import UserCases
from workbench.service.views import RevisionView, SaveConflict, User
from workbench.store import ConstraintViolation, LinkRow, RevisionRow, Store, Transaction
from workbench.store import documents as document_rows
from workbench.store import links as link_rows
from workbench.store import revisions as revision_rows
from workbench.store import users as user_rows

#: Finds (and locks) the link a save goes to, inside the saving transaction.
Locate = Callable[[Transaction], LinkRow]


def _same_save_again(latest: RevisionRow | None, user_id: int, base_version: int,
                     kind: str, text: str) -> bool:
    """Whether the current revision is this very save, already committed."""
    return (latest is not None and latest.author_id == user_id and latest.kind == kind
            and latest.base_version == base_version and latest.text == text)


def _ancestors(s: Transaction, doc_id: int, link_id: int) -> set[int]:
    """Ids of the retired links that realignment replaced, directly or not, by
    ``link_id`` (and that share a paragraph with it)."""
    retired = link_rows.retired(s, doc_id)
    if not retired:
        return set()
    here = link_rows.get(s, link_id)
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


def _successor(s: Transaction, link: LinkRow) -> LinkRow | None:
    """The current link holding a retired link's paragraphs (its first target
    paragraph, else its first source paragraph)."""
    side, index = ("t", link.target_idx[0]) if link.target_idx else ("s", link.source_idx[0])
    for row in link_rows.current(s, link.doc_id):
        if index in (row.target_idx if side == "t" else row.source_idx):
            return row
    return None


def _current_link(s: Transaction, doc_id: int, link_id: int) -> LinkRow:
    link = link_rows.get(s, link_id, lock=True)
    if link is None or link.doc_id != doc_id or link.ordinal is None:
        raise NotFound(f"the link was replaced by realignment in document {doc_id}: reload")
    return link


def _refuse_if_approved(user, link: LinkRow, label: str) -> None:
    """An approved link is read-only to whoever may not approve: an editor reopens it
    first (set its status back; the change is kept in the status history)."""
    if link.status == "approved" and not allows(user.roles.split(), "approve"):
        raise PermissionDenied(
            f"{label} is approved, so it is locked: nothing was saved; ask an editor to "
            "reopen it (set it back to reviewed) if it needs a change")


class CorrectionCases:
    """Saving, listing and restoring the texts of links."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 rechecker: LinkRechecker | None = None) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.rechecker = rechecker

    def _rechecked(self, doc_id: int, view: RevisionView) -> RevisionView:
        """The saved revision, with what re-checking the link's new text changed (the
        save is committed first: a failing check never loses a correction)."""
        if self.rechecker is None or view.version is None:
            return view
        outcome = self.rechecker.recheck(doc_id, view.link_id, view.version)
        return replace(view, findings_fixed=outcome.fixed, findings_opened=outcome.opened,
                       score=outcome.score)

    def save_correction(self, actor: User, doc_id: int, link_ordinal: int, text: str,
                        base_version: int, link_id: int | None = None) -> RevisionView:
        """Save a new target text for a link, based on ``base_version``.

        Raises :class:`SaveConflict` (text kept as a conflict revision) if the link is
        no longer at ``base_version`` or, when ``link_id`` is given, the alignment
        changed so that another link now has this ordinal.  The returned revision has
        been committed: it survives a crash right after.
        """
        return self._save(actor, doc_id, text, base_version, "edit",
                          lambda s: find_link(s, doc_id, link_ordinal, lock=True),
                          expected_link_id=link_id, label=f"link {link_ordinal}")

    def _save(self, actor: User, doc_id: int, text: str, base_version: int, kind: str,
              locate: Locate, expected_link_id: int | None, label: str) -> RevisionView:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        text, removed, note = clean_text_counted(text, "your correction")
        view = self._save_clean(actor, doc_id, text, base_version, kind, locate,
                                expected_link_id, label)
        return replace(view, notes=(note,), removed_characters=removed) if note else view

    def _save_clean(self, actor: User, doc_id: int, text: str, base_version: int, kind: str,
                    locate: Locate, expected_link_id: int | None, label: str) -> RevisionView:
        acknowledged = None
        try:
            with self.store.session() as s:
                user = self.users.authorize(s, actor, "correct")
                link = locate(s)
                _refuse_if_approved(user, link, label)
                latest = revision_rows.latest(s, link.id)
                current = latest.version if latest else 0
                stale = current != base_version or (
                    expected_link_id is not None and expected_link_id != link.id)
                if stale and _same_save_again(latest, user.id, base_version, kind, text) \
                        and expected_link_id in (None, link.id):
                    # Its commit went through but the answer was lost (the connection
                    # was cut during COMMIT) and the reviewer pressed save again:
                    # acknowledge it rather than a conflict with their own text (and
                    # re-check it: the answer may have been lost before the re-check ran).
                    acknowledged = revision_view(latest, {user.id: user.name})
                    stale = False
                elif not stale:
                    if latest is not None and latest.text == text and kind != "restore":
                        return revision_view(latest, {user.id: user.name})
                    # The unique (doc, link, version) refuses a concurrent twin here.
                    row = revision_rows.add(s, doc_id, link.id, current + 1, base_version,
                                            kind, text, user.id, self.clock(),
                                            parent_id=latest.id if latest else None)
                    view = revision_view(row, {user.id: user.name})
            if acknowledged is not None:
                return self._rechecked(doc_id, acknowledged)
            if not stale:
                return self._rechecked(doc_id, view)
        except ConstraintViolation:
            pass  # someone else took this version between our read and our insert
        return self._refuse(actor, doc_id, text, base_version, locate, expected_link_id, label)

    def _refuse(self, actor: User, doc_id: int, text: str, base_version: int,
                locate: Locate, expected_link_id: int | None, label: str) -> RevisionView:
        """Keep the refused text as a conflict revision, then raise SaveConflict."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "correct")
            link = locate(s)
            target_link = link
            if expected_link_id is not None and expected_link_id != link.id:
                # The reviewer's link was replaced by realignment: keep the text on it.
                target_link = link_rows.get(s, expected_link_id) or link
            latest = revision_rows.latest(s, link.id)
            mine_latest = (revision_rows.latest(s, target_link.id) if target_link is not link
                           else latest)
            row = revision_rows.add(s, doc_id, target_link.id, None, base_version, "conflict",
                                    text, user.id, self.clock(),
                                    parent_id=mine_latest.id if mine_latest else None)
            names = user_rows.names(s)
            their_version = latest.version if latest else 0
            their_text = latest.text if latest else joined(
                document_rows.texts(s, doc_id, "target", link.target_idx), link.target_idx)
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
            self.users.authorize(s, actor, "view")
            link = find_link(s, doc_id, link_ordinal)
            rows = revision_rows.of_links(s, {link.id} | _ancestors(s, doc_id, link.id))
            names = user_rows.names(s)
            return [revision_view(r, names) for r in rows]

    def restore_revision(self, actor: User, doc_id: int, revision_id: int,
                         base_version: int) -> RevisionView:
        """Make an old revision's text (or a conflict's) current again, as a new version
        of the link that now holds its paragraphs; ``base_version`` is that link's
        current version (as the review shows it).

        To go back to the machine translation use :meth:`restore_machine_text`.
        """
        with self.store.read() as s:
            self.users.authorize(s, actor, "correct")
            rev = revision_rows.get(s, revision_id)
            if rev is None or rev.doc_id != doc_id:
                raise NotFound(f"document {doc_id} has no revision {revision_id}: reload history")
            link = link_rows.get(s, rev.link_id)
            if link.ordinal is None:
                link = _successor(s, link)
                if link is None:
                    raise NotFound(f"revision {revision_id}: its paragraphs are in no link")
            link_id, text, version = link.id, rev.text, rev.version
        label = f"revision {version if version is not None else revision_id}"
        return self._save(actor, doc_id, text, base_version, "restore",
                          lambda s: _current_link(s, doc_id, link_id),
                          expected_link_id=None, label=f"the link of {label}")

    def restore_machine_text(self, actor: User, doc_id: int, link_ordinal: int,
                             base_version: int) -> RevisionView:
        """Make the machine translation current again (as a new version)."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "correct")
            link = find_link(s, doc_id, link_ordinal)
            mt = joined(document_rows.texts(s, doc_id, "target", link.target_idx),
                        link.target_idx)
        return self._save(actor, doc_id, mt, base_version, "restore",
                          lambda s: find_link(s, doc_id, link_ordinal, lock=True),
                          expected_link_id=link.id, label=f"link {link_ordinal}")
