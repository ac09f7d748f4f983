"""The Arabic words of a paragraph, for looking names up in it.

One paragraph is searched for each of its names (by the fidelity scorer and by the
name checks), so its normalisation and word spans are worked out once per text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.lang.normalize import normalize_ar_with_offsets

#: An Arabic word in normalised text (Persian/Urdu letters of foreign names included).
AR_WORD = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06A4\u067E\u06AF]+")


@lru_cache(maxsize=4096)
def arabic_words(ar_text: str) -> tuple[str, list[int], tuple[tuple[int, int], ...],
                                        tuple[str, ...]]:
    """The normalised text, its offsets into ``ar_text``, its words' spans (in the
    normalised text) and the words.  Callers only read the results."""
    norm, offsets = normalize_ar_with_offsets(ar_text)
    spans = tuple((m.start(), m.end()) for m in AR_WORD.finditer(norm))
    return norm, offsets, spans, tuple(norm[a:b] for a, b in spans)
