"""Finding glossary terms in Vietnamese and their renderings in Arabic.

Exact-string term tools report a correct Arabic term as missing as soon as a clitic is
glued to it (والمقاطعة, بالمنطقة, للجنة) and match a Vietnamese term inside a longer one
("bài" in "bài học").  Here:

* Vietnamese: whole words, case-insensitive, NFC/NFD-tolerant, exact diacritics
  (Hà Giang ≠ Hà Giáng) unless the entry says ``match=toneless``; longest match first,
  non-overlapping; abbreviations (UBND, HĐND, MTTQ) case-sensitive, also glued to a number
  (QL51: QL); names case-sensitive (so the common words "bình an" are not the commune Bình An).
* Arabic: a rendering matches through proclitics (و ف ب ك ل ال, contracted لل), a
  possessive/plural/dual suffix on its last word, and spelling variants (hamza forms,
  ة/ه, ى/ي, tashkeel, tatweel) via :func:`workbench.lang.normalize.normalize_ar_with_offsets`.

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
from typing import TypeVar

from workbench.lang import ar_clitics as clitics
from workbench.lang.vi_compounds import COMPOUNDS
from workbench.glossary.terms import Glossary, GlossaryEntry
from workbench.lang.normalize import normalize_ar, normalize_ar_with_offsets

T = TypeVar("T")

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


def nfc_with_offsets(text: str) -> tuple[str, list[int]]:
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
    """Regex for one Vietnamese term.

    Abbreviations match case-sensitively; names (``cased``) match as written or in
    capitals; a term written with a capital initial (Quy định, Bài) must have it in the
    text too, because the lower-case word is usually the common word ("theo quy định").
    """
    words = source.split()
    parts = []
    for k, w in enumerate(words):
        esc = re.escape(w)
        if _is_abbreviation(w):
            parts.append(f"(?-i:{esc})")
        elif k == 0 and w[:1].isupper():
            parts.append(f"(?-i:{re.escape(w[0])}){re.escape(w[1:])}")
        else:
            parts.append(esc)
    body = r"\s+".join(parts)
    if cased:
        upper = r"\s+".join(re.escape(w.upper()) for w in words)
        body = f"(?-i:{body}|{upper})"
    return body


_BOUNDARY_L = r"(?<!\w)"
_BOUNDARY_R = r"(?!\w)"
_VI_END = r"(?:(?!\w)|(?-i:(?<=[A-ZĐ]))(?=\d))"  # a capital abbreviation may touch a number


class _VietnameseIndex:
    """One alternation regex per glossary (longest term first) and a key → entry map."""

    def __init__(self, glossary: Glossary) -> None:
        entries = list(glossary)
        self.by_key: dict[str, GlossaryEntry | None] = {}
        self.by_toneless: dict[str, GlossaryEntry | None] = {}
        # compounds first: at equal length a compound blocks; longer terms still win
        keys = {_vi_key(e.source) for e in entries}
        blockers = [c for c in COMPOUNDS if _vi_key(c) not in keys]
        # (length, pattern) pairs: one alternation, longest first, so that at one
        # position a compound ("cơ sở hạ tầng") is tried before the term inside it
        exact: list[tuple[int, str]] = []
        loose: list[tuple[int, str]] = []
        for c in blockers:
            self.by_key[_vi_key(c)] = None
            self.by_toneless.setdefault(_vi_key(toneless(c)), None)
            exact.append((len(c), _vi_pattern(c, False)))
            loose.append((len(c), _vi_pattern(toneless(c), False)))
        has_loose = False
        for e in entries:
            src = unicodedata.normalize("NFC", e.source)
            cased = e.category in CASED_CATEGORIES
            exact.append((len(src), _vi_pattern(src, cased)))
            self.by_key[_vi_key(src)] = e
            if e.toneless:
                has_loose = True
                loose.append((len(src), _vi_pattern(toneless(src), cased)))
                self.by_toneless.setdefault(_vi_key(toneless(src)), e)
        self.exact = self._compile([p for _, p in sorted(exact, key=lambda x: -x[0])])
        self.loose = self._compile([p for _, p in sorted(loose, key=lambda x: -x[0])]) \
            if has_loose else None

    @staticmethod
    def _compile(patterns: list[str]) -> re.Pattern[str] | None:
        if not patterns:
            return None
        # a lookahead finds a match at every position, so overlapping terms compete by length below
        # instead of the leftmost one winning ("Phó Trưởng Ban Tổ chức Tỉnh ủy": not Phó Trưởng ban)
        return re.compile(f"{_BOUNDARY_L}(?=((?:{'|'.join(patterns)}){_VI_END}))", re.IGNORECASE)


_VI_INDEXES: weakref.WeakKeyDictionary[Glossary, _VietnameseIndex] = weakref.WeakKeyDictionary()


def _vi_index(glossary: Glossary) -> _VietnameseIndex:
    index = _VI_INDEXES.get(glossary)
    if index is None:
        index = _VI_INDEXES[glossary] = _VietnameseIndex(glossary)
    return index


def longest_first(spans: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """The ``(start, end, item)`` spans that win when longer ones take precedence
    (the leftmost between equals), non-overlapping, in text order."""
    chosen: list[tuple[int, int, T]] = []
    for c in sorted(spans, key=lambda c: (c[0] - c[1], c[0])):
        if all(c[1] <= a or b <= c[0] for a, b, _ in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def find_terms(text: str, glossary: Glossary) -> list[TermHit]:
    """Glossary terms in a Vietnamese text: whole words, longest first, non-overlapping."""
    if not len(glossary):
        return []
    index = _vi_index(glossary)
    norm, offsets = nfc_with_offsets(text)
    offsets.append(len(text))
    candidates: list[tuple[int, int, GlossaryEntry | None]] = []
    for m in index.exact.finditer(norm):
        key = _vi_key(m.group(1))
        if key in index.by_key:
            candidates.append((m.start(1), m.end(1), index.by_key[key]))
    if index.loose is not None:
        for m in index.loose.finditer(toneless(norm)):
            key = _vi_key(m.group(1))
            if key in index.by_toneless:
                candidates.append((m.start(1), m.end(1), index.by_toneless[key]))
    hits: list[TermHit] = []
    for start, end, entry in longest_first(candidates):
        if entry is None:  # a compound word, not the term inside it
            continue
        s, e = offsets[start], offsets[end]
        hits.append(TermHit(entry, s, e, text[s:e]))
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

    __slots__ = ("original", "norm", "_offsets", "_windows")

    def __init__(self, original: str) -> None:
        # offsets go to the caller's text even when it is not NFC (decomposed hamza)
        self.original = original
        nfc, to_original = nfc_with_offsets(original)
        self.norm, offsets = normalize_ar_with_offsets(nfc)
        self._offsets = [to_original[i] for i in offsets]
        self._windows: dict[int, tuple[list[str], list[tuple[int, int]]]] = {}

    def windows(self, width: int) -> tuple[list[str], list[tuple[int, int]]]:
        """Every run of ``width`` words in folded form (the first word also without its
        proclitic), with original spans; built once per width for fuzzy lookups."""
        if width not in self._windows:
            spans = [(m.start(), m.end()) for m in _AR_WORD.finditer(self.norm)]
            words = [self.norm[a:b] for a, b in spans]
            texts, where = [], []
            for j in range(len(words) - width + 1):
                rest = " ".join(words[j + 1:j + width])
                span = self.span(spans[j][0], spans[j + width - 1][1])
                for first in _unclitic(words[j]):
                    texts.append(_fold(f"{first} {rest}".strip()))
                    where.append(span)
            self._windows[width] = (texts, where)
        return self._windows[width]

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
    if not _text(stem).endswith(clitics.TA_MARBUTA):
        options.append(_esc(stem) + clitics.TANWIN_ALEF)  # accusative tanwin: جناحًا
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
        last = _strip_article(words[-1])
        # "في المنطقة" before a name is "في منطقة نا هانغ": the article may go
        if len(last) == len(words[-1]):
            last_re = _last_word(last)
        elif _text(words[-2]) in clitics.PREPOSITION_WORDS:
            last_re = f"(?:{clitics.ARTICLE})?" + _last_word(last)
        else:
            # idafa: "نوعية الأنشطة" is "نوعية أنشطة خلايا الحزب" before a genitive
            last_re = f"(?:{clitics.ARTICLE}{_last_word(last)}|{_last_word(last)}(?=\\s+[^\\W\\d_]))"
        # the first word may carry the accusative tanwin when a preposition links the
        # rest: "عضو الحزب" written "عضوًا في الحزب" (matching form عضوا)
        first_re = _esc(first)
        if _text(words[1]).startswith(clitics.ARTICLE) and len(first) >= clitics.MIN_STEM \
                and not _text(first).endswith(clitics.TA_MARBUTA):
            first_re += f"{clitics.TANWIN_ALEF}?"
        parts = [prefix + first_re, *middle, last_re]
        body = parts[0]
        for word, part in zip(words[1:], parts[1:]):
            gap = r"\s+"
            if _text(word).startswith(clitics.ARTICLE):
                gap = rf"\s+(?:{_alt(clitics.LINK_PREPOSITIONS)}\s+)?"
            body += gap + part
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


# --------------------------------------------------------------------------- fuzzy

_AR_WORD = re.compile(r"[^\W\d_]+")
_FOLD = str.maketrans({"ج": "غ", "ق": "ك", "ث": "ت", "ى": "ي", "ة": "ه"})
_CLITIC_STRIP = clitics.STRIPPABLE


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _unclitic(word: str) -> list[str]:
    forms = [word]
    for p in _CLITIC_STRIP:
        if word.startswith(p) and len(word) - len(p) >= 2:
            forms.append(word[len(p):])
    return forms


@dataclass(frozen=True)
class NearHit:
    """The stretch of an Arabic text closest to a rendering, and how close (0..1)."""

    rendering: str
    score: float
    start: int
    end: int
    text: str


def closest(renderings: Iterable[str], text: str | ArabicText, slack: int = 1,
            exclude: Iterable[tuple[int, int]] = ()) -> NearHit | None:
    """The window of words most similar to any rendering (clitics ignored), or None.

    Used when no rendering matches, to show the reviewer what the translation has
    instead ("found"), and to tell a misspelt name from a missing one.  Windows that
    overlap an ``exclude`` span (original offsets: correct mentions) are skipped.
    """
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    at = _as_arabic(text)
    exclude = list(exclude)
    best: NearHit | None = None
    for r in dict.fromkeys(renderings):
        rn = normalize_ar(r).split()
        if not rn:
            continue
        target = _fold(" ".join(rn))
        for width in range(max(1, len(rn) - slack), len(rn) + slack + 1):
            texts, where = at.windows(width)
            if exclude:
                keep = [k for k, (s0, e0) in enumerate(where)
                        if not any(s0 < b and a < e0 for a, b in exclude)]
                texts, where = [texts[k] for k in keep], [where[k] for k in keep]
            if not texts:
                continue
            cutoff = best.score * 100 if best else 0
            hit = process.extractOne(target, texts, scorer=ratio, score_cutoff=cutoff)
            if hit is None:
                continue
            _, score, k = hit
            score /= 100.0
            if best is None or score > best.score:
                s0, e0 = where[k]
                best = NearHit(r, score, s0, e0, at.original[s0:e0])
    return best
