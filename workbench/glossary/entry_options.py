"""Optional glossary columns that qualify a term's renderings, and their validation.

* ``severity`` (minor/major/critical): how grave the term's ``forbidden`` renderings
  are.  A wrong concept (a deputy secretary made "general secretary") is major, the
  default; a clumsy calque that a reader still understands (القوات الوظيفية for lực lượng
  chức năng) is minor.
* ``unless`` (``|``-separated Vietnamese words or phrases): the forbidden renderings do
  not apply to a source paragraph that also says one of them.  الطريق السريع is wrong for
  quốc lộ (a national highway) unless the paragraph also speaks of a cao tốc (an
  expressway), whose rendering it is; الأمين العام is wrong for Bí thư unless the
  paragraph names a Tổng Bí thư.  Matched as whole words, case-insensitively.
* ``match`` (exact/toneless): whether the Vietnamese term may match without diacritics.

:func:`validate_options` checks these cells when a glossary is read, so a typo refuses
the file (with its line) instead of being ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.errors import GlossaryFormatError

if TYPE_CHECKING:
    from workbench.glossary.terms import GlossaryEntry

#: ``match`` column values: ``exact`` (default, diacritics matter) or ``toneless``.
MATCH_MODES = ("exact", "toneless")
#: ``severity`` column values for forbidden renderings (``info`` is never a wrong rendering).
FORBIDDEN_SEVERITIES = ("minor", "major", "critical")
DEFAULT_FORBIDDEN_SEVERITY = "major"


def validate_options(row: Mapping[str, str], where: str, source: str) -> str:
    """The row's ``match`` mode; raise :class:`GlossaryFormatError` on a bad option cell."""
    match = (row.get("match") or "exact").strip().lower()
    if match not in MATCH_MODES:
        raise GlossaryFormatError(
            f"{where}: 'match' is {match!r} for {source!r}; use one of {', '.join(MATCH_MODES)}")
    severity = (row.get("severity") or "").strip().lower()
    if severity and severity not in FORBIDDEN_SEVERITIES:
        raise GlossaryFormatError(
            f"{where}: 'severity' is {severity!r} for {source!r}; use one of "
            f"{', '.join(FORBIDDEN_SEVERITIES)} (or leave it empty for {DEFAULT_FORBIDDEN_SEVERITY})")
    if (row.get("unless") or "").strip() and not (row.get("forbidden") or "").strip():
        raise GlossaryFormatError(
            f"{where}: 'unless' is given for {source!r} but it has no 'forbidden' rendering to lift")
    return match


def forbidden_severity(entry: GlossaryEntry) -> str:
    """How grave a forbidden rendering of ``entry`` is (its ``severity`` column)."""
    value = (entry.extra.get("severity") or "").strip().lower()
    return value if value in FORBIDDEN_SEVERITIES else DEFAULT_FORBIDDEN_SEVERITY


def unless_words(entry: GlossaryEntry) -> tuple[str, ...]:
    """The Vietnamese words whose presence lifts ``entry``'s forbidden renderings."""
    cell = entry.extra.get("unless") or ""
    return tuple(w.strip() for w in cell.split("|") if w.strip())


@lru_cache(maxsize=1024)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(r"\s+".join(re.escape(unicodedata.normalize("NFC", p)) for p in w.split())
                    for w in words)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def forbidden_applies(entry: GlossaryEntry, source_text: str) -> bool:
    """Whether ``entry``'s forbidden renderings are wrong in a paragraph whose source is
    ``source_text`` (no word of its ``unless`` column is there)."""
    words = unless_words(entry)
    if not words:
        return True
    return _words_pattern(words).search(unicodedata.normalize("NFC", source_text)) is None
