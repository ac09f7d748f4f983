"""Per-paragraph work of the checks, remembered by text: what makes a re-check incremental.

The document-level checks (a name across the document, consistency of names) read every
paragraph each time they run.  After one paragraph is corrected, only that paragraph's
text is new: its name runs, where each name is rendered in its Arabic, and the glossary
terms of its Vietnamese are computed again, every other paragraph's come from here, and
the checks then only aggregate.  Every function is pure and keyed by the texts (and the
glossary object) it reads, so a remembered answer is the answer a fresh run would give.
"""

from __future__ import annotations

import threading
import weakref
from functools import lru_cache

from workbench.glossary.matching import TermHit, find_terms
from workbench.glossary.terms import Glossary
from workbench.names import transliteration as translit
from workbench.names.runs import NameRun
from workbench.names.runs import name_runs as _name_runs
from workbench.lrucache import LRUCache

#: Paragraph texts remembered per glossary (a few documents' worth).
TEXTS_PER_GLOSSARY = 8192


@lru_cache(maxsize=32768)
def locate(vi_name: str, ar_text: str) -> translit.NameMatch | None:
    """:func:`workbench.names.transliteration.locate`, remembered (its result is frozen)."""
    return translit.locate(vi_name, ar_text)


@lru_cache(maxsize=16384)
def _runs(text: str) -> tuple[NameRun, ...]:
    return tuple(_name_runs(text))


def name_runs(text: str) -> list[NameRun]:
    """:func:`workbench.names.runs.name_runs` (two syllables or more), remembered."""
    return list(_runs(text))


_TERMS: weakref.WeakKeyDictionary[Glossary, LRUCache[tuple[TermHit, ...]]] = \
    weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def terms(text: str, glossary: Glossary) -> list[TermHit]:
    """:func:`workbench.glossary.matching.find_terms`, remembered per glossary object (a
    changed glossary is a new object, so it never sees another glossary's hits)."""
    with _LOCK:
        seen = _TERMS.get(glossary)
        if seen is None:
            seen = _TERMS[glossary] = LRUCache(TEXTS_PER_GLOSSARY)
    hits = seen.get(text)
    if hits is None:
        hits = tuple(find_terms(text, glossary))
        seen.put(text, hits)
    return list(hits)
