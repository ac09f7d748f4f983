"""Use cases of the glossary: stored terms, suggestions learned from corrections, export."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from workbench.errors import ConflictError, GlossaryFormatError, NotFound, WorkbenchError
from workbench.service.hygiene import clean_name, clean_text
from workbench.service.review import ReviewCases
from workbench.service.users import UserCases
from workbench.service.views import CorrectedLink, GlossaryTerm, User
from workbench.store import GlossaryTermRow, Store, Transaction
from workbench.store import glossary as term_rows
from workbench.store import users as user_rows

if TYPE_CHECKING:
    from workbench.glossary.terms import Glossary, GlossaryEntry


TERM_CATEGORIES = ("person", "place", "admin_level", "organization", "title", "term")
TERM_STATUSES = ("approved", "suggested", "rejected")


def _term_fields(source: str, target: str, variants: Sequence[str] | str,
                 forbidden: Sequence[str] | str, category: str, note: str) -> dict:
    """Validated, stripped glossary fields (variants may be given ``a|b``)."""

    def split(value):
        if isinstance(value, str):
            value = value.split("|")
        value = [clean_name(v) for v in value or () if v]
        return [v for v in value if v]

    # Controls and bidi overrides are removed (service.hygiene), as from every typed text.
    source, target = clean_name(source or ""), clean_name(target or "")
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
            "category": category, "note": clean_text(note or "")[0].strip()}


def _term_view(row: GlossaryTermRow, names: dict[int, str]) -> GlossaryTerm:
    return GlossaryTerm(row.id, row.source, row.target, tuple(row.variants or ()),
                        tuple(row.forbidden or ()), row.category, row.note, row.status,
                        names.get(row.suggested_by) if row.suggested_by else None,
                        names.get(row.decided_by) if row.decided_by else None)


def _term(s: Transaction, term_id: int) -> GlossaryTermRow:
    row = term_rows.get(s, term_id)
    if row is None:
        raise NotFound(f"glossary term {term_id} does not exist: reload the glossary")
    return row


class GlossaryCases:
    """Glossary terms: add, suggest, decide, learn from corrections, export.

    ``glossary`` is the configured glossary the checks start from (None: the shipped
    one); the approved stored terms go on top of it.  ``review`` reads the corrections
    terms are learned from."""

    def __init__(self, store: Store, clock: Callable[[], datetime], users: UserCases,
                 review: ReviewCases, glossary: Glossary | None = None) -> None:
        self.store = store
        self.clock = clock
        self.users = users
        self.review = review
        self.configured = glossary

    def list_terms(self, actor: User, status: str | None = None) -> list[GlossaryTerm]:
        """Glossary terms, optionally only one status, sorted by source term."""
        with self.store.read() as s:
            self.users.authorize(s, actor, "view")
            names = user_rows.names(s)
            return [_term_view(r, names) for r in term_rows.by_source(s, status)]

    def _new_term(self, actor: User, action: str, status: str, source: str, target: str,
                  variants: Sequence[str], forbidden: Sequence[str], category: str,
                  note: str) -> GlossaryTerm:
        fields = _term_fields(source=source, target=target, variants=variants,
                              forbidden=forbidden, category=category, note=note)
        with self.store.session() as s:
            user = self.users.authorize(s, actor, action)
            row = term_rows.add(s, fields, status, self.clock(),
                                suggested_by=user.id if status == "suggested" else None,
                                decided_by=user.id if status == "approved" else None)
            return _term_view(row, {user.id: user.name})

    def add_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                 forbidden: Sequence[str] = (), category: str = "term",
                 note: str = "") -> GlossaryTerm:
        """Add an approved term (glossary maintainer)."""
        return self._new_term(actor, "edit_glossary", "approved", source, target, variants,
                              forbidden, category, note)

    def import_terms(self, actor: User, entries: Iterable[GlossaryEntry]) -> tuple[int, int]:
        """Store glossary entries (a loaded CSV/TBX, maintainer): an entry whose source
        matches a stored term's (case-insensitively) updates that term, any other is
        added.  Returns (added, updated); stops at the first refused entry."""
        existing = {t.source.casefold(): t for t in self.list_terms(actor)}
        added = updated = 0
        for e in entries:
            fields = dict(source=e.source, target=e.target, variants=e.variants,
                          forbidden=e.forbidden, category=e.category, note=e.note)
            old = existing.get(e.source.casefold())
            if old is None:
                self.add_term(actor, **fields)
                added += 1
            else:
                self.update_term(actor, old.id, **fields)
                updated += 1
        return added, updated

    def suggest_term(self, actor: User, source: str, target: str, variants: Sequence[str] = (),
                     forbidden: Sequence[str] = (), category: str = "term",
                     note: str = "") -> GlossaryTerm:
        """Suggest a term (translator); a maintainer approves or rejects it."""
        return self._new_term(actor, "suggest_term", "suggested", source, target, variants,
                              forbidden, category, note)

    def update_term(self, actor: User, term_id: int, **fields) -> GlossaryTerm:
        """Change fields of a term (glossary maintainer): source, target, variants,
        forbidden, category, note."""
        unknown = set(fields) - set(term_rows.FIELDS)
        if unknown:
            raise WorkbenchError(f"glossary terms have no field {', '.join(sorted(unknown))}")
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "edit_glossary")
            row = _term(s, term_id)
            current = term_rows.fields_of(row) | fields
            term_rows.update(s, row, _term_fields(**current), self.clock())
            return _term_view(row, user_rows.names(s) | {user.id: user.name})

    def delete_term(self, actor: User, term_id: int) -> None:
        """Delete a term (glossary maintainer)."""
        with self.store.session() as s:
            self.users.authorize(s, actor, "edit_glossary")
            term_rows.delete(s, _term(s, term_id))

    def decide_term(self, actor: User, term_id: int, approve: bool) -> GlossaryTerm:
        """Approve or reject a suggestion (glossary maintainer)."""
        with self.store.session() as s:
            user = self.users.authorize(s, actor, "approve_term")
            row = _term(s, term_id)
            if row.status != "suggested":
                raise ConflictError(
                    f"glossary term {term_id} ({row.source}) is already {row.status}")
            term_rows.decide(s, row, "approved" if approve else "rejected", user.id,
                             self.clock())
            return _term_view(row, user_rows.names(s))

    def corrections(self, actor: User) -> list[CorrectedLink]:
        """Every link, in every document, whose current text differs from its machine
        translation: what reviewers changed, for learning glossary terms."""
        self.users.check(actor, "view")
        found = []
        for doc in self.review.summaries():
            if not doc.corrected:
                continue
            found += [CorrectedLink(doc.id, r.ordinal, r.source_text, r.mt_text, r.current_text)
                      for r in self.review.get_review(actor, doc.id).rows
                      if r.corrected and r.current_text.strip() != r.mt_text.strip()]
        return found

    def term_suggestions(self, actor: User, min_count: int = 1) -> list:
        """Term replacements reviewers made in their corrections
        (:func:`workbench.glossary.suggestions.suggest_terms`), most frequent first, each credited to a
        Vietnamese term of the glossary the checks use (or a name in the source); e.g.
        "reviewers changed مجلس تنظيم to اللجنة التنظيمية 3 times for Ban Tổ chức"."""
        from workbench.glossary.suggestions import suggest_terms

        corrections = self.corrections(actor)
        if not corrections:
            return []
        return [t for t in suggest_terms(corrections, self.effective_glossary(),
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
            self.users.authorize(s, actor, "edit_glossary")
            stored = term_rows.approved(s, source)
            stored_id = stored.id if stored is not None else None
        entry = self.effective_glossary().lookup(source)
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

    def effective_glossary(self) -> Glossary:
        """The glossary the checks use: configured (default: shipped) plus stored terms."""
        glossary = self.analysis_glossary()
        if glossary is None:
            from workbench.pipeline import shipped_glossary

            glossary = shipped_glossary()
        return glossary

    def _db_glossary(self, status: str = "approved") -> Glossary:
        """The stored terms of one status as a :class:`workbench.glossary.terms.Glossary`."""
        from workbench.glossary.terms import Glossary, GlossaryEntry

        with self.store.read() as s:
            rows = term_rows.in_order(s, status)
        return Glossary([GlossaryEntry(r.source, r.target, tuple(r.variants or ()),
                                       tuple(r.forbidden or ()), r.category, r.note,
                                       origin_file=f"workbench glossary term {r.id}")
                         for r in rows], name="workbench")

    def analysis_glossary(self) -> Glossary | None:
        """What the checks use: the configured (default: shipped) glossary with the
        approved terms of the database on top (a stored term wins).  None when the
        database has none, so the pipeline uses its own default."""
        stored = self._db_glossary()
        if not len(stored):
            return self.configured
        base = self.configured
        if base is None:
            from workbench.pipeline import shipped_glossary

            base = shipped_glossary()
        from workbench.glossary.terms import Glossary

        return Glossary.merge(base, stored)

    def export_glossary(self, actor: User) -> bytes:
        """The approved stored terms as glossary CSV (the CLI contract's columns)."""
        from workbench.glossary.terms import dump_csv

        self.users.check(actor, "view")
        return dump_csv(self._db_glossary())
