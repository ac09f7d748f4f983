"""Fit the constants of the calibrated fidelity scorer and write them next to it.

    python bench/fit_fidelity.py            # prints the constants
    python bench/fit_fidelity.py --write    # also writes workbench/fidelity_calibration.json

Fitted on the FIRST half of the ntrex-dev documents only (``bench_fidelity.py`` reports
on the other half):

- meaning: logistic regression of "is a translation" on raw cosine, correct pairs
  against the same sources paired with another sentence of the same document (same
  topic: the hard case an aligner meets) and with one of another document.  Correct
  and wrong pairs barely overlap, so an unregularised fit would be a step function
  (cosine 0.85 -> 0.999); soft targets (SMOOTHING) keep the slope finite, so that the
  score still ranks pairs inside each group;
- length: mean of log(len(ar)/len(vi)) in characters over correct pairs, and its
  variance as VAR0 + VAR_K / len(vi) (short sentences vary more), least squares over
  length bins.

The penalty weights (numbers, names, untranslated) are set by hand in
``workbench/align/fidelity.py`` with the reasons given there; they are not tuned here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity_cases import (  # noqa: E402
    SEED, embed, load_pairs, random_cases, same_document_cases, split_by_document,
)

from workbench.align.fidelity import CALIBRATION_PATH  # noqa: E402


SMOOTHING = 0.03


def fit_logistic(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of p = sigmoid(a + b x) by Newton's method; y may be soft targets."""
    a, b = 0.0, 0.0
    xs = (x - x.mean()) / x.std()
    for _ in range(50):
        p = 1 / (1 + np.exp(-(a + b * xs)))
        w = p * (1 - p) + 1e-9
        g = np.array([np.sum(y - p), np.sum((y - p) * xs)])
        h = np.array([[w.sum(), (w * xs).sum()], [(w * xs).sum(), (w * xs * xs).sum()]])
        step = np.linalg.solve(h + 1e-9 * np.eye(2), g)
        a, b = a + step[0], b + step[1]
        if np.abs(step).max() < 1e-10:
            break
    # back to the raw cosine scale
    return float(a - b * x.mean() / x.std()), float(b / x.std())


def fit_length(vi: list[str], ar: list[str]) -> tuple[float, float, float]:
    lens = np.array([len(v) for v in vi], dtype=float)
    ratios = np.log(np.array([len(a) for a in ar], dtype=float) / lens)
    mean = float(ratios.mean())
    edges = np.quantile(lens, np.linspace(0, 1, 7))
    inv, var = [], []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (lens >= lo) & (lens <= hi)
        if sel.sum() >= 20:
            inv.append(float(np.mean(1 / lens[sel])))
            var.append(float(np.var(ratios[sel] - mean)))
    k, v0 = np.polyfit(inv, var, 1)
    return mean, max(float(v0), 0.002), max(float(k), 0.0)


def fit(cache: Path | None = None) -> dict:
    pairs = load_pairs()
    fit_half, _ = split_by_document(pairs)
    rng = random.Random(SEED)
    negatives = random_cases(fit_half, rng) + same_document_cases(fit_half, rng)
    src = embed([p.vi for p in fit_half], cache)
    pos_cos = np.sum(src * embed([p.ar for p in fit_half], cache), axis=1)
    neg_src = embed([c.vi for c in negatives], cache)
    neg_cos = np.sum(neg_src * embed([c.ar for c in negatives], cache), axis=1)
    x = np.concatenate([pos_cos, pos_cos, neg_cos]).astype(np.float64)  # balance classes
    y = np.concatenate([np.full(2 * len(pos_cos), 1 - SMOOTHING),
                        np.full(len(neg_cos), SMOOTHING)])
    a, b = fit_logistic(x, y)
    mean, v0, k = fit_length([p.vi for p in fit_half], [p.ar for p in fit_half])
    constants = {"CAL_A": round(a, 4), "CAL_B": round(b, 4), "LEN_MEAN": round(mean, 4),
                 "LEN_VAR0": round(v0, 5), "LEN_VAR_K": round(k, 4)}
    digest = hashlib.blake2b(json.dumps(constants, sort_keys=True).encode(), digest_size=4)
    return {
        "id": f"ntrex-fit-{digest.hexdigest()}",
        "fitted_on": f"ntrex-dev, first half of documents ({len(fit_half)} pairs, "
                     f"{len(negatives)} wrong pairs, half from the same document), "
                     f"soft targets {SMOOTHING}, seed {SEED}",
        "script": "bench/fit_fidelity.py",
        "constants": constants,
        "cosine": {"correct_mean": round(float(pos_cos.mean()), 4),
                   "wrong_mean": round(float(neg_cos.mean()), 4)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {CALIBRATION_PATH.name}")
    parser.add_argument("--cache", type=Path, help="embedding cache (.npz) for repeated runs")
    args = parser.parse_args()
    result = fit(args.cache)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    c = result["constants"]
    for cos in (0.80, 0.85, 0.88, 0.90, 0.92, 0.95):
        p = 1 / (1 + math.exp(-(c["CAL_A"] + c["CAL_B"] * cos)))
        print(f"cosine {cos:.2f} -> meaning {p:.3f}")
    if args.write:
        CALIBRATION_PATH.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        print(f"wrote {CALIBRATION_PATH}")


if __name__ == "__main__":
    main()
