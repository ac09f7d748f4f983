"""Corpus post-edit figures from cached per-paragraph statistics.

:func:`workbench.postedit.metrics.measure_document` re-scores every paragraph each time; TER's
shift search makes that about 4 ms a paragraph, so a dashboard over a few thousand
paragraphs took many seconds after every save.  Corpus chrF++ and TER are sums of
per-segment statistics (sacrebleu itself keeps them that way for its significance
tests), so this module keeps each (machine text, final text) pair's statistics once
and sums them: after a correction only the changed paragraph is scored again, and the
figures of several documents combine exactly.  The result equals ``measure_document``
on the same pairs (tests/test_posteditstats.py checks it).
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.lrucache import LRUCache
from workbench.postedit.metrics import PostEdit, _kept, _metrics, measure_document

#: Pairs kept; each holds a few small lists of counts (and its two texts as the key).
MAX_PAIRS = 50_000


class EffortStats:
    """A cache of per-pair chrF++/TER statistics, safe to share between threads."""

    def __init__(self, max_pairs: int = MAX_PAIRS) -> None:
        self._chrf, self._ter = _metrics()
        self._cache: LRUCache[tuple[list, list]] = LRUCache(max_pairs)
        self._signature = measure_document(()).signature

    def _stats(self, mt: str, final: str) -> tuple[list, list]:
        key = (mt, final)
        found = self._cache.get(key)
        if found is None:
            # sacrebleu's segment statistics (what its corpus_score sums); scored outside
            # the cache's lock, the metrics keep no state between calls with explicit
            # references.
            found = (self._chrf._extract_corpus_statistics([mt], [[final]])[0],
                     self._ter._extract_corpus_statistics([mt], [[final]])[0])
            self._cache.put(key, found)
        return found

    def measure(self, pairs: Iterable[tuple[str, str]]) -> PostEdit:
        """Corpus chrF++/TER of ``(mt_text, final_text)`` pairs, as ``measure_document``."""
        kept = _kept(pairs)
        if not kept:
            return PostEdit(100.0, 0.0, False, self._signature)
        stats = [self._stats(mt, final) for mt, final in kept]
        chrf = self._chrf._aggregate_and_compute([c for c, _ in stats]).score
        ter = self._ter._aggregate_and_compute([t for _, t in stats]).score
        return PostEdit(
            chrf=round(float(chrf), 2),
            ter=round(float(ter), 2),
            changed=any(mt != final for mt, final in kept),
            signature=self._signature,
        )
