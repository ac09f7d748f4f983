"""What the aligner knows about each side of a pair before it links anything: anchor
tokens (numbers, Latin codes, name skeletons) hashed into vectors, furniture classes,
cumulative lengths, the length ratio, the band around the diagonal and each paragraph's
dissimilarity to its neighbours (moved out of :mod:`workbench.align.aligner`, which runs
the dynamic programme on them)."""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from workbench.lang.normalize import normalize_ar, strip_tones
from workbench.numbers import extract_numbers
from workbench.reading.furniture import classify_in

if TYPE_CHECKING:
    from workbench.align.aligner import AlignParams

#: cost of linking a paragraph written in neither language of the pair (chrome)
FOREIGN_COST = 10.0

# Latin-script tokens of 2+ characters (codes, names, URLs).
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_ANCHOR_DIM = 128


@lru_cache(maxsize=50_000)  # re-aligning an edited document reuses its paragraphs
def _anchor_tokens(text: str, lang: str) -> tuple[str, ...]:
    """Tokens that survive translation: numeric facts, document codes, Latin names.

    Numbers come from :mod:`workbench.numbers` (digits and spelled-out numbers,
    dates, percentages, in each language's conventions) and are compared by value;
    codes such as 18-QĐi/TU by their toneless letters.  Latin-script tokens are kept
    from the Arabic side (names and acronyms left in Latin letters); on the
    Vietnamese side, where every word is Latin, only tokens with a digit or two
    capitals (acronyms, codes) are kept.
    """
    tokens: list[str] = []
    for mention in extract_numbers(text, lang):
        if mention.kind == "code":
            tokens.append("code:" + strip_tones(mention.text).lower())
        elif mention.kind != "weekday":
            tokens.append(f"{mention.kind}:{mention.value:g}")
    latin = strip_tones(normalize_ar(text) if lang == "ar" else unicodedata.normalize("NFC", text))
    for tok in _LATIN_TOKEN.findall(latin):
        if lang == "ar" or any(c.isdigit() for c in tok) or sum(c.isupper() for c in tok) >= 2:
            tokens.append(tok.lower())
    return tuple(tokens)


@lru_cache(maxsize=50_000)
def _classify(text: str, lang: str):
    return classify_in(text, lang)


