"""Use cases of the glossary: stored terms, suggestions learned from corrections, export."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from workbench.errors import ConflictError, GlossaryFormatError, NotFound, WorkbenchError
from workbench.service.base import ServiceBase
from workbench.service.views import CorrectedLink, GlossaryTerm, User
from workbench.store import GlossaryTermRow

if TYPE_CHECKING:
    from workbench.glossary.terms import GlossaryEntry


TERM_CATEGORIES = ("person", "place", "admin_level", "organization", "title", "term")
TERM_STATUSES = ("approved", "suggested", "rejected")


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


class GlossaryCases(ServiceBase):
    """Glossary terms: add, suggest, decide, learn from corrections, export."""

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
        (:func:`workbench.glossary.suggestions.suggest_terms`), most frequent first, each credited to a
        Vietnamese term of the glossary the checks use (or a name in the source); e.g.
        "reviewers changed مجلس تنظيم to اللجنة التنظيمية 3 times for Ban Tổ chức"."""
        from workbench.glossary.suggestions import suggest_terms

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
        """The stored terms of one status as a :class:`workbench.glossary.terms.Glossary`."""
        from workbench.glossary.terms import Glossary, GlossaryEntry

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
        from workbench.glossary.terms import Glossary

        return Glossary.merge(base, stored)

    def export_glossary(self, actor: User) -> bytes:
        """The approved stored terms as glossary CSV (the CLI contract's columns)."""
        from workbench.glossary.terms import dump_csv

        with self.store.read() as s:
            self._actor(s, actor, "view")
        return dump_csv(self._db_glossary())
