"""Service views turned into the core's models (glossary terms for the CSV/TBX writers)."""

from __future__ import annotations

from collections.abc import Iterable

from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.service import GlossaryTerm


def glossary_of(terms: Iterable[GlossaryTerm], name: str = "workbench") -> Glossary:
    """Stored terms as a :class:`Glossary`, for the CSV/TBX writers."""
    return Glossary((GlossaryEntry(t.source, t.target, tuple(t.variants), tuple(t.forbidden),
                                   t.category, t.note) for t in terms), name=name)
