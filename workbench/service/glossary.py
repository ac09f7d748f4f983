"""Use cases of the glossary: stored terms (the shipped files' and those made here),
each change kept in the term's history and followed by a re-check of the open
documents (a background job), suggestions learned from corrections, export."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.errors import ConflictError, NotFound, WorkbenchError
from workbench.service.glossary_terms import (
    TERM_CATEGORIES, TERM_STATUSES, GlossaryChange, merged, term_fields, term_view,  # noqa: F401
)
from workbench.service.glossary_learning import TermLearning
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import GlossaryTerm, User
from workbench.store import GlossaryTermRow, Store, Transaction
from workbench.store import glossary as term_rows
from workbench.store import users as user_rows

if TYPE_CHECKING:
    from workbench.glossary.terms import Glossary, GlossaryEntry


def _term(s: Transaction, term_id: int) -> GlossaryTermRow:
    row = term_rows.get(s, term_id)
    if row is None or row.status == "deleted":
        raise NotFound(f"glossary term {term_id} does not exist: reload the glossary")
    return row


class GlossaryCases(TermLearning):
    """Glossary terms: add, suggest, decide, edit with history, learn from corrections,
    export.

    ``glossary`` is the glossary the workbench ships with (None: ``glossaries/*.csv``),
    loaded into the database by :class:`~.glossary_sync.ShippedGlossary`; from then on
    the checks use the approved terms of the database.  ``review`` reads the
    corrections terms are learned from.  ``changed(user_id)``, set by the service, is
    called after each change of the approved terms (it queues the re-check of the open
    documents)."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 review: ReviewCases, glossary: Glossary | None = None) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.review = review
        self.configured = glossary
        self.changed: Callable[[int | None], object] | None = None
        self._cached: tuple[tuple, Glossary | None] | None = None
        self._held = threading.local()

    def _changed(self, user_id: int | None) -> None:
        held = getattr(self._held, "users", None)
        if held is not None:  # inside one_recheck(): once, at its end
            held.append(user_id)
        elif self.changed is not None:
            self.changed(user_id)

    @contextmanager
    def one_recheck(self) -> Iterator[None]:
        """Changes made inside (in this thread) re-check the open documents once, at the
        end, not once each: a table's edits saved together."""
        outer = getattr(self._held, "users", None)
        if outer is not None:  # nested: the outer one notifies
            yield
            return
        self._held.users = []
        try:
            yield
        finally:
            held, self._held.users = self._held.users, None
            if held:
                self._changed(held[-1])

    def list_terms(self, actor: User, status: str | None = None) -> list[GlossaryTerm]:
        """Glossary terms (one status, or all but the deleted), sorted by source term."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            names = user_rows.names(s)
            return [term_view(r, names) for r in term_rows.by_source(s, status)]

    def term_history(self, actor: User, term_id: int | None = None,
                     limit: int = 200) -> list[GlossaryChange]:
        """Changes of one term (or of every term), newest first: who, when, before/after."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            names = user_rows.names(s)
            return [GlossaryChange(r.term_id, source, names.get(r.user_id) if r.user_id else None,
                                   r.created_at, r.action, r.before, r.after, r.note)
                    for r, source in term_rows.changes(s, term_id, limit)]

    def _new_term(self, actor: User, action: str, status: str, source: str, target: str,
                  variants: Sequence[str], forbidden: Sequence[str], category: str,
                  note: str, notify: bool = True) -> GlossaryTerm:
        fields = term_fields(source=source, target=target, variants=variants,
                             forbidden=forbidden, category=category, note=note)
        with self.store.session() as s:
            user = self.users.authorize(s, actor, action)
            same = term_rows.approved(s, fields["source"]) if status == "approved" else None
            if same is not None:
                where = f" (from {same.origin})" if same.origin else ""
                raise ConflictError(f"{same.source} is already in the glossary{where}: "
                                    "change that term instead")
            now = self.clock()
            row = term_rows.add(s, fields, status, now,
                                suggested_by=user.id if status == "suggested" else None,
                                decided_by=user.id if status == "approved" else None)
            term_rows.record(s, row.id, user.id, now,
                             "added" if status == "approved" else "suggested", None, fields)
            view = term_view(row, {user.id: user.name})
        if notify and status == "approved":
            self._changed(user.id)
        return view

    def add_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                 forbidden: Sequence[str] = (), category: str = "term",
                 note: str = "") -> GlossaryTerm:
        """Add an approved term (glossary maintainer); a source already approved is
        refused (change that term)."""
        return self._new_term(actor, "edit_glossary", "approved", source, target, variants,
                              forbidden, category, note)

    def import_terms(self, actor: User, entries: Iterable[GlossaryEntry]) -> tuple[int, int]:
        """Store glossary entries (a loaded CSV/TBX, maintainer): an entry whose source
        matches a stored term's (case-insensitively) updates that term, any other is
        added.  Returns (added, updated); stops at the first refused entry.  The open
        documents are re-checked once, after the last entry."""
        existing = {t.source.casefold(): t for t in self.list_terms(actor)}
        added = updated = 0
        try:
            for e in entries:
                fields = dict(source=e.source, target=e.target, variants=e.variants,
                              forbidden=e.forbidden, category=e.category, note=e.note)
                old = existing.get(e.source.casefold())
                if old is None:
                    self._new_term(actor, "edit_glossary", "approved", **fields, notify=False)
                    added += 1
                else:
                    self._update(actor, old.id, fields, notify=False)
                    updated += 1
        finally:
            if added or updated:
                self._changed(None)
        return added, updated

    def suggest_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                     forbidden: Sequence[str] = (), category: str = "term",
                     note: str = "") -> GlossaryTerm:
        """Suggest a term (translator); a maintainer approves or rejects it."""
        return self._new_term(actor, "suggest_term", "suggested", source, target, variants,
                              forbidden, category, note)

    def update_term(self, actor: User, term_id: int, **fields) -> GlossaryTerm:
        """Change fields of a term (glossary maintainer): source, target, variants,
        forbidden, category, note.  Kept in the term's history."""
        return self._update(actor, term_id, fields)

    def _update(self, actor: User, term_id: int, fields: dict,
                notify: bool = True) -> GlossaryTerm:
        unknown = set(fields) - set(term_rows.FIELDS)
        if unknown:
            raise WorkbenchError(f"glossary terms have no field {', '.join(sorted(unknown))}")
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "edit_glossary")
            row = _term(s, term_id)
            before = term_rows.fields_of(row)
            after = term_fields(**(before | fields))
            if after == before:
                return term_view(row, user_rows.names(s))
            now = self.clock()
            term_rows.update(s, row, after, now)
            term_rows.record(s, row.id, user.id, now, "edited", before, after)
            view, approved = term_view(row, user_rows.names(s)), row.status == "approved"
        if notify and approved:
            self._changed(user.id)
        return view

    def delete_term(self, actor: User, term_id: int) -> None:
        """Delete a term (glossary maintainer).  It stays in the database, deleted, with
        its history, so a shipped file does not bring it back."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "edit_glossary")
            row = _term(s, term_id)
            approved, now = row.status == "approved", self.clock()
            term_rows.record(s, row.id, user.id, now, "deleted", term_rows.fields_of(row), None)
            term_rows.decide(s, row, "deleted", user.id, now)
        if approved:
            self._changed(user.id)

    def decide_term(self, actor: User, term_id: int, approve: bool) -> GlossaryTerm:
        """Approve or reject a suggestion (glossary maintainer).  A suggestion for a term
        already in the glossary changes that term (:func:`~.glossary_terms.merged`)."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "approve_term")
            row = _term(s, term_id)
            if row.status != "suggested":
                raise ConflictError(
                    f"glossary term {term_id} ({row.source}) is already {row.status}")
            status, now = ("approved" if approve else "rejected"), self.clock()
            same = term_rows.approved(s, row.source) if approve else None
            term_rows.decide(s, row, "merged" if same else status, user.id, now)
            term_rows.record(s, row.id, user.id, now, status, None, term_rows.fields_of(row),
                             f"merged into term {same.id}" if same else "")
            if same is not None:
                before = term_rows.fields_of(same)
                after = term_fields(**merged(before, term_rows.fields_of(row)))
                term_rows.update(s, same, after, now)
                term_rows.record(s, same.id, user.id, now, "edited", before, after,
                                 f"suggestion {row.id} approved")
            view = term_view(same or row, user_rows.names(s))
        if approve:
            self._changed(user.id)
        return view

    def effective_glossary(self) -> Glossary:
        """The glossary the checks use (:meth:`analysis_glossary`), never None."""
        glossary = self.analysis_glossary()
        if glossary is None:
            from workbench.pipeline import shipped_glossary

            glossary = shipped_glossary()
        return glossary

    def _db_glossary(self, status: str = "approved") -> Glossary:
        """The stored terms of one status as a :class:`workbench.glossary.terms.Glossary`
        (match mode and extra columns as their file gave them)."""
        from workbench.glossary.terms import Glossary, GlossaryEntry

        with self.store.read() as s:
            rows = term_rows.in_order(s, status)
        return Glossary([GlossaryEntry(r.source, r.target, tuple(r.variants or ()),
                                       tuple(r.forbidden or ()), r.category, r.note,
                                       extra=r.extra or {}, match=r.match or "exact",
                                       origin_file=r.origin or f"workbench glossary term {r.id}")
                         for r in rows], name="workbench")

    def analysis_glossary(self) -> Glossary | None:
        """What the checks use: the approved terms of the database, once the shipped
        glossaries were loaded into it (every open service loads them).  Before that
        (a database nobody loaded them into), the configured glossary with the stored
        terms on top, or None when there are none, so the pipeline uses its default.
        Built again only when a term changed."""
        with self.store.read() as s:
            stamp = (term_rows.stamp(s), term_rows.any_from_files(s))
        if self._cached is not None and self._cached[0] == stamp:
            return self._cached[1]
        stored = self._db_glossary()
        if stamp[1]:
            glossary = stored
        elif not len(stored):
            glossary = self.configured
        else:
            from workbench.glossary.terms import Glossary
            from workbench.pipeline import shipped_glossary

            glossary = Glossary.merge(self.configured or shipped_glossary(), stored)
        self._cached = (stamp, glossary)
        return glossary

    def export_glossary(self, actor: User) -> bytes:
        """The approved stored terms as glossary CSV (the CLI contract's columns)."""
        from workbench.glossary.terms import dump_csv

        self.users.check(actor, "view")
        return dump_csv(self._db_glossary())
