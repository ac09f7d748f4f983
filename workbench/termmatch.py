"""Finding glossary terms in Vietnamese and their renderings in Arabic.

Exact-string term tools report a correct Arabic term as missing as soon as a clitic is
glued to it (والمقاطعة, بالمنطقة, للجنة) and match a Vietnamese term inside a longer one
("bài" in "bài học").  Here:

* Vietnamese: whole words, case-insensitive, NFC/NFD-tolerant, exact diacritics
  (Hà Giang ≠ Hà Giáng) unless the entry says ``match=toneless``; longest match first,
  non-overlapping; abbreviations (UBND, HĐND, MTTQ) case-sensitive; person and place
  names case-sensitive (so the common words "bình an" are not the commune Bình An).
* Arabic: a rendering matches through proclitics (و ف ب ك ل ال, contracted لل), a
  possessive/plural/dual suffix on its last word, and spelling variants (hamza forms,
  ة/ه, ى/ي, tashkeel, tatweel) via :func:`workbench.normalize.normalize_ar_with_offsets`.

Every hit carries its character span in the ORIGINAL text for highlighting.  Patterns
are compiled once per glossary/rendering and cached.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable

from workbench import clitics
from workbench.glossary import Glossary, GlossaryEntry
from workbench.normalize import normalize_ar, normalize_ar_with_offsets

#: Categories whose Vietnamese side is matched case-sensitively (proper names).
CASED_CATEGORIES = ("person", "place")


# --------------------------------------------------------------------------- Vietnamese


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a Vietnamese text: ``text[start:end]`` is what matched."""

    entry: GlossaryEntry
    start: int
    end: int
    text: str


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC form of ``text`` and, per output character, its index in ``text``.

    A base letter with its combining marks is composed as one cluster, so NFD input
    (common from Mac and some CMS exports) matches an NFC glossary.
    """
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        out.append(cluster)
        offsets.extend([i] * len(cluster))
        i = j
    return "".join(out), offsets


def _toneless_char(ch: str) -> str:
    """One NFC Vietnamese character without its diacritics (đ→d); length-preserving."""
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def toneless(text: str) -> str:
    """``text`` (NFC) without Vietnamese diacritics, one character for one character."""
    return "".join(_toneless_char(c) for c in text)


def _vi_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _is_abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _vi_pattern(source: str, cased: bool) -> str:
    words = source.split()
    parts = []
    for w in words:
        esc = re.escape(w)
        parts.append(f"(?-i:{esc})" if _is_abbreviation(w) else esc)
    body = r"\s+".join(parts)
    if cased:
        upper = r"\s+".join(re.escape(w.upper()) for w in words)
        body = f"(?-i:{body}|{upper})"
    return body


_BOUNDARY_L = r"(?<!\w)"
_BOUNDARY_R = r"(?!\w)"


class _VietnameseIndex:
    """One alternation regex per glossary (longest term first) and a key → entry map."""

    def __init__(self, glossary: Glossary) -> None:
        entries = sorted(glossary, key=lambda e: -len(e.source))
        self.by_key: dict[str, GlossaryEntry] = {}
        self.by_toneless: dict[str, GlossaryEntry] = {}
        exact, loose = [], []
        for e in entries:
            src = unicodedata.normalize("NFC", e.source)
            cased = e.category in CASED_CATEGORIES
            exact.append(_vi_pattern(src, cased))
            self.by_key.setdefault(_vi_key(src), e)
            if e.toneless:
                loose.append(_vi_pattern(toneless(src), cased))
                self.by_toneless.setdefault(_vi_key(toneless(src)), e)
        self.exact = self._compile(exact)
        self.loose = self._compile(loose)

    @staticmethod
    def _compile(patterns: list[str]) -> re.Pattern[str] | None:
        if not patterns:
            return None
        return re.compile(f"{_BOUNDARY_L}(?:{'|'.join(patterns)}){_BOUNDARY_R}", re.IGNORECASE)


_VI_INDEXES: weakref.WeakKeyDictionary[Glossary, _VietnameseIndex] = weakref.WeakKeyDictionary()


def _vi_index(glossary: Glossary) -> _VietnameseIndex:
    index = _VI_INDEXES.get(glossary)
    if index is None:
        index = _VI_INDEXES[glossary] = _VietnameseIndex(glossary)
    return index


def find_terms(text: str, glossary: Glossary) -> list[TermHit]:
    """Glossary terms in a Vietnamese text: whole words, longest first, non-overlapping."""
    if not len(glossary):
        return []
    index = _vi_index(glossary)
    norm, offsets = _nfc_with_offsets(text)
    offsets.append(len(text))
    candidates: list[tuple[int, int, GlossaryEntry]] = []
    for m in index.exact.finditer(norm):
        entry = index.by_key.get(_vi_key(m.group()))
        if entry is not None:
            candidates.append((m.start(), m.end(), entry))
    if index.loose is not None:
        for m in index.loose.finditer(toneless(norm)):
            entry = index.by_toneless.get(_vi_key(m.group()))
            if entry is not None:
                candidates.append((m.start(), m.end(), entry))
    hits: list[TermHit] = []
    taken_until = -1
    for start, end, entry in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if start < taken_until:
            continue
        s, e = offsets[start], offsets[end]
        hits.append(TermHit(entry, s, e, text[s:e]))
        taken_until = end
    return hits


# --------------------------------------------------------------------------- Arabic


@dataclass(frozen=True)
class RenderingHit:
    """An Arabic rendering found in a text; ``text[start:end]`` includes its clitics."""

    rendering: str
    start: int
    end: int
    text: str


class ArabicText:
    """An Arabic paragraph with its matching form, normalised once for many lookups."""

    __slots__ = ("original", "norm", "_offsets")

    def __init__(self, original: str) -> None:
        self.original = unicodedata.normalize("NFC", original)
        self.norm, self._offsets = normalize_ar_with_offsets(self.original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the matching-form span ``[start, end)``."""
        if start >= end:
            pos = self._offsets[start] if start < len(self._offsets) else len(self.original)
            return pos, pos
        stop = self._offsets[end - 1] + 1
        # keep the harakat/tatweel written on the last letter inside the span
        while stop < len(self.original) and (
                unicodedata.combining(self.original[stop]) or self.original[stop] == "\u0640"):
            stop += 1
        return self._offsets[start], stop


