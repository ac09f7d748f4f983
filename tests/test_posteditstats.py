"""Cached corpus post-edit figures equal ``postedit.measure_document`` on news text
(the Arabic of tests/corpus.py)."""

from __future__ import annotations

import pytest
from corpus import AR

from workbench.postedit.metrics import measure_document
from workbench.postedit.corpus_stats import EffortStats


def _edits(start: int, count: int, every: int) -> list[tuple[str, str]]:
    """MT/final pairs: every ``every``-th paragraph corrected (a word dropped, the
    article swapped, digits made Arabic-Indic), the rest untouched."""
    assert start + count <= len(AR)
    pairs = []
    for k, text in enumerate(AR[start:start + count]):
        if k % every == 0:
            final = " ".join(text.split()[1:]).replace("ال", "", 1).replace("2", "٢")
            pairs.append((text, final))
        else:
            pairs.append((text, text))
    return pairs


@pytest.mark.parametrize("start,count,every", [(0, 12, 1), (12, 40, 3), (37, 25, 50)])
def test_same_figures_as_measure_document(start: int, count: int, every: int) -> None:
    pairs = _edits(start, count, every)
    assert EffortStats().measure(pairs) == measure_document(pairs)


def test_documents_combine_exactly_and_the_cache_follows_the_texts() -> None:
    stats = EffortStats(max_pairs=30)
    a, b = _edits(0, 20, 4), _edits(30, 20, 2)
    assert stats.measure(a)  # fills the cache
    assert stats.measure(a + b) == measure_document(a + b)
    b[1] = (b[1][0], b[1][1] + " وأضاف المحرر جملة.")  # a new correction
    assert stats.measure(a + b) == measure_document(a + b)
    assert stats.measure(a[:3] + [("", "")]) == measure_document(a[:3])


def test_untouched_is_ter_zero_and_empty_is_perfect() -> None:
    stats = EffortStats()
    same = stats.measure([(t, t) for t in AR[:5]])
    assert (same.ter, same.chrf, same.changed) == (0.0, 100.0, False)
    assert "chrF2++" in stats.measure([]).signature
