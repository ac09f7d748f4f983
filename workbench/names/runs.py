"""Proper-name runs in Vietnamese text: capitalised Vietnamese syllables in a row.

Vietnamese capitalises every syllable of a personal or place name (Mộc Châu,
Tây Bắc, Lan Anh) and only the first syllable of a common phrase, so a run of two or
more capitalised syllables inside a sentence is a name, a title or a body.  The first
word of a sentence is left out of a run when it is followed by lower-case words only.
Runs stop at punctuation; abbreviations (NSND, UBND) are not syllables and end a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.lang import name_cues
from workbench.names.transliteration import parse_syllable

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class NameRun:
    """A run of capitalised Vietnamese syllables and its span in the text."""

    name: str
    start: int
    end: int

    @property
    def syllables(self) -> list[str]:
        return self.name.split()


def _is_name_syllable(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper() or len(word) == 1 and word.isupper()) \
        and parse_syllable(word) is not None


def name_runs(text: str, min_syllables: int = 2) -> list[NameRun]:
    """Runs of ``min_syllables`` or more capitalised Vietnamese syllables, in text order.

    Words that start a title or a body (Đảng, Ban, Hội ...) are dropped from the front
    of a run; a run is cut where only a space does not separate two words.  Remembered
    per text (the name checks ask for the same paragraph several times).
    """
    return list(_name_runs(text, min_syllables))


@lru_cache(maxsize=8192)
def _name_runs(text: str, min_syllables: int) -> tuple[NameRun, ...]:
    out: list[NameRun] = []
    words: list[re.Match[str]] = []

    def close() -> None:
        while words and words[0].group() in name_cues.NOT_NAMES:
            words.pop(0)
        if len(words) >= min_syllables:
            out.append(NameRun(" ".join(w.group() for w in words), words[0].start(), words[-1].end()))
        words.clear()

    for m in _WORD.finditer(text):
        if words and text[words[-1].end():m.start()] != " ":
            close()
        if _is_name_syllable(m.group()):
            words.append(m)
        else:
            close()
    close()
    return tuple(out)
