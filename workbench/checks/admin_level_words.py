"""The words of administrative levels and the names after them: which glossary entries
are level words, how far apart two levels are, the Arabic forms of a level word, and
the name that follows one (moved out of :mod:`workbench.checks.admin_levels`, which
reports the slips)."""

from __future__ import annotations

import re
import weakref

from workbench.checks.base import LinkView
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.lang import ar_clitics as clitics
from workbench.lang.normalize import normalize_ar
from workbench.names import transliteration as translit


_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NAME_WORD = re.compile(r"\s+([^\W\d_][\w]*)")
_LEVEL_DESC = re.compile(r"^Level \d+ \(([^),;]+)")
_NEAR_NAME = 0.75
_CLITICS = clitics.STRIPPABLE


def level_number(entry: GlossaryEntry) -> int | None:
    """The tier of a level from its note ('Level 3 (commune)' -> 3), else None."""
    m = re.match(r"^Level (\d+)", entry.note)
    return int(m.group(1)) if m else None


def slip_severity(expected: GlossaryEntry, found: list[GlossaryEntry]) -> str:
    """A level word of the same tier (xã written بلدة, the word of thị trấn) is a weaker
    slip: minor; one that moves the unit up or down the hierarchy is major."""
    tier = level_number(expected)
    if tier is not None and any(level_number(x) == tier for x in found):
        return "minor"
    return "major"


def describe(entry: GlossaryEntry) -> str:
    """'a commune' from the note 'Level 3 (commune) ...', else the level word itself."""
    m = _LEVEL_DESC.match(entry.note)
    if not m:
        return f"a {entry.source}"
    what = m.group(1).strip()
    return f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"


def bare(word: str) -> str:
    """An Arabic level word in matching form without its article (the glossary's key)."""
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def forms(word: str) -> list[str]:
    """A text word as written and without each proclitic it may carry (وبلدية → بلدية);
    the word itself first, so بلدية is not read as ب + لدية."""
    out = [word]
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append(word[len(p):])
    return out


class _Levels:
    """The admin_level entries of a glossary, indexed for both languages."""

    def levels_of_word(self, word: str) -> list[GlossaryEntry]:
        """The levels whose house word ``word`` (matching form, clitics allowed) is."""
        for form in forms(word):
            if form in self.by_arabic:
                return self.by_arabic[form]
        return []

    def __init__(self, entries: tuple[GlossaryEntry, ...]) -> None:
        self.entries = sorted(entries, key=lambda e: -len(e.source))
        words = "|".join(re.escape(e.source) for e in self.entries)
        self.source_re = re.compile(rf"(?<!\w)({words})(?!\w)", re.IGNORECASE) if entries else None
        # "51 phường", "126 xã, phường": a count of units of one or more levels
        self.counted_re = re.compile(
            rf"(?<![\d.,])(\d+)\s+((?:{words})(?:\s*(?:,|và)\s*(?:{words}))*)(?!\w)",
            re.IGNORECASE) if entries else None
        self.by_source = {e.source.casefold(): e for e in self.entries}
        # bare Arabic level word (first word of a rendering) -> entries using it
        self.by_arabic: dict[str, list[GlossaryEntry]] = {}
        for e in self.entries:
            for r in e.renderings:
                self.by_arabic.setdefault(bare(normalize_ar(r).split()[0]), []).append(e)
        accepted = set(self.by_arabic)
        # forbidden forms that are no level's word: adjectives and foreign levels
        self.stray = {e.source: tuple(f for f in e.forbidden
                                      if bare(normalize_ar(f).split()[0]) not in accepted)
                      for e in self.entries}


_CACHE: weakref.WeakKeyDictionary[Glossary, _Levels] = weakref.WeakKeyDictionary()


def levels_of(view: LinkView) -> _Levels:
    g = view.glossary
    if g not in _CACHE:
        _CACHE[g] = _Levels(g.by_category("admin_level"))
    return _CACHE[g]


def name_after(text: str, end: int) -> tuple[str, int, int] | None:
    """The capitalised syllables right after ``end`` (xã ·Bình An·), or None."""
    words, pos, start = [], end, None
    while len(words) < 4:
        m = _NAME_WORD.match(text, pos)
        if not m or not m.group(1)[0].isupper():
            break
        if start is None:
            start = m.start(1)
        words.append(m.group(1))
        pos = m.end()
    return (" ".join(words), start, pos) if words else None


def name_renderings(view: LinkView, name: str) -> tuple[str, ...]:
    entry = view.glossary.lookup(name)
    if entry is not None and entry.category in ("place", "person"):
        return entry.renderings
    return tuple(translit.candidates(name, limit=4))