def _anchor_vectors(texts: Sequence[str], lang: str) -> np.ndarray:
    """Hashed bags of anchor tokens, (N, _ANCHOR_DIM) counts."""
    out = np.zeros((len(texts), _ANCHOR_DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for tok in _anchor_tokens(text, lang):
            out[row, zlib.crc32(tok.encode("utf-8")) % _ANCHOR_DIM] += 1.0
    return out


class _Side:
    """Per-side arrays, with prefix sums so any run of 1–3 paragraphs is O(1)."""

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, lang: str,
                 furniture: Sequence[bool] = ()) -> None:
        self.n = len(texts)
        self.vectors = vectors.astype(np.float32)
        self.lengths = np.array([len(t) for t in texts], dtype=np.float64)
        verdicts = [_classify(t, lang) for t in texts]
        self.noise = np.array([v.score for v in verdicts], dtype=np.float64)
        if any(furniture):  # the reader knows (a web page's menu, footer, related links)
            self.noise = np.maximum(self.noise, np.asarray(furniture, dtype=np.float64))
        self.kinds = np.array([v.kind or "" for v in verdicts], dtype=object)
        # not in the document's language at all (see noise.classify_in): never a translation
        self.foreign = np.array([v.kind == "foreign" for v in verdicts], dtype=np.float64)
        self.foreign_sum = _prefix(self.foreign)
        self.anchors = _anchor_vectors(texts, lang)
        self.vec_sum = _prefix(self.vectors)
        self.len_sum = _prefix(self.lengths)
        self.anchor_sum = _prefix(self.anchors)
        self.dissim = np.zeros(self.n)  # set by the aligner
        self.dissim_sum = _prefix(self.dissim)

    def set_dissim(self, values: np.ndarray) -> None:
        self.dissim = values
        self.dissim_sum = _prefix(values)

    def run_vectors(self, ends: np.ndarray, k: int) -> np.ndarray:
        """Normalised sum of the vectors of paragraphs [end-k, end) for each end."""
        v = self.vec_sum[ends] - self.vec_sum[ends - k]
        norms = np.linalg.norm(v, axis=-1, keepdims=True)
        norms[norms == 0] = 1.0
        return v / norms

    def run_noise(self, ends: np.ndarray, k: int) -> np.ndarray:
        """Summed furniture scores of paragraphs [end-k, end): three menu items weigh three."""
        out = self.noise[ends - 1].copy()
        for d in range(2, k + 1):
            out = out + self.noise[ends - d]
        return out


def _prefix(values: np.ndarray) -> np.ndarray:
    zero = np.zeros((1,) + values.shape[1:], dtype=np.float64 if values.ndim == 1 else values.dtype)
    return np.concatenate([zero, np.cumsum(values, axis=0, dtype=zero.dtype)])


def _length_ratio(src: _Side, tgt: _Side, params: AlignParams) -> float:
    """Arabic/Vietnamese character ratio for this document.

    The document's own ratio, shrunk towards the language pair's usual ratio: in a
    short document one long omitted paragraph would otherwise skew it so far that
    every correct link looks too short and merges look right.
    """
    content_s = float((src.lengths * (1 - src.noise)).sum()) + 1.0
    content_t = float((tgt.lengths * (1 - tgt.noise)).sum()) + 1.0
    weight = float(min((1 - src.noise).sum(), (1 - tgt.noise).sum()))
    k = params.ratio_prior_weight
    log_ratio = (weight * math.log(content_t / content_s) + k * math.log(params.length_ratio)) / (weight + k)
    return math.exp(log_ratio)


def _band_limits(src: _Side, tgt: _Side, width: int) -> tuple[np.ndarray, np.ndarray]:
    """For each row i (source paragraphs consumed), the band [lo_i, hi_i] of j.

    The centre follows cumulative length, with furniture counted as weightless
    since it rarely has a counterpart.
    """
    ws = np.concatenate([[0.0], np.cumsum(src.lengths * (1.0 - src.noise) + 1.0)])
    wt = np.concatenate([[0.0], np.cumsum(tgt.lengths * (1.0 - tgt.noise) + 1.0)])
    frac_s = ws / ws[-1]
    frac_t = wt / wt[-1]
    centre = np.searchsorted(frac_t, frac_s, side="left")
    centre = np.clip(centre, 0, tgt.n)
    centre[0], centre[-1] = 0, tgt.n
    lo = np.maximum.accumulate(np.clip(centre - width, 0, tgt.n))
    hi = np.minimum.accumulate(np.clip(centre + width, 0, tgt.n)[::-1])[::-1]
    hi = np.maximum(hi, lo)
    lo[0], hi[-1] = 0, tgt.n
    return lo.astype(np.int64), hi.astype(np.int64)


def _neighbour_dissimilarity(
    src: _Side, tgt: _Side, lo: np.ndarray, hi: np.ndarray, params: AlignParams
) -> None:
    """Mean (1 - cosine) of each paragraph with the other side's paragraphs in its band."""
    s_sum = np.zeros(src.n)
    s_cnt = np.zeros(src.n)
    t_sum = np.zeros(tgt.n)
    t_cnt = np.zeros(tgt.n)
    for i in range(1, src.n + 1):
        a, b = max(lo[i], 1), hi[i]
        if b < a:
            continue
        d = 1.0 - tgt.vectors[a - 1 : b] @ src.vectors[i - 1]
        s_sum[i - 1] += d.sum()
        s_cnt[i - 1] += d.size
        t_sum[a - 1 : b] += d
        t_cnt[a - 1 : b] += 1
    prior, k = params.prior_dissimilarity, params.prior_weight
    src.set_dissim((s_sum + k * prior) / (s_cnt + k))
    tgt.set_dissim((t_sum + k * prior) / (t_cnt + k))


@dataclass(frozen=True)
class _Terms:
    value: np.ndarray
    cosine: np.ndarray


def _link_terms(
    src: _Side, tgt: _Side, i: int, a: int, js: np.ndarray, b: int, ratio: float, params: AlignParams
) -> _Terms:
    """Value of linking source [i-a, i) with target [j-b, j) for every j in ``js``."""
    sv = src.run_vectors(np.array([i]), a)[0]
    tv = tgt.run_vectors(js, b)
    cos = tv @ sv
    norm = 0.5 * (
        (src.dissim_sum[i] - src.dissim_sum[i - a]) / a
        + (tgt.dissim_sum[js] - tgt.dissim_sum[js - b]) / b
    )
    sim = 1.0 - (1.0 - cos) / np.maximum(norm, 1e-3)
    ls = src.len_sum[i] - src.len_sum[i - a]
    lt = tgt.len_sum[js] - tgt.len_sum[js - b]
    k = params.length_smoothing
    log_ratio = np.log((lt + k * ratio) / (ratio * ls + k * ratio))
    sa = src.anchor_sum[i] - src.anchor_sum[i - a]
    ta = tgt.anchor_sum[js] - tgt.anchor_sum[js - b]
    inter = np.minimum(ta, sa).sum(axis=1)
    union = np.maximum(ta, sa).sum(axis=1)
    both = (sa.sum() > 0) & (ta.sum(axis=1) > 0)
    jacc = np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)
    anchor = np.where(both, jacc - 0.3, 0.0)
    # Furniture is penalised, unless both sides are single paragraphs of the same kind
    # of furniture (two date lines, two series links): those may well be a translation.
    ns = src.run_noise(np.array([i]), a)[0]
    nt = tgt.run_noise(js, b)
    noise = np.maximum(ns, nt)
    if a == 1 and b == 1 and src.kinds[i - 1]:
        same = tgt.kinds[js - 1] == src.kinds[i - 1]
        noise = np.where(same, np.abs(ns - nt), noise)
    coverage = np.zeros_like(sim)
    if a > 1 or b > 1:
        weakest = np.full_like(sim, np.inf)
        for q in range(a) if a > 1 else ():
            part = i - a + q
            c = 1.0 - (1.0 - tv @ src.vectors[part]) / np.maximum(src.dissim[part], 1e-3)
            weakest = np.minimum(weakest, c)
        for q in range(b) if b > 1 else ():
            parts = js - b + q
            c = 1.0 - (1.0 - tgt.vectors[parts] @ sv) / np.maximum(tgt.dissim[parts], 1e-3)
            weakest = np.minimum(weakest, c)
        # a part no more like the rest than an unrelated paragraph is an orphan
        coverage = weakest - sim - params.orphan * np.maximum(0.0, -weakest)
    foreign = (src.foreign_sum[i] - src.foreign_sum[i - a]) + (tgt.foreign_sum[js] - tgt.foreign_sum[js - b])
    value = (
        -FOREIGN_COST * foreign
        + params.similarity * sim
        - params.length * log_ratio**2
        + params.anchors * anchor
        - params.noise * noise
        - params.merge * (a + b - 2)
        + params.coverage * coverage
    )
    return _Terms(value, cos)
