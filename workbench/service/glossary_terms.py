"""Glossary terms as the service hands them out: the fields a user edits (validated),
the term view, one change of a term's history, and what loading the shipped files did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workbench.errors import GlossaryFormatError
from workbench.service.hygiene import clean_name, clean_text
from workbench.service.views import GlossaryTerm
from workbench.store import GlossaryTermRow
from workbench.store import glossary as term_rows

TERM_CATEGORIES = ("person", "place", "admin_level", "organization", "title", "term")
TERM_STATUSES = ("approved", "suggested", "rejected")


def term_fields(source: str, target: str, variants: Sequence[str] | str,
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
    variants = [v for v in dict.fromkeys(variants) if v != target]
    clash = set(forbidden) & ({target} | set(variants))
    if clash:
        raise GlossaryFormatError(
            f"term {source!r}: {', '.join(sorted(clash))} is both accepted and forbidden")
    return {"source": source, "target": target, "variants": variants, "forbidden": forbidden,
            "category": category, "note": clean_text(note or "")[0].strip()}


def merged(term: dict, suggestion: dict) -> dict:
    """A term with an approved suggestion for it: the suggested Arabic preferred, the
    term's other renderings still accepted unless the suggestion forbids them, both
    forbidden lists, both notes."""
    target = suggestion["target"]
    forbidden = [f for f in dict.fromkeys([*term["forbidden"], *suggestion["forbidden"]])
                 if f != target and f not in suggestion["variants"]]
    variants = [v for v in dict.fromkeys([term["target"], *term["variants"],
                                          *suggestion["variants"]])
                if v != target and v not in forbidden]
    note = "; ".join(dict.fromkeys(n for n in (term["note"], suggestion["note"]) if n))
    return {"source": term["source"], "target": target, "variants": variants,
            "forbidden": forbidden, "category": term["category"], "note": note}


def edited(row: GlossaryTermRow) -> bool:
    """Whether someone changed a shipped term since its file last gave it."""
    if row.shipped is None:
        return bool(row.origin)  # a file's term it no longer has, kept as changed here
    return any(_same(getattr(row, k)) != _same(row.shipped.get(k)) for k in term_rows.FIELDS)


def _same(value):
    return list(value) if isinstance(value, (list, tuple)) else (value or "")


def term_view(row: GlossaryTermRow, names: dict[int, str]) -> GlossaryTerm:
    return GlossaryTerm(row.id, row.source, row.target, tuple(row.variants or ()),
                        tuple(row.forbidden or ()), row.category, row.note, row.status,
                        names.get(row.suggested_by) if row.suggested_by else None,
                        names.get(row.decided_by) if row.decided_by else None,
                        row.origin or "", edited(row))


@dataclass(frozen=True)
class GlossaryChange:
    """One change of a term: who (``None``: the shipped file), when, before and after
    (the editable fields; ``None`` before an addition or after a deletion)."""

    term_id: int
    source: str
    user: str | None
    at: datetime
    action: str
    before: dict | None
    after: dict | None
    note: str = ""

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields whose value differs between before and after."""
        before, after = self.before or {}, self.after or {}
        return tuple(k for k in term_rows.FIELDS
                     if _same(before.get(k)) != _same(after.get(k)))


@dataclass(frozen=True)
class GlossarySync:
    """What loading the shipped glossary files did: terms loaded (new), updated from a
    changed file, kept because a user had changed them, and removed with their file
    line; ``problem`` when a file could not be read (nothing was loaded then)."""

    loaded: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    problem: str = ""
    files: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return bool(self.loaded or self.updated or self.kept or self.removed or self.problem)

    @property
    def message(self) -> str:
        """One line for the maintainers (empty when nothing changed)."""
        if self.problem:
            return f"The shipped glossaries were not loaded: {self.problem}"
        parts = []
        if self.loaded:
            parts.append(f"{len(self.loaded)} term(s) loaded")
        if self.updated:
            parts.append(f"{len(self.updated)} updated from the changed file(s) "
                         f"({_some(self.updated)})")
        if self.kept:
            parts.append(f"{len(self.kept)} changed here kept as they are, the file's new "
                         f"version is in their history ({_some(self.kept)})")
        if self.removed:
            parts.append(f"{len(self.removed)} removed with their file line "
                         f"({_some(self.removed)})")
        if not parts:
            return ""
        return f"Shipped glossaries ({', '.join(self.files)}): {'; '.join(parts)}."


def _some(names: Sequence[str], shown: int = 5) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more
