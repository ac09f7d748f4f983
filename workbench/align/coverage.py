"""Does the translation carry every clause of its source?  A clause-level embedding check.

A paragraph's embedding averages its meaning: a wrong concept or a dropped qualifier in
one clause of a long paragraph barely moves the cosine of the whole.  Comparing each
Vietnamese clause (split at punctuation, at least ``MIN_WORDS`` words) with the whole
Arabic paragraph finds the clause the translation carries least; the **coverage gap**
is how far that clause's similarity falls below the paragraph's own
(``max(0, cos(vi, ar) - min_clause cos(clause, ar))``).  How much a gap lowers the
fidelity is fitted with the finding weights (``bench/fit_finding_weights.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.align.embedding import EmbeddingBackend
from workbench.model.link import Link
from workbench.model.paragraph import Paragraph

#: a clause shorter than this is merged into its neighbour (a name, a date, "ông")
MIN_WORDS = 3
_SPLIT = re.compile(r"\s*[,.;:!?\n…]+\s*")
JOIN = "\n"  # how the aligner joins merged paragraphs


@dataclass(frozen=True)
class Coverage:
    """The coverage gap of one link and the source clause it comes from."""

    gap: float
    clause: str


def clauses(text: str, min_words: int = MIN_WORDS) -> list[str]:
    """The clauses of a Vietnamese text: pieces between punctuation, short ones merged
    forward (a trailing short piece joins the clause before it)."""
    out: list[str] = []
    current = ""
    for piece in _SPLIT.split(text):
        current = f"{current} {piece}".strip()
        if len(current.split()) >= min_words:
            out.append(current)
            current = ""
    if current:
        if out:
            out[-1] = f"{out[-1]} {current}"
        else:
            out.append(current)
    return out


def link_texts(source: Sequence[Paragraph], target: Sequence[Paragraph],
               link: Link) -> tuple[str, str]:
    """The joined source and target texts of a link, as the aligner embeds them."""
    src = {p.index: p.text for p in source}
    tgt = {p.index: p.text for p in target}
    return (JOIN.join(src[i] for i in link.source if i in src),
            JOIN.join(tgt[i] for i in link.target if i in tgt))


def coverage_gaps(pairs: Sequence[tuple[str, str]], backend: EmbeddingBackend) -> list[Coverage]:
    """The coverage gap of each (Vietnamese, Arabic) pair; all texts embedded at once."""
    # a one-clause text has no gap: its clause is not embedded at all
    split = [cs if len(cs) > 1 else [] for cs in (clauses(vi) for vi, _ in pairs)]
    texts = [t for vi, ar in pairs for t in (vi, ar)] + [c for cs in split for c in cs]
    if not texts:
        return []
    vectors = backend.embed(texts)
    out, k = [], 2 * len(pairs)
    for i, cs in enumerate(split):
        vi, ar = vectors[2 * i], vectors[2 * i + 1]
        sims = vectors[k:k + len(cs)] @ ar
        k += len(cs)
        if len(cs) < 2:
            out.append(Coverage(0.0, ""))
            continue
        worst = int(np.argmin(sims))
        out.append(Coverage(max(0.0, float(vi @ ar) - float(sims[worst])), cs[worst]))
    return out


def link_coverage(source: Sequence[Paragraph], target: Sequence[Paragraph],
                  links: Sequence[Link], backend: EmbeddingBackend) -> dict[tuple, Coverage]:
    """The coverage of every two-sided link, keyed by (source, target) paragraph numbers."""
    two_sided = [link for link in links if not link.is_one_sided]
    found = coverage_gaps([link_texts(source, target, link) for link in two_sided], backend)
    return {(tuple(link.source), tuple(link.target)): c for link, c in zip(two_sided, found)}
