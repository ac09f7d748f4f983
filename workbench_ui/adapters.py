"""Service views turned into the core's models (glossary terms for the CSV/TBX writers)."""

from __future__ import annotations

from collections.abc import Iterable

from dataclasses import dataclass

from workbench.glossary import Glossary, GlossaryEntry
from workbench.service import GlossaryTerm, Review


def glossary_of(terms: Iterable[GlossaryTerm], name: str = "workbench") -> Glossary:
    """Stored terms as a :class:`Glossary`, for the CSV/TBX writers."""
    return Glossary((GlossaryEntry(t.source, t.target, tuple(t.variants), tuple(t.forbidden),
                                   t.category, t.note) for t in terms), name=name)


@dataclass(frozen=True)
class Correction:
    """A corrected link as :func:`workbench.suggest.suggest_terms` reads it."""

    ordinal: int
    source_text: str
    mt_text: str
    final_text: str


def corrections_of(review: Review) -> list[Correction]:
    """The links of a review whose current text differs from the machine translation."""
    return [Correction(r.ordinal, r.source_text, r.mt_text, r.current_text)
            for r in review.rows if r.corrected and r.current_text.strip() != r.mt_text.strip()]
