"""Vietnamese→Arabic transliteration of personal and place names.

Why: an Arabic machine translation spells Vietnamese names by ear, lossily and
inconsistently (نجوين/نغوين, كوانغ/كوانج, فونغ for both Phương and Vượng).  A reviewer
needs (a) one house spelling to write, and (b) a way to tell a fair variant spelling
from a wrong name.  This module gives both: :func:`transliterate` (the preferred
rendering), :func:`candidates` (ranked alternatives) and :func:`plausibility` (how well
an Arabic spelling fits a Vietnamese name, robust to the usual variation).  The rules
are data in :mod:`workbench.lang.translit_vi_ar`.

Model: each syllable is parsed into initial + medial /w/ + nucleus + final, tones
dropped; each part has ranked Arabic spellings; a name's candidates are the
rank-ordered products.  Conventional renderings (Nguyễn, Hồ Chí Minh, Hà Nội) override
the rules.  Scoring aligns syllables to Arabic words monotonically (a word may carry
several syllables: هانوي) with a weighted edit distance over folded letters.
"""

from __future__ import annotations

import heapq
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from workbench.lang import translit_vi_ar as T
from workbench.lang.normalize import normalize_ar
from workbench.names.arabic_words import AR_WORD as _AR_WORD, arabic_words

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_INITIAL_ORDER = sorted(T.INITIALS, key=len, reverse=True)
_CONSONANT_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
_GLIDES = ("i", "y", "o", "u")
_VI_TOKEN = re.compile(r"[^\W\d_]+")
_PROCLITICS = ("وال", "بال", "لل", "ال", "و", "ب", "ل")
_SKIP_WORD_COST = 0.5     # an Arabic word that renders no syllable
_PROCLITIC_COST = 0.05    # "وفام" is Phạm with "and" attached: nearly free
_MAX_GROUP = 3            # syllables per Arabic word (هانوي = Hà + Nội) and words per group
_JOIN_OPTIONS = 6         # candidates per syllable tried when syllables are joined


@dataclass(frozen=True)
class Syllable:
    """A parsed Vietnamese syllable, tone removed: initial, medial /w/, nucleus, final."""

    initial: str
    medial: bool
    nucleus: str
    final: str