def _alt(options: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(o) for o in options) + ")"


_PREFIX = (f"{_alt(clitics.CONJUNCTIONS)}?"
           f"(?:{_alt(clitics.PREPOSITIONS[:2])}?{clitics.ARTICLE}|{clitics.LAM_ARTICLE}"
           f"|{_alt(clitics.PREPOSITIONS)})?")
_SHORT_PREFIX = f"{re.escape(clitics.CONJUNCTIONS[0])}?"


#: Hamza and its seats: writers disagree on the seat (مسؤول/مسئول, هيئة/هيأة), and the
#: matching form keeps the seat letter, so a rendering's hamza matches any seat.
_HAMZA_SEATS = set("ءأإآؤئ")
_HAMZA_CLASS = "[اويء]"

Word = list[tuple[str, str]]  # (matching-form character, original character)


def _words(rendering: str) -> list[Word]:
    norm, offsets = normalize_ar_with_offsets(unicodedata.normalize("NFC", rendering))
    words: list[Word] = [[]]
    for ch, i in zip(norm, offsets):
        if ch.isspace():
            if words[-1]:
                words.append([])
        else:
            words[-1].append((ch, rendering[i] if i < len(rendering) else ch))
    return [w for w in words if w]


def _esc(word: Word) -> str:
    return "".join(_HAMZA_CLASS if o in _HAMZA_SEATS and n != "ا" else re.escape(n)
                   for n, o in word)


def _text(word: Word) -> str:
    return "".join(n for n, _ in word)


def _strip_article(word: Word) -> Word:
    a = clitics.ARTICLE
    return word[len(a):] if _text(word).startswith(a) and len(word) - len(a) >= 2 else word


def _last_word(stem: Word) -> str:
    if len(stem) < clitics.MIN_STEM:
        return _esc(stem)
    options = [_esc(stem) + _alt(clitics.SUFFIXES) + "?"]
    if _text(stem).endswith(clitics.TA_MARBUTA):
        options.append(_esc(stem[:-1]) + _alt(clitics.TA_MARBUTA_SUFFIXES))
        if _text(stem).endswith("ي" + clitics.TA_MARBUTA):  # nisba: الإقليمية ~ الإقليمي
            options.append(_esc(stem[:-1]))
    return "(?:" + "|".join(options) + ")"


@lru_cache(maxsize=8192)
def arabic_pattern(rendering: str) -> re.Pattern[str]:
    """Regex over the matching form that finds ``rendering`` with clitics and variants."""
    words = _words(rendering)
    if not words:
        raise ValueError("empty Arabic rendering")
    first = _strip_article(words[0])
    prefix = _PREFIX if len(first) >= clitics.MIN_STEM else (
        _SHORT_PREFIX + (f"(?:{clitics.ARTICLE})?" if len(first) != len(words[0]) else ""))
    if len(words) == 1:
        body = prefix + _last_word(first)
    else:
        middle = [_esc(w) for w in words[1:-1]]
        body = r"\s+".join([prefix + _esc(first), *middle, _last_word(words[-1])])
    return re.compile(f"{_BOUNDARY_L}{body}{_BOUNDARY_R}")


def _as_arabic(text: str | ArabicText) -> ArabicText:
    return text if isinstance(text, ArabicText) else ArabicText(text)


def find_rendering(rendering: str, text: str | ArabicText) -> list[RenderingHit]:
    """Every occurrence of one Arabic rendering in ``text`` (clitics and variants allowed)."""
    at = _as_arabic(text)
    hits = []
    for m in arabic_pattern(rendering).finditer(at.norm):
        s, e = at.span(m.start(), m.end())
        hits.append(RenderingHit(rendering, s, e, at.original[s:e]))
    return hits


def find_renderings(renderings: Iterable[str], text: str | ArabicText) -> list[RenderingHit]:
    """Occurrences of any of ``renderings``: longest first, non-overlapping, in text order."""
    at = _as_arabic(text)
    found = [h for r in dict.fromkeys(renderings) if r.strip() for h in find_rendering(r, at)]
    found.sort(key=lambda h: (h.start, h.start - h.end))
    hits: list[RenderingHit] = []
    taken_until = -1
    for h in found:
        if h.start >= taken_until:
            hits.append(h)
            taken_until = h.end
    return hits


def contains_rendering(renderings: Iterable[str], text: str | ArabicText) -> bool:
    """Whether any accepted rendering occurs in ``text``."""
    at = _as_arabic(text)
    return any(arabic_pattern(r).search(at.norm) for r in renderings if r.strip())
