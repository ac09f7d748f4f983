"""Vietnamese→Arabic transliteration of personal and place names.

Why: an Arabic machine translation spells Vietnamese names by ear, lossily and
inconsistently (نجوين/نغوين, كوانغ/كوانج, فونغ for both Phương and Vượng).  A reviewer
needs (a) one house spelling to write, and (b) a way to tell a fair variant spelling
from a wrong name.  This module gives both: :func:`transliterate` (the preferred
rendering), :func:`candidates` (ranked alternatives) and :func:`plausibility` (how well
an Arabic spelling fits a Vietnamese name, robust to the usual variation).  The rules
are data in :mod:`workbench.translit_table`.

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

from workbench import translit_table as T
from workbench.normalize import normalize_ar, normalize_ar_with_offsets

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_INITIAL_ORDER = sorted(T.INITIALS, key=len, reverse=True)
_CONSONANT_FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
_GLIDES = ("i", "y", "o", "u")
_VI_TOKEN = re.compile(r"[^\W\d_]+")
_AR_WORD = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06A4\u067E\u06AF]+")
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
    """Split one toneless syllable into its parts; None if it is not Vietnamese."""
    s = syllable
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
        for size in (3, 2, 1):
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


def _distance(a: str, b: str) -> float:
    """Levenshtein distance with half-cost substitutions between near letters."""
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)] + [0.0] * len(b)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                sub = 0.0
            elif frozenset((ca, cb)) in T.NEAR:
                sub = 0.5
            else:
                sub = 1.0
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub)
        prev = cur
    return prev[-1]


def _similarity(candidates_folded: tuple[str, ...], word: str) -> float:
    """Best match of a folded Arabic word against folded candidates, in [0, 1].

    Squared so that one wrong letter in a four-letter syllable (هوانغ for هونغ) costs
    clearly more than a spelling variant, which folding has already made equal.
    """
    best = 0.0
    for cand in candidates_folded:
        longest = max(len(cand), len(word)) or 1
        best = max(best, 1.0 - _distance(cand, word) / longest)
        if best == 1.0:
            break
    return max(0.0, best) ** 2


def _word_forms(word: str) -> list[tuple[str, float]]:
    """A folded Arabic word and its forms without a proclitic (و ب ل ال), with costs."""
    forms = [(_fold(word), 0.0)]
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            forms.append((_fold(word[len(prefix):]), _PROCLITIC_COST))
    return forms


def _group_candidates(units: list[tuple[int, tuple[str, ...]]]) -> tuple[str, ...]:
    """Folded spellings of consecutive units written as one Arabic word."""
    if len(units) == 1:
        return tuple(dict.fromkeys(_fold(o) for o in units[0][1]))
    pools = [opts[:_JOIN_OPTIONS] for _, opts in units]
    return tuple(dict.fromkeys(_fold("".join(p)) for p in itertools.product(*pools)))


def _align(units: list[tuple[int, tuple[str, ...]]], words: list[str]) -> tuple[float, int, int]:
    """Best monotone alignment of name units to Arabic words.

    Returns (score in [0,1], first word used, one past the last word used); every
    Arabic word inside that range that renders no syllable costs ``_SKIP_WORD_COST``.
    """
    n, m = len(units), len(words)
    weight = sum(w for w, _ in units) or 1
    forms = [_word_forms(w) for w in words]
    group_cache: dict[tuple[int, int], tuple[str, ...]] = {}
    neg = float("-inf")
    # dp[i][j]: best gain with i units placed and j words consumed; start[i][j]: first word matched
    dp = [[neg] * (m + 1) for _ in range(n + 1)]
    first = [[-1] * (m + 1) for _ in range(n + 1)]
    last = [[-1] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            cur = dp[i][j]
            if cur == neg:
                continue
            if j < m and cur - _SKIP_WORD_COST > dp[i][j + 1]:
                dp[i][j + 1] = cur - _SKIP_WORD_COST
                first[i][j + 1], last[i][j + 1] = first[i][j], last[i][j]
            if i < n and cur > dp[i + 1][j]:
                dp[i + 1][j] = cur
                first[i + 1][j], last[i + 1][j] = first[i][j], last[i][j]
            for k in range(1, min(_MAX_GROUP, n - i) + 1):
                key = (i, k)
                if key not in group_cache:
                    group_cache[key] = _group_candidates(units[i : i + k])
                cands = group_cache[key]
                syllables = sum(w for w, _ in units[i : i + k])
                for g in range(1, min(_MAX_GROUP, m - j) + 1):
                    head = forms[j]
                    tail = "".join(forms[x][0][0] for x in range(j + 1, j + g))
                    sim = max(_similarity(cands, f + tail) - cost for f, cost in head)
                    gain = cur + syllables * sim
                    if gain > dp[i + k][j + g]:
                        dp[i + k][j + g] = gain
                        first[i + k][j + g] = first[i][j] if first[i][j] >= 0 else j
                        last[i + k][j + g] = j + g
    best = max(0.0, dp[n][m]) / weight
    return min(1.0, best), first[n][m], last[n][m]


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
    return _align(units, words)[0]


@dataclass(frozen=True)
class NameMatch:
    """Where a Vietnamese name best matches in an Arabic text: score and char span."""

    score: float
    start: int
    end: int
    text: str


def locate(vi_name: str, ar_text: str) -> NameMatch | None:
    """Find the span of ``ar_text`` that best renders ``vi_name`` (None if no words).

    The span is in the caller's (unnormalised) text, for highlighting.  Windows of up
    to two words more than the name has syllables are tried, so a proclitic or a
    split syllable does not hide a match.
    """
    units = _units(vi_name)
    norm, offsets = normalize_ar_with_offsets(ar_text)
    spans = [(m.start(), m.end()) for m in _AR_WORD.finditer(norm)]
    if not units or not spans:
        return None
    syllables = sum(w for w, _ in units)
    best: NameMatch | None = None
    widths = range(1, min(len(spans), syllables + 2) + 1)
    for width in widths:
        for j in range(len(spans) - width + 1):
            window = [norm[a:b] for a, b in spans[j : j + width]]
            score, lo, hi = _align(units, window)
            if best is not None and score <= best.score:
                continue
            if lo < 0:
                continue
            start = offsets[spans[j + lo][0]]
            end = offsets[spans[j + hi - 1][1] - 1] + 1
            best = NameMatch(score, start, end, ar_text[start:end])
    return best