def strip_tone(text: str) -> str:
    """Lower-case Vietnamese without tone marks, keeping â ă ê ô ơ ư đ (Hồng → hông)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


def parse_syllable(syllable: str) -> Syllable | None:
    """Split one syllable into its parts, tone dropped; None if it is not Vietnamese.

    Case and tone marks are ignored ("Nguyễn" and "nguyên" parse alike).
    """
    s = strip_tone(unicodedata.normalize("NFC", syllable.strip()))
    initial, medial = "", False
    for cand in _INITIAL_ORDER:
        if s.startswith(cand):
            initial = cand
            break
    rest = s[len(initial):]
    if initial == "gi" and not any(ch in _VOWELS for ch in rest):
        initial, rest = "gi-", "i" + rest            # gìn, gì: the i is the vowel
    if initial == "qu":
        medial = True
    if not rest:
        return None
    if not medial and len(rest) > 1:
        if rest[0] == "o" and rest[1] in "aăe":
            medial, rest = True, rest[1:]
        elif rest[0] == "u" and rest[1] in "yêâơ":
            medial, rest = True, rest[1:]
    final = ""
    for cand in _CONSONANT_FINALS:
        if rest.endswith(cand) and len(rest) > len(cand):
            final, rest = cand, rest[: -len(cand)]
            break
    else:
        if len(rest) > 1 and rest[-1] in _GLIDES and rest[:-1] in T.NUCLEI:
            final, rest = rest[-1], rest[:-1]
    if rest not in T.NUCLEI:
        return None
    return Syllable(initial, medial, rest, final)


def _foreign(syllable: str) -> str:
    """Letter-by-letter rendering of a non-Vietnamese syllable ("Shan" → شان)."""
    out, i = [], 0
    plain = strip_tone(syllable).replace("đ", "d")
    plain = unicodedata.normalize("NFD", plain)
    plain = "".join(ch for ch in plain if unicodedata.category(ch) != "Mn")
    while i < len(plain):
        pair = plain[i : i + 2]
        if pair in T.FOREIGN_DIGRAPHS:
            out.append(T.FOREIGN_DIGRAPHS[pair])
            i += 2
            continue
        out.append(T.LETTERS.get(plain[i], ""))
        i += 1
    return "".join(out)


@lru_cache(maxsize=4096)
def syllable_options(syllable: str) -> tuple[str, ...]:
    """Arabic spellings of one Vietnamese syllable, most usual first."""
    plain = strip_tone(syllable)
    parsed = parse_syllable(plain)
    if parsed is None:
        return (_foreign(syllable),)
    if parsed.initial == "gi-":
        initials = T.GI_BEFORE_CONSONANT
    elif parsed.initial:
        initials = T.INITIALS[parsed.initial]
    else:
        initials = ("",)
    medials = T.MEDIAL if parsed.medial else ("",)
    nuclei = T.NUCLEI[parsed.nucleus]
    if parsed.final in T.ALLOW_EMPTY.get(parsed.nucleus, ()):
        nuclei = nuclei + ("",)
    finals = T.FINALS[parsed.final]
    ranked: dict[str, int] = {}
    for (ri, a), (rm, b), (rn, c), (rf, d) in itertools.product(
        enumerate(initials), enumerate(medials), enumerate(nuclei), enumerate(finals)
    ):
        vowels = b + c + d
        starts = [(0, a)]
        if not parsed.initial and vowels:
            # the first Arabic letter (ا و ي) is replaced by its word-initial forms
            head = T.VOWEL_INITIAL[(parsed.nucleus if not parsed.medial else "u")[0]]
            starts = list(enumerate(head))
            vowels = vowels[1:]
        for rv, start in starts:
            text = start + vowels
            if parsed.initial == "gi" and text.startswith("جيي"):
                text = "جي" + text[3:]              # giêng: one ي, not two
            rank = ri + rm + rn + rf + rv
            if text and (text not in ranked or rank < ranked[text]):
                ranked[text] = rank
    return tuple(sorted(ranked, key=lambda t: (ranked[t], len(t))))


def _units(name: str) -> list[tuple[int, tuple[str, ...]]]:
    """The name as units (syllable count, ranked Arabic options), conventions first."""
    tokens = _VI_TOKEN.findall(unicodedata.normalize("NFC", name))
    units: list[tuple[int, tuple[str, ...]]] = []
    i = 0
    while i < len(tokens):
        for size in (5, 4, 3, 2, 1):
            key = " ".join(tokens[i : i + size]).lower()
            if i + size <= len(tokens) and key in T.CONVENTIONAL:
                # the convention first, then what the rules give (هو تشي مينه is a fair variant)
                by_rule = _ranked_product([syllable_options(t) for t in tokens[i : i + size]], 8)
                options = tuple(dict.fromkeys(T.CONVENTIONAL[key] + tuple(by_rule)))
                units.append((size, options))
                i += size
                break
        else:
            units.append((1, syllable_options(tokens[i])))
            i += 1
    return units


def candidates(name: str, limit: int = 8) -> list[str]:
    """Up to ``limit`` Arabic renderings of a Vietnamese name, most usual first.

    The ranking sums the ranks of each syllable's choice, so variants differing in one
    syllable come before those differing in two.
    """
    units = _units(name)
    if not units or limit <= 0:
        return []
    return _ranked_product([opts for _, opts in units], limit)


def _ranked_product(options: list[tuple[str, ...]], limit: int) -> list[str]:
    """The ``limit`` best space-joined choices, one per option list, by summed rank."""
    start = (0,) * len(options)
    heap: list[tuple[int, tuple[int, ...]]] = [(0, start)]
    seen = {start}
    out: list[str] = []
    while heap and len(out) < limit:
        rank, idx = heapq.heappop(heap)
        text = " ".join(opts[k] for opts, k in zip(options, idx))
        if text not in out:
            out.append(text)
        for pos in range(len(idx)):
            if idx[pos] + 1 < len(options[pos]):
                nxt = idx[:pos] + (idx[pos] + 1,) + idx[pos + 1 :]
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (rank + 1, nxt))
    return out


def transliterate(name: str) -> str:
    """The preferred (house) Arabic rendering of a Vietnamese name: Tuyên Quang → توين كوانغ."""
    found = candidates(name, limit=1)
    return found[0] if found else ""


def _fold(text: str) -> str:
    """Scoring form: normalised Arabic, sound classes merged, doubled letters collapsed."""
    text = normalize_ar(text).replace(" ", "")
    text = "".join(T.FOLD.get(ch, ch) for ch in text)
    return re.sub(r"(.)\1+", r"\1", text)


_NEAR_MAP = {ch: min(pair) for pair in T.NEAR for ch in pair}


def _near(text: str) -> str:
    """Folded text with each near pair (ث/ت, ش/س …) merged to one letter."""
    return "".join(_NEAR_MAP.get(ch, ch) for ch in text)


def _similarity_matrix(cands: list[str], strings: list[str]) -> np.ndarray:
    """Best similarity of each string to any candidate, in [0, 1] (one value per string).

    The edit distance is the mean of the plain distance and the distance with near
    letters merged, so swapping ث for ت costs half an edit.  Squared so that one wrong
    letter in a four-letter syllable (هوانغ for هونغ) costs clearly more than a
    spelling variant, which folding has already made equal.
    """
    raw = process.cdist(cands, strings, scorer=Levenshtein.distance, dtype=np.float32)
    near = process.cdist(
        [_near(c) for c in cands], [_near(s) for s in strings],
        scorer=Levenshtein.distance, dtype=np.float32,
    )
    longest = np.maximum.outer(
        np.array([len(c) for c in cands], dtype=np.float32),
        np.array([len(s) for s in strings], dtype=np.float32),
    )
    sim = 1.0 - (raw + near) / 2.0 / np.maximum(longest, 1.0)
    return np.clip(sim, 0.0, 1.0).max(axis=0) ** 2


def _group_candidates(units: list[tuple[int, tuple[str, ...]]]) -> list[str]:
    """Folded spellings of consecutive units written as one Arabic word."""
    if len(units) == 1:
        return list(dict.fromkeys(_fold(o) for o in units[0][1]))
    pools = [opts[:_JOIN_OPTIONS] for _, opts in units]
    return list(dict.fromkeys(_fold("".join(p)) for p in itertools.product(*pools)))


@dataclass(frozen=True)
class _Alignment:
    """Result of aligning a name to words: score, first/last word used, proclitic length."""

    score: float
    first: int
    last: int
    prefix: int


def _align(units: list[tuple[int, tuple[str, ...]]], words: list[str], local: bool) -> _Alignment:
    """Best monotone alignment of name units to Arabic words.

    A group of up to three units may match up to three consecutive words (هانوي = Hà
    Nội; هو تشي منه = one conventional unit).  Every Arabic word inside the match that
    renders no syllable costs ``_SKIP_WORD_COST``; with ``local`` the words before and
    after the match are free (searching a paragraph), otherwise they cost too.
    """
    n, m = len(units), len(words)
    weight = sum(w for w, _ in units) or 1
    # a conventional unit may span more words than _MAX_GROUP (مدينة هو تشي منه)
    max_g = max(_MAX_GROUP, *(o.count(" ") + 1 for _, opts in units for o in opts))
    # every word span (j, g) as strings, with and without a proclitic on its first word
    strings: dict[str, int] = {}
    span_forms: dict[tuple[int, int], list[tuple[int, float, int]]] = {}
    folded = [_fold(w) for w in words]
    for j in range(m):
        heads = [(folded[j], 0.0, 0)]
        for prefix in _PROCLITICS:
            if words[j].startswith(prefix) and len(words[j]) - len(prefix) >= 2:
                heads.append((_fold(words[j][len(prefix):]), _PROCLITIC_COST, len(prefix)))
        for g in range(1, min(max_g, m - j) + 1):
            tail = "".join(folded[j + 1 : j + g])
            forms = []
            for text, cost, plen in heads:
                joined = re.sub(r"(.)\1+", r"\1", text + tail)   # as _fold does across words
                idx = strings.setdefault(joined, len(strings))
                forms.append((idx, cost, plen))
            span_forms[(j, g)] = forms
    string_list = list(strings)
    best: dict[tuple[int, int], np.ndarray] = {}
    for i in range(n):
        for k in range(1, min(_MAX_GROUP, n - i) + 1):
            best[(i, k)] = _similarity_matrix(_group_candidates(units[i : i + k]), string_list)

    neg = float("-inf")
    dp = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    # back[i][j] = (first word matched, its proclitic length, one past last word matched)
    for j in range(m + 1):
        if local or j == 0:
            dp[0][j] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            cur = dp[i][j]
            if cur == neg:
                continue
            info = back[i][j]
            if j < m:
                # (local: words before and after the match are free through the start
                # row and the final argmax, so every skip here is inside or a stray)
                step = cur - _SKIP_WORD_COST
                if step > dp[i][j + 1]:
                    dp[i][j + 1], back[i][j + 1] = step, info
            if i < n and cur > dp[i + 1][j]:
                dp[i + 1][j], back[i + 1][j] = cur, info
            for k in range(1, min(_MAX_GROUP, n - i) + 1):
                sims = best[(i, k)]
                syllables = sum(w for w, _ in units[i : i + k])
                for g in range(1, min(max_g, m - j) + 1):
                    sim, plen = max((float(sims[idx]) - cost, p) for idx, cost, p in span_forms[(j, g)])
                    gain = cur + syllables * sim
                    if gain > dp[i + k][j + g]:
                        first = info if info is not None else (j, plen, 0)
                        dp[i + k][j + g] = gain
                        back[i + k][j + g] = (first[0], first[1], j + g)
    if local:
        j_best = max(range(m + 1), key=lambda j: dp[n][j])
    else:
        j_best = m
    final = back[n][j_best]
    score = min(1.0, max(0.0, dp[n][j_best]) / weight)
    if final is None:
        return _Alignment(score, -1, -1, 0)
    return _Alignment(score, final[0], final[2], final[1])


def plausibility(vi_name: str, ar_text: str) -> float:
    """How plausible ``ar_text`` is as an Arabic rendering of ``vi_name``, in [0, 1].

    1.0 for a house or variant spelling (ج/غ, و/وو, يي/ي, alef and hamza forms are
    equal); lower for a wrong letter, a missing or extra syllable, another name or
    syllables in the wrong order.  Extra Arabic words lower the score: pass the name's
    span, or use :func:`locate` to find it in a paragraph.
    """
    units = _units(vi_name)
    words = _AR_WORD.findall(normalize_ar(ar_text))
    if not units or not words:
        return 0.0
    return _align(units, words, local=False).score


@dataclass(frozen=True)
class NameMatch:
    """Where a Vietnamese name best matches in an Arabic text: score and char span."""

    score: float
    start: int
    end: int
    text: str


@lru_cache(maxsize=20_000)  # the scorer and the name checks look for the same names
def locate(vi_name: str, ar_text: str) -> NameMatch | None:
    """Find the span of ``ar_text`` that best renders ``vi_name``.

    The span is in the caller's (unnormalised) text, for highlighting, without a
    proclitic (و ب ل ال) attached to its first word.  None if the text has no Arabic
    word or nothing matches at all.  One alignment pass over the paragraph.
    """
    units = _units(vi_name)
    _, offsets, spans, words = arabic_words(ar_text)
    if not units or not spans:
        return None
    found = _align(units, list(words), local=True)
    if found.first < 0:
        return None
    start = offsets[spans[found.first][0] + found.prefix]
    end = offsets[spans[found.last - 1][1] - 1] + 1
    return NameMatch(found.score, start, end, ar_text[start:end])
